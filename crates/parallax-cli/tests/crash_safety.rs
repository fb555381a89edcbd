//! Crash safety: `parallax ingest` killed with SIGKILL mid-run leaves a consistent store in
//! which every article is either fully stored or absent; a restart completes the ingest with
//! no article stored twice and every story analyzed.

mod common;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{document_ids, Scratch};
use parallax_store::Store;

/// Real articles (300 Multi-News documents, copied into the repository).
fn articles() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/multinews-sample.jsonl")
}

fn stored(db: &Path) -> i64 {
    Store::open_read_only(db)
        .and_then(|s| s.counts())
        .map(|c| c.0)
        .unwrap_or(0)
}

fn check_consistent(db: &Path) -> i64 {
    let store = Store::open(db).unwrap();
    let conn = store.connection();
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(integrity, "ok");
    for fts in ["documents_fts", "quotes_fts"] {
        conn.execute(
            &format!("INSERT INTO {fts}({fts}) VALUES('integrity-check')"),
            [],
        )
        .unwrap_or_else(|e| panic!("{fts} out of step with its table: {e}"));
    }
    let (docs, hashes, ids): (i64, i64, i64) = conn
        .query_row(
            "SELECT count(*), count(DISTINCT content_hash), count(DISTINCT id) FROM documents",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(docs, hashes, "an article stored twice");
    assert_eq!(docs, ids);
    let indexed: i64 = conn
        .query_row("SELECT count(*) FROM documents_fts", [], |r| r.get(0))
        .unwrap();
    assert_eq!(indexed, docs, "every stored article is searchable");
    let orphans: i64 = conn
        .query_row(
            "SELECT count(*) FROM documents d LEFT JOIN stories s ON s.id = d.story
             WHERE s.id IS NULL OR s.merged_into IS NOT NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(orphans, 0, "every article belongs to a live story");
    let miscounted: i64 = conn
        .query_row(
            "SELECT count(*) FROM stories s WHERE s.merged_into IS NULL
             AND s.documents != (SELECT count(*) FROM documents d WHERE d.story = s.id)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(miscounted, 0, "story document counts match");
    docs
}

#[test]
fn ingest_killed_mid_run_leaves_a_consistent_store_and_a_restart_completes_it() {
    let dir = Scratch::new("crash");
    let input = articles();
    let ingest = |db: &Path| {
        Command::new(env!("CARGO_BIN_EXE_parallax"))
            .args([
                "ingest",
                input.to_str().unwrap(),
                "--db",
                db.to_str().unwrap(),
            ])
            // Small transactions, so the kill lands between many commits.
            .env("PARALLAX_INGEST_BATCH", "8")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap()
    };
    // What an uninterrupted ingest stores.
    let clean = dir.path.join("clean.db");
    ingest(&clean).wait().unwrap();
    let expected = check_consistent(&clean);
    assert!(expected > 250, "{expected} articles stored");

    let db = dir.path.join("store.db");
    let mut child = ingest(&db);
    let started = Instant::now();
    // Kill as soon as the first batches are committed, well before the end.
    while stored(&db) == 0 {
        assert!(
            child.try_wait().unwrap().is_none(),
            "ingest ended before it could be killed"
        );
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "nothing stored after 120 s"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    let after_kill = check_consistent(&db);
    assert!(
        after_kill > 0 && after_kill < expected,
        "killed mid-run: {after_kill} of {expected} stored"
    );

    ingest(&db).wait().unwrap();
    assert_eq!(check_consistent(&db), expected, "every article stored once");
    let store = Store::open_read_only(&db).unwrap();
    let conn = store.connection();
    let stale: i64 = conn
        .query_row(
            "SELECT count(*) FROM stories WHERE merged_into IS NULL AND documents > 0 AND analyzed_version != version",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(stale, 0, "every story analyzed after the restart");
    let clean_store = Store::open_read_only(&clean).unwrap();
    assert_eq!(document_ids(&store), document_ids(&clean_store));

    // A third run finds everything stored and adds nothing.
    ingest(&db).wait().unwrap();
    assert_eq!(check_consistent(&db), expected);
}
