//! Terms: the normalised words that similarity, clustering and grouping compare.
//!
//! A term is a lower-cased word, stemmed with the Porter stemmer, that is not a stop word or a
//! single character. A name is a term like any other word (the story clusterer reads which
//! words are written as names itself, `cluster::rare_names`).

use crate::porter;
use crate::segment::words;
use crate::span::Span;

/// Common English function words, left out of term vectors.
pub(crate) const STOPWORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "according",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "dr",
    "during",
    "each",
    "even",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "last",
    "least",
    "less",
    "many",
    "may",
    "me",
    "might",
    "more",
    "most",
    "mr",
    "mrs",
    "ms",
    "much",
    "must",
    "my",
    "myself",
    "new",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "s",
    "said",
    "same",
    "say",
    "says",
    "she",
    "should",
    "since",
    "so",
    "some",
    "still",
    "such",
    "t",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "told",
    "too",
    "two",
    "under",
    "until",
    "up",
    "us",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "year",
    "years",
    "yet",
    "you",
    "your",
    "yours",
    "yourself",
];

/// True for a stop word (already lower-cased).
pub(crate) fn is_stopword(word: &str) -> bool {
    STOPWORDS.binary_search(&word).is_ok()
}

/// The stemmed, lower-cased terms of `text`, stop words and one-letter words left out.
pub fn terms(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_term(text, |_, term| out.push(term.to_string()));
    out
}

/// The hashes of the terms of `text` ([`terms`], [`hash_term`]): what set overlaps and term
/// weights need, without a string per term.
pub(crate) fn term_hashes(text: &str) -> Vec<u64> {
    let mut out = Vec::new();
    for_each_term(text, |hash, _| out.push(hash));
    out
}

/// The hash of a word lower-cased, without building the lower-cased string.
pub(crate) fn lower_hash(word: &str) -> u64 {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    if word.is_ascii() {
        // Most words: the same hash as below, without decoding characters.
        for b in word.bytes() {
            h.write_u32(u32::from(b.to_ascii_lowercase()));
        }
    } else {
        for c in word.chars().flat_map(char::to_lowercase) {
            h.write_u32(u32::from(c));
        }
    }
    h.finish()
}

/// Calls `f` with each term of `text` ([`terms`]) and the term's hash, without allocating
/// per word.
pub(crate) fn for_each_term(text: &str, mut f: impl FnMut(u64, &str)) {
    STEMS.with(|stems| {
        let mut stems = stems.borrow_mut();
        let mut lower = String::new();
        for span in words(text) {
            if let Some(word) = span.slice(text) {
                word_term(&mut stems, word, &mut lower, &mut f);
            }
        }
    })
}

/// The stem cache's key for a word: a 128-bit XXH3 of the word lower-cased (`scratch` holds it
/// when it is long or not ASCII). A word's term depends on its lower-cased form alone, and a
/// hash whose collisions a page cannot build keeps one page from changing the terms of words
/// in the documents after it.
fn word_key(word: &str, scratch: &mut String) -> u128 {
    let mut buf = [0u8; 64];
    if let Some(lowered) = ascii_lowered(word, &mut buf) {
        return xxhash_rust::xxh3::xxh3_128(lowered);
    }
    scratch.clear();
    scratch.extend(word.chars().flat_map(char::to_lowercase));
    xxhash_rust::xxh3::xxh3_128(scratch.as_bytes())
}

/// An ASCII word lower-cased into `buf`, when it is ASCII and fits.
fn ascii_lowered<'b, const N: usize>(word: &str, buf: &'b mut [u8; N]) -> Option<&'b [u8]> {
    if word.len() > N || !word.is_ascii() {
        return None;
    }
    for (b, c) in buf.iter_mut().zip(word.bytes()) {
        *b = c.to_ascii_lowercase();
    }
    Some(&buf[..word.len()])
}

/// Hash of a word, lower-cased, without allocating: the word hashes of a copy fingerprint.
pub(crate) fn word_hash(word: &str) -> u64 {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    let mut buf = [0u8; 32];
    if let Some(lowered) = ascii_lowered(word, &mut buf) {
        h.write(lowered);
    } else {
        for c in word.chars().flat_map(char::to_lowercase) {
            h.write_u32(c as u32);
        }
    }
    h.finish()
}

/// The hash of the term of each word of `text` at `spans` (word tokens, as [`words`] gives
/// them), or `None` for a word without one: what [`for_each_term`] gives for each word alone,
/// without segmenting the words again.
pub(crate) fn word_term_hashes(text: &str, spans: &[Span]) -> Vec<Option<u64>> {
    STEMS.with(|stems| {
        let mut stems = stems.borrow_mut();
        let mut lower = String::new();
        spans
            .iter()
            .map(|span| {
                let mut term = None;
                if let Some(word) = span.slice(text) {
                    word_term(&mut stems, word, &mut lower, &mut |hash, _| {
                        term.get_or_insert(hash);
                    });
                }
                term
            })
            .collect()
    })
}

/// Calls `f` with the term of one word token (if it has one), from the stem cache (by the
/// word's [`word_key`]) or stemmed and remembered; `lower` is scratch room.
fn word_term(
    stems: &mut rustc_hash::FxHashMap<u128, Option<(u64, String)>>,
    word: &str,
    lower: &mut String,
    f: &mut impl FnMut(u64, &str),
) {
    let key = word_key(word, lower);
    match stems.get(&key) {
        Some(Some((hash, term))) => f(*hash, term),
        Some(None) => {}
        None => {
            lower_letters(word, lower);
            stem_and_remember(stems, key, lower, f);
        }
    }
}

/// Calls `f` with each term of the words of `text` at `spans`, whose lower-cased hashes
/// (`word_hashes`, one per span, as a copy fingerprint computes them) key the stem cache: the
/// terms of [`for_each_term`], without segmenting or hashing the text again.
pub(crate) fn for_each_term_of(
    text: &str,
    spans: &[Span],
    word_hashes: &[u64],
    mut f: impl FnMut(u64, &str),
) {
    STEMS_BY_WORD.with(|stems| {
        let mut stems = stems.borrow_mut();
        let mut lower = String::new();
        for (span, word_hash) in spans.iter().zip(word_hashes) {
            match stems.get(word_hash) {
                Some(Some((hash, term))) => f(*hash, term),
                Some(None) => {}
                None => {
                    let Some(word) = span.slice(text) else {
                        continue;
                    };
                    lower_letters(word, &mut lower);
                    stem_and_remember(&mut stems, *word_hash, &lower, &mut f);
                }
            }
        }
    })
}

/// Stems a lower-cased word missing from a stem cache, calls `f` with its term (if it has one)
/// and remembers the result under `key`; a full cache starts again.
fn stem_and_remember<K: std::hash::Hash + Eq>(
    stems: &mut rustc_hash::FxHashMap<K, Option<(u64, String)>>,
    key: K,
    lower: &str,
    f: &mut impl FnMut(u64, &str),
) {
    let term = term_of(lower).map(|t| (hash_term(&t), t));
    if let Some((hash, term)) = &term {
        f(*hash, term);
    }
    if stems.len() >= MAX_CACHED_STEMS {
        stems.clear();
    }
    stems.insert(key, term);
}

/// The letters and digits of `word`, lower-cased, into `lower`; a possessive `'s` dropped. Only
/// the lower-cased word decides the result ("RUSSIA'S" as "Russia's").
fn lower_letters(word: &str, lower: &mut String) {
    lower.clear();
    if word.is_ascii() {
        // Most words: the same letters as below, without decoding characters.
        lower.extend(
            word.bytes()
                .filter(u8::is_ascii_alphanumeric)
                .map(|b| char::from(b.to_ascii_lowercase())),
        );
    } else {
        lower.extend(
            word.chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase),
        );
    }
    let possessive = ["'s", "’s", "'S", "’S"].iter().any(|p| word.ends_with(p));
    if possessive && lower.ends_with('s') {
        lower.pop();
    }
}

/// The hash [`for_each_term`] gives a term.
pub(crate) fn hash_term(term: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = rustc_hash::FxHasher::default();
    term.hash(&mut h);
    h.finish()
}

/// Words whose term is remembered per thread: stemming is most of the cost of [`terms`], and
/// the same words come back in every text.
const MAX_CACHED_STEMS: usize = 100_000;

thread_local! {
    /// Each word's term (or none), by the word's [`word_key`].
    static STEMS: std::cell::RefCell<rustc_hash::FxHashMap<u128, Option<(u64, String)>>> =
        std::cell::RefCell::new(rustc_hash::FxHashMap::default());
    /// The same, by the lower-cased word's hash a copy fingerprint computes
    /// ([`for_each_term_of`]).
    static STEMS_BY_WORD: std::cell::RefCell<rustc_hash::FxHashMap<u64, Option<(u64, String)>>> =
        std::cell::RefCell::new(rustc_hash::FxHashMap::default());
}

/// The term of a lower-cased word: `None` for a stop word or a single character.
fn term_of(lower: &str) -> Option<String> {
    if lower.chars().count() < 2 || is_stopword(lower) {
        return None;
    }
    Some(if lower.is_ascii() {
        porter::stem(lower)
    } else {
        lower.to_string()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_word_has_the_term_the_word_alone_has() {
        let text = "The ferry's captain, Ana Ruiz-Vela, wasn't told about the 24/7 U.S. checks.";
        let spans = words(text);
        let hashes = word_term_hashes(text, &spans);
        assert_eq!(hashes.len(), spans.len());
        for (span, hash) in spans.iter().zip(&hashes) {
            let word = span.slice(text).unwrap();
            assert_eq!(*hash, term_hashes(word).first().copied(), "{word}");
        }
        assert!(
            hashes.iter().any(Option::is_none),
            "stop words have no term"
        );
        assert!(hashes.iter().any(Option::is_some));
    }

    #[test]
    fn a_word_hashes_the_same_whatever_its_case_or_alphabet() {
        assert_eq!(lower_hash("Harbour"), lower_hash("hARBOUR"));
        assert_eq!(lower_hash("Ísland"), lower_hash("ísland"));
        assert_ne!(lower_hash("harbour"), lower_hash("harbor"));
        // The fast path for ASCII words gives the hash of the general one: lower-cased
        // characters, each written as a u32.
        let by_chars = |word: &str| {
            use std::hash::Hasher;
            let mut h = rustc_hash::FxHasher::default();
            word.chars()
                .flat_map(char::to_lowercase)
                .for_each(|c| h.write_u32(u32::from(c)));
            h.finish()
        };
        assert_eq!(lower_hash("Harbour"), by_chars("Harbour"));
        assert_eq!(lower_hash("Ísland"), by_chars("Ísland"));
    }

    #[test]
    fn stopwords_are_sorted_for_binary_search() {
        assert!(
            STOPWORDS.windows(2).all(|w| w[0] < w[1]),
            "STOPWORDS must be sorted and unique"
        );
    }

    #[test]
    fn terms_are_stemmed_and_filtered() {
        assert_eq!(
            terms("The leaders discussed Russia's actions"),
            vec!["leader", "discuss", "russia", "action"]
        );
    }
}
