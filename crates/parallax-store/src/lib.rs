//! The Parallax store: a SQLite file (WAL) that grows article by article.
//!
//! [`Store::ingest`] adds pages incrementally: each new document is checked for copies against
//! everything stored and assigned to a story, in one transaction per batch of documents, so an
//! interrupted ingest leaves every document either fully stored or absent. Stories whose
//! documents changed are re-analyzed afterwards ([`Store::refresh`]); a story's analysis is
//! stored with the rendered story page. Queries ([`Store::stories`], [`Store::search`], ...)
//! read through any number of connections while an ingest writes.

#![warn(missing_docs)]

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

pub mod analysis;
pub mod engine;
pub mod feeds;
pub mod ingest;
pub mod load;
pub mod query;
pub mod schema;

pub use analysis::PAGE_DOCUMENTS;
pub use feeds::{FeedReading, FeedRow};
pub use ingest::{IngestReport, Progress, CHUNK_BYTES};
pub use query::{
    DocumentMarks, DocumentView, QuoteRow, SearchHits, StoryFilter, StoryOrder, StoryRow,
};

/// The store file used when none is named.
pub const DEFAULT_DB: &str = "parallax.db";

/// Why a store operation failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// SQLite reported an error.
    #[error("{path}: {source}")]
    Sqlite {
        /// The store file.
        path: String,
        /// The SQLite error.
        source: rusqlite::Error,
    },
    /// A stored value could not be read back.
    #[error("{path}: corrupt stored value: {reason}")]
    Corrupt {
        /// The store file.
        path: String,
        /// What was wrong.
        reason: String,
    },
}

/// An open store.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    engine: Option<engine::Engine>,
    analysis_cap: usize,
}

impl Store {
    /// Opens (creating when missing) the store at `path` for reading and writing.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let err = |source| StoreError::Sqlite {
            path: path.display().to_string(),
            source,
        };
        let conn = Connection::open(path).map_err(err)?;
        schema::configure(&conn).map_err(err)?;
        schema::migrate(&conn).map_err(err)?;
        Ok(Store {
            conn,
            path: path.to_path_buf(),
            engine: None,
            analysis_cap: parallax::pipeline::STORY_ANALYSIS_BYTES,
        })
    }

    /// Opens an existing store read-only (for queries, as the server does per connection).
    pub fn open_read_only(path: &Path) -> Result<Store, StoreError> {
        let err = |source| StoreError::Sqlite {
            path: path.display().to_string(),
            source,
        };
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(err)?;
        conn.busy_timeout(std::time::Duration::from_secs(30))
            .map_err(err)?;
        Ok(Store {
            conn,
            path: path.to_path_buf(),
            engine: None,
            analysis_cap: parallax::pipeline::STORY_ANALYSIS_BYTES,
        })
    }

    /// The store file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The SQLite connection, for checks and tools.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    fn sqlite(&self, source: rusqlite::Error) -> StoreError {
        StoreError::Sqlite {
            path: self.path.display().to_string(),
            source,
        }
    }

    fn corrupt(&self, reason: impl Into<String>) -> StoreError {
        StoreError::Corrupt {
            path: self.path.display().to_string(),
            reason: reason.into(),
        }
    }
}

/// The last component of an input's name: what a served page shows of where a document came
/// from (not the directories of the machine that ingested it).
pub fn file_name(source: &str) -> &str {
    source.rsplit(['/', '\\']).next().unwrap_or(source)
}

/// The current time as `YYYY-MM-DDTHH:MM:SSZ`.
pub fn now() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    let (days, rest) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    let date = parallax::date::date_of_day(days).unwrap_or_default();
    format!(
        "{date}T{:02}:{:02}:{:02}Z",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}
