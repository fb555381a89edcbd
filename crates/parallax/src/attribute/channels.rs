//! Channels: the media and documents words came through ("the Kremlin readout", "Ruritanian state
//! broadcaster RTB", "according to FP").
//!
//! A channel phrase is built around a channel noun (readout, statement, report, media, ...) with
//! its modifiers and qualifiers, or is an organisation that is the subject of a reporting verb or
//! follows "according to", or a newspaper or a station named after "quoted by" ("quoted by the
//! Norvik Gazette as saying"). A bare "the report" refers back to the last qualified channel.

use super::lexicon::{
    country_of, is_in, CHANNEL_HEADS, CHANNEL_MODIFIERS, MASTHEAD_WORDS, ORGANISATION_WORDS,
};
use super::people::{adjacent, NameTable};
use super::tokens::{Tok, TokenAt};
use crate::lexicon::WordList;

/// A channel phrase in a sentence.
#[derive(Debug, Clone)]
pub(crate) struct ChannelMention {
    /// First token.
    pub first: usize,
    /// One past the last token.
    pub last: usize,
    /// End of its byte range in the document text.
    pub end: usize,
    /// It names who or what (has a capitalised qualifier), rather than a bare "the report".
    pub qualified: bool,
    /// It follows "according to".
    pub according_to: bool,
    /// A reporting verb follows it (it is the subject).
    pub subject: bool,
}

static DETERMINERS: WordList = WordList::new(&["the", "a", "an", "its", "their", "his", "her"]);

/// Words of time that own a channel only in name ("yesterday's report", "last year's
/// statement"): no one speaks through them.
pub(crate) fn is_time_owner(lower: &str) -> bool {
    super::lexicon::is_calendar_word(lower)
        || matches!(
            lower,
            "today" | "yesterday" | "tonight" | "week" | "month" | "year" | "day" | "morning"
        )
}

/// Most plain words in lower case a channel phrase may hold between its article and its
/// modifiers or head ("the municipal health office").
const MAX_PLAIN_MODIFIERS: usize = 2;

/// The channel phrases among `toks[from..to]`, outside quotes.
pub(crate) fn channel_mentions(
    toks: &[Tok],
    from: usize,
    to: usize,
    names: &NameTable,
) -> Vec<ChannelMention> {
    let mut out: Vec<ChannelMention> = Vec::new();
    let mut i = from;
    while i < to {
        let t = toks.at(i);
        if t.in_quote {
            i += 1;
            continue;
        }
        let after_according =
            i >= from + 2 && toks.at(i - 1).lower == "to" && toks.at(i - 2).lower == "according";
        let head = is_in(&CHANNEL_HEADS, &t.lower);
        let org_subject = t.cap
            && !is_in(&DETERMINERS, &t.lower)
            && ((names.part(t.base).is_none()
                && (after_according || (next_is_cue(toks, i, to) && organisation_like(toks, i))))
                || quoted_by_outlet(toks, i, to));
        if !(head || org_subject || after_according && t.cap) {
            i += 1;
            continue;
        }
        // Extend left over modifiers and a determiner.
        let mut first = i;
        let mut determined = false;
        while first > from
            && adjacent(toks.at(first - 1), toks.at(first))
            && !toks.at(first - 1).in_quote
        {
            let p = toks.at(first - 1);
            // "the sheriff's office", "the mayor's statement": a common noun owning the channel.
            let owner_noun = p.possessive && !p.cap && first == i && !is_time_owner(&p.lower);
            // "The Lee Family Fund": a person's name between an article and an organisation's
            // words is part of the organisation's name.
            let name_after_article = p.cap
                && toks.at(first).cap
                && first >= from + 2
                && matches!(toks.at(first - 2).lower.as_str(), "the" | "a" | "an")
                && adjacent(toks.at(first - 2), p);
            let modifier = (p.cap
                && (names.part(p.base).is_none() || name_after_article)
                && p.lower != "according")
                || is_in(&CHANNEL_MODIFIERS, &p.lower)
                || is_in(&CHANNEL_HEADS, &p.lower)
                || owner_noun;
            if is_in(&DETERMINERS, &p.lower) {
                first -= 1;
                determined = true;
                break;
            }
            if !modifier {
                break;
            }
            first -= 1;
        }
        // "the municipal health office": up to two plain words in lower case between an
        // article and the rest of the phrase describe the channel too.
        if !determined && head {
            // Not a verb's form ("residents watched state television").
            let plain = |k: usize| {
                let p = toks.at(k);
                !p.cap
                    && !p.in_quote
                    && !p.possessive
                    && p.lower.chars().all(char::is_alphabetic)
                    && !p.lower.ends_with("ed")
                    && !p.lower.ends_with("ing")
                    && !crate::terms::is_stopword(&p.lower)
                    && !p.is_cue()
                    && adjacent(p, toks.at(k + 1))
            };
            // "Norvik's statistics office", "the city's planning office": an owner other than a
            // person anchors the plain words as an article does.
            let anchor = |k: usize| {
                let t = toks.at(k);
                matches!(t.lower.as_str(), "the" | "a" | "an")
                    || t.possessive
                        && !t.in_quote
                        && !is_time_owner(&t.lower)
                        && (!t.cap || names.part(t.base).is_none())
            };
            let described = (1..=MAX_PLAIN_MODIFIERS).find(|&n| {
                first > from + n
                    && (first - n..first).all(plain)
                    && anchor(first - n - 1)
                    && adjacent(toks.at(first - n - 1), toks.at(first - n))
            });
            if let Some(n) = described {
                first -= n + 1;
                // The owner's article: "the city's planning office".
                if toks.at(first).possessive
                    && first > from
                    && is_in(&DETERMINERS, &toks.at(first - 1).lower)
                    && adjacent(toks.at(first - 1), toks.at(first))
                {
                    first -= 1;
                }
            }
        }
        // Extend right over a name ("broadcaster CCTV"), more channel nouns, or "of/from the X".
        let mut last = i + 1;
        while last < to && adjacent(toks.at(last - 1), toks.at(last)) && !toks.at(last).in_quote {
            let n = toks.at(last);
            let modifier_then_head = is_in(&CHANNEL_MODIFIERS, &n.lower)
                && toks
                    .within(last + 1..to.min(last + 3))
                    .iter()
                    .any(|x| is_in(&CHANNEL_HEADS, &x.lower));
            if (n.cap && (names.part(n.base).is_none() || is_in(&MASTHEAD_WORDS, &n.lower)))
                || is_in(&CHANNEL_HEADS, &n.lower)
                || modifier_then_head
            {
                last += 1;
                if toks.at(last - 1).possessive {
                    break;
                }
            } else {
                break;
            }
        }
        // "the Port Ellis harbour authority": a name's plain words up to an organisation word.
        if !head && !toks.at(last - 1).possessive {
            let organisation_end = (last..to.min(last + MAX_PLAIN_MODIFIERS + 1))
                .take_while(|&k| {
                    let t = toks.at(k);
                    // Nouns only: "the FBI warned state officials" has a verb in between.
                    !t.cap
                        && !t.in_quote
                        && !t.is_cue()
                        && !t.lower.ends_with("ed")
                        && !crate::terms::is_stopword(&t.lower)
                        && adjacent(toks.at(k - 1), t)
                })
                .find(|&k| is_in(&ORGANISATION_WORDS, &toks.at(k).lower));
            if let Some(k) = organisation_end {
                last = k + 1;
            }
        }
        if last < to && matches!(toks.at(last).lower.as_str(), "of" | "from") {
            let mut k = last + 1;
            if k < to && toks.at(k).lower == "the" {
                k += 1;
            }
            if k < to
                && (toks.at(k).cap
                    || matches!(
                        toks.at(k).lower.as_str(),
                        "call" | "meeting" | "talks" | "conversation"
                    ))
                && !toks.at(k).in_quote
            {
                let mut e = k + 1;
                while e < to && toks.at(e).cap && adjacent(toks.at(e - 1), toks.at(e)) {
                    e += 1;
                }
                last = e;
            }
        }
        let qualified = toks
            .within(first..last)
            .iter()
            .any(|x| x.cap && !is_in(&DETERMINERS, &x.lower));
        let according_to = first >= from + 2
            && toks.at(first - 1).lower == "to"
            && toks.at(first - 2).lower == "according";
        let subject = next_is_cue(toks, last - 1, to);
        if let Some(prev) = out.last() {
            if prev.last > first {
                i = last.max(i + 1);
                continue;
            }
        }
        out.push(ChannelMention {
            first,
            last,
            end: toks.at(last - 1).end,
            qualified,
            according_to,
            subject,
        });
        i = last.max(i + 1);
    }
    out
}

/// True when token `i` names an organisation rather than a person: an acronym ("CCTV"), a
/// capital or institution of the gazetteer ("Kremlin"), an organisation word, or a name after
/// "the" ("the Kremlin").
fn organisation_like(toks: &[Tok], i: usize) -> bool {
    let t = toks.at(i);
    let acronym = t.base.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && t.base.chars().all(|c| !c.is_lowercase());
    let after_the = i > 0 && toks.at(i - 1).lower == "the" && adjacent(toks.at(i - 1), t);
    acronym || after_the || is_in(&ORGANISATION_WORDS, &t.lower) || country_of(t.base).is_some()
}

/// True when the capitalised run at token `i` ends in a newspaper's or a station's word and
/// follows "quoted by" ("quoted by the Norvik Gazette as saying"): the outlet the words came
/// through.
fn quoted_by_outlet(toks: &[Tok], i: usize, to: usize) -> bool {
    let mut k = i;
    if k > 0 && toks.at(k - 1).lower == "the" {
        k -= 1;
    }
    let quoted_by = k >= 2 && toks.at(k - 1).lower == "by" && toks.at(k - 2).lower == "quoted";
    if !quoted_by {
        return false;
    }
    let mut e = i;
    while e + 1 < to && toks.at(e + 1).cap && adjacent(toks.at(e), toks.at(e + 1)) {
        e += 1;
    }
    is_in(&MASTHEAD_WORDS, &toks.at(e).lower)
}

/// True when a reporting verb follows token `i` (possibly after one adverb or auxiliary).
fn next_is_cue(toks: &[Tok], i: usize, to: usize) -> bool {
    let mut k = i + 1;
    if k < to
        && matches!(
            toks.at(k).lower.as_str(),
            "also" | "has" | "had" | "have" | "later" | "earlier" | "then" | "separately"
        )
    {
        k += 1;
    }
    k < to && toks.at(k).is_cue() && !toks.at(k).in_quote
}

/// The channel text of a mention, without a leading determiner.
pub(crate) fn channel_text<'a>(text: &'a str, toks: &[Tok], m: &ChannelMention) -> &'a str {
    let mut first = m.first;
    if first + 1 < m.last && is_in(&DETERMINERS, &toks.at(first).lower) {
        first += 1;
    }
    text.get(toks.at(first).start..m.end).unwrap_or("")
}
