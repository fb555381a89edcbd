//! Pages: reading a shard and preparing its pages, as `parallax ingest` does on one machine.

use parallax::guard::isolate;
use parallax::ingest::{content_hash, read_inputs, Content, IngestOptions, PageKind, RawPage};
use parallax::pipeline::{page_failure, prepare_signed, Signed};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict};

/// Rejected records: (input, reason).
type Rejected = Vec<(String, String)>;

/// The pages of one input file (WARC, JSONL, HTML or text) as columns `id`, `source`, `html`,
/// `content` (bytes), `is_text`, `url`, `title`, `outlet`, `date`; and the rejected records as
/// (input, reason) pairs. A bad record (a truncated gzip member, a non-HTML WARC record, a
/// malformed JSONL line) is rejected alone; the rest of the file is read.
#[pyfunction]
#[pyo3(signature = (path, max_bytes = parallax::ingest::DEFAULT_MAX_BYTES))]
pub fn read_shard<'py>(
    py: Python<'py>,
    path: String,
    max_bytes: usize,
) -> PyResult<(Bound<'py, PyDict>, Rejected)> {
    let batch = py.allow_threads(|| read_inputs(&[path], IngestOptions { max_bytes }));
    let pages = &batch.pages;
    let columns = PyDict::new(py);
    let texts =
        |f: fn(&RawPage) -> Option<&str>| -> Vec<Option<&str>> { pages.iter().map(f).collect() };
    columns.set_item("id", texts(|p| Some(&p.id)))?;
    columns.set_item("source", texts(|p| Some(&p.source)))?;
    columns.set_item(
        "html",
        pages
            .iter()
            .map(|p| p.kind == PageKind::Html)
            .collect::<Vec<bool>>(),
    )?;
    let content: Vec<Bound<'py, PyBytes>> = pages
        .iter()
        .map(|p| PyBytes::new(py, content_bytes(&p.content)))
        .collect();
    columns.set_item("content", content)?;
    columns.set_item(
        "is_text",
        pages
            .iter()
            .map(|p| matches!(p.content, Content::Text(_)))
            .collect::<Vec<bool>>(),
    )?;
    columns.set_item("url", texts(|p| p.url.as_deref()))?;
    columns.set_item("title", texts(|p| p.title.as_deref()))?;
    columns.set_item("outlet", texts(|p| p.outlet.as_deref()))?;
    columns.set_item("date", texts(|p| p.date.as_deref()))?;
    let rejected = batch
        .rejected
        .into_iter()
        .map(|r| (r.input, r.reason))
        .collect();
    Ok((columns, rejected))
}

fn content_bytes(content: &Content) -> &[u8] {
    match content {
        Content::Bytes(b) => b,
        Content::Text(t) => t.as_bytes(),
    }
}

/// The columns of [`read_shard`], as Python hands them back.
#[derive(FromPyObject)]
pub struct PageColumns<'py> {
    #[pyo3(item)]
    id: Vec<String>,
    #[pyo3(item)]
    source: Vec<String>,
    #[pyo3(item)]
    html: Vec<bool>,
    #[pyo3(item)]
    content: Vec<Bound<'py, PyBytes>>,
    #[pyo3(item)]
    is_text: Vec<bool>,
    #[pyo3(item)]
    url: Vec<Option<String>>,
    #[pyo3(item)]
    title: Vec<Option<String>>,
    #[pyo3(item)]
    outlet: Vec<Option<String>>,
    #[pyo3(item)]
    date: Vec<Option<String>>,
}

impl PageColumns<'_> {
    fn pages(self) -> PyResult<Vec<RawPage>> {
        let n = self.id.len();
        let lengths = [
            self.source.len(),
            self.html.len(),
            self.content.len(),
            self.is_text.len(),
            self.url.len(),
            self.title.len(),
            self.outlet.len(),
            self.date.len(),
        ];
        if lengths.iter().any(|&l| l != n) {
            return Err(pyo3::exceptions::PyValueError::new_err(
                "page columns differ in length",
            ));
        }
        let mut pages = Vec::with_capacity(n);
        let columns = self
            .id
            .into_iter()
            .zip(self.source)
            .zip(self.html)
            .zip(self.content)
            .zip(self.is_text)
            .zip(self.url)
            .zip(self.title)
            .zip(self.outlet)
            .zip(self.date);
        for ((((((((id, source), html), content), is_text), url), title), outlet), date) in columns
        {
            let content = content.as_bytes().to_vec();
            let content = if is_text {
                match String::from_utf8(content) {
                    Ok(text) => Content::Text(text),
                    Err(e) => Content::Bytes(e.into_bytes()),
                }
            } else {
                Content::Bytes(content)
            };
            pages.push(RawPage {
                source,
                id,
                kind: if html { PageKind::Html } else { PageKind::Text },
                content,
                url,
                title,
                outlet,
                date,
                listed: None,
            });
        }
        Ok(pages)
    }
}

/// One page prepared: its document and signature, or why it was rejected.
struct Prepared {
    hash: String,
    result: Result<PreparedDoc, String>,
}

struct PreparedDoc {
    published: Option<String>,
    title: Option<String>,
    outlet: Option<String>,
    url: Option<String>,
    text: String,
    document: String,
    keys: Vec<u32>,
    counts: Vec<u8>,
}

fn prepare_one(page: &RawPage) -> Prepared {
    let hash = content_hash(page);
    let result = prepare_signed(page)
        .map(|Signed { doc, signature }| PreparedDoc {
            keys: signature.keys,
            counts: signature.counts.to_bytes(),
            document: serde_json::to_string(&doc).unwrap_or_default(),
            published: doc.published,
            title: doc.title,
            outlet: doc.outlet,
            url: doc.url,
            text: doc.text,
        })
        .map_err(|r| r.reason);
    Prepared { hash, result }
}

/// Decodes, extracts, cleans and segments pages (columns as [`read_shard`] gives them) and signs
/// each for copy detection and clustering. Returns columns `id`, `source`, `hash` (content and
/// URL, as the store's), `ok`, `reason` (why a page was rejected), `published`, `title`,
/// `outlet`, `url`, `text` (cleaned), `document` (the document as JSON), `keys` (its copy anchor
/// keys) and `counts` (its term counts, as bytes).
#[pyfunction]
pub fn prepare<'py>(py: Python<'py>, pages: PageColumns<'py>) -> PyResult<Bound<'py, PyDict>> {
    let pages = pages.pages()?;
    // A page that trips a bug is rejected, and the rest of the batch prepared.
    let prepared: Vec<Prepared> = py.allow_threads(|| {
        isolate(
            &pages,
            |pages| pages.iter().map(prepare_one).collect(),
            |page| Prepared {
                hash: content_hash(page),
                result: Err(page_failure(page).reason),
            },
        )
    });
    let columns = PyDict::new(py);
    columns.set_item(
        "id",
        pages.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(),
    )?;
    columns.set_item(
        "source",
        pages.iter().map(|p| p.source.as_str()).collect::<Vec<_>>(),
    )?;
    columns.set_item(
        "hash",
        prepared.iter().map(|p| p.hash.as_str()).collect::<Vec<_>>(),
    )?;
    columns.set_item(
        "ok",
        prepared
            .iter()
            .map(|p| p.result.is_ok())
            .collect::<Vec<_>>(),
    )?;
    columns.set_item(
        "reason",
        prepared
            .iter()
            .map(|p| p.result.as_ref().err().map(String::as_str))
            .collect::<Vec<_>>(),
    )?;
    let docs: Vec<Option<&PreparedDoc>> = prepared.iter().map(|p| p.result.as_ref().ok()).collect();
    let field = |f: fn(&PreparedDoc) -> Option<&str>| -> Vec<Option<&str>> {
        docs.iter().map(|d| d.and_then(f)).collect()
    };
    columns.set_item("published", field(|d| d.published.as_deref()))?;
    columns.set_item("title", field(|d| d.title.as_deref()))?;
    columns.set_item("outlet", field(|d| d.outlet.as_deref()))?;
    columns.set_item("url", field(|d| d.url.as_deref()))?;
    columns.set_item("text", field(|d| Some(&d.text)))?;
    columns.set_item("document", field(|d| Some(&d.document)))?;
    columns.set_item(
        "keys",
        docs.iter()
            .map(|d| d.map(|d| d.keys.clone()))
            .collect::<Vec<Option<Vec<u32>>>>(),
    )?;
    let counts: Vec<Option<Bound<'py, PyBytes>>> = docs
        .iter()
        .map(|d| d.map(|d| PyBytes::new(py, &d.counts)))
        .collect();
    columns.set_item("counts", counts)?;
    Ok(columns)
}
