//! Permission granted against permission lacking: one account says a party was allowed to do
//! a thing, another that it was not ("the ferry had no licence to sail at night" against "the
//! ferry was approved to sail the route around the clock").
//!
//! A permission is a word that grants or names one ("approved", "allowed", "permit",
//! "licence") followed within [`REACH`] words by "to" and the permitted action. It is refused
//! when a negation or a refusal ("denied", "revoked") stands within [`REACH`] words before it,
//! and only wished for ([`SOUGHT`]: "applied for a permit", "to be allowed") when a word of
//! seeking does: then it is neither.
//! A refused and a granted permission of the same action, told by two different speakers (or
//! two outlets' narration) in sentences that share another word the story rarely uses, are two
//! versions of whether the thing was allowed.

use super::polarity::same_person;
use super::variants::is_negation;
use super::{words_text, Proposal};
use crate::compare::reading::{Reading, Sentence};
use crate::model::ConflictKind;

/// Words that grant a permission ("approved to land").
const GRANTS: &[&str] = &[
    "allowed",
    "approved",
    "authorised",
    "authorized",
    "cleared",
    "licensed",
    "permitted",
];
/// Nouns that name a permission ("a permit to build").
const PERMISSIONS: &[&str] = &[
    "approval",
    "authorisation",
    "authorization",
    "clearance",
    "licence",
    "license",
    "permission",
    "permit",
];
/// Verbs that refuse or take back a permission ("denied permission to", "revoked its licence").
const REFUSALS: &[&str] = &[
    "denied",
    "lacked",
    "refused",
    "rejected",
    "revoked",
    "withdrawn",
    "withdrew",
];
/// Words before a permission that make it sought, wished for or only discussed, neither granted
/// nor refused ("applied for a permit to", "a push to be allowed to", "the question of being
/// allowed to").
const SOUGHT: &[&str] = &[
    "apply",
    "applied",
    "applying",
    "ask",
    "asked",
    "asking",
    "be",
    "being",
    "need",
    "needed",
    "needs",
    "request",
    "requested",
    "seek",
    "seeking",
    "sought",
    "want",
    "wanted",
    "wants",
    "whether",
    "if",
];
/// Words between a permission and its "to", and between a negation and the permission, at most.
const REACH: usize = 3;
/// Permissions of one action compared at most.
const MAX_PER_ACTION: usize = 16;
/// How strong two versions of a permission are against the other finders' ([`super::select`]).
const STRENGTH: f64 = 3.0;

/// One permission a sentence states: where its word stands, the action's word and whether it
/// is granted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Permission {
    /// The granting or naming word.
    pub at: usize,
    /// The action's word (after "to").
    pub action: usize,
    /// False when the sentence negates or refuses it.
    pub granted: bool,
}

/// The permissions sentence `s` states.
pub fn permissions(s: &Sentence, text: &str) -> Vec<Permission> {
    let word = |k: usize| s.words[k].lower.as_str();
    let mut out: Vec<Permission> = Vec::new();
    for k in 0..s.words.len() {
        if !GRANTS.contains(&word(k)) && !PERMISSIONS.contains(&word(k)) {
            continue;
        }
        let mut to = None;
        for j in k + 1..(k + REACH + 2).min(s.words.len()) {
            if s.breaks_after(text, j - 1) {
                break;
            }
            // "cleared the way to", "paved the way to": no permission.
            if word(j) == "way" {
                break;
            }
            if word(j) == "to" {
                to = Some(j);
                break;
            }
        }
        let Some(action) = to.map(|j| j + 1).filter(|&a| a < s.words.len()) else {
            continue;
        };
        if s.words[action].term.is_none() || s.breaks_after(text, action - 1) {
            continue;
        }
        // "granted permission to land": one permission, read at its first word.
        if out.last().is_some_and(|p| p.action == action) {
            continue;
        }
        let mut granted = true;
        let mut sought = false;
        for j in (k.saturating_sub(REACH)..k).rev() {
            if s.breaks_after(text, j) {
                break;
            }
            if is_negation(word(j)) || REFUSALS.contains(&word(j)) {
                granted = false;
            }
            sought |= SOUGHT.contains(&word(j));
        }
        if sought {
            continue;
        }
        out.push(Permission {
            at: k,
            action,
            granted,
        });
    }
    out
}

/// Proposes, for each action allowed in one account and not in another, one conflict of
/// versions: the strongest pair of sentences.
pub fn find(reading: &Reading) -> Vec<Proposal> {
    let mut by_action: rustc_hash::FxHashMap<u64, Vec<(usize, Permission)>> = Default::default();
    for (k, s) in reading.sentences.iter().enumerate() {
        for p in permissions(s, reading.text(s.doc)) {
            let Some(term) = s.words[p.action].term else {
                continue;
            };
            let list = by_action.entry(term).or_default();
            if list.len() < MAX_PER_ACTION {
                list.push((k, p));
            }
        }
    }
    let mut actions: Vec<u64> = by_action.keys().copied().collect();
    actions.sort_unstable();
    let mut out = Vec::new();
    for action in actions {
        let list = &by_action[&action];
        let mut best: Option<(f64, usize, usize)> = None;
        for (a, (ka, pa)) in list.iter().enumerate() {
            for (b, (kb, pb)) in list.iter().enumerate() {
                if pa.granted || !pb.granted {
                    continue;
                }
                let (sa, sb) = (&reading.sentences[*ka], &reading.sentences[*kb]);
                let Some(strength) = strength(reading, (sa, pa), (sb, pb), action) else {
                    continue;
                };
                if best.is_none_or(|(s, _, _)| strength > s) {
                    best = Some((strength, a, b));
                }
            }
        }
        let Some((strength, a, b)) = best else {
            continue;
        };
        let (ka, pa) = &list[a];
        let (kb, _) = &list[b];
        let (sa, sb) = (&reading.sentences[*ka], &reading.sentences[*kb]);
        let about = words_text(
            reading,
            sa.doc,
            sa.words[pa.at].span,
            sa.words[pa.action].span,
        );
        out.push(Proposal::new(
            strength,
            ConflictKind::Version,
            about,
            None,
            vec![
                reading.side(sa, sa.span, None),
                reading.side(sb, sb.span, None),
            ],
        ));
    }
    out
}

/// How strongly a refused permission in `sa` and a granted one in `sb` disagree, or `None` when
/// they cannot: one speaker on both sides, or nothing else rare in common.
fn strength(
    reading: &Reading,
    (sa, pa): (&Sentence, &Permission),
    (sb, pb): (&Sentence, &Permission),
    action: u64,
) -> Option<f64> {
    let speaker_a = reading.speaker_at(sa.doc, sa.words[pa.at].span);
    let speaker_b = reading.speaker_at(sb.doc, sb.words[pb.at].span);
    let named = match (speaker_a, speaker_b) {
        (Some(x), Some(y)) if same_person(x, y) => return None,
        (Some(_), Some(_)) => 1.0,
        (None, None) if sa.doc == sb.doc => return None,
        _ => 0.0,
    };
    let shared = super::shared_rare_terms(reading, sa, sb, |t| t == action);
    (shared > 0).then(|| STRENGTH + named + shared.min(3) as f64 * 0.5)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::reading::read_sentence;
    use crate::model::Span;

    fn read(text: &str) -> Vec<(String, bool)> {
        let s = read_sentence(0, text, Span::new(0, text.len()).unwrap());
        permissions(&s, text)
            .into_iter()
            .map(|p| (s.words[p.action].lower.clone(), p.granted))
            .collect()
    }

    #[test]
    fn a_permission_and_its_action() {
        assert_eq!(
            read("The ferry was approved to sail the route at night."),
            [("sail".to_string(), true)]
        );
        assert_eq!(
            read("The council granted the club permission to build a stand."),
            [("build".to_string(), true)]
        );
    }

    #[test]
    fn a_negated_or_refused_permission() {
        assert_eq!(
            read("The ferry did not have a licence to sail at night."),
            [("sail".to_string(), false)]
        );
        assert_eq!(
            read("The pilot was denied permission to land."),
            [("land".to_string(), false)]
        );
    }

    #[test]
    fn no_permission_without_an_action() {
        assert!(read("The plan was approved on Monday.").is_empty());
        assert!(read("She was allowed, in the end, to stay.").is_empty());
        assert!(read("The club applied for a permit to build a stand.").is_empty());
        assert!(read("Tenants asked to be allowed to stay.").is_empty());
        assert!(read("The vote cleared the way to a new pier.").is_empty());
    }
}
