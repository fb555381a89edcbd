//! Embedded posts: the layout a social-media post takes when a page's text carries it.
//!
//! A post embedded in an article and saved as text reads `WORDS [link] — Name (@handle) Date`:
//! the post's words, the link to its picture or page, then the account's display name and
//! handle. A picture post signs the same way after its caption: `WORDS A post shared by Name
//! (@handle) on Date`. Cleaning keeps such a line as article text although it ends in a date
//! rather than a full stop; attribution gives its words to the name, through the handle. A
//! page's post carries no handle: its embed's text puts the credit line `Posted by Name on
//! Weekday, Date` on the line after the post's words ([`signature`]). A quotation signs the
//! same way when a page lists what people said, one a line: `“WORDS.” ― Name`
//! ([`signed_quotation`]).

use crate::lexicon::{is_in, DETERMINERS};

/// Most words in a post's display name.
pub(crate) const MAX_NAME_WORDS: usize = 6;
/// Longest paragraph a signature on the next line signs, in bytes: a post's words (280
/// characters at most on the largest platform) with a link and a few symbols of several bytes.
/// A longer paragraph is the article's, left before a post whose own words were dropped.
pub(crate) const MAX_POST_BYTES: usize = 400;
/// Where a post's words end and its link begins.
const LINK_MARKS: &[&str] = &["https://", "http://", "pic.twitter.com"];

/// Quotation marks that open and close a signed quotation (a page may print a closing mark
/// for an opening one).
const QUOTATION_MARKS: &[char] = &['"', '“', '”', '‘', '’', '\''];
/// Dashes that open a quotation's signature ("― Ann Roe").
const SIGNATURE_DASHES: &[char] = &['―', '—', '–'];

/// A byte range of a line: start, end.
pub type ByteRange = (usize, usize);

/// The parts of one line that is an embedded post, as byte ranges of the line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Post {
    /// The post's words, before any link, trimmed.
    pub words: (usize, usize),
    /// The display name after the dash.
    pub name: (usize, usize),
    /// The handle with its `@`.
    pub handle: (usize, usize),
}

/// What opens a post's signature: the dash of a text post, the credit line of a picture post.
const SIGNATURE_OPENERS: &[&str] = &["— ", "A post shared by "];
/// The same after the post's words: a space, then the opener.
const SIGNATURE_MARKS: &[&str] = &[" — ", " A post shared by "];

/// What opens the credit line of a post from a page (an organisation's or a person's) in the
/// text of its embed.
const PAGE_POST_OPENER: &str = "Posted by ";
/// Most words in a page's name: organisations' names run longer than people's display names.
const MAX_PAGE_NAME_WORDS: usize = 8;
/// Most words after the weekday of a page post's credit line: the rest of its date.
const MAX_DATE_WORDS: usize = 4;
/// The days a page post's credit line dates it by.
const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// A post's signature standing alone on its line, `— Name (@handle) …`, `A post shared by
/// Name (@handle) on …` or a page post's `Posted by Name on Weekday, Date`, as it does when the
/// post's words were a paragraph of their own: the name and the handle (none for a page's post).
pub fn signature(line: &str) -> Option<(ByteRange, Option<ByteRange>)> {
    let lead = line.len() - line.trim_start().len();
    let body = line.get(lead..)?;
    if body.starts_with(PAGE_POST_OPENER) {
        return page_post_credit(line, lead + PAGE_POST_OPENER.len()).map(|name| (name, None));
    }
    let opener = SIGNATURE_OPENERS.iter().find(|o| body.starts_with(*o))?;
    let (name, handle) = name_and_handle(line, lead + opener.len())?;
    Some((name, Some(handle)))
}

/// The page's name in a credit line `Posted by Name on Weekday, Date` whose name starts at
/// `name_start`: capitalised, at most [`MAX_PAGE_NAME_WORDS`] words, and only a date after the
/// weekday, with a digit in it ("Posted by the council on Monday, the notice says" is a
/// sentence).
fn page_post_credit(line: &str, name_start: usize) -> Option<(usize, usize)> {
    let rest = line.get(name_start..)?.trim_end();
    let (name_len, date) = rest.match_indices(" on ").find_map(|(at, on)| {
        let after = rest.get(at + on.len()..)?;
        let day = WEEKDAYS.iter().find(|d| after.starts_with(*d))?;
        let date = after.get(day.len()..)?.strip_prefix(',')?;
        Some((at, date))
    })?;
    let name = rest.get(..name_len)?;
    let words = name.split_whitespace().count();
    let dated = date.chars().any(|c| c.is_ascii_digit())
        && date.split_whitespace().count() <= MAX_DATE_WORDS;
    (dated
        && (1..=MAX_PAGE_NAME_WORDS).contains(&words)
        && name.chars().next().is_some_and(char::is_uppercase))
    .then_some((name_start, name_start + name_len))
}

/// The name that starts at `name_start` and the handle in parentheses after it.
fn name_and_handle(line: &str, name_start: usize) -> Option<((usize, usize), (usize, usize))> {
    let name_end = line[name_start..].find(" (@")? + name_start;
    let name = &line[name_start..name_end];
    if name.trim().is_empty() || name.split_whitespace().count() > MAX_NAME_WORDS {
        return None;
    }
    let handle_start = name_end + " (".len();
    let handle_len = line[handle_start + 1..]
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(line.len() - handle_start - 1);
    (handle_len > 0).then_some((
        (name_start, name_end),
        (handle_start, handle_start + 1 + handle_len),
    ))
}

/// The words of `line[..end]` before any link, trimmed: a post's text.
pub fn words_before_link(line: &str, end: usize) -> Option<(usize, usize)> {
    let end = LINK_MARKS
        .iter()
        .filter_map(|m| line.get(..end)?.find(m))
        .min()
        .unwrap_or(end);
    let start = line.len() - line.trim_start().len();
    let words = line.get(start..end)?.trim_end();
    (!words.is_empty()).then_some((start, start + words.len()))
}

/// The words before the link that ends `line`, trimmed: a post whose signature stands on the
/// next line (`WORDS pic.twitter.com/…`), or a sentence that gives an address ("Tickets:
/// https://…"). Cleaning reads such a line by its words (a site's call on its reader is told
/// apart by its own words).
pub fn words_before_closing_link(line: &str) -> Option<(usize, usize)> {
    let last = line.split_whitespace().next_back()?;
    if !LINK_MARKS.iter().any(|m| last.starts_with(m)) {
        return None;
    }
    words_before_link(line, line.len())
}

/// The post `line` holds, when it is one: `WORDS [link] — Name (@handle) …` or `WORDS A post
/// shared by Name (@handle) on …`.
pub fn post(line: &str) -> Option<Post> {
    // The last signature mark: `at` is the space that opens it.
    let (at, mark) = SIGNATURE_MARKS
        .iter()
        .filter_map(|m| Some((line.rfind(m)?, *m)))
        .max_by_key(|(at, _)| *at)?;
    let (name, handle) = name_and_handle(line, at + mark.len())?;
    let words = words_before_link(line, at)?;
    Some(Post {
        words,
        name,
        handle,
    })
}

/// `“WORDS.” ― Name`: a line that is a quotation signed after a dash, the name ending the line
/// (a full stop after it is left out). Initials may stand in the name ("Ann B. Roe"). Returns
/// the byte ranges of the line's words, within their quotation marks, and of the name.
pub fn signed_quotation(line: &str) -> Option<(ByteRange, ByteRange)> {
    // The whole line is the quotation: it opens with a mark (the cheap test first: most lines
    // do not) and closes with one before the dash.
    if !line.trim_start().starts_with(QUOTATION_MARKS) {
        return None;
    }
    let body = line.trim_end().trim_end_matches('.');
    let dash = body.rfind(SIGNATURE_DASHES)?;
    let words = body.get(..dash)?.trim_end();
    if !words.ends_with(QUOTATION_MARKS) {
        return None;
    }
    let after = body.get(dash..)?;
    let name = after.trim_start_matches(SIGNATURE_DASHES).trim_start();
    let name_start = dash + after.len() - name.len();
    if !is_signing_name(name) {
        return None;
    }
    // The words within the marks, as every quotation's.
    let words_start = line.len() - line.trim_start().trim_start_matches(QUOTATION_MARKS).len();
    let words_end = words.trim_end_matches(QUOTATION_MARKS).len();
    (words_start < words_end).then_some((
        (words_start, words_end),
        (name_start, name_start + name.len()),
    ))
}

/// A line that only signs the quotation above it, `— Name`, `- Name.` or `― Name, role`: the
/// name's range (a full name, as [`is_signing_name`] reads one).
pub fn quotation_signature(line: &str) -> Option<ByteRange> {
    let body = line.trim_end().trim_end_matches('.');
    let lead = body.len() - body.trim_start().len();
    let rest = body.get(lead..)?;
    let after_dash = rest
        .strip_prefix(SIGNATURE_DASHES)
        .or_else(|| rest.strip_prefix("- "))?;
    let name_text = after_dash.trim_start();
    let name_start = body.len() - name_text.len();
    // A role may follow the name after a comma.
    let name = name_text.split(',').next()?.trim_end();
    is_signing_name(name).then_some((name_start, name_start + name.len()))
}

/// The words inside the marks of a line that is one whole quotation (`“WORDS.”`).
pub fn whole_quotation(line: &str) -> Option<ByteRange> {
    let body = line.trim_end();
    let inner_start = body.len() - body.trim_start().trim_start_matches(QUOTATION_MARKS).len();
    if inner_start == body.len() - body.trim_start().len() {
        return None;
    }
    let closed = body.trim_end_matches('.');
    if !closed.ends_with(QUOTATION_MARKS) {
        return None;
    }
    let inner_end = closed.trim_end_matches(QUOTATION_MARKS).len();
    // One quotation: no mark closes it before the end ("“A,” Lee said. “B.”" is two).
    let inner = body.get(inner_start..inner_end)?;
    (inner_start < inner_end && !inner.contains(['”', '"'])).then_some((inner_start, inner_end))
}

/// True for a name that may sign words: two to [`MAX_NAME_WORDS`] capitalised words (initials
/// and hyphenated names too), not opening with a determiner ("The Canadian Press" is an agency
/// or a credit, not a person signing).
pub(crate) fn is_signing_name(name: &str) -> bool {
    let name_words: Vec<&str> = name.split_whitespace().collect();
    let is_name_word = |w: &str| {
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
    };
    let opens_with_determiner = name_words
        .first()
        .is_some_and(|w| is_in(&DETERMINERS, &w.to_lowercase()));
    !opens_with_determiner
        && (2..=MAX_NAME_WORDS).contains(&name_words.len())
        && name_words.iter().all(|w| is_name_word(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_alone_signing_the_quotation_above_it() {
        let line = "\u{2014} Ann Lee, port chief";
        let (a, b) = quotation_signature(line).expect("a signature");
        assert_eq!(&line[a..b], "Ann Lee");
        assert_eq!(quotation_signature("- Tom Brandt."), Some((2, 12)));
        // One word is no full name, and a sentence is no signature.
        assert_eq!(quotation_signature("\u{2014} Brandt"), None);
        assert_eq!(quotation_signature("- the ferry runs late today"), None);
        let quoted = "\u{201c}We wait for the boat.\u{201d}";
        let (a, b) = whole_quotation(quoted).expect("a quotation");
        assert_eq!(&quoted[a..b], "We wait for the boat.");
        assert_eq!(whole_quotation("We wait for the boat."), None);
        let two = "\u{201c}We wait,\u{201d} Lee said. \u{201c}Then we wait more.\u{201d}";
        assert_eq!(whole_quotation(two), None);
    }

    #[test]
    fn a_quotation_signed_after_a_dash() {
        let parts = |line: &'static str| {
            signed_quotation(line).map(|((ws, we), (ns, ne))| (&line[ws..we], &line[ns..ne]))
        };
        let words = "The ferry is late every morning.";
        // A space or none before the dash, a no-break space, an initial, a full stop after.
        for (line, name) in [
            (
                "“The ferry is late every morning.” ― Mara Quist",
                "Mara Quist",
            ),
            (
                "“The ferry is late every morning.”― Mara Quist",
                "Mara Quist",
            ),
            (
                "“The ferry is late every morning.”\u{a0}— Mara B. Quist.",
                "Mara B. Quist",
            ),
            (
                "\"The ferry is late every morning.\" – Tobias Wend-Ray\u{a0}",
                "Tobias Wend-Ray",
            ),
        ] {
            assert_eq!(parts(line), Some((words, name)), "{line:?}");
        }
        // Not a signature: words before the quotation, a clause after the dash, a determiner,
        // a single word.
        for line in [
            "Riders chanted “Fix the ferry now” — Mara Quist",
            "“The ferry is late every morning” — Mara Quist said it twice",
            "“The ferry is late every morning.” — The Harbour Gazette",
            "“The ferry is late every morning.” — Quist",
        ] {
            assert_eq!(parts(line), None, "{line:?}");
        }
    }

    #[test]
    fn words_name_and_handle_of_a_post() {
        let line = "Ferries stop at noon today. pic.twitter.com/z9 — Harbour Office \
                    (@tallis_harbour) March 3, 2021";
        let p = post(line).expect("a post");
        let part = |(a, b): (usize, usize)| &line[a..b];
        assert_eq!(part(p.words), "Ferries stop at noon today.");
        assert_eq!(part(p.name), "Harbour Office");
        assert_eq!(part(p.handle), "@tallis_harbour");
    }

    #[test]
    fn a_picture_post_signs_after_its_caption() {
        let line = "Sunrise over the new pier 🌅 A post shared by Harbour Office \
                    (@tallis_harbour) on Mar 3, 2021 at 6:02am PST";
        let p = post(line).expect("a post");
        let part = |(a, b): (usize, usize)| &line[a..b];
        assert_eq!(part(p.words), "Sunrise over the new pier 🌅");
        assert_eq!(part(p.name), "Harbour Office");
        assert_eq!(part(p.handle), "@tallis_harbour");
        let alone = "A post shared by Harbour Office (@tallis_harbour) on Mar 3, 2021";
        let ((ns, ne), handle) = signature(alone).expect("a signature alone");
        assert!(handle.is_some());
        assert_eq!(&alone[ns..ne], "Harbour Office");
        assert_eq!(post(alone), None, "no words before it");
        assert_eq!(
            post("The mayor said a post shared by the council was wrong."),
            None
        );
    }

    #[test]
    fn a_signature_mark_is_its_opener_after_a_space() {
        for (mark, opener) in SIGNATURE_MARKS.iter().zip(SIGNATURE_OPENERS) {
            assert_eq!(*mark, format!(" {opener}"));
        }
        // A later dash without a space before it does not hide the signature.
        let line = "Back on time — Ana Lee (@ana) 2021 x— y";
        assert!(post(line).is_some());
    }

    #[test]
    fn a_signature_on_its_own_line() {
        let line = "— Harbour Office (@tallis_harbour) March 3, 2021";
        let ((ns, ne), handle) = signature(line).expect("a signature");
        let (hs, he) = handle.expect("a handle");
        assert_eq!(
            (&line[ns..ne], &line[hs..he]),
            ("Harbour Office", "@tallis_harbour")
        );
    }

    #[test]
    fn a_page_post_signs_with_its_name_and_weekday() {
        for (line, name) in [
            (
                "Posted by Port Tallis Volunteer Fire Brigade on Tuesday, March 3, 2020",
                "Port Tallis Volunteer Fire Brigade",
            ),
            ("  Posted by Ana Lee on Sunday, 8 May 2022", "Ana Lee"),
        ] {
            let ((ns, ne), handle) = signature(line).expect(line);
            assert_eq!((&line[ns..ne], handle), (name, None));
        }
        for sentence in [
            "Posted by the council on Monday, the notice asked drivers to slow down.",
            "Posted by Ana Lee on Sunday, the note was shared 4,000 times within an hour.",
            "Posted by Ana Lee on March 3, 2020",
            "Posted by Ana Lee",
        ] {
            assert_eq!(signature(sentence), None, "{sentence}");
        }
    }

    #[test]
    fn a_dash_without_a_handle_or_a_bare_signature_is_no_post() {
        assert_eq!(
            post("The vote was close — closer than expected (by two)."),
            None
        );
        assert_eq!(
            post("— Harbour Office (@tallis_harbour) March 3, 2021"),
            None
        );
        assert_eq!(
            signature("Ferries stop at noon. — Harbour Office (@) March 3"),
            None
        );
        assert_eq!(
            post("Ferries stop at noon. — Harbour Office (@) March 3"),
            None
        );
    }
}
