//! Stories: documents assigned in arrival order, then each story analyzed on its own.

use std::collections::HashSet;

use parallax::cluster::{ClusterInput, StoryClusterer, TermCounts};
use parallax::guard::isolate;
use parallax::model::{Assignment, Copy, CopyKind, Document};
use parallax::pipeline::{
    analyze_story as analyze, new_story, story_failure, within_cap, STORY_ANALYSIS_BYTES,
};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

/// The story clusterer of `parallax ingest`, fed one document at a time in arrival order
/// (publication order, undated last, input order on ties). Stories are numbered from 1 as the
/// store numbers them; a merge moves every document of the merged story into the older one. The
/// first [`parallax::cluster::SMALL_INPUT`] documents need their text too (the clusterer reads
/// their names, as the ingest does).
#[pyclass(unsendable)]
#[derive(Default)]
pub struct StoryAssigner {
    clusterer: StoryClusterer,
    /// Story number by story index, after merges (`into[s] == s` for a live story).
    into: Vec<usize>,
}

#[pymethods]
impl StoryAssigner {
    /// An assigner with no story yet.
    #[new]
    fn new() -> StoryAssigner {
        StoryAssigner::default()
    }

    /// Assigns the next document: its id, title, published date, term counts (as `prepare`
    /// gives them), the ids of the earlier documents it has copy relations with, in the order
    /// the relations were found, and its text (read only for the first `SMALL_INPUT`
    /// documents; `None` reads as no names). Returns the story number it joined and the
    /// assignment (why it joined) as JSON.
    #[pyo3(signature = (id, title, published, counts, copies_of, text=None))]
    fn add(
        &mut self,
        id: &str,
        title: Option<&str>,
        published: Option<&str>,
        counts: &[u8],
        copies_of: Vec<String>,
        text: Option<&str>,
    ) -> PyResult<(usize, String)> {
        let counts = TermCounts::from_bytes(counts)
            .ok_or_else(|| PyValueError::new_err(format!("{id}: term counts are malformed")))?;
        let (story, assignment) = self.clusterer.add(&ClusterInput {
            id,
            title,
            text: text.unwrap_or(""),
            date: published,
            copies_of: copies_of.iter().map(String::as_str).collect(),
            counts: Some(&counts),
        });
        while self.into.len() <= story {
            self.into.push(self.into.len());
        }
        for (from, into) in self.clusterer.take_merges() {
            while self.into.len() <= from.max(into) {
                self.into.push(self.into.len());
            }
            self.into[from] = into;
        }
        Ok((
            story + 1,
            serde_json::to_string(&assignment).unwrap_or_default(),
        ))
    }

    /// The story number a story ended in, after every merge so far.
    fn final_story(&self, story: usize) -> usize {
        let mut s = story.saturating_sub(1);
        let mut steps = 0;
        while let Some(&next) = self.into.get(s) {
            if next == s || steps > self.into.len() {
                break;
            }
            s = next;
            steps += 1;
        }
        s + 1
    }
}

/// Analyzes one story: its number, its documents in arrival order (JSON, as `prepare` gives
/// them), their assignments (JSON, as [`StoryAssigner::add`] gives them) and the copy relations
/// among them (JSON). Returns the story (quotes, facts, statements, conflicts, exclusives and a
/// summary of at most `words` words) as JSON, and the reason when the analysis failed.
#[pyfunction]
#[pyo3(signature = (story, documents, assignments, copies, words = parallax::summarize::DEFAULT_WORDS))]
pub fn analyze_story(
    py: Python<'_>,
    story: usize,
    documents: Vec<String>,
    assignments: Vec<String>,
    copies: Vec<String>,
    words: usize,
) -> PyResult<(String, Option<String>)> {
    let docs: Vec<Document> = documents
        .iter()
        .map(|d| serde_json::from_str(d))
        .collect::<Result<_, _>>()
        .map_err(|e| {
            PyValueError::new_err(format!("story {story}: a document is malformed: {e}"))
        })?;
    let assignments: Vec<Assignment> = assignments
        .iter()
        .filter_map(|a| serde_json::from_str(a).ok())
        .collect();
    let copies: Vec<Copy> = copies
        .iter()
        .filter_map(|c| serde_json::from_str(c).ok())
        .collect();
    Ok(py.allow_threads(|| {
        let repeats: HashSet<&str> = copies
            .iter()
            .filter(|c| matches!(c.kind, CopyKind::Duplicate | CopyKind::NearDuplicate))
            .map(|c| c.b.doc.as_str())
            .collect();
        let refs: Vec<&Document> = docs.iter().collect();
        let unanalyzed = || new_story(format!("story-{story}"), &refs, assignments.clone());
        // The call is the batch: a story that trips a bug comes back unanalyzed, with the error.
        let (analyzed, failed) = isolate(
            &[story],
            |_| {
                let mut analyzed = unanalyzed();
                analyze(&mut analyzed, &refs, &repeats, words);
                vec![(analyzed, None)]
            },
            |_| {
                let mut analyzed = unanalyzed();
                analyzed.analysis_limit = within_cap(&refs, STORY_ANALYSIS_BYTES).1;
                let failure = story_failure(&analyzed).reason;
                (analyzed, Some(failure))
            },
        )
        .pop()
        .expect("one result for the one story");
        (serde_json::to_string(&analyzed).unwrap_or_default(), failed)
    }))
}
