//! Cluster: documents into stories, incrementally.
//!
//! Documents arrive one at a time ([`StoryClusterer::add`]); each joins the story it is most
//! similar to, or starts a new one (the similarity needed is lower while the input is a handful
//! of documents, [`SMALL_INPUT`]). Similarity is the mean cosine between the document's unit
//! TF-IDF vector (document frequencies counted over the stream so far on top of a background
//! corpus's, [`crate::background`], so that a folder of three pages weighs common words as a large
//! stream does; title terms weigh double) and the story's members' vectors, that is average
//! linkage, computed in one dot product with the story's centroid (the sum of its members'
//! vectors); it is halved when the dates are more than two weeks apart. A mean, unlike the
//! cosine with the centroid, does not rise as a story gathers documents on related matters, so
//! a large story does not swallow its neighbours. Candidate stories are those sharing the
//! document's most distinctive terms; the ones sharing most of them are scored. A copy relation
//! with a story's document is a join by itself. When a document is close to two stories, they
//! merge into the older one, so story ids stay stable. Each assignment is explained by the
//! nearest document and the terms it shares most with the story. While the input is small, a
//! document whose words are close to a story's, though under the bar, joins it when they share
//! rare names ([`NAME_JOIN_SHARED`]): pages telling different angles of one event name the same
//! people and places. When the whole input is known (`parallax analyze`), a last pass moves each
//! document to the story it is then closest to ([`StoryClusterer::refine`]), and the first pass
//! over a large input joins only closer documents; the store's incremental ingest keeps its
//! stories as assigned.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use rustc_hash::FxHasher;

use crate::dedup::Fingerprint;

mod refine;
use crate::background::BACKGROUND;
use crate::model::Assignment;
use crate::terms::{for_each_term, for_each_term_of};
pub use refine::REFINE_SIMILARITY;

/// Documents up to which an input counts as small: a folder a person gathers by hand.
pub const SMALL_INPUT: usize = 20;
/// Mean cosine similarity from which a document joins a story while the input is small. Chosen on
/// the first 200 Multi-News validation clusters (each analyzed alone, and with the cluster whose
/// words overlap its own most), as the best sum of clusters kept whole and hard pairs kept
/// apart (0.12–0.18 within three clusters of each other under the mean cosine); on the next
/// 400 it kept 0.80 of clusters whole and 0.92 of hard pairs apart, on the raw development
/// set 0.66 and 0.91; since a page close to two stories merges them while the input is small
/// ([`StoryClusterer::merge_threshold`]), 0.825 and 0.905, and 0.69 and 0.89.
pub const JOIN_SIMILARITY_SMALL: f64 = 0.18;
/// Mean cosine similarity from which a document joins a story. Chosen on half of the pooled
/// Multi-News validation clusters (those at even places in the file; 0.21–0.26 tried, 0.24
/// best at BCubed F1 0.866) and checked on the other half (0.869; 0.858 with the cosine to the
/// centroid from 0.28, as before).
pub(crate) const JOIN_SIMILARITY: f64 = 0.24;
/// Mean cosine similarity from which a document joins a story in a large input known whole
/// ([`StoryClusterer::for_whole_input`]), whose stories [`StoryClusterer::refine`] revisits at
/// the end: the first pass keeps only the closer documents together, as refinement then moves
/// each document to the story it fits best (from [`REFINE_SIMILARITY`]). Chosen on the pooled
/// Multi-News validation clusters at odd places in the file (0.26–0.34 tried: BCubed F1 0.8871,
/// 0.8885, 0.8902, 0.8895, 0.8896, against 0.8853 at [`JOIN_SIMILARITY`]), checked on those
/// at even places (0.8844 -> 0.8854), on all of them (0.8576 -> 0.8630) and on the 98 raw
/// development clusters pooled (0.8671 -> 0.8703). The store's incremental ingest, which does
/// not refine, keeps [`JOIN_SIMILARITY`].
pub(crate) const JOIN_SIMILARITY_BEFORE_REFINING: f64 = 0.30;
/// Rare names ([`rare_names`]) a document of a small input must share with a story's documents
/// to join it from [`NAME_JOIN_SIMILARITY`] instead of [`JOIN_SIMILARITY_SMALL`]. Two, as one
/// name is often a surname shared by different people or a place two events share: on the 98
/// raw Multi-News development clusters each analyzed alone, one shared name keeps 72 whole
/// against 68, but joins one more hard pair and one more random pair of clusters, and of
/// PolNeAR articles paired with the one whose words overlap theirs most (`article_pairs.py`)
/// 3 more of 84 dev pairs a week apart; two keep 70 whole, join no more Multi-News or dev pairs,
/// and one more of 210 training pairs a month apart (two finance columns on one investor).
pub const NAME_JOIN_SHARED: usize = 2;
/// Mean cosine similarity from which a document of a small input joins a story whose documents
/// share [`NAME_JOIN_SHARED`] rare names with it. On the raw development clusters any bar from
/// 0.06 to 0.14 keeps the same clusters whole and the same pairs apart; the middle is taken.
pub const NAME_JOIN_SIMILARITY: f64 = 0.10;
/// Background documents ([`crate::background`]) that may hold a capitalised word for it to count as a
/// rare name: a name the news at large seldom mentions.
const RARE_NAME_BACKGROUND_DF: u32 = 2;
/// Mean cosine similarity to a second story from which that story merges into the first (on
/// the even half of the pooled validation clusters, 0.30–0.60 and no merging at all score
/// within 0.001 of each other). While the input is small, a document that would join either of
/// two stories joins them ([`StoryClusterer::merge_threshold`]).
pub(crate) const MERGE_SIMILARITY: f64 = 0.45;
/// A document's highest-weighted terms used to find candidate stories. Candidates bound the
/// cost of a document: on the pooled Multi-News validation clusters, scoring every story that
/// shares a term with it gives BCubed F1 0.849 at 3,000 documents/s; 16 terms give 0.846 at
/// the speed of 10 terms (0.843; both halves of the set gain alike); scoring 16 stories instead
/// of 8 adds 0.001 but slows the store's ingest by 4%.
const CANDIDATE_TERMS: usize = 16;
/// Candidate stories scored: those sharing the most of the document's distinctive terms.
const SCORED_STORIES: usize = 8;
/// Terms held by more stories than this are not used to find candidates.
const MAX_TERM_STORIES: usize = 100;
/// Members of a story searched for the nearest document when explaining an assignment.
const NEAREST_CANDIDATES: usize = 24;
/// Terms of each document kept to find the nearest one.
const KEPT_TERMS: usize = 32;
/// Shared terms that explain an assignment.
const SHARED_TERMS: usize = 6;
/// Dates further apart than this many days halve the similarity.
pub(crate) const MAX_DAYS_APART: i64 = 14;

type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// A term's number in the clusterer's vocabulary.
type TermId = u32;

/// A sparse vector of (term, weight) pairs; those [`dot`] takes are sorted by term.
type Vector = Vec<(TermId, f32)>;

/// A story under construction.
#[derive(Debug, Clone)]
struct StoryState {
    id: usize,
    members: Vec<usize>,
    /// The sum of its members' unit vectors: its dot product with a unit vector divided by the
    /// member count is that vector's mean cosine with the members.
    centroid: FxMap<TermId, f32>,
    day: Option<i64>,
    merged_into: Option<usize>,
}

impl StoryState {
    /// An empty story numbered `id`.
    fn new(id: usize, day: Option<i64>) -> StoryState {
        StoryState {
            id,
            members: Vec::new(),
            centroid: FxMap::default(),
            day,
            merged_into: None,
        }
    }

    /// Adds `w` to the centroid's weight of `t`; returns true when the term is new to the story.
    fn add_weight(&mut self, t: TermId, w: f32) -> bool {
        match self.centroid.get_mut(&t) {
            Some(old) => {
                *old += w;
                false
            }
            None => {
                self.centroid.insert(t, w);
                true
            }
        }
    }

    /// The dot product of a vector with the centroid.
    fn dot(&self, v: &Vector) -> f64 {
        v.iter()
            .filter_map(|(t, w)| self.centroid.get(t).map(|c| f64::from(*w) * f64::from(*c)))
            .sum()
    }
}

/// A document as the clusterer sees it.
#[derive(Debug, Clone)]
pub struct ClusterInput<'a> {
    /// Its id.
    pub id: &'a str,
    /// Title, weighed double.
    pub title: Option<&'a str>,
    /// Body text (read for its names while the input is small, even when `counts` are given).
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
/// does not depend on the stream. Each term comes with its hash, so the clusterer does not
/// hash it again.
#[derive(Debug, Clone, Default)]
pub struct TermCounts {
    /// The terms' texts, one after another.
    texts: String,
    /// Per term, sorted by hash: its hash, the byte range of its text in `texts`, its count.
    entries: Vec<(u64, u32, u32, f32)>,
}

/// Counts a document's terms.
pub fn term_counts(title: Option<&str>, text: &str) -> TermCounts {
    let mut counter = Counter::default();
    for_each_term(text, |hash, term| counter.add(hash, term, 1.0));
    counter.finish_with_title(title)
}

/// Counts a document's terms as [`term_counts`] does, taking the text's words from its copy
/// fingerprint instead of segmenting it again.
pub(crate) fn term_counts_of(print: &Fingerprint, title: Option<&str>, text: &str) -> TermCounts {
    let mut counter = Counter::with_capacity(print.words() / 2);
    for_each_term_of(text, &print.spans, &print.hashes, |hash, term| {
        counter.add(hash, term, 1.0)
    });
    counter.finish_with_title(title)
}

/// Term counts being gathered: each term's place by its hash.
#[derive(Default)]
struct Counter {
    counts: TermCounts,
    at: FxMap<u64, usize>,
}

impl Counter {
    /// A counter with room for about `terms` distinct terms.
    fn with_capacity(terms: usize) -> Counter {
        let mut at = FxMap::default();
        at.reserve(terms);
        Counter {
            counts: TermCounts {
                texts: String::with_capacity(terms * 7),
                entries: Vec::with_capacity(terms),
            },
            at,
        }
    }

    fn add(&mut self, hash: u64, term: &str, weight: f32) {
        let counts = &mut self.counts;
        let k = *self
            .at
            .entry(hash)
            .or_insert_with(|| counts.push(hash, term, 0.0));
        counts.entries[k].3 += weight;
    }

    /// The counts, with the title's terms counted double.
    fn finish_with_title(mut self, title: Option<&str>) -> TermCounts {
        for_each_term(title.unwrap_or(""), |hash, term| self.add(hash, term, 2.0));
        self.counts.entries.sort_unstable_by_key(|e| e.0);
        self.counts
    }
}

/// The same terms with the same counts, wherever their texts lie in the buffer.
impl PartialEq for TermCounts {
    fn eq(&self, other: &TermCounts) -> bool {
        self.iter().eq(other.iter())
    }
}

impl TermCounts {
    /// Adds a term with its count; returns its place.
    fn push(&mut self, hash: u64, term: &str, count: f32) -> usize {
        let start = self.texts.len() as u32;
        self.texts.push_str(term);
        self.entries
            .push((hash, start, self.texts.len() as u32, count));
        self.entries.len() - 1
    }

    /// Each term's hash, text and count, by hash.
    pub fn iter(&self) -> impl Iterator<Item = (u64, &str, f32)> + '_ {
        self.entries
            .iter()
            .map(|&(hash, a, b, count)| (hash, &self.texts[a as usize..b as usize], count))
    }

    /// The counts as bytes, to carry them between processes: per term its hash (8 bytes), its
    /// count (4), its length (4) and its UTF-8 text, little-endian.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(16 * self.entries.len() + self.texts.len());
        for (hash, term, count) in self.iter() {
            out.extend_from_slice(&hash.to_le_bytes());
            out.extend_from_slice(&count.to_le_bytes());
            out.extend_from_slice(&(term.len() as u32).to_le_bytes());
            out.extend_from_slice(term.as_bytes());
        }
        out
    }

    /// Counts written by [`TermCounts::to_bytes`]; `None` when the bytes are not such counts.
    pub fn from_bytes(mut bytes: &[u8]) -> Option<TermCounts> {
        let mut counts = TermCounts::default();
        while !bytes.is_empty() {
            let head = bytes.get(..16)?;
            let hash = u64::from_le_bytes(head[..8].try_into().ok()?);
            let count = f32::from_le_bytes(head[8..12].try_into().ok()?);
            let len = u32::from_le_bytes(head[12..16].try_into().ok()?) as usize;
            let term = std::str::from_utf8(bytes.get(16..16 + len)?).ok()?;
            counts.push(hash, term, count);
            bytes = &bytes[16 + len..];
        }
        counts.entries.sort_unstable_by_key(|e| e.0);
        Some(counts)
    }
}

/// Assigns a stream of documents to stories.
#[derive(Debug, Default)]
pub struct StoryClusterer {
    /// Term numbers by term hash.
    vocabulary: FxMap<u64, TermId>,
    /// Terms by number.
    names: Vec<String>,
    /// Document frequency by term number.
    df: Vec<u32>,
    /// Background document frequency by term number ([`crate::background`]).
    background_df: Vec<u32>,
    /// Each document's id.
    ids: Vec<String>,
    /// Each document's strongest terms, as a unit-length-scaled sparse vector, to find the
    /// nearest document of a story.
    kept: Vec<Vector>,
    index_of: HashMap<String, usize>,
    story_of: Vec<usize>,
    stories: Vec<StoryState>,
    /// Term -> stories whose centroid holds it (merged stories resolve through `live`); a list
    /// stops growing past [`MAX_TERM_STORIES`], the term being too common to use by then.
    term_stories: Vec<Vec<u32>>,
    /// Merges since the last [`StoryClusterer::take_merges`]: (merged story, story it joined).
    merges: Vec<(usize, usize)>,
    /// Per story, a count kept at zero between uses: scratch space to rank candidate stories.
    tally: Vec<u32>,
    /// `logs[k]` is the natural logarithm of `k`.
    logs: Vec<f64>,
    /// The input is known whole and will be refined: a large one joins from
    /// [`JOIN_SIMILARITY_BEFORE_REFINING`].
    whole_input: bool,
    /// Each of the first [`SMALL_INPUT`] documents' rare names ([`rare_names`]).
    rare_names: Vec<Vec<RareName>>,
}

/// A rare name: its term's hash, the word as the document writes it, and whether the document
/// names a place with it ([`after_place_preposition`]).
type RareName = (u64, String, bool);

/// Capitalised words of a name that may stand between a place preposition and a word of it
/// ("from Port Ellis" for "Ellis").
const NAME_WORDS_BEFORE: usize = 3;

/// True when the word after `before` is part of a name right after a place preposition ("in
/// Kessel", "from Port Ellis"; not "the Kessel festival" or "Lee said").
fn after_place_preposition(before: &str) -> bool {
    let mut words = before.split_whitespace().rev();
    for _ in 0..=NAME_WORDS_BEFORE {
        match words.next() {
            Some(w) if w.starts_with(char::is_uppercase) && !w.ends_with([',', '.', ';', ':']) => {}
            Some(w) => return crate::lexicon::is_in(&crate::lexicon::PLACE_PREPOSITIONS, w),
            None => return false,
        }
    }
    false
}

/// Rare names kept of one document at most: a page of capitalised nonsense words holds no more.
const MAX_RARE_NAMES: usize = 200;

/// The capitalised words of three letters or more inside the sentences of `text` whose terms
/// the background corpus holds in at most [`RARE_NAME_BACKGROUND_DF`] documents, each once, in
/// the order they come (at most [`MAX_RARE_NAMES`]): the people, places and organisations the
/// text names that the news at large seldom does, each marked a place when the text names one
/// with it anywhere ("in Kessel"). A word opening a sentence, a line, a clause after a colon or
/// a quotation ([`opens_sentence`]) is capitalised whatever it is, and is passed over.
fn rare_names(text: &str) -> Vec<RareName> {
    let mut seen: rustc_hash::FxHashMap<u64, usize> = rustc_hash::FxHashMap::default();
    let mut out: Vec<RareName> = Vec::new();
    for span in crate::segment::words(text) {
        let Some(word) = span.slice(text) else {
            continue;
        };
        if !word.chars().next().is_some_and(char::is_uppercase)
            || word.chars().count() < 3
            || opens_sentence(text.get(..span.start()).unwrap_or(""))
        {
            continue;
        }
        let before = text.get(..span.start()).unwrap_or("");
        // "at Okonkwo's request" is someone's.
        let after = text.get(span.end()..).unwrap_or("");
        let possessive = ["'s", "’s"]
            .iter()
            .any(|s| word.ends_with(s) || after.starts_with(s));
        let place = !possessive && after_place_preposition(before);
        for hash in crate::terms::term_hashes(word) {
            let df = crate::background::document_frequency(hash);
            if df > RARE_NAME_BACKGROUND_DF {
                continue;
            }
            match seen.get(&hash) {
                Some(&at) => out[at].2 |= place,
                None => {
                    seen.insert(hash, out.len());
                    out.push((hash, word.to_string(), place));
                }
            }
        }
        if out.len() >= MAX_RARE_NAMES {
            out.truncate(MAX_RARE_NAMES);
            break;
        }
    }
    out
}

/// True when a word after `before` opens a sentence, a line, a clause after a colon or a
/// quotation: nothing but spaces stands between it and the text's start, a line break, a full
/// stop (not one closing an abbreviation such as "Mr." or "U.S."), a question or exclamation
/// mark, a colon, or an opening quotation mark (a straight one opens when a space or nothing
/// stands before it; after a word it closes).
fn opens_sentence(before: &str) -> bool {
    let before = before.trim_end_matches(|c: char| c.is_whitespace() && c != '\n' && c != '\r');
    let Some(last) = before.chars().next_back() else {
        return true;
    };
    match last {
        '\n' | '\r' | '!' | '?' | ':' | '“' | '‘' | '«' | '„' => true,
        '"' | '\'' => before[..before.len() - 1]
            .chars()
            .next_back()
            .is_none_or(|c| c.is_whitespace() || "([".contains(c)),
        '.' => !closes_abbreviation(&before[..before.len() - 1]),
        _ => false,
    }
}

/// True when the word ending `before` (its full stop taken off) is an abbreviation a name may
/// follow: one to three letters, the first a capital, dots between them ("Mr", "Dr", "U.S").
fn closes_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || "(\"“".contains(c))
        .next()
        .unwrap_or("");
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    (1..=3).contains(&letters)
        && word.chars().next().is_some_and(char::is_uppercase)
        && word.chars().all(|c| c.is_alphabetic() || c == '.')
}

/// Dot product of two vectors sorted by term.
fn dot(a: &Vector, b: &Vector) -> f64 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += f64::from(a[i].1) * f64::from(b[j].1);
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

/// The vector's `k` highest-weighted terms, strongest first (ties to the older term).
fn ranked_top(vector: &Vector, k: usize) -> Vector {
    // One integer per term that sorts as the order wanted: the weight's bits, flipped so that a
    // greater weight is a smaller key (`f32::total_cmp`'s order), then the term.
    let key = |&(t, w): &(TermId, f32)| {
        let bits = w.to_bits();
        let ordered = if bits >> 31 == 1 {
            !bits
        } else {
            bits | 1 << 31
        };
        (u64::from(!ordered) << 32) | u64::from(t)
    };
    let mut keys: Vec<u64> = vector.iter().map(key).collect();
    if keys.len() > k {
        keys.select_nth_unstable(k - 1);
        keys.truncate(k);
    }
    keys.sort_unstable();
    keys.into_iter()
        .map(|key| {
            let ordered = !((key >> 32) as u32);
            let bits = if ordered >> 31 == 1 {
                ordered & !(1 << 31)
            } else {
                !ordered
            };
            (key as u32, f32::from_bits(bits))
        })
        .collect()
}

/// The [`KEPT_TERMS`] strongest of terms ranked by [`ranked_top`], sorted by term.
fn kept_terms(ranked: &[(TermId, f32)]) -> Vector {
    let mut kept = ranked[..ranked.len().min(KEPT_TERMS)].to_vec();
    kept.sort_unstable_by_key(|&(t, _)| t);
    kept
}

/// The earlier of two days, either when only one is known.
fn earliest(a: Option<i64>, b: Option<i64>) -> Option<i64> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// What a similarity is multiplied by for a document's day against a story's first day: a
/// half when they are more than [`MAX_DAYS_APART`] apart, else one.
fn date_factor(day: Option<i64>, story_day: Option<i64>) -> f64 {
    match (day, story_day) {
        (Some(a), Some(b)) if (a - b).abs() > MAX_DAYS_APART => 0.5,
        _ => 1.0,
    }
}

impl StoryClusterer {
    /// An empty clusterer.
    pub fn new() -> StoryClusterer {
        StoryClusterer::default()
    }

    /// An empty clusterer for an input known whole, whose stories [`StoryClusterer::refine`]
    /// revisits once every document is in (`parallax analyze`): while the input is large, a
    /// document joins a story only from [`JOIN_SIMILARITY_BEFORE_REFINING`].
    pub fn for_whole_input() -> StoryClusterer {
        StoryClusterer {
            whole_input: true,
            ..StoryClusterer::default()
        }
    }

    /// The document's unit TF-IDF vector, in the order of its term counts; counts it towards
    /// the document frequencies.
    fn vector(&mut self, input: &ClusterInput) -> Vector {
        match input.counts {
            Some(counts) => self.tf_idf(counts, true),
            None => self.tf_idf(&term_counts(input.title, input.text), true),
        }
    }

    /// The unit TF-IDF vector of term counts, in their order; `count` counts them towards the
    /// document frequencies first, as a new document's.
    fn tf_idf(&mut self, tf: &TermCounts, count: bool) -> Vector {
        // idf = ln((n + 1) / (df + 1)) + 1, with n counting the documents (this one too when
        // counted), both counted over the background corpus and the stream.
        let n = self.ids.len() + usize::from(count);
        let ln_n1 = self.ln(n + 1 + BACKGROUND.documents);
        let mut v: Vector = Vec::with_capacity(tf.entries.len());
        for (hash, term, f) in tf.iter() {
            let t = self.term_id(hash, term);
            if count {
                self.df[t as usize] += 1;
            }
            let df = (self.df[t as usize] + self.background_df[t as usize]) as usize;
            let idf = ln_n1 - self.ln(df + 1) + 1.0;
            let ln_f = if f.fract() == 0.0 && (1.0..64.0).contains(&f) {
                self.ln(f as usize)
            } else {
                f64::from(f).ln()
            };
            v.push((t, ((1.0 + ln_f) * idf) as f32));
        }
        let norm = v
            .iter()
            .map(|(_, w)| f64::from(*w) * f64::from(*w))
            .sum::<f64>()
            .sqrt();
        if norm > 0.0 {
            for (_, w) in &mut v {
                *w = (f64::from(*w) / norm) as f32;
            }
        }
        v
    }

    /// The natural logarithm of a whole number, from a table grown as needed.
    fn ln(&mut self, k: usize) -> f64 {
        while self.logs.len() <= k {
            self.logs.push((self.logs.len() as f64).ln());
        }
        self.logs[k]
    }

    /// The number of a term, given a new one when first seen.
    fn term_id(&mut self, hash: u64, term: &str) -> TermId {
        if let Some(&id) = self.vocabulary.get(&hash) {
            return id;
        }
        let id = self.names.len() as TermId;
        self.names.push(term.to_string());
        self.vocabulary.insert(hash, id);
        self.df.push(0);
        self.background_df
            .push(crate::background::document_frequency(hash));
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

    /// Stories sharing the most of the document's distinctive terms (its [`CANDIDATE_TERMS`]
    /// strongest, from terms ranked by [`ranked_top`]), at most [`SCORED_STORIES`].
    fn candidate_stories(&mut self, ranked: &[(TermId, f32)]) -> Vec<usize> {
        let mut tally = std::mem::take(&mut self.tally);
        tally.resize(self.stories.len(), 0);
        let mut touched: Vec<usize> = Vec::new();
        for &(t, _) in &ranked[..ranked.len().min(CANDIDATE_TERMS)] {
            let stories = &self.term_stories[t as usize];
            if stories.len() <= MAX_TERM_STORIES {
                for &s in stories {
                    let s = self.live(s as usize);
                    // A story refinement emptied holds no terms any more.
                    if self.stories[s].members.is_empty() {
                        continue;
                    }
                    if tally[s] == 0 {
                        touched.push(s);
                    }
                    tally[s] += 1;
                }
            }
        }
        let mut ranked: Vec<(u32, usize)> = touched.iter().map(|&s| (tally[s], s)).collect();
        for &s in &touched {
            tally[s] = 0;
        }
        self.tally = tally;
        let order = |a: &(u32, usize), b: &(u32, usize)| b.0.cmp(&a.0).then(a.1.cmp(&b.1));
        if ranked.len() > SCORED_STORIES {
            ranked.select_nth_unstable_by(SCORED_STORIES - 1, order);
            ranked.truncate(SCORED_STORIES);
        }
        ranked.sort_unstable_by(order);
        ranked.into_iter().map(|(_, s)| s).collect()
    }

    /// Adds one document and returns the story index it joined and why.
    pub fn add(&mut self, input: &ClusterInput) -> (usize, Assignment) {
        let vector = self.vector(input);
        let day = input.date.and_then(crate::date::day_number_of);
        let ranked = ranked_top(&vector, KEPT_TERMS);
        let strongest = kept_terms(&ranked);
        let candidates = self.candidate_stories(&ranked);
        // The candidates sharing the most distinctive terms are scored on all terms; a term
        // first seen in this document is in no story yet.
        let seen: Vector = vector
            .iter()
            .copied()
            .filter(|&(t, _)| self.df[t as usize] > 1)
            .collect();
        let mut scored: Vec<(f64, usize)> = candidates
            .into_iter()
            .map(|s| (self.similarity(s, &seen, day), s))
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
        let names = self.names_while_small(input.text);
        let mut shared_names = Vec::new();
        let (story, similarity) = match scored.first() {
            Some(&(sim, s)) if sim >= self.join_threshold() => (s, sim),
            _ => match self.named_story(&scored, &names) {
                Some((sim, s, shared)) => {
                    shared_names = shared;
                    (s, sim)
                }
                None => {
                    let id = self.stories.len();
                    self.stories.push(StoryState::new(id, day));
                    (id, 0.0)
                }
            },
        };
        // Stories this document also belongs to merge into the older one.
        let merge: Vec<usize> = scored
            .iter()
            .skip(1)
            .filter(|(sim, _)| *sim >= self.merge_threshold())
            .map(|&(_, s)| s)
            .collect();
        let target = merge.iter().copied().chain([story]).min().unwrap_or(story);
        for s in merge.into_iter().chain([story]).filter(|&s| s != target) {
            self.merge_into(s, target);
        }
        let (nearest, shared_terms) = self.explain(target, &seen, &strongest, None);
        self.join(target, input.id, vector, strongest, day, names);
        (
            target,
            Assignment {
                doc: input.id.to_string(),
                nearest,
                similarity,
                shared_terms,
                shared_names,
            },
        )
    }

    /// A unit vector's mean cosine with the members of a story (average linkage), halved when
    /// the document's day and the story's first day are more than [`MAX_DAYS_APART`] apart.
    fn similarity(&self, story: usize, vector: &Vector, day: Option<i64>) -> f64 {
        let size = self.stories[story].members.len();
        self.mean_similarity(story, vector, day, size, false)
    }

    /// [`StoryClusterer::similarity`] with a story of `size` members whose centroid holds them
    /// all, less the vector itself when it is one of them (`own`): refinement counts members
    /// as they move.
    fn mean_similarity(
        &self,
        story: usize,
        v: &Vector,
        day: Option<i64>,
        size: usize,
        own: bool,
    ) -> f64 {
        let state = &self.stories[story];
        let (sum, n) = if own {
            (state.dot(v) - dot(v, v), size.saturating_sub(1))
        } else {
            (state.dot(v), size)
        };
        if n == 0 {
            return 0.0;
        }
        sum / n as f64 * date_factor(day, state.day)
    }

    /// The similarity from which the next document joins a story: lower while the stream is
    /// a handful of documents ([`SMALL_INPUT`]), as a folder a person gathered is mostly about
    /// one event, where one document in a large stream is about one of thousands; higher in a
    /// large input that will be refined ([`StoryClusterer::for_whole_input`]).
    fn join_threshold(&self) -> f64 {
        if self.ids.len() < SMALL_INPUT {
            JOIN_SIMILARITY_SMALL
        } else if self.whole_input {
            JOIN_SIMILARITY_BEFORE_REFINING
        } else {
            JOIN_SIMILARITY
        }
    }

    /// The similarity to a second story from which that story merges into the one the document
    /// joins: while the input is small, the join threshold itself, so a document that would
    /// join either of two stories joins them, as average linkage over the whole folder would
    /// (the angles of one event each close to a page that tells both); in a large stream,
    /// [`MERGE_SIMILARITY`], as one document bridging two of thousands of stories is weak evidence.
    fn merge_threshold(&self) -> f64 {
        if self.ids.len() < SMALL_INPUT {
            JOIN_SIMILARITY_SMALL
        } else {
            MERGE_SIMILARITY
        }
    }

    /// Moves story `s` into story `target`: its members, its centroid's weights and its terms.
    fn merge_into(&mut self, s: usize, target: usize) {
        let moved = std::mem::take(&mut self.stories[s].members);
        let centroid = std::mem::take(&mut self.stories[s].centroid);
        self.stories[s].merged_into = Some(target);
        self.merges.push((s, target));
        let mut terms: Vec<(TermId, f32)> = centroid.into_iter().collect();
        terms.sort_unstable_by_key(|&(t, _)| t);
        for (t, w) in terms {
            if self.stories[target].add_weight(t, w) {
                self.note_story(t, target);
            }
        }
        // As restoring the stream would give: members in arrival order, the earliest day.
        let day = self.stories[s].day;
        let state = &mut self.stories[target];
        state.members.extend(moved);
        state.members.sort_unstable();
        state.day = earliest(state.day, day);
    }

    /// Records that a story's centroid holds a term.
    fn note_story(&mut self, t: TermId, story: usize) {
        let list = &mut self.term_stories[t as usize];
        if list.len() <= MAX_TERM_STORIES {
            list.push(story as u32);
        }
    }

    /// Puts back a document that an earlier run assigned to `story`, without searching.
    /// Restoring a stream's documents in arrival order, each with the story it ended in, gives
    /// the state adding them gave (a merged story's documents are restored into the story it
    /// joined; it stays an empty placeholder so story numbers do not move).
    pub fn restore(&mut self, input: &ClusterInput, story: usize) {
        let vector = self.vector(input);
        let day = input.date.and_then(crate::date::day_number_of);
        while self.stories.len() <= story {
            self.stories.push(StoryState::new(self.stories.len(), None));
        }
        let kept = kept_terms(&ranked_top(&vector, KEPT_TERMS));
        let names = self.names_while_small(input.text);
        self.join(story, input.id, vector, kept, day, names);
    }

    /// The next document's rare names ([`rare_names`]) while the input is small, else none.
    fn names_while_small(&self, text: &str) -> Vec<RareName> {
        if self.ids.len() < SMALL_INPUT {
            rare_names(text)
        } else {
            Vec::new()
        }
    }

    /// The closest of the `scored` stories (similarity, story; the closest first) that a
    /// document with rare names `names` joins on them: from [`NAME_JOIN_SIMILARITY`], sharing
    /// [`NAME_JOIN_SHARED`] of them with its documents ([`StoryClusterer::joined_by_names`]);
    /// with the names shared.
    fn named_story(
        &self,
        scored: &[(f64, usize)],
        names: &[RareName],
    ) -> Option<(f64, usize, Vec<String>)> {
        if names.len() < NAME_JOIN_SHARED {
            return None;
        }
        scored
            .iter()
            .take_while(|&&(sim, _)| sim >= NAME_JOIN_SIMILARITY)
            .map(|&(sim, s)| (sim, s, self.joined_by_names(s, names, None)))
            .find(|(_, _, shared)| !shared.is_empty())
    }

    /// The rare names of `names` shared with documents of `story` other than `own`, when they
    /// are enough to join it: [`NAME_JOIN_SHARED`] or more, one of them at least not a place in
    /// both (two local pages name their town whatever they report); else none.
    pub(super) fn joined_by_names(
        &self,
        story: usize,
        names: &[RareName],
        own: Option<usize>,
    ) -> Vec<String> {
        let shared = self.shared_names(story, names, own);
        let enough = shared.len() >= NAME_JOIN_SHARED && shared.iter().any(|&(_, _, place)| !place);
        if enough {
            shared.into_iter().map(|(_, word, _)| word).collect()
        } else {
            Vec::new()
        }
    }

    /// The rare names of `names` that documents of `story` other than `own` also hold, as
    /// `names` writes them, each a place when `names` marks it one and so does one of those
    /// documents (a page naming a town and another quoting a letter "from" a person of that
    /// name do not share a place).
    fn shared_names(&self, story: usize, names: &[RareName], own: Option<usize>) -> Vec<RareName> {
        if names.is_empty() {
            return Vec::new();
        }
        let mut held: rustc_hash::FxHashMap<u64, bool> = rustc_hash::FxHashMap::default();
        for member in self.stories[story]
            .members
            .iter()
            .filter(|&&m| Some(m) != own)
        {
            for &(hash, _, place) in self.rare_names.get(*member).into_iter().flatten() {
                *held.entry(hash).or_default() |= place;
            }
        }
        names
            .iter()
            .filter_map(|(hash, word, place)| {
                let held_place = held.get(hash)?;
                Some((*hash, word.clone(), *place && *held_place))
            })
            .collect()
    }

    /// Records a document as a member of `story`: the story's centroid, term postings and date,
    /// and the document's own entry; `kept` is the vector's strongest terms ([`kept_terms`]),
    /// `names` its rare names while the input is small.
    fn join(
        &mut self,
        story: usize,
        id: &str,
        vector: Vector,
        kept: Vector,
        day: Option<i64>,
        names: Vec<RareName>,
    ) {
        if self.ids.len() < SMALL_INPUT {
            debug_assert_eq!(self.rare_names.len(), self.ids.len());
            self.rare_names.push(names);
        }
        self.stories[story].members.push(self.ids.len());
        for &(t, w) in &vector {
            if self.stories[story].add_weight(t, w) {
                self.note_story(t, story);
            }
        }
        let state = &mut self.stories[story];
        state.day = earliest(state.day, day);
        self.index_of.insert(id.to_string(), self.ids.len());
        self.kept.push(kept);
        self.ids.push(id.to_string());
        self.story_of.push(story);
    }

    /// The merges since the last call: (merged story, the story it joined), in order.
    pub fn take_merges(&mut self) -> Vec<(usize, usize)> {
        std::mem::take(&mut self.merges)
    }

    /// Why a document belongs to `story`: its nearest member (by the strongest terms) and the
    /// terms it shares most with the story. `own` is the document's place when it is itself a
    /// member already (its own weight is then taken out of the story's).
    fn explain(
        &self,
        story: usize,
        vector: &Vector,
        strongest: &Vector,
        own: Option<usize>,
    ) -> (Option<String>, Vec<String>) {
        let members = &self.stories[story].members;
        // The most recent members stand for the story; this bounds the cost on big stories.
        let nearest = members
            .iter()
            .rev()
            .filter(|&&m| Some(m) != own)
            .take(NEAREST_CANDIDATES)
            .map(|&m| (dot(strongest, &self.kept[m]), m))
            .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)))
            .map(|(_, m)| self.ids[m].clone());
        let centroid = &self.stories[story].centroid;
        let mut shared: Vec<(f64, &String)> = vector
            .iter()
            .filter_map(|(t, w)| {
                let others = f64::from(*centroid.get(t)?) - own.map_or(0.0, |_| f64::from(*w));
                (others > 1e-6).then(|| (f64::from(*w) * others, &self.names[*t as usize]))
            })
            .collect();
        let order =
            |a: &(f64, &String), b: &(f64, &String)| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1));
        if shared.len() > SHARED_TERMS {
            shared.select_nth_unstable_by(SHARED_TERMS - 1, order);
            shared.truncate(SHARED_TERMS);
        }
        shared.sort_by(order);
        (
            nearest,
            shared.into_iter().map(|(_, t)| t.clone()).collect(),
        )
    }

    /// Number of live stories (not merged into another, not empty).
    pub fn story_count(&self) -> usize {
        self.stories
            .iter()
            .filter(|s| s.merged_into.is_none() && !s.members.is_empty())
            .count()
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

    #[test]
    fn the_strongest_terms_come_first_and_ties_go_to_the_older_term() {
        let vector: Vector = vec![
            (7, 0.5),
            (3, 0.25),
            (9, 0.5),
            (1, -0.75),
            (4, 0.0),
            (2, 1.5),
            (8, -0.0),
        ];
        let mut expected = vector.clone();
        expected.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        assert_eq!(ranked_top(&vector, 3), expected[..3].to_vec());
        assert_eq!(ranked_top(&vector, 10), expected);
    }
    use crate::terms::terms;

    #[test]
    fn term_counts_survive_bytes_and_bad_bytes_are_refused() {
        let counts = term_counts(
            Some("Élysée talks"),
            "The minister said the talks in Zürich failed.",
        );
        let bytes = counts.to_bytes();
        let back = TermCounts::from_bytes(&bytes).expect("counts read back");
        assert_eq!(back, counts);
        assert!(counts.iter().count() >= 4);
        assert!(TermCounts::from_bytes(&bytes[..bytes.len() - 1]).is_none());
        assert!(TermCounts::from_bytes(&[1, 2, 3]).is_none());
    }

    #[test]
    fn counts_from_a_fingerprint_are_the_counts_of_the_text() {
        let texts = [
            "The minister said the talks in Zürich failed. RUSSIA'S envoy left; Russia's didn't.",
            "ΣΟΦΊΑ and Sofia met the CEO's team: 42 items, 3.5% up, U.S. officials said.",
            "",
        ];
        for text in texts {
            let print = crate::dedup::fingerprint(text);
            assert_eq!(
                term_counts_of(&print, Some("Talks fail"), text),
                term_counts(Some("Talks fail"), text),
                "{text}"
            );
        }
    }

    /// A document of `text` with nothing else known, for the tests of this module and its own.
    pub(super) fn input<'a>(id: &'a str, text: &'a str) -> ClusterInput<'a> {
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
    fn a_word_common_in_news_weighs_less_than_a_rare_name_even_in_the_first_document() {
        assert!(BACKGROUND.documents > 0 && !BACKGROUND.df.is_empty());
        let mut clusterer = StoryClusterer::new();
        // Each word once, in a stream of one document: only the background tells them apart.
        let v = clusterer.vector(&input("a", "government Zarnowiec"));
        let weight = |word: &str| {
            let t = clusterer.vocabulary[&crate::terms::hash_term(word)];
            v.iter().find(|&&(id, _)| id == t).unwrap().1
        };
        let (common, rare) = (weight("govern"), weight("zarnowiec"));
        assert!(common < rare * 0.8, "common {common}, rare {rare}");
    }

    /// Two angles of one event: a court's ruling on a ferry captain, and his town's reaction.
    const RULING: &str = "A court in the north cleared the ferry captain of negligence on \
        Tuesday. Judge Halvard Okonkwo said the storm had made the crossing impossible to \
        foresee, and the captain, Tomas Wendrick, left the courthouse without comment.";
    const REACTION: &str = "Shopkeepers hung flags along the quay as the news spread. In \
        the small town, where Wendrick grew up, neighbours said the ruling by Okonkwo ended \
        a long winter of rumours, and the mayor invited residents to a supper at the school.";

    #[test]
    fn rare_names_are_capitalised_words_inside_sentences_the_news_seldom_holds() {
        let names: Vec<String> = rare_names(
            "Yesterday the council met. Tomas Wendrick spoke, and “Ostervik” cheered Wendrick. \
             The Tuesday vote passed. \"Nothing was left,\" Okonkwo said, and Mr. Brakstad \
             agreed.",
        )
        .into_iter()
        .map(|(_, word, _)| word)
        .collect();
        // "Yesterday", "Tomas", "Ostervik", "The" and "Nothing" open a sentence or a quotation;
        // "Tuesday" is common in the news; a name after a closing mark or after "Mr." is inside
        // its sentence; each name comes once.
        assert_eq!(names, ["Wendrick", "Okonkwo", "Brakstad"]);
    }

    #[test]
    fn in_a_small_input_two_angles_sharing_rare_names_join_under_the_bar() {
        let mut clusterer = StoryClusterer::new();
        clusterer.add(&input("ruling", RULING));
        let (story, why) = clusterer.add(&input("reaction", REACTION));
        assert!(
            (NAME_JOIN_SIMILARITY..JOIN_SIMILARITY_SMALL).contains(&why.similarity),
            "{why:?}"
        );
        assert_eq!(story, 0, "{why:?}");
        assert_eq!(why.shared_names, ["Wendrick", "Okonkwo"]);
        // The same pages naming other people stay apart: the words alone are not close enough.
        let mut other = StoryClusterer::new();
        other.add(&input("ruling", RULING));
        let renamed = REACTION
            .replace("Wendrick", "Lindqvist")
            .replace("Okonkwo", "Marchetti");
        let (story, why) = other.add(&input("reaction", &renamed));
        assert_eq!(story, 1, "{why:?}");
        assert!(why.shared_names.is_empty());
        // One name shared is not enough: a surname or a place two events share.
        let mut one = StoryClusterer::new();
        one.add(&input("ruling", RULING));
        let (story, why) = one.add(&input(
            "reaction",
            &REACTION.replace("Okonkwo", "Marchetti"),
        ));
        assert_eq!(story, 1, "{why:?}");
        // Two names shared that both pages name places with are the town two local pages
        // report from, whatever else they report.
        let placed = |text: &str| {
            text.replace("Tomas Wendrick", "Tomas Berg from Wendrick")
                .replace("where Wendrick grew up", "in Wendrick, where he grew up")
                .replace("Judge Halvard Okonkwo", "A judge from Okonkwo")
                .replace("the ruling by Okonkwo", "the ruling in Okonkwo")
        };
        let mut places = StoryClusterer::new();
        places.add(&input("ruling", &placed(RULING)));
        let (story, why) = places.add(&input("reaction", &placed(REACTION)));
        assert_eq!(story, 1, "{why:?}");
        // A name one page writes after "from" and the other as a person's is no shared place.
        let mut letter = StoryClusterer::new();
        letter.add(&input(
            "ruling",
            &RULING.replace(
                "the captain, Tomas Wendrick,",
                "a letter from Wendrick was read and",
            ),
        ));
        let (story, why) = letter.add(&input("reaction", REACTION));
        assert_eq!(story, 0, "{why:?}");
        assert!(after_place_preposition("crews drove out from Port Ellis"));
        assert!(!after_place_preposition("the court heard that Ann Lee"));
        assert!(!after_place_preposition("Lee said in court, Tom"));
    }

    #[test]
    fn a_handful_of_documents_joins_more_easily_than_a_large_stream() {
        let mut clusterer = StoryClusterer::new();
        assert_eq!(clusterer.join_threshold(), JOIN_SIMILARITY_SMALL);
        for i in 0..SMALL_INPUT {
            let text = format!("Harbour report number {i} about tides and ferries.");
            clusterer.add(&input(&format!("d{i}"), &text));
        }
        assert_eq!(clusterer.join_threshold(), JOIN_SIMILARITY);
        const { assert!(JOIN_SIMILARITY_SMALL < JOIN_SIMILARITY) };
    }

    #[test]
    fn a_large_input_known_whole_joins_only_closer_documents_before_refinement() {
        let mut whole = StoryClusterer::for_whole_input();
        let mut streamed = StoryClusterer::new();
        // A folder's handful joins as easily either way.
        assert_eq!(whole.join_threshold(), JOIN_SIMILARITY_SMALL);
        for i in 0..SMALL_INPUT {
            let text = format!("Harbour report number {i} about tides and ferries.");
            whole.add(&input(&format!("d{i}"), &text));
            streamed.add(&input(&format!("d{i}"), &text));
        }
        assert_eq!(whole.join_threshold(), JOIN_SIMILARITY_BEFORE_REFINING);
        assert_eq!(streamed.join_threshold(), JOIN_SIMILARITY);
        const { assert!(JOIN_SIMILARITY < JOIN_SIMILARITY_BEFORE_REFINING) };
        // Refinement still gathers what the stricter first pass kept apart.
        const { assert!(super::REFINE_SIMILARITY < JOIN_SIMILARITY_BEFORE_REFINING) };
    }

    #[test]
    fn a_story_is_scored_by_the_mean_cosine_with_its_members() {
        let mut c = StoryClusterer::new();
        let (s, _) = c.add(&input("a", "Glacier lichen survey"));
        let (other, _) = c.add(&input("b", "Velodrome ticket prices"));
        assert_ne!(other, s);
        c.merge_into(other, s);
        let v = c.vector(&input("q", "Glacier lichen survey"));
        // The same words as one member, none of the other's: the mean of 1 and 0. The cosine
        // with the centroid would be 1/sqrt(2).
        let sim = c.similarity(s, &v, None);
        assert!((sim - 0.5).abs() < 0.05, "{sim}");
        // More than two weeks apart, half that.
        c.stories[s].day = Some(0);
        assert!((c.similarity(s, &v, Some(30)) - sim / 2.0).abs() < 1e-9);
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
    fn in_a_small_input_a_page_close_to_two_stories_joins_them() {
        let mut c = StoryClusterer::new();
        let (verdict, _) = c.add(&input(
            "verdict",
            "A jury convicted the former treasurer Alma Quist of embezzling from the county.",
        ));
        let (reaction, _) = c.add(&input(
            "reaction",
            "Retired teachers in Dunmore cheered outside and demanded their pensions back.",
        ));
        assert_ne!(verdict, reaction, "the two angles alone are apart");
        let (both, _) = c.add(&input(
            "both",
            "After a jury convicted Alma Quist, retired teachers in Dunmore cheered; sentencing was set for March, her lawyer planned an appeal, the state auditor promised a review of every account and the governor named an interim replacement.",
        ));
        assert_eq!(c.story_count(), 1, "{:?}", c.stories());
        assert_eq!(both, verdict.min(reaction));
        assert_eq!(
            c.take_merges(),
            vec![(verdict.max(reaction), verdict.min(reaction))]
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
}
