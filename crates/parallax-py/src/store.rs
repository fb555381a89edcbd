//! Store: loads the result of a distributed run into a Parallax SQLite store, for
//! `parallax serve`, `stories` and `search`.

use std::path::Path;

use parallax::model::{Copy, Document};
use parallax_store::load::Assigned;
use parallax_store::Store;
use pyo3::exceptions::{PyOSError, PyValueError};
use pyo3::prelude::*;

/// Loads documents, their stories and copies into a new (empty) store file, batch by batch;
/// `finish` then analyzes every story.
#[pyclass(unsendable)]
pub struct StoreLoader {
    store: Store,
}

fn os_error(e: impl std::fmt::Display) -> PyErr {
    PyOSError::new_err(e.to_string())
}

#[pymethods]
impl StoreLoader {
    /// Opens (creating it if needed) the store at `path`, which must hold no document.
    #[new]
    fn new(path: &str) -> PyResult<StoreLoader> {
        let store = Store::open(Path::new(path)).map_err(os_error)?;
        let held = store.document_count().map_err(os_error)?;
        if held > 0 {
            return Err(PyValueError::new_err(format!(
                "{path}: a load needs an empty store, and this one holds {held} documents"
            )));
        }
        Ok(StoreLoader { store })
    }

    /// Loads documents in arrival order: each one's JSON (as `prepare` gives it), content hash,
    /// story number and assignment JSON.
    fn add_documents(
        &mut self,
        py: Python<'_>,
        documents: Vec<String>,
        hashes: Vec<String>,
        stories: Vec<i64>,
        assignments: Vec<String>,
    ) -> PyResult<()> {
        let n = documents.len();
        if hashes.len() != n || stories.len() != n || assignments.len() != n {
            return Err(PyValueError::new_err("document columns differ in length"));
        }
        let mut docs = Vec::with_capacity(n);
        for (((json, hash), story), assignment) in
            documents.iter().zip(hashes).zip(stories).zip(assignments)
        {
            let doc: Document = serde_json::from_str(json)
                .map_err(|e| PyValueError::new_err(format!("a document is malformed: {e}")))?;
            docs.push(Assigned {
                doc,
                hash,
                story,
                assignment,
            });
        }
        py.allow_threads(|| self.store.load_documents(&docs))
            .map_err(os_error)
    }

    /// Loads copy relations (JSON, as `compare_batch` gives them).
    fn add_copies(&mut self, py: Python<'_>, copies: Vec<String>) -> PyResult<()> {
        let copies: Vec<Copy> = copies
            .iter()
            .map(|c| serde_json::from_str(c))
            .collect::<Result<_, _>>()
            .map_err(|e| PyValueError::new_err(format!("a copy relation is malformed: {e}")))?;
        py.allow_threads(|| self.store.load_copies(&copies))
            .map_err(os_error)
    }

    /// Analyzes every loaded story (on every core); returns how many were analyzed.
    fn finish(&mut self, py: Python<'_>) -> PyResult<usize> {
        py.allow_threads(|| self.store.refresh(&mut |_| {}))
            .map_err(os_error)
    }
}
