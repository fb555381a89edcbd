//! Blame against its denial: one party denies any part in what happened ("the ministry denied
//! any involvement"), another account lays it at that party's door ("investigators say the
//! ministry ordered the raid").
//!
//! A denial of this kind names no matter of its own: what it rejects is an accusation, so its
//! counterpart is found by the denier's name, not by a shared word. The denier is the name right
//! before the denial verb; the counterparts are sentences stated by someone other than the
//! denier that name it (a demonym counts: "Ruritanian agents" names Ruritania) and say who did
//! it ([`BLAME`]), ranked by how alike they are to the denial.

use super::polarity::{affirms_nothing, DENIALS};
use super::{words_text, Proposal};
use crate::compare::reading::{Reading, Sentence};
use crate::model::ConflictKind;

/// Nouns a denial of any part in an act takes ("denied any involvement").
const ACCUSATIONS: &[&str] = &[
    "responsibility",
    "involvement",
    "wrongdoing",
    "role",
    "allegation",
    "allegations",
    "accusation",
    "accusations",
    "blame",
    "culpability",
    "complicity",
    "guilt",
    "link",
    "links",
    "part",
];
/// Words that say who did something, in an account laying blame.
const BLAME: &[&str] = &[
    "accused",
    "accuses",
    "accusing",
    "blamed",
    "blames",
    "blaming",
    "behind",
    "responsible",
    "ordered",
    "orchestrated",
    "attack",
    "attacked",
    "perpetrated",
    "culprit",
    "carried",
    "masterminded",
];
/// Words between a denier and its denial verb ("has flatly denied").
const BETWEEN: &[&str] = &[
    "has",
    "had",
    "have",
    "also",
    "again",
    "repeatedly",
    "strongly",
    "flatly",
    "fiercely",
    "firmly",
    "quickly",
    "swiftly",
    "previously",
    "earlier",
];
/// Words around a party's name in which a blame word is about it.
const NEAR: usize = 3;
/// Words of a denier's name at most.
const MAX_NAME_WORDS: usize = 4;
/// Sentences of evidence for the blaming side at most.
const MAX_EVIDENCE: usize = 3;
/// How strong a blame conflict is against the other finders' ([`super::select`]).
const STRENGTH: f64 = 3.0;

/// The capitalised name right before a denial verb at word `k` ("Acme Mining denied"), as word
/// indices; `None` when the denier is no name ("it denied", "officials denied").
fn denier(s: &Sentence, text: &str, k: usize) -> Option<(usize, usize)> {
    let mut end = k;
    while end > 0 && BETWEEN.contains(&s.words[end - 1].lower.as_str()) {
        end -= 1;
    }
    let mut start = end;
    while start > 0
        && end - start < MAX_NAME_WORDS
        && s.words[start - 1].cap
        && !s.breaks_after(text, start - 1)
    {
        start -= 1;
    }
    while start < end && matches!(s.words[start].lower.as_str(), "the" | "a" | "an") {
        start += 1;
    }
    // The sentence's first word is capitalised anyway: it counts only with another name word.
    let only_first = start == 0 && end == 1;
    (start < end && !only_first && (end == k || !s.breaks_after(text, end - 1)))
        .then_some((start, end))
}

/// True when word `w` names `name` (any case), or is its demonym ("Ruritanian").
fn names(w: &str, name: &str) -> bool {
    w == name || (name.len() >= 4 && w.starts_with(name) && w.len() <= name.len() + 3)
}

/// Where sentence `o` names the party `name` (its words in a row), if it does.
fn named_at(o: &Sentence, name: &[&str]) -> Option<usize> {
    (0..o.words.len().saturating_sub(name.len() - 1)).find(|&j| {
        name.iter()
            .enumerate()
            .all(|(n, part)| names(&o.words[j + n].lower, part))
    })
}

/// Proposes, for each denial of any part in an act by a named party, the accounts that blame it.
pub fn find(reading: &Reading) -> Vec<Proposal> {
    let mut out = Vec::new();
    for (k, s) in reading.sentences.iter().enumerate() {
        let text = reading.text(s.doc);
        for i in 0..s.words.len() {
            if !DENIALS.contains(&s.words[i].lower.as_str()) {
                continue;
            }
            let accusation = (i + 1..s.words.len().min(i + 4))
                .take_while(|&j| !s.breaks_after(text, j - 1))
                .find(|&j| ACCUSATIONS.contains(&s.words[j].lower.as_str()));
            let Some(((from, to), last)) = denier(s, text, i).zip(accusation) else {
                continue;
            };
            let name: Vec<&str> = s.words[from..to].iter().map(|w| w.lower.as_str()).collect();
            let denier_speaks = reading.speaker_at(s.doc, s.words[i].span);
            let mut candidates: Vec<(f64, usize)> = Vec::new();
            for (other, o) in reading.sentences.iter().enumerate() {
                if other == k || affirms_nothing(o) {
                    continue;
                }
                let Some(at) = named_at(o, &name) else {
                    continue;
                };
                let blames = o.words.iter().any(|w| BLAME.contains(&w.lower.as_str()));
                if !blames || reading.sentence_text(o).trim_end().ends_with('?') {
                    continue;
                }
                // A sentence opening with the denier tells what the denier says or does ("the
                // ministry accused its critics…"), not what others lay at its door.
                let opens_with_denier = o
                    .words
                    .iter()
                    .skip_while(|w| matches!(w.lower.as_str(), "the" | "a" | "an"))
                    .take(name.len())
                    .zip(&name)
                    .all(|(w, n)| names(&w.lower, n));
                if opens_with_denier {
                    continue;
                }
                // The denier's own words are no account against it.
                let speaker = o
                    .words
                    .first()
                    .and_then(|w| reading.speaker_at(o.doc, w.span));
                let own = speaker.is_some_and(|p| {
                    name.iter().all(|n| p.to_lowercase().contains(n)) || denier_speaks == Some(p)
                });
                if own {
                    continue;
                }
                // Blame next to the name is about it ("an attack by Ruritanian agents").
                let near = (at.saturating_sub(NEAR)..(at + name.len() + NEAR).min(o.words.len()))
                    .any(|j| BLAME.contains(&o.words[j].lower.as_str()));
                let closeness = if near { 1.0 } else { 0.0 };
                candidates.push((closeness + reading.similarity(s, o), other));
            }
            candidates.sort_by(|a, b| b.0.total_cmp(&a.0));
            let Some(&(similarity, best)) = candidates.first() else {
                continue;
            };
            let b = &reading.sentences[best];
            let mut blaming = reading.side(b, b.span, None);
            for &(_, more) in candidates.iter().skip(1).take(MAX_EVIDENCE - 1) {
                let m = &reading.sentences[more];
                super::add_sentence(reading, &mut blaming, m);
            }
            let about = words_text(reading, s.doc, s.words[from].span, s.words[last].span);
            out.push(Proposal::new(
                STRENGTH + similarity,
                ConflictKind::Denial,
                about,
                None,
                vec![blaming, reading.side(s, s.span, None)],
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

    fn denier_of(text: &str) -> Option<String> {
        let s = read_sentence(0, text, Span::new(0, text.len()).unwrap());
        let k = s
            .words
            .iter()
            .position(|w| DENIALS.contains(&w.lower.as_str()))?;
        denier(&s, text, k).map(|(a, b)| {
            s.words[a..b]
                .iter()
                .map(|w| w.lower.clone())
                .collect::<Vec<_>>()
                .join(" ")
        })
    }

    #[test]
    fn the_denier_is_the_name_before_the_verb() {
        assert_eq!(
            denier_of("The Ruritanian Interior Ministry has flatly denied any role in the raid."),
            Some("ruritanian interior ministry".to_string())
        );
        assert_eq!(
            denier_of("A day later, Acme Mining denied any wrongdoing."),
            Some("acme mining".to_string())
        );
        assert_eq!(denier_of("It denied any involvement."), None);
        assert_eq!(denier_of("Officials denied any link to the group."), None);
    }

    #[test]
    fn a_demonym_names_its_country() {
        assert!(names("ruritanian", "ruritania"));
        assert!(names("ruritania", "ruritania"));
        assert!(!names("ruritaniaville", "ruritania"));
        assert!(names("mal", "mal"));
        assert!(!names("mali", "mal"));
    }
}
