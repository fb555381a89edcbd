//! ROUGE-1, ROUGE-2, ROUGE-L and ROUGE-Lsum, computed exactly as Google's
//! `rouge-score` 0.1.2 Python package does with
//! `RougeScorer(['rouge1', 'rouge2', 'rougeL', 'rougeLsum'], use_stemmer=True)`.
//!
//! Behaviour reproduced from the Python package:
//!
//! * Tokenization: Python `str.lower()`, every run of characters outside
//!   `[a-z0-9]` becomes a separator, tokens longer than three characters are
//!   stemmed with NLTK's Porter stemmer ([`super::porter`]). Only two
//!   non-ASCII characters lowercase to ASCII letters: `İ` (U+0130, to `i`
//!   plus a combining dot, which separates) and the Kelvin sign (U+212A, to
//!   `k`); both are handled like Python does.
//! * ROUGE-N: clipped n-gram overlap; precision and recall divide by
//!   `max(count, 1)`, so an empty side scores 0.
//! * ROUGE-L: longest common subsequence over the whole token lists; 0 when
//!   either side has no tokens.
//! * ROUGE-Lsum: texts are split on `"\n"` only, empty lines dropped (lines of
//!   only spaces or punctuation are kept as token-less sentences). For every
//!   reference sentence the union of one LCS with each candidate sentence is
//!   taken, where each LCS is read back from the DP table with rouge-score's
//!   tie-breaking (diagonal on a match, else left only when strictly
//!   greater), and union tokens are counted as hits only while both texts
//!   still have unused occurrences of the token (ROUGE-1.5.5 clipping).
//!   Text without newlines is one sentence, so ROUGE-Lsum equals ROUGE-L.
//! * F1 is `2 * p * r / (p + r)`, or 0 when `p + r` is 0.

use std::collections::HashMap;

use crate::porter::stem_in_place;

/// Precision, recall and F1 of one ROUGE variant.
#[derive(Debug, Clone, Copy, PartialEq, Default, serde::Serialize)]
pub struct RougeScore {
    /// Share of the candidate's units found in the reference.
    pub precision: f64,
    /// Share of the reference's units found in the candidate.
    pub recall: f64,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
}

/// The four ROUGE variants of rouge-score.
#[derive(Debug, Clone, Copy, PartialEq, Default, serde::Serialize)]
pub struct RougeScores {
    /// Unigram overlap (`rouge1`).
    pub rouge1: RougeScore,
    /// Bigram overlap (`rouge2`).
    pub rouge2: RougeScore,
    /// Longest common subsequence over the whole texts (`rougeL`).
    pub rouge_l: RougeScore,
    /// Summary-level union LCS over newline-separated sentences (`rougeLsum`).
    pub rouge_lsum: RougeScore,
}

/// Tokenizes `text` the way rouge-score's default tokenizer does with
/// `use_stemmer=True`: lowercase, split on anything outside `[a-z0-9]`, and
/// Porter-stem (NLTK flavour) the tokens longer than three characters.
#[must_use]
pub fn tokenize(text: &str) -> Vec<String> {
    let mut tokens = Vec::new();
    for_each_word(text, &mut Vec::new(), |word| {
        if word.len() > 3 {
            stem_in_place(word);
        }
        // The scanner only yields ASCII alphanumerics and the stemmer only
        // appends ASCII letters.
        tokens.push(String::from_utf8(word.clone()).expect("tokens are ASCII"));
    });
    tokens
}

/// Scores `candidate` (rouge-score's "prediction") against `reference`
/// (its "target") with ROUGE-1, ROUGE-2, ROUGE-L and ROUGE-Lsum.
///
/// Precision is relative to the candidate, recall to the reference.
#[must_use]
pub fn score(candidate: &str, reference: &str) -> RougeScores {
    let mut vocab = Vocab::default();
    let reference_sentences = vocab.sentences(reference);
    let candidate_sentences = vocab.sentences(candidate);
    // Newlines separate tokens anyway, so the whole-text token list is the
    // concatenation of the sentences' tokens.
    let reference_tokens = reference_sentences.concat();
    let candidate_tokens = candidate_sentences.concat();
    RougeScores {
        rouge1: ngram_score(&candidate_tokens, &reference_tokens, 1),
        rouge2: ngram_score(&candidate_tokens, &reference_tokens, 2),
        rouge_l: lcs_score(&candidate_tokens, &reference_tokens),
        rouge_lsum: summary_lcs_score(&candidate_sentences, &reference_sentences, vocab.len()),
    }
}

/// Calls `f` with every raw (lowercased, unstemmed) word of `text`, using
/// `word` as the buffer. `f` may modify the buffer; it is cleared afterwards.
fn for_each_word(text: &str, word: &mut Vec<u8>, mut f: impl FnMut(&mut Vec<u8>)) {
    let mut flush = |word: &mut Vec<u8>| {
        if !word.is_empty() {
            f(word);
            word.clear();
        }
    };
    for c in text.chars() {
        if c.is_ascii() {
            let b = c as u8;
            if b.is_ascii_alphanumeric() {
                word.push(b.to_ascii_lowercase());
            } else {
                flush(word);
            }
        } else {
            // Python lowercases the whole text first; a few characters
            // lowercase to ASCII letters (see the module docs).
            for l in c.to_lowercase() {
                if l.is_ascii_alphanumeric() {
                    word.push(l as u8);
                } else {
                    flush(word);
                }
            }
        }
    }
    flush(word);
}

/// Maps stemmed tokens to dense ids, caching the stem of every raw word.
#[derive(Default)]
struct Vocab {
    /// Raw lowercased word -> id of its stem.
    raw: HashMap<Vec<u8>, u32>,
    /// Stemmed token -> id.
    stems: HashMap<Vec<u8>, u32>,
    /// Stemming buffer.
    scratch: Vec<u8>,
}

impl Vocab {
    /// Number of distinct stemmed tokens seen so far (ids are below this).
    fn len(&self) -> usize {
        self.stems.len()
    }

    /// The id of the token the raw word `word` becomes.
    fn id(&mut self, word: &[u8]) -> u32 {
        if let Some(&id) = self.raw.get(word) {
            return id;
        }
        self.scratch.clear();
        self.scratch.extend_from_slice(word);
        if word.len() > 3 {
            stem_in_place(&mut self.scratch);
        }
        let id = match self.stems.get(self.scratch.as_slice()) {
            Some(&id) => id,
            None => {
                let id = u32::try_from(self.stems.len()).expect("fewer than 2^32 tokens");
                self.stems.insert(self.scratch.clone(), id);
                id
            }
        };
        self.raw.insert(word.to_vec(), id);
        id
    }

    /// Token ids of each non-empty `"\n"`-separated line of `text`.
    fn sentences(&mut self, text: &str) -> Vec<Vec<u32>> {
        let mut buffer = Vec::new();
        text.split('\n')
            .filter(|line| !line.is_empty())
            .map(|line| {
                let mut ids = Vec::new();
                for_each_word(line, &mut buffer, |word| ids.push(self.id(word)));
                ids
            })
            .collect()
    }
}

/// rouge-score's F-measure.
fn fmeasure(precision: f64, recall: f64) -> f64 {
    if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    }
}

fn make_score(precision: f64, recall: f64) -> RougeScore {
    RougeScore {
        precision,
        recall,
        f1: fmeasure(precision, recall),
    }
}

/// The n-grams of `tokens`, sorted.
fn sorted_ngrams(tokens: &[u32], n: usize) -> Vec<&[u32]> {
    let mut ngrams: Vec<&[u32]> = tokens.windows(n).collect();
    ngrams.sort_unstable();
    ngrams
}

/// ROUGE-N: clipped overlap of the n-gram multisets.
fn ngram_score(candidate: &[u32], reference: &[u32], n: usize) -> RougeScore {
    let candidate_ngrams = sorted_ngrams(candidate, n);
    let reference_ngrams = sorted_ngrams(reference, n);
    // Merging two sorted multisets counts min(count_c, count_r) per n-gram.
    let (mut i, mut j, mut overlap) = (0, 0, 0usize);
    while i < candidate_ngrams.len() && j < reference_ngrams.len() {
        match candidate_ngrams[i].cmp(reference_ngrams[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                overlap += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let overlap = overlap as f64;
    make_score(
        overlap / candidate_ngrams.len().max(1) as f64,
        overlap / reference_ngrams.len().max(1) as f64,
    )
}

/// ROUGE-L over whole token lists.
fn lcs_score(candidate: &[u32], reference: &[u32]) -> RougeScore {
    if candidate.is_empty() || reference.is_empty() {
        return RougeScore::default();
    }
    let lcs = lcs_len(candidate, reference) as f64;
    make_score(lcs / candidate.len() as f64, lcs / reference.len() as f64)
}

/// ROUGE-Lsum: summary-level union LCS with clipped hit counting.
fn summary_lcs_score(candidate: &[Vec<u32>], reference: &[Vec<u32>], vocab: usize) -> RougeScore {
    if candidate.is_empty() || reference.is_empty() {
        return RougeScore::default();
    }
    let n: usize = candidate.iter().map(Vec::len).sum();
    let m: usize = reference.iter().map(Vec::len).sum();
    if n == 0 || m == 0 {
        return RougeScore::default();
    }
    let hits = if candidate.len() == 1 && reference.len() == 1 {
        // One LCS never uses a token more often than either text has it, so
        // clipping cannot bite and the hits are the LCS length.
        lcs_len(&candidate[0], &reference[0])
    } else {
        let mut candidate_counts = vec![0u32; vocab];
        let mut reference_counts = vec![0u32; vocab];
        for &t in candidate.iter().flatten() {
            candidate_counts[t as usize] += 1;
        }
        for &t in reference.iter().flatten() {
            reference_counts[t as usize] += 1;
        }
        let mut table = LcsTable::default();
        let mut in_union = Vec::new();
        let mut hits = 0;
        for sentence in reference {
            in_union.clear();
            in_union.resize(sentence.len(), false);
            for other in candidate {
                table.mark_lcs(sentence, other, &mut in_union);
            }
            for (&t, _) in sentence.iter().zip(&in_union).filter(|(_, &u)| u) {
                let (c, r) = (
                    &mut candidate_counts[t as usize],
                    &mut reference_counts[t as usize],
                );
                if *c > 0 && *r > 0 {
                    hits += 1;
                    *c -= 1;
                    *r -= 1;
                }
            }
        }
        hits
    };
    let hits = hits as f64;
    make_score(hits / n as f64, hits / m as f64)
}

/// Reusable buffers for reading one LCS back the way rouge-score does.
#[derive(Default)]
struct LcsTable {
    /// One bit per DP cell `(i, j)`, `i, j >= 1`: whether
    /// `table[i][j - 1] > table[i - 1][j]`.
    left: Vec<u64>,
    previous: Vec<u32>,
    current: Vec<u32>,
}

impl LcsTable {
    /// Sets `marks[i]` for the positions `i` of `reference` on the LCS of
    /// `reference` and `candidate` that rouge-score's backtracking reads:
    /// from the bottom-right cell, take the diagonal on equal tokens, else
    /// move left if the left cell is strictly greater, else up.
    fn mark_lcs(&mut self, reference: &[u32], candidate: &[u32], marks: &mut [bool]) {
        let (rows, cols) = (reference.len(), candidate.len());
        if rows == 0 || cols == 0 {
            return;
        }
        self.left.clear();
        self.left.resize((rows * cols).div_ceil(64), 0);
        self.previous.clear();
        self.previous.resize(cols + 1, 0);
        self.current.clear();
        self.current.resize(cols + 1, 0);
        for (i, &r) in reference.iter().enumerate() {
            for (j, &c) in candidate.iter().enumerate() {
                self.current[j + 1] = if r == c {
                    self.previous[j] + 1
                } else {
                    let (left, up) = (self.current[j], self.previous[j + 1]);
                    if left > up {
                        let bit = i * cols + j;
                        self.left[bit / 64] |= 1 << (bit % 64);
                        left
                    } else {
                        up
                    }
                };
            }
            std::mem::swap(&mut self.previous, &mut self.current);
        }
        let (mut i, mut j) = (rows, cols);
        while i > 0 && j > 0 {
            if reference[i - 1] == candidate[j - 1] {
                marks[i - 1] = true;
                i -= 1;
                j -= 1;
            } else {
                let bit = (i - 1) * cols + (j - 1);
                if self.left[bit / 64] & (1 << (bit % 64)) != 0 {
                    j -= 1;
                } else {
                    i -= 1;
                }
            }
        }
    }
}

/// Mask memory above which [`lcs_len`] falls back to the plain DP.
const MAX_MASK_WORDS: usize = 1 << 22;

/// Length of the longest common subsequence of two id sequences, with the
/// bit-parallel algorithm of Hyyrö (2004): one bit per position of the
/// shorter sequence, one multi-word add per token of the longer one.
fn lcs_len(a: &[u32], b: &[u32]) -> usize {
    const NONE: u32 = u32::MAX;
    const IN_LONG: u32 = u32::MAX - 1;
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.is_empty() {
        return 0;
    }
    let words = short.len().div_ceil(64);
    let alphabet = short
        .iter()
        .chain(long)
        .max()
        .map_or(0, |&t| t as usize + 1);
    // Row of each token's match mask; only tokens present in both matter.
    let mut row = vec![NONE; alphabet];
    for &t in long {
        row[t as usize] = IN_LONG;
    }
    let mut rows = 0u32;
    for &t in short {
        if row[t as usize] == IN_LONG {
            row[t as usize] = rows;
            rows += 1;
        }
    }
    if rows as usize * words > MAX_MASK_WORDS {
        return lcs_len_dp(short, long);
    }
    let mut masks = vec![0u64; rows as usize * words];
    for (i, &t) in short.iter().enumerate() {
        let r = row[t as usize];
        if r < IN_LONG {
            masks[r as usize * words + i / 64] |= 1 << (i % 64);
        }
    }
    let mut v = vec![!0u64; words];
    for &t in long {
        let r = row[t as usize];
        if r >= IN_LONG {
            continue;
        }
        let mask = &masks[r as usize * words..(r as usize + 1) * words];
        let mut carry = false;
        for (vk, &mk) in v.iter_mut().zip(mask) {
            let u = *vk & mk;
            let (sum, c1) = vk.overflowing_add(u);
            let (sum, c2) = sum.overflowing_add(u64::from(carry));
            carry = c1 || c2;
            *vk = sum | (*vk & !u);
        }
    }
    // The LCS length is the number of zero bits among the first short.len().
    let tail = short.len() % 64;
    v.iter()
        .enumerate()
        .map(|(k, &vk)| {
            let valid = if k + 1 == words && tail != 0 {
                (1u64 << tail) - 1
            } else {
                !0
            };
            (!vk & valid).count_ones() as usize
        })
        .sum()
}

/// LCS length by the textbook dynamic programme, one row of memory.
fn lcs_len_dp(short: &[u32], long: &[u32]) -> usize {
    let mut row = vec![0u32; short.len() + 1];
    for &l in long {
        let mut diagonal = 0;
        for (j, &s) in short.iter().enumerate() {
            let up = row[j + 1];
            row[j + 1] = if s == l { diagonal + 1 } else { up.max(row[j]) };
            diagonal = up;
        }
    }
    row[short.len()] as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-12
    }

    fn assert_score(s: RougeScore, precision: f64, recall: f64, f1: f64) {
        assert!(
            close(s.precision, precision) && close(s.recall, recall) && close(s.f1, f1),
            "got {s:?}, expected p={precision} r={recall} f={f1}"
        );
    }

    #[test]
    fn tokenizes_like_rouge_score() {
        assert_eq!(
            tokenize("The quick-brown FOX's 2 jumps, running!"),
            ["the", "quick", "brown", "fox", "s", "2", "jump", "run"]
        );
        assert_eq!(tokenize("  ...  "), Vec::<String>::new());
        // İ lowercases to "i" + U+0307; the Kelvin sign lowercases to "k".
        assert_eq!(
            tokenize("İstanbul \u{212A}ilos café"),
            ["i", "stanbul", "kilo", "caf"]
        );
    }

    #[test]
    fn identical_texts_score_one() {
        let text = "The cats were sitting on the mats.\nThen they left.";
        let s = score(text, text);
        for variant in [s.rouge1, s.rouge2, s.rouge_l, s.rouge_lsum] {
            assert_score(variant, 1.0, 1.0, 1.0);
        }
    }

    #[test]
    fn disjoint_texts_score_zero() {
        let s = score("alpha beta gamma", "delta epsilon zeta");
        for variant in [s.rouge1, s.rouge2, s.rouge_l, s.rouge_lsum] {
            assert_score(variant, 0.0, 0.0, 0.0);
        }
    }

    #[test]
    fn empty_inputs_score_zero() {
        for (c, r) in [("", "a b c"), ("a b c", ""), ("/", "a b c"), ("", "")] {
            let s = score(c, r);
            assert_eq!(s, RougeScores::default(), "{c:?} vs {r:?}");
        }
    }

    #[test]
    fn small_hand_checked_case() {
        // Candidate "a b c d", reference "a c b d": all unigrams shared, no
        // bigram shared, LCS 3 ("a b d" or "a c d").
        let s = score("a b c d", "a c b d");
        assert_score(s.rouge1, 1.0, 1.0, 1.0);
        assert_score(s.rouge2, 0.0, 0.0, 0.0);
        assert_score(s.rouge_l, 0.75, 0.75, 0.75);
        assert_score(s.rouge_lsum, 0.75, 0.75, 0.75);
        // rouge-score's own tests: target "testing one two".
        let s = score("testing", "testing one two");
        assert_score(s.rouge1, 1.0, 1.0 / 3.0, 0.5);
        let s = score("testing one", "testing one two");
        assert_score(s.rouge2, 1.0, 0.5, 2.0 / 3.0);
        let s = score("testing two", "testing one two");
        assert_score(s.rouge_l, 1.0, 2.0 / 3.0, 0.8);
    }

    #[test]
    fn summary_level_lcs() {
        // Example of section 3.2 of the ROUGE paper, as in rouge-score's tests.
        let s = score("w1 w2 w6 w7 w8\nw1 w3 w8 w9 w5", "w1 w2 w3 w4 w5");
        assert_score(s.rouge_lsum, 0.4, 0.8, 2.0 * 0.4 * 0.8 / 1.2);
        // Sentence order does not matter for ROUGE-Lsum, but does for ROUGE-L.
        let s = score(
            "Second sentence.\nFirst Sentence.",
            "First sentence.\nSecond Sentence.",
        );
        assert_score(s.rouge_lsum, 1.0, 1.0, 1.0);
        assert_score(s.rouge_l, 0.5, 0.5, 0.5);
        // Clipping: the candidate has "a" once, so only one hit for it.
        let s = score("a", "a\na");
        assert_score(s.rouge_lsum, 1.0, 0.5, 2.0 / 3.0);
    }

    #[test]
    fn bit_parallel_lcs_matches_dp() {
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = |bound: u32| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % u64::from(bound)) as u32
        };
        for round in 0..300 {
            let alphabet = 1 + next(12);
            let a: Vec<u32> = (0..next(150)).map(|_| next(alphabet)).collect();
            let b: Vec<u32> = (0..next(150)).map(|_| next(alphabet)).collect();
            let expected = if a.len() <= b.len() {
                lcs_len_dp(&a, &b)
            } else {
                lcs_len_dp(&b, &a)
            };
            assert_eq!(lcs_len(&a, &b), expected, "round {round}");
            assert_eq!(lcs_len(&b, &a), expected, "round {round}");
        }
    }
}
