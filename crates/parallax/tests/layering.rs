//! The library's layering, read from its source: evaluation sits on top of the pipeline, so no
//! pipeline module may import `eval` (the metrics and data-set runners call the pipeline, never
//! the other way round).

use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`.
fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("source folder") {
        let path = entry.expect("folder entry").path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The lines of `text` outside comments that name the `eval` module as a path.
fn eval_imports(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.starts_with("//"))
        .filter(|line| line.contains("crate::eval") || line.contains("parallax::eval"))
        .map(str::to_string)
        .collect()
}

#[test]
fn no_pipeline_module_imports_evaluation() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let eval = src.join("eval");
    let mut files = Vec::new();
    sources(&src, &mut files);
    assert!(files.len() > 20, "the source tree was read: {files:?}");
    let offending: Vec<(PathBuf, Vec<String>)> = files
        .into_iter()
        .filter(|f| !f.starts_with(&eval))
        .filter_map(|f| {
            let lines = eval_imports(&std::fs::read_to_string(&f).expect("source file"));
            (!lines.is_empty()).then_some((f, lines))
        })
        .collect();
    assert!(
        offending.is_empty(),
        "pipeline modules importing eval: {offending:?}"
    );
}

#[test]
fn the_check_sees_an_import_and_skips_comments() {
    let text = "//! uses crate::eval in a comment\nuse crate::eval::rouge;\nfn f() {}\n";
    assert_eq!(eval_imports(text), ["use crate::eval::rouge;"]);
}
