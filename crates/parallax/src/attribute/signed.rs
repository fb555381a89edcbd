//! Signed paragraphs: words a paragraph attributes by a signature rather than a verb.
//!
//! Two layouts are common in news pages:
//! - an embedded post, copied as text: `WORDS [link] — Name (@handle) Date`, or a page's post
//!   with its credit line `Posted by Name on Weekday, Date` after it ([`crate::posts`]);
//! - a pull quote, the speaker's words followed by their name: `WORDS. Name[, role]`, or a
//!   quotation signed after a dash, `“WORDS.” ― Name` ([`crate::posts::signed_quotation`]), on
//!   its line or on the next line alone ([`crate::posts::quotation_signature`]).
//!
//! Each gives the paragraph's words (before any link) as a quote and the name as its speaker; a
//! post from an account also gives its handle, the account it was posted from (a page's post
//! has none).

use super::lexicon::{is_in, CUES};

/// A paragraph's words and the name that signs them, as byte ranges of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Signed {
    /// The signed words.
    pub words: (usize, usize),
    /// The signing name.
    pub name: (usize, usize),
    /// A post's handle with its `@` ("@islandpower"); `None` for a pull quote and a page's post.
    pub handle: Option<(usize, usize)>,
    /// Words a mark binds to their signer: an embedded post (from an account or a page), or a
    /// quotation signed after a dash. Their words are the signer's whatever a verb inside them
    /// reports; a pull quote signed by a bare name after its last sentence is not bound.
    pub bound: bool,
}

/// Fewest words a signed paragraph must hold.
const MIN_SIGNED_WORDS: usize = 5;
/// Most words in the role after a signature's name ("Port Tallis mayor").
const MAX_ROLE_WORDS: usize = 5;

/// The signed paragraphs of `text`.
pub(crate) fn signed_paragraphs(text: &str) -> Vec<Signed> {
    let mut out = Vec::new();
    let mut at = 0;
    // The last line that held words, and where it starts: the words a signature alone on its
    // line signs.
    let mut previous: Option<(usize, &str)> = None;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end();
        let lead = body.len() - body.trim_start().len();
        if let (Some(((ns, ne), handle)), Some((ps, words))) =
            (crate::posts::signature(body), previous)
        {
            // A page's credit line reads like a blog's byline ("Posted by Ann Roe on Monday,
            // …"); it signs only words that end as a sentence does, not a headline above it.
            let ends_sentence = handle.is_some()
                || words
                    .trim_end()
                    .trim_end_matches(['"', '”', '\'', '’', ')'])
                    .ends_with(['.', '!', '?']);
            let signs = words.split_whitespace().count() >= MIN_SIGNED_WORDS
                && words.len() <= crate::posts::MAX_POST_BYTES
                && ends_sentence
                && crate::posts::signature(words).is_none()
                && crate::posts::post(words).is_none();
            if let Some((ws, we)) = signs
                .then(|| crate::posts::words_before_link(words, words.len()))
                .flatten()
            {
                out.push(Signed {
                    words: (ps + ws, ps + we),
                    name: (at + ns, at + ne),
                    handle: handle.map(|(hs, he)| (at + hs, at + he)),
                    bound: true,
                });
            }
        }
        // A pull quote in its own paragraph, signed by the next line alone ("— Ann Lee").
        if let (Some((ns, ne)), Some((ps, words))) =
            (crate::posts::quotation_signature(body), previous)
        {
            if let Some((ws, we)) = crate::posts::whole_quotation(words) {
                if words.get(ws..we).unwrap_or("").split_whitespace().count() >= MIN_SIGNED_WORDS {
                    out.push(Signed {
                        words: (ps + ws, ps + we),
                        name: (at + ns, at + ne),
                        handle: None,
                        bound: true,
                    });
                }
            }
        }
        if !body.trim().is_empty() {
            previous = Some((at, body));
        }
        let found = match crate::posts::post(body) {
            Some(p) => Some((p.words, p.name, Some(p.handle), true)),
            None => crate::posts::signed_quotation(body)
                .map(|(words, name)| (words, name, None, true))
                .or_else(|| pull_quote(body).map(|(words, name)| (words, name, None, false))),
        };
        if let Some(((ws, we), (ns, ne), handle, bound)) = found {
            if body.get(ws..we).unwrap_or("").split_whitespace().count() >= MIN_SIGNED_WORDS
                && ws >= lead
            {
                out.push(Signed {
                    words: (at + ws, at + we),
                    name: (at + ns, at + ne),
                    handle: handle.map(|(hs, he)| (at + hs, at + he)),
                    bound,
                });
            }
        }
        at += line.len();
    }
    out
}

/// Two byte ranges of one line: the words, and the name (or label) they are given to.
pub(super) type Ranges = ((usize, usize), (usize, usize));

/// `read` applied to each line of `text`, its ranges moved from the line to the text.
pub(super) fn per_line(text: &str, read: impl Fn(&str) -> Option<Ranges>) -> Vec<Ranges> {
    let mut out = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        if let Some(((ws, we), (ns, ne))) = read(line) {
            out.push(((at + ws, at + we), (at + ns, at + ne)));
        }
        at += line.len();
    }
    out
}

/// `WORDS. Name[, role]`: a last "sentence" that is only a capitalised name.
fn pull_quote(line: &str) -> Option<Ranges> {
    let body = line.trim_end_matches('.');
    let cut = body.rfind(['.', '!', '?'])?;
    // "U.S. President Donald Trump": the full stop of an abbreviation ends no sentence.
    let before = body
        .get(..cut)
        .unwrap_or("")
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("");
    if before.chars().count() <= 1 || before.contains('.') {
        return None;
    }
    let words_end = cut + 1;
    let tail_start = words_end
        + (body.get(words_end..).unwrap_or("").len()
            - body.get(words_end..).unwrap_or("").trim_start().len());
    if tail_start == words_end {
        return None;
    }
    let tail = body.get(tail_start..).unwrap_or("");
    let (name, role) = match tail.split_once(", ") {
        Some((n, r)) => (n, Some(r)),
        None => (tail, None),
    };
    if !crate::posts::is_signing_name(name)
        || role.is_some_and(|r| {
            r.split_whitespace().count() > MAX_ROLE_WORDS
                || r.contains(['(', ')', '/', ',', ':'])
                || r.split_whitespace()
                    .any(|w| is_in(&CUES, &w.to_lowercase()))
        })
    {
        return None;
    }
    let words_start = line.len() - line.trim_start().len();
    let words = trim_range(line, words_start, words_end)?;
    Some((words, (tail_start, tail_start + name.len())))
}

fn trim_range(line: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let inner = line.get(start..end)?;
    let trimmed = inner.trim_end();
    (!trimmed.is_empty()).then_some((start, start + trimmed.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str) -> Vec<(&str, &str)> {
        signed_paragraphs(text)
            .iter()
            .map(|s| {
                (
                    text.get(s.words.0..s.words.1).unwrap_or(""),
                    text.get(s.name.0..s.name.1).unwrap_or(""),
                )
            })
            .collect()
    }

    #[test]
    fn a_signature_on_its_own_line_signs_the_paragraph_before_it() {
        let text = "Ferry news.\n\
                    Ferries stop at noon because of the gale warning https://t.co/x1\n\
                    — Harbour Office (@tallis_harbour) March 3, 2021\n\
                    — Harbour Office (@tallis_harbour) March 4, 2021\n";
        assert_eq!(
            spans(text),
            vec![(
                "Ferries stop at noon because of the gale warning",
                "Harbour Office"
            )]
        );
    }

    #[test]
    fn a_post_gives_its_handle_and_a_pull_quote_none() {
        let text = "Ferries stop at noon because of the gale warning. \
                    — Harbour Office (@tallis_harbour) March 3, 2021\n\
                    It is very hard on our elders if there is no heat. Ned Ashcombe\n";
        let found = signed_paragraphs(text);
        let handles: Vec<Option<&str>> = found
            .iter()
            .map(|s| s.handle.map(|(a, b)| text.get(a..b).unwrap_or("")))
            .collect();
        assert_eq!(handles, vec![Some("@tallis_harbour"), None]);
    }

    #[test]
    fn a_page_post_signs_the_sentence_before_its_credit_but_not_a_headline() {
        let text = "Ferry news.\n\
                    Please stay off the sea wall until the crews say it is safe again.\n\
                    Posted by Tallis Harbour Office on Tuesday, March 3, 2020\n\
                    Harbour Office Warns Walkers Away From Sea Wall\n\
                    Posted by Ann Roe on Wednesday, March 4, 2020\n";
        let found = signed_paragraphs(text);
        let signed: Vec<(&str, &str, bool, bool)> = found
            .iter()
            .map(|s| {
                (
                    text.get(s.words.0..s.words.1).unwrap_or(""),
                    text.get(s.name.0..s.name.1).unwrap_or(""),
                    s.handle.is_none(),
                    s.bound,
                )
            })
            .collect();
        assert_eq!(
            signed,
            vec![(
                "Please stay off the sea wall until the crews say it is safe again.",
                "Tallis Harbour Office",
                true,
                true
            )]
        );
    }

    #[test]
    fn posts_and_pull_quotes() {
        let text = "Intro line.\nCrews are out in force across the island tonight. \
                    pic.twitter.com/abc — Island Power (@islandpower) May 2, 2019\n\
                    It is very hard on our elders if there is no heat. Ned Ashcombe, Tallis mayor\n\
                    She said it was very hard on the elders here. Mr Ashcombe agreed.\n";
        assert_eq!(
            spans(text),
            vec![
                (
                    "Crews are out in force across the island tonight.",
                    "Island Power"
                ),
                (
                    "It is very hard on our elders if there is no heat.",
                    "Ned Ashcombe"
                ),
            ]
        );
    }

    #[test]
    fn short_or_unsigned_paragraphs_are_not_quotes() {
        assert!(spans("Too short. Jane Doe\n").is_empty());
        assert!(spans("A long enough sentence without any name at all. the end\n").is_empty());
        assert!(spans("Photo credit goes here for the story today. Odile Varga / CP\n").is_empty());
    }
}
