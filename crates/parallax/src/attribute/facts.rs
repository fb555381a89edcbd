//! Facts: dates resolved to calendar dates, amounts and percentages, and the people,
//! organisations and places a document names, each with its span.
//!
//! Dates: `15/6/2022` (day first unless the first number cannot be a day… or the second cannot
//! be a month), `2022-06-15`, `June 15, 2022`, `15 June`, and weekdays and `yesterday`/`today`
//! against the publication date (a weekday is the latest such day on or before publication).
//! A date without a year takes the publication year. Amounts: a currency sign and a number with
//! an optional scale ("$238 billion"); percentages: "30 percent", "14.7 per cent", "12%".
//! Names: people from the document's name table, organisations (acronyms and capitalised runs
//! with an organisation word) and places (the gazetteer).

use super::lexicon::{
    country_of, is_in, place_country, MONTHS, ORGANISATION_WORDS, SHORT_MONTHS, TITLES, WEEKDAYS,
};
use super::people::{adjacent, NameTable, PersonAt};
use super::tokens::{Tok, TokenAt};
use crate::date::{date_of_day, day_number_of};
use crate::model::{Fact, FactKind, Span};

fn month_of(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    let w = if w == "sept" { "sep".to_string() } else { w };
    MONTHS
        .iter()
        .position(|m| *m == w)
        .or_else(|| SHORT_MONTHS.iter().position(|m| *m == w))
        .map(|p| p as u32 + 1)
}

fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn iso(year: i64, month: u32, day: u32) -> Option<String> {
    ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month))
        .then(|| format!("{year:04}-{month:02}-{day:02}"))
}

fn number(word: &str) -> Option<f64> {
    word.replace(',', "").parse().ok()
}

/// Words before a weekday that put it ahead of the day of publication ("will stay shut on
/// Monday", "rain is expected on Monday", "next Monday"), lower-cased.
const FUTURE_MARKERS: &[&str] = &["will", "expected", "due", "scheduled", "next", "upcoming"];

/// Words before a weekday searched for a [`FUTURE_MARKERS`] word, within its clause.
const FUTURE_REACH: usize = 5;

/// True when a word of [`FUTURE_MARKERS`] stands in the few words before token `i` (a weekday)
/// within its clause: the day is the coming one, not the last. Not "due to" or "next to" (a
/// cause, a place), nor "than expected" (a comparison).
fn ahead_of_publication(toks: &[Tok], i: usize) -> bool {
    let marks = |k: usize| {
        let word = toks.at(k).lower.as_str();
        let next = toks.get(k + 1).map_or("", |t| t.lower.as_str());
        let before = k.checked_sub(1).map_or("", |b| toks.at(b).lower.as_str());
        FUTURE_MARKERS.contains(&word)
            && !(matches!(word, "due" | "next") && next == "to")
            && !(word == "expected" && before == "than")
    };
    (i.saturating_sub(FUTURE_REACH)..i)
        .rev()
        .take_while(|&k| {
            !toks
                .at(k)
                .gap_after
                .contains([',', ';', '.', '?', '!', '\n'])
        })
        .any(marks)
}

/// The facts of one document; `published` is the `YYYY-MM-DD` date relative dates resolve
/// against: its publication date, or the story's reference date.
pub fn facts(
    doc_id: &str,
    text: &str,
    toks: &[Tok],
    names: &NameTable,
    published: Option<&str>,
) -> Vec<Fact> {
    let mut out = Vec::new();
    let today = published.and_then(day_number_of);
    let pub_year = published
        .and_then(crate::date::parse)
        .map(|d| i64::from(chrono::Datelike::year(&d)));
    let push = |out: &mut Vec<Fact>, a: usize, b: usize, kind: FactKind, value: Option<String>| {
        // A possessive ends where its base ends ("Putin" of "Putin’s").
        let last = toks.at(b - 1);
        let end = last.start + last.base.len();
        out.push(Fact {
            doc: doc_id.to_string(),
            span: Span::clamped(toks.at(a).start, end),
            text: text.get(toks.at(a).start..end).unwrap_or("").to_string(),
            kind,
            value,
        });
    };
    let mut i = 0;
    while i < toks.len() {
        let t = toks.at(i);
        let word = t.base;
        // Numeric dates: 15/6/2022, 6/15/2022, 2022-06-15.
        let parts: Vec<&str> = word.split(['/', '-']).collect();
        // (Each part must read as a number: one too long for an i64 is none.)
        let numbers: Option<Vec<i64>> = (parts.len() == 3
            && parts
                .iter()
                .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit())))
        .then(|| parts.iter().map(|p| p.parse().ok()).collect())
        .flatten();
        if let (Some(&[n0, n1, n2]), &[p0, _, p2]) = (numbers.as_deref(), parts.as_slice()) {
            let value = if p0.len() == 4 {
                iso(n0, n1 as u32, n2 as u32)
            } else if p2.len() == 4 || p2.len() == 2 {
                let year = if p2.len() == 2 { 2000 + n2 } else { n2 };
                // Day first, as most of the world writes it, unless that cannot be a date.
                iso(year, n1 as u32, n0 as u32).or_else(|| iso(year, n0 as u32, n1 as u32))
            } else {
                None
            };
            if value.is_some() {
                push(&mut out, i, i + 1, FactKind::Date, value);
                i += 1;
                continue;
            }
        }
        // Month-name dates: "June 15, 2022", "June 15", "15 June 2022".
        if let Some(month) = t.cap.then(|| month_of(word)).flatten() {
            let day_after = toks
                .get(i + 1)
                .filter(|n| adjacent(t, n) || t.gap_after.trim() == ".")
                .and_then(|n| n.base.parse::<u32>().ok())
                .filter(|d| (1..=31).contains(d));
            let day_before = i
                .checked_sub(1)
                .and_then(|p| toks.get(p))
                .filter(|p| adjacent(p, t))
                .and_then(|p| p.base.parse::<u32>().ok())
                .filter(|d| (1..=31).contains(d));
            if let Some(day) = day_after.or(day_before) {
                let (first, mut last) = if day_after.is_some() {
                    (i, i + 2)
                } else {
                    (i - 1, i + 1)
                };
                let year_tok = toks.get(last).filter(|y| {
                    y.base.len() == 4
                        && y.base.chars().all(|c| c.is_ascii_digit())
                        && toks.at(last - 1).gap_after.trim().len() <= 1
                });
                let year = match year_tok {
                    Some(y) => {
                        last += 1;
                        y.base.parse().ok()
                    }
                    None => pub_year,
                };
                if day_before.is_some() && day_after.is_none() {
                    out.retain(|f: &Fact| {
                        !(f.kind == FactKind::Date && f.span.start() == toks.at(first).start)
                    });
                }
                push(
                    &mut out,
                    first,
                    last,
                    FactKind::Date,
                    year.and_then(|y| iso(y, month, day)),
                );
                i = last;
                continue;
            }
        }
        // Weekdays and relative days against the publication date.
        let lower = t.lower.as_str();
        let weekday = WEEKDAYS.iter().position(|w| *w == lower);
        if t.cap && weekday.is_some() || matches!(lower, "yesterday" | "today") {
            let value = today.and_then(|d| {
                let target = match (weekday, lower) {
                    // "Schools will stay shut on Monday": the coming one.
                    (Some(w), _) if ahead_of_publication(toks, i) => {
                        let current = (d + 3).rem_euclid(7);
                        // "next Monday" said on a Monday is a week on.
                        let ahead = (w as i64 - current).rem_euclid(7);
                        let next = i > 0 && toks.at(i - 1).lower == "next";
                        d + if ahead == 0 && next { 7 } else { ahead }
                    }
                    (Some(w), _) => {
                        // 1970-01-01 was a Thursday (weekday index 3).
                        let current = (d + 3).rem_euclid(7);
                        d - (current - w as i64).rem_euclid(7)
                    }
                    (None, "yesterday") => d - 1,
                    _ => d,
                };
                date_of_day(target)
            });
            push(&mut out, i, i + 1, FactKind::Date, value);
            i += 1;
            continue;
        }
        // Amounts: "$238 billion", "€3.5m"; percentages: "30 percent", "12%".
        let currency = text
            .get(..t.start)
            .unwrap_or("")
            .chars()
            .next_back()
            .filter(|c| matches!(c, '$' | '€' | '£' | '¥'));
        if let Some(value) =
            number(word).filter(|_| word.chars().next().is_some_and(|c| c.is_ascii_digit()))
        {
            let next = toks.get(i + 1).filter(|n| adjacent(t, n));
            let scale = next.and_then(|n| match n.lower.as_str() {
                "thousand" => Some(1e3),
                "million" | "m" | "mln" => Some(1e6),
                "billion" | "bn" | "b" => Some(1e9),
                "trillion" | "tn" => Some(1e12),
                _ => None,
            });
            let mut last = if scale.is_some() { i + 2 } else { i + 1 };
            if let Some(sign) = currency {
                let amount = value * scale.unwrap_or(1.0);
                let mut f = Fact {
                    doc: doc_id.to_string(),
                    span: Span::clamped(t.start - sign.len_utf8(), toks.at(last - 1).end),
                    text: String::new(),
                    kind: FactKind::Amount,
                    value: Some(format!("{sign}{amount}")),
                };
                f.text = text
                    .get(f.span.start()..f.span.end())
                    .unwrap_or("")
                    .to_string();
                out.push(f);
                i = last;
                continue;
            }
            let percent_sign = text.get(t.end..).unwrap_or("").starts_with('%');
            let percent_word = next.is_some_and(|n| n.lower == "percent")
                || (next.is_some_and(|n| n.lower == "per")
                    && toks.get(i + 2).is_some_and(|n| n.lower == "cent"));
            if percent_sign || percent_word {
                if percent_word {
                    last = if next.is_some_and(|n| n.lower == "per") {
                        i + 3
                    } else {
                        i + 2
                    };
                }
                let mut f = Fact {
                    doc: doc_id.to_string(),
                    span: Span::clamped(
                        t.start,
                        if percent_sign {
                            t.end + 1
                        } else {
                            toks.at(last - 1).end
                        },
                    ),
                    text: String::new(),
                    kind: FactKind::Percent,
                    value: Some(format!("{value}")),
                };
                f.text = text
                    .get(f.span.start()..f.span.end())
                    .unwrap_or("")
                    .to_string();
                out.push(f);
                i = last;
                continue;
            }
        }
        // Names: capitalised runs.
        if t.cap && !t.in_quote {
            let mut j = i + 1;
            while j < toks.len()
                && toks.at(j).cap
                && adjacent(toks.at(j - 1), toks.at(j))
                && !toks.at(j - 1).possessive
            {
                j += 1;
            }
            // Leading function words and titles are not part of the name ("The", "A", "Mr").
            let mut s0 = i;
            while s0 < j
                && (crate::terms::is_stopword(&toks.at(s0).lower)
                    || is_in(&TITLES, &toks.at(s0).lower))
            {
                s0 += 1;
            }
            if s0 == j {
                i = j;
                continue;
            }
            let run = toks.within(s0..j);
            let person = run
                .iter()
                .rev()
                .find_map(|x| names.part(x.base))
                .filter(|&p| names.people.person(p).confirmed)
                .filter(|_| !run.iter().any(|x| is_in(&ORGANISATION_WORDS, &x.lower)));
            let acronym = |x: &Tok| {
                x.base.chars().filter(|c| c.is_alphabetic()).count() >= 2
                    && x.base.chars().all(|c| !c.is_lowercase())
            };
            let organisation = run.iter().any(|x| is_in(&ORGANISATION_WORDS, &x.lower))
                || (run.len() == 1 && acronym(run.at(0)) && country_of(run.at(0).base).is_none());
            let sentence_start = i == 0
                || text
                    .get(..t.start)
                    .unwrap_or("")
                    .trim_end()
                    .ends_with(['.', '!', '?', '\n', '"', '“']);
            if let Some(p) = person {
                // The span covers the name's own words ("Xi Jinping" of "Chinese President Xi Jinping").
                let name = &names.people.person(p).name;
                let first = (s0..j)
                    .find(|&k| name.split_whitespace().any(|w| w == toks.at(k).base))
                    .unwrap_or(s0);
                push(&mut out, first, j, FactKind::Person, Some(name.clone()));
            } else if organisation && !(sentence_start && run.len() == 1 && !acronym(run.at(0))) {
                push(&mut out, s0, j, FactKind::Organisation, None);
            } else if let Some(country) =
                place_country(&run.iter().map(|x| x.base).collect::<Vec<_>>().join(" "))
            {
                push(&mut out, s0, j, FactKind::Place, Some(country.to_string()));
            }
            i = j;
            continue;
        }
        i += 1;
    }
    out
}

#[cfg(test)]
// A test reads what it expects by index: a panic there is the test failing.
#[allow(clippy::string_slice)]
mod tests {
    use super::*;
    use crate::attribute::tokens::tokenize;

    fn facts_of(text: &str, published: Option<&str>) -> Vec<Fact> {
        let toks = tokenize(text, &[]);
        let names = NameTable::build(&toks);
        facts("d", text, &toks, &names, published)
    }

    fn value(f: &[Fact], text: &str) -> Option<String> {
        f.iter()
            .find(|x| x.text == text)
            .and_then(|x| x.value.clone())
    }

    #[test]
    fn dates_resolve_against_the_publication_date() {
        let f = facts_of("Quillon phoned Brandt on Wednesday and wrote on 15/6/2022 and again on June 20, 2022. The forum opens June 17.", Some("2022-06-16"));
        assert_eq!(value(&f, "Wednesday").as_deref(), Some("2022-06-15"));
        assert_eq!(value(&f, "15/6/2022").as_deref(), Some("2022-06-15"));
        assert_eq!(value(&f, "June 20, 2022").as_deref(), Some("2022-06-20"));
        assert_eq!(value(&f, "June 17").as_deref(), Some("2022-06-17"));
        for x in &f {
            assert_eq!(&"Quillon phoned Brandt on Wednesday and wrote on 15/6/2022 and again on June 20, 2022. The forum opens June 17."[x.span.start()..x.span.end()], x.text);
        }
    }

    #[test]
    fn a_weekday_after_will_or_expected_is_the_coming_one() {
        let text = "The ferry stopped on Monday. Crews will reopen the pier on Monday, and more \
                    rain is expected on Friday. The mayor spoke on Friday. Flights were cancelled \
                    due to fog on Monday. A fire broke out next to the school on Monday. Will the \
                    pier hold? Engineers found cracks on Monday.";
        // 2031-03-05 is a Wednesday.
        let f = facts_of(text, Some("2031-03-05"));
        let days: Vec<Option<String>> = f
            .iter()
            .filter(|x| x.kind == FactKind::Date)
            .map(|x| x.value.clone())
            .collect();
        let expected = [
            "2031-03-03",
            "2031-03-10",
            "2031-03-07",
            "2031-02-28",
            "2031-03-03",
            "2031-03-03",
            "2031-03-03",
        ];
        assert_eq!(days, expected.map(|d| Some(d.to_string())));
    }

    #[test]
    fn a_numeric_date_with_a_part_too_long_for_a_number_is_no_date() {
        // Found by the attribution fuzz target: a part of digits past i64 made the parts three
        // and the numbers two.
        let text = "The ledger reads 123456789012345678901/2/2020 and 2/123456789012345678901/20 and 3/4/2020.";
        let f = facts_of(text, None);
        assert_eq!(value(&f, "3/4/2020").as_deref(), Some("2020-04-03"));
        assert!(f.iter().all(|x| !x.text.contains("1234567890")));
    }

    #[test]
    fn amounts_percentages_and_names() {
        let text = "Trade reached $238 billion, up nearly 30 percent, the Foreign Ministry said, as President Xi Jinping met officials in Beijing. Prices rose 14.7 per cent and 12%.";
        let f = facts_of(text, None);
        assert_eq!(value(&f, "$238 billion").as_deref(), Some("$238000000000"));
        assert_eq!(value(&f, "30 percent").as_deref(), Some("30"));
        assert_eq!(value(&f, "14.7 per cent").as_deref(), Some("14.7"));
        assert_eq!(value(&f, "12%").as_deref(), Some("12"));
        assert!(f
            .iter()
            .any(|x| x.kind == FactKind::Person && x.value.as_deref() == Some("Xi Jinping")));
        assert!(f
            .iter()
            .any(|x| x.kind == FactKind::Organisation && x.text == "Foreign Ministry"));
        assert!(f
            .iter()
            .any(|x| x.kind == FactKind::Place && x.text == "Beijing"));
    }

    #[test]
    fn impossible_dates_are_not_dates() {
        let f = facts_of("Section 31/2/2022 and 44/44/2022.", None);
        assert!(f.iter().all(|x| x.kind != FactKind::Date));
    }
}
