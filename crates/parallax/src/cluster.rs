//! Cluster: documents into stories, incrementally.
//!
//! Documents arrive one at a time ([`StoryClusterer::add`]); each joins the story it is most
//! similar to, or starts a new one. Similarity is the cosine between the document's TF-IDF
//! vector (document frequencies counted over the stream so far; title terms and names weigh
//! double) and the story's centroid, halved when the dates are more than two weeks apart. A copy
//! relation with a story's document is a join by itself. When a document is close to two stories,
//! they merge into the older one, so story ids stay stable. Each assignment is explained by the
//! nearest document and the terms it shares most with the story.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use rustc_hash::FxHasher;

use crate::model::Assignment;
use crate::terms::terms;

/// Cosine similarity from which a document joins a story.
pub const JOIN_SIMILARITY: f64 = 0.28;
/// Cosine similarity to a second story from which that story merges into the first.
pub const MERGE_SIMILARITY: f64 = 0.45;
/// A document's highest-weighted terms used to find candidate stories.
const CANDIDATE_TERMS: usize = 10;
/// Terms held by more stories than this are not used to find candidates.
const MAX_TERM_STORIES: usize = 100;
/// Members of a story searched for the nearest document when explaining an assignment.
const NEAREST_CANDIDATES: usize = 50;
/// Dates further apart than this many days halve the similarity.
pub const MAX_DAYS_APART: i64 = 14;

/// Hash maps keyed by terms use FxHash: the keys are our own words, not adversarial input
/// that needs SipHash's protection, and hashing them is most of the clusterer's time.
type TermMap<V> = HashMap<String, V, BuildHasherDefault<FxHasher>>;

/// A term's number in the clusterer's vocabulary.
type TermId = u32;

/// A sparse term vector over term numbers.
type Vector = HashMap<TermId, f64, BuildHasherDefault<FxHasher>>;

/// A story under construction.
#[derive(Debug, Clone)]
struct StoryState {
    id: usize,
    members: Vec<usize>,
    centroid: Vector,
    /// Squared norm of the centroid, kept up to date as documents join.
    norm_sq: f64,
    day: Option<i64>,
    merged_into: Option<usize>,
}

impl StoryState {
    /// An empty story numbered `id`.
    fn new(id: usize, day: Option<i64>) -> StoryState {
        StoryState {
            id,
            members: Vec::new(),
            centroid: Vector::default(),
            norm_sq: 0.0,
            day,
            merged_into: None,
        }
    }

    /// Adds `w` to the centroid's weight of `t`; returns true when the term is new to the story.
    fn add_weight(&mut self, t: TermId, w: f64) -> bool {
        match self.centroid.get_mut(&t) {
            Some(old) => {
                self.norm_sq += (*old + w) * (*old + w) - *old * *old;
                *old += w;
                false
            }
            None => {
                self.norm_sq += w * w;
                self.centroid.insert(t, w);
                true
            }
        }
    }
}

/// A document as the clusterer sees it.
#[derive(Debug, Clone)]
pub struct ClusterInput<'a> {
    /// Its id.
    pub id: &'a str,
    /// Title, weighed double.
    pub title: Option<&'a str>,
    /// Body text.
    pub text: &'a str,
    /// `YYYY-MM-DD` publication date.
    pub date: Option<&'a str>,
    /// Ids of earlier documents it copies from or shares passages with.
    pub copies_of: Vec<&'a str>,
    /// Its term counts when already computed ([`term_counts`], which can run on any thread);
    /// else they are counted from `title` and `text`.
    pub counts: Option<&'a TermCounts>,
}

/// A document's stemmed term counts, title terms counted double: the part of its vector that
/// does not depend on the stream.
#[derive(Debug, Clone, Default)]
pub struct TermCounts(TermMap<f64>);

/// Counts a document's terms.
pub fn term_counts(title: Option<&str>, text: &str) -> TermCounts {
    let mut tf: TermMap<f64> = TermMap::default();
    for t in terms(text) {
        *tf.entry(t).or_default() += 1.0;
    }
    for t in title.map(terms).unwrap_or_default() {
        *tf.entry(t).or_default() += 2.0;
    }
    TermCounts(tf)
}

/// Assigns a stream of documents to stories.
#[derive(Debug, Default)]
pub struct StoryClusterer {
    /// Term numbers by term.
    vocabulary: TermMap<TermId>,
    /// Terms by number.
    names: Vec<String>,
    /// Document frequency by term number.
    df: Vec<u32>,
    /// Each document's id, vector and the vector's norm.
    docs: Vec<(String, Vector, f64)>,
    index_of: HashMap<String, usize>,
    story_of: Vec<usize>,
    stories: Vec<StoryState>,
    /// Term -> stories whose centroid holds it (merged stories resolve through `live`).
    term_stories: Vec<Vec<usize>>,
    /// Merges since the last [`StoryClusterer::take_merges`]: (merged story, story it joined).
    merges: Vec<(usize, usize)>,
}

/// Days since 1970-01-01 of a `YYYY-MM-DD` date.
pub fn day_number(date: &str) -> Option<i64> {
    let y: i64 = date.get(0..4)?.parse().ok()?;
    let m: i64 = date.get(5..7)?.parse().ok()?;
    let d: i64 = date.get(8..10)?.parse().ok()?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    // Days from civil date (Howard Hinnant's algorithm).
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// The calendar date (year, month, day) `days` days after 1970-01-01; the inverse of
/// [`day_number`] (Howard Hinnant's algorithm).
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// The `YYYY-MM-DD` date of a day number (days since 1970-01-01).
pub fn date_of_day(days: i64) -> String {
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}")
}

fn norm(v: &Vector) -> f64 {
    v.values().map(|w| w * w).sum::<f64>().sqrt()
}

fn dot(a: &Vector, b: &Vector) -> f64 {
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    small
        .iter()
        .filter_map(|(t, w)| large.get(t).map(|v| w * v))
        .sum()
}

impl StoryClusterer {
    /// An empty clusterer.
    pub fn new() -> StoryClusterer {
        StoryClusterer::default()
    }

    fn vector(&mut self, input: &ClusterInput) -> Vector {
        let tf = match input.counts {
            Some(counts) => counts.0.clone(),
            None => term_counts(input.title, input.text).0,
        };
        let ids: Vec<(TermId, f64)> = tf.into_iter().map(|(t, f)| (self.term_id(t), f)).collect();
        for &(t, _) in &ids {
            self.df[t as usize] += 1;
        }
        let n = self.docs.len() as f64 + 1.0;
        ids.into_iter()
            .map(|(t, f)| {
                let df = self.df[t as usize] as f64;
                let idf = ((n + 1.0) / (df + 1.0)).ln() + 1.0;
                (t, (1.0 + f.ln()) * idf)
            })
            .collect()
    }

    /// The number of a term, given a new one when first seen.
    fn term_id(&mut self, term: String) -> TermId {
        if let Some(&id) = self.vocabulary.get(&term) {
            return id;
        }
        let id = self.names.len() as TermId;
        self.names.push(term.clone());
        self.vocabulary.insert(term, id);
        self.df.push(0);
        self.term_stories.push(Vec::new());
        id
    }

    /// Follows merges to the story a story now lives in.
    fn live(&self, mut s: usize) -> usize {
        while let Some(next) = self.stories[s].merged_into {
            s = next;
        }
        s
    }

    /// Adds one document and returns the story index it joined and why.
    pub fn add(&mut self, input: &ClusterInput) -> (usize, Assignment) {
        let vector = self.vector(input);
        let day = input.date.and_then(day_number);
        let doc_norm = norm(&vector);
        // Candidate stories share one of the document's most distinctive terms; terms found in
        // very many stories say little and would make the search quadratic.
        let mut distinctive: Vec<(TermId, f64)> = vector.iter().map(|(&t, &w)| (t, w)).collect();
        distinctive.sort_by(|a, b| {
            b.1.total_cmp(&a.1)
                .then_with(|| self.names[a.0 as usize].cmp(&self.names[b.0 as usize]))
        });
        let mut candidates: Vec<usize> = distinctive
            .iter()
            .take(CANDIDATE_TERMS)
            .map(|&(t, _)| &self.term_stories[t as usize])
            .filter(|stories| stories.len() <= MAX_TERM_STORIES)
            .flatten()
            .map(|&s| self.live(s))
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        let mut scored: Vec<(f64, usize)> = candidates
            .into_iter()
            .map(|s| {
                let state = &self.stories[s];
                let denominator = doc_norm * state.norm_sq.sqrt();
                let mut sim = if denominator > 0.0 {
                    dot(&vector, &state.centroid) / denominator
                } else {
                    0.0
                };
                if let (Some(a), Some(b)) = (day, state.day) {
                    if (a - b).abs() > MAX_DAYS_APART {
                        sim *= 0.5;
                    }
                }
                (sim, s)
            })
            .collect();
        for copied in &input.copies_of {
            if let Some(&idx) = self.index_of.get(*copied) {
                let s = self.live(self.story_of[idx]);
                match scored.iter_mut().find(|(_, id)| *id == s) {
                    Some(entry) => entry.0 = entry.0.max(1.0),
                    None => scored.push((1.0, s)),
                }
            }
        }
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let doc_index = self.docs.len();
        let (story, similarity) = match scored.first() {
            Some(&(sim, s)) if sim >= JOIN_SIMILARITY => (s, sim),
            _ => {
                let id = self.stories.len();
                self.stories.push(StoryState::new(id, day));
                (id, 0.0)
            }
        };
        // Stories this document also belongs to merge into the older one.
        let merge: Vec<usize> = scored
            .iter()
            .skip(1)
            .filter(|(sim, _)| *sim >= MERGE_SIMILARITY)
            .map(|&(_, s)| s)
            .collect();
        let target = merge.iter().copied().chain([story]).min().unwrap_or(story);
        for s in merge.into_iter().chain([story]).filter(|&s| s != target) {
            let moved = std::mem::take(&mut self.stories[s].members);
            let centroid = std::mem::take(&mut self.stories[s].centroid);
            self.stories[s].merged_into = Some(target);
            self.merges.push((s, target));
            for (t, w) in centroid {
                if self.stories[target].add_weight(t, w) {
                    self.term_stories[t as usize].push(target);
                }
            }
            self.stories[target].members.extend(moved);
        }
        let (nearest, shared_terms) = self.explain(target, &vector);
        debug_assert_eq!(doc_index, self.docs.len());
        self.join(target, input.id, vector, day);
        (
            target,
            Assignment {
                doc: input.id.to_string(),
                nearest,
                similarity,
                shared_terms,
            },
        )
    }

    /// Puts back a document that an earlier run assigned to `story`, without searching.
    /// Restoring a stream's documents in arrival order, each with the story it ended in, gives
    /// the state adding them gave (a merged story's documents are restored into the story it
    /// joined; it stays an empty placeholder so story numbers do not move).
    pub fn restore(&mut self, input: &ClusterInput, story: usize) {
        let vector = self.vector(input);
        let day = input.date.and_then(day_number);
        while self.stories.len() <= story {
            self.stories.push(StoryState::new(self.stories.len(), None));
        }
        self.join(story, input.id, vector, day);
    }

    /// Records a document as a member of `story`: the story's centroid, term postings and date,
    /// and the document's own entry.
    fn join(&mut self, story: usize, id: &str, vector: Vector, day: Option<i64>) {
        let state = &mut self.stories[story];
        state.members.push(self.docs.len());
        for (t, w) in &vector {
            if state.add_weight(*t, *w) {
                self.term_stories[*t as usize].push(story);
            }
        }
        let state = &mut self.stories[story];
        state.day = match (state.day, day) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        self.index_of.insert(id.to_string(), self.docs.len());
        let n = norm(&vector);
        self.docs.push((id.to_string(), vector, n));
        self.story_of.push(story);
    }

    /// The merges since the last call: (merged story, the story it joined), in order.
    pub fn take_merges(&mut self) -> Vec<(usize, usize)> {
        std::mem::take(&mut self.merges)
    }

    fn explain(&self, story: usize, vector: &Vector) -> (Option<String>, Vec<String>) {
        let members = &self.stories[story].members;
        let vector_norm = norm(vector);
        // The most recent members stand for the story; this bounds the cost on big stories.
        let nearest = members
            .iter()
            .rev()
            .take(NEAREST_CANDIDATES)
            .map(|&m| {
                let (_, other, other_norm) = &self.docs[m];
                let denominator = vector_norm * other_norm;
                let sim = if denominator > 0.0 {
                    dot(vector, other) / denominator
                } else {
                    0.0
                };
                (sim, m)
            })
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, m)| self.docs[m].0.clone());
        let centroid = &self.stories[story].centroid;
        let mut shared: Vec<(f64, &String)> = vector
            .iter()
            .filter_map(|(t, w)| centroid.get(t).map(|c| (w * c, &self.names[*t as usize])))
            .collect();
        shared.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
        (
            nearest,
            shared.into_iter().take(6).map(|(_, t)| t.clone()).collect(),
        )
    }

    /// The stories so far: for each live story, its index and member document indices in arrival order.
    pub fn stories(&self) -> Vec<(usize, Vec<usize>)> {
        self.stories
            .iter()
            .filter(|s| s.merged_into.is_none() && !s.members.is_empty())
            .map(|s| {
                let mut m = s.members.clone();
                m.sort_unstable();
                (s.id, m)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input<'a>(id: &'a str, text: &'a str) -> ClusterInput<'a> {
        ClusterInput {
            id,
            title: None,
            text,
            date: None,
            copies_of: vec![],
            counts: None,
        }
    }

    #[test]
    fn related_documents_share_a_story_and_others_do_not() {
        let mut c = StoryClusterer::new();
        let (a, _) = c.add(&input(
            "a",
            "Flooding in Valencia killed dozens as torrential rain hit eastern Spain on Tuesday.",
        ));
        let (b, why) = c.add(&input("b", "Torrential rain and flooding in Valencia, eastern Spain, left dozens dead, officials said."));
        let (z, _) = c.add(&input(
            "z",
            "The chess olympiad opened in Budapest with teams from ninety countries competing.",
        ));
        assert_eq!(a, b);
        assert_ne!(a, z);
        assert_eq!(why.nearest.as_deref(), Some("a"));
        let (ta, tb) = (terms("Flooding in Valencia killed dozens as torrential rain hit eastern Spain on Tuesday."), terms("Torrential rain and flooding in Valencia, eastern Spain, left dozens dead, officials said."));
        assert!(!why.shared_terms.is_empty());
        assert!(
            why.shared_terms
                .iter()
                .all(|t| ta.contains(t) && tb.contains(t)),
            "{:?}",
            why.shared_terms
        );
    }

    #[test]
    fn restoring_a_stream_gives_the_state_adding_it_gave() {
        let texts = [
            ("a", "Flooding in Valencia killed dozens as torrential rain hit eastern Spain on Tuesday."),
            ("b", "Torrential rain and flooding in Valencia, eastern Spain, left dozens dead, officials said."),
            ("z", "The chess olympiad opened in Budapest with teams from ninety countries competing."),
        ];
        let mut added = StoryClusterer::new();
        let mut restored = StoryClusterer::new();
        for (id, text) in texts {
            let (story, _) = added.add(&input(id, text));
            restored.restore(&input(id, text), story);
        }
        let next = input(
            "c",
            "Rescuers in Valencia searched for the missing after the torrential rain and flooding.",
        );
        let (from_added, why_added) = added.add(&next);
        let (from_restored, why_restored) = restored.add(&next);
        assert_eq!(from_added, from_restored);
        assert_eq!(why_added, why_restored);
        assert_eq!(added.stories(), restored.stories());
    }

    #[test]
    fn day_numbers() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(
            day_number("2022-06-15").unwrap() - day_number("2022-06-01").unwrap(),
            14
        );
        assert_eq!(day_number("June"), None);
        for date in ["1970-01-01", "2000-02-29", "2022-06-15", "2024-12-31"] {
            assert_eq!(date_of_day(day_number(date).unwrap()), date);
        }
    }
}
