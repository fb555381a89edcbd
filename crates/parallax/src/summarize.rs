//! Summarize: a story to a short extractive summary whose every sentence cites its sources.
//!
//! Sentences are scored by the cosine between their TF-IDF vector and the story's centroid
//! (IDF over the story's sentences), plus a bonus for each further outlet that carries the same
//! statement and for leading sentences. They are picked greedily within the word budget, skipping
//! any that repeats a picked one. When a picked sentence carries one side of a conflict, the best
//! sentence of the other side is added too (or the first one dropped when there is no room). The
//! summary reads in document order, and each sentence cites every source of its statement.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::attribute::lexicon::CHANNEL_HEADS;
use crate::compare::Comparison;
use crate::model::{Document, SourceSpan, Span, SummaryItem};
use crate::terms::term_hashes;

/// Default summary length for a report, in words.
pub const DEFAULT_WORDS: usize = 120;
/// Overlap coefficient with a picked sentence above which a candidate is redundant.
pub const REDUNDANCY: f64 = 0.5;
/// Score bonus per additional outlet carrying the same statement.
pub const OUTLET_BONUS: f64 = 0.05;
/// Score bonus for a document's first two sentences.
pub const LEAD_BONUS: f64 = 0.1;
/// Score penalty for a sentence that opens with a pronoun, which dangles out of context.
pub const PRONOUN_PENALTY: f64 = 0.3;

/// Openers that refer back to something the summary may not have said.
const DANGLING_OPENERS: &[&str] = &[
    "he", "she", "it", "they", "this", "that", "these", "those", "his", "her", "its", "their",
];

#[derive(Debug, Clone)]
struct Candidate {
    doc: usize,
    position: usize,
    span: Span,
    words: usize,
    terms: HashSet<u64>,
    score: f64,
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

fn is_candidate(text: &str) -> bool {
    let words = word_count(text);
    let first = text
        .trim_start_matches(['"', '“', '(', '\''])
        .chars()
        .next();
    (8..=60).contains(&words)
        && !text.trim_end().ends_with(':')
        && first.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// Summarizes the documents of a story in at most `max_words` words.
pub fn summarize(docs: &[&Document], cmp: &Comparison, max_words: usize) -> Vec<SummaryItem> {
    let mut cands: Vec<Candidate> = Vec::new();
    let mut sentence_terms: Vec<Vec<u64>> = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        for (position, span) in doc.sentences.iter().enumerate() {
            let text = doc.span_text(*span);
            if !is_candidate(text) {
                continue;
            }
            let t = term_hashes(text);
            cands.push(Candidate {
                doc: d,
                position,
                span: *span,
                words: word_count(text),
                terms: t.iter().copied().collect(),
                score: 0.0,
            });
            sentence_terms.push(t);
        }
    }
    if cands.is_empty() {
        return Vec::new();
    }
    let n = sentence_terms.len() as f64;
    let mut df: HashMap<u64, f64> = HashMap::default();
    for t in &sentence_terms {
        for term in t.iter().collect::<HashSet<_>>() {
            *df.entry(*term).or_default() += 1.0;
        }
    }
    let idf = |t: u64| (n / df.get(&t).copied().unwrap_or(1.0)).ln() + 1.0;
    let vectors: Vec<HashMap<u64, f64>> = sentence_terms
        .iter()
        .map(|t| {
            let mut v: HashMap<u64, f64> = HashMap::default();
            for term in t {
                *v.entry(*term).or_default() += 1.0;
            }
            v.iter_mut().for_each(|(term, w)| *w *= idf(*term));
            v
        })
        .collect();
    let mut centroid: HashMap<u64, f64> = HashMap::default();
    for v in &vectors {
        for (t, w) in v {
            *centroid.entry(*t).or_default() += w;
        }
    }
    let norm = |v: &HashMap<u64, f64>| v.values().map(|w| w * w).sum::<f64>().sqrt();
    let cn = norm(&centroid).max(1e-9);
    let outlet_counts: HashMap<&str, usize> = cmp
        .statements
        .iter()
        .map(|s| (s.id.as_str(), s.outlets.len()))
        .collect();
    for (c, v) in cands.iter_mut().zip(&vectors) {
        let dot: f64 = v
            .iter()
            .map(|(t, w)| w * centroid.get(t).copied().unwrap_or(0.0))
            .sum();
        let cosine = dot / (norm(v).max(1e-9) * cn);
        let outlets = statement_of(cmp, docs, c.doc, c.span)
            .and_then(|id| outlet_counts.get(id.as_str()))
            .copied()
            .unwrap_or(1);
        let lead = if c.position < 2 { LEAD_BONUS } else { 0.0 };
        let dangling = if dangles(docs[c.doc].span_text(c.span)) {
            PRONOUN_PENALTY
        } else {
            0.0
        };
        c.score = cosine + OUTLET_BONUS * (outlets.saturating_sub(1)) as f64 + lead - dangling;
    }
    let mut order: Vec<usize> = (0..cands.len()).collect();
    order.sort_by(|&a, &b| cands[b].score.total_cmp(&cands[a].score).then(a.cmp(&b)));
    let mut picked: Vec<usize> = Vec::new();
    let mut used = 0;
    for &i in &order {
        if used + cands[i].words > max_words || redundant(&cands, &picked, i) {
            continue;
        }
        picked.push(i);
        used += cands[i].words;
    }
    balance_conflicts(docs, cmp, &cands, &mut picked, max_words);
    picked.sort_by_key(|&i| (cands[i].doc, cands[i].span.start()));
    picked.iter().map(|&i| item(docs, cmp, &cands[i])).collect()
}

/// True for a sentence that opens with a pronoun or a bare "the report"-style reference.
fn dangles(sentence: &str) -> bool {
    let mut words = sentence.split_whitespace().map(|w| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    });
    let first = words.next().unwrap_or_default();
    let second = words.next().unwrap_or_default();
    DANGLING_OPENERS.contains(&first.as_str())
        || (first == "the" && CHANNEL_HEADS.contains(&second.as_str()))
}

fn redundant(cands: &[Candidate], picked: &[usize], i: usize) -> bool {
    picked.iter().any(|&p| {
        let shared = cands[i].terms.intersection(&cands[p].terms).count();
        let small = cands[i].terms.len().min(cands[p].terms.len()).max(1);
        shared as f64 / small as f64 > REDUNDANCY
    })
}

fn statement_of<'a>(
    cmp: &'a Comparison,
    docs: &[&Document],
    doc: usize,
    span: Span,
) -> Option<&'a String> {
    cmp.sentence_statement.get(&(docs[doc].id.clone(), span))
}

/// Candidates (indices) whose sentence holds one of a conflict side's statements.
fn side_candidates(
    cmp: &Comparison,
    docs: &[&Document],
    cands: &[Candidate],
    statements: &[String],
) -> Vec<usize> {
    let spans: Vec<&SourceSpan> = cmp
        .statements
        .iter()
        .filter(|s| statements.contains(&s.id))
        .flat_map(|s| &s.sources)
        .collect();
    (0..cands.len())
        .filter(|&i| {
            let c = &cands[i];
            spans
                .iter()
                .any(|s| s.doc == docs[c.doc].id && c.span.contains(&s.span()))
        })
        .collect()
}

fn balance_conflicts(
    docs: &[&Document],
    cmp: &Comparison,
    cands: &[Candidate],
    picked: &mut Vec<usize>,
    max_words: usize,
) {
    for conflict in &cmp.conflicts {
        let sides: Vec<Vec<usize>> = conflict
            .sides
            .iter()
            .map(|s| side_candidates(cmp, docs, cands, &s.statements))
            .collect();
        let covered: Vec<bool> = sides
            .iter()
            .map(|s| s.iter().any(|i| picked.contains(i)))
            .collect();
        if !covered.iter().any(|&c| c) || covered.iter().all(|&c| c) {
            continue;
        }
        for (side, is_covered) in sides.iter().zip(&covered) {
            if *is_covered {
                continue;
            }
            let used: usize = picked.iter().map(|&i| cands[i].words).sum();
            let best = side
                .iter()
                .copied()
                .filter(|&i| used + cands[i].words <= max_words)
                .max_by(|&a, &b| cands[a].score.total_cmp(&cands[b].score));
            match best {
                Some(i) => picked.push(i),
                None => {
                    // No room for the other side: make room by dropping the weakest picks not in the conflict.
                    let in_conflict: HashSet<usize> = sides.iter().flatten().copied().collect();
                    let removable: usize = picked
                        .iter()
                        .filter(|i| !in_conflict.contains(i))
                        .map(|&i| cands[i].words)
                        .sum();
                    let room = max_words.saturating_sub(used) + removable;
                    let Some(want) = side
                        .iter()
                        .copied()
                        .filter(|&i| cands[i].words <= room)
                        .max_by(|&a, &b| cands[a].score.total_cmp(&cands[b].score))
                    else {
                        continue;
                    };
                    let mut free = max_words.saturating_sub(used);
                    let mut weakest: Vec<usize> = picked
                        .iter()
                        .copied()
                        .filter(|i| !in_conflict.contains(i))
                        .collect();
                    weakest.sort_by(|&a, &b| cands[a].score.total_cmp(&cands[b].score));
                    for w in weakest {
                        if free >= cands[want].words {
                            break;
                        }
                        picked.retain(|&p| p != w);
                        free += cands[w].words;
                    }
                    if free >= cands[want].words {
                        picked.push(want);
                    }
                }
            }
        }
    }
}

fn item(docs: &[&Document], cmp: &Comparison, c: &Candidate) -> SummaryItem {
    let doc = docs[c.doc];
    let own = SourceSpan::new(&doc.id, c.span);
    let mut sources = vec![own.clone()];
    if let Some(st) = statement_of(cmp, docs, c.doc, c.span)
        .and_then(|id| cmp.statements.iter().find(|s| &s.id == id))
    {
        sources.extend(st.sources.iter().filter(|s| **s != own).cloned());
    }
    SummaryItem {
        text: doc.span_text(c.span).to_string(),
        sources,
    }
}
