//! Restated claims rebutted: a speaker puts another party's claim into words and, in the next
//! sentence, doubts it ("You say the pumps were checked every week," the inspector told Dale
//! Finch. "But with rust this thick, it is hard to believe anyone looked at them.").
//!
//! The claim sentence is a quote whose words name who holds the claim: "you" with a verb of
//! saying ([`CLAIM_VERBS`]), the addressee taken from the attribution ("told Finch", "asked
//! Finch"), or a name right before such a verb ("Finch insists the pumps were fine"). The next
//! sentence is the same speaker's, opens with a contrast ("but", "yet", "however") and holds a
//! doubt ([`doubt_at`]: "hard to believe", "difficult to imagine", "strains credulity"). The
//! two sentences are the two sides: the claim's holder as told by the speaker, and the speaker.
//! A claim sentence is read only where the speaker's quote covers its verb of saying.

use super::polarity::same_person;
use super::variants::is_negation;
use super::{words_text, Proposal};
use crate::compare::reading::{Reading, Sentence};
use crate::model::ConflictKind;

/// Verbs that put a claim into words after its holder ("you said", "Finch insists").
pub(crate) const CLAIM_VERBS: &[&str] = &[
    "say",
    "says",
    "said",
    "state",
    "states",
    "stated",
    "claim",
    "claims",
    "claimed",
    "insist",
    "insists",
    "insisted",
    "maintain",
    "maintains",
    "maintained",
    "contend",
    "contends",
    "contended",
    "assert",
    "asserts",
    "asserted",
    "argue",
    "argues",
    "argued",
    "testified",
];
/// Words that open a sentence set against the one before.
const CONTRAST_OPENERS: &[&str] = &["but", "yet", "however"];
/// Words that say something is hard to take as true, before "to" and a verb of belief.
const DOUBT_HEADS: &[&str] = &["hard", "difficult", "stretch", "impossible", "tough"];
/// Verbs of belief after a doubt head ("hard to believe").
const BELIEF_VERBS: &[&str] = &["believe", "imagine", "accept", "credit", "swallow"];
/// Words that doubt on their own ("unbelievable" is left out: far more often it only stresses).
const DOUBT_WORDS: &[&str] = &["credulity", "implausible"];
/// Capitalised words that stand for someone rather than name them ("As I said", "He insists").
const PRONOUNS: &[&str] = &["i", "we", "he", "she", "they", "it", "you"];
/// Verbs of an attribution whose object is the one addressed ("told Finch").
const ADDRESSING: &[&str] = &["told", "asked", "pressed", "questioned", "challenged"];
/// Words between "you" and its verb of saying ("you have said").
const MAX_AUXILIARIES: usize = 2;
/// How strong a restated claim rebutted is: as strong as a rebuttal spelled out in one
/// sentence, since the speaker sets the two views against each other in words.
const STRENGTH: f64 = 3.5;

/// Proposes a conflict for each restated claim its speaker doubts in the next sentence.
pub fn find(reading: &Reading) -> Vec<Proposal> {
    let mut out = Vec::new();
    for pair in reading.sentences.windows(2) {
        let (claim, doubt) = (&pair[0], &pair[1]);
        if claim.doc != doubt.doc {
            continue;
        }
        let opens = doubt
            .words
            .first()
            .is_some_and(|w| CONTRAST_OPENERS.contains(&w.lower.as_str()));
        let Some(at) = doubt_at(doubt).filter(|_| opens) else {
            continue;
        };
        let Some(speaker) = reading.speaker_at(doubt.doc, doubt.words[at].span) else {
            continue;
        };
        let Some((verb, holder)) = restated_claim(reading, claim, speaker) else {
            continue;
        };
        let last = (verb + 6).min(claim.words.len() - 1);
        let about = words_text(
            reading,
            claim.doc,
            claim.words[(verb + 1).min(last)].span,
            claim.words[last].span,
        );
        let mut held = reading.side(claim, claim.span, None);
        held.speaker = Some(holder);
        held.channel = speaker.to_string();
        let doubted = reading.side(doubt, doubt.span, None);
        out.push(Proposal::new(
            STRENGTH,
            ConflictKind::Denial,
            about,
            None,
            vec![held, doubted],
        ));
    }
    out
}

/// Where sentence `s` doubts what was said: a doubt head followed within two words by a verb
/// of belief ("hard to believe", "difficult to accept"), or a word that doubts on its own; not
/// when a negation stands within two words before it ("it is not hard to believe").
pub(crate) fn doubt_at(s: &Sentence) -> Option<usize> {
    s.words.iter().enumerate().find_map(|(i, w)| {
        let word = w.lower.as_str();
        let head = DOUBT_HEADS.contains(&word)
            && s.words[i + 1..]
                .iter()
                .take(2)
                .any(|n| BELIEF_VERBS.contains(&n.lower.as_str()));
        let negated = s.words[i.saturating_sub(2)..i]
            .iter()
            .any(|n| is_negation(&n.lower));
        ((head || DOUBT_WORDS.contains(&word)) && !negated).then_some(i)
    })
}

/// The verb of saying by which `speaker` restates another party's claim in sentence `s` (a
/// verb inside the speaker's quote), and who holds the claim: the one the speaker addresses for
/// "you", or the name right before the verb (no pronoun, and not the speaker).
fn restated_claim(reading: &Reading, s: &Sentence, speaker: &str) -> Option<(usize, String)> {
    let text = reading.text(s.doc);
    for (i, w) in s.words.iter().enumerate() {
        if !CLAIM_VERBS.contains(&w.lower.as_str()) || i == 0 {
            continue;
        }
        let restated_by = reading.speaker_at(s.doc, w.span);
        if !restated_by.is_some_and(|r| same_person(r, speaker)) {
            continue;
        }
        let you = (i.saturating_sub(MAX_AUXILIARIES + 1)..i)
            .find(|&j| s.words[j].lower == "you" && !(j..i).any(|k| s.breaks_after(text, k)));
        if you.is_some() {
            match addressee(reading, s) {
                Some(addressee) if !same_person(&addressee, speaker) => {
                    return Some((i, addressee))
                }
                _ => continue,
            }
        }
        // A name right before the verb, at most three capitalised words.
        let mut from = i;
        while from > 0 && i - from < 3 && s.words[from - 1].cap && !s.breaks_after(text, from - 1) {
            from -= 1;
        }
        let pronoun = (from..i).any(|k| PRONOUNS.contains(&s.words[k].lower.as_str()));
        // A capitalised word opening the sentence is a name only when the story never writes
        // it in lower case ("Finch insists" against "The operator insists").
        let opens_as_name = from > 0 || !reading.is_common_word(&s.words[0].lower);
        if from < i && opens_as_name && !pronoun && !s.breaks_after(text, i - 1) {
            let name = words_text(reading, s.doc, s.words[from].span, s.words[i - 1].span);
            if !same_person(&name, speaker) {
                return Some((i, name));
            }
        }
    }
    None
}

/// The one a speaker addresses in sentence `s`: the capitalised words right after a verb of
/// addressing ("told Finch", "asked Dale Finch").
fn addressee(reading: &Reading, s: &Sentence) -> Option<String> {
    let text = reading.text(s.doc);
    // The attribution's verb, outside every quote ("I told Finch so" inside one is no address).
    let at = s.words.iter().position(|w| {
        ADDRESSING.contains(&w.lower.as_str()) && reading.quote_over(s.doc, w.span).is_none()
    })?;
    let mut to = at;
    while to + 1 < s.words.len() && to < at + 3 && s.words[to + 1].cap && !s.breaks_after(text, to)
    {
        to += 1;
    }
    (to > at).then(|| words_text(reading, s.doc, s.words[at + 1].span, s.words[to].span))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::reading::read_sentence;
    use crate::model::Span;

    fn sentence(text: &str) -> Sentence {
        read_sentence(0, text, Span::new(0, text.len()).unwrap())
    }

    #[test]
    fn a_doubt_is_read() {
        let at = |t: &str| doubt_at(&sentence(t)).map(|i| sentence(t).words[i].lower.clone());
        assert_eq!(
            at("But it is hard to believe anyone checked the pumps."),
            Some("hard".into())
        );
        assert_eq!(
            at("Yet that is difficult to accept for a town this size."),
            Some("difficult".into())
        );
        // A doubt denied is none.
        assert_eq!(at("But it is not hard to believe, given the rust."), None);
        assert_eq!(
            at("However, the timing strains credulity."),
            Some("credulity".into())
        );
        // Hard work is no doubt, nor is a stressed word.
        assert_eq!(at("But the crews worked hard to repair the pumps."), None);
        assert_eq!(at("But the view from the ridge was unbelievable."), None);
    }
}
