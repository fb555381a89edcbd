//! Clean: text-level boilerplate removal, for text scraped with its page chrome.
//!
//! Works from the text alone, line by line. The article is the run of lines from the first to
//! the last line of prose (long, ending like a sentence), with the short sentences right after
//! the last and right before the first (one sharing a word with it, below the title). Around
//! it, short lines are page furniture ("Skip to content", "Leave a Reply", marketplace chrome),
//! and a byline's names above it are kept as the author; inside it, short lines
//! without sentence punctuation and "Read also:"-style lines are removed, and so is any
//! paragraph that already appeared (a body pasted twice). The headline is found among the lines
//! before the article, kept as the title, and removed from the body with its repeats. Every
//! removal is recorded with its reason and byte span.

use std::collections::HashSet;

use crate::align::{AlignedBuilder, Alignment};
use crate::lexicon::{is_in, WordList, CUES};
use crate::model::{Removal, RemovalReason, Span};
use crate::segment::{ends_like_sentence, word_count};

/// Word count from which a line that ends like a sentence counts as prose.
const PROSE_WORDS: usize = 12;
/// Word count from which a live blog's entry after its time counts as prose.
const ENTRY_WORDS: usize = 5;
/// Word count from which a line counts as prose whatever its ending.
const LONG_PROSE_WORDS: usize = 25;
/// Lines inside the article with at most this many words and no sentence ending are chrome.
const SHORT_LINE_WORDS: usize = 6;
/// Longest line (in words) that can be a stray headline; longer unpunctuated lines are kept.
const MAX_STRAY_HEADLINE_WORDS: usize = 16;
/// Words per sentence stop above which a long line reads as a list rather than text.
const LIST_WORDS_PER_STOP: usize = 40;
/// Shortest sentence (in words) kept right after the article's last long line.
const CLOSING_SENTENCE_WORDS: usize = 5;
/// Repeated paragraphs are only removed when at least this long (short lines may repeat).
const REPEAT_MIN_WORDS: usize = 6;

/// Most words naming the speaker after a short quotation ("the harbour master said").
const ATTRIBUTION_WORDS: usize = 6;

/// True for a line that is a quotation and its attribution, however short: it opens with a
/// quotation mark, and after the mark that closes it a few words name a speaker with a verb of
/// speech ("“We won,” Roe said.").
fn is_attributed_quotation(text: &str) -> bool {
    let line = text.trim();
    if !line.starts_with(['“', '"', '«']) {
        return false;
    }
    let Some(close) = line
        .char_indices()
        .skip(1)
        .filter(|&(_, c)| matches!(c, '”' | '"' | '»'))
        .last()
    else {
        return false;
    };
    let after = line.get(close.0 + close.1.len_utf8()..).unwrap_or("");
    let words: Vec<String> = after
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase())
        .collect();
    (2..=ATTRIBUTION_WORDS).contains(&words.len())
        && words
            .iter()
            .any(|w| crate::lexicon::is_in(&crate::lexicon::CUES, w))
}

/// The cleaned text, what was removed, the title found, and the alignment back to the input.
#[derive(Debug, Clone)]
pub struct Cleaned {
    /// The article text: kept lines separated by blank lines.
    pub text: String,
    /// The headline: the one given, or the one found before the article.
    pub title: Option<String>,
    /// A bare credit line before the article naming the source ("Bloomberg").
    pub credit: Option<String>,
    /// The day a date stamp above the article writes ("Published March 3, 2026").
    pub stamped: Option<crate::date::NaiveDate>,
    /// The names a byline above the article gives ("By Ann Lee, Norvik Wire" gives "Ann Lee").
    pub byline: Option<String>,
    /// The name after the headline in the page's first line, when that line is the title found
    /// ("Port reopens after storm | Harbour Times" gives "Harbour Times"): the site's name.
    pub title_site: Option<String>,
    /// What was removed, with offsets in the input text.
    pub removed: Vec<Removal>,
    /// Maps the cleaned text back to the input text.
    pub alignment: Alignment,
}

/// One non-empty line of the input.
#[derive(Debug)]
struct Line<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    /// The text lower-cased, for the tests on what the line says.
    lower: String,
    words: usize,
    /// [`Line::is_prose`], once asked (the article's bounds ask it of a line several times).
    prose: std::cell::OnceCell<bool>,
}

impl Line<'_> {
    fn is_prose(&self) -> bool {
        *self.prose.get_or_init(|| self.reads_as_prose())
    }

    fn reads_as_prose(&self) -> bool {
        // An embedded post is read by its words, without the link and signature after them
        // (the signature may stand on the next line), and so is a quotation signed after a
        // dash.
        let text = match crate::posts::post(self.text) {
            Some(p) => &self.text[p.words.0..p.words.1],
            None => crate::posts::signed_quotation(self.text)
                .or_else(|| crate::posts::words_before_closing_link(self.text).map(|w| (w, (0, 0))))
                .map_or(self.text, |((ws, we), _)| &self.text[ws..we]),
        };
        let words = word_count(text);
        let sentences = is_live_blog_entry(text)
            || (words >= LONG_PROSE_WORDS && reads_as_sentences(text))
            || (words >= PROSE_WORDS && ends_like_sentence(text));
        // A site speaking to its reader writes sentences too, but no article.
        sentences && !is_reader_chrome(self.text)
    }
}

/// True when a long line reads as running text rather than a list of names, tags or months:
/// it has sentence punctuation, and most of its words are not capitalised.
fn reads_as_sentences(line: &str) -> bool {
    let (mut words, mut capitalised) = (0, 0);
    for w in line.split_whitespace() {
        words += 1;
        if w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        {
            capitalised += 1;
        }
    }
    let stops = line.matches(['.', '!', '?', ';']).count();
    stops * LIST_WORDS_PER_STOP >= words && capitalised * 2 < words
}

/// True for a headline-sized line without sentence punctuation inside scraped text: a related
/// story's title ("Taylor Swift wants to re-record her old hits after ownership row").
fn is_stray_headline(line: &Line) -> bool {
    (5..=MAX_STRAY_HEADLINE_WORDS).contains(&line.words)
        && !ends_like_sentence(line.text)
        && !line.text.trim_end().ends_with([',', '"', '”'])
        && !is_list_item(line.text)
}

/// True for a bulleted or numbered list item ("- one", "• two", "3. three").
fn is_list_item(line: &str) -> bool {
    let t = line.trim_start();
    t.starts_with(['-', '•', '*', '–', '—', '·'])
        || t.split_once(['.', ')']).is_some_and(|(n, _)| {
            !n.is_empty() && n.len() <= 3 && n.chars().all(|c| c.is_ascii_digit())
        })
}

/// True for copyright, cookie and browser notices ("© 2019 ...", "This website uses cookies"),
/// given the line lower-cased.
fn is_legal_notice(lower: &str) -> bool {
    lower.contains('©')
        || lower.starts_with("copyright")
        || lower.contains("all rights reserved")
        || (lower.contains("cookie")
            && (lower.contains("website")
                || lower.contains("browser")
                || lower.contains("experience")))
        || (lower.contains("browser") && lower.contains("update"))
}

/// Words a site uses when it speaks to its reader about itself: its cookies, newsletters,
/// accounts and links, one word or two.
const SITE_WORDS: &[&str] = &[
    "advertisement",
    "advertisements",
    "affiliate",
    "browser",
    "click",
    "consent",
    "cookie",
    "cookies",
    "inbox",
    "newsletter",
    "newsletters",
    "notifications",
    "spam",
    "subscribe",
    "subscribed",
    "subscribers",
    "subscription",
    "unsubscribe",
    "log in",
    "privacy policy",
    "sign up",
    "signing up",
];
/// Words of a site addressing its reader or speaking of itself ("your inbox", "our newsletter").
const ADDRESS_WORDS: &[&str] = &[
    "you", "your", "you'll", "you're", "you've", "we", "our", "us", "we've", "we're",
];
/// Longest line read as a site speaking to its reader.
const READER_CHROME_WORDS: usize = 40;

/// True for a line in which the site speaks to its reader about itself ("Sign up for our
/// newsletter", "By continuing you consent to our use of cookies"): one of its words
/// ([`SITE_WORDS`]) with the reader or the site addressed ([`ADDRESS_WORDS`]; "US" in
/// capitals is a country), or two in a line that is no sentence (a menu: "Privacy Policy Terms
/// of Use Subscribe"), in at most [`READER_CHROME_WORDS`] words and reporting no one's words
/// (no reporting verb of [`CUES`]: an article sentence quoting "your consent" has a "said" or
/// a "wrote", though "the comments" are the site's); or a call on the reader to write in
/// ([`asks_the_reader`]).
fn is_reader_chrome(text: &str) -> bool {
    // (One word past the most a label has is enough to tell.)
    let words: Vec<&str> = text
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
        .take(READER_CHROME_WORDS + 1)
        .collect();
    if words.len() > READER_CHROME_WORDS {
        return false;
    }
    let lower: Vec<String> = words
        .iter()
        .map(|w| w.to_lowercase().replace('’', "'"))
        .collect();
    // ("Tell us in the comments": the site's comments are no one's words.)
    if lower
        .iter()
        .any(|w| is_in(&CUES, w) && !matches!(w.as_str(), "comment" | "comments"))
    {
        return false;
    }
    let site = SITE_WORDS
        .iter()
        .filter(|term| match term.split_once(' ') {
            Some((a, b)) => lower.windows(2).any(|p| p[0] == a && p[1] == b),
            None => lower.iter().any(|w| w == *term),
        })
        .count();
    let addressed = words
        .iter()
        .zip(&lower)
        .any(|(w, l)| *w != "US" && ADDRESS_WORDS.contains(&l.as_str()));
    (site >= 1 && addressed) || (site >= 2 && !ends_like_sentence(text)) || asks_the_reader(text)
}

/// Verbs of a site's call on its readers to send it something ("Send us your photos").
const READER_CALL_VERBS: &[&str] = &[
    "contact", "e-mail", "email", "message", "send", "share", "submit", "tell", "text", "upload",
];
/// Words after a reader call's verb within which "us" is looked for.
const READER_CALL_REACH: usize = 5;

/// True for a site's call on its readers, outside any quotation: a sentence of the line opens
/// with a verb of [`READER_CALL_VERBS`] and its object ("us", "them", "your", …), and "us"
/// follows within [`READER_CALL_REACH`] words
/// ("Do you have photos of the storm? Send them to us.", "Tell us what you think"). "Residents
/// were told to send photos to us" opens with no such verb; a quoted call is someone's words.
fn asks_the_reader(text: &str) -> bool {
    if text.contains(['"', '“', '”', '‘']) {
        return false;
    }
    text.split_inclusive(['.', '?', '!']).any(|sentence| {
        let words: Vec<&str> = sentence
            .split(|c: char| !(c.is_alphanumeric() || c == '-'))
            .filter(|w| !w.is_empty())
            .collect();
        // The verb's object follows it: "Send them", "Tell us", "Share your story" ("Text
        // messages shared with us show …" opens with a noun).
        let object = words
            .get(1)
            .is_some_and(|w| matches!(*w, "us" | "them" | "it" | "your" | "this"));
        words.first().is_some_and(|verb| {
            READER_CALL_VERBS.contains(&verb.to_lowercase().as_str())
                && object
                && words
                    .iter()
                    .skip(1)
                    .take(READER_CALL_REACH)
                    .any(|w| *w == "us")
        })
    })
}

/// Whole lines that are page widgets' labels, never article text.
const WIDGET_LABELS: &[&str] = &[
    "share this",
    "share",
    "share this article",
    "share this story",
    "story continues below",
    "story continued below",
    "article continues below",
    "article tools",
    "like this",
    "comments",
    "comment",
    "sharing is caring",
    "you may also like",
    "you might also like",
    "don't miss",
    "don’t miss",
    "more",
    "print",
    "email",
    "tweet",
    "follow us",
    "subscribe",
    "sign up",
    "read more",
    "loading",
    "tags",
    "advertisement",
];

/// True for a line that is only a widget's label ("Share this:", "Like this:", "Comments"),
/// given the line lower-cased.
fn is_widget_label(lower: &str) -> bool {
    is_only_label(lower, WIDGET_LABELS)
}

/// A line's words without the marks around them ("Share this:" → "share this").
fn label_text(lower: &str) -> &str {
    lower.trim_matches(|c: char| !c.is_alphanumeric())
}

/// True when the line, lower-cased, is only one of `labels`, whatever marks surround it.
fn is_only_label(lower: &str, labels: &[&str]) -> bool {
    labels.contains(&label_text(lower))
}

/// Whole lines that label a page as an organisation's release, lower-cased.
const RELEASE_LABELS: &[&str] = &[
    "press release",
    "news release",
    "media release",
    "for immediate release",
];

/// True for a line that only labels the page as a release ("Press release", "FOR IMMEDIATE
/// RELEASE"), given the line lower-cased.
fn is_release_label(lower: &str) -> bool {
    is_only_label(lower, RELEASE_LABELS)
}

/// True for a wire story's contributor line: "(Reporting by Jane Roe; Editing by John Doe)",
/// "Associated Press writers … contributed to this report.", given the line lower-cased.
fn is_contributor_credit(lower: &str) -> bool {
    let lower = lower.trim().trim_start_matches('(');
    let opens = [
        "reporting by ",
        "additional reporting by ",
        "editing by ",
        "writing by ",
        "compiled by ",
    ]
    .iter()
    .any(|p| lower.starts_with(p));
    let closes = [
        "contributed to this report",
        "contributed reporting",
        "contributed to this story",
    ]
    .iter()
    .any(|p| lower.contains(p));
    (opens || closes) && word_count(lower) <= 40
}

/// How a photo caption or credit opens ("FILE - In this May 4, 2001, file photo, ...").
const CAPTION_OPENERS: &[&str] = &[
    "file -",
    "file-",
    "file –",
    "file —",
    "file:",
    "file photo",
    "buy photo",
    "image copyright",
    "image caption",
    "photo:",
    "photograph:",
    "pictured:",
    "caption:",
    "view images",
    "enlarge this image",
    "hide caption",
    "toggle caption",
    "image source",
    "image:",
    "image credit:",
    "(image:",
    "(image credit:",
    "photo credit:",
];

/// Most words of a photo caption.
const CAPTION_MAX_WORDS: usize = 100;

/// What a photo credit holds inside a caption ("... (AP Photo/Jane Roe)").
const CAPTION_CREDITS: &[&str] = &[
    "(ap photo",
    "(photo:",
    "(photo by",
    "/getty images",
    "(getty images",
];

/// How a video or audio player's label or promo opens, lower-cased.
const MEDIA_OPENERS: &[&str] = &[
    "watch:",
    "watch live:",
    "video:",
    "audio:",
    "listen:",
    "media caption",
    "media playback is unsupported",
    "watch the full",
    "watch the video",
    "listen to the full ",
    "hear the full ",
    "click to play",
    "play video",
    "just watched",
    "must watch",
    "close skip in",
    // The header of an embedded picture post.
    "view this post on instagram",
];

/// Most words of a media label or promo.
const MEDIA_MAX_WORDS: usize = 40;

/// True for a video or audio player's label or promo, given the line lower-cased.
fn is_media_chrome(lower: &str) -> bool {
    let lower = lower.trim_start();
    lower.split_whitespace().nth(MEDIA_MAX_WORDS).is_none()
        && (MEDIA_OPENERS.iter().any(|o| lower.starts_with(o))
            || is_media_promo(lower)
            || is_broadcast_promo(lower))
}

/// Most words of a newscast's name ("Harbour TV Evening News at 6:30 p.m.").
const NEWSCAST_NAME_MAX_WORDS: usize = 8;

/// True for an hour of the clock as written in a promo: "6", "11", "6:30".
fn is_clock_hour(word: &str) -> bool {
    let (hour, minutes) = word.split_once(':').unwrap_or((word, "00"));
    hour.parse::<u8>().is_ok_and(|h| (1..=12).contains(&h))
        && minutes.len() == 2
        && minutes.bytes().all(|b| b.is_ascii_digit())
}

/// True for a station's newscast named by its slot: a short line, no sentence, ending in
/// "News at" an hour ("Harbour TV News at 6", "Evening News at 5:30 p.m."). A TV page shows
/// it above the story's headline, and its station's name, which the article repeats, would
/// otherwise make it read as the headline. "She read the news at 6." is a sentence and stays.
fn is_newscast_name(text: &str) -> bool {
    let words: Vec<&str> = text
        .split(|c: char| !(c.is_alphanumeric() || c == ':'))
        .filter(|w| !w.is_empty())
        .collect();
    let words = match words.as_slice() {
        [rest @ .., "a" | "p", "m"] | [rest @ .., "am" | "pm"] => rest,
        all => all,
    };
    let text = text.trim_end();
    let sentence = text.ends_with(['!', '?']) || (text.ends_with('.') && !text.ends_with("m."));
    // A name: every word before "News" capitalised or a number ("He read the News at 6 p.m."
    // is a sentence).
    let named = words
        .iter()
        .take(words.len().saturating_sub(3))
        .all(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()));
    words.len() <= NEWSCAST_NAME_MAX_WORDS
        && !sentence
        && named
        && matches!(words, [.., "News", "at", hour] if is_clock_hour(
            hour.strip_suffix("am").or_else(|| hour.strip_suffix("pm")).unwrap_or(hour)
        ))
}

/// What a station's promo says its reporter does, lower-cased ("Ann Lee reports at 11").
const BROADCAST_PROMO_VERBS: &[&str] = &[
    "reports",
    "has more",
    "will have more",
    "has the story",
    "has the full story",
    "has details",
];
/// Words that end a station's name, lower-cased ("Harbour TV", "Norvik Radio").
const BROADCASTER_WORDS: &[&str] = &["channel", "news", "radio", "television", "tv"];
/// Most words of a station's promo.
const BROADCAST_PROMO_MAX_WORDS: usize = 16;
/// Words a station's promo may end with after its hour ("at 11 on Harbour TV").
const BROADCAST_PROMO_TAIL_WORDS: usize = 4;

/// True for a station's promo of a later broadcast, given the line lower-cased: a short line in
/// which a reporter "reports", "has more" or "has the story" at an hour, said "tonight" or
/// named as the station's or the station itself ("Norvik TV's Paul Berg reports at 11.", "Ann
/// Lee has more tonight at 6 p.m.", "Harbour TV reports at 11."), the line ending at the hour
/// or with the station after "on". "The harbour master reports at 6 each morning" and "The jury
/// reports at 9 a.m. on Monday" stay.
fn is_broadcast_promo(lower: &str) -> bool {
    let words: Vec<&str> = lower
        .split(|c: char| !(c.is_alphanumeric() || c == ':' || c == '\''))
        .filter(|w| !w.is_empty())
        .collect();
    if words.len() > BROADCAST_PROMO_MAX_WORDS || lower.contains(['"', '“', '”']) {
        return false;
    }
    BROADCAST_PROMO_VERBS.iter().any(|verb| {
        let verb: Vec<&str> = verb.split(' ').collect();
        (1..words.len()).any(|i| {
            if words.get(i..i + verb.len()) != Some(verb.as_slice()) {
                return false;
            }
            // "Norvik TV's Paul Berg reports", or the station itself: "Harbour TV reports".
            let station_s = words[..i].iter().any(|w| w.ends_with("'s"))
                || BROADCASTER_WORDS.contains(&words[i - 1]);
            let mut k = i + verb.len();
            let tonight = words.get(k) == Some(&"tonight");
            if tonight {
                k += 1;
            }
            // After the hour, "p.m." or "pm" belongs to it.
            let mut end = k + 2;
            match words.get(end..).unwrap_or_default() {
                ["a" | "p", "m", ..] => end += 2,
                ["am" | "pm", ..] => end += 1,
                _ => {}
            }
            let tail = words.get(end..).unwrap_or_default();
            let ends_at_the_hour = tail.is_empty()
                || (tail[0] == "on"
                    && tail.len() <= BROADCAST_PROMO_TAIL_WORDS
                    && !tail.iter().any(|w| is_in(&crate::lexicon::WEEKDAYS, w)));
            (tonight || station_s)
                && words.get(k) == Some(&"at")
                && words.get(k + 1).is_some_and(|w| is_clock_hour(w))
                && ends_at_the_hour
        })
    })
}

/// Verbs that open a promo telling the reader to watch or hear something, lower-cased.
const PROMO_VERBS: &[&str] = &["watch ", "listen ", "tune in", "download ", "stream "];

/// Words that tell a promo from a sentence opening with the same verb wherever they stand: the
/// reader addressed, a podcast, an app or an episode ("Download the tide podcast").
const PROMO_MARKS: &[&str] = &[
    "you", "your", "podcast", "podcasts", "app", "episode", "episodes",
];

/// Words that mark a promo only as its last word ("Watch the launch here", "Watch it live"):
/// earlier in a line they are a sentence's ("Stream levels here rose …").
const PROMO_CLOSING_MARKS: &[&str] = &["here", "live", "now"];

/// True for a promo, given the line lower-cased: a verb of [`PROMO_VERBS`] opens it, and it
/// addresses the reader, names a podcast, an app, an episode or a site's address
/// ([`PROMO_MARKS`]) or ends pointing at a link or a broadcast ([`PROMO_CLOSING_MARKS`]),
/// reports no one's words and introduces nothing with a colon ("Watch the harbour bulletin and
/// follow example.com for updates").
fn is_media_promo(lower: &str) -> bool {
    if !PROMO_VERBS.iter().any(|v| lower.starts_with(v)) || lower.trim_end().ends_with(':') {
        return false;
    }
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    // A sentence reporting what someone said is the article's.
    !reports_speech(lower)
        && (lower.contains(".com")
            || words.iter().any(|w| PROMO_MARKS.contains(w))
            || words
                .last()
                .is_some_and(|w| PROMO_CLOSING_MARKS.contains(w)))
}

/// True for a line, lower-cased, holding a verb of speech ("… the mayor said."): it reports
/// someone's words, as an article's sentence does and a promo or a caption does not.
fn reports_speech(lower: &str) -> bool {
    lower
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| is_in(&CUES, w))
}

/// True when the next line with words after line `i` is a post's signature alone
/// ("— Name (@handle) Date"): line `i` holds the post's words, however short.
fn signed_on_next_line(lines: &[Line], i: usize) -> bool {
    signature_after(lines, i).is_some()
}

/// The index of the post's signature alone on the next line with words after line `i`, if that
/// line is one.
fn signature_after(lines: &[Line], i: usize) -> Option<usize> {
    (i + 1..lines.len())
        .find(|&j| !lines[j].text.trim().is_empty())
        .filter(|&j| crate::posts::signature(lines[j].text).is_some())
}

/// Most words of a picture's credit on a line of its own ([`is_picture_credit_line`]).
const CREDIT_LINE_WORDS: usize = 12;

/// How a picture's credit on a line of its own opens, lower-cased.
const CREDIT_LINE_OPENERS: &[&str] = &[
    "photo:",
    "photograph:",
    "photo credit:",
    "image:",
    "image credit:",
    "(image:",
    "(image credit:",
    "(photo:",
];

/// Lower-case words a credit's names may hold ("Photo: courtesy of the Port of Norvik", "Photo:
/// Ann Lee/staff", "Photo: supplied").
const CREDIT_CONNECTORS: &[&str] = &[
    "of", "for", "by", "via", "and", "the", "courtesy", "de", "van", "von", "staff", "supplied",
    "file", "handout",
];

/// True for a picture's credit on a line of its own: an opener of [`CREDIT_LINE_OPENERS`]
/// naming who took or owns the picture ("Photo: Jane Roe, Norvik Wire", "(Image credit: Norvik
/// Port Authority)", "Photo: iFixit"), a few words long, every word that opens with a letter a
/// name's (holding a capital) but [`CREDIT_CONNECTORS`]. "Photos:" heads a gallery, and "Photo:
/// Crews clear the road." is a caption of its own.
fn is_picture_credit_line(text: &str) -> bool {
    let text = text.trim_start();
    let Some(rest) = CREDIT_LINE_OPENERS.iter().find_map(|o| {
        text.get(..o.len())
            .filter(|head| head.eq_ignore_ascii_case(o))
            .and_then(|_| text.get(o.len()..))
    }) else {
        return false;
    };
    let names_only = rest
        .split(|c: char| c.is_whitespace() || c == '/')
        .filter(|w| w.chars().next().is_some_and(char::is_alphabetic))
        .all(|w| w.chars().any(char::is_uppercase) || CREDIT_CONNECTORS.contains(&w));
    names_only && text.split_whitespace().nth(CREDIT_LINE_WORDS).is_none()
}

/// True when line `i` is a picture's caption told by the credit on the line after it
/// ([`is_picture_credit_line`]): one sentence, short as captions are, reporting no one's words
/// and not introducing what follows with a colon. A paragraph of several sentences, one that
/// reports speech, or one opening with a dateline ("NORVIK - Crews worked through the night.")
/// above a credit is the article's, with a picture that has no caption.
fn captioned_by_next_line(lines: &[Line], i: usize) -> bool {
    let line = &lines[i];
    if !lines
        .get(i + 1)
        .is_some_and(|next| is_picture_credit_line(next.text))
    {
        return false;
    }
    let reports = reports_speech(&line.lower) || line.text.contains(['"', '“', '”']);
    !is_picture_credit_line(line.text)
        && line.words <= CAPTION_MAX_WORDS / 2
        && !line.text.trim_end().ends_with(':')
        && !reports
        && crate::segment::sentences(line.text).len() == 1
        && !opens_with_dateline(line.text)
}

/// True when `line` opens with a dateline's place ("NORVIK (Wire) - …"), not a label before a
/// dash ("WATCH - …"): the lead of an article, never chrome around it.
fn opens_with_dateline(line: &str) -> bool {
    crate::outlets::dateline_length(line).is_some() && !opens_with_label(line)
}

/// True for a live blog's entry: a clock time, then [`ENTRY_WORDS`] words or more ("7:13 p.m.
/// Crews reach the valley and begin moving families out"), the outlet's text however it ends.
fn is_live_blog_entry(text: &str) -> bool {
    clock_stamp_len(text).is_some_and(|n| text[n..].split_whitespace().count() >= ENTRY_WORDS)
}

/// Most letters of a time zone's abbreviation after a live blog's bare stamp ("CET", "GMT").
const ZONE_MAX_LETTERS: usize = 4;

/// True for a live blog's bare stamp: a line that is a clock time and nothing more but a time
/// zone's abbreviation ("2:14 PM", "14:05 CET"). It heads the entry below it.
fn is_clock_stamp(text: &str) -> bool {
    let Some(n) = clock_stamp_len(text) else {
        return false;
    };
    let mut rest = text[n..].split_whitespace();
    let zone = rest.next().is_none_or(|w| {
        (1..=ZONE_MAX_LETTERS).contains(&w.len()) && w.chars().all(|c| c.is_ascii_uppercase())
    });
    zone && rest.next().is_none()
}

/// Words in capitals before a dash that label a line rather than place it ("WATCH - …",
/// "CORRECTION - …"), lower-cased; the [`NEWS_LABELS`] are labels too.
static LINE_LABELS: WordList = WordList::new(&[
    "analysis",
    "correction",
    "exclusive",
    "opinion",
    "photo",
    "photos",
    "video",
    "watch",
]);

/// True when `line` opens with a label and a dash rather than a dateline's place.
fn opens_with_label(line: &str) -> bool {
    let head = line
        .split([' ', '-', '–', '—', '('])
        .next()
        .unwrap_or("")
        .trim_end_matches([':', ','])
        .to_lowercase();
    is_in(&LINE_LABELS, &head) || is_in(&NEWS_LABELS, &head)
}

/// Lines above the first long line of prose where a dateline still opens the article.
const DATELINE_LINES_ABOVE: usize = 3;

/// Fewest bare stamps that make a page a live blog ([`live_entries`]): two times are always
/// in order, so the order a blog's stamps keep is read on three or more.
const MIN_LIVE_STAMPS: usize = 3;

/// The first and last lines of a live blog's stamped entries, when [`MIN_LIVE_STAMPS`] bare
/// stamps or more each head a sentence ("2:14 PM" over "The council has adjourned for lunch.").
fn live_entries(lines: &[Line]) -> Option<(usize, usize)> {
    let stamps: Vec<usize> = (0..lines.len().saturating_sub(1))
        .filter(|&i| is_clock_stamp(lines[i].text))
        .collect();
    // A blog's stamps run one way through the day; a list of videos' lengths ("1:41", "18:08",
    // "5:56") does not.
    let minutes: Vec<u32> = stamps
        .iter()
        .filter_map(|&i| minute_of_day(lines[i].text))
        .collect();
    let one_way =
        minutes.windows(2).all(|w| w[0] >= w[1]) || minutes.windows(2).all(|w| w[0] <= w[1]);
    if stamps.len() < MIN_LIVE_STAMPS {
        return None;
    }
    // A comment section signs each stamp with its commenter's name on the line above ("Jane
    // Roe / 2:14 PM / …"); a blog's stamps follow its entries.
    let signed = |i: &usize| {
        i.checked_sub(1).is_some_and(|above| {
            let words: Vec<&str> = lines[above].text.split_whitespace().collect();
            (1..=3).contains(&words.len())
                && words.iter().all(|w| w.starts_with(char::is_uppercase))
                && !ends_like_sentence(lines[above].text)
        })
    };
    if stamps.iter().filter(|i| signed(i)).count() * 2 > stamps.len() {
        return None;
    }
    let entries: Vec<usize> = stamps
        .iter()
        .map(|i| i + 1)
        .filter(|&i| {
            lines[i].words >= CLOSING_SENTENCE_WORDS
                && ends_like_sentence(lines[i].text)
                && !is_clock_stamp(lines[i].text)
        })
        .collect();
    if !one_way || entries.len() < MIN_LIVE_STAMPS - 1 {
        return None;
    }
    Some((entries[0], entries[entries.len() - 1]))
}

/// The minute of the day a clock time opening `text` names ("2:14 PM" is 854), reading a time
/// with no "a.m." or "p.m." as a 24-hour clock's.
fn minute_of_day(text: &str) -> Option<u32> {
    let n = clock_stamp_len(text)?;
    let stamp = text[..n].trim().to_ascii_lowercase();
    let (hour, rest) = stamp.split_once(':')?;
    let hour: u32 = hour.parse().ok()?;
    let minute: u32 = rest.get(..2)?.parse().ok()?;
    let pm = rest.contains('p');
    let hour = match (rest.contains('a') || pm, pm, hour) {
        (true, false, 12) => 0,
        (true, true, h) if h < 12 => h + 12,
        (_, _, h) => h,
    };
    Some(hour * 60 + minute)
}

/// The length in bytes of the clock time opening `text` ("7:13", "7:13 p.m.", "11:24 A.M."),
/// when one does and a space or the line's end follows it.
fn clock_stamp_len(text: &str) -> Option<usize> {
    let lead = text.len() - text.trim_start().len();
    let text = &text[lead..];
    let bytes = text.as_bytes();
    let hour = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    let number = |digits: &[u8]| {
        digits
            .iter()
            .fold(0u32, |n, d| n * 10 + u32::from(d - b'0'))
    };
    let minutes_ok = (1..=2).contains(&hour)
        && number(&bytes[..hour]) <= 23
        && bytes.get(hour) == Some(&b':')
        && bytes
            .get(hour + 1..hour + 3)
            .is_some_and(|m| m.iter().all(u8::is_ascii_digit) && number(m) <= 59)
        && bytes.get(hour + 3).is_none_or(|b| *b == b' ');
    if !minutes_ok {
        return None;
    }
    let mut end = hour + 3;
    let rest = text[end..].trim_start();
    let meridiem = ["a.m.", "p.m.", "am", "pm"].iter().find(|m| {
        rest.get(..m.len())
            .is_some_and(|r| r.eq_ignore_ascii_case(m))
            && rest[m.len()..]
                .chars()
                .next()
                .is_none_or(char::is_whitespace)
    });
    if let Some(m) = meridiem {
        end = text.len() - rest.len() + m.len();
    }
    Some(lead + end)
}

/// Longest credit in parentheses at a caption's end, in bytes.
const MAX_CREDIT: usize = 60;

/// True for a line that ends with a picture's credit in parentheses: the photographer and the
/// agency ("(Jane Roe/Daily Bugle)") or an agency the outlet registry knows ("(Reuters)").
fn ends_with_photo_credit(text: &str) -> bool {
    let text = text.trim_end();
    let Some(inner) = text.strip_suffix(')') else {
        return false;
    };
    let Some(open) = inner.rfind('(') else {
        return false;
    };
    let credit = &inner[open + 1..];
    if credit.is_empty() || credit.len() > MAX_CREDIT || open == 0 {
        return false;
    }
    is_photographer_credit(credit) || crate::outlets::registry().by_name(credit).is_some()
}

/// True for a photographer's credit, the words inside its parentheses: a short capitalised
/// name, a slash and a short capitalised agency ("Jane Roe/Daily Bugle").
fn is_photographer_credit(credit: &str) -> bool {
    let capitalised = |s: &str| s.trim().chars().next().is_some_and(char::is_uppercase);
    credit.split_once('/').is_some_and(|(who, agency)| {
        capitalised(who)
            && capitalised(agency)
            && who.split_whitespace().count() <= 4
            && agency.split_whitespace().count() <= 4
    })
}

/// True for a line that is only a photographer's credit in parentheses ("(Jane Roe/Daily
/// Bugle)"), left where the picture stood.
fn is_bare_photo_credit(text: &str) -> bool {
    text.trim()
        .strip_prefix('(')
        .and_then(|t| t.strip_suffix(')'))
        .is_some_and(|credit| credit.len() <= MAX_CREDIT && is_photographer_credit(credit))
}

/// True for a photo caption or credit, given the line lower-cased: it describes the page's
/// picture, not the story.
fn is_caption(lower: &str) -> bool {
    let lower = lower.trim_start();
    // A caption is short: a long line opening like one is a caption run into the article.
    if lower.split_whitespace().nth(CAPTION_MAX_WORDS).is_some() {
        return false;
    }
    CAPTION_OPENERS.iter().any(|o| lower.starts_with(o))
        || CAPTION_CREDITS.iter().any(|c| lower.contains(c))
        || is_news_photo_caption(lower)
}

/// True for a wire photo's caption, lower-cased: "in this photo released by ...", "in this
/// May 4, 2001, file photo, ...".
fn is_news_photo_caption(lower: &str) -> bool {
    let Some(rest) = lower.strip_prefix("in this ") else {
        return false;
    };
    let head: Vec<&str> = rest.split_whitespace().take(10).collect();
    let head = head.join(" ");
    ["photo", "image", "file "]
        .iter()
        .any(|p| rest.starts_with(p))
        || [
            "photo,",
            "image,",
            "file photo",
            "photo provided",
            "photo released",
        ]
        .iter()
        .any(|p| head.contains(p))
}

/// True for a line telling readers how to reach the author or follow the outlet ("Reach Jane
/// Roe at 555-0100 or jane@example.com.", "Like WTOP on Facebook and follow @WTOP on Twitter"),
/// given the line lower-cased.
fn is_contact_line(lower: &str) -> bool {
    let lower = lower.trim_start();
    if word_count(lower) > 30 {
        return false;
    }
    let opens = |openers: &[&str]| openers.iter().any(|o| lower.starts_with(o));
    // "Follow @handle", "Like WTOP on Facebook": the network right after a short name.
    let names_a_network = |head: &str| {
        head.starts_with('@')
            || [" on twitter", " on facebook", " on instagram"]
                .iter()
                .filter_map(|n| head.find(n))
                .any(|at| !head[..at].contains(',') && head[..at].split_whitespace().count() <= 4)
    };
    let has_phone = lower
        .split(|c: char| !(c.is_ascii_digit() || c == '-'))
        .any(|w| w.len() >= 8 && w.contains('-'));
    let has_address = lower.contains('@') || lower.contains("twitter");
    // "Media contact: press@example.com", "Press enquiries: 555-0100-22".
    let contact_label = lower.split_once(':').is_some_and(|(label, rest)| {
        word_count(label) <= 3
            && word_count(rest) <= CONTACT_WORDS
            && label
                .split_whitespace()
                .last()
                .is_some_and(|w| matches!(w, "contact" | "enquiries" | "inquiries"))
    });
    (opens(&["follow ", "like "]) && names_a_network(lower.split_once(' ').map_or("", |(_, r)| r)))
        || ((opens(&["reach ", "contact ", "email ", "e-mail "]) || contact_label)
            && (has_address || has_phone))
}

/// Most words after a press office's label ("Media contact: Ann Lee, 555-0100-22,
/// press@example.com"): more make a sentence of the article.
const CONTACT_WORDS: usize = 8;

/// Most words of a date stamp ([`is_date_stamp`]).
const DATE_STAMP_WORDS: usize = 16;

/// Words that name what a page's date stamp dates, lower-cased.
const DATE_STAMP_NAMES: &[&str] = &["published", "updated", "posted", "modified"];

/// Words that label a page's date stamp, lower-cased ("Published on", "Last updated at"): its
/// names ([`DATE_STAMP_NAMES`]) and these.
const DATE_STAMP_LABELS: &[&str] = &["last", "first", "on", "at", "date"];

/// True for a line that is only the page's date and time, with or without its label
/// ("Published: Mar. 4, 2031, 9:40 a.m.", "Updated Tuesday, March 4, 2031 08:05 GMT",
/// "2031-03-04"): every word a label, a weekday, a month, a number, a clock time, "a.m." or
/// "p.m." or a time zone in capitals, with one month or numeric date among them, or two with a
/// label ("Published … Updated …"; two alone are a span of days, an event's). An article's
/// dateline names its place and its sentences a subject, so they are never all such words.
fn is_date_stamp(text: &str) -> bool {
    // Every stamp holds a number: most lines are let go without splitting them.
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '|' | '•' | '·' | '–' | '—'))
        .map(|w| w.trim_matches(|c: char| matches!(c, ':' | '-' | '(' | ')' | '.' | '/')))
        .filter(|w| !w.is_empty())
        .take(DATE_STAMP_WORDS + 1)
        .collect();
    if words.is_empty() || words.len() > DATE_STAMP_WORDS {
        return false;
    }
    let mut dates = 0;
    let mut labelled = false;
    // Capitals are a time zone only after a clock time ("08:05 GMT"); "ROME, Jan. 5" is a
    // dateline.
    let clocked = words
        .iter()
        .any(|w| w.contains(':') && w.chars().any(|c| c.is_ascii_digit()));
    let all_stamp = words.iter().all(|w| {
        let lower = w.to_lowercase();
        let name = DATE_STAMP_NAMES.contains(&lower.as_str());
        labelled |= name;
        let month = crate::lexicon::SHORT_MONTHS.contains(&lower.as_str())
            || crate::lexicon::MONTHS.contains(&lower.as_str())
            || lower == "sept";
        let numeric_date = w.contains(['/', '-']) && crate::date::parse(w).is_some();
        dates += usize::from(month || numeric_date);
        let number = w
            .trim_end_matches(['s', 't', 'n', 'd', 'r', 'h'])
            .chars()
            .all(|c| c.is_ascii_digit() || c == ':')
            && w.starts_with(|c: char| c.is_ascii_digit());
        month
            || numeric_date
            || number
            || name
            || DATE_STAMP_LABELS.contains(&lower.as_str())
            || is_in(&crate::lexicon::WEEKDAYS, &lower)
            || WEEKDAY_ABBREVIATIONS.contains(&lower.as_str())
            || matches!(lower.as_str(), "am" | "pm" | "a.m" | "p.m")
            || (clocked && crate::lexicon::is_all_caps(w) && (2..=4).contains(&w.chars().count()))
    });
    all_stamp && (dates == 1 || (dates == 2 && labelled))
}

/// How stamps abbreviate weekdays, lower-cased.
const WEEKDAY_ABBREVIATIONS: &[&str] = &[
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
];

/// Most words of an author's note ([`is_author_note`]).
const AUTHOR_NOTE_WORDS: usize = 60;

/// Phrases of an author's or an outlet's note that tell readers how to reach or follow them,
/// lower-cased, matched as whole words: the pronoun or the passive names the writer or the
/// outlet, where "contact the police at" in an article names someone else. A note may also open
/// with "To reach" ("To reach Ann Lee, call …").
const REACH_PHRASES: &[&str] = &[
    "can be reached",
    "may be reached",
    "be reached at",
    "reach him",
    "reach her",
    "reach me",
    "reach us",
    "follow him",
    "follow her",
    "follow me",
    "follow us",
    "email him",
    "email her",
    "e-mail him",
    "e-mail her",
    "contact us",
    "email us",
    "e-mail us",
    "let us know",
];

/// True for an author's or an outlet's note, given the line lower-cased: a short line that
/// gives an address (an e-mail, a handle or a telephone number) with a phrase telling readers
/// to reach or follow its writer ("Ann Lee, who wrote this series, can be reached at
/// ann@example.com.", "Ann writes on the port every week; follow her @annlee"), wherever it
/// stands in the text.
fn is_author_note(lower: &str) -> bool {
    if lower.split_whitespace().nth(AUTHOR_NOTE_WORDS).is_some() {
        return false;
    }
    if !(lower.contains('@') || has_telephone_number(lower)) {
        return false;
    }
    let words: Vec<&str> = lower
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .collect();
    let joined = format!(" {} ", words.join(" "));
    let opening = lower.trim_start();
    REACH_PHRASES
        .iter()
        .any(|p| joined.contains(&format!(" {p} ")))
        || opening.starts_with("to reach ")
        || (opening.starts_with("follow ") && lower.contains('@'))
}

/// Digits of a telephone number at least, area code included.
const TELEPHONE_DIGITS: usize = 10;

/// True for text holding a telephone number: digits in groups joined by two hyphens or more,
/// ten digits at least ("555-010-2030"); a span of years ("2031-2032") or a date
/// ("2031-03-04") is none.
fn has_telephone_number(text: &str) -> bool {
    text.split(|c: char| !(c.is_ascii_digit() || c == '-'))
        .any(|w| {
            w.matches('-').count() >= 2
                && w.chars().filter(char::is_ascii_digit).count() >= TELEPHONE_DIGITS
        })
}

/// True for a sentence that is page furniture inside a paragraph: a photo caption or a line
/// telling readers how to reach the author.
pub(crate) fn is_furniture_sentence(sentence: &str) -> bool {
    // Every caption names a file, a photo, an image, a caption or a picture agency, and every
    // contact line opens with its verb: most sentences are let go without lower-casing them.
    let bytes = sentence.as_bytes();
    const NAMED: [&[u8]; 6] = [
        b"file",
        b"photo",
        b"image",
        b"caption",
        b"pictured",
        b"getty",
    ];
    // One pass: only a byte that opens one of the words is compared further.
    let mentions_one = (0..bytes.len()).any(|i| {
        let b = bytes[i].to_ascii_lowercase();
        NAMED.iter().any(|w| {
            w[0] == b
                && bytes
                    .get(i..i + w.len())
                    .is_some_and(|at| at.eq_ignore_ascii_case(w))
        })
    });
    let first = sentence.split_whitespace().next().unwrap_or_default();
    let may_be = mentions_one
        || ["follow", "like", "reach", "contact", "email", "e-mail"]
            .iter()
            .any(|v| first.eq_ignore_ascii_case(v));
    if !may_be {
        return false;
    }
    let lower = sentence.to_lowercase();
    is_caption(&lower) || is_contact_line(&lower)
}

/// True for a line that opens a comment section ("Leave a Reply", "16 comments", "jane says:").
fn opens_comments(line: &Line) -> bool {
    let lower = line.lower.trim_end_matches(['.', ':', '!']);
    let counted = lower.split_once(' ').is_some_and(|(n, rest)| {
        let noun = rest.split_once(' ').map_or(rest, |(noun, tail)| {
            // "34 responses to “Headline”", "12 thoughts on “Headline”".
            if tail.starts_with("to ") || tail.starts_with("on ") {
                noun
            } else {
                rest
            }
        });
        n.chars().all(|c| c.is_ascii_digit())
            && matches!(
                noun,
                "comments" | "comment" | "responses" | "replies" | "thoughts"
            )
    });
    let heading = matches!(
        lower,
        "comments"
            | "leave a reply"
            | "leave a comment"
            | "post a comment"
            | "add a comment"
            | "join the discussion"
            | "reader comments"
            | "discussion"
    );
    counted || heading || is_commenter(line)
}

/// Openings of a heading over other stories ("More from the Bugle", "You may also like").
const OTHER_STORIES_HEADINGS: &[&str] = &[
    "more ",
    "related",
    "recommended",
    "you may also like",
    "you might also like",
    "you may like",
    "read more",
    "read next",
    "most popular",
    "most read",
    "most viewed",
    "trending",
    "top stories",
    "latest news",
    "latest stories",
    "also on ",
    "around the web",
    "don't miss",
    "don’t miss",
    "editor's picks",
    "editors' picks",
    "what to read next",
];

/// True for a heading over a list of other stories: short, no sentence, one of the openings of
/// [`OTHER_STORIES_HEADINGS`].
fn heads_other_stories(line: &Line) -> bool {
    if line.words > 5 || line.words == 0 {
        return false;
    }
    let text = line.text.trim().trim_end_matches(':');
    if ends_like_sentence(text) {
        return false;
    }
    let lower = text.to_lowercase();
    let lower = format!("{lower} ");
    OTHER_STORIES_HEADINGS.iter().any(|h| lower.starts_with(h))
}

/// True for the line that names a comment's writer: "jane says:", "Milan on September 12, 2018
/// at 4:47 pm said:".
fn is_commenter(line: &Line) -> bool {
    let t = line.text.trim_end();
    let named = t.ends_with("says:") || t.ends_with("said:") || t.ends_with("wrote:");
    named && (line.words <= 3 || (line.words <= 12 && t.contains(" at ") && t.contains(':')))
}

/// A 128-bit hash of the lower-cased words of a line, for comparing lines regardless of case,
/// spacing and punctuation without building a string per line; `None` for a line without
/// words. The words are hashed as UTF-8 with a byte no UTF-8 text holds (0xFF) before each, by
/// XXH3, whose collisions cannot be built from a line's structure as they can for a
/// multiplicative hash (a Thue–Morse line and its complement collide under any of those).
fn fingerprint(text: &str) -> Option<u128> {
    let mut hasher = LineHasher::default();
    let mut words = 0usize;
    if text.is_ascii() {
        // Most lines: the same bytes as below, without decoding characters.
        let mut in_word = false;
        for b in text.bytes() {
            if b.is_ascii_alphanumeric() {
                if !in_word {
                    hasher.push(0xFF);
                    words += 1;
                    in_word = true;
                }
                hasher.push(b.to_ascii_lowercase());
            } else {
                in_word = false;
            }
        }
    } else {
        for word in text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            hasher.push(0xFF);
            for c in word.chars().flat_map(char::to_lowercase) {
                let mut utf8 = [0u8; 4];
                for &b in c.encode_utf8(&mut utf8).as_bytes() {
                    hasher.push(b);
                }
            }
            words += 1;
        }
    }
    (words > 0).then(|| hasher.finish())
}

/// XXH3-128 over bytes pushed one at a time, fed to the hash in blocks.
struct LineHasher {
    hash: xxhash_rust::xxh3::Xxh3,
    block: [u8; 256],
    len: usize,
}

impl Default for LineHasher {
    fn default() -> LineHasher {
        LineHasher {
            hash: xxhash_rust::xxh3::Xxh3::new(),
            block: [0; 256],
            len: 0,
        }
    }
}

impl LineHasher {
    fn push(&mut self, byte: u8) {
        if self.len == self.block.len() {
            self.hash.update(&self.block);
            self.len = 0;
        }
        self.block[self.len] = byte;
        self.len += 1;
    }

    fn finish(mut self) -> u128 {
        self.hash.update(&self.block[..self.len]);
        self.hash.digest128()
    }
}

/// Labels that put another story's headline after them ("Related: …", "SEE ALSO: …"), lower
/// case. ("Also:", "More:" and "Recommended:" may open an article's own sentence; they count
/// only before a headline written as one, as other labels do.)
static OTHER_STORY_LABELS: WordList = WordList::new(&[
    "don't miss",
    "don’t miss",
    "further reading",
    "more on this",
    "more on this story",
    "must read",
    "read also",
    "read more",
    "read next",
    "also read",
    "also see",
    "related",
    "related article",
    "related articles",
    "related content",
    "related coverage",
    "related link",
    "related links",
    "related stories",
    "related story",
    "related video",
    "see also",
]);

/// Words at most in a headline after a label of [`OTHER_STORY_LABELS`].
const LABELLED_HEADLINE_WORDS: usize = 25;

/// True for a "Read also: Some Other Headline" line: a short label, a colon, and a headline;
/// after a label that names another story ([`OTHER_STORY_LABELS`]) the headline may be written
/// as a sentence or ask a question ("Related: Will the new bridge open before winter?"), and
/// the label may stand alone.
fn is_related_link(line: &Line) -> bool {
    let Some((label, rest)) = line.text.split_once(':') else {
        return false;
    };
    let rest_words = rest.split_whitespace().count();
    let label_lower = line.lower.split_once(':').map_or("", |(l, _)| l.trim());
    if is_in(&OTHER_STORY_LABELS, label_lower) && rest_words <= LABELLED_HEADLINE_WORDS {
        return true;
    }
    let label_words = label.split_whitespace().count();
    if !(1..=3).contains(&label_words) || !label.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    let rest_words: Vec<&str> = rest.split_whitespace().collect();
    if rest_words.len() < 3 || ends_like_sentence(rest) && !rest.trim_end().ends_with(['"', '”'])
    {
        return false;
    }
    let capitalised = rest_words
        .iter()
        .filter(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || !c.is_alphabetic())
        })
        .count();
    capitalised * 2 > rest_words.len()
}

/// True for a line that is page chrome wherever it stands: a rule line, a photo credit or a
/// caption, a notice, the site speaking to its reader, a widget's label, contact details, or
/// a media player's chrome.
fn is_chrome_anywhere(line: &Line) -> bool {
    is_rule_line(line.text)
        || is_bare_photo_credit(line.text)
        || is_legal_notice(&line.lower)
        || is_reader_chrome(line.text)
        || is_contributor_credit(&line.lower)
        || is_widget_label(&line.lower)
        || is_contact_line(&line.lower)
        || is_caption(&line.lower)
        || is_media_chrome(&line.lower)
        || is_newscast_name(line.text)
}

/// True for text that reads as a headline: several words, mostly letters, opening with a
/// capital, a digit, a quotation mark or a bracket, and no full stop at the end. Title case
/// qualifies: a menu's words are told from a headline by the article ([`headline_before`]),
/// not by their case.
fn is_headline_like(text: &str) -> bool {
    let text = text.trim();
    let words: Vec<&str> = text.split_whitespace().collect();
    // A full stop inside closing quotation marks ends a sentence too ("… the \"in-between.\"").
    let unquoted = text.trim_end_matches(['"', '”', '’', '\'']);
    if !(4..=30).contains(&words.len()) || unquoted.ends_with('.') {
        return false;
    }
    let alphabetic = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_alphabetic))
        .count();
    let opens_well = text
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "‘“\"'[".contains(c));
    opens_well && alphabetic * 10 >= words.len() * 8 && !text.contains(['|', '»', '›'])
}

/// Most words of the outlet's name after a page title's headline ("… - Norvik Gazette").
const OUTLET_SUFFIX_WORDS: usize = 5;

/// Words that never stand in an outlet's name after a page title's dash: a question's or a
/// sentence's words ("Storm hits Port Ellis - What We Know").
static NOT_OUTLET_WORDS: WordList = WordList::new(&[
    "he", "how", "i", "it", "she", "they", "we", "what", "when", "where", "who", "why", "you",
]);

/// Words of a site's sections, lower-cased: a title's ending made only of them ("… | Sport",
/// "… - World News") names a section, not the site.
static SECTION_WORDS: WordList = WordList::new(&[
    "business",
    "culture",
    "entertainment",
    "health",
    "lifestyle",
    "local",
    "news",
    "opinion",
    "politics",
    "science",
    "sport",
    "sports",
    "tech",
    "technology",
    "travel",
    "video",
    "weather",
    "world",
]);

/// Labels a page sets before a headline with a colon ("LIVE: …", "Breaking news: …"),
/// lower-cased.
static NEWS_LABELS: WordList = WordList::new(&[
    "breaking",
    "breaking news",
    "developing",
    "live",
    "live blog",
    "live updates",
    "update",
    "updated",
]);

/// Labels of a video before its headline and a colon, lower-cased.
const VIDEO_LABELS: &[&str] = &["watch", "video"];

/// The words after a label and its colon opening `text`, when `is_label` says it is one.
fn after_label(text: &str, is_label: impl Fn(&str) -> bool) -> Option<&str> {
    let (label, rest) = text.trim().split_once(':')?;
    is_label(&label.trim().to_lowercase()).then(|| rest.trim())
}

/// The words after a video's label ([`VIDEO_LABELS`]) that opens `text`, if one does.
fn without_video_label(text: &str) -> Option<&str> {
    after_label(text, |label| VIDEO_LABELS.contains(&label))
}

/// `text` without a news label and its colon before the headline ([`NEWS_LABELS`]).
fn without_news_label(text: &str) -> &str {
    after_label(text, |label| is_in(&NEWS_LABELS, label)).unwrap_or_else(|| text.trim())
}

/// A page title's headline without the outlet's name the page puts after it ("Port reopens
/// after storm - Norvik Gazette", "… | Harbour Times"): the part before the last dash or bar,
/// when what follows is a short name (its words capitalised, but for short function words, or
/// a web address) and what comes before still reads as a headline; else the whole line.
fn without_outlet_suffix(text: &str) -> &str {
    split_outlet_suffix(text).0
}

/// A page title's headline and the outlet's name after it, as [`without_outlet_suffix`] reads
/// them ("Port reopens after storm | Harbour Times" gives both; a line with no such name gives
/// itself and none).
fn split_outlet_suffix(text: &str) -> (&str, Option<&str>) {
    let text = text.trim();
    let Some((at, sep)) = [" - ", " – ", " — ", " | "]
        .iter()
        .filter_map(|sep| text.rfind(sep).map(|at| (at, sep.len())))
        .max()
    else {
        return (text, None);
    };
    let suffix = &text[at + sep..];
    let words: Vec<&str> = suffix.split_whitespace().collect();
    let names = !words.is_empty()
        && words.len() <= OUTLET_SUFFIX_WORDS
        && words
            .first()
            .is_some_and(|w| !w.starts_with(char::is_lowercase) || w.contains('.'))
        && words.iter().all(|w| {
            (!w.starts_with(char::is_lowercase) || w.contains('.') || w.len() <= 3)
                && !is_in(&NOT_OUTLET_WORDS, &w.to_lowercase())
        });
    let headline = text[..at].trim_end();
    if names && is_headline_like(headline) {
        (headline, Some(suffix.trim()))
    } else {
        (text, None)
    }
}

/// Words at a caption's end among which a credit's slash is looked for ("… REUTERS/Jane Roe").
const CREDIT_TAIL_WORDS: usize = 4;

/// True for a photo's caption told by its credit: "Credit" with a colon or an ellipsis and a
/// name ("… Credit: Jane Roe"), a picture agency named ("Getty Images", "AP Photo"), an agency
/// in capitals and a name joined by a slash among the last words ("… NORVIK/Jane Roe"), or a
/// closing parenthesis about the picture ("(Family photo)").
fn has_picture_credit(text: &str) -> bool {
    let credit_word = text.match_indices("Credit").any(|(at, word)| {
        let rest = &text[at + word.len()..];
        let rest = rest
            .strip_prefix(':')
            .or_else(|| rest.strip_prefix("..."))
            .or_else(|| rest.strip_prefix('…'));
        rest.is_some_and(|r| r.trim_start().starts_with(char::is_uppercase))
    });
    let lower = text.to_lowercase();
    // Whole words: "Map Photos" holds no agency.
    let agency = ["getty images", "ap photo"].iter().any(|a| {
        lower
            .match_indices(a)
            .any(|(at, _)| !lower[..at].ends_with(char::is_alphanumeric))
    });
    // "REUTERS/Jane Roe": an agency in capitals, a slash and a name ("Norvik/Port Ellis" is a
    // route).
    let words: Vec<&str> = text.split_whitespace().collect();
    let slash_credit = words.iter().rev().take(CREDIT_TAIL_WORDS).any(|w| {
        w.split_once('/').is_some_and(|(a, b)| {
            let agency = a.trim_start_matches('(');
            agency.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && !agency.chars().any(char::is_lowercase)
                && b.starts_with(char::is_uppercase)
        })
    });
    let picture_remark = text
        .trim_end()
        .strip_suffix(')')
        .and_then(|t| t.rfind('(').map(|at| t[at..].to_lowercase()))
        .is_some_and(|inner| {
            ["photo", "image", "picture"]
                .iter()
                .any(|p| inner.contains(p))
        });
    credit_word || agency || slash_credit || picture_remark
}

/// True for text that ends a sentence inside it: a full stop after a lower-case word or a
/// number, then a capital ("… in 2003. Norvik News"), as a picture's or a video's description
/// runs into its credit. A headline's abbreviations ("U.S.", "Nov. 28", "vs.") end no sentence.
fn ends_sentence_inside(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    words.windows(2).any(|pair| {
        let (before, after) = (pair[0], pair[1]);
        before.strip_suffix('.').is_some_and(|w| {
            let lower_word = w.len() >= 2
                && w.chars().all(char::is_lowercase)
                && !matches!(w, "vs" | "etc" | "approx");
            lower_word || (!w.is_empty() && w.chars().all(|c| c.is_ascii_digit()))
        }) && after.starts_with(char::is_uppercase)
    })
}

/// Most words of a byline line ("By Ann Lee and Tom Brandt, Staff Writers").
const BYLINE_WORDS: usize = 8;

/// Share of a headline's terms that the article must repeat: a page's headline names what its
/// article is about, where a menu item ("Skip to main content"), a site's slogan or another
/// story's teaser above the article names something else.
const HEADLINE_TERMS_IN_ARTICLE: f64 = 0.5;

/// Article words read for [`headline_before`]'s comparison: the opening of the article, where a
/// headline's matter is stated.
const HEADLINE_ARTICLE_WORDS: usize = 1500;

/// Terms of an article's opening lines (up to [`HEADLINE_ARTICLE_WORDS`] words): all of them,
/// and those it writes in lower case somewhere, its matter words rather than only names.
struct ArticleOpening {
    terms: HashSet<u64>,
    lower_case_terms: HashSet<u64>,
}

impl ArticleOpening {
    fn read<'l, 'a: 'l>(lines: impl Iterator<Item = &'l Line<'a>>) -> Self {
        let mut opening = ArticleOpening {
            terms: HashSet::new(),
            lower_case_terms: HashSet::new(),
        };
        let mut read = 0;
        for line in lines {
            if read >= HEADLINE_ARTICLE_WORDS {
                break;
            }
            read += line.words;
            for span in crate::segment::words(line.text) {
                let Some(word) = span.slice(line.text) else {
                    continue;
                };
                let lower_case = word.starts_with(char::is_lowercase);
                crate::terms::for_each_term(word, |term, _| {
                    opening.terms.insert(term);
                    if lower_case {
                        opening.lower_case_terms.insert(term);
                    }
                });
            }
        }
        opening
    }
}

/// The page's headline: a line before the article (`first`) that reads as a headline
/// ([`is_headline_like`], without the outlet's name a page title ends with,
/// [`without_outlet_suffix`]), is no page chrome and no picture's caption, and whose terms the
/// opening of the article (`first..=last`, with the prose lines above it unless the line is
/// prose itself) repeats, at least [`HEADLINE_TERMS_IN_ARTICLE`] of them. A page's title comes
/// first, so the first such line is its headline, unless all it
/// shares with the article are names and a later line shares a matter word too (one the
/// article writes in lower case) and a larger part of its terms: a site's name above the
/// headline ("Norvik Shipping - Press Releases") shares only the name the article repeats,
/// where a headline naming its matter ("Kessel Ridge review: …") shares more. The line right
/// over a byline needs only one matter word the article repeats, and wins over a site's name
/// above it. None when no line qualifies: a page without its headline gets no title rather
/// than a menu item's. A video's label line ("WATCH: Pier closed …"), chrome otherwise, is read
/// by the words after its label, and titles a page whose own headline was not found.
fn headline_before<'a>(lines: &[Line<'a>], first: usize, last: usize) -> Option<&'a str> {
    let before = lines.get(..first)?;
    // The article's terms are read once, and only when a line is a candidate.
    let article = lines.get(first..=last).unwrap_or_default();
    let (with_prose_before, alone) = (std::cell::OnceCell::new(), std::cell::OnceCell::new());
    let opening = |candidate: &Line| {
        if candidate.is_prose() {
            // A line of prose, which would repeat itself, is read against the article alone.
            alone.get_or_init(|| ArticleOpening::read(article.iter()))
        } else {
            // Prose before the article's first line is the article's too (a page whose
            // embedded posts or captions split its body).
            with_prose_before.get_or_init(|| {
                let prose_before = before.iter().filter(|line| line.is_prose());
                ArticleOpening::read(prose_before.chain(article))
            })
        }
    };
    // The page's own headlines, and apart from them its video labels' words, which title the
    // page only when no headline of its own does.
    let (mut page, mut video) = (HeadlinePick::default(), HeadlinePick::default());
    for (i, line) in before.iter().enumerate() {
        // A video's label ("WATCH: Port reopens after the storm") is chrome, read by its words.
        let video_headline = without_video_label(line.text).filter(|_| is_chrome_anywhere(line));
        let headline =
            without_outlet_suffix(video_headline.unwrap_or_else(|| without_news_label(line.text)));
        if !is_headline_like(headline)
            || (video_headline.is_none() && is_chrome_anywhere(line))
            || ends_with_photo_credit(line.text)
            || has_picture_credit(line.text)
            || ends_sentence_inside(headline)
        {
            continue;
        }
        let terms = crate::terms::term_hashes(headline);
        let article = opening(line);
        let repeated = terms.iter().filter(|t| article.terms.contains(*t)).count();
        let share = repeated as f64 / terms.len().max(1) as f64;
        // The line right over the byline is the page's headline: the article need only
        // repeat one of its words ("Mayor presses port over closure" over "By Ann Lee").
        let over_byline = lines
            .get(i + 1)
            .is_some_and(|l| is_byline_line(l.text) && !l.is_prose() && l.words <= BYLINE_WORDS);
        // (Names alone, a site's, still need half: "The Kessel Herald" over the byline.)
        let shares_matter = !names_an_organisation(headline)
            && terms.iter().any(|t| article.lower_case_terms.contains(t));
        let needed = if over_byline && shares_matter {
            f64::MIN_POSITIVE
        } else {
            HEADLINE_TERMS_IN_ARTICLE
        };
        if terms.is_empty() || share < needed {
            continue;
        }
        let candidate = HeadlineCandidate {
            headline,
            share,
            shares_matter,
            over_byline,
        };
        if video_headline.is_some() {
            video.weigh(candidate);
        } else if let Some(chosen) = page.weigh(candidate) {
            return Some(chosen);
        }
    }
    page.result().or_else(|| video.result())
}

/// A line that qualifies as a page's headline in [`headline_before`], with what its choice
/// weighs.
struct HeadlineCandidate<'a> {
    headline: &'a str,
    /// Share of its terms the article repeats.
    share: f64,
    /// It shares a matter word with the article, not only names.
    shares_matter: bool,
    /// It stands right over the byline.
    over_byline: bool,
}

/// The choice among qualifying lines read in the page's order: the first that shares a matter
/// word with the article, else the first of names only (a site's name), unless a later line
/// shares a matter word and a larger part of its terms, or stands over the byline.
#[derive(Default)]
struct HeadlinePick<'a> {
    chosen: Option<&'a str>,
    names_only: Option<(&'a str, f64)>,
}

impl<'a> HeadlinePick<'a> {
    /// Weighs the next qualifying line; the headline once one is chosen.
    fn weigh(&mut self, c: HeadlineCandidate<'a>) -> Option<&'a str> {
        if self.chosen.is_some() {
            return self.chosen;
        }
        // An institution's name ("Office of the Harbour Master") is the site's, like a name.
        let chosen = match self.names_only {
            // Over the byline, it is the headline whatever line above named the site.
            _ if c.shares_matter && c.over_byline => true,
            None if c.shares_matter => true,
            None => {
                self.names_only = Some((c.headline, c.share));
                false
            }
            Some((_, first_share)) => c.shares_matter && c.share > first_share,
        };
        if chosen {
            self.chosen = Some(c.headline);
        }
        self.chosen
    }

    /// The headline chosen, else the first line of names only.
    fn result(&self) -> Option<&'a str> {
        self.chosen
            .or(self.names_only.map(|(headline, _)| headline))
    }
}

/// Most words of an institution's name read by [`names_an_organisation`].
const ORGANISATION_NAME_MAX_WORDS: usize = 8;

/// True when `text` is only an institution's name: capitalised words ("of", "the", "and", "for"
/// and "&" aside) opened by an organisation word and "of" ("Office of the Harbour Master",
/// "Ministry of Fisheries") or closed by one ("Norvik Port Authority"). A press office's page
/// sets it above the release's headline.
fn names_an_organisation(text: &str) -> bool {
    let joining = |w: &str| matches!(w, "of" | "the" | "and" | "for" | "&");
    let words: Vec<&str> = text.split_whitespace().collect();
    let words = match words.as_slice() {
        ["The", rest @ ..] => rest,
        all => all,
    };
    let organisation_word =
        |w: &str| crate::lexicon::is_in(&crate::lexicon::ORGANISATION_WORDS, &w.to_lowercase());
    (2..=ORGANISATION_NAME_MAX_WORDS).contains(&words.len())
        && words
            .iter()
            .all(|w| w.starts_with(char::is_uppercase) || joining(w))
        && match words {
            [head, "of", ..] => organisation_word(head),
            [.., last] => organisation_word(last),
            [] => false,
        }
}

/// Fewest words of a page title that [`page_headline_repeated`] looks for again: a menu's
/// word or two recurs on many pages.
const PAGE_TITLE_MIN_WORDS: usize = 3;

/// Where the page's title, its first line (with or without the outlet's name after it,
/// [`without_outlet_suffix`]), stands again as a line of its own before the article's end
/// (`last`; `prints` are the lines' fingerprints): the headline above the article, as a
/// scraped page shows its title twice. None when the title does not recur, or when what
/// follows the repeat is too little of an article to be the one the page is about: under
/// [`MIN_ARTICLE_WORDS`] of prose and under half of the prose from the article's first line
/// (`first`), as when the title recurs in a list of stories near the article's end.
fn page_headline_repeated(
    lines: &[Line],
    prints: &[Option<u128>],
    first: usize,
    last: usize,
) -> Option<usize> {
    let title = lines.first()?;
    let bare = without_outlet_suffix(title.text);
    // A first line that is a date, or the article's first paragraph (a body pasted twice
    // repeats it), is no title.
    if word_count(bare) < PAGE_TITLE_MIN_WORDS || !is_headline_like(bare) || title.is_prose() {
        return None;
    }
    let last = last.min(lines.len().saturating_sub(1));
    let title_prints = [prints.first().copied().flatten(), fingerprint(bare)];
    let h = (1..=last).find(|&i| title_prints.contains(&prints[i]))?;
    let prose_words = |from: usize| -> usize {
        (from..=last)
            .filter(|&i| lines[i].is_prose())
            .map(|i| lines[i].words)
            .sum()
    };
    let after = prose_words(h + 1);
    (after > 0 && (after >= MIN_ARTICLE_WORDS || after * 2 >= prose_words(first.min(h))))
        .then_some(h)
}

/// Lines after the headline within which a standfirst opens, and lines after the standfirst
/// within which the byline follows it ([`standfirst_after`]).
const STANDFIRST_REACH: usize = 3;

/// True for a byline's line: "By" and a capitalised word ("By Ann Lee, Port reporter", "BY ANN
/// LEE"), "By" alone on its line (the name on the next), or an "Author:" label.
fn is_byline_line(text: &str) -> bool {
    let t = text.trim();
    let after_by = after_by(t);
    matches!(t, "By" | "by" | "BY")
        || after_by.is_some_and(|rest| rest.trim_start().starts_with(char::is_uppercase))
        || t.to_lowercase().starts_with("author:")
}

/// The standfirst under a page's headline (at `h`): the first prose line within
/// [`STANDFIRST_REACH`] lines of it, when the byline comes within as many lines after it with
/// no prose between. An outlet's summary set between headline and byline is no paragraph of
/// the article, whose first paragraph follows the byline.
fn standfirst_after(lines: &[Line], h: usize) -> Option<usize> {
    let p = (h + 1..lines.len())
        .take(STANDFIRST_REACH)
        .find(|&i| lines[i].is_prose())?;
    (p + 1..lines.len())
        .take(STANDFIRST_REACH)
        .take_while(|&i| !lines[i].is_prose())
        .any(|i| is_byline_line(lines[i].text))
        .then_some(p)
}

/// True when the lines before and after line `i` are both prose: line `i` stands between two
/// paragraphs.
fn between_paragraphs(lines: &[Line], i: usize) -> bool {
    i > 0 && lines[i - 1].is_prose() && lines.get(i + 1).is_some_and(Line::is_prose)
}

/// Words of a sub-heading ([`is_subheading`]): more than a widget's one-word label, fewer
/// than a sentence.
const SUBHEADING_WORDS: std::ops::RangeInclusive<usize> = 2..=8;

/// True for line `i` as a sub-heading inside the article: a few words without a sentence's
/// end, between two paragraphs of prose ("Divers reach the wreck", "WHAT COMES NEXT"), with
/// letters in it, naming none of the site's own things ([`SITE_WORDS`]: "Click here for the
/// app"), no counter in parentheses ("View all (14)") and no related story ("Related: …").
fn is_subheading(lines: &[Line], i: usize) -> bool {
    let line = &lines[i];
    if !SUBHEADING_WORDS.contains(&line.words) || !between_paragraphs(lines, i) {
        return false;
    }
    // "(14)", "(8 pictures)".
    let counter = line.text.split('(').skip(1).any(|inner| {
        inner
            .split_once(')')
            .is_some_and(|(n, _)| n.starts_with(|c: char| c.is_ascii_digit()))
    });
    let site_words = line
        .lower
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| SITE_WORDS.contains(&w));
    let text = line.text.trim();
    // An aside in brackets ("(WATCH: …)"), a pointer (">> More stories"), a line left hanging
    // ("She said,"), a byline, or a picture's credit ("Jane Roe/Agency", "Courtesy of …").
    let aside = text.starts_with(['(', '[', '<', '>']) || text.ends_with([',', '-']);
    let credit = text.contains('/')
        || is_byline_line(text)
        || ["courtesy", "photograph", "illustration", "photo "]
            .iter()
            .any(|w| line.lower.starts_with(w));
    !ends_like_sentence(text)
        && text.chars().any(char::is_alphabetic)
        && !counter
        && !site_words
        && !aside
        && !credit
        && !is_related_link(line)
}

/// Questions and answers an article holds at least for its "Q:" and "A:" lines to be an
/// interview's.
const MIN_INTERVIEW_TURNS: usize = 2;

/// 'Q' or 'A' for a line that opens an interview's question or answer ("Q: …", "A. …").
fn interview_turn(text: &str) -> Option<char> {
    let mut chars = text.trim_start().chars();
    let mark = chars.next().filter(|c| matches!(c, 'Q' | 'A'))?;
    let rest = chars.as_str();
    (rest.starts_with(": ") || rest.starts_with(". ")).then_some(mark)
}

/// Fewest words of a line that introduces a list with a colon ([`list_after`]).
const LIST_INTRO_WORDS: usize = 5;

/// Fewest words of an introduced list's item that has no list mark.
const LIST_ITEM_WORDS: usize = 4;

/// Most items of an introduced list.
const MAX_LIST_ITEMS: usize = 100;

/// The lines after line `i` that it introduces as a list with a colon at its end ("The tour
/// stops in these cities:", then "May 14 -- Port Ellis Arena"): each of [`LIST_ITEM_WORDS`]
/// words or more, marked as a list item or a bare link, up to the first line that is not, that
/// is labelled as other stories ("Related: …"), is page chrome (a share bar's "Facebook" ends a
/// list at an article's end), a date stamp, an author's note or a comment section's, and
/// before line `cut` (where comments or other stories begin). Empty when line `i` introduces
/// nothing or is itself about other stories ("Related coverage from the business desk:").
fn list_after(lines: &[Line], i: usize, cut: usize) -> std::ops::Range<usize> {
    let start = i + 1;
    let line = &lines[i];
    let labelled = |l: &Line| heads_other_stories(l) || opens_with_other_story_label(&l.lower);
    if line.words < LIST_INTRO_WORDS
        || !line.text.trim_end().ends_with(':')
        || is_chrome_anywhere(line)
        || labelled(line)
        || is_related_link(line)
    {
        return start..start;
    }
    let bound = cut.min(lines.len()).min(start + MAX_LIST_ITEMS).max(start);
    let end = (start..bound)
        .find(|&j| {
            let item = &lines[j];
            let marked =
                item.words >= LIST_ITEM_WORDS || is_list_item(item.text) || is_bare_link(item.text);
            // "Tuesday: North Quay" is an item; "Related: …" ends the list.
            !marked
                || labelled(item)
                || is_chrome_anywhere(item)
                || is_date_stamp(item.text)
                || is_author_note(&item.lower)
                || opens_comments(item)
                || is_commenter(item)
        })
        .unwrap_or(bound);
    start..end
}

/// Words at most of a label of [`OTHER_STORY_LABELS`].
const OTHER_STORY_LABEL_WORDS: usize = 4;

/// True for a line, lower-cased, whose first words are a label over other stories ("related
/// coverage from the business desk:", "read more about the port").
fn opens_with_other_story_label(lower: &str) -> bool {
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || c == ':')
        .filter(|w| !w.is_empty())
        .take(OTHER_STORY_LABEL_WORDS)
        .collect();
    (1..=words.len()).any(|n| is_in(&OTHER_STORY_LABELS, &words[..n].join(" ")))
}

/// True for a line that is only a web address ("https://example.com/a").
fn is_bare_link(text: &str) -> bool {
    let t = text.trim();
    (t.starts_with("http://") || t.starts_with("https://")) && !t.contains(char::is_whitespace)
}

/// Fewest words of a line that introduces the next with a colon ("Lee said in a statement:").
const INTRODUCING_MIN_WORDS: usize = 4;

/// A line of a few words or more that ends with a colon, opens with a capital, holds a verb of
/// speech or "following", and is no page chrome: it introduces the paragraph after it ("The
/// council said in a statement:"), where "More from the Harbour Times:" heads other stories.
fn introduces_next(line: &Line) -> bool {
    line.words >= INTRODUCING_MIN_WORDS
        && line.text.trim_end().ends_with(':')
        && line.text.trim_start().starts_with(char::is_uppercase)
        && line
            .lower
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w == "following" || is_in(&CUES, w))
        && !is_chrome_anywhere(line)
}

/// Shortest word two lines must share for one to go on with the other's matter.
const SHARED_WORD_LETTERS: usize = 4;

/// A short line that reads as the opening sentence of the article whose next line is `next`
/// ("The port closed on Monday." over "The harbour board said the port …"):
/// [`CLOSING_SENTENCE_WORDS`] words or more, ending in a full stop or an exclamation mark (no
/// question, no teaser's ellipsis), most of its words in lower case (not a headline in title
/// case), not set in brackets (an editor's note), speaking to no reader ("you"), no page chrome
/// or caption, and sharing a word of its matter with the next line.
fn opens_article_shortly(line: &Line, next: &Line) -> bool {
    let words: Vec<&str> = line.text.split_whitespace().collect();
    let capitalised = words
        .iter()
        .filter(|w| w.starts_with(char::is_uppercase))
        .count();
    let text = line.text.trim();
    let unquoted = text.trim_end_matches(['"', '”', '’', '\'']);
    let ended = (unquoted.ends_with('.') && !unquoted.ends_with("..")) || unquoted.ends_with('!');
    let matter = |l: &Line| -> HashSet<String> {
        l.lower
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= SHARED_WORD_LETTERS && !crate::terms::is_stopword(w))
            .map(str::to_string)
            .collect()
    };
    let addresses_reader = line
        .lower
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| matches!(w, "you" | "your"));
    line.words >= CLOSING_SENTENCE_WORDS
        && ended
        && !text.starts_with('(')
        && capitalised * 2 < words.len()
        && !addresses_reader
        && !is_chrome_anywhere(line)
        && !ends_with_photo_credit(line.text)
        && !matter(line).is_disjoint(&matter(next))
}

/// A bare credit line: one capitalised word naming an agency or outlet ("Bloomberg").
fn is_credit(line: &Line) -> bool {
    line.words == 1
        && line.text.split_whitespace().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase) && w.chars().all(char::is_alphabetic)
        })
}

/// True for a line of marks without a letter or a digit, three or more of them, that rules off
/// a section: "* * *", "------", "═══", "• • •".
fn is_rule_line(text: &str) -> bool {
    let marks = text.chars().filter(|c| !c.is_whitespace()).count();
    marks >= 3 && !text.chars().any(char::is_alphanumeric)
}

/// What a non-prose line between paragraphs of scraped text costs a run, in words of prose: a
/// teaser list's author and date lines outweigh its summaries; an article's sub-heading does not
/// outweigh its paragraphs.
const GAP_WORDS: f32 = 10.0;

/// Words of prose an article has before a heading over other stories may end it.
const MIN_ARTICLE_WORDS: usize = 100;

/// Lines after a heading over other stories that tell a list of stories from more paragraphs.
const LIST_LOOKAHEAD: usize = 16;

/// What a heading over other stories ("More from the Bugle") costs a run, in words of prose.
const HEADING_WORDS: f32 = 50.0;

/// The first and last prose lines of the run of lines in `from..=to` with the most weight:
/// prose counts for its words, any other non-blank line counts [`GAP_WORDS`] against.
fn densest_run(lines: &[Line], from: usize, to: usize) -> Option<(usize, usize)> {
    let weight = |i: usize| -> f32 {
        let l = &lines[i];
        // A rule line between sections is no more than a blank line.
        // Nor is a live blog's bare stamp between two entries.
        if l.text.trim().is_empty()
            || is_legal_notice(&l.lower)
            || is_rule_line(l.text)
            || is_clock_stamp(l.text)
        {
            0.0
        } else if l.is_prose() {
            l.words as f32
        } else if heads_other_stories(l) {
            -HEADING_WORDS
        } else {
            -GAP_WORDS
        }
    };
    let (mut best, mut best_span) = (0.0f32, None);
    let (mut sum, mut start) = (0.0f32, from);
    for i in from..=to.min(lines.len().saturating_sub(1)) {
        if sum <= 0.0 {
            sum = 0.0;
            start = i;
        }
        sum += weight(i);
        if sum > best {
            best = sum;
            best_span = Some((start, i));
        }
    }
    let (start, end) = best_span?;
    let first = (start..=end).find(|&i| lines[i].is_prose())?;
    let last = (start..=end).rev().find(|&i| lines[i].is_prose())?;
    Some((first, last))
}

/// Cleans `input`; `given_title` is a title known from metadata.
pub fn clean(input: &str, given_title: Option<&str>) -> Cleaned {
    clean_text(input, given_title, true)
}

/// Cleans `input`; `scraped` is true for text scraped with its page, false for text an HTML
/// extractor already took from the page's structure (which keeps its sub-headings).
pub fn clean_text(input: &str, given_title: Option<&str>, scraped: bool) -> Cleaned {
    let lines = split_lines(input);
    if lines.is_empty() {
        let (text, alignment) = AlignedBuilder::new().finish();
        return Cleaned {
            text,
            title: given_title.map(str::to_string),
            credit: None,
            stamped: None,
            byline: None,
            title_site: None,
            removed: Vec::new(),
            alignment,
        };
    }
    // A legal notice is never article text, so it never marks where the article starts or ends.
    let candidate = |i: usize| !is_legal_notice(&lines[i].lower);
    let prose: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].is_prose() && candidate(i))
        .collect();
    let (first, last) = match (prose.first(), prose.last()) {
        (Some(&f), Some(&l)) => (f, l),
        _ => {
            // No line reads as prose: fall back to sentence-like lines, then to everything.
            let weak: Vec<usize> = (0..lines.len())
                .filter(|&i| {
                    lines[i].words >= 5 && ends_like_sentence(lines[i].text) && candidate(i)
                })
                .collect();
            match (weak.first(), weak.last()) {
                (Some(&f), Some(&l)) => (f, l),
                _ => (0, lines.len().saturating_sub(1)),
            }
        }
    };
    // A comment section ends the article, however much prose follows it, once most of the
    // page's prose has been read (a "Comments" link near the top is not the section).
    // Prose words before each line, so that the words of any run of lines are one subtraction
    // (a page of many "Comments" links asks for many runs).
    let mut prose_before = Vec::with_capacity(lines.len() + 1);
    prose_before.push(0usize);
    for line in &lines {
        let words = if line.is_prose() { line.words } else { 0 };
        prose_before.push(prose_before.last().copied().unwrap_or(0) + words);
    }
    let prose_words = |from: usize, to: usize| prose_before[to].saturating_sub(prose_before[from]);
    let end = last.min(lines.len().saturating_sub(1));
    let total = prose_words(first, end + 1);
    // Two lines naming commenters after an opener confirm the section, however short the
    // article before it.
    let commenters: Vec<usize> = (first..=end)
        .filter(|&i| lines.get(i).is_some_and(is_commenter))
        .collect();
    let confirmed = |i: usize| commenters.iter().filter(|&&c| c >= i).count() >= 2;
    // So does a heading over other stories when what follows it is a list of stories rather
    // than more of the article: no two paragraphs in a row ("Related articles" boxes inside an
    // article are followed by the article's next paragraphs).
    let list_follows = |i: usize| {
        let next: Vec<bool> = lines[i + 1..]
            .iter()
            .filter(|l| !l.text.trim().is_empty())
            .take(LIST_LOOKAHEAD)
            .map(|l| l.is_prose())
            .collect();
        !next.windows(2).any(|w| w[0] && w[1])
    };
    let stories_heading = |i: usize| {
        heads_other_stories(&lines[i])
            && prose_words(first, i) >= MIN_ARTICLE_WORDS
            && list_follows(i)
    };
    let cut = (first..=end).find(|&i| {
        i > first
            && ((opens_comments(&lines[i]) && (prose_words(first, i) * 2 >= total || confirmed(i)))
                || stories_heading(i))
    });
    // Extracted HTML keeps its own bounds but for a list of other stories at its end.
    let html_end = (0..lines.len())
        .find(|&i| i > first && stories_heading(i))
        .map_or(lines.len().saturating_sub(1), |c| c - 1);
    let last = cut.map_or(last, |c| {
        (first..c)
            .rev()
            .find(|&i| lines[i].is_prose())
            .unwrap_or(first)
    });
    // Scraped text holds other stories' teasers too: the article is the densest run of prose,
    // where every line between two paragraphs that is not prose counts against the run.
    let (first, last) = if scraped && first < last {
        densest_run(&lines, first, last).unwrap_or((first, last))
    } else {
        (first, last)
    };
    // A page's title opens its scraped text, and the page shows it again as its headline right
    // above the article: what comes before that headline is the page's chrome, however much of
    // it reads as prose (other stories' teasers, a menu's promos).
    // Each line's fingerprint, computed once for the headline's repeat and the repeats below.
    let prints: Vec<Option<u128>> = lines.iter().map(|l| fingerprint(l.text)).collect();
    let headline_at = if scraped {
        page_headline_repeated(&lines, &prints, first, last)
    } else {
        None
    };
    let first = match headline_at {
        Some(h) if h >= first => (h + 1..=last)
            .find(|&i| lines[i].is_prose())
            .unwrap_or(first),
        _ => first,
    };
    let standfirst = headline_at.and_then(|h| standfirst_after(&lines, h));
    // A live blog's bare stamps head its entries, however short: the article runs from the
    // first stamped entry to the last.
    let (first, last) = match live_entries(&lines) {
        // A comment section's stamps ("Jane Roe / 2:14 PM / …") are no blog's.
        Some((f, l)) if cut.is_none_or(|c| l < c) => (first.min(f), last.max(l)),
        _ => (first, last),
    };
    // A dateline opens the article, however short the sentence after it ("NORVIK (AP) - The
    // port reopened on Monday."), a few lines above the first long one.
    let first = (first.saturating_sub(DATELINE_LINES_ABOVE)..first)
        .find(|&i| {
            lines[i].words >= CLOSING_SENTENCE_WORDS
                && ends_like_sentence(lines[i].text)
                && opens_with_dateline(lines[i].text)
        })
        .unwrap_or(first);
    // A line that introduces the article's first paragraph with a colon ("The mayor said in a
    // statement:") is the article's too.
    let mut first = first;
    while first > 0 && introduces_next(&lines[first - 1]) {
        first -= 1;
    }
    // Short sentences right before the first long one open the article too ("The port closed
    // on Monday."), as short ones after the last close it, down from the page's headline. A
    // dateline opens the article: nothing above it is the article's. The page's first line is
    // its title, however it ends.
    while first > 1
        && headline_at.is_none_or(|h| first - 1 > h)
        && !opens_with_dateline(lines[first].text)
        && opens_article_shortly(&lines[first - 1], &lines[first])
    {
        first -= 1;
    }
    // Short sentences right after the last long one still belong to the article ("The library
    // opens daily, officials said."); the article ends at the first line that is not a sentence.
    let mut last = last;
    while last + 1 < lines.len()
        && (lines[last + 1].words >= CLOSING_SENTENCE_WORDS
            || is_attributed_quotation(lines[last + 1].text))
        && ends_like_sentence(lines[last + 1].text)
    {
        last += 1;
    }
    // An embedded post closing the article, its words ending in its link, is signed on the
    // line after them ("— Name (@handle) Date"): the signature is the article's too, so that
    // the post keeps its author.
    if let Some(signature) = signature_after(&lines, last)
        .filter(|_| crate::posts::words_before_closing_link(lines[last].text).is_some())
    {
        last = signature;
    }

    // A list that a line of the article introduces with a colon is the article's, its items
    // however short, and the article runs to its end.
    let mut kept_as_article = vec![false; lines.len()];
    let mut i = first;
    while i <= last {
        let items = list_after(&lines, i, cut.unwrap_or(lines.len()));
        for j in items.clone() {
            kept_as_article[j] = true;
        }
        last = last.max(items.end.saturating_sub(1));
        i = items.end.max(i + 1);
    }
    // So are an interview's questions and answers, however short ("Q: Favourite food?"), and
    // the article runs to its last turn.
    let turns = |mark: char| {
        (first..=last)
            .filter(|&i| interview_turn(lines[i].text) == Some(mark))
            .count()
    };
    if turns('Q') >= MIN_INTERVIEW_TURNS && turns('A') >= MIN_INTERVIEW_TURNS {
        // The interview runs on past the last long answer while its turns go on.
        while last + 1 < lines.len() && interview_turn(lines[last + 1].text).is_some() {
            last += 1;
        }
        for i in first..=last {
            kept_as_article[i] |= interview_turn(lines[i].text).is_some();
        }
    }

    // Text an HTML extractor took from the page's structure has its bounds already: lines
    // before the first sentence and after the last (sub-headings, lists, credits) stay.
    let (first, last) = if scraped {
        (first, last)
    } else {
        (0, html_end)
    };

    let found_title = if given_title.is_none() {
        headline_before(&lines, first, last)
    } else {
        None
    };
    let title = given_title
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .or_else(|| found_title.map(str::to_string));
    let title_print = title.as_deref().and_then(fingerprint);

    let mut removed = Vec::new();
    let mut credit = None;
    let mut stamped = None;
    let mut stamped_labelled = None;
    let mut seen: HashSet<Option<u128>> = HashSet::new();
    let mut title_seen = false;
    let mut out = AlignedBuilder::new();
    for (i, line) in lines.iter().enumerate() {
        let print = prints[i];
        // A live blog's entry inside the article is the outlet's text, whatever source it ends
        // with in parentheses.
        // "— Ann Lee, port chief" under a quotation signs it: it is the article's.
        let signs_quotation = i > first
            && i <= last + 1
            && crate::posts::quotation_signature(line.text).is_some()
            && crate::posts::whole_quotation(lines[i - 1].text).is_some();
        let date_stamp = line.words <= DATE_STAMP_WORDS && is_date_stamp(line.text);
        if date_stamp && i < first {
            // "Published …" dates the page; a bare date above it may be the day's masthead.
            let labelled = DATE_STAMP_NAMES.iter().any(|n| line.lower.contains(n));
            let date = || crate::date::in_stamp(line.text);
            if labelled && stamped_labelled.is_none() {
                stamped_labelled = date();
            } else if !labelled && stamped.is_none() {
                stamped = date();
            }
        }
        let reason = if signs_quotation {
            None
        } else if standfirst == Some(i) {
            Some(RemovalReason::Standfirst)
        } else if is_rule_line(line.text) {
            Some(RemovalReason::RuleLine)
        } else if is_bare_photo_credit(line.text) {
            Some(RemovalReason::Caption)
        } else if is_legal_notice(&line.lower)
            || is_reader_chrome(line.text)
            || is_contributor_credit(&line.lower)
            || is_widget_label(&line.lower)
            || is_release_label(&line.lower)
            || is_contact_line(&line.lower)
            || is_author_note(&line.lower)
            || (date_stamp && !between_paragraphs(&lines, i))
            || is_clock_stamp(line.text)
        {
            Some(RemovalReason::PageChrome)
        } else if is_live_blog_entry(line.text)
            && i >= first
            && i <= last
            && !is_media_chrome(&line.lower)
            && !(line.words >= REPEAT_MIN_WORDS && seen.contains(&print))
        {
            None
        } else if first < last && (is_caption(&line.lower) || captioned_by_next_line(&lines, i)) {
            // (An article of one line that opens with a caption is the caption run into it.)
            Some(RemovalReason::Caption)
        } else if first < last
            && line.words <= CAPTION_MAX_WORDS
            && ends_with_photo_credit(line.text)
        {
            Some(RemovalReason::Caption)
        } else if is_media_chrome(&line.lower) || is_newscast_name(line.text) {
            Some(RemovalReason::MediaChrome)
        } else if title_print.is_some()
            && (print == title_print
                // The headline found under a label or over the outlet's name is that line.
                || (i < first
                    && fingerprint(without_outlet_suffix(without_news_label(line.text)))
                        == title_print))
        {
            let r = if title_seen || given_title.is_some() && i > first {
                RemovalReason::RepeatedHeadline
            } else {
                RemovalReason::Headline
            };
            title_seen = true;
            Some(r)
        } else if line.words >= REPEAT_MIN_WORDS && seen.contains(&print) {
            Some(RemovalReason::RepeatedParagraph)
        } else if kept_as_article[i] {
            None
        } else if i < first {
            if i == 0 && credit.is_none() && is_credit(line) {
                credit = Some(line.text.to_string());
                Some(RemovalReason::SourceCredit)
            } else if line.is_prose() && headline_at.is_none_or(|h| i > h) {
                None
            } else {
                Some(RemovalReason::PageChrome)
            }
        } else if i > last {
            Some(RemovalReason::TrailingChrome)
        } else if is_subheading(&lines, i) {
            None
        } else if (is_related_link(line) || (scraped && is_stray_headline(line)))
            // An embedded post is not a headline, however short its words, nor is its
            // signature, the words it signs on the next line, or a signed quotation.
            && crate::posts::post(line.text).is_none()
            && crate::posts::signature(line.text).is_none()
            && crate::posts::signed_quotation(line.text).is_none()
            && !signed_on_next_line(&lines, i)
        {
            Some(RemovalReason::RelatedLink)
        } else if scraped
            && line.words <= SHORT_LINE_WORDS
            && !ends_like_sentence(line.text)
            && !signed_on_next_line(&lines, i)
            && crate::posts::signed_quotation(line.text).is_none()
        {
            Some(RemovalReason::PageChrome)
        } else {
            None
        };
        match reason {
            Some(reason) => removed.push(Removal {
                text: line.text.to_string(),
                reason,
                span: Span::clamped(line.start, line.end),
            }),
            None => {
                if line.words >= REPEAT_MIN_WORDS {
                    seen.insert(print);
                }
                if !out.text().is_empty() {
                    out.insert(line.start, "\n\n");
                }
                out.copy(input, line.start, line.end);
            }
        }
    }
    let (text, alignment) = out.finish();
    let byline = lines.iter().take(first).find_map(|l| byline_names(l.text));
    // Read only when the page gives no title and the first line is the title found; a
    // section ("| Sport"), a place ("- Kessel") or the byline's writer is no site.
    let title_site = match (given_title, &title, lines.first()) {
        (None, Some(found), Some(line)) => match split_outlet_suffix(line.text) {
            (headline, Some(site)) if headline == found.as_str() => Some(site),
            _ => None,
        },
        _ => None,
    }
    .filter(|site| {
        let lower = site.to_lowercase();
        !lower.split_whitespace().all(|w| is_in(&SECTION_WORDS, w))
            && crate::lexicon::place_country(site).is_none()
            && byline.as_deref().is_none_or(|names| !names.contains(site))
    })
    .map(str::to_string);
    Cleaned {
        text,
        title,
        credit,
        stamped: stamped_labelled.or(stamped),
        byline,
        title_site,
        removed,
        alignment,
    }
}

/// The words after a byline's opening "By " (or "by ", "BY ").
fn after_by(line: &str) -> Option<&str> {
    ["By ", "by ", "BY "]
        .iter()
        .find_map(|by| line.strip_prefix(by))
}

/// Most words of the names a byline gives.
const MAX_BYLINE_NAME_WORDS: usize = 8;

/// The names of a byline line ("By Ann Lee, Norvik Wire", "BY ANN LEE | Staff" and "By Ann
/// Lee/Norvik Wire" give "ANN LEE" or "Ann Lee"; "By Ann Lee and Tom Brandt" both): the words
/// after "By" up to a comma, a bar, a slash or a dash, less a role after them that the news
/// writes in lower case ("By Ann Lee Business Columnist"), each capitalised but "and", at most
/// [`MAX_BYLINE_NAME_WORDS`].
fn byline_names(text: &str) -> Option<String> {
    let rest = after_by(text.trim())?.trim_start();
    let end = rest
        .find([',', '|', '/', '–', '—', '('])
        .unwrap_or(rest.len());
    let end = rest.find(" - ").map_or(end, |d| d.min(end));
    let mut words: Vec<&str> = rest.get(..end)?.split_whitespace().collect();
    while words.len() > 1
        && words
            .last()
            .is_some_and(|w| crate::lower_case::nearly_always_lower_case(&w.to_lowercase()))
    {
        words.pop();
    }
    let names = words.join(" ");
    let named = !words.is_empty()
        && words.len() <= MAX_BYLINE_NAME_WORDS
        && words
            .iter()
            .all(|w| *w == "and" || w.starts_with(char::is_uppercase));
    named.then_some(names)
}

fn split_lines(input: &str) -> Vec<Line<'_>> {
    let mut lines = Vec::new();
    let mut offset = 0;
    for raw in input.split_inclusive(['\n', '\r']) {
        let trimmed_start = raw.len() - raw.trim_start().len();
        let text = raw.trim();
        if !text.is_empty() {
            let start = offset + trimmed_start;
            lines.push(Line {
                start,
                end: start + text.len(),
                text,
                lower: text.to_lowercase(),
                words: word_count(text),
                prose: std::cell::OnceCell::new(),
            });
        }
        offset += raw.len();
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_fingerprint_ignores_case_spacing_and_punctuation_in_any_alphabet() {
        let same = |a: &str, b: &str| fingerprint(a) == fingerprint(b);
        assert!(same(
            "Storm closes the Harbour road",
            "storm  closes the harbour-road!"
        ));
        assert!(!same(
            "Storm closes the Harbour road",
            "Storm closes the Harbour"
        ));
        assert!(!same("ab c", "a bc"), "words keep their bounds");
        // An ASCII line and one that lower-cases to it (the Kelvin sign is a "k").
        assert!(same("Kiln opens", "\u{212A}iln opens"));
        assert!(same("Café reopens", "CAFÉ REOPENS"));
        assert_eq!(fingerprint(" -- "), None);
        // A Thue–Morse line and its complement, which collide under a multiplicative hash.
        let thue_morse = |flip: bool| {
            (0..1024u32)
                .map(|i| {
                    if (i.count_ones() % 2 == 1) != flip {
                        "b"
                    } else {
                        "a"
                    }
                })
                .collect::<Vec<_>>()
                .join(" ")
        };
        assert!(!same(&thue_morse(false), &thue_morse(true)));
    }

    const BODY: &str = "The city council approved the budget on Tuesday after a long debate about schools and roads.";

    #[test]
    fn a_live_blog_keeps_its_short_stamped_entries_and_drops_the_stamps() {
        let page = "Harbour Evening Post\n\
                    LIVE: Council approves the budget for roads\n\
                    Updated 4:20 PM, Monday, March 2, 2026\n\
                    4:20 PM\n\
                    The council has voted to approve the budget, 7 to 2, after a debate of three hours.\n\
                    3:55 PM\n\
                    The mayor has left the chamber, aides said.\n\
                    3:10 PM\n\
                    Two members walked out during the vote on roads.\n\
                    2:30 PM\n\
                    Protesters have gathered outside the hall before the debate, and more are arriving by bus from the port.\n";
        let cleaned = clean(page, None);
        for entry in ["The mayor has left", "Two members walked out", "7 to 2"] {
            assert!(cleaned.text.contains(entry), "{entry}: {}", cleaned.text);
        }
        for stamp in ["4:20 PM", "3:55 PM", "3:10 PM"] {
            assert!(!cleaned.text.contains(stamp), "{stamp}: {}", cleaned.text);
        }
        assert_eq!(
            cleaned.title.as_deref(),
            Some("Council approves the budget for roads")
        );
        let headline = cleaned
            .removed
            .iter()
            .find(|r| r.text.starts_with("LIVE"))
            .map(|r| r.reason);
        assert_eq!(headline, Some(RemovalReason::Headline));
        assert_eq!(
            cleaned.stamped.map(crate::date::iso).as_deref(),
            Some("2026-03-02")
        );
    }

    #[test]
    fn a_dateline_opens_the_article_however_short_its_sentence() {
        let page = format!(
            "Harbour news from the coast.\nKESSEL (Harbour Wire) - The ferry pier reopened on Monday.\n{BODY}\n"
        );
        let cleaned = clean(&page, None);
        assert!(
            cleaned
                .text
                .starts_with("KESSEL (Harbour Wire) - The ferry pier"),
            "{}",
            cleaned.text
        );
    }

    #[test]
    fn a_post_signed_on_the_next_line_is_read_by_its_words() {
        let page = format!(
            "{BODY}\nDivers found deep cracks in two of the bridge's piers during their survey \
             this week. pic.twitter.com/q7Rb2\n— Sund Diving Club (@SundDivers) March 2, 2026\n\
             Shop owners on the quay said they expected far fewer visitors during the works.\n"
        );
        let cleaned = clean(&page, None);
        assert!(cleaned.text.contains("deep cracks"), "{}", cleaned.text);
        assert!(cleaned.text.contains("Shop owners"), "{}", cleaned.text);
    }

    #[test]
    fn a_video_label_over_a_page_without_headline_labels_its_report() {
        let page = format!(
            "Harbour TV News\n\nWATCH: Ferry pier closed after crack found in pilings\n\n\
             {BODY}\n\nDivers found the crack in the pier's pilings on Monday, and the ferry \
             company moved its sailings to the north quay.\n\n{ARTICLE_TAIL}"
        );
        let cleaned = clean(&page, None);
        assert_eq!(
            cleaned.title.as_deref(),
            Some("Ferry pier closed after crack found in pilings")
        );
        assert!(!cleaned.text.contains("WATCH"), "{}", cleaned.text);
        // A headline of the page's own is the title, the video's label no headline.
        let page = format!(
            "Pier crack closes ferry route\n\nWATCH: Ferry pier closed after crack found in \
             pilings\n\n{BODY}\n\nDivers found the crack in the pier's pilings on Monday, and \
             the ferry route closed.\n\n{ARTICLE_TAIL}"
        );
        let cleaned = clean(&page, None);
        assert_eq!(
            cleaned.title.as_deref(),
            Some("Pier crack closes ferry route")
        );
    }

    #[test]
    fn a_post_closing_the_article_keeps_its_signature() {
        let post = "The quay will reopen once the divers are done. Thanks for your patience! \
                    pic.twitter.com/q7Rb2";
        let signature = "— Kessel Harbour (@KesselHarbour) March 2, 2026";
        let page = format!("{BODY}\n\n{post}\n\n{signature}\n\nShare this story: Email\n");
        let cleaned = clean(&page, None);
        assert!(cleaned.text.contains(signature), "{}", cleaned.text);
        assert!(!cleaned.text.contains("Share this"), "{}", cleaned.text);
        // Without a link closing them, the words above are no embedded post.
        let paragraph = "The quay will reopen once the divers are done, the harbour master said.";
        let page = format!("{BODY}\n\n{paragraph}\n\n{signature}\n");
        let cleaned = clean(&page, None);
        assert!(!cleaned.text.contains(signature), "{}", cleaned.text);
    }

    #[test]
    fn two_stamps_or_a_comment_section_s_stamps_make_no_live_blog() {
        let two = format!(
            "{BODY}\n{BODY} Again.\nMore videos\n1:41\nCan the Gulls win away again this week?\n\
             18:08\nWhat went wrong for the Rovers on Saturday?\n"
        );
        let cleaned = clean(&two, None);
        assert!(!cleaned.text.contains("Rovers"), "{}", cleaned.text);
        let comments = format!(
            "{BODY}\n{BODY} Again.\n12 Comments\nJane Roe\n2:14 PM\nThe council should have \
             fixed these roads years ago.\nTom Brandt\n2:30 PM\nThe roads were fine until the \
             trucks came.\nAnn Lee\n3:05 PM\nWho pays for all of this in the end anyway?\n"
        );
        let cleaned = clean(&comments, None);
        assert!(!cleaned.text.contains("trucks came"), "{}", cleaned.text);
    }

    #[test]
    fn a_label_before_a_dash_is_no_dateline() {
        let page = format!(
            "Harbour news from the coast.\nWATCH - Divers inspect the bridge piers.\n{BODY}\n"
        );
        let cleaned = clean(&page, None);
        assert!(!cleaned.text.contains("WATCH"), "{}", cleaned.text);
    }

    #[test]
    fn a_list_of_video_lengths_is_no_live_blog() {
        // Times that do not run one way through the day are lengths, not a blog's stamps.
        let page = format!(
            "Harbour Sports\n{BODY}\n{BODY} Again.\nMore videos\n1:41\nCan the Gulls win away again?\n\
             18:08\nWhat went wrong for the Rovers?\n5:56\nIs the coach about to leave the club?\n"
        );
        let cleaned = clean(&page, None);
        assert!(!cleaned.text.contains("Rovers"), "{}", cleaned.text);
        assert!(cleaned.text.contains("Again."), "{}", cleaned.text);
    }

    #[test]
    fn a_live_blog_keeps_its_entries() {
        let entries = [
            "7:13 P.M. Ferry crews reach the flooded valley and begin moving families out (Ida Moss)",
            "6:58 p.m. Power is cut to the lower town (Harbour Gazette)",
            "6:40 The river rises past the old bridge marker.",
        ];
        let page = format!(
            "{BODY}\n\n{}\n\n{}\n\n{}\n\n{BODY} Again.",
            entries[0], entries[1], entries[2]
        );
        let c = clean(&page, None);
        for kept in entries {
            assert!(c.text.contains(kept), "{kept} not in {}", c.text);
        }
        assert!(!is_live_blog_entry("15:23 2019"));
        assert_eq!(clock_stamp_len("11:24 A.M. Sirens sound"), Some(10));
        assert_eq!(clock_stamp_len("9:05"), Some(4));
        assert_eq!(clock_stamp_len("9:05pm update"), None);
        assert_eq!(clock_stamp_len("The 9:05 train"), None);
        assert_eq!(clock_stamp_len("2024:11 records"), None);
        assert_eq!(clock_stamp_len("99:99 records"), None);
        assert_eq!(clock_stamp_len("23:59 last call"), Some(5));
    }

    /// Paragraphs that follow [`BODY`] in the test pages of a whole article: a hundred words
    /// and more of prose.
    const ARTICLE_TAIL: &str = "The vote was seven to two, and the new budget takes effect in April after a final reading.\n\nTwo members who voted against it said the plan leaves too little for the harbour and the ferry.\n\nCouncil members said the school repairs would start first, with the roof of the north school and the heating of the old gym at the top of the list.\n\nThe road works follow in the summer, when the buses run less often and the crews can close one lane at a time without long queues.\n\nCouncil members said the school repairs would start first.";

    /// A scraped page: its title, a menu, other stories' teasers that read as sentences, the
    /// title again as the headline, a date line, then the article.
    fn page_with_teasers(title: &str, headline: &str) -> String {
        let teasers = [
            "Ferry Fares Rise Again Commuters on the island route will pay more from March, the operator said in a notice to passengers.",
            "Bakery Wins Regional Prize A family bakery in the old town took first place for its rye bread at the county fair on Sunday.",
        ];
        format!(
            "{title}\n\nMenu\n\nWeather\n\n{}\n\n{}\n\nLocal News\n\n{headline}\n\nMarch 3, 2031 at 8:10 am\n\n{BODY}\n\n{}",
            teasers[0], teasers[1], ARTICLE_TAIL
        )
    }

    #[test]
    fn a_byline_above_the_article_gives_its_author() {
        let body = "The jury found the former port chief guilty on three counts after a trial \
                    of two weeks in the Kessel court.\n";
        for (byline, author) in [
            ("By Lina Vass, Norvik Wire", Some("Lina Vass")),
            ("BY LINA VASS | Staff", Some("LINA VASS")),
            ("By Lina Vass/Norvik Wire", Some("Lina Vass")),
            (
                "By Lina Vass and Tom Brandt",
                Some("Lina Vass and Tom Brandt"),
            ),
            ("By Lina Vass Business Columnist", Some("Lina Vass")),
            ("By the time the jury returned, the port was empty", None),
        ] {
            let page = format!("Port chief convicted of bribery\n\n{byline}\n\n{body}");
            let c = clean(&page, None);
            assert_eq!(c.byline.as_deref(), author, "{byline}");
        }
    }

    #[test]
    fn a_short_opening_sentence_is_the_article_s_and_a_short_line_of_chrome_is_not() {
        let body = "The jury found the former port chief guilty on three counts after a trial \
                    of two weeks in the Kessel court.\n\nHe will appeal, his lawyer said on \
                    Friday after the hearing in the city.\n";
        let page = |above: &str| {
            format!("Kessel Courier\n\nPort chief convicted of bribery\n\n{above}\n\n{body}")
        };
        let opening = "A jury convicted the former port chief on Thursday.";
        let c = clean(&page(opening), None);
        assert!(c.text.starts_with(opening), "{}", c.text);
        for chrome in [
            "Two port chiefs were convicted of bribery in the court...",
            "Why was the port chief convicted on Thursday?",
            "(This story was updated with the port chief's sentence.)",
            "Thank you for reading about the port chief.",
            "Sorry, we could not find that page on our site.",
        ] {
            let c = clean(&page(chrome), None);
            assert!(c.text.starts_with("The jury"), "{chrome}: {}", c.text);
        }
    }

    #[test]
    fn prose_before_the_repeated_page_title_is_page_chrome() {
        let title = "Council Approves Budget After Long Debate - Norvik Gazette";
        let page = page_with_teasers(title, "Council Approves Budget After Long Debate");
        let c = clean(&page, None);
        assert!(c.text.starts_with(BODY), "{}", c.text);
        assert!(
            !c.text.contains("Bakery") && !c.text.contains("Ferry"),
            "{}",
            c.text
        );
        assert!(c.text.contains("school repairs"), "{}", c.text);
        // The title with its outlet's name recurs whole on some pages.
        let c = clean(&page_with_teasers(title, title), None);
        assert!(c.text.starts_with(BODY), "{}", c.text);
        // Without the repeat, the teasers read as prose before the article and stay.
        let c = clean(&page_with_teasers(title, "Local"), None);
        assert!(c.text.contains("Bakery"), "{}", c.text);
        // A title repeated in a list of stories after the article opens no article.
        let page = format!(
            "{title}\n\n{BODY}\n\nThe vote was seven to two, and the new budget takes effect in April after a final reading.\n\nCouncil Approves Budget After Long Debate\n\nA heron nested on the town hall roof this spring, and volunteers counted four eggs."
        );
        let c = clean(&page, None);
        assert!(c.text.starts_with(BODY), "{}", c.text);
    }

    #[test]
    fn a_first_line_that_is_a_date_or_a_paragraph_is_no_page_title() {
        // A body pasted twice repeats its first paragraph; nothing before it is chrome.
        let lead =
            "The harbour board voted on Monday to close the north pier for repairs until June.";
        // (A hundred words of prose after the repeat, so that only the title's own tests
        // keep the first copy.)
        let page = format!("{lead}\n\n{BODY}\n\n{lead}\n\n{ARTICLE_TAIL}");
        let c = clean(&page, None);
        assert!(c.text.starts_with(lead), "{}", c.text);
        // A date opening the page and a second story's date line below.
        let date = "Tuesday, March 4, 2031";
        let page = format!("{date}\n\n{BODY}\n\n{lead}\n\n{date}\n\n{ARTICLE_TAIL}");
        let c = clean(&page, None);
        assert!(c.text.starts_with(BODY), "{}", c.text);
        assert!(c.text.contains(lead), "{}", c.text);
    }

    #[test]
    fn a_credit_line_marks_the_caption_above_it() {
        let caption = "Workers lift the new lock gate into place at the north pier.";
        let credit = "(Image credit: Port Ellis Authority)";
        let paragraph =
            "The gate weighs forty tonnes. It replaces one that stood for ninety years.";
        let intro = "This is how the pier looked before the storm:";
        let page = format!(
            "{BODY}\n\n{caption}\n\n{credit}\n\n{paragraph}\n\nPhoto: Ann Lee, Norvik Gazette\n\n{intro}\n\nImage: Tom Brandt\n\n{ARTICLE_TAIL}"
        );
        let c = clean(&page, None);
        for gone in [caption, credit, "Photo: Ann Lee", "Image: Tom Brandt"] {
            assert!(!c.text.contains(gone), "{gone} in {}", c.text);
        }
        // A paragraph of two sentences above a credit, and a line introducing a picture.
        assert!(c.text.contains(paragraph), "{}", c.text);
        assert!(c.text.contains(intro), "{}", c.text);
        // A one-sentence paragraph that reports speech above an uncaptioned picture's credit.
        let reported = "The council voted seven to two to approve the budget, the mayor said.";
        let page = format!("{BODY}\n\n{reported}\n\nPhoto: Ann Lee\n\n{ARTICLE_TAIL}");
        let c = clean(&page, None);
        assert!(c.text.contains(reported), "{}", c.text);
        // An article's lead opening with a dateline, above a picture's credit.
        let lead = "KESSEL - Two ferries collided in the outer harbour on Sunday night.";
        let page = format!("{lead}\n\n(Photo: Ann Lee/Norvik Gazette)\n\n{BODY}\n\n{ARTICLE_TAIL}");
        let c = clean(&page, None);
        assert!(c.text.contains(lead), "{}", c.text);
        assert!(is_picture_credit_line("Photo: Jane Roe/Norvik Wire"));
        assert!(!is_picture_credit_line(
            "(Photo courtesy of the Port of Norvik)"
        ));
        assert!(is_picture_credit_line(
            "Image: courtesy of the Port of Norvik"
        ));
        assert!(!is_picture_credit_line(
            "Photos: the harbour through the years"
        ));
        // A credit line that is itself a caption leaves the paragraph above it in the article.
        let lead = "Crews worked through the night to clear the flooded road near the pier.";
        let captioned = "Photo: A crane lifts a car from the water. (Ann Lee/Norvik Gazette)";
        let page = format!("{lead}\n\n{captioned}\n\n{BODY}\n\n{ARTICLE_TAIL}");
        let c = clean(&page, None);
        assert!(c.text.contains(lead), "{}", c.text);
        assert!(!c.text.contains("A crane lifts"), "{}", c.text);
    }

    #[test]
    fn an_authors_note_is_chrome_and_a_number_to_call_in_the_story_is_not() {
        let notes = [
            "Nora Marsh, who wrote this series, can be reached at nora@example.com.",
            "Tom Brandt writes about the ferries every week; follow him @tombrandt.",
            "Follow the harbour desk's Nora Marsh as @noramarsh for the tide tables.",
            "To reach Tom Brandt about this story, write to tom@example.com.",
            "Spotted a mistake or have a tip about the harbour? Let us know at desk@example.com.",
        ];
        let hotline =
            "Anyone who saw the boat leave should contact the harbour police at 555-010-4455.";
        for sentence in [
            "Ridership is expected to reach two million in 2031-2032, the operator said.",
            "Anyone trying to reach the harbour office can call 555-010-4455.",
            "The pier is meant to reach users of both ferries, ann@example.com wrote.",
        ] {
            assert!(!is_author_note(&sentence.to_lowercase()), "{sentence}");
        }
        let page = format!(
            "{BODY}\n\n{hotline}\n\n{ARTICLE_TAIL}\n\n{}\n\n{}\n\n{}\n\n{}\n\n{}",
            notes[0], notes[1], notes[2], notes[3], notes[4]
        );
        let c = clean(&page, None);
        for note in notes {
            assert!(!c.text.contains(note), "{note} in {}", c.text);
        }
        assert!(c.text.contains(hotline), "{}", c.text);
    }

    #[test]
    fn the_summary_between_headline_and_byline_is_a_standfirst() {
        let title = "Council Approves Budget After Long Debate - Norvik Gazette";
        let headline = "Council Approves Budget After Long Debate";
        let summary =
            "Schools come first in a plan that took the council three months to agree on.";
        let page = format!(
            "{title}\n\nMenu\n\n{headline}\n\n{summary}\n\nBy Nora Marsh\n\nMarch 3, 2031\n\n{BODY}\n\n{ARTICLE_TAIL}"
        );
        let c = clean(&page, None);
        assert!(c.text.starts_with(BODY), "{}", c.text);
        assert!(c
            .removed
            .iter()
            .any(|r| r.text == summary && r.reason == RemovalReason::Standfirst));
        // A first paragraph after the byline stays, however short.
        let page = format!(
            "{title}\n\nMenu\n\n{headline}\n\nBy Nora Marsh\n\nMarch 3, 2031\n\n{summary}\n\n{BODY}\n\n{ARTICLE_TAIL}"
        );
        let c = clean(&page, None);
        assert!(c.text.starts_with(summary), "{}", c.text);
        // A byline after the standfirst is no sub-heading of the article.
        let page = format!(
            "{title}\n\nMenu\n\n{headline}\n\n{summary}\n\nAuthor: Nora Marsh\n\n{BODY}\n\n{ARTICLE_TAIL}"
        );
        let c = clean(&page, None);
        assert!(!c.text.contains("Nora Marsh"), "{}", c.text);
        assert!(is_byline_line("BY NORA MARSH") && is_byline_line("By"));
        assert!(!is_byline_line("by the harbour"));
    }

    #[test]
    fn a_promo_to_watch_or_listen_is_media_chrome_and_a_sentence_is_not() {
        for promo in [
            "watch the harbour bulletin at six, with more at example.com.",
            "listen to the tide report each morning, or hear it again here.",
            "watch the anchor come up from the seabed here.",
            "download the tide tables podcast wherever you listen.",
        ] {
            assert!(is_media_chrome(promo), "{promo}");
        }
        for promo in [
            "norvik tv's paul berg reports at 11.",
            "ann lee has more tonight at 6 p.m. on harbour tv.",
            "harbour tv's tom brandt has the story at 5:30.",
            "norvik radio has more at 6.",
            "listen to the full report on norvik radio at 6.",
            "hear the full interview on the harbour hour podcast.",
        ] {
            assert!(is_media_chrome(promo), "{promo}");
        }
        for kept in [
            "the council reports at its next meeting on the ferry fares.",
            "the harbour master reports at 6 each morning.",
            "the jury reports at 9 a.m. on monday.",
            "the evening news reports at 6 on the tides, with a map of each bay.",
            "tom brandt has the story at 5:30.",
            "the harbour master reports at 6 each morning to the quay, where crews wait for \
             orders and the first boats go out before the tide turns and the light comes up.",
            "watch crews worked through the night to mend the sea wall.",
            "download it here so you can follow the steps below:",
            "listeners wrote in to ask about the ferry fares.",
            "listen to the fullness of the choir, the conductor told the crowd.",
            "stream levels here rose two feet overnight, the weather service said.",
            "watch parties drew fans, who cheered live as the results came in.",
        ] {
            assert!(!is_media_chrome(kept), "{kept}");
        }
    }

    #[test]
    fn a_list_the_article_introduces_with_a_colon_is_kept_to_its_end() {
        let stops = [
            "May 14 -- North Quay, Port Ellis",
            "May 20 -- Old Harbour Pier, Norvik",
            "1) The island ferry, twice a day",
            "https://example.com/timetable",
            "Tuesday: North Quay, Port Ellis",
        ];
        let page = format!(
            "{BODY}\n\n{ARTICLE_TAIL}\n\nThe summer boat will call at these ports on its first run:\n\n{}\n\n{}\n\n{}\n\n{}\n\n{}\n\nFacebook\n\nTwitter\n\nMost popular stories this week",
            stops[0], stops[1], stops[2], stops[3], stops[4]
        );
        let c = clean(&page, None);
        for stop in stops {
            assert!(c.text.contains(stop), "{stop} not in {}", c.text);
        }
        for gone in ["Facebook", "Twitter", "Most popular"] {
            assert!(!c.text.contains(gone), "{gone} in {}", c.text);
        }
        // A heading over other stories introduces no list of the article's, and a related
        // link ends one.
        let page = format!(
            "{BODY}\n\n{ARTICLE_TAIL}\n\nRelated coverage from the harbour desk this week:\n\nFerry Fares Rise Again For Island Commuters\n\nNew Lighthouse Keeper Named After Long Search"
        );
        let c = clean(&page, None);
        assert!(!c.text.contains("Lighthouse"), "{}", c.text);
        let page = format!(
            "{BODY}\n\n{ARTICLE_TAIL}\n\nThe summer boat will call at these ports on its first run:\n\n{}\n\nRelated: Ferry Fares Rise Again For Island Commuters\n\n{}",
            stops[0], stops[1]
        );
        let c = clean(&page, None);
        assert!(c.text.contains(stops[0]), "{}", c.text);
        assert!(!c.text.contains("Fares Rise"), "{}", c.text);
    }

    #[test]
    fn a_subheading_between_paragraphs_stays_and_a_credit_or_a_pointer_does_not() {
        let second = "The crews worked through the night and the road opened again before the first bus of the morning.";
        for (line, kept) in [
            ("Divers reach the wreck", true),
            ("WHAT COMES NEXT", true),
            ("Jane Roe/Norvik Gazette", false),
            ("Courtesy of the harbour museum", false),
            ("View all photos (14)", false),
            ("(WATCH: the storm hits the pier)", false),
            ("Click here for the harbour app", false),
            ("Story continues below", false),
        ] {
            let page = format!("{BODY}\n\n{line}\n\n{second}\n\n{ARTICLE_TAIL}");
            let c = clean(&page, None);
            assert_eq!(c.text.contains(line), kept, "{line}: {}", c.text);
        }
    }

    #[test]
    fn an_interviews_short_questions_and_answers_stay() {
        let turns = [
            "Q: What do you miss about the island?",
            "A: The morning ferry, every time.",
            "Q: Favourite harbour?",
            "A: Port Ellis.",
        ];
        let page = format!(
            "{BODY}\n\nQ: How did the first season go for the new ferry crew?\n\nA: Better than any of us hoped, and the boat never missed a sailing all summer long, not once.\n\n{ARTICLE_TAIL}\n\n{}\n\n{}\n\n{}\n\n{}",
            turns[0], turns[1], turns[2], turns[3]
        );
        let c = clean(&page, None);
        for turn in turns {
            assert!(c.text.contains(turn), "{turn} not in {}", c.text);
        }
        assert_eq!(interview_turn("Q. Why now?"), Some('Q'));
        assert_eq!(interview_turn("QA: lab"), None);
    }

    #[test]
    fn a_date_stamp_is_chrome_and_a_span_of_days_or_a_dateline_is_not() {
        for stamp in [
            "Published: Mar. 4, 2031, 9:40 a.m. Updated: Mar. 4, 2031, 11:05 a.m.",
            "Updated Tuesday, March 4th, 2031 - 08:05 GMT",
            "March 4, 2031",
            "Posted on 2031-03-04",
        ] {
            assert!(is_date_stamp(stamp), "{stamp}");
        }
        for kept in [
            "4 March 2031 | 20 April 2031",
            "PORT ELLIS, March 4 (Norvik Gazette) - The ferry ran late.",
            "Call 02-751-1500",
            "March 4, 2031 was the wettest day of the year.",
            "ROME, Jan. 5",
        ] {
            assert!(!is_date_stamp(kept), "{kept}");
        }
        // A timeline's date between two paragraphs is a sub-heading of the article.
        let page = format!("{BODY}\n\nMarch 4, 2031\n\n{BODY} Again.\n\n{ARTICLE_TAIL}");
        let c = clean(&page, None);
        assert!(c.text.contains("March 4, 2031"), "{}", c.text);
    }

    #[test]
    fn a_short_quotation_with_its_speaker_closes_the_article() {
        // The last line reports two words: it is the article's, not chrome after it.
        let quote = "\u{201c}We won,\u{201d} Roe said.";
        let page = format!("{BODY}\n\n{BODY} Again.\n\n{quote}");
        let c = clean(&page, None);
        assert!(c.text.contains(quote), "{}", c.text);
        // Words in quotation marks with no verb of speech after them stay chrome.
        let label = "\u{201c}Harbour Days\u{201d} gallery here.";
        let page = format!("{BODY}\n\n{BODY} Again.\n\n{label}");
        let c = clean(&page, None);
        assert!(!c.text.contains(label), "{}", c.text);
        assert!(is_attributed_quotation("\"Never,\" she said."));
        assert!(!is_attributed_quotation(
            "The mayor said \u{201c}never.\u{201d}"
        ));
    }

    #[test]
    fn a_newscast_named_by_its_slot_is_chrome_and_a_sentence_is_not() {
        for name in [
            "Harbour TV News at 6",
            "Evening News at 5:30 p.m.",
            "Kessel 4 Morning News at 7am",
        ] {
            assert!(is_newscast_name(name), "{name}");
        }
        for kept in [
            "She read the News at 6.",
            "He read the Evening News at 6 p.m.",
            "Kessel 4 drops its Late News at 11",
            "Port Ellis ferry crews strike again as the tide turns on the harbour News at 6",
            "Harbour TV News at 25",
            "Harbour TV News",
        ] {
            assert!(!is_newscast_name(kept), "{kept}");
        }
        let page = "Harbour TV News at 6\nFerry strike: crews walk out over rotas\n\
                    The ferry crews of Port Ellis walked out on Monday over new rotas, \
                    the union said, and told Harbour TV the strike would last a week.\n\
                    Ferries to the islands were cancelled, and the harbour master said \
                    the crews had given notice of the strike on Friday.\n";
        let cleaned = clean(page, None);
        assert_eq!(
            cleaned.title.as_deref(),
            Some("Ferry strike: crews walk out over rotas")
        );
    }

    #[test]
    fn a_site_name_above_the_headline_is_not_the_headline() {
        let release = "Kessel Marine - Newsroom\n\
                       Update on the ferry fire at Port Ellis\n\
                       Kessel Marine confirms that a fire broke out on its ferry at Port Ellis \
                       on Sunday night and that all passengers left the ship safely.\n\
                       Kessel Marine is working with the harbour master to find the cause of \
                       the fire, and the ferry will stay in port until the inquiry ends.\n";
        assert_eq!(
            clean(release, None).title.as_deref(),
            Some("Update on the ferry fire at Port Ellis")
        );
        // A headline made of names stays the headline when a later line shares less.
        let review = "Kessel Ridge Rangers review\n\
                      The best winter boots for hikers\n\
                      Kessel Ridge Rangers asks a lot of its players, and the best of its \
                      levels are the ones set on Kessel Ridge itself, where the Rangers march \
                      through the winter snow of the northern hills.\n";
        assert_eq!(
            clean(review, None).title.as_deref(),
            Some("Kessel Ridge Rangers review")
        );
        // An institution's name above the release shares a word the release writes in lower
        // case ("ministers"), yet is no headline.
        let release = "Office of the Fisheries Minister\n\
                       Fisheries Minister Ann Lee meets trawler crews at Port Ellis\n\
                       Fisheries Minister Ann Lee met trawler crews at Port Ellis on Monday \
                       to hear their concerns about the new quotas.\n\
                       The crews asked the ministers of both countries to delay the quotas \
                       until the spring, and the Minister promised an answer within a week.\n";
        assert_eq!(
            clean(release, None).title.as_deref(),
            Some("Fisheries Minister Ann Lee meets trawler crews at Port Ellis")
        );
        assert!(names_an_organisation("Office of the Harbour Master"));
        assert!(names_an_organisation("Norvik Port Authority"));
        assert!(!names_an_organisation("Port Authority approves new pier"));
        assert!(!names_an_organisation("Office"));
    }

    #[test]
    fn the_line_over_the_byline_is_the_headline_in_other_words_than_the_article_s() {
        // The article says "office", "demanded" and "held" where the headline says "Sund",
        // "presses" and "detained": "ferrymen" is the one word in common.
        let page = "The Port Ellis Herald\n\
                    Sund presses Valmora over detained ferrymen\n\
                    By Ann Lee\n\
                    The prime minister's office on Tuesday demanded the release of the 12 \
                    ferrymen held in Kessel since February.\n\
                    Their families said they had not been told when the men would be home.\n";
        assert_eq!(
            clean(page, None).title.as_deref(),
            Some("Sund presses Valmora over detained ferrymen")
        );
        // Without the byline the same line shares too little with the article to be its
        // headline.
        assert_ne!(
            clean(&page.replace("By Ann Lee\n", ""), None)
                .title
                .as_deref(),
            Some("Sund presses Valmora over detained ferrymen")
        );
        // A site's name over the byline still needs half its words in the article.
        let page = "The Kessel Evening Herald\n\
                    By Ann Lee\n\
                    The port of Kessel stayed shut on Tuesday as the strike went on and on.\n";
        assert_eq!(clean(page, None).title, None);
    }

    #[test]
    fn a_headline_is_read_against_the_whole_body_when_a_post_splits_it() {
        // The body's opening paragraphs, which the headline repeats, stand before a run of
        // captions, an embedded post and links; the paragraphs after it tell of other things.
        let page = "Storm closes Norvik ferry routes for second day\n\
                    Updated 4:12 PM CET, Tuesday, December 1, 2026\n\
                    NORVIK — Ferries between Norvik and the islands stayed in port for a second day on Tuesday as winds of up to 110 km/h swept the coast, the ferry operator said.\n\
                    Image copyright Getty Images\n\
                    Image caption Waves broke over the harbour wall in Norvik on Monday\n\
                    The operator, Kessel Lines, said it hoped to restart the first crossings on Wednesday morning if the wind dropped as forecast.\n\
                    The storm is the strongest to hit the coast this year. pic.twitter.com/a1B2c3D4e5\n\
                    — Norvik Coastguard (@NorvikCG) December 1, 2026\n\
                    About 2,000 passengers had booked crossings for Monday and Tuesday, according to Kessel Lines.\n\
                    (Ann Lee/Coastline Press)\n\
                    Watch the full report from the harbour\n\
                    ----------\n\
                    Read more: Why are winter storms getting stronger?\n\
                    RELATED: Norvik council approves new sea wall\n\
                    A post shared by Harbour TV (@harbourtv) on Dec 1, 2026 at 3:40pm PST\n\
                    Islanders said shops were running low on fresh milk and bread, and the council said it would send supplies by helicopter if the crossings stayed closed on Wednesday.\n\
                    \"We have been through worse, but the children cannot get to school,\" said Marta Holm, who runs the shop on Kessel island.\n\
                    3:05 p.m.\n\
                    The coastguard said two fishing boats had been escorted back to port during the night.\n\
                    Do you have photos of the storm? Send them to us.\n\
                    Can dogs sense a storm coming? Experts weigh in\n\
                    The operator said tweets about the cancellations had been shared thousands of times, and a photo of the harbour wall had been used by national newspapers.\n";
        assert_eq!(
            clean(page, None).title.as_deref(),
            Some("Storm closes Norvik ferry routes for second day")
        );
        // A teaser of another story that reads as prose is read against the article alone,
        // not against itself.
        let teaser = "Why did the Norvik council vote to close three of the island's primary \
                      schools?\n\
                      Ferry crews of Port Ellis went on strike on Monday, halting all crossings \
                      to the islands, the crews' union said, after talks on winter rotas failed.\n\
                      Shop owners said they had bread and milk for three more days.\n";
        assert_eq!(clean(teaser, None).title, None);
        // A caption ending in a quoted sentence is no headline.
        assert!(!is_headline_like(
            "A quiet harbour: the ferry left at dawn for the \"far isles.\""
        ));
    }

    #[test]
    fn player_chrome_is_media_chrome() {
        assert!(is_media_chrome(
            "just watched: ferry crews at the flooded pier"
        ));
        assert!(is_media_chrome(
            "close skip in 5 seconds: the council's budget vote"
        ));
        assert!(!is_media_chrome(
            "crews just watched the river rise past the marker."
        ));
    }

    #[test]
    fn a_site_speaking_to_its_reader_is_chrome() {
        let newsletter = "Sign up for the Harbour Gazette newsletter and get our top stories in your inbox every morning.";
        let cookies = "This site uses cookies to improve your visit. By continuing, you consent to their use.";
        let page = format!("{BODY}\n\n{newsletter}\n\n{BODY} Again.\n\n{cookies}");
        let c = clean(&page, None);
        for gone in [newsletter, cookies] {
            assert!(!c.text.contains(gone), "{gone} in {}", c.text);
        }
        // Article sentences about cookies, newsletters or consent stay: they address no reader,
        // or report someone's words.
        assert!(is_reader_chrome(
            "Do you have photos of the storm? Send them to us."
        ));
        assert!(is_reader_chrome(
            "Tell us what you think of the new timetable."
        ));
        // A reporting verb's word in the call ("comments") does not make it someone's words;
        // a call someone is reported to have written is theirs.
        assert!(is_reader_chrome(
            "Was the ferry fare rise fair? Tell us in the comments."
        ));
        assert!(!is_reader_chrome(
            "Send us the money by Friday, the smugglers wrote, or the boat sinks."
        ));
        assert!(!is_reader_chrome(
            "Residents were told to send photos to us by Friday."
        ));
        assert!(!is_reader_chrome(
            "\"Send them to us,\" the harbour master said."
        ));
        assert!(!is_reader_chrome("Share prices in the US rose on Monday."));
        assert!(!is_reader_chrome(
            "Text messages shared with us show the harbour master was warned in May."
        ));
        assert!(!is_reader_chrome(
            "The regulator fined the publisher for setting advertising cookies before visitors could consent."
        ));
        assert!(!is_reader_chrome(
            "\"They took the data without your consent,\" the lawyer said of the newsletter firm."
        ));
        assert!(!is_reader_chrome(
            "\"Our subscribers deserve better than this,\" the editor wrote."
        ));
        assert!(!is_reader_chrome(
            "Subscribers to the town's newsletter learned of the closure a week late."
        ));
        assert!(!is_reader_chrome(
            "Ruritania does not consent to US inspections, minister warns"
        ));
        assert!(is_reader_chrome(
            "Privacy Policy | Terms of Use | Subscribe"
        ));
    }

    #[test]
    fn removes_chrome_around_and_inside_the_article() {
        let page = format!(
            "Skip to content\n\nCouncil approves the budget for next year\n\n{BODY}\n\nRead Also: Mayor Opens New Bridge Across The River\n\n{BODY} It passed 7-2 in the end, members said.\n\nPost a Comment\n\nYour email address will not be published."
        );
        let c = clean(&page, None);
        assert_eq!(
            c.title.as_deref(),
            Some("Council approves the budget for next year")
        );
        assert!(!c.text.contains("Skip to content"));
        assert!(!c.text.contains("Read Also"));
        assert!(!c.text.contains("Post a Comment"));
        assert!(!c.text.contains("email address"));
        assert!(c.text.contains("It passed 7-2"));
        for r in &c.removed {
            assert_eq!(&page[r.span.start()..r.span.end()], r.text);
        }
    }

    #[test]
    fn a_long_comment_section_after_a_short_article_is_cut() {
        let comment = "I have followed this council for years and I think the members made the right choice this time around.";
        let page = format!(
            "{BODY}\n\n34 responses to “Council approves the budget”\n\njane says:\n\n{comment}\n\n\
             Milan on September 12, 2018 at 4:47 pm said:\n\n{comment} Again.\n\nbob says:\n\n{comment} Twice.\n"
        );
        let c = clean(&page, None);
        assert!(c.text.contains("council approved the budget"), "{}", c.text);
        assert!(!c.text.contains("followed this council"), "{}", c.text);
    }

    #[test]
    fn teasers_of_other_stories_after_the_article_are_cut() {
        let para = "Officials said the vote would be followed by public hearings in every district next month, and the mayor promised to attend each one.";
        let teaser = "Another columnist explains at some length why the other party's plan for the economy is going to fail this winter, and what to do.";
        let page = format!(
            "{BODY}\n\n{para}\n\n{para} Again.\n\nMore from the Bugle\n\nWhy the plan fails\n\nJane Roe\n\nTuesday November 19, 2019\n\n{teaser}\n\n\
             Why the plan works\n\nJohn Doe\n\nMonday November 18, 2019\n\n{teaser} Twice.\n"
        );
        let c = clean(&page, None);
        assert!(c.text.contains("mayor promised"), "{}", c.text);
        assert!(!c.text.contains("columnist"), "{}", c.text);
    }

    #[test]
    fn a_labelled_teaser_inside_the_article_is_cut_even_as_a_question() {
        let para = "Officials said the vote would be followed by public hearings in every district next month, and the mayor promised to attend each one.";
        let after = "The ferry operator said the new timetable starts in spring, with two extra crossings a day on weekends.";
        let more = "Residents of the island have waited three years for the service, which stopped when the last boat failed its inspection.";
        let last = "A spokeswoman for the port authority said the repairs to the landing stage would cost about four million dollars in all.";
        let closing = "Council members will vote on the final contract for the ferry at their meeting in the second week of January.";
        let page = format!(
            "{BODY}\n\n{para}\n\nRELATED: Will the harbour ferry run again before the storm season?\n\n\
             {after}\n\nSee also: why the old pier closed\n\n{more}\n\nRELATED:\n\n{last}\n\n\
             The reason was simple: the pier was sinking.\n\n{closing}\n\n{para} Again.\n\n{after} Again.\n"
        );
        let c = clean(&page, None);
        let removed: Vec<(&str, RemovalReason)> = c
            .removed
            .iter()
            .map(|r| (r.text.as_str(), r.reason))
            .collect();
        for teaser in [
            "RELATED: Will the harbour ferry run again before the storm season?",
            "See also: why the old pier closed",
            "RELATED:",
        ] {
            assert!(
                removed.contains(&(teaser, RemovalReason::RelatedLink)),
                "{removed:?}"
            );
        }
        for kept in [
            "mayor promised",
            "new timetable",
            "three years",
            "four million",
            "The reason was simple: the pier was sinking.",
            "second week",
        ] {
            assert!(c.text.contains(kept), "{kept}: {}", c.text);
        }
    }

    #[test]
    fn a_photographer_credit_alone_on_its_line_is_a_caption() {
        let para = "Officials said the vote would be followed by public hearings in every district next month, and the mayor promised to attend each one.";
        let page = format!(
            "{BODY}\n\n(Jane Roe/Daily Bugle)\n\n{para}\n\n(The vote was 5/4 in favour.)\n\n\
             (Reporting by Ana Lee/Tom Hale; Editing by Ivo Marsh)\n\n{para} Again.\n"
        );
        let c = clean(&page, None);
        let reason_of = |text: &str| c.removed.iter().find(|r| r.text == text).map(|r| r.reason);
        assert_eq!(
            reason_of("(Jane Roe/Daily Bugle)"),
            Some(RemovalReason::Caption)
        );
        assert_ne!(
            reason_of("(Reporting by Ana Lee/Tom Hale; Editing by Ivo Marsh)"),
            Some(RemovalReason::Caption)
        );
        assert_ne!(
            reason_of("(The vote was 5/4 in favour.)"),
            Some(RemovalReason::Caption)
        );
    }

    #[test]
    fn empty_and_blank_input_clean_to_nothing() {
        for input in ["", "\n\n", "   "] {
            for scraped in [true, false] {
                assert!(clean_text(input, None, scraped).text.is_empty());
            }
        }
    }

    #[test]
    fn a_list_of_other_stories_under_a_heading_ends_the_article_but_a_box_inside_it_does_not() {
        let para = "Officials said the vote would be followed by public hearings in every district next month, and the mayor promised to attend each one of them.";
        let summary = "A columnist explains at length why the other party's plan for the economy is going to fail badly this winter, who will pay for it when it does, and what the rest of us can still do about it before the first bills arrive in the spring.";
        let teasers: String = (1..=4)
            .map(|n| {
                format!(
                    "Why plan {n} fails\n\nJane Roe\n\nTuesday November 19, 2019\n\n{summary}\n\n"
                )
            })
            .collect();
        let page = format!(
            "{BODY}\n\n{para}\n\n{para} Again.\n\nRelated articles\n\nMayor opens the new bridge\n\n{para} Third.\n\n{para} Fourth.\n\n{para} Fifth.\n\n{para} Sixth.\n\n\
             More from the Bugle\n\n{teasers}"
        );
        let c = clean(&page, None);
        assert!(c.text.contains("Sixth."), "{}", c.text);
        assert!(!c.text.contains("columnist"), "{}", c.text);
    }

    #[test]
    fn photo_captions_and_contact_lines_are_removed_but_prose_about_them_is_not() {
        let caption = "FILE - In this May 4, 2001, file photo, the mayor cuts the ribbon on the old bridge in Springfield.";
        let credit = "The council chamber before the vote on Monday night. (AP Photo/Jane Roe)";
        let contact = "Reach John Doe at 555-726-5986 and on Twitter @johndoe.";
        let social =
            "Like the Bugle on Facebook and follow @bugle on Twitter to join the conversation.";
        let prose = "Like many residents, she wrote on Twitter that the budget cuts would hurt the library.";
        let page = format!(
            "{BODY}\n\n{caption}\n\n{credit}\n\n{prose}\n\n{BODY} Again.\n\n{contact}\n\n{social}"
        );
        let c = clean(&page, None);
        for gone in [caption, credit, contact, social] {
            assert!(!c.text.contains(gone), "{gone} in {}", c.text);
        }
        assert!(c.text.contains(prose), "{}", c.text);
        // A release's label and its press office's address.
        let release = "Press release";
        let press = "Media contact: press@norvik-paints.example";
        let told = "The press office said on Monday that it had answered every enquiry.";
        let page = format!("{release}\n\n{BODY}\n\n{told}\n\n{ARTICLE_TAIL}\n\n{press}");
        let r = clean(&page, None);
        for gone in [release, press] {
            assert!(!r.text.contains(gone), "{gone} in {}", r.text);
        }
        assert!(r.text.contains(told), "{}", r.text);
        for kept in [
            "contact tracing: the clinic found 40 cases, the ministry said.",
            "public inquiries: the 2024-2025 review drew 300 letters from across the county, the council said.",
            "close contacts: 40 people, the ministry said on twitter.",
        ] {
            assert!(!is_contact_line(kept), "{kept}");
        }
        let captions: Vec<&str> = c
            .removed
            .iter()
            .filter(|r| r.reason == RemovalReason::Caption)
            .map(|r| r.text.as_str())
            .collect();
        assert_eq!(captions, [caption, credit]);
        assert!(!is_caption(
            "in this town, the photo booth at the fair is a tradition."
        ));
        // A caption run into the article's paragraph leaves the paragraph alone.
        let run_in = format!("file - in this may 4, 2015 file photo, the mayor speaks. {BODY}");
        assert!(!is_caption(&run_in.repeat(5).to_lowercase()));
        assert!(is_caption(&run_in.to_lowercase()));
        assert!(is_caption(
            "in this photo released by the city, the bridge is seen at dawn."
        ));
    }

    #[test]
    fn contributor_credits_and_widget_labels_are_chrome() {
        assert!(is_contributor_credit(
            &"(Reporting by Greg Roumeliotis; Editing by Lisa Shumaker)".to_lowercase()
        ));
        assert!(is_contributor_credit(
            &"Fox News’ Jessica Napoli contributed to this report.".to_lowercase()
        ));
        assert!(!is_contributor_credit(
            &"Reporting on the budget has been thin, the mayor said.".to_lowercase()
        ));
        for label in [
            "Share this:",
            "Like this:",
            "Comments",
            "ADVERTISEMENT",
            "Read more »",
        ] {
            assert!(is_widget_label(&label.to_lowercase()), "{label}");
        }
        assert!(!is_widget_label("more than 300 people came."));
        let page = format!("{BODY}\n\nShare this:\n\n{BODY} Again.\n\n(Reporting by Jane Roe; Editing by John Doe)\n");
        let c = clean(&page, None);
        assert!(
            !c.text.contains("Share this") && !c.text.contains("Reporting by"),
            "{}",
            c.text
        );
        assert!(c.text.contains("Again."));
    }

    #[test]
    fn keeps_a_twice_pasted_body_once() {
        let para2 = "Officials said the vote would be followed by public hearings in every district next month.";
        let page = format!("{BODY}\n\n{para2}\n\nAbout\n\n{BODY}\n\n{para2}\n");
        let c = clean(&page, None);
        assert_eq!(c.text.matches("approved the budget").count(), 1);
        assert_eq!(c.text.matches("public hearings").count(), 1);
        assert_eq!(
            c.removed
                .iter()
                .filter(|r| r.reason == RemovalReason::RepeatedParagraph)
                .count(),
            2
        );
    }

    #[test]
    fn a_rule_line_is_removed_and_does_not_end_the_article() {
        let part = |n: u32| {
            format!(
                "Part {n}: the harbour board met for the {n}th time this year to weigh the cost \
                 of dredging the channel and rebuilding the old quay before winter."
            )
        };
        let page = format!(
            "{}\n\n{}\n\n* * *\n\n{}\n\n------------\n\nStaff\n\n{}\n",
            part(1),
            part(2),
            part(3),
            part(4)
        );
        let c = clean(&page, None);
        for n in 1..=4 {
            assert!(c.text.contains(&format!("Part {n}:")), "{}", c.text);
        }
        let rules: Vec<&str> = c
            .removed
            .iter()
            .filter(|r| r.reason == RemovalReason::RuleLine)
            .map(|r| r.text.as_str())
            .collect();
        assert_eq!(rules, ["* * *", "------------"]);
        assert!(!is_rule_line("..") && !is_rule_line("— 3 —") && is_rule_line("═══"));
    }

    #[test]
    fn a_picture_post_keeps_its_caption_and_signature_and_drops_its_header() {
        let caption = "Day 12 on the night ferry. Still smiling.";
        let signed = "A post shared by Ana Ruiz (@anaruiz) on Mar 3, 2026 at 6:02am PST";
        let long = "The ferry operator said on Monday that night crossings would continue \
                    through the winter, although two of its four boats need repairs and the \
                    crews have worked extra shifts since the storm in January.";
        let page = format!(
            "{long}\n\nView this post on Instagram\n\n{caption}\n\n{signed}\n\n{long} Again.\n"
        );
        let c = clean(&page, None);
        assert!(
            c.text.contains(caption) && c.text.contains(signed),
            "{}",
            c.text
        );
        assert!(c.removed.iter().any(|r| {
            r.reason == RemovalReason::MediaChrome && r.text == "View this post on Instagram"
        }));
    }

    #[test]
    fn repeated_headline_is_kept_once_as_title() {
        let head = "Council Approves the Budget After a Long Debate";
        let page = format!("{head}\n\n{head}\n{head}\n\n{BODY}");
        let c = clean(&page, None);
        assert_eq!(c.title.as_deref(), Some(head));
        assert!(!c.text.contains(head));
    }

    #[test]
    fn a_player_label_before_the_article_is_no_title() {
        let chrome = "Play video: the harbour pier reopens after two years of repairs";
        let c = clean(&format!("{chrome}\n{BODY}\n{BODY} Again."), None);
        assert_eq!(c.title, None);
        assert!(!c.text.contains("Play video"), "{:?}", c.text);
        let head = "Council Approves the Budget After a Long Debate";
        let c = clean(&format!("{chrome}\n{head}\n{BODY}"), None);
        assert_eq!(c.title.as_deref(), Some(head));
    }

    /// The title found on `page` (no title known from metadata).
    fn title_of(page: &str) -> Option<String> {
        clean(page, None).title
    }

    #[test]
    fn a_menu_line_above_the_article_is_no_title() {
        // Its words are not the article's: no title rather than a menu item.
        let menu = "Go straight to the latest stories";
        assert_eq!(
            title_of(&format!("{menu}\nHome\nWorld\n{BODY}\n{BODY} Again.")),
            None
        );
        // The headline under the menu is found, in title case too.
        let head = "Council Approves Budget for Schools and Roads";
        assert_eq!(
            title_of(&format!("{menu}\n{head}\n{BODY}")).as_deref(),
            Some(head)
        );
    }

    #[test]
    fn a_page_title_loses_the_outlet_name_after_it() {
        let head = "Council approves budget for schools and roads";
        let c = clean(
            &format!("{head} - Norvik Gazette\nSubscribe\n{head}\n{BODY}"),
            None,
        );
        assert_eq!(c.title.as_deref(), Some(head));
        assert!(!c.text.contains("Norvik Gazette"), "{:?}", c.text);
        // The name after the headline is the site's.
        assert_eq!(c.title_site.as_deref(), Some("Norvik Gazette"));
        // A dash inside a headline, before words that name no outlet, stays.
        let dashed = "Council budget - what the long debate means for roads";
        assert_eq!(
            title_of(&format!("{dashed}\n{BODY}")).as_deref(),
            Some(dashed)
        );
        assert_eq!(clean(&format!("{dashed}\n{BODY}"), None).title_site, None);
        // A title the page gives leaves the first line's words alone.
        let given = clean(&format!("{head} | Harbour Times\n{BODY}"), Some(head));
        assert_eq!(given.title_site, None);
        // A section, a place or the writer after the headline names no site.
        for ending in ["Sport", "World News", "Moscow"] {
            let page = format!("{head} | {ending}\n{BODY}");
            assert_eq!(clean(&page, None).title_site, None, "{ending}");
        }
        let signed = clean(&format!("{head} - Ann Lee\nBy Ann Lee\n{BODY}"), None);
        assert_eq!(signed.title_site, None);
    }

    #[test]
    fn a_captioned_picture_above_the_article_is_no_title() {
        // Each shares most of its terms with the article, so only its credit or its opening
        // keeps it from being the title.
        let captions = [
            "Council members debate the budget on Tuesday NORVIK/Ann Lee",
            "Council members debate the budget on Tuesday Credit: Ann Lee",
            "Council members debate the budget on Tuesday (Family photo)",
            "The council approved the budget after a long debate. Norvik News",
            "The council approved the budget after a long debate on May 4. Norvik News",
            "(The council approved the budget after a long debate on roads)",
        ];
        for caption in captions {
            assert_eq!(
                title_of(&format!("{caption}\n{BODY}\n{BODY} Again.")),
                None,
                "{caption}"
            );
        }
        // Abbreviations end no sentence inside a headline.
        let head = "U.S. Council Approves Budget on Nov. 28 After Debate";
        assert_eq!(title_of(&format!("{head}\n{BODY}")).as_deref(), Some(head));
    }

    #[test]
    fn credits_sentences_and_outlet_names_are_told_from_headline_words() {
        assert!(has_picture_credit("Crews at the pier REUTERS/Ann Lee"));
        assert!(has_picture_credit("Crews at the pier (AP Photo/Ann Lee)"));
        assert!(!has_picture_credit(
            "Satellite Map Photos Show Flooding in Port Ellis"
        ));
        assert!(!has_picture_credit(
            "Council Backs Ferry Link on Norvik/Port Ellis Route"
        ));
        assert!(ends_sentence_inside("Crews rest on the pier. Norvik News"));
        assert!(!ends_sentence_inside(
            "Port Ellis vs. Norvik Ends in a Draw"
        ));
        assert_eq!(
            without_outlet_suffix("Ferry Service Resumes After Storm | Harbour Times"),
            "Ferry Service Resumes After Storm"
        );
        // A question after the dash, or a headline too short without the tail, stays whole.
        let question = "Storm Hits Port Ellis - What We Know";
        assert_eq!(without_outlet_suffix(question), question);
        let short = "Ann Lee Resigns - Port Ellis Mayor Steps Down";
        assert_eq!(without_outlet_suffix(short), short);
    }

    #[test]
    fn picture_credits_and_player_labels_are_removed_but_prose_stays() {
        let body = "The council approved the harbour budget on Tuesday after a long debate about the costs of dredging and the new quay.";
        let caption = "Workers repair the quay wall at dawn on Monday. (Jane Roe/Daily Bugle)";
        let wire = "Boats wait outside the closed harbour on Sunday... (Reuters)";
        let player = "Media playback is unsupported on your device";
        let promo = "WATCH: the mayor explains the vote";
        let prose =
            "The mayor said the plan (which the council backed) would cost less than the last one.";
        let text = format!(
            "{body}\n\n{caption}\n\n{wire}\n\n{player}\n\n{prose}\n\n{promo}\n\n{body} Again."
        );
        let c = clean_text(&text, None, true);
        for gone in [caption, wire, player, promo] {
            assert!(!c.text.contains(gone), "kept: {gone}");
        }
        assert!(c.text.contains(prose));
        assert!(c
            .removed
            .iter()
            .any(|r| r.reason == RemovalReason::MediaChrome));
    }

    #[test]
    fn a_quotation_signed_after_a_dash_is_no_stray_headline() {
        // Lines of signed quotations are the article's text, and so is the prose after them.
        let signed = [
            "“The first boat leaves too early for us.”― Mara Quist",
            "“We wait. Then we wait for the next one, and that is late too.” ― Tobias Wend",
            "“Nobody answers the phone at the harbour office.”\u{a0}— Ilse B. Brandvold.",
        ];
        let last = "The council will discuss the letters at its meeting on Thursday evening.";
        let page = format!("{BODY}\n\n{}\n\n{last}\n", signed.join("\n\n"));
        let c = clean(&page, None);
        for kept in signed.iter().chain([&last]) {
            assert!(c.text.contains(kept), "{kept:?} {:?}", c.removed);
        }
    }

    #[test]
    fn a_line_introducing_the_first_paragraph_with_a_colon_is_no_headline() {
        let intro = "The harbour master said in a statement:";
        let page = format!("The pier is shut.\n\n{intro}\n\n{BODY}\n");
        let c = clean(&page, None);
        assert!(c.text.contains(intro), "{:?}", c.removed);
        // A heading over other stories before the article still goes.
        let page = format!("More from the Harbour Times:\n\n{BODY}\n");
        assert!(!clean(&page, None).text.contains("More from"));
    }
}
