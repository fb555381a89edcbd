//! Attribute: who said what, according to whom.
//!
//! For every quotation (text in double quotation marks) and every sentence of reported speech
//! ("X said the ..."), attribution finds the speaker, the reporting cue and the channel:
//!
//! - the speaker is the person mentioned next to a reporting verb before the quote ("Mr Xi
//!   noted the “…”"), else the last person before it, else the first after it (`“…,” Xi said`),
//!   else one named at the quote's start, else the previous quote's speaker in the paragraph;
//!   names resolve to their fullest form, pronouns and descriptions to the person they stand for
//!   ([`people`]);
//! - the channel is an "according to" phrase, else a channel phrase in the sentence, a bare
//!   "the report" resolving to the last named channel, else the previous quote's channel when the
//!   speaker is the same ([`channels`]);
//! - a quote of two words or fewer, or of up to four words with no reporting verb near it, is a
//!   scare quote ("no limits" friendship) and is left out.

pub mod channels;
pub mod lexicon;
pub mod people;
pub mod tokens;

use crate::model::{Document, Quote, QuoteKind, Span};
use channels::{channel_mentions, channel_text, ChannelMention};
use lexicon::{is_in, INDIRECT_CUES};
use people::{descriptor_matches, Mention, NameTable, Referent};
use tokens::{quote_ranges, tokenize, Tok};

/// Shortest quotation (in words) kept without a reporting verb near it.
const MIN_UNCUED_QUOTE_WORDS: usize = 5;
/// Sentences longer than this (in words) are not attributed.
const MAX_SENTENCE_TOKENS: usize = 400;
/// Shortest complement (in words) of a reported-speech sentence.
const MIN_INDIRECT_WORDS: usize = 4;

/// Running state of a pass over one document.
struct Context<'a> {
    text: &'a str,
    toks: Vec<Tok<'a>>,
    names: NameTable,
    /// Person mentions so far, in order: (person, token index).
    seen: Vec<(usize, usize)>,
    last_speaker: Option<(String, usize)>,
    last_channel: Option<String>,
    /// The previous quote: speaker, channel, sentence index, paragraph start.
    previous: Option<(Option<String>, Option<String>, usize, usize)>,
}

/// Finds the quotes of one document.
pub fn attribute(doc: &Document) -> Vec<Quote> {
    let text = doc.text.as_str();
    let quotes = quote_ranges(text);
    let toks = tokenize(text, &quotes);
    let names = NameTable::build(&toks);
    let mut cx = Context {
        text,
        toks,
        names,
        seen: Vec::new(),
        last_speaker: None,
        last_channel: None,
        previous: None,
    };
    let mut out = Vec::new();
    let mut paragraph = 0;
    let mut scanned = 0;
    for (s_idx, sentence) in doc.sentences.iter().enumerate() {
        let (from, to) = token_range(&cx.toks, *sentence);
        if let Some(p) = text[scanned..sentence.start()].rfind(['\n', '\r']) {
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
        let opened: Vec<(usize, usize)> = quotes[first_quote..]
            .iter()
            .copied()
            .take_while(|&(s, _)| s <= sentence.end())
            .collect();
        let overlaps_quote =
            !opened.is_empty() || (first_quote > 0 && quotes[first_quote - 1].1 > sentence.start());
        let mut any = false;
        for (qs, qe) in opened {
            if let Some(q) = direct_quote(
                &mut cx,
                doc,
                s_idx,
                paragraph,
                *sentence,
                (qs, qe),
                &channels,
            ) {
                out.push(q);
                any = true;
            }
        }
        if !any && !overlaps_quote {
            if let Some(q) = indirect_quote(
                &mut cx, doc, s_idx, paragraph, *sentence, from, to, &channels,
            ) {
                out.push(q);
            }
        }
        // Remember this sentence's named channels and people for later references.
        if let Some(c) = channels.iter().rev().find(|c| c.qualified) {
            cx.last_channel = Some(channel_text(text, &cx.toks, c).to_string());
        }
        for m in cx.names.mentions(&cx.toks, from, to, false) {
            if let Referent::Person(p) = m.referent {
                cx.seen.push((p, m.first));
            }
        }
    }
    out
}

/// Token indices covering a span.
fn token_range(toks: &[Tok], span: Span) -> (usize, usize) {
    let from = toks.partition_point(|t| t.start < span.start());
    let to = toks.partition_point(|t| t.start < span.end());
    (from, to)
}

fn trim_quote(text: &str, start: usize, end: usize) -> (usize, usize) {
    let inner = &text[start..end];
    let lead = inner.len() - inner.trim_start().len();
    let trimmed = inner.trim().trim_end_matches([',', ';', ' ']);
    (start + lead, start + lead + trimmed.len())
}

#[allow(clippy::too_many_arguments)]
fn direct_quote(
    cx: &mut Context,
    doc: &Document,
    s_idx: usize,
    paragraph: usize,
    sentence: Span,
    (qs, qe): (usize, usize),
    channels: &[ChannelMention],
) -> Option<Quote> {
    let (start, end) = trim_quote(cx.text, qs, qe);
    let quoted = &cx.text[start..end];
    let word_count = quoted.split_whitespace().count();
    let (from, to) = token_range(&cx.toks, sentence);
    let close_tok = cx.toks.partition_point(|t| t.start < qe).max(from);
    let open_tok = cx.toks.partition_point(|t| t.start < qs).max(from);
    let cue_near = (from..to)
        .filter(|&k| !cx.toks[k].in_quote)
        .find(|&k| cx.toks[k].is_cue());
    let according = channels.iter().any(|c| c.according_to);
    if word_count <= 2 || (word_count < MIN_UNCUED_QUOTE_WORDS && cue_near.is_none() && !according)
    {
        return None;
    }
    let before = cx.names.mentions(&cx.toks, from, open_tok.min(to), false);
    let after = cx.names.mentions(&cx.toks, close_tok.min(to), to, false);
    let inside = cx
        .names
        .mentions(&cx.toks, open_tok, close_tok.min(to), true);
    let speaker_mention = pick_before(&cx.toks, &before, to)
        .or_else(|| after.iter().find(|m| !m.possessive).cloned())
        .or_else(|| {
            inside
                .first()
                .filter(|m| m.first <= open_tok + 1 && followed_by_cue(&cx.toks, m, to))
                .cloned()
        });
    let speaker = match speaker_mention {
        Some(m) => resolve(cx, &m),
        None => cx
            .previous
            .as_ref()
            .filter(|(_, _, s, p)| *p == paragraph || s_idx - s <= 1)
            .and_then(|(sp, _, _, _)| sp.clone()),
    };
    let channel = pick_channel(cx, channels).or_else(|| {
        cx.previous
            .as_ref()
            .filter(|(sp, _, s, p)| (*p == paragraph || s_idx - s <= 1) && *sp == speaker)
            .and_then(|(_, ch, _, _)| ch.clone())
    });
    let cue = if according && channels.iter().any(|c| c.according_to) {
        cue_near
            .map(|k| cx.toks[k].lower.clone())
            .or_else(|| Some("according to".to_string()))
    } else {
        cue_near.map(|k| cx.toks[k].lower.clone())
    };
    let starts_sentence = cx.text[sentence.start()..qs]
        .trim_matches(|c: char| c.is_whitespace() || c == '"' || c == '“')
        .is_empty();
    let after_colon = cx.text[sentence.start()..qs]
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
    if let Some(s) = &speaker {
        cx.last_speaker = Some((s.clone(), s_idx));
    }
    cx.previous = Some((speaker.clone(), channel.clone(), s_idx, paragraph));
    Some(Quote {
        doc: doc.id.clone(),
        start,
        end,
        text: quoted.to_string(),
        kind,
        speaker,
        cue,
        channel,
    })
}

/// The speaker among mentions before a quote: the last one right before a reporting verb, else
/// the last one that is not a possessive.
fn pick_before(toks: &[Tok], before: &[Mention], to: usize) -> Option<Mention> {
    before
        .iter()
        .rev()
        .find(|m| !m.possessive && followed_by_cue(toks, m, to))
        .or_else(|| before.iter().rev().find(|m| !m.possessive))
        .cloned()
}

fn followed_by_cue(toks: &[Tok], m: &Mention, to: usize) -> bool {
    let mut k = m.last;
    if k < to
        && matches!(
            toks[k].lower.as_str(),
            "also" | "has" | "had" | "have" | "then" | "later" | "further"
        )
    {
        k += 1;
    }
    k < to && toks[k].is_cue()
}

/// The channel named in a sentence: "according to", else a subject of a reporting verb, else any;
/// a bare "the report" resolves to the last named channel.
fn pick_channel(cx: &Context, channels: &[ChannelMention]) -> Option<String> {
    let m = channels
        .iter()
        .find(|c| c.according_to)
        .or_else(|| channels.iter().find(|c| c.subject))
        .or_else(|| channels.first())?;
    if m.qualified {
        Some(channel_text(cx.text, &cx.toks, m).to_string())
    } else {
        cx.last_channel
            .clone()
            .or_else(|| Some(channel_text(cx.text, &cx.toks, m).to_string()))
    }
}

/// The fullest name a mention refers to.
fn resolve(cx: &Context, m: &Mention) -> Option<String> {
    let people = &cx.names.people;
    match &m.referent {
        Referent::Person(p) => Some(people[*p].name.clone()),
        Referent::Pronoun => cx
            .last_speaker
            .as_ref()
            .map(|(s, _)| s.clone())
            .or_else(|| cx.seen.last().map(|&(p, _)| people[p].name.clone())),
        Referent::Description(modifiers) => {
            let recent = |pred: &dyn Fn(usize) -> bool| {
                cx.seen.iter().rev().map(|&(p, _)| p).find(|&p| pred(p))
            };
            let by_descriptor = |p: usize| {
                modifiers[..modifiers.len().saturating_sub(1)]
                    .iter()
                    .filter(|m| m.chars().count() >= 4)
                    .any(|m| {
                        people[p]
                            .descriptors
                            .iter()
                            .any(|d| descriptor_matches(d, m))
                    })
            };
            let role = modifiers.last().cloned().unwrap_or_default();
            let by_role = |p: usize| people[p].descriptors.contains(&role);
            recent(&by_descriptor)
                .or_else(|| (0..people.len()).find(|&p| by_descriptor(p)))
                .or_else(|| recent(&by_role))
                .or_else(|| cx.seen.last().map(|&(p, _)| p))
                .map(|p| people[p].name.clone())
        }
        Referent::Plural => {
            let mut two: Vec<usize> = Vec::new();
            for &(p, _) in cx.seen.iter().rev() {
                if !two.contains(&p) {
                    two.push(p);
                }
                if two.len() == 2 {
                    break;
                }
            }
            (two.len() == 2).then(|| {
                let first_seen = |p: usize| {
                    cx.seen
                        .iter()
                        .position(|&(q, _)| q == p)
                        .unwrap_or(usize::MAX)
                };
                two.sort_by_key(|&p| first_seen(p));
                format!("{} and {}", people[two[0]].name, people[two[1]].name)
            })
        }
    }
}

/// Reported speech: "SUBJECT [, apposition,] CUE [that] COMPLEMENT", or "COMPLEMENT, SUBJECT CUE."
#[allow(clippy::too_many_arguments)]
fn indirect_quote(
    cx: &mut Context,
    doc: &Document,
    s_idx: usize,
    paragraph: usize,
    sentence: Span,
    from: usize,
    to: usize,
    channels: &[ChannelMention],
) -> Option<Quote> {
    let mentions = cx.names.mentions(&cx.toks, from, to, false);
    for k in from..to {
        if cx.toks[k].cap || !is_in(INDIRECT_CUES, &cx.toks[k].lower) {
            continue;
        }
        let subject_end = subject_end_before(cx, from, k);
        let person = mentions
            .iter()
            .find(|m| m.last == subject_end && !m.possessive)
            .cloned();
        let channel = channels
            .iter()
            .find(|c| c.last == subject_end && !cx.toks[c.last - 1].possessive)
            .cloned();
        if person.is_none() && channel.is_none() {
            continue;
        }
        // A trailing "..., X said." makes the part before the comma the quote.
        let trailing = k + 1 >= to || cx.toks[k + 1].start >= sentence.end();
        let comma_after_cue = cx.toks[k].gap_after.contains(',');
        let (start, end) = if comma_after_cue && subject_start(cx, &person, &channel) > from {
            // "A, X said, B": the whole sentence is the reported speech.
            (sentence.start(), sentence.end())
        } else if trailing && subject_start(cx, &person, &channel) > from {
            let s = subject_start(cx, &person, &channel);
            let before = cx.text[sentence.start()..cx.toks[s].start]
                .trim_end()
                .trim_end_matches(',');
            (sentence.start(), sentence.start() + before.len())
        } else {
            let mut c = k + 1;
            if matches!(cx.toks[k].lower.as_str(), "told" | "tells") {
                // Skip the addressee up to "that", or one name.
                let that = (c..to.min(c + 7)).find(|&i| cx.toks[i].lower == "that");
                c = match that {
                    Some(t) => t,
                    None => mentions.iter().find(|m| m.first == c).map_or(c, |m| m.last),
                };
            }
            if let Some(t) = (c..to.min(c + 3)).find(|&i| cx.toks[i].lower == "that") {
                c = t + 1;
            }
            if c >= to {
                continue;
            }
            let mut end = sentence.end();
            let tail = &cx.text[cx.toks[c].start..end];
            if let Some(p) = tail.find(", according to") {
                end = cx.toks[c].start + p;
            }
            (cx.toks[c].start, end)
        };
        let words = cx.text[start..end].split_whitespace().count();
        if words < MIN_INDIRECT_WORDS {
            continue;
        }
        let speaker = person.as_ref().and_then(|m| resolve(cx, m));
        // A person's reported speech names its channel only with "according to"; channels
        // elsewhere in the sentence are what the person talks about.
        let according: Vec<ChannelMention> = channels
            .iter()
            .filter(|c| c.according_to)
            .cloned()
            .collect();
        let channel = match (&person, &channel) {
            (None, Some(c)) if c.qualified => Some(channel_text(cx.text, &cx.toks, c).to_string()),
            (None, Some(_)) => pick_channel(cx, channels),
            _ => pick_channel(cx, &according),
        };
        if let Some(s) = &speaker {
            cx.last_speaker = Some((s.clone(), s_idx));
        }
        cx.previous = Some((speaker.clone(), channel.clone(), s_idx, paragraph));
        let (start, end) = trim_quote(cx.text, start, end);
        return Some(Quote {
            doc: doc.id.clone(),
            start,
            end,
            text: cx.text[start..end].to_string(),
            kind: QuoteKind::Indirect,
            speaker,
            cue: Some(cx.toks[k].lower.clone()),
            channel,
        });
    }
    None
}

fn subject_start(
    _cx: &Context,
    person: &Option<Mention>,
    channel: &Option<ChannelMention>,
) -> usize {
    person
        .as_ref()
        .map(|m| m.first)
        .or_else(|| channel.as_ref().map(|c| c.first))
        .unwrap_or(0)
}

/// The token index where the subject of the cue at `k` ends: right before the cue (after an
/// optional adverb or auxiliary), or before an apposition set off by commas.
fn subject_end_before(cx: &Context, from: usize, k: usize) -> usize {
    let mut end = k;
    if end > from
        && matches!(
            cx.toks[end - 1].lower.as_str(),
            "also" | "has" | "had" | "have" | "later" | "then" | "further"
        )
    {
        end -= 1;
    }
    if end > from {
        let gap = &cx.text[cx.toks[end - 1].end..cx.toks[end].start];
        if gap.contains(',') {
            // Walk back to the comma opening the apposition.
            let open = (from..end - 1)
                .rev()
                .find(|&i| cx.text[cx.toks[i].end..cx.toks[i + 1].start].contains(','));
            if let Some(i) = open {
                return i + 1;
            }
        }
    }
    end
}
