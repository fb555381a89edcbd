//! Fetching: web pages named by URL become [`RawPage`]s, as files do, so that `analyze`,
//! `extract` and `ingest` take links as well as paths.
//!
//! The core library does no I/O on the network; this crate is the one place that does. Every
//! fetch is bounded: one timeout for the whole exchange ([`FetchOptions::timeout`]), at most
//! [`FetchOptions::max_redirects`] redirects, and a cap on the body ([`FetchOptions::max_bytes`],
//! the same `--max-bytes` as for files) that holds after gzip or brotli decompression, so a small
//! compressed answer cannot grow without end. A response's charset comes from its
//! `Content-Type`; the final URL, after redirects, becomes the page's URL. Only HTML and plain
//! text are pages: a 404, a redirect loop, a timeout, an image or a body over the cap is a
//! [`FetchError`] that names the reason.
//!
//! ```no_run
//! use parallax_fetch::{FetchOptions, Fetcher};
//!
//! let fetcher = Fetcher::new(FetchOptions::default());
//! let page = fetcher.page("https://example.org/news/floods.html")?;
//! assert_eq!(page.url.as_deref(), Some("https://example.org/news/floods.html"));
//! # Ok::<(), parallax_fetch::FetchError>(())
//! ```

#![warn(missing_docs)]

use std::time::Duration;

pub mod feeds;

use parallax::ingest::{
    check_page_bytes, sniff_kind, Content, Listed, PageKind, RawPage, DEFAULT_MAX_BYTES,
};
use ureq::ResponseExt;

/// The `User-Agent` every request sends: what is asking, and where to read about it.
pub const USER_AGENT: &str = concat!(
    "parallax/",
    env!("CARGO_PKG_VERSION"),
    " (news coverage analysis; one request per page)"
);

/// Time one fetch may take, from connecting to the body's last byte: 30 s.
pub const TIMEOUT: Duration = Duration::from_secs(30);

/// Redirects followed at most.
pub const MAX_REDIRECTS: u32 = 5;

/// The bounds of a fetch.
#[derive(Debug, Clone, Copy)]
pub struct FetchOptions {
    /// The largest body accepted, decompressed, in bytes.
    pub max_bytes: usize,
    /// Time a fetch may take in all.
    pub timeout: Duration,
    /// Redirects followed at most.
    pub max_redirects: u32,
}

impl Default for FetchOptions {
    fn default() -> Self {
        FetchOptions {
            max_bytes: DEFAULT_MAX_BYTES,
            timeout: TIMEOUT,
            max_redirects: MAX_REDIRECTS,
        }
    }
}

/// Why a URL gave no page.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    /// The input is not an `http` or `https` URL.
    #[error("not an http(s) URL")]
    BadUrl,
    /// Fetching is turned off.
    #[error("not fetched: --offline")]
    Offline,
    /// The server answered with an error status.
    #[error("HTTP status {0}")]
    Status(u16),
    /// The redirects ran over the limit (a loop, say).
    #[error("more than {0} redirects")]
    Redirects(u32),
    /// The fetch took longer than the timeout.
    #[error("no complete answer within {0:?}")]
    Timeout(Duration),
    /// The body is over the cap, decompressed.
    #[error("body over the {cap}-byte cap (raise it with --max-bytes)")]
    TooLarge {
        /// The cap.
        cap: usize,
    },
    /// The response is not HTML or text.
    #[error("not a page (content type {0})")]
    NotAPage(String),
    /// A feed or sitemap that does not parse.
    #[error("{0}")]
    Listing(String),
    /// The body is empty or binary.
    #[error("{0}")]
    Content(#[from] parallax::ingest::IngestError),
    /// The connection failed (no such host, refused, reset, TLS).
    #[error("{0}")]
    Network(String),
}

/// True for an input that names a web page (`http://` or `https://`) rather than a path.
pub fn is_url(input: &str) -> bool {
    let lower = input.get(..8).unwrap_or(input).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// Sitemaps of one sitemap index read at most.
pub const MAX_SITEMAPS: usize = 50;

/// Threads that fetch a listing's pages at once.
pub const FETCH_THREADS: usize = 4;

/// What makes a request conditional: the validators the last answer gave.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validators {
    /// The `ETag` (sent back as `If-None-Match`).
    pub etag: Option<String>,
    /// The `Last-Modified` date (sent back as `If-Modified-Since`).
    pub last_modified: Option<String>,
}

/// A response with a success status.
#[derive(Debug, Clone)]
pub struct Fetched {
    /// The URL after redirects.
    pub final_url: String,
    /// The `Content-Type` header, as sent.
    pub content_type: String,
    /// The body, decompressed, at most the cap.
    pub bytes: Vec<u8>,
    /// The validators to send next time.
    pub validators: Validators,
}

/// The pages a URL gave, and the URLs that failed.
#[derive(Debug, Default)]
pub struct Fetch {
    /// Pages fetched.
    pub pages: Vec<RawPage>,
    /// URLs that gave no page, each with the reason.
    pub failed: Vec<(String, FetchError)>,
    /// Listed links not fetched: repeated in the listing, or known already.
    pub skipped: usize,
}

/// Fetches pages, reusing connections between them.
#[derive(Debug)]
pub struct Fetcher {
    agent: ureq::Agent,
    opts: FetchOptions,
}

impl Fetcher {
    /// A fetcher with these bounds.
    pub fn new(opts: FetchOptions) -> Fetcher {
        let config = ureq::Agent::config_builder()
            .timeout_global(Some(opts.timeout))
            .max_redirects(opts.max_redirects)
            .max_redirects_will_error(true)
            .http_status_as_error(false)
            .user_agent(USER_AGENT)
            .build();
        Fetcher {
            agent: config.into(),
            opts,
        }
    }

    /// Fetches `url` as a page: HTML or text, its URL the final one after redirects, its id the
    /// last segment of the URL's path (without extension), or the host for a site's front page.
    pub fn page(&self, url: &str) -> Result<RawPage, FetchError> {
        let fetched = self
            .get(url, &Validators::default())?
            .ok_or(FetchError::Status(304))?;
        self.to_page(url, fetched)
    }

    /// Fetches `url`, sending `validators` as a conditional request; `None` when the server
    /// answers that nothing changed (304).
    pub fn get(&self, url: &str, validators: &Validators) -> Result<Option<Fetched>, FetchError> {
        if !is_url(url) {
            return Err(FetchError::BadUrl);
        }
        let mut request = self.agent.get(url).header(
            "Accept",
            "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,text/plain;q=0.8",
        );
        if let Some(etag) = &validators.etag {
            request = request.header("If-None-Match", etag);
        }
        if let Some(modified) = &validators.last_modified {
            request = request.header("If-Modified-Since", modified);
        }
        let mut response = request.call().map_err(|e| self.error(e))?;
        let status = response.status().as_u16();
        if status == 304 {
            return Ok(None);
        }
        if !(200..300).contains(&status) {
            return Err(FetchError::Status(status));
        }
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        };
        let content_type = header("content-type").unwrap_or_default();
        let validators = Validators {
            etag: header("etag"),
            last_modified: header("last-modified"),
        };
        let final_url = response.get_uri().to_string();
        let bytes = response
            .body_mut()
            .with_config()
            .limit(self.opts.max_bytes as u64)
            .read_to_vec()
            .map_err(|e| self.error(e))?;
        Ok(Some(Fetched {
            final_url,
            content_type,
            bytes,
            validators,
        }))
    }

    /// A fetched response as a page, or why it is not one.
    fn to_page(&self, url: &str, fetched: Fetched) -> Result<RawPage, FetchError> {
        let lower = fetched.content_type.to_ascii_lowercase();
        let declared = if lower.contains("html") {
            Some(PageKind::Html)
        } else if lower.starts_with("text/plain") {
            Some(PageKind::Text)
        } else if lower.is_empty() {
            None
        } else {
            return Err(FetchError::NotAPage(fetched.content_type));
        };
        check_page_bytes(&fetched.bytes)?;
        let kind = declared.unwrap_or_else(|| sniff_kind(&fetched.bytes));
        Ok(RawPage {
            source: url.to_string(),
            id: id_of(&fetched.final_url),
            kind,
            content: content(fetched.bytes, &lower),
            url: Some(fetched.final_url),
            title: None,
            outlet: None,
            date: None,
            listed: None,
        })
    }

    /// The pages a URL stands for: the page itself, or, for a feed, a sitemap or a sitemap
    /// index, every article it lists, each fetched once (with the entry's title, date and
    /// author, for where the page is silent).
    /// Links for which `known` is true (already stored, say) are not fetched. Each failure is
    /// returned with the URL that failed.
    pub fn pages(&self, url: &str, known: &dyn Fn(&str) -> bool) -> Fetch {
        let mut out = Fetch::default();
        let fetched = match self.get(url, &Validators::default()) {
            Ok(Some(f)) => f,
            Ok(None) => return out,
            Err(e) => {
                out.failed.push((url.to_string(), e));
                return out;
            }
        };
        if !feeds::is_listing(&fetched.content_type, &fetched.bytes) {
            match self.to_page(url, fetched) {
                Ok(page) => out.pages.push(page),
                Err(e) => out.failed.push((url.to_string(), e)),
            }
            return out;
        }
        let entries = self.listing_entries(url, &fetched, &mut out);
        self.fetch_entries(entries, known, &mut out);
        out
    }

    /// The entries of a listing, the sitemaps of an index read in turn (at most
    /// [`MAX_SITEMAPS`]).
    pub fn listing_entries(
        &self,
        url: &str,
        fetched: &Fetched,
        out: &mut Fetch,
    ) -> Vec<feeds::Entry> {
        match feeds::parse(&fetched.bytes, &fetched.final_url) {
            Ok(feeds::Listing::Entries(entries)) => entries,
            Ok(feeds::Listing::Sitemaps(maps)) => {
                let mut entries = Vec::new();
                for map in maps.into_iter().take(MAX_SITEMAPS) {
                    let listed = self
                        .get(&map, &Validators::default())
                        .and_then(|f| f.ok_or(FetchError::Status(304)))
                        .and_then(|f| {
                            feeds::parse(&f.bytes, &f.final_url).map_err(FetchError::Listing)
                        });
                    match listed {
                        Ok(feeds::Listing::Entries(e)) => entries.extend(e),
                        // An index inside an index is not followed.
                        Ok(feeds::Listing::Sitemaps(_)) => {}
                        Err(e) => out.failed.push((map, e)),
                    }
                }
                entries
            }
            Err(e) => {
                out.failed.push((url.to_string(), FetchError::Listing(e)));
                Vec::new()
            }
        }
    }

    /// Fetches the entries' pages, each link once, on [`FETCH_THREADS`] threads, in the
    /// listing's order.
    pub fn fetch_entries(
        &self,
        entries: Vec<feeds::Entry>,
        known: &dyn Fn(&str) -> bool,
        out: &mut Fetch,
    ) {
        let mut seen = std::collections::HashSet::new();
        let wanted: Vec<feeds::Entry> = entries
            .into_iter()
            .filter(|e| seen.insert(e.link.clone()) && !known(&e.link))
            .collect();
        out.skipped += seen.len() - wanted.len();
        let per = wanted.len().div_ceil(FETCH_THREADS).max(1);
        let results: Vec<Vec<(String, Result<RawPage, FetchError>)>> = std::thread::scope(|s| {
            let workers: Vec<_> = wanted
                .chunks(per)
                .map(|part| {
                    s.spawn(move || {
                        part.iter()
                            .map(|e| {
                                let page = self.page(&e.link).map(|mut p| {
                                    p.listed = Some(Listed {
                                        title: e.title.clone().filter(|t| !t.is_empty()),
                                        date: e.date.clone(),
                                        author: e.author.clone(),
                                    });
                                    p
                                });
                                (e.link.clone(), page)
                            })
                            .collect()
                    })
                })
                .collect();
            workers
                .into_iter()
                // A panic in a worker is a bug: passed on, never a silent loss of its pages.
                .map(|w| {
                    w.join()
                        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
                })
                .collect()
        });
        for (link, result) in results.into_iter().flatten() {
            match result {
                Ok(page) => out.pages.push(page),
                Err(e) => out.failed.push((link, e)),
            }
        }
    }

    fn error(&self, e: ureq::Error) -> FetchError {
        match e {
            ureq::Error::StatusCode(status) => FetchError::Status(status),
            ureq::Error::TooManyRedirects => FetchError::Redirects(self.opts.max_redirects),
            ureq::Error::Timeout(_) => FetchError::Timeout(self.opts.timeout),
            ureq::Error::BodyExceedsLimit(_) => FetchError::TooLarge {
                cap: self.opts.max_bytes,
            },
            ureq::Error::BadUri(_) => FetchError::BadUrl,
            ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::TimedOut => {
                FetchError::Timeout(self.opts.timeout)
            }
            other => FetchError::Network(other.to_string()),
        }
    }
}

/// The page's content: text decoded with the charset the response declares, else the bytes
/// (the decode stage then finds the charset as it does for a file).
fn content(bytes: Vec<u8>, content_type: &str) -> Content {
    let label = content_type
        .split(';')
        .filter_map(|p| p.trim().strip_prefix("charset="))
        .next()
        .map(|l| l.trim_matches(['"', '\'']));
    match label.and_then(|l| encoding_rs::Encoding::for_label(l.as_bytes())) {
        Some(encoding) if encoding != encoding_rs::UTF_8 => {
            let (text, _, _) = encoding.decode(&bytes);
            Content::Text(text.into_owned())
        }
        _ => Content::Bytes(bytes),
    }
}

/// A document id from a URL: the last path segment without its extension, else the host.
fn id_of(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let rest = rest.split(['?', '#']).next().unwrap_or(rest);
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    let last = path.rsplit('/').find(|s| !s.is_empty()).unwrap_or("");
    let stem = last.rsplit_once('.').map_or(last, |(s, _)| s);
    if stem.is_empty() {
        host.to_string()
    } else {
        stem.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_told_from_paths() {
        assert!(is_url("https://news.example/a"));
        assert!(is_url("HTTP://news.example/"));
        assert!(!is_url("news/http-story.html"));
        assert!(!is_url("ftp://news.example/a"));
    }

    #[test]
    fn ids_come_from_the_last_path_segment_or_the_host() {
        assert_eq!(
            id_of("https://news.example/2024/03/floods-hit.html?x=1"),
            "floods-hit"
        );
        assert_eq!(id_of("https://news.example/section/story/"), "story");
        assert_eq!(id_of("https://news.example/"), "news.example");
        assert_eq!(id_of("http://127.0.0.1:8080"), "127.0.0.1:8080");
    }

    #[test]
    fn a_declared_legacy_charset_is_decoded() {
        match content(b"caf\xe9".to_vec(), "text/html; charset=windows-1252") {
            Content::Text(t) => assert_eq!(t, "café"),
            Content::Bytes(_) => panic!("not decoded"),
        }
        assert!(matches!(
            content(b"x".to_vec(), "text/html; charset=utf-8"),
            Content::Bytes(_)
        ));
    }
}
