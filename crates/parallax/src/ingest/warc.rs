//! WARC input, as Common Crawl's CC-NEWS publishes it: a file of records, each record usually
//! its own gzip member. Response records with an HTML payload become pages (the target URI is
//! the page URL); request, metadata and warcinfo records are skipped. A corrupt gzip member, a
//! truncated record or a non-HTML response is rejected on its own and reading resumes at the
//! next record.

use std::fs;
use std::io::Read;
use std::path::Path;

use flate2::bufread::GzDecoder;

use super::{page_from_bytes, Batch, IngestError, IngestOptions, PageKind};

/// The two bytes every gzip member starts with.
const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// True for `.warc` and `.warc.gz` paths.
pub fn is_warc(path: &Path) -> bool {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    name.ends_with(".warc") || name.ends_with(".warc.gz")
}

/// Reads every record of a WARC file into the batch.
pub fn read_warc(batch: &mut Batch, path: &Path, name: &str, opts: IngestOptions) {
    let bytes = match fs::read(path) {
        Ok(b) => b,
        Err(e) => return batch.reject(name, IngestError::Unreadable(e)),
    };
    let stem = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("warc")
        .trim_end_matches(".gz")
        .trim_end_matches(".warc")
        .to_string();
    let mut records = Records {
        batch,
        name,
        stem: &stem,
        opts,
        number: 0,
    };
    if bytes.starts_with(&GZIP_MAGIC) {
        read_members(&mut records, &bytes);
    } else {
        let mut at = 0;
        while at < bytes.len() {
            match records.parse(&bytes[at..]) {
                Some(used) => at += used,
                None => break,
            }
        }
    }
}

/// Where the records of one file go.
struct Records<'a> {
    batch: &'a mut Batch,
    name: &'a str,
    stem: &'a str,
    opts: IngestOptions,
    number: usize,
}

/// Decompresses member after member; a member that fails is rejected, and reading resumes at
/// the next gzip header after it.
fn read_members(records: &mut Records, bytes: &[u8]) {
    let mut at = 0;
    while at < bytes.len() {
        if !bytes[at..].starts_with(&GZIP_MAGIC) {
            match find_magic(bytes, at + 1) {
                Some(next) => at = next,
                None => break,
            }
            continue;
        }
        let mut decoder = GzDecoder::new(&bytes[at..]);
        let mut plain = Vec::new();
        let cap = records.opts.max_bytes as u64 + 64 * 1024;
        let result = decoder.by_ref().take(cap + 1).read_to_end(&mut plain);
        // A byte slice is its own buffered reader: what is left of it is what the member did not use.
        let consumed = bytes.len() - at - decoder.into_inner().len();
        match result {
            Ok(_) if plain.len() as u64 > cap => {
                records.number += 1;
                let at_name = format!("{}:{}", records.name, records.number);
                records.batch.reject(
                    at_name,
                    IngestError::TooLarge {
                        size: plain.len() as u64,
                        cap: records.opts.max_bytes,
                    },
                );
                at = find_magic(bytes, at + consumed.max(1)).unwrap_or(bytes.len());
            }
            Ok(_) => {
                let mut inner = 0;
                while inner < plain.len() {
                    match records.parse(&plain[inner..]) {
                        Some(used) => inner += used,
                        None => break,
                    }
                }
                at += consumed.max(1);
            }
            Err(e) => {
                records.number += 1;
                let at_name = format!("{}:{}", records.name, records.number);
                records.batch.reject(
                    at_name,
                    IngestError::BadWarcRecord(format!("corrupt gzip member: {e}")),
                );
                at = find_magic(bytes, at + 1).unwrap_or(bytes.len());
            }
        }
    }
}

fn find_magic(bytes: &[u8], from: usize) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(2)
        .position(|w| w == GZIP_MAGIC)
        .map(|p| p + from)
}

/// Position of the first blank line (`\r\n\r\n` or `\n\n`) and the length of its terminator.
fn header_end(bytes: &[u8]) -> Option<(usize, usize)> {
    let crlf = bytes.windows(4).position(|w| w == b"\r\n\r\n");
    let lf = bytes.windows(2).position(|w| w == b"\n\n");
    match (crlf, lf) {
        (Some(c), Some(l)) if l < c => Some((l, 2)),
        (Some(c), _) => Some((c, 4)),
        (None, Some(l)) => Some((l, 2)),
        (None, None) => None,
    }
}

/// Header lines as lower-cased names and trimmed values.
fn headers(block: &[u8]) -> Vec<(String, String)> {
    String::from_utf8_lossy(block)
        .lines()
        .skip(1)
        .filter_map(|line| {
            let (k, v) = line.split_once(':')?;
            Some((k.trim().to_ascii_lowercase(), v.trim().to_string()))
        })
        .collect()
}

fn header<'h>(headers: &'h [(String, String)], name: &str) -> Option<&'h str> {
    headers
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

impl Records<'_> {
    /// Parses one record at the start of `bytes`; returns the bytes it used, or None when no
    /// record starts there.
    fn parse(&mut self, bytes: &[u8]) -> Option<usize> {
        let start = bytes.iter().position(|b| !b.is_ascii_whitespace())?;
        let bytes = &bytes[start..];
        if !bytes.starts_with(b"WARC/") {
            self.number += 1;
            let at = format!("{}:{}", self.name, self.number);
            self.batch.reject(
                at,
                IngestError::BadWarcRecord("not a WARC record (no WARC/ version line)".into()),
            );
            return None;
        }
        self.number += 1;
        let at = format!("{}:{}", self.name, self.number);
        let Some((end, sep)) = header_end(bytes) else {
            self.batch.reject(
                at,
                IngestError::BadWarcRecord("truncated WARC header".into()),
            );
            return None;
        };
        let warc = headers(&bytes[..end]);
        let length: Option<usize> = header(&warc, "content-length").and_then(|v| v.parse().ok());
        let Some(length) = length else {
            self.batch.reject(
                at,
                IngestError::BadWarcRecord("WARC record without a Content-Length".into()),
            );
            return None;
        };
        let body_start = end + sep;
        let Some(block) = bytes.get(body_start..body_start + length) else {
            self.batch.reject(
                at,
                IngestError::BadWarcRecord(format!(
                    "truncated WARC record: {length} bytes announced, {} present",
                    bytes.len() - body_start
                )),
            );
            return None;
        };
        let used = start + body_start + length;
        if header(&warc, "warc-type") != Some("response") {
            return Some(used);
        }
        if length > self.opts.max_bytes {
            self.batch.reject(
                at,
                IngestError::TooLarge {
                    size: length as u64,
                    cap: self.opts.max_bytes,
                },
            );
            return Some(used);
        }
        let url = header(&warc, "warc-target-uri").map(str::to_string);
        match http_payload(block) {
            Ok(payload) => {
                let id = format!("{}-{}", self.stem, self.number);
                match page_from_bytes(&at, &id, Some(PageKind::Html), payload) {
                    Ok(mut page) => {
                        page.url = url;
                        self.batch.pages.push(page);
                    }
                    Err(e) => self.batch.reject(at, e),
                }
            }
            Err(reason) => self.batch.reject(at, IngestError::BadWarcRecord(reason)),
        }
        Some(used)
    }
}

/// The HTML payload of an HTTP response block, or why it is not one.
fn http_payload(block: &[u8]) -> Result<Vec<u8>, String> {
    let Some((end, sep)) = header_end(block) else {
        return Err("response record without HTTP headers".into());
    };
    let line_end = block[..end].iter().position(|&b| b == b'\n').unwrap_or(end);
    let status_line = String::from_utf8_lossy(&block[..line_end]).to_string();
    let status = status_line.split_whitespace().nth(1).unwrap_or("");
    if status != "200" {
        return Err(format!("HTTP status {status}, not a page"));
    }
    let http = headers(&block[..end]);
    let content_type = header(&http, "content-type").unwrap_or("text/html");
    let lower = content_type.to_ascii_lowercase();
    if !(lower.contains("html") || lower.starts_with("text/plain")) {
        return Err(format!(
            "not an HTML response (content type {content_type})"
        ));
    }
    let body = &block[end + sep..];
    match header(&http, "content-encoding").map(str::to_ascii_lowercase) {
        Some(enc) if enc == "gzip" || enc == "x-gzip" => {
            let mut out = Vec::new();
            GzDecoder::new(body)
                .read_to_end(&mut out)
                .map_err(|e| format!("payload gzip does not decode: {e}"))?;
            Ok(out)
        }
        Some(enc) if enc != "identity" => Err(format!("unsupported content encoding {enc}")),
        _ => Ok(body.to_vec()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::write::GzEncoder;
    use flate2::Compression;
    use std::io::Write;

    fn record(kind: &str, url: &str, content_type: &str, body: &str) -> Vec<u8> {
        let http = format!("HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\n\r\n{body}");
        let block = if kind == "response" {
            http
        } else {
            body.to_string()
        };
        format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {url}\r\nContent-Length: {}\r\n\r\n{block}\r\n\r\n",
            block.len()
        )
        .into_bytes()
    }

    fn gz(bytes: &[u8]) -> Vec<u8> {
        let mut e = GzEncoder::new(Vec::new(), Compression::fast());
        e.write_all(bytes).unwrap();
        e.finish().unwrap()
    }

    fn read(bytes: &[u8], file: &str) -> Batch {
        let dir = std::env::temp_dir().join(format!("parallax-warc-{}-{file}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let path = dir.join(file);
        fs::write(&path, bytes).unwrap();
        let mut batch = Batch::default();
        read_warc(&mut batch, &path, file, IngestOptions::default());
        fs::remove_dir_all(&dir).unwrap();
        batch
    }

    const PAGE: &str = "<html><body><article><p>Floods hit the valley on Monday, officials said.</p></article></body></html>";

    #[test]
    fn gzip_members_give_pages_and_bad_members_are_rejected_alone() {
        let mut file = gz(&record("warcinfo", "", "", "software: test"));
        file.extend(gz(&record(
            "response",
            "https://a.example/1",
            "text/html; charset=utf-8",
            PAGE,
        )));
        file.extend(gz(&record(
            "request",
            "https://a.example/1",
            "",
            "GET / HTTP/1.1",
        )));
        let mut broken = gz(&record(
            "response",
            "https://a.example/2",
            "text/html",
            PAGE,
        ));
        broken.truncate(broken.len() / 2);
        file.extend(broken);
        file.extend(gz(&record(
            "response",
            "https://a.example/3",
            "image/png",
            "PNG",
        )));
        file.extend(gz(&record(
            "response",
            "https://a.example/4",
            "text/html",
            PAGE,
        )));
        let batch = read(&file, "news.warc.gz");
        let urls: Vec<_> = batch.pages.iter().map(|p| p.url.clone().unwrap()).collect();
        assert_eq!(urls, ["https://a.example/1", "https://a.example/4"]);
        assert_eq!(batch.rejected.len(), 2, "{:?}", batch.rejected);
        assert!(batch.rejected.iter().any(|r| r.reason.contains("gzip")));
        assert!(batch
            .rejected
            .iter()
            .any(|r| r.reason.contains("image/png")));
    }

    #[test]
    fn plain_warc_records_are_read_in_order() {
        let mut file = record("response", "https://b.example/1", "text/html", PAGE);
        file.extend(record("response", "https://b.example/2", "text/html", PAGE));
        let mut truncated = record("response", "https://b.example/3", "text/html", PAGE);
        truncated.truncate(truncated.len() - 40);
        file.extend(truncated);
        let batch = read(&file, "plain.warc");
        assert_eq!(batch.pages.len(), 2);
        assert_eq!(batch.pages[0].id, "plain-1");
        assert_eq!(batch.rejected.len(), 1);
        assert!(
            batch.rejected[0].reason.contains("truncated"),
            "{:?}",
            batch.rejected
        );
    }
}
