//! Variants: one sentence carried by two documents with a name swapped ("police arrested
//! Smith" against "police arrested Jones") or a negation added ("the driver was charged" against
//! "the driver was not charged").
//!
//! The two sentences are members of one statement (they share most of their terms), or share a
//! passage of six words in a row when the outlets cut their sentences differently (then only a
//! stretch inside the shared passage is read); their words
//! are aligned (longest common subsequence) and each stretch where they differ is read: names
//! on both sides, each absent from the other document, are an identity conflict; a negation on
//! one side only is a denial. Numbers and days that differ are left to [`super::figures`].

use super::{words_text, Proposal};
use crate::compare::reading::{Reading, Sentence};
use crate::compare::values::number_word;
use crate::model::ConflictKind;

/// Sentences of one statement compared pairwise at most.
const MAX_MEMBERS: usize = 8;
/// Words after an added negation that both sentences must share.
const NEGATED_WORDS: usize = 2;
/// Words around a stretch of a shared passage that must hold no negation on the other side.
const NEGATION_NEIGHBOURHOOD: usize = 8;
/// Words a differing stretch may have and still be one swapped name.
const MAX_STRETCH: usize = 4;

/// True for a word that negates what follows it.
pub(crate) fn is_negation(lower: &str) -> bool {
    matches!(
        lower,
        "not" | "no" | "never" | "neither" | "nor" | "none" | "without"
    ) || lower.ends_with("n't")
        || lower == "cannot"
}

/// The stretches where two word sequences differ, as (a range, b range), from their longest
/// common subsequence.
pub fn differences(
    a: &[&str],
    b: &[&str],
) -> Vec<(std::ops::Range<usize>, std::ops::Range<usize>)> {
    let (n, m) = (a.len(), b.len());
    // lcs[i][j]: the longest common subsequence of a[i..] and b[j..].
    let mut lcs = vec![0u16; (n + 1) * (m + 1)];
    let at = |i: usize, j: usize| i * (m + 1) + j;
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[at(i, j)] = if a[i] == b[j] {
                lcs[at(i + 1, j + 1)] + 1
            } else {
                lcs[at(i + 1, j)].max(lcs[at(i, j + 1)])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    let (mut from_a, mut from_b) = (0, 0);
    while i < n || j < m {
        if i < n && j < m && a[i] == b[j] {
            if from_a < i || from_b < j {
                out.push((from_a..i, from_b..j));
            }
            i += 1;
            j += 1;
            from_a = i;
            from_b = j;
        } else if j < m && (i == n || lcs[at(i, j + 1)] >= lcs[at(i + 1, j)]) {
            j += 1;
        } else {
            i += 1;
        }
    }
    if from_a < n || from_b < m {
        out.push((from_a..n, from_b..m));
    }
    out
}

/// Proposes identity and negation conflicts between sentences of one statement.
pub fn find(reading: &Reading) -> Vec<Proposal> {
    // Both kinds of pairs are of two documents.
    if reading.docs.len() < 2 {
        return Vec::new();
    }
    let mut by_statement: std::collections::BTreeMap<&str, Vec<&Sentence>> = Default::default();
    for s in &reading.sentences {
        if let Some(id) = reading.statement_of(s) {
            let members = by_statement.entry(id.as_str()).or_default();
            if members.len() < MAX_MEMBERS {
                members.push(s);
            }
        }
    }
    let mut out = Vec::new();
    let mut compared: std::collections::HashSet<(usize, usize)> = Default::default();
    for members in by_statement.values() {
        for (n, a) in members.iter().enumerate() {
            for b in &members[n + 1..] {
                if a.doc != b.doc && reading.one_statement(a, b) {
                    compared.insert((a.span.start(), b.span.start()));
                    out.extend(compare_pair(reading, a, b, false));
                }
            }
        }
    }
    for (a, b) in passage_pairs(reading) {
        let (a, b) = (&reading.sentences[a], &reading.sentences[b]);
        if !compared.contains(&(a.span.start(), b.span.start())) {
            out.extend(compare_pair(reading, a, b, true));
        }
    }
    out
}

/// Words in a row two sentences must share to be read as one passage.
const PASSAGE_WORDS: usize = 6;
/// Sentences a passage may be held by and still say two documents carry one text.
const MAX_PASSAGE_HOLDERS: usize = 4;
/// Sentence pairs read through a shared passage per story at most.
const MAX_PASSAGE_PAIRS: usize = 256;
/// Words on each side of a differing stretch that a passage pair must share, in order…
const PASSAGE_CONTEXT: usize = 4;
/// …and in all, when a sentence starts or ends closer than that.
const MIN_PASSAGE_CONTEXT: usize = 6;

/// Pairs of sentences of different documents that share a passage of [`PASSAGE_WORDS`] words
/// without being one statement: one text carried by two outlets whose sentences were cut
/// differently (a run-on sentence in one, two in the other).
fn passage_pairs(reading: &Reading) -> Vec<(usize, usize)> {
    let mut holders: rustc_hash::FxHashMap<u64, Vec<usize>> = Default::default();
    let mut hashes: Vec<u64> = Vec::new();
    for (k, s) in reading.sentences.iter().enumerate() {
        hashes.clear();
        hashes.extend(s.words.iter().map(|w| crate::terms::lower_hash(&w.lower)));
        for window in hashes.windows(PASSAGE_WORDS) {
            let key = window
                .iter()
                .fold(0xcbf2_9ce4_8422_2325_u64, |h, w| w ^ h.rotate_left(7));
            let list = holders.entry(key).or_default();
            if list.last() != Some(&k) && list.len() <= MAX_PASSAGE_HOLDERS {
                list.push(k);
            }
        }
    }
    let mut keys: Vec<u64> = holders.keys().copied().collect();
    keys.sort_unstable();
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    let mut seen: std::collections::HashSet<(usize, usize)> = Default::default();
    for key in keys {
        let list = &holders[&key];
        if list.len() > MAX_PASSAGE_HOLDERS {
            continue;
        }
        for (n, &a) in list.iter().enumerate() {
            for &b in &list[n + 1..] {
                let (sa, sb) = (&reading.sentences[a], &reading.sentences[b]);
                if sa.doc != sb.doc && pairs.len() < MAX_PASSAGE_PAIRS && seen.insert((a, b)) {
                    pairs.push((a, b));
                }
            }
        }
    }
    pairs
}

/// True when the words before and after two differing stretches are the same, up to
/// [`PASSAGE_CONTEXT`] on each side (fewer where a sentence starts or ends) and
/// [`MIN_PASSAGE_CONTEXT`] in all: the difference sits inside one shared passage.
fn inside_shared_passage(
    wa: &[&str],
    wb: &[&str],
    ra: &std::ops::Range<usize>,
    rb: &std::ops::Range<usize>,
) -> bool {
    let before = PASSAGE_CONTEXT.min(ra.start).min(rb.start);
    let after = PASSAGE_CONTEXT
        .min(wa.len() - ra.end)
        .min(wb.len() - rb.end);
    before + after >= MIN_PASSAGE_CONTEXT
        && wa[ra.start - before..ra.start] == wb[rb.start - before..rb.start]
        && wa[ra.end..ra.end + after] == wb[rb.end..rb.end + after]
}

/// Reads each stretch where two sentences differ; `passage` when they are not one statement
/// but share a passage, so only a stretch inside the shared passage is read, and only its
/// neighbourhood must be free of other negations.
fn compare_pair(reading: &Reading, a: &Sentence, b: &Sentence, passage: bool) -> Vec<Proposal> {
    let wa: Vec<&str> = a.words.iter().map(|w| w.lower.as_str()).collect();
    let wb: Vec<&str> = b.words.iter().map(|w| w.lower.as_str()).collect();
    let mut out = Vec::new();
    for (ra, rb) in differences(&wa, &wb) {
        if ra.len() > MAX_STRETCH || rb.len() > MAX_STRETCH {
            continue;
        }
        if passage && !inside_shared_passage(&wa, &wb, &ra, &rb) {
            continue;
        }
        if let Some(p) = swapped_name(reading, (a, ra.clone()), (b, rb.clone())) {
            out.push(p);
        } else if let Some(p) = added_negation(reading, (a, ra.clone()), (b, rb.clone()), passage)
            .or_else(|| added_negation(reading, (b, rb), (a, ra), passage))
        {
            out.push(p);
        }
    }
    out
}

type Stretch<'r> = (&'r Sentence, std::ops::Range<usize>);

fn is_name(reading: &Reading, s: &Sentence, k: usize) -> bool {
    let w = &s.words[k];
    k > 0
        && w.cap
        && w.term.is_some()
        && number_word(&w.lower).is_none()
        && !reading.is_common_word(&w.lower)
}

fn swapped_name(reading: &Reading, (a, ra): Stretch, (b, rb): Stretch) -> Option<Proposal> {
    if ra.is_empty()
        || rb.is_empty()
        || !ra.clone().all(|k| is_name(reading, a, k))
        || !rb.clone().all(|k| is_name(reading, b, k))
    {
        return None;
    }
    // A calendar word or an abbreviation of the other name ("Nov" for "November") is no swap.
    let calendar = |s: &Sentence, r: &std::ops::Range<usize>| {
        r.clone()
            .any(|k| crate::attribute::lexicon::is_calendar_word(&s.words[k].lower))
    };
    if calendar(a, &ra) || calendar(b, &rb) {
        return None;
    }
    // Spellings of one name ("Nov" and "November", "Rosa's" and "Rosas") are no swap.
    let letters = |s: &Sentence, r: &std::ops::Range<usize>| -> String {
        r.clone()
            .flat_map(|k| s.words[k].lower.chars())
            .filter(|c| c.is_alphanumeric())
            .collect()
    };
    let (first_a, first_b) = (letters(a, &ra), letters(b, &rb));
    if first_a.starts_with(&first_b)
        || first_b.starts_with(&first_a)
        || abbreviates(&first_a, &first_b)
        || abbreviates(&first_b, &first_a)
    {
        return None;
    }
    let absent = |s: &Sentence, r: &std::ops::Range<usize>, other: usize| {
        r.clone()
            .all(|k| !reading.doc_has_word(other, &s.words[k].lower))
    };
    if !absent(a, &ra, b.doc) || !absent(b, &rb, a.doc) {
        return None;
    }
    let written = |s: &Sentence, r: &std::ops::Range<usize>| {
        words_text(
            reading,
            s.doc,
            s.words[r.start].span,
            s.words[r.end - 1].span,
        )
    };
    // The matter: the words before the name in the first sentence ("the arrested man").
    let from = ra.start.saturating_sub(3);
    let about = if from < ra.start {
        words_text(
            reading,
            a.doc,
            a.words[from].span,
            a.words[ra.start - 1].span,
        )
    } else {
        "who it was".to_string()
    };
    let sides = vec![
        reading.side(a, a.span, Some(written(a, &ra))),
        reading.side(b, b.span, Some(written(b, &rb))),
    ];
    Some(Proposal::new(
        4.0,
        ConflictKind::Identity,
        about,
        None,
        sides,
    ))
}

/// True when `short` abbreviates `long`: same first letter, its letters in order within it
/// ("dept" for "department").
fn abbreviates(short: &str, long: &str) -> bool {
    let mut rest = long.chars();
    short.chars().next() == long.chars().next() && short.chars().all(|c| rest.any(|l| l == c))
}

fn added_negation(
    reading: &Reading,
    (a, ra): Stretch,
    (b, rb): Stretch,
    passage: bool,
) -> Option<Proposal> {
    // `a` negates where `b` does not: `a`'s stretch is a negation alone ("not", "never", "did
    // not"), `b`'s holds none. A longer stretch ("I can't say, I") adds a clause, not a denial.
    let negated = ra.clone().find(|&k| is_negation(&a.words[k].lower))?;
    // A sentence that negates anywhere may only have moved its negation ("a state matter, not
    // a city one" against "not a city matter but a state one"); in a shared passage, anywhere
    // near the stretch.
    let reach = if passage {
        rb.start.saturating_sub(NEGATION_NEIGHBOURHOOD)..(rb.end + NEGATION_NEIGHBOURHOOD)
    } else {
        0..b.words.len()
    };
    let b_negates = b
        .words
        .iter()
        .enumerate()
        .any(|(k, w)| reach.contains(&k) && is_negation(&w.lower));
    if ra.len() > 2 || b_negates {
        return None;
    }
    if ra.len() == 2
        && !matches!(
            a.words[ra.start].lower.as_str(),
            "did" | "does" | "do" | "had" | "has"
        )
    {
        return None;
    }
    // The negated words must be the same on both sides ("was not charged with" against "was
    // charged with"): a negation followed by other words negates something else.
    fn tail(s: &Sentence, from: usize) -> Vec<&str> {
        s.words[from..]
            .iter()
            .take(NEGATED_WORDS)
            .map(|w| w.lower.as_str())
            .collect()
    }
    let (after_a, after_b) = (tail(a, ra.end), tail(b, rb.end));
    if after_a.len() < NEGATED_WORDS.min(2) || after_a != after_b {
        return None;
    }
    let asks = |s: &Sentence| {
        reading
            .sentence_text(s)
            .trim_end_matches(['"', '”', '\'', '’'])
            .ends_with('?')
    };
    if asks(a) || asks(b) {
        return None;
    }
    let to = (negated + 4).min(a.words.len() - 1);
    let about = words_text(reading, a.doc, a.words[negated].span, a.words[to].span);
    let sides = vec![reading.side(b, b.span, None), reading.side(a, a.span, None)];
    Some(Proposal::new(4.0, ConflictKind::Denial, about, None, sides))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn differences_find_the_swapped_stretch() {
        let a = ["police", "held", "tom", "reed", "on", "friday"];
        let b = ["police", "held", "ann", "moss", "on", "friday"];
        assert_eq!(differences(&a, &b), vec![(2..4, 2..4)]);
    }

    #[test]
    fn differences_find_an_insertion() {
        let a = ["the", "driver", "was", "charged"];
        let b = ["the", "driver", "was", "not", "charged"];
        assert_eq!(differences(&a, &b), vec![(3..3, 3..4)]);
    }

    #[test]
    fn a_difference_inside_a_shared_passage() {
        // One outlet ran two sentences together; the other cut them apart.
        let a = "the mill will close next year and the workers were told on monday by the owners";
        let b = "the workers were not told on monday by the owners of the mill";
        let wa: Vec<&str> = a.split(' ').collect();
        let wb: Vec<&str> = b.split(' ').collect();
        let inside: Vec<bool> = differences(&wa, &wb)
            .iter()
            .filter(|(ra, rb)| ra.len() + rb.len() <= 2)
            .map(|(ra, rb)| inside_shared_passage(&wa, &wb, ra, rb))
            .collect();
        assert_eq!(inside, [true]);
        // Near a sentence's start, fewer words before count when more come after.
        let c = [
            "workers", "were", "told", "on", "monday", "by", "the", "owners",
        ];
        let d = [
            "workers", "were", "not", "told", "on", "monday", "by", "the", "owners",
        ];
        assert!(inside_shared_passage(&c, &d, &(2..2), &(2..3)));
        assert!(!inside_shared_passage(&c[..4], &d[..5], &(2..2), &(2..3)));
    }

    #[test]
    fn negations() {
        assert!(is_negation("wasn't") && is_negation("never") && !is_negation("now"));
    }
}
