//! Metadata: a page's headline, site name, author and publication date, from its `<meta>`
//! tags, its JSON-LD, its `<time>` elements and its `<title>`, in that order of trust.

use serde_json::Value;

use super::parse::{BlockKind, Page};

/// What the page says about itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Metadata {
    /// The headline.
    pub title: Option<String>,
    /// The site name.
    pub outlet: Option<String>,
    /// The site's name as the page's `<title>` writes it after the headline ("Port reopens |
    /// Norvik Gazette"): read only when the part before it is the page's headline and the name
    /// is two capitalised words or more.
    pub title_site: Option<String>,
    /// The author line.
    pub author: Option<String>,
    /// The publication date as given (ISO 8601 in most pages).
    pub published: Option<String>,
    /// The article's text as the page's JSON-LD gives it (`articleBody`), markup removed.
    pub body: Option<String>,
}

/// The first `<meta>` value among `keys` (in the order of `keys`).
fn meta<'a>(page: &'a Page, keys: &[&str]) -> Option<&'a str> {
    keys.iter().find_map(|k| {
        page.meta
            .iter()
            .find(|(key, v)| key == k && !v.is_empty())
            .map(|(_, v)| v.as_str())
    })
}

/// Article-like objects of the page's JSON-LD, `@graph` lists flattened.
fn ld_articles(page: &Page) -> Vec<Value> {
    fn collect(v: Value, out: &mut Vec<Value>) {
        match v {
            Value::Array(items) => items.into_iter().for_each(|i| collect(i, out)),
            Value::Object(mut map) => {
                if let Some(graph) = map.remove("@graph") {
                    collect(graph, out);
                }
                let kind = match map.get("@type") {
                    Some(Value::String(s)) => s.clone(),
                    Some(Value::Array(a)) => a
                        .iter()
                        .filter_map(Value::as_str)
                        .collect::<Vec<_>>()
                        .join(" "),
                    _ => String::new(),
                };
                if kind.contains("Article") || kind.contains("Posting") || kind.contains("Report") {
                    out.push(Value::Object(map));
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    for text in &page.json_ld {
        if let Ok(v) = serde_json::from_str::<Value>(text.trim()) {
            collect(v, &mut out);
        }
    }
    out
}

/// The name of a JSON-LD person or organisation: a string, `{"name"}`, or a list of them.
fn ld_name(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Value::Object(m) => m.get("name").and_then(ld_name),
        Value::Array(items) => {
            let names: Vec<String> = items.iter().filter_map(ld_name).collect();
            (!names.is_empty()).then(|| names.join(", "))
        }
        _ => None,
    }
}

/// A text value that is not a link (some pages put the author's profile URL in `author`).
fn not_url(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty() && !s.starts_with("http") && !s.starts_with('/')).then(|| s.to_string())
}

/// The name in a byline block ("By Tom Rogan", "by Jane Roe and John Doe"): two to eight
/// words after "By", each capitalised or a joining word.
pub(crate) fn byline_name(text: &str) -> Option<String> {
    let rest = text
        .strip_prefix("By ")
        .or_else(|| text.strip_prefix("by "))
        .or_else(|| text.strip_prefix("BY "))?
        .trim();
    let words: Vec<&str> = rest.split_whitespace().collect();
    let name_like = words.iter().all(|w| {
        w.chars().next().is_some_and(char::is_uppercase)
            || matches!(*w, "and" | "de" | "van" | "von" | "da")
    });
    ((2..=8).contains(&words.len()) && name_like)
        .then(|| rest.trim_end_matches([',', '|']).to_string())
}

/// A JSON-LD text without its markup: its blocks, one per line, when it holds tags.
fn plain_text(text: &str) -> String {
    if !text.contains('<') {
        return text.trim().to_string();
    }
    let blocks = super::parse::parse(text).blocks;
    blocks
        .iter()
        .map(|b| b.text.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Most words of a site's name after the headline in a page's `<title>`.
const TITLE_SITE_WORDS: usize = 5;

/// The site's name a page's `<title>` writes after its headline and a bar or a dash
/// ("Ferry service resumes | Harbour Times"): the words after the last separator, when the
/// words before it are one of the page's `headlines` (its heading or its metadata's headline;
/// case and spacing aside) and they are a short name of two capitalised words or more ("of",
/// "the" and "&" aside). A title that only holds the headline, puts a section before it
/// ("Opinion | …") or after it ("… | Sport", "… | Live updates"), names no site.
fn site_after_headline(title: &str, headlines: &[String]) -> Option<String> {
    let folded = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    let (at, sep) = [" | ", " - ", " – ", " — "]
        .iter()
        .filter_map(|sep| title.rfind(sep).map(|at| (at, sep.len())))
        .max()?;
    let (head, site) = (folded(&title[..at]), title[at + sep..].trim());
    let words = site.split_whitespace().count();
    let named = site
        .split_whitespace()
        .all(|w| w.starts_with(char::is_uppercase) || matches!(w, "of" | "the" | "&"));
    let is_headline = !head.is_empty() && headlines.iter().any(|h| folded(h) == head);
    (is_headline && (2..=TITLE_SITE_WORDS).contains(&words) && named).then(|| site.to_string())
}

/// Reads a page's metadata.
pub fn metadata(page: &Page) -> Metadata {
    let ld = ld_articles(page);
    let ld_field = |key: &str| ld.iter().find_map(|a| a.get(key).and_then(ld_name));
    let h1 = page
        .blocks
        .iter()
        .find(|b| b.kind == BlockKind::Heading(1))
        .map(|b| b.text.clone());
    let headlines: Vec<String> = [
        meta(page, &["og:title", "twitter:title"]).map(str::to_string),
        ld_field("headline"),
        h1.clone(),
    ]
    .into_iter()
    .flatten()
    .collect();
    let title_site = site_after_headline(&page.title, &headlines);
    let title = meta(page, &["og:title", "twitter:title"])
        .map(str::to_string)
        .or_else(|| ld_field("headline"))
        .or(h1)
        .or_else(|| Some(page.title.clone()).filter(|t| !t.is_empty()));
    let outlet = meta(page, &["og:site_name", "application-name", "twitter:site"])
        .map(|s| s.trim_start_matches('@').to_string())
        .or_else(|| ld.iter().find_map(|a| a.get("publisher").and_then(ld_name)));
    let author = meta(
        page,
        &[
            "author",
            "article:author",
            "parsely-author",
            "sailthru.author",
            "dc.creator",
            "byl",
        ],
    )
    .and_then(not_url)
    .or_else(|| ld_field("author").as_deref().and_then(not_url));
    let published = meta(
        page,
        &[
            "article:published_time",
            "datepublished",
            "og:published_time",
            "published_time",
            "publishdate",
            "pubdate",
            "parsely-pub-date",
            "sailthru.date",
            "dc.date.issued",
            "dc.date",
            "date",
        ],
    )
    .map(str::to_string)
    .or_else(|| ld_field("datePublished"))
    .or_else(|| page.times.first().cloned());
    let body = ld
        .iter()
        .find_map(|a| a.get("articleBody").and_then(Value::as_str))
        .map(plain_text)
        .filter(|b| !b.trim().is_empty());
    Metadata {
        title,
        outlet,
        title_site,
        author,
        published,
        body,
    }
}

#[cfg(test)]
mod tests {
    use super::super::parse::parse;
    use super::*;

    #[test]
    fn reads_meta_json_ld_and_time() {
        let page = parse(
            r#"<html><head><title>Budget passes | Bugle</title>
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle",
            "headline":"Budget passes","datePublished":"2022-06-15T10:00:00Z","author":[{"@type":"Person","name":"Ann Lee"}],
            "publisher":{"@type":"Organization","name":"Daily Bugle"}}]}</script></head>
            <body><time datetime="2021-01-01">then</time></body></html>"#,
        );
        let m = metadata(&page);
        assert_eq!(m.title.as_deref(), Some("Budget passes"));
        assert_eq!(m.outlet.as_deref(), Some("Daily Bugle"));
        assert_eq!(m.author.as_deref(), Some("Ann Lee"));
        assert_eq!(m.published.as_deref(), Some("2022-06-15T10:00:00Z"));
        assert_eq!(byline_name("By Tom Rogan").as_deref(), Some("Tom Rogan"));
        assert_eq!(byline_name("By the way, this is not a name."), None);
        let bare = metadata(&parse(
            "<title>Only a title</title><time datetime='2021-01-01'>x</time>",
        ));
        assert_eq!(bare.title.as_deref(), Some("Only a title"));
        assert_eq!(bare.published.as_deref(), Some("2021-01-01"));
        assert_eq!(bare.title_site, None);
    }

    #[test]
    fn a_title_names_the_site_after_the_headline_it_repeats() {
        let page = |title: &str| {
            metadata(&parse(&format!(
                "<title>{title}</title><h1>Ferry service resumes after the storm</h1><p>x</p>"
            )))
        };
        let m = page("Ferry service resumes after the storm | Norvik Harbour Board");
        assert_eq!(m.title_site.as_deref(), Some("Norvik Harbour Board"));
        let m = page("Ferry Service Resumes After the Storm - Harbour Times");
        assert_eq!(m.title_site.as_deref(), Some("Harbour Times"));
        // A section before or after the headline, a headline with a dash of its own, a long
        // tail.
        for title in [
            "Opinion | Ferry service resumes after the storm",
            "Ferry service resumes after the storm | Sport",
            "Ferry service resumes after the storm | Live updates",
            "Ferry service resumes - after the storm",
            "Ferry service resumes after the storm | what the crews said on the quay today",
        ] {
            assert_eq!(page(title).title_site, None, "{title}");
        }
    }
}
