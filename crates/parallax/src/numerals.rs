//! Numbers written as words or numerals ("thirty-seven", "1,200", "a dozen"): their values.
//! Any stage may read them: attribution never takes a number for a name, comparison reads the
//! figures accounts give.

/// Number words below ten.
pub(crate) const UNITS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
];

/// Number words from ten to nineteen.
const TEENS: &[&str] = &[
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];

/// Number words for the tens from twenty.
pub(crate) const TENS: &[&str] = &[
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// A number word or numeral: its value.
pub(crate) fn number_word(lower: &str) -> Option<f64> {
    // (Commas are dropped only from what opens with a digit once they are gone: most words
    // are not numerals, and are read without a copy.)
    let opening = lower.trim_start_matches(',');
    if opening.starts_with(|c: char| c.is_ascii_digit()) {
        let digits = lower.replace(',', "");
        return digits.parse::<f64>().ok().filter(|v| v.is_finite());
    }
    if let Some(p) = UNITS.iter().position(|w| *w == lower) {
        return Some(p as f64 + 1.0);
    }
    if let Some(p) = TEENS.iter().position(|w| *w == lower) {
        return Some(p as f64 + 10.0);
    }
    if lower == "dozen" {
        return Some(12.0);
    }
    let (tens, unit) = lower.split_once('-').unwrap_or((lower, ""));
    let t = TENS.iter().position(|w| *w == tens)? as f64 * 10.0 + 20.0;
    if unit.is_empty() {
        return Some(t);
    }
    Some(t + UNITS.iter().position(|w| *w == unit)? as f64 + 1.0)
}
