//! Fetching against a small HTTP server started by the test on 127.0.0.1: pages, redirects,
//! charsets, and every bad case (404, redirect loop, timeout, huge body, compressed bomb, an
//! image) named with its reason. No test touches any other address.

use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::time::Duration;

use parallax::ingest::{Content, PageKind};
use parallax_fetch::{FetchError, FetchOptions, Fetcher};

const PAGE: &str = "<html><head><title>Floods</title></head><body><article><p>The river rose overnight, officials said.</p></article></body></html>";

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

/// Status line, headers and body for a path.
fn answer(path: &str) -> (String, Vec<(String, String)>, Vec<u8>) {
    let html = ("Content-Type".to_string(), "text/html".to_string());
    let ok = "200 OK".to_string();
    match path {
        "/page.html" => (ok, vec![html], PAGE.as_bytes().to_vec()),
        "/latin1" => (
            ok,
            vec![(
                "Content-Type".into(),
                "text/html; charset=windows-1252".into(),
            )],
            b"<html><body><p>Caf\xe9 owners said the street flooded.</p></body></html>".to_vec(),
        ),
        "/moved" => (
            "302 Found".into(),
            vec![("Location".into(), "/page.html".into())],
            vec![],
        ),
        "/loop" => (
            "302 Found".into(),
            vec![("Location".into(), "/loop".into())],
            vec![],
        ),
        "/slow" => {
            std::thread::sleep(Duration::from_secs(3));
            (ok, vec![html], PAGE.as_bytes().to_vec())
        }
        "/big" => (ok, vec![html], vec![b'a'; 3 << 20]),
        "/bomb" => (
            ok,
            vec![html, ("Content-Encoding".into(), "gzip".into())],
            gzip(&vec![b' '; 64 << 20]),
        ),
        "/image" => (
            ok,
            vec![("Content-Type".into(), "image/png".into())],
            b"\x89PNG".to_vec(),
        ),
        _ => ("404 Not Found".into(), vec![html], b"no such page".to_vec()),
    }
}

fn serve(mut stream: TcpStream) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    loop {
        let mut line = String::new();
        match reader.read_line(&mut line) {
            Ok(0) | Err(_) => return,
            Ok(_) if line == "\r\n" => break,
            Ok(_) => {}
        }
    }
    let path = request_line
        .split_whitespace()
        .nth(1)
        .unwrap_or("/")
        .to_string();
    let (status, headers, body) = answer(&path);
    let mut head = format!(
        "HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n",
        body.len()
    );
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(&body);
}

/// Starts the server; returns its address.
fn start() -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            std::thread::spawn(move || serve(stream));
        }
    });
    addr
}

fn fetcher() -> Fetcher {
    fetcher_waiting(Duration::from_secs(30))
}

/// A fetcher that gives up after `timeout`: a short one for the slow answer, a long one for the
/// rest, so that a slow machine reading a large body is no timeout.
fn fetcher_waiting(timeout: Duration) -> Fetcher {
    Fetcher::new(FetchOptions {
        max_bytes: 1 << 20,
        timeout,
        max_redirects: 5,
    })
}

#[test]
fn a_page_is_fetched_with_its_final_url_after_redirects() {
    let base = format!("http://{}", start());
    let page = fetcher().page(&format!("{base}/moved")).unwrap();
    assert_eq!(
        page.url.as_deref(),
        Some(format!("{base}/page.html").as_str())
    );
    assert_eq!(page.id, "page");
    assert_eq!(page.kind, PageKind::Html);
    assert_eq!(page.source, format!("{base}/moved"));
}

#[test]
fn the_charset_of_the_content_type_decodes_the_page() {
    let base = format!("http://{}", start());
    let page = fetcher().page(&format!("{base}/latin1")).unwrap();
    match page.content {
        Content::Text(t) => assert!(t.contains("Café owners"), "{t}"),
        Content::Bytes(_) => panic!("the declared charset was not used"),
    }
}

#[test]
fn every_bad_answer_is_named_with_its_reason() {
    let base = format!("http://{}", start());
    let f = fetcher();
    let err = |path: &str| f.page(&format!("{base}{path}")).unwrap_err();
    assert!(matches!(err("/missing"), FetchError::Status(404)));
    assert!(
        matches!(err("/loop"), FetchError::Redirects(5)),
        "{}",
        err("/loop")
    );
    let quick = fetcher_waiting(Duration::from_secs(1));
    let slow = quick.page(&format!("{base}/slow")).unwrap_err();
    assert!(matches!(slow, FetchError::Timeout(_)), "{slow}");
    assert!(
        matches!(err("/big"), FetchError::TooLarge { cap: 1048576 }),
        "{}",
        err("/big")
    );
    assert!(
        matches!(err("/bomb"), FetchError::TooLarge { .. }),
        "{}",
        err("/bomb")
    );
    assert!(
        matches!(err("/image"), FetchError::NotAPage(_)),
        "{}",
        err("/image")
    );
    assert!(err("/image").to_string().contains("image/png"));
    // Nothing listens there: refused, named as a network failure.
    let closed = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let refused = f.page(&format!("http://{closed}/page.html")).unwrap_err();
    assert!(matches!(refused, FetchError::Network(_)), "{refused}");
}
