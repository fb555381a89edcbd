//! Bad input never crashes the program and never loses the rest of the batch: each bad input is
//! named on stderr with the reason, the rest is processed and reported, and the exit status is 1.

mod common;

use common::{analyze_json, parallax, Scratch};
use serde_json::Value;

const ARTICLE: &str = "City officials said on Tuesday that the new bridge across the river would open in May, two months later than planned, after engineers found cracks in one of its supports.\n\nThe mayor told reporters that the delay would not raise the cost of the project, which is paid for by the state.\n";

fn ids(report: &Value) -> Vec<String> {
    report["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap().to_string())
        .collect()
}

/// Runs analyze on `inputs`, expecting exit status 1, the good document kept, and every
/// `(input, reason)` named on one stderr line.
fn expect_rejected(inputs: &[&str], extra: &[&str], keep: &str, named: &[(&str, &str)]) -> Value {
    let mut args: Vec<&str> = extra.to_vec();
    args.extend_from_slice(inputs);
    let (out, report) = analyze_json(&args);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "exit status; stderr: {stderr}");
    assert!(!stderr.contains("panicked"), "panic: {stderr}");
    assert!(
        ids(&report).iter().any(|i| i == keep),
        "good document {keep} lost: {:?}",
        ids(&report)
    );
    for (input, reason) in named {
        assert!(
            stderr
                .lines()
                .any(|l| l.contains(input) && l.contains(reason)),
            "stderr does not name {input} with {reason:?}: {stderr}"
        );
        assert!(report["rejected"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["input"].as_str().unwrap().contains(input)));
    }
    report
}

#[test]
fn missing_path() {
    let dir = Scratch::new("missing");
    let good = dir.file("good.txt", ARTICLE.as_bytes());
    let missing = dir.path.join("nope.txt");
    expect_rejected(
        &[missing.to_str().unwrap(), good.to_str().unwrap()],
        &[],
        "good",
        &[("nope.txt", "no such file")],
    );
}

#[test]
fn directory_with_a_binary_file() {
    let dir = Scratch::new("binary");
    dir.file("good.txt", ARTICLE.as_bytes());
    dir.file(
        "blob.html",
        &[0x89, b'P', b'N', b'G', 0, 0, 0, 13, 0xff, 0xd8, 0, 1, 2, 3],
    );
    dir.file("photo.jpg", &[0xff, 0xd8, 0xff, 0xe0, 0, 0x10]);
    let report = expect_rejected(
        &[dir.path.to_str().unwrap()],
        &[],
        "good",
        &[("blob.html", "binary data")],
    );
    assert_eq!(
        report["rejected"].as_array().unwrap().len(),
        1,
        "unsupported file types in a directory are skipped, not rejected"
    );
}

#[test]
fn empty_file() {
    let dir = Scratch::new("empty");
    let good = dir.file("good.txt", ARTICLE.as_bytes());
    let empty = dir.file("empty.txt", b"");
    let blank = dir.file("blank.txt", b"  \n\n ");
    expect_rejected(
        &[
            empty.to_str().unwrap(),
            blank.to_str().unwrap(),
            good.to_str().unwrap(),
        ],
        &[],
        "good",
        &[("empty.txt", "empty input"), ("blank.txt", "empty input")],
    );
}

#[test]
fn invalid_utf8() {
    let dir = Scratch::new("utf8");
    let good = dir.file("good.txt", ARTICLE.as_bytes());
    let mut broken = "Grüße aus Köln, sagte der Bürgermeister am Dienstag vor der Presse. "
        .repeat(3)
        .into_bytes();
    broken.extend_from_slice(&[0xff, 0xfe, b'x']);
    let bad = dir.file("broken.txt", &broken);
    expect_rejected(
        &[bad.to_str().unwrap(), good.to_str().unwrap()],
        &[],
        "good",
        &[("broken.txt", "invalid UTF-8 at byte")],
    );
}

#[test]
fn legacy_charset_is_decoded_not_rejected() {
    let dir = Scratch::new("latin1");
    // windows-1252 text: no UTF-8 sequences at all, so it is a legacy charset, not corruption.
    let text = "Le ministre a déclaré mardi que la réforme serait présentée à l'Assemblée en été, après des mois de négociations difficiles avec les syndicats.";
    let (bytes, _, _) = encoding_rs_like_cp1252(text);
    let file = dir.file("latin.txt", &bytes);
    let (out, report) = analyze_json(&[file.to_str().unwrap()]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(report["documents"][0]["text"]
        .as_str()
        .unwrap()
        .contains("déclaré"));
}

/// Encodes Latin-1-range text as single bytes (enough for the test's French sentence).
fn encoding_rs_like_cp1252(text: &str) -> (Vec<u8>, (), ()) {
    (text.chars().map(|c| u32::from(c) as u8).collect(), (), ())
}

#[test]
fn file_over_the_size_cap() {
    let dir = Scratch::new("cap");
    let good = dir.file("good.txt", ARTICLE.as_bytes());
    let big = dir.file("big.txt", ARTICLE.repeat(40).as_bytes());
    expect_rejected(
        &[big.to_str().unwrap(), good.to_str().unwrap()],
        &["--max-bytes", "2000"],
        "good",
        &[("big.txt", "over the 2000-byte cap")],
    );
}

#[test]
fn malformed_jsonl_line() {
    let dir = Scratch::new("jsonl");
    let line = |id: &str| {
        serde_json::json!({"id": id, "text": ARTICLE, "outlet": "Daily Bugle", "date": "2022-06-15"}).to_string()
    };
    let body = format!(
        "{}\n{{\"id\": \"broken\", \"text\": \n{}\n{{\"id\": \"x\"}}\n",
        line("first"),
        line("third")
    );
    let file = dir.file("batch.jsonl", body.as_bytes());
    let report = expect_rejected(
        &[file.to_str().unwrap()],
        &[],
        "first",
        &[
            ("batch.jsonl:2", "malformed JSONL record"),
            ("batch.jsonl:4", "neither \"text\" nor \"html\""),
        ],
    );
    assert!(
        ids(&report).contains(&"third".to_string()),
        "the line after the bad one is processed"
    );
    let first = &report["documents"][0];
    assert_eq!(first["outlet"], "Daily Bugle");
    assert_eq!(first["published"], "2022-06-15");
}

#[test]
fn bad_glob_and_symlink_out_of_the_directory() {
    let dir = Scratch::new("glob");
    dir.file("in/good.txt", ARTICLE.as_bytes());
    let outside = Scratch::new("outside");
    let secret = outside.file("secret.txt", ARTICLE.as_bytes());
    #[cfg(unix)]
    std::os::unix::fs::symlink(&secret, dir.path.join("in/link.txt")).unwrap();
    let pattern = format!("{}/nothing-*.txt", dir.path.display());
    let indir = dir.path.join("in");
    let mut named = vec![("nothing-*.txt", "pattern matched no file")];
    if cfg!(unix) {
        named.push(("link.txt", "symbolic link points outside"));
    }
    expect_rejected(
        &[pattern.as_str(), indir.to_str().unwrap()],
        &[],
        "good",
        &named,
    );
}

#[test]
fn globs_and_stdin_are_read() {
    let dir = Scratch::new("stdin");
    dir.file("a.txt", ARTICLE.as_bytes());
    let pattern = format!("{}/*.txt", dir.path.display());
    let out = parallax(
        &["analyze", "--format", "json", &pattern, "-"],
        Some(ARTICLE.replace("May", "June").as_bytes()),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(ids(&report), vec!["a".to_string(), "stdin".to_string()]);
    let sources: Vec<&str> = report["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["source"].as_str().unwrap())
        .collect();
    assert_eq!(sources[1], "-");
}

#[test]
fn bad_usage_exits_2() {
    let out = parallax(&["analyze", "--format", "pdf"], None);
    assert_eq!(out.status.code(), Some(2));
    let out = parallax(
        &["eval", "summary", "--dataset", "/nonexistent/data.jsonl"],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/data.jsonl"));
}

#[test]
fn markup_in_article_text_is_shown_as_text() {
    let dir = Scratch::new("xss");
    let hostile = format!("{ARTICLE}\nThe council's site showed <script>alert('x')</script> and <img src=x onerror=alert(1)> in its notice to residents today.\n");
    let file = dir.file("hostile.txt", hostile.as_bytes());
    let out = parallax(
        &["analyze", "--format", "html", file.to_str().unwrap()],
        None,
    );
    assert!(out.status.success());
    let html = String::from_utf8(out.stdout).unwrap();
    assert!(
        !html.contains("<script>") && !html.contains("<img src=x"),
        "markup from the article reached the page"
    );
    assert!(
        html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
            && html.contains("onerror=alert(1)&gt;")
    );
}

#[test]
fn html_pages_are_extracted() {
    let dir = Scratch::new("html");
    let paras: String = ARTICLE
        .split("\n\n")
        .map(|p| format!("<p>{}</p>", p.trim()))
        .collect::<Vec<_>>()
        .join("")
        .repeat(3);
    let page = format!("<!doctype html><html><head><meta charset=\"utf-8\"><title>Bridge delayed</title><meta property=\"og:site_name\" content=\"Daily Bugle\"></head><body><nav><a href=\"/\">Home</a> <a href=\"/sports\">Sports</a></nav><article>{paras}</article><footer>Copyright Daily Bugle</footer></body></html>");
    let file = dir.file("page.html", page.as_bytes());
    let out = parallax(
        &["extract", "--format", "json", file.to_str().unwrap()],
        None,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let record: Value =
        serde_json::from_slice(out.stdout.split(|&b| b == b'\n').next().unwrap()).unwrap();
    assert_eq!(record["outlet"], "Daily Bugle");
    assert!(record["text"]
        .as_str()
        .unwrap()
        .contains("new bridge across the river"));
    assert!(!record["text"].as_str().unwrap().contains("Copyright"));
    assert!(record["source"].as_str().unwrap().ends_with("page.html"));
}

#[test]
fn summarize_on_a_directory_stops_with_an_error() {
    let dir = Scratch::new("sumdir");
    let out = parallax(&["summarize", "--jsonl", dir.path.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).lines().count() <= 2,
        "one error, not a flood"
    );
}

#[test]
fn utf16_with_a_byte_order_mark_is_text() {
    let dir = Scratch::new("utf16");
    let mut bytes = vec![0xff, 0xfe];
    for unit in ARTICLE.encode_utf16() {
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    let file = dir.file("wide.txt", &bytes);
    let (out, report) = analyze_json(&[file.to_str().unwrap()]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(report["documents"][0]["text"]
        .as_str()
        .unwrap()
        .contains("new bridge"));
    assert_eq!(report["documents"][0]["charset"], "UTF-16LE");
}

#[test]
fn repeated_ids_become_unique() {
    let dir = Scratch::new("ids");
    let line = |id: &str, city: &str| {
        serde_json::json!({"id": id, "text": ARTICLE.replace("river", city)}).to_string()
    };
    let body = [
        line("a", "Danube"),
        line("a", "Rhine"),
        line("a-2", "Seine"),
    ]
    .join("\n");
    let file = dir.file("ids.jsonl", body.as_bytes());
    let (out, report) = analyze_json(&[file.to_str().unwrap()]);
    assert!(out.status.success());
    let mut got = ids(&report);
    got.sort();
    got.dedup();
    assert_eq!(got.len(), 3, "ids must be unique: {:?}", ids(&report));
}

#[test]
fn carriage_return_line_breaks_split_paragraphs() {
    let dir = Scratch::new("cr");
    let file = dir.file("mac.txt", ARTICLE.replace('\n', "\r").as_bytes());
    let (out, report) = analyze_json(&[file.to_str().unwrap()]);
    assert!(out.status.success());
    let doc = &report["documents"][0];
    assert!(doc["sentences"].as_array().unwrap().len() >= 2);
    assert!(!doc["text"].as_str().unwrap().contains('\r'));
}

#[test]
fn markdown_escapes_markup_from_articles() {
    let dir = Scratch::new("mdxss");
    let hostile = format!("{ARTICLE}\nThe notice read <img src=x onerror=alert(1)> and nothing else, the council said on Monday.\n");
    let file = dir.file("hostile.txt", hostile.as_bytes());
    let out = parallax(&["analyze", file.to_str().unwrap()], None);
    assert!(out.status.success());
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(!md.contains("<img"), "raw markup in the Markdown report");
    assert!(md.contains("&lt;img src=x onerror=alert(1)&gt;"));
}

#[test]
fn hostile_and_broken_html() {
    let dir = Scratch::new("html-bad");
    let body = ARTICLE.replace('\n', " ");
    let deep = format!(
        "<html><body>{}<p>{body}</p>{}</body></html>",
        "<div>".repeat(10_000),
        "</div>".repeat(10_000)
    );
    let deep = dir.file("deep.html", deep.as_bytes());
    let truncated = dir.file("truncated.html", format!("<html><head><title>Bridge</title></head><body><article><p>{body} and then the page stops mid").as_bytes());
    let empty = dir.file("nav-only.html", b"<html><head><title>Home</title></head><body><nav><a href=\"/\">Home</a></nav></body></html>");
    let out = parallax(
        &[
            "extract",
            "--format",
            "json",
            deep.to_str().unwrap(),
            truncated.to_str().unwrap(),
            empty.to_str().unwrap(),
        ],
        None,
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let records: Vec<Value> = out
        .stdout
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .map(|l| serde_json::from_slice(l).unwrap())
        .collect();
    assert_eq!(
        records.len(),
        2,
        "the deep and the truncated page are extracted"
    );
    assert!(records.iter().all(|r| r["text"]
        .as_str()
        .unwrap()
        .contains("new bridge across the river")));
    assert!(
        stderr
            .lines()
            .any(|l| l.contains("nav-only.html") && l.contains("no article text")),
        "{stderr}"
    );
}

#[test]
fn control_characters_in_names_and_text_are_escaped_on_the_terminal() {
    let dir = Scratch::new("controls");
    // A binary file whose name would clear the screen and forge a line of output.
    dir.file("evil\u{1b}[2J\nparallax: forged.txt", b"\x00\x01\x02binary");
    let page = format!(
        "<html><head><title>Storm\u{1b}]0;owned\u{7} warning</title></head><body><article><p>{}\u{9b}31m</p><p>{}</p></article></body></html>",
        ARTICLE.replace('\n', " "),
        ARTICLE.replace('\n', " ")
    );
    dir.file("page.html", page.as_bytes());
    let out = parallax(&["extract", dir.path.to_str().unwrap()], None);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    for shown in [&stderr, &stdout] {
        assert!(
            !shown.chars().any(|c| c.is_control() && c != '\n'),
            "raw control character printed: {shown:?}"
        );
    }
    assert!(
        !stderr.lines().any(|l| l.starts_with("parallax: forged")),
        "{stderr}"
    );
    assert!(
        stderr.contains("evil\\u{1b}[2J\\u{a}parallax: forged.txt"),
        "{stderr}"
    );
    assert!(
        stdout.contains("Storm\\u{1b}]0;owned\\u{7} warning"),
        "{stdout}"
    );
    // JSON output stays the same value, with the controls as JSON escapes.
    let out = parallax(
        &["extract", "--format", "json", dir.path.to_str().unwrap()],
        None,
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        !stdout.chars().any(|c| c.is_control() && c != '\n'),
        "{stdout:?}"
    );
    let record: Value = serde_json::from_str(stdout.lines().next().unwrap()).unwrap();
    assert!(record["title"].as_str().unwrap().contains('\u{1b}'));
}

#[test]
fn the_largest_max_bytes_reads_inputs_instead_of_emptying_them() {
    let dir = Scratch::new("maxbytes");
    let good = dir.file("good.txt", ARTICLE.as_bytes());
    let out = parallax(
        &[
            "extract",
            "--max-bytes",
            &u64::MAX.to_string(),
            good.to_str().unwrap(),
        ],
        None,
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("new bridge across the river"), "{stdout}");
}

#[test]
fn a_warc_record_whose_gzip_body_would_blow_past_the_cap_is_rejected_alone() {
    use flate2::write::GzEncoder;
    use std::io::Write;
    let gz = |bytes: &[u8]| {
        let mut e = GzEncoder::new(Vec::new(), flate2::Compression::fast());
        e.write_all(bytes).unwrap();
        e.finish().unwrap()
    };
    let record = |url: &str, body: &[u8]| {
        let mut http =
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n"
                .to_vec();
        http.extend_from_slice(body);
        let mut rec = format!(
            "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {url}\r\nContent-Length: {}\r\n\r\n",
            http.len()
        )
        .into_bytes();
        rec.extend(http);
        rec.extend_from_slice(b"\r\n\r\n");
        gz(&rec)
    };
    // 64 MiB of spaces inside an HTTP body, itself inside a WARC member: a few hundred KiB on
    // disk, and 32 times the cap once decompressed.
    let mut file = record("https://h.example/bomb", &gz(&vec![b' '; 64 << 20]));
    let page = format!(
        "<html><body><article><p>{}</p></article></body></html>",
        ARTICLE
    );
    file.extend(record("https://h.example/fine", &gz(page.as_bytes())));
    let dir = Scratch::new("warcbomb");
    let warc = dir.file("crawl.warc.gz", &file);
    let out = parallax(
        &["extract", "--max-bytes", "2000000", warc.to_str().unwrap()],
        None,
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("crawl.warc.gz:1") && stderr.contains("2000000-byte cap"),
        "{stderr}"
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("new bridge across the river"));
}

#[test]
fn two_ingest_processes_sharing_an_article_both_succeed() {
    let dir = Scratch::new("twoingests");
    let one = dir.path.join("one");
    let two = dir.path.join("two");
    dir.file("one/shared.txt", ARTICLE.as_bytes());
    dir.file("two/shared.txt", ARTICLE.as_bytes());
    dir.file(
        "two/other.txt",
        ARTICLE
            .replace("bridge", "tunnel")
            .replace("river", "hill")
            .as_bytes(),
    );
    for round in 0..6 {
        let db = dir.path.join(format!("store{round}.db"));
        let spawn = |input: &std::path::Path| {
            std::process::Command::new(env!("CARGO_BIN_EXE_parallax"))
                .args([
                    "ingest",
                    input.to_str().unwrap(),
                    "--db",
                    db.to_str().unwrap(),
                ])
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        };
        let runs = [spawn(&one), spawn(&two)];
        for run in runs {
            let out = run.wait_with_output().unwrap();
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(0), "round {round}: {stderr}");
        }
    }
}

#[test]
fn a_jsonl_record_of_binary_text_is_rejected_like_a_binary_file() {
    let dir = Scratch::new("jsonlnul");
    let good = serde_json::json!({"id": "good", "text": ARTICLE}).to_string();
    let nul =
        serde_json::json!({"id": "nul", "text": "Half a page\u{0}\u{0}\u{1} of bytes"}).to_string();
    let file = dir.file("batch.jsonl", format!("{nul}\n{good}\n").as_bytes());
    expect_rejected(
        &[file.to_str().unwrap()],
        &[],
        "good",
        &[("batch.jsonl:1", "binary data")],
    );
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

#[test]
fn gzipped_pages_and_batches_are_read_and_never_inflated_past_the_cap() {
    let dir = Scratch::new("gzipped");
    let page = format!(
        "<html><head><title>Bridge delay</title></head><body><article><p>{}</p></article></body></html>",
        ARTICLE.replace('\n', " ")
    );
    dir.file("pages/saved.html.gz", &gzip(page.as_bytes()));
    let record =
        serde_json::json!({"id": "from-jsonl", "text": ARTICLE.replace("bridge", "ferry")});
    dir.file(
        "pages/batch.jsonl.gz",
        &gzip(format!("{record}\n").as_bytes()),
    );
    // 40 MiB of spaces: some 40 KiB on disk, 20 times the cap once decompressed.
    dir.file("pages/bomb.txt.gz", &gzip(&vec![b' '; 40 << 20]));
    let (out, report) = analyze_json(&[
        "--max-bytes",
        "2000000",
        dir.path.join("pages").to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let mut found = ids(&report);
    found.sort();
    assert_eq!(found, ["from-jsonl", "saved"], "{stderr}");
    assert!(
        stderr
            .lines()
            .any(|l| l.contains("bomb.txt.gz") && l.contains("more than the 2000000-byte cap")),
        "{stderr}"
    );
}
