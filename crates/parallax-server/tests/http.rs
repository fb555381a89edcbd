//! The server over real TCP on 127.0.0.1: API answers, upload, escaping, body cap, timeouts.

use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::Path;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use parallax_server::{serve_on, AppState, Limits, MAX_BODY};

/// Starts a server on a free port over a new store holding the bundled example.
fn start(dir: &Path, limits: Limits) -> SocketAddr {
    start_with_state(dir, limits).0
}

/// [`start`], also returning the server's state.
fn start_with_state(dir: &Path, limits: Limits) -> (SocketAddr, Arc<AppState>) {
    start_with_access(dir, limits, parallax_server::Access::default())
}

/// [`start_with_state`] with these access rules.
fn start_with_access(
    dir: &Path,
    limits: Limits,
    access: parallax_server::Access,
) -> (SocketAddr, Arc<AppState>) {
    let db = dir.join("store.db");
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/xi-putin-call");
    let batch = parallax::ingest::read_inputs(
        &[example.display().to_string()],
        parallax::ingest::IngestOptions::default(),
    );
    let mut store = parallax_store::Store::open(&db).unwrap();
    store.ingest(batch.pages, &mut |_| {}).unwrap();
    drop(store);
    let state = AppState::with_access(db, access).unwrap();
    let shared = Arc::clone(&state);
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        // The runtime `parallax serve` runs on.
        parallax_server::runtime().unwrap().block_on(async move {
            // tokio's listen backlog (1024), as `parallax serve` has.
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
            tx.send(listener.local_addr().unwrap()).unwrap();
            serve_on(listener, state, limits).await.unwrap();
        })
    });
    let addr = rx.recv().unwrap();
    tokens()
        .lock()
        .unwrap()
        .insert(addr, shared.token().to_string());
    (addr, shared)
}

/// The write token of each server started here.
fn tokens() -> &'static Mutex<HashMap<SocketAddr, String>> {
    static TOKENS: OnceLock<Mutex<HashMap<SocketAddr, String>>> = OnceLock::new();
    TOKENS.get_or_init(Default::default)
}

fn token(addr: SocketAddr) -> String {
    tokens().lock().unwrap()[&addr].clone()
}

/// Sends `head` (request line and headers, without the blank line) and `body` on a new
/// connection; returns the status and the whole response.
fn raw(addr: SocketAddr, head: &str, body: &[u8]) -> (u16, String) {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    let head = format!(
        "{head}\r\nConnection: close\r\nContent-Length: {}\r\n\r\n",
        body.len()
    );
    s.write_all(head.as_bytes()).unwrap();
    let _ = s.write_all(body);
    let mut out = Vec::new();
    let _ = s.read_to_end(&mut out);
    let text = String::from_utf8_lossy(&out).to_string();
    let status = text
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    (status, text)
}

/// One HTTP/1.1 request on a new connection; returns the status and the body.
fn request(
    addr: SocketAddr,
    method: &str,
    path: &str,
    content_type: &str,
    body: &[u8],
) -> (u16, String) {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    let head = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nAuthorization: Bearer {}\r\nConnection: close\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        token(addr),
        body.len()
    );
    s.write_all(head.as_bytes()).unwrap();
    let _ = s.write_all(body);
    let mut out = Vec::new();
    let _ = s.read_to_end(&mut out);
    let text = String::from_utf8_lossy(&out).to_string();
    let status = text
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let body = text
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    (status, body)
}

fn get(addr: SocketAddr, path: &str) -> (u16, String) {
    request(addr, "GET", path, "text/plain", b"")
}

#[test]
fn api_serves_the_store_and_uploads_join_stories() {
    let dir = tempfile::tempdir().unwrap();
    let addr = start(dir.path(), Limits::default());

    let (status, body) = get(addr, "/api/openapi.json");
    assert_eq!(status, 200);
    let spec: serde_json::Value = serde_json::from_str(&body).unwrap();
    for path in [
        "/api/stories",
        "/api/stories/{id}",
        "/api/documents/{id}",
        "/api/quotes",
        "/api/search",
        "/api/ingest",
    ] {
        assert!(spec["paths"][path].is_object(), "{path} undocumented");
    }

    let (status, body) = get(addr, "/api/stories");
    assert_eq!(status, 200);
    let list: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(list["stories"][0]["documents"], 5);
    let (status, body) = get(addr, "/api/stories/story-1");
    assert_eq!(status, 200);
    let report: parallax::model::Report = serde_json::from_str(&body).unwrap();
    assert!(!report.stories[0].conflicts.is_empty());
    assert_eq!(get(addr, "/api/stories/999").0, 404);
    assert_eq!(get(addr, "/api/quotes?story=abc").0, 400);
    assert_eq!(get(addr, "/story/999").0, 404);
    let (status, page) = get(addr, "/story/1");
    assert_eq!(status, 200);
    assert!(page.contains("000_ee8cd0a75767a374.txt"));
    assert!(
        !page.contains("examples/xi-putin-call"),
        "pages show file names, not paths"
    );
    let (status, body) = get(addr, "/api/quotes?story=1&speaker=gabuev");
    assert_eq!(status, 200);
    assert!(body.contains("Alexander Gabuev"));

    // An upload about a different event becomes its own story; its markup stays text.
    let upload = serde_json::json!({"documents": [{
        "name": "../../etc/flood.txt",
        "content": "Floods swept through the valley town of Elsmere on Monday, officials said. <script>alert(1)</script> The mayor said 300 homes were damaged and <img src=x onerror=alert(2)> schools would stay closed.",
    }]});
    let (status, body) = request(
        addr,
        "POST",
        "/api/ingest",
        "application/json",
        upload.to_string().as_bytes(),
    );
    assert_eq!(status, 200, "{body}");
    let added: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(added["added"], 1);
    assert_eq!(
        added["documents"][0]["id"], "flood",
        "uploaded names never become paths"
    );
    let story = added["documents"][0]["story"].as_i64().unwrap();
    assert_ne!(story, 1);
    let (status, page) = get(addr, &format!("/story/{story}"));
    assert_eq!(status, 200);
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!page.contains("<script>alert") && !page.contains("<img src=x"));
    // The same upload again adds nothing.
    let (_, body) = request(
        addr,
        "POST",
        "/api/ingest",
        "application/json",
        upload.to_string().as_bytes(),
    );
    assert!(body.contains("\"added\":0"), "{body}");
    let (status, body) = request(
        addr,
        "POST",
        "/api/ingest",
        "application/json",
        b"{not json",
    );
    assert_eq!(status, 400, "{body}");
}

#[test]
fn oversized_bodies_are_refused_and_slow_clients_cut_off() {
    let dir = tempfile::tempdir().unwrap();
    let limits = Limits {
        header_timeout: Duration::from_millis(500),
        request_timeout: Duration::from_secs(1),
        ..Limits::default()
    };
    let addr = start(dir.path(), limits);
    let big = vec![b'a'; MAX_BODY + 1];
    let (status, _) = request(addr, "POST", "/api/ingest?name=big.txt", "text/plain", &big);
    assert_eq!(status, 413);

    // Headers that never finish: the server hangs up after the header timeout.
    let mut slow = TcpStream::connect(addr).unwrap();
    slow.set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    slow.write_all(b"GET / HTTP/1.1\r\nHost: 127.0.0.1")
        .unwrap();
    let started = Instant::now();
    let mut buf = Vec::new();
    let _ = slow.read_to_end(&mut buf);
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "slow headers not cut off"
    );

    // A body that trickles in slower than the request time limit: 408.
    let mut trickle = TcpStream::connect(addr).unwrap();
    trickle
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let head = format!("POST /api/ingest?name=a.txt HTTP/1.1\r\nHost: {addr}\r\nAuthorization: Bearer {}\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\nsome", token(addr));
    trickle.write_all(head.as_bytes()).unwrap();
    let mut out = Vec::new();
    let _ = trickle.read_to_end(&mut out);
    let text = String::from_utf8_lossy(&out);
    assert!(text.starts_with("HTTP/1.1 408"), "{text}");
    assert!(text.contains("nothing was stored"), "{text}");
    // The server still answers others, and a 408 upload was not stored.
    assert_eq!(get(addr, "/").0, 200);
    assert_eq!(get(addr, "/api/documents/a").0, 404);
}

/// Hardening item 10: an offset beyond i64 wrapped to the first page, and the UI's "more" link
/// overflowed on the largest offsets.
#[test]
fn offsets_beyond_i64_are_refused_not_wrapped() {
    let dir = tempfile::tempdir().unwrap();
    let addr = start(dir.path(), Limits::default());
    for path in [
        "/api/stories?offset=9223372036854775808",
        "/api/stories?offset=18446744073709551615&limit=1",
        "/?offset=9223372036854775808",
        "/?offset=18446744073709551615&limit=1",
    ] {
        let (status, body) = get(addr, path);
        assert_eq!(status, 400, "{path}: {body}");
    }
    // The largest offset that fits is a page past the end, not the first page.
    let (status, body) = get(addr, "/api/stories?offset=9223372036854775807");
    assert_eq!(status, 200, "{body}");
    let list: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(list["stories"].as_array().map(Vec::len), Some(0), "{body}");
    let (status, page) = get(addr, "/?offset=9223372036854775807&limit=1");
    assert_eq!(status, 200);
    assert!(!page.contains("more stories"), "{page}");
}

/// Hardening item 9: an upload passes the CLI's checks of a page (NUL bytes, the 10 MiB cap per
/// document); each refused document is named with its reason and the rest are stored; a name
/// with no stem gets a fallback id.
#[test]
fn uploads_pass_the_cli_checks_and_name_each_rejection() {
    let dir = tempfile::tempdir().unwrap();
    let addr = start(dir.path(), Limits::default());
    // One document, and it is bad: 400 naming the reason.
    let (status, body) = request(
        addr,
        "POST",
        "/api/ingest?name=nul.txt",
        "text/plain",
        b"Floods swept the valley town on Monday.\0\0\0 The mayor said homes were damaged.",
    );
    assert_eq!(status, 400, "{body}");
    assert!(
        body.contains("nul.txt") && body.contains("binary"),
        "{body}"
    );

    let big = "The council met again. ".repeat(12_000_000 / 23);
    let upload = serde_json::json!({"documents": [
        {"name": "nul.txt", "content": "Floods swept the valley town on Monday.\u{0} The mayor said homes were damaged."},
        {"name": "big.txt", "content": big},
        {"name": "", "content": "Workers at the Ardmore glassworks walked out on Thursday over unpaid overtime, the union said."},
        {"name": ".", "content": "A storm closed the mountain pass at Kellan on Friday, the roads agency said, stranding trucks."},
        {"name": "/", "content": "The Brisbane library will reopen in March after a two-year refit, the city council said."},
    ]});
    let (status, body) = request(
        addr,
        "POST",
        "/api/ingest",
        "application/json",
        upload.to_string().as_bytes(),
    );
    assert_eq!(status, 200, "{}", &body[..body.len().min(2000)]);
    let added: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(added["added"], 3, "{body}");
    let rejected = added["rejected"].as_array().unwrap();
    let reason = |name: &str| {
        rejected
            .iter()
            .find(|r| r["input"] == name)
            .and_then(|r| r["reason"].as_str())
            .unwrap_or_else(|| panic!("{name} not rejected: {body}"))
            .to_string()
    };
    assert!(reason("nul.txt").contains("binary"));
    assert!(reason("big.txt").contains("10485760-byte cap"));
    let ids: Vec<&str> = added["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["upload-3", "upload-4", "upload-5"], "{body}");
    assert_eq!(get(addr, "/api/documents/upload-3").0, 200);
    assert_eq!(
        get(addr, "/api/documents/nul").0,
        404,
        "the NUL document was stored"
    );
}

/// Hardening item 9: the OpenAPI document lists the statuses a path can answer, and only those.
#[test]
fn openapi_lists_the_statuses_each_path_answers() {
    let spec = parallax_server::openapi::spec();
    let responses = |path: &str, method: &str| {
        spec["paths"][path][method]["responses"]
            .as_object()
            .unwrap_or_else(|| panic!("{path} {method} has no responses"))
            .keys()
            .cloned()
            .collect::<Vec<_>>()
    };
    let ingest = responses("/api/ingest", "post");
    for status in ["200", "400", "401", "403", "408", "413", "421"] {
        assert!(
            ingest.contains(&status.to_string()),
            "ingest lacks {status}: {ingest:?}"
        );
    }
    for (path, can_404) in [
        ("/api/stories", false),
        ("/api/quotes", false),
        ("/api/search", false),
        ("/api/stories/{id}", true),
        ("/api/documents/{id}", true),
    ] {
        assert_eq!(
            responses(path, "get").contains(&"404".to_string()),
            can_404,
            "{path}"
        );
    }
    assert!(!ingest.contains(&"404".to_string()));
}

/// Hardening item 5: 1,000 concurrent requests grew the reader pool to about 512 connections
/// (1.1 GB, 1,039 descriptors). Connections are capped, the reader pool is fixed, and idle
/// connections held open do not keep a fresh request out.
#[test]
fn many_connections_leave_the_server_answering_and_the_reader_pool_capped() {
    let dir = tempfile::tempdir().unwrap();
    let (addr, state) = start_with_state(dir.path(), Limits::default());

    // 600 connections held open without a word, then a fresh request.
    let idle: Vec<TcpStream> = (0..600)
        .map(|_| TcpStream::connect(addr).unwrap())
        .collect();
    let started = Instant::now();
    let (status, _) = get(addr, "/");
    assert_eq!(status, 200);
    assert!(
        started.elapsed() < Duration::from_secs(8),
        "a fresh request waited {:?} behind idle connections",
        started.elapsed()
    );
    drop(idle);

    // 600 requests at once, each reading the store.
    let mut busy = Vec::new();
    for i in 0..600 {
        let mut s = TcpStream::connect(addr).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
        let path = ["/api/search?q=Xi", "/story/1", "/api/stories"][i % 3];
        let head = format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
        s.write_all(head.as_bytes()).unwrap();
        busy.push(s);
    }
    for mut s in busy {
        let mut out = Vec::new();
        let _ = s.read_to_end(&mut out);
        let text = String::from_utf8_lossy(&out[..out.len().min(200)]).to_string();
        assert!(text.starts_with("HTTP/1.1 200"), "{text}");
    }
    assert!(
        state.readers_peak() <= parallax_server::READERS,
        "{} read connections open at once; the cap is {}",
        state.readers_peak(),
        parallax_server::READERS
    );
}

const ARTICLE: &str = "Workers at the Ardmore glassworks walked out on Thursday over unpaid overtime, the union said.";

/// Hardening item 2: a cross-site form post planted articles, and any script could post. Writes
/// need the token; a write from a foreign Origin is refused even with it.
#[test]
fn writes_need_the_token_and_a_local_origin() {
    let dir = tempfile::tempdir().unwrap();
    let addr = start(dir.path(), Limits::default());
    let token = token(addr);
    let post = |extra: &str| {
        raw(
            addr,
            &format!("POST /api/ingest?name=ardmore.txt HTTP/1.1\r\nHost: {addr}\r\nContent-Type: text/plain{extra}"),
            ARTICLE.as_bytes(),
        )
    };
    // A cross-site form post: no token, a foreign Origin.
    let (status, text) = post("\r\nOrigin: http://evil.example");
    assert_eq!(status, 403, "{text}");
    let (status, text) = post("");
    assert_eq!(status, 401, "{text}");
    assert!(
        text.contains("WWW-Authenticate") || text.contains("www-authenticate"),
        "{text}"
    );
    let (status, text) = post("\r\nAuthorization: Bearer 0000");
    assert_eq!(status, 401, "{text}");
    let (status, text) = post(&format!(
        "\r\nAuthorization: Bearer {token}\r\nOrigin: http://evil.example"
    ));
    assert_eq!(status, 403, "{text}");
    let (status, text) = post(&format!(
        "\r\nAuthorization: Bearer {token}\r\nOrigin: null"
    ));
    assert_eq!(status, 403, "{text}");
    assert_eq!(
        get(addr, "/api/documents/ardmore").0,
        404,
        "a refused write was stored"
    );
    // The token with this server's own origin, or with none.
    let (status, text) = post(&format!(
        "\r\nAuthorization: Bearer {token}\r\nOrigin: http://localhost:{}",
        addr.port()
    ));
    assert_eq!(status, 200, "{text}");
    let (status, text) = raw(
        addr,
        &format!("POST /api/ingest?name=kellan.txt HTTP/1.1\r\nHost: {addr}\r\nContent-Type: text/plain\r\nAuthorization: bearer {token}"),
        b"A storm closed the mountain pass at Kellan on Friday, the roads agency said.",
    );
    assert_eq!(status, 200, "{text}");
    assert_eq!(get(addr, "/api/documents/ardmore").0, 200);
}

/// Hardening item 2: a DNS-rebinding page reads the store under its own host name. Every
/// request, reads included, must name an allowed host.
#[test]
fn requests_for_a_foreign_host_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let addr = start(dir.path(), Limits::default());
    let port = addr.port();
    for host in [
        format!("rebind.evil.example:{port}"),
        "rebind.evil.example".to_string(),
        format!("localhost:{}", port.wrapping_add(1)),
    ] {
        for path in ["/api/stories", "/", "/add"] {
            let (status, text) = raw(addr, &format!("GET {path} HTTP/1.1\r\nHost: {host}"), b"");
            assert!(status == 421 || status == 403, "{host} {path}: {text}");
            assert!(!text.contains("Xi"), "{host} {path} read the store");
        }
    }
    let (status, _) = raw(addr, "GET /api/stories HTTP/1.0", b"");
    assert_eq!(status, 421, "a request without Host");
    for host in [
        addr.to_string(),
        format!("localhost:{port}"),
        format!("[::1]:{port}"),
        format!("LocalHost:{port}"),
    ] {
        let (status, text) = raw(
            addr,
            &format!("GET /api/stories HTTP/1.1\r\nHost: {host}"),
            b"",
        );
        assert_eq!(status, 200, "{host}: {text}");
    }

    // A name the user allows.
    let db = dir.path().join("store.db");
    let access = parallax_server::Access {
        token: Some("given-token".into()),
        allowed_hosts: vec!["news.lan".into()],
    };
    let state = AppState::with_access(db, access).unwrap();
    assert_eq!(state.token(), "given-token");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap()
            .block_on(async move {
                let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
                tx.send(listener.local_addr().unwrap()).unwrap();
                serve_on(listener, state, Limits::default()).await.unwrap();
            })
    });
    let other = rx.recv().unwrap();
    assert_eq!(
        raw(other, "GET /api/stories HTTP/1.1\r\nHost: news.lan", b"").0,
        200
    );
    assert_eq!(
        raw(
            other,
            "GET /api/stories HTTP/1.1\r\nHost: news.lan:8443",
            b""
        )
        .0,
        200
    );
    assert_eq!(
        raw(
            other,
            "GET /api/stories HTTP/1.1\r\nHost: news.lan.evil.example",
            b""
        )
        .0,
        421
    );
    let (status, text) = raw(
        other,
        "POST /api/ingest?name=a.txt HTTP/1.1\r\nHost: news.lan\r\nOrigin: http://news.lan\r\nAuthorization: Bearer given-token\r\nContent-Type: text/plain",
        ARTICLE.as_bytes(),
    );
    assert_eq!(status, 200, "{text}");
}

/// Hardening item 2: the token is made at first start, kept beside the store for the owner
/// only, and handed to the upload form's script; pages may not be framed.
#[test]
fn the_token_is_kept_beside_the_store_and_given_to_the_upload_form() {
    let dir = tempfile::tempdir().unwrap();
    let addr = start(dir.path(), Limits::default());
    let token = token(addr);
    assert_eq!(token.len(), 64);
    let path = parallax_server::access::token_path(&dir.path().join("store.db"));
    assert_eq!(std::fs::read_to_string(&path).unwrap().trim(), token);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    // The next start keeps it.
    let again = AppState::new(dir.path().join("store.db")).unwrap();
    assert_eq!(again.token(), token);

    let (status, text) = raw(addr, &format!("GET /add HTTP/1.1\r\nHost: {addr}"), b"");
    assert_eq!(status, 200);
    assert!(text.contains(&format!("content=\"{token}\"")), "{text}");
    let lower = text.to_ascii_lowercase();
    assert!(lower.contains("frame-ancestors 'none'"), "{text}");
    assert!(lower.contains("cache-control: no-store"), "{text}");
    let (_, script) = get(addr, "/static/app.js");
    assert!(
        script.contains("Authorization"),
        "the form's script sends no token"
    );

    // Behind a proxy on this machine every visitor comes from 127.0.0.1, but asks for the
    // site's own name: the page then asks for the token instead of giving it.
    let proxied = tempfile::tempdir().unwrap();
    let access = parallax_server::Access {
        token: None,
        allowed_hosts: vec!["news.example".into()],
    };
    let (behind, state) = start_with_access(proxied.path(), Limits::default(), access);
    let (status, text) = raw(behind, "GET /add HTTP/1.1\r\nHost: news.example", b"");
    assert_eq!(status, 200, "{text}");
    assert!(
        !text.contains(state.token()),
        "the token went to a proxied visitor"
    );
    assert!(text.contains("type=\"password\""), "{text}");
}

/// Hardening item 5, the blocking threads: they are capped, and uploads waiting for the one
/// writer must not take them all while reads wait behind.
#[test]
fn reads_are_answered_while_many_uploads_wait_for_the_writer() {
    let dir = tempfile::tempdir().unwrap();
    let addr = start(dir.path(), Limits::default());
    let uploads: Vec<_> = (0..12)
        .map(|i| {
            std::thread::spawn(move || {
                let text = format!("Report {i}. ")
                    + &format!("The council of town {i} met on Monday to discuss the budget for roads and schools, the mayor said. ").repeat(30);
                request(
                    addr,
                    "POST",
                    &format!("/api/ingest?name=town-{i}.txt"),
                    "text/plain",
                    text.as_bytes(),
                )
                .0
            })
        })
        .collect();
    std::thread::sleep(Duration::from_millis(300));
    let started = Instant::now();
    assert_eq!(get(addr, "/api/stories?limit=1").0, 200);
    let waited = started.elapsed();
    // Before the fix a read waited 1.5-17 s behind 40 uploads; on a loaded machine an
    // unoptimized build may take a second on its own.
    assert!(
        waited < Duration::from_secs(3),
        "a read waited {waited:?} behind uploads"
    );
    let statuses: Vec<u16> = uploads.into_iter().map(|t| t.join().unwrap()).collect();
    assert!(statuses.iter().all(|&s| s == 200), "{statuses:?}");
}

#[test]
fn the_feeds_page_shows_each_followed_feed_and_when_it_was_read() {
    let dir = tempfile::tempdir().unwrap();
    let addr = start(dir.path(), Limits::default());
    let (status, text) = get(addr, "/feeds");
    assert_eq!(status, 200);
    assert!(text.contains("No feed is followed yet"), "{text}");
    let store = parallax_store::Store::open(&dir.path().join("store.db")).unwrap();
    let reading = parallax_store::FeedReading {
        status: "4 new, 0 known, 0 failed".into(),
        added: 4,
        ..Default::default()
    };
    store
        .record_feed_reading("https://port.example/feed.xml?a=1&b=<2>", &reading)
        .unwrap();
    let (status, text) = get(addr, "/feeds");
    assert_eq!(status, 200);
    assert!(
        text.contains("https://port.example/feed.xml?a=1&amp;b=&lt;2&gt;"),
        "{text}"
    );
    assert!(text.contains("4 new, 0 known, 0 failed"), "{text}");
    let row = &store.feeds().unwrap()[0];
    assert!(text.contains(row.last_read.as_deref().unwrap()), "{text}");
}

#[test]
fn a_document_page_marks_its_quotes_and_the_sentences_the_summary_cites() {
    let dir = tempfile::tempdir().unwrap();
    let addr = start(dir.path(), Limits::default());
    let (status, body) = get(addr, "/api/stories/story-1");
    assert_eq!(status, 200);
    let report: parallax::model::Report = serde_json::from_str(&body).unwrap();
    let story = &report.stories[0];
    // A document the summary cites and that holds quotes.
    let doc = story
        .summary
        .iter()
        .flat_map(|item| &item.sources)
        .map(|s| s.doc.clone())
        .find(|d| story.quotes.iter().any(|q| &q.doc == d))
        .expect("a cited document with quotes");
    let (status, page) = get(addr, &format!("/document/{doc}"));
    assert_eq!(status, 200);
    assert!(page.contains("class=\"cited\""), "no cited sentence marked");
    let quoted = page.matches("<q title=").count();
    assert!(quoted > 0, "no quote marked");
    // Each mark names who said it.
    let speaker = story
        .quotes
        .iter()
        .find(|q| q.doc == doc)
        .and_then(|q| q.speaker.clone().or(q.channel.clone()))
        .unwrap();
    assert!(page.contains(&parallax::render::html::escape(&speaker)));
}
