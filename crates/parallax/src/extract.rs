//! Extract: an HTML page to its article: main text, title, outlet, author and date.
//!
//! Main-content extraction is done by `dom_smoothie` (a port of Mozilla's Readability), which
//! also reads the page's metadata (`<meta>` tags, JSON-LD). Text pages pass through; their title
//! and chrome are found from the text alone by the clean stage.

use dom_smoothie::{Config, Readability, TextMode};

/// What extraction found in one page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Extracted {
    /// The main text, paragraphs separated by newlines.
    pub text: String,
    /// The headline.
    pub title: Option<String>,
    /// The site name.
    pub outlet: Option<String>,
    /// The author line.
    pub author: Option<String>,
    /// The publication date, as ISO 8601 when it could be read as such.
    pub published: Option<String>,
}

/// Why no article could be extracted from a page.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExtractError {
    /// The page has no block of text that reads as an article.
    #[error("no article text found in the page")]
    NoArticle,
    /// The page has more elements than the extractor is allowed to parse.
    #[error("page too complex: {0}")]
    TooComplex(String),
}

/// The most elements a page may have before extraction gives up (guards against hostile pages).
pub const MAX_ELEMENTS: usize = 200_000;

/// Extracts the article from an HTML page; `url` resolves relative links and names the outlet.
pub fn extract_html(html: &str, url: Option<&str>) -> Result<Extracted, ExtractError> {
    let cfg = Config {
        max_elements_to_parse: MAX_ELEMENTS,
        text_mode: TextMode::Formatted,
        ..Default::default()
    };
    let absolute = url.filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    let html = flatten_deep_nesting(html, MAX_DEPTH);
    let html = html.as_ref();
    let mut reader = Readability::new(html, absolute, Some(cfg))
        .map_err(|e| ExtractError::TooComplex(e.to_string()))?;
    let article = reader.parse().map_err(|e| match e {
        dom_smoothie::ReadabilityError::TooManyElements(..) => {
            ExtractError::TooComplex(e.to_string())
        }
        _ => ExtractError::NoArticle,
    })?;
    let text = tidy_lines(&article.text_content);
    if text.trim().is_empty() {
        return Err(ExtractError::NoArticle);
    }
    let nonempty = |s: String| Some(s.trim().to_string()).filter(|s| !s.is_empty());
    Ok(Extracted {
        text,
        title: nonempty(article.title),
        outlet: article
            .site_name
            .and_then(nonempty)
            .or_else(|| url.and_then(host_of)),
        author: article.byline.and_then(nonempty),
        published: article.published_time.as_deref().and_then(iso_date),
    })
}

/// Trims each line and folds runs of blank lines into one.
fn tidy_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = true;
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            if !blank {
                out.push('\n');
            }
            blank = true;
            continue;
        }
        out.push_str(line);
        out.push('\n');
        blank = false;
    }
    out.trim_end().to_string()
}

/// Elements nested deeper than this are flattened before parsing: real pages stay far below it,
/// and hostile nesting would make tree algorithms slow.
pub const MAX_DEPTH: usize = 256;

/// Elements that never have a closing tag.
const VOID_ELEMENTS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// The page with every tag that would open an element deeper than `max_depth` (and its closing
/// tag) removed; the text is kept. Returns the page unchanged when it is not that deep.
pub fn flatten_deep_nesting(html: &str, max_depth: usize) -> std::borrow::Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut depth = 0usize;
    let mut dropped = 0usize;
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while let Some(off) = memchr_lt(&bytes[i..]) {
        let start = i + off;
        let Some(len) = bytes[start..].iter().position(|&b| b == b'>') else {
            break;
        };
        let end = start + len + 1;
        let tag = &html[start + 1..end - 1];
        i = end;
        if tag.starts_with('!') || tag.starts_with('?') {
            continue;
        }
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if name.is_empty() || VOID_ELEMENTS.contains(&name.as_str()) || tag.ends_with('/') {
            continue;
        }
        if name == "script" || name == "style" {
            // Skip raw text up to the closing tag.
            if !closing {
                if let Some(p) = find_closing_tag(&bytes[i..], name.as_bytes()) {
                    i += p;
                }
            }
            continue;
        }
        if closing {
            if dropped > 0 && depth <= max_depth {
                dropped -= 1;
                cuts.push((start, end));
            } else {
                depth = depth.saturating_sub(1);
            }
        } else if depth >= max_depth {
            dropped += 1;
            cuts.push((start, end));
        } else {
            depth += 1;
        }
    }
    if cuts.is_empty() {
        return std::borrow::Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut at = 0;
    for (s, e) in cuts {
        out.push_str(&html[at..s]);
        at = e;
    }
    out.push_str(&html[at..]);
    std::borrow::Cow::Owned(out)
}

/// Offset of `</name` (any case) in `bytes`.
fn find_closing_tag(bytes: &[u8], name: &[u8]) -> Option<usize> {
    bytes
        .windows(name.len() + 2)
        .position(|w| w[0] == b'<' && w[1] == b'/' && w[2..].eq_ignore_ascii_case(name))
}

fn memchr_lt(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == b'<')
}

/// The host of a URL without `www.`.
pub fn host_of(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest
        .split(['/', '?', '#'])
        .next()?
        .rsplit('@')
        .next()?
        .split(':')
        .next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then(|| host.to_ascii_lowercase())
}

/// The `YYYY-MM-DD` date at the start of an ISO 8601 timestamp.
pub fn iso_date(value: &str) -> Option<String> {
    let v = value.trim();
    let b = v.as_bytes();
    let ok = b.len() >= 10
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[5..7].iter().all(u8::is_ascii_digit)
        && b[7] == b'-'
        && b[8..10].iter().all(u8::is_ascii_digit);
    ok.then(|| v[..10].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extracts_article_and_metadata() {
        let para = "<p>The council voted on Tuesday to approve the new budget, which raises spending on schools and roads by four percent over last year's plan.</p>";
        let html = format!(
            "<html><head><title>Budget passes</title><meta property=\"og:site_name\" content=\"Daily Bugle\">\
             <meta property=\"article:published_time\" content=\"2022-06-15T10:00:00Z\"></head>\
             <body><nav><a href=/>Home</a><a href=/news>News</a></nav><article>{}</article><footer>Contact us</footer></body></html>",
            para.repeat(4)
        );
        let a = extract_html(&html, Some("https://www.bugle.example/x")).unwrap();
        assert!(a.text.contains("approve the new budget"));
        assert!(!a.text.contains("Contact us"));
        assert_eq!(a.outlet.as_deref(), Some("Daily Bugle"));
        assert_eq!(a.published.as_deref(), Some("2022-06-15"));
    }

    #[test]
    fn hostile_nesting_is_flattened_and_the_text_kept() {
        let body = "The council approved the budget on Tuesday after a long debate about schools and roads. ".repeat(5);
        let html = format!(
            "<html><body>{}<p>{body}</p>{}</body></html>",
            "<div>".repeat(10_000),
            "</div>".repeat(10_000)
        );
        let flat = flatten_deep_nesting(&html, MAX_DEPTH);
        assert!(flat.matches("<div>").count() < MAX_DEPTH);
        assert!(flat.contains(body.trim()));
        let a = extract_html(&html, None).unwrap();
        assert!(a.text.contains("approved the budget"));
        let shallow = "<html><body><div><p>x</p></div></body></html>";
        assert!(matches!(
            flatten_deep_nesting(shallow, MAX_DEPTH),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn hosts_and_dates() {
        assert_eq!(
            host_of("https://www.cnn.com/2022/06/15/x.html").as_deref(),
            Some("cnn.com")
        );
        assert_eq!(
            iso_date("2022-06-15T10:00:00Z").as_deref(),
            Some("2022-06-15")
        );
        assert_eq!(iso_date("June 15"), None);
    }
}
