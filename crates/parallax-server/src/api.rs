//! The JSON API: stories, one story, a document, quotes, search, and ingest by upload.
//! [`crate::openapi`] describes it at `/api/openapi.json`.

use std::sync::Arc;

use axum::extract::{DefaultBodyLimit, Path, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use parallax::ingest::{page_from_json, unique_ids, RawPage};
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
        .route(
            "/api/ingest",
            post(ingest).layer(DefaultBodyLimit::max(MAX_BODY)),
        )
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
) -> Result<Json<Value>, AppError> {
    let wanted = id.clone();
    let view = state
        .read(move |s| Ok(s.document(&wanted)?))
        .await?
        .ok_or_else(|| AppError::NotFound(format!("no document {id}")))?;
    Ok(Json(serde_json::to_value(view).unwrap_or(Value::Null)))
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
    let story = q.story.as_deref().map(story_id).transpose()?;
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
) -> Result<Json<Value>, AppError> {
    let text = q.q.unwrap_or_default();
    let limit = q.limit.unwrap_or(20).clamp(1, 200);
    let hits = state.read(move |s| Ok(s.search(&text, limit)?)).await?;
    Ok(Json(serde_json::to_value(hits).unwrap_or(Value::Null)))
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

/// Pages from an upload: a JSON body `{"documents": [{name, content, ...}]}`, or a raw HTML
/// or text body (`?name=` names it).
fn uploaded_pages(
    headers: &HeaderMap,
    name: Option<String>,
    body: &[u8],
) -> Result<Vec<RawPage>, AppError> {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase();
    let uploads: Vec<Upload> = if content_type.starts_with("application/json") {
        #[derive(Deserialize)]
        struct Body {
            documents: Vec<Upload>,
        }
        serde_json::from_slice::<Body>(body)
            .map_err(|e| AppError::BadRequest(format!("malformed upload: {e}")))?
            .documents
    } else {
        let content = std::str::from_utf8(body)
            .map_err(|e| AppError::BadRequest(format!("body is not UTF-8: {e}")))?;
        let html = content_type.contains("html");
        vec![Upload {
            name: name.or_else(|| Some(if html { "upload.html" } else { "upload.txt" }.into())),
            content: content.to_string(),
            url: None,
            title: None,
            outlet: None,
            date: None,
        }]
    };
    if uploads.len() > MAX_UPLOAD_DOCUMENTS {
        return Err(AppError::BadRequest(format!(
            "{} documents in one upload; at most {MAX_UPLOAD_DOCUMENTS}",
            uploads.len()
        )));
    }
    let mut pages = Vec::new();
    for (i, u) in uploads.into_iter().enumerate() {
        let name = u.name.unwrap_or_else(|| format!("upload-{}", i + 1));
        // Only the file name is kept: an uploaded name never becomes a path.
        let base = name
            .rsplit(['/', '\\'])
            .next()
            .unwrap_or("upload")
            .to_string();
        let stem = base
            .rsplit_once('.')
            .map_or(base.as_str(), |(s, _)| s)
            .to_string();
        let lower = base.to_ascii_lowercase();
        let is_html = lower.ends_with(".html")
            || lower.ends_with(".htm")
            || (!lower.ends_with(".txt")
                && parallax::ingest::sniff_kind(u.content.as_bytes())
                    == parallax::ingest::PageKind::Html);
        let field = if is_html { "html" } else { "text" };
        let record = json!({
            "id": stem, field: u.content, "url": u.url, "title": u.title, "outlet": u.outlet, "date": u.date,
        });
        let page = page_from_json(record, &format!("upload:{base}"), &stem)
            .map_err(|e| AppError::BadRequest(format!("{base}: {e}")))?;
        pages.push(page);
    }
    unique_ids(&mut pages);
    Ok(pages)
}

/// Query parameter of a raw upload.
#[derive(Debug, Deserialize)]
struct IngestQuery {
    name: Option<String>,
}

async fn ingest(
    State(state): State<Arc<AppState>>,
    Query(q): Query<IngestQuery>,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> Result<Json<Value>, AppError> {
    let pages = uploaded_pages(&headers, q.name, &body)?;
    let report = state
        .write(move |store| Ok(store.ingest(pages, &mut |_| {})?))
        .await?;
    let documents: Vec<Value> = report
        .documents
        .iter()
        .map(|(id, story)| json!({ "id": id, "story": story }))
        .collect();
    Ok(Json(json!({
        "added": report.added,
        "unchanged": report.unchanged,
        "analyzed": report.analyzed,
        "rejected": report.rejected,
        "documents": documents,
    })))
}
