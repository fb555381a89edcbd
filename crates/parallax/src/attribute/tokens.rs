//! Word tokens with the flags attribution needs: capitalisation, possessive, inside quotes.

use crate::lexicon::WordList;
use crate::segment::words;

/// One word of a document.
#[derive(Debug, Clone)]
pub struct Tok<'a> {
    /// First byte in the document text.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The word without a possessive `'s`.
    pub base: &'a str,
    /// The base, lower-cased.
    pub lower: String,
    /// Starts with an upper-case letter.
    pub cap: bool,
    /// Ended in `'s` or `’s`, or a word in "s" with its apostrophe alone ("the dockers’ union").
    pub possessive: bool,
    /// Lies inside quotation marks.
    pub in_quote: bool,
    /// The text between this token and the next (without the apostrophe of a possessive in
    /// "s’", which belongs to the word).
    pub gap_after: &'a str,
    /// Lies where capitals say nothing about names: in a line written in title case (a
    /// headline: "Harbour Pier To Reopen In June"), or in the dateline opening a paragraph
    /// ("PORT TALLIS, Valmora (AP) —").
    pub names_unread: bool,
    /// A reporting verb (see [`Tok::is_cue`]), looked up once.
    cue: bool,
}

impl Tok<'_> {
    /// A reporting verb: in the cue list and written in lower case (so "States" is no verb).
    pub(crate) fn is_cue(&self) -> bool {
        self.cue
    }
}

/// What a token position past the end reads as: no word at all (no letters, no flags), so a
/// rule that looks one token too far finds nothing instead of panicking.
static NO_TOKEN: Tok<'static> = Tok {
    start: 0,
    end: 0,
    base: "",
    lower: String::new(),
    cap: false,
    possessive: false,
    in_quote: false,
    gap_after: "",
    names_unread: false,
    cue: false,
};

/// Checked access to a document's tokens: attribution reads tokens only through these, so an
/// index off by one gives an empty token or an empty run, not a panic.
pub(crate) trait TokenAt<'a> {
    /// The token at `i`, or an empty token past the end.
    fn at(&self, i: usize) -> &Tok<'a>;
    /// The tokens in `range`, or none when the range does not fit.
    fn within<R: std::slice::SliceIndex<[Tok<'a>], Output = [Tok<'a>]>>(
        &self,
        range: R,
    ) -> &[Tok<'a>];
}

impl<'a> TokenAt<'a> for [Tok<'a>] {
    fn at(&self, i: usize) -> &Tok<'a> {
        self.get(i).unwrap_or(&NO_TOKEN)
    }

    fn within<R: std::slice::SliceIndex<[Tok<'a>], Output = [Tok<'a>]>>(
        &self,
        range: R,
    ) -> &[Tok<'a>] {
        self.get(range).unwrap_or(&[])
    }
}

/// Tokens of `text`; `quotes` are the byte ranges inside quotation marks.
pub fn tokenize<'a>(text: &'a str, quotes: &[(usize, usize)]) -> Vec<Tok<'a>> {
    let spans = words(text);
    let unread = name_free_ranges(text);
    let ends: Vec<usize> = spans
        .iter()
        .skip(1)
        .map(|s| s.start())
        .chain([text.len()])
        .collect();
    spans
        .into_iter()
        .zip(ends)
        .map(|(span, next)| {
            let word = text.get(span.start()..span.end()).unwrap_or("");
            let gap = text.get(span.end()..next).unwrap_or("");
            let plural_owner = plural_possessive(text, span.start(), word, gap);
            let (base, possessive) =
                match word.strip_suffix("'s").or_else(|| word.strip_suffix("’s")) {
                    Some(b) if !b.is_empty() => (b, true),
                    _ => (word, plural_owner),
                };
            // The apostrophe of "the workers’ union" belongs to the word, not to the gap.
            let gap_after = if plural_owner {
                gap.get(gap.chars().next().map_or(0, char::len_utf8)..)
                    .unwrap_or("")
            } else {
                gap
            };
            // Quote ranges are sorted and disjoint: only the last one starting at or before the
            // token can hold it.
            let k = quotes.partition_point(|&(s, _)| s <= span.start());
            let in_quote = k
                .checked_sub(1)
                .and_then(|k| quotes.get(k))
                .is_some_and(|&(_, end)| span.end() <= end);
            let lower = base.to_lowercase();
            let cap = is_capitalised(base) && !is_party_tag(base);
            let j = unread.partition_point(|&(s, _)| s <= span.start());
            let names_unread = j
                .checked_sub(1)
                .and_then(|j| unread.get(j))
                .is_some_and(|&(_, end)| span.end() <= end);
            Tok {
                names_unread,
                start: span.start(),
                end: span.end(),
                base,
                cue: !cap && super::lexicon::is_in(&super::lexicon::CUES, &lower),
                lower,
                cap,
                possessive,
                in_quote,
                gap_after,
            }
        })
        .collect()
}

/// True for a word ending in "s" whose apostrophe stands right after it, before a space and a
/// word ("the workers’ union said", "Voss' lawyer"): a plural or a name's possessive, unless a
/// single quotation mark opened earlier in the line is still open (‘we lost the ships’ closes
/// a quotation).
fn plural_possessive(text: &str, start: usize, word: &str, gap: &str) -> bool {
    let mut after = gap.chars();
    let apostrophe = matches!(after.next(), Some('’' | '\''));
    let spaced = after.next().is_some_and(|c| c == ' ');
    let word_next = after.next().is_none()
        && text
            .get(start + word.len() + gap.len()..)
            .and_then(|rest| rest.chars().next())
            .is_some_and(char::is_alphabetic);
    if !(word.ends_with(['s', 'S']) && apostrophe && spaced && word_next) {
        return false;
    }
    // Only the last stretch before the word is read, so a line of many such words stays
    // linear; within it, only the line the word is on.
    let mut from = start.saturating_sub(QUOTE_LOOKBACK_BYTES);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let line = text
        .get(from..start)
        .and_then(|before| before.rsplit(['\n', '\r']).next())
        .unwrap_or("");
    !single_quote_open(line)
}

/// How far back in its line a plural possessive looks for an open single quotation mark.
const QUOTE_LOOKBACK_BYTES: usize = 600;

/// True when a single quotation mark opens in `line` and none closes it after: an opening one
/// is `‘`, or `'` at the line's start or after a space or bracket, before a letter or digit; a
/// closing one follows any other character than a space and comes before no letter or digit
/// ("ships’", "late,’", "now?’").
fn single_quote_open(line: &str) -> bool {
    let mut open = false;
    let mut prev: Option<char> = None;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        let next = chars.peek().copied();
        let opening = c == '‘'
            || c == '\''
                && prev.is_none_or(|p| p.is_whitespace() || p == '(')
                && next.is_some_and(char::is_alphanumeric);
        let closing = matches!(c, '’' | '\'')
            && prev.is_some_and(|p| !p.is_whitespace())
            && !next.is_some_and(char::is_alphanumeric);
        if opening {
            open = true;
        } else if closing {
            open = false;
        }
        prev = Some(c);
    }
    open
}

/// Fewest words of four letters or more for a line to be read as a title-case headline.
const MIN_TITLE_WORDS: usize = 4;

/// Byte ranges whose capitals name no one, sorted and disjoint: the lines written in title
/// case, at least [`MIN_TITLE_WORDS`] words of four letters or more, all capitalised ("Ferry
/// Operator Says Harbour Pier Will Reopen"; a sentence has lower-case words of that length, a
/// headline in title case has none), and the datelines opening other lines.
fn name_free_ranges(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive(['\n', '\r']) {
        // Counts the long words, and stops at the first one in lower case (most lines).
        let mut long = 0;
        let all_capitalised = line
            .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
            .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
            .all(|w| {
                long += 1;
                is_capitalised(w)
            });
        if all_capitalised && long >= MIN_TITLE_WORDS {
            out.push((at, at + line.len()));
        } else if let Some(n) = crate::outlets::dateline_length(line) {
            out.push((at, at + n));
        }
        at += line.len();
    }
    out
}

/// Byte ranges of the text inside double quotation marks, paragraph by paragraph: `“…”`,
/// `„…“`, `«…»`, and straight `"…"` paired in order. A quote left open at the end of its
/// paragraph is dropped, unless it continues into the next paragraph. An opening mark after a
/// sentence's end and a space, before a capital, while a quotation is open starts a new one and
/// ends the open one with its sentence (paragraphs of one quotation run into a line). Marks
/// misprinted for one another are read by where they stand: an opening curly mark with no word
/// after it closes, a closing one at a paragraph's start or after a space before a word opens,
/// and a straight mark with no word after it closes a curly quotation.
pub(crate) fn quote_ranges(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut offset = 0;
    let paras: Vec<&str> = text.split_inclusive(['\n', '\r']).collect();
    for (index, para) in paras.iter().enumerate() {
        let mut open: Option<(usize, char)> = None;
        let mut chars = para.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let at = offset + i;
            // Two apostrophes, or two grave accents, stand for a straight double quotation mark
            // in typewriter and archive text (``like this'' or ''like this'').
            let doubled = matches!(c, '\'' | '`') && chars.peek().is_some_and(|&(_, n)| n == c);
            let c = if doubled {
                chars.next();
                '"'
            } else {
                c
            };
            let width = if doubled { 2 } else { c.len_utf8() };
            // An opening mark after a sentence's end while a quotation is open: a quotation of
            // several paragraphs run into one line, each opening with a mark and only the last
            // closing ("… on time. "The rest …"). The open one ends with its sentence.
            let reopens = |s: usize| {
                let before = text.get(s..at).unwrap_or("");
                let ended = before.trim_end().ends_with(['.', '!', '?']);
                let spaced = before.ends_with(char::is_whitespace);
                let word_next = para
                    .get(i + width..)
                    .and_then(|rest| rest.chars().next())
                    .is_some_and(char::is_uppercase);
                ended && spaced && word_next
            };
            // A closing mark at a paragraph's start or after a space, before a word, is a
            // misprinted opening one ("”Late again," said Roe).
            let misprinted_opening = c == '”'
                && opens_word(para, i + width)
                && para
                    .get(..i)
                    .is_some_and(|b| b.is_empty() || b.ends_with(char::is_whitespace));
            match (c, open) {
                ('“' | '"' | '„' | '«', None) => open = Some((at + width, c)),
                // Inside guillemets only their closing mark counts («… “non” …»).
                (_, Some((_, '«'))) if c != '»' => {}
                ('”', None) if misprinted_opening => open = Some((at + width, '“')),
                ('»', Some((s, '«'))) => {
                    out.push((s, at));
                    open = None;
                }
                ('"', Some((s, '"'))) if reopens(s) => {
                    out.push((s, s + text.get(s..at).unwrap_or("").trim_end().len()));
                    open = Some((at + width, c));
                }
                // A straight mark with no word after it closes a curly quotation too (“…" in
                // text typed with both), unless it closes a straight pair inside (“the "reform"
                // is …”).
                ('"', Some((s, '“' | '„')))
                    if !opens_word(para, i + width)
                        && text
                            .get(s..at)
                            .is_some_and(|q| q.matches('"').count() % 2 == 0) =>
                {
                    out.push((s, at));
                    open = None;
                }
                ('”', Some((s, '“' | '"' | '„'))) | ('"', Some((s, '"'))) => {
                    out.push((s, at));
                    open = None;
                }
                // A misprinted closing mark: an opening one with no word after it ("“It's
                // late,“ said Roe").
                ('“', Some((s, _))) if !opens_word(para, i + width) => {
                    out.push((s, at));
                    open = None;
                }
                ('“', Some((s, _))) => {
                    if reopens(s) {
                        out.push((s, s + text.get(s..at).unwrap_or("").trim_end().len()));
                    }
                    open = Some((at + width, c));
                }
                _ => {}
            }
        }
        // A paragraph that opens a quotation and runs on without closing it continues the
        // quotation into the next paragraph (the news convention): it is quoted to its end.
        if let Some((s, _)) = open {
            let opened_at_start = para
                .get(..s - offset)
                .unwrap_or("")
                .trim_start_matches(OPENING_MARKS)
                .trim_start_matches('”')
                .trim()
                .is_empty();
            let next_opens = paras
                .iter()
                .skip(index + 1)
                .map(|p| p.trim_start())
                .find(|p| !p.is_empty())
                .is_some_and(|p| p.starts_with(OPENING_MARKS) || p.starts_with('”'));
            let opened_at_start = opened_at_start || next_opens;
            let end = offset + para.trim_end().len();
            if opened_at_start && end > s {
                out.push((s, end));
            }
        }
        offset += para.len();
    }
    out
}

/// Double quotation marks that open a quotation: curly, straight, German low, guillemet.
pub(crate) const OPENING_MARKS: &[char] = &['“', '"', '„', '«'];
/// Double quotation marks that close one.
pub(crate) const CLOSING_MARKS: &[char] = &['”', '"', '»'];

/// True for a character that may start quoted words: a letter, a digit, an opening bracket, a
/// single quotation mark or an ellipsis's dot ("(laughs)", "‘no’", "…").
pub(crate) fn starts_word(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '(' | '[' | '‘' | '\'' | '.' | '…')
}

/// True when quoted words start at byte `at` of `para` ([`starts_word`]).
fn opens_word(para: &str, at: usize) -> bool {
    para.get(at..)
        .and_then(|rest| rest.chars().next())
        .is_some_and(starts_word)
}

/// True for the party-and-state tag US news writes after a legislator's name ("D-Ore.",
/// "R-Tex", "I-Vt.", "D-NY"): a party letter, a hyphen and a state's abbreviation or name. It
/// is no part of the name, so it is not read as capitalised.
pub(crate) fn is_party_tag(word: &str) -> bool {
    let Some((party, state)) = word.split_once('-') else {
        return false;
    };
    let state: String = state.chars().filter(|&c| c != '.').collect();
    matches!(party, "D" | "R" | "I") && super::lexicon::is_in(&US_STATES, &state)
}

/// US states as party tags write them: the AP's abbreviations (and the older "Me." and
/// "W-Va."), the postal codes, the District of Columbia and the names the AP does not
/// abbreviate, full stops left out.
static US_STATES: WordList = WordList::new(&[
    "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Ky",
    "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "NH", "NJ", "NM", "NY",
    "NC", "ND", "Okla", "Ore", "Pa", "RI", "SC", "SD", "Tenn", "Tex", "Vt", "Va", "Wash", "WVa",
    "Wis", "Wyo", "W-Va", "Me", "DC", "Alaska", "Hawaii", "Idaho", "Iowa", "Maine", "Ohio",
    "Texas", "Utah", "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL",
    "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "OH",
    "OK", "OR", "PA", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY",
]);

/// True for a word written with a capital, also after a lower-case particle ("al-Shabaab",
/// "el-Sisi").
fn is_capitalised(word: &str) -> bool {
    if word.chars().next().is_some_and(char::is_uppercase) {
        return true;
    }
    match word.split_once('-') {
        Some((particle, rest)) => {
            (1..=3).contains(&particle.len())
                && particle.chars().all(|c| c.is_ascii_lowercase())
                && rest.chars().next().is_some_and(char::is_uppercase)
        }
        None => false,
    }
}

#[cfg(test)]
// A test reads what it expects by index: a panic there is the test failing.
#[allow(clippy::indexing_slicing)]
mod tests {
    #[test]
    fn party_tags_are_not_capitalised_words() {
        for tag in [
            "D-Ore.", "R-Tex", "I-Vt.", "D-N.Y.", "R-Utah", "D-CA", "D-Me.", "D-W-Va.", "D-D.C.",
        ] {
            assert!(is_party_tag(tag), "{tag}");
        }
        for word in ["D-Day", "Al-Amin", "R-rated", "Ann", "X-Ray", "I-Pad"] {
            assert!(!is_party_tag(word), "{word}");
        }
    }

    use super::*;

    #[test]
    fn an_apostrophe_after_a_plural_makes_it_an_owner() {
        let owners = |text: &str| -> Vec<String> {
            tokenize(text, &[])
                .iter()
                .filter(|t| t.possessive)
                .map(|t| format!("{}|{}", t.base, t.gap_after))
                .collect()
        };
        assert_eq!(
            owners("The dockers’ union and Voss' lawyer spoke."),
            ["dockers| ", "Voss| "]
        );
        // A single quotation mark still open: the apostrophe closes it.
        assert!(owners("‘We lost the ships’ said Lee.").is_empty());
        assert!(owners("Lee said 'we lost the ships' on Monday.").is_empty());
        // A quotation closed after its punctuation is closed.
        assert_eq!(
            owners("‘We will fix it,’ said Lee, and the dockers’ union agreed."),
            ["dockers| "]
        );
        // No word after it, or no plural before it.
        assert!(owners("The ships’. Then the dock’ fell.").is_empty());
    }

    #[test]
    fn title_case_lines_and_datelines_name_no_one() {
        let text = "Harbour Pier Closure Angers Ferry Riders\n\
                    Oskar Brandt said the east pier would stay closed.\n\
                    Pier To Open\n\
                    PORT TALLIS, Valmora (AP) — Ferry crews went back to work.\n";
        let lines = name_free_ranges(text);
        let read: Vec<&str> = lines
            .iter()
            .map(|&(s, e)| text.get(s..e).unwrap_or(""))
            .collect();
        assert_eq!(
            read,
            [
                "Harbour Pier Closure Angers Ferry Riders\n",
                "PORT TALLIS, Valmora (AP) — "
            ]
        );
        let toks = tokenize(text, &[]);
        assert!(
            toks[0].names_unread && !toks[6].names_unread,
            "{:?}",
            toks[6].base
        );
    }

    #[test]
    fn quotations_run_into_one_line_and_misprinted_marks() {
        let quoted = |text: &'static str| -> Vec<&'static str> {
            quote_ranges(text)
                .iter()
                .map(|&(s, e)| text.get(s..e).unwrap_or(""))
                .collect()
        };
        // Paragraphs of one quotation run into a line: each opens, only the last closes.
        assert_eq!(
            quoted("Roe said: \"The ferry is late. \"It was late last week too. \"Fix it.\" Then she left."),
            ["The ferry is late.", "It was late last week too.", "Fix it."]
        );
        // An opening mark with no word after it closes ("“…,“ said Roe").
        assert_eq!(
            quoted("“It is late,“ said Roe, the mayor. “Fix it now.”"),
            ["It is late,", "Fix it now."]
        );
        // Guillemets, German marks, and a closing mark misprinted for an opening one.
        assert_eq!(
            quoted("Roe said: «Fix it.» Lee: „Not now“, he said. ”Late again,” said Ann."),
            ["Fix it.", "Not now", "Late again,"]
        );
        // A straight pair inside a curly quotation, and curly marks inside guillemets.
        assert_eq!(
            quoted("“The so-called \"reform\" is a sham,” Roe said. «Il a dit “non” hier.»"),
            [
                "The so-called \"reform\" is a sham,",
                "Il a dit “non” hier."
            ]
        );
        // Curly and straight marks mixed: either closes the other.
        assert_eq!(
            quoted("“It is late,\" said Roe. \"Fix it now.” Then she left."),
            ["It is late,", "Fix it now."]
        );
        // A closing mark after a sentence's end, then words: no new quotation.
        assert_eq!(
            quoted("Roe said \"the ferry is late.\" Then she left."),
            ["the ferry is late."]
        );
    }
}
