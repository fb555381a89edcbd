//! The OpenAPI 3.1 document of the JSON API, served at `/api/openapi.json`.

use axum::Json;
use serde_json::{json, Value};

fn param(name: &str, place: &str, description: &str, required: bool) -> Value {
    json!({ "name": name, "in": place, "required": required, "description": description, "schema": { "type": "string" } })
}

fn error(description: &str) -> Value {
    json!({ "description": description, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } })
}

/// A path's responses: 200 with `schema`, 400, 421, and the further statuses in `more` (each
/// with its description).
fn ok(description: &str, schema: Value, more: &[(&str, Value)]) -> Value {
    let mut responses = json!({
        "200": { "description": description, "content": { "application/json": { "schema": schema } } },
        "400": error("malformed request"),
        "421": error("the Host header names neither this server's address, localhost, 127.0.0.1, [::1] (with its port) nor a name allowed with --allow-host"),
    });
    for (status, response) in more {
        responses[*status] = response.clone();
    }
    responses
}

/// The API description.
pub fn spec() -> Value {
    let story_row = json!({
        "type": "object",
        "properties": {
            "id": { "type": "integer" }, "title": { "type": ["string", "null"] },
            "first_date": { "type": ["string", "null"] }, "last_date": { "type": ["string", "null"] },
            "documents": { "type": "integer" },
            "outlets": { "type": "array", "items": { "type": "string" } },
            "people": { "type": "array", "items": { "type": "string" } },
            "summary": { "type": "string" }, "conflicts": { "type": "integer" }, "stale": { "type": "boolean" }
        },
        "required": ["id", "documents", "outlets", "people", "summary", "conflicts", "stale"]
    });
    let quote = json!({
        "type": "object",
        "properties": {
            "story": { "type": "integer" }, "doc": { "type": "string" },
            "speaker": { "type": ["string", "null"] }, "channel": { "type": ["string", "null"] },
            "cue": { "type": ["string", "null"] }, "kind": { "type": "string" }, "text": { "type": "string" },
            "start": { "type": "integer" }, "end": { "type": "integer" }
        },
        "required": ["story", "doc", "kind", "text", "start", "end"]
    });
    let not_found = ("404", error("no such story or document"));
    let upload = [
        (
            "408",
            json!({ "description": "the request (its upload included) took longer than the server's time limit", "content": { "text/plain": { "schema": { "type": "string" } } } }),
        ),
        ("413", error("the body is over the 16 MiB cap")),
        (
            "401",
            error("no token, or a wrong one, in Authorization: Bearer"),
        ),
        ("403", error("the Origin header names another site")),
    ];
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "Parallax API",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "Stories, their comparison of accounts, documents, quotes and search over a Parallax store. Every span is a byte range of a document's cleaned text. Every request must name this server in Host (else 421); writes need the token as Authorization: Bearer and, when an Origin is sent, this server's origin."
        },
        "paths": {
            "/api/stories": { "get": {
                "summary": "List stories",
                "parameters": [
                    param("outlet", "query", "only stories with a document from this outlet", false),
                    param("person", "query", "only stories naming this person (part of a name)", false),
                    param("date", "query", "only stories covered on this day, YYYY-MM-DD", false),
                    param("sort", "query", "newest (default) or biggest", false),
                    param("limit", "query", "page size, 1 to 500 (default 50)", false),
                    param("offset", "query", "stories to skip, at most 9223372036854775807", false)
                ],
                "responses": ok("the stories", json!({ "type": "object", "properties": { "stories": { "type": "array", "items": { "$ref": "#/components/schemas/StoryRow" } } } }), &[])
            }},
            "/api/stories/{id}": { "get": {
                "summary": "A story's analysis: its documents, copies, quotes, statements, conflicts, exclusives and cited summary",
                "parameters": [param("id", "path", "story number or story-N", true)],
                "responses": ok("the story's report", json!({ "type": "object" }), std::slice::from_ref(&not_found))
            }},
            "/api/documents/{id}": { "get": {
                "summary": "A stored document: cleaned text, what was removed and repaired, sentence spans",
                "parameters": [param("id", "path", "document id", true)],
                "responses": ok("the document", json!({ "type": "object" }), &[not_found])
            }},
            "/api/quotes": { "get": {
                "summary": "Quotes, of one story or all",
                "parameters": [
                    param("story", "query", "story number", false),
                    param("speaker", "query", "part of the speaker's name", false),
                    param("limit", "query", "at most this many (default 200)", false)
                ],
                "responses": ok("the quotes", json!({ "type": "object", "properties": { "quotes": { "type": "array", "items": { "$ref": "#/components/schemas/Quote" } } } }), &[])
            }},
            "/api/search": { "get": {
                "summary": "Full-text search over stories, articles and quotes (every word must match)",
                "parameters": [param("q", "query", "the words", true), param("limit", "query", "hits of each kind (default 20)", false)],
                "responses": ok("stories, documents and quotes that match; snippets mark matches between U+0002 and U+0003", json!({ "type": "object" }), &[])
            }},
            "/api/ingest": { "post": {
                "summary": "Add articles to the store; copies and stories are found against what it holds",
                "description": "Each document passes the checks `parallax ingest` applies to a file: at most 10 MiB, not binary (no NUL bytes), not empty. A refused document is listed in `rejected` with its name and reason and the others are stored; when no document is accepted the answer is 400 with the same list. A name without a stem (\"\", \".\", \"/\") gets the id upload-N, N counting documents from 1.",
                "security": [{ "token": [] }],
                "parameters": [param("name", "query", "file name of a raw HTML or text body", false)],
                "requestBody": { "required": true, "content": {
                    "application/json": { "schema": { "$ref": "#/components/schemas/Upload" } },
                    "text/html": { "schema": { "type": "string" } },
                    "text/plain": { "schema": { "type": "string" } }
                }},
                "responses": ok("what was added", json!({ "type": "object", "properties": {
                    "added": { "type": "integer" }, "unchanged": { "type": "integer" }, "analyzed": { "type": "integer" },
                    "rejected": { "type": "array", "items": { "type": "object" } },
                    "documents": { "type": "array", "items": { "type": "object", "properties": { "id": { "type": "string" }, "story": { "type": "integer" } } } }
                }}), &upload)
            }}
        },
        "components": {
        "securitySchemes": { "token": { "type": "http", "scheme": "bearer", "description": "the write token: shown by parallax serve at start and kept in <db>.token, or given with --token" } },
        "schemas": {
            "StoryRow": story_row,
            "Quote": quote,
            "Upload": { "type": "object", "required": ["documents"], "properties": { "documents": { "type": "array", "maxItems": crate::api::MAX_UPLOAD_DOCUMENTS, "items": {
                "type": "object", "required": ["content"],
                "properties": {
                    "name": { "type": "string", "description": "file name; .html/.htm is HTML, .txt text, else sniffed" },
                    "content": { "type": "string" }, "url": { "type": "string" }, "title": { "type": "string" },
                    "outlet": { "type": "string" }, "date": { "type": "string" }
                }
            }}}},
            "Error": { "type": "object", "properties": { "error": { "type": "string" } }, "required": ["error"] }
        }}
    })
}

/// `GET /api/openapi.json`.
pub async fn document() -> Json<Value> {
    Json(spec())
}
