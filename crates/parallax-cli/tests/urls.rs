//! URLs as inputs of `analyze`, `extract` and `ingest`, against a one-page HTTP server the test
//! starts on 127.0.0.1; `--offline` refuses to fetch.

mod common;

use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener};
use std::sync::{Arc, Mutex};

use common::{analyze_json, parallax, Scratch};

const ARTICLE: &str = "<html><head><title>Harbour closed</title></head><body><article><p>The harbour was closed on Sunday after a cargo ship ran aground near the northern pier, port officials said.</p><p>Divers inspected the hull and found no leak, the officials added.</p></article></body></html>";

/// Three articles about one event, for feeds to list.
fn article(n: usize) -> String {
    let (place, detail) = [
        (
            "northern pier",
            "Divers inspected the hull and found no leak, the officials added.",
        ),
        (
            "harbour mouth",
            "Tugs were sent from the southern yard, a spokeswoman said.",
        ),
        (
            "fuel dock",
            "Ferries to the islands were cancelled until Monday, the operator said.",
        ),
    ][n % 3];
    // The second page has no title of its own: its feed entry's title stands in.
    let head = if n == 1 {
        String::new()
    } else {
        format!("<title>Ship aground {n}</title>")
    };
    format!(
        "<html><head>{head}</head><body><article><p>The harbour was closed on Sunday after a cargo ship ran aground near the {place}, port officials said.</p><p>{detail}</p></article></body></html>"
    )
}

const FEED: &str = r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Port news</title>
<item><title>Ship aground</title><link>/news/a.html</link><pubDate>Sun, 03 Mar 2024 10:00:00 GMT</pubDate></item>
<item><title>Tugs sent</title><link>/news/b.html</link></item>
<item><title>Ferries cancelled</title><link>/news/c.html</link></item>
<item><title>Repeated</title><link>/news/a.html</link></item>
<item><title>Gone</title><link>/news/gone.html</link></item>
</channel></rss>"#;

/// Requests the server answered, by path.
type Hits = Arc<Mutex<HashMap<String, usize>>>;

/// A server for the articles, a feed (with an `ETag`, honoured), a sitemap and a 404; counts
/// its requests by path.
fn start() -> (SocketAddr, Hits) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    let hits: Hits = Arc::default();
    let counted = Arc::clone(&hits);
    std::thread::spawn(move || {
        for mut stream in listener.incoming().flatten() {
            let mut request = [0u8; 8192];
            let n = stream.read(&mut request).unwrap_or(0);
            let head = String::from_utf8_lossy(&request[..n]).to_string();
            let path = head.split_whitespace().nth(1).unwrap_or("/").to_string();
            *counted.lock().unwrap().entry(path.clone()).or_default() += 1;
            let conditional = head
                .lines()
                .any(|l| l.eq_ignore_ascii_case("if-none-match: \"v1\""));
            let (status, kind, body) = match path.as_str() {
                "/news/harbour.html" => ("200 OK", "text/html; charset=utf-8", ARTICLE.to_string()),
                "/news/a.html" => ("200 OK", "text/html", article(0)),
                "/news/b.html" => ("200 OK", "text/html", article(1)),
                "/news/c.html" => ("200 OK", "text/html", article(2)),
                "/feed.xml" if conditional => ("304 Not Modified", "application/rss+xml", String::new()),
                "/feed.xml" => ("200 OK", "application/rss+xml", FEED.to_string()),
                "/sitemap.xml" => (
                    "200 OK",
                    "application/xml",
                    "<urlset><url><loc>/news/a.html</loc></url><url><loc>/news/b.html</loc></url></urlset>".to_string(),
                ),
                _ => ("404 Not Found", "text/html", "gone".to_string()),
            };
            let _ = write!(
                stream,
                "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nETag: \"v1\"\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
        }
    });
    (addr, hits)
}

fn hits(hits: &Hits, path: &str) -> usize {
    hits.lock().unwrap().get(path).copied().unwrap_or(0)
}

#[test]
fn a_url_is_analyzed_beside_files_and_a_dead_link_is_named() {
    let base = format!("http://{}", start().0);
    let dir = Scratch::new("urls");
    let file = dir.file(
        "local.txt",
        b"Port officials said on Sunday that a cargo ship ran aground near the northern pier and the harbour was closed.\n",
    );
    let good = format!("{base}/news/harbour.html");
    let dead = format!("{base}/news/gone.html");
    let (out, report) = analyze_json(&[&good, file.to_str().unwrap(), &dead]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(&format!("{dead}: HTTP status 404")),
        "{stderr}"
    );
    let docs = report["documents"].as_array().unwrap();
    let fetched = docs
        .iter()
        .find(|d| d["id"] == "harbour")
        .expect("the fetched page");
    assert_eq!(fetched["title"], "Harbour closed");
    assert!(fetched["text"].as_str().unwrap().contains("ran aground"));
    assert!(docs.iter().any(|d| d["id"] == "local"));
}

#[test]
fn offline_refuses_every_fetch() {
    let base = format!("http://{}", start().0);
    let url = format!("{base}/news/harbour.html");
    let out = parallax(&["extract", "--offline", &url], None);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("--offline"), "{stderr}");
    assert!(out.stdout.is_empty());
}

#[test]
fn a_feed_and_a_sitemap_stand_for_the_articles_they_list() {
    let (addr, _) = start();
    let base = format!("http://{addr}");
    let (out, report) = analyze_json(&[&format!("{base}/feed.xml")]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    // Four distinct links; the dead one is named, the repeated one fetched once.
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(&format!("{base}/news/gone.html: HTTP status 404")),
        "{stderr}"
    );
    let docs = report["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 3, "{stderr}");
    let first = docs.iter().find(|d| d["id"] == "a").unwrap();
    assert_eq!(
        first["title"], "Ship aground 0",
        "the page's own title comes first"
    );
    assert_eq!(
        first["published"], "2024-03-03",
        "the entry's date, the page having none"
    );
    assert_eq!(first["url"], format!("{base}/news/a.html"));
    let untitled = docs.iter().find(|d| d["id"] == "b").unwrap();
    assert_eq!(
        untitled["title"], "Tugs sent",
        "the entry's title, the page having none"
    );
    let (out, report) = analyze_json(&[&format!("{base}/sitemap.xml")]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(report["documents"].as_array().unwrap().len(), 2);
}

#[test]
fn following_an_unchanged_feed_fetches_nothing() {
    let (addr, served) = start();
    let dir = Scratch::new("follow");
    let list = dir.file(
        "feeds.txt",
        format!("# port news\nhttp://{addr}/feed.xml\n").as_bytes(),
    );
    let db = dir.path.join("store.db");
    let follow = || {
        parallax(
            &[
                "follow",
                list.to_str().unwrap(),
                "--db",
                db.to_str().unwrap(),
                "--once",
            ],
            None,
        )
    };
    let out = follow();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("3 new"), "{stderr}");
    assert_eq!(hits(&served, "/news/a.html"), 1);
    assert_eq!(hits(&served, "/feed.xml"), 1);
    // The second round asks with the feed's ETag, gets 304 and fetches no article.
    let out = follow();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("unchanged"), "{stderr}");
    assert_eq!(hits(&served, "/feed.xml"), 2);
    for page in ["/news/a.html", "/news/b.html", "/news/c.html"] {
        assert_eq!(hits(&served, page), 1, "{page} fetched again");
    }
    let stored = parallax_store::Store::open(&db).unwrap();
    let feeds = stored.feeds().unwrap();
    assert_eq!(feeds.len(), 1);
    assert_eq!(feeds[0].etag.as_deref(), Some("\"v1\""));
    assert_eq!(feeds[0].added, 3);
}

#[test]
fn ctrl_c_stops_following_cleanly_after_the_round_under_way() {
    let (addr, _) = start();
    let dir = Scratch::new("followstop");
    let list = dir.file("feeds.txt", format!("http://{addr}/feed.xml\n").as_bytes());
    let db = dir.path.join("store.db");
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args([
            "follow",
            list.to_str().unwrap(),
            "--db",
            db.to_str().unwrap(),
            "--every",
            "1h",
        ])
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Wait for the first round to be recorded, then interrupt.
    let waited = std::time::Instant::now();
    loop {
        let read = parallax_store::Store::open(&db)
            .ok()
            .and_then(|s| s.feeds().ok())
            .is_some_and(|f| !f.is_empty());
        if read {
            break;
        }
        assert!(
            waited.elapsed() < std::time::Duration::from_secs(30),
            "no round recorded"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let interrupted = std::time::Instant::now();
    let status = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let out = child.wait_with_output().unwrap();
    assert!(
        interrupted.elapsed() < std::time::Duration::from_secs(5),
        "did not stop"
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let (documents, _, _) = parallax_store::Store::open(&db).unwrap().counts().unwrap();
    assert_eq!(documents, 3);
}
