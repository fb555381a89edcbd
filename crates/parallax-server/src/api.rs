//! The JSON API: stories, one story, a document, quotes, search, and ingest by upload.
//! [`crate::openapi`] describes it at `/api/openapi.json`.

use std::sync::Arc;

use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use parallax::ingest::{
    check_page_bytes, page_from_bytes, sniff_kind, unique_ids, Content, PageKind, RawPage,
    DEFAULT_MAX_BYTES,
};
use parallax::model::Rejection;
use parallax_store::{StoryFilter, StoryOrder};
use serde::Deserialize;
use serde_json::{json, Value};

use crate::{AppError, AppState, MAX_BODY};

/// Documents one upload may hold.
pub const MAX_UPLOAD_DOCUMENTS: usize = 1000;

/// The largest offset a list accepts: SQLite counts in `i64`, so a larger one would wrap.
pub const MAX_OFFSET: usize = i64::MAX as usize;

/// The API's routes.
pub fn routes() -> Router<Arc<AppState>> {
    Router::new()
        .route("/api/stories", get(stories))
        .route("/api/stories/{id}", get(story))
        .route("/api/documents/{id}", get(document))
        .route("/api/quotes", get(quotes))
        .route("/api/search", get(search))
        .route("/api/ingest", post(ingest))
        .route("/api/openapi.json", get(crate::openapi::document))
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let (status, message) = match self {
            AppError::NotFound(m) => (StatusCode::NOT_FOUND, m),
            AppError::BadRequest(m) => (StatusCode::BAD_REQUEST, m),
            AppError::Store(e) => (StatusCode::INTERNAL_SERVER_ERROR, e.to_string()),
            AppError::Internal(m) => (StatusCode::INTERNAL_SERVER_ERROR, m),
        };
        (status, Json(json!({ "error": message }))).into_response()
    }
}

/// Query parameters of the story list (API and UI).
#[derive(Debug, Default, Deserialize)]
pub struct StoryQuery {
    /// Outlet filter.
    pub outlet: Option<String>,
    /// Person filter.
    pub person: Option<String>,
    /// Day filter, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// `newest` (default) or `biggest`.
    pub sort: Option<String>,
    /// Page size.
    pub limit: Option<usize>,
    /// Offset.
    pub offset: Option<usize>,
}

impl StoryQuery {
    /// The store filter this query asks for; empty fields are no filter. An offset over
    /// [`MAX_OFFSET`] is refused.
    pub fn filter(&self) -> Result<StoryFilter, AppError> {
        let offset = self.offset.unwrap_or(0);
        if offset > MAX_OFFSET {
            return Err(AppError::BadRequest(format!(
                "offset {offset} is over the largest, {MAX_OFFSET}"
            )));
        }
        let given = |v: &Option<String>| {
            v.as_ref()
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
        };
        Ok(StoryFilter {
            outlet: given(&self.outlet),
            person: given(&self.person),
            date: given(&self.date),
            order: if self.sort.as_deref() == Some("biggest") {
                StoryOrder::Biggest
            } else {
                StoryOrder::Newest
            },
            limit: self.limit.unwrap_or(50).clamp(1, 500),
            offset,
        })
    }
}

/// Parses a story id: `12` or `story-12`.
pub fn story_id(id: &str) -> Result<i64, AppError> {
    id.strip_prefix("story-")
        .unwrap_or(id)
        .parse()
        .map_err(|_| AppError::NotFound(format!("no story {id}")))
}

async fn stories(
    State(state): State<Arc<AppState>>,
    Query(q): Query<StoryQuery>,
) -> Result<Json<Value>, AppError> {
    let filter = q.filter()?;
    let rows = state.read(move |s| Ok(s.stories(&filter)?)).await?;
    Ok(Json(json!({ "stories": rows })))
}

async fn story(
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let n = story_id(&id)?;
    let report = state
        .read(move |s| {
            let n = s.merged_into(n)?.unwrap_or(n);
            Ok(s.story_report_json(n)?)
        })
        .await?
        .ok_or_else(|| AppError::NotFound(format!("no analyzed story {id}")))?;
    Ok(([(header::CONTENT_TYPE, "application/json")], report).into_response())
}

async fn document(
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let wanted = id.clone();
    let view = state
        .read(move |s| Ok(s.document(&wanted)?))
        .await?
        .ok_or_else(|| AppError::NotFound(format!("no document {id}")))?;
    // Serialized straight to bytes, not through a JSON value.
    Ok(Json(view).into_response())
}

/// Query parameters of the quote list.
#[derive(Debug, Deserialize)]
pub struct QuoteQuery {
    story: Option<String>,
    speaker: Option<String>,
    limit: Option<usize>,
}

async fn quotes(
    State(state): State<Arc<AppState>>,
    Query(q): Query<QuoteQuery>,
) -> Result<Json<Value>, AppError> {
    let story = q
        .story
        .as_deref()
        .map(|id| story_id(id).map_err(|_| AppError::BadRequest(format!("no story number {id}"))))
        .transpose()?;
    let limit = q.limit.unwrap_or(200).clamp(1, 5000);
    let speaker = q.speaker.filter(|s| !s.trim().is_empty());
    let rows = state
        .read(move |s| Ok(s.quotes(story, speaker.as_deref(), limit)?))
        .await?;
    Ok(Json(json!({ "quotes": rows })))
}

/// Query parameters of a search.
#[derive(Debug, Default, Deserialize)]
pub struct SearchQuery {
    /// The words.
    pub q: Option<String>,
    /// Hits of each kind.
    pub limit: Option<usize>,
}

async fn search(
    State(state): State<Arc<AppState>>,
    Query(q): Query<SearchQuery>,
) -> Result<Response, AppError> {
    let text = q.q.unwrap_or_default();
    let limit = q.limit.unwrap_or(20).clamp(1, 200);
    let hits = state.read(move |s| Ok(s.search(&text, limit)?)).await?;
    Ok(Json(hits).into_response())
}

/// One uploaded article.
#[derive(Debug, Deserialize)]
struct Upload {
    /// A file name; `.html`/`.htm` is HTML, anything else is sniffed.
    name: Option<String>,
    /// The page's content: HTML or text.
    content: String,
    url: Option<String>,
    title: Option<String>,
    outlet: Option<String>,
    date: Option<String>,
}

/// Why one uploaded document was refused, or `None` when it passes the checks the command line
/// applies to a file: the size cap ([`DEFAULT_MAX_BYTES`], as `parallax ingest`), content that
/// is only whitespace, and binary data (NUL bytes or many control characters; UTF-16 with a
/// byte-order mark is text).
pub fn refusal(bytes: &[u8]) -> Option<String> {
    if bytes.len() > DEFAULT_MAX_BYTES {
        return Some(format!(
            "{} bytes is over the {DEFAULT_MAX_BYTES}-byte cap per document",
            bytes.len()
        ));
    }
    check_page_bytes(bytes).err().map(|e| e.to_string())
}

/// The id an uploaded file name gives: its stem, or `upload-N` (N counts from 1 in the upload)
/// when the name has none (`""`, `.`, `/`, `.html`). Only the file name counts: an uploaded
/// name never becomes a path.
pub fn upload_id(name: &str, position: usize) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or("");
    let stem = base.rsplit_once('.').map_or(base, |(s, _)| s).trim();
    if stem.chars().all(|c| c == '.') {
        format!("upload-{position}")
    } else {
        stem.to_string()
    }
}

/// The documents of an upload, checked: pages to store and the documents refused, each named
/// with its reason. The body is a JSON `{"documents": [{name, content, ...}]}`, or one raw HTML
/// or text document (`?name=` names it), which is decoded like a file.
fn uploaded_pages(
    headers: &HeaderMap,
    name: Option<String>,
    body: axum::body::Bytes,
) -> Result<(Vec<RawPage>, Vec<Rejection>), AppError> {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase();
    let mut pages = Vec::new();
    let mut rejected = Vec::new();
    if !content_type.starts_with("application/json") {
        let html = content_type.contains("html");
        let name = name.unwrap_or_else(|| if html { "upload.html" } else { "upload.txt" }.into());
        // The body becomes the page's bytes without a copy.
        let bytes = Vec::from(body);
        let lower = name.to_ascii_lowercase();
        let kind = if html || lower.ends_with(".html") || lower.ends_with(".htm") {
            Some(PageKind::Html)
        } else if lower.ends_with(".txt") {
            Some(PageKind::Text)
        } else {
            None
        };
        let source = format!("upload:{name}");
        let page = match refusal(&bytes) {
            Some(reason) => Err(reason),
            None => page_from_bytes(&source, &upload_id(&name, 1), kind, bytes)
                .map_err(|e| e.to_string()),
        };
        match page {
            Ok(page) => pages.push(page),
            Err(reason) => rejected.push(Rejection {
                input: name,
                reason,
            }),
        }
        return Ok((pages, rejected));
    }
    #[derive(Deserialize)]
    struct Body {
        documents: Vec<Upload>,
    }
    let uploads = serde_json::from_slice::<Body>(&body)
        .map_err(|e| AppError::BadRequest(format!("malformed upload: {e}")))?
        .documents;
    drop(body);
    if uploads.len() > MAX_UPLOAD_DOCUMENTS {
        return Err(AppError::BadRequest(format!(
            "{} documents in one upload; at most {MAX_UPLOAD_DOCUMENTS}",
            uploads.len()
        )));
    }
    for (i, u) in uploads.into_iter().enumerate() {
        let name = u.name.unwrap_or_else(|| format!("upload-{}", i + 1));
        if let Some(reason) = refusal(u.content.as_bytes()) {
            rejected.push(Rejection {
                input: name,
                reason,
            });
            continue;
        }
        let lower = name.to_ascii_lowercase();
        let is_html = lower.ends_with(".html")
            || lower.ends_with(".htm")
            || (!lower.ends_with(".txt") && sniff_kind(u.content.as_bytes()) == PageKind::Html);
        pages.push(RawPage {
            source: format!("upload:{}", name.rsplit(['/', '\\']).next().unwrap_or("")),
            id: upload_id(&name, i + 1),
            kind: if is_html {
                PageKind::Html
            } else {
                PageKind::Text
            },
            content: Content::Text(u.content),
            url: u.url,
            title: u.title,
            outlet: u.outlet,
            date: u.date,
            listed: None,
        });
    }
    unique_ids(&mut pages);
    Ok((pages, rejected))
}

/// Query parameter of a raw upload.
#[derive(Debug, Deserialize)]
struct IngestQuery {
    name: Option<String>,
}

async fn ingest(
    State(state): State<Arc<AppState>>,
    Query(q): Query<IngestQuery>,
    axum::Extension(crate::Deadline(deadline)): axum::Extension<crate::Deadline>,
    headers: HeaderMap,
    body: axum::body::Body,
) -> Result<Response, AppError> {
    // Reading the body and waiting for the writer count against the request's time; writing
    // does not (it is linear in the upload and never left half done), so a 408 means that
    // nothing of the upload was stored.
    match tokio::time::timeout_at(deadline, receive_upload(&state, q, headers, body)).await {
        Ok(Ok(Received::Upload(turn, slot, pages, rejected))) => {
            store_upload(&state, turn, slot, pages, rejected).await
        }
        Ok(Ok(Received::Answer(response))) => Ok(response),
        Ok(Err(e)) => Err(e),
        Err(_) => Ok((
            StatusCode::REQUEST_TIMEOUT,
            Json(json!({ "error": "the upload took too long; nothing was stored" })),
        )
            .into_response()),
    }
}

/// An upload read and checked, with the writer's turn; or the answer already given.
enum Received {
    /// Pages to store, in the writer's turn and the upload slot.
    Upload(
        tokio::sync::OwnedSemaphorePermit,
        tokio::sync::OwnedSemaphorePermit,
        Vec<RawPage>,
        Vec<Rejection>,
    ),
    /// An answer that needs no write (413, or 400 when nothing was accepted).
    Answer(Response),
}

async fn receive_upload(
    state: &Arc<AppState>,
    q: IngestQuery,
    headers: HeaderMap,
    body: axum::body::Body,
) -> Result<Received, AppError> {
    let too_large = || {
        let error = format!("the body is over the {MAX_BODY}-byte cap");
        Ok(Received::Answer(
            (
                StatusCode::PAYLOAD_TOO_LARGE,
                Json(json!({ "error": error })),
            )
                .into_response(),
        ))
    };
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > MAX_BODY as u64) {
        return too_large();
    }
    // Only MAX_UPLOADS bodies are read and held at once; the others wait unread.
    let slot = Arc::clone(&state.upload_slots)
        .acquire_owned()
        .await
        .map_err(|e| AppError::Internal(e.to_string()))?;
    let body = match http_body_util::BodyExt::collect(http_body_util::Limited::new(body, MAX_BODY))
        .await
    {
        Ok(collected) => collected.to_bytes(),
        Err(e) if e.is::<http_body_util::LengthLimitError>() => return too_large(),
        Err(e) => return Err(AppError::BadRequest(format!("cannot read the body: {e}"))),
    };
    let (pages, rejected) = uploaded_pages(&headers, q.name, body)?;
    if pages.is_empty() {
        let error = match rejected.as_slice() {
            [one] => format!("{}: {}", one.input, one.reason),
            _ => "no document of the upload was accepted".to_string(),
        };
        return Ok(Received::Answer(
            (
                StatusCode::BAD_REQUEST,
                Json(json!({ "error": error, "rejected": rejected })),
            )
                .into_response(),
        ));
    }
    let turn = state.writer_turn().await?;
    Ok(Received::Upload(turn, slot, pages, rejected))
}

/// Stores a received upload in the writer's turn; the upload slot is held until it is stored.
async fn store_upload(
    state: &Arc<AppState>,
    turn: tokio::sync::OwnedSemaphorePermit,
    slot: tokio::sync::OwnedSemaphorePermit,
    pages: Vec<RawPage>,
    mut rejected: Vec<Rejection>,
) -> Result<Response, AppError> {
    let report = state
        .write_in_turn(turn, move |store| {
            let _slot = slot;
            Ok(store.ingest(pages, &mut |_| {})?)
        })
        .await?;
    let documents: Vec<Value> = report
        .documents
        .iter()
        .map(|(id, story)| json!({ "id": id, "story": story }))
        .collect();
    rejected.extend(report.rejected);
    Ok(Json(json!({
        "added": report.added,
        "unchanged": report.unchanged,
        "analyzed": report.analyzed,
        "rejected": rejected,
        "documents": documents,
    }))
    .into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_without_a_stem_get_a_fallback_id() {
        assert_eq!(upload_id("../../etc/flood.txt", 1), "flood");
        assert_eq!(upload_id("C:\\news\\a.b.html", 1), "a.b");
        for (i, name) in ["", ".", "/", "..", ".html", "dir/", " .txt"]
            .iter()
            .enumerate()
        {
            assert_eq!(
                upload_id(name, i + 1),
                format!("upload-{}", i + 1),
                "{name:?}"
            );
        }
    }

    #[test]
    fn refusals_are_the_cli_checks() {
        assert!(refusal(b"News.\0").unwrap().contains("binary"));
        assert!(refusal(b" \n ").unwrap().contains("empty"));
        assert!(refusal(&vec![b'a'; DEFAULT_MAX_BYTES + 1])
            .unwrap()
            .contains("cap"));
        assert_eq!(refusal(&vec![b'a'; DEFAULT_MAX_BYTES]), None);
        // UTF-16 with a byte-order mark holds NUL bytes and is text.
        assert_eq!(refusal(b"\xff\xfeN\0e\0w\0s\0"), None);
    }
}
