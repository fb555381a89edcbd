//! The library's layering, read from its source: evaluation sits on top of the pipeline, so no
//! pipeline module may import `eval` (the metrics and data-set runners call the pipeline, never
//! the other way round), and the top-level modules import one another without a cycle.

use std::collections::{BTreeMap, BTreeSet};
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

/// The top-level modules each names as `crate::module` outside comments.
fn module_graph(src: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let mut files = Vec::new();
    sources(src, &mut files);
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for f in files {
        let rel = f.strip_prefix(src).expect("under src");
        let first = rel.components().next().expect("a component");
        let module = first
            .as_os_str()
            .to_string_lossy()
            .trim_end_matches(".rs")
            .to_string();
        if module == "lib" || module == "main" {
            continue;
        }
        let text = std::fs::read_to_string(&f).expect("source file");
        let deps = graph.entry(module.clone()).or_default();
        for line in text.lines().map(str::trim).filter(|l| !l.starts_with("//")) {
            for (at, _) in line.match_indices("crate::") {
                let name: String = line[at + 7..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                if !name.is_empty() && name != module {
                    deps.insert(name);
                }
            }
        }
    }
    graph
}

/// A cycle in the graph, as the modules along it, if there is one.
fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        state: &mut BTreeMap<String, u8>,
        path: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        state.insert(node.to_string(), 1);
        path.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            match state.get(next.as_str()).copied().unwrap_or(0) {
                1 => {
                    let from = path.iter().position(|p| p == next).unwrap_or(0);
                    let mut cycle = path[from..].to_vec();
                    cycle.push(next.clone());
                    return Some(cycle);
                }
                0 => {
                    if let Some(c) = visit(next, graph, state, path) {
                        return Some(c);
                    }
                }
                _ => {}
            }
        }
        path.pop();
        state.insert(node.to_string(), 2);
        None
    }
    let mut state = BTreeMap::new();
    for node in graph.keys() {
        if state.get(node.as_str()).copied().unwrap_or(0) == 0 {
            if let Some(c) = visit(node, graph, &mut state, &mut Vec::new()) {
                return Some(c);
            }
        }
    }
    None
}

#[test]
fn the_top_level_modules_import_one_another_without_a_cycle() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let graph = module_graph(&src);
    assert!(graph.len() > 15, "the modules were read: {graph:?}");
    assert!(
        graph["terms"].contains("porter"),
        "an import is seen: {graph:?}"
    );
    assert_eq!(find_cycle(&graph), None, "{graph:?}");
}

#[test]
fn a_cycle_is_found() {
    let edges = [("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")];
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (from, to) in edges {
        graph.entry(from.into()).or_default().insert(to.into());
    }
    assert_eq!(
        find_cycle(&graph),
        Some(vec!["a".into(), "b".into(), "c".into(), "a".into()])
    );
    graph.get_mut("c").unwrap().remove("a");
    assert_eq!(find_cycle(&graph), None);
}

/// The files under `crates` (every crate's sources) that call `catch_unwind` outside comments.
fn panic_catchers(crates: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(crates).expect("crates folder") {
        let src = entry.expect("folder entry").path().join("src");
        if src.is_dir() {
            sources(&src, &mut files);
        }
    }
    assert!(files.len() > 40, "the crates were read: {files:?}");
    files
        .into_iter()
        .filter(|f| {
            std::fs::read_to_string(f)
                .expect("source file")
                .lines()
                .map(str::trim)
                .any(|l| !l.starts_with("//") && l.contains("catch_unwind("))
        })
        .collect()
}

#[test]
fn panics_are_caught_only_at_the_batch_edge() {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let crates = manifest.parent().expect("the crates folder");
    assert_eq!(
        panic_catchers(crates),
        vec![manifest.join("src").join("guard.rs")],
        "catch_unwind belongs in guard::isolate alone"
    );
}
