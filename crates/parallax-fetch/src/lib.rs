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

use parallax::ingest::{
    check_page_bytes, sniff_kind, Content, PageKind, RawPage, DEFAULT_MAX_BYTES,
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
        if !is_url(url) {
            return Err(FetchError::BadUrl);
        }
        let mut response = self
            .agent
            .get(url)
            .header("Accept", "text/html,application/xhtml+xml,text/plain;q=0.8")
            .call()
            .map_err(|e| self.error(e))?;
        let status = response.status().as_u16();
        if !(200..300).contains(&status) {
            return Err(FetchError::Status(status));
        }
        let final_url = response.get_uri().to_string();
        let content_type = response
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string();
        let lower = content_type.to_ascii_lowercase();
        let declared = if lower.contains("html") {
            Some(PageKind::Html)
        } else if lower.starts_with("text/plain") {
            Some(PageKind::Text)
        } else if lower.is_empty() {
            None
        } else {
            return Err(FetchError::NotAPage(content_type));
        };
        let bytes = response
            .body_mut()
            .with_config()
            .limit(self.opts.max_bytes as u64)
            .read_to_vec()
            .map_err(|e| self.error(e))?;
        check_page_bytes(&bytes)?;
        let kind = declared.unwrap_or_else(|| sniff_kind(&bytes));
        Ok(RawPage {
            source: url.to_string(),
            id: id_of(&final_url),
            kind,
            content: content(bytes, &lower),
            url: Some(final_url),
            title: None,
            outlet: None,
            date: None,
        })
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
