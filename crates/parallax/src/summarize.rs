//! Summarize: a story to a short extractive summary whose every sentence cites its sources.
//!
//! The summary covers the story's concepts: its terms and its pairs of terms in a row. A concept
//! weighs the square of the number of documents that mention it plus its lead (how early they
//! mention it), a single term half as much, so what several accounts report, and report first,
//! counts most. Sentences are picked greedily, each step taking the one that adds the most
//! uncovered concept weight per word (to the power [`LENGTH_EXPONENT`]), scaled by its cosine
//! with the story's centroid (more when other documents make the same statement, in other words
//! too) and lowered for one that opens with a pronoun away from the sentence
//! before it; first among the concepts several documents share, then, while there is room, among
//! any (the coverage objective of Gillick and Favre's concept-based summarization, solved
//! greedily, with the centroid of Radev's MEAD). A sentence that repeats a picked one is skipped,
//! and so are stub documents (archive notices and the like) and sentences that do not end as a
//! statement. When a picked sentence carries one side of a conflict, the best sentence of the
//! other side is added too (or the first one dropped when there is no room). The summary reads in
//! document order, and each sentence cites every source of its statement.

use std::collections::BinaryHeap;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::attribute::lexicon::CHANNEL_HEADS;
use crate::clean::is_furniture_sentence;
use crate::compare::Comparison;
use crate::model::{Document, SourceSpan, Span, SummaryItem};

/// Default summary length for a report, in words.
pub const DEFAULT_WORDS: usize = 120;
/// Overlap coefficient with a picked sentence above which a candidate is redundant.
pub(crate) const REDUNDANCY: f64 = 0.5;
/// Documents that must mention a concept for it to count (at most the story's documents).
pub(crate) const MIN_CONCEPT_DOCUMENTS: usize = 2;
/// Weight of a single term against a pair of terms in a row.
pub(crate) const TERM_WEIGHT: f64 = 0.5;
/// A sentence's value is its concept gain over its word count to this power.
pub(crate) const LENGTH_EXPONENT: f64 = 0.7;
/// Factor on the value of a sentence that opens with a pronoun, which dangles out of context
/// unless the sentence before it is in the summary.
pub(crate) const PRONOUN_FACTOR: f64 = 0.7;
/// Weight of a concept's lead against its number of documents: a concept weighs
/// `(documents + LEAD_WEIGHT * lead)²`, its lead the sum over those documents of `1 / (1 + k)`,
/// `k` the number of the document's candidate sentences before the first mention.
pub(crate) const LEAD_WEIGHT: f64 = 2.5;
/// A sentence's value is scaled by its cosine with the story's centroid plus this floor (so a
/// sentence sharing no term with the centroid still fills room left over).
pub(crate) const CENTRALITY_FLOOR: f64 = 0.01;
/// Weight of each further document that makes a sentence's statement (in the comparison's
/// statement groups, which match paraphrases too): the sentence's cosine with the centroid is
/// multiplied by `1 + SUPPORT_WEIGHT * further documents`.
pub(crate) const SUPPORT_WEIGHT: f64 = 0.25;
/// Fewest words of a summary sentence.
pub(crate) const MIN_SENTENCE_WORDS: usize = 5;
/// Most words of a summary sentence.
pub(crate) const MAX_SENTENCE_WORDS: usize = 60;
/// A document of fewer words is a stub: its sentences are not summarized.
pub(crate) const STUB_WORDS: usize = 50;

/// Openers that refer back to something the summary may not have said.
const DANGLING_OPENERS: &[&str] = &[
    "he", "she", "it", "they", "this", "that", "these", "those", "his", "her", "its", "their",
];

/// Words from a sentence's start within which an "also" makes it lean on what came before.
const ALSO_REACH: usize = 5;

#[derive(Debug, Clone)]
struct Candidate {
    doc: usize,
    position: usize,
    span: Span,
    words: usize,
    concepts: ConceptSets,
    /// Cosine of its terms with the story's centroid, raised by the documents that also make its
    /// statement ([`SUPPORT_WEIGHT`]).
    centrality: f64,
    /// Its value before any sentence is picked, to rank a conflict's sides.
    score: f64,
}

fn word_count(s: &str) -> usize {
    crate::segment::word_count(s)
}

fn is_candidate(text: &str) -> bool {
    let words = word_count(text);
    let first = text
        .trim_start_matches(['"', '“', '(', '\''])
        .chars()
        .next();
    (MIN_SENTENCE_WORDS..=MAX_SENTENCE_WORDS).contains(&words)
        && ends_a_statement(text)
        && !is_furniture_sentence(text)
        && first.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// True for a sentence that ends as a statement does: on a full stop or an exclamation mark
/// (inside quotes or brackets or not), not on a question, a colon, or an ellipsis that cuts
/// a teaser short ("Police in Northern Ireland arrested...").
fn ends_a_statement(text: &str) -> bool {
    let end = text.trim_end().trim_end_matches(['"', '”', '’', '\'', ')']);
    end.ends_with(['.', '!']) && !end.ends_with("..")
}

/// Summarizes the documents of a story in at most `max_words` words.
pub fn summarize(docs: &[&Document], cmp: &Comparison, max_words: usize) -> Vec<SummaryItem> {
    let mut cands: Vec<Candidate> = Vec::new();
    let mut cand_terms: Vec<&[u64]> = Vec::new();
    let mut concepts = ConceptCounts::default();
    // A stub (an archive notice, a "page not found") neither speaks nor counts, unless the
    // story has nothing else.
    let is_stub = |doc: &Document| doc.text.split_whitespace().nth(STUB_WORDS - 1).is_none();
    let all_stubs = docs.iter().all(|d| is_stub(d));
    for (d, doc) in docs.iter().enumerate() {
        if is_stub(doc) && !all_stubs {
            continue;
        }
        let mut in_doc = FirstMentions::default();
        // A concept's lead counts the document's candidate sentences before it: a byline or
        // a caption at the top does not push the article's first sentence back.
        let mut candidates_before = 0;
        for ((position, span), t) in doc.sentences.iter().enumerate().zip(doc.sentence_terms()) {
            let text = doc.span_text(*span);
            let sentence = ConceptSets::of(t);
            in_doc.note(&sentence, candidates_before);
            if !is_candidate(text) {
                continue;
            }
            candidates_before += 1;
            cands.push(Candidate {
                doc: d,
                position,
                span: *span,
                words: word_count(text),
                concepts: sentence,
                centrality: 0.0,
                score: 0.0,
            });
            cand_terms.push(t);
        }
        concepts.count(in_doc);
    }
    if cands.is_empty() {
        return Vec::new();
    }
    // A concept counts when several documents mention it (when there are several).
    let documents = cands.iter().map(|c| c.doc).collect::<HashSet<_>>().len();
    let min_documents = MIN_CONCEPT_DOCUMENTS.min(documents) as u32;
    // A story of one document has no centroid: its sentences then count alike.
    let centroid = concepts.centroid(MIN_CONCEPT_DOCUMENTS as u32);
    let stating = documents_stating(cmp);
    for (c, t) in cands.iter_mut().zip(&cand_terms) {
        let also_stating = statement_of(cmp, docs, c.doc, c.span)
            .and_then(|id| stating.get(id.as_str()))
            .map_or(0, |n| n.saturating_sub(1));
        c.centrality = centroid.cosine(t) * (1.0 + SUPPORT_WEIGHT * also_stating as f64);
    }
    let mut covered = ConceptSets::default();
    // Candidates are in document order, so the sentence right before candidate `i` can only
    // be candidate `i - 1`.
    let follows = |i: usize, before: usize| {
        before + 1 == i
            && cands[before].doc == cands[i].doc
            && cands[before].position + 1 == cands[i].position
    };
    let value = |i: usize, covered: &ConceptSets, min_documents: u32, picked: &[usize]| {
        let c = &cands[i];
        let gain = concepts.gain(&c.concepts, covered, min_documents);
        // A sentence opening with a pronoun reads well only after the sentence before it.
        let after_its_antecedent = i
            .checked_sub(1)
            .is_some_and(|before| follows(i, before) && picked.contains(&before));
        let dangling = if !after_its_antecedent && dangles(docs[c.doc].span_text(c.span)) {
            PRONOUN_FACTOR
        } else {
            1.0
        };
        gain / (c.words as f64).powf(LENGTH_EXPONENT) * (CENTRALITY_FLOOR + c.centrality) * dangling
    };
    let scores: Vec<f64> = (0..cands.len())
        .map(|i| value(i, &covered, min_documents, &[]))
        .collect();
    // Greedy coverage: each step takes the sentence adding the most uncovered concept weight
    // per word that still fits; first of the concepts several documents share, then, while
    // there is room, of any. Values only fall as concepts are covered (but for a pronoun's
    // antecedent being picked, handled below), so a value computed earlier bounds the current
    // one: the best is found lazily (Minoux's accelerated greedy).
    let mut picked: Vec<usize> = Vec::new();
    let mut used = 0;
    for min_documents in [min_documents, 1] {
        let mut queue: BinaryHeap<Ranked> = (0..cands.len())
            .filter(|i| !picked.contains(i))
            .map(|i| Ranked(value(i, &covered, min_documents, &picked), i))
            .collect();
        while let Some(Ranked(_, i)) = queue.pop() {
            // A sentence may be queued twice (its value re-pushed after its antecedent's pick).
            if picked.contains(&i)
                || used + cands[i].words > max_words
                || redundant(&cands, &picked, i)
            {
                continue; // the room only shrinks and the picks only grow
            }
            let now = value(i, &covered, min_documents, &picked);
            if now <= 0.0 {
                continue;
            }
            if queue.peek().is_some_and(|next| Ranked(now, i) < *next) {
                queue.push(Ranked(now, i));
                continue;
            }
            covered.extend(&cands[i].concepts);
            picked.push(i);
            used += cands[i].words;
            // The sentence after it no longer dangles: its value may have risen.
            let next = i + 1;
            if next < cands.len() && follows(next, i) {
                queue.push(Ranked(value(next, &covered, min_documents, &picked), next));
            }
        }
    }
    for (c, score) in cands.iter_mut().zip(scores) {
        c.score = score;
    }
    balance_conflicts(docs, cmp, &cands, &mut picked, max_words);
    // Reading order: what the documents tell early comes first, whichever document tells it.
    let sentences_of = |d: usize| docs[d].sentences.len().max(1) as f64;
    picked.sort_by(|&a, &b| {
        let at = |i: usize| cands[i].position as f64 / sentences_of(cands[i].doc);
        at(a)
            .total_cmp(&at(b))
            .then((cands[a].doc, cands[a].span.start()).cmp(&(cands[b].doc, cands[b].span.start())))
    });
    picked.iter().map(|&i| item(docs, cmp, &cands[i])).collect()
}

/// A candidate's value and index, ordered by value, then the earlier candidate first.
#[derive(Debug, Clone, Copy)]
struct Ranked(f64, usize);

impl PartialEq for Ranked {
    fn eq(&self, other: &Ranked) -> bool {
        self.cmp(other).is_eq()
    }
}

impl Eq for Ranked {}

impl PartialOrd for Ranked {
    fn partial_cmp(&self, other: &Ranked) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Ranked {
    fn cmp(&self, other: &Ranked) -> std::cmp::Ordering {
        self.0.total_cmp(&other.0).then(other.1.cmp(&self.1))
    }
}

/// A sentence's or a document's concepts: its terms, and its pairs of terms in a row.
#[derive(Debug, Clone, Default)]
struct ConceptSets {
    terms: HashSet<u64>,
    pairs: HashSet<u64>,
}

impl ConceptSets {
    /// The concepts of one sentence's terms, in order.
    fn of(terms: &[u64]) -> ConceptSets {
        let mut sets = ConceptSets::default();
        sets.add(terms);
        sets
    }

    /// Adds one sentence's terms, in order.
    fn add(&mut self, terms: &[u64]) {
        self.terms.extend(terms.iter().copied());
        self.pairs.extend(
            terms
                .windows(2)
                .map(|w| w[0].rotate_left(21) ^ w[1].wrapping_mul(0x9e37_79b9_7f4a_7c15)),
        );
    }

    /// Adds every concept of `other`.
    fn extend(&mut self, other: &ConceptSets) {
        self.terms.extend(other.terms.iter().copied());
        self.pairs.extend(other.pairs.iter().copied());
    }
}

/// Where one document first mentions each concept: how many of its candidate sentences come
/// before.
#[derive(Debug, Default)]
struct FirstMentions {
    terms: HashMap<u64, usize>,
    pairs: HashMap<u64, usize>,
}

impl FirstMentions {
    /// Notes the concepts of a sentence after `rank` candidate sentences, unless met earlier.
    fn note(&mut self, sentence: &ConceptSets, rank: usize) {
        for &t in &sentence.terms {
            self.terms.entry(t).or_insert(rank);
        }
        for &p in &sentence.pairs {
            self.pairs.entry(p).or_insert(rank);
        }
    }
}

/// How a story's documents mention one concept.
#[derive(Debug, Default, Clone, Copy)]
struct Mentions {
    /// The documents that mention it.
    documents: u32,
    /// The sum over those documents of `1 / (1 + rank)`, `rank` the candidate sentences before
    /// the first mention.
    lead: f64,
}

impl Mentions {
    fn add(&mut self, rank: usize) {
        self.documents += 1;
        self.lead += 1.0 / (1.0 + rank as f64);
    }

    /// Its weight: the square of its documents plus [`LEAD_WEIGHT`] times its lead.
    fn weight(self) -> f64 {
        (f64::from(self.documents) + LEAD_WEIGHT * self.lead).powi(2)
    }
}

/// How the story's documents mention each concept.
#[derive(Debug, Default)]
struct ConceptCounts {
    terms: HashMap<u64, Mentions>,
    pairs: HashMap<u64, Mentions>,
}

impl ConceptCounts {
    /// Counts one document's concepts.
    fn count(&mut self, doc: FirstMentions) {
        for (t, rank) in doc.terms {
            self.terms.entry(t).or_default().add(rank);
        }
        for (p, rank) in doc.pairs {
            self.pairs.entry(p).or_default().add(rank);
        }
    }

    /// The story's centroid: each term that at least `min_documents` documents mention,
    /// weighed by their number.
    fn centroid(&self, min_documents: u32) -> Centroid {
        let weights: HashMap<u64, f64> = self
            .terms
            .iter()
            .filter(|(_, m)| m.documents >= min_documents)
            .map(|(&t, m)| (t, f64::from(m.documents)))
            .collect();
        let norm = weights.values().map(|w| w * w).sum::<f64>().sqrt();
        Centroid { weights, norm }
    }

    /// The weight of the concepts of `sentence` not yet `covered` that at least `min_documents`
    /// documents mention ([`Mentions::weight`]), a single term [`TERM_WEIGHT`] of that.
    fn gain(&self, sentence: &ConceptSets, covered: &ConceptSets, min_documents: u32) -> f64 {
        let weight = |counts: &HashMap<u64, Mentions>, concept: &u64| match counts.get(concept) {
            Some(m) if m.documents >= min_documents => m.weight(),
            _ => 0.0,
        };
        let pairs: f64 = sentence
            .pairs
            .difference(&covered.pairs)
            .map(|p| weight(&self.pairs, p))
            .sum();
        let terms: f64 = sentence
            .terms
            .difference(&covered.terms)
            .map(|t| weight(&self.terms, t))
            .sum();
        pairs + TERM_WEIGHT * terms
    }
}

/// The story's term centroid.
#[derive(Debug)]
struct Centroid {
    weights: HashMap<u64, f64>,
    norm: f64,
}

impl Centroid {
    /// The cosine of a sentence's term frequencies with the centroid (0 when either is empty).
    fn cosine(&self, terms: &[u64]) -> f64 {
        let mut tf: HashMap<u64, f64> = HashMap::default();
        for &t in terms {
            *tf.entry(t).or_default() += 1.0;
        }
        let norm = tf.values().map(|w| w * w).sum::<f64>().sqrt();
        if norm == 0.0 || self.norm == 0.0 {
            return 0.0;
        }
        let dot: f64 = tf
            .iter()
            .map(|(t, w)| w * self.weights.get(t).copied().unwrap_or(0.0))
            .sum();
        dot / (norm * self.norm)
    }
}

/// True for a sentence that opens with a pronoun or a bare "the report"-style reference, or
/// says "also" within its first words.
fn dangles(sentence: &str) -> bool {
    let mut words = sentence.split_whitespace().map(|w| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    });
    let first = words.next().unwrap_or_default();
    let second = words.next().unwrap_or_default();
    // "also" near the start points back at something said before ("The agency also said").
    let leans_back = [&first, &second]
        .into_iter()
        .map(String::as_str)
        .chain(
            words
                .take(ALSO_REACH - 2)
                .collect::<Vec<_>>()
                .iter()
                .map(String::as_str),
        )
        .any(|w| w == "also");
    DANGLING_OPENERS.contains(&first.as_str())
        || (first == "the" && CHANNEL_HEADS.contains(second.as_str()))
        || leans_back
}

fn redundant(cands: &[Candidate], picked: &[usize], i: usize) -> bool {
    picked.iter().any(|&p| {
        let (a, b) = (&cands[i].concepts.terms, &cands[p].concepts.terms);
        let shared = a.intersection(b).count();
        let small = a.len().min(b.len()).max(1);
        shared as f64 / small as f64 > REDUNDANCY
    })
}

/// For each statement, the number of documents that make it.
fn documents_stating(cmp: &Comparison) -> HashMap<&str, usize> {
    cmp.statements
        .iter()
        .map(|s| {
            let documents: HashSet<&str> = s.sources.iter().map(|src| src.doc.as_str()).collect();
            (s.id.as_str(), documents.len())
        })
        .collect()
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
    // (The document's sentences start past a dateline already.)
    let span = c.span;
    let own = SourceSpan::new(&doc.id, span);
    let mut sources = vec![own.clone()];
    if let Some(st) = statement_of(cmp, docs, c.doc, c.span)
        .and_then(|id| cmp.statements.iter().find(|s| &s.id == id))
    {
        // The statement's source in this document is the sentence cited already.
        let cited = |s: &SourceSpan| {
            s.doc == own.doc && s.span.start() <= span.start() && span.end() <= s.span.end()
        };
        sources.extend(st.sources.iter().filter(|s| !cited(s)).cloned());
    }
    SummaryItem {
        text: doc.span_text(span).to_string(),
        sources,
    }
}
