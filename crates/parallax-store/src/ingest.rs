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

pub use parallax::ingest::content_hash;
use parallax::ingest::{Content, RawPage};
use parallax::model::{Copy, Document, Rejection};
use parallax::pipeline::{page_failure, prepare_signed, Signed};
use parallax::stream::{Arrival, Earlier};
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
/// it ([`prepare_signed`]), and the document serialized, all computed off the writing thread.
struct Prepared {
    signed: Signed,
    /// The document as stored.
    json: String,
}

fn prepare_one(page: &RawPage) -> Result<Prepared, Rejection> {
    let signed = prepare_signed(page)?;
    let json = serde_json::to_string(&signed.doc).unwrap_or_default();
    Ok(Prepared { signed, json })
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
        // A page that trips a bug is rejected, and the rest of the chunk prepared.
        out.extend(parallax::guard::isolate(
            chunk,
            |pages| prepare_on_threads(pages, workers),
            |page| Err(page_failure(page)),
        ));
        progress(Progress::Prepared(out.len(), total));
    }
    out
}

/// Prepares `pages` on `workers` threads of their own (rayon's pool may be analyzing the
/// batch before), keeping their order; a panic on any thread is passed on to the caller.
fn prepare_on_threads(pages: &[&RawPage], workers: usize) -> Vec<Result<Prepared, Rejection>> {
    let per = pages.len().div_ceil(workers).max(1);
    std::thread::scope(|s| {
        let handles: Vec<_> = pages
            .chunks(per)
            .map(|part| s.spawn(move || part.iter().map(|p| prepare_one(p)).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| {
                h.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    })
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
        let dates: Vec<_> = ready
            .iter()
            .map(|r| r.0.signed.doc.published_date())
            .collect();
        order.sort_by_key(|&i| (dates[i].is_none(), dates[i], i));
        let total = ready.len();
        let mut slots: Vec<Option<(Prepared, &RawPage, &str)>> =
            ready.into_iter().map(Some).collect();
        let ordered: Vec<(Prepared, &RawPage, &str)> =
            order.iter().filter_map(|&i| slots[i].take()).collect();
        // The whole ingest counts towards how common each anchor is before any of it is judged.
        let mut engine = self.engine.take().unwrap_or_default();
        for (prepared, _, _) in &ordered {
            engine.linker.count(&prepared.signed.signature);
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
        // Another ingest (another process, or the server) may have stored a page since it was
        // checked: under the write lock, each is checked again and skipped. An id the store or
        // the batch already holds takes the first free suffix.
        let mut stored_meanwhile = 0;
        let mut ids_in_batch: HashSet<String> = HashSet::new();
        let mut rows = Vec::with_capacity(batch.len());
        let mut signatures = Vec::with_capacity(batch.len());
        for (prepared, page, hash) in batch {
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
                signed: Signed { mut doc, signature },
                mut json,
            } = prepared;
            let taken = |id: &str| engine.position.contains_key(id) || ids_in_batch.contains(id);
            if taken(&doc.id) {
                let base = doc.id.clone();
                doc.id = (2..)
                    .map(|k| format!("{base}-{k}"))
                    .find(|id| !taken(id))
                    .unwrap_or(base);
                json = serde_json::to_string(&doc).unwrap_or_default();
            }
            ids_in_batch.insert(doc.id.clone());
            rows.push((doc, json, page, hash));
            signatures.push(signature);
        }
        // The stored documents the batch may copy, read before linking it on every core.
        let mut earlier: HashMap<u32, Earlier> = HashMap::new();
        for position in engine.linker.earlier_candidates(&signatures) {
            let id = &engine.linker.copies.ids[position as usize];
            let (text, published) = tx
                .prepare_cached("SELECT text, published FROM documents WHERE id = ?1")?
                .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))?;
            earlier.insert(position, Earlier { text, published });
        }
        let arrivals: Vec<(Arrival, &str)> = rows
            .iter()
            .map(|(doc, ..)| {
                let arrival = Arrival {
                    id: &doc.id,
                    title: doc.title.as_deref(),
                    published: doc.published.as_deref(),
                };
                (arrival, doc.text.as_str())
            })
            .collect();
        let first = engine.linker.len() as u32;
        let linked = engine
            .linker
            .link_batch(&arrivals, &signatures, &|p| earlier.get(&p).cloned());
        let mut touched: HashSet<i64> = HashSet::new();
        let mut added_ids = Vec::with_capacity(rows.len());
        for (k, ((doc, json, page, hash), linked)) in rows.iter().zip(linked).enumerate() {
            let story = linked.story as i64 + 1;
            touched.insert(story);
            let stored = StoredDocument {
                doc,
                json,
                hash,
                story,
                original: original_bytes(page),
                assignment: &serde_json::to_string(&linked.assignment).unwrap_or_default(),
                added: &added,
            };
            let seq = insert_document(&tx, &stored)?;
            for c in &linked.copies {
                insert_copy(&tx, c)?;
            }
            engine.remember(&doc.id, first + k as u32);
            engine.stored(seq);
            added_ids.push((doc.id.clone(), story));
        }
        // Stories the batch merged, in the order they merged: their documents move, their
        // analysis is dropped.
        for (from, into) in engine.linker.clusterer.take_merges() {
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
