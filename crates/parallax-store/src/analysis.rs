//! Analysis: keeps each story's analysis in step with its documents.
//!
//! A story is stale when its `version` moved past `analyzed_version`. [`Store::refresh`] loads
//! stale stories' documents and copies, analyzes them on every core (the same
//! [`parallax::pipeline::analyze_read`] that `parallax analyze` runs, on the same part of a
//! giant story: [`parallax::pipeline::CapReader`]), and stores, per story,
//! the report, the rendered story page, its quotes and statements with their search entries,
//! and the list columns (outlets, people, summary). A story that changed again while it was
//! being analyzed stays stale and is picked up by the next refresh.

use std::borrow::Cow;
use std::collections::{BTreeSet, HashSet};

use parallax::model::{
    AnalysisLimit, Copy, CopyKind, Document, FactKind, Rejection, Report, Story,
};
use parallax::pipeline::{analyze_read, new_story, prefix_of, story_failure, CapReader};
use parallax::render::html::{story_page_paged, DocumentPages};
use rusqlite::{params, Transaction, TransactionBehavior};

use crate::ingest::Progress;
use crate::{now, Store, StoreError};

/// Stories analyzed between two writes.
const GROUP: usize = 64;
/// People listed per story for filtering.
const MAX_PEOPLE: usize = 30;

/// A stale story as loaded for analysis.
struct Loaded {
    id: i64,
    version: i64,
    /// The story's documents, in story order: the part its analysis reads of the first `read`
    /// (whole, or the last one cut), stubs without text for the rest.
    documents: Vec<Document>,
    read: usize,
    /// What the analysis leaves out of a story over the cap.
    limit: Option<AnalysisLimit>,
    assignments: Vec<parallax::model::Assignment>,
    copies: Vec<Copy>,
}

/// A story's finished analysis, ready to store.
struct Analyzed {
    id: i64,
    version: i64,
    report: Report,
    /// The report serialized, off the writing thread.
    report_json: String,
    page: String,
}

/// Removes a story's analysis, quotes, statements and search entries (when it merged away).
pub fn forget_analysis(tx: &Transaction, story: i64) -> rusqlite::Result<()> {
    {
        let mut old = tx.prepare_cached("SELECT id, speaker, text FROM quotes WHERE story = ?1")?;
        let rows: Vec<(i64, Option<String>, String)> = old
            .query_map([story], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<Result<_, _>>()?;
        let mut delete = tx.prepare_cached(
            "INSERT INTO quotes_fts (quotes_fts, rowid, speaker, text) VALUES ('delete', ?1, ?2, ?3)",
        )?;
        for (id, speaker, text) in rows {
            delete.execute(params![id, speaker, text])?;
        }
    }
    tx.execute("DELETE FROM quotes WHERE story = ?1", [story])?;
    tx.execute("DELETE FROM cited WHERE story = ?1", [story])?;
    tx.execute("DELETE FROM statements WHERE story = ?1", [story])?;
    tx.execute("DELETE FROM stories_fts WHERE rowid = ?1", [story])?;
    tx.execute("DELETE FROM analyses WHERE story = ?1", [story])?;
    Ok(())
}

/// Analyzes a group of stale stories on every core. A story that trips a bug is stored
/// unanalyzed, with the error, and the others are analyzed ([`parallax::guard::isolate`]).
fn analyze_group(loaded: Vec<Loaded>) -> Vec<Analyzed> {
    use rayon::prelude::*;
    let stories = parallax::guard::isolate(
        &loaded,
        |group| group.par_iter().map(analyze_story_of).collect(),
        |one| {
            let mut story = unanalyzed(one);
            story.analysis_limit = one.limit.clone();
            let failure = story_failure(&story);
            (story, Some(failure))
        },
    );
    loaded
        .into_par_iter()
        .zip(stories)
        .map(|(one, (story, failed))| finish(one, story, failed))
        .collect()
}

/// A loaded story, not yet analyzed.
fn unanalyzed(loaded: &Loaded) -> Story {
    let refs: Vec<&Document> = loaded.documents.iter().collect();
    new_story(
        format!("story-{}", loaded.id),
        &refs,
        loaded.assignments.clone(),
    )
}

/// A loaded story analyzed (on the part its analysis reads).
fn analyze_story_of(loaded: &Loaded) -> (Story, Option<Rejection>) {
    let repeats: HashSet<&str> = loaded
        .copies
        .iter()
        .filter(|c| matches!(c.kind, CopyKind::Duplicate | CopyKind::NearDuplicate))
        .map(|c| c.b.doc.as_str())
        .collect();
    let refs: Vec<&Document> = loaded.documents.iter().collect();
    let mut story = unanalyzed(loaded);
    analyze_read(
        &mut story,
        &refs[..loaded.read],
        loaded.limit.clone(),
        &repeats,
        parallax::summarize::DEFAULT_WORDS,
    );
    (story, None)
}

/// A story's report, its page and its JSON, ready to store.
fn finish(loaded: Loaded, story: Story, failed: Option<Rejection>) -> Analyzed {
    let mut report = Report {
        documents: loaded.documents,
        copies: loaded.copies,
        stories: vec![story],
        rejected: failed.into_iter().collect(),
    };
    let page = page_without_paths(&mut report);
    let report_json = json_column(&report);
    Analyzed {
        id: loaded.id,
        version: loaded.version,
        report,
        report_json,
        page,
    }
}

/// Documents whose text a stored story page shows; a giant story's others are listed, each
/// linked to its document page in the web UI.
pub const PAGE_DOCUMENTS: usize = 100;

/// The story page, with each document's source reduced to its file name: the page is served
/// to others, who need not learn where the files were on the ingesting machine.
fn page_without_paths(report: &mut Report) -> String {
    let full: Vec<String> = report
        .documents
        .iter_mut()
        .map(|d| {
            let name = crate::file_name(&d.source).to_string();
            std::mem::replace(&mut d.source, name)
        })
        .collect();
    let pages = DocumentPages {
        in_full: PAGE_DOCUMENTS,
        link_prefix: "/document/",
    };
    let page = story_page_paged(report, Some(pages));
    for (d, source) in report.documents.iter_mut().zip(full) {
        d.source = source;
    }
    page
}

fn json_column<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

impl Store {
    /// Sets how many bytes of text one story's analysis reads at most (by default
    /// [`parallax::pipeline::STORY_ANALYSIS_BYTES`]); a larger story's analysis reads its first
    /// documents up to it, and says so.
    pub fn set_analysis_cap(&mut self, bytes: usize) {
        self.analysis_cap = bytes;
    }

    /// Re-analyzes every stale story; returns how many were analyzed.
    pub fn refresh(&mut self, progress: &mut dyn FnMut(Progress)) -> Result<usize, StoreError> {
        let stale: Vec<i64> = {
            let mut stmt = self
                .conn
                .prepare(
                    "SELECT id FROM stories WHERE merged_into IS NULL AND documents > 0 AND analyzed_version != version ORDER BY id",
                )
                .map_err(|e| self.sqlite(e))?;
            let rows = stmt
                .query_map([], |r| r.get(0))
                .and_then(|rows| rows.collect::<Result<Vec<i64>, _>>());
            rows.map_err(|e| self.sqlite(e))?
        };
        let total = stale.len();
        let mut done = 0;
        // Each group is analyzed on every core while the group before it is written: the
        // store's one connection loads and saves, rayon's pool analyzes.
        std::thread::scope(|scope| -> Result<(), StoreError> {
            let mut pending: Option<(usize, std::thread::ScopedJoinHandle<Vec<Analyzed>>)> = None;
            for group in stale.chunks(GROUP) {
                let loaded = self.load(group)?;
                let running = scope.spawn(move || analyze_group(loaded));
                if let Some((size, previous)) = pending.replace((group.len(), running)) {
                    self.save_analyzed(previous)?;
                    done += size;
                    progress(Progress::Analyzed(done, total));
                }
            }
            if let Some((size, last)) = pending {
                self.save_analyzed(last)?;
                done += size;
                progress(Progress::Analyzed(done, total));
            }
            Ok(())
        })?;
        Ok(total)
    }

    /// Waits for a group's analysis and stores it. A group whose analysis failed outright
    /// stays stale for the next refresh.
    fn save_analyzed(
        &mut self,
        running: std::thread::ScopedJoinHandle<Vec<Analyzed>>,
    ) -> Result<(), StoreError> {
        let analyzed = running.join().unwrap_or_default();
        self.save(&analyzed).map_err(|e| self.sqlite(e))
    }

    /// Loads stories' documents and copies in one read transaction.
    fn load(&mut self, ids: &[i64]) -> Result<Vec<Loaded>, StoreError> {
        let path = self.path.display().to_string();
        let sqlite = |source| StoreError::Sqlite {
            path: path.clone(),
            source,
        };
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Deferred)
            .map_err(sqlite)?;
        let mut out = Vec::new();
        for &id in ids {
            let version: i64 = tx
                .query_row("SELECT version FROM stories WHERE id = ?1", [id], |r| {
                    r.get(0)
                })
                .map_err(sqlite)?;
            let mut stmt = tx
                .prepare_cached(
                    "SELECT document, assignment FROM documents WHERE story = ?1 ORDER BY seq",
                )
                .map_err(sqlite)?;
            let rows = stmt
                .query_map([id], |r| {
                    Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
                })
                .map_err(sqlite)?;
            // Documents are loaded one at a time and only the part the analysis reads is kept,
            // so a giant story costs no more memory than the cap.
            let mut reader = CapReader::new(self.analysis_cap);
            let (mut documents, mut stubs) = (Vec::new(), Vec::new());
            let mut assignments = Vec::new();
            for row in rows {
                let (doc, assignment) = row.map_err(sqlite)?;
                let doc =
                    serde_json::from_str::<Document>(&doc).map_err(|e| StoreError::Corrupt {
                        path: path.clone(),
                        reason: format!("document of story {id}: {e}"),
                    })?;
                let stub = prefix_of(&doc, 0);
                match reader.take(Cow::Owned(doc)) {
                    Some(read) => documents.push(read.into_owned()),
                    None => stubs.push(stub),
                }
                if let Ok(a) = serde_json::from_str(&assignment) {
                    assignments.push(a);
                }
            }
            let read = documents.len();
            documents.extend(stubs);
            let limit = reader.finish();
            let mut stmt = tx
                .prepare_cached(
                    "SELECT copy FROM copies WHERE a IN (SELECT id FROM documents WHERE story = ?1)
                     AND b IN (SELECT id FROM documents WHERE story = ?1) ORDER BY rowid",
                )
                .map_err(sqlite)?;
            let copies: Vec<Copy> = stmt
                .query_map([id], |r| r.get::<_, String>(0))
                .and_then(|rows| rows.collect::<Result<Vec<_>, _>>())
                .map_err(sqlite)?
                .into_iter()
                .filter_map(|c| serde_json::from_str(&c).ok())
                .collect();
            out.push(Loaded {
                id,
                version,
                documents,
                read,
                limit,
                assignments,
                copies,
            });
        }
        tx.commit().map_err(sqlite)?;
        Ok(out)
    }

    /// Stores analyses, each only if its story did not change meanwhile.
    fn save(&mut self, analyzed: &[Analyzed]) -> rusqlite::Result<()> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        for a in analyzed {
            let current: i64 =
                tx.query_row("SELECT version FROM stories WHERE id = ?1", [a.id], |r| {
                    r.get(0)
                })?;
            if current != a.version {
                continue;
            }
            forget_analysis(&tx, a.id)?;
            let Some(story) = a.report.stories.first() else {
                continue;
            };
            tx.execute(
                "INSERT INTO analyses (story, version, report, page) VALUES (?1, ?2, ?3, ?4)",
                params![a.id, a.version, a.report_json, a.page],
            )?;
            let outlet_of = |doc: &str| {
                a.report
                    .document(doc)
                    .map(|d| d.outlet_name().to_string())
                    .unwrap_or_else(|| doc.to_string())
            };
            for q in &story.quotes {
                let kind = serde_json::to_value(q.kind)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default();
                tx.prepare_cached("INSERT INTO quotes (story, doc, speaker, channel, cue, kind, text, start, end) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")?.execute(params![a.id, q.doc, q.speaker, q.channel, q.cue, kind, q.text, q.span.start() as i64, q.span.end() as i64],
                )?;
                tx.prepare_cached(
                    "INSERT INTO quotes_fts (rowid, speaker, text) VALUES (?1, ?2, ?3)",
                )?
                .execute(params![tx.last_insert_rowid(), q.speaker, q.text])?;
            }
            // What the summary cites, so a document's page can mark it.
            for src in story.summary.iter().flat_map(|item| &item.sources) {
                tx.prepare_cached(
                    "INSERT INTO cited (story, doc, start, end) VALUES (?1, ?2, ?3, ?4)",
                )?
                .execute(params![
                    a.id,
                    src.doc,
                    src.span.start() as i64,
                    src.span.end() as i64
                ])?;
            }
            for st in &story.statements {
                let outlets: BTreeSet<String> =
                    st.sources.iter().map(|s| outlet_of(&s.doc)).collect();
                tx.prepare_cached("INSERT OR REPLACE INTO statements (story, id, text, outlets, statement) VALUES (?1, ?2, ?3, ?4, ?5)")?.execute(params![a.id, st.id, st.text, json_column(&outlets), json_column(st)],
                )?;
            }
            let outlets: BTreeSet<String> = a
                .report
                .documents
                .iter()
                .map(|d| d.outlet_name().to_string())
                .collect();
            let mut people: Vec<String> = Vec::new();
            let named = story
                .facts
                .iter()
                .filter(|f| f.kind == FactKind::Person)
                .map(|f| f.value.clone().unwrap_or_else(|| f.text.clone()));
            for p in named {
                if people.len() < MAX_PEOPLE && !people.contains(&p) {
                    people.push(p);
                }
            }
            let summary: Vec<&str> = story.summary.iter().map(|s| s.text.as_str()).collect();
            let summary = summary.join(" ");
            tx.execute(
                "UPDATE stories SET title = ?2, outlets = ?3, people = ?4, summary = ?5, conflicts = ?6,
                    first_date = coalesce(first_date, ?7), last_date = coalesce(last_date, ?7),
                    analyzed_version = ?8, updated = ?9 WHERE id = ?1",
                params![
                    a.id,
                    story.title,
                    json_column(&outlets),
                    json_column(&people),
                    summary,
                    story.conflicts.len() as i64,
                    story.date,
                    a.version,
                    now()
                ],
            )?;
            tx.execute(
                "INSERT INTO stories_fts (rowid, title, summary) VALUES (?1, ?2, ?3)",
                params![a.id, story.title, summary],
            )?;
        }
        tx.commit()
    }
}
