//! Attribute: who said what, according to whom.
//!
//! For every quotation (text in double quotation marks) and every sentence of reported speech
//! ("X said the ..."), attribution finds the speaker, the reporting cue and the channel:
//!
//! - the speaker is the person mentioned next to a reporting verb before the quote ("Mr Xi
//!   stressed the “…”"), else the last person before it, else the first after it (`“…,” Xi said`),
//!   else one named at the quote's start, else the previous quote's speaker in the paragraph;
//!   names resolve to their fullest form, pronouns and descriptions to the person they stand for
//!   ([`people`]);
//! - the channel is an "according to" phrase, else a channel phrase in the sentence, a bare
//!   "the report" resolving to the last named channel, else the previous quote's channel when the
//!   speaker is the same ([`channels`]);
//! - a quote of two words or fewer, or of up to four words with no reporting verb near it, is a
//!   scare quote ("no limits" friendship) and is left out;
//! - a verb of stance from a learned table ("opposed the levy", "called for a recount") gives
//!   its subject a `stance`, read last and changing nothing later quotes resolve against
//!   (the `views` module).
//!
//! No index into the document's tokens, people, words or text is unchecked (`TokenAt`,
//! `PersonAt`, `get`): an index past the end reads as nothing. Clippy's `indexing_slicing` and
//! `string_slice` lints, denied for this module and its children, keep it so. (Offset
//! arithmetic is not covered by them: the fuzz target `attribute` is what finds an underflow.)

#![deny(clippy::indexing_slicing, clippy::string_slice)]

pub mod acronyms;
pub mod channels;
mod clause;
pub mod entities;
pub mod facts;
pub mod frames;
pub mod given_names;
pub mod labels;
pub use crate::lexicon;
pub mod people;
pub mod rules;
pub mod signed;
pub mod tokens;
mod views;

use crate::lexicon::WordList;
use crate::model::{Document, Quote, QuoteKind, Span};
use channels::{channel_mentions, channel_text, ChannelMention};
use frames::{frames, Frame, Sentence};
use lexicon::{is_in, ORGANISATION_WORDS, TITLES};
use people::{adjacent, descriptor_matches, Mention, NameTable, PersonAt, Referent};
use rules::Rule;
use tokens::{quote_ranges, tokenize, Tok, TokenAt};

/// Shortest quotation (in words) kept without a reporting verb near it.
const MIN_UNCUED_QUOTE_WORDS: usize = 5;
/// Sentences back a paragraph-opening quotation may continue the previous speaker's words.
const CONTINUATION_SENTENCES: usize = 4;
/// Sentences back within which "he said" still means the last speaker; further back it means
/// the person named last.
const PRONOUN_SPEAKER_REACH: usize = 2;
/// Sentences longer than this (in words) are not attributed.
const MAX_SENTENCE_TOKENS: usize = 400;

/// Running state of a pass over one document.
struct Context<'a> {
    text: &'a str,
    toks: Vec<Tok<'a>>,
    names: NameTable,
    /// Person mentions so far, in order: (person, token index).
    seen: Vec<(usize, usize)>,
    /// Per person, "he" minus "she" references seen right after them (see [`gender_votes`]).
    gender: Vec<i32>,
    /// Words written in lower case somewhere in the document, by [`common_key`]: common nouns,
    /// not names, when capitalised at a sentence's start ("Prosecutors said").
    common: rustc_hash::FxHashSet<u128>,
    /// The sentence being attributed, and its first token.
    sentence: usize,
    sentence_from: usize,
    /// The recent subjects, speakers and channels later quotes resolve against.
    recent: Recent,
    /// A stance is being read: it introduces no one ([`Context::learn_person`] learns nothing).
    frozen: bool,
    /// The organisation issuing the page, when it is a press release whose heading names it
    /// ([`crate::outlets::OutletClue::ReleaseIssuer`]): "we" and "the company" are it.
    issuer: Option<String>,
}

/// What reading a frame's subject may change in the [`Context`]: copied aside while a stance is
/// read and put back after, so that a stance changes nothing later quotes resolve against.
#[derive(Clone, Default)]
struct Recent {
    last_speaker: Option<(String, usize)>,
    /// The person who last opened a sentence, and that sentence's index.
    last_subject: Option<(usize, usize)>,
    /// A lone unknown name that last opened a sentence after its lead-in ("When asked …, Quenby
    /// didn't hesitate."), and that sentence's index: whom "he" may mean next.
    last_lone_subject: Option<(String, usize)>,
    /// The person last named in full, and that sentence's index ("… results for accountant
    /// Samuel Okafor. “…,” he says.").
    last_introduced: Option<(usize, usize)>,
    /// The organisation ("RV Power") and the group ("The Ramblers") that last opened a
    /// sentence, with its index: what "it said" and "they said" refer to.
    last_organisation: Option<(String, usize)>,
    /// The organisation last named anywhere in a sentence ("regulators fined Norvik Shipping"),
    /// with its index: whom "the firm" may mean when no organisation opened a sentence since.
    last_named_organisation: Option<(String, usize)>,
    last_group: Option<(String, usize)>,
    last_channel: Option<String>,
    /// The owner of the document last named with one ("on Tallis Northern Railway's website"),
    /// and that sentence's index: who speaks when "the briefing paper said" names no one.
    last_document_owner: Option<(String, usize)>,
    /// The word naming a new document through which a speaker spoke ("said in a statement":
    /// "statement"), its speaker and that sentence's index, the last of each word: "the
    /// filing" later is the filing's speaker's, not the owner of a statement named since.
    spoken_documents: Vec<(String, String, usize)>,
    /// Who last brought a case ("Prosecutors charged Lee …", "the union sued the port"), and
    /// that sentence's index: whose are "the indictment" and "the complaint" named after.
    last_filer: Option<(String, usize)>,
    /// The institution or organisation that last spoke by itself, with no channel ("the
    /// presidential office said …"), and that sentence's index, until someone else speaks:
    /// whose "the statement said" is next.
    last_body_statement: Option<(String, usize)>,
    /// The previous quote.
    previous: Option<PreviousQuote>,
    /// A frame whose words only introduce the quotation opening the next paragraph ("Lee
    /// released the following statement:"): who speaks that quotation, and where the
    /// introducing words end.
    introducer: Option<(PreviousQuote, usize)>,
}

/// The quote found last, which a quotation that names no one may continue.
#[derive(Clone)]
struct PreviousQuote {
    /// Its speaker's name.
    speaker: Option<String>,
    /// Its speaker as written, when that differs from the name ("the senator").
    written: Option<String>,
    /// Its channel.
    channel: Option<String>,
    /// Its sentence's index.
    sentence: usize,
    /// Its sentence's first token.
    sentence_from: usize,
    /// Its paragraph's start.
    paragraph: usize,
}

/// Finds the quotes of one document.
pub fn attribute(doc: &Document) -> Vec<Quote> {
    attribute_with_facts(doc).0
}

/// The facts (dates, amounts, names) of one document, with relative dates resolved against
/// `reference` (`YYYY-MM-DD`) when the document has no publication date.
pub(crate) fn document_facts(doc: &Document, reference: Option<&str>) -> Vec<crate::model::Fact> {
    let quotes = quote_ranges(&doc.text);
    let toks = tokenize(&doc.text, &quotes);
    let names = NameTable::build(&toks);
    let published = doc.published.as_deref().and_then(crate::date::iso_of);
    facts::facts(
        &doc.id,
        &doc.text,
        &toks,
        &names,
        published.as_deref().or(reference),
    )
}

/// The key of a lower-cased word in [`Context::common`]: a 128-bit XXH3 hash, so the set
/// copies no word and no page can build two words that share a key.
fn common_key(lower: &str) -> u128 {
    xxhash_rust::xxh3::xxh3_128(lower.as_bytes())
}

/// Finds the quotes and the facts (dates, amounts, names) of one document.
pub fn attribute_with_facts(doc: &Document) -> (Vec<Quote>, Vec<crate::model::Fact>) {
    let text = doc.text.as_str();
    let quotes = quote_ranges(text);
    let toks = tokenize(text, &quotes);
    let names = NameTable::build(&toks);
    let gender = gender_votes(&toks, &names, &doc.sentences);
    let common = toks
        .iter()
        .filter(|t| !t.cap)
        .map(|t| common_key(&t.lower))
        .collect();
    let mut cx = Context {
        text,
        toks,
        names,
        seen: Vec::new(),
        gender,
        common,
        sentence: 0,
        sentence_from: 0,
        recent: Recent::default(),
        frozen: false,
        issuer: doc.outlet.clone().filter(|_| {
            doc.outlet_evidence
                .as_ref()
                .is_some_and(|e| e.clue == crate::outlets::OutletClue::ReleaseIssuer)
        }),
    };
    let proper = proper_words(&cx.toks);
    let mut out = Vec::new();
    let mut paragraph = 0;
    let mut scanned = 0;
    // Distances ("the sentence before", "within two sentences") count narrative sentences only:
    // the sentences of a long quotation are its speaker's, not the reporter's.
    let mut narrative = 0;
    for sentence in &doc.sentences {
        let (from, to) = token_range(&cx.toks, *sentence);
        // A dateline opening the sentence's line is the outlet's: the sentence, its subject
        // and its opening name start after it ("NORVIK (Coastline Press) - Prosecutors on
        // Tuesday charged …, accusing him …" borrows "Prosecutors", not "NORVIK"). The
        // pipeline starts sentences past it already; a document a store kept from an earlier
        // build may still hold it.
        let opening = crate::outlets::past_dateline(text, sentence.start(), sentence.end());
        let from = (from..to)
            .find(|&i| cx.toks.at(i).start >= opening)
            .unwrap_or(from);
        if cx.toks.within(from..to).iter().any(|t| !t.in_quote) {
            narrative += 1;
        }
        let s_idx = narrative;
        cx.sentence = s_idx;
        cx.sentence_from = from;
        if let Some(p) = text
            .get(scanned..sentence.start())
            .unwrap_or("")
            .rfind(['\n', '\r'])
        {
            paragraph = scanned + p + 1;
        }
        scanned = sentence.start();
        if to - from > MAX_SENTENCE_TOKENS {
            // No sentence is this long: a page without punctuation. Attribution would only guess.
            continue;
        }
        let channels = channel_mentions(&cx.toks, from, to, &cx.names);
        // Quotes are sorted by start: those opening inside this sentence form one run.
        let first_quote = quotes.partition_point(|&(s, _)| s <= sentence.start());
        let opened: Vec<(usize, usize)> = quotes
            .iter()
            .skip(first_quote)
            .copied()
            .take_while(|&(s, _)| s <= sentence.end())
            .collect();
        let sent = Sentence {
            text,
            toks: &cx.toks,
            from,
            to,
            span: (sentence.start(), sentence.end()),
        };
        let mut found = frames(&sent, &quotes);
        let introducing = frames::introducing_cue(&sent);
        let quotes_before = out.len();
        // A document reporting after the words ("Lee told deputies he …, the affidavit says."):
        // a frame whose verb stands before the document's attribution, with words among the
        // document's, reports through it, and its words end with the document's.
        let documents: Vec<(usize, (usize, usize))> = found
            .iter()
            .filter(|f| !f.according && document_report(&cx, f))
            .map(|f| (f.cue, f.content))
            .collect();
        let before_attribution =
            |g: &Frame, b: usize| cx.toks.at(g.cue).start < b && g.content.0 < b;
        for g in &mut found {
            for &(cue, (_, b)) in &documents {
                if g.cue != cue && before_attribution(g, b) && b < g.content.1 {
                    g.content.1 = b;
                }
            }
        }
        // An "according to" frame around another frame of speech only names that frame's
        // channel: it goes after it, and reports its words only when the frame inside gave no
        // quote ("For the port, according to Lee, the vote is a test of whether …"). So does a
        // document reporting after the words. (outer frame's cue, inner frame's cue, inner is a
        // view) for each frame reporting through another.
        let mut through: Vec<(usize, usize, bool)> = Vec::new();
        for f in &found {
            let document = documents.iter().find(|&&(cue, _)| cue == f.cue);
            for g in found.iter().filter(|g| g.cue != f.cue) {
                let inside = if f.according {
                    f.content.0 <= g.content.0 && g.content.1 <= f.content.1
                } else if let Some(&(_, (a, b))) = document {
                    before_attribution(g, b) && a < g.content.1
                } else {
                    false
                };
                if inside {
                    through.push((f.cue, g.cue, g.view));
                }
            }
        }
        let wraps_another = |f: &Frame| through.iter().any(|&(o, _, view)| o == f.cue && !view);
        let wrapping: Vec<usize> = found
            .iter()
            .filter(|f| wraps_another(f))
            .map(|f| f.cue)
            .collect();
        // Attribution after the words ("…, Moore said.") is the surest: such frames go first.
        // Views go last: a frame of speech keeps its words.
        found.sort_by_key(|f| {
            (
                f.view,
                wrapping.contains(&f.cue),
                f.content.1 > cx.toks.at(f.cue).start,
                f.cue,
            )
        });
        let mut covered: Vec<(usize, usize)> = Vec::new();
        // The frames' quotes, by the span their words cover, for quotations that open inside
        // them and run on past them.
        let mut framed: Vec<((usize, usize), PreviousQuote)> = Vec::new();
        for f in &found {
            if covered
                .iter()
                .any(|&(a, b)| a < f.content.1 && f.content.0 < b)
            {
                continue;
            }
            let wrapper = found
                .iter()
                .find(|g| through.iter().any(|&(o, i, _)| o == g.cue && i == f.cue));
            // A view changes nothing later quotes resolve against.
            let recent = f.view.then(|| cx.recent.clone());
            cx.frozen = f.view;
            let quote = frame_quote(
                &mut cx, doc, s_idx, paragraph, f, wrapper, &channels, &quotes,
            );
            cx.frozen = false;
            if let Some(recent) = recent {
                // A view that introduces the next paragraph's quotation still names its speaker.
                let introducer = cx.recent.introducer.take();
                cx.recent = recent;
                cx.recent.introducer = introducer;
            }
            if let Some(q) = quote {
                // The quote may reach past the frame's words to a closing mark they opened.
                let span = (
                    f.content.0.min(q.span.start()),
                    f.content.1.max(q.span.end()),
                );
                covered.push(span);
                let speaker = PreviousQuote {
                    written: q.speaker_written.clone().or_else(|| q.speaker.clone()),
                    speaker: q.speaker.clone(),
                    channel: q.channel.clone(),
                    sentence: s_idx,
                    sentence_from: cx.sentence_from,
                    paragraph,
                };
                framed.push((span, speaker));
                out.push(q);
            }
        }
        // "…, and the Norvik Gazette responded:" with the quotation in the next paragraph.
        let introducing = introducing
            .filter(|f| introduces_quotation(text, (cx.toks.at(f.cue).end, f.content.1), &quotes));
        if out.len() == quotes_before {
            if let Some(f) = introducing {
                let reading = subject_speaker(&mut cx, &f, &channels);
                let speaker = reading.speaker.or(reading.owner);
                if speaker.is_some() {
                    let introducing = PreviousQuote {
                        speaker,
                        written: reading.written,
                        channel: reading.channel,
                        sentence: s_idx,
                        sentence_from: cx.sentence_from,
                        paragraph,
                    };
                    cx.recent.introducer = Some((introducing, f.content.1));
                }
            }
        }
        for (qs, qe) in opened {
            if covered.iter().any(|&(a, b)| a <= qs && qe <= b) {
                continue;
            }
            let inside_frame = framed
                .iter()
                .find(|((a, b), _)| *a < qs && qs < *b)
                .map(|(_, speaker)| speaker);
            if let Some(q) = direct_quote(
                &mut cx,
                doc,
                (s_idx, paragraph),
                *sentence,
                (qs, qe),
                &channels,
                inside_frame,
            ) {
                // A quotation widened to its reported clause holds the sentence's other
                // quotations in that clause: they are part of the same report.
                if q.span.start() < qs || q.span.end() > qe {
                    covered.push((q.span.start(), q.span.end()));
                }
                out.push(q);
            }
        }
        // Remember this sentence's named channels and people for later references.
        // "the Harbour Watch study" lends its owner to "the study" later.
        if let Some(owner) = (from..to)
            .rev()
            .filter(|&k| {
                !cx.toks.at(k).in_quote && is_in(&lexicon::DOCUMENT_NOUNS, &cx.toks.at(k).lower)
            })
            .find_map(|k| document_qualifier(&cx, from, k))
            .or_else(|| {
                (from..to)
                    .filter(|&k| !cx.toks.at(k).in_quote && is_writing(&cx.toks.at(k).lower))
                    .find_map(|k| document_author(&cx, k, to))
            })
        {
            cx.recent.last_document_owner = Some((owner, s_idx));
        } else if let Some(owner) = issued_document_owner(&cx, &sentence_at(&cx, from, to)) {
            cx.recent.last_document_owner = Some((owner, s_idx));
        }
        if let Some(filer) = case_bringer(&cx, &sentence_at(&cx, from, to)) {
            cx.recent.last_filer = Some((filer, s_idx));
        }
        // A document named with its owner lends it to "the report" later; a channel without one
        // ("state broadcaster CCTV") ends the loan.
        if let Some(c) = channels.iter().rev().find(|c| c.qualified) {
            cx.recent.last_channel = Some(channel_text(text, &cx.toks, c).to_string());
            let lent_here = cx
                .recent
                .last_document_owner
                .as_ref()
                .is_some_and(|(_, at)| *at == s_idx);
            if is_document(&cx, c) {
                match document_owner(&cx, c) {
                    Some(owner) => cx.recent.last_document_owner = Some((owner, s_idx)),
                    None if !lent_here => cx.recent.last_document_owner = None,
                    None => {}
                }
            }
        }
        if let Some(name) = named_organisation(&cx, from, to) {
            cx.recent.last_named_organisation = Some((name, s_idx));
        }
        let mut opened_by = None;
        // "When Brandt retired, Lee took over": a subordinate clause opening the sentence holds
        // no subject of it; the clause ends at its comma.
        // A verb of speech before the comma, or no comma within a clause's length, leaves the
        // sentence as it is ("Before the vote Lee said …, and …").
        let subordinate_end = is_in(&lexicon::SUBORDINATORS, &cx.toks.at(from).lower)
            .then(|| {
                (from..to.min(from + MAX_SUBORDINATE_TOKENS))
                    .take_while(|&i| !cx.toks.at(i).is_cue())
                    .find(|&i| cx.toks.at(i).gap_after.contains(','))
            })
            .flatten();
        let mentions = cx.names.mentions(&cx.toks, from, to, false);
        for (i, m) in mentions.iter().enumerate() {
            // A photographer's credit ("( Peter Lindqvist / Daily Courier )") is no one the
            // story is about.
            // Nor is the author signing an embedded post ("— Laura Benning (@LauraBenning)").
            let credit = cx.toks.at(m.last - 1).gap_after.contains('/')
                || m.first > 0 && cx.toks.at(m.first - 1).gap_after.contains('/')
                || cx.toks.at(m.last - 1).gap_after.contains("(@");
            if credit {
                continue;
            }
            // "Varga spokeswoman Nadia Holm": a name before a role and another name qualifies
            // that name; it is mentioned, but no subject of its own.
            if mentions
                .get(i + 1)
                .is_some_and(|next| qualifies_next(&cx.toks, m, next))
            {
                if let Referent::Person(p) = m.referent {
                    cx.seen.push((p, m.first));
                }
                continue;
            }
            // "On May 4, the mayor raised …": a description of someone named before opens
            // the sentence as that person.
            let lead_in_end = |k: usize| k == from || cx.toks.at(k - 1).gap_after.contains(',');
            if let (Referent::Description(_), None) = (&m.referent, opened_by) {
                if lead_in_end(m.first) && !m.possessive {
                    opened_by = resolve(&cx, m)
                        .and_then(|name| cx.names.people.iter().position(|x| x.name == name));
                }
                continue;
            }
            if let Referent::Person(p) = m.referent {
                // Named in full: introduced, or introduced again after a while.
                // Named in full with an apposition or at the sentence's end: introduced ("for
                // accountant Samuel Okafor, 50.").
                let closes = m.last >= to || cx.toks.at(m.last - 1).gap_after.contains([',', '.']);
                let full_name = m.last - m.first >= 2
                    && closes
                    && cx.names.people.person(p).name.split_whitespace().count() >= 2;
                if !m.possessive
                    && full_name
                    && !after_preposition(&cx.toks, m, from)
                    && subject_like(cx.names.people.person(p))
                {
                    cx.recent.last_introduced = Some((p, s_idx));
                }
                cx.seen.push((p, m.first));
                // The subject opens the sentence or follows its lead-in ("Asked …, Quenby").
                let after_lead_in =
                    m.first > from && cx.toks.at(m.first - 1).gap_after.contains(',');
                // "Dutch Foreign Ministry spokesperson Ola Varn gave …": a title phrase before.
                let after_title = (from..m.first).all(|i| {
                    let t = cx.toks.at(i);
                    (t.cap
                        || is_in(&lexicon::ROLES, &t.lower)
                        || is_in(&TITLES, &t.lower)
                        || t.lower == "the")
                        && t.gap_after.trim().is_empty()
                });
                // A credit line ("Reuters") is no sentence with a subject.
                if opened_by.is_none()
                    && !m.possessive
                    && subordinate_end.is_none_or(|e| m.first > e)
                    && !after_preposition(&cx.toks, m, from)
                    && to - from > m.last - m.first
                    && (m.first <= from + SUBJECT_REACH || after_lead_in || after_title)
                    && subject_like(cx.names.people.person(p))
                {
                    opened_by = Some(p);
                }
            }
        }
        if opened_by.is_none() {
            if let Some(word) = lone_name_subject(&cx, from, to) {
                cx.recent.last_lone_subject = Some((word, s_idx));
            }
        }
        if let Some(p) = opened_by {
            cx.recent.last_subject = Some((p, s_idx));
        } else if let Some((phrase, plural)) = opening_name(&cx.toks, from, to)
            // A lone word must be a name, unless it is a group "they" may mean ("Authorities").
            .filter(|&((a, b), plural)| b - a > 1 || plural || proper.contains(cx.toks.at(a).base))
            // A credit line ("Reuters") is the whole sentence and opens none.
            .filter(|&((_, b), _)| b < to)
            // A name with a number after it is a model's ("The Airfly 320 seats 180").
            .filter(|&((_, b), _)| !model_number(cx.toks.at(b - 1), cx.toks.at(b)))
        {
            let name = text
                .get(cx.toks.at(phrase.0).start..cx.toks.at(phrase.1 - 1).end)
                .unwrap_or("")
                .to_string();
            if plural {
                cx.recent.last_group = Some((name, s_idx));
            } else {
                cx.recent.last_organisation = Some((name, s_idx));
            }
        } else if let Some((a, b)) = opening_group(&cx.toks, from, to) {
            cx.recent.last_group = Some((cx.span_text(a, b), s_idx));
        }
    }
    // Pull quotes signed by name, where no verb reported them; posts signed by an account and
    // quotations signed after a dash, always: what a verb inside a post reports, the post's
    // author is the one who says it.
    let signed = signed::signed_paragraphs(text);
    let bound: Vec<(usize, usize)> = signed.iter().filter(|s| s.bound).map(|s| s.words).collect();
    // One pass over the quotes: one that starts inside bound words is the signer's.
    out.retain(|q| {
        let i = bound.partition_point(|&(a, _)| a <= q.span.start());
        i.checked_sub(1)
            .and_then(|i| bound.get(i))
            .is_none_or(|&(_, end)| q.span.start() >= end)
    });
    // The quotes found so far by start, each with the furthest end up to it: whether one
    // overlaps a stretch is one binary search (signed paragraphs are lines, so the ones added
    // below never overlap each other).
    let mut found: Vec<(usize, usize)> =
        out.iter().map(|q| (q.span.start(), q.span.end())).collect();
    found.sort_unstable();
    let furthest: Vec<usize> = found
        .iter()
        .scan(0, |far, &(_, e)| {
            *far = (*far).max(e);
            Some(*far)
        })
        .collect();
    let overlaps_found = |start: usize, end: usize| {
        let before_end = found.partition_point(|&(a, _)| a < end);
        before_end
            .checked_sub(1)
            .and_then(|i| furthest.get(i))
            .is_some_and(|&far| far > start)
    };
    for signed in signed {
        let (start, end) = signed.words;
        if !signed.bound && overlaps_found(start, end) {
            continue;
        }
        let name = text.get(signed.name.0..signed.name.1).unwrap_or("");
        let speaker = signature_speaker(&cx, name);
        let channel = signed
            .handle
            .map(|(a, b)| text.get(a..b).unwrap_or("").to_string());
        out.push(Quote {
            doc: doc.id.clone(),
            span: Span::clamped(start, end),
            text: text.get(start..end).unwrap_or("").to_string(),
            kind: QuoteKind::Direct,
            speaker_written: (speaker != name).then(|| name.to_string()),
            speaker: (!speaker.is_empty()).then_some(speaker),
            cue: None,
            channel,
            channel_written: None,
            rule: Rule::SignedParagraph.id().to_string(),
        });
    }
    // Transcripts and quoting headlines: the label opening a paragraph ("BRANDT: …") speaks
    // its words, even where a quotation inside was given to someone else.
    let labelled_paragraphs = labels::labelled_paragraphs(text);
    let transcript = labels::transcript_labels(text, &labelled_paragraphs);
    for labelled in labelled_paragraphs {
        let (start, end) = labelled.words;
        // Only a person the story names elsewhere: "Currencies:" heads a section. A
        // transcript's speaker the story names nowhere else is the label itself ("Marsh").
        let label = text.get(labelled.label.0..labelled.label.1).unwrap_or("");
        let Some(speaker) = label_speaker(&cx, label)
            .or_else(|| transcript.contains(&label).then(|| name_cased(label)))
        else {
            continue;
        };
        let written = (speaker != label).then(|| label.to_string());
        let mut overlapped = false;
        for q in out
            .iter_mut()
            .filter(|q| q.span.start() < end && start < q.span.end())
        {
            overlapped = true;
            // Only a quotation of the whole paragraph is the label's; one inside it is reported.
            let whole = text
                .get(start..q.span.start())
                .is_none_or(|lead| lead.trim_matches(['"', '“', '\'', '‘', ' ']).is_empty());
            if whole {
                q.span = Span::clamped(start, q.span.end());
                q.text = text.get(start..q.span.end()).unwrap_or("").to_string();
                q.speaker = Some(speaker.clone());
                q.speaker_written = written.clone();
                q.rule = Rule::LabelledParagraph.id().to_string();
            }
        }
        if !overlapped {
            out.push(Quote {
                doc: doc.id.clone(),
                span: Span::clamped(start, end),
                text: text.get(start..end).unwrap_or("").to_string(),
                kind: QuoteKind::Indirect,
                speaker: Some(speaker),
                speaker_written: written,
                cue: None,
                channel: None,
                channel_written: None,
                rule: Rule::LabelledParagraph.id().to_string(),
            });
        }
    }
    // A title in quotation marks ("The Boy Who Sold The Moon") names a work, not speech; a
    // photo caption repeats the article.
    // Captions are disjoint and in text order: the one that may hold a quote is the last to
    // start at or before it.
    let captions = caption_spans(text);
    let in_caption = |at: usize| {
        let i = captions.partition_point(|&(a, _)| a <= at);
        i.checked_sub(1)
            .and_then(|i| captions.get(i))
            .is_some_and(|&(_, end)| at < end)
    };
    out.retain(|q| !is_title(&q.text) && !asks_anonymity(&q.text) && !in_caption(q.span.start()));
    out.sort_by_key(|q| (q.span.start(), q.span.end()));
    // A quotation spanning sentences may be reported twice (where it opens and where its
    // attribution closes it): keep one, the closing attribution when it names a speaker (it
    // reports the words explicitly; the opening one only guesses from context). Sorted, the
    // two are neighbours.
    let mut kept: Vec<Quote> = Vec::with_capacity(out.len());
    for q in out {
        match kept
            .last_mut()
            .filter(|k| k.span.start() == q.span.start() && k.span.end() == q.span.end())
        {
            Some(k) if q.speaker.is_some() => *k = q,
            Some(_) => {}
            None => kept.push(q),
        }
    }
    // "HRCA said" names Harbours, Rivers and Coastal Agency.
    let full_names = acronyms::expansions(text, &cx.toks);
    let mut out = kept;
    for q in &mut out {
        if let Some(full) = q
            .speaker
            .as_deref()
            .and_then(|s| acronyms::expand(s, &full_names))
        {
            if q.speaker_written.is_none() {
                q.speaker_written = q.speaker.take();
            }
            q.speaker = Some(full);
        }
    }
    let published = doc.published.as_deref().and_then(crate::date::iso_of);
    let found_facts = facts::facts(&doc.id, text, &cx.toks, &cx.names, published.as_deref());
    (out, found_facts)
}

/// Who a signature names: its words with the titles that open it and the symbols set among
/// them left out ("Gov. Ann Roe 🌊" is Ann Roe, "Harbour Sheriff" stays), as the story names
/// that person elsewhere when its last word is one of the story's names.
fn signature_speaker(cx: &Context, name: &str) -> String {
    let parts: Vec<&str> = name
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .skip_while(|w| is_in(&TITLES, &w.to_lowercase()))
        .collect();
    match parts.last().and_then(|w| cx.names.part(w)) {
        Some(p) => cx.people_name(p),
        None => parts.join(" "),
    }
}

/// The person a paragraph's label names: the one of the story its last word names, written in
/// capitals or not ("BRANDT" and "Sen. Brandt" are Oskar Brandt); None when it names no one.
fn label_speaker(cx: &Context, label: &str) -> Option<String> {
    let last = label.split_whitespace().last()?;
    let word = if last.chars().count() > 1 && lexicon::is_all_caps(last) {
        name_cased(last)
    } else {
        last.to_string()
    };
    cx.names
        .part(&word)
        .map(|p| cx.people_name(p))
        // A person the story introduces in full; "Asia:" may be a known word, but no one's name.
        .filter(|name| name.split_whitespace().count() >= 2)
}

/// A word in capitals written as a name: "BRANDT" is "Brandt".
fn name_cased(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_string() + &chars.as_str().to_lowercase()
    })
}

/// Longest photo credit, in bytes.
const MAX_CREDIT_BYTES: usize = 80;
/// Longest caption, in words.
const MAX_CAPTION_WORDS: usize = 60;

/// Byte ranges of the photo captions: short paragraphs ending in a credit with a slash ("(Hana
/// Ostrowe/CBC)", "(Tomas Rydell/AFP/Getty Images).").
fn caption_spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let end = start + line.len();
        let body = line.trim_end().trim_end_matches('.');
        let credit = body.ends_with(')')
            && body.rfind('(').is_some_and(|open| {
                let inner = body.get(open + 1..body.len() - 1).unwrap_or("");
                inner.contains('/') && inner.len() <= MAX_CREDIT_BYTES && !inner.contains("://")
            });
        if credit && line.split_whitespace().count() <= MAX_CAPTION_WORDS {
            out.push((start, end));
        }
        start = end;
    }
    out
}

/// Longest title, in words.
const MAX_TITLE_WORDS: usize = 9;

/// Short words a title writes in lower case: articles, conjunctions, prepositions.
static TITLE_LOWER_WORDS: WordList = WordList::new(&[
    "a", "an", "and", "as", "at", "but", "by", "for", "in", "nor", "of", "off", "on", "or", "per",
    "so", "the", "to", "up", "via", "vs", "yet",
]);

/// True for words that open with a request not to be named ("She asked not to be identified
/// because …"): they tell why the story names no one, and report nothing the speaker said
/// about the matter.
fn asks_anonymity(text: &str) -> bool {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    matches!(
        words
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>()
            .as_slice(),
        ["not", "to", "be", "named" | "identified", ..]
            | ["to", "remain", "anonymous", ..]
            | ["anonymity", ..]
    )
}

/// True for a short text in title case: at least two words of four letters or more, all of them
/// capitalised ("Harbour Lights: The Long Way Home", "Talk of the Town"), and no sentence ending
/// inside after a word in lower case ("Certainly not. Certainly not" is speech).
fn is_title(text: &str) -> bool {
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphabetic() && !matches!(c, '\'' | '’' | '-'))
        .filter(|w| w.chars().next().is_some_and(char::is_alphabetic))
        .collect();
    let long: Vec<&&str> = words.iter().filter(|w| w.chars().count() >= 4).collect();
    // A short word in lower case is one a title leaves so ("of", "the"), else the words are
    // a sentence ("Then Ines Carrow ran").
    let short_words_fit = words.iter().all(|w| {
        w.chars().count() >= 4
            || w.chars().next().is_some_and(char::is_uppercase)
            || is_in(&TITLE_LOWER_WORDS, w)
    });
    let title_case = (2..=MAX_TITLE_WORDS).contains(&words.len())
        && long.len() >= 2
        && short_words_fit
        && long
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    // "Certainly not. Certainly not": a sentence ends inside, after a word in lower case.
    title_case && !sentence_ends_inside(text)
}

/// True when a full stop, question or exclamation mark inside `text` follows a word holding a
/// lower-case letter and none upper-case, and a space and a letter follow it.
fn sentence_ends_inside(text: &str) -> bool {
    let body = text.trim_end();
    body.char_indices().any(|(i, c)| {
        matches!(c, '.' | '!' | '?')
            && body.get(i + 1..).is_some_and(|rest| {
                let next = rest.trim_start();
                next.len() < rest.len() && next.starts_with(char::is_alphabetic)
            })
            && body
                .get(..i)
                .and_then(|before| before.split_whitespace().last())
                .is_some_and(|w| {
                    w.chars().any(char::is_lowercase) && !w.chars().any(char::is_uppercase)
                })
    })
}

/// Words written with a capital inside a sentence somewhere in the document (names, not just
/// sentence openings), or in capitals throughout ("KFA").
fn proper_words<'a>(toks: &[Tok<'a>]) -> std::collections::HashSet<&'a str> {
    toks.iter()
        .enumerate()
        .filter(|&(i, t)| {
            let acronym = lexicon::is_all_caps(t.base);
            let inside = i > 0
                && !toks
                    .at(i - 1)
                    .gap_after
                    .contains(['.', '!', '?', '\n', '"', '“', '”']);
            t.cap && (acronym || inside)
        })
        .map(|(_, t)| t.base)
        .collect()
}

/// Sentences back within which "it said" and "they said" still mean the organisation or group
/// that opened a sentence.
const GROUP_REACH: usize = 4;

/// The capitalised name opening a sentence, after an optional "The" ("RV Power reminded …",
/// "The Ramblers believe …", "Republican senators are …"), and whether it is plural (a
/// plural noun or two names joined by "and").
fn opening_name(toks: &[Tok], from: usize, to: usize) -> Option<((usize, usize), bool)> {
    let mut a = from;
    if a < to && toks.at(a).lower == "the" {
        a += 1;
    }
    let mut b = a;
    let mut joined = false;
    while b < to && !toks.at(b).in_quote {
        let t = toks.at(b);
        let continues = b == a || people::adjacent(toks.at(b - 1), t);
        if t.cap && continues && !crate::terms::is_stopword(&t.lower) {
            b += 1;
        } else if t.lower == "and" && b > a && b + 1 < to && toks.at(b + 1).cap && continues {
            joined = true;
            b += 1;
        } else {
            break;
        }
        if toks.at(b - 1).possessive || !toks.at(b - 1).gap_after.trim().is_empty() {
            break;
        }
    }
    // A possessive ("Brackley's record") or a heading in capitals ("WATCH") names no speaker.
    // A lone acronym followed by a verb ("KFA declined to answer") is an organisation.
    let acronym_subject = b - a == 1
        && toks.at(a).gap_after.trim().is_empty()
        && toks.get(b).is_some_and(|t| !t.cap && !t.in_quote);
    let heading =
        !acronym_subject && (a..b).all(|i| toks.at(i).base.chars().all(|c| !c.is_lowercase()));
    if b == a || toks.at(b - 1).lower == "and" || toks.at(b - 1).possessive || heading {
        return None;
    }
    if b - a == 1 && lexicon::country_of(toks.at(a).base).is_some() {
        return None;
    }
    // "Thirty-seven children fell ill": a number alone opening a sentence names no one ("Nine
    // Harbour Media" still does).
    if b - a == 1 && crate::numerals::number_word(&toks.at(a).lower).is_some() {
        return None;
    }
    // "Republican senators": a plural common noun after the capitalised words.
    let mut plural = joined || toks.at(b - 1).lower.ends_with('s') && b - a == 1;
    if b < to
        && !toks.at(b).cap
        && toks.at(b).lower.len() > 4
        && toks.at(b).lower.ends_with('s')
        && !toks.at(b).is_cue()
        && toks.at(b - 1).gap_after.trim().is_empty()
    {
        b += 1;
        plural = true;
    }
    Some(((a.max(from), b), plural))
}

/// A group named in lower case opening a sentence ("The researchers acknowledged …", "The
/// local residents say …"): an optional article, at most one qualifying word and a plural
/// group noun ([`lexicon::GROUP_NOUNS`]), before a word in lower case. "They" may mean it next.
fn opening_group(toks: &[Tok], from: usize, to: usize) -> Option<(usize, usize)> {
    let mut a = from;
    if a < to && toks.at(a).lower == "the" {
        a += 1;
    }
    let head = (a..to.min(a + 2)).find(|&i| is_in(&lexicon::GROUP_NOUNS, &toks.at(i).lower))?;
    let plain = |i: usize| {
        let t = toks.at(i);
        !t.in_quote && !t.possessive && t.gap_after.trim().is_empty()
    };
    let qualifier_ok = (a..head)
        .all(|i| plain(i) && !toks.at(i).cap && !crate::terms::is_stopword(&toks.at(i).lower));
    let next_lower = toks.get(head + 1).is_some_and(|t| !t.cap && !t.in_quote) && head + 1 < to;
    (qualifier_ok && plain(head) && next_lower).then_some((from, head + 1))
}

/// The organisation opening a sentence, after a lead-in phrase ("In a statement, HRCA did not
/// disclose …, but said “…”"): an acronym or a name with an organisation word, before `to`.
fn organisation_opener(cx: &Context, from: usize, to: usize) -> Option<String> {
    let toks = &cx.toks;
    let lead_in = from < to && frames::opens_lead_in(toks, from);
    let start = if lead_in {
        (from..to).find(|&k| toks.at(k).gap_after.contains(','))? + 1
    } else {
        from
    };
    let ((a, b), plural) = opening_name(toks, start, to)?;
    let organisation = (b - a == 1 && lexicon::is_all_caps(toks.at(a).base))
        || (a..b).any(|i| is_in(&ORGANISATION_WORDS, &toks.at(i).lower));
    (organisation && !plural && b < to).then(|| {
        cx.text
            .get(toks.at(a).start..toks.at(b - 1).end)
            .unwrap_or("")
            .to_string()
    })
}

/// The unknown capitalised word that is a sentence's subject: after its lead-in ("When asked …,
/// Quenby didn't hesitate"), or opening it before an apposition ("Laksmi, a resident of Pulau Ara,
/// was watching television"). Never written in lower case, and no day, month or country.
fn lone_name_subject(cx: &Context, from: usize, to: usize) -> Option<String> {
    let name_like = |t: &Tok| {
        t.cap
            && !t.in_quote
            && t.base.chars().all(char::is_alphabetic)
            && t.base.chars().skip(1).all(char::is_lowercase)
            && cx.names.part(t.base).is_none()
            && !cx.common.contains(&common_key(&t.lower))
            && !crate::terms::is_stopword(&t.lower)
            && !lexicon::is_calendar_word(&t.lower)
            && lexicon::country_of(t.base).is_none()
    };
    let (first, second) = (cx.toks.get(from)?, cx.toks.get(from + 1)?);
    let apposition = first.gap_after.trim() == ","
        && matches!(second.lower.as_str(), "a" | "an" | "the")
        && name_like(first);
    if apposition {
        return Some(first.base.to_string());
    }
    if !frames::opens_lead_in(&cx.toks, from) {
        return None;
    }
    let comma = (from..to.min(from + frames::MAX_SUBJECT_WORDS * 3))
        .filter(|&i| cx.toks.at(i).gap_after.contains(','))
        .find(|&i| cx.toks.get(i + 1).is_some_and(|t| t.cap))?;
    let (t, next) = (cx.toks.get(comma + 1)?, cx.toks.get(comma + 2)?);
    let verb_follows = !next.cap && !next.in_quote && t.gap_after.trim().is_empty();
    (comma + 2 < to && name_like(t) && verb_follows).then(|| t.base.to_string())
}

/// Tokens from a sentence's start within which a person mention is its subject.
const SUBJECT_REACH: usize = 3;

/// Nouns for a woman or a girl, whom "she" means.
static FEMALE_NOUNS: WordList = WordList::new(&[
    "aunt",
    "businesswoman",
    "chairwoman",
    "daughter",
    "girl",
    "girlfriend",
    "granddaughter",
    "grandmother",
    "mother",
    "niece",
    "sister",
    "spokeswoman",
    "widow",
    "wife",
    "woman",
]);

/// Nouns for a man or a boy, whom "he" means.
static MALE_NOUNS: WordList = WordList::new(&[
    "boy",
    "boyfriend",
    "brother",
    "businessman",
    "chairman",
    "father",
    "grandfather",
    "grandson",
    "husband",
    "man",
    "nephew",
    "son",
    "spokesman",
    "uncle",
    "widower",
]);

/// Nouns for one person of either sex whom a story may leave unnamed ("a witness", "a
/// passenger"), besides roles ([`lexicon::ROLES`]) and kin ([`lexicon::KIN_NOUNS`]).
static PERSON_NOUNS: WordList = WordList::new(&[
    "bystander",
    "customer",
    "driver",
    "employee",
    "friend",
    "neighbor",
    "neighbour",
    "parent",
    "passenger",
    "patient",
    "person",
    "relative",
    "source",
    "survivor",
    "victim",
    "witness",
]);

/// The unnamed speaker a "he" or "she" (at token `at`) means: the speaker of the quote just
/// before, in this sentence or the one before, described but not named ("A woman who was on
/// the bus said …. “…,” she said."), when the description is of one person who fits the
/// pronoun (a noun of that sex, or a role, kin or [`PERSON_NOUNS`] noun of either) and no
/// person the pronoun may mean is named between the start of that quote's sentence and the
/// pronoun. (A named speaker before is found by [`resolve`].)
fn unnamed_antecedent(cx: &Context, pronoun: &str, at: usize) -> Option<String> {
    let previous = cx.recent.previous.as_ref()?;
    let described = previous.speaker.as_ref()?;
    // A description names no one: an article, then words in lower case ("A woman").
    let mut words = described.split_whitespace();
    let article = words
        .next()
        .is_some_and(|w| matches!(w.to_lowercase().as_str(), "a" | "an" | "the"));
    if !article
        || !words.all(|w| !w.starts_with(char::is_uppercase))
        || cx.sentence - previous.sentence > 1
    {
        return None;
    }
    let head = described.split_whitespace().last()?.to_lowercase();
    let gender = pronoun_gender(pronoun);
    let fits = match gender {
        1 => is_in(&MALE_NOUNS, &head),
        -1 => is_in(&FEMALE_NOUNS, &head),
        _ => false,
    } || is_in(&lexicon::ROLES, &head)
        || is_in(&lexicon::KIN_NOUNS, &head)
        || is_in(&PERSON_NOUNS, &head);
    let other_sex = match gender {
        1 => is_in(&FEMALE_NOUNS, &head),
        -1 => is_in(&MALE_NOUNS, &head),
        _ => true,
    };
    // Anyone the pronoun may mean named since the described speaker's sentence opened ("A
    // prosecutor said Ann Lee had taken the money. She said …" is Ann Lee).
    let named_since = cx
        .names
        .mentions(&cx.toks, previous.sentence_from.min(at), at, false)
        .iter()
        .any(|m| match m.referent {
            Referent::Person(p) => {
                let votes = cx.gender.get(p).copied().unwrap_or(0);
                votes == 0 || votes.signum() == gender
            }
            _ => false,
        });
    (fits && !other_sex && !named_since).then(|| described.clone())
}

/// +1 for "he", "his", "him"; -1 for "she", "her", "hers"; 0 otherwise.
fn pronoun_gender(lower: &str) -> i32 {
    match lower {
        "he" | "his" | "him" => 1,
        "she" | "her" | "hers" => -1,
        _ => 0,
    }
}

/// Evidence of each person's gender: a given name ([`given_names`], one vote), and from the
/// document itself, in the places where a pronoun's person is plain: a title ("Mr", "Ms"); "he"
/// or "she" opening a sentence, for the person who opened the sentence before; "Lund said he",
/// for the person before the verb. Positive means "he", negative "she".
fn gender_votes(toks: &[Tok], names: &NameTable, sentences: &[Span]) -> Vec<i32> {
    let mut votes: Vec<i32> = names
        .people
        .iter()
        .map(|p| {
            let titled = |t: &[&str]| p.descriptors.iter().any(|d| t.contains(&d.as_str()));
            // Only a full name has a given name: "Kelly" alone may be a surname.
            let words: Vec<&str> = p.name.split_whitespace().collect();
            let given = if let [first, _, ..] = words.as_slice() {
                given_names::pronoun_vote(first)
            } else {
                0
            };
            i32::from(titled(&["mr"])) - i32::from(titled(&["ms", "mrs", "miss"])) + given
        })
        .collect();
    let mut previous_subject: Option<usize> = None;
    for sentence in sentences {
        let (from, to) = token_range(toks, *sentence);
        let mentions = names.mentions(toks, from, to, false);
        let person = |m: &Mention| match m.referent {
            Referent::Person(p) if !m.possessive => Some(p),
            _ => None,
        };
        if let (Some(p), Some(first)) = (previous_subject, toks.get(from)) {
            if matches!(first.lower.as_str(), "he" | "she") && !first.in_quote {
                if let Some(vote) = votes.get_mut(p) {
                    *vote += pronoun_gender(&first.lower);
                }
            }
        }
        for m in &mentions {
            let (Some(p), Some(verb), Some(pronoun)) =
                (person(m), toks.get(m.last), toks.get(m.last + 1))
            else {
                continue;
            };
            if m.last + 1 < to
                && verb.is_cue()
                && matches!(pronoun.lower.as_str(), "he" | "she")
                && !pronoun.in_quote
            {
                if let Some(vote) = votes.get_mut(p) {
                    *vote += pronoun_gender(&pronoun.lower);
                }
            }
        }
        previous_subject = mentions
            .iter()
            .filter(|m| m.first <= from + SUBJECT_REACH)
            .find_map(person);
    }
    votes
}

/// Token indices covering a span.
fn token_range(toks: &[Tok], span: Span) -> (usize, usize) {
    let from = toks.partition_point(|t| t.start < span.start());
    let to = toks.partition_point(|t| t.start < span.end());
    (from, to)
}

fn trim_quote(text: &str, start: usize, end: usize) -> (usize, usize) {
    let inner = text.get(start..end).unwrap_or("");
    let lead = inner.len() - inner.trim_start().len();
    let trimmed = inner.trim().trim_end_matches([',', ';', ' ']);
    (start + lead, start + lead + trimmed.len())
}

/// The end of the words `text[start..end]` moved past the closing mark of a quotation they
/// open but do not close ("… needed “a new lamp and a keeper" ends at "keeper,”"): when they
/// hold words before it and only punctuation stands between them and the quotation's end (one
/// of `quotes`), or when a curly closing mark follows at once, after a comma at most.
fn close_open_mark(text: &str, quotes: &[(usize, usize)], start: usize, end: usize) -> usize {
    let first_word = text
        .get(start..end)
        .and_then(|words| words.find(char::is_alphanumeric))
        .map(|p| start + p);
    // Quotations are sorted by start: only those opening inside the words are read.
    let first = quotes.partition_point(|&(qs, _)| qs < start);
    let inside = quotes.get(first..).unwrap_or_default();
    let opened = inside
        .iter()
        .take_while(|&&(qs, _)| qs < end)
        .find(|&&(qs, qe)| {
            // Ending where the quotation's words end, the words still lack its closing mark.
            end <= qe
                && first_word.is_some_and(|w| w < qs)
                && text
                    .get(end..qe)
                    .is_some_and(|rest| !rest.chars().any(char::is_alphanumeric))
        });
    if let Some(&(_, qe)) = opened {
        // The quotation's span ends inside its marks: the words take the closing mark too.
        let rest = text.get(qe..).unwrap_or("");
        return qe + rest.len() - rest.trim_start_matches(tokens::CLOSING_MARKS).len();
    }
    let words = text.get(start..end).unwrap_or("");
    if words.matches('“').count() <= words.matches('”').count() {
        return end;
    }
    let rest = text.get(end..).unwrap_or("");
    let after_comma = rest.strip_prefix(',').unwrap_or(rest);
    match after_comma.strip_prefix('”') {
        Some(_) => end + (rest.len() - after_comma.len()) + '”'.len_utf8(),
        None => end,
    }
}

/// The quotation (inside its marks) that the words `text[start..end]` open with, when it runs
/// on past them: only opening marks stand before it, and it closes after they end.
fn quotation_run_on(
    text: &str,
    quotes: &[(usize, usize)],
    start: usize,
    end: usize,
) -> Option<(usize, usize)> {
    let first = quotes.partition_point(|&(qs, _)| qs < start);
    let &(qs, qe) = quotes.get(first)?;
    let before = text.get(start..qs)?;
    let only_marks = before
        .chars()
        .all(|c| c.is_whitespace() || tokens::OPENING_MARKS.contains(&c));
    (only_marks && qs < end && qe > end).then_some((qs, qe))
}

/// The quote of the quotation `(qs, qe)` opening in `sentence`, which no frame's words hold
/// whole; `inside_frame` is the speaker of a frame whose words open it and that it runs on past.
fn direct_quote(
    cx: &mut Context,
    doc: &Document,
    (s_idx, paragraph): (usize, usize),
    sentence: Span,
    (qs, qe): (usize, usize),
    channels: &[ChannelMention],
    inside_frame: Option<&PreviousQuote>,
) -> Option<Quote> {
    let (start, end) = trim_quote(cx.text, qs, qe);
    let quoted = cx.text.get(start..end).unwrap_or("");
    let word_count = quoted.split_whitespace().count();
    let (from, to) = token_range(&cx.toks, sentence);
    let close_tok = cx.toks.partition_point(|t| t.start < qe).max(from);
    let open_tok = cx.toks.partition_point(|t| t.start < qs).max(from);
    let cue_near = (from..to)
        .filter(|&k| !cx.toks.at(k).in_quote)
        .find(|&k| cx.toks.at(k).is_cue());
    let according = channels.iter().any(|c| c.according_to);
    // "She called the plan “a costly mistake”": the subject of a verb that characterizes
    // something speaks the quoted words, however few.
    let characterizer = (from..open_tok.min(to))
        .rev()
        .take(CHARACTERIZING_REACH)
        .take_while(|&k| !cx.toks.at(k).in_quote)
        .find(|&k| is_in(&lexicon::CHARACTERIZING, &cx.toks.at(k).lower));
    // A quotation that is a whole sentence is speech, however short ("“Our caucus is together.”").
    let outside = format!(
        "{}{}",
        cx.text
            .get(sentence.start()..qs.min(sentence.end()))
            .unwrap_or(""),
        cx.text
            .get(qe.min(sentence.end())..sentence.end())
            .unwrap_or("")
    );
    let whole_sentence = outside.chars().all(|c| !c.is_alphanumeric());
    // "Lee was blunt: “The ferry is late.”": a colon introducing a quotation that closes the
    // sentence introduces speech of three words or more.
    let introduced = cx.text.get(sentence.start()..qs).is_some_and(|lead| {
        lead.trim_end_matches(|c: char| {
            c.is_whitespace() || c == '\'' || tokens::OPENING_MARKS.contains(&c)
        })
        .ends_with(':')
    }) && cx
        .text
        .get(qe.min(sentence.end())..sentence.end())
        .unwrap_or("")
        .chars()
        .all(|c| !c.is_alphanumeric());
    let characterized = characterizer.is_some() && word_count >= 2;
    let speech_however_short = whole_sentence || characterized || (introduced && word_count > 2);
    if !speech_however_short
        && (word_count <= 2
            || (word_count < MIN_UNCUED_QUOTE_WORDS && cue_near.is_none() && !according))
    {
        return None;
    }
    // A quotation opening its paragraph continues the last speaker's words a few sentences on.
    let opens_paragraph = cx
        .text
        .get(paragraph..qs)
        .unwrap_or("")
        .trim_matches(|c: char| c.is_whitespace() || c == '"' || c == '“')
        .is_empty();
    let reach = if opens_paragraph {
        CONTINUATION_SENTENCES
    } else {
        1
    };
    let before = cx.names.mentions(&cx.toks, from, open_tok.min(to), false);
    let after = cx.names.mentions(&cx.toks, close_tok.min(to), to, false);
    let inside = cx
        .names
        .mentions(&cx.toks, open_tok, close_tok.min(to), true);
    // "Amsel, the only surgeon at Tarn Island's Kelmory Bay Hospital, is more blunt: “…”": the
    // subject before an apposition speaks, not a name inside the apposition.
    let subject_with_apposition = before
        .iter()
        .find(|m| {
            !m.possessive
                && m.first <= from + SUBJECT_REACH
                && cx.toks.at(m.last - 1).gap_after.contains(',')
        })
        .cloned();
    // The one who characterizes stands right before the verb ("Lee called Park “…”").
    let characterizing_subject = characterizer.and_then(|k| {
        // "Roe, an ally of the mayor, called …": a name closing an apposition before the verb
        // is not its subject; the subject before the apposition is.
        let after_apposition = k > 0 && cx.toks.at(k - 1).gap_after.contains(',');
        if after_apposition {
            return subject_with_apposition.clone();
        }
        before
            .iter()
            .rev()
            .find(|m| {
                !m.possessive && (m.last == k || (m.last + 1 == k && is_adverb(cx.toks.at(m.last))))
            })
            .cloned()
    });
    let speaker_mention = characterizing_subject
        .map(|m| (m, Rule::QuoteCharacterizingSubject))
        .or_else(|| {
            before
                .iter()
                .rev()
                .find(|m| !m.possessive && followed_by_cue(&cx.toks, m, to))
                .map(|m| (m.clone(), Rule::QuoteNameBeforeCue))
        })
        .or_else(|| speech_owner(&cx.toks, &before, open_tok).map(|m| (m, Rule::QuoteSpeechOwner)))
        .or(subject_with_apposition.map(|m| (m, Rule::QuoteSubjectApposition)))
        .or_else(|| {
            // "Lund wrote to Varga that morning: “…”": the person opening the sentence speaks,
            // not one named after the verb.
            // Not a name inside a lead-in ("After Lund left, Varga turned to …"): no comma may
            // stand between it and the later name.
            let comma_between =
                |a: usize, b: usize| (a..b).any(|i| cx.toks.at(i).gap_after.contains(','));
            before
                .iter()
                .find(|m| {
                    !m.possessive
                        && m.first <= from + SUBJECT_REACH
                        && matches!(m.referent, Referent::Person(_))
                })
                .filter(|m| {
                    before
                        .iter()
                        .any(|o| o.first > m.first && !comma_between(m.first, o.first))
                })
                .map(|m| (m.clone(), Rule::QuoteSentenceSubject))
        })
        .or_else(|| pick_before(&cx.toks, &before, to).map(|m| (m, Rule::QuoteNameBefore)))
        .or_else(|| {
            after
                .iter()
                .find(|m| !m.possessive)
                .map(|m| (m.clone(), Rule::QuoteNameAfter))
        })
        .or_else(|| {
            // "“Putin believes …”" right after Orlova spoke in the paragraph is still hers.
            let continues = cx.recent.previous.as_ref().is_some_and(|q| {
                q.speaker.is_some() && q.paragraph == paragraph && s_idx - q.sentence <= 1
            });
            inside
                .first()
                .filter(|m| m.first <= open_tok + 1 && followed_by_cue(&cx.toks, m, to))
                .filter(|_| !continues)
                .map(|m| (m.clone(), Rule::QuoteNameOpening))
        })
        // The frame whose words open the quotation speaks it, not a name inside them.
        .filter(|_| inside_frame.is_none());
    // "A study by the port board said it was “alarmed …”": no person is named, and the
    // channel that is the reporting verb's subject speaks.
    let channel_subject = channels
        .iter()
        .find(|c| c.subject)
        .and_then(|c| channel_speaker(cx, c));
    let mut written = speaker_mention
        .as_ref()
        .map(|(m, _)| cx.span_text(m.first, m.last));
    // Where the speaker's name ends, when it stands before the quotation.
    let speaker_end = speaker_mention
        .as_ref()
        .map(|(m, _)| m.last)
        .filter(|&last| last <= open_tok);
    // The quotation a frame in the sentence before introduced ("… the following statement:").
    let introduced_by = cx
        .recent
        .introducer
        .clone()
        .filter(|(q, end)| {
            let between = cx.text.get(*end..qs).unwrap_or("");
            q.speaker.is_some()
                && between.contains('\n')
                && between
                    .chars()
                    .all(|c| c.is_whitespace() || c == '\'' || tokens::OPENING_MARKS.contains(&c))
        })
        .map(|(q, _)| q);
    if introduced_by.is_some() {
        cx.recent.introducer = None;
    }
    let (speaker, rule) = match (
        inside_frame,
        speaker_mention,
        channel_subject,
        introduced_by.clone(),
    ) {
        (Some(frame), _, _, _) => {
            written.clone_from(&frame.written);
            (frame.speaker.clone(), Rule::QuoteInsideFrame)
        }
        (None, Some((m, rule)), _, _) => (resolve(cx, &m), rule),
        (None, None, Some(owner), _) => (Some(owner), Rule::QuoteChannelSubject),
        (None, None, None, Some(q)) => {
            written.clone_from(&q.written);
            (q.speaker, Rule::QuoteIntroduced)
        }
        (None, None, None, None) => match organisation_opener(cx, from, open_tok) {
            Some(name) => {
                cx.recent.last_organisation = Some((name.clone(), s_idx));
                (Some(name), Rule::QuoteOrganisationOpener)
            }
            // "Mr. Fennimore describes himself as … . “Why would I …?”": the person the sentence
            // before was about, unless a quote came after them.
            None => {
                let subject = cx
                    .recent
                    .last_subject
                    .filter(|&(_, at)| s_idx - at <= 1)
                    .filter(|&(_, at)| cx.recent.previous.as_ref().is_none_or(|q| q.sentence < at))
                    .map(|(p, _)| (cx.people_name(p), Rule::QuotePreviousSubject));
                let found = subject.or_else(|| {
                    let previous = cx
                        .recent
                        .previous
                        .as_ref()
                        .filter(|q| q.paragraph == paragraph || s_idx - q.sentence <= reach)?;
                    let name = previous.speaker.clone()?;
                    // The quotation goes on in the words the speaker was named with.
                    written.clone_from(&previous.written);
                    Some((name, Rule::QuotePreviousSpeaker))
                });
                match found {
                    Some((name, rule)) => (Some(name), rule),
                    None => (None, Rule::QuoteUnattributed),
                }
            }
        },
    };
    let channel = inside_frame
        .and_then(|frame| frame.channel.clone())
        .or_else(|| pick_channel(cx, channels))
        .or_else(|| {
            cx.recent
                .previous
                .as_ref()
                .filter(|q| {
                    (q.paragraph == paragraph || s_idx - q.sentence <= 1) && q.speaker == speaker
                })
                .and_then(|q| q.channel.clone())
        })
        .or_else(|| introduced_by.as_ref().and_then(|q| q.channel.clone()));
    let cue = if according && channels.iter().any(|c| c.according_to) {
        cue_near
            .map(|k| cx.toks.at(k).lower.clone())
            .or_else(|| Some("according to".to_string()))
    } else {
        cue_near.map(|k| cx.toks.at(k).lower.clone())
    };
    let starts_sentence = cx
        .text
        .get(sentence.start()..qs)
        .unwrap_or("")
        .trim_matches(|c: char| c.is_whitespace() || c == '"' || c == '“')
        .is_empty();
    let after_colon = cx
        .text
        .get(sentence.start()..qs)
        .unwrap_or("")
        .trim_end()
        .trim_end_matches(['"', '“'])
        .trim_end()
        .ends_with([':', ',']);
    let capital = quoted.chars().next().is_some_and(char::is_uppercase);
    let kind = if capital && (starts_sentence || after_colon) {
        QuoteKind::Direct
    } else {
        QuoteKind::Partial
    };
    // A partial quotation inside the clause its speaker's verb reports is that clause.
    let (start, end) = speaker_end
        .filter(|_| kind == QuoteKind::Partial && !whole_sentence)
        .and_then(|m_end| {
            clause::reported_clause(
                cx,
                m_end,
                (open_tok, close_tok, to),
                sentence,
                (start, end),
                qe,
            )
        })
        .unwrap_or((start, end));
    cx.remember_quote((&speaker, &written), &channel, s_idx, paragraph);
    Some(Quote {
        doc: doc.id.clone(),
        span: Span::clamped(start, end),
        text: cx.text.get(start..end).unwrap_or(quoted).to_string(),
        kind,
        speaker_written: written.filter(|w| speaker.as_ref() != Some(w)),
        speaker,
        cue,
        channel,
        channel_written: None,
        rule: rule.id().to_string(),
    })
}

/// Tokens before a quotation read for a verb that characterizes ([`lexicon::CHARACTERIZING`]).
const CHARACTERIZING_REACH: usize = 10;

/// True for an adverb that may stand between a subject and its verb ("Lee also called").
fn is_adverb(t: &Tok) -> bool {
    matches!(
        t.lower.as_str(),
        "also" | "then" | "later" | "again" | "repeatedly" | "once"
    ) || t.lower.ends_with("ly")
}

/// The speaker among mentions before a quote: the last one right before a reporting verb, else
/// the last one that is neither a possessive nor the object of a preposition ("Ames wrote to
/// Lund: “…”" is Ames's), else the last one that is not a possessive.
fn pick_before(toks: &[Tok], before: &[Mention], to: usize) -> Option<Mention> {
    let object = |m: &&Mention| {
        m.first > 0 && is_in(&lexicon::OBJECT_PREPOSITIONS, &toks.at(m.first - 1).lower)
    };
    before
        .iter()
        .rev()
        .find(|m| !m.possessive && followed_by_cue(toks, m, to))
        .or_else(|| before.iter().rev().find(|m| !m.possessive && !object(m)))
        .or_else(|| before.iter().rev().find(|m| !m.possessive))
        .cloned()
}

/// "Lee's reply: “…”", "in Lee's words, “…”": the owner of words spoken, named before the
/// quotation with a noun of speech ([`lexicon::SPEECH_NOUNS`]) that introduces it: the noun is
/// the last word before the quotation's opening token, a colon or a comma after it.
fn speech_owner(toks: &[Tok], before: &[Mention], open_tok: usize) -> Option<Mention> {
    before
        .iter()
        .rev()
        .find(|m| {
            let noun = toks.at(m.last);
            m.possessive
                && m.last + 1 == open_tok
                && is_in(&lexicon::SPEECH_NOUNS, &noun.lower)
                && noun.gap_after.contains([':', ','])
        })
        .cloned()
}

/// Most tokens of a subordinate clause opening a sentence ("When Brandt retired last year,").
const MAX_SUBORDINATE_TOKENS: usize = 16;

/// Most words of a frame's words that only introduce a quotation after them ("the following
/// statement:", "the closure, reporting:").
const MAX_INTRODUCING_WORDS: usize = 6;

/// True when a frame's words `(start, end)` end with a colon, hold no quotation, are a few
/// words at most, and the text after them opens a quotation on a new line: they introduce it.
fn introduces_quotation(
    text: &str,
    (start, end): (usize, usize),
    quotes: &[(usize, usize)],
) -> bool {
    let words = text.get(start..end).unwrap_or("").trim_end();
    let after = text.get(end..).unwrap_or("");
    let next = after.trim_start();
    let new_line = after
        .chars()
        .take_while(|c| c.is_whitespace())
        .any(|c| c == '\n');
    words.ends_with(':')
        && frames::words_between(text, start..end) <= MAX_INTRODUCING_WORDS
        && !frames::quote_within(quotes, start, end)
        && new_line
        && next.starts_with(|c: char| c == '\'' || tokens::OPENING_MARKS.contains(&c))
}

fn followed_by_cue(toks: &[Tok], m: &Mention, to: usize) -> bool {
    let mut k = m.last;
    if k < to
        && matches!(
            toks.at(k).lower.as_str(),
            "also" | "has" | "had" | "have" | "then" | "later" | "further"
        )
    {
        k += 1;
    }
    k < to && toks.at(k).is_cue()
}

/// The channel that quoted the speaker of a frame whose verb is "quoted": the one before it
/// ("The Norvik Gazette quoted Lee as saying …") or after its "by" ("Lee was quoted by the
/// Norvik Gazette as saying …").
fn quoting_channel(cx: &Context, f: &Frame, channels: &[ChannelMention]) -> Option<String> {
    // "Lee was quoted by the Gazette as saying …": the verb read may be "saying".
    let as_saying =
        cx.toks.at(f.cue).lower == "saying" && f.cue >= 1 && cx.toks.at(f.cue - 1).lower == "as";
    let quoted = if as_saying {
        (f.cue
            .saturating_sub(MAX_OUTLET_WORDS + 3)
            .max(cx.sentence_from)..f.cue)
            .rev()
            .find(|&k| cx.toks.at(k).lower == "quoted" && !cx.toks.at(k).in_quote)?
    } else {
        f.cue
    };
    if cx.toks.at(quoted).lower != "quoted" {
        return None;
    }
    let by = cx.toks.get(quoted + 1).is_some_and(|t| t.lower == "by");
    let m = channels.iter().find(|c| {
        if by {
            (quoted + 2..=quoted + 3).contains(&c.first)
        } else {
            c.last == quoted
        }
    });
    let Some(m) = m else {
        // "The Norvik Gazette quoted Lee as saying": a newspaper's name before the verb.
        let mut a = quoted;
        while a > cx.sentence_from && cx.toks.at(a - 1).cap && !cx.toks.at(a - 1).in_quote {
            a -= 1;
        }
        let masthead =
            a < quoted && !by && is_in(&lexicon::MASTHEAD_WORDS, &cx.toks.at(quoted - 1).lower);
        let a = a + usize::from(a < quoted && cx.toks.at(a).lower == "the");
        return masthead.then(|| cx.span_text(a, quoted));
    };
    Some(channel_name(cx, m))
}

/// The name of a channel mention: as written when it names who or what, else, opened by "the"
/// ("the report"), the channel named last, else as written. Only "the" borrows: "his office",
/// "a statement" or "state media" is no earlier channel.
fn channel_name(cx: &Context, m: &ChannelMention) -> String {
    let written = || channel_text(cx.text, &cx.toks, m).to_string();
    if m.qualified || cx.toks.at(m.first).lower != "the" {
        written()
    } else {
        cx.recent.last_channel.clone().unwrap_or_else(written)
    }
}

/// The channel named in a sentence: "according to", else a subject of a reporting verb, else any;
/// a bare "the report" resolves to the last named channel.
fn pick_channel(cx: &Context, channels: &[ChannelMention]) -> Option<String> {
    let m = channels
        .iter()
        .find(|c| c.according_to)
        .or_else(|| channels.iter().find(|c| c.subject))
        .or_else(|| channels.first())?;
    Some(channel_name(cx, m))
}

/// The person named as the subject that opens this sentence before token `to`, when a pronoun
/// stands later in the sentence: "Mayor Ann Roe opened the bridge, and she said …" (a name
/// opening the sentence or its lead-in, not a possessive).
fn sentence_opener(cx: &Context, to: usize) -> Option<usize> {
    let from = cx.sentence_from;
    if to <= from {
        return None;
    }
    let mentions = cx.names.mentions(&cx.toks, from, to, false);
    let first = mentions.first()?;
    // "Varga spokeswoman Nadia Holm …": the name the role introduces opens the sentence.
    let m = match mentions.get(1) {
        Some(next) if qualifies_next(&cx.toks, first, next) => next.clone(),
        _ => first.clone(),
    };
    let Referent::Person(p) = m.referent else {
        return None;
    };
    let after_lead_in = m.first > from && cx.toks.at(m.first - 1).gap_after.contains(',');
    let opens = m.first <= from + SUBJECT_REACH || after_lead_in;
    // "As for Ann Lee, she said": the name a topic marker ("as for", "as to", "regarding")
    // stands right after is the pronoun's, though "Lee, she said, is …" has the name as the
    // subject of the words.
    let topic = m.first >= from + 2 && {
        let (a, b) = (
            &cx.toks.at(m.first - 2).lower,
            &cx.toks.at(m.first - 1).lower,
        );
        a == "as" && matches!(b.as_str(), "for" | "to")
    } || m.first > from && cx.toks.at(m.first - 1).lower == "regarding";
    (opens
        && !m.possessive
        && !after_preposition(&cx.toks, &m, from)
        && (m.last < to || topic)
        && subject_like(cx.names.people.person(p)))
    .then_some(p)
}

/// True when a preposition of the sentence opening at token `from` stands right before mention
/// `m`, with no punctuation between: its object is no subject ("Raised in Port Ellis, Marsh …"
/// opens with Marsh; "When the results came in, Marsh said" does too).
fn after_preposition(toks: &[Tok], m: &Mention, from: usize) -> bool {
    m.first > from && {
        let before = toks.at(m.first - 1);
        people::adjacent(before, toks.at(m.first))
            && is_in(&lexicon::NON_SUBJECT_PREPOSITIONS, &before.lower)
    }
}

/// Most words of a role between a qualifying name and the name it qualifies ("campaign
/// manager").
const MAX_QUALIFIER_ROLE_WORDS: usize = 3;

/// True when mention `m` qualifies the mention `next` after it: only lower-case words of a role
/// stand between them, the last a role word ("Varga spokeswoman Nadia Holm", "Brandt campaign
/// manager Ivo Marsh"), with no punctuation. A word that joins ("and"), a verb ("fired", "met")
/// or a reporting verb between them makes two people of a sentence ("Varga fired coach Ann
/// Lee").
fn qualifies_next(toks: &[Tok], m: &Mention, next: &Mention) -> bool {
    let between = m.last..next.first;
    let modifier = |t: &Tok| {
        !t.cap
            && !t.is_cue()
            && !crate::terms::is_stopword(&t.lower)
            && !t.lower.ends_with("ed")
            && !views::is_view_verb(&t.lower)
    };
    !m.possessive
        && matches!(m.referent, Referent::Person(_))
        && matches!(next.referent, Referent::Person(_))
        && (1..=MAX_QUALIFIER_ROLE_WORDS).contains(&between.len())
        && (m.last - 1..next.first).all(|i| toks.at(i).gap_after.trim().is_empty())
        && between.clone().all(|i| modifier(toks.at(i)))
        && is_in(&lexicon::ROLES, &toks.at(next.first - 1).lower)
}

/// True when a person was introduced with a role ("Mayor Ann Lee", "Tom Brandt, the fire
/// chief,") and `role`, a role word too, is none of its words: "the minister" is not the mayor
/// named last.
fn in_another_role(person: &people::Person, role: &str) -> bool {
    let known: Vec<&String> = person
        .descriptors
        .iter()
        .chain(&person.described)
        .filter(|d| {
            is_in(&lexicon::ROLES, d)
                || (lexicon::is_title(d)
                    && !matches!(d.as_str(), "mr" | "mrs" | "ms" | "miss" | "dr"))
        })
        .collect();
    // A word any holder of an office is also called ("the leader", "the official").
    let generic = matches!(role, "leader" | "official" | "head" | "executive");
    is_in(&lexicon::ROLES, role)
        && !generic
        && !known.is_empty()
        && !known.iter().any(|d| d.as_str() == role)
}

/// The fullest name a mention refers to.
fn resolve(cx: &Context, m: &Mention) -> Option<String> {
    let people = &cx.names.people;
    match &m.referent {
        Referent::Person(p) => Some(people.person(*p).name.clone()),
        Referent::Pronoun => {
            let he_or_she = pronoun_gender(&cx.toks.at(m.first).lower);
            let fits = |p: usize| {
                let votes = cx.gender.get(p).copied().unwrap_or(0);
                votes == 0 || votes.signum() == he_or_she
            };
            let person_named = |name: &str| people.iter().position(|x| x.name == name);
            let speaker = cx
                .recent
                .last_speaker
                .as_ref()
                .filter(|(_, at)| cx.sentence - at <= PRONOUN_SPEAKER_REACH)
                .filter(|(name, _)| person_named(name).is_some_and(fits));
            // Someone who opened a sentence since the last speaker spoke is the one meant
            // ("Quenby didn't hesitate. “…,” he said.").
            let newer_subject = cx
                .recent
                .last_subject
                .filter(|&(p, at)| {
                    subject_like(people.person(p))
                        && fits(p)
                        && speaker.is_none_or(|(name, spoke)| {
                            at > *spoke && *name != people.person(p).name
                        })
                        && cx.sentence - at <= PRONOUN_SPEAKER_REACH
                })
                .map(|(p, _)| people.person(p).name.clone());
            // Someone introduced in the sentence before, since the last speaker spoke.
            let introduced = cx
                .recent
                .last_introduced
                .filter(|&(p, at)| {
                    fits(p)
                        && cx.sentence - at <= 1
                        && cx
                            .recent
                            .last_subject
                            .is_none_or(|(q, opened)| at > opened || q == p)
                        && speaker.is_none_or(|(name, spoke)| {
                            at > *spoke && *name != people.person(p).name
                        })
                })
                .map(|(p, _)| people.person(p).name.clone());
            let lone = cx
                .recent
                .last_lone_subject
                .as_ref()
                .filter(|(_, at)| {
                    cx.sentence - at <= 1 && speaker.is_none_or(|(_, spoke)| at > spoke)
                })
                .map(|(name, _)| name.clone());
            sentence_opener(cx, m.first)
                .filter(|&p| fits(p))
                .map(|p| people.person(p).name.clone())
                .or(newer_subject)
                .or(introduced)
                .or(lone)
                .or_else(|| speaker.map(|(s, _)| s.clone()))
                .or_else(|| {
                    cx.seen
                        .iter()
                        .rev()
                        .find(|&&(p, _)| people.person(p).confirmed && fits(p))
                        .map(|&(p, _)| people.person(p).name.clone())
                })
        }
        Referent::Description(modifiers) => {
            let recent = |pred: &dyn Fn(usize) -> bool| {
                cx.seen.iter().rev().map(|&(p, _)| p).find(|&p| pred(p))
            };
            let by_descriptor = |p: usize| {
                modifiers
                    .iter()
                    .take(modifiers.len().saturating_sub(1))
                    .filter(|m| m.chars().count() >= 3)
                    .any(|m| {
                        people
                            .person(p)
                            .descriptors
                            .iter()
                            .any(|d| descriptor_matches(d, m))
                    })
            };
            let role = modifiers.last().cloned().unwrap_or_default();
            // "the mayor" is the "mayoral candidate" named before.
            let titles: &[&str] = lexicon::ROLE_TITLES
                .iter()
                .find(|(r, _)| *r == role)
                .map_or(&[], |(_, t)| t);
            let by_role = |p: usize| {
                people.person(p).descriptors.iter().any(|d| {
                    d.starts_with(role.as_str()) || titles.contains(&d.trim_end_matches('.'))
                })
            };
            // "A spokesman for the ministry said …. …, the spokesman added.": the speaker of the
            // quote just before, when written with that role and no one named holds it.
            let previous_in_role = || {
                let previous = cx.recent.previous.as_ref()?;
                let written = previous.written.as_deref()?;
                written
                    .split_whitespace()
                    .any(|w| w.eq_ignore_ascii_case(&role))
                    .then(|| previous.speaker.clone())
                    .flatten()
            };
            // "the harbour master" after "Tom Lee, the harbour master, …".
            let by_apposition = |p: usize| {
                let (head, modifiers) = modifiers.split_last().unwrap_or((&role, &[]));
                let modifiers: Vec<&str> = modifiers.iter().map(String::as_str).collect();
                NameTable::described_as(people.person(p), &modifiers, head)
            };
            recent(&by_apposition)
                .or_else(|| recent(&by_descriptor))
                .or_else(|| (0..people.len()).find(|&p| by_descriptor(p)))
                .or_else(|| recent(&by_role))
                // "the VJHL commissioner said …" before "VJHL commissioner Gil Thorsby" is named.
                .or_else(|| (0..people.len()).find(|&p| by_role(p)))
                .map(|p| people.person(p).name.clone())
                .or_else(previous_in_role)
                .or_else(|| {
                    recent(&|p| {
                        people.person(p).confirmed && !in_another_role(people.person(p), &role)
                    })
                    .map(|p| people.person(p).name.clone())
                })
        }
        Referent::Plural => {
            // "The two sides" are the last two people seen, not an outlet named like one
            // ("told Harbour TV", "told the Norvik Courier").
            let mut two: Vec<usize> = Vec::new();
            for &(p, _) in cx.seen.iter().rev() {
                let outlet_like = people
                    .person(p)
                    .name
                    .rsplit(' ')
                    .next()
                    .is_some_and(|w| is_in(&lexicon::MASTHEAD_WORDS, &w.to_lowercase()));
                if !two.contains(&p) && subject_like(people.person(p)) && !outlet_like {
                    two.push(p);
                }
                if two.len() == 2 {
                    break;
                }
            }
            let first_seen = |p: usize| {
                cx.seen
                    .iter()
                    .position(|&(q, _)| q == p)
                    .unwrap_or(usize::MAX)
            };
            two.sort_by_key(|&p| first_seen(p));
            match two.as_slice() {
                &[a, b] => Some(format!(
                    "{} and {}",
                    people.person(a).name,
                    people.person(b).name
                )),
                _ => None,
            }
        }
    }
}

/// Words of an outlet's name after "told" read at most.
const MAX_OUTLET_WORDS: usize = 4;

/// The outlet a speaker told their words to ("told AFP", "told the Daily Planet in an
/// interview"), when the outlet registry knows the name or it ends in a newspaper's or a
/// station's word ("told the Port Ellis Courier"): the channel the words came through. "Told
/// reporters" names none.
fn told_outlet(cx: &Context, cue: usize) -> Option<String> {
    let t = cx.toks.get(cue)?;
    if t.lower != "told" || !t.gap_after.trim().is_empty() {
        return None;
    }
    outlet_named_at(cx, cue + 1)
}

/// The outlet a sentence's lead-in says the speaker spoke to ("Speaking to Harbour TV last
/// week, she said …", "In an interview with the Norvik Courier, Lee said …"): the channel,
/// as after "told" ([`told_outlet`]).
fn lead_in_outlet(cx: &Context, f: &Frame) -> Option<String> {
    // A lead-in ends with a comma before the subject, and the words come after the subject
    // ("Talking to the Herald had been a mistake, Lee said" names no channel).
    if f.content.0 < cx.toks.at(f.subject.0).start {
        return None;
    }
    let comma_before_subject =
        |k: usize| (k..f.subject.0).any(|j| cx.toks.at(j).gap_after.contains(','));
    let word = |k: usize| {
        cx.toks
            .get(k)
            .filter(|t| !t.in_quote)
            .map(|t| t.lower.as_str())
    };
    (cx.sentence_from..f.subject.0.min(f.cue)).find_map(|k| {
        let to_whom = matches!(word(k), Some("speaking" | "talking")) && word(k + 1) == Some("to");
        let interview = word(k) == Some("interview") && word(k + 1) == Some("with");
        (to_whom || interview)
            .then(|| outlet_named_at(cx, k + 2))
            .flatten()
            .filter(|_| comma_before_subject(k))
    })
}

/// The outlet named at token `from` ("AFP", "the Port Ellis Courier"), when the outlet registry
/// knows the name or it ends in a newspaper's or a station's word.
fn outlet_named_at(cx: &Context, from: usize) -> Option<String> {
    let cue = from.saturating_sub(1);
    let registry = crate::outlets::registry();
    let mut end = from;
    let mut found = None;
    let mut masthead_name = None;
    while end < cx.toks.len() && end <= cue + MAX_OUTLET_WORDS {
        let tok = cx.toks.at(end);
        // "told Harbour TV the cabin filled …": a "the" after the name opens the words told.
        let opens_next = end > from && tok.lower == "the";
        if !(tok.cap || tok.lower == "the") || tok.in_quote || opens_next {
            break;
        }
        end += 1;
        let name = cx.span_text(from, end);
        if registry.by_name(&name).is_some() {
            found = Some(name);
        }
        // "told the Port Ellis Courier": a name ending in a newspaper's or a station's word,
        // which ends the capitalised run ("told the Post Office board" names none) and opens
        // with no given name ("told Ann Post").
        let first = from + usize::from(cx.toks.at(from).lower == "the");
        let given_name = first < end && given_names::pronoun_vote(cx.toks.at(first).base) != 0;
        masthead_name = (tok.cap && is_in(&lexicon::MASTHEAD_WORDS, &tok.lower) && !given_name)
            .then(|| cx.span_text(first, end));
        if !tok.gap_after.trim().is_empty() {
            break;
        }
    }
    found.or(masthead_name)
}

/// Written forms a speaker's words came in ("said in a statement", "wrote in a letter").
static WRITTEN_MEDIA: WordList = WordList::new(&[
    "blog",
    "e-mail",
    "email",
    "filing",
    "letter",
    "memo",
    "message",
    "order",
    "post",
    "posting",
    "release",
    "ruling",
    "statement",
    "tweet",
    "video",
]);

/// Platforms a speaker posts on ("said on Facebook", "wrote on X").
static PLATFORMS: WordList = WordList::new(&[
    "facebook",
    "instagram",
    "linkedin",
    "telegram",
    "tiktok",
    "twitter",
    "wechat",
    "weibo",
    "x",
    "youtube",
]);

/// Words after a verb of speech within which its medium is looked for ("said on Monday in a
/// brief statement").
const MEDIUM_REACH: usize = 6;

/// The medium a frame's words came in, as written: a written form after "in" ("said in a
/// statement", "In a statement, the airline said") or a platform after "on" ("wrote on
/// Facebook", "said on social media"), after the verb past its time or object ("said on Monday
/// in a statement", "called for more money in a statement") but not past a clause's verb or a
/// conjunction ([`ends_the_verb_phrase`]), or opening the sentence and closed by the comma
/// before the subject. None for a spoken circumstance ("said in an interview", "said in
/// Kessel"), and for a medium inside a reported clause, which tells of something else ("said
/// the board would reply in a letter").
fn medium_of_speech(cx: &Context, f: &Frame) -> Option<String> {
    let toks = &cx.toks;
    // Past a time or the verb's object ("reported it on Facebook", "called for more money in a
    // statement"), not past a clause's verb or a conjunction: "said the board would reply in a
    // letter" tells the board's medium.
    let after = (f.cue + 1..toks.len().min(f.cue + 1 + MEDIUM_REACH))
        .take_while(|&k| k == f.cue + 1 || !ends_the_verb_phrase(toks.at(k - 1)))
        .find_map(|at| medium_at(cx, at));
    // "In a statement, the board said", "But in a letter, …": the medium opens the subject's
    // sentence, or follows the conjunction that does, and a comma closes it before the subject
    // ("In a statement, the board said …, but Ann Lee said …" gives Lee no statement).
    let reach = MEDIUM_REACH + frames::MAX_SUBJECT_WORDS;
    let closed = f.subject.0 > 0 && toks.at(f.subject.0 - 1).gap_after.contains(',');
    let opening = (f.subject.0.saturating_sub(reach)..=f.subject.0)
        .rev()
        .find(|&k| k == 0 || toks.at(k - 1).gap_after.contains(['.', '!', '?', '\n']))
        .map(|k| match toks.at(k).lower.as_str() {
            "but" | "and" => k + 1,
            _ => k,
        })
        .filter(|_| closed)
        .and_then(|at| medium_at(cx, at));
    after.or(opening)
}

/// Words that end a verb's own phrase ([`medium_of_speech`]): a clause's verb or auxiliary, a
/// conjunction, a quotation, or a break.
fn ends_the_verb_phrase(t: &Tok) -> bool {
    t.in_quote
        || t.is_cue()
        || t.gap_after.contains([',', ';', ':', '.', '\n'])
        || t.lower.ends_with("ed")
        || matches!(
            t.lower.as_str(),
            "would"
                | "will"
                | "was"
                | "were"
                | "is"
                | "are"
                | "had"
                | "has"
                | "have"
                | "could"
                | "should"
                | "can"
                | "may"
                | "might"
                | "did"
                | "does"
                | "do"
                | "that"
                | "because"
                | "and"
                | "but"
                | "while"
                | "when"
                | "if"
                | "as"
                | "since"
                | "who"
                | "which"
        )
}

/// True when a channel names no one: as written, it is only a medium ("a statement", "a brief
/// statement", "Facebook", "social media"), no outlet, document owner or institution.
pub(crate) fn names_no_one(channel: &str) -> bool {
    let medium = |w: &str| {
        let w = w.to_lowercase();
        matches!(
            w.as_str(),
            "a" | "an" | "its" | "their" | "his" | "her" | "social" | "media"
        ) || is_in(&WRITTEN_MEDIA, &w)
            || is_in(&PLATFORMS, &w)
    };
    !channel.chars().any(char::is_uppercase) || channel.split_whitespace().all(medium)
}

/// The medium a preposition at token `at` opens ([`medium_of_speech`]): "in" with an article,
/// at most one word more and a written form, or "on" with a platform or "social media".
fn medium_at(cx: &Context, at: usize) -> Option<String> {
    let toks = &cx.toks;
    let word = |k: usize| {
        toks.get(k)
            .filter(|t| !t.in_quote)
            .map(|t| t.lower.as_str())
    };
    match word(at)? {
        "in" => {
            if !matches!(word(at + 1)?, "a" | "an" | "its" | "their" | "his" | "her") {
                return None;
            }
            let head =
                (at + 2..at + 4).find(|&k| word(k).is_some_and(|w| is_in(&WRITTEN_MEDIA, w)))?;
            let joined = (at + 1..head).all(|k| adjacent(toks.at(k), toks.at(k + 1)));
            joined.then(|| cx.span_text(at + 1, head + 1))
        }
        "on" => {
            let first = toks.get(at + 1)?;
            let platform = first.cap && is_in(&PLATFORMS, &first.lower);
            let social = word(at + 1)? == "social"
                && word(at + 2) == Some("media")
                && adjacent(first, toks.at(at + 2));
            if platform {
                Some(cx.span_text(at + 1, at + 2))
            } else if social {
                Some(cx.span_text(at + 1, at + 3))
            } else {
                None
            }
        }
        _ => None,
    }
}

/// True when every word of `channel` is a word of the person's `name` ("Tom" of "Tom Lee").
fn is_part_of_name(channel: &str, name: Option<&str>) -> bool {
    let Some(name) = name else {
        return false;
    };
    let words: Vec<&str> = name.split_whitespace().collect();
    words.len() > 1
        && channel
            .split_whitespace()
            .all(|w| words.iter().any(|n| n.eq_ignore_ascii_case(w)))
}

/// The quote a frame reports, with its speaker and channel.
#[allow(clippy::too_many_arguments)]
fn frame_quote(
    cx: &mut Context,
    doc: &Document,
    s_idx: usize,
    paragraph: usize,
    f: &Frame,
    wrapper: Option<&Frame>,
    channels: &[ChannelMention],
    quotes: &[(usize, usize)],
) -> Option<Quote> {
    let (start, end) = trim_quote(cx.text, f.content.0, f.content.1);
    let start = crate::outlets::past_dateline(cx.text, start, end);
    if start >= end {
        return None;
    }
    let end = close_open_mark(cx.text, quotes, start, end);
    // "Lee said, “The pier is safe. We checked it.”": words after the verb that open with a
    // quotation running on past their sentence report the whole quotation, not its first
    // sentence.
    let (start, end) = quotation_run_on(cx.text, quotes, start, end)
        .filter(|&(qs, _)| cx.toks.at(f.cue).end <= qs)
        .unwrap_or((start, end));
    let exact_quote = frames::is_quote(quotes, f.content);
    let words = frames::words_between(cx.text, start..end);
    // "that" opens a clause of three words or more ("told Brandt that she would quit").
    let that_clause = cx
        .text
        .get(..f.content.0)
        .is_some_and(|before| before.trim_end().ends_with(" that"));
    // A quotation in a short object is words of the speaker's ("called it “reckless”").
    let min_words = if frames::reports_quoted_object(cx.toks.at(f.cue))
        && frames::quote_within(quotes, start, end)
    {
        frames::MIN_OBJECT_WORDS
    } else if that_clause {
        frames::MIN_THAT_CLAUSE_WORDS
    } else {
        frames::fewest_clause_words(cx.text.get(start..end).unwrap_or(""))
    };
    if !exact_quote && !f.view && words < min_words {
        return None;
    }
    // "When the vote came in, Lee laughed": a verb of voice reports only quoted words, or a
    // clause "that" opens ("Lee fumed that the council lied").
    let voice = is_in(&lexicon::VOICE_CUES, &cx.toks.at(f.cue).lower);
    if voice
        && !exact_quote
        && !that_clause
        && !frames::quote_within(quotes, f.content.0, f.content.1)
    {
        return None;
    }
    let reading = subject_speaker(cx, f, channels);
    let (mut speaker, mut channel) = (reading.speaker, reading.channel);
    if channel.is_none() {
        channel = quoting_channel(cx, f, channels);
    }
    let mut rule = reading.rule;
    // A borrowed clause or a cited document is more than the words naming the speaker.
    let subject = subject_head(&cx.toks, f.subject);
    let mut written = match reading.written {
        Some(words) => Some(words),
        None => (speaker.is_some() && subject.0 < subject.1 && !f.borrowed_subject && !f.according)
            .then(|| cx.span_text(subject.0, subject.1)),
    };
    // A channel reports a person's words: "CCTV said Mr Xi “promoted …”", "CCTV reported that
    // Xi argued …".
    if channel.is_some() {
        let (cfrom, cto) = token_range(&cx.toks, Span::new(start, end)?);
        let inside = exact_quote;
        let opening = cx
            .names
            .mentions(&cx.toks, cfrom, cto.min(cfrom + 4), inside);
        // The name stands outside the quotation marks: a name opening the quoted words ("“Harbour
        // Lines appears to …”, the report said") is what they are about.
        let speaks = |m: &&Mention| {
            let next = cx.toks.get(m.last);
            !cx.toks.at(m.first).in_quote
                && (next.is_some_and(|t| t.is_cue() || t.in_quote)
                    || cx.toks.at(m.last - 1).gap_after.contains(['“', '"']))
        };
        if let Some(m) = opening
            .first()
            .filter(|m| m.first <= cfrom + 1 && !m.possessive)
            // "The minister has no plans …" quoted is someone's words about the minister.
            .filter(|m| !exact_quote || matches!(m.referent, Referent::Person(_)))
            .filter(speaks)
        {
            if let Some(name) = resolve(cx, m) {
                speaker = Some(name);
                rule = Rule::ChannelReportsName;
                written = Some(cx.span_text(m.first, m.last));
            }
        }
    }
    if speaker.is_none() && channel.is_some() {
        // The channel reports someone named earlier: "He pushed for “…”, the report added",
        // or the speaker of the previous quote in the paragraph.
        let sentence_start = cx.toks.partition_point(|t| {
            t.end
                <= cx
                    .text
                    .get(..f.content.0)
                    .unwrap_or("")
                    .rfind(['.', '\n'])
                    .map_or(0, |p| p + 1)
        });
        let content_tok = cx.toks.partition_point(|t| t.start < f.content.0);
        let mut before = cx.names.mentions(
            &cx.toks,
            sentence_start.min(content_tok),
            content_tok,
            false,
        );
        before.retain(|m| !saw_the_document(cx, m.first));
        let found = pick_before(&cx.toks, &before, content_tok)
            .and_then(|m| resolve(cx, &m))
            .map(|name| (name, Rule::ChannelEarlierName))
            .or(reading.owner.map(|owner| (owner, Rule::ChannelOwner)))
            .or_else(|| {
                // "“…,” the broadcaster reported Lee's statement": the one whose words it reports.
                let after = f.cue + 1;
                cx.names
                    .mentions(&cx.toks, after, (after + 4).min(cx.toks.len()), false)
                    .into_iter()
                    .next()
                    .filter(|m| m.first == after && m.possessive)
                    .and_then(|m| resolve(cx, &m))
                    .map(|name| (name, Rule::ChannelReportsName))
            })
            .or_else(|| {
                // Only words about a person ("She pressed for “…”, the readout added", "“The
                // minister agreed …,” the summary said") are the previous speaker's: other words
                // a document gives are its own ("“Costs rose,” the statement said").
                let first = cx.toks.at(content_tok);
                let second = cx.toks.at(content_tok + 1);
                let about_a_person = matches!(first.lower.as_str(), "he" | "she")
                    || (first.lower == "the"
                        && (is_in(&lexicon::ROLES, &second.lower)
                            || is_in(&TITLES, &second.lower)));
                cx.recent
                    .previous
                    .as_ref()
                    .filter(|q| {
                        about_a_person && (q.paragraph == paragraph || s_idx - q.sentence <= 1)
                    })
                    .and_then(|q| q.speaker.clone())
                    .map(|name| (name, Rule::ChannelPreviousSpeaker))
            })
            .or_else(|| {
                // "The port authority said …. “…,” the statement said."
                let statement = channel.as_deref().is_some_and(|c| {
                    names_no_one(c) && c.rsplit(' ').next().is_some_and(is_statement_noun)
                });
                cx.recent
                    .last_body_statement
                    .as_ref()
                    .filter(|(_, at)| statement && s_idx - at <= BODY_STATEMENT_SENTENCES)
                    .map(|(body, _)| (body.clone(), Rule::ChannelOwner))
            });
        // No one behind the channel is named: the channel itself answers for the words, by
        // its name ("the Norvik Gazette reported") or as written ("the report concluded").
        let answering = || {
            let named = channel
                .as_deref()
                .is_some_and(|c| c.starts_with(char::is_uppercase));
            let as_written = (subject.0 < subject.1).then(|| cx.span_text(subject.0, subject.1));
            if named {
                channel.clone()
            } else {
                as_written.or_else(|| channel.clone())
            }
        };
        (speaker, rule) = match found {
            Some((name, by)) => (Some(name), by),
            None => (answering(), Rule::ChannelUnattributed),
        };
        // The name came from elsewhere than the sentence's subject.
        written = None;
    }
    // "Brandt's office said": an institution named by a bare noun speaks for itself, and the
    // noun is no channel of its words; a medium may be ("in a statement").
    let bare_institution =
        rule == Rule::FrameChannelInstitution && channel.as_deref().is_some_and(names_no_one);
    if bare_institution {
        channel = None;
    }
    if channel.is_none() {
        channel = told_outlet(cx, f.cue)
            .or_else(|| lead_in_outlet(cx, f))
            .or_else(|| medium_of_speech(cx, f));
    }
    if channel.is_none() {
        channel = wrapper
            .map(|w| cx.span_text(w.subject.0, w.subject.1))
            .or_else(|| {
                let according: Vec<ChannelMention> = channels
                    .iter()
                    .filter(|c| c.according_to)
                    .cloned()
                    .collect();
                // "according to Tom Lee" names the speaker, not a channel.
                pick_channel(cx, &according).filter(|c| !is_part_of_name(c, speaker.as_deref()))
            })
            .or_else(|| {
                cx.recent
                    .previous
                    .as_ref()
                    .filter(|q| {
                        (q.paragraph == paragraph || s_idx - q.sentence <= 1)
                            && q.speaker == speaker
                            && speaker.is_some()
                    })
                    .and_then(|q| q.channel.clone())
            });
    }
    // A stance nobody holds says nothing.
    if f.view && speaker.is_none() && channel.is_none() {
        return None;
    }
    // "Lee released the following statement:" with the statement in the next paragraph: the
    // words after the verb only introduce it, and the quotation is the speaker's.
    if introduces_quotation(cx.text, (start, end), quotes) {
        let introducing = PreviousQuote {
            speaker,
            written,
            channel,
            sentence: s_idx,
            sentence_from: cx.sentence_from,
            paragraph,
        };
        cx.recent.introducer = Some((introducing, end));
        return None;
    }
    let kind = if exact_quote {
        let capital = cx
            .text
            .get(start..end)
            .unwrap_or("")
            .chars()
            .next()
            .is_some_and(char::is_uppercase);
        if capital {
            QuoteKind::Direct
        } else {
            QuoteKind::Partial
        }
    } else if f.view {
        QuoteKind::Stance
    } else if ({
        // "is hoping that" is read as "hopes that".
        let verb = frames::progressive_form(&cx.toks, cx.sentence_from, f.cue)
            .unwrap_or_else(|| cx.toks.at(f.cue).lower.clone());
        is_in(&lexicon::VIEW_VERBS, &verb)
    } && cx.toks.get(f.cue + 1).is_some_and(|t| t.lower == "that"))
        || cx.toks.at(f.cue).lower == "in"
    {
        // "found that …", and a finding a document holds ("In the survey, most …").
        QuoteKind::View
    } else if frames::quote_within(quotes, start.min(f.content.0), end.max(f.content.1)) {
        // Reported words holding a quotation ("called the plan “a disgrace”"): quoted in part.
        // The words may reach past the frame's content to the closing mark the content opened.
        QuoteKind::Partial
    } else {
        QuoteKind::Indirect
    };
    // "The port said in a statement …. “…,” the statement said.": the statement is the port's.
    // (A medium as written, "a statement", names no other owner.)
    // An institution or organisation speaking by itself ("the presidential office said …")
    // issued a statement: "“…,” the statement said" next is its ([`Recent::last_body_statement`]).
    let unnamed_channel = channel.as_deref().is_none_or(names_no_one);
    // "The harbour authority said": a noun phrase headed by an organisation's word. ("The head
    // of the port authority said" is a person's, "an agency said" no one known.)
    let organisation_phrase = rule == Rule::FrameNounPhrase
        && speaker.as_deref().is_some_and(|s| {
            !s.contains(" of ")
                && !s
                    .split_whitespace()
                    .next()
                    .is_some_and(|w| matches!(w.to_lowercase().as_str(), "a" | "an" | "any"))
                && s.rsplit(' ')
                    .next()
                    .is_some_and(|head| is_in(&ORGANISATION_WORDS, &head.to_lowercase()))
        });
    let body_speaks = channel.is_none()
        && (organisation_phrase
            || matches!(
                rule,
                Rule::FrameChannelInstitution | Rule::FrameNamedOrganisation
            ));
    // "It said" next means that body, as it would one that opened the sentence by name.
    if let (true, Some(body)) = (organisation_phrase, &speaker) {
        cx.recent.last_organisation = Some((body.clone(), s_idx));
    }
    if let (Some(owner), true) = (&speaker, unnamed_channel) {
        if let Some((document, new)) = writing_after_verb(cx, f.cue) {
            cx.recent.last_document_owner = Some((owner.clone(), s_idx));
            // "said in a statement" brings in a new document; "said in the report" names one
            // the story has told of, which "the review" may name again.
            if new {
                let documents = &mut cx.recent.spoken_documents;
                documents.retain(|(word, _, _)| *word != document);
                documents.push((document, owner.clone(), s_idx));
            }
        }
    }
    cx.remember_quote((&speaker, &written), &channel, s_idx, paragraph);
    if body_speaks {
        cx.recent.last_body_statement = speaker.clone().map(|s| (s, s_idx));
    }
    let cue = if f.according && cx.toks.at(f.cue).lower == "according" {
        "according to".to_string()
    } else {
        cx.toks.at(f.cue).lower.clone()
    };
    Some(Quote {
        doc: doc.id.clone(),
        span: Span::clamped(start, end),
        text: cx.text.get(start..end).unwrap_or("").to_string(),
        kind,
        speaker_written: written.filter(|w| speaker.as_ref() != Some(w)),
        speaker,
        cue: Some(cue),
        channel,
        channel_written: None,
        rule: rule.id().to_string(),
    })
}

/// Most words of a subject a day may close ("The dockers' union on Monday").
const MAX_DATED_SUBJECT_WORDS: usize = 4;

/// A subject's tokens without the party tag that may close it ("Sen. Ann Roe (D-Ore.)" is
/// "Sen. Ann Roe") and without the words of a cleft before it ("Here's what Ann Lee").
fn subject_head(toks: &[Tok], (mut a, mut b): (usize, usize)) -> (usize, usize) {
    // "Here's what Ann Lee said:", "This is what the board said": the words after "what".
    let cleft = (a..b.saturating_sub(1)).rev().find(|&i| {
        let t = toks.at(i);
        let after_be = i > a && {
            let before = toks.at(i - 1);
            matches!(before.lower.as_str(), "is" | "was")
                || before.lower.ends_with("'s")
                || before.lower.ends_with("’s")
                || before.possessive
        };
        t.lower == "what" && !t.in_quote && after_be
    });
    if let Some(i) = cleft {
        a = i + 1;
    }
    // "Later Ann Lee said": an adverb opening the sentence is no part of the subject.
    while b > a + 1 && frames::lone_adverb_lead_in(toks, a) {
        a += 1;
    }
    while b > a + 1 && tokens::is_party_tag(toks.at(b - 1).base) {
        b -= 1;
    }
    // "The union on Monday said", "…, saying": the day closing a short subject is no part of
    // it (a clause borrowed whole, "The campaign bought ads in Ohio on Tuesday and said", is
    // read by its own rules).
    if (a + 3..=a + 2 + MAX_DATED_SUBJECT_WORDS).contains(&b) && {
        let t = toks.at(b - 2);
        !t.cap
            && !t.in_quote
            && matches!(t.lower.as_str(), "on" | "last" | "this" | "early" | "late")
            && lexicon::is_calendar_word(&toks.at(b - 1).lower)
    } {
        b -= 2;
    }
    // "according to a study published on Monday in …": the participle crediting a document
    // starts what is said of it.
    if b > a + 1 && is_in(&AUTHORED, &toks.at(b - 1).lower) && is_writing(&toks.at(b - 2).lower) {
        b -= 1;
    }
    // "Ann Lee herself said": the reflexive only stresses who.
    if b > a + 1 && is_in(&lexicon::REFLEXIVES, &toks.at(b - 1).lower) {
        b -= 1;
    }
    (a, b)
}

/// Words for a part of a group before "of" ("one of the crew", "a majority of voters").
static PART_WORDS: WordList = WordList::new(&[
    "all", "both", "each", "few", "half", "majority", "many", "most", "none", "one", "percent",
    "several", "share", "some", "third", "two",
]);

/// The speaker and channel a frame's subject stands for.
fn subject_speaker(cx: &mut Context, f: &Frame, channels: &[ChannelMention]) -> SubjectReading {
    let (a, mut b) = subject_head(&cx.toks, f.subject);
    // "a police report seen by Harbour TV": who saw a document is no part of who speaks.
    if let Some(k) = (a + 1..b.saturating_sub(1)).find(|&k| saw_the_document(cx, k + 2)) {
        b = k;
    }
    // "according to a report released by the Harbour Board": the author speaks through it.
    if f.according {
        let reach = (b + AUTHOR_REACH).min(cx.toks.len());
        let authored = (f.cue.min(a)..b)
            .filter(|&k| {
                let lower = &cx.toks.at(k).lower;
                is_writing(lower) || is_in(&WRITTEN_MEDIA, lower)
            })
            .find_map(|k| document_author(cx, k, reach).map(|owner| (k, owner)));
        if let Some((k, owner)) = authored {
            cx.recent.last_document_owner = Some((owner.clone(), cx.sentence));
            return SubjectReading::new(
                Rule::FrameDocumentAuthor,
                Some(owner),
                Some(cx.span_text(a, k + 1)),
            );
        }
    }
    // "Tova Rasko of NXB", "Gord Ketteridge with the union": the name comes before the preposition.
    // "Officials in Port Ellis": a group where a place is, not the place, speaks.
    let group = |i: usize| {
        is_in(&lexicon::GROUP_NOUNS, &cx.toks.at(i).lower)
            || is_in(&lexicon::PLURAL_ROLES, &cx.toks.at(i).lower)
    };
    if let Some(p) = (a + 1..b).find(|&i| {
        let word = cx.toks.at(i).lower.as_str();
        matches!(word, "of" | "at" | "with" | "from" | "for") || word == "in" && group(i - 1)
    }) {
        // "University of the Tallis Coast political scientist Edwin Quarles": a person
        // heading the whole phrase keeps it.
        // After a name, the preposition's own object heads nothing: "Tom Marsh of Port Ellis"
        // is Tom Marsh, however person-like the place's words ("Ann Lee sided with
        // Tom Brandt, who …" holds a verb before it). A name behind a title heads its own
        // phrase ("… Board Director Ann Lee").
        let name_before = (a..p).all(|i| cx.toks.at(i).cap);
        // A group "in" a place is never headed by the place ("officials in Port Ellis").
        let group_in_place = cx.toks.at(p).lower == "in";
        let object_of_preposition = |m: &Mention| {
            (name_before || group_in_place)
                && m.first > p
                && (p + 1..m.first).all(|i| is_in(&lexicon::DETERMINERS, &cx.toks.at(i).lower))
                && !(m.first..m.last).any(|i| lexicon::is_title(&cx.toks.at(i).lower))
        };
        let person_heads = cx.names.mentions(&cx.toks, a, b, false).iter().any(|m| {
            m.last == b
                && !m.possessive
                && matches!(m.referent, Referent::Person(_))
                && !object_of_preposition(m)
        });
        // "Secretary of State Wes Carrowby": a title before the preposition belongs to the name
        // after it.
        let titled = lexicon::is_title(&cx.toks.at(p - 1).lower);
        // A part of a group ("One of the crew", "Many of the residents", "Some 40 percent of
        // voters") speaks as the whole phrase, as does a phrase whose preposition ties a person
        // to a place or a matter ("A source familiar with the talks", "An official at the
        // port"): the capital opening the sentence names no one. ("A report from the port" is
        // read through its channel.)
        let of = cx.toks.at(p).lower == "of" && is_in(&PART_WORDS, &cx.toks.at(p - 1).lower);
        let loose = of || matches!(cx.toks.at(p).lower.as_str(), "with" | "at" | "for");
        // After "in", only a group (found so above): "A second-place finish in Iowa" is about
        // the place.
        let named = if cx.toks.at(p).lower == "in" {
            true
        } else {
            (a..p).any(|i| {
                let t = cx.toks.at(i);
                t.cap && !(loose && i == cx.sentence_from && is_in(&lexicon::DETERMINERS, &t.lower))
            })
        };
        if named
            && !channels.iter().any(|c| c.first <= a && c.last >= b)
            && !person_heads
            && !titled
        {
            b = p;
        }
    }
    // "The parish issued a statement, saying …": a borrowed clause's subject after an article
    // ends at its past-tense verb.
    if f.borrowed_subject && is_in(&lexicon::PLAIN_ARTICLES, &cx.toks.at(a).lower) {
        // Not "hundred", nor the participle after an adverb ("the newly elected mayor").
        let past_tense = |k: usize| {
            let t = cx.toks.at(k);
            !t.cap
                && t.lower.len() > 4
                && t.lower.ends_with("ed")
                && t.lower != "hundred"
                && !cx.toks.at(k - 1).lower.ends_with("ly")
        };
        if let Some(k) = (a + 2..b.min(a + 5)).find(|&k| past_tense(k)) {
            b = k;
        }
    }
    // "The licensing board decision … said": the organisation whose document speaks, which "it"
    // means next.
    if let Some(owner) = organisation_of_document(cx, a, b) {
        cx.recent.last_organisation = Some((owner.clone(), cx.sentence));
        // The document is the channel the words came through ("the police report").
        let document = cx.span_text(a, b);
        return SubjectReading::new(Rule::FrameDocumentOrganisation, Some(owner), Some(document));
    }
    // A channel phrase as subject: "The Élysée readout said …", "according to CCTV".
    if let Some(c) = channels
        .iter()
        // A borrowed clause's channel must open it: "The parish issued a statement, saying …"
        // is the parish's.
        .find(|c| {
            let opens_or_ends = if f.borrowed_subject {
                c.first <= a + 1
            } else {
                c.last >= b
            };
            c.first < b && a < c.last && opens_or_ends
        })
    {
        let text = channel_name(cx, c);
        if is_document(cx, c) {
            return SubjectReading {
                rule: Rule::FrameChannel,
                speaker: None,
                channel: Some(text),
                owner: document_owner(cx, c).or_else(|| {
                    (!is_media(cx, c))
                        .then(|| remembered_owner(cx, a, b))
                        .flatten()
                }),
                written: None,
            };
        }
        // "Ruritanian foreign ministry spokeswoman Ilona Marek said": the person named speaks.
        let named = cx
            .names
            .mentions(&cx.toks, a, b, false)
            .into_iter()
            .rev()
            .find(|m| {
                !m.possessive
                    && (m.last == b || f.borrowed_subject)
                    && matches!(m.referent, Referent::Person(_))
                    && !(m.first..m.last).any(|i| is_in(&ORGANISATION_WORDS, &cx.toks.at(i).lower))
            });
        if let Some(m) = named {
            return SubjectReading::new(Rule::FrameChannelPerson, resolve(cx, &m), Some(text));
        }
        return SubjectReading::new(
            Rule::FrameChannelInstitution,
            Some(institution_name(cx, c)),
            Some(text),
        );
    }
    let last = cx.toks.at(b - 1);
    let opening_pronoun =
        f.borrowed_subject && matches!(cx.toks.at(a).lower.as_str(), "he" | "she");
    if opening_pronoun || b - a == 1 && matches!(last.lower.as_str(), "he" | "she") {
        let m = Mention {
            first: a,
            last: b,
            referent: Referent::Pronoun,
            possessive: false,
        };
        if let Some(described) = unnamed_antecedent(cx, &cx.toks.at(a).lower, a) {
            return SubjectReading {
                written: Some(described.clone()),
                ..SubjectReading::new(Rule::FramePronoun, Some(described), None)
            };
        }
        return SubjectReading::new(Rule::FramePronoun, resolve(cx, &m), None);
    }
    if b - a == 1 && matches!(last.lower.as_str(), "they" | "we" | "i" | "it" | "you") {
        // "it said" is the organisation, "they said" the group, that opened a recent sentence.
        let speaker = match last.lower.as_str() {
            // "Harbour Services says …, but it now adds": the organisation opening this very
            // sentence, else the last one.
            // A person ("Senator John Smith said …, but it shows"), known by a title or by
            // "he" or "she" elsewhere, is no "it".
            "it" => opening_name(&cx.toks, cx.sentence_from, a)
                .filter(|&((x, y), plural)| !plural && y < a && x < a)
                .filter(|&((x, y), _)| {
                    !(x..y).any(|i| {
                        cx.names.part(cx.toks.at(i).base).is_some_and(|p| {
                            let person = cx.names.people.person(p);
                            cx.gender.get(p).is_some_and(|&g| g != 0)
                                || person.descriptors.iter().any(|d| is_in(&TITLES, d))
                        })
                    })
                })
                .map(|((x, y), _)| cx.span_text(x, y))
                .or_else(|| recent_organisation(cx)),
            // "The Ramblers believe …; they say …": the group opening this very sentence.
            "they" => opening_name(&cx.toks, cx.sentence_from, a)
                .filter(|&((x, _), plural)| plural && x < a)
                .map(|((x, y), _)| cx.span_text(x, y))
                .or_else(|| recent_named(cx, &cx.recent.last_group)),
            // A press release's "we", outside its quotations, is its issuer.
            "we" if !last.in_quote => cx.issuer.clone(),
            _ => None,
        };
        // Referred to again: the organisation stays the one "it" means.
        if let (Some(name), "it") = (&speaker, last.lower.as_str()) {
            cx.recent.last_organisation = Some((name.clone(), cx.sentence));
        }
        return SubjectReading::new(Rule::FrameGroupPronoun, speaker, None);
    }
    let mentions = cx.names.mentions(&cx.toks, a, b, false);
    // The person must head the subject ("A Larchmere Mobile spokesperson" is not Larchmere Mobile);
    // a borrowed subject is the sentence's opening clause, whose first person is its subject.
    let person = if f.borrowed_subject {
        // It opens the clause: "Police arrested Ann Roe, accusing her …" is not Roe's.
        // A name between an article and a word in lower case qualifies that word: "The Roe
        // campaign responded, saying …" is the campaign's.
        let qualifies = |m: &&Mention| {
            m.first > a
                && is_in(&lexicon::PLAIN_ARTICLES, &cx.toks.at(m.first - 1).lower)
                && m.last < b
                && !cx.toks.at(m.last).cap
                && cx.toks.at(m.last - 1).gap_after.trim().is_empty()
        };
        mentions
            .iter()
            .find(|m| !m.possessive)
            .filter(|m| m.first <= a + SUBJECT_REACH && !qualifies(m))
    } else {
        mentions.iter().rev().find(|m| !m.possessive && m.last == b)
    };
    // "A friend of Ann Lee said": the word the name qualifies speaks, so the phrase does.
    if let Some(m) = person.filter(|m| qualifies_a_word(&cx.toks, a, m)) {
        let text = cx.span_text(a, m.last);
        return SubjectReading::new(Rule::FrameNounPhrase, Some(text), None);
    }
    if let Some(m) = person {
        // "The mayor said that …": a description that stands for no one named is its own words.
        // A stance's is not: a stance with no one behind it is dropped later, as is "the pastor
        // said a prayer", which the learned table reads as one.
        // A description is no one its own words name ("The judge wrote that Sund must …" is
        // not Sund's).
        let description = matches!(m.referent, Referent::Description(_));
        // (One the text describes in that role is still who it means: "His widow, Ann
        // Brandt, …. The widow said Brandt had …".)
        let role = cx.toks.at(m.last - 1).lower.clone();
        let named_in_words = |name: &String| {
            let surname = name.rsplit(' ').next().unwrap_or(name);
            let described = cx.names.people.iter().any(|p| {
                &p.name == name
                    && p.descriptors
                        .iter()
                        .any(|d| d.split_whitespace().any(|w| w == role))
            });
            if !surname.starts_with(char::is_uppercase) || described {
                return false;
            }
            let words = cx.text.get(f.content.0..f.content.1).unwrap_or("");
            crate::segment::words(words)
                .iter()
                .any(|w| w.slice(words) == Some(surname))
        };
        // A description that stood for someone, but not here, still stands for someone.
        let resolved = resolve(cx, m);
        let name = if resolved
            .as_ref()
            .is_some_and(|n| description && named_in_words(n))
        {
            Some(cx.span_text(m.first, m.last))
        } else {
            resolved.or_else(|| (!f.view && description).then(|| cx.span_text(m.first, m.last)))
        };
        // "Ines Varga and Tom Hale said": both speak, and "they" will mean them.
        let before = cx
            .names
            .mentions(&cx.toks, cx.sentence_from.min(m.first), m.first, false);
        let partner = before.iter().find(|o| {
            o.last + 1 == m.first
                && cx.toks.at(o.last).lower == "and"
                && !o.possessive
                && matches!(o.referent, Referent::Person(_))
        });
        if let (Some(o), Some(second)) = (partner, &name) {
            if let Some(first) = resolve(cx, o) {
                let both = format!("{first} and {second}");
                cx.recent.last_group = Some((both.clone(), cx.sentence));
                return SubjectReading::new(Rule::FrameNamedPair, Some(both), None);
            }
        }
        // "Norvik Foods, which prepares meals for schools, said": "which", not "who", follows
        // an organisation's name, and "the company" next means it.
        let which_follows = cx.toks.at(m.last - 1).gap_after.trim() == ","
            && cx.toks.get(m.last).is_some_and(|t| t.lower == "which");
        // (Not a person known as one: "Ann, which is not her real name, said …".)
        let known_person = match m.referent {
            Referent::Person(p) => {
                let person = cx.names.people.person(p);
                cx.gender.get(p).is_some_and(|&g| g != 0)
                    || !person.descriptors.is_empty()
                    || person
                        .name
                        .split_whitespace()
                        .next()
                        .is_some_and(|w| given_names::pronoun_vote(w) != 0)
            }
            _ => true,
        };
        if let (true, false, false, Some(n)) = (which_follows, description, known_person, &name) {
            cx.recent.last_organisation = Some((n.clone(), cx.sentence));
        }
        let mut reading = SubjectReading::new(Rule::FrameNamedPerson, name, None);
        if f.borrowed_subject && reading.speaker.is_some() {
            reading.written = Some(cx.span_text(m.first, m.last));
        }
        return reading;
    }
    // An unknown capitalised name: the last capitalised run of the subject.
    let name_word = |t: &Tok| {
        t.cap && !is_in(&lexicon::DETERMINERS, &t.lower) && !crate::terms::is_stopword(&t.lower)
    };
    // A day or a month ends no name ("Roe on Tuesday said that …"); inside one it may stand
    // ("April Dunmore").
    let run_end = (a..b).rev().find(|&i| {
        let t = cx.toks.at(i);
        name_word(t) && (t.lower == "may" || !lexicon::is_calendar_word(&t.lower))
    });
    if let Some(e) = run_end {
        let mut s = e;
        while s > a
            && name_word(cx.toks.at(s - 1))
            && people::adjacent(cx.toks.at(s - 1), cx.toks.at(s))
        {
            s -= 1;
        }
        let parts: Vec<&str> = cx
            .toks
            .within(s..=e)
            .iter()
            .filter(|t| !is_in(&TITLES, &t.lower))
            .map(|t| t.base)
            .collect();
        // The one word of a one-word source ("Prosecutors say", "NASA said").
        let single = match parts.as_slice() {
            &[word] => Some(word),
            _ => None,
        };
        let acronym = single.is_some_and(lexicon::is_all_caps);
        let organisation = acronym
            || cx
                .toks
                .within(s..=e)
                .iter()
                .any(|t| is_in(&ORGANISATION_WORDS, &t.lower))
            || lexicon::country_of(&parts.join(" ")).is_some();
        let unknown_source = f.according && single.is_some_and(|w| cx.names.part(w).is_none());
        // "Prosecutors say": a plural opening the sentence, or a word written in lower case
        // elsewhere, is a common noun.
        let common_noun = single.is_some_and(|w| {
            cx.names.part(w).is_none()
                && (cx.common.contains(&common_key(&w.to_lowercase()))
                    || (s == cx.sentence_from && w.ends_with('s')))
        });
        // "the Idaho Democrat said": a party member described, not named.
        let party_member = is_in(&lexicon::PARTY_MEMBERS, &cx.toks.at(e).lower);
        // "the Coastal Rescue Society said": a name after "the" is an organisation's.
        if s > a && cx.toks.at(s - 1).lower == "the" && e == b - 1 && !party_member {
            let name = cx.span_text(s, e + 1);
            cx.recent.last_organisation = Some((name.clone(), cx.sentence));
            return SubjectReading::new(Rule::FrameNamedOrganisation, Some(name), None);
        }
        let head_is_name = e == b - 1 && !party_member;
        if !parts.is_empty() && !organisation && head_is_name && !unknown_source && !common_noun {
            let name = cx.learn_person(&parts, e);
            return SubjectReading::new(Rule::FrameUnknownName, Some(name), None);
        }
    }
    if f.borrowed_subject {
        // No person or name ends the opening clause: its first phrase names the speaker.
        b = (a..b)
            .find(|&i| {
                let gap = cx.toks.at(i).gap_after.trim();
                let title_dot = gap == "." && is_in(&TITLES, &cx.toks.at(i).lower);
                !gap.is_empty() && !title_dot
            })
            .map_or(b, |i| i + 1)
            .min(a + frames::MAX_SUBJECT_WORDS);
        // "Weiss disputed that reasoning, saying …": a name opening the clause is its subject.
        let name_end = (a..b)
            .take_while(|&i| {
                let t = cx.toks.at(i);
                t.cap
                    && !is_in(&lexicon::DETERMINERS, &t.lower)
                    && !crate::terms::is_stopword(&t.lower)
            })
            .last();
        if let Some(e) =
            name_end.filter(|&e| e + 1 < b && !cx.toks.at(e + 1).cap && !cx.toks.at(e).possessive)
        {
            let parts: Vec<&str> = cx.toks.within(a..=e).iter().map(|t| t.base).collect();
            let name = cx.learn_person(&parts, e);
            return SubjectReading::new(Rule::FrameClauseName, Some(name), None);
        }
    }
    // "the utility said": the organisation that opened a recent sentence.
    let head = cx.toks.at(b - 1);
    // "the Dunmore-based railway": a modifier may stand between.
    let modifiers_only = (a + 1..b - 1).all(|i| cx.names.part(cx.toks.at(i).base).is_none());
    if cx.toks.at(a).lower == "the"
        && !head.cap
        && (2..=3).contains(&(b - a))
        && modifiers_only
        && is_in(&ORGANISATION_WORDS, &head.lower)
    {
        // A press release's "the company" with no other named is its issuer (not "the
        // regulator").
        let issuer = || {
            cx.issuer
                .clone()
                .filter(|_| is_in(&BUSINESS_KINDS, &head.lower))
        };
        // "Valmora Air grounded four jets, the airline said": one named before it in the
        // sentence comes first.
        // Each candidate must also hold the words before the kind ([`modifiers_fit`]).
        let fits = |name: &String| modifiers_fit(cx, (a, b), name);
        let in_sentence = || {
            named_organisation(cx, cx.sentence_from, a)
                .filter(|n| fits_kind(n, &head.lower))
                .filter(fits)
        };
        if let Some(name) = in_sentence()
            .or_else(|| recent_organisation_of_kind(cx, &head.lower).filter(fits))
            .or_else(|| issuer().filter(fits))
        {
            cx.recent.last_organisation = Some((name.clone(), cx.sentence));
            return SubjectReading::new(Rule::FrameOrganisationDescription, Some(name), None);
        }
    }
    // "the genial owner": a definite description of a person named before.
    let definite = cx.toks.at(a).lower == "the"
        && b - a >= 2
        && (!head.cap || is_in(&lexicon::PARTY_MEMBERS, &head.lower));
    let not_a_person = is_in(&ORGANISATION_WORDS, &head.lower)
        || is_in(&lexicon::GROUP_NOUNS, &head.lower)
        || is_in(&lexicon::CHANNEL_HEADS, &head.lower)
        || is_in(&lexicon::DOCUMENT_NOUNS, &head.lower)
        // A plural, but "the retired sergeant-at-arms" is one person.
        || head.lower.ends_with('s') && !head.lower.contains('-');
    // A stance's subject is more often a thing ("the plan outlined …", "the hearing turned on
    // …"): only a word of a role ("the mayor") stands for a person named before.
    let role = !f.view || is_in(&lexicon::ROLES, &head.lower);
    if definite && !not_a_person && role && !f.according {
        // The person it stands in apposition to ("Anders Holby, the president of …, urged"), else
        // the last one named.
        let apposition = cx
            .names
            .mentions(&cx.toks, cx.sentence_from, a, false)
            .into_iter()
            .rev()
            .find(|m| !m.possessive)
            .and_then(|m| match m.referent {
                Referent::Person(p) => Some(p),
                _ => None,
            });
        // Someone introduced with that description ("Tom Lee, the harbour master, …"), the
        // last one named so.
        let named = apposition
            .or_else(|| described_person(cx, a, b))
            .or_else(|| {
                cx.seen
                    .iter()
                    .rev()
                    .find(|&&(p, _)| {
                        let person = cx.names.people.person(p);
                        person.confirmed && !in_another_role(person, &head.lower)
                    })
                    .map(|&(p, _)| p)
            });
        if let Some(p) = named {
            return SubjectReading::new(
                Rule::FramePersonDescription,
                Some(cx.people_name(p)),
                None,
            );
        }
    }
    // "his sister told Harbour TV": someone introduced with that description before ("His
    // sister, Ann Lee, said …"); never merely the last one named, who is whose sister.
    let owned =
        matches!(cx.toks.at(a).lower.as_str(), "his" | "her" | "their") && b - a >= 2 && !head.cap;
    if owned && !not_a_person && role && !f.according {
        if let Some(p) = described_person(cx, a, b) {
            return SubjectReading::new(
                Rule::FramePersonDescription,
                Some(cx.people_name(p)),
                None,
            );
        }
    }
    if is_in(&lexicon::DOCUMENT_NOUNS, &head.lower) {
        // "the Harbour Watch study": the capitalised owner speaks through it, and lends itself to
        // "the study" later.
        if let Some(owner) = document_qualifier(cx, a, b - 1) {
            cx.recent.last_document_owner = Some((owner.clone(), cx.sentence));
            let channel = cx.span_text(a, b);
            return SubjectReading::new(
                Rule::FrameDocumentQualifier,
                Some(owner),
                f.according.then_some(channel),
            );
        }
        // "The briefing paper said": the owner of the document named before, who speaks
        // through it after "according to".
        if let Some(owner) = remembered_owner(cx, a, b) {
            let channel = f.according.then(|| cx.span_text(a, b));
            return SubjectReading::new(Rule::FrameDocumentRemembered, Some(owner), channel);
        }
    }
    // A noun phrase: "the commission", "authorities", "a Marine spokeswoman"; after "according
    // to" it names a source rather than a speaker.
    let text = cx.span_text(a, b);
    // "according to Weiss's book": the writing's owner speaks through it.
    if f.according && !head.cap {
        let owner = cx
            .names
            .mentions(&cx.toks, a, b, false)
            .into_iter()
            .find(|m| m.possessive && matches!(m.referent, Referent::Person(_)));
        if let Some(name) = owner.and_then(|m| resolve(cx, &m)) {
            return SubjectReading::new(Rule::FramePossessiveOwner, Some(name), Some(text));
        }
    }
    if f.according {
        SubjectReading::new(Rule::FrameNounPhrase, Some(text.clone()), Some(text))
    } else {
        SubjectReading::new(Rule::FrameNounPhrase, Some(text), None)
    }
}

/// True when the name `m` qualifies a word in lower case before "of", "for" or a preposition
/// of place other than "from" inside a subject opening at `a` ("a friend of Ann Lee", "the
/// family of Tom Brandt", "the union at Keldsen Mills", "neighbours on his street in Port
/// Ellis"): that word heads the subject, not the name, unless it is one who speaks for them
/// ([`lexicon::SPOKESPEOPLE`]).
fn qualifies_a_word(toks: &[Tok], a: usize, m: &Mention) -> bool {
    if m.first < a + 2 {
        return false;
    }
    let (joint, word) = (toks.at(m.first - 1), toks.at(m.first - 2));
    // "from" names an author ("a post from Ann Lee"), who speaks.
    (matches!(joint.lower.as_str(), "of" | "for")
        || (is_in(&lexicon::PLACE_PREPOSITIONS, &joint.lower) && joint.lower != "from"))
        && !joint.in_quote
        && !word.cap
        && word.base.chars().all(char::is_alphabetic)
        && !is_in(&lexicon::SPOKESPEOPLE, &word.lower)
}

/// What a frame's subject stands for: the speaker, the channel, and the owner of a document
/// channel ("the RCMP" of "the RCMP statement"), who speaks when no one else is named.
struct SubjectReading {
    rule: Rule,
    speaker: Option<String>,
    channel: Option<String>,
    owner: Option<String>,
    /// The words naming the speaker inside a borrowed clause ("the Vermont senator" in "The
    /// Vermont senator toured the plant, saying …"), whose whole is more than a name.
    written: Option<String>,
}

impl SubjectReading {
    fn new(rule: Rule, speaker: Option<String>, channel: Option<String>) -> SubjectReading {
        SubjectReading {
            rule,
            speaker,
            channel,
            owner: None,
            written: None,
        }
    }
}

/// Words that describe a document rather than name its owner ("an internal police report").
static DOCUMENT_ADJECTIVES: WordList = WordList::new(&[
    "annual",
    "confidential",
    "draft",
    "final",
    "full",
    "initial",
    "internal",
    "latest",
    "new",
    "official",
    "preliminary",
    "secret",
]);

/// The organisation named before a document noun in `toks[a..b]`, in lower case or with a
/// name: "licensing board" in "the licensing board decision", "city council" in "the city
/// council's report", "Kessel police" in "a Kessel police report".
fn organisation_of_document(cx: &Context, a: usize, b: usize) -> Option<String> {
    let toks = &cx.toks;
    if !matches!(toks.at(a).lower.as_str(), "the" | "a" | "an") {
        return None;
    }
    let document = |t: &Tok| {
        is_in(&lexicon::DOCUMENT_NOUNS, &t.lower)
            || is_in(&lexicon::CHANNEL_HEADS, &t.lower) && !is_in(&lexicon::MEDIA_HEADS, &t.lower)
    };
    let k = (a + 1..b.saturating_sub(1)).find(|&k| {
        !toks.at(k).cap
            && is_in(&ORGANISATION_WORDS, &toks.at(k).lower)
            && document(toks.at(k + 1))
            && people::adjacent(toks.at(k), toks.at(k + 1))
    })?;
    // "the city council report", "a Kessel police report": words run into the organisation's,
    // a place's name among them, but not a day ("the Monday police report").
    let plain = (a + 1..k).all(|i| {
        people::adjacent(toks.at(i), toks.at(i + 1))
            && !lexicon::is_calendar_word(&toks.at(i).lower)
    });
    // "a leaked police report", "an internal fire service report": a word in -ed or of
    // [`DOCUMENT_ADJECTIVES`] describes the document, not its owner.
    let owner_from = (a + 1..k)
        .find(|&i| {
            let lower = &toks.at(i).lower;
            !(lower.ends_with("ed") || is_in(&DOCUMENT_ADJECTIVES, lower))
        })
        .unwrap_or(k);
    plain.then(|| {
        toks.within(owner_from..=k)
            .iter()
            .map(|t| t.base)
            .collect::<Vec<_>>()
            .join(" ")
    })
}

/// The capitalised owner right before the document noun at token `k`, not before `from`: "Harbour
/// Watch" in "the Harbour Watch study". No day, month or function word.
fn document_qualifier(cx: &Context, from: usize, k: usize) -> Option<String> {
    let toks = &cx.toks;
    let qualifier = |t: &Tok| {
        t.cap
            && !t.in_quote
            && !is_in(&lexicon::DETERMINERS, &t.lower)
            && !crate::terms::is_stopword(&t.lower)
            && !lexicon::is_calendar_word(&t.lower)
    };
    let mut j = k;
    while j > from && qualifier(toks.at(j - 1)) && people::adjacent(toks.at(j - 1), toks.at(j)) {
        j -= 1;
    }
    (j < k).then(|| cx.name_text(j, k - 1))
}

/// True for a noun naming a piece of writing that someone puts out: a document ("study",
/// "complaint") or a document channel ("report", "statement"), not an institution or a medium.
fn is_writing(lower: &str) -> bool {
    is_in(&lexicon::DOCUMENT_NOUNS, lower)
        || is_in(&KEPT_RECORDS, lower)
        || (is_in(&lexicon::CHANNEL_HEADS, lower)
            && !is_in(&lexicon::INSTITUTION_HEADS, lower)
            && !is_in(&lexicon::MEDIA_HEADS, lower))
}

/// The piece of writing that follows the verb at `cue` as its circumstance ("said in a
/// statement", "wrote in a brief letter"), whose words later are the speaker's: its noun, and
/// whether an indefinite article brings it in as a new one.
fn writing_after_verb(cx: &Context, cue: usize) -> Option<(String, bool)> {
    let word = |j: usize| {
        cx.toks
            .get(j)
            .filter(|t| !t.in_quote)
            .map(|t| t.lower.as_str())
    };
    let article = word(cue + 2).filter(|w| matches!(*w, "a" | "an" | "the" | "its" | "their"));
    let document = (word(cue + 1) == Some("in") && article.is_some())
        .then(|| (cue + 3..cue + 5).find_map(|j| word(j).filter(|w| is_writing(w))))
        .flatten()?;
    let new = matches!(article, Some("a" | "an"));
    Some((document.to_string(), new))
}

/// Sentences after an institution spoke by itself within which "the statement said" is its.
const BODY_STATEMENT_SENTENCES: usize = 3;

/// Nouns for what an institution issues when it speaks ("the statement", "the readout").
fn is_statement_noun(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "statement" | "readout" | "announcement" | "release" | "communique" | "communiqué"
    )
}

/// Participles that say who got to see a document ("a report seen by Harbour TV", "a letter
/// obtained by the Gazette"): the one who saw it passes its words on, its author speaks.
static ACCESSED: WordList = WordList::new(&["examined", "obtained", "reviewed", "seen", "viewed"]);

/// True when the name at token `at` follows "seen by", "obtained by" or another participle of
/// [`ACCESSED`]: it names who saw a document, not who speaks through it.
fn saw_the_document(cx: &Context, at: usize) -> bool {
    at >= 2 && {
        let (participle, by) = (cx.toks.at(at - 2), cx.toks.at(at - 1));
        by.lower == "by" && is_in(&ACCESSED, &participle.lower) && !participle.in_quote
    }
}

/// Tokens after a frame's subject that an author's name may still run into.
const AUTHOR_REACH: usize = 12;

/// Participles that credit a document to who put it out ("a report released by the Harbour
/// Board").
static AUTHORED: WordList = WordList::new(&[
    "commissioned",
    "compiled",
    "conducted",
    "filed",
    "issued",
    "prepared",
    "produced",
    "published",
    "released",
    "written",
]);

/// Nouns for what a body keeps and publishes, as credited to it ("according to records from the
/// inspectorate", "data from the statistics office"): writings for [`document_author`].
static KEPT_RECORDS: WordList = WordList::new(&["data", "figures", "records", "statistics"]);

/// Most words of a public body named in lower case after a document ("records from the state
/// labour inspectorate").
const BODY_IN_LOWER_CASE_WORDS: usize = 4;

/// The author a document noun at token `k` is credited to after it, up to token `to`: "a report
/// released by the Harbour Board", "a survey by the Farmers' Union", "a letter from Ann Lee",
/// "the complaint filed by prosecutors", "records from the state labour inspectorate" (a body in
/// lower case, its last word an organisation's). The name runs over capitalised words and the
/// "of", "and" and commas inside an organisation's name ("Office of Roads, Rail and Ports").
fn document_author(cx: &Context, k: usize, to: usize) -> Option<String> {
    let toks = &cx.toks;
    let word = |j: usize| {
        toks.get(j)
            .filter(|_| j < to)
            .map_or("", |t| t.lower.as_str())
    };
    let mut j = k + 1;
    if is_in(&AUTHORED, word(j)) {
        j += 1;
    }
    if toks.at(k).gap_after.trim() != "" {
        return None;
    }
    if !matches!(word(j), "by" | "from") {
        return sender_of(cx, k, to);
    }
    j += 1;
    if word(j) == "the" {
        // "from the county fire department": a public body in lower case.
        let body = (j + 2..=j + BODY_IN_LOWER_CASE_WORDS).rev().find(|&e| {
            let head = word(e - 1);
            (j..e).all(|i| i < to && !toks.at(i).cap && !toks.at(i).in_quote)
                && is_in(&ORGANISATION_WORDS, head)
                && !toks.at(e - 1).possessive
                // The body closes its phrase ("data from the school year" is no school's).
                && (e >= to
                    || !toks.at(e - 1).gap_after.trim().is_empty()
                    || is_in(&lexicon::NON_SUBJECT_PREPOSITIONS, word(e))
                    || matches!(word(e), "and" | "or" | "that" | "which" | "on" | "for"))
        });
        if let Some(e) = body {
            return Some(cx.span_text(j, e));
        }
        j += 1;
    }
    // "the complaint filed by prosecutors": a group that speaks on its own is an author too.
    // Not the head of a name ("Police Valmora") nor of a phrase ("members of the board").
    let bare_group = is_in(&lexicon::GROUP_NOUNS, word(j))
        && !toks.at(j).in_quote
        && !toks.at(j).cap
        && word(j + 1) != "of"
        && !toks.get(j + 1).is_some_and(|n| n.cap && j + 1 < to);
    if bare_group {
        return Some(cx.span_text(j, j + 1));
    }
    // "filed by state attorney Ann Lee": a role in lower case before the name.
    if let Some(n) = (1..=2).find(|&n| {
        (j..j + n).all(|i| i < to && !toks.at(i).cap && !toks.at(i).in_quote)
            && is_in(&lexicon::ROLES, word(j + n - 1))
            && toks.get(j + n).is_some_and(|t| t.cap && j + n < to)
    }) {
        j += n;
    }
    // "figures from March" are of a time, not by someone.
    if lexicon::is_calendar_word(word(j)) {
        return None;
    }
    let first = j;
    let mut end = j;
    while j < to && !toks.at(j).in_quote {
        let t = toks.at(j);
        let joins = matches!(t.lower.as_str(), "of" | "and" | "for")
            && toks.get(j + 1).is_some_and(|n| n.cap && j + 1 < to);
        if !(t.cap || (j > first && joins)) {
            break;
        }
        j += 1;
        if t.cap {
            end = j;
        }
        // A comma stays inside the name only in a list of its words closed by "and" ("Roads,
        // Rail and Ports").
        let gap = t.gap_after.trim();
        if !gap.is_empty() {
            let listed = gap == ","
                && (j..(j + 4).min(to)).any(|n| toks.at(n).lower == "and")
                && (j..(j + 4).min(to))
                    .take_while(|&n| toks.at(n).lower != "and")
                    .all(|n| toks.at(n).cap);
            if !listed {
                break;
            }
        }
    }
    (end > first).then(|| cx.name_text(first, end - 1))
}

/// Past-tense verbs by which whoever wrote or sent a document put it out ("a letter the district
/// sent to parents", "a memo that the council circulated").
static SENT: WordList = WordList::new(&[
    "circulated",
    "distributed",
    "drafted",
    "emailed",
    "filed",
    "issued",
    "mailed",
    "posted",
    "prepared",
    "published",
    "released",
    "sent",
    "submitted",
    "wrote",
]);

/// The sender a document noun at token `k` is credited to by a relative clause right after it,
/// up to token `to`: "a letter the district sent to parents", "a memo that Ann Lee wrote" (a
/// name, or a few words in lower case, then a verb of [`SENT`]).
fn sender_of(cx: &Context, k: usize, to: usize) -> Option<String> {
    let toks = &cx.toks;
    let word = |j: usize| {
        toks.get(j)
            .filter(|_| j < to && !toks.at(j).in_quote)
            .map_or("", |t| t.lower.as_str())
    };
    let mut j = k + 1;
    if matches!(word(j), "that" | "which") {
        j += 1;
    }
    let first = j;
    let sent_at = |e: usize| is_in(&SENT, word(e)) && !toks.at(e).cap;
    // A name: capitalised words up to the verb.
    let name_end = (first..to).find(|&i| !toks.at(i).cap || toks.at(i).in_quote)?;
    if name_end > first && sent_at(name_end) && !toks.at(name_end - 1).possessive {
        return Some(cx.name_text(first, name_end - 1));
    }
    // "the district", "the county health department", "inspectors": words in lower case
    // that the verb closes.
    let start = if word(first) == "the" {
        first + 1
    } else {
        first
    };
    (start + 1..=start + BODY_IN_LOWER_CASE_WORDS)
        .find(|&e| {
            (start..e).all(|i| {
                let t = toks.at(i);
                i < to
                    && !t.cap
                    && !t.possessive
                    && t.gap_after.trim().is_empty()
                    // Nouns, not "was" or "recently" ("a statement that was released").
                    && !crate::terms::is_stopword(&t.lower)
                    && !t.lower.ends_with("ly")
            }) && sent_at(e)
        })
        .map(|e| cx.span_text(first, e))
}

/// The owner of a document named before, for a bare definite document phrase in `toks[a..b]`
/// ("the review", "the ferry safety report") within [`DOCUMENT_REACH`] sentences.
fn remembered_owner(cx: &Context, a: usize, b: usize) -> Option<String> {
    let bare = cx.toks.at(a).lower == "the" && (a + 1..b).all(|i| !cx.toks.at(i).cap);
    let within = |(_, at): &&(String, usize)| bare && cx.sentence - at <= DOCUMENT_REACH;
    // "the indictment" after "Prosecutors charged Lee": the papers of the case are its
    // bringer's, unless a document of that kind was named with its owner since.
    let filer = cx
        .recent
        .last_filer
        .as_ref()
        .filter(within)
        .filter(|(_, at)| {
            is_in(&LEGAL_FILINGS, &cx.toks.at(b - 1).lower)
                && cx
                    .recent
                    .last_document_owner
                    .as_ref()
                    .is_none_or(|(_, owned)| owned < at)
        });
    // "said in a filing" lends its speaker to "the filing", and "said in a statement" to
    // "the statement" only ("according to the filing" after it is the filing's).
    let head = &cx.toks.at(b - 1).lower;
    let spoken = |word_fits: &dyn Fn(&String) -> bool| {
        cx.recent
            .spoken_documents
            .iter()
            .rev()
            .find(|(word, _, at)| word_fits(word) && bare && cx.sentence - at <= DOCUMENT_REACH)
    };
    let same_word = spoken(&|word| word == head).map(|(_, owner, _)| owner);
    // Only a statement's own owner is held back: a filing or a study named in other words may
    // be the same document ("said in a court filing … The complaint says …").
    let another_document = |(owner, at): &&(String, usize)| {
        spoken(&|word| word != head).is_some_and(|(word, lender, said)| {
            said == at && lender == owner && is_statement_noun(word)
        })
    };
    filer
        .map(|(owner, _)| owner)
        .or(same_word)
        .or_else(|| {
            cx.recent
                .last_document_owner
                .as_ref()
                .filter(within)
                .filter(|owner| !another_document(owner))
                .map(|(owner, _)| owner)
        })
        .cloned()
}

/// The last person seen whom the words `toks[a + 1..b]` describe, its head last ("the harbour
/// master" after "Tom Lee, the harbour master, …"; "his sister" after "His sister, Ann Lee,").
fn described_person(cx: &Context, a: usize, b: usize) -> Option<usize> {
    let modifiers: Vec<&str> = (a + 1..b - 1)
        .map(|i| cx.toks.at(i).lower.as_str())
        .collect();
    let head = &cx.toks.at(b - 1).lower;
    cx.seen
        .iter()
        .rev()
        .map(|&(p, _)| p)
        .find(|&p| NameTable::described_as(cx.names.people.person(p), &modifiers, head))
}

/// The sentence of tokens `from..to`, for the readings of a sentence after its frames.
fn sentence_at<'a, 'b>(cx: &'b Context<'a>, from: usize, to: usize) -> Sentence<'a, 'b> {
    let span = match (
        cx.toks.get(from),
        to.checked_sub(1).and_then(|l| cx.toks.get(l)),
    ) {
        (Some(first), Some(last)) => (first.start, last.end),
        _ => (0, 0),
    };
    Sentence {
        text: cx.text,
        toks: &cx.toks,
        from,
        to,
        span,
    }
}

/// The papers that bring a case, which are the bringer's ([`case_bringer`]).
static LEGAL_FILINGS: WordList =
    WordList::new(&["complaint", "filing", "indictment", "lawsuit", "suit"]);

/// Verbs that bring a case against someone: who does it files the case's papers ("Prosecutors
/// charged Lee with fraud", "a grand jury indicted him", "the union sued the port").
static CASE_VERBS: WordList = WordList::new(&[
    "charged", "indict", "indicted", "indicts", "sue", "sued", "sues",
]);

/// Verbs that put out a document named as their object ("the board published a study",
/// "Prosecutors filed a complaint").
static ISSUING_VERBS: WordList = WordList::new(&[
    "file",
    "filed",
    "files",
    "issue",
    "issued",
    "issues",
    "publish",
    "published",
    "publishes",
    "release",
    "released",
    "releases",
    "submit",
    "submits",
    "submitted",
]);

/// Words between an issuing verb and its document noun ("filed a civil complaint").
const ISSUED_OBJECT_WORDS: usize = 3;

/// The owner of a document the sentence's subject puts out: "Prosecutors filed a complaint
/// against Lee" makes "the complaint" theirs.
fn issued_document_owner(cx: &Context, s: &Sentence) -> Option<String> {
    let verb = (s.from..s.to).find(|&v| {
        let t = cx.toks.at(v);
        !t.in_quote
            && !t.cap
            && is_in(&ISSUING_VERBS, &t.lower)
            && (v + 1..(v + 1 + ISSUED_OBJECT_WORDS).min(s.to))
                .take_while(|&k| !cx.toks.at(k).cap && !cx.toks.at(k).in_quote)
                .any(|k| is_in(&lexicon::DOCUMENT_NOUNS, &cx.toks.at(k).lower))
    })?;
    subject_party(cx, s, verb)
}

/// Who brings a case in the sentence: the subject of its first verb of [`CASE_VERBS`] in the
/// active voice ("Prosecutors on Tuesday charged Lee"; not "Lee was charged").
fn case_bringer(cx: &Context, s: &Sentence) -> Option<String> {
    let verb = (s.from..s.to).find(|&v| {
        let t = cx.toks.at(v);
        let passive = v > s.from
            && matches!(
                cx.toks.at(v - 1).lower.as_str(),
                "was" | "were" | "been" | "be" | "is" | "are" | "being"
            );
        !t.in_quote && !t.cap && !passive && is_in(&CASE_VERBS, &t.lower)
    })?;
    subject_party(cx, s, verb)
}

/// The party the subject of the verb at `verb` names: a capitalised name, or a group, role or
/// organisation in lower case ("prosecutors", "the district attorney", "the union"), without
/// the time or place after it ("Prosecutors on Tuesday").
fn subject_party(cx: &Context, s: &Sentence, verb: usize) -> Option<String> {
    // A noun ("the release of the study", "Lee's sued partner") is no verb.
    if verb > s.from && frames::after_article_or_owner(s, verb) {
        return None;
    }
    let ((a, b), _) = frames::borrowed_subject(s, verb, None)?;
    // The subject is the verb's own: no other verb stands between ("Lee's lawyers said the
    // prosecutors charged …" is the lawyers' report, not their case).
    if (b..verb).any(|i| {
        let t = cx.toks.at(i);
        t.is_cue() || (!t.cap && views::is_active_view_verb(&t.lower))
    }) {
        return None;
    }
    let end = (a..b)
        .find(|&i| {
            let t = cx.toks.at(i);
            i > a
                && (lexicon::is_calendar_word(&t.lower)
                    || (!t.cap && frames::opens_place_or_medium(&t.lower)))
        })
        .unwrap_or(b);
    let (a, end) = subject_head(&cx.toks, (a, end));
    let head = cx.toks.at(end.checked_sub(1)?);
    let party = (head.cap && !is_in(&lexicon::DETERMINERS, &head.lower))
        || is_in(&lexicon::GROUP_NOUNS, &head.lower)
        || is_in(&lexicon::ROLES, &head.lower)
        || is_in(&ORGANISATION_WORDS, &head.lower)
        || head.lower == "jury";
    let pronoun = matches!(
        head.lower.as_str(),
        "he" | "she" | "it" | "they" | "we" | "i" | "you" | "who"
    );
    (end > a && party && !pronoun && (a..end).all(|i| !cx.toks.at(i).in_quote))
        .then(|| cx.span_text(a, end))
}

/// How many sentences on "the report" may still mean the document named with its owner.
const DOCUMENT_REACH: usize = 12;

/// True when a channel is a document or medium, which carries others' words, rather than an
/// institution, which speaks for itself ("the HRCA stressed", "the agency said").
fn is_document(cx: &Context, c: &ChannelMention) -> bool {
    (c.first..c.last).any(|i| {
        let lower = &cx.toks.at(i).lower;
        is_in(&lexicon::CHANNEL_HEADS, lower) && !is_in(&lexicon::INSTITUTION_HEADS, lower)
    })
}

/// True when frame `f` is a document or an outlet reporting after its words ("…, the affidavit
/// says.", "…, the state broadcaster reported."): its verb follows the words, and its subject
/// is headed by a document or a channel noun written in lower case ("the affidavit", "the
/// police report", "the readout", "the state broadcaster"; not an institution, "the ministry"), or is an outlet's name
/// ("the Norvik Gazette", one the outlet registry knows). A speaker reported inside the words
/// speaks through it.
fn document_report(cx: &Context, f: &Frame) -> bool {
    let (a, b) = f.subject;
    let head = cx.toks.at(b.saturating_sub(1));
    let outlet_name = || {
        let first = a + usize::from(cx.toks.at(a).lower == "the");
        is_in(&lexicon::MASTHEAD_WORDS, &head.lower)
            || crate::outlets::registry()
                .by_name(&cx.span_text(first.min(b - 1), b))
                .is_some()
    };
    a < b
        && f.content.1 <= cx.toks.at(f.cue).start
        && if head.cap {
            outlet_name()
        } else {
            is_in(&lexicon::DOCUMENT_NOUNS, &head.lower)
                || is_in(&lexicon::CHANNEL_HEADS, &head.lower)
                    && !is_in(&lexicon::INSTITUTION_HEADS, &head.lower)
        }
}

/// The owner of a document channel, who speaks when no one else is named; the media carry
/// others' words and speak for no one.
fn document_owner(cx: &Context, c: &ChannelMention) -> Option<String> {
    (!is_media(cx, c)).then(|| channel_owner(cx, c)).flatten()
}

/// True when a channel is a medium ("the newspaper", "state media"), which speaks for no one.
fn is_media(cx: &Context, c: &ChannelMention) -> bool {
    (c.first..c.last).any(|i| is_in(&lexicon::MEDIA_HEADS, &cx.toks.at(i).lower))
}

/// The person whose office the channel `c` is ("his office", "Sund's office"): a man or a
/// woman "his" or "her" stands for, or a person named with "'s" right before "office".
fn office_holder(cx: &Context, c: &ChannelMention) -> Option<String> {
    if c.last <= c.first || cx.toks.at(c.last - 1).lower != "office" {
        return None;
    }
    if matches!(cx.toks.at(c.first).lower.as_str(), "his" | "her") {
        return resolve(cx, &pronoun_at(c.first));
    }
    // (The owner's name may stand inside the channel's words or right before them.)
    let owner = cx
        .names
        .mentions(
            &cx.toks,
            c.first.saturating_sub(frames::MAX_SUBJECT_WORDS),
            c.last - 1,
            false,
        )
        .into_iter()
        .find(|m| m.possessive && (m.last == c.last - 1 || m.last == c.first))
        .filter(|m| matches!(m.referent, Referent::Person(_)))?;
    resolve(cx, &owner)
}

/// The pronoun at token `at` ("his", "her") as a mention to resolve.
fn pronoun_at(at: usize) -> Mention {
    Mention {
        first: at,
        last: at + 1,
        referent: Referent::Pronoun,
        possessive: false,
    }
}

/// The name of an institution speaking as a channel: a person's office by its holder ("his
/// office" → "Erik Sund's office"), "the ministry" by the organisation of that kind named last
/// ("the Foreign Ministry"), else the phrase itself.
fn institution_name(cx: &Context, c: &ChannelMention) -> String {
    if let Some(person) = office_holder(cx, c) {
        return format!("{person}'s office");
    }
    // "her office" is no organisation named before.
    let bare_institution =
        !c.qualified && c.last - c.first == 2 && cx.toks.at(c.first).lower == "the";
    let head = cx.toks.at(c.last - 1).lower.as_str();
    bare_institution
        .then(|| recent_organisation(cx))
        .flatten()
        .filter(|name| name.to_lowercase().contains(head))
        .unwrap_or_else(|| {
            // "The sheriff's office" opening a sentence is named "the sheriff's office", as a
            // description of a person's office is (its owner is a common noun, not a name).
            let phrase = cx.span_text(c.first, c.last);
            let owned = (c.first..c.last).any(|k| cx.toks.at(k).possessive && !cx.toks.at(k).cap);
            match phrase.strip_prefix("The ") {
                Some(rest) if owned => format!("the {rest}"),
                _ => phrase,
            }
        })
}

/// The speaker a channel standing as a reporting verb's subject names: an institution speaks for
/// itself, a document through its owner.
fn channel_speaker(cx: &Context, c: &ChannelMention) -> Option<String> {
    if is_document(cx, c) {
        document_owner(cx, c)
    } else {
        Some(institution_name(cx, c))
    }
}

/// An organisation or group that opened a sentence within [`GROUP_REACH`] sentences.
fn recent_named(cx: &Context, named: &Option<(String, usize)>) -> Option<String> {
    recent_named_at(cx, named).map(|(name, _)| name.clone())
}

/// A name and the index of its sentence, when that is within [`GROUP_REACH`] sentences.
fn recent_named_at<'n>(
    cx: &Context,
    named: &'n Option<(String, usize)>,
) -> Option<&'n (String, usize)> {
    named
        .as_ref()
        .filter(|(_, at)| cx.sentence - at <= GROUP_REACH)
}

/// The organisation "the company" or "the agency" stands for: the one that last opened a
/// sentence, or one named since in any place of a sentence, whichever is later.
fn recent_organisation(cx: &Context) -> Option<String> {
    recent_organisation_where(cx, |_| true)
}

/// The more recent of the organisation that last opened a sentence and the one last named,
/// among those whose name `fits`.
fn recent_organisation_where(cx: &Context, fits: impl Fn(&str) -> bool) -> Option<String> {
    let opened = recent_named_at(cx, &cx.recent.last_organisation).filter(|(n, _)| fits(n));
    let named = recent_named_at(cx, &cx.recent.last_named_organisation).filter(|(n, _)| fits(n));
    match (opened, named) {
        (Some(o), Some(n)) if n.1 > o.1 => Some(n.0.clone()),
        (o, n) => o.or(n).map(|(name, _)| name.clone()),
    }
}

/// Organisation words that any organisation may be called, by its kind or by what it does ("the
/// company said" of a bank, "the lender said" of "Norvik Savings Bank").
static ANY_ORGANISATION: WordList = WordList::new(&[
    "agency",
    "broadcaster",
    "company",
    "corp",
    "corporation",
    "firm",
    "government",
    "group",
    "inc",
    "insurer",
    "lender",
    "ltd",
    "manufacturer",
    "network",
    "organisation",
    "organization",
    "regulator",
    "retailer",
    "utility",
    "watchdog",
]);

/// Organisation words that call an organisation a business ("the company said"): never said of
/// a public body ([`PUBLIC_BODIES`]).
static BUSINESS_KINDS: WordList = WordList::new(&[
    "company",
    "corp",
    "corporation",
    "firm",
    "inc",
    "insurer",
    "lender",
    "ltd",
    "manufacturer",
    "retailer",
]);

/// Words that head a public body's name, as its last word ("Port Ellis Fire Department",
/// "Norvik County Council") or before "of" ("Department of Harbours"): "the company" is never
/// such a body.
static PUBLIC_BODIES: WordList = WordList::new(&[
    "agency",
    "army",
    "authority",
    "bureau",
    "commission",
    "council",
    "county",
    "court",
    "department",
    "government",
    "inspectorate",
    "military",
    "ministry",
    "municipality",
    "office",
    "parliament",
    "police",
    "senate",
]);

/// The organisation "the KIND" means ("the airline", "the ministry"): the more recent of the one
/// that last opened a sentence and the one last named, unless its name ends in a word of another
/// kind ("the airline" is not the "Norvik Harbour Board"; any organisation is "the company" but
/// a public body: "the company" is not the "Port Ellis Fire Department" nor the "Department of
/// Harbours").
fn recent_organisation_of_kind(cx: &Context, kind: &str) -> Option<String> {
    recent_organisation_where(cx, |name| fits_kind(name, kind))
}

/// True when "the KIND" ("the airline", "the company") may mean the organisation `name` (see
/// [`recent_organisation_of_kind`]).
fn fits_kind(name: &str, kind: &str) -> bool {
    let last = name
        .rsplit(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .unwrap_or("")
        .to_lowercase();
    // "Department of Harbours": the body's word before "of".
    let head = name
        .split(" of ")
        .next()
        .and_then(|h| h.split_whitespace().last())
        .unwrap_or("")
        .to_lowercase();
    let public = is_in(&PUBLIC_BODIES, &last) || is_in(&PUBLIC_BODIES, &head);
    if is_in(&BUSINESS_KINDS, kind) && public {
        return false;
    }
    // A body named in lower case ("the union said") is only ever its own word: "the
    // company" is not the union.
    let unnamed = name
        .split_whitespace()
        .all(|w| !w.starts_with(char::is_uppercase) || w.eq_ignore_ascii_case("the"));
    if unnamed {
        return last.trim_end_matches('s') == kind.trim_end_matches('s');
    }
    is_in(&ANY_ORGANISATION, kind)
        || is_in(&ANY_ORGANISATION, &last)
        || !is_in(&ORGANISATION_WORDS, &last)
        || last.trim_end_matches('s') == kind.trim_end_matches('s')
}

/// True when the words before a public body's word ("fire" in "the fire service", "health" in
/// "the health department") stand in the organisation's `name` too: such a word says which
/// body it is, and "the fire service" is not "Harbour Insurance". A word of level or place
/// ("the local police", "the city council", [`GENERAL_BODY_WORDS`]) says nothing of which body.
/// Other kinds, and the public words any organisation may be called ("the agency", "the
/// government", [`ANY_ORGANISATION`]), take any words before them ("the Dunmore-based
/// railway").
fn modifiers_fit(cx: &Context, (a, b): (usize, usize), name: &str) -> bool {
    let head = &cx.toks.at(b.saturating_sub(1)).lower;
    let public = is_in(&PUBLIC_BODIES, head) || head == "service";
    if !public || is_in(&ANY_ORGANISATION, head) {
        return true;
    }
    let name_words: Vec<String> = name
        .split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .collect();
    (a + 1..b.saturating_sub(1)).all(|i| {
        let word = &cx.toks.at(i).lower;
        is_in(&GENERAL_BODY_WORDS, word) || name_words.contains(word)
    })
}

/// Words of level or place before a public body's word that say nothing of which body it is.
static GENERAL_BODY_WORDS: WordList = WordList::new(&[
    "city",
    "county",
    "federal",
    "local",
    "municipal",
    "national",
    "provincial",
    "regional",
    "state",
    "town",
]);

/// True when `next`, right after the name ending in `last` with nothing but spaces between, is
/// written in digits: the name is a model's ("Airfly 320", "Valmora V9 200"), a product, not an
/// organisation. A station numbered after its name ("Harbour TV 2", "Kessel Radio 1") stays
/// one.
fn model_number(last: &Tok, next: &Tok) -> bool {
    last.gap_after.trim().is_empty()
        && next.base.starts_with(|c: char| c.is_ascii_digit())
        && !next.in_quote
        && !is_in(&lexicon::MASTHEAD_WORDS, &last.lower)
}

/// The last name between tokens `from` and `to` that reads as an organisation's, outside
/// quotations (see [`organisation_like`]).
fn named_organisation(cx: &Context, from: usize, to: usize) -> Option<String> {
    let toks = &cx.toks;
    let mut found = None;
    let mut i = from;
    while i < to {
        let t = toks.at(i);
        if !t.cap || t.in_quote || t.names_unread {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        loop {
            let joined = |k: usize| {
                k < to
                    && toks.at(k).cap
                    && !toks.at(k).in_quote
                    && !toks.at(k - 1).possessive
                    && (people::adjacent(toks.at(k - 1), toks.at(k))
                        || toks.at(k - 1).gap_after.trim() == "&")
            };
            if joined(j) {
                j += 1;
            } else if j + 1 < to
                && matches!(toks.at(j).lower.as_str(), "of" | "and" | "for")
                && !toks.at(j - 1).possessive
                && people::adjacent(toks.at(j - 1), toks.at(j))
                && joined(j + 1)
            {
                // "Department of Coastal Protection", "Harbours and Ferries Authority".
                j += 2;
            } else {
                break;
            }
        }
        if organisation_like(cx, i, j, from)
            && !(j < to && model_number(toks.at(j - 1), toks.at(j)))
        {
            found = Some(cx.name_text(i, j - 1));
        }
        i = j;
    }
    found
}

/// True when the capitalised run of tokens `a..b`, in the sentence from token `from`, reads as
/// an organisation's name: written with an organisation word ("Lakeview Health Authority"),
/// after one ("the lender Norvik"), or where a name acts: before a reporting verb ("Norvik
/// said") or a possessive ("Norvik's results"), or opening the sentence with two words or more.
/// Not after a title or a role, a preposition of place ("in Lakeview") nor inside a longer name
/// ("… and Exchange Commission"); no word a day, a month, a country, a title or in capitals
/// only; no given name first, and no word of a name known as a person's (given a title or
/// role, called "he" or "she", or with a given name first). A surname used alone with none of
/// these, or a town opening its sentence, may still read as one.
fn organisation_like(cx: &Context, a: usize, b: usize, from: usize) -> bool {
    let toks = &cx.toks;
    let words = toks.within(a..b);
    let before = (a > from).then(|| toks.at(a - 1));
    let joined_to = |t: &Tok| people::adjacent(t, toks.at(a));
    let last = toks.at(b - 1);
    // Where the name stands or what it is written with (the cheap tests first: most
    // capitalised words fail them).
    let with_organisation_word = words
        .iter()
        .skip(1)
        .any(|w| is_in(&ORGANISATION_WORDS, &w.lower));
    let after_organisation_word =
        before.is_some_and(|t| !t.cap && joined_to(t) && is_in(&ORGANISATION_WORDS, &t.lower));
    let before_cue = toks
        .get(b)
        .is_some_and(|t| t.is_cue() && people::adjacent(last, t));
    let possessive = last.possessive && a > from;
    let after_lead_in =
        frames::opens_lead_in(toks, from) && before.is_some_and(|t| t.gap_after.contains(','));
    let opens = (a == from || after_lead_in)
        && b - a > 1
        && toks
            .get(b)
            .is_some_and(|t| !t.cap && !t.in_quote && people::adjacent(last, t));
    if !(with_organisation_word || after_organisation_word || before_cue || possessive || opens) {
        return false;
    }
    let placed =
        before.is_some_and(|t| joined_to(t) && is_in(&lexicon::NON_SUBJECT_PREPOSITIONS, &t.lower));
    let inside_longer = before.is_some_and(|t| {
        matches!(t.lower.as_str(), "and" | "of" | "for") && a >= from + 2 && toks.at(a - 2).cap
    });
    let titled =
        before.is_some_and(|t| is_in(&TITLES, &t.lower) || is_in(&lexicon::ROLES, &t.lower));
    if placed || inside_longer || titled {
        return false;
    }
    // A person, not a name used alone: given a title or role, or called "he" or "she".
    let person_word = words.iter().any(|w| {
        cx.names.part(w.base).is_some_and(|p| {
            let person = cx.names.people.person(p);
            !person.descriptors.is_empty()
                || cx.gender.get(p).is_some_and(|&votes| votes != 0)
                || person
                    .name
                    .split_whitespace()
                    .next()
                    .is_some_and(|first| given_names::pronoun_vote(first) != 0)
        })
    });
    let given_first = words
        .first()
        .is_some_and(|w| given_names::pronoun_vote(w.base) != 0);
    let name_word = |w: &Tok| {
        matches!(w.lower.as_str(), "of" | "and" | "for")
            || !lexicon::is_calendar_word(&w.lower)
                && !crate::terms::is_stopword(&w.lower)
                && !is_in(&TITLES, &w.lower)
                && w.base.chars().any(char::is_lowercase)
                && lexicon::country_of(w.base).is_none()
    };
    !person_word && !given_first && words.iter().all(name_word)
}

/// Who a document channel belongs to: its capitalised qualifier ("the RCMP statement"), the name
/// after "from" or "of" ("a statement from the EU"), a common noun owning it ("the sheriff's
/// report"; not a time, "yesterday's report"), or its possessive determiner ("her statement",
/// "its report").
fn channel_owner(cx: &Context, c: &ChannelMention) -> Option<String> {
    let toks = &cx.toks;
    if let Some(k) = (c.first..c.last).find(|&k| matches!(toks.at(k).lower.as_str(), "from" | "of"))
    {
        let from = (k + 1..c.last).find(|&i| toks.at(i).cap)?;
        return Some(cx.span_text(from, c.last));
    }
    let qualifier: Vec<usize> = (c.first..c.last)
        .filter(|&i| toks.at(i).cap && !is_in(&lexicon::DETERMINERS, &toks.at(i).lower))
        .filter(|&i| !is_in(&lexicon::CHANNEL_HEADS, &toks.at(i).lower))
        .filter(|&i| !lexicon::is_calendar_word(&toks.at(i).lower))
        .collect();
    if let (Some(&a), Some(&b)) = (qualifier.first(), qualifier.last()) {
        return Some(cx.name_text(a, b));
    }
    // "the sheriff's report": the common noun owning it, without its "'s".
    if let Some(k) = (c.first..c.last).find(|&k| {
        toks.at(k).possessive && !toks.at(k).cap && !channels::is_time_owner(&toks.at(k).lower)
    }) {
        let owner_end = toks.at(k).start + toks.at(k).base.len();
        if let Some(owner) = cx.text.get(toks.at(c.first).start..owner_end) {
            return Some(owner.to_string());
        }
    }
    match toks.at(c.first).lower.as_str() {
        "his" | "her" => resolve(cx, &pronoun_at(c.first)),
        "its" => recent_organisation(cx),
        "their" => recent_named(cx, &cx.recent.last_group),
        _ => None,
    }
}

impl Context<'_> {
    /// Records a quote's speaker (its name, and the words it was written with when they
    /// differ) and channel for pronouns and continued quotations.
    fn remember_quote(
        &mut self,
        (speaker, written): (&Option<String>, &Option<String>),
        channel: &Option<String>,
        sentence: usize,
        paragraph: usize,
    ) {
        // Someone else speaking ends it, unless through the body ("according to the office,
        // the president stressed …").
        let head = |name: &str| name.rsplit(' ').next().unwrap_or("").to_lowercase();
        if self
            .recent
            .last_body_statement
            .as_ref()
            .is_some_and(|(body, _)| {
                speaker.as_ref() != Some(body)
                    && channel.as_deref().is_none_or(|c| head(c) != head(body))
            })
        {
            self.recent.last_body_statement = None;
        }
        if let Some(s) = speaker {
            self.recent.last_speaker = Some((s.clone(), sentence));
            // A speaker with a one-word name ("Facebook said") is as likely a company as a
            // person: "the company said" may mean it next. A common word capitalised by its
            // place ("Many said …", "Others said …") names nothing.
            if !s.contains(' ')
                && s.starts_with(char::is_uppercase)
                && !crate::lower_case::nearly_always_lower_case(&s.to_lowercase())
            {
                self.recent.last_organisation = Some((s.clone(), sentence));
            }
        }
        self.recent.previous = Some(PreviousQuote {
            speaker: speaker.clone(),
            written: written.clone().filter(|w| speaker.as_ref() != Some(w)),
            channel: channel.clone(),
            sentence,
            sentence_from: self.sentence_from,
            paragraph,
        });
    }

    /// Learns the person a name's words stand for, mentioned at token `at`, and returns the
    /// fullest name: later pronouns and surnames may refer to them.
    fn learn_person(&mut self, parts: &[&str], at: usize) -> String {
        let name = self.names.resolve_name(parts);
        if self.frozen {
            return name;
        }
        let p = self.names.learn(&name);
        self.seen.push((p, at));
        self.people_name(p)
    }

    /// The text from token `a` to token `last`, without the possessive of `last` ("Tallis
    /// Northern Railway" of "Tallis Northern Railway's").
    fn name_text(&self, a: usize, last: usize) -> String {
        let t = self.toks.at(last);
        self.text
            .get(self.toks.at(a).start..t.start + t.base.len())
            .unwrap_or("")
            .to_string()
    }

    /// The text from token `a` to the end of token `b - 1`.
    fn span_text(&self, a: usize, b: usize) -> String {
        self.text
            .get(self.toks.at(a).start..self.toks.at(b - 1).end)
            .unwrap_or("")
            .to_string()
    }

    fn people_name(&self, p: usize) -> String {
        self.names.people.person(p).name.clone()
    }
}

/// True for a person who may be the subject a later "he" or "she" stands for: one known to be a
/// person, or a full name of two or three words ("Ray Dunsmore with Wheel to Wheel turned out
/// …. “…,” he said.").
fn subject_like(p: &people::Person) -> bool {
    let words: Vec<&str> = p.name.split_whitespace().collect();
    let name_word = |w: &&str| {
        let lower = w.to_lowercase();
        w.chars().skip(1).any(char::is_lowercase)
            && !is_in(&ORGANISATION_WORDS, &lower)
            && !lexicon::is_calendar_word(&lower)
            && lexicon::country_of(w).is_none()
    };
    p.confirmed || (words.len() >= 2 && words.iter().all(name_word))
}
