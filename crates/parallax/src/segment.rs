//! Segment: cleaned text to sentences, as byte spans.
//!
//! A sentence ends at `.`, `!`, `?` or `…` (with any closing quotes or brackets after it) when
//! whitespace and a sentence opener follow, and always at a line break. A full stop does not end a
//! sentence after a title or abbreviation ("Mr.", "St.", "Jan."), an initial ("J."), or a dotted
//! acronym ("U.S.") unless a typical sentence opener follows. A boundary inside a quotation is
//! skipped when the quotation closes in the same paragraph and its attribution follows
//! (`"... B." he said`), so a quote spanning sentences stays with its speaker.

use crate::span::Span;

/// Words after which a full stop is an abbreviation, not a sentence end.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "gen", "lt", "col", "sgt", "capt", "gov",
    "sen", "rep", "rev", "hon", "pres", "inc", "ltd", "co", "corp", "vs", "no", "nos", "jan",
    "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft",
    "fig", "approx", "dept", "est", "maj", "adm", "cmdr", "supt",
];

/// How far (in bytes) a sentence end inside a quotation looks for the quotation's close.
const QUOTE_LOOKAHEAD: usize = 2000;

/// Capitalised words that open a sentence after a dotted acronym ("... the U.S. The ...").
const OPENERS: &[&str] = &[
    "The", "A", "An", "He", "She", "It", "They", "We", "I", "But", "And", "In", "On", "This",
    "That", "There", "His", "Her", "Their", "Its", "Some", "Many", "As", "At", "For", "If", "When",
    "While", "After", "Before",
];

/// Sentence spans of `text`, in order, trimmed of surrounding whitespace.
pub fn sentences(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive(['\n', '\r']) {
        split_paragraph(text, line_start, line_start + line.len(), &mut out);
        line_start += line.len();
    }
    out
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        let s = start + lead;
        out.extend(Span::new(s, s + trimmed.len()));
    }
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '”' | '’' | '\'' | ')' | ']' | '»')
}

fn split_paragraph(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let para = &text[start..end];
    let chars: Vec<(usize, char)> = para.char_indices().collect();
    let mut sentence_start = 0;
    let mut in_quote = false;
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        match c {
            '“' => in_quote = true,
            '”' => in_quote = false,
            '"' => in_quote = !in_quote,
            _ => {}
        }
        if !matches!(c, '.' | '!' | '?' | '…') {
            i += 1;
            continue;
        }
        // Absorb repeated terminators and closing quotes or brackets.
        let mut j = i + 1;
        while j < chars.len()
            && (matches!(chars[j].1, '.' | '!' | '?' | '…') || is_closer(chars[j].1))
        {
            if matches!(chars[j].1, '”' | '"') {
                in_quote = false;
            }
            j += 1;
        }
        let boundary = chars.get(j).map_or(para.len(), |&(o, _)| o);
        let followed_by_space = chars.get(j).is_some_and(|&(_, c)| c.is_whitespace());
        if !followed_by_space {
            i = j;
            continue;
        }
        let mut k = j;
        while k < chars.len() && chars[k].1.is_whitespace() {
            k += 1;
        }
        let Some(&(next_at, next)) = chars.get(k) else {
            i = j;
            continue;
        };
        let opens = next.is_uppercase()
            || next.is_ascii_digit()
            || matches!(next, '“' | '"' | '‘' | '\'' | '(' | '[' | '—' | '–');
        let closed_here = j > i + 1 && chars[i + 1..j].iter().any(|&(_, c)| matches!(c, '”' | '"'));
        // `“Is there a prize?” Marwick asked`: a closing quote followed by its attribution.
        // After a full stop the attribution must end there too (`“We won.” Roe said.`):
        // `“We won.” Roe said the count …` opens a sentence of its own.
        let attribution_after = closed_here
            && attribution_starts(&para[next_at..]).is_some_and(|ends| c != '.' || ends);
        if opens
            && !(c == '.' && !closed_here && is_abbreviation(para, at, &para[next_at..]))
            && !(in_quote && attribution_follows_quote(&para[next_at..]))
            && !attribution_after
        {
            push_trimmed(text, start + sentence_start, start + boundary, out);
            sentence_start = boundary;
        }
        i = j;
    }
    push_trimmed(text, start + sentence_start, end, out);
}

/// True when the full stop at `dot` ends an abbreviation rather than the sentence.
fn is_abbreviation(para: &str, dot: usize, rest: &str) -> bool {
    let before = &para[..dot];
    let word_start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace() || matches!(c, '(' | '"' | '“'))
        .map_or(0, |(p, c)| p + c.len_utf8());
    let word = &before[word_start..];
    if word.is_empty() {
        return false;
    }
    let next_word = rest.split_whitespace().next().unwrap_or("");
    let next_word = next_word.trim_end_matches(|c: char| !c.is_alphanumeric());
    let lower = word.to_lowercase();
    if ABBREVIATIONS.contains(&lower.as_str()) {
        return true;
    }
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() == 1 && word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
        return !OPENERS.contains(&next_word);
    }
    let dotted = word.contains('.')
        && word
            .split('.')
            .all(|p| p.chars().count() <= 2 && p.chars().all(char::is_alphabetic));
    dotted && !OPENERS.contains(&next_word)
}

/// True when the text after a closing quote (still to come) reads as its attribution: the quote
/// closes in this paragraph and a comma or a lower-case word follows it.
fn attribution_follows_quote(rest: &str) -> bool {
    // A quotation that runs on for pages is not kept in one sentence; the window bounds the cost.
    let mut window = rest.len().min(QUOTE_LOOKAHEAD);
    while !rest.is_char_boundary(window) {
        window -= 1;
    }
    let rest = &rest[..window];
    let Some(close) = rest.find(['”', '"']) else {
        return false;
    };
    let close_len = rest[close..].chars().next().map_or(1, char::len_utf8);
    let after = rest[close + close_len..].trim_start();
    let inside = &rest[..close];
    let before_close_ok = inside.trim_end().ends_with([',', '.', '!', '?'])
        || inside.trim_end().ends_with(|c: char| c.is_alphanumeric());
    before_close_ok
        && after
            .chars()
            .next()
            .is_some_and(|c| c.is_lowercase() || c == ',')
}

/// Most words of a description set off by commas between a name and its verb ("Lee, a retired
/// clerk from the harbour office, said").
const MAX_DESCRIPTION_WORDS_BEFORE_VERB: usize = 10;

/// When `rest` opens with a name of one to three capitalised words and a reporting verb
/// ("Marwick asked", "Mr Xi said"), the name perhaps followed by a description between commas
/// ("Marwick, a clerk at the port, asked"): whether the attribution ends with the verb (a comma,
/// a full stop or nothing after it: "Marwick asked." rather than "Marwick asked the board …").
fn attribution_starts(rest: &str) -> Option<bool> {
    // Four words for the name and its verb, and one more after them; or a name, its
    // description and the verb.
    let words: Vec<&str> = rest
        .split_whitespace()
        .take(MAX_DESCRIPTION_WORDS_BEFORE_VERB + 5)
        .collect();
    let verb_at = |i: usize| {
        let w = words.get(i)?;
        let bare = w.trim_end_matches([',', '.', ';']);
        crate::lexicon::CUES.contains(bare).then(|| {
            // "She adds, “…”": a verb that opens another quotation introduces it, and ends
            // nothing.
            let opens_next = words
                .get(i + 1)
                .is_some_and(|n| n.starts_with(['“', '"', '‘', '«']));
            (bare.len() < w.len() && !opens_next) || i + 1 == words.len()
        })
    };
    for (i, w) in words.iter().take(4).enumerate() {
        let bare = w.trim_end_matches([',', '.', ';']);
        if i > 0 {
            if let Some(ends) = verb_at(i) {
                return Some(ends);
            }
        }
        if !w.chars().next().is_some_and(char::is_uppercase) {
            return None;
        }
        if w.ends_with(',') && !bare.is_empty() {
            // "Lee, a clerk at the port, said": the description's closing comma, then the verb.
            // An age may stand first ("Lee, 54, a retired clerk, asked").
            let age = words
                .get(i + 1)
                .is_some_and(|a| a.trim_end_matches(',').chars().all(|c| c.is_ascii_digit()));
            if age {
                if let Some(ends) = verb_at(i + 2) {
                    return Some(ends);
                }
            }
            let from = i + 1 + usize::from(age);
            let close = (from..words.len().min(from + MAX_DESCRIPTION_WORDS_BEFORE_VERB))
                .find(|&j| words[j].ends_with(','))?;
            return verb_at(close + 1);
        }
        if w.ends_with(['.', ';']) && i == 0 && !bare.is_empty() && bare.len() > 3 {
            return None;
        }
    }
    None
}

/// How many whitespace-separated words `text` has: `text.split_whitespace().count()`, with ASCII
/// text read byte by byte.
pub fn word_count(text: &str) -> usize {
    if !text.is_ascii() {
        return text.split_whitespace().count();
    }
    let mut count = 0;
    let mut in_word = false;
    for &b in text.as_bytes() {
        // The ASCII characters `char::is_whitespace` counts (vertical tab included).
        let space = matches!(b, b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r' | b' ');
        if !space && !in_word {
            count += 1;
        }
        in_word = !space;
    }
    count
}

/// Word tokens of `text` as byte spans: runs of letters and digits, with inner apostrophes,
/// hyphens and dots kept ("Russia's", "Xi-Putin", "U.S").
pub fn words(text: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len() / 6);
    let mut start: Option<usize> = None;
    let mut last_end = 0;
    let mut at = 0;
    while at < bytes.len() {
        if bytes[at].is_ascii_alphanumeric() {
            // A run of ASCII letters and digits, the most of any text, in one step.
            if start.is_none() {
                start = Some(at);
            }
            at += bytes[at..]
                .iter()
                .position(|b| !b.is_ascii_alphanumeric())
                .unwrap_or(bytes.len() - at);
            last_end = at;
            continue;
        }
        // Other ASCII bytes are read as they are; other characters are decoded.
        let (c, len, alphanumeric) = match bytes[at] {
            b if b < 0x80 => (char::from(b), 1, b.is_ascii_alphanumeric()),
            _ => match text[at..].chars().next() {
                Some(c) => (c, c.len_utf8(), c.is_alphanumeric()),
                None => break,
            },
        };
        if alphanumeric {
            if start.is_none() {
                start = Some(at);
            }
            last_end = at + len;
        } else if start.is_some()
            && matches!(c, '\'' | '’' | '-' | '.' | '/')
            && text[at + len..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
        {
            // A joiner inside a word ("don't", "U.S.", "24/7") keeps the word open.
        } else if let Some(s) = start.take() {
            out.extend(Span::new(s, last_end));
        }
        at += len;
    }
    if let Some(s) = start {
        out.extend(Span::new(s, last_end));
    }
    out
}

/// True for a line that ends with sentence punctuation, possibly inside closing quotes or brackets.
pub(crate) fn ends_like_sentence(line: &str) -> bool {
    let trimmed = line.trim_end_matches(['"', '”', '’', '\'', ')', ']', '»']);
    trimmed.ends_with(['.', '!', '?', '…', ':', ';', '。', '！', '？'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_counted_as_split_whitespace_counts_them() {
        for text in [
            "",
            "   ",
            "one",
            " two  words ",
            "tab\tand\x0bvertical\x0cfeed\r\nline",
            "caf\u{e9} and\u{a0}no-break\u{2003}space",
            "\u{85}next line",
        ] {
            assert_eq!(
                word_count(text),
                text.split_whitespace().count(),
                "{text:?}"
            );
        }
    }

    fn split(text: &str) -> Vec<&str> {
        sentences(text)
            .iter()
            .map(|s| s.slice(text).unwrap())
            .collect()
    }

    #[test]
    fn abbreviations_dates_and_numbers_do_not_split() {
        let t = "Mr. Smith met Dr. Jones in St. Petersburg on 15/6/2022. Prices rose 3.5 percent. The U.S. Senate agreed.";
        assert_eq!(
            split(t),
            vec![
                "Mr. Smith met Dr. Jones in St. Petersburg on 15/6/2022.",
                "Prices rose 3.5 percent.",
                "The U.S. Senate agreed."
            ]
        );
    }

    #[test]
    fn quotes_stay_with_their_attribution() {
        let t = "“We will win. We always do,” he said. Then he left.";
        assert_eq!(
            split(t),
            vec!["“We will win. We always do,” he said.", "Then he left."]
        );
        let t2 = "She called it “a disaster.” Others disagreed.";
        assert_eq!(
            split(t2),
            vec!["She called it “a disaster.”", "Others disagreed."]
        );
    }

    #[test]
    fn a_quotation_closed_by_a_full_stop_keeps_only_an_attribution_that_ends() {
        let t = "“The count is final.” Roe said. Then she left.";
        assert_eq!(
            split(t),
            vec!["“The count is final.” Roe said.", "Then she left."]
        );
        // The verb reports a clause of its own: a new sentence.
        let t2 = "“The count is final.” He said the ballots would be kept for a year.";
        assert_eq!(
            split(t2),
            vec![
                "“The count is final.”",
                "He said the ballots would be kept for a year."
            ]
        );
        // A verb that opens another quotation introduces it: a new sentence.
        let t4 = "She called the plan “a waste of money.” She adds, “Who pays for it?”";
        assert_eq!(
            split(t4),
            vec![
                "She called the plan “a waste of money.”",
                "She adds, “Who pays for it?”"
            ]
        );
        // A question keeps the attribution after it, whatever follows.
        let t3 = "“Is the count final?” Roe asked the clerk before noon.";
        assert_eq!(split(t3), vec![t3]);
        // So may an age, alone or before the description.
        let t7 = "“Will the pier reopen?” Tom Brandt, 54, a ferry captain, asked.";
        assert_eq!(split(t7), vec![t7]);
        // A description between commas may stand between the name and the verb.
        let t5 = "“Will the pier reopen?” Tom Brandt, a ferry captain from Port Ellis, asked.";
        assert_eq!(split(t5), vec![t5]);
        // Without a verb after it, the next sentence is the narrator's.
        let t6 = "“Will the pier reopen?” Tom Brandt, a ferry captain, has no answer yet.";
        assert_eq!(
            split(t6),
            vec![
                "“Will the pier reopen?”",
                "Tom Brandt, a ferry captain, has no answer yet."
            ]
        );
    }

    #[test]
    fn line_breaks_always_split() {
        assert_eq!(
            split("A headline\nThe body starts here."),
            vec!["A headline", "The body starts here."]
        );
    }

    #[test]
    fn word_spans_keep_inner_punctuation() {
        let t = "Russia's Xi-Putin call (U.S. view)";
        let w: Vec<&str> = words(t).iter().map(|s| s.slice(t).unwrap()).collect();
        assert_eq!(w, vec!["Russia's", "Xi-Putin", "call", "U.S", "view"]);
    }
}
