//! Values a sentence states, for comparing accounts: counts and amounts ("at least 12 people",
//! "two dozen", "$3 million", "40 percent"), ordinals ("the fifth day"), days ("on Monday",
//! "March 3") and directions from a place ("north of the town"). Each value knows the words it
//! counts or qualifies (its matter), the words around it (its context) and, for counts, the
//! interval its hedge allows ("more than 10" is anything above 10).

use crate::attribute::lexicon::{is_in, IRREGULAR_PAST, MONTHS, SHORT_MONTHS, WEEKDAYS};
use crate::model::Span;

use super::reading::Sentence;

/// What a value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueKind {
    /// A count or an amount.
    Count,
    /// A rank ("the third day").
    Ordinal,
    /// A weekday.
    Weekday,
    /// A day of a month.
    Date,
    /// A direction from a named place.
    Direction,
}

/// One value stated in a sentence.
#[derive(Debug, Clone)]
pub struct Value {
    /// What it is.
    pub kind: ValueKind,
    /// The unit it is in: "$", "%" or a currency word; empty for a plain count.
    pub unit: &'static str,
    /// The value itself (a count, a rank, a day number, a direction's number).
    pub point: f64,
    /// The lowest value its hedge allows.
    pub low: f64,
    /// The highest value its hedge allows.
    pub high: f64,
    /// The value as written, hedge included ("more than 40").
    pub span: Span,
    /// Indexes of the words it counts or qualifies.
    pub matter: Vec<usize>,
    /// Index of its first word in the sentence.
    pub at: usize,
    /// The text says it changed ("rose to 15", "up from 12").
    pub changed: bool,
}

impl Value {
    /// True when no reading of the two values' hedges lets both hold.
    pub fn incompatible(&self, other: &Value) -> bool {
        self.high < other.low || other.high < self.low
    }
}

pub(crate) use crate::numerals::{number_word, TENS, UNITS};

const ORDINALS: &[&str] = &[
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
];
const SCALES: &[(&str, f64)] = &[
    ("hundred", 1e2),
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
];
const PERCENT_WORDS: &[&str] = &["percent", "pct"];
const DIRECTIONS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "north-east",
    "north-west",
    "south-east",
    "south-west",
];
/// Words before a number that bound it: (words, low factor, high factor); `f64::INFINITY` for
/// no bound above.
const HEDGES: &[(&[&str], f64, f64)] = &[
    (&["at", "least"], 1.0, f64::INFINITY),
    (&["more", "than"], 1.0, f64::INFINITY),
    (&["over"], 1.0, f64::INFINITY),
    (&["upwards", "of"], 1.0, f64::INFINITY),
    (&["at", "most"], 0.0, 1.0),
    (&["up", "to"], 0.0, 1.0),
    (&["fewer", "than"], 0.0, 1.0),
    (&["less", "than"], 0.0, 1.0),
    (&["under"], 0.0, 1.0),
    (&["nearly"], 0.8, 1.0),
    (&["almost"], 0.8, 1.0),
    (&["about"], 0.8, 1.25),
    (&["around"], 0.8, 1.25),
    (&["roughly"], 0.8, 1.25),
    (&["approximately"], 0.8, 1.25),
    (&["some"], 0.8, 1.25),
    (&["estimated"], 0.7, 1.4),
];
/// Words before a value that say it changed.
const CHANGE_WORDS: &[&str] = &["rose", "risen", "climbed", "increased", "jumped", "grew"];

pub(crate) fn ordinal_word(lower: &str) -> Option<f64> {
    if let Some(p) = ORDINALS.iter().position(|w| *w == lower) {
        return Some(p as f64 + 2.0);
    }
    let digits = lower
        .strip_suffix("th")
        .or_else(|| lower.strip_suffix("nd"))
        .or_else(|| lower.strip_suffix("rd"))?;
    digits.parse::<f64>().ok().filter(|v| *v >= 2.0)
}

/// The month a word names, January 0: in full, or abbreviated ("Aug", "Sept").
fn month_number(lower: &str) -> Option<usize> {
    let l = lower.trim_end_matches('.');
    let l = if l == "sept" { "sep" } else { l };
    MONTHS
        .iter()
        .position(|m| *m == l)
        .or_else(|| SHORT_MONTHS.iter().position(|m| *m == l && l != "may"))
}

/// The content words after word `i` (up to `n`, stopping at a clause boundary), else before it.
fn matter_words(s: &Sentence, text: &str, i: usize, n: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut j = i;
    while out.len() < n && j + 1 < s.words.len() && !s.breaks_after(text, j) {
        j += 1;
        let w = &s.words[j];
        if w.term.is_none() || number_word(&w.lower).is_some() {
            // "three of the riders" is a part of the riders, not their count: no matter of its
            // own (two accounts of a part and of the whole do not disagree).
            if out.is_empty() && w.lower == "of" {
                return Vec::new();
            }
            // Determiners, and words that say the counted things are added to others ("60
            // other boats", "40 more troops"), stand before what is counted.
            let determiner = matches!(
                w.lower.as_str(),
                "a" | "an"
                    | "the"
                    | "our"
                    | "their"
                    | "its"
                    | "his"
                    | "her"
                    | "those"
                    | "these"
                    | "other"
                    | "more"
                    | "additional"
            );
            if out.is_empty() && determiner {
                continue;
            }
            break;
        }
        out.push(j);
    }
    out
}

/// True when words `i..` of the sentence start with `phrase`.
fn words_are(s: &Sentence, i: usize, phrase: &[&str]) -> bool {
    phrase
        .iter()
        .enumerate()
        .all(|(k, p)| s.words.get(i + k).is_some_and(|w| w.lower == *p))
}

/// The counts of sentence `s` that say neither what they count nor in what unit ("only six
/// have recovered", "she faces up to 60"): [`values`] leaves them out, since alone they are
/// about nothing; two wordings of one statement that differ in them are still read.
pub(crate) fn bare_counts(s: &Sentence, text: &str) -> Vec<Value> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < s.words.len() {
        let prev_cap = i > 1 && s.words[i - 1].cap && !s.breaks_after(text, i - 1);
        match count_at(s, text, i, prev_cap, true) {
            Some((v, next)) => {
                if v.matter.is_empty() && v.unit.is_empty() {
                    out.push(v);
                }
                i = next;
            }
            None => i += 1,
        }
    }
    out
}

/// The values sentence `s` (of a document whose text is `text`) states.
pub fn values(s: &Sentence, text: &str) -> Vec<Value> {
    let mut out = Vec::new();
    let words = &s.words;
    let mut i = 0;
    while i < words.len() {
        let w = &words[i];
        // A capitalised word before a number names it ("Gate 14"), unless it only opens the
        // sentence ("Between 5 and 7").
        let prev_cap = i > 1 && words[i - 1].cap && !s.breaks_after(text, i - 1);
        if let Some(v) = count_at(s, text, i, prev_cap, false) {
            i = v.1;
            out.push(v.0);
            continue;
        }
        if let Some(rank) = ordinal_word(&w.lower) {
            let matter = matter_words(s, text, i, 1);
            if !matter.is_empty() && !words[matter[0]].cap {
                out.push(value(
                    ValueKind::Ordinal,
                    "",
                    rank,
                    (rank, rank),
                    w.span,
                    matter,
                    i,
                ));
            }
        } else if let Some(day) = WEEKDAYS.iter().position(|d| *d == w.lower) {
            out.push(value(
                ValueKind::Weekday,
                "",
                day as f64,
                (0.0, 0.0),
                w.span,
                Vec::new(),
                i,
            ));
        } else if let Some(month) = month_number(&w.lower)
            .filter(|_| w.cap || (w.lower.len() <= 4 && s.gap_after(text, i).starts_with('.')))
        {
            // A month is capitalised ("June 5"), or abbreviated with a period ("sept. 5" in
            // text that lost its capitals).
            let day = words
                .get(i + 1)
                .and_then(|n| n.lower.parse::<u32>().ok())
                .filter(|d| (1..=31).contains(d));
            if let (Some(day), Some(next)) = (day, words.get(i + 1)) {
                let point = 100.0 + month as f64 * 40.0 + f64::from(day);
                let span = Span::new(w.span.start(), next.span.end()).unwrap_or(w.span);
                out.push(value(
                    ValueKind::Date,
                    "",
                    point,
                    (0.0, 0.0),
                    span,
                    Vec::new(),
                    i,
                ));
                i += 2;
                continue;
            }
        } else if let Some(dir) = DIRECTIONS.iter().position(|d| *d == w.lower) {
            let of = words.get(i + 1).is_some_and(|n| n.lower == "of");
            let place = words.get(i + 2).filter(|p| p.cap);
            if let (true, Some(_)) = (of, place) {
                // "north-west" is "northwest".
                let point = DIRECTIONS
                    .iter()
                    .position(|d| d.replace('-', "") == DIRECTIONS[dir].replace('-', ""))
                    .unwrap_or(dir) as f64;
                out.push(value(
                    ValueKind::Direction,
                    "",
                    point,
                    (0.0, 0.0),
                    w.span,
                    vec![i + 2],
                    i,
                ));
            }
        }
        i += 1;
    }
    out
}

fn value(
    kind: ValueKind,
    unit: &'static str,
    point: f64,
    (low, high): (f64, f64),
    span: Span,
    matter: Vec<usize>,
    at: usize,
) -> Value {
    Value {
        kind,
        unit,
        point,
        low: if kind == ValueKind::Count { low } else { point },
        high: if kind == ValueKind::Count {
            high
        } else {
            point
        },
        span,
        matter,
        at,
        changed: false,
    }
}

/// Every number a sentence writes, in digits or words, whatever it counts or names.
pub fn numbers(s: &Sentence, text: &str) -> Vec<f64> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < s.words.len() {
        match number_at(s, text, i) {
            Some((n, end, _)) => {
                out.push(n);
                i = end + 1;
            }
            None => i += 1,
        }
    }
    out
}

/// The number written from word `i`: its value, the index of its last word and its text.
/// Digits split by a thousands comma are separate words ("52,000" is "52" and "000").
fn number_at(s: &Sentence, text: &str, i: usize) -> Option<(f64, usize, String)> {
    let words = &s.words;
    let mut end = i;
    let mut lower = words.get(i)?.lower.clone();
    // "twenty three" written without its hyphen is one number.
    if TENS.contains(&lower.as_str())
        && words
            .get(i + 1)
            .is_some_and(|n| UNITS.contains(&n.lower.as_str()))
        && s.gap_after(text, i).trim().is_empty()
    {
        end += 1;
        lower = format!("{lower}-{}", words[end].lower);
    }
    while end + 1 < words.len()
        && s.gap_after(text, end) == ","
        && words[end + 1].lower.len() == 3
        && words[end + 1].lower.bytes().all(|b| b.is_ascii_digit())
        && lower.bytes().all(|b| b.is_ascii_digit() || b == b',')
    {
        end += 1;
        lower.push(',');
        lower.push_str(&words[end].lower);
    }
    Some((number_word(&lower)?, end, lower))
}

/// A count starting at word `i`: the value and the index of the word after it.
fn count_at(
    s: &Sentence,
    text: &str,
    i: usize,
    prev_cap: bool,
    bare: bool,
) -> Option<(Value, usize)> {
    let words = &s.words;
    let w = &words[i];
    let (mut number, end, lower) = if one_unit_of_time(s, i) {
        (1.0, i, "one".to_string())
    } else {
        number_at(s, text, i)?
    };
    // "one" is more often a pronoun or a part ("one large piece" of several) than a count,
    // unless it tells a length ("lasted one hour"; "will sail again one day" tells none).
    let one_unit = unit_of_time_after(s, end) && measures_time(s, i);
    if lower == "one" && !one_unit {
        return None;
    }
    // The end of a number in words ("two hundred and six", "twenty three") is no count of its
    // own.
    let continues = (i >= 2
        && words[i - 1].lower == "and"
        && SCALES.iter().any(|(w, _)| *w == words[i - 2].lower))
        || (i >= 1
            && TENS.contains(&words[i - 1].lower.as_str())
            && UNITS.contains(&w.lower.as_str())
            && s.gap_after(text, i - 1).trim().is_empty());
    if continues || (i >= 1 && SCALES.iter().any(|(w, _)| *w == words[i - 1].lower)) {
        return None;
    }
    let digits = lower.starts_with(|c: char| c.is_ascii_digit());
    // An identifier ("Gate 14", "Route 66") or a year is no count.
    if digits && prev_cap {
        return None;
    }
    let is_year = digits && !lower.contains(['.', ',']) && (1800.0..=2100.0).contains(&number);
    let next = words.get(end + 1);
    let prev = i.checked_sub(1).map(|p| &words[p]);
    let dated =
        |w: Option<&super::reading::Word>| w.is_some_and(|w| month_number(&w.lower).is_some());
    if is_year || dated(prev) || dated(next) {
        return None;
    }
    // A time of day ("10:30", "9 a.m.") is no count.
    let gap = s.gap_after(text, end);
    if gap.starts_with(':')
        || next.is_some_and(|n| matches!(n.lower.as_str(), "a.m" | "p.m" | "am" | "pm"))
    {
        return None;
    }
    // The unit: a currency sign before, a percent sign or word after; a scale word.
    let before = text.get(..w.span.start()).unwrap_or("").trim_end();
    let mut unit = "";
    if before.ends_with('$') {
        unit = "$";
    } else if before.ends_with('£') {
        unit = "£";
    } else if before.ends_with('€') {
        unit = "€";
    }
    let mut last = end;
    if let Some((_, scale)) = next.and_then(|n| SCALES.iter().find(|(w, _)| *w == n.lower)) {
        number *= scale;
        last += 1;
    }
    if gap.trim_start().starts_with('%') {
        unit = "%";
    } else if words
        .get(last + 1)
        .is_some_and(|n| PERCENT_WORDS.contains(&n.lower.as_str()))
    {
        unit = "%";
        last += 1;
    } else if words_are(s, last + 1, &["per", "cent"]) {
        // "per cent"; "per month" is a rate, not a percentage.
        unit = "%";
        last += 2;
    }
    // A range: "5 to 7", "between 5 and 7", "5-7".
    let mut high_value = number;
    if let Some(joiner) = words.get(last + 1) {
        if matches!(joiner.lower.as_str(), "to" | "and") && !s.breaks_after(text, last) {
            if let Some((h, h_end, _)) = number_at(s, text, last + 2) {
                if h > number {
                    high_value = h;
                    last = h_end;
                }
            }
        }
    }
    // The hedge before it. A figure written with digits stands for what rounds to it ("4.3
    // million" for 4.26 million, "6,200" for 6,236): half its last written unit either side.
    let mut start = i;
    let ranged = high_value != number;
    let tolerance = if digits && !ranged {
        rounding(&lower) * (number / number_word(&lower).unwrap_or(number).max(f64::MIN_POSITIVE))
    } else {
        0.0
    };
    let (mut low, mut high) = (number - tolerance, high_value + tolerance);
    // "More than a dozen": the hedge stands before the article of "a dozen".
    let hedged_at = if lower == "dozen" && i >= 1 && words[i - 1].lower == "a" {
        i - 1
    } else {
        i
    };
    for (phrase, lo, hi) in HEDGES {
        if hedged_at >= phrase.len() && words_are(s, hedged_at - phrase.len(), phrase) {
            start = hedged_at - phrase.len();
            low = number * lo;
            high = if hi.is_infinite() {
                f64::INFINITY
            } else {
                high_value * hi
            };
            break;
        }
    }
    let mut matter = matter_words(s, text, last, 2);
    // "8,000 years ago" dates something; "3 hours, 12 minutes" is one duration in parts.
    let after_matter = matter.first().map_or(last + 1, |m| m + 1);
    let ago = words.get(after_matter).is_some_and(|w| w.lower == "ago")
        || words.get(last + 1).is_some_and(|w| w.lower == "ago");
    let part_of_duration = start >= 2
        && TIME_UNITS.contains(&words[start - 1].lower.as_str())
        && number_word(&words[start - 2].lower).is_some();
    let time_unit = matter
        .first()
        .is_some_and(|&m| TIME_UNITS.contains(&words[m].lower.as_str()));
    if (ago && !time_unit) || part_of_duration {
        return None;
    }
    // "four years ago" is a time, told in its unit: its matter is the unit, its unit "ago".
    if ago {
        unit = AGO;
        matter.truncate(1);
    }
    // A unit of measure says how, not what, is counted ("six years' service", "a lease of 20 years",
    // "40 years old"): its matter is the unit with the content word after it, or else the one
    // before the number.
    // A time after "for" measures what its clause tells before it ("deliberated for three
    // days", "closed the pier for two weeks"): its matter is the unit with that verb
    // ([`word_measured`]).
    if !ago && matter.len() == 1 && MEASURES.contains(&words[matter[0]].lower.as_str()) {
        let lasting = time_unit && start >= 1 && words[start - 1].lower == "for";
        let measured = lasting.then(|| word_measured(s, text, start - 1)).flatten();
        match measured
            .or_else(|| next_content(s, text, matter[0]))
            .or_else(|| previous_content(s, start))
        {
            Some(k) => matter.push(k),
            None => return None,
        }
    }
    // An age after a name: "Ann Reed, 34, said", "Ann Reed, then 34, said": the count is the
    // named person's age.
    let moment_word = i > 0 && matches!(words[i - 1].lower.as_str(), "now" | "then" | "aged");
    let name_at = if moment_word { i - 1 } else { i };
    let age = matter.is_empty()
        && prev_name_before_comma(s, text, name_at)
        && s.gap_after(text, last).trim_start().starts_with(',');
    if age {
        unit = "age";
        matter = vec![name_at - 1];
    }
    // "died at age 71", "aged 71": an age, of whoever the sentence is about.
    if matter.is_empty() && i > 0 && matches!(words[i - 1].lower.as_str(), "age" | "aged") {
        unit = "age";
        matter = vec![i - 1];
    }
    if matter.is_empty() && unit.is_empty() && !bare {
        return None;
    }
    // A duration is counted in seconds whatever unit it is written in ("$900 a month" is a
    // rate, in dollars).
    let duration = unit.is_empty() || unit == AGO;
    // "a day and a half" is not the day it opens with.
    if duration
        && matter.first().is_some_and(|&m| {
            seconds_in(&words[m].lower).is_some() && words_are(s, m + 1, &["and", "a", "half"])
        })
    {
        return None;
    }
    if let Some(seconds) = matter
        .first()
        .filter(|_| duration)
        .and_then(|&m| seconds_in(&words[m].lower))
    {
        number *= seconds;
        low *= seconds;
        high *= seconds;
    }
    // "about an hour" is shown with its unit: "about an" alone says nothing.
    let shown_to = if one_unit_of_time(s, i) {
        last + 1
    } else {
        last
    };
    let span = Span::new(words[start].span.start(), words[shown_to].span.end())?;
    let changed = (start.saturating_sub(3)..start)
        .any(|k| CHANGE_WORDS.contains(&words[k].lower.as_str()))
        || words_are(s, last + 1, &["up", "from"]);
    let mut v = value(
        ValueKind::Count,
        unit,
        number,
        (low, high),
        span,
        matter,
        start,
    );
    v.changed = changed;
    Some((v, last + 1))
}

/// Half the unit of the last significant digit of a number written in digits: 0.05 for "4.3",
/// 50 for "6,200"; 0 for a whole number under a thousand ("10", "40" are read as exact) or one
/// whose last digit is not zero ("6,236").
fn rounding(digits: &str) -> f64 {
    let plain: String = digits.chars().filter(|c| *c != ',').collect();
    if let Some((_, decimals)) = plain.split_once('.') {
        return 0.5 * 10f64.powi(-(decimals.len() as i32));
    }
    let zeros = plain.len() - plain.trim_end_matches('0').len();
    if plain.trim_end_matches('0').is_empty() || plain.len() < 4 {
        return 0.0;
    }
    0.5 * 10f64.powi(zeros as i32)
}

/// The unit of a time told as a distance back from now ("four years ago").
pub(crate) const AGO: &str = "ago";

/// Units of time, whose parts make one duration ("3 hours, 12 minutes").
const TIME_UNITS: &[&str] = &[
    "year", "years", "month", "months", "week", "weeks", "day", "days", "hour", "hours", "minute",
    "minutes", "second", "seconds",
];

/// Seconds in a unit of time, so that durations in different units compare ("40 minutes"
/// against "about an hour"); None for any other word. A month and a year are their average
/// lengths. (Whole numbers of seconds keep a count's value exact when it is read back in its
/// own unit.)
pub(crate) fn seconds_in(unit: &str) -> Option<f64> {
    let singular = unit.strip_suffix('s').unwrap_or(unit);
    Some(match singular {
        "second" => 1.0,
        "minute" => 60.0,
        "hour" => 3_600.0,
        "day" => 86_400.0,
        "week" => 604_800.0,
        "month" => 2_629_800.0,
        "year" => 31_557_600.0,
        _ => return None,
    })
}

/// Verbs a length of time follows with no "for" ("lasted an hour", "took two days").
const DURATION_VERBS: &[&str] = &[
    "last", "lasted", "lasting", "lasts", "spent", "take", "takes", "took", "waited",
];

/// True when "one" or "a"/"an" at word `i`, before a unit of time, counts a length: a whole
/// hedge ("about", "more than"), "for", or a verb of [`DURATION_VERBS`] comes right before it
/// ("lasted about an hour", "for one week"; "again one day" counts none).
fn measures_time(s: &Sentence, i: usize) -> bool {
    let hedged = HEDGES
        .iter()
        .any(|(phrase, _, _)| i >= phrase.len() && words_are(s, i - phrase.len(), phrase));
    let before = i.checked_sub(1).and_then(|p| s.words.get(p));
    hedged || before.is_some_and(|b| b.lower == "for" || DURATION_VERBS.contains(&b.lower.as_str()))
}

/// True when word `i` is followed by a unit of time in the singular other than "second",
/// which is more often a rank ("a second terminal") than a length.
fn unit_of_time_after(s: &Sentence, i: usize) -> bool {
    s.words.get(i + 1).is_some_and(|w| {
        !w.lower.ends_with('s') && w.lower != "second" && seconds_in(&w.lower).is_some()
    })
}

/// True when word `i` is "a" or "an" standing for one of the unit of time after it where a
/// length is told ([`measures_time`]: "about an hour", "for a week", "lasted an hour"); "40
/// trucks a day" is a rate.
fn one_unit_of_time(s: &Sentence, i: usize) -> bool {
    let article = s
        .words
        .get(i)
        .is_some_and(|w| matches!(w.lower.as_str(), "a" | "an"));
    article && unit_of_time_after(s, i) && measures_time(s, i)
}

/// Units of measure and of time.
pub(crate) const MEASURES: &[&str] = &[
    "year",
    "years",
    "month",
    "months",
    "week",
    "weeks",
    "day",
    "days",
    "hour",
    "hours",
    "minute",
    "minutes",
    "percent",
    "miles",
    "mile",
    "kilometers",
    "kilometres",
    "feet",
    "foot",
    "meters",
    "metres",
    "tons",
    "tonnes",
    "pounds",
    "kilograms",
    "dollars",
    "degrees",
    "times",
    "acres",
    "inches",
];

/// The first content word after word `i`, within its clause.
fn next_content(s: &Sentence, text: &str, i: usize) -> Option<usize> {
    (i + 1..s.words.len())
        .take_while(|&k| !s.breaks_after(text, k - 1))
        .find(|&k| s.words[k].term.is_some() && number_word(&s.words[k].lower).is_none())
}

/// Content words back from "for" searched for the verb a time measures ([`word_measured`]).
const MAX_MEASURED_WORDS: usize = 3;
/// Words back from "for" read at most, stop words included: the search costs a value a few
/// words whatever the sentence.
const MAX_MEASURED_REACH: usize = 12;

/// What the "for" at word `i` says the length of, within its clause: the verb its content
/// words follow, within [`MAX_MEASURED_WORDS`] of them ("debated the budget for two days" and
/// "debated for three days" are both the debate's; "visited the harbour for two days" is
/// another matter), else the nearest content word ("a lease for 20 years"). A capitalised word
/// (a subject's name) ends the search.
fn word_measured(s: &Sentence, text: &str, i: usize) -> Option<usize> {
    let mut nearest = None;
    let mut read = 0;
    for k in (i.saturating_sub(MAX_MEASURED_REACH)..i).rev() {
        let word = &s.words[k];
        if s.breaks_after(text, k) || read == MAX_MEASURED_WORDS || word.cap {
            break;
        }
        if word.term.is_none() || number_word(&word.lower).is_some() {
            continue;
        }
        read += 1;
        nearest.get_or_insert(k);
        if word.lower.ends_with("ed") || is_in(&IRREGULAR_PAST, &word.lower) {
            return Some(k);
        }
    }
    nearest
}

/// The last content word before word `i` (not a hedge or a number).
fn previous_content(s: &Sentence, i: usize) -> Option<usize> {
    (0..i)
        .rev()
        .find(|&k| s.words[k].term.is_some() && number_word(&s.words[k].lower).is_none())
}

/// True when word `i` follows a name and a comma ("Reed, 34"; in lower-cased text "reed, 34"):
/// a content word, not a number.
fn prev_name_before_comma(s: &Sentence, text: &str, i: usize) -> bool {
    i > 0
        && s.words[i - 1].term.is_some()
        && number_word(&s.words[i - 1].lower).is_none()
        && s.gap_after(text, i - 1).trim() == ","
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::reading::Sentence;
    use crate::model::Span;

    fn sentence(text: &str) -> Sentence {
        let span = Span::new(0, text.len()).unwrap();
        crate::compare::reading::read_sentence(0, text, span)
    }

    fn read(text: &str) -> Vec<(ValueKind, f64, f64, f64, String)> {
        let s = sentence(text);
        values(&s, text)
            .into_iter()
            .map(|v| {
                let m: Vec<&str> = v
                    .matter
                    .iter()
                    .map(|&k| s.words[k].lower.as_str())
                    .collect();
                (v.kind, v.point, v.low, v.high, m.join(" "))
            })
            .collect()
    }

    #[test]
    fn bare_counts_are_those_values_leave_out() {
        let text =
            "Of the 40 pumps, only six have been repaired, and Ann Reed expects up to 12 by May.";
        let s = sentence(text);
        let bare: Vec<(f64, f64, f64)> = bare_counts(&s, text)
            .iter()
            .map(|v| (v.point, v.low, v.high))
            .collect();
        // "40 pumps" says what it counts; "six" and "up to 12" do not.
        assert_eq!(bare, [(6.0, 6.0, 6.0), (12.0, 0.0, 12.0)]);
        assert_eq!(read(text).len(), 1);
    }

    #[test]
    fn counts_with_number_words_scales_and_hedges() {
        let v =
            read("At least twenty-two sailors were rescued and about 3 million dollars raised.");
        assert_eq!(v[0].0, ValueKind::Count);
        assert_eq!((v[0].1, v[0].2, v[0].3), (22.0, 22.0, f64::INFINITY));
        assert_eq!(v[0].4, "sailors");
        assert_eq!(v[1].1, 3e6);
        assert!(v[1].2 < 3e6 && v[1].3 > 3e6);
        // A number in words without its hyphen is one number.
        let v = read("Twenty three boats sank.");
        assert_eq!((v.len(), v[0].1), (1, 23.0));
        // The hedge of "a dozen" stands before its article.
        let v = read("More than a dozen boats sank.");
        assert_eq!((v[0].1, v[0].2, v[0].3), (12.0, 12.0, f64::INFINITY));
    }

    #[test]
    fn thousands_commas_ranges_and_percent() {
        let v = read("Between 1,200 and 1,500 tonnes left, 12 percent more than planned.");
        assert_eq!((v[0].1, v[0].3), (1200.0, 1500.0));
        assert_eq!(v[0].4, "tonnes left");
        let pct = &v[1];
        assert_eq!(pct.1, 12.0);
    }

    #[test]
    fn identifiers_years_times_and_parts_are_not_counts() {
        assert!(
            read("The old Route 66 opened in 1926 at 10:30, and one of the riders fell.")
                .is_empty()
        );
        assert!(read("Three of them stayed behind.").is_empty());
    }

    #[test]
    fn a_hedged_count_at_the_end_of_a_sentence() {
        let v = read("The bakery has stood on this corner for more than 80 years.");
        // A unit of time after "for" is read with the verb before "for": what the years are
        // of.
        // (Counted in seconds, as every duration is.)
        assert_eq!(
            (v[0].1, v[0].4.as_str()),
            (80.0 * 31_557_600.0, "years stood")
        );
        // The verb, not the object or the subject: a debate and a visit of the harbour are two
        // matters; without a verb, the nearest word.
        for (text, matter) in [
            (
                "Councillors debated the harbour budget for three days.",
                "days debated",
            ),
            (
                "Councillors visited the harbour for two days.",
                "days visited",
            ),
            ("It is a lease for 20 years.", "years lease"),
        ] {
            assert_eq!(read(text)[0].4, matter, "{text}");
        }
    }

    #[test]
    fn times_ago_and_durations_in_parts() {
        let v = read("Farmers first tilled the plain 8,000 years ago.");
        assert_eq!(
            (v[0].1, v[0].4.as_str()),
            (8000.0 * 31_557_600.0, "years"),
            "a time back from now"
        );
        assert_eq!(v[0].0, ValueKind::Count);
        let v = read("The ferry took 3 hours, 12 minutes.");
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].1, 3.0 * 3_600.0, "counted in seconds");
    }

    #[test]
    fn durations_in_any_unit_are_counted_in_seconds() {
        for (text, seconds) in [
            ("The hearing lasted 40 minutes.", 2_400.0),
            ("The hearing lasted about an hour.", 3_600.0),
            ("The hearing lasted about one hour.", 3_600.0),
            ("The crews searched for a week.", 604_800.0),
            ("The pier was shut for two days.", 172_800.0),
        ] {
            let v = read(text);
            assert_eq!(v.len(), 1, "{text}: {v:?}");
            assert_eq!(v[0].1, seconds, "{text}");
        }
        // A rate's "a day" counts nothing.
        let v = read("About 900 trucks a day used the port.");
        assert!(v.iter().all(|v| v.1 == 900.0), "{v:?}");
        // "a day and a half" is no day.
        assert!(read("The hearing lasted a day and a half.").is_empty());
        // Nor does "one" before anything but a length of time, nor a rank.
        for text in [
            "One large piece fell.",
            "The ferry will sail again one day.",
            "The port opened a second terminal.",
            "Crews cleared two hundred a week.",
            "The talks returned to a day of rest.",
        ] {
            assert!(
                read(text)
                    .iter()
                    .all(|v| v.4 != "day" && v.4 != "week" && v.4 != "second"),
                "{text}: {:?}",
                read(text)
            );
        }
    }

    #[test]
    fn parts_of_a_group_and_ages() {
        let v = read("Four of the climbers turned back, said Ann Reed, 34, a guide.");
        assert_eq!(v.len(), 1, "a part of a group is no count of it");
        assert_eq!((v[0].1, v[0].4.as_str()), (34.0, "reed"));
        let v = read("Ann Reed, then 34, led the climb; her father died at age 71.");
        assert_eq!((v[0].1, v[0].4.as_str()), (34.0, "reed"));
        assert_eq!((v[1].1, v[1].4.as_str()), (71.0, "age"));
    }

    #[test]
    fn loose_writing_of_percents_months_and_added_counts() {
        let v = read("Rents rose 12 % after 40 more families arrived on sept. 9.");
        assert_eq!(v[0].1, 12.0);
        assert_eq!((v[1].1, v[1].4.as_str()), (40.0, "families arrived"));
        assert_eq!(v[2].0, ValueKind::Date);
    }

    #[test]
    fn ordinals_days_and_directions() {
        let v = read("On the third day, Monday, the boat sank west of Harwick.");
        let kinds: Vec<ValueKind> = v.iter().map(|x| x.0).collect();
        assert_eq!(
            kinds,
            [ValueKind::Ordinal, ValueKind::Weekday, ValueKind::Direction]
        );
        assert_eq!(v[0].4, "day");
        assert_eq!(v[2].4, "harwick");
    }

    #[test]
    fn rounded_figures_are_compatible_with_what_rounds_to_them() {
        let text =
            "it sold 4.3 million tickets, 4.26 million tickets, 6,200 dollars, 6,236 dollars";
        let v = values(&sentence(text), text);
        assert!(!v[0].incompatible(&v[1]));
        assert!(!v[2].incompatible(&v[3]));
        assert!(v[0].incompatible(&v[2]));
    }

    #[test]
    fn incompatibility_reads_the_hedges() {
        let s = sentence("at least 12 hikers and 15 hikers and 10 hikers");
        let v = values(&s, "at least 12 hikers and 15 hikers and 10 hikers");
        assert!(!v[0].incompatible(&v[1]));
        assert!(v[0].incompatible(&v[2]));
    }
}
