//! Followed feeds: what `parallax follow` reads, the validators of each feed's last answer (so
//! an unchanged feed is asked conditionally and costs nothing), when it was last read, and its
//! back-off after failures.

use rusqlite::{params, OptionalExtension};
use serde::Serialize;

use crate::{now, Store, StoreError};

/// One followed feed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct FeedRow {
    /// The feed's URL.
    pub url: String,
    /// The `ETag` of its last full answer.
    pub etag: Option<String>,
    /// The `Last-Modified` of its last full answer.
    pub last_modified: Option<String>,
    /// When it was last read (UTC, RFC 3339).
    pub last_read: Option<String>,
    /// What the last reading found: "12 new", "unchanged", or the failure.
    pub last_status: Option<String>,
    /// Documents it has added in all.
    pub added: i64,
    /// Failures in a row.
    pub failures: i64,
    /// Unix time before which it is not read again (its back-off).
    pub next_try: i64,
}

/// What one reading of a feed found, to record.
#[derive(Debug, Clone, Default)]
pub struct FeedReading {
    /// Validators to send next time (None keeps the stored ones).
    pub etag: Option<String>,
    /// See [`FeedReading::etag`].
    pub last_modified: Option<String>,
    /// "12 new", "unchanged", or the failure.
    pub status: String,
    /// Documents added by this reading.
    pub added: usize,
    /// True when the reading failed (the back-off grows).
    pub failed: bool,
    /// Unix time before which the feed is not read again.
    pub next_try: i64,
}

impl Store {
    /// True when a document with this URL is stored.
    pub fn has_url(&self, url: &str) -> Result<bool, StoreError> {
        self.conn
            .prepare_cached("SELECT 1 FROM documents WHERE url = ?1 LIMIT 1")
            .and_then(|mut s| s.query_row([url], |_| Ok(())).optional())
            .map(|found| found.is_some())
            .map_err(|e| self.sqlite(e))
    }

    /// A followed feed, or None when it was never read.
    pub fn feed(&self, url: &str) -> Result<Option<FeedRow>, StoreError> {
        self.conn
            .prepare_cached(
                "SELECT url, etag, last_modified, last_read, last_status, added, failures, next_try
                 FROM feeds WHERE url = ?1",
            )
            .and_then(|mut s| s.query_row([url], feed_row).optional())
            .map_err(|e| self.sqlite(e))
    }

    /// Every followed feed, in URL order.
    pub fn feeds(&self) -> Result<Vec<FeedRow>, StoreError> {
        self.conn
            .prepare_cached(
                "SELECT url, etag, last_modified, last_read, last_status, added, failures, next_try
                 FROM feeds ORDER BY url",
            )
            .and_then(|mut s| s.query_map([], feed_row)?.collect())
            .map_err(|e| self.sqlite(e))
    }

    /// Records one reading of a feed.
    pub fn record_feed_reading(&self, url: &str, r: &FeedReading) -> Result<(), StoreError> {
        self.conn
            .execute(
                "INSERT INTO feeds (url, etag, last_modified, last_read, last_status, added, failures, next_try)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                 ON CONFLICT(url) DO UPDATE SET
                    etag = coalesce(excluded.etag, etag),
                    last_modified = coalesce(excluded.last_modified, last_modified),
                    last_read = excluded.last_read,
                    last_status = excluded.last_status,
                    added = added + excluded.added,
                    failures = CASE WHEN ?9 THEN failures + 1 ELSE 0 END,
                    next_try = excluded.next_try",
                params![
                    url,
                    r.etag,
                    r.last_modified,
                    now(),
                    r.status,
                    r.added as i64,
                    i64::from(r.failed),
                    r.next_try,
                    r.failed
                ],
            )
            .map(|_| ())
            .map_err(|e| self.sqlite(e))
    }
}

fn feed_row(r: &rusqlite::Row) -> rusqlite::Result<FeedRow> {
    Ok(FeedRow {
        url: r.get(0)?,
        etag: r.get(1)?,
        last_modified: r.get(2)?,
        last_read: r.get(3)?,
        last_status: r.get(4)?,
        added: r.get(5)?,
        failures: r.get(6)?,
        next_try: r.get(7)?,
    })
}
