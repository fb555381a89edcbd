//! Schema: the tables of a store and the settings every connection gets.
//!
//! Documents are stored in arrival order (`seq`), with the input as received, the cleaned text
//! and the whole prepared document as JSON (so a story can be re-analyzed without re-reading
//! inputs). A story's `version` grows with every change to its documents; its analysis is fresh
//! when `analyzed_version` equals it. Full-text search uses FTS5 tables kept in step in the same
//! transactions as the rows they index.

use rusqlite::Connection;

/// Schema version, kept in `PRAGMA user_version`.
pub const SCHEMA_VERSION: i64 = 1;

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS documents (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    content_hash TEXT NOT NULL UNIQUE,
    source TEXT NOT NULL,
    outlet TEXT,
    title TEXT,
    author TEXT,
    published TEXT,
    url TEXT,
    story INTEGER NOT NULL,
    original BLOB NOT NULL,
    text TEXT NOT NULL,
    document TEXT NOT NULL,
    assignment TEXT NOT NULL,
    added TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_story ON documents(story, seq);
CREATE INDEX IF NOT EXISTS documents_url ON documents(url);
CREATE TABLE IF NOT EXISTS feeds (
    url TEXT PRIMARY KEY,
    etag TEXT,
    last_modified TEXT,
    last_read TEXT,
    last_status TEXT,
    added INTEGER NOT NULL DEFAULT 0,
    failures INTEGER NOT NULL DEFAULT 0,
    next_try INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS copies (
    a TEXT NOT NULL,
    b TEXT NOT NULL,
    kind TEXT NOT NULL,
    similarity REAL NOT NULL,
    copy TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS copies_a ON copies(a);
CREATE INDEX IF NOT EXISTS copies_b ON copies(b);
CREATE TABLE IF NOT EXISTS stories (
    id INTEGER PRIMARY KEY,
    merged_into INTEGER,
    title TEXT,
    first_date TEXT,
    last_date TEXT,
    documents INTEGER NOT NULL DEFAULT 0,
    outlets TEXT NOT NULL DEFAULT '[]',
    people TEXT NOT NULL DEFAULT '[]',
    summary TEXT NOT NULL DEFAULT '',
    conflicts INTEGER NOT NULL DEFAULT 0,
    version INTEGER NOT NULL DEFAULT 0,
    analyzed_version INTEGER NOT NULL DEFAULT -1,
    updated TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS stories_stale ON stories(analyzed_version, version);
CREATE TABLE IF NOT EXISTS analyses (
    story INTEGER PRIMARY KEY,
    version INTEGER NOT NULL,
    report TEXT NOT NULL,
    page TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS quotes (
    id INTEGER PRIMARY KEY,
    story INTEGER NOT NULL,
    doc TEXT NOT NULL,
    speaker TEXT,
    channel TEXT,
    cue TEXT,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS quotes_story ON quotes(story);
CREATE TABLE IF NOT EXISTS cited (
    story INTEGER NOT NULL,
    doc TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS cited_story ON cited(story);
CREATE TABLE IF NOT EXISTS statements (
    story INTEGER NOT NULL,
    id TEXT NOT NULL,
    text TEXT NOT NULL,
    outlets TEXT NOT NULL,
    statement TEXT NOT NULL,
    PRIMARY KEY (story, id)
);
CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5(title, text, content='documents', content_rowid='seq');
CREATE VIRTUAL TABLE IF NOT EXISTS quotes_fts USING fts5(speaker, text, content='quotes', content_rowid='id');
CREATE VIRTUAL TABLE IF NOT EXISTS stories_fts USING fts5(title, summary);
";

/// Applies the per-connection settings: WAL, a busy timeout so readers and writers wait for
/// each other instead of failing, and foreign-key enforcement.
pub fn configure(conn: &Connection) -> rusqlite::Result<()> {
    conn.busy_timeout(std::time::Duration::from_secs(30))?;
    // Switching a new file to WAL needs it to itself, and SQLite answers "busy" at once
    // instead of waiting when another process is setting it up too: wait here.
    retry_busy(|| conn.pragma_update(None, "journal_mode", "WAL"))?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    Ok(())
}

/// Runs `f` again while SQLite answers "busy" or "locked", for up to 30 seconds.
fn retry_busy<T>(mut f: impl FnMut() -> rusqlite::Result<T>) -> rusqlite::Result<T> {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    loop {
        match f() {
            Err(rusqlite::Error::SqliteFailure(e, _))
                if matches!(
                    e.code,
                    rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked
                ) && std::time::Instant::now() < deadline =>
            {
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            other => return other,
        }
    }
}

/// Creates the tables when missing, and checks the schema version.
/// Two processes creating one store at once take turns.
pub fn migrate(conn: &Connection) -> rusqlite::Result<()> {
    let version: i64 = retry_busy(|| conn.pragma_query_value(None, "user_version", |r| r.get(0)))?;
    if version > SCHEMA_VERSION {
        return Err(rusqlite::Error::InvalidParameterName(format!(
            "store schema version {version} is newer than this parallax ({SCHEMA_VERSION})"
        )));
    }
    // The statements only create what is missing, so they run on every open.
    retry_busy(|| {
        conn.execute_batch(&format!(
            "BEGIN IMMEDIATE; {SCHEMA} PRAGMA user_version = {SCHEMA_VERSION}; COMMIT;"
        ))
        .inspect_err(|_| {
            let _ = conn.execute_batch("ROLLBACK");
        })
    })
}
