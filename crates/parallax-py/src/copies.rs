//! Copies: candidate pairs, found by grouping documents on their anchor keys, compared word by
//! word as `parallax ingest` compares them.

use parallax::dedup::compare_with_earlier;
use parallax::dedup::fingerprint;
use pyo3::prelude::*;
use pyo3::types::PyDict;

/// Compares each pair (a later document, an earlier candidate) given as columns of equal
/// length: the later one's id, published date and cleaned text, then the earlier one's.
/// `common_keys` lists, sorted, the anchor keys held by more than
/// [`parallax::dedup::RARE_DOCS`] documents of the whole input (every other key is rare).
/// Returns one row per copy relation: `pair` (the pair's row), `order` (its rank among the
/// pair's relations), `a`, `b`, `kind`, `similarity` and `copy` (the relation as JSON, with
/// its spans).
#[pyfunction]
#[allow(clippy::too_many_arguments)]
pub fn compare_pairs<'py>(
    py: Python<'py>,
    new_id: Vec<String>,
    new_published: Vec<Option<String>>,
    new_text: Vec<String>,
    old_id: Vec<String>,
    old_published: Vec<Option<String>>,
    old_text: Vec<String>,
    common_keys: Vec<u32>,
) -> PyResult<Bound<'py, PyDict>> {
    let n = new_id.len();
    if [
        new_published.len(),
        new_text.len(),
        old_id.len(),
        old_published.len(),
        old_text.len(),
    ]
    .iter()
    .any(|&l| l != n)
    {
        return Err(pyo3::exceptions::PyValueError::new_err(
            "pair columns differ in length",
        ));
    }
    let rows = py.allow_threads(|| {
        let is_rare = |key: u32| common_keys.binary_search(&key).is_err();
        let mut rows = Vec::new();
        for i in 0..n {
            let print = fingerprint(&new_text[i]);
            let copies = compare_with_earlier(
                (&new_id[i], new_published[i].as_deref(), &print),
                (&old_id[i], old_published[i].as_deref(), &old_text[i]),
                &is_rare,
            );
            for (order, copy) in copies.into_iter().enumerate() {
                rows.push((i, order, copy));
            }
        }
        rows
    });
    let columns = PyDict::new(py);
    columns.set_item("pair", rows.iter().map(|r| r.0).collect::<Vec<_>>())?;
    columns.set_item("order", rows.iter().map(|r| r.1).collect::<Vec<_>>())?;
    columns.set_item(
        "a",
        rows.iter().map(|r| r.2.a.doc.as_str()).collect::<Vec<_>>(),
    )?;
    columns.set_item(
        "b",
        rows.iter().map(|r| r.2.b.doc.as_str()).collect::<Vec<_>>(),
    )?;
    columns.set_item(
        "kind",
        rows.iter()
            .map(|r| {
                serde_json::to_value(r.2.kind)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default()
            })
            .collect::<Vec<_>>(),
    )?;
    columns.set_item(
        "similarity",
        rows.iter().map(|r| r.2.similarity).collect::<Vec<_>>(),
    )?;
    columns.set_item(
        "copy",
        rows.iter()
            .map(|r| serde_json::to_string(&r.2).unwrap_or_default())
            .collect::<Vec<_>>(),
    )?;
    Ok(columns)
}
