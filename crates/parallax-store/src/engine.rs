//! Engine: the in-memory state that assigns new documents against what the store holds: the
//! copy index (anchors of every stored document) and the story clusterer.
//!
//! It is a cache of the store, rebuilt from the stored documents in arrival order and kept in
//! step by [`Engine::sync`] at the start of every write transaction, so documents another
//! process stored meanwhile are taken into account. Restoring a stored document puts it back in
//! the story it is stored in, so story numbers never move.

use std::collections::HashMap;

use parallax::cluster::{ClusterInput, StoryClusterer};
use parallax::dedup::{fingerprint, CopyIndex};
use rusqlite::Transaction;

/// The assignment state of a store.
#[derive(Debug, Default)]
pub struct Engine {
    /// Stories, as the clusterer numbers them (story id in the store = number + 1).
    pub clusterer: StoryClusterer,
    /// Anchor postings of every document, by position in arrival order.
    pub copies: CopyIndex,
    /// Document ids by position in arrival order.
    pub ids: Vec<String>,
    /// Position of each document id.
    pub position: HashMap<String, u32>,
    /// The last stored `seq` taken into account.
    last_seq: i64,
}

impl Engine {
    /// An empty engine; [`Engine::sync`] fills it.
    pub fn new() -> Engine {
        Engine::default()
    }

    /// Takes in every document stored since the last sync, in arrival order.
    pub fn sync(&mut self, tx: &Transaction) -> rusqlite::Result<usize> {
        let mut stmt = tx.prepare_cached(
            "SELECT seq, id, title, text, published, story FROM documents WHERE seq > ?1 ORDER BY seq",
        )?;
        let mut rows = stmt.query([self.last_seq])?;
        let mut restored = 0;
        while let Some(row) = rows.next()? {
            let seq: i64 = row.get(0)?;
            let id: String = row.get(1)?;
            let title: Option<String> = row.get(2)?;
            let text: String = row.get(3)?;
            let published: Option<String> = row.get(4)?;
            let story: i64 = row.get(5)?;
            self.clusterer.restore(
                &ClusterInput {
                    id: &id,
                    title: title.as_deref(),
                    text: &text,
                    date: published.as_deref(),
                    copies_of: Vec::new(),
                    counts: None,
                },
                (story - 1).max(0) as usize,
            );
            let keys = fingerprint(&text).anchor_keys();
            self.copies.count(&keys);
            self.remember(&id, &keys);
            self.last_seq = seq;
            restored += 1;
        }
        Ok(restored)
    }

    /// Records a document, by its anchor keys (already counted), in the copy index and the id
    /// tables.
    pub fn remember(&mut self, id: &str, anchor_keys: &[u32]) {
        let position = self.ids.len() as u32;
        self.copies.insert(position, anchor_keys);
        self.ids.push(id.to_string());
        self.position.insert(id.to_string(), position);
    }

    /// Marks `seq` as taken into account (a document this engine stored itself).
    pub fn stored(&mut self, seq: i64) {
        self.last_seq = self.last_seq.max(seq);
    }
}
