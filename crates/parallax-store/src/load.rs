//! Load: documents whose copies and stories were computed elsewhere (by the Spark job in
//! `scale/`), put into an empty store so that `parallax serve`, `stories` and `search` work on
//! them.
//!
//! The documents arrive in batches, in arrival order, with their story numbers and assignments;
//! nothing is recomputed but the stories' analyses, which [`Store::refresh`] then brings up to
//! date. The
//! store's engine is rebuilt from the loaded documents on next use, so a later `ingest` adds to
//! the loaded stories as it would to ingested ones.

use std::collections::BTreeSet;

use parallax::model::{Copy, Document};
use rusqlite::TransactionBehavior;

use crate::ingest::{insert_copy, insert_document, update_story, StoredDocument};
use crate::{now, Store, StoreError};

/// A document with the story it was assigned to elsewhere.
#[derive(Debug, Clone)]
pub struct Assigned {
    /// The prepared document.
    pub doc: Document,
    /// Its content hash ([`parallax::ingest::content_hash`] of its page).
    pub hash: String,
    /// Its story number (from 1).
    pub story: i64,
    /// Why it joined the story, as JSON.
    pub assignment: String,
}

impl Store {
    /// How many documents the store holds.
    pub fn document_count(&self) -> Result<i64, StoreError> {
        self.conn
            .query_row("SELECT count(*) FROM documents", [], |r| r.get(0))
            .map_err(|e| self.sqlite(e))
    }

    /// Loads a batch of documents, in arrival order after those loaded before, with their
    /// stories, in one transaction. Load into an empty store only: story numbers come from
    /// elsewhere and would clash with stored ones. Call [`Store::refresh`] when every batch and
    /// copy is loaded, to analyze the stories.
    pub fn load_documents(&mut self, docs: &[Assigned]) -> Result<(), StoreError> {
        self.write_loaded(docs, &[]).map_err(|e| self.sqlite(e))?;
        self.engine = None;
        Ok(())
    }

    /// Loads a batch of copy relations between loaded documents, in one transaction.
    pub fn load_copies(&mut self, copies: &[Copy]) -> Result<(), StoreError> {
        self.write_loaded(&[], copies).map_err(|e| self.sqlite(e))
    }

    fn write_loaded(&mut self, docs: &[Assigned], copies: &[Copy]) -> rusqlite::Result<()> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let added = now();
        let mut stories = BTreeSet::new();
        for a in docs {
            let json = serde_json::to_string(&a.doc).unwrap_or_default();
            insert_document(
                &tx,
                &StoredDocument {
                    doc: &a.doc,
                    json: &json,
                    hash: &a.hash,
                    story: a.story,
                    original: a.doc.source_text.as_bytes(),
                    assignment: &a.assignment,
                    added: &added,
                },
            )?;
            stories.insert(a.story);
        }
        for c in copies {
            insert_copy(&tx, c)?;
        }
        for story in stories {
            update_story(&tx, story)?;
        }
        tx.commit()
    }
}
