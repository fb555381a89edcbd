//! Engine: the in-memory state that assigns new documents against what the store holds: the
//! library's [`Linker`] (the copy index over every stored document and the story clusterer),
//! the same one `parallax analyze` links a batch with.
//!
//! It is a cache of the store, rebuilt from the stored documents in arrival order and kept in
//! step by [`Engine::sync`] at the start of every write transaction, so documents another
//! process stored meanwhile are taken into account. Restoring a stored document puts it back in
//! the story it is stored in, so story numbers never move.

use std::collections::HashMap;

use parallax::stream::{Arrival, Linker};
use rusqlite::Transaction;

/// The assignment state of a store.
#[derive(Debug, Default)]
pub struct Engine {
    /// Copies and stories over the stored documents, by position in arrival order (story id in
    /// the store = the clusterer's number + 1).
    pub linker: Linker,
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
            let arrival = Arrival {
                id: &id,
                title: title.as_deref(),
                published: published.as_deref(),
            };
            self.position.insert(id.clone(), self.linker.len() as u32);
            self.linker
                .restore(arrival, &text, (story - 1).max(0) as usize);
            self.last_seq = seq;
            restored += 1;
        }
        Ok(restored)
    }

    /// Records the position of a document the linker has just linked.
    pub fn remember(&mut self, id: &str, position: u32) {
        self.position.insert(id.to_string(), position);
    }

    /// Marks `seq` as taken into account (a document this engine stored itself).
    pub fn stored(&mut self, seq: i64) {
        self.last_seq = self.last_seq.max(seq);
    }
}
