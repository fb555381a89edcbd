//! Shared helpers for the command-line tests: a scratch directory, running the binary, and the
//! text normalisation `gold.json` prescribes (NFKC, straight quotes, folded whitespace, lower case).

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

use unicode_normalization::UnicodeNormalization;

/// A directory removed when dropped.
pub struct Scratch {
    pub path: PathBuf,
}

impl Scratch {
    pub fn new(name: &str) -> Scratch {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let n = COUNTER.fetch_add(1, Ordering::SeqCst);
        let path = std::env::temp_dir().join(format!(
            "parallax-test-{}-{}-{}",
            std::process::id(),
            name,
            n
        ));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).expect("create scratch dir");
        Scratch { path }
    }

    pub fn file(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let p = self.path.join(name);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::write(&p, bytes).unwrap();
        p
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.path);
    }
}

/// The workspace root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

/// Runs `parallax` with `args` from the workspace root, with `stdin` piped in.
pub fn parallax(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_parallax"));
    cmd.args(args)
        .current_dir(root())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    cmd.stdin(if stdin.is_some() {
        Stdio::piped()
    } else {
        Stdio::null()
    });
    let mut child = cmd.spawn().expect("run parallax");
    if let Some(input) = stdin {
        use std::io::Write;
        child.stdin.take().unwrap().write_all(input).unwrap();
    }
    child.wait_with_output().unwrap()
}

/// Runs `parallax eval TASK --dataset DATASET` (with `--errors ERRORS` when given), checks that it
/// succeeded and parses the figures it prints.
pub fn eval_json(task: &str, dataset: &Path, errors: Option<&Path>) -> serde_json::Value {
    let mut args = vec!["eval", task, "--dataset", dataset.to_str().unwrap()];
    if let Some(errors) = errors {
        args.extend(["--errors", errors.to_str().unwrap()]);
    }
    let out = parallax(&args, None);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Runs `parallax analyze --format json` and parses the report.
pub fn analyze_json(args: &[&str]) -> (Output, serde_json::Value) {
    let mut all = vec!["analyze", "--format", "json"];
    all.extend_from_slice(args);
    let out = parallax(&all, None);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "report is not JSON ({e}); stderr: {}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (out, report)
}

/// The normalisation of gold.json: NFKC, quotes and dashes folded, whitespace folded, lower case.
pub fn norm(s: &str) -> String {
    let folded: String = s
        .nfkc()
        .map(|c| match c {
            '\u{2019}' | '\u{2018}' => '\'',
            '\u{201c}' | '\u{201d}' => '"',
            '\u{2013}' | '\u{2014}' => '-',
            c => c,
        })
        .collect();
    folded
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The text of a byte span of a document in the report.
pub fn span_text(doc: &serde_json::Value, start: u64, end: u64) -> &str {
    let text = doc["text"].as_str().unwrap_or("");
    text.get(start as usize..end as usize)
        .unwrap_or_else(|| panic!("span {start}..{end} does not fit document {}", doc["id"]))
}

/// The ids of the documents a store holds.
pub fn document_ids(store: &parallax_store::Store) -> std::collections::HashSet<String> {
    store
        .connection()
        .prepare("SELECT id FROM documents")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}
