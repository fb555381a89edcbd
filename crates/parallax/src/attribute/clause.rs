//! Reported clauses around partial quotations: "Lee said the plan was “a costly mistake” for the
//! town" reports "the plan was “a costly mistake” for the town", not the quoted words alone.

use super::lexicon::{is_in, CHARACTERIZING};
use super::tokens::{Tok, TokenAt};
use super::Context;
use crate::model::Span;

/// Adverbs and auxiliaries that stand between a speaker and the reporting verb ("has also
/// said").
fn is_verb_helper(t: &Tok) -> bool {
    matches!(
        t.lower.as_str(),
        "has"
            | "had"
            | "have"
            | "will"
            | "would"
            | "did"
            | "does"
            | "also"
            | "then"
            | "later"
            | "further"
            | "again"
    ) || is_be(t)
        || t.lower.ends_with("ly")
}

/// A form of "be": before a reporting verb only in the progressive ("is telling"); "was called"
/// is a passive, whose subject is the one described, not the speaker.
fn is_be(t: &Tok) -> bool {
    matches!(t.lower.as_str(), "is" | "was" | "are" | "were")
}

/// Helpers at most between a speaker and the reporting verb.
const MAX_VERB_HELPERS: usize = 2;

/// Quotation marks that close a quotation.
const CLOSING_MARKS: &[char] = &['”', '"', '’', '\''];

/// The clause a reporting verb reports around a partial quotation in it. The clause opens after
/// the verb (and a "that") that follows the speaker's name, which ends at token `speaker_end`,
/// and runs to the sentence's end, or through the quotation's closing mark when another
/// reporting verb follows the quotation. `quote` is the quotation's words, trimmed, and
/// `inner_end` where its closing mark stands. `None` when no reporting verb follows the name,
/// when the verb is a passive, or when the quotation opens right after the verb (the quotation
/// is then all that is reported).
pub(super) fn reported_clause(
    cx: &Context,
    speaker_end: usize,
    (open_tok, close_tok, to): (usize, usize, usize),
    sentence: Span,
    quote: (usize, usize),
    inner_end: usize,
) -> Option<(usize, usize)> {
    let mut k = speaker_end;
    let mut progressive = false;
    while k < open_tok && k - speaker_end < MAX_VERB_HELPERS && is_verb_helper(cx.toks.at(k)) {
        progressive |= is_be(cx.toks.at(k));
        k += 1;
    }
    let verb = cx.toks.at(k);
    let reports = verb.is_cue() || is_in(&CHARACTERIZING, &verb.lower);
    if k >= open_tok || verb.in_quote || !reports || progressive && !verb.lower.ends_with("ing") {
        return None;
    }
    let mut first = k + 1;
    if first < open_tok && cx.toks.at(first).lower == "that" {
        first += 1;
    }
    if first >= open_tok {
        return None;
    }
    let another_verb = (close_tok..to).any(|i| !cx.toks.at(i).in_quote && cx.toks.at(i).is_cue());
    let end = if another_verb {
        let marks = cx.text.get(inner_end..).unwrap_or("");
        inner_end + (marks.len() - marks.trim_start_matches(CLOSING_MARKS).len())
    } else {
        let rest = cx.text.get(quote.1..sentence.end()).unwrap_or("");
        quote.1 + rest.trim_end().trim_end_matches(['.', ';', ',']).len()
    };
    Some((cx.toks.at(first).start.min(quote.0), end.max(quote.1)))
}
