//! Views and stances: `SUBJECT VERB [particle] WORDS` where the verb attributes a position
//! rather than speech ("Ana Roe backs the levy", "the union called for a recount", "Tom Lee
//! would not discuss the audit").
//!
//! Which verbs do so is not a hand-picked list: `view_cues.tsv` is learned by
//! `benches/view_cues.py` from the training split of an attributions corpus (PolNeAR). A verb's
//! key is its lower-cased word, followed by the particle after it when there is one ("called
//! for", "found that"); a key is kept when annotators marked it as the cue of an attribution at
//! least 35% of the times it stands after a subject (the F1-optimal bar, half the F1 reached),
//! in at least two articles, or (scope "named") the same after a name or a personal pronoun,
//! where it then applies only. Auxiliaries, negations and adverbs
//! between the subject and the verb are skipped the same way here and in the script
//! ([`is_skipped`]). A verb not in -ing after a skipped form of "be" is passive and has keys of
//! its own ("be:critical of"): "Lee was attacked outside the hall" gives Lee no stance.
//!
//! The subject stands before the verb (across an apposition, or a time phrase: "Roe on Monday
//! backed"); after "and" or "but", and for a verb in -ing after a comma ("…, criticizing the
//! plan"), it is the subject of the sentence's last frame, else the clause that opens the
//! sentence.
//!
//! A view frame is read only where no frame of speech was found for the verb. After a verb of
//! speech and a particle it needs as many words as reported speech ("says in an interview."
//! names only a circumstance). Its words run
//! from after the verb to the end of the clause, and stop before the subject of a later frame in
//! the sentence. (Ending them at the first comma instead lost recall on the training split:
//! all-attribution F1 0.6519 -> 0.6477.) A frame of speech stops so too, but only before a
//! later subject after a comma and a joint, or a semicolon ("Roe said X, but Lee said Y"), or
//! after a comma or a joint and a lead-in phrase ("Roe said X, and on Friday Lee said Y").
//! `end_before_later_subjects` does both.
//!
//! Words holding a quotation make no view. When they are the verb's object ("called for more
//! “night sailings” to the islands"), they are reported as words quoted in part, as after a verb of
//! naming (`frames::QUOTED_OBJECT_VERBS`), unless the verb is one of speech, a verb of speech
//! stands inside the object, or the quotation is a title; otherwise the quotation is read as
//! speech on its own.

use std::borrow::Cow;
use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};

use super::frames::{
    clause_end, object_end, object_holds_quote, opens_quote, subject_with_apposition, Frame,
    Sentence, LEAD_IN_WORDS,
};
use super::tokens::Tok;
use crate::lexicon::{is_in, WordList, SUBORDINATORS};

/// The learned table: one key per line (`key\tscope\tattributed\tseen\tattributed after a
/// name\tseen after a name`; scope `any` or `named`; a key marked `be:` is passive).
const TABLE: &str = include_str!("view_cues.tsv");

/// Auxiliaries, negations and adverbs that may stand between a subject and its verb ("has
/// long backed", "did not support"). Keep in step with `SKIPPED` in `benches/view_cues.py`.
static SKIPPED: WordList = WordList::new(&[
    "am",
    "are",
    "be",
    "been",
    "being",
    "can",
    "could",
    "did",
    "do",
    "does",
    "had",
    "has",
    "have",
    "is",
    "may",
    "might",
    "must",
    "shall",
    "should",
    "was",
    "were",
    "will",
    "would",
    "'s",
    "'ve",
    "'d",
    "'ll",
    "not",
    "never",
    "n't",
    "don't",
    "doesn't",
    "didn't",
    "won't",
    "wouldn't",
    "can't",
    "cannot",
    "couldn't",
    "isn't",
    "aren't",
    "wasn't",
    "weren't",
    "hasn't",
    "haven't",
    "hadn't",
    "shouldn't",
    "also",
    "again",
    "already",
    "always",
    "even",
    "ever",
    "finally",
    "first",
    "further",
    "immediately",
    "initially",
    "just",
    "later",
    "long",
    "now",
    "often",
    "once",
    "only",
    "previously",
    "privately",
    "publicly",
    "quickly",
    "really",
    "recently",
    "repeatedly",
    "reportedly",
    "still",
    "then",
]);

/// Forms of "be" that, skipped before a verb not in -ing, make its key passive. Keep in step with
/// `BE` in `benches/view_cues.py`.
static BE: WordList = WordList::new(&[
    "am", "are", "aren't", "be", "been", "being", "is", "isn't", "was", "wasn't", "were", "weren't",
]);

/// The mark of a passive key in the table ("be:critical of"). Keep in step with `PASSIVE` in
/// `benches/view_cues.py`.
const PASSIVE: &str = "be:";

/// Particles that make one key with the verb before them ("called for", "refused to"). Keep in
/// step with `PARTICLES` in `benches/view_cues.py`.
static PARTICLES: WordList = WordList::new(&[
    "about", "against", "as", "at", "by", "for", "from", "in", "into", "of", "on", "out", "over",
    "that", "to", "up", "with",
]);

/// Subjects that name someone, for keys of [`Scope::Named`]. Keep in step with
/// `NAMING_PRONOUNS` in `benches/view_cues.py`.
static NAMING_PRONOUNS: WordList =
    WordList::new(&["he", "she", "they", "we", "i", "you", "it", "who"]);

/// Words that join a view to a later frame's clause ("backs the levy, according to", "backs
/// the levy that"), left out of the view.
const JOINTS: [&str; 9] = [
    " and",
    " but",
    " while",
    " whereas",
    " as",
    " that",
    " who",
    " which",
    ", according to",
];

/// Fewest words a view reports ("the levy").
const MIN_VIEW_WORDS: usize = 2;

/// Where a key applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scope {
    /// After any subject.
    Any,
    /// Only after a name or a personal pronoun ("Roe asked …", not "the report asked …").
    Named,
}

/// The learned keys with their scope, and the verbs that open one (most words are looked up
/// only there).
struct Keys {
    keys: FxHashMap<&'static str, Scope>,
    verbs: FxHashSet<&'static str>,
    /// The verbs of keys in the active voice (not `be:` keys, whose second word is often an
    /// adjective: "be:critical of").
    active_verbs: FxHashSet<&'static str>,
}

/// The learned table, read once.
fn keys() -> &'static Keys {
    static KEYS: OnceLock<Keys> = OnceLock::new();
    KEYS.get_or_init(|| {
        let keys: FxHashMap<&'static str, Scope> = TABLE
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let mut fields = l.split('\t');
                let key = fields.next().filter(|k| !k.is_empty())?;
                let scope = match fields.next() {
                    Some("named") => Scope::Named,
                    _ => Scope::Any,
                };
                Some((key, scope))
            })
            .collect();
        let verbs = keys
            .keys()
            .filter_map(|k| k.trim_start_matches(PASSIVE).split(' ').next())
            .collect();
        let active_verbs = keys
            .keys()
            .filter(|k| !k.starts_with(PASSIVE))
            .filter_map(|k| k.split(' ').next())
            .collect();
        Keys {
            keys,
            verbs,
            active_verbs,
        }
    })
}

/// True for a word the learned table holds as a verb, alone or with a particle.
pub(crate) fn is_view_verb(lower: &str) -> bool {
    keys().verbs.contains(plain(lower).as_ref())
}

/// True for a word the learned table holds as a verb in the active voice ("backed", "hit"),
/// not only as the word after a form of "be" ("critical").
pub(crate) fn is_active_view_verb(lower: &str) -> bool {
    keys().active_verbs.contains(plain(lower).as_ref())
}

/// A word as the table writes it: lower case, with a straight apostrophe.
fn plain(lower: &str) -> Cow<'_, str> {
    if lower.contains('’') {
        Cow::Owned(lower.replace('’', "'"))
    } else {
        Cow::Borrowed(lower)
    }
}

/// Nouns in -ly, no adverbs. Keep in step with `LY_NOUNS` in `benches/view_cues.py`.
static LY_NOUNS: WordList = WordList::new(&[
    "ally", "anomaly", "assembly", "family", "july", "monopoly", "rally", "reply", "supply",
]);

/// True for a noun in -ly ([`LY_NOUNS`]: "family", "assembly"), which no adverb is.
pub(crate) fn is_ly_noun(lower: &str) -> bool {
    LY_NOUNS.contains(plain(lower).as_ref())
}

/// True for token `t`, a word skipped between a subject and its verb: an auxiliary, a
/// negation, or an adverb (a listed word, or a lower-case word of five letters or more in -ly
/// that is not a noun: "Kelly", "family" and "assembly" are not skipped).
pub(crate) fn is_skipped(t: &Tok) -> bool {
    SKIPPED.contains(&plain(&t.lower)) || is_manner_adverb(t)
}

/// True for an adverb in -ly before a verb ("softly asked"): a lower-case word of five letters
/// or more in -ly that is no noun of `LY_NOUNS`.
pub(crate) fn is_manner_adverb(t: &Tok) -> bool {
    let word = plain(&t.lower);
    !t.cap && word.ends_with("ly") && word.len() > 4 && !LY_NOUNS.contains(&word)
}

/// How many tokens from `k` form a learned key: 2 for a verb and its particle, 1 for a verb
/// alone, `None` when the word is no view verb. A verb not in -ing after a skipped form of "be"
/// is looked up as passive ("was attacked" is `be:attacked`, rated apart from "attacked").
fn key_length(s: &Sentence, k: usize) -> Option<(usize, Scope)> {
    let word = plain(&s.tok(k).lower);
    let table = keys();
    if !table.verbs.contains(word.as_ref()) || is_skipped(s.tok(k)) {
        return None;
    }
    let passive = !word.ends_with("ing")
        && (s.from..k)
            .rev()
            .take_while(|&i| is_skipped(s.tok(i)) && !s.tok(i).gap_after.contains(','))
            .any(|i| BE.contains(&plain(&s.tok(i).lower)));
    let voice = if passive { PASSIVE } else { "" };
    // A particle counts when nothing but a space stands between ("called for", not "called,
    // for").
    if k + 1 < s.to && s.tok(k).gap_after.trim().is_empty() {
        let next = &s.tok(k + 1).lower;
        // "that's" is no particle ("think that's wrong").
        if PARTICLES.contains(next) && !s.tok(k + 1).possessive {
            // With a particle after it, only the two-word key counts ("went on" is not "went").
            return table
                .keys
                .get(format!("{voice}{word} {next}").as_str())
                .map(|&scope| (2, scope));
        }
    }
    table
        .keys
        .get(format!("{voice}{word}").as_str())
        .map(|&scope| (1, scope))
}

/// The view frame of verb `k`, when the verb attributes a view and it has a subject: before it,
/// or borrowed for a verb after "and" ("… and backed the levy") or in -ing after a comma.
/// `shared` is the subject of the sentence's last frame, which a borrowed subject is when there
/// is one; otherwise the sentence's opening clause is.
pub(crate) fn view_frame(
    s: &Sentence,
    k: usize,
    quotes: &[(usize, usize)],
    shared: Option<((usize, usize), bool)>,
) -> Option<Frame> {
    let t = s.tok(k);
    if t.cap || t.in_quote || opens_quote(t) {
        return None;
    }
    let (length, scope) = key_length(s, k)?;
    // Walk back over the skipped words to where the subject ends. The table counts verbs right
    // after a word; a subject closed by a comma or a bracket ("Roe, a councillor, backed") is
    // read too: requiring a bare space there cost recall on both splits (all-attribution F1
    // train 0.6655 -> 0.6564, dev 0.6876 -> 0.6814).
    // "Roe on Monday backed …": a time phrase may stand between the subject and the verb too.
    let end = super::frames::skip_back(s, k, is_skipped);
    if end <= s.from || (end - 1..k).any(|i| s.tok(i).in_quote || opens_quote(s.tok(i))) {
        return None;
    }
    // "…, threatening to close the pier": a participle after a comma is the subject's too.
    let participle = end == k && t.lower.ends_with("ing") && s.tok(k - 1).gap_after.contains(',');
    let (subject, borrowed_subject) = if matches!(s.tok(end - 1).lower.as_str(), "and" | "but") {
        // "Roe toured the quay and backed the levy": no frame before, the sentence's subject.
        super::frames::borrowed_subject(s, end - 1, shared)?
    } else if participle {
        super::frames::borrowed_subject(s, k, shared)?
    } else {
        let subject = subject_with_apposition(s, end)?;
        (super::frames::before_infinitive(s, subject, k)?, false)
    };
    // A key learned after names applies after a name or a personal pronoun only: the
    // subject's last word, or for a borrowed clause its first.
    let last = if borrowed_subject {
        s.tok(subject.0)
    } else {
        s.tok(subject.1.saturating_sub(1).max(subject.0))
    };
    let names = last.cap || (NAMING_PRONOUNS.contains(&last.lower) && !last.possessive);
    if scope == Scope::Named && !names {
        return None;
    }
    // "… surprised the crowd by telling them …": after a preposition the words report for the
    // clause's subject, not for the words up to the preposition.
    let (subject, borrowed_subject) = (end == k)
        .then(|| super::frames::prepositional_subject(s, k, shared))
        .flatten()
        .unwrap_or((subject, borrowed_subject));
    let object = k + length;
    let c = if object < s.to && s.tok(object).lower == "that" && !s.tok(object).possessive {
        object + 1
    } else {
        object
    };
    if c >= s.to || s.tok(c).in_quote {
        return None;
    }
    // Only a circumstance (or nothing) from token `i` on.
    let circumstance_from =
        |i: usize| i >= s.to || super::frames::opens_place_or_medium(&s.tok(i).lower);
    // "Lee told reporters on Monday.": a verb of telling, its addressee and a time or a
    // circumstance report no words ("told a joke" does).
    let telling = c == object && matches!(t.lower.as_str(), "told" | "tells" | "tell");
    if let Some(after) = telling
        .then(|| super::frames::after_addressee(s, c))
        .flatten()
        .filter(|&after| s.tok(after).lower != "that")
    {
        if circumstance_from(super::frames::time_phrase_end(s, after).unwrap_or(after)) {
            return None;
        }
    }
    // "Marsh aired Tuesday on the evening bulletin": a time and a circumstance are no view.
    if super::frames::time_phrase_end(s, c).is_some_and(circumstance_from) {
        return None;
    }
    let start = s.tok(c).start;
    let end = clause_end(s, c);
    // "By telling the crew …, Lee ended …": the opening phrase's words end at its comma.
    let end = super::frames::opening_phrase_end(s, k).map_or(end, |e| end.min(e).max(start));
    let first = quotes.partition_point(|&(q, _)| q < start);
    if quotes.get(first).is_some_and(|&(q, _)| q < end) {
        // An object holding a quotation reports words in part, as a verb of naming does
        // ("called for more “night sailings” to the islands"); other words holding one, and any after a
        // verb of speech ("quoted Roe as calling the plan “…”"), are left to the quotation, read
        // as speech on its own.
        let content = (start, object_end(s, c));
        // A title in quotation marks ("a screening of “The Gull Point Ferry Song”") is no one's words.
        let words_quoted = quotes
            .get(first..)
            .unwrap_or_default()
            .iter()
            .take_while(|&&(q, _)| q < content.1)
            .any(|&(q, e)| !super::is_title(s.text.get(q..e).unwrap_or("")));
        // A verb of speech inside the object takes the quotation ("thanked Ann for her help,
        // then warned: “…”").
        let speech_inside = (c..s.to)
            .take_while(|&j| s.tok(j).start < content.1)
            .any(|j| s.tok(j).is_cue() && !s.tok(j).in_quote);
        let quoted_object = !t.is_cue()
            && c == object
            && !speech_inside
            && words_quoted
            && object_holds_quote(s, c, content, quotes);
        return quoted_object.then_some(Frame::report(k, subject, content, borrowed_subject));
    }
    let end = start + s.text.get(start..end)?.trim_end().len();
    // After a verb of speech and a particle, a few words name only the circumstance ("says
    // in an interview."): the words must be as many as reported speech needs.
    let fewest = if t.is_cue() && length == 2 {
        super::frames::MIN_CONTENT_WORDS
    } else {
        MIN_VIEW_WORDS
    };
    (super::frames::words_between(s.text, start..end) >= fewest).then_some(Frame {
        cue: k,
        subject,
        content: (start, end),
        borrowed_subject,
        according: false,
        view: true,
    })
}

/// Most words of a lead-in phrase between a joint and a later clause's subject ("on Friday",
/// "at the hearing this week").
const MAX_LEAD_IN_WORDS: usize = 6;

/// The first token of a lead-in phrase that ends right before the subject at token `subject`:
/// a preposition or an adverb that opens one ([`LEAD_IN_WORDS`]), then plain words with no
/// punctuation, quotation, verb of speech or finite verb among them, within
/// [`MAX_LEAD_IN_WORDS`]. None when a subordinator stands among them: "when", "if", "because",
/// "as" and the like open a clause of their own ("…, when a clerk asked …", "…, but if the
/// board says …"), and so do "after" and "before" right before the subject ("…, after
/// engineers said …"). A joint word after a comma ("…, while on Friday Lee said …") only
/// precedes the phrase.
fn lead_in_before(s: &Sentence, subject: usize) -> Option<usize> {
    let reach = subject.saturating_sub(MAX_LEAD_IN_WORDS).max(s.from + 1);
    let plain = |j: usize| {
        let t = s.tok(j);
        !t.in_quote
            && !t.is_cue()
            && !t.gap_after.contains([',', ';', ':'])
            && !super::frames::is_finite_verb(s, j)
    };
    let mut first = None;
    for j in (reach..subject).rev() {
        if !plain(j) {
            break;
        }
        let word = s.tok(j).lower.as_str();
        let joint = s.tok(j - 1).gap_after.contains(',') && is_in(&JOINT_WORDS, word);
        if joint {
            break;
        }
        let subordinate = if matches!(word, "after" | "before") {
            j + 1 == subject
        } else {
            is_in(&SUBORDINATORS, word) || word == "as"
        };
        if subordinate {
            return None;
        }
        // A preposition or an adverb of time.
        if is_in(&LEAD_IN_WORDS, word) && !is_in(&JOINT_WORDS, word) {
            first = Some(j);
        }
    }
    first
}

/// The words of [`CLAUSE_JOINTS`] and "yet": they join clauses, they open no lead-in.
static JOINT_WORDS: WordList = WordList::new(&["and", "but", "whereas", "while", "yet"]);

/// Joints after which a later frame's subject opens a clause of its own, for a frame of speech
/// too ("Roe said the levy fails, while Lee said it works").
const CLAUSE_JOINTS: [&str; 5] = [", and", ", but", ", while", ", whereas", ";"];

/// Ends each view frame's words before the subject of a later frame in the sentence, and before
/// the word joining the two ("Roe backs the levy, but Lee said it fails": the view is "the
/// levy"); a frame of speech ends so only where a comma and a joint, or a semicolon, stand
/// before the later subject, or a comma or a joint and a lead-in phrase ([`lead_in_before`]:
/// "Roe said X, and on Friday Lee said Y"). "Roe said Lee said it fails" is one report inside
/// another.
pub(crate) fn end_before_later_subjects(s: &Sentence, frames: &mut [Frame]) {
    let after_joint = |from: usize, at: usize| {
        let before = s.text.get(from..at).unwrap_or("").trim_end();
        CLAUSE_JOINTS.iter().any(|j| before.ends_with(j))
    };
    // A later subject's clause opens at its subject, or at a lead-in phrase before it after a
    // joint or a comma ("…, and on Friday Lee said …", "…, at the hearing Lee said …").
    let later: Vec<(usize, usize, bool, bool)> = frames
        .iter()
        .map(|f| {
            let first = s.tok(f.subject.0);
            let lead_in = lead_in_before(s, f.subject.0).filter(|&l| {
                s.tok(l - 1).gap_after.contains(',') || after_joint(s.span.0, s.tok(l).start)
            });
            let opening = lead_in.map_or(first.start, |l| s.tok(l).start);
            let pronoun = NAMING_PRONOUNS.contains(&first.lower);
            (f.cue, opening, pronoun, lead_in.is_some())
        })
        .collect();
    for f in frames.iter_mut() {
        // "Roe said the levy fails, but she hopes …": a pronoun goes on with the same report.
        let cut = later
            .iter()
            .filter(|&&(cue, at, ..)| cue > f.cue && at > f.content.0 && at < f.content.1)
            .filter(|&&(_, at, pronoun, lead_in)| {
                f.view || (!pronoun && (lead_in || after_joint(f.content.0, at)))
            })
            .map(|&(_, at, ..)| at)
            .min();
        if let Some(at) = cut {
            let mut kept = s.text.get(f.content.0..at).unwrap_or("").trim_end();
            for joint in JOINTS {
                kept = kept.strip_suffix(joint).unwrap_or(kept);
            }
            f.content.1 = f.content.0 + kept.trim_end_matches([' ', ',']).len();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_of_the_table_has_a_key_a_scope_and_four_counts() {
        let rows: Vec<&str> = TABLE.lines().filter(|l| !l.starts_with('#')).collect();
        assert!(rows.len() > 100, "{} rows", rows.len());
        for row in rows {
            let fields: Vec<&str> = row.split('\t').collect();
            let [_, scope, counts @ ..] = fields.as_slice() else {
                panic!("{row:?}");
            };
            assert!(matches!(*scope, "any" | "named"), "{row:?}");
            let counts: Vec<u32> = counts.iter().map(|c| c.parse().expect("a count")).collect();
            // attributed <= seen, overall and after a name.
            let [attributed, seen, attributed_named, seen_named] = counts.as_slice() else {
                panic!("{row:?}");
            };
            assert!(
                attributed <= seen && attributed_named <= seen_named,
                "{row:?}"
            );
        }
        assert_eq!(
            keys().keys.len(),
            TABLE.lines().filter(|l| !l.starts_with('#')).count()
        );
    }
}
