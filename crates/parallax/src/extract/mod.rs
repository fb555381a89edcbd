//! Extract: an HTML page to its article: main text, title, outlet, author and date.
//!
//! The page is tokenized ([`tokenize`]) and read into text blocks tied to a flat element tree
//! ([`parse`]); the article is the heaviest subtree of prose, with chrome inside it dropped
//! ([`content`]); the headline, site name, author and date come from the page's own metadata
//! ([`metadata`]). Text pages pass through; their title and chrome are found from the text
//! alone by the clean stage.

pub mod content;
pub mod metadata;
pub mod parse;
pub mod tokenize;

pub use parse::{MAX_DEPTH, MAX_ELEMENTS};

/// What extraction found in one page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Extracted {
    /// The main text, paragraphs separated by newlines.
    pub text: String,
    /// The headline.
    pub title: Option<String>,
    /// The site name.
    pub outlet: Option<String>,
    /// The site's name after the headline in the page's `<title>` ([`metadata::Metadata`]).
    pub title_site: Option<String>,
    /// The author line.
    pub author: Option<String>,
    /// The publication date, as ISO 8601 when it could be read as such.
    pub published: Option<String>,
    /// Where each block of `text` stands in the page (empty when the text came from the page's
    /// JSON-LD instead of its blocks).
    pub blocks: Vec<ExtractedBlock>,
}

/// One block of the extracted text and the page bytes it was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExtractedBlock {
    /// The block's bytes in the extracted text.
    pub text: std::ops::Range<usize>,
    /// The bytes of the page (as parsed) holding it, markup inside included.
    pub page: std::ops::Range<usize>,
    /// The block's text is exactly those page bytes.
    pub verbatim: bool,
}

/// Why no article could be extracted from a page.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExtractError {
    /// The page has no block of text that reads as an article.
    #[error("no article text found in the page")]
    NoArticle,
}

/// Words a JSON-LD `articleBody` needs to stand in for the page's text.
const SCRIPTED_BODY_WORDS: usize = 50;

/// The share of a JSON-LD `articleBody` below which the page's own text is taken as not
/// rendered (the page builds its article with scripts).
const SCRIPTED_BODY_SHARE: f32 = 0.3;

/// How many blocks before the article a byline may stand.
const BYLINE_REACH: usize = 25;

/// Extracts the article from an HTML page (the outlet is named later, from every clue the page
/// gives: [`crate::outlets`]).
pub fn extract_html(html: &str) -> Result<Extracted, ExtractError> {
    let page = parse::parse(html);
    let blocks = content::article_blocks(&page);
    let mut meta = metadata::metadata(&page);
    let shown: usize = blocks.iter().map(|b| b.text.len()).sum();
    // A page that renders its article with scripts shows little of it; its JSON-LD may hold
    // the whole text.
    let (text, placed) = match meta.body.take() {
        Some(body)
            if body.split_whitespace().count() >= SCRIPTED_BODY_WORDS
                && (shown as f32) < SCRIPTED_BODY_SHARE * body.len() as f32 =>
        {
            (body, Vec::new())
        }
        _ => joined(&blocks),
    };
    if text.trim().is_empty() {
        return Err(ExtractError::NoArticle);
    }
    // Without an author in the metadata, a byline just before or inside the article names one.
    let byline = || {
        let (head, tail) = (*blocks.first()?, *blocks.last()?);
        let first = page.blocks.iter().position(|b| std::ptr::eq(b, head))?;
        let last = page.blocks.iter().rposition(|b| std::ptr::eq(b, tail))?;
        page.blocks[first.saturating_sub(BYLINE_REACH)..=last.max(first)]
            .iter()
            .find_map(|b| metadata::byline_name(&b.text))
    };
    let nonempty = |s: String| Some(s.trim().to_string()).filter(|s| !s.is_empty());
    Ok(Extracted {
        text,
        title: meta.title.and_then(nonempty),
        outlet: meta.outlet.and_then(nonempty),
        title_site: meta.title_site.and_then(nonempty),
        author: meta.author.and_then(nonempty).or_else(byline),
        published: meta.published.as_deref().and_then(crate::date::iso_of),
        blocks: placed,
    })
}

/// The blocks' texts joined by newlines, with where each block stands in the result and in
/// the page.
fn joined(blocks: &[&parse::Block]) -> (String, Vec<ExtractedBlock>) {
    let mut text = String::with_capacity(blocks.iter().map(|b| b.text.len() + 1).sum());
    let mut placed = Vec::with_capacity(blocks.len());
    for b in blocks {
        if !text.is_empty() {
            text.push('\n');
        }
        let start = text.len();
        text.push_str(&b.text);
        placed.push(ExtractedBlock {
            text: start..text.len(),
            page: b.page_range.clone(),
            verbatim: b.verbatim,
        });
    }
    (text, placed)
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
        let a = extract_html(&html).unwrap();
        assert!(a.text.contains("approve the new budget"));
        assert!(!a.text.contains("Contact us"));
        assert_eq!(a.outlet.as_deref(), Some("Daily Bugle"));
        assert_eq!(a.published.as_deref(), Some("2022-06-15"));
    }

    #[test]
    fn hostile_nesting_keeps_the_text() {
        let body = "The council approved the budget on Tuesday after a long debate about schools and roads. ".repeat(5);
        let html = format!(
            "<html><body>{}<p>{body}</p>{}</body></html>",
            "<div>".repeat(10_000),
            "</div>".repeat(10_000)
        );
        let a = extract_html(&html).unwrap();
        assert!(a.text.contains("approved the budget"));
    }

    #[test]
    fn a_scripted_page_falls_back_to_its_json_ld_body() {
        let body = "The council voted on Tuesday to approve the new budget. ".repeat(10);
        let html = format!(
            "<html><head><script type=\"application/ld+json\">{{\"@type\":\"NewsArticle\",\"headline\":\"Budget\",\"articleBody\":\"{body}\"}}</script></head>\
             <body><div id=root>Loading…</div></body></html>"
        );
        let a = extract_html(&html).unwrap();
        assert!(a.text.contains("approve the new budget"));
    }

    #[test]
    fn hosts() {
        assert_eq!(
            host_of("https://www.cnn.com/2022/06/15/x.html").as_deref(),
            Some("cnn.com")
        );
    }
}
