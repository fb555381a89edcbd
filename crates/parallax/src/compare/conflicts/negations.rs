//! Negated findings and characterizations: one account says a thing was not found ("no knife
//! was recovered") or is not what someone calls it ("it was not a bribe"), against another
//! account that affirms it ("she was holding what looked like a knife"; a rival calling the
//! payment a bribe).
//!
//! A bare negation against another sentence's use of the same word is far more often a
//! different matter than a disagreement ([`super::polarity`] reads only reported denials across
//! sentences), so only two forms are read here, each of which states the opposite of a claim:
//! - [`Form::NoneFound`]: a search came up empty ("no gun was found", "police found no drugs",
//!   "the bodies were never recovered", "divers did not find any wreckage"). Its counterpart
//!   affirms the thing as what someone believed or claimed ("what he thought was a gun"), or is
//!   stated by someone else and alike enough to be about the same matter.
//! - [`Form::NotA`]: a named speaker says what something is not ("it wasn't a bribe", "this is
//!   not a strike"). Its counterpart is another named speaker calling it that.

use super::polarity::{affirms, same_person};
use super::variants::is_negation;
use super::{words_text, Proposal, MIN_SIMILARITY};
use crate::compare::reading::{Reading, Sentence};
use crate::compare::values::number_word;
use crate::model::ConflictKind;

/// The two negated forms read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// "No gun was found": a search came up empty.
    NoneFound,
    /// "It wasn't a bribe": a characterization rejected.
    NotA,
}

/// A negated form found in a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Negated {
    /// Which form.
    pub form: Form,
    /// The first word of the negated clause.
    pub from: usize,
    /// The negated thing's head word.
    pub matter: usize,
    /// The last word of the negated clause.
    pub to: usize,
}

/// Words that say something was searched for and found.
const FINDING: &[&str] = &[
    "found",
    "recovered",
    "located",
    "discovered",
    "detected",
    "seized",
    "find",
    "recover",
    "locate",
    "discover",
    "detect",
];
/// Auxiliaries between a thing and its finding ("was", "has been").
const AUXILIARIES: &[&str] = &[
    "was", "were", "is", "are", "be", "been", "has", "have", "had", "being",
];
/// Adverbs between a negation and its finding ("had not yet been recovered").
const ADVERBS: &[&str] = &["yet", "ever", "immediately", "so", "far", "actually"];
/// Words after a thing that deny it as a negation would ("unable to find the file").
const UNABLE: &[&str] = &["unable", "failed", "fails", "fail"];
/// Words after a counterpart's matter word in which a negation makes it no affirmation ("the
/// bodies have not been found").
const NEGATION_AFTER: usize = 4;
/// Subjects of a rejected characterization.
const SUBJECTS: &[&str] = &["it", "this", "that", "he", "she", "they", "we"];
/// Subjects with the copula joined ("it's not a…").
const SUBJECTS_WITH_COPULA: &[&str] = &["it's", "that's", "he's", "she's", "they're", "we're"];
/// Words that make what follows a belief or a claim rather than a fact ("what he thought was a
/// gun", "she was believed to be armed").
const BELIEFS: &[&str] = &[
    "believed",
    "believe",
    "believing",
    "thought",
    "appeared",
    "appears",
    "seemed",
    "looked",
    "suspected",
    "claimed",
    "alleged",
    "allegedly",
    "reportedly",
    "apparently",
    "may",
    "might",
    "possibly",
];
/// Words before a counterpart's matter word in which a belief word counts.
const BELIEF_REACH: usize = 6;
/// The least weight ([`Reading::weight`]) a negated thing needs: a word in fewer than one
/// sentence in four of the story.
const MIN_MATTER_WEIGHT: f64 = super::ONE_SENTENCE_IN_FOUR;
/// Sentences of evidence for the affirming side at most.
const MAX_EVIDENCE: usize = 3;
/// Sentences holding the matter word read as counterparts at most.
const MAX_COUNTERPARTS: usize = 64;

fn is(s: &Sentence, i: usize, set: &[&str]) -> bool {
    s.words
        .get(i)
        .is_some_and(|w| set.contains(&w.lower.as_str()))
}

/// The head of the noun phrase starting at word `i`, an article or a quantifier skipped: its
/// first content word, or the last of up to three that run on to an auxiliary, a finding word
/// or the clause's end ("no murder rifle was found"; "any wreckage near the pier" keeps
/// "wreckage").
fn head_from(s: &Sentence, text: &str, mut i: usize) -> Option<usize> {
    while s.words.get(i).is_some_and(|w| {
        matches!(
            w.lower.as_str(),
            "a" | "an" | "the" | "any" | "such" | "other" | "single"
        )
    }) {
        if s.breaks_after(text, i) {
            return None;
        }
        i += 1;
    }
    let content = |k: usize| {
        s.words
            .get(k)
            .is_some_and(|w| w.term.is_some() && !FINDING.contains(&w.lower.as_str()))
    };
    if !content(i) {
        return None;
    }
    let mut last = i;
    while last + 1 < i + 3 && content(last + 1) && !s.breaks_after(text, last) {
        last += 1;
    }
    let run_ends = last + 1 >= s.words.len()
        || s.breaks_after(text, last)
        || is(s, last + 1, AUXILIARIES)
        || is(s, last + 1, FINDING);
    Some(if run_ends { last } else { i })
}

/// The negated forms of a sentence.
pub fn forms(s: &Sentence, text: &str) -> Vec<Negated> {
    let mut out = Vec::new();
    let n = s.words.len();
    for i in 0..n {
        let w = s.words[i].lower.as_str();
        let joined = i > 0 && !s.breaks_after(text, i - 1);
        // "no gun (was) found", "found no gun".
        if w == "no" {
            if let Some(h) = head_from(s, text, i + 1) {
                let mut k = h + 1;
                while k < n && k < h + 4 && is(s, k, AUXILIARIES) && !s.breaks_after(text, k - 1) {
                    k += 1;
                }
                let found_after = k < n && is(s, k, FINDING) && !s.breaks_after(text, k - 1);
                let found_before = joined && is(s, i - 1, FINDING);
                if found_after || found_before {
                    let from = if found_before { i - 1 } else { i };
                    out.push(Negated {
                        form: Form::NoneFound,
                        from,
                        matter: h,
                        to: if found_after { k } else { h },
                    });
                }
            }
        }
        // "the gun was not found", "the bodies were never recovered", "it wasn't found".
        let negation = matches!(w, "not" | "never") || w.ends_with("n't");
        if negation && i >= 1 {
            let aux_before = is(s, i - 1, AUXILIARIES) || w.ends_with("n't");
            let mut k = i + 1;
            while k < n && k < i + 4 && (is(s, k, AUXILIARIES) || is(s, k, ADVERBS)) {
                k += 1;
            }
            let thing = if w.ends_with("n't") { i } else { i - 1 };
            if aux_before && is(s, k, FINDING) && thing >= 1 {
                let t = thing - 1;
                if s.words[t].term.is_some() && !s.breaks_after(text, t) {
                    out.push(Negated {
                        form: Form::NoneFound,
                        from: t,
                        matter: t,
                        to: k,
                    });
                }
            }
            // "did not find any wreckage", "never found a note".
            if is(s, i + 1, FINDING) && !s.breaks_after(text, i) {
                if let Some(h) = head_from(s, text, i + 2) {
                    out.push(Negated {
                        form: Form::NoneFound,
                        from: i,
                        matter: h,
                        to: h,
                    });
                }
            }
        }
        // "it wasn't a bribe", "this is not a strike", "it's not a hoax".
        let subject_copula = (i >= 2
            && is(s, i - 2, SUBJECTS)
            && matches!(s.words[i - 1].lower.as_str(), "was" | "is" | "are" | "were")
            && matches!(w, "not" | "never"))
            || (i >= 1 && is(s, i - 1, SUBJECTS_WITH_COPULA) && matches!(w, "not" | "never"))
            || (i >= 1
                && is(s, i - 1, SUBJECTS)
                && matches!(w, "wasn't" | "isn't" | "weren't" | "aren't"));
        if subject_copula
            && matches!(
                s.words.get(i + 1).map(|x| x.lower.as_str()),
                Some("a" | "an")
            )
        {
            // A bare noun only: "not a simple question" rejects the adjective, not the thing.
            if let Some(h) = head_from(s, text, i + 1).filter(|&h| h == i + 2) {
                let from = if is(s, i - 1, SUBJECTS_WITH_COPULA) || w.ends_with("n't") {
                    i - 1
                } else {
                    i - 2
                };
                out.push(Negated {
                    form: Form::NotA,
                    from,
                    matter: h,
                    to: h,
                });
            }
        }
    }
    out
}

/// True when a negation, or a word saying a search failed, follows word `at` of `s` closely in
/// its clause ("the bodies had not been recovered"), or comes shortly before it, or the
/// sentence reports a failed search ("were unable to find anything in their records").
fn negated_after(s: &Sentence, text: &str, at: usize) -> bool {
    let before = (at.saturating_sub(NEGATION_AFTER)..at).any(|k| is(s, k, UNABLE))
        || (0..s.words.len())
            .any(|k| is(s, k, UNABLE) && (k + 1..k + 4).any(|j| is(s, j, FINDING)));
    let mut k = at;
    let mut after = false;
    while k + 1 < s.words.len() && k < at + NEGATION_AFTER && !s.breaks_after(text, k) {
        k += 1;
        let w = s.words[k].lower.as_str();
        if is_negation(w) || UNABLE.contains(&w) {
            after = true;
            break;
        }
    }
    before || after
}

/// True when a belief or claim word comes shortly before word `at` of `s`.
fn believed(s: &Sentence, at: usize) -> bool {
    (at.saturating_sub(BELIEF_REACH)..at).any(|k| is(s, k, BELIEFS))
}

/// Proposes, for each negated form, its strongest counterpart.
pub fn find(reading: &Reading) -> Vec<Proposal> {
    let mut by_term: rustc_hash::FxHashMap<u64, Vec<usize>> = Default::default();
    for (k, s) in reading.sentences.iter().enumerate() {
        for t in &s.terms {
            by_term.entry(*t).or_default().push(k);
        }
    }
    let mut out = Vec::new();
    for (k, s) in reading.sentences.iter().enumerate() {
        let text = reading.text(s.doc);
        if reading.sentence_text(s).trim_end().ends_with('?') {
            continue;
        }
        for neg in forms(s, text) {
            let Some(term) = s.words[neg.matter].term else {
                continue;
            };
            let head = &s.words[neg.matter];
            if head.cap
                || number_word(&head.lower).is_some()
                || reading.weight(term) < MIN_MATTER_WEIGHT
            {
                continue;
            }
            let speaker = reading.speaker_at(s.doc, s.words[neg.matter].span);
            if neg.form == Form::NotA && speaker.is_none() {
                continue;
            }
            let mut candidates: Vec<(f64, usize, usize)> = Vec::new();
            for &other in by_term[&term].iter().take(MAX_COUNTERPARTS) {
                let o = &reading.sentences[other];
                if other == k || reading.sentence_text(o).trim_end().ends_with('?') {
                    continue;
                }
                let Some(at) = affirms(o, term) else { continue };
                if negated_after(o, reading.text(o.doc), at) {
                    continue;
                }
                let other_speaker = reading.speaker_at(o.doc, o.words[at].span);
                let similarity = reading.similarity(s, o);
                let strength = match neg.form {
                    Form::NoneFound => {
                        let someone_else = match (speaker, other_speaker) {
                            (Some(a), Some(b)) => !same_person(a, b),
                            (None, None) => o.doc != s.doc,
                            _ => true,
                        };
                        if believed(o, at) {
                            reading.weight(term) + 1.0 + similarity * 4.0
                        } else if someone_else && similarity >= MIN_SIMILARITY {
                            reading.weight(term) + similarity * 4.0
                        } else {
                            continue;
                        }
                    }
                    Form::NotA => match (speaker, other_speaker) {
                        (Some(a), Some(b)) if !same_person(a, b) => {
                            reading.weight(term) + 1.0 + similarity * 4.0
                        }
                        _ => continue,
                    },
                };
                candidates.push((strength, other, at));
            }
            candidates.sort_by(|a, b| b.0.total_cmp(&a.0));
            let Some(&(strength, best, _)) = candidates.first() else {
                continue;
            };
            let mut affirming =
                reading.side(&reading.sentences[best], reading.sentences[best].span, None);
            for &(_, more, _) in candidates.iter().skip(1).take(MAX_EVIDENCE - 1) {
                let m = &reading.sentences[more];
                super::add_sentence(reading, &mut affirming, m);
            }
            let about = words_text(
                reading,
                s.doc,
                s.words[neg.from].span,
                s.words[neg.to.max(neg.from)].span,
            );
            let sides = vec![affirming, reading.side(s, s.span, None)];
            out.push(Proposal::new(
                strength,
                ConflictKind::Denial,
                about,
                None,
                sides,
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::reading::read_sentence;
    use crate::model::Span;

    fn read(text: &str) -> Vec<(Form, String)> {
        let s = read_sentence(0, text, Span::new(0, text.len()).unwrap());
        forms(&s, text)
            .into_iter()
            .map(|n| (n.form, s.words[n.matter].lower.clone()))
            .collect()
    }

    #[test]
    fn searches_that_came_up_empty() {
        assert_eq!(
            read("No rifle was found in the van, the sheriff said."),
            vec![(Form::NoneFound, "rifle".to_string())]
        );
        assert_eq!(
            read("Officers found no drugs in the flat."),
            vec![(Form::NoneFound, "drugs".to_string())]
        );
        assert_eq!(
            read("The hikers' tent was never recovered."),
            vec![(Form::NoneFound, "tent".to_string())]
        );
        assert_eq!(
            read("Divers did not find any wreckage near the pier."),
            vec![(Form::NoneFound, "wreckage".to_string())]
        );
    }

    #[test]
    fn characterizations_rejected() {
        assert_eq!(
            read("\"It wasn't a bribe, it was a fee,\" the mayor said."),
            vec![(Form::NotA, "bribe".to_string())]
        );
        assert_eq!(
            read("This is not a strike, the union insists."),
            vec![(Form::NotA, "strike".to_string())]
        );
    }

    #[test]
    fn other_negations_are_not_read() {
        assert!(read("No one was hurt in the blaze.").is_empty());
        assert!(read("He did not say where the money went.").is_empty());
        assert!(read("It was not clear who fired first.").is_empty());
        assert!(read("There was no answer at the door.").is_empty());
    }
}
