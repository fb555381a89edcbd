//! Shared phrases: two wordings of one statement often keep its telling phrase ("the mayor called
//! it a shameful delay" and "what we have here is a shameful delay, she said"; "a plan for
//! cheaper buses" and "our whole idea is cheaper buses") while the rest changes too much for the
//! term overlap of [`super::group`]. A phrase here is two content words in order, written in
//! lower case (names are left to the overlap) and at most [`MAX_GAP`] stop words apart.
//!
//! Groups of different documents that share a phrase the story rarely uses (held by no more
//! units than the story has documents, in at least two documents) are joined when the two
//! units' terms still overlap by half what grouping asks ([`MIN_OVERLAP`]), neither names
//! anyone the other's document never mentions, and the joined group keeps one unit per
//! document.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::joins::{in_order, GroupJoins};
use super::reading::{read_sentence, ReadSentences, Vocabulary};
use super::Unit;
use crate::attribute::lexicon::{is_in, MONTHS, TITLES, WEEKDAYS};
use crate::model::Document;
use crate::segment::words;
use crate::terms::{hash_term, lower_hash};

/// Stop words that may stand between the two words of a phrase ("hard to repair").
pub(crate) const MAX_GAP: usize = 2;

/// The phrases of a unit, as hashes of their two terms; a sentence of the story already read
/// is taken from `read`.
pub fn phrases(doc: &Document, read: &ReadSentences, unit: &Unit) -> HashSet<u64> {
    let fresh;
    let sentence = match read.get(unit.doc, unit.span) {
        Some(s) => s,
        None => {
            fresh = read_sentence(unit.doc, &doc.text, unit.span);
            &fresh
        }
    };
    let mut out = HashSet::default();
    let mut last: Option<(u64, usize)> = None;
    for (i, w) in sentence.words.iter().enumerate() {
        let breaks = i > 0 && sentence.breaks_after(&doc.text, i - 1);
        if breaks {
            last = None;
        }
        match w.term {
            Some(t) if !w.cap && !w.lower.chars().any(|c| c.is_ascii_digit()) => {
                if let Some((prev, at)) = last {
                    if i - at - 1 <= MAX_GAP {
                        out.insert(hash_term(&format!("{prev:x} {t:x}")));
                    }
                }
                last = Some((t, i));
            }
            Some(_) => last = None,
            None => {}
        }
    }
    out
}

/// Terms two quotes of one speaker must share to be one statement reworded: one more than two
/// units joined by a phrase, since they share no phrase.
const MIN_SHARED_SAME_SPEAKER: usize = MIN_SHARED + 1;
/// Quotes of one speaker compared pairwise at most, to bound the cost.
const MAX_QUOTES_PER_SPEAKER: usize = 64;
/// Holders of a phrase each unit is compared with at most: the next ones in story order. A
/// phrase that every document of a giant story holds would otherwise be compared in every
/// pair (the square of the story's size); joined a few at a time, the holders still end in one
/// group, and stories of up to this many documents and one are compared in full.
const MAX_PARTNERS_PER_PHRASE: usize = 16;

/// Two units that share a phrase are one statement only when their terms overlap by at least
/// this much (half the overlap [`super::group`] asks)…
pub(crate) const MIN_OVERLAP: f64 = super::SAME_STATEMENT_OVERLAP / 2.0;
/// …in at least this many terms.
pub(crate) const MIN_SHARED: usize = 2;

/// True when two units share at least [`MIN_SHARED`] terms, [`MIN_OVERLAP`] of the smaller one's.
pub fn alike(x: &Unit, y: &Unit) -> bool {
    let shared = x.terms.intersection(&y.terms).count();
    let small = x.terms.len().min(y.terms.len()).max(1);
    shared >= MIN_SHARED && shared as f64 / small as f64 >= MIN_OVERLAP
}

/// Capitalised words the other document never uses (titles, months and weekdays aside) that
/// keep two units apart: one may be a place in a dateline ("SPRINGFIELD, Ohio –"), two name
/// someone or something the other outlet does not mention.
pub(crate) const MIN_NOVEL_NAMES: usize = 2;

/// True when one unit names someone or something (capitalised words past its first) that the
/// other unit's document never mentions: then it carries what the other outlet does not, and
/// the two are not one statement (and the first may be an exclusive).
fn names_apart(docs: &[&Document], vocabulary: &Vocabulary, x: &Unit, y: &Unit) -> bool {
    let novel = |u: &Unit, other: usize| {
        let text = docs[u.doc].span_text(u.span);
        let mut names = words(text)
            .into_iter()
            .skip(1)
            .filter_map(|w| w.slice(text))
            .filter(|w| {
                let lower = w.to_lowercase();
                let lower = lower.trim_end_matches('.');
                w.chars().next().is_some_and(char::is_uppercase)
                    && !vocabulary.has(other, lower_hash(w))
                    // A title or a date is no name ("Mr", "February").
                    && !is_in(&TITLES, lower)
                    && !MONTHS.contains(&lower)
                    && !is_in(&WEEKDAYS, lower)
            });
        names.nth(MIN_NOVEL_NAMES - 1).is_some()
    };
    novel(x, y.doc) || novel(y, x.doc)
}

/// True when two quotes have speakers of different last words ("Ann Lee" and "Secretary Lee"
/// are one): two people saying words that share a phrase ("the families of lost sailors")
/// have said two things.
fn spoken_apart(x: &Unit, y: &Unit) -> bool {
    let last = |name: &str| name.split_whitespace().next_back().map(str::to_lowercase);
    match (x.is_quote && y.is_quote, &x.speaker, &y.speaker) {
        (true, Some(a), Some(b)) => last(a) != last(b),
        _ => false,
    }
}

/// Joins `groups` of `units` that share a rare phrase.
pub fn join(
    docs: &[&Document],
    read: &ReadSentences,
    vocabulary: &Vocabulary,
    units: &[Unit],
    groups: Vec<Vec<usize>>,
) -> Vec<Vec<usize>> {
    // Only units of different documents are joined.
    if docs.len() < 2 {
        return in_order(groups);
    }
    let unit_phrases: Vec<HashSet<u64>> = units
        .iter()
        .map(|u| phrases(docs[u.doc], read, u))
        .collect();
    // Phrase -> the groups holding it, and how many units hold it.
    let mut group_of = vec![0; units.len()];
    for (g, members) in groups.iter().enumerate() {
        for &m in members {
            group_of[m] = g;
        }
    }
    let mut holders: HashMap<u64, Vec<usize>> = HashMap::default();
    for (u, ps) in unit_phrases.iter().enumerate() {
        for p in ps {
            holders.entry(*p).or_default().push(u);
        }
    }
    let mut joins = GroupJoins::new(&groups, |u| units[u].doc);
    // Every pair of units sharing a rare phrase that may be one statement, strongest first: a
    // unit joins the group it is most alike, not the first it meets.
    let mut frequency: HashMap<u64, usize> = HashMap::default();
    for u in units {
        for t in &u.terms {
            *frequency.entry(*t).or_default() += 1;
        }
    }
    let idf = |t: &u64| (units.len() as f64 / frequency.get(t).copied().unwrap_or(1) as f64).ln();
    let weight = |u: &Unit| u.terms.iter().map(idf).sum::<f64>();
    let mut rare: Vec<(&u64, &Vec<usize>)> = holders
        .iter()
        .filter(|(_, us)| us.len() <= docs.len())
        .collect();
    rare.sort_unstable();
    let mut candidates: Vec<(f64, usize, usize)> = Vec::new();
    let mut seen: HashSet<(usize, usize)> = HashSet::default();
    for (_, us) in rare {
        for (k, &i) in us.iter().enumerate() {
            for &j in us[k + 1..].iter().take(MAX_PARTNERS_PER_PHRASE) {
                let (x, y) = (&units[i], &units[j]);
                if x.doc == y.doc || !seen.insert((i, j)) {
                    continue;
                }
                if !alike(x, y) || names_apart(docs, vocabulary, x, y) || spoken_apart(x, y) {
                    continue;
                }
                let shared: f64 = x.terms.intersection(&y.terms).map(idf).sum();
                let strength = shared / weight(x).min(weight(y)).max(f64::MIN_POSITIVE);
                candidates.push((strength, i, j));
            }
        }
    }
    // Two quotes of one speaker in two documents that share a word the story rarely uses are
    // one statement reworded as often as they share a phrase ("the pump had failed twice" and
    // "she said it failed twice in a week").
    let mut by_speaker: HashMap<String, Vec<usize>> = HashMap::default();
    for (i, u) in units.iter().enumerate() {
        if let Some(speaker) = u.speaker.as_ref().filter(|_| u.is_quote) {
            by_speaker
                .entry(speaker.to_lowercase())
                .or_default()
                .push(i);
        }
    }
    let rare_shared = |x: &Unit, y: &Unit| {
        x.terms
            .intersection(&y.terms)
            .any(|t| frequency.get(t).copied().unwrap_or(0) <= docs.len())
    };
    let mut speakers: Vec<(String, Vec<usize>)> = by_speaker.into_iter().collect();
    speakers.sort_unstable();
    for (_, us) in &speakers {
        for (k, &i) in us.iter().enumerate().take(MAX_QUOTES_PER_SPEAKER) {
            for &j in us[k + 1..].iter().take(MAX_QUOTES_PER_SPEAKER) {
                let (x, y) = (&units[i], &units[j]);
                if x.doc == y.doc || !seen.insert((i.min(j), i.max(j))) {
                    continue;
                }
                let shared = x.terms.intersection(&y.terms).count();
                if shared < MIN_SHARED_SAME_SPEAKER
                    || !alike(x, y)
                    || !rare_shared(x, y)
                    || names_apart(docs, vocabulary, x, y)
                {
                    continue;
                }
                let shared: f64 = x.terms.intersection(&y.terms).map(idf).sum();
                let strength = shared / weight(x).min(weight(y)).max(f64::MIN_POSITIVE);
                candidates.push((strength, i.min(j), i.max(j)));
            }
        }
    }
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then((a.1, a.2).cmp(&(b.1, b.2))));
    for (_, i, j) in candidates {
        joins.join(group_of[i], group_of[j]);
    }
    joins.finish(groups)
}
