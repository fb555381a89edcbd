//! Speech frames: a reporting verb with its subject and the words it reports.
//!
//! Patterns, for a sentence's tokens:
//! - `SUBJECT [, apposition,] [time] VERB [that] CONTENT` ("Veleshev said the readout was ...",
//!   "Veleshev on Monday said ..."),
//! - `“QUOTE,” VERB SUBJECT` and `“QUOTE,” SUBJECT VERB`,
//! - `CONTENT, SUBJECT VERB [time].` ("..., authorities said Saturday."), and
//!   `CONTENT, SUBJECT VERB [time], and MORE` (two reports of the same words, split around the
//!   attribution),
//! - `“QUOTE,” SUBJECT VERB [and …]` with any verb in the past tense after a short subject
//!   ("“Go,” Lee barked and left"),
//! - `SUBJECT VERB: “QUOTE”` and `SUBJECT VERB, “QUOTE”`,
//! - `…, saying CONTENT` (the subject is the sentence's own),
//! - `According to SUBJECT, CONTENT` and `CONTENT, according to SUBJECT`,
//! - `In DOCUMENT, CONTENT` with no reporting verb after the comma ("In the survey, most …").
//!
//! Verbs that often take a plain object ("announced a plan") only report speech with "that".
//! Verbs of a view, a finding or a decision ([`VIEW_VERBS`]: "the audit found that …") report a
//! clause only with "that" right after them, in the `SUBJECT VERB that CONTENT` pattern, or the
//! words before them when they close the sentence ("…, police believe.").

use super::lexicon::{
    is_in, is_title, ADDRESSEES, ADVERB_LEAD_INS, CLAUSE_BOUNDARIES, CLAUSE_VERBS, DETERMINERS,
    DOCUMENT_NOUNS, GROUP_NOUNS, PLAIN_ARTICLES, REFLEXIVES, ROLES, SUBORDINATORS, THAT_VERBS,
    TITLES, VERB_ADVERBS, VIEW_VERBS,
};
use super::tokens::{Tok, TokenAt, CLOSING_MARKS as CLOSE_QUOTES, OPENING_MARKS as OPEN_QUOTES};
use super::views::{end_before_later_subjects, view_frame};
use crate::lexicon::{WordList, IRREGULAR_PAST};

/// Participles that attach reported speech to the sentence's subject (", saying ...").
static PARTICIPLES: WordList = WordList::new(&[
    "adding",
    "arguing",
    "countering",
    "declaring",
    "explaining",
    "insisting",
    "noting",
    "retorting",
    "saying",
    "stressing",
    "warning",
    "writing",
]);

/// Verbs that report words by naming or describing something in them: they report only an
/// object that holds a quotation ("called the plan “a disgrace”", "vowed to “fix it fast”"),
/// finite or as a participle after a comma (", calling the plan “a disgrace”").
static QUOTED_OBJECT_VERBS: WordList = WordList::new(&[
    "accused",
    "accuses",
    "accusing",
    "blasted",
    "blasting",
    "branded",
    "branding",
    "called",
    "calling",
    "characterised",
    "characterized",
    "characterizes",
    "characterizing",
    "chanted",
    "chanting",
    "criticized",
    "criticizing",
    "derided",
    "deriding",
    "described",
    "describes",
    "describing",
    "dismissed",
    "dismissing",
    "dubbed",
    "dubbing",
    "labeled",
    "labelled",
    "labeling",
    "labelling",
    "mocked",
    "mocking",
    "pledged",
    "pledging",
    "praised",
    "praising",
    "predicted",
    "predicting",
    "predicts",
    "promised",
    "promising",
    "slammed",
    "slamming",
    "touted",
    "touting",
    "tweeted",
    "tweeting",
    "vowed",
    "vowing",
    "vows",
]);

/// Words after which a quoted-object verb reports no words: a phrasal verb ("called for",
/// "called on", "called off") or a clause "that" opens (read as a clause instead).
static NOT_AN_OBJECT: WordList =
    WordList::new(&["for", "on", "off", "up", "in", "out", "back", "that"]);

/// Tokens after a quoted-object verb searched for a "that" opening a clause instead.
const OBJECT_THAT_WINDOW: usize = 4;

/// True for a verb that reports words by naming something in them ([`QUOTED_OBJECT_VERBS`]).
pub(crate) fn reports_quoted_object(t: &Tok) -> bool {
    !t.cap && is_in(&QUOTED_OBJECT_VERBS, &t.lower)
}

/// Fewest words of a quoted object ("it “reckless”").
pub(crate) const MIN_OBJECT_WORDS: usize = 2;

/// Forms of "say", after which an article opens a reported clause ("said a deal is near").
static SAY_VERBS: WordList = WordList::new(&["said", "say", "says"]);
/// Fewest words after "said a" for them to be a clause rather than an object ("said a prayer").
const SAY_CLAUSE_MIN_WORDS: usize = 6;

/// Words that may follow a reporting verb before its content ("said Sunday that").
static TIME_WORDS: WordList = WordList::new(&[
    "today",
    "yesterday",
    "tonight",
    "earlier",
    "later",
    "previously",
    "recently",
    "last",
    "week",
    "month",
    "year",
    "on",
    "in",
    "a",
    "an",
    "the",
    "statement",
    "interview",
    "email",
    "news",
    "conference",
    "release",
    "morning",
    "afternoon",
    "evening",
    "night",
]);

/// A day or a time of day, lower-cased: what a reporting verb's subject never is ("said
/// Sunday", "said Monday morning").
fn is_day_or_time(lower: &str) -> bool {
    super::lexicon::WEEKDAYS.contains(lower)
        || matches!(
            lower,
            "today" | "yesterday" | "tonight" | "morning" | "afternoon" | "evening" | "night"
        )
}

/// True for a word of a time phrase after a verb of speech ([`TIME_WORDS`], a weekday): "said
/// on Monday", "said last week".
pub(crate) fn is_time_word(lower: &str) -> bool {
    is_in(&TIME_WORDS, lower) || super::lexicon::WEEKDAYS.contains(lower)
}

/// Words that name a stretch of time after "last", "this", "next" or "early" ("last week").
static TIME_UNITS: WordList = WordList::new(&[
    "autumn", "fall", "month", "night", "spring", "summer", "week", "weekend", "winter", "year",
]);

/// The token after a time phrase opening at `c` right after a verb of speech, if one does: a day
/// ("Monday", "today", "Tuesday night"), "on" and a day or a date ("on Friday", "on May 3"),
/// "in" and a month or a year ("in May", "in 2015"), or "last", "this", "next", "earlier
/// this" and the like before a day or a stretch of time ("last week", "earlier this month").
/// No word of it is quoted.
pub(crate) fn time_phrase_end(s: &Sentence, c: usize) -> Option<usize> {
    let lower = |i: usize| {
        s.toks
            .get(i)
            .filter(|_| i < s.to)
            .filter(|t| !t.in_quote && !t.possessive)
            .map(|t| t.lower.as_str())
    };
    let is_day = |w: &str| {
        super::lexicon::WEEKDAYS.contains(w) || matches!(w, "today" | "yesterday" | "tonight")
    };
    let is_month = |w: &str| super::lexicon::MONTHS.contains(&w);
    let is_year = |w: &str| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit());
    let is_date_number =
        |w: &str| (1..=2).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit());
    let first = lower(c)?;
    let mut i = match first {
        w if is_day(w) => c + 1,
        "on" => match lower(c + 1)? {
            w if super::lexicon::WEEKDAYS.contains(w) => c + 2,
            w if is_month(w) && lower(c + 2).is_some_and(is_date_number) => c + 3,
            _ => return None,
        },
        "in" => match lower(c + 1)? {
            w if is_month(w) || is_year(w) => c + 2,
            _ => return None,
        },
        "last" | "this" | "next" | "early" | "late" | "earlier" | "later" => {
            let mut j = c + 1;
            if matches!(first, "earlier" | "later" | "early" | "late") && lower(j) == Some("this") {
                j += 1;
            }
            match lower(j)? {
                w if is_in(&TIME_UNITS, w) || super::lexicon::WEEKDAYS.contains(w) => j + 1,
                _ => return None,
            }
        }
        _ => return None,
    };
    // "Monday morning", "May 3, 2015" stay inside the phrase.
    while lower(i).is_some_and(|w| is_day_or_time(w) || is_year(w)) {
        i += 1;
    }
    Some(i)
}

/// Words that may follow a reporting verb before its addressee ends ("told the Globe").
const MAX_ADDRESSEE_WORDS: usize = 10;
/// Words before a reporting verb that deny or defer the speech ("won't say", "declined to say").
static NEGATIONS: WordList = WordList::new(&[
    "can", "can't", "cannot", "could", "must", "couldn't", "did", "didn't", "does", "doesn't",
    "don't", "may", "might", "never", "not", "refused", "should", "to", "will", "won't", "would",
    "wouldn't",
]);

/// Words that end a name standing after its verb ("said Gord Ketteridge with the union"), and
/// that open a phrase between commas which is no subject ("Ann Roe, who …, said").
static PREPOSITIONS: WordList = WordList::new(&[
    "about", "at", "by", "for", "from", "in", "of", "on", "to", "who", "whose", "with", "which",
    "and",
]);
/// Prepositions that open a circumstance after a reporting verb ("said in a statement", "said
/// at a news conference", "said after a meeting"), not the reported clause.
static CIRCUMSTANCE_PREPOSITIONS: WordList = WordList::new(&[
    "after", "at", "during", "in", "on", "outside", "through", "via",
]);
/// True when token `i` opens a circumstance ([`CIRCUMSTANCE_PREPOSITIONS`]); "outside" only
/// before a determiner, a name or a place's bare noun closing its phrase ("outside the court",
/// "outside City Hall", "outside court that"), since "outside experts" is a noun phrase.
fn circumstance_at(s: &Sentence, i: usize) -> bool {
    let t = s.tok(i);
    is_in(&CIRCUMSTANCE_PREPOSITIONS, &t.lower)
        && (t.lower != "outside"
            || (i + 1 < s.to && {
                let next = s.tok(i + 1);
                next.cap
                    || is_in(&DETERMINERS, &next.lower)
                    || (is_in(&BARE_PLACE_NOUNS, &next.lower) && closes_place(s, i + 1))
            }))
}

/// True when the bare place noun at token `i` closes its phrase: the sentence ends there, or a
/// comma or "that" follows ("said outside court that …"; not "said outside school activities
/// would resume", where the noun qualifies the words said).
fn closes_place(s: &Sentence, i: usize) -> bool {
    i + 1 >= s.to || s.tok(i).gap_after.contains(',') || s.tok(i + 1).lower == "that"
}

/// Nouns of institutions that name a place without an article ("said outside court", "outside
/// parliament"): "outside" before one opens a circumstance.
static BARE_PLACE_NOUNS: WordList = WordList::new(&[
    "church",
    "congress",
    "court",
    "home",
    "hospital",
    "jail",
    "parliament",
    "prison",
    "school",
]);

/// True for a word of [`PREPOSITIONS`] or [`CIRCUMSTANCE_PREPOSITIONS`]: after a verb of
/// speech it opens a circumstance or an addressee, not the words or the speaker.
fn opens_circumstance(lower: &str) -> bool {
    is_in(&PREPOSITIONS, lower) || is_in(&CIRCUMSTANCE_PREPOSITIONS, lower)
}

/// Nouns of the medium words came through after "by" ("said by phone", "by text message").
static MEDIA_OF_SPEECH: WordList = WordList::new(&[
    "e-mail",
    "email",
    "fax",
    "letter",
    "phone",
    "telephone",
    "text",
    "video",
    "videolink",
]);

/// The token after "by" and a medium opening at `c` right after a verb of speech ("said by
/// phone", "wrote by e-mail", "said by text message", "told … by a video link").
fn medium_phrase_end(s: &Sentence, c: usize) -> Option<usize> {
    let plain = |i: usize| (i < s.to).then(|| s.tok(i)).filter(|t| !t.in_quote);
    if plain(c)?.lower != "by" {
        return None;
    }
    let mut i = c + 1;
    if plain(i).is_some_and(|t| is_in(&PLAIN_ARTICLES, &t.lower)) {
        i += 1;
    }
    if !is_in(&MEDIA_OF_SPEECH, &plain(i)?.lower) {
        return None;
    }
    i += 1;
    if plain(i).is_some_and(|t| matches!(t.lower.as_str(), "message" | "link" | "call")) {
        i += 1;
    }
    Some(i)
}

/// True for a word of [`CIRCUMSTANCE_PREPOSITIONS`]: it opens where, when or through what
/// words came ("on the evening bulletin", "in a speech", "after the vote"), never an object or
/// an infinitive.
pub(crate) fn opens_place_or_medium(lower: &str) -> bool {
    is_in(&CIRCUMSTANCE_PREPOSITIONS, lower)
}

/// Pronouns that open the reported clause after a circumstance ("said in his speech he was …").
static CLAUSE_SUBJECTS: WordList = WordList::new(&["he", "i", "it", "she", "there", "they", "we"]);

/// The fewest words reported speech `words` must hold: [`MIN_THAT_CLAUSE_WORDS`] when a
/// subject pronoun and a word that can be its verb open them, which makes them a clause ("said
/// she was “tired.”"), else [`MIN_CONTENT_WORDS`] (fewer words are a circumstance, "said in
/// part.", or an object and one: "admitted it in court.").
pub(crate) fn fewest_clause_words(words: &str) -> usize {
    let mut lowered = words.split_whitespace().map(str::to_lowercase);
    let (first, second) = (lowered.next().unwrap_or_default(), lowered.next());
    let verb_next = second.is_some_and(|w| {
        let w = w.trim_start_matches(|c: char| !c.is_alphanumeric());
        w.starts_with(char::is_alphabetic)
            && !opens_circumstance(w)
            && !is_time_word(w)
            && !is_in(&DETERMINERS, w)
    });
    if is_in(&CLAUSE_SUBJECTS, &first) && verb_next {
        MIN_THAT_CLAUSE_WORDS
    } else {
        MIN_CONTENT_WORDS
    }
}

/// Words for small numbers, which make "added" an increase ("added three goals").
static NUMBER_WORDS: WordList = WordList::new(&[
    "another", "eight", "five", "four", "nine", "one", "seven", "six", "ten", "three", "two", "yet",
]);

/// Articles and possessives: a reporting verb right after one is an adjective ("the alleged
/// drop").
static ARTICLES: WordList = WordList::new(&["a", "an", "her", "his", "its", "our", "the", "their"]);
/// Words of a circumstance within which its "that" or clause subject is looked for, and most
/// words of a circumstance closing a sentence after its verb ("…, Lee said during a visit.").
const MAX_CIRCUMSTANCE_WORDS: usize = 10;
/// Longest subject phrase, in words.
pub(crate) const MAX_SUBJECT_WORDS: usize = 10;
/// Most words of a name set in apposition at the end of a circumstance ("after a call with the
/// mayor, Tom Brandt.").
const MAX_APPOSED_NAME_WORDS: usize = 3;
/// Shortest reported clause, in words.
pub(crate) const MIN_CONTENT_WORDS: usize = 4;

/// Fewest words of a reported clause that "that" opens ("told Brandt that she would quit").
pub(crate) const MIN_THAT_CLAUSE_WORDS: usize = 3;

/// A reporting verb with its subject and content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Frame {
    /// The verb's token ("according" for "according to").
    pub cue: usize,
    /// The subject phrase, as a token range.
    pub subject: (usize, usize),
    /// The reported words, as a byte range of the text.
    pub content: (usize, usize),
    /// The subject comes from the sentence's opening (a participle frame).
    pub borrowed_subject: bool,
    /// An "according to" frame.
    pub according: bool,
    /// A verb that attributes a stance rather than speech ("backs the plan"; see the
    /// `attribute::views` module): its words are reported as a stance (`QuoteKind::Stance`).
    pub view: bool,
}

impl Frame {
    /// A frame of speech (no "according to", no stance) at verb `cue`.
    pub(crate) fn report(
        cue: usize,
        subject: (usize, usize),
        content: (usize, usize),
        borrowed_subject: bool,
    ) -> Frame {
        Frame {
            cue,
            subject,
            content,
            borrowed_subject,
            according: false,
            view: false,
        }
    }
}

fn gap_has(t: &Tok, chars: &[char]) -> bool {
    t.gap_after.contains(chars)
}

/// A colon between words (not inside "7:30").
fn colon_break(t: &Tok) -> bool {
    t.gap_after.contains(':') && t.gap_after.len() > 1
}

/// True when a quotation mark opens after token `t`: a double one, or two apostrophes or grave
/// accents standing for one (``like this'' or ''like this'', as archives write it).
pub(crate) fn opens_quote(t: &Tok) -> bool {
    gap_has(t, OPEN_QUOTES) || t.gap_after.contains("''") || t.gap_after.contains("``")
}

/// True when the quotation the token `t` closes ends with a comma, a question or an
/// exclamation mark inside its marks: it hands over to whoever said it ("“Why?” Lee asked").
fn hands_over(t: &Tok) -> bool {
    t.gap_after.trim_start().starts_with([',', '?', '!'])
}

/// True when a quotation mark closes after token `t` (see [`opens_quote`]); an opening curly
/// mark with no word after it closes too (German „…“, or a misprint).
fn closes_quote(t: &Tok) -> bool {
    let misprinted = t.gap_after.find('“').is_some_and(|at| {
        t.gap_after
            .get(at + '“'.len_utf8()..)
            .and_then(|rest| rest.chars().next())
            .is_some_and(|c| !super::tokens::starts_word(c))
    });
    gap_has(t, CLOSE_QUOTES) || t.gap_after.contains("''") || misprinted
}

/// Token-level view of one sentence.
pub struct Sentence<'a, 'b> {
    /// The document text.
    pub text: &'a str,
    /// All tokens of the document.
    pub toks: &'b [Tok<'a>],
    /// First token of the sentence.
    pub from: usize,
    /// One past its last token.
    pub to: usize,
    /// Byte range of the sentence.
    pub span: (usize, usize),
}

impl Sentence<'_, '_> {
    /// Token `i` of the document.
    pub(crate) fn tok(&self, i: usize) -> &Tok<'_> {
        self.toks.at(i)
    }

    /// True for a number opening a quantity of people ("60 percent of voters", "40% of", "300
    /// of the residents"), not a year or a date before the subject ("in 2015 state officials").
    fn is_quantity(&self, i: usize) -> bool {
        let t = self.tok(i);
        let next = self.toks.get(i + 1).filter(|_| i + 1 < self.to);
        t.lower.starts_with(|c: char| c.is_ascii_digit())
            && (t.gap_after.contains('%')
                || next.is_some_and(|n| matches!(n.lower.as_str(), "percent" | "per" | "of")))
    }

    /// True when token `i` can be part of a subject phrase.
    fn subject_word(&self, i: usize) -> bool {
        let t = self.tok(i);
        !t.in_quote && !is_in(&CLAUSE_BOUNDARIES, &t.lower) && (!t.is_cue() || self.after_who(i))
    }

    /// True when token `i` follows a relative "who", so that a cue there is the verb of a
    /// clause inside the subject ("A clerk who asked not to be named said …").
    fn after_who(&self, i: usize) -> bool {
        i > self.from && {
            let before = self.tok(i - 1);
            before.lower == "who" && !before.in_quote && before.gap_after.trim().is_empty()
        }
    }

    /// The subject phrase ending right before token `end` (exclusive), walking back to a clause
    /// boundary; `None` when it does not look like a noun phrase.
    fn phrase_before(&self, end: usize) -> Option<(usize, usize)> {
        if end <= self.from {
            return None;
        }
        let mut start = end;
        while start > self.from && end - start < MAX_SUBJECT_WORDS && self.subject_word(start - 1) {
            let prev = self.tok(start - 1);
            // Punctuation after a word closes the phrase, except the full stop of a title ("Sen.").
            let title_dot = prev.gap_after.trim() == "." && is_in(&TITLES, &prev.lower);
            if start < end
                && !title_dot
                && prev.gap_after.trim() != ""
                && !prev.gap_after.trim().chars().all(|c| c == '(' || c == ')')
            {
                break;
            }
            start -= 1;
        }
        if start == end || end - start >= MAX_SUBJECT_WORDS {
            return None;
        }
        if let Some(first) = self.first_conjunct(start) {
            start = first;
        }
        if let Some(head) = self.head_before_relative(start) {
            return Some(head);
        }
        // A bare plural noun phrase speaks for itself ("forecasters say", "refugee advocates say").
        let bare_plural = end - start <= 3
            && (start..end).all(|i| !self.tok(i).cap)
            && self.tok(end - 1).lower.ends_with('s')
            && self.tok(end - 1).lower.len() > 4;
        if bare_plural {
            return Some((start, end));
        }
        // "In late spring the company announced": a lead-in phrase before the article is no
        // part of the subject.
        if is_in(&LEAD_IN_WORDS, &self.tok(start).lower) {
            // The last article: "In a statement the company said" is the company.
            if let Some(d) = (start + 1..end).rfind(|&i| is_in(&PLAIN_ARTICLES, &self.tok(i).lower))
            {
                start = d;
            }
        }
        // Trim a leading lower-case word that is not a determiner, a quantity ("60 percent of
        // voters"), a group noun or part of the name.
        while start < end
            && !self.tok(start).cap
            && !is_in(&DETERMINERS, &self.tok(start).lower)
            && !self.is_quantity(start)
            && !is_in(&GROUP_NOUNS, &self.tok(start).lower)
            && !matches!(
                self.tok(start).lower.as_str(),
                "he" | "she" | "they" | "we" | "i" | "it"
            )
        {
            start += 1;
        }
        (start < end).then_some((start, end))
    }

    /// Where the run of subject words ending before token `end` starts: at most
    /// [`MAX_CONJUNCT_WORDS`], with nothing but spaces between them, and none that `stops`.
    fn plain_words_before(&self, end: usize, stops: impl Fn(&Tok) -> bool) -> usize {
        let mut first = end;
        while first > self.from
            && end - first < MAX_CONJUNCT_WORDS
            && self.tok(first - 1).gap_after.trim().is_empty()
            && self.subject_word(first - 1)
            && !stops(self.tok(first - 1))
        {
            first -= 1;
        }
        first
    }

    /// The noun phrase a restrictive relative clause ending the subject hangs on, when the
    /// phrase starting at `start` follows "who" ("People who work at the pier said …", "A man
    /// who fished there said …"): a few words opening the sentence, following its lead-in or
    /// following ", but" or ", and".
    fn head_before_relative(&self, start: usize) -> Option<(usize, usize)> {
        if start < self.from + 2 {
            return None;
        }
        let who = start - 1;
        let relative = self.tok(who);
        if relative.lower != "who" || relative.in_quote {
            return None;
        }
        let first = self.plain_words_before(who, |_| false);
        // After a comma, or after ", but" or ", and" joining a clause before ("The family
        // declined to comment, but a relative who …").
        let after_comma = |i: usize| self.tok(i).gap_after.contains(',');
        let opens = first == self.from
            || after_comma(first - 1)
            || (first >= self.from + 2
                && matches!(self.tok(first - 1).lower.as_str(), "but" | "and")
                && after_comma(first - 2));
        (first < who && opens).then_some((first, who))
    }

    /// Where a noun phrase joined by "and" to the phrase starting at `start` begins, when it
    /// opens the sentence or follows its lead-in ("Residents and shop owners said", "After the
    /// vote, the mayor and the council said"): a few words, none a verb ("The vote failed and
    /// officials said" is two clauses).
    fn first_conjunct(&self, start: usize) -> Option<usize> {
        if start < self.from + 2 {
            return None;
        }
        let and = self.tok(start - 1);
        if and.lower != "and" || !and.gap_after.trim().is_empty() || and.in_quote {
            return None;
        }
        // The walk stops at a day ("On Monday residents and …"), and a phrase opening with a
        // preposition is a lead-in, no subject ("In the town and …").
        let first = self.plain_words_before(start - 1, |t| is_day_or_time(&t.lower));
        let opens = (first == self.from || self.tok(first - 1).gap_after.contains(','))
            && !opens_circumstance(&self.tok(first).lower);
        let words = first..start - 1;
        let verb_like = words.clone().any(|i| {
            let t = self.tok(i);
            // "runs late": a word in -s followed by another in lower case, no preposition, is a
            // verb at work ("observers in Ohio" is a noun).
            let next = self.tok(i + 1);
            let present = t.lower.ends_with('s')
                && i + 2 < start
                && !next.cap
                && !opens_circumstance(&next.lower);
            !t.cap
                && (t.lower.ends_with("ed")
                    || t.lower.ends_with("ing")
                    || present
                    || is_in(&AUXILIARIES, &t.lower)
                    || is_in(&IRREGULAR_PAST, &t.lower))
        });
        // An article after a word in lower case that is no preposition opens a verb's object
        // ("Police found the body and …"; "Experts on the port and …" is a noun phrase).
        let object = words.clone().skip(1).any(|i| {
            let before = self.tok(i - 1);
            is_in(&ARTICLES, &self.tok(i).lower)
                && !before.cap
                && !opens_circumstance(&before.lower)
        });
        (first < start - 1 && opens && !verb_like && !object).then_some(first)
    }

    /// True when the preposition at `k` continues an organisation's name into a role and a
    /// name: "former Bank of Ruritania governor Ian Struther", "University of Toronto professor …".
    fn role_after_organisation(&self, k: usize) -> bool {
        let mut i = k + 1;
        if i < self.to && self.tok(i).lower == "the" {
            i += 1;
        }
        let name_from = i;
        while i < self.to && self.tok(i).cap && !self.tok(i).in_quote {
            i += 1;
        }
        i > name_from
            && i + 1 < self.to
            && (is_in(&ROLES, &self.tok(i).lower) || is_in(&TITLES, &self.tok(i).lower))
            && self.tok(i + 1).cap
    }

    /// True when token `k` is the "of" of an office's name ("Secretary of State Jo Park"): a
    /// title before it, a capitalised word after.
    fn office_of(&self, k: usize) -> bool {
        let title = k > self.from && {
            let before = &self.tok(k - 1).lower;
            before
                .split('-')
                .any(|part| is_in(&TITLES, part) || is_in(&ROLES, part))
        };
        title && self.tok(k).lower == "of" && k + 1 < self.to && self.tok(k + 1).cap
    }

    /// The subject phrase starting at token `start`, up to punctuation; none when it is only a
    /// day or a time ("said Sunday").
    fn phrase_after(&self, start: usize) -> Option<(usize, usize)> {
        let mut end = start;
        // "said salt and grain trader Hollis Venn": "and" inside a lower-case descriptor.
        // "says Tide and Shore senior manager Odile Brannock": an organisation's "and" too.
        let descriptor_and = |end: usize| {
            let all_lower = (start..end).all(|i| !self.tok(i).cap);
            let all_cap = (start..end).all(|i| self.tok(i).cap);
            self.tok(end).lower == "and"
                && end > start
                && self.tok(end - 1).gap_after.trim().is_empty()
                && end + 1 < self.to
                && !self.tok(end + 1).in_quote
                && ((all_lower && !self.tok(end + 1).cap) || (all_cap && self.tok(end + 1).cap))
        };
        while end < self.to
            && end - start < MAX_SUBJECT_WORDS
            && (self.subject_word(end) || descriptor_and(end))
        {
            // A name ends at a preposition after it ("Gord Ketteridge with the union"), but a
            // descriptor may stand before a name ("Dunmore cartoonist Remy Castellan").
            if end > start
                && self.tok(end - 1).cap
                && is_in(&PREPOSITIONS, &self.tok(end).lower)
                && !descriptor_and(end)
                && !self.role_after_organisation(end)
                && !self.office_of(end)
            {
                break;
            }
            end += 1;
            let t = self.tok(end - 1);
            let title_dot = t.gap_after.trim() == "." && is_in(&TITLES, &t.lower);
            if !title_dot && t.gap_after.trim() != "" {
                break;
            }
        }
        // "said Sunday": a day or a time of day after the verb is when, not who.
        let only_time = (start..end).all(|i| is_day_or_time(&self.tok(i).lower));
        (end > start && !only_time).then_some((start, end))
    }

    /// The name in apposition after a description standing after its verb ("says Castellan's
    /// partner, Jody Prewitt"), else the phrase itself.
    fn named_apposition(&self, phrase: (usize, usize)) -> (usize, usize) {
        let (a, b) = phrase;
        let described = !(a..b).all(|i| self.tok(i).cap) && self.tok(b - 1).gap_after.contains(',');
        if !described || b >= self.to {
            return phrase;
        }
        match self.phrase_after(b) {
            Some((c, d)) if d - c <= 4 && (c..d).all(|i| self.tok(i).cap) => (c, d),
            _ => phrase,
        }
    }

    /// Byte offset where token `i` starts, or the sentence end.
    fn start_of(&self, i: usize) -> usize {
        if i < self.to {
            self.tok(i).start
        } else {
            self.span.1
        }
    }
}

/// The first quote (of `quotes`, sorted and disjoint) that opens after byte `after` and no later
/// than byte `until`: a binary search, so that text dense with quotation marks stays linear.
pub(crate) fn quote_opening_in(
    quotes: &[(usize, usize)],
    after: usize,
    until: usize,
) -> Option<(usize, usize)> {
    let i = quotes.partition_point(|&(q, _)| q <= after);
    quotes.get(i).copied().filter(|&(q, _)| q <= until)
}

/// Whitespace-separated words of `text` in the byte range `range` (none when the range does
/// not fit).
pub(crate) fn words_between(text: &str, range: std::ops::Range<usize>) -> usize {
    text.get(range).map_or(0, |t| t.split_whitespace().count())
}

/// The last quote (of `quotes`, sorted and disjoint) that closes no later than byte `until`,
/// when it closes at or after byte `from`.
pub(crate) fn quote_closing_in(
    quotes: &[(usize, usize)],
    from: usize,
    until: usize,
) -> Option<(usize, usize)> {
    let i = quotes.partition_point(|&(_, e)| e <= until);
    i.checked_sub(1)
        .and_then(|i| quotes.get(i).copied())
        .filter(|&(_, e)| e >= from)
}

/// True when `span` is exactly one of `quotes` (sorted and disjoint).
pub(crate) fn is_quote(quotes: &[(usize, usize)], span: (usize, usize)) -> bool {
    quotes.binary_search(&span).is_ok()
}

/// The frames of one sentence, in order of their verbs. `quotes` are the document's quote
/// ranges (inside the marks), sorted.
pub fn frames(s: &Sentence, quotes: &[(usize, usize)]) -> Vec<Frame> {
    let mut out: Vec<Frame> = Vec::new();
    for k in s.from..s.to {
        let t = s.tok(k);
        if t.in_quote {
            continue;
        }
        if t.lower == "according" && k + 1 < s.to && s.tok(k + 1).lower == "to" {
            out.extend(according_frame(s, k, quotes));
            continue;
        }
        if t.lower == "in" && k == s.from {
            out.extend(in_document_frame(s, k));
            continue;
        }
        // "the estimated cost", "the alleged drop": after an article the word is an adjective,
        // words in -ly aside ("the widely reported drop", "the only hope"); a noun in -ly is
        // the subject ("The family said").
        let mut before = k;
        while before > s.from + 1 && {
            let w = &s.tok(before - 1).lower;
            w.ends_with("ly") && !super::views::is_ly_noun(w)
        } {
            before -= 1;
        }
        let adjective = before > s.from
            && is_in(&ARTICLES, &s.tok(before - 1).lower)
            && s.tok(k - 1).gap_after.trim().is_empty();
        if adjective {
            continue;
        }
        // "Lee is telling reporters …": a progressive form of a listed verb reports as it does.
        let progressive_cue = !t.is_cue() && progressive_form(s.toks, s.from, k).is_some();
        if !t.is_cue() && !progressive_cue {
            // "The audit found that …": a view verb reports only the clause "that" opens.
            let view = is_in(&VIEW_VERBS, &t.lower)
                && !t.cap
                && k + 1 < s.to
                && s.tok(k + 1).lower == "that"
                && !s.tok(k + 1).in_quote;
            let quoted_object = !t.cap && is_in(&QUOTED_OBJECT_VERBS, &t.lower);
            // "The fire was set on purpose, police believe.": a view verb closing the sentence
            // after its subject reports the words before them, as "said" does, when they hold
            // no quotation (read as speech on its own) and no verb of speech or view of their
            // own ("Lee said the tapes show …, the footage showed."). A lead-in before the
            // comma is read as words too: "After the vote, officials believe." reports "After
            // the vote" (blocking lead-ins lost PolNeAR train attributions whose lead-in runs on
            // into the reported clause).
            let trailing_view = is_in(&VIEW_VERBS, &t.lower)
                && !t.cap
                && (k + 1..s.to).all(|i| is_time_word(&s.tok(i).lower))
                && (s.from..k).all(|i| {
                    let w = s.tok(i);
                    !w.in_quote && !w.is_cue() && !is_in(&VIEW_VERBS, &w.lower)
                });
            // "Lee made it clear that …" reports the clause as "said that" does.
            let made_clear = is_in(&MAKE_FORMS, &t.lower)
                && !t.cap
                && k + 1 < s.to
                && after_made_clear(s, k + 1).is_some();
            let shared = out
                .iter()
                .rev()
                .find(|f| !f.according && !f.view)
                .map(|f| (f.subject, f.borrowed_subject));
            let before = out.len();
            if t.lower == "put" {
                out.extend(put_it_frame(s, k, quotes));
            }
            if view || quoted_object || made_clear || trailing_view {
                // "…, calling the plan “a disgrace”" is a participle; "Lee is calling the plan
                // “a disgrace”" a finite verb.
                let participle = t.lower.ends_with("ing") && !is_progressive(s.toks, s.from, k);
                if quoted_object && participle {
                    out.extend(
                        participle_frame(s, k, quotes, shared)
                            .map(|mut f| {
                                f.content.1 =
                                    f.content.1.min(object_end(s, k + 1)).max(f.content.0);
                                f
                            })
                            .filter(|f| holds_quoted_object(s, k, f.content, quotes)),
                    );
                } else {
                    out.extend(verb_frame(s, k, quotes, shared).filter(|f| {
                        view || made_clear
                            || trailing_view
                            || holds_quoted_object(s, k, f.content, quotes)
                    }));
                }
            }
            // "“Go home,” read one sign": "read" right after a quotation is a cue, its subject
            // after it.
            // The quotation hands over to it, and a determiner or a name opens the subject:
            // "Her novel “Harbour” reads like a ghost story" is no speech.
            let inverted_read = matches!(t.lower.as_str(), "read" | "reads")
                && k > s.from
                && k + 1 < s.to
                && closes_quote(s.tok(k - 1))
                && s.tok(k - 1).in_quote
                && hands_over(s.tok(k - 1))
                && (s.tok(k + 1).cap || is_in(&DETERMINERS, &s.tok(k + 1).lower));
            if out.len() == before {
                out.extend(
                    inverted_read
                        .then(|| quote_then_verb(s, k, quotes))
                        .flatten()
                        .or_else(|| quotation_subject_verb(s, k, quotes))
                        .or_else(|| view_frame(s, k, quotes, shared)),
                );
            }
            continue;
        }
        let phrase_end = describing_phrase_end(s, k);
        let found_before = out.len();
        // A participle or a second verb ("praised … and said") shares the subject of the
        // sentence's last frame, else the sentence's own.
        let shared = out
            .iter()
            .rev()
            .find(|f| !f.according && !f.view)
            .map(|f| (f.subject, f.borrowed_subject));
        if let Some(f) = quoted_as_saying(s, k, quotes) {
            out.push(f);
        } else if let Some(f) = quote_then_verb(s, k, quotes) {
            let rest = continuation_after(s, k, &f);
            out.push(f);
            out.extend(rest);
        } else if let Some(f) = trailing_inverted(s, k) {
            out.push(f);
        } else if let Some(f) = with_participle(s, k, quotes) {
            out.push(f);
        } else if is_in(&PARTICIPLES, &t.lower) && !is_progressive(s.toks, s.from, k) {
            out.extend(
                participle_frame(s, k, quotes, shared)
                    .or_else(|| prepositional_participle_frame(s, k, quotes, shared)),
            );
        } else if let Some(f) = verb_frame(s, k, quotes, shared) {
            out.extend(split_parenthetical(s, f));
        } else {
            out.extend(view_frame(s, k, quotes, shared));
        }
        if let Some(end) = phrase_end {
            for f in out.iter_mut().skip(found_before) {
                f.content.1 = f.content.1.min(end).max(f.content.0);
            }
        }
    }
    end_before_later_subjects(s, &mut out);
    out
}

/// Most words a participle's phrase between commas holds before the verb it describes the
/// subject of.
const MAX_DESCRIBING_PHRASE_TOKENS: usize = 16;

/// "Lee, adding that the pier was shut, said the vote would wait.": a participle between
/// commas after the subject (no finite verb before it), with a verb of speech right after the
/// phrase, reports only the words up to the phrase's closing comma (the byte where they end);
/// the verb after it reports its own.
fn describing_phrase_end(s: &Sentence, k: usize) -> Option<usize> {
    let t = s.tok(k);
    if !t.lower.ends_with("ing")
        || k == s.from
        || !s.tok(k - 1).gap_after.contains(',')
        || (s.from..k).any(|i| is_finite_verb(s, i))
    {
        return None;
    }
    let end = s.to.min(k + MAX_DESCRIBING_PHRASE_TOKENS);
    let comma = (k..end).find(|&i| s.tok(i).gap_after.contains(','))?;
    let verb = s.tok(comma + 1);
    let reports_after = comma + 1 < s.to
        && (k..=comma).all(|i| !s.tok(i).in_quote)
        && verb.is_cue()
        && !verb.in_quote
        && !verb.lower.ends_with("ing");
    reports_after.then_some(s.tok(comma).end)
}

/// Prepositions opening where words were told, between the addressee and the clause ("told
/// reporters outside parliament he …").
static PLACE_PREPOSITIONS: WordList = WordList::new(&["at", "in", "inside", "near", "outside"]);

/// Words opening a clause of time after a verb of speech ("said as she left, “…”").
static TIME_CLAUSE_OPENERS: WordList = WordList::new(&["after", "as", "before", "when", "while"]);

/// Words after a parenthetical attribution that hand the sentence back to the narrator.
static NARRATOR_OPENERS: WordList = WordList::new(&[
    "according",
    "after",
    "although",
    "as",
    "because",
    "before",
    "though",
    "whereas",
    "which",
    "while",
]);

/// "The pills work for little, she says, and should be taken briefly.": a parenthetical
/// attribution reports the words on both sides of it, as two quotes when both are clauses.
fn split_parenthetical(s: &Sentence, f: Frame) -> Vec<Frame> {
    // "…, union leader Ann Lee said, …": a role in lower case opens the attribution.
    let a = attribution_opening(s, f.subject.0);
    // The attribution ends at the verb or at a time after it ("Lee said on Friday, and …").
    let mut last = f.cue;
    while last + 1 < s.to
        && !s.tok(last).gap_after.contains(',')
        && is_time_word(&s.tok(last + 1).lower)
    {
        last += 1;
    }
    let parenthetical = f.content == s.span
        && a > s.from
        && s.tok(a - 1).gap_after.contains(',')
        && s.tok(last).gap_after.contains(',')
        && last + 1 < s.to;
    if !parenthetical {
        return vec![f];
    }
    let before = (s.span.0, s.tok(a - 1).end);
    // The words after the verb start at a quotation's opening mark when one stands there.
    let gap = s.tok(last).gap_after;
    let after_from = gap
        .find(is_opening_mark)
        .map_or(s.tok(last + 1).start, |i| s.tok(last).end + i);
    let after = (after_from, s.span.1);
    let words = |(x, y): (usize, usize)| words_between(s.text, x..y);
    if words(before) < MIN_CONTENT_WORDS || words(after) < MIN_CONTENT_WORDS {
        return vec![f];
    }
    // "…, she said, though she named no one.": the narrator goes on, not the speaker.
    let mut at = last + 1;
    if s.tok(at).lower == "and" && at + 1 < s.to {
        at += 1;
    }
    let next = &s.tok(at).lower;
    if is_in(&NARRATOR_OPENERS, next) || next.ends_with("ing") {
        return vec![Frame {
            content: before,
            ..f
        }];
    }
    vec![
        Frame {
            content: before,
            ..f.clone()
        },
        Frame {
            content: after,
            ..f
        },
    ]
}

/// Words that open a sentence's adverbial lead-in rather than its subject ("In an interview
/// with CNBC, Carrowby said …").
pub(crate) static LEAD_IN_WORDS: WordList = WordList::new(&[
    "across",
    "after",
    "also",
    "although",
    "amid",
    "among",
    "as",
    "asked",
    "at",
    "because",
    "before",
    "but",
    "despite",
    "during",
    "earlier",
    "following",
    "for",
    "from",
    "however",
    "if",
    "in",
    "inside",
    "last",
    "later",
    "meanwhile",
    "near",
    "on",
    "once",
    "outside",
    "over",
    "since",
    "speaking",
    "still",
    "then",
    "though",
    "throughout",
    "under",
    "unlike",
    "until",
    "when",
    "while",
    "with",
    "within",
    "without",
    "yet",
]);

/// Pronouns in -ing, no participles ("Nothing in the report …").
static ING_PRONOUNS: WordList = WordList::new(&["anything", "everything", "nothing", "something"]);

/// Words that open a participle's complement in a lead-in: a particle, a preposition or an
/// article ("Raised in", "Walking up", "Leaving the hall").
static PARTICIPLE_COMPLEMENTS: WordList = WordList::new(&[
    "a", "across", "along", "an", "around", "at", "down", "from", "her", "his", "in", "into",
    "off", "on", "out", "over", "the", "their", "through", "to", "toward", "towards", "up", "with",
]);

/// True when the sentence opening at token `i` opens with an adverbial lead-in: a word of
/// [`LEAD_IN_WORDS`], or a participle before a particle, a preposition or an article
/// ("Living in Port Ellis, Marsh …", "Campaigning across the north, the senator …").
pub(crate) fn opens_lead_in(toks: &[Tok], i: usize) -> bool {
    let Some(t) = toks.get(i) else {
        return false;
    };
    let participle = t.lower.len() >= 5
        && t.lower.ends_with("ing")
        && !is_in(&ING_PRONOUNS, &t.lower)
        && t.gap_after.trim().is_empty()
        && toks
            .get(i + 1)
            .is_some_and(|next| !next.in_quote && is_in(&PARTICIPLE_COMPLEMENTS, &next.lower));
    is_in(&LEAD_IN_WORDS, &t.lower) || participle
}

/// The subject of a verb that shares one ("… and said", ", saying"), as (subject, borrowed): the
/// sentence's last frame's (`shared`), else the sentence's own up to token `k`.
pub(crate) fn borrowed_subject(
    s: &Sentence,
    k: usize,
    shared: Option<((usize, usize), bool)>,
) -> Option<((usize, usize), bool)> {
    shared.or_else(|| Some((sentence_subject(s, k)?, true)))
}

/// The subject a frame borrows from its sentence: the tokens from the start of the main
/// clause (after an adverbial lead-in) up to the verb at `k`.
fn sentence_subject(s: &Sentence, k: usize) -> Option<(usize, usize)> {
    let start = main_clause_start(s, s.from, k);
    // "The ministry lashed out at …, saying": the subject ends before the sentence's verb (a
    // verb of the learned table, not a noun after an article or a possessive: "The care home").
    let verb_at = |i: usize| {
        let t = s.tok(i);
        !t.cap && !after_article_or_owner(s, i) && super::views::is_active_view_verb(&t.lower)
    };
    let end = (start..k)
        .find(|&i| s.tok(i).is_cue() || s.tok(i).in_quote || i > start && verb_at(i))
        .unwrap_or(k);
    (end > start).then_some((start, end))
}

/// Most words of the first of two noun phrases joined by "and" in a subject, and of the noun
/// phrase a relative clause in a subject hangs on.
const MAX_CONJUNCT_WORDS: usize = 4;

/// Auxiliary and linking verbs: after one, words are a clause, not a subject ("said the crews
/// were tired").
static AUXILIARIES: WordList = WordList::new(&[
    "are", "can", "could", "did", "does", "had", "has", "have", "is", "may", "might", "must",
    "should", "was", "were", "will", "would",
]);

/// Words opening a narrator's concession after an attribution ("…, Lee said, despite the
/// report"), where other prepositions may carry the reported words on ("…, he said, to talk to
/// …").
static NARRATOR_CONCESSIONS: WordList = WordList::new(&["amid", "despite", "notwithstanding"]);

/// Words that compare a count with another after it ("two more than", "a week later than").
static COMPARATIVES: WordList = WordList::new(&[
    "earlier", "fewer", "higher", "later", "less", "longer", "lower", "more", "shorter",
]);

/// True when the words from token `i` compare a count with another, as a narrator's aside: a
/// count then a comparative ("two more than the council counted", "12 fewer than last year"),
/// or "up from" / "down from" ("up from nine on Monday").
fn narrators_comparison(s: &Sentence, i: usize) -> bool {
    let lower = |j: usize| {
        if j < s.to {
            s.tok(j).lower.as_str()
        } else {
            ""
        }
    };
    let is_count = |w: &str| {
        w.starts_with(|c: char| c.is_ascii_digit()) || is_in(&AGO_COUNTS, w) || w == "half"
    };
    let first = s.tok(i);
    if first.in_quote {
        return false;
    }
    let comparison = is_count(lower(i))
        && (i + 1..(i + 3).min(s.to)).any(|j| is_in(&COMPARATIVES, lower(j)))
        && (i + 2..(i + 4).min(s.to)).any(|j| lower(j) == "than");
    comparison || (matches!(lower(i), "up" | "down") && lower(i + 1) == "from")
}

/// Most words between "quoted" and the "as" of "as saying" ("quoted the harbour board's chief
/// engineer as saying").
const MAX_QUOTED_AS_WORDS: usize = 8;

/// `CHANNEL quoted SPEAKER as saying CONTENT` and `SPEAKER was quoted [by CHANNEL] as saying
/// CONTENT`: the one quoted speaks (a channel named in the sentence carried the words), and
/// the words are what the participle after "as" reports ("quoted Lee as saying the pier was
/// safe", "as calling the plan “a disgrace”").
fn quoted_as_saying(s: &Sentence, k: usize, quotes: &[(usize, usize)]) -> Option<Frame> {
    if s.tok(k).lower != "quoted" || s.tok(k).cap {
        return None;
    }
    let limit = s.to.min(k + 2 + MAX_QUOTED_AS_WORDS);
    let as_at = (k + 1..limit).find(|&j| s.tok(j).lower == "as" && !s.tok(j).in_quote)?;
    let participle = s.tok(as_at + 1);
    if as_at + 1 >= s.to || participle.cap || !participle.lower.ends_with("ing") {
        return None;
    }
    let plain = (k..as_at).all(|i| !s.tok(i).in_quote && !gap_has(s.tok(i), &[',', ';', ':']));
    if !plain {
        return None;
    }
    // "was quoted", "was widely quoted", "has been quoted": a form of "be" before the verb.
    let be = skip_back(s, k, |t| {
        !is_in(&BE_FORMS, &t.lower)
            && (is_in(&VERB_ADVERBS, &t.lower) || super::views::is_manner_adverb(t))
    });
    let passive = be > s.from && is_in(&BE_FORMS, &s.tok(be - 1).lower);
    let subject = if passive {
        let mut end = be - 1;
        while end > s.from && is_in(&AUXILIARIES, &s.tok(end - 1).lower) {
            end -= 1;
        }
        subject_with_apposition(s, end)?
    } else if as_at > k + 1 && s.tok(k + 1).lower != "by" {
        (k + 1, as_at)
    } else {
        return None;
    };
    // "“…,” he was quoted as saying in a statement.": the participle has no words of its own
    // after it, only a circumstance; the quotation before is read as usual. "as saying on
    // Monday that …" reports the clause "that" opens.
    let content = if as_at + 2 < s.to && opens_circumstance(&s.tok(as_at + 2).lower) {
        let that = (as_at + 3..s.to.min(as_at + 2 + MAX_CIRCUMSTANCE_WORDS))
            .take_while(|&i| !s.tok(i).in_quote)
            .find(|&i| s.tok(i).lower == "that")
            .filter(|&i| i + 1 < s.to)?;
        (s.tok(that + 1).start, clause_end(s, that + 1))
    } else {
        participle_content(s, as_at + 1, quotes)?
    };
    Some(Frame::report(k, subject, content, false))
}

/// Most words of a name ending a sentence after a description ("…, said the port's chief
/// executive, Tom Brandt.").
const MAX_NAME_AFTER_DESCRIPTION: usize = 4;

/// `CONTENT, said SUBJECT.`: reported speech with the verb before its subject, at the end.
fn trailing_inverted(s: &Sentence, k: usize) -> Option<Frame> {
    if k == s.from || !s.tok(k - 1).gap_after.contains(',') || s.tok(k - 1).in_quote {
        return None;
    }
    // "…, Ann Lee, told reporters on Monday.": the phrase after "told" is whom it was told to.
    // A participle is never inverted ("…, saying the port needed it" reports its clause).
    if matches!(s.tok(k).lower.as_str(), "told" | "tells") || s.tok(k).lower.ends_with("ing") {
        return None;
    }
    // "Nils Ashdown, who quit smoking, says the program …": a name opening the sentence before an
    // apposition is the subject, and the words after the verb are the content.
    let first_comma = (s.from..k).find(|&i| s.tok(i).gap_after.contains(','));
    // A place after a preposition ("In Port Ellis, …") opens a circumstance, not a name.
    let opens_with_preposition = opens_circumstance(&s.tok(s.from).lower);
    let named_opening = first_comma.is_some_and(|f| {
        f > s.from
            && f < s.from + 5
            && s.tok(f).cap
            && s.tok(f - 1).cap
            && !s.tok(f).in_quote
            && !opens_with_preposition
    });
    // "Lee, speaking at the pier, said the ferry …", "The mayor, who runs the port, said …": a
    // short subject opening the sentence, then a participle or a relative clause running from
    // its comma to the verb's, is the verb's subject.
    let subject_then_phrase = first_comma.is_some_and(|f| {
        let next = s.tok(f + 1);
        // A lead-in is no subject ("On Monday, nothing changed, said …").
        let lead_in = opens_circumstance(&s.tok(s.from).lower)
            || is_in(&LEAD_IN_WORDS, &s.tok(s.from).lower)
            || is_day_or_time(&s.tok(s.from).lower);
        let participle = next.lower.ends_with("ing")
            && !next.lower.ends_with("thing")
            && !matches!(
                next.lower.as_str(),
                "during" | "following" | "including" | "morning" | "evening"
            );
        f < s.from + 5
            && !lead_in
            && !s.tok(f).in_quote
            && (s.tok(f).cap || is_in(&DETERMINERS, &s.tok(s.from).lower))
            && !next.cap
            && (participle || matches!(next.lower.as_str(), "who" | "which"))
            && (f + 1..k - 1).all(|i| !s.tok(i).gap_after.contains(','))
    });
    if named_opening || subject_then_phrase {
        return None;
    }
    let mut subject = s.phrase_after(k + 1)?;
    // The subject is a name or a noun phrase, not a clause ("said he was unable to …").
    let first = s.tok(subject.0);
    let pronoun = matches!(
        first.lower.as_str(),
        "he" | "she" | "they" | "it" | "we" | "i"
    );
    // "said police Chief Aldo Varnum": a descriptor may stand before the name.
    let names_someone = (subject.0..subject.1).any(|i| s.tok(i).cap);
    // Titles do not count toward the length: "said retired Marine Maj. Gen. Ann Roe".
    let words = (subject.0..subject.1)
        .filter(|&i| !is_in(&TITLES, &s.tok(i).lower))
        .count();
    // "…, said the crews were tired.": a verb in the words after "said" makes them a clause,
    // an auxiliary or a verb in -ed after a noun ("said the harbour needed the money"; "said
    // the injured man", "said the newly elected mayor" and "said the board's hired auditor"
    // name someone).
    // After a number it names someone too ("said six unnamed officials"); an adjective before
    // it is taken for a noun ("said a local retired captain" reads as a clause).
    let past_after_noun = |i: usize| {
        let (w, before) = (s.tok(i), s.tok(i - 1));
        !w.cap
            && w.lower.ends_with("ed")
            && !before.cap
            && !before.possessive
            && !is_in(&DETERMINERS, &before.lower)
            && !is_in(&NUMBER_WORDS, &before.lower)
            && !super::views::is_manner_adverb(before)
    };
    let clause = (subject.0..subject.1).any(|i| is_in(&AUXILIARIES, &s.tok(i).lower))
        || (subject.0 + 1..subject.1).any(past_after_noun);
    // "…, Lee said on Friday, and …": a preposition opens a circumstance, never a subject.
    let circumstance = opens_circumstance(&first.lower);
    if pronoun
        || clause
        || circumstance
        || !(first.cap
            || is_in(&DETERMINERS, &first.lower)
            || is_in(&NUMBER_WORDS, &first.lower)
            || names_someone)
        || words > 5
    {
        return None;
    }
    // The sentence ends with the subject, or an apposition follows its name ("said Dr. Imogen
    // Sallow, a Brackwater radiation oncologist.").
    let rest = s
        .text
        .get(s.tok(subject.1 - 1).end..s.span.1)
        .unwrap_or("")
        .trim();
    let apposition = rest.starts_with(',') && s.tok(subject.1 - 1).cap;
    // "…, said the port's chief executive, Tom Brandt.": a description, then the name that
    // ends the sentence, which is the speaker.
    let name_after = Some((subject.1, s.to)).filter(|&(a, b)| {
        rest.starts_with(',')
            && !apposition
            && a < b
            && b - a <= MAX_NAME_AFTER_DESCRIPTION
            && (a..b).all(|i| s.tok(i).cap && !s.tok(i).in_quote)
            && s.text
                .get(s.tok(b - 1).end..s.span.1)
                .is_some_and(|end| end.chars().all(|c| !c.is_alphanumeric()))
    });
    if let Some(name) = name_after {
        subject = name;
    } else if !apposition && !rest.chars().all(|c| !c.is_alphanumeric()) {
        return None;
    }
    let content = (s.span.0, s.tok(k - 1).end);
    let words = words_between(s.text, content.0..content.1);
    (words >= MIN_CONTENT_WORDS).then_some(Frame::report(k, subject, content, false))
}

/// `“… the best use of money,” Lee added, to build a new pier …`: after a quotation closed by a
/// comma and its attribution, the sentence goes on with "that" or "to" carrying the quoted
/// words' clause on: those words are the speaker's too, a second piece of the frame `f` at
/// verb `k`.
fn continuation_after(s: &Sentence, k: usize, f: &Frame) -> Option<Frame> {
    let quoted = s.text.get(f.content.0..f.content.1)?;
    if !quoted.trim_end().ends_with(',') {
        return None;
    }
    let after = k.max(f.subject.1.saturating_sub(1)) + 1;
    if after >= s.to || !s.tok(after - 1).gap_after.contains(',') || opens_quote(s.tok(after - 1)) {
        return None;
    }
    let next = s.tok(after);
    // Only "that" or "to" carries the quoted clause on ("…, Lee said, that she had …"); other
    // words describe the speaker ("…, said Lee, a councillor who …") or open the narrator's
    // clause ("…, Lee said, and the crowd went home").
    if next.in_quote || !matches!(next.lower.as_str(), "that" | "to") {
        return None;
    }
    let end = clause_end(s, after);
    (words_between(s.text, next.start..end) >= MIN_CONTENT_WORDS).then_some(Frame::report(
        k,
        f.subject,
        (next.start, end),
        f.borrowed_subject,
    ))
}

/// `“QUOTE,” said SUBJECT` or `“QUOTE,” SUBJECT said`.
fn quote_then_verb(s: &Sentence, k: usize, quotes: &[(usize, usize)]) -> Option<Frame> {
    // Inverted: the verb follows the closing quote.
    let inverted = k > s.from && closes_quote(s.tok(k - 1)) && s.tok(k - 1).in_quote;
    let (subject, quote_end_tok) = if inverted {
        (s.named_apposition(s.phrase_after(k + 1)?), k)
    } else {
        let end = skip_adverbs_back(s, k);
        // The token right after the quotation the subject follows; a role written in lower
        // case may stand between them ("“Why?” reporter Ann Lee asked").
        let quote_end_before = |subject: &(usize, usize)| {
            let mut a = subject.0;
            while a > s.from + 1 && {
                let t = s.tok(a - 1);
                !t.in_quote
                    && !t.cap
                    && t.gap_after.trim().is_empty()
                    && (is_in(&ROLES, &t.lower) || is_title(&t.lower))
            } {
                a -= 1;
            }
            // Past a role, only a quotation that hands over to its speaker (a comma, a
            // question or an exclamation mark inside the marks): "“Harbour Song” director Ann
            // Lee said the film …" names a work.
            let hands_over = a == subject.0 || hands_over(s.tok(a - 1));
            (a > s.from && closes_quote(s.tok(a - 1)) && s.tok(a - 1).in_quote && hands_over)
                .then_some(a)
        };
        let after_quote = |subject: &(usize, usize)| quote_end_before(subject).is_some();
        // "“…” Nadia Perrin, chief strategist at Northgate, said": a name and its apposition.
        let subject = s
            .phrase_before(end)
            .filter(after_quote)
            .or_else(|| subject_with_apposition(s, end).filter(after_quote))?;
        // "On “Harbour Hour,” Lee said the mayor is weak": a quotation inside a lead-in (a
        // show's title) before a verb that runs straight into its clause reports nothing.
        // A clause, not a circumstance ("wrote in a note"), a time or an addressee.
        let clause_follows = k + MIN_CONTENT_WORDS < s.to
            && s.tok(k).gap_after.trim().is_empty()
            && !matches!(s.tok(k).lower.as_str(), "told" | "tells")
            && {
                // "said earlier this week", "said last month": a time, no clause.
                let next = &s.tok(k + 1).lower;
                let time = is_time_word(next) && !is_in(&PLAIN_ARTICLES, next);
                !opens_circumstance(next) && !time
            };
        let quote_end_tok = quote_end_before(&subject)?;
        let in_lead_in = || {
            let close_at = s.tok(quote_end_tok - 1).end;
            quote_closing_in(quotes, close_at, s.start_of(quote_end_tok)).is_some_and(|q| {
                s.text
                    .get(s.span.0..q.0)
                    .is_some_and(|lead| lead.chars().any(char::is_alphanumeric))
            })
        };
        // "After Lee said …, Brandt said: “…”": the verb has a quotation of its own.
        let quotation_follows =
            k + 1 < s.to && s.tok(k).gap_after.contains([':', ',']) && opens_quote(s.tok(k));
        if (clause_follows || quotation_follows) && in_lead_in() {
            return None;
        }
        (subject, quote_end_tok)
    };
    let close_at = s.tok(quote_end_tok - 1).end;
    let quote = quote_closing_in(quotes, close_at, s.start_of(quote_end_tok))?;
    // "Results are “very promising,” says Brannock", "… “very promising,” she said": the
    // speaker's words run from the start of the clause holding the quotation (after the
    // sentence's last comma, colon or semicolon before it, or a full stop the sentence split
    // missed) when the quotation ends them and nothing else reports them.
    let lead = s.text.get(s.span.0..quote.0).unwrap_or("");
    let lead = lead.trim_end_matches(|c: char| c.is_whitespace() || is_opening_mark(c));
    let clause_start = lead
        .char_indices()
        .rev()
        .find(|&(i, c)| {
            matches!(c, ',' | ';' | ':')
                || (matches!(c, '.' | '!' | '?') && {
                    // "Tuesday. „…": a full stop after a word in lower case, not "U.S."
                    let after = lead.get(i + c.len_utf8()..).unwrap_or("");
                    let word_end = lead
                        .get(..i)
                        .unwrap_or("")
                        .chars()
                        .next_back()
                        .is_some_and(|b| b.is_lowercase() || b.is_ascii_digit());
                    word_end && (after.is_empty() || after.starts_with(char::is_whitespace))
                })
        })
        .map_or(0, |(i, c)| i + c.len_utf8());
    let clause = lead.get(clause_start..).unwrap_or("");
    let lead_words = clause.split_whitespace().count();
    let clause_from = s.span.0 + clause_start + (clause.len() - clause.trim_start().len());
    // "As Lee accused Brandt of “gutless leadership,” shares fell": a verb of naming before
    // the quotation reports it too.
    let reported_elsewhere = (s.from..quote_end_tok).any(|i| {
        let t = s.tok(i);
        !t.in_quote
            && t.start < quote.0
            && (t.is_cue() || t.lower == "according" || is_in(&QUOTED_OBJECT_VERBS, &t.lower))
    });
    let content = if lead_words >= 2 && !reported_elsewhere {
        (clause_from, quote.1)
    } else {
        quote
    };
    Some(Frame::report(k, subject, content, false))
}

/// Most words of the subject between a quotation and any verb after it ("the harbour notice").
const MAX_SHORT_SUBJECT_WORDS: usize = 4;

/// `“WORDS,” SUBJECT VERB.`: a quotation that ends with a comma, a question or an exclamation
/// mark, then its subject and a verb ending the sentence, whatever the verb ("“Stay home,” the
/// notice read.", "“Go,” Roe snapped."). The punctuation inside the marks says the
/// sentence goes on to say whose words they were; the subject must be short and the verb must
/// close the sentence or its clause, so a quotation that a sentence merely names is not read as
/// speech.
fn quotation_subject_verb(s: &Sentence, k: usize, quotes: &[(usize, usize)]) -> Option<Frame> {
    let t = s.tok(k);
    // The cheap tests first: this is asked of every word that is no verb of speech. The verb
    // closes the sentence or its clause ("“Go,” Roe snapped and left").
    // Only a verb in the past tense closes it so: in "the dockers and their families chanted"
    // a noun stands before "and".
    let clause_ends = |next: &Tok| {
        matches!(next.lower.as_str(), "and" | "as" | "before") && t.lower.ends_with("ed")
    };
    if t.cap
        || t.in_quote
        || (k + 1 < s.to && !t.gap_after.contains(',') && !clause_ends(s.tok(k + 1)))
    {
        return None;
    }
    let verb_like = t.base.chars().all(char::is_alphabetic)
        && !crate::terms::is_stopword(&t.lower)
        && (t.lower.ends_with("ed")
            || t.lower.ends_with('s')
            // "read", whose past tense has no ending ("“Stay home,” the notice read.").
            || t.lower == "read"
            || super::views::is_view_verb(&t.lower));
    if !verb_like {
        return None;
    }
    let frame = quote_then_verb(s, k, quotes)?;
    // The subject: a name, or a short phrase a determiner opens ("the notice"), right before
    // the verb.
    let (a, b) = frame.subject;
    let first = s.tok(a);
    let named = first.cap || is_in(&DETERMINERS, &first.lower);
    if b != k || b - a > MAX_SHORT_SUBJECT_WORDS || !named {
        return None;
    }
    let continues = s
        .text
        .get(frame.content.0..frame.content.1)
        .is_some_and(|words| words.trim_end().ends_with([',', '?', '!']));
    // The quotation opens the sentence ("As Roe called it “a mess,” the stock fell" is no one's
    // speech of the stock).
    let opens_sentence = s.text.get(s.span.0..frame.content.0).is_some_and(|lead| {
        lead.trim_matches(|c: char| c.is_whitespace() || "\"“”„«'".contains(c))
            .is_empty()
    });
    (continues && opens_sentence).then_some(frame)
}

/// Quantifiers that may follow a subject before its verb ("the two crews both said").
static FLOATING_QUANTIFIERS: WordList = WordList::new(&["all", "both", "each"]);

/// Where the subject of the verb at `k` ends, walking back over adverbs and auxiliaries
/// ([`VERB_ADVERBS`]) and over a quantifier after the subject ("Lee and Brandt both say"). A
/// quantifier that is the subject itself ("Both said …", "Of the crews, all said …") stays.
fn skip_adverbs_back(s: &Sentence, k: usize) -> usize {
    let adverb = |t: &Tok| is_in(&VERB_ADVERBS, &t.lower) || super::views::is_manner_adverb(t);
    let end = skip_back(s, k, |t| {
        adverb(t) || is_in(&FLOATING_QUANTIFIERS, &t.lower)
    });
    let subject_before = end > s.from && !s.tok(end - 1).gap_after.contains(',');
    if subject_before {
        end
    } else {
        skip_back(s, k, adverb)
    }
}

/// The subject of the verb at `k`, in its base form, whose phrase before it ends in the "to"
/// of an infinitive ("Lee seemed to", "the mayor is expected to", "Lee was careful not to"):
/// the words before the word that governs the infinitive and the auxiliaries, negations and
/// adverbs before that ("Lee"). None when no words are left. Any other phrase, and the phrase
/// of a verb in the past or in -s ("Those he spoke to said"), is returned as it is.
pub(crate) fn before_infinitive(
    s: &Sentence,
    (from, to): (usize, usize),
    k: usize,
) -> Option<(usize, usize)> {
    let verb = &s.tok(k).lower;
    let base_form = !verb.ends_with("ed")
        && !verb.ends_with('s')
        && !is_in(&IRREGULAR_PAST, verb)
        && !matches!(verb.as_str(), "said" | "told" | "wrote");
    if to <= from || s.tok(to - 1).lower != "to" || !base_form {
        return Some((from, to));
    }
    let mut end = to - 1;
    if end > from && s.tok(end - 1).lower == "not" {
        end -= 1;
    }
    // The governing word ("seemed", "expected", "careful"), then what stands before it.
    end = end.saturating_sub(1).max(from);
    while end > from && super::views::is_skipped(s.tok(end - 1)) {
        end -= 1;
    }
    (end > from).then_some((from, end))
}

/// Where a verb's subject may end, walking back from the verb at `k` over the words `skipped`
/// accepts (not across a comma) and over time phrases ([`time_before`]).
pub(crate) fn skip_back(s: &Sentence, k: usize, skipped: impl Fn(&Tok) -> bool) -> usize {
    let mut end = k;
    loop {
        while end > s.from && skipped(s.tok(end - 1)) && !s.tok(end - 1).gap_after.contains(',') {
            end -= 1;
        }
        match time_before(s, end) {
            Some(start) => end = start,
            None => return end,
        }
    }
}

/// Where a time phrase standing between a subject and its verb starts, when one ends right
/// before token `end`: "Roe on Monday said", "Roe on May 4 backed", "Roe last week said", "Roe
/// Monday said", "Roe earlier this month said", "Roe in 2011 said". None when the words before
/// `end` are no such phrase, when punctuation or a quotation stands inside it or between it and
/// the verb, or when it follows a participle.
pub(crate) fn time_before(s: &Sentence, end: usize) -> Option<usize> {
    let word = |i: usize| s.tok(i).lower.as_str();
    let plain = |i: usize| {
        let t = s.tok(i);
        !t.in_quote && t.gap_after.trim().is_empty()
    };
    if end < s.from + 2 || !plain(end - 1) {
        return None;
    }
    let last = end - 1;
    // A subject must remain before the phrase, and the phrase must not belong to a participle
    // ("the poll released Friday shows", "the poll released two weeks ago found").
    let participle = |i: usize| {
        let t = s.tok(i);
        !t.cap && (t.lower.ends_with("ed") || t.lower.ends_with("ing"))
    };
    let phrase_at =
        |start: usize| start > s.from && !participle(start - 1) && (start..end).all(plain);
    if let Some(start) = ago_phrase_start(s, last).or_else(|| adverbial_phrase_start(s, last)) {
        return phrase_at(start).then_some(start);
    }
    let mut start = if super::lexicon::WEEKDAYS.contains(word(last))
        || matches!(word(last), "yesterday" | "today" | "tonight")
    {
        last
    } else if is_in(&TIME_UNITS, word(last)) && matches!(word(last - 1), "last" | "this" | "next")
        || s.tok(last).lower.chars().all(|c| c.is_ascii_digit())
            && super::lexicon::MONTHS.contains(&word(last - 1))
    {
        last - 1
    } else if word(last - 1) == "in"
        && (is_year(word(last)) || s.tok(last).cap && super::lexicon::MONTHS.contains(&word(last)))
    {
        // "Roe in 2011 said", "Roe in March said" (not "those who move in may say").
        last - 1
    } else {
        return None;
    };
    // "earlier this month", "late last year", "on Monday", "on May 4".
    if start > s.from && plain(start - 1) && matches!(word(start - 1), "earlier" | "late" | "on") {
        start -= 1;
    }
    phrase_at(start).then_some(start)
}

/// True for a year written in four digits from 1800 to 2099.
fn is_year(word: &str) -> bool {
    word.len() == 4
        && word.bytes().all(|b| b.is_ascii_digit())
        && (word.starts_with("18") || word.starts_with("19") || word.starts_with("20"))
}

/// Units of time an "ago" phrase counts ("two weeks ago").
static AGO_UNITS: WordList = WordList::new(&[
    "day", "days", "decade", "decades", "hour", "hours", "minute", "minutes", "month", "months",
    "week", "weeks", "year", "years",
]);
/// Words that count the units of an "ago" phrase ("a year ago", "several months ago").
static AGO_COUNTS: WordList = WordList::new(&[
    "a", "an", "eight", "few", "five", "four", "nine", "one", "several", "seven", "six", "ten",
    "three", "two",
]);
/// Words that make an "ago" phrase's count approximate ("about two weeks ago", "less than a
/// year ago").
static AGO_HEDGES: WordList = WordList::new(&[
    "about", "almost", "just", "nearly", "only", "roughly", "some",
]);

/// Where an "ago" phrase ending at token `last` starts: "a year ago", "two weeks ago", "less
/// than a month ago", "about 20 years ago".
fn ago_phrase_start(s: &Sentence, last: usize) -> Option<usize> {
    let word = |i: usize| s.tok(i).lower.as_str();
    if word(last) != "ago" || last < s.from + 2 || !is_in(&AGO_UNITS, word(last - 1)) {
        return None;
    }
    let count = last - 2;
    let counted =
        is_in(&AGO_COUNTS, word(count)) || word(count).bytes().all(|b| b.is_ascii_digit());
    if !counted {
        return None;
    }
    let mut start = count;
    if start > s.from + 1
        && word(start - 1) == "than"
        && matches!(word(start - 2), "less" | "more" | "fewer")
    {
        start -= 2;
    } else if start > s.from && is_in(&AGO_HEDGES, word(start - 1)) {
        start -= 1;
    }
    Some(start)
}

/// Phrases of time or manner that stand between a subject and its verb as an adverb does ("Lee
/// at first said", "the board at one point argued", "Lee for years has said").
const ADVERBIAL_PHRASES: &[&[&str]] = &[
    &["at", "first"],
    &["at", "last"],
    &["at", "one", "point"],
    &["at", "the", "time"],
    &["at", "times"],
    &["for", "decades"],
    &["for", "months"],
    &["for", "weeks"],
    &["for", "years"],
    &["in", "the", "past"],
    &["in", "turn"],
];

/// Where an adverbial phrase ending at token `last` starts: one of [`ADVERBIAL_PHRASES`], or
/// "long" after a perfect auxiliary ("Lee has long said").
fn adverbial_phrase_start(s: &Sentence, last: usize) -> Option<usize> {
    let word = |i: usize| s.tok(i).lower.as_str();
    if word(last) == "long" && last > s.from && matches!(word(last - 1), "has" | "had" | "have") {
        return Some(last);
    }
    ADVERBIAL_PHRASES.iter().find_map(|phrase| {
        let start = (last + 1).checked_sub(phrase.len())?;
        (start >= s.from
            && phrase
                .iter()
                .enumerate()
                .all(|(j, w)| word(start + j) == *w))
        .then_some(start)
    })
}

/// Forms of "be" that make a verb in -ing progressive ("is saying", "were telling").
static BE_FORMS: WordList = WordList::new(&["am", "are", "be", "been", "is", "was", "were"]);

/// Subjects of "be" that open an impersonal sentence ("it is telling that …", "what is
/// worrying is …"): the word in -ing after them is an adjective, not a verb of speech.
static IMPERSONAL_SUBJECTS: WordList =
    WordList::new(&["it", "that", "there", "this", "what", "which"]);

/// True when the verb in -ing at `k` follows a form of "be" ("Lee is saying", "they were
/// telling"), an adverb at most between them ("is also saying"), and that form of "be" does not
/// follow an impersonal subject ("it is telling that"): a finite verb, not a participle hanging
/// on the sentence's subject. `from` is the sentence's first token.
fn is_progressive(toks: &[Tok], from: usize, k: usize) -> bool {
    if !toks.at(k).lower.ends_with("ing") {
        return false;
    }
    let joined = |j: usize| j >= from && toks.at(j).gap_after.trim().is_empty();
    let mut j = k;
    for _ in 0..2 {
        if j <= from || !joined(j - 1) {
            return false;
        }
        j -= 1;
        let w = &toks.at(j).lower;
        if is_in(&BE_FORMS, w) {
            return j == from || !is_in(&IMPERSONAL_SUBJECTS, &toks.at(j - 1).lower);
        }
        if !is_in(&VERB_ADVERBS, w) && !super::views::is_manner_adverb(toks.at(j)) {
            return false;
        }
    }
    false
}

/// The present form under which the lexicon lists the progressive verb at `k` ("is telling" as
/// "tells", "are arguing" as "argues", "is noting" as "notes", "is denying" as "denies", "is
/// hoping" as "hopes"), or None when `k` is no progressive verb or its present form is no
/// listed verb of speech or of a view. `from` is the sentence's first token.
pub(crate) fn progressive_form(toks: &[Tok], from: usize, k: usize) -> Option<String> {
    if !is_progressive(toks, from, k) {
        return None;
    }
    let stem = toks.at(k).lower.strip_suffix("ing")?;
    // "admitting" -> "admit": a doubled last letter is written once.
    let mut letters = stem.chars().rev();
    let undoubled = match (letters.next(), letters.next()) {
        (Some(a), Some(b)) if a == b => stem.strip_suffix(a).unwrap_or(stem),
        _ => stem,
    };
    let listed =
        |w: &String| is_in(&CLAUSE_VERBS, w) || is_in(&THAT_VERBS, w) || is_in(&VIEW_VERBS, w);
    let mut forms = vec![
        format!("{stem}s"),
        format!("{stem}es"),
        format!("{undoubled}s"),
    ];
    if let Some(root) = stem.strip_suffix('y') {
        forms.push(format!("{root}ies"));
    }
    forms.into_iter().find(listed)
}

/// Words of manner after "put it" ("put it this way", "put it best"), beside adverbs in -ly.
static PUT_IT_MANNERS: WordList = WordList::new(&[
    "another",
    "best",
    "differently",
    "simply",
    "that",
    "this",
    "way",
    "well",
]);

/// `SUBJECT put it [ADVERB]: “QUOTE”` and `As SUBJECT put it, WORDS`: "put it" reports the
/// words after it, a quotation opening after its colon or comma, or (after "as") the rest of
/// the sentence. `k` is "put".
fn put_it_frame(s: &Sentence, k: usize, quotes: &[(usize, usize)]) -> Option<Frame> {
    if k + 1 >= s.to || s.tok(k + 1).lower != "it" {
        return None;
    }
    // "put it bluntly:", "put it this way:": a manner before the colon or comma ("put it
    // down, …" is no speech).
    let last = (k + 1..s.to.min(k + 5))
        .take_while(|&i| !s.tok(i).in_quote)
        .find(|&i| s.tok(i).gap_after.contains([':', ',']))?;
    let manner = |t: &Tok| super::views::is_manner_adverb(t) || is_in(&PUT_IT_MANNERS, &t.lower);
    if !(k + 2..=last).all(|i| manner(s.tok(i))) {
        return None;
    }
    let end = skip_adverbs_back(s, k);
    let subject = subject_with_apposition(s, end)?;
    // "As Lee put it, …": the subject after "as", and the words the rest of the sentence.
    let opens_as = s.tok(subject.0).lower == "as";
    let after_as = opens_as || subject.0 > s.from && s.tok(subject.0 - 1).lower == "as";
    let subject = if opens_as {
        (subject.0 + 1, subject.1)
    } else {
        subject
    };
    if subject.0 >= subject.1 {
        return None;
    }
    let next = s.start_of(last + 1);
    // "The quay, as Lee put it, will need a new wall": inside the sentence, all of it.
    let inside =
        after_as && subject.0 >= s.from + 2 && s.tok(subject.0 - 2).gap_after.contains(',');
    let content = match quote_opening_in(quotes, s.tok(last).end, next) {
        Some(quote) if opens_quote(s.tok(last)) => quote,
        _ if inside => s.span,
        // "put it this way: the ferry is finished."
        _ if (after_as || colon_break(s.tok(last))) && last + 1 < s.to => (next, s.span.1),
        _ => return None,
    };
    Some(Frame::report(k, subject, content, false))
}

/// Most words of a role written in lower case before a name ("hospital director", "campaign
/// manager").
const MAX_ROLE_BEFORE_NAME: usize = 3;

/// True for a word in lower case that may stand in a role or description right before a name
/// ("harbour" and "master" in "harbour master Tom Brandt"): unquoted, no verb of speech, no
/// stop word, and nothing but space after it.
fn plain_word_before_name(t: &Tok) -> bool {
    !t.cap
        && !t.in_quote
        && t.gap_after.trim().is_empty()
        && !t.is_cue()
        && !crate::terms::is_stopword(&t.lower)
}

/// Where a role written in lower case right before the name opening at token `name` starts
/// ("hospital director Ann Lee", "former mayor Tom Brandt"): the word before the name is a role
/// or a title, with plain words in lower case qualifying it, [`MAX_ROLE_BEFORE_NAME`] words in
/// all. `name` itself when no role stands there.
fn role_before_name(s: &Sentence, name: usize) -> usize {
    let plain = plain_word_before_name;
    if name <= s.from + 1 || !s.tok(name).cap {
        return name;
    }
    let role = s.tok(name - 1);
    if !plain(role) || !(is_in(&ROLES, &role.lower) || is_title(&role.lower)) {
        return name;
    }
    let mut a = name - 1;
    while a > s.from && name - a < MAX_ROLE_BEFORE_NAME && plain(s.tok(a - 1)) {
        a -= 1;
    }
    a
}

/// Where an attribution after a comma opens, from the name at token `name`: its role in lower
/// case ([`role_before_name`]), or up to two plain lower-case words between the comma and the
/// name ("…, harbour master Tom Brandt said"); the name itself when no comma is reached.
fn attribution_opening(s: &Sentence, name: usize) -> usize {
    let role = role_before_name(s, name);
    if !s.tok(name).cap || (role > s.from && s.tok(role - 1).gap_after.contains(',')) {
        return role;
    }
    let plain = plain_word_before_name;
    let mut a = name;
    while a > s.from + 1 && name - a < MAX_ROLE_BEFORE_NAME - 1 && plain(s.tok(a - 1)) {
        a -= 1;
        if s.tok(a - 1).gap_after.contains(',') {
            return a;
        }
    }
    role
}

/// Forms of "make", which report a clause after "clear" ("made it clear that …").
static MAKE_FORMS: WordList = WordList::new(&["make", "made", "makes", "making"]);

/// Where the words after a form of "make" and "clear" or "it clear" start ("made it clear that
/// …", "makes clear on Monday that …"), from token `c` right after the verb; None when no
/// "clear" follows.
fn after_made_clear(s: &Sentence, c: usize) -> Option<usize> {
    let c = if s.tok(c).lower == "it" { c + 1 } else { c };
    (c < s.to && s.tok(c).lower == "clear" && !s.tok(c).in_quote).then_some(c + 1)
}

/// Where the reported words start after a verb of telling and its addressee, from token `c`
/// right after the verb: at "that" when one follows within a few words ("told the court that
/// …"), else after the addressee ("told reporters the pier …", "telling Harbour Weekly …").
/// None when no addressee stands there or it ends in an article.
pub(crate) fn after_addressee(s: &Sentence, c: usize) -> Option<usize> {
    // The "that" opening the clause, before any quotation or colon ("told Congress: “That
    // matter is …”" has none) and not a demonstrative before an auxiliary.
    let that = (c..s.to.min(c + MAX_ADDRESSEE_WORDS))
        .take_while(|&i| !s.tok(i).in_quote && (i == c || !colon_break(s.tok(i - 1))))
        .find(|&i| s.tok(i).lower == "that" && !is_in(&AUXILIARIES, &s.tok(i + 1).lower));
    match that {
        Some(i) => Some(i),
        None => {
            // The addressee: "reporters", "police", "the court", "investigators", "him", "CBC".
            let mut o = c;
            while o < s.to && o < c + 3 && !s.tok(o).in_quote {
                let w = s.tok(o);
                let addressee = w.cap
                    || is_in(&ADDRESSEES, &w.lower)
                    || is_in(&GROUP_NOUNS, &w.lower)
                    || matches!(
                        w.lower.as_str(),
                        "him" | "her" | "them" | "us" | "me" | "parliament" | "council"
                    )
                    || (w.lower.ends_with('s') && w.lower.len() > 3);
                let article = matches!(w.lower.as_str(), "the" | "a" | "an" | "his" | "their");
                if addressee {
                    o += 1;
                    if w.gap_after.trim() != "" {
                        break;
                    }
                } else if article && o == c {
                    // "told the Globe"; after a name an article opens the clause ("told
                    // Harbour Weekly the laws favour …").
                    o += 1;
                } else {
                    break;
                }
            }
            if o == c
                || matches!(
                    s.tok(o - 1).lower.as_str(),
                    "the" | "a" | "an" | "his" | "their"
                )
            {
                return None;
            }
            Some(o)
        }
    }
}

/// `SUBJECT [, apposition,] VERB …`: direct (`: “…”`), trailing (`CONTENT, SUBJECT said.`) or
/// reported clause.
fn verb_frame(
    s: &Sentence,
    k: usize,
    quotes: &[(usize, usize)],
    shared: Option<((usize, usize), bool)>,
) -> Option<Frame> {
    let t = s.tok(k);
    // "Lee is telling reporters that …" reads as "tells": a progressive verb is looked up in
    // its present form.
    let progressive = progressive_form(s.toks, s.from, k);
    let verb = progressive.as_deref().unwrap_or(&t.lower);
    let end = skip_adverbs_back(s, k);
    // "won't say", "declined to say", "did not say": no speech is reported. "can confirm"
    // is the confirmation itself ("We can confirm that two workers were treated").
    let before = (end > s.from).then(|| s.tok(end - 1).lower.replace('’', "'"));
    let confirms = before.as_deref() == Some("can") && verb == "confirm";
    if before.is_some_and(|w| is_in(&NEGATIONS, &w)) && !confirms {
        return None;
    }
    // (The subject ends before "can".)
    let end = if confirms { end - 1 } else { end };
    // "Carrowby praised Ruritania's support and said …": the verb shares the sentence's subject.
    // "… and in a brief written reply said …": a phrase after "and" is no subject.
    let phrase_after_and = (end.saturating_sub(6).max(s.from + 1)..end).find(|&j| {
        is_in(&LEAD_IN_WORDS, &s.tok(j).lower)
            && s.tok(j - 1).lower == "and"
            && (j..end).all(|i| {
                s.tok(i).gap_after.trim().is_empty() && !s.tok(i).in_quote && !s.tok(i).cap
            })
    });
    // "… gave no figures, but said …" shares it too.
    let and_at = if end > s.from + 1 && matches!(s.tok(end - 1).lower.as_str(), "and" | "but") {
        Some(end - 1)
    } else {
        phrase_after_and.map(|j| j - 1)
    };
    // "Ann Roe, who said last week that …, called …": a relative clause's speaker is the name
    // before ", who" (or an organisation's before ", which"), and its words end at the
    // clause's comma.
    let relative = end > s.from + 1
        && matches!(s.tok(end - 1).lower.as_str(), "who" | "which")
        && s.tok(end - 2).gap_after.contains(',')
        && s.tok(end - 2).cap;
    let (subject, borrowed_subject) = if let Some(and_at) = and_at {
        borrowed_subject(s, and_at, shared)?
    } else if relative && s.tok(end - 1).lower == "which" {
        // ", which" speaks for a name that an article opens, as a verb's object or its
        // subject ("wrote to the Ellis Port Authority, which said …"); a name after "of" or
        // after a noun's preposition may be no antecedent of it ("a plan from Lee, the head
        // of the Ellis Institute, which proposes …", "a grant softened the loss for the Ellis
        // Line, which wrote off …").
        let (first, _) = relative_antecedent(s, end - 1)?;
        if first <= s.from || !is_in(&ARTICLES, &s.tok(first - 1).lower) {
            return None;
        }
        let article = first - 1;
        let verb_like =
            |t: &Tok| t.is_cue() || !t.cap && (t.lower.ends_with("ed") || t.lower.ends_with("ing"));
        let governed = article == s.from
            || !is_in(&PREPOSITIONS, &s.tok(article - 1).lower)
            || s.tok(article - 1).lower != "of"
                && article - 1 > s.from
                && verb_like(s.tok(article - 2));
        if !governed {
            return None;
        }
        ((first, end - 1), false)
    } else if relative {
        (s.phrase_before(end - 1)?, false)
    } else {
        let subject = subject_with_apposition(s, end)?;
        (before_infinitive(s, subject, k)?, false)
    };
    // "Lee ended by making it clear that …": after a preposition, the participle's subject.
    let (subject, borrowed_subject) = if is_in(&MAKE_FORMS, verb) {
        prepositional_subject(s, k, shared).unwrap_or((subject, borrowed_subject))
    } else {
        (subject, borrowed_subject)
    };
    // SUBJECT VERB: “QUOTE” or SUBJECT VERB, “QUOTE” (not a quote opening the next sentence).
    if opens_quote(t) && !gap_has(t, &['.', '!', '?']) {
        let at = t.end;
        let quote = quote_opening_in(quotes, at, s.start_of(k + 1))?;
        // "The plan, Roe said, “is a waste” of money": a parenthetical attribution inside the
        // sentence reports all of it (a quotation broken by its speaker is read elsewhere).
        let parenthetical = subject.0 > s.from
            && s.tok(subject.0 - 1).gap_after.contains(',')
            && gap_has(t, &[','])
            && (s.from..subject.0).all(|i| !s.tok(i).in_quote)
            && !opens_lead_in(s.toks, s.from)
            && quote.1 < s.span.1
            && s.text
                .get(quote.1..s.span.1)
                .is_some_and(|rest| rest.chars().any(char::is_alphanumeric));
        let content = if parenthetical {
            s.span
        } else {
            quotation_or_its_clause(s, k, quote)
        };
        return Some(Frame::report(k, subject, content, borrowed_subject));
    }
    // CONTENT, SUBJECT VERB [time words].
    let mut after = k + 1;
    let told = matches!(verb, "told" | "tells");
    while after < s.to
        && !s.tok(after).in_quote
        && (is_time_word(&s.tok(after).lower)
            || (told && (s.tok(after).cap || is_in(&ADDRESSEES, &s.tok(after).lower))))
    {
        after += 1;
    }
    // "…, the mayor said Tuesday in Valmora, noting …": a place after the time is circumstance.
    // ("in" may already be passed over as a time word.)
    let is_place_word = |j: usize| matches!(s.tok(j).lower.as_str(), "in" | "at");
    let place_start = if after > k + 1 && is_place_word(after - 1) {
        Some(after)
    } else if after + 1 < s.to && is_place_word(after) && !s.tok(after).in_quote {
        Some(after + 1)
    } else {
        None
    };
    if let Some(from) = place_start.filter(|&from| from < s.to) {
        let limit = s.to.min(from + MAX_PLACE_WORDS);
        let place_end = (from..limit)
            .find(|&j| !s.tok(j).cap || s.tok(j).in_quote)
            .unwrap_or(limit);
        let ends_phrase = place_end >= s.to
            || (s.tok(place_end - 1).gap_after.contains(',')
                && is_in(&PARTICIPLES, &s.tok(place_end).lower));
        if place_end > from && ends_phrase {
            after = place_end;
        }
    }
    // "…, she said in a video message.": a circumstance closing the sentence ("in a" may
    // already be passed over as time words).
    // "said on Sunday after a call": the circumstance after the time words, if one opens there.
    let opens_after = after < s.to && circumstance_at(s, after);
    let circumstance = (k + 1..after)
        .rev()
        .find(|&j| !opens_after && circumstance_at(s, j))
        .unwrap_or(after);
    if after < s.to
        && circumstance_at(s, circumstance)
        && s.to - circumstance <= MAX_CIRCUMSTANCE_WORDS
        && (circumstance..s.to).all(|j| {
            let w = s.tok(j);
            // "said in an interview that it would reopen": a clause follows, no circumstance.
            let clause = w.lower == "that" || is_in(&CLAUSE_SUBJECTS, &w.lower);
            // "said after a call with the mayor, Tom Brandt.": a name in apposition closes it.
            let apposition = w.gap_after.trim() == ","
                && s.to - j <= MAX_APPOSED_NAME_WORDS + 1
                && (j + 1..s.to).all(|n| s.tok(n).cap && !s.tok(n).possessive);
            !w.in_quote
                && !w.is_cue()
                && !clause
                && (j + 1 == s.to || w.gap_after.trim().is_empty() || apposition)
        })
    {
        after = s.to;
    }
    // "…, he said, adding that …": the participle reports more of the same speaker's words.
    // Any participle does ("…, officials said Monday, citing a new report").
    let participle_next = after < s.to
        && s.tok(after - 1).gap_after.contains(',')
        && (is_in(&PARTICIPLES, &s.tok(after).lower)
            || (!s.tok(after).cap && s.tok(after).lower.ends_with("ing")));
    // "…, she said on Friday, and the line has run full since": a new clause after the comma,
    // which goes on with the same words (the parenthetical split keeps the attribution out).
    // "…, the agency reported, and said …": a second verb of speech after "and" reports words
    // of its own; the words before the attribution are this one's.
    let speech_next = after + 1 < s.to
        && s.tok(after - 1).gap_after.contains(',')
        && matches!(s.tok(after).lower.as_str(), "and" | "but")
        && s.tok(after + 1).is_cue();
    let clause_next = after < s.to
        && s.tok(after - 1).gap_after.contains(',')
        && s.tok(after).lower == "and"
        && !speech_next;
    // "…, Lee said on Tuesday, despite the report.": a concession after the comma is the
    // narrator's, not more of the words.
    // A word of `list` right after the comma that closes the attribution.
    let comma_then = |list: &WordList| {
        after < s.to
            && s.tok(after - 1).gap_after.contains(',')
            && !s.tok(after).in_quote
            && is_in(list, &s.tok(after).lower)
    };
    let circumstance_next = comma_then(&NARRATOR_CONCESSIONS);
    // "…, Lee said on Tuesday, two more than the council counted.": a comparison of a count
    // after the comma is the narrator's aside on the words, not more of them.
    let aside_at = time_phrase_end(s, after).unwrap_or(after);
    let aside_next = aside_at < s.to
        && s.tok(aside_at - 1).gap_after.contains(',')
        && narrators_comparison(s, aside_at);
    // "…, hospital director Ann Lee told reporters": a role in lower case before the name
    // stands between the words and the subject.
    let opening = attribution_opening(s, subject.0);
    let comma_before_subject = opening > s.from && s.tok(opening - 1).gap_after.contains(',');
    // "…, the airline said on Monday, as fuel prices rose.": a clause of time, cause or
    // contrast after the comma is the narrator's (as in [`split_parenthetical`]), when the words
    // before the attribution are a report of their own ("And so, he said, while …" goes on).
    let narrator_next = comma_before_subject
        && comma_then(&NARRATOR_OPENERS)
        && words_between(s.text, s.span.0..s.tok(opening - 1).end) >= MIN_CONTENT_WORDS;
    if (after >= s.to
        || participle_next
        || clause_next
        || circumstance_next
        || narrator_next
        || speech_next
        || aside_next)
        && comma_before_subject
        && and_at.is_none()
    {
        let content_end = s.tok(opening - 1).end;
        // "“…,” the mayor, Ann Roe, told reporters": the description between the quotation and
        // the name is no part of the words.
        let described = (s.from..subject.0)
            .rev()
            .find(|&i| s.tok(i).in_quote)
            .filter(|&q| {
                q + 1 < subject.0
                    && subject.0 - q - 1 <= MAX_DESCRIPTION_WORDS
                    && closes_quote(s.tok(q))
                    && !(q + 1..subject.0).any(|i| s.tok(i).is_cue())
            })
            .and_then(|q| quote_closing_in(quotes, s.tok(q).end, s.tok(q + 1).start))
            // The quotation opens the sentence (one opened in an earlier sentence does not).
            .filter(|quote| {
                s.text
                    .get(s.span.0..quote.0)
                    .is_some_and(|lead| lead.trim_matches(['"', '“', ' ']).is_empty())
            });
        // The clause after "and" goes on with the same words: the whole sentence is reported.
        let whole = if clause_next {
            s.span
        } else {
            (s.span.0, content_end)
        };
        let content = described.unwrap_or(whole);
        return Some(Frame::report(k, subject, content, false));
    }
    if let Some(f) = directive(s, k, subject, borrowed_subject) {
        return Some(f);
    }
    if let Some(f) = question(s, k, subject, borrowed_subject) {
        return Some(f);
    }
    if is_in(&QUOTED_OBJECT_VERBS, &t.lower) && k + 1 < s.to {
        let content = (s.tok(k + 1).start, object_end(s, k + 1));
        if holds_quoted_object(s, k, content, quotes) {
            return Some(Frame::report(k, subject, content, borrowed_subject));
        }
    }
    let made_clear = is_in(&MAKE_FORMS, verb);
    if !is_in(&CLAUSE_VERBS, verb)
        && !is_in(&THAT_VERBS, verb)
        && !is_in(&VIEW_VERBS, verb)
        && !made_clear
    {
        return None;
    }
    // VERB [addressee] [time] [that] CONTENT
    let mut c = k + 1;
    if matches!(verb, "told" | "tells") {
        c = after_addressee(s, c)?;
        // "told reporters outside parliament he was …": where they were told, then the clause.
        if c < s.to && is_in(&PLACE_PREPOSITIONS, &s.tok(c).lower) {
            // ("told staff at what she called a farewell lunch that …" has a clause of its own
            // in the place.)
            let clause = (c + 1..s.to.min(c + 1 + MAX_PLACE_WORDS))
                .take_while(|&i| {
                    let t = s.tok(i);
                    !t.in_quote
                        && !s.tok(i - 1).gap_after.contains(',')
                        && !matches!(t.lower.as_str(), "what" | "which" | "who" | "where")
                })
                .find(|&i| is_in(&CLAUSE_SUBJECTS, &s.tok(i).lower));
            if let Some(i) = clause {
                c = i;
            }
        }
    }
    // "made it clear that …": the clause after "(it) clear" and its "that".
    if made_clear {
        c = after_made_clear(s, c)?;
    }
    let mut has_that = false;
    let scan_to = s.to.min(c + 4);
    if let Some(i) = (c..scan_to).find(|&i| {
        // "said that would be wrong": a "that" before an auxiliary is the clause's subject.
        s.tok(i).lower == "that"
            && !is_in(&AUXILIARIES, &s.tok(i + 1).lower)
            && (c..i).all(|j| is_time_word(&s.tok(j).lower) || s.tok(j).cap)
    }) {
        c = i + 1;
        has_that = true;
    }
    // "said Monday the ferry …", "said on Friday the crews …", "said last week officials …": a
    // time right after the verb is no part of the clause that follows it, nor of a
    // circumstance after it ("said Monday in a statement that …").
    // Only a time whose next word opens a clause or a circumstance: "said today marks …" and
    // "said Monday's storm …" keep their words.
    if !has_that {
        let circumstance_end = time_phrase_end(s, c).or_else(|| medium_phrase_end(s, c));
        if let Some(i) = circumstance_end.filter(|&i| {
            let next = s.tok(i);
            i < s.to
                && s.tok(i - 1).gap_after.trim().is_empty()
                && !next.in_quote
                && (next.cap
                    || next.lower == "that"
                    || is_in(&ARTICLES, &next.lower)
                    || is_in(&CLAUSE_SUBJECTS, &next.lower)
                    || opens_circumstance(&next.lower))
        }) {
            // "said by phone that …": the clause after "that".
            if s.tok(i).lower == "that" && !is_in(&AUXILIARIES, &s.tok(i + 1).lower) {
                c = i + 1;
                has_that = true;
            } else {
                c = i;
            }
        }
    }
    // "said on Thursday he …", "said last week they …": a time before a clause's pronoun.
    if !has_that {
        let clause = (c..s.to.min(c + 4)).find(|&i| !is_time_word(&s.tok(i).lower));
        if let Some(i) = clause.filter(|&i| i > c && is_in(&CLAUSE_SUBJECTS, &s.tok(i).lower)) {
            // A quotation after a colon is read as the verb's words below ("said on Monday:
            // “We …”").
            if (c..=i).all(|j| !s.tok(j).in_quote) {
                c = i;
            }
        }
    }
    // "said as she opened the meeting, “We will …”": a clause of time after the verb, closed by
    // a comma before a quotation, is the moment of the words; the quotation is the words.
    if !has_that && c < s.to && is_in(&TIME_CLAUSE_OPENERS, &s.tok(c).lower) {
        let window = c + 1..s.to.min(c + 1 + MAX_CIRCUMSTANCE_WORDS);
        let comma = window
            .take_while(|&i| !s.tok(i).in_quote)
            .find(|&i| gap_has(s.tok(i), &[',']) && opens_quote(s.tok(i)));
        let quote = comma.and_then(|i| quote_opening_in(quotes, s.tok(i).end, s.start_of(i + 1)));
        if let Some(quote) = quote {
            return Some(Frame::report(k, subject, quote, borrowed_subject));
        }
    }
    // "admitted to the newspaper that …", "complained to Lee that …": "to" and whom the words
    // were said to, then the clause "that" opens ("said to be …" has no addressee, and "wrote
    // to the firm that built the pier" a relative clause, whose verb follows "that").
    if !has_that && c + 1 < s.to && s.tok(c).lower == "to" {
        let first = s.tok(c + 1);
        let addressee = first.cap
            || is_in(&DETERMINERS, &first.lower)
            || is_in(&ADDRESSEES, &first.lower)
            || matches!(first.lower.as_str(), "him" | "her" | "them" | "us" | "me");
        let that = (c + 1..s.to.min(c + 1 + MAX_ADDRESSEE_WORDS))
            .take_while(|&i| !s.tok(i).in_quote && !s.tok(i - 1).gap_after.contains([',', ':']))
            .find(|&i| {
                let next = s.tok(i + 1);
                s.tok(i).lower == "that"
                    && !is_in(&AUXILIARIES, &next.lower)
                    && !is_in(&IRREGULAR_PAST, &next.lower)
                    && (next.cap || !next.lower.ends_with("ed"))
            });
        if let Some(i) = that.filter(|_| addressee) {
            c = i + 1;
            has_that = true;
        }
    }
    // "said in an e-mailed statement that …": the clause follows the circumstance; without a
    // "that" the words after the verb are only the circumstance ("said in an interview.").
    // After "on", only "that" opens the clause: "said on social media that …", but "wrote on
    // ferry safety before he …" is the verb's own object.
    let on = s.tok(c).lower == "on";
    // "said at least 12 people were hurt": "at least" and "at most" open a quantity.
    let quantity =
        s.tok(c).lower == "at" && matches!(s.tok(c + 1).lower.as_str(), "least" | "most");
    if !has_that && c < s.to && !quantity && circumstance_at(s, c) {
        let window = c + 1..s.to.min(c + MAX_CIRCUMSTANCE_WORDS);
        let clause = window
            .take_while(|&i| !s.tok(i).in_quote && !colon_break(s.tok(i - 1)))
            .find(|&i| s.tok(i).lower == "that" || !on && is_in(&CLAUSE_SUBJECTS, &s.tok(i).lower));
        match clause {
            Some(i) if s.tok(i).lower == "that" => {
                c = i + 1;
                has_that = true;
            }
            Some(i)
                if s.to - i
                    >= fewest_clause_words(s.text.get(s.tok(i).start..s.span.1).unwrap_or("")) =>
            {
                c = i
            }
            Some(_) => {}
            // Nothing but the circumstance itself ("said in an interview last spring."), or
            // the circumstance before a colon and a quotation ("said in a statement: “…”"),
            // which is the verb's words.
            None if s.to - c <= MAX_CIRCUMSTANCE_WORDS
                || s.toks.within(c..s.to).iter().any(colon_break) =>
            {
                let colon = (c..s.to).find(|&i| colon_break(s.tok(i)))?;
                let t = s.tok(colon);
                if !opens_quote(t) || s.tok(colon).in_quote {
                    return None;
                }
                let quote = quote_opening_in(quotes, t.end, s.start_of(colon + 1))?;
                return Some(Frame::report(k, subject, quote, borrowed_subject));
            }
            None => {}
        }
    }
    if !has_that && !is_in(&CLAUSE_VERBS, verb) {
        return None;
    }
    // An object rather than a clause: "announced a plan", "spoke about it" ("about 550" is a number).
    if c >= s.to {
        return None;
    }
    let about_number = s.tok(c).lower == "about"
        && s.toks
            .get(c + 1)
            .is_some_and(|n| n.lower.starts_with(|ch: char| ch.is_ascii_digit()));
    // "said a pattern of rural poverty is taking shape": after "say" an article opens a clause
    // more often than an object ("said a prayer"), when enough words follow.
    let say_clause = is_in(&SAY_VERBS, verb)
        && matches!(s.tok(c).lower.as_str(), "a" | "an")
        && s.to - c >= SAY_CLAUSE_MIN_WORDS;
    if c >= s.to
        || (!has_that
            && !about_number
            && !say_clause
            && matches!(
                s.tok(c).lower.as_str(),
                "a" | "an" | "to" | "for" | "about" | "of" | "on" | "with" | "by"
            ))
    {
        return None;
    }
    // "The Nikkei added 2.6 per cent", "Halifax added two more goals": a number after "added"
    // is a change in value, not speech; "She wrote a field guide": a book, not words.
    let first = s.tok(c).lower.as_str();
    let number = first.starts_with(|ch: char| ch.is_ascii_digit()) || is_in(&NUMBER_WORDS, first);
    if !has_that && matches!(verb, "added" | "adds") && number {
        return None;
    }
    if !has_that && matches!(verb, "wrote" | "writes") && is_in(&DETERMINERS, first) {
        return None;
    }
    if t.gap_after.contains(',') && !has_that {
        // "A, Mr Veleshev said, was plainly …": the whole sentence is the reported speech.
        return Some(Frame::report(k, subject, s.span, borrowed_subject));
    }
    // A clause opening on a quotation ("stressed that “trade must …” and …") starts at its
    // opening mark, so its words read whole.
    let lead = s.text.get(..s.tok(c).start).unwrap_or("");
    let start = lead.trim_end_matches(is_opening_mark).len().max(s.span.0);
    let mut end = clause_end(s, c);
    if let Some(p) = s.text.get(start..end).unwrap_or("").find(", according to") {
        end = start + p;
    }
    if relative {
        // A comma inside a number ("1,340") ends nothing.
        let words = s.text.get(start..end).unwrap_or("");
        let clause_comma = words.match_indices(',').find(|&(p, _)| {
            !words
                .get(p + 1..)
                .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
        });
        if let Some((p, _)) = clause_comma {
            end = start + p;
        }
    }
    let words = words_between(s.text, start..end);
    let fewest = if has_that {
        MIN_THAT_CLAUSE_WORDS
    } else {
        fewest_clause_words(s.text.get(start..end).unwrap_or(""))
    };
    (words >= fewest).then_some(Frame::report(k, subject, (start, end), borrowed_subject))
}

/// Where an object opening at token `c` ends: at the end of its clause, before "and" or "but"
/// and the next verb of speech ("called the plan “a disgrace” and said …"), or before a comma
/// and a participle that reports ("praised the crew, calling the rescue “heroic”").
pub(crate) fn object_end(s: &Sentence, c: usize) -> usize {
    let end = clause_end(s, c);
    let reports = |t: &Tok| t.is_cue() || is_in(&QUOTED_OBJECT_VERBS, &t.lower);
    (c + 1..s.to)
        .take_while(|&j| s.tok(j).start < end)
        .find(|&j| {
            let t = s.tok(j);
            let and_verb = matches!(t.lower.as_str(), "and" | "but")
                && s.toks
                    .get(j + 1)
                    .is_some_and(|n| j + 1 < s.to && reports(n));
            let comma_participle =
                s.tok(j - 1).gap_after.contains(',') && t.lower.ends_with("ing") && reports(t);
            !t.in_quote && (and_verb || comma_participle)
        })
        .map_or(end, |j| s.tok(j - 1).end)
}

/// True when `content`, the words after a quoted-object verb at `k`, is an object holding a
/// quotation: it opens right after the verb with no phrasal particle or "that", has
/// [`MIN_OBJECT_WORDS`] words or more, and a quotation starts inside it after its first word.
fn holds_quoted_object(
    s: &Sentence,
    k: usize,
    content: (usize, usize),
    quotes: &[(usize, usize)],
) -> bool {
    object_holds_quote(s, k + 1, content, quotes)
}

/// True when `content`, an object opening at token `c`, holds a quotation after its first word
/// and is an object, not a clause (see [`holds_quoted_object`]).
pub(crate) fn object_holds_quote(
    s: &Sentence,
    c: usize,
    content: (usize, usize),
    quotes: &[(usize, usize)],
) -> bool {
    let k = c.saturating_sub(1);
    let Some(first) = s.toks.get(c).filter(|_| c < s.to) else {
        return false;
    };
    if first.in_quote || content.0 != first.start || is_in(&NOT_AN_OBJECT, &first.lower) {
        return false;
    }
    // "predicted last week that …": a clause "that" opens is read as a clause.
    if (k + 1..s.to.min(k + 1 + OBJECT_THAT_WINDOW)).any(|i| s.tok(i).lower == "that") {
        return false;
    }
    let Some(words) = s.text.get(content.0..content.1) else {
        return false;
    };
    words.split_whitespace().count() >= MIN_OBJECT_WORDS
        && quote_within(quotes, first.end + 1, content.1)
}

/// True when one of `quotes` (sorted by start, disjoint) lies wholly in `from..to`.
pub(crate) fn quote_within(quotes: &[(usize, usize)], from: usize, to: usize) -> bool {
    let i = quotes.partition_point(|&(a, _)| a < from);
    quotes.get(i).is_some_and(|&(a, b)| a < b && b <= to)
}

/// Most capitalised words of a place after a verb of saying ("in Port Valmora").
const MAX_PLACE_WORDS: usize = 4;

/// Most words of a description standing between a quotation and its speaker's name.
const MAX_DESCRIPTION_WORDS: usize = 6;

/// Verbs that report an instruction: `VERB ADDRESSEE to …` ("urged residents to boil their water").
static DIRECTIVE_VERBS: WordList =
    WordList::new(&["advised", "asked", "reminded", "told", "urged", "urges"]);
/// Longest addressee of an instruction, in words.
const MAX_DIRECTIVE_ADDRESSEE: usize = 4;

/// `SUBJECT VERB ADDRESSEE to …`: the instruction, from the addressee to the clause's end.
fn directive(
    s: &Sentence,
    k: usize,
    subject: (usize, usize),
    borrowed_subject: bool,
) -> Option<Frame> {
    if !is_in(&DIRECTIVE_VERBS, &s.tok(k).lower) || s.tok(k).gap_after.trim() != "" {
        return None;
    }
    let to =
        (k + 2..s.to.min(k + 2 + MAX_DIRECTIVE_ADDRESSEE)).find(|&i| s.tok(i).lower == "to")?;
    let plain = (k + 1..to).all(|j| !s.tok(j).in_quote && s.tok(j).gap_after.trim().is_empty());
    if !plain || to + 1 >= s.to {
        return None;
    }
    reported_clause(s, k, (subject, borrowed_subject), k + 1, to + 1)
}

/// The frame of verb `k` whose reported words run from token `from` to the end of the clause
/// that continues at token `clause`, when they are enough words to be reported speech.
fn reported_clause(
    s: &Sentence,
    k: usize,
    (subject, borrowed_subject): ((usize, usize), bool),
    from: usize,
    clause: usize,
) -> Option<Frame> {
    let start = s.tok(from).start;
    let end = clause_end(s, clause);
    let words = words_between(s.text, start..end);
    (words >= fewest_clause_words(s.text.get(start..end).unwrap_or(""))).then_some(Frame::report(
        k,
        subject,
        (start, end),
        borrowed_subject,
    ))
}

/// Verbs that report a question: `VERB [ADDRESSEE] whether|if …`.
static QUESTION_VERBS: WordList = WordList::new(&["asked", "asks", "ask", "wondered", "wonders"]);
/// Words that open a reported yes-or-no question. Questions opened by "who", "what", "how" and
/// the like are left out: on the Gender Gap Tracker set, which annotates speech, they added
/// spurious quotes (F1 0.9046 -> 0.9040) for a gain of 0.001 in PolNeAR's recall.
static QUESTION_OPENERS: WordList = WordList::new(&["whether", "if"]);

/// `SUBJECT VERB [ADDRESSEE] whether|if …` ("asked the harbour master whether the pier was
/// safe"): the reported question, from "whether" or "if" to the clause's end.
fn question(
    s: &Sentence,
    k: usize,
    subject: (usize, usize),
    borrowed_subject: bool,
) -> Option<Frame> {
    if !is_in(&QUESTION_VERBS, &s.tok(k).lower) || s.tok(k).gap_after.trim() != "" {
        return None;
    }
    let opener = (k + 1..s.to.min(k + 2 + MAX_DIRECTIVE_ADDRESSEE))
        .find(|&i| is_in(&QUESTION_OPENERS, &s.tok(i).lower))?;
    let plain = (k + 1..opener).all(|j| !s.tok(j).in_quote && s.tok(j).gap_after.trim().is_empty());
    if !plain || opener + 1 >= s.to {
        return None;
    }
    reported_clause(s, k, (subject, borrowed_subject), opener, opener + 1)
}

/// Where reported words starting at token `c` end: before a participle that reports more
/// (", adding that …", ", insisting …"), else at the sentence's end.
pub(crate) fn clause_end(s: &Sentence, c: usize) -> usize {
    (c + 1..s.to)
        .find(|&j| {
            let after_comma = !s.tok(j).in_quote && s.tok(j - 1).gap_after.contains(',');
            // "Although critics say …, Petrova says …": another speaker takes over.
            let next_speaker = s.tok(j).cap
                && (j + 1..s.to.min(j + 3)).any(|k| {
                    s.tok(k).is_cue() && (j..k).all(|i| s.tok(i).cap && !s.tok(i).in_quote)
                });
            // "…, calling them “dull”": a participle of naming reports words of its own.
            let naming = s.tok(j).lower.ends_with("ing") && reports_quoted_object(s.tok(j));
            after_comma && (is_in(&PARTICIPLES, &s.tok(j).lower) || naming || next_speaker)
                || second_speech_verb(s, c, j)
        })
        .map_or(s.span.1, |j| s.tok(j - 1).end)
}

/// True when token `j` opens a second verb of speech sharing the subject ("said the pier was
/// safe and then warned …", "but added …", or after a pronoun, "…, but it now explains …"), or
/// a verb of naming ("… and called the charges “a witch hunt”"):
/// the first reported clause, opening at token `c`, ends before it. The verb is in the past
/// ("-ed", "said", "told", "wrote"), or in the present after a verb in the present ("says …
/// and adds"), so neither an infinitive ("would investigate and explain") nor, in a past
/// narration, a plural noun ("and estimates were revised") ends the clause.
fn second_speech_verb(s: &Sentence, c: usize, j: usize) -> bool {
    let t = s.tok(j);
    if t.in_quote || !matches!(t.lower.as_str(), "and" | "but") {
        return false;
    }
    let mut v = j + 1;
    // "…, but it now explains …", "… - but she said …": after punctuation, a pronoun may stand
    // for the same subject; with none, only "he" or "she" ("… and she said …", where "… the
    // crews complained and they warned …" is the clause's own).
    let punctuated = j > s.from && !s.tok(j - 1).gap_after.trim().is_empty();
    let pronoun = match s.tok(v).lower.as_str() {
        "he" | "she" => true,
        "it" | "they" | "we" => punctuated,
        _ => false,
    };
    if v < s.to && pronoun {
        v += 1;
    }
    while v < s.to && matches!(s.tok(v).lower.as_str(), "also" | "then" | "later" | "now") {
        v += 1;
    }
    let verb = s.tok(v);
    let past =
        verb.lower.ends_with("ed") || matches!(verb.lower.as_str(), "said" | "told" | "wrote");
    // The verb reporting the first clause stands before it (past "that", an addressee or a
    // circumstance: "says on its website that …").
    let first_present = (c.saturating_sub(MAX_CIRCUMSTANCE_WORDS).max(s.from)..c)
        .rev()
        .find(|&k| s.tok(k).is_cue())
        .is_some_and(|k| s.tok(k).lower.ends_with('s'));
    let present = first_present && verb.lower.ends_with('s');
    // "… and called the charges “a witch hunt”": a verb of naming reports words of its own, as
    // "… and called for a recount" and "… and accused Lee of …" are acts of their own.
    let reports = verb.is_cue() || reports_quoted_object(verb);
    v < s.to && reports && (past || present)
}

/// Where the name before a run of appositions of age and place ends: "Ann Lee, 30, of Port
/// Ellis, Vt., who …", "Ann Lee, 67, a retired clerk in Port Ellis, Vt., said" and "Ann Lee,
/// speaking at a rally in Port Ellis, Vt., said" are Ann Lee's, not the state's. `open` is the
/// last token of the run; the token after the name is returned, or `open + 1` when no run of
/// such appositions follows a capitalised name.
fn place_appositions_start(s: &Sentence, open: usize) -> usize {
    let comma_before = |i: usize| {
        (s.from..i)
            .rev()
            .find(|&j| s.tok(j).gap_after.contains(','))
    };
    // A segment `(comma + 1)..=end` that ends with a place: "of Port Ellis", "… in Port Ellis".
    let ends_with_place = |comma: usize, end: usize| {
        let place_from = (comma + 1..=end).rfind(|&j| !s.tok(j).cap).unwrap_or(comma);
        place_from > comma
            && place_from < end
            && matches!(
                s.tok(place_from).lower.as_str(),
                "of" | "from" | "in" | "at"
            )
    };
    let mut end = open;
    let mut moved = false;
    while let Some(comma) = comma_before(end) {
        let first = s.tok(comma + 1);
        let words = end - comma;
        let age = words == 1 && first.lower.chars().all(|c| c.is_ascii_digit());
        let of_place = words <= 4
            && matches!(first.lower.as_str(), "of" | "from")
            && ends_with_place(comma, end);
        // A state after its town ("…, Vt.", "…, N.C."): an abbreviation; the segment holding the
        // town goes with it.
        let abbreviation =
            words <= 2 && first.cap && s.tok(end).gap_after.trim_start().starts_with('.');
        let quoted = (comma + 1..=end).any(|j| s.tok(j).in_quote);
        let town_segment = (abbreviation && !quoted)
            .then(|| comma_before(comma))
            .flatten()
            .filter(|&c| {
                comma - c <= MAX_SUBJECT_WORDS
                    && ends_with_place(c, comma)
                    && (c + 1..=comma).all(|j| !s.tok(j).in_quote)
            });
        if quoted {
            break;
        }
        end = match (age || of_place, town_segment) {
            (true, _) => comma,
            (false, Some(c)) => c,
            (false, None) => break,
        };
        moved = true;
    }
    // What is left before the run must open with a name.
    let name_opens = comma_before(end).map_or(s.from, |c| c + 1);
    let opens_name = name_opens <= end && {
        let first = s.tok(name_opens);
        first.cap && !is_in(&DETERMINERS, &first.lower) && !is_in(&PREPOSITIONS, &first.lower)
    };
    if moved && opens_name {
        end + 1
    } else {
        open + 1
    }
}

/// The subject before `end`; across an apposition (`X, a senior fellow, said`) the phrase
/// holding a name wins.
pub(crate) fn subject_with_apposition(s: &Sentence, end: usize) -> Option<(usize, usize)> {
    if end <= s.from {
        return None;
    }
    let prev = s.tok(end - 1);
    if !prev.gap_after.contains(',') {
        return s.phrase_before(end);
    }
    // "Ann Lee, 67, a clerk in Port Ellis, Vt., said": the name before the age and the place.
    let past_places = place_appositions_start(s, end - 1);
    if past_places < end {
        return s.phrase_before(past_places);
    }
    // The apposition ends at `end - 1`; find the comma that opens it.
    let open = (s.from..end - 1)
        .rev()
        .find(|&i| s.tok(i).gap_after.contains(','))?;
    // "The union's leader, who once worked for Sen. Ann Roe, said": a relative clause, a
    // prepositional phrase or a second subject after "and" between the commas is not the
    // subject, whatever names it holds.
    // A participle's phrase ("The complaint, filed in Kessel on Monday, said") says what
    // befell the subject before it, and names no one who speaks.
    let inner = s.phrase_before(end).filter(|_| {
        let first = s.tok(open + 1);
        !is_in(&PREPOSITIONS, &first.lower) && !opens_participle_phrase(s, open + 1, end)
    });
    let outer = s.phrase_before(place_appositions_start(s, open));
    // "NAME, a description, another one, said": the sentence's first segment, when it is short.
    let first_comma = (s.from..end - 1).find(|&i| s.tok(i).gap_after.contains(','));
    // A lead-in is no subject ("In May, a judge, in response to a request, ordered …").
    let opening = first_comma
        .filter(|&c| c + 1 - s.from <= 6 && c + 1 < end && !opens_lead_in(s.toks, s.from))
        .map(|c| (s.from, c + 1));
    // A name opens with a capital that is neither a determiner nor a function word ("Wyoming
    // Sen. Lyle Ambrose"), and is mostly capitalised; a description opens with a determiner.
    let score = |p: &Option<(usize, usize)>| match p {
        Some((a, b)) => {
            let first = s.tok(*a);
            // A title or a capitalised function word before another capital opens a name too
            // ("Dr. Priya Hallsworth", "Will Harrow").
            let name_follows = *a + 1 < *b && s.tok(*a + 1).cap;
            // ("Of Ms. Roe, Tom Lee said": a preposition opens no name.)
            let opens_name = first.cap
                && !is_in(&DETERMINERS, &first.lower)
                && !is_in(&PREPOSITIONS, &first.lower)
                && (!crate::terms::is_stopword(&first.lower)
                    || is_in(&TITLES, &first.lower)
                    || name_follows);
            let caps = (*a..*b).filter(|&i| s.tok(i).cap).count() as f64 / (*b - *a) as f64;
            2.0 * f64::from(u8::from(opens_name)) + caps
        }
        None => 0.0,
    };
    // The best scoring candidate; on a tie, the one earlier in the sentence.
    [opening, outer, inner]
        .into_iter()
        .filter(|p| p.is_some())
        .fold(None, |best: Option<(Option<(usize, usize)>, f64)>, p| {
            let sc = score(&p);
            match best {
                Some((_, b)) if b >= sc => best,
                _ => Some((p, sc)),
            }
        })
        .and_then(|(p, _)| p)
}

/// Past participles that do not end in "-ed" ("written", "seen"); the irregular past forms of
/// [`IRREGULAR_PAST`] ("sent", "held") are read as participles too.
static IRREGULAR_PARTICIPLES: WordList = WordList::new(&[
    "begun", "broken", "chosen", "done", "drawn", "driven", "given", "known", "seen", "shown",
    "spoken", "stolen", "sworn", "taken", "thrown", "written",
]);

/// True when the words at `i` (before `end`) open a participle's phrase: a word in lower case
/// ending in "-ed" or an irregular past form or participle, then a preposition ("filed in
/// Kessel", "hired by the port", "sent to staff"). "retired nurse Ann Lee" describes a name.
fn opens_participle_phrase(s: &Sentence, i: usize, end: usize) -> bool {
    let t = s.tok(i);
    let participle = !t.cap
        && (t.lower.ends_with("ed")
            || is_in(&IRREGULAR_PAST, &t.lower)
            || is_in(&IRREGULAR_PARTICIPLES, &t.lower));
    participle && i + 1 < end && is_in(&PREPOSITIONS, &s.tok(i + 1).lower)
}

/// A sentence ending in its reporting verb and a colon ("…, and the Norvik Gazette
/// responded:"): the verb with its subject, and no words of its own, its content the empty
/// range after the colon. When a quotation opens the next paragraph, it takes this speaker.
pub(crate) fn introducing_cue(s: &Sentence) -> Option<Frame> {
    let k = s.to.checked_sub(1).filter(|&k| k > s.from)?;
    let t = s.tok(k);
    let gap = t.gap_after;
    if !t.is_cue() || t.in_quote || !gap.trim_start().starts_with(':') {
        return None;
    }
    let end = skip_adverbs_back(s, k);
    let (subject, borrowed_subject) =
        if end > s.from + 1 && matches!(s.tok(end - 1).lower.as_str(), "and" | "but") {
            borrowed_subject(s, end - 1, None)?
        } else {
            (subject_with_apposition(s, end)?, false)
        };
    let colon = t.end + gap.find(':')? + 1;
    Some(Frame::report(k, subject, (colon, colon), borrowed_subject))
}

/// `…, saying CONTENT`: the subject is the sentence's opening phrase.
fn participle_frame(
    s: &Sentence,
    k: usize,
    quotes: &[(usize, usize)],
    shared: Option<((usize, usize), bool)>,
) -> Option<Frame> {
    if k == s.from || !s.tok(k - 1).gap_after.contains(',') {
        return None;
    }
    participle_report(s, k, quotes, borrowed_subject(s, k, shared)?)
}

/// The frame of a participle at `k` whose subject is known (a token range, and whether it is
/// borrowed from the sentence): it reports [`participle_content`].
fn participle_report(
    s: &Sentence,
    k: usize,
    quotes: &[(usize, usize)],
    (subject, borrowed_subject): ((usize, usize), bool),
) -> Option<Frame> {
    let content = participle_content(s, k, quotes)?;
    Some(Frame::report(k, subject, content, borrowed_subject))
}

/// Words after which a participle of speech reports for the clause's subject: prepositions
/// ("ended the meeting by saying …", "left the hall after warning that …") and the
/// conjunctions "when" and "while", which a participle may follow the same way.
static GERUND_PREPOSITIONS: WordList =
    WordList::new(&["after", "before", "by", "in", "when", "while"]);

/// Prepositions that open a participle's object rather than reported words ("after arguing
/// with the board", "by writing about the port").
static PARTICIPLE_OBJECT_PREPOSITIONS: WordList = WordList::new(&[
    "about", "against", "at", "for", "from", "in", "into", "of", "on", "over", "to", "with",
]);

/// `SUBJECT VERB … by saying CONTENT`: a participle of speech right after a word of
/// [`GERUND_PREPOSITIONS`] reports for the subject of the clause it hangs on
/// ([`prepositional_subject`]).
fn prepositional_participle_frame(
    s: &Sentence,
    k: usize,
    quotes: &[(usize, usize)],
    shared: Option<((usize, usize), bool)>,
) -> Option<Frame> {
    if k + 1 >= s.to {
        return None;
    }
    // "by declaring himself the winner" names, "while adding ten seats" gains, "after arguing
    // with the board" quarrels, "by writing songs" composes: none reports.
    let next = s.tok(k + 1);
    let reports = if matches!(s.tok(k).lower.as_str(), "adding" | "writing") {
        next.lower == "that" || opens_quote(s.tok(k))
    } else {
        !is_in(&REFLEXIVES, &next.lower) && !is_in(&PARTICIPLE_OBJECT_PREPOSITIONS, &next.lower)
    };
    if !reports {
        return None;
    }
    let mut frame = participle_report(s, k, quotes, prepositional_subject(s, k, shared)?)?;
    if let Some(end) = opening_phrase_end(s, k) {
        frame.content.1 = frame.content.1.min(end).max(frame.content.0);
    }
    Some(frame)
}

/// For a participle at `k` right after a word of [`GERUND_PREPOSITIONS`] opening the sentence,
/// the comma that closes the opening phrase ([`closing_comma`]).
fn opening_phrase_comma(s: &Sentence, k: usize) -> Option<usize> {
    let opens = k == s.from + 1 && is_in(&GERUND_PREPOSITIONS, &s.tok(s.from).lower);
    opens.then(|| closing_comma(s, k)).flatten()
}

/// For a participle at `k` right after a preposition opening the sentence ("By telling the
/// crew …, Lee ended …"), where the phrase's words end: the end of the word before its comma.
pub(crate) fn opening_phrase_end(s: &Sentence, k: usize) -> Option<usize> {
    opening_phrase_comma(s, k).map(|i| s.tok(i).end)
}

/// The comma after a participle at `k` that closes the phrase it opens: the first after which a
/// main clause stands ([`subject_before_finite_verb`]) and before which the participle's words
/// hold a finite verb of their own, outside a subordinate clause ("After saying the ferry, the
/// pier and the quay would close, Lee left"); when no words before a comma hold one, the first
/// comma a main clause follows ("By offering Lee the post, the mayor …").
fn closing_comma(s: &Sentence, k: usize) -> Option<usize> {
    let mut first_fit = None;
    let mut in_subordinate = false;
    let mut complete = false;
    for i in k + 1..s.to {
        let t = s.tok(i);
        if is_in(&SUBORDINATORS, &t.lower) {
            in_subordinate = true;
        }
        if !in_subordinate && (is_finite_verb(s, i) || closes_quote(t)) {
            complete = true;
        }
        if !t.gap_after.contains(',') {
            continue;
        }
        if in_subordinate {
            in_subordinate = false;
            continue;
        }
        if subject_before_finite_verb(s, i + 1, s.to).is_some() {
            if complete {
                return Some(i);
            }
            first_fit.get_or_insert(i);
        }
    }
    first_fit
}

/// The subject of a participle at `k` right after a word of [`GERUND_PREPOSITIONS`]: the name a
/// ", who" clause holding the word hangs on ([`relative_antecedent`]), else the sentence's last
/// frame's subject (`shared`, for a second verb: "… praised the crews and ended by saying"),
/// else the words before the sentence's first finite verb ([`subject_before_finite_verb`]). A
/// word opening the sentence ("After saying …, Lee left") hangs on the main clause after the
/// phrase's comma, whose subject it takes. None for a participle after no such word.
pub(crate) fn prepositional_subject(
    s: &Sentence,
    k: usize,
    shared: Option<((usize, usize), bool)>,
) -> Option<((usize, usize), bool)> {
    if k < s.from + 1 || !s.tok(k).lower.ends_with("ing") {
        return None;
    }
    let preposition = s.tok(k - 1);
    if preposition.in_quote
        || !preposition.gap_after.trim().is_empty()
        || !is_in(&GERUND_PREPOSITIONS, &preposition.lower)
    {
        return None;
    }
    if k - 1 == s.from {
        let comma = opening_phrase_comma(s, k)?;
        return Some((subject_before_finite_verb(s, comma + 1, s.to)?, true));
    }
    match (relative_holding(s, k - 1), shared) {
        (Some(who), _) => Some((relative_antecedent(s, who)?, true)),
        (None, Some(shared)) => Some(shared),
        (None, None) => Some((subject_before_finite_verb(s, s.from, k - 1)?, true)),
    }
}

/// True for token `i` read as a finite verb: a lower-case word in "-ed" that is not hyphenated
/// and follows no article or owner ("the long-awaited report", "its so-called plan" describe
/// a noun), a common irregular past ([`IRREGULAR_PAST`]) or an auxiliary ([`AUXILIARIES`]).
pub(crate) fn is_finite_verb(s: &Sentence, i: usize) -> bool {
    if i <= s.from {
        return false;
    }
    let t = s.tok(i);
    let past = t.lower.ends_with("ed") && !t.lower.contains('-') && !after_article_or_owner(s, i);
    !t.cap
        && !t.in_quote
        && (past || is_in(&IRREGULAR_PAST, &t.lower) || is_in(&AUXILIARIES, &t.lower))
}

/// True when the word before token `i` (`i > s.from`) is an article, a determiner or an
/// owner: token `i` then describes a noun ("the care home", "its so-called plan") rather
/// than being a verb.
pub(crate) fn after_article_or_owner(s: &Sentence, i: usize) -> bool {
    let before = s.tok(i - 1);
    before.possessive || is_in(&DETERMINERS, &before.lower)
}

/// The relative "who" after a comma whose clause holds the word at `end`: no comma stands
/// between them ("Ann Lee, who last week surprised him by declaring …"; in "Ann Lee, who had
/// resigned, closed the meeting by saying …" the clause has closed).
fn relative_holding(s: &Sentence, end: usize) -> Option<usize> {
    let who = (s.from + 1..end).rev().find(|&j| {
        let t = s.tok(j);
        !t.in_quote && t.lower == "who" && s.tok(j - 1).gap_after.contains(',')
    })?;
    (who..end)
        .all(|j| !s.tok(j).gap_after.contains(','))
        .then_some(who)
}

/// The name a relative "who" at `who` hangs on: the capitalised words right before its comma.
fn relative_antecedent(s: &Sentence, who: usize) -> Option<(usize, usize)> {
    if who <= s.from || !s.tok(who - 1).gap_after.contains(',') {
        return None;
    }
    let last = who - 1;
    let mut first = last;
    while first > s.from
        && s.tok(first - 1).cap
        && s.tok(first - 1).gap_after.trim().is_empty()
        && !s.tok(first - 1).in_quote
    {
        first -= 1;
    }
    (s.tok(last).cap && !s.tok(last).in_quote).then_some((first, who))
}

/// True when token `i` is an adverb that is a whole lead-in alone ([`ADVERB_LEAD_INS`]): no
/// comma after it, and a capitalised word that is no day or month after it ("Then Lee turned
/// on Brandt, calling …", "Later Ann Lee said …"; "Later that month, …" and "Later Monday, …"
/// are phrases up to their comma).
pub(crate) fn lone_adverb_lead_in(toks: &[Tok], i: usize) -> bool {
    let (t, next) = (toks.at(i), toks.at(i + 1));
    is_in(&ADVERB_LEAD_INS, &t.lower)
        && !t.gap_after.contains(',')
        && next.cap
        && !next.in_quote
        && !crate::lexicon::is_calendar_word(&next.lower)
}

/// Where the clause opening at `from` has its subject: after each adverbial lead-in closed by
/// a comma before `end` ("On Thursday, after a long wait, Ann Lee …").
fn main_clause_start(s: &Sentence, from: usize, end: usize) -> usize {
    let mut start = from;
    while start < end && opens_lead_in(s.toks, start) {
        if start + 1 < end && lone_adverb_lead_in(s.toks, start) {
            start += 1;
            continue;
        }
        match (start..end).find(|&i| s.tok(i).gap_after.contains(',')) {
            Some(comma) => start = comma + 1,
            None => break,
        }
    }
    start
}

/// The words of the clause opening at `from` (after its adverbial lead-ins) before its first
/// finite verb ([`is_finite_verb`]) within `..end`, past a subordinate clause that opens it
/// ("Two weeks after the vote ended, Ann Lee broke …"); before a relative clause between commas
/// ("Ann Lee, who had resigned, ended …"), the words before it. None when no such verb stands
/// before `end`, when a quotation or a comma comes first, or when the words open with a
/// relative pronoun.
fn subject_before_finite_verb(s: &Sentence, from: usize, end: usize) -> Option<(usize, usize)> {
    let mut start = main_clause_start(s, from, end);
    if start >= end || opens_lead_in(s.toks, start) {
        return None;
    }
    let mut verb = (start + 1..end).find(|&i| is_finite_verb(s, i))?;
    // A subordinate clause opening the clause: its verb is not the main clause's, whose
    // subject comes after the comma that closes it.
    if is_in(&SUBORDINATORS, &s.tok(start).lower)
        || (start + 1 < verb && is_in(&SUBORDINATORS, &s.tok(start + 1).lower))
        || (start + 2 < verb && is_in(&SUBORDINATORS, &s.tok(start + 2).lower))
    {
        start = (verb..end).find(|&i| s.tok(i).gap_after.contains(','))? + 1;
        verb = (start + 1..end).find(|&i| is_finite_verb(s, i))?;
    }
    // "Ann Lee, who had resigned in May, ended …": the name before the relative clause.
    if let Some(who) = (start + 1..verb).find(|&j| {
        s.tok(j).lower == "who" && !s.tok(j).in_quote && s.tok(j - 1).gap_after.contains(',')
    }) {
        let closed = (who..end).find(|&j| s.tok(j).gap_after.contains(','))?;
        (closed + 1..end).find(|&i| is_finite_verb(s, i))?;
        let plain = (start..who).all(|i| !s.tok(i).in_quote)
            && (start..who - 1).all(|i| !s.tok(i).gap_after.contains(','));
        return plain.then_some((start, who));
    }
    let plain = (start..verb).all(|i| !s.tok(i).in_quote && !s.tok(i).gap_after.contains(','));
    let relative = matches!(s.tok(start).lower.as_str(), "who" | "which" | "that");
    (plain && !relative).then_some((start, verb))
}

/// What a participle at `k` reports: the quote opening right after it, or the clause after it
/// (a "that" skipped).
fn participle_content(s: &Sentence, k: usize, quotes: &[(usize, usize)]) -> Option<(usize, usize)> {
    let t = s.tok(k);
    if opens_quote(t) {
        return quote_opening_in(quotes, t.end, s.start_of(k + 1))
            .map(|quote| quotation_or_its_clause(s, k, quote));
    }
    let mut c = k + 1;
    if c < s.to && s.tok(c).lower == "that" {
        c += 1;
    }
    (c < s.to).then(|| (s.tok(c).start, clause_end(s, c)))
}

/// True for a character that opens a quotation: a double mark, or the apostrophe doubled as one
/// ("''it is late''").
fn is_opening_mark(c: char) -> bool {
    c == '\'' || OPEN_QUOTES.contains(&c)
}

/// What a verb at `k` followed by `quote` reports: the quotation, or, when the verb runs into
/// it with no comma or colon and the sentence goes on after it in lower case, the clause the
/// quotation opens ("said “the ferries run late” whenever the tide turns early").
fn quotation_or_its_clause(s: &Sentence, k: usize, quote: (usize, usize)) -> (usize, usize) {
    if gap_has(s.tok(k), &[',', ':']) {
        return quote;
    }
    let closes_with_punctuation = s
        .text
        .get(quote.0..quote.1)
        .is_some_and(|words| words.trim_end().ends_with(['.', '!', '?', ',', ';', ':']));
    let after = (k + 1..s.to).find(|&j| s.tok(j).start >= quote.1);
    let Some(j) = after.filter(|_| !closes_with_punctuation) else {
        return quote;
    };
    let next = s.tok(j);
    let gap = s.text.get(quote.1..next.start).unwrap_or(",");
    let plain_gap = gap
        .chars()
        .all(|c| c.is_whitespace() || c == '\'' || CLOSE_QUOTES.contains(&c));
    if !plain_gap || next.cap || next.is_cue() || next.in_quote {
        return quote;
    }
    // The clause starts with the quotation's opening mark, so its words read whole.
    let lead = s.text.get(..quote.0).unwrap_or("");
    let marks = lead.len() - lead.trim_end_matches(is_opening_mark).len();
    (quote.0 - marks, clause_end(s, j))
}

/// Words of the subject between "with" and its participle at most.
const MAX_WITH_SUBJECT: usize = 6;

/// `…, with SUBJECT saying CONTENT`: an absolute clause gives the participle its own subject
/// ("Talks stalled, with the union saying the offer was too low").
fn with_participle(s: &Sentence, k: usize, quotes: &[(usize, usize)]) -> Option<Frame> {
    if !is_in(&PARTICIPLES, &s.tok(k).lower) {
        return None;
    }
    let with = (s.from..k)
        .rev()
        .take(MAX_WITH_SUBJECT + 1)
        .find(|&i| s.tok(i).lower == "with")?;
    let plain = (with..k).all(|i| s.tok(i).gap_after.trim().is_empty() && !s.tok(i).in_quote);
    if !plain || with + 1 >= k {
        return None;
    }
    let content = participle_content(s, k, quotes)?;
    Some(Frame::report(k, (with + 1, k), content, false))
}

/// Most words between "In" and the comma of an opening document phrase.
const MAX_IN_DOCUMENT_WORDS: usize = 14;

/// `In DOCUMENT, CONTENT` with no reporting verb after it ("In a survey released on Monday, most
/// riders said …" has one and is read from it; "In the survey, most riders favoured the late
/// ferry" has none): the document reports the clause, as "according to" would.
fn in_document_frame(s: &Sentence, k: usize) -> Option<Frame> {
    let comma = (k + 1..s.to.min(k + 1 + MAX_IN_DOCUMENT_WORDS))
        .take_while(|&i| !s.tok(i).in_quote)
        .find(|&i| s.tok(i).gap_after.contains(','))?;
    let document = (k + 1..=comma)
        .any(|i| is_in(&DOCUMENT_NOUNS, &s.tok(i).lower) || s.tok(i).lower == "report");
    let reported = (comma + 1..s.to).any(|i| {
        let t = s.tok(i);
        t.is_cue() || is_in(&VIEW_VERBS, &t.lower)
    });
    if !document || reported || s.to - comma - 1 < MIN_CONTENT_WORDS {
        return None;
    }
    Some(Frame {
        cue: k,
        subject: (k + 1, comma + 1),
        content: (s.tok(comma + 1).start, s.span.1),
        borrowed_subject: false,
        according: true,
        view: false,
    })
}

/// True when token `k` is a verb of speech in -s ("reports", "claims") that ends its phrase,
/// where it is a noun.
fn ends_with_plural_cue(s: &Sentence, k: usize) -> bool {
    let t = s.tok(k);
    let closes = k + 1 == s.to || !t.gap_after.trim().is_empty();
    t.is_cue() && !t.cap && !t.in_quote && t.lower.ends_with('s') && closes
}

/// Words that may stand before an opening "according to" ("But according to Lee, …").
static OPENING_JOINTS: WordList = WordList::new(&["and", "but", "so", "yet"]);

/// Most words of the source an opening "according to" names, up to the comma after it.
const MAX_ACCORDING_SOURCE_WORDS: usize = 16;

/// Punctuation that ends an opening "according to" source short of its comma: dashes,
/// brackets, a colon or a semicolon between its words.
const SOURCE_BREAKS: [char; 8] = ['—', '–', ';', ':', '(', ')', '[', ']'];

/// `According to SUBJECT, CONTENT` or `CONTENT, according to SUBJECT`; `quotes` are the
/// document's quotations, sorted by start.
fn according_frame(s: &Sentence, k: usize, quotes: &[(usize, usize)]) -> Option<Frame> {
    // The phrase opens the sentence, after a joining word at most ("But according to …").
    let before = s.text.get(s.span.0..s.tok(k).start).unwrap_or("");
    let opening = k == s.from
        || before.trim().is_empty()
        || k == s.from + 1 && is_in(&OPENING_JOINTS, &s.tok(s.from).lower) && !before.contains(',');
    // An opening source that reads as no phrase ("According to rumours on the quay, …") is
    // the words up to its comma, found below.
    let mut subject = match s.phrase_after(k + 2) {
        Some(phrase) => phrase,
        None if opening && k + 2 < s.to => (k + 2, k + 2),
        None => return None,
    };
    // "according to news reports": a plural noun spelt like a verb of speech closes the phrase.
    if subject.1 > subject.0 && subject.1 < s.to && ends_with_plural_cue(s, subject.1) {
        subject.1 += 1;
    }
    let last = s.tok(subject.1 - 1);
    if opening {
        // "According to the pilot who took the last ferry out, …": the source runs on to the
        // comma after it, past the phrase's head, within a few words, no quotation and no
        // other punctuation ("According to Lee — who chairs the board — the vote …" is not
        // one source up to a later comma).
        let mut words_from = subject.1;
        if !last.gap_after.contains(',') {
            let limit = s.to.min(k + 2 + MAX_ACCORDING_SOURCE_WORDS);
            let breaks = |i: usize| s.tok(i).gap_after.contains(SOURCE_BREAKS);
            if subject.1 > subject.0 && breaks(subject.1 - 1) {
                return None;
            }
            let comma = (subject.1..limit)
                .take_while(|&i| !s.tok(i).in_quote && !breaks(i))
                .find(|&i| s.tok(i).gap_after.contains(','))?;
            words_from = comma + 1;
            subject.1 = words_from;
        }
        if words_from >= s.to || subject.0 == subject.1 {
            return None;
        }
        let content = (s.tok(words_from).start, s.span.1);
        return Some(Frame {
            cue: k,
            subject,
            content,
            borrowed_subject: false,
            according: true,
            view: false,
        });
    }
    if !s.tok(k - 1).gap_after.contains(',') {
        return None;
    }
    // "At the root of it, according to Tom Lee, was a vote": the phrase stands inside the
    // sentence, and the words on both sides of it are what it reports.
    // An apposition or a relative clause after the name is no part of the words: the sentence
    // goes on only after the comma closing it ("according to Tom Lee, the harbour master, was
    // …"), and "according to Tom Lee, the harbour master." reports the words before.
    let apposition = subject.1 < s.to && {
        let next = &s.tok(subject.1).lower;
        is_in(&DETERMINERS, next) || is_in(&ROLES, next) || matches!(next.as_str(), "who" | "which")
    };
    // An article after the name and, before any relative pronoun, an auxiliary with no
    // comma: the sentence going on, not an apposition ("according to Ann Lee,
    // the vote is a test of …"; "according to Tom Lee, who has run the pier …" is one).
    let goes_on = if apposition {
        match (subject.1..s.to).find(|&i| s.tok(i).gap_after.contains(',')) {
            Some(i) => i + 1 < s.to,
            None => (subject.1..s.to)
                .take_while(|&i| !matches!(s.tok(i).lower.as_str(), "who" | "which" | "that"))
                .any(|i| is_in(&AUXILIARIES, &s.tok(i).lower)),
        }
    } else {
        subject.1 < s.to
    };
    let inside = last.gap_after.contains(',') && goes_on;
    let content = if inside {
        s.span
    } else {
        // "“The books do not balance,” according to Lee.": a quotation alone before the
        // phrase is the words, without its marks.
        let (from, to) = (s.span.0, s.tok(k).start);
        let no_words = |a: usize, b: usize| {
            s.text
                .get(a..b)
                .is_some_and(|t| !t.chars().any(char::is_alphanumeric))
        };
        let first = quotes.partition_point(|&(q0, _)| q0 < from);
        quotes
            .get(first..)
            .unwrap_or_default()
            .iter()
            .copied()
            .take_while(|&(q0, _)| q0 < to)
            .find(|&(q0, q1)| q1 <= to && no_words(from, q0) && no_words(q1, to))
            .unwrap_or((from, s.tok(k - 1).end))
    };
    Some(Frame {
        cue: k,
        subject,
        content,
        borrowed_subject: false,
        according: true,
        view: false,
    })
}
