//! Feeds and sitemaps: the article links they list, each with the title and date its entry
//! gives. RSS 2.0, Atom and JSON Feed are read by `feed-rs`; sitemaps (`<urlset>`, with the
//! `news:` extension's title and publication date) and sitemap indexes (`<sitemapindex>`) by a
//! small `quick-xml` reader. Relative links are resolved against the listing's own URL, and at
//! most [`MAX_ENTRIES`] entries are read from one listing.

use quick_xml::events::Event;

/// Entries read from one feed or sitemap at most.
pub const MAX_ENTRIES: usize = 10_000;

/// One article a listing names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The article's absolute URL.
    pub link: String,
    /// The entry's title, when it gives one.
    pub title: Option<String>,
    /// The entry's publication (or last modification) date, as written or as RFC 3339.
    pub date: Option<String>,
    /// The entry's first author, when it names one.
    pub author: Option<String>,
}

/// What a listing holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Listing {
    /// Articles (a feed or a sitemap).
    Entries(Vec<Entry>),
    /// Further sitemaps (a sitemap index).
    Sitemaps(Vec<String>),
}

/// True for a response that is a feed or a sitemap rather than a page: by its content type,
/// or, for a generic XML or JSON type, by its first element or key.
pub fn is_listing(content_type: &str, bytes: &[u8]) -> bool {
    let lower = content_type.to_ascii_lowercase();
    if lower.contains("rss") || lower.contains("atom") || lower.contains("feed+json") {
        return true;
    }
    if lower.contains("html") || lower.starts_with("text/plain") {
        return false;
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(2048)]).to_ascii_lowercase();
    [
        "<rss",
        "<feed",
        "<urlset",
        "<sitemapindex",
        "<rdf:rdf",
        "jsonfeed.org",
    ]
    .iter()
    .any(|root| head.contains(root))
}

/// The entries of a feed or sitemap fetched from `base`, or why it does not read as one.
pub fn parse(bytes: &[u8], base: &str) -> Result<Listing, String> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(2048)]).to_ascii_lowercase();
    if head.contains("<urlset") || head.contains("<sitemapindex") {
        return sitemap(bytes, base);
    }
    let feed = feed_rs::parser::Builder::new()
        .base_uri(Some(base))
        .build()
        .parse(bytes)
        .map_err(|e| format!("malformed feed: {e}"))?;
    let entries = feed
        .entries
        .into_iter()
        .filter_map(|e| {
            let link = e.links.first().map(|l| l.href.clone())?;
            Some(Entry {
                link: resolve(base, &link)?,
                title: e.title.map(|t| t.content.trim().to_string()),
                date: e.published.or(e.updated).map(|d| d.to_rfc3339()),
                author: e
                    .authors
                    .first()
                    .map(|p| p.name.trim().to_string())
                    .filter(|n| !n.is_empty()),
            })
        })
        .take(MAX_ENTRIES)
        .collect();
    Ok(Listing::Entries(entries))
}

/// The text an entity reference stands for: the five XML entities and character references.
fn entity(name: &str) -> String {
    let named = match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => None,
    };
    let numeric = || {
        let digits = name.strip_prefix('#')?;
        let code = match digits.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => digits.parse().ok()?,
        };
        char::from_u32(code)
    };
    named.or_else(numeric).map(String::from).unwrap_or_default()
}

/// `link` made absolute against `base`; None for a link that is not http(s).
fn resolve(base: &str, link: &str) -> Option<String> {
    let joined = url::Url::parse(base).ok()?.join(link.trim()).ok()?;
    matches!(joined.scheme(), "http" | "https").then(|| joined.to_string())
}

/// A sitemap or sitemap index.
fn sitemap(bytes: &[u8], base: &str) -> Result<Listing, String> {
    let mut reader = quick_xml::Reader::from_reader(bytes);
    reader.config_mut().trim_text(true);
    let mut buf = Vec::new();
    let mut index = false;
    let mut entries = Vec::new();
    let mut sitemaps = Vec::new();
    let mut current: Option<Entry> = None;
    let mut text = String::new();
    loop {
        let event = reader.read_event_into(&mut buf).map_err(|e| {
            format!(
                "malformed sitemap at byte {}: {e}",
                reader.buffer_position()
            )
        })?;
        match event {
            Event::Start(e) => {
                let name = String::from_utf8_lossy(e.local_name().as_ref()).to_ascii_lowercase();
                match name.as_str() {
                    "sitemapindex" => index = true,
                    "url" | "sitemap" => {
                        current = Some(Entry {
                            link: String::new(),
                            title: None,
                            date: None,
                            author: None,
                        })
                    }
                    _ => {}
                }
                text.clear();
            }
            Event::Text(t) => {
                let part = t.decode().map_err(|e| format!("malformed sitemap: {e}"))?;
                text.push_str(&part);
            }
            Event::GeneralRef(r) => {
                let name = r.decode().map_err(|e| format!("malformed sitemap: {e}"))?;
                text.push_str(&entity(&name));
            }
            Event::End(e) => {
                let name = String::from_utf8_lossy(e.local_name().as_ref()).to_ascii_lowercase();
                let value = std::mem::take(&mut text).trim().to_string();
                if let Some(entry) = current.as_mut() {
                    match name.as_str() {
                        "loc" => entry.link = value,
                        "title" => entry.title = Some(value),
                        "publication_date" => entry.date = Some(value),
                        "lastmod" if entry.date.is_none() => entry.date = Some(value),
                        _ => {}
                    }
                }
                if name == "url" || name == "sitemap" {
                    if let Some(entry) = current.take() {
                        if let Some(link) = resolve(base, &entry.link) {
                            if index {
                                sitemaps.push(link);
                            } else {
                                entries.push(Entry { link, ..entry });
                            }
                        }
                    }
                    if entries.len() + sitemaps.len() >= MAX_ENTRIES {
                        break;
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(if index {
        Listing::Sitemaps(sitemaps)
    } else {
        Listing::Entries(entries)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "https://news.example/feeds/main.xml";

    fn links(listing: &Listing) -> Vec<&str> {
        match listing {
            Listing::Entries(e) => e.iter().map(|e| e.link.as_str()).collect(),
            Listing::Sitemaps(s) => s.iter().map(String::as_str).collect(),
        }
    }

    #[test]
    fn rss_atom_and_json_feed_give_their_links_titles_and_dates() {
        let rss = r#"<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>
            <item><title>Harbour closed</title><link>https://news.example/harbour</link>
            <pubDate>Sun, 03 Mar 2024 10:00:00 GMT</pubDate></item>
            <item><title>Relative</title><link>/local/story</link></item></channel></rss>"#;
        let listing = parse(rss.as_bytes(), BASE).unwrap();
        assert_eq!(
            links(&listing),
            [
                "https://news.example/harbour",
                "https://news.example/local/story"
            ]
        );
        let Listing::Entries(entries) = &listing else {
            panic!()
        };
        assert_eq!(entries[0].title.as_deref(), Some("Harbour closed"));
        assert_eq!(
            entries[0].date.as_deref(),
            Some("2024-03-03T10:00:00+00:00")
        );

        let atom = r#"<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
            <title>News</title><id>urn:x</id><updated>2024-03-03T10:00:00Z</updated>
            <entry><title>Ferry delayed</title><id>urn:y</id><link href="https://news.example/ferry"/>
            <updated>2024-03-04T08:00:00Z</updated></entry></feed>"#;
        assert_eq!(
            links(&parse(atom.as_bytes(), BASE).unwrap()),
            ["https://news.example/ferry"]
        );

        let json = r#"{"version": "https://jsonfeed.org/version/1.1", "title": "News",
            "items": [{"id": "1", "url": "https://news.example/bridge", "title": "Bridge"}]}"#;
        assert_eq!(
            links(&parse(json.as_bytes(), BASE).unwrap()),
            ["https://news.example/bridge"]
        );
    }

    #[test]
    fn sitemaps_and_sitemap_indexes_are_read() {
        let news = r#"<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
            xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
            <url><loc>https://news.example/a?x=1&amp;y=2</loc><lastmod>2024-03-01</lastmod>
            <news:news><news:publication_date>2024-03-02T09:00:00Z</news:publication_date>
            <news:title>Storm warning</news:title></news:news></url>
            <url><loc>https://news.example/b</loc></url></urlset>"#;
        let listing = parse(news.as_bytes(), BASE).unwrap();
        assert_eq!(
            links(&listing),
            ["https://news.example/a?x=1&y=2", "https://news.example/b"]
        );
        let Listing::Entries(entries) = &listing else {
            panic!()
        };
        assert_eq!(entries[0].title.as_deref(), Some("Storm warning"));
        assert_eq!(entries[0].date.as_deref(), Some("2024-03-02T09:00:00Z"));

        let index = r#"<sitemapindex><sitemap><loc>https://news.example/s1.xml</loc></sitemap>
            <sitemap><loc>s2.xml</loc></sitemap></sitemapindex>"#;
        assert_eq!(
            parse(index.as_bytes(), BASE).unwrap(),
            Listing::Sitemaps(vec![
                "https://news.example/s1.xml".into(),
                "https://news.example/feeds/s2.xml".into()
            ])
        );
    }

    #[test]
    fn a_malformed_feed_is_an_error_and_a_page_is_not_a_listing() {
        assert!(parse(b"<rss><channel><item><title>cut", BASE).is_err());
        assert!(is_listing("application/rss+xml", b""));
        assert!(is_listing(
            "application/xml",
            b"<?xml version='1.0'?><urlset>"
        ));
        assert!(!is_listing("text/html", b"<rss>"));
        assert!(!is_listing(
            "application/xml",
            b"<html><body>x</body></html>"
        ));
    }
}
