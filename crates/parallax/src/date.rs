//! Dates: the calendar day a page was published or a fact names, as a type that orders by
//! time (`chrono`'s [`NaiveDate`]), read from the ways pages and feeds write it.
//!
//! [`parse`] reads an ISO 8601 date or timestamp ("2022-06-15", "2022-06-15T10:00:00Z"), a
//! slashed one ("2022/06/15"), and the dates written in words of news pages and feeds: "June
//! 15, 2022", "Jun. 15, 2022", "15 June 2022", "Wed, 15 Jun 2022 10:00:00 GMT" (RFC 2822). A
//! numeric day-month order that could be read both ways ("06/07/2022") is not guessed. The day
//! is the one written, whatever time zone follows it. Reports write a date as `YYYY-MM-DD`
//! ([`iso`]), so a date written any of these ways sorts as a date everywhere.

pub use chrono::NaiveDate;

use chrono::Datelike;

/// Months by name, as pages abbreviate them; the index is the month's number less one.
const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// Reads the calendar day at the start of `text` (see the module doc), or `None`.
pub fn parse(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    iso_prefix(text).or_else(|| in_words(text))
}

/// Reads the calendar day a page's date stamp writes among a label, a clock time and a weekday
/// ("Updated 2:14 PM, Tuesday, March 3, 2026", "Posted: Mar 03, 2026 / 05:14 PM CET").
pub fn in_stamp(text: &str) -> Option<NaiveDate> {
    if let Some(date) = text.split_whitespace().find_map(iso_prefix) {
        return Some(date);
    }
    // The month, the day and the year: labels, weekdays and clock times left out.
    let words: Vec<&str> = text
        .split_whitespace()
        .filter(|w| {
            let bare = w.trim_end_matches([',', ';', '.']).to_ascii_lowercase();
            !bare.contains(':')
                && (bare.starts_with(|c: char| c.is_ascii_digit()) || month_of(&bare).is_some())
        })
        .collect();
    in_words(&words.join(" "))
}

/// The date as `YYYY-MM-DD`.
pub fn iso(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// The `YYYY-MM-DD` form of the date at the start of `text` ([`parse`]).
pub(crate) fn iso_of(text: &str) -> Option<String> {
    parse(text).map(iso)
}

/// Days since 1970-01-01 (negative before it).
pub(crate) fn day_number(date: NaiveDate) -> i64 {
    i64::from(date.num_days_from_ce()) - i64::from(EPOCH_DAYS_FROM_CE)
}

/// The day `days` days after 1970-01-01, if the calendar holds it.
pub(crate) fn from_day_number(days: i64) -> Option<NaiveDate> {
    let from_ce = i32::try_from(days.checked_add(i64::from(EPOCH_DAYS_FROM_CE))?).ok()?;
    NaiveDate::from_num_days_from_ce_opt(from_ce)
}

/// Days since 1970-01-01 of the date at the start of `text` ([`parse`]).
pub(crate) fn day_number_of(text: &str) -> Option<i64> {
    parse(text).map(day_number)
}

/// The `YYYY-MM-DD` date `days` days after 1970-01-01, if the calendar holds it.
pub fn date_of_day(days: i64) -> Option<String> {
    from_day_number(days).map(iso)
}

/// Days from 0001-01-01 (day 1) to 1970-01-01.
const EPOCH_DAYS_FROM_CE: i32 = 719_163;

/// `YYYY-MM-DD` or `YYYY/MM/DD` at the start, followed by nothing or by a time.
fn iso_prefix(text: &str) -> Option<NaiveDate> {
    let b = text.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    let separated = b.len() >= 10
        && digits(0..4)
        && digits(5..7)
        && digits(8..10)
        && matches!(b[4], b'-' | b'/')
        && b[7] == b[4];
    if !separated || b.get(10).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let number = |r: std::ops::Range<usize>| text.get(r)?.parse::<u32>().ok();
    let year = i32::try_from(number(0..4)?).ok()?;
    NaiveDate::from_ymd_opt(year, number(5..7)?, number(8..10)?)
}

/// A date written with its month's name: "June 15, 2022", "15 June 2022", "Wed, 15 Jun 2022
/// 10:00:00 GMT". The first month name, the first one- or two-digit number and the first
/// four-digit number among the first words make the date.
fn in_words(text: &str) -> Option<NaiveDate> {
    let (mut month, mut day, mut year) = (None, None, None);
    for word in text
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | '-' | '/'))
        .filter(|w| !w.is_empty())
        .take(6)
    {
        if word.contains(':') {
            break;
        }
        let lower = word.to_ascii_lowercase();
        if word.bytes().all(|c| c.is_ascii_digit()) {
            match word.len() {
                1 | 2 if day.is_none() => day = word.parse::<u32>().ok(),
                4 if year.is_none() => year = word.parse::<i32>().ok(),
                _ => return None,
            }
        } else if let Some(m) = month_of(&lower) {
            if month.replace(m).is_some() {
                return None;
            }
        } else if let Some(d) = ordinal_day(&lower).filter(|_| day.is_none()) {
            day = Some(d);
        }
        if let (Some(m), Some(d), Some(y)) = (month, day, year) {
            return NaiveDate::from_ymd_opt(y, m, d);
        }
    }
    None
}

/// The month a word names ("June", "jun", "sept"), numbered from 1.
pub(crate) fn month_of(lower: &str) -> Option<u32> {
    if lower.len() < 3 || !lower.bytes().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let month = MONTHS.iter().position(|m| lower.starts_with(m))?;
    let full = chrono::Month::try_from(month as u8 + 1)
        .ok()?
        .name()
        .to_ascii_lowercase();
    (full.starts_with(lower) || lower == "sept").then_some(month as u32 + 1)
}

/// The day of an ordinal written with digits: "15th", "1st", "22nd", "3rd".
fn ordinal_day(lower: &str) -> Option<u32> {
    let digits = lower.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &lower[digits.len()..];
    let ok = (1..=2).contains(&digits.len()) && matches!(suffix, "st" | "nd" | "rd" | "th");
    ok.then(|| digits.parse().ok()).flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Option<String> {
        iso_of(text)
    }

    #[test]
    fn dates_written_every_way_are_one_date() {
        for text in [
            "2019-03-04",
            "2019-03-04T23:30:00-05:00",
            "2019/03/04",
            "March 4, 2019",
            "Mar. 4, 2019",
            "4 March 2019",
            "Monday, March 4th, 2019",
            "Mon, 04 Mar 2019 23:30:00 GMT",
            "  March 4 2019 ",
        ] {
            assert_eq!(read(text).as_deref(), Some("2019-03-04"), "{text}");
        }
    }

    #[test]
    fn a_stamp_s_date_is_read_past_its_label_clock_and_weekday() {
        let stamp = |text: &str| in_stamp(text).map(iso);
        assert_eq!(
            stamp("Updated 4:20 PM, Monday, March 2, 2026").as_deref(),
            Some("2026-03-02")
        );
        assert_eq!(
            stamp("Posted: Mar 02, 2026 / 05:14 p.m. CET").as_deref(),
            Some("2026-03-02")
        );
        assert_eq!(stamp("Updated 4:20 PM"), None);
        assert_eq!(
            stamp("Last updated on Monday, March 2, 2026").as_deref(),
            Some("2026-03-02")
        );
        assert_eq!(
            stamp("Published: 2026-03-02T14:05Z").as_deref(),
            Some("2026-03-02")
        );
    }

    #[test]
    fn what_is_not_one_day_is_refused() {
        for text in [
            "",
            "March 2019",
            "2019",
            "06/07/2019",
            "2019-02-30",
            "2019-13-01",
            "20190304",
            "March 4",
            "Marching 4, 2019",
            "the 4th of the month",
        ] {
            assert_eq!(read(text), None, "{text}");
        }
    }

    #[test]
    fn dates_order_by_time_not_by_their_text() {
        let mut dates: Vec<NaiveDate> = ["June 15, 2022", "2022-06-01", "1 January 2023"]
            .into_iter()
            .filter_map(parse)
            .collect();
        dates.sort();
        let written: Vec<String> = dates.into_iter().map(iso).collect();
        assert_eq!(written, ["2022-06-01", "2022-06-15", "2023-01-01"]);
    }

    #[test]
    fn day_numbers_count_from_1970() {
        let day = |t: &str| parse(t).map(day_number);
        assert_eq!(day("1970-01-01"), Some(0));
        assert_eq!(day("1969-12-31"), Some(-1));
        assert_eq!(
            day("2022-06-15").zip(day("2022-06-01")).map(|(a, b)| a - b),
            Some(14)
        );
        for text in ["2000-02-29", "1999-12-31", "2024-03-01"] {
            let n = day(text).unwrap();
            assert_eq!(from_day_number(n).map(iso).as_deref(), Some(text));
        }
        assert_eq!(from_day_number(i64::MAX), None);
    }
}
