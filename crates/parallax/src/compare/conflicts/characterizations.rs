//! Opposed characterizations: two named speakers say what one thing is, in words that share
//! nothing ("the levy is a tax on the poor" against "the levy is an investment in the
//! harbour").
//!
//! A characterization is a clause of a quote whose subject opens it (a noun the story writes in
//! lower case, after at most a determiner) followed by "is", "are", "was" or "were" and a
//! predicate of content words. Two of them about the same noun, by two different named
//! speakers, whose predicates have no content word in common, are two versions of what the
//! thing is. A negated predicate is left to [`super::negations`].

use super::polarity::same_person;
use super::{words_text, Proposal};
use crate::compare::reading::{Reading, Sentence};
use crate::lexicon::WordList;
use crate::model::ConflictKind;

/// Copulas a characterization uses.
const COPULAS: &[&str] = &["is", "are", "was", "were", "'s"];
/// Words that may stand before the subject.
static DETERMINERS: WordList = WordList::new(&[
    "the", "this", "that", "these", "those", "our", "their", "its",
]);
/// Words of a predicate read at most.
const MAX_PREDICATE_WORDS: usize = 10;
/// Content words a predicate needs.
const MIN_PREDICATE_TERMS: usize = 2;
/// The least weight ([`Reading::weight`]) the subject needs: a word in fewer than one sentence in
/// four of the story.
const MIN_SUBJECT_WEIGHT: f64 = super::ONE_SENTENCE_IN_FOUR;
/// Characterizations of one subject compared at most.
const MAX_PER_SUBJECT: usize = 16;
/// How strong opposed characterizations are against the other finders' ([`super::select`]).
const STRENGTH: f64 = 3.0;

/// One characterization: the sentence, its subject word and its predicate's terms.
#[derive(Debug, Clone)]
pub(crate) struct Characterization {
    /// The sentence's index in the reading.
    pub sentence: usize,
    /// The subject word.
    pub subject: usize,
    /// The predicate's content terms.
    pub predicate: Vec<u64>,
}

/// The characterizations of sentence `s` ("ferry subsidies are a cost the port can bear").
pub fn characterizations(s: &Sentence, text: &str) -> Vec<(usize, usize, Vec<u64>)> {
    let mut out = Vec::new();
    for k in 1..s.words.len() {
        if !COPULAS.contains(&s.words[k].lower.as_str()) || s.breaks_after(text, k - 1) {
            continue;
        }
        let subject = k - 1;
        if s.words[subject].term.is_none() {
            continue;
        }
        // The subject opens its clause, after at most a determiner.
        let mut first = subject;
        if first > 0
            && !s.breaks_after(text, first - 1)
            && DETERMINERS.contains(s.words[first - 1].lower.as_str())
        {
            first -= 1;
        }
        if first > 0 && !s.breaks_after(text, first - 1) {
            continue;
        }
        let mut predicate = Vec::new();
        let mut end = k;
        let mut j = k;
        while j + 1 < s.words.len() && j < k + MAX_PREDICATE_WORDS && !s.breaks_after(text, j) {
            j += 1;
            let w = &s.words[j];
            if j == k + 1 && (super::variants::is_negation(&w.lower) || w.lower == "also") {
                predicate.clear();
                break;
            }
            if let Some(t) = w.term {
                predicate.push(t);
            }
            end = j;
        }
        if predicate.len() >= MIN_PREDICATE_TERMS {
            out.push((subject, end, predicate));
        }
    }
    out
}

/// Proposes, for each noun two named speakers characterize without a word in common, one
/// conflict of versions.
pub fn find(reading: &Reading) -> Vec<Proposal> {
    let mut by_subject: rustc_hash::FxHashMap<u64, Vec<(Characterization, &str)>> =
        Default::default();
    for (k, s) in reading.sentences.iter().enumerate() {
        let text = reading.text(s.doc);
        for (subject, _, predicate) in characterizations(s, text) {
            let w = &s.words[subject];
            let Some(term) = w.term else { continue };
            // A common noun: the story writes it in lower case somewhere.
            if !reading.is_common_word(&w.lower) || reading.weight(term) < MIN_SUBJECT_WEIGHT {
                continue;
            }
            let Some(speaker) = reading.speaker_at(s.doc, w.span) else {
                continue;
            };
            let list = by_subject.entry(term).or_default();
            if list.len() < MAX_PER_SUBJECT {
                list.push((
                    Characterization {
                        sentence: k,
                        subject,
                        predicate,
                    },
                    speaker,
                ));
            }
        }
    }
    let mut subjects: Vec<u64> = by_subject.keys().copied().collect();
    subjects.sort_unstable();
    let mut out = Vec::new();
    for term in subjects {
        let list = &by_subject[&term];
        let mut best: Option<(usize, usize)> = None;
        for (a, (ca, pa)) in list.iter().enumerate() {
            for (b, (cb, pb)) in list.iter().enumerate().skip(a + 1) {
                let disjoint = ca.predicate.iter().all(|t| !cb.predicate.contains(t));
                if same_person(pa, pb) || !disjoint {
                    continue;
                }
                best.get_or_insert((a, b));
            }
        }
        let Some((a, b)) = best else { continue };
        let side_of = |x: usize| {
            let (c, speaker) = &list[x];
            let s = &reading.sentences[c.sentence];
            let mut side = reading.side(s, s.span, None);
            // The same speaker's other characterizations of the thing, as more evidence.
            for (more, p) in list.iter() {
                if more.sentence != c.sentence && same_person(p, speaker) {
                    let m = &reading.sentences[more.sentence];
                    super::add_sentence(reading, &mut side, m);
                }
            }
            side
        };
        let (ca, _) = &list[a];
        let s = &reading.sentences[ca.sentence];
        let about = words_text(
            reading,
            s.doc,
            s.words[ca.subject].span,
            s.words[ca.subject + 1].span,
        );
        out.push(Proposal::new(
            STRENGTH,
            ConflictKind::Version,
            about,
            None,
            vec![side_of(a), side_of(b)],
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::reading::read_sentence;
    use crate::model::Span;

    fn subjects(text: &str) -> Vec<String> {
        let s = read_sentence(0, text, Span::new(0, text.len()).unwrap());
        characterizations(&s, text)
            .into_iter()
            .map(|(subject, _, _)| s.words[subject].lower.clone())
            .collect()
    }

    #[test]
    fn a_clause_saying_what_a_thing_is() {
        assert_eq!(
            subjects("\"The levy is a tax on the poor,\" she said."),
            ["levy"]
        );
        assert_eq!(
            subjects("Tolls are a fair charge for roads, and buses are cheaper."),
            ["tolls"]
        );
    }

    #[test]
    fn not_a_subject_inside_a_clause_nor_a_negated_predicate() {
        assert!(subjects("He said the plan is a fair deal for towns.").is_empty());
        assert!(subjects("The levy is not a tax on anyone.").is_empty());
        assert!(subjects("The levy is high.").is_empty());
    }
}
