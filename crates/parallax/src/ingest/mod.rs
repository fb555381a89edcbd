//! Ingest: turns what the user named (files, directories, globs, `-` for stdin, JSONL batches)
//! into [`RawPage`]s.
//!
//! One bad input never stops the batch: each is returned as a [`Rejection`] naming the input and
//! the reason, and everything else is read. Directories are walked recursively in name order;
//! symbolic links are not followed out of the directory; files of unsupported types inside a
//! directory are skipped. Every input is capped at [`IngestOptions::max_bytes`].

use std::fs;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::mpsc::SyncSender;

use serde::Deserialize;

use crate::model::Rejection;

pub mod warc;

/// Default cap on one input (a file, or one JSONL record): 10 MiB.
pub const DEFAULT_MAX_BYTES: usize = 10 * 1024 * 1024;

/// Options for reading inputs.
#[derive(Debug, Clone, Copy)]
pub struct IngestOptions {
    /// The largest input (file or JSONL record) accepted, in bytes.
    pub max_bytes: usize,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            max_bytes: DEFAULT_MAX_BYTES,
        }
    }
}

/// Whether a page is HTML or plain text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageKind {
    /// An HTML page.
    Html,
    /// Plain text.
    Text,
}

/// The content of a page: raw bytes to be decoded, or text already decoded (a JSONL field).
#[derive(Debug, Clone)]
pub enum Content {
    /// Bytes as read from a file or stdin.
    Bytes(Vec<u8>),
    /// Text that arrived as a JSON string.
    Text(String),
}

/// One input page before decoding.
#[derive(Debug, Clone)]
pub struct RawPage {
    /// The input as the user named it (`path`, `path:line`, or `-`).
    pub source: String,
    /// The document id (a JSONL `id`, else the file stem, made unique in the batch).
    pub id: String,
    /// HTML or text.
    pub kind: PageKind,
    /// The page content.
    pub content: Content,
    /// The page URL, when given.
    pub url: Option<String>,
    /// The title, when given.
    pub title: Option<String>,
    /// The outlet, when given.
    pub outlet: Option<String>,
    /// The publication date, when given.
    pub date: Option<String>,
    /// What a feed or sitemap that listed the page said of it, used where the page is silent.
    pub listed: Option<Listed>,
}

impl RawPage {
    /// A plain-text page with nothing given but its id (which also names its source) and text.
    pub fn text(id: &str, text: &str) -> RawPage {
        RawPage {
            source: id.to_string(),
            id: id.to_string(),
            kind: PageKind::Text,
            content: Content::Text(text.to_string()),
            url: None,
            title: None,
            outlet: None,
            date: None,
            listed: None,
        }
    }
}

/// What a feed or sitemap says of a page it lists: the page's own metadata comes first, and
/// these fill in what it lacks.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Listed {
    /// The entry's title.
    pub title: Option<String>,
    /// The entry's publication (or last modification) date.
    pub date: Option<String>,
    /// The entry's author.
    pub author: Option<String>,
}

/// Why an input was rejected.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// The path does not exist.
    #[error("no such file or directory")]
    NotFound,
    /// The input could not be read.
    #[error("cannot read: {0}")]
    Unreadable(#[from] std::io::Error),
    /// The input holds nothing but whitespace.
    #[error("empty input")]
    Empty,
    /// The input looks like binary data, not text.
    #[error("binary data, not text or HTML")]
    Binary,
    /// The input is over the size cap.
    #[error("{size} bytes is over the {cap}-byte cap (raise it with --max-bytes)")]
    TooLarge {
        /// Its size.
        size: u64,
        /// The cap.
        cap: usize,
    },
    /// Compressed data grows past the size cap when decompressed.
    #[error("decompresses to more than the {cap}-byte cap (raise it with --max-bytes)")]
    Inflated {
        /// The cap.
        cap: usize,
    },
    /// A JSONL line is not a JSON object of the expected shape.
    #[error("malformed JSONL record: {0}")]
    BadRecord(String),
    /// A WARC record is damaged or holds no HTML page.
    #[error("bad WARC record: {0}")]
    BadWarcRecord(String),
    /// A glob pattern matched no file.
    #[error("pattern matched no file")]
    NoMatch,
    /// A glob pattern is invalid.
    #[error("invalid pattern: {0}")]
    BadPattern(String),
    /// A symbolic link points outside the directory being read.
    #[error("symbolic link points outside {0}")]
    OutsideRoot(String),
    /// The path names something that is neither a file nor a directory.
    #[error("not a regular file or directory")]
    NotAFile,
}

/// What reading a batch produced: pages and rejections, in input order. A streaming batch
/// ([`Batch::streaming`]) hands each page on as it is read instead of keeping it, so reading
/// inputs of any size holds only what the receiver has not yet taken.
#[derive(Debug, Default)]
pub struct Batch {
    /// The pages read (none in a streaming batch: they went to its receiver).
    pub pages: Vec<RawPage>,
    /// The inputs that were rejected.
    pub rejected: Vec<Rejection>,
    sink: Option<SyncSender<RawPage>>,
    streaming: bool,
}

impl Batch {
    /// A batch that sends each page to `sink` as it is read. The channel's bound bounds the
    /// memory reading takes; when the receiver is gone, pages read after it are dropped.
    pub fn streaming(sink: SyncSender<RawPage>) -> Batch {
        Batch {
            sink: Some(sink),
            streaming: true,
            ..Batch::default()
        }
    }

    /// Adds a page: sent on in a streaming batch (dropped once its receiver is gone), kept
    /// otherwise.
    pub fn push(&mut self, page: RawPage) {
        if !self.streaming {
            self.pages.push(page);
        } else if let Some(sink) = &self.sink {
            if sink.send(page).is_err() {
                self.sink = None;
            }
        }
    }

    fn reject(&mut self, input: impl Into<String>, err: IngestError) {
        self.rejected.push(Rejection {
            input: input.into(),
            reason: err.to_string(),
        });
    }

    fn dedupe_ids(&mut self) {
        unique_ids(&mut self.pages);
    }
}

/// Makes every page id unique in the batch by suffixing repeats with `-2`, `-3`, ... (skipping
/// suffixes already taken).
pub fn unique_ids(pages: &mut [RawPage]) {
    let mut used = std::collections::HashSet::<String>::new();
    for page in pages.iter_mut() {
        if !used.insert(page.id.clone()) {
            let mut n = 2;
            while used.contains(&format!("{}-{n}", page.id)) {
                n += 1;
            }
            page.id = format!("{}-{n}", page.id);
            used.insert(page.id.clone());
        }
    }
}

/// Reads every input. `-` reads stdin.
pub fn read_inputs(inputs: &[String], opts: IngestOptions) -> Batch {
    let mut batch = Batch::default();
    read_inputs_into(&mut batch, inputs, opts);
    batch
}

/// Reads every input into `batch` (which may be streaming); the ids of the pages it keeps are
/// made unique.
pub fn read_inputs_into(batch: &mut Batch, inputs: &[String], opts: IngestOptions) {
    for input in inputs {
        if input == "-" {
            read_stdin(batch, opts);
            continue;
        }
        let path = Path::new(input);
        if path.symlink_metadata().is_ok() {
            read_path(batch, path, input, opts);
        } else if input.contains(['*', '?', '[']) {
            read_glob(batch, input, opts);
        } else {
            batch.reject(input.as_str(), IngestError::NotFound);
        }
    }
    batch.dedupe_ids();
}

fn read_stdin(batch: &mut Batch, opts: IngestOptions) {
    let mut bytes = Vec::new();
    let limit = (opts.max_bytes as u64).saturating_add(1);
    match std::io::stdin().lock().take(limit).read_to_end(&mut bytes) {
        Ok(_) if bytes.len() > opts.max_bytes => batch.reject(
            "-",
            IngestError::TooLarge {
                size: bytes.len() as u64,
                cap: opts.max_bytes,
            },
        ),
        Ok(_) => match page_from_bytes("-", "stdin", None, bytes) {
            Ok(page) => batch.push(page),
            Err(e) => batch.reject("-", e),
        },
        Err(e) => batch.reject("-", IngestError::Unreadable(e)),
    }
}

fn read_glob(batch: &mut Batch, pattern: &str, opts: IngestOptions) {
    let paths = match glob::glob(pattern) {
        Ok(paths) => paths,
        Err(e) => return batch.reject(pattern, IngestError::BadPattern(e.msg.to_string())),
    };
    let mut any = false;
    for entry in paths {
        any = true;
        match entry {
            Ok(path) => {
                let name = path.display().to_string();
                read_path(batch, &path, &name, opts);
            }
            Err(e) => batch.reject(
                e.path().display().to_string(),
                IngestError::Unreadable(e.into()),
            ),
        }
    }
    if !any {
        batch.reject(pattern, IngestError::NoMatch);
    }
}

fn read_path(batch: &mut Batch, path: &Path, name: &str, opts: IngestOptions) {
    match fs::metadata(path) {
        Ok(meta) if meta.is_dir() => read_dir(batch, path, opts),
        Ok(meta) if meta.is_file() => read_file(batch, path, name, opts),
        Ok(_) => batch.reject(name, IngestError::NotAFile),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            batch.reject(name, IngestError::NotFound)
        }
        Err(e) => batch.reject(name, IngestError::Unreadable(e)),
    }
}

/// Walks a directory in name order; supported files are read, others skipped.
fn read_dir(batch: &mut Batch, root: &Path, opts: IngestOptions) {
    let canonical_root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let mut stack: Vec<PathBuf> = vec![root.to_path_buf()];
    let mut files = Vec::new();
    while let Some(dir) = stack.pop() {
        let entries = match fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) => {
                batch.reject(dir.display().to_string(), IngestError::Unreadable(e));
                continue;
            }
        };
        let mut children: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        children.sort();
        for child in children.into_iter().rev() {
            let hidden = child
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with('.'));
            if hidden {
                continue;
            }
            let Ok(meta) = child.symlink_metadata() else {
                continue;
            };
            if meta.file_type().is_symlink() {
                match child.canonicalize() {
                    Ok(target) if target.starts_with(&canonical_root) && target.is_file() => {
                        files.push(child)
                    }
                    Ok(target) if target.starts_with(&canonical_root) => {}
                    _ => batch.reject(
                        child.display().to_string(),
                        IngestError::OutsideRoot(root.display().to_string()),
                    ),
                }
            } else if meta.is_dir() {
                stack.push(child);
            } else if meta.is_file() {
                files.push(child);
            }
        }
    }
    files.sort();
    for file in files {
        let supported = |p: &Path| supported_extension(p).is_some();
        if supported(&file)
            || warc::is_warc(&file)
            || gzipped_name(&file).is_some_and(|inner| supported(&inner))
        {
            let name = file.display().to_string();
            read_file(batch, &file, &name, opts);
        }
    }
}

/// The name a gzipped input had before it was compressed (`page.html` for `page.html.gz`);
/// None for other files, and for WARC files, which have their own reader.
fn gzipped_name(path: &Path) -> Option<PathBuf> {
    let name = path.file_name()?.to_str()?;
    let lower = name.to_ascii_lowercase();
    if !lower.ends_with(".gz") || warc::is_warc(path) {
        return None;
    }
    Some(PathBuf::from(&name[..name.len() - 3]))
}

/// How many times its size on disk a gzipped JSONL batch may grow: text compresses some 3 to
/// 10 times, and deflate cannot go past about 1,000.
pub(crate) const MAX_GZIP_RATIO: u64 = 100;

/// Reads a gzipped page or JSONL batch: decompressed as a stream, and never past the size
/// cap (a page) or past the cap per line (a JSONL batch), however small the file on disk.
fn read_gzipped(batch: &mut Batch, path: &Path, inner: &Path, name: &str, opts: IngestOptions) {
    let file = match fs::File::open(path) {
        Ok(f) => f,
        Err(e) => return batch.reject(name, IngestError::Unreadable(e)),
    };
    let stem = inner
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("document")
        .to_string();
    let on_disk = file.metadata().map_or(0, |m| m.len());
    let decoder = flate2::read::MultiGzDecoder::new(BufReader::new(file));
    let kind = supported_extension(inner);
    if kind == Some(None) {
        // A batch holds many records, each capped; in all it may grow to a multiple of its
        // size on disk that text never needs, and no further.
        let limit = on_disk
            .saturating_mul(MAX_GZIP_RATIO)
            .max(opts.max_bytes as u64);
        let mut capped = BufReader::new(decoder.take(limit));
        read_jsonl_from(batch, &mut capped, name, &stem, opts);
        if capped.get_ref().limit() == 0 {
            batch.reject(
                name,
                IngestError::BadRecord(format!(
                    "decompresses to more than {limit} bytes ({MAX_GZIP_RATIO} times its size); the rest is not read"
                )),
            );
        }
        return;
    }
    let mut bytes = Vec::new();
    let read = decoder
        .take((opts.max_bytes as u64).saturating_add(1))
        .read_to_end(&mut bytes);
    if let Err(e) = read {
        return batch.reject(name, IngestError::Unreadable(e));
    }
    if bytes.len() > opts.max_bytes {
        return batch.reject(
            name,
            IngestError::Inflated {
                cap: opts.max_bytes,
            },
        );
    }
    match page_from_bytes(name, &stem, kind.flatten(), bytes) {
        Ok(page) => batch.push(page),
        Err(e) => batch.reject(name, e),
    }
}

/// The page kind an extension stands for; `Some(None)` for JSONL batches.
fn supported_extension(path: &Path) -> Option<Option<PageKind>> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "html" | "htm" | "xhtml" => Some(Some(PageKind::Html)),
        "txt" | "text" => Some(Some(PageKind::Text)),
        "jsonl" | "ndjson" => Some(None),
        _ => None,
    }
}

fn read_file(batch: &mut Batch, path: &Path, name: &str, opts: IngestOptions) {
    if warc::is_warc(path) {
        return warc::read_warc(batch, path, name, opts);
    }
    if let Some(inner) = gzipped_name(path) {
        return read_gzipped(batch, path, &inner, name, opts);
    }
    let kind = supported_extension(path);
    if kind == Some(None) {
        return read_jsonl(batch, path, name, opts);
    }
    let size = match fs::metadata(path) {
        Ok(meta) => meta.len(),
        Err(e) => return batch.reject(name, IngestError::Unreadable(e)),
    };
    if size > opts.max_bytes as u64 {
        return batch.reject(
            name,
            IngestError::TooLarge {
                size,
                cap: opts.max_bytes,
            },
        );
    }
    // Read at most one byte over the cap: the size on disk may lie (special files, growing files).
    let mut bytes = Vec::new();
    let read = fs::File::open(path).and_then(|f| {
        f.take((opts.max_bytes as u64).saturating_add(1))
            .read_to_end(&mut bytes)
    });
    if let Err(e) = read {
        return batch.reject(name, IngestError::Unreadable(e));
    }
    if bytes.len() > opts.max_bytes {
        return batch.reject(
            name,
            IngestError::TooLarge {
                size: bytes.len() as u64,
                cap: opts.max_bytes,
            },
        );
    }
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("document");
    match page_from_bytes(name, stem, kind.flatten(), bytes) {
        Ok(page) => batch.push(page),
        Err(e) => batch.reject(name, e),
    }
}

/// The checks every page's content passes wherever it comes from (a file, stdin, a WARC
/// record, a JSONL record, an upload to the server): not only whitespace, and not binary data
/// (UTF-16 text with a byte-order mark holds NUL bytes but is text).
pub fn check_page_bytes(bytes: &[u8]) -> Result<(), IngestError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(IngestError::Empty);
    }
    if encoding_rs::Encoding::for_bom(bytes).is_none() && looks_binary(bytes) {
        return Err(IngestError::Binary);
    }
    Ok(())
}

/// A page from bytes, as a file gives them: checked ([`check_page_bytes`]), its kind the one
/// given or else sniffed, its source `name` and its id `id`.
pub fn page_from_bytes(
    name: &str,
    id: &str,
    kind: Option<PageKind>,
    bytes: Vec<u8>,
) -> Result<RawPage, IngestError> {
    check_page_bytes(&bytes)?;
    let kind = kind.unwrap_or_else(|| sniff_kind(&bytes));
    Ok(RawPage {
        source: name.to_string(),
        id: id.to_string(),
        kind,
        content: Content::Bytes(bytes),
        url: None,
        title: None,
        outlet: None,
        date: None,
        listed: None,
    })
}

/// True for data with NUL bytes or many control characters near its start.
pub(crate) fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c))
        .count();
    controls * 50 > head.len()
}

/// Guesses HTML or text from the first bytes.
pub fn sniff_kind(bytes: &[u8]) -> PageKind {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]).to_ascii_lowercase();
    let trimmed = head.trim_start_matches('\u{feff}').trim_start();
    let tags = [
        "<!doctype html",
        "<html",
        "<head",
        "<body",
        "<article",
        "<div",
        "<p>",
        "<meta",
    ];
    if trimmed.starts_with('<') && tags.iter().any(|t| trimmed.contains(t)) {
        PageKind::Html
    } else {
        PageKind::Text
    }
}

/// One JSONL record.
#[derive(Debug, Deserialize)]
struct Record {
    id: Option<serde_json::Value>,
    text: Option<String>,
    html: Option<String>,
    url: Option<String>,
    title: Option<String>,
    outlet: Option<String>,
    date: Option<String>,
}

fn read_jsonl(batch: &mut Batch, path: &Path, name: &str, opts: IngestOptions) {
    let file = match fs::File::open(path) {
        Ok(f) => f,
        Err(e) => return batch.reject(name, IngestError::Unreadable(e)),
    };
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("record")
        .to_string();
    read_jsonl_from(batch, BufReader::new(file), name, &stem, opts);
}

/// Reads a JSONL stream, one record a line, each line capped at the size cap.
fn read_jsonl_from(
    batch: &mut Batch,
    mut reader: impl BufRead,
    name: &str,
    stem: &str,
    opts: IngestOptions,
) {
    let mut line = Vec::new();
    let mut number = 0usize;
    let mut any = false;
    loop {
        line.clear();
        number += 1;
        let cap = (opts.max_bytes as u64).saturating_add(1);
        let read = match (&mut reader).take(cap).read_until(b'\n', &mut line) {
            Ok(n) => n,
            Err(e) => return batch.reject(format!("{name}:{number}"), IngestError::Unreadable(e)),
        };
        if read == 0 {
            break;
        }
        let at = format!("{name}:{number}");
        if line.len() > opts.max_bytes && !line.ends_with(b"\n") {
            batch.reject(
                at,
                IngestError::TooLarge {
                    size: line.len() as u64,
                    cap: opts.max_bytes,
                },
            );
            // Skip the rest of the oversized line without holding it in memory.
            if skip_line(&mut reader).is_err() {
                return;
            }
            continue;
        }
        if line.iter().all(|b| b.is_ascii_whitespace()) {
            continue;
        }
        any = true;
        match record_page(&line, &at, &format!("{stem}-{number}")) {
            Ok(page) => batch.push(page),
            Err(e) => batch.reject(at, e),
        }
    }
    if !any {
        batch.reject(name, IngestError::Empty);
    }
}

/// Consumes input up to and including the next newline, a buffer at a time.
pub fn skip_line(reader: &mut impl BufRead) -> std::io::Result<()> {
    loop {
        let buf = reader.fill_buf()?;
        if buf.is_empty() {
            return Ok(());
        }
        match buf.iter().position(|&b| b == b'\n') {
            Some(p) => {
                reader.consume(p + 1);
                return Ok(());
            }
            None => {
                let n = buf.len();
                reader.consume(n);
            }
        }
    }
}

fn record_page(line: &[u8], at: &str, default_id: &str) -> Result<RawPage, IngestError> {
    let text = std::str::from_utf8(line).map_err(|e| {
        IngestError::BadRecord(format!("invalid UTF-8 at byte {}", e.valid_up_to()))
    })?;
    let record: Record =
        serde_json::from_str(text).map_err(|e| IngestError::BadRecord(e.to_string()))?;
    record_to_page(record, at, default_id)
}

/// A page from a JSON value: a string of article text, or an article record with `text` or
/// `html` (and optional `id`, `url`, `title`, `outlet`, `date`), as in JSONL input.
pub fn page_from_json(
    value: serde_json::Value,
    at: &str,
    default_id: &str,
) -> Result<RawPage, IngestError> {
    let record = match value {
        serde_json::Value::String(text) => Record {
            id: None,
            text: Some(text),
            html: None,
            url: None,
            title: None,
            outlet: None,
            date: None,
        },
        other => {
            serde_json::from_value(other).map_err(|e| IngestError::BadRecord(e.to_string()))?
        }
    };
    record_to_page(record, at, default_id)
}

fn record_to_page(record: Record, at: &str, default_id: &str) -> Result<RawPage, IngestError> {
    let (kind, body) = match (record.html, record.text) {
        (Some(html), _) if !html.trim().is_empty() => (PageKind::Html, html),
        (_, Some(text)) if !text.trim().is_empty() => (PageKind::Text, text),
        (None, None) => {
            return Err(IngestError::BadRecord(
                "neither \"text\" nor \"html\" is given".into(),
            ))
        }
        _ => return Err(IngestError::Empty),
    };
    check_page_bytes(body.as_bytes())?;
    let id = match record.id {
        Some(serde_json::Value::String(s)) if !s.is_empty() => s,
        Some(serde_json::Value::Number(n)) => n.to_string(),
        _ => default_id.to_string(),
    };
    Ok(RawPage {
        source: at.to_string(),
        id,
        kind,
        content: Content::Text(body),
        url: record.url,
        title: record.title,
        outlet: record.outlet,
        date: record.date,
        listed: None,
    })
}

/// A stable hash of a page's content and URL: the same input hashes the same in every run.
pub fn content_hash(page: &RawPage) -> String {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    h.update(if page.kind == PageKind::Html {
        b"h"
    } else {
        b"t"
    });
    match &page.content {
        Content::Bytes(b) => h.update(b),
        Content::Text(t) => h.update(t.as_bytes()),
    }
    h.update(b"\0");
    h.update(page.url.as_deref().unwrap_or("").as_bytes());
    format!("{:032x}", h.digest128())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn a_gzipped_batch_grows_to_a_bounded_multiple_of_its_size() {
        let record = b"{\"text\": \"Ferries were cancelled on Monday, the port said.\"}\n";
        let plain: Vec<u8> = record.iter().copied().cycle().take(20 << 20).collect();
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        e.write_all(&plain).unwrap();
        let gz = e.finish().unwrap();
        let dir = std::env::temp_dir().join(format!("parallax-gzbatch-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let path = dir.join("batch.jsonl.gz");
        fs::write(&path, &gz).unwrap();
        let batch = read_inputs(&[path.display().to_string()], IngestOptions::default());
        fs::remove_dir_all(&dir).unwrap();
        let limit = (gz.len() as u64 * MAX_GZIP_RATIO).max(DEFAULT_MAX_BYTES as u64);
        assert!(
            plain.len() as u64 > limit,
            "the test batch must outgrow the limit"
        );
        let read: u64 = batch.pages.len() as u64 * record.len() as u64;
        assert!(read <= limit, "{read} bytes of records read, limit {limit}");
        assert!(
            batch
                .rejected
                .iter()
                .any(|r| r.reason.contains("times its size")),
            "{:?}",
            batch.rejected.last()
        );
    }

    #[test]
    fn a_streaming_batch_hands_on_the_pages_a_plain_batch_keeps_in_the_same_order() {
        let dir = std::env::temp_dir().join(format!("parallax-stream-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let lines: String = (0..50)
            .map(|i| format!("{{\"id\": \"n{i}\", \"text\": \"Bridge {i} reopened.\"}}\n"))
            .collect();
        fs::write(dir.join("a.jsonl"), lines).unwrap();
        fs::write(dir.join("b.txt"), "The ferry sailed at dawn.").unwrap();
        fs::write(dir.join("c.jsonl"), "{not json}\n").unwrap();
        let inputs = [dir.display().to_string()];
        let plain = read_inputs(&inputs, IngestOptions::default());
        let (sender, receiver) = std::sync::mpsc::sync_channel(2);
        let reader = std::thread::spawn(move || {
            let mut batch = Batch::streaming(sender);
            read_inputs_into(&mut batch, &inputs, IngestOptions::default());
            // Dropping the batch closes the channel: the receiver's loop ends.
            (batch.pages.len(), batch.rejected)
        });
        let got: Vec<RawPage> = receiver.iter().collect();
        let (kept, rejected) = reader.join().unwrap();
        assert_eq!(kept, 0);
        assert_eq!(got.len(), 51);
        let ids = |pages: &[RawPage]| pages.iter().map(|p| p.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&got), ids(&plain.pages));
        assert_eq!(rejected, plain.rejected);
        assert_eq!(rejected.len(), 1);

        // A receiver that goes away stops nothing: the rest is read, its rejections kept.
        let (sender, receiver) = std::sync::mpsc::sync_channel(1);
        drop(receiver);
        let mut batch = Batch::streaming(sender);
        read_inputs_into(
            &mut batch,
            &[dir.display().to_string()],
            IngestOptions::default(),
        );
        fs::remove_dir_all(&dir).unwrap();
        assert!(batch.pages.is_empty());
        assert_eq!(batch.rejected.len(), 1);
    }
}
