//! Fingerprints: a document's words as hashes, its word 5-gram shingles, and the anchors
//! (winnowed shingles) that the copy index stores.
//!
//! Winnowing (Schleimer, Wilkerson and Aiken, 2003) keeps the smallest shingle hash of every
//! window of [`WINDOW`] consecutive shingles. Two texts that share a run of
//! `SHINGLE + WINDOW - 1` words share a full window, so they select the same anchor there,
//! whatever surrounds the run; about 2 / (WINDOW + 1) of the shingles become anchors.

use std::hash::Hasher;

use rustc_hash::FxHasher;

use crate::model::Span;
use crate::segment::words;
use crate::terms::word_hash;

/// Words per shingle.
pub const SHINGLE: usize = 5;
/// Shingles per winnowing window.
pub const WINDOW: usize = 12;
/// Words of a shared run that always hold an anchor.
pub const GUARANTEED_WORDS: usize = SHINGLE + WINDOW - 1;

/// One document's words, ready for comparison.
#[derive(Debug, Clone, Default)]
pub struct Fingerprint {
    /// The lower-cased words' hashes, in order.
    pub(crate) hashes: Vec<u64>,
    /// The words' byte spans in the text.
    pub(crate) spans: Vec<Span>,
    /// Hash of each run of [`SHINGLE`] words, by its first word.
    pub(crate) shingles: Vec<u64>,
    /// Distinct shingle hashes, sorted.
    pub(crate) distinct: Vec<u64>,
    /// Winnowed anchors: (shingle position, anchor key), in text order, each position once.
    pub(crate) anchors: Vec<(u32, u32)>,
}

impl Fingerprint {
    /// The document's distinct anchor keys, sorted: what the copy index stores of it.
    pub(crate) fn anchor_keys(&self) -> Vec<u32> {
        let mut keys: Vec<u32> = self.anchors.iter().map(|&(_, k)| k).collect();
        keys.sort_unstable();
        keys.dedup();
        keys
    }

    /// Number of words.
    pub fn words(&self) -> usize {
        self.hashes.len()
    }
}

/// Hash of a run of word hashes, mixed so that its high bits are as good as its low bits.
fn run_hash(run: &[u64]) -> u64 {
    let mut h = FxHasher::default();
    for &w in run {
        h.write_u64(w);
    }
    // SplitMix64 finaliser: FxHash's high bits alone are weak.
    let mut z = h.finish();
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Positions of the winnowed minima of `values`: in every window of `window` consecutive
/// values the smallest (the rightmost on ties), each position once, in order. A sequence
/// shorter than a window yields its minimum.
fn winnow(values: &[u64], window: usize) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    if values.is_empty() {
        return out;
    }
    let window = window.min(values.len());
    // The window's minimum is carried along as the window slides, and searched for again only
    // when it leaves the window.
    let rightmost_min = |from: usize, to: usize| {
        (from..to).fold(
            from,
            |best, i| if values[i] <= values[best] { i } else { best },
        )
    };
    let mut best = rightmost_min(0, window);
    out.push(best);
    for start in 1..=values.len() - window {
        let end = start + window - 1;
        best = if best < start {
            rightmost_min(start, end + 1)
        } else if values[end] <= values[best] {
            end
        } else {
            best
        };
        if out.last() != Some(&best) {
            out.push(best);
        }
    }
    out
}

/// Tokenizes a document's cleaned text into word hashes, shingles and anchors.
pub fn fingerprint(text: &str) -> Fingerprint {
    let spans = words(text);
    let hashes: Vec<u64> = spans
        .iter()
        .map(|s| word_hash(s.slice(text).unwrap_or("")))
        .collect();
    let shingles: Vec<u64> = if hashes.is_empty() {
        Vec::new()
    } else if hashes.len() < SHINGLE {
        vec![run_hash(&hashes)]
    } else {
        hashes.windows(SHINGLE).map(run_hash).collect()
    };
    let mut distinct = shingles.clone();
    distinct.sort_unstable();
    distinct.dedup();
    let anchors = winnow(&shingles, WINDOW)
        .into_iter()
        .map(|i| (i as u32, (shingles[i] >> 32) as u32))
        .collect();
    Fingerprint {
        hashes,
        spans,
        shingles,
        distinct,
        anchors,
    }
}

/// Number of values two sorted, deduplicated slices have in common.
pub fn common_sorted(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_hash_the_same_in_any_case() {
        let a = fingerprint("The Central Bank");
        let b = fingerprint("the central BANK");
        assert_eq!(a.hashes, b.hashes);
        assert_ne!(a.hashes[0], a.hashes[1]);
    }

    #[test]
    fn winnowing_picks_every_windows_minimum() {
        let values = [5, 3, 8, 1, 9, 9, 2, 7];
        let picked = winnow(&values, 3);
        for start in 0..=values.len() - 3 {
            let min = *values[start..start + 3].iter().min().unwrap();
            assert!(picked
                .iter()
                .any(|&p| (start..start + 3).contains(&p) && values[p] == min));
        }
        assert_eq!(winnow(&[4, 2], 3), vec![1]);
        assert!(winnow(&[], 3).is_empty());
    }

    #[test]
    fn winnowing_keeps_the_rightmost_minimum_of_every_window() {
        // Small values, so that ties are common.
        let mut state = 0x9e37_79b9_7f4a_7c15_u64;
        let values: Vec<u64> = (0..500)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                state % 6
            })
            .collect();
        let mut expected: Vec<usize> = Vec::new();
        for start in 0..=values.len() - WINDOW {
            let window = &values[start..start + WINDOW];
            let min = *window.iter().min().unwrap();
            let at = start + window.iter().rposition(|&v| v == min).unwrap();
            if expected.last() != Some(&at) {
                expected.push(at);
            }
        }
        assert_eq!(winnow(&values, WINDOW), expected);
    }

    #[test]
    fn a_shared_run_shares_an_anchor_whatever_surrounds_it() {
        let run = "the committee voted on thursday to delay the new rules for another two years after hearing from farmers";
        assert!(run.split(' ').count() >= GUARANTEED_WORDS);
        let a = fingerprint(&format!("Local news in brief. {run}. More later today."));
        let b = fingerprint(&format!(
            "An entirely different opening with other words about weather and sport: {run}, officials confirmed."
        ));
        let (ka, kb) = (a.anchor_keys(), b.anchor_keys());
        assert!(ka.iter().any(|k| kb.contains(k)));
    }

    #[test]
    fn common_values_of_sorted_slices() {
        assert_eq!(common_sorted(&[1, 3, 5, 7], &[2, 3, 7, 9]), 2);
        assert_eq!(common_sorted(&[], &[1]), 0);
    }
}
