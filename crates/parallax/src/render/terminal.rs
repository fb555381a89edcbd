//! Terminal safety: text from inputs (file names, ids, titles, outlets, article text) shown
//! on a terminal with its control characters made visible, so that no input can move the
//! cursor, recolour the screen, forge a line of output or reorder what is shown.
//!
//! Escaped: the C0 controls (a line keeps its tabs and newlines only where it is multi-line
//! text), DEL, the C1 controls and the bidirectional overrides and isolates. Each becomes
//! `\u{..}`, so it reads as what it is.

use std::borrow::Cow;
use std::fmt::Write;

/// True for the characters a terminal may act on instead of showing.
fn is_hazard(c: char, keep_lines: bool) -> bool {
    match c {
        '\n' | '\t' => !keep_lines,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' => true,
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => true,
        _ => false,
    }
}

/// `text` with every hazard written by `show`; borrowed when there is none.
fn rewrite(text: &str, keep_lines: bool, show: fn(&mut String, char)) -> Cow<'_, str> {
    if !text.chars().any(|c| is_hazard(c, keep_lines)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if is_hazard(c, keep_lines) {
            show(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A hazard as Rust writes it: `\u{1b}`.
fn rust_escape(out: &mut String, c: char) {
    let _ = write!(out, "\\u{{{:x}}}", c as u32);
}

/// A hazard as JSON writes it: `\u001b`.
fn json_escape(out: &mut String, c: char) {
    let _ = write!(out, "\\u{:04x}", c as u32);
}

fn escape(text: &str, keep_lines: bool) -> Cow<'_, str> {
    rewrite(text, keep_lines, rust_escape)
}

/// A one-line field (a file name, an id, a title, a reason): every control character escaped,
/// newlines and tabs included.
pub fn line(text: &str) -> Cow<'_, str> {
    escape(text, false)
}

/// Multi-line text (an article, a report): control characters escaped, newlines and tabs kept.
pub fn text(text: &str) -> Cow<'_, str> {
    escape(text, true)
}

/// JSON text with the characters that JSON may leave raw inside strings (DEL, the C1 controls,
/// the bidirectional controls) written as `\uXXXX` escapes: the same JSON value, safe to print.
pub fn json(json: &str) -> Cow<'_, str> {
    // JSON itself escapes the C0 controls; any other hazard can only sit inside a string.
    rewrite(json, true, json_escape)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_and_line_breaks_in_a_name_are_made_visible() {
        let name = "a\u{1b}[2Jb\nparallax: forged\r\u{9b}31m\u{202e}txt";
        let shown = line(name);
        assert!(!shown.chars().any(|c| c.is_control()), "{shown}");
        assert_eq!(
            shown,
            "a\\u{1b}[2Jb\\u{a}parallax: forged\\u{d}\\u{9b}31m\\u{202e}txt"
        );
    }

    #[test]
    fn text_keeps_its_lines_and_plain_text_is_not_copied() {
        assert_eq!(text("one\n\ttwo\u{7}"), "one\n\ttwo\\u{7}");
        assert!(matches!(line("Plain words, café."), Cow::Borrowed(_)));
    }

    #[test]
    fn json_stays_the_same_value() {
        let value = serde_json::json!({"title": "x\u{1b}y\u{85}z\u{2067}"});
        let raw = serde_json::to_string(&value).unwrap();
        let safe = json(&raw);
        assert!(!safe.chars().any(|c| c.is_control()), "{safe}");
        let back: serde_json::Value = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, value);
    }
}
