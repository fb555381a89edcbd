//! Entities: one name per channel across a story, and speakers that are names.
//!
//! The documents of a story name one channel in many ways: "the ministry's readout", "a
//! ministry account of the talks", "Ruritania's version", "Ruritanian state media". Each
//! channel phrase is reduced to its key: the capitalised words that name an institution
//! ("Interior Ministry"), else the words that stand for a country (its name, demonym, capital,
//! seat of government or state media, from the gazetteer). Within one country, keys that only
//! stand for the country ("Ruritanian", the capital's name) join the story's most cited key
//! of that country that names a specific outlet or seat (an acronym or an outlet the registry
//! knows), else its most cited key. Every quote's channel is then that key's name, and the
//! phrase as written is kept beside it.
//!
//! A speaker must be a name: capitalised words (with "of", "the", "and" and the like between
//! them, and "at" before a name: "the union at Keldsen Mills"), or a group or role noun after
//! capitalised words ("Ruritanian officials"). A clause taken for a subject ("Ruritania has
//! long"), a lone adjective of nationality, or a writing ("customs data") is no speaker; the
//! quote keeps its channel. A group placed by a preposition ("Residents near the plant") is
//! the group.

use crate::lexicon::WordList;
use std::collections::HashMap;

use super::lexicon::{
    country_of, is_in, GROUP_NOUNS, ORGANISATION_WORDS, PLURAL_ROLES, ROLES, TITLES,
};
use crate::model::Quote;
use crate::outlets::registry;

/// Words that make a phrase a clause rather than a name: auxiliaries and the words that
/// join clauses.
static CLAUSE_WORDS: WordList = WordList::new(&[
    "has", "have", "had", "is", "are", "was", "were", "be", "been", "will", "would", "can",
    "could", "should", "may", "might", "must", "did", "does", "do", "not", "to", "that", "which",
    "who", "on", "in", "at", "with", "by", "after", "before", "while", "when",
]);

/// Endings of adjectives of nationality ("Ruritanian", "Freedonese").
const DEMONYM_ENDINGS: &[&str] = &["an", "ese", "ish", "ian", "i"];

/// Offices written before a name that the attribution lexicon does not list as titles.
static OFFICES: WordList =
    WordList::new(&["sheriff", "marshal", "coroner", "superintendent", "warden"]);

/// Words that open a phrase without being part of a channel's name.
static LEADING_WORDS: WordList = WordList::new(&[
    "the", "a", "an", "its", "their", "his", "her", "separate", "official", "latest",
]);

/// Sets every quote's channel to its canonical name for the story, keeping the phrase as
/// written in `channel_written`, drops speakers that are not names, and gives each person one
/// name (keeping the one written in `speaker_written`).
pub fn canonicalize(quotes: &mut [Quote]) {
    let attributed: Vec<Option<String>> = quotes.iter().map(|q| q.speaker.clone()).collect();
    let keys: Vec<Option<ChannelKey>> = quotes
        .iter()
        .map(|q| q.channel.as_deref().and_then(channel_key))
        .collect();
    let names = canonical_names(&keys);
    for (q, key) in quotes.iter_mut().zip(&keys) {
        if let Some(key) = key {
            if let Some(name) = names.get(&key.key) {
                if q.channel.as_deref() != Some(name.as_str()) {
                    q.channel_written = q.channel.take();
                    q.channel = Some(name.clone());
                }
            }
        }
        if let Some(s) = q.speaker.as_deref().filter(|s| !is_name(s)) {
            q.speaker = owned_institution(s, q.speaker_written.as_deref())
                .or_else(|| named_instead(s, q.channel.as_deref()))
                .or_else(|| head_before_place(s));
        }
    }
    canonical_speakers(quotes);
    // A speaker renamed here keeps the name the sentence wrote in `speaker_written`.
    for (q, before) in quotes.iter_mut().zip(attributed) {
        if q.speaker_written.is_none() && before.is_some() && q.speaker != before {
            q.speaker_written = before;
        }
    }
}

/// The words of a speaker phrase before a preposition that says where it is, when they read
/// as a name: "Residents near the plant" is residents.
fn head_before_place(speaker: &str) -> Option<String> {
    let words: Vec<&str> = speaker.split_whitespace().collect();
    let at = words
        .iter()
        .position(|w| is_in(&crate::lexicon::PLACE_PREPOSITIONS, &w.to_lowercase()))
        .filter(|&at| at > 0)?;
    Some(words.get(..at)?.join(" ")).filter(|head| is_name(head))
}

/// A bare organisation noun ("office") whose sentence writes its owner before it ("The mayor's
/// office", "the county's health department"): the phrase as written, its article in lower case.
fn owned_institution(speaker: &str, written: Option<&str>) -> Option<String> {
    let lower = speaker.trim().to_lowercase();
    if lower.contains(' ') || !is_in(&ORGANISATION_WORDS, &lower) {
        return None;
    }
    let written = written?.trim();
    let words: Vec<&str> = written.split_whitespace().collect();
    let owner = words.iter().rev().nth(1)?;
    let owned = words.len() <= 5
        && bare(words.last()?).to_lowercase() == lower
        && (owner.ends_with("'s") || owner.ends_with("’s"));
    if !owned {
        return None;
    }
    Some(match words.first().copied().unwrap_or_default() {
        "The" => format!("the{}", written.get(3..).unwrap_or("")),
        _ => written.to_string(),
    })
}

/// What stands for a speaker that is not a name: a bare organisation noun becomes a reference
/// ("ministry" is "the ministry"); a fragment ("Ruritania's") gives way to the organisation
/// whose channel carried the words, when that is a name; else no speaker.
fn named_instead(speaker: &str, channel: Option<&str>) -> Option<String> {
    let lower = speaker.trim().to_lowercase();
    if !lower.contains(' ') && is_in(&ORGANISATION_WORDS, &lower) {
        return Some(format!("the {lower}"));
    }
    channel
        .filter(|c| is_name(c))
        .filter(|c| {
            c.split_whitespace()
                .last()
                .is_some_and(|w| is_in(&ORGANISATION_WORDS, &bare(w).to_lowercase()))
        })
        .map(str::to_string)
}

/// A speaker's name without the titles and roles written before it ("County Sheriff Ann Lee"
/// is Ann Lee), when a name of its own follows them.
fn without_titles(speaker: &str) -> &str {
    let words: Vec<(usize, &str)> = speaker
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - speaker.as_ptr() as usize, w))
        .collect();
    let last_title = words.iter().rposition(|(_, w)| {
        let lower = bare(w).to_lowercase();
        is_in(&TITLES, &lower) || is_in(&ROLES, &lower) || is_in(&OFFICES, &lower)
    });
    // The rest must be a name of its own: capitalised words only ("Secretary of State Ann
    // Lee" keeps its office, whose name runs on with "of"), and no organisation's word
    // ("Kessel General Hospital" is the hospital's name) unless a given name opens it ("Judge
    // Margaret Court").
    let a_name = |t: usize| {
        words.iter().skip(t + 1).all(|(_, w)| capitalised(w))
            && !super::people::organisation_after_title(
                words.iter().skip(t + 1).map(|(_, w)| bare(w)),
            )
    };
    match last_title {
        Some(t) if t + 1 < words.len() && a_name(t) => words
            .get(t + 1)
            .and_then(|&(at, _)| speaker.get(at..))
            .unwrap_or(speaker),
        _ => speaker,
    }
}

/// One name per person across the story: titles before a name dropped, and a surname used
/// alone ("Lee") written as the one full name of the story that ends with it ("Ann Lee"), or,
/// when none ends with it, a given name used alone as the one full name opening with it.
fn canonical_speakers(quotes: &mut [Quote]) {
    for q in quotes.iter_mut() {
        if let Some(s) = q.speaker.as_deref() {
            let bare_name = without_titles(s);
            if bare_name.len() < s.len() {
                q.speaker = Some(bare_name.to_string());
            }
        }
    }
    let mut full: Vec<&str> = Vec::new();
    for q in quotes.iter() {
        if let Some(s) = q.speaker.as_deref() {
            // Two people speaking together ("Tom Brandt and Ann Lee") are no one's full name.
            let pair = s.split_whitespace().any(|w| matches!(w, "and" | "&"));
            if s.split_whitespace().count() > 1 && !pair && !full.contains(&s) {
                full.push(s);
            }
        }
    }
    let mut rename: HashMap<String, String> = HashMap::new();
    for q in quotes.iter() {
        let Some(s) = q.speaker.as_deref() else {
            continue;
        };
        if s.split_whitespace().count() != 1 || rename.contains_key(s) {
            continue;
        }
        let ending: Vec<&&str> = full
            .iter()
            .filter(|f| f.split_whitespace().last() == Some(s))
            .collect();
        // Where names go by the given name ("Siti" for "Siti Rahmah Aziz"), the one full name
        // opening with it, when no full name ends with it.
        let opening: Vec<&&str> = full
            .iter()
            .filter(|f| f.split_whitespace().next() == Some(s))
            .collect();
        match (&ending[..], &opening[..]) {
            ([one], _) | ([], [one]) => {
                rename.insert(s.to_string(), one.to_string());
            }
            _ => {}
        }
    }
    for q in quotes.iter_mut() {
        if let Some(name) = q.speaker.as_deref().and_then(|s| rename.get(s)) {
            q.speaker = Some(name.clone());
        }
    }
}

/// What a channel phrase is reduced to.
#[derive(Debug, Clone, PartialEq, Eq)]
struct ChannelKey {
    /// The key: the institution's capitalised words, or the country words.
    key: String,
    /// The name to show for the key, as the phrase writes it.
    shown: String,
    /// The country it belongs to, when the gazetteer knows it.
    country: Option<&'static str>,
    /// It stands only for a country (no institution words, no specific outlet).
    generic: bool,
}

/// A word without surrounding punctuation or a possessive ending.
fn bare(word: &str) -> &str {
    let w = word.trim_matches(|c: char| !(c.is_alphanumeric() || c == '&' || c == '-'));
    w.strip_suffix("’s")
        .or_else(|| w.strip_suffix("'s"))
        .unwrap_or(w)
        .trim_end_matches(['’', '\''])
}

fn capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

fn all_caps(word: &str) -> bool {
    word.len() >= 2 && word.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// The key of a channel phrase, or None when it holds no capitalised word.
fn channel_key(phrase: &str) -> Option<ChannelKey> {
    // An account ("@harbour_office") is its own key, written with its `@`.
    if let Some(handle) = phrase.strip_prefix('@') {
        if !handle.is_empty() && handle.chars().all(|c| c.is_alphanumeric() || c == '_') {
            return Some(ChannelKey {
                key: phrase.to_lowercase(),
                shown: phrase.to_string(),
                country: None,
                generic: false,
            });
        }
    }
    let written: Vec<&str> = phrase
        .split_whitespace()
        .filter(|w| !bare(w).is_empty())
        .collect();
    let words: Vec<&str> = written.iter().map(|w| bare(w)).collect();
    let is_country_word = |w: &str| country_of(w).is_some();
    // The longest run of capitalised words that are not country words: the institution.
    let mut best: Vec<&str> = Vec::new();
    let mut best_end = 0;
    let mut run: Vec<&str> = Vec::new();
    for (i, w) in words.iter().enumerate() {
        if capitalised(w) && !is_country_word(w) && !is_in(&LEADING_WORDS, &w.to_lowercase()) {
            run.push(w);
        } else {
            if run.len() > best.len() {
                best = std::mem::take(&mut run);
                best_end = i;
            }
            run.clear();
        }
    }
    if run.len() > best.len() {
        best = run;
        best_end = words.len();
    }
    let country = country_of(phrase);
    if !best.is_empty() {
        // "Norvik's statistics office" and "Norvik statistics office" are one key, shown as
        // written.
        let (institution, written_name) =
            match organisation_after(&written, &words, best.len(), best_end) {
                Some((key, named)) => (key, Some(named)),
                None => (best.join(" "), None),
            };
        // Shown with the country's possessive when the phrase gives it ("Ruritania's Interior
        // Ministry").
        let shown = written_name
            .or_else(|| shown_with_owner(phrase, &institution))
            .unwrap_or_else(|| institution.clone());
        return Some(ChannelKey {
            key: institution.to_lowercase(),
            shown,
            country,
            generic: false,
        });
    }
    let country_word = words
        .iter()
        .find(|w| capitalised(w) && is_country_word(w))?;
    let specific = all_caps(country_word) || registry().by_name(country_word).is_some();
    Some(ChannelKey {
        key: country_word.to_lowercase(),
        shown: country_word.to_string(),
        country,
        generic: !specific,
    })
}

/// Most plain words between a name and the organisation word it qualifies ("Port Ellis harbour
/// authority").
const MAX_PLAIN_BEFORE_ORGANISATION: usize = 2;

/// The institution a capitalised run names together with the plain words and organisation word
/// after it: "Port Ellis harbour authority", "Norvik's statistics office" (the run
/// `words[end - len..end]` alone would name the place or the owner, not the institution). Its
/// key is read from the bare words (a possessive's mark and its apostrophe aside), its name as
/// written.
fn organisation_after(
    written: &[&str],
    words: &[&str],
    len: usize,
    end: usize,
) -> Option<(String, String)> {
    let after = words.get(end..)?;
    let offset = after
        .iter()
        .take(MAX_PLAIN_BEFORE_ORGANISATION + 1)
        .take_while(|w| !capitalised(w))
        .position(|w| is_in(&ORGANISATION_WORDS, &w.to_lowercase()))?;
    let span = end.checked_sub(len)?..end + offset + 1;
    let key = words.get(span.clone())?.join(" ");
    let mut named: Vec<&str> = written.get(span.start..span.end - 1)?.to_vec();
    named.push(after.get(offset)?);
    Some((key, named.join(" ")))
}

/// "Ruritania's Interior Ministry" when the phrase puts a possessive country word right
/// before the institution's words.
fn shown_with_owner(phrase: &str, institution: &str) -> Option<String> {
    let at = phrase.find(institution)?;
    let before = phrase.get(..at).unwrap_or("").trim_end();
    let owner = before.split_whitespace().last()?;
    let possessive = owner.ends_with("’s") || owner.ends_with("'s");
    (possessive && country_of(bare(owner)).is_some()).then(|| format!("{owner} {institution}"))
}

/// The name each key is shown under: generic country keys folded into their country's most
/// cited specific key (else its most cited key), every other key under its own most common
/// written form.
fn canonical_names(keys: &[Option<ChannelKey>]) -> HashMap<String, String> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    let mut shown: HashMap<&str, HashMap<&str, usize>> = HashMap::new();
    for k in keys.iter().flatten() {
        *counts.entry(k.key.as_str()).or_default() += 1;
        *shown
            .entry(k.key.as_str())
            .or_default()
            .entry(k.shown.as_str())
            .or_default() += 1;
    }
    let name_of = |key: &str| -> String {
        shown
            .get(key)
            .and_then(|forms| {
                forms
                    .iter()
                    .max_by_key(|&(form, n)| (*n, std::cmp::Reverse(form.len()), *form))
                    .map(|(form, _)| form.to_string())
            })
            .unwrap_or_else(|| key.to_string())
    };
    // Each country's most cited specific key, and its most cited key of any kind.
    let mut leaders: HashMap<&str, (&str, usize, bool)> = HashMap::new();
    for k in keys.iter().flatten() {
        let Some(country) = k.country else { continue };
        let n = counts.get(k.key.as_str()).copied().unwrap_or(0);
        let specific = !k.generic;
        let entry = leaders
            .entry(country)
            .or_insert((k.key.as_str(), n, specific));
        let better = (specific, n, std::cmp::Reverse(k.key.as_str()))
            > (entry.2, entry.1, std::cmp::Reverse(entry.0));
        if better {
            *entry = (k.key.as_str(), n, specific);
        }
    }
    let mut names = HashMap::new();
    for k in keys.iter().flatten() {
        let target = match (k.generic, k.country) {
            (true, Some(country)) => leaders
                .get(country)
                .map_or(k.key.as_str(), |&(key, _, _)| key),
            _ => k.key.as_str(),
        };
        names
            .entry(k.key.clone())
            .or_insert_with(|| name_of(target));
    }
    names
}

/// Words after a person noun that describe a source the story does not name ("a person
/// familiar with the talks", "two officials briefed on the case").
static SOURCE_DESCRIPTIONS: WordList =
    WordList::new(&["briefed", "close", "familiar", "involved", "knowledgeable"]);

/// Nouns for someone a story quotes without a name.
static SOURCE_NOUNS: WordList = WordList::new(&["person", "people", "source", "sources"]);

/// True for a source described without a name: perhaps an article or a number, a person noun
/// perhaps after one qualifying word, and a word of familiarity ("a person familiar with the
/// investigation", "people familiar with the matter", "two senior officials briefed on it").
fn is_unnamed_source(words: &[&str]) -> bool {
    let lower: Vec<String> = words.iter().take(4).map(|w| w.to_lowercase()).collect();
    let opens = |w: &str| {
        matches!(w, "a" | "an" | "one" | "two" | "three" | "several")
            || w.chars().all(|c| c.is_ascii_digit())
    };
    let person = |w: &str| {
        is_in(&SOURCE_NOUNS, w)
            || is_in(&GROUP_NOUNS, w)
            || is_in(&ROLES, w)
            || is_in(&PLURAL_ROLES, w)
    };
    let skip = usize::from(lower.first().is_some_and(|w| opens(w)));
    // The person noun, right away or after one qualifying word, then the description.
    (skip..(skip + 2).min(lower.len())).any(|n| {
        lower.get(n).is_some_and(|w| person(w))
            && lower
                .get(n + 1)
                .is_some_and(|w| is_in(&SOURCE_DESCRIPTIONS, w))
            && lower
                .get(skip..n)
                .is_some_and(|between| between.iter().all(|w| !crate::terms::is_stopword(w)))
    })
}

/// True when a speaker reads as a name: it ends in a capitalised word or in a role, group or
/// organisation noun ("police", "the spokesman", "Ruritania's transport ministry", a group with
/// a qualifier, "federal prosecutors"), and holds no auxiliary, adverb or clause word before that
/// ("Ruritania has long"), though "at" may stand before a name ("the union at Keldsen Mills");
/// a lone adjective of nationality is no name. A source described
/// without a name ("a person familiar with the talks") is one too.
pub(crate) fn is_name(speaker: &str) -> bool {
    let words: Vec<&str> = speaker
        .split_whitespace()
        .map(bare)
        .filter(|w| !w.is_empty())
        .collect();
    if is_unnamed_source(&words) {
        return true;
    }
    let (Some(first), Some(&last_word)) = (words.first(), words.last()) else {
        return false;
    };
    let last = words.len() - 1;
    let role = |w: &str| {
        let lower = w.to_lowercase();
        is_in(&GROUP_NOUNS, &lower)
            || is_in(&PLURAL_ROLES, &lower)
            || is_in(&ROLES, &lower)
            || is_in(&ORGANISATION_WORDS, &lower)
    };
    if !words.iter().any(|w| capitalised(w) || role(w)) {
        return false;
    }
    let lower_last = last_word.to_lowercase();
    // An adjective needs its noun: "North Ruritanian".
    let tail = words
        .get(last.saturating_sub(1)..)
        .unwrap_or_default()
        .join(" ");
    let demonym = (country_of(last_word).is_some() || country_of(&tail).is_some())
        && DEMONYM_ENDINGS.iter().any(|e| lower_last.ends_with(e))
        && registry().by_name(last_word).is_none();
    // Without a capitalised word, a plural group ("police", "officials"), or a role after an
    // article ("the spokesman"); a bare "ministry" names no one.
    let lower_only = !words.iter().any(|w| capitalised(w));
    let lower_ok = !lower_only
        || is_in(&GROUP_NOUNS, &lower_last)
        || is_in(&PLURAL_ROLES, &lower_last)
        || (words.len() > 1 && matches!(first.to_lowercase().as_str(), "the" | "a" | "an"));
    // "federal prosecutors", "senior officials", "his former colleagues": a word qualifying a
    // plural group, perhaps after an owner's determiner.
    let owner = usize::from(matches!(
        first.to_lowercase().as_str(),
        "his" | "her" | "their" | "its" | "our"
    ));
    let qualified_group = lower_only
        && words.len() <= 3 + owner
        && (is_in(&GROUP_NOUNS, &lower_last) || is_in(&PLURAL_ROLES, &lower_last))
        && words
            .iter()
            .take(last)
            .skip(owner)
            .all(|w| !crate::terms::is_stopword(&w.to_lowercase()));
    let first_ok = capitalised(first)
        || first.chars().next().is_some_and(|c| c.is_ascii_digit())
        || matches!(first.to_lowercase().as_str(), "the" | "a" | "an")
        || role(first)
        || qualified_group;
    let ends_as_a_name =
        (capitalised(last_word) || role(last_word)) && !demonym && lower_ok && first_ok;
    ends_as_a_name
        && words.iter().enumerate().all(|(i, w)| {
            let lower = w.to_lowercase();
            capitalised(w)
                || w.chars().next().is_some_and(|c| c.is_ascii_digit())
                || (i == 0 && matches!(lower.as_str(), "the" | "a" | "an"))
                || (i < last && !is_in(&CLAUSE_WORDS, &lower) && !lower.ends_with("ly"))
                // "the union at Keldsen Mills": "at" before a name says where it belongs.
                || (lower == "at" && i > 0 && words.get(i + 1).is_some_and(|w| capitalised(w)))
                || (i == last && role(w))
        })
}

#[cfg(test)]
// A test reads what it expects by index: a panic there is the test failing.
#[allow(clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::model::QuoteKind;

    fn quote(speaker: Option<&str>, channel: Option<&str>) -> Quote {
        Quote {
            doc: "d".into(),
            span: crate::model::Span::clamped(0, 1),
            text: "x".into(),
            kind: QuoteKind::Indirect,
            speaker: speaker.map(str::to_string),
            speaker_written: None,
            cue: None,
            channel: channel.map(str::to_string),
            channel_written: None,
            rule: String::new(),
        }
    }

    #[test]
    fn a_surname_takes_the_full_name_even_beside_a_pair_of_speakers() {
        let mut quotes = vec![
            quote(Some("Duarte"), None),
            quote(Some("Ines Duarte"), None),
            quote(Some("Tom Brandt and Ines Duarte"), None),
        ];
        canonicalize(&mut quotes);
        assert_eq!(quotes[0].speaker.as_deref(), Some("Ines Duarte"));
        assert_eq!(
            quotes[2].speaker.as_deref(),
            Some("Tom Brandt and Ines Duarte")
        );
    }

    #[test]
    fn one_name_per_channel_across_its_phrasings() {
        let mut quotes = vec![
            quote(Some("Ann Lee"), Some("the Élysée readout")),
            quote(Some("Ann Lee"), Some("an Élysée account of the talks")),
            quote(Some("Ann Lee"), Some("Paris's version")),
            quote(Some("Ann Lee"), Some("French statement")),
            quote(Some("Bo Chen"), Some("Japanese public broadcaster NHK")),
            quote(Some("Bo Chen"), Some("the NHK report")),
            quote(Some("Bo Chen"), Some("Japanese state media")),
            quote(Some("Bo Chen"), Some("Japan's Foreign Ministry")),
        ];
        canonicalize(&mut quotes);
        let channels: Vec<&str> = quotes.iter().filter_map(|q| q.channel.as_deref()).collect();
        assert_eq!(
            channels,
            [
                "Élysée",
                "Élysée",
                "Élysée",
                "Élysée",
                "NHK",
                "NHK",
                "NHK",
                "Japan's Foreign Ministry"
            ]
        );
        assert_eq!(
            quotes[2].channel_written.as_deref(),
            Some("Paris's version")
        );
    }

    #[test]
    fn two_outlets_of_one_country_stay_apart() {
        let mut quotes = vec![
            quote(None, Some("TASS")),
            quote(None, Some("the Interfax report")),
            quote(None, Some("Russian state media")),
            quote(None, Some("Interfax")),
        ];
        canonicalize(&mut quotes);
        let channels: Vec<&str> = quotes.iter().filter_map(|q| q.channel.as_deref()).collect();
        assert_eq!(channels, ["TASS", "Interfax", "Interfax", "Interfax"]);
    }

    #[test]
    fn one_name_per_person() {
        let mut quotes = vec![
            quote(Some("Harbour Chief Ann Lee"), None),
            quote(Some("Lee"), None),
            quote(Some("Lee"), Some("the port's statement")),
            quote(Some("Bo Chen"), None),
            quote(Some("Chen"), None),
            quote(Some("Dee Chen"), None),
            quote(Some("Secretary of State Jo Park"), None),
        ];
        canonicalize(&mut quotes);
        let speakers: Vec<&str> = quotes.iter().filter_map(|q| q.speaker.as_deref()).collect();
        // Two people of the story are called Chen: the surname alone stays as written. An office
        // whose name runs on with "of" stays before the name.
        assert_eq!(
            speakers,
            [
                "Ann Lee",
                "Ann Lee",
                "Ann Lee",
                "Bo Chen",
                "Chen",
                "Dee Chen",
                "Secretary of State Jo Park"
            ]
        );
    }

    #[test]
    fn a_given_name_alone_is_the_one_full_name_opening_with_it() {
        let mut quotes = vec![
            quote(Some("Siti Rahmah Aziz"), None),
            quote(Some("Siti"), None),
            quote(Some("Tom Lee"), None),
            quote(Some("Tom Ray"), None),
            quote(Some("Tom"), None),
        ];
        canonicalize(&mut quotes);
        let speakers: Vec<&str> = quotes.iter().filter_map(|q| q.speaker.as_deref()).collect();
        // Two full names open with "Tom": it stays as written.
        assert_eq!(
            speakers,
            [
                "Siti Rahmah Aziz",
                "Siti Rahmah Aziz",
                "Tom Lee",
                "Tom Ray",
                "Tom"
            ]
        );
    }

    #[test]
    fn speakers_must_be_names() {
        for name in [
            "Ann Lee",
            "The Daily Bugle",
            "Ruth Bader Ginsburg",
            "Bank of England",
            "US officials",
            "Élysée",
            "Charles de Gaulle",
            "Ruritania's transport ministry",
            "the spokesman",
            "police",
            "federal prosecutors",
            "a person familiar with the inquiry",
            "people familiar with the matter",
            "two senior officials briefed on the talks",
            "his former colleagues",
            "her relatives",
        ] {
            assert!(is_name(name), "{name}");
        }
        for not_a_name in [
            "China has consistently",
            "Officials have repeatedly urged the council to reconsider its",
            "Russian",
            "Chinese customs data",
            "North Korean",
            "ministry",
            "of police",
            "a person said",
            "his own",
            "their long",
            "",
        ] {
            assert!(!is_name(not_a_name), "{not_a_name}");
        }
        let mut quotes = vec![
            quote(Some("Ruritania has long"), Some("the Ruritanian readout")),
            quote(Some("ministry"), None),
            quote(
                Some("Ruritania has long"),
                Some("Ruritania’s Weather Agency"),
            ),
        ];
        canonicalize(&mut quotes);
        assert_eq!(quotes[0].speaker, None);
        assert!(quotes[0].channel.is_some());
        assert_eq!(quotes[1].speaker.as_deref(), Some("the ministry"));
        assert_eq!(
            quotes[2].speaker.as_deref(),
            Some("Ruritania Weather Agency")
        );
    }
}
