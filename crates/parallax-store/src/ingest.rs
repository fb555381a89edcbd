//! Ingest: new pages into the store, incrementally.
//!
//! Pages already stored (same content, same URL) are skipped, so re-ingesting an input adds
//! nothing. New pages are prepared on every core, put in publication order (as `analyze` does),
//! and written in batches of [`BATCH`] documents, one transaction each: copies against every
//! stored document, the story assignment (and any story merge), the document and its search
//! entry commit together or not at all. Changed stories are re-analyzed at the end. A stream
//! of pages ([`Store::ingest_stream`]) is added in chunks of [`CHUNK_BYTES`], so its memory
//! is bounded.

use std::collections::{HashMap, HashSet};

use parallax::cluster::{term_counts, TermCounts};
use parallax::dedup::{compare_with_earlier, fingerprint, Fingerprint};
pub use parallax::ingest::content_hash;
use parallax::ingest::{Content, RawPage};
use parallax::model::{Copy, Document, Rejection};
use parallax::pipeline::prepare_guarded;
use parallax::stream::copied_from;
use rusqlite::{params, OptionalExtension, TransactionBehavior};

use crate::engine::Engine;
use crate::{now, Store, StoreError};

/// Documents written per transaction (the environment variable `PARALLAX_INGEST_BATCH`
/// overrides it: smaller batches show up in the store sooner, larger ones commit less often).
pub const BATCH: usize = 256;

fn batch_size() -> usize {
    std::env::var("PARALLAX_INGEST_BATCH")
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|&n| n > 0)
        .unwrap_or(BATCH)
}

/// What an ingest did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct IngestReport {
    /// Documents added.
    pub added: usize,
    /// Pages skipped because the store already holds them.
    pub unchanged: usize,
    /// Pages that could not be used, and why.
    pub rejected: Vec<Rejection>,
    /// Stories re-analyzed.
    pub analyzed: usize,
    /// The documents added, with the story each joined.
    pub documents: Vec<(String, i64)>,
}

/// Progress of a long ingest, for a progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    /// Pages prepared (decoded, extracted, cleaned) so far, of all new pages.
    Prepared(usize, usize),
    /// Documents stored so far, of all prepared.
    Stored(usize, usize),
    /// Stories analyzed so far, of all changed.
    Analyzed(usize, usize),
}

fn original_bytes(page: &RawPage) -> &[u8] {
    match &page.content {
        Content::Bytes(b) => b,
        Content::Text(t) => t.as_bytes(),
    }
}

/// A page prepared for storing: the document and what copy detection and clustering need of
/// it, all computed off the writing thread.
struct Prepared {
    doc: Document,
    /// The document as stored, serialized off the writing thread.
    json: String,
    print: Fingerprint,
    keys: Vec<u32>,
    counts: TermCounts,
}

fn prepare_one(page: &RawPage) -> Result<Prepared, Rejection> {
    let doc = prepare_guarded(page)?;
    let print = fingerprint(&doc.text);
    let keys = print.anchor_keys();
    let counts = term_counts(doc.title.as_deref(), &doc.text);
    let json = serde_json::to_string(&doc).unwrap_or_default();
    Ok(Prepared {
        doc,
        json,
        print,
        keys,
        counts,
    })
}

/// Prepares pages on every core, keeping their order.
fn prepare_all(
    pages: &[&RawPage],
    progress: &mut dyn FnMut(Progress),
) -> Vec<Result<Prepared, Rejection>> {
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
    let total = pages.len();
    let mut out = Vec::with_capacity(total);
    for chunk in pages.chunks(BATCH * workers) {
        let per = chunk.len().div_ceil(workers).max(1);
        let parts: Vec<Vec<Result<Prepared, Rejection>>> = std::thread::scope(|s| {
            let handles: Vec<_> = chunk
                .chunks(per)
                .map(|part| s.spawn(move || part.iter().map(|p| prepare_one(p)).collect()))
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or_default())
                .collect()
        });
        out.extend(parts.into_iter().flatten());
        progress(Progress::Prepared(out.len(), total));
    }
    out
}

/// Bytes of pages an ingest of a stream holds at once, for [`Store::ingest_stream`]: pages are
/// added a chunk at a time, so memory stays bounded whatever the input's size.
pub const CHUNK_BYTES: usize = 16 << 20;

impl Store {
    /// Adds pages to the store, then re-analyzes the stories that changed.
    pub fn ingest(
        &mut self,
        pages: Vec<RawPage>,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<IngestReport, StoreError> {
        let mut report = self.add(pages, progress)?;
        report.analyzed = self.refresh(progress)?;
        Ok(report)
    }

    /// Adds pages as they come, `chunk_bytes` of them at a time ([`CHUNK_BYTES`] is the usual) (each chunk as [`Store::add`] adds a
    /// batch: in publication order within the chunk), then re-analyzes the stories that
    /// changed, once at the end.
    pub fn ingest_stream(
        &mut self,
        pages: impl IntoIterator<Item = RawPage>,
        chunk_bytes: usize,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<IngestReport, StoreError> {
        let mut report = IngestReport::default();
        let mut chunk = Vec::new();
        let mut bytes = 0;
        let mut pages = pages.into_iter().peekable();
        while let Some(page) = pages.next() {
            bytes += original_bytes(&page).len();
            chunk.push(page);
            if bytes >= chunk_bytes || pages.peek().is_none() {
                let added = self.add(std::mem::take(&mut chunk), progress)?;
                report.added += added.added;
                report.unchanged += added.unchanged;
                report.rejected.extend(added.rejected);
                report.documents.extend(added.documents);
                bytes = 0;
            }
        }
        report.analyzed = self.refresh(progress)?;
        Ok(report)
    }

    /// Adds pages to the store without re-analyzing their stories (they are left stale for
    /// [`Store::refresh`]).
    pub fn add(
        &mut self,
        pages: Vec<RawPage>,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<IngestReport, StoreError> {
        let mut report = IngestReport::default();
        let mut seen = HashSet::new();
        let mut fresh: Vec<(&RawPage, String)> = Vec::new();
        {
            let mut known = self
                .conn
                .prepare_cached("SELECT 1 FROM documents WHERE content_hash = ?1")
                .map_err(|e| self.sqlite(e))?;
            for page in &pages {
                let hash = content_hash(page);
                let stored = known
                    .query_row([&hash], |_| Ok(()))
                    .optional()
                    .map_err(|e| StoreError::Sqlite {
                        path: self.path.display().to_string(),
                        source: e,
                    })?
                    .is_some();
                if stored || !seen.insert(hash.clone()) {
                    report.unchanged += 1;
                } else {
                    fresh.push((page, hash));
                }
            }
        }
        let to_prepare: Vec<&RawPage> = fresh.iter().map(|(p, _)| *p).collect();
        let prepared = prepare_all(&to_prepare, progress);
        let mut ready: Vec<(Prepared, &RawPage, &str)> = Vec::new();
        for (result, (page, hash)) in prepared.into_iter().zip(&fresh) {
            match result {
                Ok(doc) => ready.push((doc, page, hash)),
                Err(r) => report.rejected.push(r),
            }
        }
        // Publication order, undated last, input order on ties: the order `analyze` uses.
        let mut order: Vec<usize> = (0..ready.len()).collect();
        let dates: Vec<_> = ready.iter().map(|r| r.0.doc.published_date()).collect();
        order.sort_by_key(|&i| (dates[i].is_none(), dates[i], i));
        let total = ready.len();
        let mut slots: Vec<Option<(Prepared, &RawPage, &str)>> =
            ready.into_iter().map(Some).collect();
        let ordered: Vec<(Prepared, &RawPage, &str)> =
            order.iter().filter_map(|&i| slots[i].take()).collect();
        // The whole ingest counts towards how common each anchor is before any of it is judged.
        let mut engine = self.engine.take().unwrap_or_default();
        for (prepared, _, _) in &ordered {
            engine.copies.count(&prepared.keys);
        }
        self.engine = Some(engine);
        let size = batch_size();
        let mut batch = Vec::with_capacity(size);
        let mut items = ordered.into_iter().peekable();
        while let Some(item) = items.next() {
            batch.push(item);
            if batch.len() == size || items.peek().is_none() {
                let (added, stored_meanwhile) = self.write_batch(std::mem::take(&mut batch))?;
                report.documents.extend(added);
                report.unchanged += stored_meanwhile;
                progress(Progress::Stored(report.documents.len(), total));
            }
        }
        report.added = report.documents.len();
        Ok(report)
    }

    /// Writes one batch in one transaction; returns the documents added, and how many pages
    /// were skipped because another writer stored them since they were checked. On failure the
    /// in-memory engine is dropped (it is rebuilt from the store on next use), so it never runs
    /// ahead of what was committed.
    fn write_batch(
        &mut self,
        batch: Vec<(Prepared, &RawPage, &str)>,
    ) -> Result<(Vec<(String, i64)>, usize), StoreError> {
        let mut engine = self.engine.take().unwrap_or_default();
        let result = self.write_batch_with(&mut engine, batch);
        if result.is_ok() {
            self.engine = Some(engine);
        }
        result.map_err(|e| self.sqlite(e))
    }

    fn write_batch_with(
        &mut self,
        engine: &mut Engine,
        batch: Vec<(Prepared, &RawPage, &str)>,
    ) -> rusqlite::Result<(Vec<(String, i64)>, usize)> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        engine.sync(&tx)?;
        let added = now();
        let mut in_batch: HashMap<String, Document> = HashMap::new();
        let mut touched: HashSet<i64> = HashSet::new();
        let mut added_ids = Vec::with_capacity(batch.len());
        let mut stored_meanwhile = 0;
        for (prepared, page, hash) in batch {
            // Another ingest (another process, or the server) may have stored the same page
            // since it was checked: under the write lock, it is checked again and skipped.
            let known = tx
                .prepare_cached("SELECT 1 FROM documents WHERE content_hash = ?1")?
                .query_row([hash], |_| Ok(()))
                .optional()?
                .is_some();
            if known {
                stored_meanwhile += 1;
                continue;
            }
            let Prepared {
                mut doc,
                mut json,
                print,
                keys,
                counts,
            } = prepared;
            if engine.position.contains_key(&doc.id) {
                let base = doc.id.clone();
                doc.id = (2..)
                    .map(|k| format!("{base}-{k}"))
                    .find(|id| !engine.position.contains_key(id))
                    .unwrap_or(base);
                json = serde_json::to_string(&doc).unwrap_or_default();
            }
            let candidates = engine.copies.candidates(&keys);
            let mut copies: Vec<Copy> = Vec::new();
            for candidate in candidates {
                let other_id = &engine.ids[candidate.doc as usize];
                let stored: (String, Option<String>);
                let (other_text, other_published) = match in_batch.get(other_id) {
                    Some(d) => (d.text.as_str(), d.published.as_deref()),
                    None => {
                        stored = tx
                            .prepare_cached("SELECT text, published FROM documents WHERE id = ?1")?
                            .query_row([other_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
                        (stored.0.as_str(), stored.1.as_deref())
                    }
                };
                let rare = |key: u32| engine.copies.is_rare(key);
                copies.extend(compare_with_earlier(
                    (&doc.id, doc.published.as_deref(), &print),
                    (other_id, other_published, other_text),
                    &rare,
                ));
            }
            let copies_of = copied_from(&copies, &doc.id);
            let (story_index, assignment) =
                engine.clusterer.add(&parallax::cluster::ClusterInput {
                    id: &doc.id,
                    title: doc.title.as_deref(),
                    text: &doc.text,
                    date: doc.published.as_deref(),
                    copies_of,
                    counts: Some(&counts),
                });
            let story = story_index as i64 + 1;
            for (from, into) in engine.clusterer.take_merges() {
                let (from, into) = (from as i64 + 1, into as i64 + 1);
                tx.execute(
                    "UPDATE documents SET story = ?2 WHERE story = ?1",
                    params![from, into],
                )?;
                tx.execute(
                    "UPDATE stories SET merged_into = ?2, documents = 0, version = version + 1 WHERE id = ?1",
                    params![from, into],
                )?;
                crate::analysis::forget_analysis(&tx, from)?;
                touched.remove(&from);
                touched.insert(into);
            }
            touched.insert(story);
            let stored = StoredDocument {
                doc: &doc,
                json: &json,
                hash,
                story,
                original: original_bytes(page),
                assignment: &serde_json::to_string(&assignment).unwrap_or_default(),
                added: &added,
            };
            let seq = insert_document(&tx, &stored)?;
            for c in &copies {
                insert_copy(&tx, c)?;
            }
            engine.remember(&doc.id, &keys);
            engine.stored(seq);
            added_ids.push((doc.id.clone(), story));
            in_batch.insert(doc.id.clone(), doc);
        }
        for story in touched {
            update_story(&tx, story)?;
        }
        tx.commit()?;
        Ok((added_ids, stored_meanwhile))
    }
}

/// Brings a story's row in step with its documents (count, dates, title) and marks it changed,
/// so that its analysis is redone.
pub(crate) fn update_story(tx: &rusqlite::Transaction, story: i64) -> rusqlite::Result<()> {
    tx.execute(
        "UPDATE stories SET
            documents = (SELECT count(*) FROM documents WHERE story = ?1),
            first_date = (SELECT min(substr(published, 1, 10)) FROM documents WHERE story = ?1),
            last_date = (SELECT max(substr(published, 1, 10)) FROM documents WHERE story = ?1),
            title = coalesce(title, (SELECT title FROM documents WHERE story = ?1 AND title IS NOT NULL ORDER BY seq LIMIT 1)),
            version = version + 1,
            updated = ?2
         WHERE id = ?1",
        params![story, now()],
    )?;
    Ok(())
}

/// A document as a row of the store.
pub(crate) struct StoredDocument<'a> {
    pub doc: &'a Document,
    /// The document serialized.
    pub json: &'a str,
    pub hash: &'a str,
    pub story: i64,
    /// The input as received.
    pub original: &'a [u8],
    /// Why it joined its story, serialized.
    pub assignment: &'a str,
    pub added: &'a str,
}

/// Stores a document, its story's row (when new) and its search entry; returns its `seq`.
pub(crate) fn insert_document(
    tx: &rusqlite::Transaction,
    row: &StoredDocument,
) -> rusqlite::Result<i64> {
    let doc = row.doc;
    tx.prepare_cached("INSERT INTO stories (id) VALUES (?1) ON CONFLICT(id) DO NOTHING")?
        .execute([row.story])?;
    tx.prepare_cached(
        "INSERT INTO documents (id, content_hash, source, outlet, title, author, published, url, story, original, text, document, assignment, added)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
    )?
    .execute(params![
        doc.id,
        row.hash,
        doc.source,
        doc.outlet,
        doc.title,
        doc.author,
        doc.published,
        doc.url,
        row.story,
        row.original,
        doc.text,
        row.json,
        row.assignment,
        row.added,
    ])?;
    let seq = tx.last_insert_rowid();
    tx.prepare_cached("INSERT INTO documents_fts (rowid, title, text) VALUES (?1, ?2, ?3)")?
        .execute(params![seq, doc.title, doc.text])?;
    Ok(seq)
}

/// Stores a copy relation.
pub(crate) fn insert_copy(tx: &rusqlite::Transaction, c: &Copy) -> rusqlite::Result<()> {
    tx.prepare_cached(
        "INSERT INTO copies (a, b, kind, similarity, copy) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![
        c.a.doc,
        c.b.doc,
        serde_json::to_value(c.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default(),
        c.similarity,
        serde_json::to_string(c).unwrap_or_default()
    ])?;
    Ok(())
}
