//! Parallax from Python: the native half of the `parallax` package.
//!
//! The functions here take and return columns (a dict of equal-length lists), which the Python
//! half (`python/parallax/`) turns into and out of Arrow record batches. Each one is a stage of
//! the pipeline that runs on its own part of the data, so that Spark (or any other scheduler)
//! can run it anywhere, and every result equals what `parallax ingest` computes on one machine:
//!
//! - [`pages::read_shard`]: the pages of a WARC, JSONL or HTML/text file, as `parallax` reads them;
//! - [`pages::prepare`]: decode, extract, clean and segment pages, and sign them for copy
//!   detection and clustering;
//! - [`copies::compare_pairs`]: candidate pairs compared word by word;
//! - [`stories::StoryAssigner`]: documents assigned to stories in arrival order;
//! - [`stories::analyze_story`]: quotes, statements, conflicts, exclusives and summary of a story;
//! - [`store::StoreLoader`]: the result loaded into a Parallax SQLite store;
//! - [`analyze`]: the whole analysis of some inputs, as `parallax analyze --format json` gives it.

use pyo3::prelude::*;

mod copies;
mod pages;
mod store;
mod stories;

/// The whole analysis of the inputs (files, directories, globs), as the JSON report of
/// `parallax analyze --format json`.
#[pyfunction]
fn analyze(py: Python<'_>, inputs: Vec<String>) -> String {
    py.allow_threads(|| {
        let report = parallax::pipeline::analyze(&inputs, &parallax::pipeline::Options::default());
        serde_json::to_string(&report).unwrap_or_else(|_| "{}".to_string())
    })
}

/// The `parallax._native` module.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(analyze, m)?)?;
    m.add_function(wrap_pyfunction!(pages::read_shard, m)?)?;
    m.add_function(wrap_pyfunction!(pages::prepare, m)?)?;
    m.add_function(wrap_pyfunction!(copies::compare_pairs, m)?)?;
    m.add_function(wrap_pyfunction!(stories::analyze_story, m)?)?;
    m.add_class::<stories::StoryAssigner>()?;
    m.add("SMALL_INPUT", parallax::cluster::SMALL_INPUT)?;
    m.add_class::<store::StoreLoader>()?;
    Ok(())
}
