//! The web UI: server-rendered pages, one small script (the upload form), no external
//! resources. All stored text is escaped; a Content-Security-Policy allows only this site's
//! own script, so markup inside an article can never run.

use std::fmt::Write;
use std::sync::Arc;

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use axum::Extension;
use axum::Router;
use parallax::model::Report;
use parallax::render::html::{document_page, escape, QuoteMark, STYLE};
use parallax_store::StoryRow;

use crate::api::{story_id, SearchQuery, StoryQuery};
use crate::{AppError, AppState};

/// The UI's routes.
pub fn routes() -> Router<Arc<AppState>> {
    Router::new()
        .route("/", get(story_list))
        .route("/story/{id}", get(story))
        .route("/document/{id}", get(document))
        .route("/search", get(search))
        .route("/feeds", get(feeds))
        .route("/add", get(add_form))
        .route("/static/app.js", get(script))
}

const UI_STYLE: &str = "header{display:flex;gap:1rem;align-items:center;border-bottom:1px solid #ddd;padding-bottom:.5rem;font-family:Helvetica,Arial,sans-serif}\
header a{text-decoration:none}header form{margin-left:auto}.filters{display:flex;gap:.5rem;flex-wrap:wrap;margin:1rem 0}\
.stories td{padding:.5rem .3rem}.badge{background:#c33;color:#fff;border-radius:.6rem;padding:0 .4rem;font-size:.8rem}\
mark{background:#ffef9e}.note{background:#fff6d6;padding:.4rem}textarea{width:100%;min-height:12rem}";

const SCRIPT: &str = include_str!("app.js");

/// Wraps a body in the page chrome.
fn page(title: &str, body: &str) -> Response {
    page_of(title, &[body])
}

/// Wraps a body given in parts in the page chrome, copying each part once (a story's stored page
/// may be megabytes).
fn page_of(title: &str, parts: &[&str]) -> Response {
    let size: usize = parts.iter().map(|p| p.len()).sum();
    let mut out = String::with_capacity(size + 2048);
    let _ = write!(
        out,
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">\
         <title>{} · Parallax</title><style>{STYLE}{UI_STYLE}</style></head><body>\
         <header><a href=\"/\"><strong>Parallax</strong></a><a href=\"/?sort=biggest\">biggest</a><a href=\"/add\">add articles</a><a href=\"/feeds\">feeds</a>\
         <form action=\"/search\" role=\"search\"><input type=\"search\" name=\"q\" id=\"search\" placeholder=\"search articles, quotes, stories\"> <button>Search</button></form></header>",
        escape(title)
    );
    for part in parts {
        out.push_str(part);
    }
    out.push_str("</body></html>\n");
    (
        [
            (
                header::CONTENT_SECURITY_POLICY,
                "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
            ),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
            (header::X_FRAME_OPTIONS, "DENY"),
        ],
        Html(out),
    )
        .into_response()
}

fn not_found(what: &str) -> Response {
    let mut r = page(
        "Not found",
        &format!("<h1>Not found</h1><p>{}</p>", escape(what)),
    );
    *r.status_mut() = StatusCode::NOT_FOUND;
    r
}

fn error_page(e: AppError) -> Response {
    let (status, message) = match e {
        AppError::NotFound(m) => return not_found(&m),
        AppError::BadRequest(m) => (StatusCode::BAD_REQUEST, m),
        AppError::Internal(m) => (StatusCode::INTERNAL_SERVER_ERROR, m),
        AppError::Store(e) => (StatusCode::INTERNAL_SERVER_ERROR, e.to_string()),
    };
    let mut r = page(
        "Error",
        &format!("<h1>Error</h1><p>{}</p>", escape(&message)),
    );
    *r.status_mut() = status;
    r
}

/// A query-string value, percent-encoded.
fn encode(value: &str) -> String {
    parallax::render::html::url_component(value)
}

fn story_rows(out: &mut String, rows: &[StoryRow]) {
    out.push_str(
        "<table class=\"stories\"><tr><th>story</th><th>coverage</th><th>outlets</th></tr>",
    );
    for r in rows {
        let summary: String = r.summary.chars().take(280).collect();
        let _ = write!(
            out,
            "<tr><td><a href=\"/story/{id}\"><strong>{}</strong></a>{}<br><span class=\"meta\">{}{}</span></td><td>{} documents<br><span class=\"meta\">{}</span></td><td class=\"meta\">{}</td></tr>",
            escape(r.title.as_deref().unwrap_or("(untitled)")),
            if r.conflicts > 0 {
                format!(" <span class=\"badge\">{} conflict{}</span>", r.conflicts, if r.conflicts == 1 { "" } else { "s" })
            } else {
                String::new()
            },
            escape(&summary),
            if summary.len() < r.summary.len() { "…" } else { "" },
            r.documents,
            escape(&match (&r.first_date, &r.last_date) {
                (Some(a), Some(b)) if a != b => format!("{a} – {b}"),
                (Some(a), _) => a.clone(),
                _ => "undated".into(),
            }),
            escape(&r.outlets.join(", ")),
            id = r.id,
        );
    }
    out.push_str("</table>");
}

/// The offset of the page after one at `offset` of `limit` rows, when it is one a list accepts.
fn next_offset(offset: usize, limit: usize) -> Option<usize> {
    offset
        .checked_add(limit)
        .filter(|&next| next <= crate::api::MAX_OFFSET)
}

async fn story_list(State(state): State<Arc<AppState>>, Query(q): Query<StoryQuery>) -> Response {
    let filter = match q.filter() {
        Ok(f) => f,
        Err(e) => return error_page(e),
    };
    let shown = filter.clone();
    let rows = match state.read(move |s| Ok(s.stories(&filter)?)).await {
        Ok(rows) => rows,
        Err(e) => return error_page(e),
    };
    let mut body = String::from("<h1>Stories</h1>");
    let value = |v: &Option<String>| escape(v.as_deref().unwrap_or(""));
    let _ = write!(
        body,
        "<form class=\"filters\" action=\"/\"><input name=\"outlet\" placeholder=\"outlet\" value=\"{}\"><input name=\"person\" placeholder=\"person\" value=\"{}\">\
         <input name=\"date\" type=\"date\" value=\"{}\"><select name=\"sort\"><option value=\"newest\">newest</option><option value=\"biggest\"{}>biggest</option></select><button>Filter</button></form>",
        value(&shown.outlet),
        value(&shown.person),
        value(&shown.date),
        if shown.order == parallax_store::StoryOrder::Biggest { " selected" } else { "" }
    );
    if rows.is_empty() {
        body.push_str("<p>No stories. Add articles with <code>parallax ingest</code> or <a href=\"/add\">here</a>.</p>");
    } else {
        story_rows(&mut body, &rows);
        let next = next_offset(shown.offset, shown.limit).filter(|_| rows.len() == shown.limit);
        if let Some(next_offset) = next {
            let next = format!(
                "/?outlet={}&person={}&date={}&sort={}&offset={}",
                encode(shown.outlet.as_deref().unwrap_or("")),
                encode(shown.person.as_deref().unwrap_or("")),
                encode(shown.date.as_deref().unwrap_or("")),
                if shown.order == parallax_store::StoryOrder::Biggest {
                    "biggest"
                } else {
                    "newest"
                },
                next_offset
            );
            let _ = write!(
                body,
                "<p><a href=\"{}\">more stories</a></p>",
                escape(&next)
            );
        }
    }
    page("Stories", &body)
}

async fn story(State(state): State<Arc<AppState>>, Path(id): Path<String>) -> Response {
    let n = match story_id(&id) {
        Ok(n) => n,
        Err(e) => return error_page(e),
    };
    let found = state
        .read(move |s| {
            let n = s.merged_into(n)?.unwrap_or(n);
            Ok((s.story(n)?, s.story_page(n)?))
        })
        .await;
    match found {
        Ok((Some(row), Some(body))) => {
            let mut head = String::new();
            if row.stale {
                head.push_str("<p class=\"note\">New documents joined this story; its analysis is being updated.</p>");
            }
            let _ = write!(
                head,
                "<p class=\"meta\"><a href=\"/api/stories/{}\">JSON</a></p>",
                row.id
            );
            page_of(row.title.as_deref().unwrap_or("Story"), &[&head, &body])
        }
        Ok((Some(row), None)) => page(
            row.title.as_deref().unwrap_or("Story"),
            "<p class=\"note\">This story is being analyzed; reload in a moment.</p>",
        ),
        Ok(_) => not_found(&format!("no story {id}")),
        Err(e) => error_page(e),
    }
}

async fn document(State(state): State<Arc<AppState>>, Path(id): Path<String>) -> Response {
    let wanted = id.clone();
    let read = state
        .read(move |s| {
            let Some(view) = s.document(&wanted)? else {
                return Ok(None);
            };
            let marks = s.document_marks(view.story, &view.document.id)?;
            Ok(Some((view, marks)))
        })
        .await;
    match read {
        Ok(Some((view, marks))) => {
            let title = view
                .document
                .title
                .clone()
                .unwrap_or_else(|| view.document.id.clone());
            let mut body = format!(
                "<p class=\"meta\">In <a href=\"/story/{}\">story {}</a> · <a href=\"/api/documents/{}\">JSON</a></p>",
                view.story,
                view.story,
                encode(&view.document.id)
            );
            let mut document = view.document;
            // Only the file name: the page need not tell where the file was on the ingesting machine.
            document.source = parallax_store::file_name(&document.source).to_string();
            let report = Report {
                documents: vec![document],
                ..Report::default()
            };
            // The quotes found in it and the sentences the story's summary cites are marked.
            let quotes: Vec<QuoteMark> = marks
                .quotes
                .into_iter()
                .map(|q| QuoteMark {
                    start: usize::try_from(q.start).unwrap_or(usize::MAX),
                    speaker: q.speaker,
                    channel: q.channel,
                })
                .collect();
            let cited: Vec<usize> = marks.cited.into_iter().map(|(start, _)| start).collect();
            body.push_str(&document_page(&report, &quotes, &cited));
            page(&title, &body)
        }
        Ok(None) => not_found(&format!("no document {id}")),
        Err(e) => error_page(e),
    }
}

/// A snippet with its matches marked; the text itself is escaped.
fn marked(snippet: &str) -> String {
    escape(snippet)
        .replace('\u{2}', "<mark>")
        .replace('\u{3}', "</mark>")
}

/// The feeds `parallax follow` reads: when each was last read, what it found, what it added.
async fn feeds(State(state): State<Arc<AppState>>) -> Response {
    let rows = match state.read(|s| Ok(s.feeds()?)).await {
        Ok(rows) => rows,
        Err(e) => return error_page(e),
    };
    let mut body = String::from("<h1>Followed feeds</h1>");
    if rows.is_empty() {
        body.push_str("<p>No feed is followed yet: <code>parallax follow FEEDS.txt --db STORE</code> reads the feeds and sitemaps a file lists.</p>");
    } else {
        body.push_str("<table><tr><th>feed</th><th>last read (UTC)</th><th>last reading</th><th>documents added</th></tr>");
        for row in &rows {
            let _ = write!(
                body,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                escape(&row.url),
                escape(row.last_read.as_deref().unwrap_or("never")),
                escape(row.last_status.as_deref().unwrap_or("")),
                row.added
            );
        }
        body.push_str("</table>");
    }
    page("Feeds", &body)
}

async fn search(State(state): State<Arc<AppState>>, Query(q): Query<SearchQuery>) -> Response {
    let text = q.q.clone().unwrap_or_default();
    let wanted = text.clone();
    let hits = match state.read(move |s| Ok(s.search(&wanted, 30)?)).await {
        Ok(h) => h,
        Err(e) => return error_page(e),
    };
    let mut body = format!("<h1>Search: {}</h1>", escape(&text));
    let _ = write!(
        body,
        "<section id=\"story-hits\"><h2>Stories ({})</h2><ul>",
        hits.stories.len()
    );
    for s in &hits.stories {
        let _ = write!(
            body,
            "<li><a href=\"/story/{}\">{}</a><br><span class=\"meta\">{}</span></li>",
            s.id,
            escape(s.title.as_deref().unwrap_or("(untitled)")),
            marked(&s.snippet)
        );
    }
    let _ = write!(
        body,
        "</ul></section><section id=\"quote-hits\"><h2>Quotes ({})</h2><ul>",
        hits.quotes.len()
    );
    for quote in &hits.quotes {
        let _ = write!(
            body,
            "<li>“{}” — {} <span class=\"meta\">(<a href=\"/document/{}\">{}</a>, <a href=\"/story/{}\">story {}</a>)</span></li>",
            escape(&quote.text),
            escape(&parallax::render::attribution(quote.speaker.as_deref(), quote.channel.as_deref())),
            encode(&quote.doc),
            escape(&quote.doc),
            quote.story,
            quote.story
        );
    }
    let _ = write!(
        body,
        "</ul></section><section id=\"document-hits\"><h2>Articles ({})</h2><ul>",
        hits.documents.len()
    );
    for d in &hits.documents {
        let _ = write!(
            body,
            "<li><a href=\"/document/{}\">{}</a> <span class=\"meta\">{} · <a href=\"/story/{}\">story {}</a></span><br><span class=\"meta\">{}</span></li>",
            encode(&d.id),
            escape(d.title.as_deref().unwrap_or(&d.id)),
            escape(d.outlet.as_deref().unwrap_or("")),
            d.story,
            d.story,
            marked(&d.snippet)
        );
    }
    body.push_str("</ul></section>");
    page(&format!("Search: {text}"), &body)
}

/// The upload form. Its script posts with the write token: a browser on this machine that asks
/// for the server by a loopback name finds it in the page (which only a page of an allowed host
/// can read, see [`crate::access`]); anyone else types it in. A proxy on this machine forwards
/// its visitors' own `Host` (an `--allow-host` name), so they are asked for it too.
async fn add_form(
    State(state): State<Arc<AppState>>,
    peer: Option<Extension<ConnectInfo<SocketAddr>>>,
    headers: axum::http::HeaderMap,
) -> Response {
    let host = headers
        .get(axum::http::header::HOST)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let local = peer.is_some_and(|Extension(ConnectInfo(a))| a.ip().is_loopback())
        && crate::access::is_loopback_host(host);
    let (meta, field) = if local {
        (
            format!(
                "<meta name=\"parallax-token\" content=\"{}\">",
                escape(state.token())
            ),
            "",
        )
    } else {
        (
            String::new(),
            "<p><label>Token (shown by <code>parallax serve</code>) <input id=\"token\" type=\"password\" autocomplete=\"off\" required></label></p>",
        )
    };
    let mut r = page(
        "Add articles",
        &format!(
            "{meta}<h1>Add articles</h1><form id=\"upload\"><p><label>Files (.html, .htm, .txt): <input type=\"file\" id=\"files\" multiple></label></p>\
             <p><label>Or paste an article's text or HTML:<br><textarea id=\"pasted\"></textarea></label></p>\
             <p><label>URL <input id=\"url\"></label> <label>Outlet <input id=\"outlet\"></label> <label>Date <input id=\"date\" type=\"date\"></label></p>\
             {field}<p><button type=\"submit\">Add</button></p></form><div id=\"result\" role=\"status\"></div><script src=\"/static/app.js\"></script>"
        ),
    );
    // The page holds the token: never kept by a cache.
    r.headers_mut().insert(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static("no-store"),
    );
    r
}

async fn script() -> Response {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        SCRIPT,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_more_link_never_wraps() {
        assert_eq!(next_offset(0, 50), Some(50));
        assert_eq!(
            next_offset(crate::api::MAX_OFFSET - 50, 50),
            Some(crate::api::MAX_OFFSET)
        );
        assert_eq!(next_offset(crate::api::MAX_OFFSET, 1), None);
        assert_eq!(next_offset(usize::MAX, 500), None);
    }
}
