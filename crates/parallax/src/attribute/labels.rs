//! Labelled paragraphs: words a paragraph gives to the name that opens it with a colon.
//!
//! Two layouts are common in news pages:
//! - a transcript or an interview: `BRANDT: We will reopen the pier.`, `Q: And the tides?`;
//! - a headline that quotes: `Brandt: 'The pier will reopen in June'`.
//!
//! Each gives the words after the colon, to the paragraph's end, as a quote of the label. A
//! label is a short run of capitalised words, none of them a page's section word ("Photo:",
//! "Update:", "Related:"), and no time ("10:30"); attribution keeps only the labels that name a
//! person of the story (so not "Q:", nor a market report's "Currencies:").

/// A paragraph's words and the label that opens it, as byte ranges of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Labelled {
    /// The words after the colon, to the paragraph's end.
    pub words: (usize, usize),
    /// The label before the colon.
    pub label: (usize, usize),
}

use super::signed::{per_line, Ranges};

/// Most words in a label.
const MAX_LABEL_WORDS: usize = 4;
/// Fewest words after the label.
const MIN_LABELLED_WORDS: usize = 3;

/// Words that label a part of a page, not a speaker ("Photo:", "Read more:"), lower case.
const SECTION_WORDS: &[&str] = &[
    "address",
    "advertisement",
    "also",
    "analysis",
    "answer",
    "background",
    "breaking",
    "caption",
    "claim",
    "clarification",
    "contact",
    "context",
    "correction",
    "credit",
    "credits",
    "date",
    "disclaimer",
    "disclosure",
    "editor",
    "editor's",
    "email",
    "exclusive",
    "fact",
    "facts",
    "file",
    "filed",
    "follow",
    "graphic",
    "image",
    "images",
    "key",
    "listen",
    "live",
    "location",
    "map",
    "more",
    "next",
    "note",
    "opinion",
    "phone",
    "photo",
    "photos",
    "posted",
    "previously",
    "published",
    "question",
    "rating",
    "read",
    "related",
    "see",
    "share",
    "sign",
    "source",
    "sources",
    "subscribe",
    "tags",
    "timeline",
    "tip",
    "topics",
    "update",
    "updated",
    "verdict",
    "video",
    "watch",
    "when",
    "where",
];

/// Fewest paragraphs a label opens for it to be a transcript's speaker, and fewest changes of
/// label from one such paragraph to the next.
const MIN_TRANSCRIPT_TURNS: usize = 2;

/// The labels of a transcript among `labelled` (paragraphs of `text`): single words in capitals
/// ("MARSH:", "BRANDT:") that each open [`MIN_TRANSCRIPT_TURNS`] paragraphs or more, when two
/// such labels or more take turns (the label changes from one such paragraph to the next at
/// least [`MIN_TRANSCRIPT_TURNS`] times: "A, B, A", not "A, A, B, B"). A surname alone is how
/// a transcript names its speakers; a place ("IOWA:") or a one-off heading is no speaker.
pub(crate) fn transcript_labels<'t>(
    text: &'t str,
    labelled: &[Labelled],
) -> std::collections::HashSet<&'t str> {
    let mut counts: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    let mut previous: Option<&str> = None;
    let mut turns = 0;
    for l in labelled {
        let label = text.get(l.label.0..l.label.1).unwrap_or("");
        let word = label.len() >= 3
            && label
                .chars()
                .all(|c| c.is_uppercase() || matches!(c, '-' | '\'' | '’'))
            && crate::lexicon::place_country(label).is_none();
        if !word {
            continue;
        }
        *counts.entry(label).or_default() += 1;
        if previous.is_some_and(|p| p != label) {
            turns += 1;
        }
        previous = Some(label);
    }
    counts.retain(|_, n| *n >= MIN_TRANSCRIPT_TURNS);
    if counts.len() < 2 || turns < MIN_TRANSCRIPT_TURNS {
        return std::collections::HashSet::new();
    }
    counts.into_keys().collect()
}

/// The labelled paragraphs of `text`.
pub(crate) fn labelled_paragraphs(text: &str) -> Vec<Labelled> {
    per_line(text, labelled)
        .into_iter()
        .map(|(label, words)| Labelled { words, label })
        .collect()
}

/// `LABEL: WORDS` in one line: the label's range and the words' range.
fn labelled(line: &str) -> Option<Ranges> {
    let opening = |c: char| c.is_whitespace() || matches!(c, '"' | '“' | '\'' | '‘');
    let ls = line.len() - line.trim_start_matches(opening).len();
    let colon = ls + line.get(ls..).unwrap_or("").find(':')?;
    let label = line.get(ls..colon).unwrap_or("").trim_end();
    let words: Vec<&str> = label.split_whitespace().collect();
    if words.is_empty() || words.len() > MAX_LABEL_WORDS || label.len() != colon - ls {
        return None;
    }
    let name_word = |w: &str| {
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'))
    };
    let section = |w: &str| {
        let lower = w.to_lowercase();
        SECTION_WORDS.contains(&lower.trim_end_matches('.'))
    };
    if !words.iter().all(|w| name_word(w)) || words.iter().any(|w| section(w)) {
        return None;
    }
    let rest = line.get(colon + 1..).unwrap_or("");
    let ws = colon + 1 + (rest.len() - rest.trim_start().len());
    let we = colon + 1 + rest.trim_end().len();
    if ws >= we || line.get(ws..we).unwrap_or("").split_whitespace().count() < MIN_LABELLED_WORDS {
        return None;
    }
    // "Harbour staff: Ann Roe, Tom Hale, Ines Varga, …" lists names; no one speaks.
    let pieces: Vec<&str> = line
        .get(ws..we)
        .unwrap_or("")
        .split(',')
        .map(str::trim)
        .collect();
    let names = pieces
        .iter()
        .filter(|p| {
            let words: Vec<&str> = p.split_whitespace().collect();
            (1..=MAX_LABEL_WORDS).contains(&words.len())
                && words.iter().all(|w| w.starts_with(char::is_uppercase))
        })
        .count();
    if pieces.len() >= 4 && 4 * names >= 3 * pieces.len() {
        return None;
    }
    // "Brandt: The pier" opens a sentence; "BRANDT: the pier" is a list's item.
    if !line
        .get(ws..)
        .unwrap_or("")
        .starts_with(|c: char| c.is_uppercase() || matches!(c, '"' | '“' | '\'' | '‘'))
    {
        return None;
    }
    Some(((ls, colon), (ws, we)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str) -> Vec<(&str, &str)> {
        labelled_paragraphs(text)
            .into_iter()
            .map(|l| {
                (
                    text.get(l.label.0..l.label.1).unwrap_or(""),
                    text.get(l.words.0..l.words.1).unwrap_or(""),
                )
            })
            .collect()
    }

    #[test]
    fn transcript_and_headline_labels() {
        let text = "BRANDT: We will reopen the pier in June.\n\
                    Q: And what about the tides?\n\
                    \"QUILLON: The tides decide everything here.\n\
                    Brandt: 'The pier will reopen in June'\n";
        assert_eq!(
            pieces(text),
            vec![
                ("BRANDT", "We will reopen the pier in June."),
                ("Q", "And what about the tides?"),
                ("QUILLON", "The tides decide everything here."),
                ("Brandt", "'The pier will reopen in June'"),
            ]
        );
    }

    #[test]
    fn section_words_times_and_sentences_are_no_labels() {
        let text = "Photo: The pier at low tide, seen from the ferry.\n\
                    Read More: Ferries return to the harbour next week.\n\
                    At 10:30 the ferry left the harbour without passengers.\n\
                    The harbour master said one thing: the pier stays shut.\n\
                    Brandt: yes, no, maybe later.\n\
                    Crew: Ann Roe, Tom Hale, Ines Varga, Marta Quillon, Oskar Brandt.\n";
        assert!(pieces(text).is_empty(), "{:?}", pieces(text));
    }
}
