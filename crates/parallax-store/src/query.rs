//! Queries: the story list with its filters, one story, one document, quotes, and full-text
//! search over articles, quotes and stories.

use parallax::model::Document;
use rusqlite::{params, OptionalExtension};
use serde::Serialize;

use crate::{Store, StoreError};

/// How the story list is ordered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum StoryOrder {
    /// Latest coverage first.
    #[default]
    Newest,
    /// Most documents first.
    Biggest,
}

/// Which stories to list.
#[derive(Debug, Clone, Default)]
pub struct StoryFilter {
    /// Only stories with a document from this outlet.
    pub outlet: Option<String>,
    /// Only stories naming this person (part of a name, any case).
    pub person: Option<String>,
    /// Only stories whose coverage spans this `YYYY-MM-DD` day.
    pub date: Option<String>,
    /// The order.
    pub order: StoryOrder,
    /// At most this many (0: 50).
    pub limit: usize,
    /// Skip this many.
    pub offset: usize,
}

/// A story in the list.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct StoryRow {
    /// Story number.
    pub id: i64,
    /// Headline.
    pub title: Option<String>,
    /// Earliest publication day.
    pub first_date: Option<String>,
    /// Latest publication day.
    pub last_date: Option<String>,
    /// Number of documents.
    pub documents: i64,
    /// Outlets covering it.
    pub outlets: Vec<String>,
    /// People it names or quotes.
    pub people: Vec<String>,
    /// The cited summary's sentences, joined.
    pub summary: String,
    /// Number of conflicts between accounts.
    pub conflicts: i64,
    /// True when its analysis is behind its documents (an ingest is under way).
    pub stale: bool,
}

/// A stored document.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentView {
    /// Arrival number.
    pub seq: i64,
    /// The story it belongs to.
    pub story: i64,
    /// When it was stored.
    pub added: String,
    /// The prepared document: cleaned text, removals, repairs, sentences, alignment.
    pub document: Document,
}

/// A stored quote.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct QuoteRow {
    /// Story number.
    pub story: i64,
    /// Document id.
    pub doc: String,
    /// Speaker.
    pub speaker: Option<String>,
    /// Channel.
    pub channel: Option<String>,
    /// Cue.
    pub cue: Option<String>,
    /// How the quote is reported: direct, partial, indirect, view or stance.
    pub kind: String,
    /// The quoted words.
    pub text: String,
    /// Byte span in the document's cleaned text.
    pub start: i64,
    /// End of the span.
    pub end: i64,
}

/// A document matching a search.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct DocumentHit {
    /// Document id.
    pub id: String,
    /// Its story.
    pub story: i64,
    /// Headline.
    pub title: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// The matching passage, each match between the control characters U+0002 and U+0003.
    pub snippet: String,
}

/// A story matching a search.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct StoryHit {
    /// Story number.
    pub id: i64,
    /// Headline.
    pub title: Option<String>,
    /// The matching passage of its title or summary, marked as in [`DocumentHit::snippet`]; for
    /// a story found through one of its articles or quotes, that article's passage or quote.
    pub snippet: String,
}

/// What a search found.
#[derive(Debug, Clone, Serialize, Default, PartialEq)]
pub struct SearchHits {
    /// Stories.
    pub stories: Vec<StoryHit>,
    /// Articles.
    pub documents: Vec<DocumentHit>,
    /// Quotes.
    pub quotes: Vec<QuoteRow>,
}

/// A user's words as an FTS5 query: every word must match, as a literal (no query syntax).
pub fn fts_query(text: &str) -> Option<String> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .take(16)
        .map(|w| format!("\"{}\"", w.replace('"', "\"\"")))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

fn list(json: String) -> Vec<String> {
    serde_json::from_str(&json).unwrap_or_default()
}

fn story_row(r: &rusqlite::Row) -> rusqlite::Result<StoryRow> {
    Ok(StoryRow {
        id: r.get(0)?,
        title: r.get(1)?,
        first_date: r.get(2)?,
        last_date: r.get(3)?,
        documents: r.get(4)?,
        outlets: list(r.get(5)?),
        people: list(r.get(6)?),
        summary: r.get(7)?,
        conflicts: r.get(8)?,
        stale: r.get(9)?,
    })
}

const STORY_COLUMNS: &str = "id, title, first_date, last_date, documents, outlets, people, summary, conflicts, analyzed_version != version";

fn quote_row(r: &rusqlite::Row) -> rusqlite::Result<QuoteRow> {
    Ok(QuoteRow {
        story: r.get(0)?,
        doc: r.get(1)?,
        speaker: r.get(2)?,
        channel: r.get(3)?,
        cue: r.get(4)?,
        kind: r.get(5)?,
        text: r.get(6)?,
        start: r.get(7)?,
        end: r.get(8)?,
    })
}

/// What a document's page marks.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DocumentMarks {
    /// The quotes found in it.
    pub quotes: Vec<QuoteRow>,
    /// The byte spans of it the story's summary cites.
    pub cited: Vec<(usize, usize)>,
}

/// Most quotes and cited spans a document's page marks.
const MAX_MARKS: i64 = 10_000;

impl Store {
    /// Stories, filtered and ordered.
    pub fn stories(&self, filter: &StoryFilter) -> Result<Vec<StoryRow>, StoreError> {
        let order = match filter.order {
            StoryOrder::Newest => "coalesce(last_date, '') DESC, id DESC",
            StoryOrder::Biggest => "documents DESC, id DESC",
        };
        let sql = format!(
            "SELECT {STORY_COLUMNS} FROM stories WHERE merged_into IS NULL AND documents > 0
               AND (?1 IS NULL OR instr(lower(outlets), lower(json_quote(?1))) > 0)
               AND (?2 IS NULL OR instr(lower(people), lower(?2)) > 0)
               AND (?3 IS NULL OR (first_date <= ?3 AND last_date >= ?3))
             ORDER BY {order} LIMIT ?4 OFFSET ?5"
        );
        let limit = if filter.limit == 0 { 50 } else { filter.limit };
        let mut stmt = self.conn.prepare_cached(&sql).map_err(|e| self.sqlite(e))?;
        let rows = stmt
            .query_map(
                params![
                    filter.outlet,
                    filter.person,
                    filter.date,
                    limit as i64,
                    filter.offset as i64
                ],
                story_row,
            )
            .and_then(|rows| rows.collect());
        rows.map_err(|e| self.sqlite(e))
    }

    /// One story's list entry.
    pub fn story(&self, id: i64) -> Result<Option<StoryRow>, StoreError> {
        let sql = format!("SELECT {STORY_COLUMNS} FROM stories WHERE id = ?1 AND merged_into IS NULL AND documents > 0");
        self.conn
            .query_row(&sql, [id], story_row)
            .optional()
            .map_err(|e| self.sqlite(e))
    }

    /// The story a merged story now lives in, if it merged.
    pub fn merged_into(&self, id: i64) -> Result<Option<i64>, StoreError> {
        self.conn
            .query_row("SELECT merged_into FROM stories WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()
            .map(Option::flatten)
            .map_err(|e| self.sqlite(e))
    }

    /// A story's analysis as the JSON report of its documents, copies and the story.
    pub fn story_report_json(&self, id: i64) -> Result<Option<String>, StoreError> {
        self.conn
            .prepare_cached("SELECT report FROM analyses WHERE story = ?1")
            .and_then(|mut s| s.query_row([id], |r| r.get(0)).optional())
            .map_err(|e| self.sqlite(e))
    }

    /// A story's rendered page body (HTML, all article text escaped).
    pub fn story_page(&self, id: i64) -> Result<Option<String>, StoreError> {
        self.conn
            .prepare_cached("SELECT page FROM analyses WHERE story = ?1")
            .and_then(|mut s| s.query_row([id], |r| r.get(0)).optional())
            .map_err(|e| self.sqlite(e))
    }

    /// A stored document by id.
    pub fn document(&self, id: &str) -> Result<Option<DocumentView>, StoreError> {
        let row: Option<(i64, i64, String, String)> = self
            .conn
            .query_row(
                "SELECT seq, story, added, document FROM documents WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()
            .map_err(|e| self.sqlite(e))?;
        let Some((seq, story, added, json)) = row else {
            return Ok(None);
        };
        let document =
            serde_json::from_str(&json).map_err(|e| self.corrupt(format!("document {id}: {e}")))?;
        Ok(Some(DocumentView {
            seq,
            story,
            added,
            document,
        }))
    }

    /// What a document's page marks: the quotes found in it and the spans of it the story's
    /// summary cites.
    pub fn document_marks(&self, story: i64, doc: &str) -> Result<DocumentMarks, StoreError> {
        let sqlite = |e| self.sqlite(e);
        let quotes = self
            .conn
            .prepare_cached(
                "SELECT story, doc, speaker, channel, cue, kind, text, start, end FROM quotes
                 WHERE story = ?1 AND doc = ?2 ORDER BY start LIMIT ?3",
            )
            .and_then(|mut s| {
                s.query_map(params![story, doc, MAX_MARKS], quote_row)?
                    .collect()
            })
            .map_err(sqlite)?;
        let cited = self
            .conn
            .prepare_cached(
                "SELECT start, end FROM cited WHERE story = ?1 AND doc = ?2 ORDER BY start LIMIT ?3",
            )
            .and_then(|mut s| {
                s.query_map(params![story, doc, MAX_MARKS], |r| {
                    Ok((r.get::<_, i64>(0)? as usize, r.get::<_, i64>(1)? as usize))
                })?
                .collect()
            })
            .map_err(sqlite)?;
        Ok(DocumentMarks { quotes, cited })
    }

    /// The input of a stored document, as it was received.
    pub fn original(&self, id: &str) -> Result<Option<Vec<u8>>, StoreError> {
        self.conn
            .query_row("SELECT original FROM documents WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()
            .map_err(|e| self.sqlite(e))
    }

    /// Quotes, of one story or all, optionally of speakers whose name holds `speaker`.
    pub fn quotes(
        &self,
        story: Option<i64>,
        speaker: Option<&str>,
        limit: usize,
    ) -> Result<Vec<QuoteRow>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT story, doc, speaker, channel, cue, kind, text, start, end FROM quotes
                 WHERE (?1 IS NULL OR story = ?1) AND (?2 IS NULL OR instr(lower(speaker), lower(?2)) > 0)
                 ORDER BY story, id LIMIT ?3",
            )
            .map_err(|e| self.sqlite(e))?;
        let rows = stmt
            .query_map(params![story, speaker, limit as i64], quote_row)
            .and_then(|rows| rows.collect());
        rows.map_err(|e| self.sqlite(e))
    }

    /// Full-text search over stories, articles and quotes; at most `limit` of each.
    pub fn search(&self, text: &str, limit: usize) -> Result<SearchHits, StoreError> {
        let Some(query) = fts_query(text) else {
            return Ok(SearchHits::default());
        };
        let limit = limit as i64;
        let sqlite = |e| self.sqlite(e);
        let stories: Vec<StoryHit> = self
            .conn
            .prepare_cached(
                "SELECT s.id, s.title, snippet(stories_fts, -1, char(2), char(3), '…', 24) FROM stories_fts
                 JOIN stories s ON s.id = stories_fts.rowid WHERE stories_fts MATCH ?1 ORDER BY rank LIMIT ?2",
            )
            .and_then(|mut s| {
                s.query_map(params![query, limit], |r| {
                    Ok(StoryHit {
                        id: r.get(0)?,
                        title: r.get(1)?,
                        snippet: r.get(2)?,
                    })
                })?
                .collect()
            })
            .map_err(sqlite)?;
        let documents: Vec<DocumentHit> = self
            .conn
            .prepare_cached(
                "SELECT d.id, d.story, d.title, d.outlet, snippet(documents_fts, 1, char(2), char(3), '…', 24) FROM documents_fts
                 JOIN documents d ON d.seq = documents_fts.rowid WHERE documents_fts MATCH ?1 ORDER BY rank LIMIT ?2",
            )
            .and_then(|mut s| {
                s.query_map(params![query, limit], |r| {
                    Ok(DocumentHit {
                        id: r.get(0)?,
                        story: r.get(1)?,
                        title: r.get(2)?,
                        outlet: r.get(3)?,
                        snippet: r.get(4)?,
                    })
                })?
                .collect()
            })
            .map_err(sqlite)?;
        let quotes: Vec<QuoteRow> = self
            .conn
            .prepare_cached(
                "SELECT q.story, q.doc, q.speaker, q.channel, q.cue, q.kind, q.text, q.start, q.end FROM quotes_fts
                 JOIN quotes q ON q.id = quotes_fts.rowid WHERE quotes_fts MATCH ?1 ORDER BY rank LIMIT ?2",
            )
            .and_then(|mut s| s.query_map(params![query, limit], quote_row)?.collect())
            .map_err(sqlite)?;
        // A story holding a matching article or quote is a hit too, when its own title and
        // summary do not match ("a name quoted in the story").
        let mut stories = stories;
        let mut title_of = self
            .conn
            .prepare_cached("SELECT title FROM stories WHERE id = ?1 AND merged_into IS NULL")
            .map_err(sqlite)?;
        let holders = documents
            .iter()
            .map(|d| (d.story, d.snippet.clone()))
            .chain(quotes.iter().map(|q| (q.story, q.text.clone())));
        for (story, snippet) in holders {
            if stories.len() as i64 >= limit || stories.iter().any(|h| h.id == story) {
                continue;
            }
            let title: Option<Option<String>> = title_of
                .query_row([story], |r| r.get(0))
                .map(Some)
                .or_else(|e| match e {
                    rusqlite::Error::QueryReturnedNoRows => Ok(None),
                    e => Err(e),
                })
                .map_err(sqlite)?;
            if let Some(title) = title {
                stories.push(StoryHit {
                    id: story,
                    title,
                    snippet,
                });
            }
        }
        Ok(SearchHits {
            stories,
            documents,
            quotes,
        })
    }

    /// A story's document ids, in arrival order.
    pub fn story_document_ids(&self, id: i64) -> Result<Vec<String>, StoreError> {
        self.conn
            .prepare_cached("SELECT id FROM documents WHERE story = ?1 ORDER BY seq")
            .and_then(|mut s| s.query_map([id], |r| r.get(0))?.collect())
            .map_err(|e| self.sqlite(e))
    }

    /// Counts of stored documents, live stories and quotes.
    pub fn counts(&self) -> Result<(i64, i64, i64), StoreError> {
        self.conn
            .query_row(
                "SELECT (SELECT count(*) FROM documents),
                        (SELECT count(*) FROM stories WHERE merged_into IS NULL AND documents > 0),
                        (SELECT count(*) FROM quotes)",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .map_err(|e| self.sqlite(e))
    }
}
