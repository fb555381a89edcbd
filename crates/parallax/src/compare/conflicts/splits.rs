//! Vote splits: two accounts giving one decision's vote differently ("ruled 5-2" against "by a
//! 4-3 vote", "passed 52 to 48" against "51-49").
//!
//! A split is two whole numbers joined by a hyphen or a dash ("5-2", "5–2") or by "to" ("52 to
//! 48"), with a word of voting or ruling ([`VOTE_WORDS`]) within [`REACH`] words of it. A
//! document's first split is the vote its account leads with; two documents whose first splits
//! differ, in sentences sharing two other words the story rarely uses
//! ([`MIN_SHARED_RARE_WORDS`]: one may be a chance word of two decisions), disagree on the
//! vote, unless either document also gives the other's split (two votes told apart).

use super::{words_text, Proposal};
use crate::compare::reading::{Reading, Sentence};
use crate::model::{ConflictKind, ValueRelation};

/// Words that make two joined numbers a vote ("ruled 5-2", "a 4-3 vote", "a 6-1 majority").
const VOTE_WORDS: &[&str] = &[
    "decision", "majority", "margin", "ruled", "ruling", "split", "tally", "verdict", "vote",
    "voted", "votes", "voting",
];
/// Words between a split and a vote word at most.
const REACH: usize = 4;
/// The largest side of a vote read: a parliament's seats, not a year ("2015-16").
const MAX_SIDE: u32 = 999;
/// Rare words two sentences must share to tell of one decision.
const MIN_SHARED_RARE_WORDS: usize = 2;
/// How strong a vote conflict is against the other finders' ([`super::select`]): an
/// incompatible figure's.
const STRENGTH: f64 = 3.0;

/// One vote split in a sentence.
struct Split {
    /// The sentence's index in the reading.
    sentence: usize,
    /// Its first and last word.
    words: (usize, usize),
    /// The two sides, the larger first.
    sides: (u32, u32),
}

/// A whole number of at most three digits.
fn side(word: &str) -> Option<u32> {
    (!word.is_empty() && word.len() <= 3 && word.bytes().all(|b| b.is_ascii_digit()))
        .then(|| word.parse().ok())
        .flatten()
        .filter(|&n| n <= MAX_SIDE)
}

/// The split whose first word is word `i` of `s`: its sides and its last word.
fn split_at(s: &Sentence, text: &str, i: usize) -> Option<((u32, u32), usize)> {
    let word = s.words[i].lower.as_str();
    let ordered = |a: u32, b: u32| (a.max(b), a.min(b));
    if let Some((a, b)) = word.split_once('-') {
        return Some((ordered(side(a)?, side(b)?), i));
    }
    let first = side(word)?;
    let next = s.words.get(i + 1)?;
    if s.gap_after(text, i)
        .trim()
        .chars()
        .all(|c| c == '–' || c == '—')
        && !s.gap_after(text, i).trim().is_empty()
    {
        return Some((ordered(first, side(&next.lower)?), i + 1));
    }
    let after_to = s.words.get(i + 2)?;
    (next.lower == "to" && !s.breaks_after(text, i))
        .then(|| side(&after_to.lower))
        .flatten()
        .map(|second| (ordered(first, second), i + 2))
}

/// The splits of sentence `s` (the reading's sentence `k`) that a vote word stands near.
fn splits_in(k: usize, s: &Sentence, text: &str) -> Vec<Split> {
    let near_vote = |from: usize, to: usize| {
        let lo = from.saturating_sub(REACH);
        let hi = (to + REACH + 1).min(s.words.len());
        (lo..hi).any(|j| VOTE_WORDS.contains(&s.words[j].lower.as_str()))
    };
    (0..s.words.len())
        .filter_map(|i| split_at(s, text, i).map(|(sides, last)| (i, sides, last)))
        .filter(|&(i, _, last)| near_vote(i, last))
        .map(|(i, sides, last)| Split {
            sentence: k,
            words: (i, last),
            sides,
        })
        .collect()
}

/// Proposes a conflict for each pair of documents whose first vote splits differ.
pub fn find(reading: &Reading) -> Vec<Proposal> {
    // Per document: its first split, and every split it gives.
    let mut first: Vec<Option<Split>> = (0..reading.docs.len()).map(|_| None).collect();
    let mut given: Vec<Vec<(u32, u32)>> = vec![Vec::new(); reading.docs.len()];
    for (k, s) in reading.sentences.iter().enumerate() {
        for split in splits_in(k, s, reading.text(s.doc)) {
            given[s.doc].push(split.sides);
            let slot = &mut first[s.doc];
            let earlier = slot
                .as_ref()
                .is_some_and(|f| reading.sentences[f.sentence].span.start() <= s.span.start());
            if !earlier {
                *slot = Some(split);
            }
        }
    }
    let mut out = Vec::new();
    for (a, fa) in first.iter().enumerate() {
        for (b, fb) in first.iter().enumerate().skip(a + 1) {
            let (Some(fa), Some(fb)) = (fa, fb) else {
                continue;
            };
            if fa.sides == fb.sides || given[a].contains(&fb.sides) || given[b].contains(&fa.sides)
            {
                continue;
            }
            let (sa, sb) = (
                &reading.sentences[fa.sentence],
                &reading.sentences[fb.sentence],
            );
            if shared_rare_words(reading, sa, sb) < MIN_SHARED_RARE_WORDS {
                continue;
            }
            let value = |f: &Split, s: &Sentence| {
                words_text(
                    reading,
                    s.doc,
                    s.words[f.words.0].span,
                    s.words[f.words.1].span,
                )
            };
            out.push(Proposal::new(
                STRENGTH,
                ConflictKind::Figure,
                "the vote".to_string(),
                Some(ValueRelation::Incompatible),
                vec![
                    reading.side(sa, sa.span, Some(value(fa, sa))),
                    reading.side(sb, sb.span, Some(value(fb, sb))),
                ],
            ));
        }
    }
    out
}

/// The terms two sentences share, other than a vote word's, that the story rarely uses
/// ([`super::shared_rare_terms`]).
fn shared_rare_words(reading: &Reading, a: &Sentence, b: &Sentence) -> usize {
    let vote_terms: Vec<u64> = a
        .words
        .iter()
        .chain(&b.words)
        .filter(|w| VOTE_WORDS.contains(&w.lower.as_str()))
        .filter_map(|w| w.term)
        .collect();
    super::shared_rare_terms(reading, a, b, |t| vote_terms.contains(&t))
}
