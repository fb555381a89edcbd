//! `parallax eval conflicts`: conflicts between accounts, scored against gold conflicts.
//!
//! The data set is JSONL, one cluster a line: `{"id", "documents": [text, ...], "conflicts":
//! [{"kind", "sides": [{"doc": index, "text": "exact substring"}, ...]}]}`. Each cluster is
//! analyzed alone, as one story. A gold conflict is found when one reported conflict holds each
//! gold side's text on a different side; a side holds a text when its statements' wording, its
//! statements' sources or its evidence spans contain it (compared lower-cased, with quotes,
//! dashes and white space folded), in the document the gold side names.

use std::collections::{BTreeMap, HashSet};
use std::io::Write;
use std::path::Path;
use std::time::Instant;

use serde::{Deserialize, Serialize};

use super::datasets::{jsonl_records, text_page, EvalError};
use crate::model::{Conflict, Document, Rejection, Story};
use crate::pipeline::{analyze_story, new_story, prepare, story_failure};

#[derive(Deserialize)]
struct Cluster {
    id: String,
    documents: Vec<String>,
    #[serde(default)]
    conflicts: Vec<GoldConflict>,
}

#[derive(Deserialize)]
struct GoldConflict {
    #[serde(default)]
    kind: String,
    sides: Vec<GoldSide>,
}

#[derive(Deserialize)]
struct GoldSide {
    doc: usize,
    text: String,
}

/// Recall of one kind of gold conflict.
#[derive(Debug, Clone, Default, Serialize)]
pub struct KindRecall {
    /// Gold conflicts of this kind.
    pub gold: usize,
    /// Of them, found.
    pub found: usize,
    /// found / gold.
    pub recall: f64,
}

/// Conflict figures for a data set.
#[derive(Debug, Clone, Serialize)]
pub struct ConflictsReport {
    /// Clusters analyzed.
    pub clusters: usize,
    /// Gold conflicts.
    pub gold: usize,
    /// Gold conflicts found.
    pub found: usize,
    /// found / gold.
    pub recall: f64,
    /// Recall per gold kind.
    pub by_kind: BTreeMap<String, KindRecall>,
    /// Conflicts reported, on average per cluster.
    pub conflicts_per_cluster: f64,
    /// Reported conflicts per kind, over all clusters.
    pub reported_by_kind: BTreeMap<String, usize>,
    /// Milliseconds of analysis per cluster (preparing the pages included).
    pub ms_per_cluster: f64,
    /// Clusters whose analysis failed (an internal error caught at the story's edge): scored
    /// as reporting nothing, counted here and named in the errors file so that no failure
    /// passes for a miss.
    pub failed_clusters: usize,
}

/// Folds case, curly quotes, dashes and white space, as the gold texts are compared.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        let c = match c {
            '\u{2018}' | '\u{2019}' => '\'',
            '\u{201c}' | '\u{201d}' => '"',
            '\u{2013}' | '\u{2014}' => '-',
            c => c,
        };
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.extend(c.to_lowercase());
    }
    out
}

/// Per side of a reported conflict, the folded texts it holds, by document index.
fn side_texts(story: &Story, docs: &[Document], conflict: &Conflict) -> Vec<Vec<(usize, String)>> {
    let index = |id: &str| docs.iter().position(|d| d.id == id);
    let statement = |id: &String| story.statements.iter().find(|s| s.id == *id);
    conflict
        .sides
        .iter()
        .map(|side| {
            let mut texts = Vec::new();
            let spans = side
                .statements
                .iter()
                .filter_map(statement)
                .flat_map(|s| s.sources.iter())
                .chain(side.evidence.iter());
            for src in spans {
                if let Some(d) = index(&src.doc) {
                    texts.push((d, fold(docs[d].span_text(src.span()))));
                }
            }
            texts
        })
        .collect()
}

fn found(gold: &GoldConflict, sides: &[Vec<(usize, String)>]) -> bool {
    let holders: Vec<HashSet<usize>> = gold
        .sides
        .iter()
        .map(|g| {
            let want = fold(&g.text);
            sides
                .iter()
                .enumerate()
                .filter(|(_, texts)| texts.iter().any(|(d, t)| *d == g.doc && t.contains(&want)))
                .map(|(k, _)| k)
                .collect()
        })
        .collect();
    // Each gold side on a different reported side: a matching of gold sides to reported ones.
    fn assign(holders: &[HashSet<usize>], used: &mut Vec<usize>) -> bool {
        let Some((first, rest)) = holders.split_first() else {
            return true;
        };
        for &k in first {
            if !used.contains(&k) {
                used.push(k);
                if assign(rest, used) {
                    return true;
                }
                used.pop();
            }
        }
        false
    }
    gold.sides.len() >= 2 && assign(&holders, &mut Vec::new())
}

/// Analyzes one cluster of texts as one story: its documents and the story.
pub(crate) fn analyze_cluster(id: &str, documents: &[String]) -> (Vec<Document>, Story) {
    let docs: Vec<Document> = documents
        .iter()
        .enumerate()
        .filter_map(|(i, text)| prepare(&text_page(format!("{id}/{i}"), format!("{i}"), text)).ok())
        .collect();
    let refs: Vec<&Document> = docs.iter().collect();
    let mut story = new_story(id.to_string(), &refs, Vec::new());
    analyze_story(&mut story, &refs, &Default::default(), 120);
    (docs, story)
}

/// A cluster analyzed ([`analyze_cluster`]), with why its analysis failed if it did, and the
/// seconds it took.
type AnalyzedCluster = (Vec<Document>, Story, Option<Rejection>, f64);

/// Analyzes each cluster, one at a time; a cluster that trips a bug is left unanalyzed, with
/// the error ([`crate::guard::isolate`]).
fn analyze_clusters(clusters: &[Cluster]) -> Vec<AnalyzedCluster> {
    crate::guard::isolate(
        clusters,
        |clusters| {
            clusters
                .iter()
                .map(|c| {
                    let started = Instant::now();
                    let (docs, story) = analyze_cluster(&c.id, &c.documents);
                    (docs, story, None, started.elapsed().as_secs_f64())
                })
                .collect()
        },
        |c| {
            let story = new_story(c.id.clone(), &[], Vec::new());
            let failure = story_failure(&story);
            (Vec::new(), story, Some(failure), 0.0)
        },
    )
}

/// `parallax eval conflicts --dataset FILE`; with `errors`, each missed gold conflict and each
/// reported conflict is written as a JSON line.
pub fn conflicts(
    file: &Path,
    mut errors: Option<&mut dyn Write>,
) -> Result<ConflictsReport, EvalError> {
    let clusters: Vec<Cluster> = jsonl_records(file)?;
    let mut by_kind: BTreeMap<String, KindRecall> = BTreeMap::new();
    let mut reported_by_kind: BTreeMap<String, usize> = BTreeMap::new();
    let (mut gold, mut hits, mut reported) = (0, 0, 0);
    let mut seconds = 0.0;
    let mut failed_clusters = 0;
    for (c, (docs, story, failed, took)) in clusters.iter().zip(analyze_clusters(&clusters)) {
        seconds += took;
        if let Some(failure) = failed {
            failed_clusters += 1;
            if let Some(w) = errors.as_mut() {
                let line = serde_json::json!({"cluster": c.id, "failed": failure.reason});
                writeln!(w, "{line}").map_err(EvalError::Write)?;
            }
        }
        // Gold doc indexes are positions in the cluster; a document that failed to prepare
        // shifts nothing because ids are the positions.
        let position = |d: usize| docs[d].id.parse::<usize>().unwrap_or(usize::MAX);
        let sides: Vec<Vec<Vec<(usize, String)>>> = story
            .conflicts
            .iter()
            .map(|x| {
                side_texts(&story, &docs, x)
                    .into_iter()
                    .map(|s| s.into_iter().map(|(d, t)| (position(d), t)).collect())
                    .collect()
            })
            .collect();
        reported += story.conflicts.len();
        for x in &story.conflicts {
            let kind = serde_json::to_value(x.kind)
                .ok()
                .and_then(|v| v.as_str().map(String::from));
            *reported_by_kind
                .entry(kind.unwrap_or_default())
                .or_default() += 1;
        }
        for g in &c.conflicts {
            let ok = sides.iter().any(|s| found(g, s));
            gold += 1;
            hits += usize::from(ok);
            let k = by_kind.entry(g.kind.clone()).or_default();
            k.gold += 1;
            k.found += usize::from(ok);
            if let (false, Some(w)) = (ok, errors.as_mut()) {
                let texts: Vec<&str> = g.sides.iter().map(|s| s.text.as_str()).collect();
                let line = serde_json::json!({"cluster": c.id, "missed": g.kind, "sides": texts});
                writeln!(w, "{line}").map_err(EvalError::Write)?;
            }
        }
        if let Some(w) = errors.as_mut() {
            for x in &story.conflicts {
                let line = serde_json::json!({"cluster": c.id, "reported": x, "texts": side_texts(&story, &docs, x)
                    .iter().map(|s| s.iter().map(|(_, t)| t.chars().take(300).collect::<String>()).collect::<Vec<_>>()).collect::<Vec<_>>()});
                writeln!(w, "{line}").map_err(EvalError::Write)?;
            }
        }
    }
    for k in by_kind.values_mut() {
        k.recall = k.found as f64 / k.gold.max(1) as f64;
    }
    let n = clusters.len().max(1) as f64;
    Ok(ConflictsReport {
        clusters: clusters.len(),
        gold,
        found: hits,
        recall: hits as f64 / gold.max(1) as f64,
        by_kind,
        conflicts_per_cluster: reported as f64 / n,
        reported_by_kind,
        ms_per_cluster: 1000.0 * seconds / n,
        failed_clusters,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_matches_curly_and_straight_forms() {
        assert_eq!(
            fold("  Two  \u{201c}Big\u{201d}\nboats\u{2019} "),
            "two \"big\" boats'"
        );
    }

    #[test]
    fn a_gold_conflict_needs_its_sides_on_different_reported_sides() {
        let gold = GoldConflict {
            kind: "figure".into(),
            sides: vec![
                GoldSide {
                    doc: 0,
                    text: "Three boats".into(),
                },
                GoldSide {
                    doc: 1,
                    text: "five boats".into(),
                },
            ],
        };
        let apart = vec![
            vec![(0, "three boats sank".to_string())],
            vec![(1, "five boats sank".to_string())],
        ];
        assert!(found(&gold, &apart));
        let together = vec![vec![
            (0, "three boats".to_string()),
            (1, "five boats".to_string()),
        ]];
        assert!(!found(&gold, &together));
        let wrong_doc = vec![
            vec![(1, "three boats".to_string())],
            vec![(1, "five boats".to_string())],
        ];
        assert!(!found(&gold, &wrong_doc));
    }
}
