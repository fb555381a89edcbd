//! Acronyms: the full names a document's acronyms stand for.
//!
//! An acronym used in a document ("HRCA", "PBO") stands for a capitalised run of the same
//! document whose initials spell it ("Harbours, Rivers and Coastal Agency",
//! "Provincial Bridge Office"), with function words and commas allowed between the words.
//! A speaker named by the acronym is then named in full.

use std::collections::{HashMap, HashSet};

use super::tokens::{Tok, TokenAt};

/// Shortest and longest acronym, in letters.
const ACRONYM_LETTERS: std::ops::RangeInclusive<usize> = 2..=6;
/// Longest full name, in words.
const MAX_NAME_WORDS: usize = 9;
/// Words that may stand between a full name's capitalised words without an initial.
const LINKS: &[&str] = &["and", "for", "of", "on", "the", "&"];

/// True for a token written in capitals only, of acronym length ("HRCA").
fn is_acronym(t: &Tok) -> bool {
    ACRONYM_LETTERS.contains(&t.base.chars().count())
        && t.base.chars().all(|c| c.is_ascii_uppercase())
}

/// Each acronym of the document mapped to the first capitalised run whose initials spell it.
pub(crate) fn expansions(text: &str, toks: &[Tok]) -> HashMap<String, String> {
    let used: HashSet<&str> = toks
        .iter()
        .filter(|t| is_acronym(t))
        .map(|t| t.base)
        .collect();
    let mut out = HashMap::new();
    if used.is_empty() {
        return out;
    }
    for i in 0..toks.len() {
        if !toks.at(i).cap || is_acronym(toks.at(i)) || toks.at(i).in_quote {
            continue;
        }
        let mut initials = String::new();
        let mut words = 0;
        for j in i..toks.len().min(i + MAX_NAME_WORDS) {
            let t = toks.at(j);
            if j > i
                && !toks
                    .at(j - 1)
                    .gap_after
                    .chars()
                    .all(|c| c == ' ' || c == ',')
            {
                break;
            }
            if t.cap && !is_acronym(t) {
                initials.extend(t.base.chars().next().map(|c| c.to_ascii_uppercase()));
                words += 1;
            } else if !LINKS.contains(&t.lower.as_str()) {
                break;
            }
            if words >= 2 && t.cap && used.contains(initials.as_str()) {
                out.entry(initials.clone())
                    .or_insert_with(|| text.get(toks.at(i).start..t.end).unwrap_or("").to_string());
            }
        }
    }
    out
}

/// The full name of a speaker named by an acronym ("the HRCA"), if the document spells it out.
pub(crate) fn expand(speaker: &str, names: &HashMap<String, String>) -> Option<String> {
    let bare = speaker
        .strip_prefix("the ")
        .or_else(|| speaker.strip_prefix("The "))
        .unwrap_or(speaker);
    names.get(bare).cloned()
}
