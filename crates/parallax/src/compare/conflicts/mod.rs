//! Conflicts: where the accounts of one story disagree, strongest first.
//!
//! Ten finders propose conflicts, each with a strength:
//! - [`figures`]: the same matter given different values in two documents (counts, ranks, days,
//!   directions), with hedges read before two values are called incompatible;
//! - [`splits`]: one decision's vote given differently ("ruled 5-2" against "a 4-3 vote");
//! - [`variants`]: one sentence carried by two documents with a name swapped or a negation added;
//! - [`polarity`]: a statement against its denial or rebuttal ("no X was found" against "X was
//!   found"), and a rebuttal spelled out in one sentence ("…, though the police say otherwise");
//! - [`negations`]: a search that came up empty ("no gun was found") or a characterization
//!   rejected ("it wasn't a bribe") against an account that affirms the thing;
//! - [`blame`]: a named party denying any part in an act against accounts that lay it at
//!   its door;
//! - [`characterizations`]: two named speakers saying what one thing is in words that share
//!   nothing;
//! - [`rebuttals`]: a speaker restating another party's claim and doubting it in the next
//!   sentence ("you say the pumps were checked… But it is hard to believe");
//! - [`permissions`]: one account saying a party was allowed to do a thing, another that it was
//!   not;
//! - [`versions`]: a speaker whose words reach the story through channels of different origins,
//!   each carrying things the other does not.
//!
//! The proposals are ranked by strength; one pair of sentences is reported once, a sentence in
//! at most two conflicts, and a story gets at most [`MAX_CONFLICTS`]: a false conflict costs a
//! reader's trust more than a missed one.

pub mod blame;
pub mod characterizations;
pub mod figures;
pub mod negations;
pub mod permissions;
pub mod polarity;
pub mod rebuttals;
pub mod splits;
pub mod variants;
pub mod versions;

use rustc_hash::FxHashMap as HashMap;

use super::reading::{Reading, Sentence};
use crate::model::{Conflict, ConflictKind, ConflictSide, Span, ValueRelation};

/// Conflicts reported per story at most.
pub(crate) const MAX_CONFLICTS: usize = 6;
/// How alike ([`Reading::similarity`]) two differently worded sentences must be before a
/// finder reads them as accounts of one matter: a quarter of their weighted terms in common.
pub(crate) const MIN_SIMILARITY: f64 = 0.25;
/// The weight ([`Reading::weight`]) of a word used in one sentence in four of the story: the
/// finders' common measure of a word rare enough to tie two sentences to one matter.
pub(crate) const ONE_SENTENCE_IN_FOUR: f64 = std::f64::consts::LN_2 * 2.0;
/// Conflicts one sentence may be evidence in.
const MAX_CONFLICTS_PER_SENTENCE: usize = 2;

/// A conflict a finder proposes.
#[derive(Debug, Clone)]
pub struct Proposal {
    /// How strong the evidence is; higher first.
    pub strength: f64,
    /// The conflict.
    pub conflict: Conflict,
}

impl Proposal {
    /// A proposal of `kind` about `about` between `sides`.
    pub fn new(
        strength: f64,
        kind: ConflictKind,
        about: String,
        relation: Option<ValueRelation>,
        sides: Vec<ConflictSide>,
    ) -> Proposal {
        Proposal {
            strength,
            conflict: Conflict {
                kind,
                about,
                relation,
                sides,
            },
        }
    }

    /// The (document, span) of each side's first evidence.
    fn evidence(&self) -> Vec<(String, Span)> {
        self.conflict
            .sides
            .iter()
            .filter_map(|s| s.evidence.first())
            .map(|e| (e.doc.clone(), e.span()))
            .collect()
    }
}

/// The sentence a piece of evidence lies in, as (document id, sentence span).
fn sentence_key(reading: &Reading, doc: &str, span: Span) -> (String, Span) {
    let sentence = reading
        .docs
        .iter()
        .find(|d| d.id == doc)
        .and_then(|d| {
            let k = d.sentences.partition_point(|s| s.end() <= span.start());
            d.sentences.get(k).copied()
        })
        .unwrap_or(span);
    (doc.to_string(), sentence)
}

/// Ranks the proposals and keeps the strongest that do not repeat each other.
pub fn select(reading: &Reading, mut proposals: Vec<Proposal>) -> Vec<Conflict> {
    proposals.sort_by(|a, b| b.strength.total_cmp(&a.strength));
    let mut uses: HashMap<(String, Span), usize> = HashMap::default();
    let mut pairs: Vec<Vec<(String, Span)>> = Vec::new();
    let mut out = Vec::new();
    for p in proposals {
        if out.len() >= MAX_CONFLICTS {
            break;
        }
        let mut keys: Vec<(String, Span)> = p
            .evidence()
            .into_iter()
            .map(|(d, s)| sentence_key(reading, &d, s))
            .collect();
        keys.sort();
        if pairs.contains(&keys)
            || keys
                .iter()
                .any(|k| uses.get(k).copied().unwrap_or(0) >= MAX_CONFLICTS_PER_SENTENCE)
        {
            continue;
        }
        for k in &keys {
            *uses.entry(k.clone()).or_default() += 1;
        }
        pairs.push(keys);
        out.push(p.conflict);
    }
    out
}

/// Adds sentence `s` to `side` as more evidence, with its statement.
pub(super) fn add_sentence(reading: &Reading, side: &mut ConflictSide, s: &Sentence) {
    let extra = reading.side(s, s.span, None);
    side.evidence.extend(extra.evidence);
    for id in extra.statements {
        if !side.statements.contains(&id) {
            side.statements.push(id);
        }
    }
}

/// The terms sentences `a` and `b` share, other than those `except` names, that at most one
/// sentence in four of the story holds ([`ONE_SENTENCE_IN_FOUR`]): the rare words that tie two
/// sentences to one matter.
pub(super) fn shared_rare_terms(
    reading: &Reading,
    a: &Sentence,
    b: &Sentence,
    except: impl Fn(u64) -> bool,
) -> usize {
    a.terms
        .intersection(&b.terms)
        .filter(|&&t| !except(t) && reading.weight(t) >= ONE_SENTENCE_IN_FOUR)
        .count()
}

/// Words `from..to` of a document's text, as written.
pub(crate) fn words_text(reading: &Reading, doc: usize, from: Span, to: Span) -> String {
    Span::new(from.start(), to.end())
        .map(|s| reading.span_text(doc, s))
        .unwrap_or("")
        .to_string()
}
