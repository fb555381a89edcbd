//! Outlets: the registry of news outlets (`data/outlets.tsv`) and how a page's outlet is named
//! when its metadata does not say.
//!
//! A page names its outlet in several ways, tried in this order: the input's own metadata (a
//! JSONL record's `outlet`), the HTML site name, the URL's host when the registry knows it, a
//! dateline ("SPRINGFIELD (Daily Bugle) —", "(Reuters) -"), a credit line above the article
//! ("Bloomberg"), a copyright line ("Copyright 2019 by WXYZ", or a holder reading as a
//! newspaper's or a station's name: "Copyright 2026 Norvik TV"), a contributor line
//! ("Associated Press writers … contributed"), a masthead line the page names again ("Norvik
//! Gazette") or that opens the page ("The Kessel Herald"), and last the URL's host as it is. A name the registry knows
//! is written as the registry writes it, and the clue that gave it is kept with its span, so
//! the report can show why a page is credited to an outlet. A mention inside a sentence ("she
//! told CNN") is never taken: only these positions name the page's own outlet.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

/// One outlet of the registry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outlet {
    /// The name as the outlet writes it.
    pub name: String,
    /// ISO 3166-1 alpha-2 code of its home country.
    pub country: String,
    /// A news agency whose copy other outlets republish.
    pub wire: bool,
    /// State-owned or state-controlled.
    pub state: bool,
}

/// The outlets Parallax knows by name, alias and web domain.
#[derive(Debug, Default)]
pub struct Registry {
    outlets: Vec<Outlet>,
    by_name: HashMap<String, usize>,
    by_domain: HashMap<String, usize>,
}

/// The registry file, compiled in.
const REGISTRY_TSV: &str = include_str!("../data/outlets.tsv");

impl Registry {
    /// Reads a registry from its tab-separated form (`name aliases domains country wire state`,
    /// `#` comments, a header line); malformed lines are skipped.
    pub fn parse(tsv: &str) -> Registry {
        let mut registry = Registry::default();
        let mut lines = tsv
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'));
        let _header = lines.next();
        for line in lines {
            let fields: Vec<&str> = line.split('\t').map(str::trim).collect();
            let [name, aliases, domains, country, wire, state] = fields[..] else {
                continue;
            };
            if name.is_empty() {
                continue;
            }
            let at = registry.outlets.len();
            registry.outlets.push(Outlet {
                name: name.to_string(),
                country: country.to_string(),
                wire: wire == "yes",
                state: state == "yes",
            });
            for alias in std::iter::once(name).chain(aliases.split(';')) {
                let key = name_key(alias);
                if !key.is_empty() {
                    registry.by_name.entry(key).or_insert(at);
                }
            }
            for domain in domains.split(';').map(str::trim).filter(|d| !d.is_empty()) {
                registry
                    .by_domain
                    .entry(domain.to_ascii_lowercase())
                    .or_insert(at);
            }
        }
        registry
    }

    /// The outlet a name or alias stands for, whatever its case ("REUTERS", "the AP").
    pub(crate) fn by_name(&self, name: &str) -> Option<&Outlet> {
        let key = name_key(name);
        self.by_name
            .get(&key)
            .or_else(|| key.strip_prefix("the ").and_then(|k| self.by_name.get(k)))
            .map(|&i| &self.outlets[i])
    }

    /// The outlet whose domain a host belongs to ("edition.example.com" under "example.com").
    pub(crate) fn by_host(&self, host: &str) -> Option<&Outlet> {
        let host = host.trim_end_matches('.').to_ascii_lowercase();
        let mut rest = host.as_str();
        loop {
            if let Some(&i) = self.by_domain.get(rest) {
                return Some(&self.outlets[i]);
            }
            rest = rest.split_once('.')?.1;
            if !rest.contains('.') {
                return None;
            }
        }
    }

    /// How many outlets it holds.
    pub fn len(&self) -> usize {
        self.outlets.len()
    }

    /// True when it holds none.
    pub fn is_empty(&self) -> bool {
        self.outlets.is_empty()
    }
}

/// The compiled-in registry.
pub fn registry() -> &'static Registry {
    static REGISTRY: OnceLock<Registry> = OnceLock::new();
    REGISTRY.get_or_init(|| Registry::parse(REGISTRY_TSV))
}

/// A name as the registry looks it up: lower case, curly apostrophes straightened, inner
/// spaces single, trailing dots and commas dropped.
fn name_key(name: &str) -> String {
    name.replace(['’', '‘'], "'")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_end_matches(['.', ','])
        .to_lowercase()
}

/// What named a page's outlet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum OutletClue {
    /// The input's own metadata.
    Given,
    /// The HTML page's site name.
    SiteName,
    /// The site's name after the headline in the HTML page's title ("… | Norvik Gazette").
    PageTitle,
    /// The page's URL.
    Url,
    /// A dateline opening the article.
    Dateline,
    /// A credit line above the article.
    Credit,
    /// A copyright line.
    Copyright,
    /// A line naming the outlet's contributing writers.
    Contributors,
    /// A byline that names the outlet after the author ("By Ann Roe, Daily Bugle").
    Byline,
    /// A masthead line above the article that the page names again below it.
    Masthead,
    /// The issuer a press release's heading names ("Norvik Foods - Press Release").
    ReleaseIssuer,
}

/// How a document's outlet was found: the clue, and the words as the page writes them with
/// their span in the document's `source_text` when the clue is in the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutletEvidence {
    /// What named it.
    pub clue: OutletClue,
    /// The words that named it, as written (a site name, a host, a dateline's name).
    pub text: String,
    /// Where those words are in `source_text`, when the clue is in the text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<usize>,
    /// One past their last byte.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<usize>,
}

/// What is known of a page for naming its outlet.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct PageClues<'a> {
    /// The input's own outlet field.
    pub given: Option<&'a str>,
    /// The HTML site name.
    pub site_name: Option<&'a str>,
    /// The site's name after the headline in the page's title: an HTML page's `<title>`, or a
    /// text page's first line when it is the title.
    pub title_site: Option<&'a str>,
    /// The URL's host.
    pub host: Option<&'a str>,
    /// The text cleaning started from (spans of the evidence point into it).
    pub source_text: &'a str,
    /// A bare credit line the cleaner found above the article.
    pub credit: Option<&'a str>,
}

/// The page's outlet, written as the registry writes it when it knows the name, with the
/// evidence; None when nothing names it.
pub(crate) fn name_outlet(page: &PageClues) -> Option<(String, OutletEvidence)> {
    let reg = registry();
    let known = |name: &str| reg.by_name(name).map(|o| o.name.clone());
    let plain = |clue: OutletClue, text: &str| OutletEvidence {
        clue,
        text: text.to_string(),
        start: None,
        end: None,
    };
    if let Some(given) = page.given.map(str::trim).filter(|g| !g.is_empty()) {
        let name = known(given).unwrap_or_else(|| given.to_string());
        return Some((name, plain(OutletClue::Given, given)));
    }
    if let Some(site) = page.site_name.map(str::trim).filter(|g| !g.is_empty()) {
        let name = known(site).unwrap_or_else(|| site.to_string());
        return Some((name, plain(OutletClue::SiteName, site)));
    }
    if let Some(o) = page.host.and_then(|h| reg.by_host(h)) {
        return Some((
            o.name.clone(),
            plain(OutletClue::Url, page.host.unwrap_or("")),
        ));
    }
    let text_clues = dateline(page.source_text)
        .or_else(|| {
            // A bare credit line counts when the registry knows the name: a lone
            // capitalised word above an article is as often a section label.
            page.credit
                .filter(|c| reg.by_name(c).is_some())
                .and_then(|c| find_line(page.source_text, c, OutletClue::Credit))
        })
        .or_else(|| byline(page.source_text))
        .or_else(|| copyright(page.source_text))
        .or_else(|| contributors(page.source_text))
        .or_else(|| masthead(page.source_text))
        .or_else(|| release_issuer(page.source_text));
    if let Some((start, end, clue)) = text_clues {
        let written = &page.source_text[start..end];
        let name = known(written).unwrap_or_else(|| written.to_string());
        let evidence = OutletEvidence {
            clue,
            text: written.to_string(),
            start: Some(start),
            end: Some(end),
        };
        return Some((name, evidence));
    }
    // The site's name after the headline in the page's title: the text's own clues first (a
    // wire's dateline on a site that republishes it).
    if let Some(site) = page.title_site.map(str::trim).filter(|g| !g.is_empty()) {
        let name = known(site).unwrap_or_else(|| site.to_string());
        return Some((name, plain(OutletClue::PageTitle, site)));
    }
    page.host
        .map(|h| (h.to_string(), plain(OutletClue::Url, h)))
}

/// Bytes of the text's start searched for a dateline.
const DATELINE_REACH: usize = 3000;

/// Lines of the text's start searched for a dateline (page chrome may come first).
const DATELINE_LINES: usize = 12;

/// Longest name in a dateline's parentheses, in bytes.
const MAX_NAME: usize = 40;

/// The outlet a dateline names: a line opening with an optional place in capitals and then a
/// name in parentheses ("SPRINGFIELD, Ill. (Daily Bugle) —", "(Reuters) -"). The name must be
/// one the registry knows, or be followed by a dash after a place in capitals (the full form
/// of a dateline), so a parenthesis that merely opens a sentence is not taken.
fn dateline(text: &str) -> Option<(usize, usize, OutletClue)> {
    for (start, line) in lines_with_starts(text).take(DATELINE_LINES) {
        if start > DATELINE_REACH {
            break;
        }
        let Some(open) = line.find('(') else {
            continue;
        };
        let place = line[..open].trim();
        if !place.is_empty() && !is_place_in_capitals(place) {
            continue;
        }
        let Some(close) = line[open..].find(')').map(|c| open + c) else {
            continue;
        };
        let name = &line[open + 1..close];
        if name.trim().is_empty() || name.len() > MAX_NAME || !starts_capitalised(name) {
            continue;
        }
        let after = line[close + 1..].trim_start();
        let dash = after.starts_with(['-', '–', '—']);
        let known = registry().by_name(name).is_some();
        if known || (dash && !place.is_empty() && !after.is_empty()) {
            return Some((start + open + 1, start + close, OutletClue::Dateline));
        }
    }
    None
}

/// True for a dateline's place: words in capitals, with commas, dots, slashes and hyphens, and
/// at most one trailing region in title case ("PARIS", "KUALA LUMPUR, Malaysia", "AUSTIN, Texas"),
/// a wire's date after it or the region ("NORVIK, Dec 5", "KESSEL, Valmora, March 3").
fn is_place_in_capitals(place: &str) -> bool {
    let (city, rest) = place.split_once(',').unwrap_or((place, ""));
    let city_ok = city.len() <= 60
        && city.chars().any(char::is_alphabetic)
        && city
            .chars()
            .all(|c| c.is_uppercase() || c == ' ' || c == '.' || c == '/' || c == '-' || c == '\'');
    let region = match rest.rsplit_once(',') {
        Some((region, date)) if is_day_of_month(date) => region,
        _ if is_day_of_month(rest) => "",
        _ => rest,
    };
    let region_ok = region.len() <= 30
        && region
            .split_whitespace()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    city_ok && region_ok
}

/// True for a wire dateline's date: a month, written whole or shortened, and a day ("Dec 5",
/// "Dec. 5", "December 5").
fn is_day_of_month(text: &str) -> bool {
    let mut words = text.split_whitespace();
    let (Some(month), Some(day), None) = (words.next(), words.next(), words.next()) else {
        return false;
    };
    let month = month.trim_end_matches('.').to_lowercase();
    crate::date::month_of(&month).is_some()
        && day.parse::<u8>().is_ok_and(|d| (1..=31).contains(&d))
}

fn starts_capitalised(s: &str) -> bool {
    s.trim_start()
        .chars()
        .next()
        .is_some_and(char::is_uppercase)
}

/// The lines of `text` (each with its line break) and the byte each starts at.
fn lines_with_starts(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_inclusive('\n').scan(0, |start, line| {
        let at = *start;
        *start += line.len();
        Some((at, line))
    })
}

/// The span of a line holding exactly `content` near the start of the text.
fn find_line(text: &str, content: &str, clue: OutletClue) -> Option<(usize, usize, OutletClue)> {
    for (start, line) in lines_with_starts(text).take(DATELINE_LINES) {
        let trimmed = line.trim();
        if trimmed == content.trim() && !trimmed.is_empty() {
            let lead = line.len() - line.trim_start().len();
            return Some((start + lead, start + lead + trimmed.len(), clue));
        }
    }
    None
}

/// Longest byline searched for an outlet, in bytes.
const MAX_BYLINE: usize = 120;

/// The outlet a byline names after its author, when the registry knows it: "By Ann Roe,
/// Daily Bugle", "By Ann Roe | Daily Bugle".
fn byline(text: &str) -> Option<(usize, usize, OutletClue)> {
    for (start, line) in lines_with_starts(text).take(DATELINE_LINES) {
        let lead = line.len() - line.trim_start().len();
        let body = line.trim();
        if body.len() > MAX_BYLINE || !body.get(..3).is_some_and(|b| b.eq_ignore_ascii_case("by "))
        {
            continue;
        }
        // The parts after the author's name, last first.
        let mut cut = body.len();
        while let Some(at) = body[..cut].rfind([',', '|', '–', '—']) {
            let name = body[at..cut]
                .trim_start_matches([',', '|', '–', '—'])
                .trim();
            if registry().by_name(name).is_some() {
                let from = start + lead + body[..cut].rfind(name)?;
                return Some((from, from + name.len(), OutletClue::Byline));
            }
            cut = at;
        }
    }
    None
}

/// Longest line searched for a copyright or contributor clue, in bytes.
const MAX_CLUE_LINE: usize = 300;

/// The holder a copyright line names, when the registry knows it or it reads as a newspaper's
/// or a station's name ([`masthead_like`]): "Copyright 2019 by WXYZ - All rights reserved",
/// "© 2020 The Daily Bugle. All rights reserved.", "Copyright 2026 Harbour TV."
fn copyright(text: &str) -> Option<(usize, usize, OutletClue)> {
    for (start, line) in lines_with_starts(text) {
        if line.len() > MAX_CLUE_LINE {
            continue;
        }
        let lower = line.to_lowercase();
        let Some(at) = lower.find("copyright").or_else(|| lower.find('©')) else {
            continue;
        };
        // After the mark: an optional ©, a year, an optional "by", then the holder.
        let mut rest = &line[at..];
        rest = rest.trim_start_matches(|c: char| c.is_alphabetic() || c == '©' || c == ' ');
        rest = rest.trim_start_matches(|c: char| c.is_ascii_digit() || c == ' ' || c == '©');
        rest = rest.strip_prefix("by ").unwrap_or(rest).trim_start();
        let holder_end = [
            rest.find([',', '|', '\n']),
            rest.find(" - "),
            rest.find(". "),
        ]
        .into_iter()
        .flatten()
        .min()
        .unwrap_or(rest.len());
        let holder = rest[..holder_end].trim().trim_end_matches('.');
        if holder.is_empty() || (registry().by_name(holder).is_none() && !masthead_like(holder, 1))
        {
            continue;
        }
        let from = start + (line.len() - rest.len());
        return Some((from, from + holder.len(), OutletClue::Copyright));
    }
    None
}

/// Words from which the line under a page's first line is read as its article, not a headline.
const MASTHEAD_HEADLINE_WORDS: usize = 20;

/// Most words of a masthead the registry does not know ("Port Ellis Evening Courier").
const MAX_MASTHEAD_WORDS: usize = 5;

/// True when `name` reads as a newspaper's or a station's name the registry may not know: at
/// least `least` and at most [`MAX_MASTHEAD_WORDS`] capitalised words ("of", "the" and "&"
/// aside), the last a masthead word ("Norvik Gazette", "Harbour TV").
fn masthead_like(name: &str, least: usize) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    let Some(last) = words.last() else {
        return false;
    };
    (least..=MAX_MASTHEAD_WORDS).contains(&words.len())
        && words
            .iter()
            .all(|w| w.starts_with(|c: char| c.is_uppercase()) || matches!(*w, "of" | "the" | "&"))
        && crate::lexicon::is_in(&crate::lexicon::MASTHEAD_WORDS, &last.to_lowercase())
}

/// The outlet a masthead names: a line near the top of the page that holds only a name reading
/// as a newspaper's or a station's ([`masthead_like`], two words at least) and that the page
/// writes again inside a sentence below it ("Norvik Gazette" above the article, "told the
/// Norvik Gazette" in it), or writes without a closing "News" ("Harbour Radio News" above,
/// "told Harbour Radio" in it). A section label ("Local News") is not written so. The page's
/// first line is one named or not, over a line that is no sentence (its headline), unless it
/// ends in "News" after no station's name (not "Harbour TV News") or the page writes its words
/// in lower case. A place or a section after a bar ("Harbour TV News | Kessel") is left out;
/// with a station's name before "News", such a line names the outlet wherever it stands.
fn masthead(text: &str) -> Option<(usize, usize, OutletClue)> {
    for (start, line) in lines_with_starts(text).take(DATELINE_LINES) {
        // Where the rest of the page starts.
        let offset = start + line.len();
        // "Harbour TV News | Kessel": the name before a bar, with its place or section after.
        let name = line.trim();
        let name = name.split_once(" | ").map_or(name, |(n, _)| n.trim_end());
        if !masthead_like(name, 2) {
            continue;
        }
        let station = name
            .strip_suffix(" News")
            .filter(|station| masthead_like(station, 2));
        // The page's first line is its masthead, named again or not ("The Port Ellis
        // Herald" over the headline), unless it is a section's label: "… News", or words the
        // page writes in lower case ("Local Radio").
        // A headline in capitals opening the page ("Ann Lee Breaks Record") runs into its
        // article: a masthead stands over another line that is no sentence (the headline).
        let next_line = text
            .get(offset..)
            .and_then(|rest| rest.lines().find(|l| !l.trim().is_empty()))
            .unwrap_or("");
        let over_headline = !crate::segment::ends_like_sentence(next_line.trim())
            && next_line.split_whitespace().count() < MASTHEAD_HEADLINE_WORDS;
        let top = text
            .get(..start)
            .is_some_and(|above| above.trim().is_empty())
            && over_headline
            // (A station's name before "News" is no section's: "Harbour TV News".)
            && (!name.ends_with(" News") || station.is_some())
            && text
                .get(offset..)
                .is_some_and(|rest| !written_in_lower_case(rest, name));
        // "Harbour TV News | Kessel" under the headline: a station's name before "News" and a
        // bar is the page's header wherever it stands near the top.
        let station_header = station.is_some()
            && line.contains(" | ")
            && text
                .get(offset..)
                .is_some_and(|rest| !written_in_lower_case(rest, name));
        if top
            || station_header
            || text.get(offset..).is_some_and(|rest| {
                named_in_a_sentence(rest, name)
                    || station.is_some_and(|s| named_in_a_sentence(rest, s))
            })
        {
            let from = start + (line.len() - line.trim_start().len());
            return Some((from, from + name.len(), OutletClue::Masthead));
        }
    }
    None
}

/// Words that head a press release after or before its issuer's name, lower-cased.
const RELEASE_HEADINGS: &[&str] = &["press release", "news release", "media release"];

/// Most words of an issuer's name in a release's heading.
const MAX_ISSUER_WORDS: usize = 4;

/// The issuer a press release's heading names, in one of the page's first lines: "NAME - Press
/// Release", "NAME | News release", "Press release: NAME". The name is a few capitalised words
/// ("of", "the", "and", "&" aside).
fn release_issuer(text: &str) -> Option<(usize, usize, OutletClue)> {
    for (start, line) in lines_with_starts(text).take(DATELINE_LINES) {
        let trimmed = line.trim();
        let lead = line.len() - line.trim_start().len();
        let separators = [" - ", " – ", " — ", " | ", ": "];
        // (byte offset of the name in the line, the name)
        let found = RELEASE_HEADINGS.iter().find_map(|heading| {
            separators.iter().find_map(|sep| {
                let after = format!("{sep}{heading}");
                let cut = trimmed.len().checked_sub(after.len())?;
                if trimmed
                    .get(cut..)
                    .is_some_and(|end| end.eq_ignore_ascii_case(&after))
                {
                    return Some((0, trimmed.get(..cut)?));
                }
                let before = format!("{heading}{sep}");
                let rest = trimmed
                    .get(..before.len())
                    .filter(|head| head.eq_ignore_ascii_case(&before))
                    .and_then(|_| trimmed.get(before.len()..))?;
                let name = rest.trim_start();
                Some((trimmed.len() - name.len(), name))
            })
        });
        let Some((at, name)) = found else {
            continue;
        };
        let words: Vec<&str> = name.split_whitespace().collect();
        // A site's section ("Newsroom - Press Release") or a release's headline in title case
        // ("Press Release: Council Approves Pier Budget") is no issuer.
        let section = matches!(
            name.to_lowercase().as_str(),
            "newsroom" | "news" | "media" | "press" | "home" | "media centre" | "media center"
        );
        let named = (1..=MAX_ISSUER_WORDS).contains(&words.len())
            && !section
            && words.iter().all(|w| {
                w.starts_with(char::is_uppercase) || matches!(*w, "of" | "the" | "and" | "&")
            })
            // A verb inside the words ("Approves") makes them a headline.
            && !words.iter().rev().skip(1).any(|w| {
                w.ends_with('s') && crate::lower_case::mostly_lower_case(&w.to_lowercase())
            });
        if named {
            let from = start + lead + at;
            return Some((from, from + name.len(), OutletClue::ReleaseIssuer));
        }
    }
    None
}

/// True when `text` writes `name` inside a sentence, after a word in lower case on its line and
/// not before one other than a preposition of a circumstance ("she told the Norvik Gazette.",
/// "told Harbour TV on Sunday"; not "sign up for Breaking News alerts"), and
/// never writes a word of it other than the last in lower case ("Live TV", when the page says
/// "live"): a menu, a section label or a common phrase is not a masthead.
fn named_in_a_sentence(text: &str, name: &str) -> bool {
    if written_in_lower_case(text, name) {
        return false;
    }
    text.split_inclusive('\n').any(|line| {
        line.match_indices(name).any(|(at, _)| {
            let before = line[..at]
                .split_whitespace()
                .next_back()
                .is_some_and(|w| w.starts_with(|c: char| c.is_lowercase()));
            // A word in lower case after the name makes it a modifier ("Breaking News alerts"),
            // unless a preposition of a circumstance opens what follows ("told Harbour TV after
            // the vote"; "Breaking News in your inbox" addresses the reader).
            let mut next = line[at + name.len()..]
                .split_whitespace()
                .map(|w| w.trim_end_matches(|c: char| !c.is_alphanumeric()));
            let (first, second) = (next.next(), next.next());
            let circumstance = first.is_some_and(|w| CIRCUMSTANCE_WORDS.contains(&w))
                && !second.is_some_and(|w| matches!(w, "your" | "you"));
            let modifier =
                first.is_some_and(|w| w.starts_with(|c: char| c.is_lowercase())) && !circumstance;
            before && !modifier
        })
    })
}

/// True when `text` writes a word of `name` other than the last (and "the" or "of") in lower
/// case ("Local News", when the page says "local"): a common phrase, not a name.
fn written_in_lower_case(text: &str, name: &str) -> bool {
    let mut words: Vec<&str> = name.split_whitespace().collect();
    words.pop();
    words.iter().any(|w| {
        let lower = w.to_lowercase();
        lower != *w
            && !matches!(lower.as_str(), "the" | "of")
            && text.match_indices(lower.as_str()).any(|(at, _)| {
                let before = text[..at].chars().next_back();
                let after = text[at + lower.len()..].chars().next();
                !before.is_some_and(char::is_alphanumeric)
                    && !after.is_some_and(char::is_alphanumeric)
            })
    })
}

/// Prepositions that open a circumstance after an outlet's name in a sentence ("told Harbour
/// TV after the vote", "said on Harbour TV on Sunday").
const CIRCUMSTANCE_WORDS: &[&str] = &[
    "about", "after", "at", "before", "during", "in", "last", "on", "since", "that", "this",
];

/// The outlet a contributor line names, when the registry knows it: "Daily Bugle writers Ann
/// Roe and Bo Li contributed to this report."
fn contributors(text: &str) -> Option<(usize, usize, OutletClue)> {
    for (start, line) in lines_with_starts(text) {
        if line.len() > MAX_CLUE_LINE || !line.contains("contributed") {
            continue;
        }
        let lead = line.len() - line.trim_start().len();
        let body = line.trim_start();
        let Some(at) = body.find(" writers ").or_else(|| body.find(" writer ")) else {
            continue;
        };
        let name = &body[..at];
        if registry().by_name(name).is_some() {
            return Some((
                start + lead,
                start + lead + name.len(),
                OutletClue::Contributors,
            ));
        }
    }
    None
}

/// A line without the dateline that opens it ("SPRINGFIELD, Ill. - The mayor said …" is "The
/// mayor said …"; [`dateline_length`]).
pub(crate) fn without_dateline(line: &str) -> &str {
    match dateline_length(line) {
        Some(n) => line.get(n..).unwrap_or(line).trim_start(),
        None => line,
    }
}

/// How many bytes of `line` a dateline opening it takes, through its dash: a place in capitals
/// (a region may follow after a comma), an agency in parentheses if any, then a dash
/// ("PORT TALLIS, Valmora (AP) — "). `None` when the line opens with no dateline.
pub(crate) fn dateline_length(line: &str) -> Option<usize> {
    // Only the line's opening is read: a dateline is short.
    let reach = (MAX_NAME + 20 + " — ".len()).min(line.len());
    let reach = (0..=reach).rev().find(|&i| line.is_char_boundary(i))?;
    let opening = line.get(..reach)?;
    let (at, len) = [" - ", " – ", " — ", " -- "]
        .iter()
        .filter_map(|d| opening.find(d).map(|at| (at, d.len())))
        .min()?;
    if at > MAX_NAME + 20 {
        return None;
    }
    let head = line.get(..at)?.trim();
    // "(AP)": the agency after the place.
    let place = match head
        .strip_suffix(')')
        .and_then(|h| h.rfind('(').map(|o| &h[..o]))
    {
        Some(place) => place.trim(),
        None => head,
    };
    is_place_in_capitals(place).then_some(at + len)
}

/// Where the words of `text[start..end]` begin past a dateline opening their line ("NORVIK,
/// Norway — A ship ran aground, officials said." begins at "A ship"; [`dateline_length`]): the
/// dateline is the outlet's, neither a speaker's nor a statement's. `start` when there is none.
pub(crate) fn past_dateline(text: &str, start: usize, end: usize) -> usize {
    let before = text
        .get(..start)
        .unwrap_or("")
        .trim_end_matches([' ', '\t']);
    let line_opens = before.is_empty() || before.ends_with('\n');
    let words = text.get(start..end).unwrap_or("");
    match dateline_length(words) {
        Some(n) if line_opens && n < words.len() => start + n,
        _ => start,
    }
}

/// A short readable label for a page whose outlet is unknown: its title's first words.
pub(crate) fn title_label(title: &str) -> Option<String> {
    const WORDS: usize = 5;
    let words: Vec<&str> = title.split_whitespace().collect();
    if words.is_empty() {
        return None;
    }
    let mut label = words[..words.len().min(WORDS)].join(" ");
    if words.len() > WORDS {
        label.push('…');
    }
    Some(label)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clues(text: &str) -> PageClues<'_> {
        PageClues {
            source_text: text,
            ..PageClues::default()
        }
    }

    fn named(text: &str) -> Option<String> {
        name_outlet(&clues(text)).map(|(n, _)| n)
    }

    #[test]
    fn the_registry_loads_and_knows_names_aliases_and_domains() {
        let reg = registry();
        assert!(reg.len() > 100, "{} outlets", reg.len());
        assert_eq!(
            reg.by_name("REUTERS").map(|o| o.name.as_str()),
            Some("Reuters")
        );
        assert_eq!(
            reg.by_name("the AP").map(|o| o.name.as_str()),
            Some("Associated Press")
        );
        assert!(reg.by_name("Reuters").is_some_and(|o| o.wire));
        assert_eq!(
            reg.by_host("uk.reuters.com").map(|o| o.name.as_str()),
            Some("Reuters")
        );
        assert!(reg.by_host("com").is_none());
        assert!(reg.by_name("Springfield Gazette of Nowhere").is_none());
    }

    #[test]
    fn datelines_name_the_outlet_with_their_span() {
        let text = "Skip to content\n\nLISBON (REUTERS) – The harbour reopened on Friday.\n";
        let (name, ev) = name_outlet(&clues(text)).unwrap();
        assert_eq!(name, "Reuters");
        assert_eq!(ev.clue, OutletClue::Dateline);
        assert_eq!(&text[ev.start.unwrap()..ev.end.unwrap()], "REUTERS");
        assert_eq!(
            named("(CNN) The harbour reopened on Friday, officials said.").as_deref(),
            Some("CNN")
        );
        assert_eq!(
            named("OSLO, Norway (AP) — The harbour reopened.").as_deref(),
            Some("Associated Press")
        );
        // An outlet the registry lacks, in a full dateline: place in capitals, name, dash.
        assert_eq!(
            named("RIVERTON (Valley Courier) — The bridge closed.").as_deref(),
            Some("Valley Courier")
        );
        // A wire's dateline gives the day after the place, or after its region.
        for dated in [
            "RIVERTON, Dec 5 (Valley Courier) - The bridge closed.",
            "RIVERTON, Valmora, Sept. 14 (Valley Courier) - The bridge closed.",
        ] {
            assert_eq!(named(dated).as_deref(), Some("Valley Courier"), "{dated}");
        }
        assert_eq!(
            without_dateline("RIVERTON, March 3 (Valley Courier) - The bridge closed."),
            "The bridge closed."
        );
        assert_eq!(
            named("RIVERTON, Dec 45 (Valley Courier) - The bridge closed."),
            None
        );
    }

    #[test]
    fn mentions_inside_sentences_and_stray_parentheses_name_nothing() {
        assert_eq!(
            named("The mayor told CNN on Friday that the harbour reopened."),
            None
        );
        assert_eq!(named("The plan (Phase Two) — as drafted — failed."), None);
        assert_eq!(named("Officials (Some Group) said nothing."), None);
    }

    #[test]
    fn copyright_and_contributor_lines_name_known_outlets() {
        let text = "The harbour reopened.\n\nCopyright 2019 by Reuters - All rights reserved.\n";
        let (name, ev) = name_outlet(&clues(text)).unwrap();
        assert_eq!((name.as_str(), ev.clue), ("Reuters", OutletClue::Copyright));
        assert_eq!(&text[ev.start.unwrap()..ev.end.unwrap()], "Reuters");
        assert_eq!(
            named("The harbour reopened.\nAssociated Press writers Ann Roe and Bo Li contributed to this report.\n")
                .as_deref(),
            Some("Associated Press")
        );
        assert_eq!(
            named("Copyright 2019 by Jane Roe. All rights reserved.\n"),
            None
        );
        assert_eq!(
            named("Staff writers Ann Roe and Bo Li contributed.\n"),
            None
        );
    }

    #[test]
    fn a_holder_or_a_masthead_reading_as_a_station_s_name_names_an_unknown_outlet() {
        let text = "The harbour reopened.\n\nCopyright 2026 Harbour TV. All rights reserved.\n";
        let (name, ev) = name_outlet(&clues(text)).unwrap();
        assert_eq!(
            (name.as_str(), ev.clue),
            ("Harbour TV", OutletClue::Copyright)
        );
        // A masthead the page writes again inside a sentence.
        let text = "Menu\nPort Ellis Courier\nThe harbour reopened on Friday, Ann Lee told the \
                    Port Ellis Courier.\n";
        let (name, ev) = name_outlet(&clues(text)).unwrap();
        assert_eq!(
            (name.as_str(), ev.clue),
            ("Port Ellis Courier", OutletClue::Masthead)
        );
        assert_eq!(
            &text[ev.start.unwrap()..ev.end.unwrap()],
            "Port Ellis Courier"
        );
        // A preposition of a circumstance may follow the name in the sentence.
        let text = "Harbour TV\nThe pier will close, Ann Lee told Harbour TV after the vote.\n";
        assert_eq!(named(text).as_deref(), Some("Harbour TV"));
        // A station's news masthead the page writes without its "News".
        let text = "Harbour Radio News\nThe pier will close, Ann Lee told Harbour Radio.\n";
        assert_eq!(named(text).as_deref(), Some("Harbour Radio News"));
        assert_eq!(
            named("Local News\nThe harbour reopened, locals said on Friday.\n"),
            None
        );
        // A section label, repeated only as a menu's line, names nothing; nor does a common
        // phrase the page writes in lower case, or a name read before more words.
        assert_eq!(
            named("Local News\nThe harbour reopened on Friday.\nLocal News\nSports\n"),
            None
        );
        assert_eq!(
            named("Live TV\nThe harbour reopened, shown live on TV.\nWatch it on Live TV.\n"),
            None
        );
        assert_eq!(
            named("Breaking News\nThe harbour reopened.\nSign up for Breaking News alerts.\n"),
            None
        );
        assert_eq!(
            named("Breaking News\nThe harbour reopened.\nGet Breaking News in your inbox.\n"),
            None
        );
    }

    #[test]
    fn a_page_s_first_line_reading_as_a_masthead_names_its_outlet() {
        let text = "The Kessel Herald\n\nMayor presses port over closure\n\nBy Ann Lee\n\n\
                    The port stayed shut on Friday as the strike went on.\n";
        assert_eq!(named(text).as_deref(), Some("The Kessel Herald"));
        // Lower on the page, a masthead must be named again.
        let text = "Menu\nThe Kessel Herald\nThe port stayed shut on Friday.\n";
        assert_eq!(named(text), None);
        // A section's label is no masthead, nor are words the page writes in lower case.
        assert_eq!(
            named("Harbour News\nThe port stayed shut on Friday.\n"),
            None
        );
        assert_eq!(
            named("Evening Post\nThe evening ferry was late again on Friday.\n"),
            None
        );
        // A headline in capitals running into its article is no masthead.
        assert_eq!(
            named("Ann Lee Breaks Record\n\nAnn Lee broke the national record on Friday.\n"),
            None
        );
        // A station's news is no section; a place after a bar is no part of the name.
        let body = "\n\nPort chief convicted\n\nA jury convicted the port chief on Friday.\n";
        for (heading, outlet) in [
            ("Harbour TV News", Some("Harbour TV News")),
            ("Harbour TV News | Kessel", Some("Harbour TV News")),
            ("The Kessel Herald | Local news", Some("The Kessel Herald")),
            ("Local News | Kessel", None),
        ] {
            assert_eq!(
                named(&format!("{heading}{body}")).as_deref(),
                outlet,
                "{heading}"
            );
        }
        // Under the headline, a station's name and a bar still head the page; a section's
        // label does not.
        let article = "\n\nA jury convicted the port chief on Friday.\n";
        for (heading, outlet) in [
            ("Harbour TV News | Kessel", Some("Harbour TV News")),
            ("Local News | Kessel", None),
        ] {
            let page = format!("Port chief convicted\n\n{heading}{article}");
            assert_eq!(named(&page).as_deref(), outlet, "{heading}");
        }
    }

    #[test]
    fn a_press_release_s_heading_names_its_issuer() {
        let body = "\n\nStatement on the fire at the depot\n\nA fire broke out at the depot on \
                    Monday night.\n";
        assert_eq!(
            named(&format!("Valmora Paints - Press Release{body}")).as_deref(),
            Some("Valmora Paints")
        );
        assert_eq!(
            named(&format!("News release: Port of Norvik{body}")).as_deref(),
            Some("Port of Norvik")
        );
        assert_eq!(
            named(&format!("Press Release | Kessel Marine{body}")).as_deref(),
            Some("Kessel Marine")
        );
        // A release's headline or a site's section names no issuer.
        for heading in [
            "Press Release: Council Approves Pier Budget",
            "Newsroom - Press Release",
        ] {
            assert_eq!(named(&format!("{heading}{body}")).as_deref(), None);
        }
        // A sentence about a press release names no issuer.
        assert_eq!(
            named(&format!("The company sent out a press release{body}")).as_deref(),
            None
        );
    }

    #[test]
    fn a_credit_line_names_an_outlet_the_registry_knows() {
        let page = |credit: &'static str, text: &'static str| PageClues {
            source_text: text,
            credit: Some(credit),
            ..PageClues::default()
        };
        let (name, ev) = name_outlet(&page("Reuters", "Reuters\nThe harbour reopened.")).unwrap();
        assert_eq!((name.as_str(), ev.clue), ("Reuters", OutletClue::Credit));
        assert_eq!(
            name_outlet(&page("Overview", "Overview\nThe harbour reopened.")),
            None
        );
    }

    #[test]
    fn bylines_name_a_known_outlet_after_the_author() {
        let text = "Harbour reopens\nBy Ann Roe, Reuters\nThe harbour reopened on Friday.\n";
        let (name, ev) = name_outlet(&clues(text)).unwrap();
        assert_eq!((name.as_str(), ev.clue), ("Reuters", OutletClue::Byline));
        assert_eq!(&text[ev.start.unwrap()..ev.end.unwrap()], "Reuters");
        assert_eq!(
            named("By Ann Roe | The Associated Press\nThe harbour reopened.").as_deref(),
            Some("Associated Press")
        );
        assert_eq!(
            named("By Ann Roe, staff writer\nThe harbour reopened."),
            None
        );
        assert_eq!(named("By the harbour, Reuters said, boats wait."), None);
    }

    #[test]
    fn metadata_comes_first_and_hosts_last() {
        let text = "LISBON (Reuters) - The harbour reopened.";
        let page = PageClues {
            site_name: Some("The Daily Bugle"),
            host: Some("bugle.example"),
            source_text: text,
            ..PageClues::default()
        };
        assert_eq!(name_outlet(&page).unwrap().0, "The Daily Bugle");
        // A title's site name comes after the text's own clues.
        let page = PageClues {
            title_site: Some("Norvik Gazette"),
            source_text: text,
            ..PageClues::default()
        };
        assert_eq!(name_outlet(&page).unwrap().0, "Reuters");
        let page = PageClues {
            title_site: Some("Norvik Gazette"),
            source_text: "The harbour reopened.",
            ..PageClues::default()
        };
        let (name, ev) = name_outlet(&page).unwrap();
        assert_eq!(
            (name.as_str(), ev.clue),
            ("Norvik Gazette", OutletClue::PageTitle)
        );
        let page = PageClues {
            host: Some("news.bugle.example"),
            source_text: "The harbour reopened.",
            ..PageClues::default()
        };
        let (name, ev) = name_outlet(&page).unwrap();
        assert_eq!(
            (name.as_str(), ev.clue),
            ("news.bugle.example", OutletClue::Url)
        );
    }

    #[test]
    fn a_dateline_without_an_outlet_is_cut_from_a_label() {
        assert_eq!(
            without_dateline("RIVERTON, Texas - The bridge closed on Monday."),
            "The bridge closed on Monday."
        );
        assert_eq!(
            without_dateline("The bridge - long closed - reopened."),
            "The bridge - long closed - reopened."
        );
        assert_eq!(
            without_dateline("PORT TALLIS, Valmora (AP) — Crews went back to work."),
            "Crews went back to work."
        );
    }

    #[test]
    fn unknown_outlets_get_a_label_from_the_title() {
        assert_eq!(
            title_label("Harbour reopens after a week of storms on the coast").as_deref(),
            Some("Harbour reopens after a week…")
        );
        assert_eq!(title_label("Short title").as_deref(), Some("Short title"));
        assert_eq!(title_label("  "), None);
    }
}
