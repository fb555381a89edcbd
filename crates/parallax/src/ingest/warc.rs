//! WARC input, as Common Crawl's CC-NEWS publishes it: a file of records, each record usually
//! its own gzip member (a whole file gzipped as one member is read too). Response records with an
//! HTML payload become pages (the target URI is the page URL); request, metadata and warcinfo
//! records are skipped.
//!
//! The file is streamed: memory stays within one record (capped at
//! [`IngestOptions::max_bytes`]) and one header block ([`MAX_HEADER`]), whatever the file's size,
//! and every decompression, the HTTP body's `Content-Encoding` included, stops at the cap.
//! A body sent with `Transfer-Encoding: chunked` and stored as sent (as some crawlers write
//! it) is joined from its chunks before it is decompressed ([`dechunked`]).
//! A damaged record is rejected on its own and reading resumes at the next one: a corrupt gzip
//! member at the next gzip header, a record whose `Content-Length` does not end it at the next
//! line that opens a WARC record.

use std::fs;
use std::io::{self, Read};
use std::path::Path;

use flate2::bufread::GzDecoder;

use super::{page_from_bytes, Batch, IngestError, IngestOptions, PageKind};

/// The two bytes every gzip member starts with.
const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// The largest WARC or HTTP header block read: a longer one marks a damaged record.
pub(crate) const MAX_HEADER: usize = 64 * 1024;

/// How much is read from the file at a time.
const CHUNK: usize = 64 * 1024;

/// True for `.warc` and `.warc.gz` paths.
pub(crate) fn is_warc(path: &Path) -> bool {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    name.ends_with(".warc") || name.ends_with(".warc.gz")
}

/// Reads every record of a WARC file into the batch.
pub(crate) fn read_warc(batch: &mut Batch, path: &Path, name: &str, opts: IngestOptions) {
    let file = match fs::File::open(path) {
        Ok(f) => f,
        Err(e) => return batch.reject(name, IngestError::Unreadable(e)),
    };
    let stem = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("warc")
        .trim_end_matches(".gz")
        .trim_end_matches(".warc")
        .to_string();
    read_warc_from(batch, file, name, &stem, opts);
}

/// Reads every record of a WARC stream (plain or gzipped) into the batch; pages are named
/// `{name}:{record number}` and their ids are `{stem}-{record number}`.
pub fn read_warc_from(
    batch: &mut Batch,
    reader: impl Read,
    name: &str,
    stem: &str,
    opts: IngestOptions,
) {
    let mut records = Records {
        batch,
        name,
        stem,
        opts,
        number: 0,
    };
    let mut input = Input::new(reader);
    let outcome = match input.fill(GZIP_MAGIC.len()) {
        Ok(head) if head.starts_with(&GZIP_MAGIC) => read_members(&mut records, &mut input),
        Ok(_) => records.read_stream(&mut input),
        Err(e) => Err(e),
    };
    if let Err(e) = outcome {
        records.batch.reject(name, IngestError::Unreadable(e));
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

/// A reader with a buffer that can be peeked into, read by lines or blocks, and pushed back into.
struct Input<R> {
    inner: R,
    buf: Vec<u8>,
    pos: usize,
    eof: bool,
    /// How many of the bytes still to be read were pushed back by [`Input::unread`].
    replayed: usize,
}

impl<R: Read> Input<R> {
    fn new(inner: R) -> Self {
        Input {
            inner,
            buf: Vec::new(),
            pos: 0,
            eof: false,
            replayed: 0,
        }
    }

    /// The buffered bytes, at least `want` of them unless the input ends first.
    fn fill(&mut self, want: usize) -> io::Result<&[u8]> {
        while self.buf.len() - self.pos < want && !self.eof {
            if self.pos > 0 {
                self.buf.drain(..self.pos);
                self.pos = 0;
            }
            let old = self.buf.len();
            self.buf.resize(old + CHUNK.max(want - old), 0);
            let read = loop {
                match self.inner.read(&mut self.buf[old..]) {
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                    other => break other,
                }
            };
            match read {
                Ok(n) => {
                    self.buf.truncate(old + n);
                    self.eof = n == 0;
                }
                Err(e) => {
                    self.buf.truncate(old);
                    return Err(e);
                }
            }
        }
        Ok(&self.buf[self.pos..])
    }

    fn consume(&mut self, n: usize) {
        let n = n.min(self.buf.len() - self.pos);
        self.pos += n;
        self.replayed = self.replayed.saturating_sub(n);
    }

    /// Puts `bytes` back in front of what is still to be read.
    fn unread(&mut self, bytes: &[u8]) {
        let mut joined = Vec::with_capacity(bytes.len() + self.buf.len() - self.pos);
        joined.extend_from_slice(bytes);
        joined.extend_from_slice(&self.buf[self.pos..]);
        self.buf = joined;
        self.pos = 0;
        self.replayed += bytes.len();
    }

    /// True while bytes pushed back are being read again: they are not pushed back twice, so
    /// that every byte is read at most twice.
    fn replaying(&self) -> bool {
        self.replayed > 0
    }

    /// Consumes whitespace; false when the input ends.
    fn skip_whitespace(&mut self) -> io::Result<bool> {
        loop {
            let buf = self.fill(1)?;
            if buf.is_empty() {
                return Ok(false);
            }
            match buf.iter().position(|b| !b.is_ascii_whitespace()) {
                Some(p) => {
                    self.consume(p);
                    return Ok(true);
                }
                None => {
                    let n = buf.len();
                    self.consume(n);
                }
            }
        }
    }

    /// Reads a line (its newline included) of at most `cap` bytes; None at the end of the input,
    /// `Err(Overlong)` when no newline comes within `cap` bytes (those bytes are consumed).
    fn line(&mut self, cap: usize) -> io::Result<Option<Result<Vec<u8>, Overlong>>> {
        let mut scanned = 0;
        loop {
            let avail = self.fill(scanned + 1)?.len();
            if avail == 0 {
                return Ok(None);
            }
            let limit = avail.min(cap);
            let from = scanned.min(limit);
            let window = &self.buf[self.pos + from..self.pos + limit];
            let end = match memchr::memchr(b'\n', window) {
                Some(p) => from + p + 1,
                None if avail >= cap => {
                    self.consume(cap);
                    return Ok(Some(Err(Overlong)));
                }
                None if self.eof => avail,
                None => {
                    scanned = avail;
                    continue;
                }
            };
            let line = self.buf[self.pos..self.pos + end].to_vec();
            self.consume(end);
            return Ok(Some(Ok(line)));
        }
    }

    /// Reads exactly `len` bytes, or returns how many were there when the input ended first.
    fn block(&mut self, len: usize) -> io::Result<Result<Vec<u8>, usize>> {
        let mut out = Vec::with_capacity(len.min(CHUNK * 16));
        while out.len() < len {
            let buf = self.fill(1)?;
            if buf.is_empty() {
                return Ok(Err(out.len()));
            }
            let n = buf.len().min(len - out.len());
            out.extend_from_slice(&buf[..n]);
            self.consume(n);
        }
        Ok(Ok(out))
    }

    /// Skips `len` bytes without keeping them; returns how many there were.
    fn skip(&mut self, len: u64) -> io::Result<u64> {
        let mut skipped = 0u64;
        while skipped < len {
            let buf = self.fill(1)?;
            if buf.is_empty() {
                break;
            }
            let n = (buf.len() as u64).min(len - skipped) as usize;
            self.consume(n);
            skipped += n as u64;
        }
        Ok(skipped)
    }

    /// True when a record's block ends here: the record terminator (a blank line) follows, or
    /// the next record, or nothing (only the terminator is consumed).
    fn at_record_boundary(&mut self) -> io::Result<bool> {
        for terminator in [&b"\r\n\r\n"[..], b"\n\n"] {
            if self.fill(terminator.len())?.starts_with(terminator) {
                self.consume(terminator.len());
                return Ok(true);
            }
        }
        // Look past whitespace without consuming it: bytes pushed back must stay whole.
        let mut blank = 0;
        loop {
            let buf = self.fill(blank + 1)?;
            if buf.len() <= blank {
                return Ok(true);
            }
            match buf[blank..].iter().position(|b| !b.is_ascii_whitespace()) {
                Some(p) => {
                    blank += p;
                    break;
                }
                None if buf.len() > MAX_HEADER => return Ok(false),
                None => blank = buf.len(),
            }
        }
        Ok(self.fill(blank + WARC_LINE.len())?[blank..].starts_with(WARC_LINE))
    }

    /// Moves to the next line that opens a WARC record (this one included), reading at most
    /// `budget` bytes; false when none is found.
    fn seek_record(&mut self, budget: usize) -> io::Result<bool> {
        const NEEDLE: &[u8] = b"\nWARC/";
        if self.fill(WARC_LINE.len())?.starts_with(WARC_LINE) {
            return Ok(true);
        }
        let mut scanned = 0usize;
        loop {
            let buf = self.fill(NEEDLE.len())?;
            if buf.len() < NEEDLE.len() {
                let n = buf.len();
                self.consume(n);
                return Ok(false);
            }
            if let Some(p) = memchr::memmem::find(buf, NEEDLE) {
                self.consume(p + 1);
                return Ok(true);
            }
            // Keep the last bytes: the needle may straddle two reads.
            let n = buf.len() - (NEEDLE.len() - 1);
            self.consume(n);
            scanned = scanned.saturating_add(n);
            if scanned > budget {
                return Ok(false);
            }
        }
    }
}

/// A line that ran past its cap.
struct Overlong;

/// How every WARC record opens.
const WARC_LINE: &[u8] = b"WARC/";

/// Decompresses member after member, each as a stream of records; a member that fails is
/// rejected, and reading resumes at the next gzip header after it.
fn read_members<R: Read>(records: &mut Records, input: &mut Input<R>) -> io::Result<()> {
    // Bytes read again after corrupt members, at most the cap in all: members laid out to fail
    // one after another cannot make the file's work grow with the square of its size.
    let mut rewind_budget = records.opts.max_bytes;
    loop {
        // Find the next member.
        loop {
            let buf = input.fill(GZIP_MAGIC.len())?;
            if buf.len() < GZIP_MAGIC.len() {
                return Ok(());
            }
            match memchr::memmem::find(buf, &GZIP_MAGIC) {
                Some(p) => {
                    input.consume(p);
                    break;
                }
                None => {
                    let n = buf.len() - 1;
                    input.consume(n);
                }
            }
        }
        // The member's compressed bytes are kept (up to the cap) so that reading can resume
        // right after its header when it turns out corrupt: a truncated member reads on into
        // the members after it.
        let mut reader = InputReader {
            input: &mut *input,
            seen: Vec::new(),
            keep: records.opts.max_bytes,
        };
        let mut member = Input::new(GzDecoder::new(&mut reader));
        let outcome = records.read_stream(&mut member);
        // The rest of a member the records did not use (a stop after damage) is not decoded:
        // the search for the next header skips it.
        drop(member);
        let seen = std::mem::take(&mut reader.seen);
        let kept_whole = seen.len() <= records.opts.max_bytes;
        if let Err(e) = outcome {
            records.number += 1;
            let at = format!("{}:{}", records.name, records.number);
            records.batch.reject(
                at,
                IngestError::BadWarcRecord(format!("corrupt gzip member: {e}")),
            );
            let again = seen.len().saturating_sub(1);
            if again > 0 && kept_whole && again <= rewind_budget {
                rewind_budget -= again;
                input.unread(&seen[1..]);
                continue;
            }
        }
        // A member that used no byte would be read again forever; otherwise reading resumes
        // where the decoder stopped.
        if seen.is_empty() {
            input.consume(1);
        }
    }
}

/// An [`Input`] as a buffered reader, for the gzip decoder to read its members from; it keeps
/// what it hands out, until that grows past `keep` bytes.
struct InputReader<'a, R> {
    input: &'a mut Input<R>,
    seen: Vec<u8>,
    keep: usize,
}

impl<R: Read> Read for InputReader<'_, R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let n = {
            let buf = self.input.fill(1)?;
            let n = buf.len().min(out.len());
            out[..n].copy_from_slice(&buf[..n]);
            n
        };
        io::BufRead::consume(self, n);
        Ok(n)
    }
}

impl<R: Read> io::BufRead for InputReader<'_, R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.input.fill(1)
    }

    fn consume(&mut self, n: usize) {
        if self.seen.len() <= self.keep {
            let buf = &self.input.buf[self.input.pos..];
            self.seen.extend_from_slice(&buf[..n.min(buf.len())]);
        }
        self.input.consume(n);
    }
}

/// What reading one record leaves the reader to do next.
enum Next {
    /// Read the next record.
    Go,
    /// The record is damaged: reject it and look for the next record.
    Resync(IngestError),
    /// The record is damaged and nothing after it can be trusted: reject it and stop.
    Stop(IngestError),
}

impl Records<'_> {
    /// Reads records until the stream ends; an error is the stream's own (a corrupt member).
    fn read_stream<R: Read>(&mut self, input: &mut Input<R>) -> io::Result<()> {
        // A record's length is capped, so the next one cannot be further than this.
        let budget = self.opts.max_bytes.saturating_add(MAX_HEADER);
        while input.skip_whitespace()? {
            self.number += 1;
            let at = format!("{}:{}", self.name, self.number);
            match self.record(input, &at)? {
                Next::Go => {}
                Next::Resync(err) => {
                    self.batch.reject(at, err);
                    if !input.seek_record(budget)? {
                        if input.skip_whitespace()? {
                            self.batch.reject(
                                format!("{}:{}", self.name, self.number + 1),
                                IngestError::BadWarcRecord(format!(
                                    "no WARC record in the next {budget} bytes; the rest is skipped"
                                )),
                            );
                        }
                        return Ok(());
                    }
                }
                Next::Stop(err) => {
                    self.batch.reject(at, err);
                    return Ok(());
                }
            }
        }
        Ok(())
    }

    /// Reads the record that starts here.
    fn record<R: Read>(&mut self, input: &mut Input<R>, at: &str) -> io::Result<Next> {
        let bad = |reason: &str| IngestError::BadWarcRecord(reason.to_string());
        let replaying = input.replaying();
        let mut head = Vec::new();
        loop {
            let Some(line) = input.line(MAX_HEADER - head.len().min(MAX_HEADER))? else {
                return Ok(Next::Stop(bad("truncated WARC header")));
            };
            let Ok(line) = line else {
                return Ok(Next::Resync(bad("WARC header over 64 KiB")));
            };
            if head.is_empty() && !line.starts_with(WARC_LINE) {
                return Ok(Next::Resync(bad(
                    "not a WARC record (no WARC/ version line)",
                )));
            }
            if line == b"\r\n" || line == b"\n" {
                break;
            }
            if !line.ends_with(b"\n") {
                return Ok(Next::Stop(bad("truncated WARC header")));
            }
            head.extend_from_slice(&line);
        }
        let warc = headers(&head);
        let Some(length) = header(&warc, "content-length").and_then(|v| v.parse::<u64>().ok())
        else {
            return Ok(Next::Resync(bad("WARC record without a Content-Length")));
        };
        let is_response = header(&warc, "warc-type") == Some("response");
        if length > self.opts.max_bytes as u64 {
            let skipped = input.skip(length)?;
            let err = IngestError::TooLarge {
                size: length,
                cap: self.opts.max_bytes,
            };
            if skipped < length {
                return Ok(Next::Stop(err));
            }
            if is_response {
                self.batch.reject(at, err);
            }
            return Ok(if input.at_record_boundary()? {
                Next::Go
            } else {
                Next::Resync(misplaced_end(length))
            });
        }
        let block = match input.block(length as usize)? {
            Ok(block) => block,
            Err(present) => {
                return Ok(Next::Stop(IngestError::BadWarcRecord(format!(
                    "truncated WARC record: {length} bytes announced, {present} present"
                ))))
            }
        };
        if !input.at_record_boundary()? {
            // The length lied. When it was too long, the block swallowed the records after it:
            // give them back, unless this record was itself given back (a chain of lying records
            // would otherwise be read again and again).
            let swallowed = memchr::memmem::find(&block, b"\nWARC/").filter(|_| !replaying);
            if let Some(p) = swallowed {
                input.unread(&block[p + 1..]);
                self.batch.reject(at, misplaced_end(length));
                return Ok(Next::Go);
            }
            return Ok(Next::Resync(misplaced_end(length)));
        }
        if !is_response {
            return Ok(Next::Go);
        }
        let url = header(&warc, "warc-target-uri").map(str::to_string);
        match http_payload(&block, self.opts) {
            Ok(payload) => {
                let id = format!("{}-{}", self.stem, self.number);
                match page_from_bytes(at, &id, Some(PageKind::Html), payload) {
                    Ok(mut page) => {
                        page.url = url;
                        self.batch.push(page);
                    }
                    Err(e) => self.batch.reject(at, e),
                }
            }
            Err(e) => self.batch.reject(at, e),
        }
        Ok(Next::Go)
    }
}

/// The rejection of a record whose `Content-Length` does not end it.
fn misplaced_end(length: u64) -> IngestError {
    IngestError::BadWarcRecord(format!(
        "its Content-Length ({length}) does not end the record"
    ))
}

/// Position of the first blank line (`\r\n\r\n`, `\n\r\n` or `\n\n`) and the length of its
/// terminator, in one pass.
fn header_end(bytes: &[u8]) -> Option<(usize, usize)> {
    let mut from = 0;
    while let Some(p) = memchr::memchr(b'\n', &bytes[from..]) {
        let i = from + p;
        match &bytes[i + 1..] {
            [b'\n', ..] => return Some((i, 2)),
            [b'\r', b'\n', ..] if i > 0 && bytes[i - 1] == b'\r' => return Some((i - 1, 4)),
            [b'\r', b'\n', ..] => return Some((i, 3)),
            _ => from = i + 1,
        }
    }
    None
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

/// The HTML payload of an HTTP response block, or why it is not one. A compressed body is
/// decompressed up to the size cap, no further.
fn http_payload(block: &[u8], opts: IngestOptions) -> Result<Vec<u8>, IngestError> {
    let bad = |reason: String| IngestError::BadWarcRecord(reason);
    let head_len = block.len().min(MAX_HEADER);
    let Some((end, sep)) = header_end(&block[..head_len]) else {
        return Err(bad("response record without HTTP headers".into()));
    };
    let line_end = memchr::memchr(b'\n', &block[..end]).unwrap_or(end);
    let status_line = String::from_utf8_lossy(&block[..line_end]).to_string();
    let status = status_line.split_whitespace().nth(1).unwrap_or("");
    if status != "200" {
        return Err(bad(format!("HTTP status {status}, not a page")));
    }
    let http = headers(&block[..end]);
    let content_type = header(&http, "content-type").unwrap_or("text/html");
    let lower = content_type.to_ascii_lowercase();
    if !(lower.contains("html") || lower.starts_with("text/plain")) {
        return Err(bad(format!(
            "not an HTML response (content type {content_type})"
        )));
    }
    let raw = &block[end + sep..];
    // A body stored with its chunks (the header kept by the crawler) is joined from them; a
    // crawler that joined them itself but kept the header leaves a body that does not parse
    // as chunks, read as it is.
    let chunked = header(&http, "transfer-encoding")
        .is_some_and(|te| te.to_ascii_lowercase().contains("chunked"));
    let joined = if chunked {
        dechunked(raw, opts.max_bytes)?
    } else {
        None
    };
    let body = joined.as_deref().unwrap_or(raw);
    match header(&http, "content-encoding").map(str::to_ascii_lowercase) {
        Some(enc) if enc == "gzip" || enc == "x-gzip" => {
            let mut out = Vec::new();
            let cap = opts.max_bytes as u64;
            flate2::read::MultiGzDecoder::new(body)
                .take(cap.saturating_add(1))
                .read_to_end(&mut out)
                .map_err(|e| bad(format!("payload gzip does not decode: {e}")))?;
            if out.len() as u64 > cap {
                return Err(IngestError::Inflated {
                    cap: opts.max_bytes,
                });
            }
            Ok(out)
        }
        Some(enc) if enc != "identity" => Err(bad(format!("unsupported content encoding {enc}"))),
        _ => Ok(body.to_vec()),
    }
}

/// A body in HTTP/1.1 chunked transfer coding (`SIZE[;extension]CRLF DATA CRLF … 0 CRLF
/// [trailers] CRLF`) joined from its chunks; `None` when `body` does not parse as chunks (it is
/// then read as it is). One pass over the body; an error when the joined body passes `cap`.
fn dechunked(body: &[u8], cap: usize) -> Result<Option<Vec<u8>>, IngestError> {
    let mut out = Vec::new();
    let mut at = 0;
    loop {
        let Some(line_len) = body.get(at..).and_then(|rest| memchr::memchr(b'\n', rest)) else {
            return Ok(None);
        };
        let line = body.get(at..at + line_len).unwrap_or_default();
        let size_text = line.split(|&b| b == b';').next().unwrap_or_default();
        let size_text = std::str::from_utf8(size_text).unwrap_or("").trim();
        // At most 16 hex digits: a larger size is no chunk size a body can hold.
        if size_text.is_empty() || size_text.len() > 16 {
            return Ok(None);
        }
        let Ok(size) = usize::from_str_radix(size_text, 16) else {
            return Ok(None);
        };
        at += line_len + 1;
        if size == 0 {
            // The last chunk: trailers, if any, are not part of the body.
            return Ok(Some(out));
        }
        let Some(data) = at.checked_add(size).and_then(|end| body.get(at..end)) else {
            return Ok(None);
        };
        if out.len() + data.len() > cap {
            return Err(IngestError::Inflated { cap });
        }
        out.extend_from_slice(data);
        at += size;
        // The chunk's closing line break.
        match body.get(at..) {
            Some([b'\r', b'\n', ..]) => at += 2,
            Some([b'\n', ..]) => at += 1,
            _ => return Ok(None),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::write::GzEncoder;
    use flate2::Compression;
    use std::io::Write;
    use std::time::{Duration, Instant};

    fn response(url: &str, content_type: &str, extra: &str, body: &[u8]) -> Vec<u8> {
        let mut http =
            format!("HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\n{extra}\r\n").into_bytes();
        http.extend_from_slice(body);
        warc_record("response", url, &http, None)
    }

    /// A record whose header announces `length` (the block's true length when None).
    fn warc_record(kind: &str, url: &str, block: &[u8], length: Option<usize>) -> Vec<u8> {
        let mut out = format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {url}\r\nContent-Length: {}\r\n\r\n",
            length.unwrap_or(block.len())
        )
        .into_bytes();
        out.extend_from_slice(block);
        out.extend_from_slice(b"\r\n\r\n");
        out
    }

    fn record(kind: &str, url: &str, content_type: &str, body: &str) -> Vec<u8> {
        if kind == "response" {
            response(url, content_type, "", body.as_bytes())
        } else {
            warc_record(kind, url, body.as_bytes(), None)
        }
    }

    fn gz(bytes: &[u8]) -> Vec<u8> {
        let mut e = GzEncoder::new(Vec::new(), Compression::fast());
        e.write_all(bytes).unwrap();
        e.finish().unwrap()
    }

    fn read_with(bytes: &[u8], file: &str, opts: IngestOptions) -> Batch {
        let mut batch = Batch::default();
        let stem = file.split('.').next().unwrap();
        read_warc_from(&mut batch, bytes, file, stem, opts);
        batch
    }

    fn read(bytes: &[u8], file: &str) -> Batch {
        read_with(bytes, file, IngestOptions::default())
    }

    fn urls(batch: &Batch) -> Vec<String> {
        batch.pages.iter().map(|p| p.url.clone().unwrap()).collect()
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
        assert_eq!(urls(&batch), ["https://a.example/1", "https://a.example/4"]);
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

    #[test]
    fn a_gzip_encoded_http_body_is_decompressed_only_up_to_the_cap() {
        let opts = IngestOptions {
            max_bytes: 256 * 1024,
        };
        // 8 MiB of one byte compresses to a few KiB: a small record that would grow 32 times
        // past the cap.
        let bomb = gz(&vec![b'a'; 8 * 1024 * 1024]);
        let mut file = gz(&response(
            "https://c.example/bomb",
            "text/html",
            "Content-Encoding: gzip\r\n",
            &bomb,
        ));
        let fine = gz(PAGE.as_bytes());
        file.extend(gz(&response(
            "https://c.example/fine",
            "text/html",
            "Content-Encoding: gzip\r\n",
            &fine,
        )));
        let batch = read_with(&file, "bomb.warc.gz", opts);
        assert_eq!(urls(&batch), ["https://c.example/fine"]);
        assert_eq!(batch.rejected.len(), 1, "{:?}", batch.rejected);
        assert_eq!(batch.rejected[0].input, "bomb.warc.gz:1");
        assert!(
            batch.rejected[0].reason.contains("262144"),
            "{:?}",
            batch.rejected
        );
    }

    /// `bytes` in HTTP/1.1 chunked transfer coding, in chunks of `size` bytes, with a chunk
    /// extension on the first and a trailer after the last.
    fn chunked(bytes: &[u8], size: usize) -> Vec<u8> {
        let mut out = Vec::new();
        for (i, piece) in bytes.chunks(size).enumerate() {
            let extension = if i == 0 { ";name=value" } else { "" };
            out.extend(format!("{:x}{extension}\r\n", piece.len()).into_bytes());
            out.extend_from_slice(piece);
            out.extend_from_slice(b"\r\n");
        }
        out.extend_from_slice(b"0\r\nExpires: never\r\n\r\n");
        out
    }

    #[test]
    fn a_chunked_body_is_joined_before_it_is_decompressed() {
        let gzipped = gz(PAGE.as_bytes());
        let mut file = gz(&response(
            "https://c.example/chunked",
            "text/html",
            "Transfer-Encoding: chunked\r\n",
            &chunked(PAGE.as_bytes(), 7),
        ));
        file.extend(gz(&response(
            "https://c.example/chunked-gzip",
            "text/html",
            "Transfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n",
            &chunked(&gzipped, 5),
        )));
        // A crawler that joined the chunks but kept the header: the body is read as it is.
        file.extend(gz(&response(
            "https://c.example/joined",
            "text/html",
            "Transfer-Encoding: chunked\r\n",
            PAGE.as_bytes(),
        )));
        let batch = read(&file, "chunks.warc.gz");
        assert!(batch.rejected.is_empty(), "{:?}", batch.rejected);
        assert_eq!(
            urls(&batch),
            [
                "https://c.example/chunked",
                "https://c.example/chunked-gzip",
                "https://c.example/joined"
            ]
        );
        for page in &batch.pages {
            match &page.content {
                super::super::Content::Bytes(b) => assert_eq!(b.as_slice(), PAGE.as_bytes()),
                other => panic!("{other:?}"),
            }
        }
    }

    #[test]
    fn a_chunked_record_past_the_cap_is_rejected() {
        let opts = IngestOptions { max_bytes: 1024 };
        let big = vec![b'a'; 4096];
        let file = gz(&response(
            "https://c.example/big",
            "text/html",
            "Transfer-Encoding: chunked\r\n",
            &chunked(&big, 100),
        ));
        let batch = read_with(&file, "big.warc.gz", opts);
        assert!(batch.pages.is_empty());
        assert_eq!(batch.rejected.len(), 1, "{:?}", batch.rejected);
    }

    #[test]
    fn a_chunk_size_that_runs_past_the_body_reads_the_body_as_it_is() {
        assert_eq!(
            dechunked(b"ffff\r\nshort\r\n0\r\n\r\n", 1 << 20).unwrap(),
            None
        );
        assert_eq!(dechunked(b"not a size\r\n", 1 << 20).unwrap(), None);
        assert_eq!(
            dechunked(b"3\r\nabc\r\n2\nde\n0\r\n\r\n", 1 << 20).unwrap(),
            Some(b"abcde".to_vec())
        );
    }

    #[test]
    fn a_lying_content_length_loses_only_its_own_record() {
        let good = |n: usize| {
            record(
                "response",
                &format!("https://d.example/{n}"),
                "text/html",
                PAGE,
            )
        };
        let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n{PAGE}");
        // Too short: the rest of the block follows where the next record should start.
        let mut file = good(1);
        file.extend(warc_record(
            "response",
            "https://d.example/short",
            http.as_bytes(),
            Some(20),
        ));
        file.extend(good(2));
        // Too long: the block swallows the record after it.
        file.extend(warc_record(
            "response",
            "https://d.example/long",
            http.as_bytes(),
            Some(http.len() + 120),
        ));
        file.extend(good(3));
        file.extend(good(4));
        let batch = read(&file, "lying.warc");
        assert_eq!(
            urls(&batch),
            [
                "https://d.example/1",
                "https://d.example/2",
                "https://d.example/3",
                "https://d.example/4"
            ]
        );
        assert_eq!(batch.rejected.len(), 2, "{:?}", batch.rejected);
        assert!(batch
            .rejected
            .iter()
            .all(|r| r.reason.contains("Content-Length")));
    }

    #[test]
    fn a_whole_file_gzip_over_the_cap_is_read_record_by_record() {
        let opts = IngestOptions {
            max_bytes: 64 * 1024,
        };
        let mut plain = Vec::new();
        for n in 0..1000 {
            plain.extend(record(
                "response",
                &format!("https://e.example/{n}"),
                "text/html",
                PAGE,
            ));
        }
        assert!(plain.len() > 2 * opts.max_bytes);
        let batch = read_with(&gz(&plain), "whole.warc.gz", opts);
        assert_eq!(batch.pages.len(), 1000, "{:?}", batch.rejected.first());
        assert!(batch.rejected.is_empty());
        // A record over the cap is named with its own size, and the rest is read.
        let mut big = record(
            "response",
            "https://e.example/big",
            "text/html",
            &"x".repeat(100_000),
        );
        big.extend(record(
            "response",
            "https://e.example/after",
            "text/html",
            PAGE,
        ));
        let batch = read_with(&gz(&big), "big.warc.gz", opts);
        assert_eq!(urls(&batch), ["https://e.example/after"]);
        assert!(
            batch.rejected[0].reason.starts_with("1000"),
            "{:?}",
            batch.rejected
        );
    }

    #[test]
    fn records_without_blank_lines_in_their_content_are_read_in_linear_time() {
        // CRLF headers and content with no blank line anywhere: a search for "\n\n" that runs
        // to the end of the file for every record made this quadratic.
        let body = "<p>".to_string() + &"word ".repeat(60) + "</p>";
        let mut file = Vec::new();
        for n in 0..20_000 {
            let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n{body}");
            let mut rec = format!(
                "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://f.example/{n}\r\nContent-Length: {}\r\n\r\n",
                http.len()
            )
            .into_bytes();
            rec.extend_from_slice(http.as_bytes());
            rec.extend_from_slice(b"\r\n");
            file.extend(rec);
        }
        let started = Instant::now();
        let batch = read(&file, "flat.warc");
        assert_eq!(batch.pages.len(), 20_000, "{:?}", batch.rejected.first());
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "{:?} for {} bytes",
            started.elapsed(),
            file.len()
        );
    }

    #[test]
    fn junk_between_records_is_skipped_to_the_next_record() {
        let mut file = b"garbage that is not a record\n".to_vec();
        file.extend(record("response", "https://g.example/1", "text/html", PAGE));
        file.extend(b"more garbage\r\n\r\n".iter());
        file.extend(record("response", "https://g.example/2", "text/html", PAGE));
        let batch = read(&file, "junk.warc");
        assert_eq!(urls(&batch), ["https://g.example/1", "https://g.example/2"]);
        assert_eq!(batch.rejected.len(), 2, "{:?}", batch.rejected);
    }

    #[test]
    fn a_chain_of_lying_lengths_is_read_in_linear_time() {
        // Every header announces a block that swallows many of the headers after it: pushing
        // each swallowed tail back again and again would copy the cap once per header.
        let opts = IngestOptions { max_bytes: 4 << 20 };
        // Each block ends inside a later header (1999976 = 20 mod the header's 58 bytes).
        let header = b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 1999976\r\n\r\n";
        assert_eq!(1_999_976 % header.len(), 20);
        let file: Vec<u8> = header.iter().copied().cycle().take(8 << 20).collect();
        let started = Instant::now();
        let batch = read_with(&file, "chain.warc", opts);
        assert!(batch.pages.is_empty());
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "{:?} for {} records",
            started.elapsed(),
            batch.rejected.len()
        );
    }

    #[test]
    fn corrupt_members_that_overlap_are_read_again_only_within_a_budget() {
        // Each member's one stored block holds the members after it and ends in an invalid
        // block: read again from one byte after each failed member, every member would decode
        // the whole rest of the file.
        let units = 4000;
        let unit = 15;
        let mut file = Vec::with_capacity(units * unit + 8);
        for k in 0..units {
            let len = ((units - k - 1) * unit + 4) as u16;
            file.extend_from_slice(&[0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
            file.push(0x00);
            file.extend_from_slice(&len.to_le_bytes());
            file.extend_from_slice(&(!len).to_le_bytes());
        }
        file.extend_from_slice(&[0x07; 8]);
        let opts = IngestOptions {
            max_bytes: 64 * 1024,
        };
        let batch = read_with(&file, "overlap.warc.gz", opts);
        assert!(batch.pages.is_empty());
        assert!(
            batch.rejected.len() < 100,
            "{} rejections: members were read again without end",
            batch.rejected.len()
        );
    }

    #[test]
    fn blank_lines_of_every_style_end_a_header() {
        assert_eq!(header_end(b"a\r\nb\r\n\r\nbody"), Some((4, 4)));
        assert_eq!(header_end(b"a\nb\n\nbody"), Some((3, 2)));
        assert_eq!(header_end(b"a\nb\n\r\nbody"), Some((3, 3)));
        assert_eq!(header_end(b"a\r\nb\r\nbody"), None);
    }
}
