//! URLs as inputs of `analyze`, `extract` and `ingest`, against a one-page HTTP server the test
//! starts on 127.0.0.1; `--offline` refuses to fetch.

mod common;

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener};

use common::{analyze_json, parallax, Scratch};

const ARTICLE: &str = "<html><head><title>Harbour closed</title></head><body><article><p>The harbour was closed on Sunday after a cargo ship ran aground near the northern pier, port officials said.</p><p>Divers inspected the hull and found no leak, the officials added.</p></article></body></html>";

/// A server that answers `/news/harbour.html` with the article and anything else with 404.
fn start() -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for mut stream in listener.incoming().flatten() {
            let mut request = [0u8; 4096];
            let n = stream.read(&mut request).unwrap_or(0);
            let head = String::from_utf8_lossy(&request[..n]);
            let (status, body) = if head.starts_with("GET /news/harbour.html ") {
                ("200 OK", ARTICLE)
            } else {
                ("404 Not Found", "gone")
            };
            let _ = write!(
                stream,
                "HTTP/1.1 {status}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
        }
    });
    addr
}

#[test]
fn a_url_is_analyzed_beside_files_and_a_dead_link_is_named() {
    let base = format!("http://{}", start());
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
    let base = format!("http://{}", start());
    let url = format!("{base}/news/harbour.html");
    let out = parallax(&["extract", "--offline", &url], None);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("--offline"), "{stderr}");
    assert!(out.stdout.is_empty());
}
