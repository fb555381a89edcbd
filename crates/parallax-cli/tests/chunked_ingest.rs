//! `parallax ingest` of an input larger than its chunk: stored a chunk at a time as it is read,
//! it keeps every article and leaves every story analyzed, as an ingest of the whole input at
//! once does.

mod common;

use std::path::Path;
use std::process::Command;

use common::{document_ids, Scratch};
use parallax_store::{Store, StoryFilter};

/// Four files of real articles (the 300 Multi-News documents of the test data, each file's
/// copies made distinct), about 1.2 MB in all: two chunks of 1 MiB.
fn inputs(dir: &Scratch) -> Vec<String> {
    let sample = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/multinews-sample.jsonl"),
    )
    .unwrap();
    (0..4)
        .map(|k| {
            let lines: String = sample
                .lines()
                .map(|line| {
                    let mut record: serde_json::Value = serde_json::from_str(line).unwrap();
                    let id = format!("{}-{k}", record["id"].as_str().unwrap_or("doc"));
                    let text = format!(
                        "{}\n\nThis copy was filed to desk number {k}.",
                        record["text"].as_str().unwrap_or("")
                    );
                    record["id"] = id.into();
                    record["text"] = text.into();
                    format!("{record}\n")
                })
                .collect();
            let path = dir.file(&format!("part{k}.jsonl"), lines.as_bytes());
            path.display().to_string()
        })
        .collect()
}

fn ingest(inputs: &[String], db: &Path, chunk_mb: &str) {
    let status = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .arg("ingest")
        .args(inputs)
        .args(["--db", db.to_str().unwrap()])
        .env("PARALLAX_INGEST_CHUNK_MB", chunk_mb)
        .output()
        .unwrap()
        .status;
    // Exit status 1 only reports rejected records.
    assert!(status.code().is_some_and(|c| c <= 1), "{status:?}");
}

#[test]
fn an_input_over_the_chunk_is_stored_whole_and_analyzed() {
    let dir = Scratch::new("chunked");
    let inputs = inputs(&dir);
    let total: u64 = inputs
        .iter()
        .map(|p| std::fs::metadata(p).unwrap().len())
        .sum();
    assert!(
        total > 1 << 20,
        "the input must span two chunks: {total} bytes"
    );
    let (chunked, whole) = (dir.path.join("chunked.db"), dir.path.join("whole.db"));
    ingest(&inputs, &chunked, "1");
    ingest(&inputs, &whole, "0");
    let (chunked, whole) = (
        Store::open_read_only(&chunked).unwrap(),
        Store::open_read_only(&whole).unwrap(),
    );
    let ids = document_ids(&chunked);
    assert!(ids.len() > 1000, "{} documents stored", ids.len());
    assert_eq!(ids, document_ids(&whole));
    let stories = chunked
        .stories(&StoryFilter {
            limit: usize::MAX >> 1,
            ..StoryFilter::default()
        })
        .unwrap();
    assert!(!stories.is_empty());
    assert!(stories.iter().all(|s| !s.stale), "every story analyzed");
    let in_stories: i64 = stories.iter().map(|s| s.documents).sum();
    assert_eq!(in_stories as usize, ids.len());
}
