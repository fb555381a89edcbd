//! Figures, ranks, days and directions: the same matter given different values by two
//! documents ("three hikers were rescued" against "four hikers were rescued"; "the ninth lap"
//! against "the tenth lap"; "on Monday" against "on Tuesday"; "north of Carlow" against "south
//! of Carlow").
//!
//! Two values are about the same matter when they count or qualify a word of the same stem and
//! their sentences share a word the story rarely uses (for days: two such words), or when the
//! two sentences are one statement, or when each is the tally its document leads with of one
//! outcome and their sentences share another word ("injured 12 workers in the fire" against
//! "fourteen workers were hurt in the fire": [`OUTCOMES`]), or when each is its document's only
//! count of a thing the news seldom counts and their sentences share another rare word ("the
//! detention of 14 ferrymen" against "the 12 ferrymen held in Kessel": [`SELDOM_IN_NEWS`]). Two
//! documents that each state both values are no conflict, and a rate is never set against a
//! count ("3 ferrymen a week").
//! A change the text announces ("rose to 15") or a later publication makes it an update.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::variants::differences;
use super::{words_text, Proposal};
use crate::attribute::lexicon::{is_in, CUES};
use crate::compare::reading::{Reading, Sentence};
use crate::compare::values::{
    bare_counts, number_word, numbers, ordinal_word, seconds_in, values, Value, ValueKind, AGO,
    MEASURES,
};
use crate::model::{ConflictKind, ValueRelation};

/// Values compared per matter: a word counted in more places than this is too common to say
/// what is counted.
const MAX_VALUES_PER_MATTER: usize = 40;
/// How many times larger one count may be than the other and still be the same quantity told
/// differently.
const MAX_RATIO: f64 = 10.0;
/// The least number that, written anywhere in a document, shows the document knows it.
const MIN_SPECIFIC_NUMBER: f64 = 20.0;
/// Words a differing stretch holding an aligned value may have ("about 80" against "95").
const MAX_ALIGNED_STRETCH: usize = 3;
/// Sentences of one statement whose values are aligned pairwise at most.
const MAX_ALIGNED_MEMBERS: usize = 8;
/// Words on each side of a value that make its context.
const CONTEXT_WORDS: usize = 8;
/// The weight ([`Reading::weight`]) of a word in one sentence in four of the story: the shared
/// context of two values must be worth a number of such words.
const MIN_CONTEXT_WEIGHT: f64 = super::ONE_SENTENCE_IN_FOUR;

/// The largest share of news articles ([`crate::background`]) that may use a word for a count
/// of it to name one thing by itself: one in a hundred. "People", "children" and "states" are
/// counted in many ways in one story; "ferrymen" or "gardeners" seldom are.
const SELDOM_IN_NEWS: f64 = 0.01;

/// What a value is indexed under: its kind, its unit and a matter word's term.
type MatterKey = (u8, &'static str, u64);

struct Found<'r> {
    sentence: &'r Sentence,
    value: Value,
    context: HashSet<u64>,
    /// Where the count stands between parts and wholes, read once.
    role: Role,
    /// What befell what it counts, when a word of [`OUTCOMES`] says so in its clause; kept
    /// only for the tally a document leads with ([`lead_tallies_only`]).
    outcome: Option<usize>,
    /// The outcome as read, before only lead tallies keep theirs.
    read_outcome: Option<usize>,
    /// Its sentence's terms less its own words and the outcome words ([`scene`]), for a count
    /// with an outcome; empty otherwise.
    scene: HashSet<u64>,
}

impl<'r> Found<'r> {
    fn new(sentence: &'r Sentence, value: Value, text: &str) -> Found<'r> {
        let outcome = outcome(sentence, &value, text);
        Found {
            // Only a tally is set against another by its scene.
            scene: if outcome.is_some() {
                scene(sentence, &value)
            } else {
                HashSet::default()
            },
            context: context(sentence, &value),
            role: role(sentence, &value),
            outcome,
            read_outcome: outcome,
            sentence,
            value,
        }
    }
}

/// The terms of a value's sentence that are not the value's own words nor outcome words:
/// where and how what it counts befell.
fn scene(s: &Sentence, v: &Value) -> HashSet<u64> {
    let matter: HashSet<u64> = v.matter.iter().filter_map(|&k| s.words[k].term).collect();
    (0..s.words.len())
        .filter(|k| !v.matter.contains(k) && !(v.at..=v.at + 2).contains(k))
        .filter(|&k| s.words[k].term.is_none_or(|t| !matter.contains(&t)))
        .filter(|&k| {
            !OUTCOMES
                .iter()
                .any(|class| class.contains(&s.words[k].lower.as_str()))
        })
        .filter_map(|k| s.words[k].term)
        .collect()
}

/// Words that say what befell the people or things a count counts, one class per outcome.
/// Two counts of one matter with an outcome of one class are one tally, however differently
/// the rest of their sentences run ("the blast injured 12 workers" against "14 workers were
/// hurt"): the tallies of an event's toll, and of the jobs a firm cuts, are what accounts most
/// often disagree on.
const OUTCOMES: &[&[&str]] = &[
    &[
        "injured",
        "injuring",
        "injuries",
        "hurt",
        "wounded",
        "wounding",
        "hospitalized",
        "hospitalised",
        "hospital",
    ],
    &[
        "killed",
        "killing",
        "dead",
        "died",
        "drowned",
        "drowning",
        "deaths",
        "fatalities",
        "perished",
    ],
    &["missing", "unaccounted"],
    &["arrested", "arrests", "detained", "detention"],
    &["ill", "sick", "sickened", "poisoned"],
    &["evacuated", "evacuating", "evacuation", "displaced"],
    &["rescued", "rescuing"],
    // Jobs or posts done away with: "will cut 1,200 jobs", "1,500 job cuts".
    &[
        "cut",
        "cuts",
        "cutting",
        "eliminate",
        "eliminated",
        "eliminating",
        "shed",
        "shedding",
        "slash",
        "slashed",
        "slashing",
        "axed",
        "axing",
        "layoffs",
        "lay-offs",
        "redundancies",
    ],
];

/// The class in [`OUTCOMES`] of the outcome word nearest a plain count in its clause: a word of
/// what it counts, else the nearest within [`CONTEXT_WORDS`] either way, up to a comma or other
/// break or a conjunction ("three died and 12 were injured": 12 were injured). A count that is
/// only part of a tally has none: one summand of a larger one ("two children and seven adults",
/// "two people and a third"), an addition ("also injured four"), those hurt worst ("three were
/// critically injured", "two in serious condition"), or a tally of two outcomes at once ("dead
/// or missing"). Percentages, money and measures have none.
fn outcome(s: &Sentence, v: &Value, text: &str) -> Option<usize> {
    if !matches!(v.kind, ValueKind::Count) || !v.unit.is_empty() {
        return None;
    }
    let words = &s.words;
    if v.matter
        .first()
        .is_some_and(|&m| MEASURES.contains(&words[m].lower.as_str()))
    {
        return None;
    }
    let class = |k: usize| {
        let word = words[k].lower.as_str();
        // "taken to hospital", "treated in hospital"; not "12 hospital workers".
        if word == "hospital" && !(k > 0 && matches!(words[k - 1].lower.as_str(), "to" | "in")) {
            return None;
        }
        OUTCOMES.iter().position(|class| class.contains(&word))
    };
    let last = v.matter.iter().copied().fold(v.at, usize::max);
    let std::ops::Range {
        start: clause_start,
        end: clause_end,
    } = clause(s, text, v);
    let lower = |k: usize| words.get(k).map_or("", |w| w.lower.as_str());
    let in_condition = (clause_start..clause_end)
        .any(|k| lower(k) == "condition" && k > 0 && SEVERITY.contains(&lower(k - 1)));
    if in_condition || summand(s, text, v.at, last, clause_end) {
        return None;
    }
    // A conjunction or a subordinator opens another clause ("12 injured when two gunmen
    // stormed the depot": the gunmen were not injured).
    let joins = |k: usize| {
        matches!(
            lower(k),
            "and" | "or" | "but" | "while" | "when" | "after" | "because" | "since" | "until"
        )
    };
    // What the outcome word at `k` says: not one (None), a part or a mix of two outcomes
    // (Some(None): "critically injured", "dead or missing"), or its class.
    let read = |k: usize| {
        let c = class(k)?;
        // "critically injured", "injuries so serious that …"
        let worst = (k.saturating_sub(1)..(k + 4).min(words.len()))
            .any(|j| j != k && SEVERITY.contains(&lower(j)));
        let mixed = [k + 2, k.wrapping_sub(2)]
            .into_iter()
            .filter(|&o| o < words.len() && lower((k + o) / 2) == "or")
            .any(|o| class(o).is_some_and(|other| other != c));
        Some((!worst && !mixed).then_some(c))
    };
    if let Some(c) = v.matter.iter().find_map(|&k| read(k)) {
        return c;
    }
    let (mut after_open, mut before_open) = (true, true);
    for d in 1..=CONTEXT_WORDS {
        let k = last + d;
        if after_open && (k >= clause_end || joins(k)) {
            after_open = false;
        }
        if after_open {
            if let Some(c) = read(k) {
                return c;
            }
        }
        if before_open && (d > v.at || v.at - d < clause_start || joins(v.at - d)) {
            before_open = false;
        }
        if before_open {
            if let Some(c) = read(v.at - d) {
                return c;
            }
        }
    }
    None
}

/// The words of a value's clause: from the break before it to the break after what it counts.
fn clause(s: &Sentence, text: &str, v: &Value) -> std::ops::Range<usize> {
    let last = v.matter.iter().copied().fold(v.at, usize::max);
    let end = (last + 1..s.words.len())
        .find(|&k| s.breaks_after(text, k - 1))
        .unwrap_or(s.words.len());
    let start = (0..v.at)
        .rev()
        .find(|&k| s.breaks_after(text, k))
        .map_or(0, |k| k + 1);
    start..end
}

/// Keeps the outcome only of each document's first count of each outcome class: the tally its
/// account leads with. Later counts of a class are most often parts of it ("three of them
/// critically"), its history ("the first blast killed eight") or another event's toll.
fn lead_tallies_only(found: &mut [Found]) {
    let mut first: HashMap<(usize, usize), (usize, usize)> = HashMap::default();
    for f in found.iter() {
        if let Some(c) = f.outcome {
            let at = (f.sentence.span.start(), f.value.at);
            let entry = first.entry((f.sentence.doc, c)).or_insert(at);
            *entry = (*entry).min(at);
        }
    }
    for f in found.iter_mut() {
        if let Some(c) = f.outcome {
            if first[&(f.sentence.doc, c)] != (f.sentence.span.start(), f.value.at) {
                f.outcome = None;
            }
        }
    }
}

/// Words that single out those hurt worst: next to an outcome word ("critically injured",
/// "injuries so serious that …") or before "condition" ("in serious condition").
const SEVERITY: &[&str] = &[
    "seriously",
    "critically",
    "severely",
    "badly",
    "gravely",
    "serious",
    "critical",
];
/// Words before a count, or after what it counts, that make it one more part of a tally told
/// elsewhere ("another four", "were also injured").
const ADDING: &[&str] = &["also", "another", "additional", "further"];
/// Words past the end of a count's clause read for the summand after it: a stray mark inside a
/// word ends a clause too, and must not hide "and then a third".
const SUMMAND_REACH: usize = 10;

/// True when the count at words `at..=last` is one summand of a larger tally: joined by "and"
/// to another count or to "a"/"an" and a noun ("two children and seven adults", "an adult and
/// two teenagers", "two people outside the hall and then a third", "two gardeners and a
/// student"), with no outcome word between (three "were killed and" 12 "were injured" are two
/// tallies); or told as an addition ("also injured four", "four more"). The clause ends before
/// word `clause_end`.
fn summand(s: &Sentence, text: &str, at: usize, last: usize, clause_end: usize) -> bool {
    let words = &s.words;
    let lower = |k: usize| words.get(k).map_or("", |w| w.lower.as_str());
    let number = |k: usize| {
        let w = lower(k);
        number_word(w).is_some() || ordinal_word(w).is_some()
    };
    let outcome_word = |k: usize| OUTCOMES.iter().any(|class| class.contains(&lower(k)));
    // The clause read on past marks that are no comma, semicolon or sentence end.
    let comma_at = |k: usize| s.gap_after(text, k).contains([',', ';', '.', ':']);
    let reach = (last + 1..words.len())
        .find(|&k| comma_at(k - 1))
        .unwrap_or(words.len())
        .min(clause_end + SUMMAND_REACH);
    let added_after = (last + 1..reach)
        .take_while(|&k| !outcome_word(k))
        .any(|k| {
            let mut n = k + 1;
            if lower(n) == "then" {
                n += 1;
            }
            lower(k) == "and"
                && n < reach
                && (number(n) || matches!(lower(n), "a" | "an" | "another"))
        });
    let added_before = at >= 2
        && lower(at - 1) == "and"
        && (number(at - 2) || (at >= 3 && (number(at - 3) || matches!(lower(at - 3), "a" | "an"))))
        && !outcome_word(at - 2);
    let adding = (at.saturating_sub(3)..at).any(|k| ADDING.contains(&lower(k)))
        || (last + 1..(last + 4).min(words.len())).any(|k| ADDING.contains(&lower(k)))
        || (lower(last + 1) == "more" && lower(last + 2) != "than");
    added_after || added_before || adding
}

fn context(s: &Sentence, v: &Value) -> HashSet<u64> {
    let from = v.at.saturating_sub(CONTEXT_WORDS);
    let to = (v.at + CONTEXT_WORDS + 1).min(s.words.len());
    (from..to)
        .filter(|k| !v.matter.contains(k) && !(v.at..=v.at + 2).contains(k))
        .filter_map(|k| s.words[k].term)
        .collect()
}

/// The term that stands for every unit of time in a value's key: a fixed number in place of
/// the unit word's hash (a word hashing to it by chance would share the key, as any two words
/// whose hashes collide do).
const DURATION_TERM: u64 = u64::from_be_bytes(*b"duration");

/// The keys a value is indexed under: its kind and unit with each matter word's term.
fn keys(found: &Found) -> Vec<MatterKey> {
    let kind = found.value.kind as u8;
    let words = &found.sentence.words;
    let matter = &found.value.matter;
    if matter.is_empty() {
        return vec![(kind, found.value.unit, 0)];
    }
    // A unit of measure and the word that says what it measures ("years old", "years service",
    // "days debated") are one key: two values in years are about one matter only when both
    // words agree.
    // Units of time are one unit, since durations are counted in seconds.
    let duration = is_duration(found);
    let term = |k: usize| {
        if duration && seconds_in(&words[k].lower).is_some() {
            Some(DURATION_TERM)
        } else {
            words[k].term
        }
    };
    if matter.len() >= 2 && MEASURES.contains(&words[matter[0]].lower.as_str()) {
        let (Some(a), Some(b)) = (term(matter[0]), term(matter[1])) else {
            return Vec::new();
        };
        return vec![(kind, found.value.unit, a.rotate_left(17) ^ b)];
    }
    matter
        .iter()
        .filter_map(|&k| term(k))
        .map(|t| (kind, found.value.unit, t))
        .collect()
}

/// Proposes a conflict for each pair of documents that give one matter different values.
pub fn find(reading: &Reading) -> Vec<Proposal> {
    // Every pair set against each other is of two documents.
    if reading.docs.len() < 2 {
        return Vec::new();
    }
    let mut found: Vec<Found> = Vec::new();
    for s in &reading.sentences {
        for v in values(s, reading.text(s.doc)) {
            found.push(Found::new(s, v, reading.text(s.doc)));
        }
    }
    lead_tallies_only(&mut found);
    let mut by_key: HashMap<MatterKey, Vec<usize>> = HashMap::default();
    // (document, key, value) triples the documents state, to tell a conflict from a list.
    let mut stated: HashSet<(usize, MatterKey, u64)> = HashSet::default();
    for (i, f) in found.iter().enumerate() {
        for key in keys(f) {
            by_key.entry(key).or_default().push(i);
            stated.insert((f.sentence.doc, key, f.value.point.to_bits()));
        }
    }
    // A document that gives one matter several values (a table of rates, two debts) does not
    // say which of them another document contradicts: it takes part in no conflict on it. Values
    // both documents give ("a decade ago" in each) are common ground, not a choice.
    // A specific number a document writes anywhere, about whatever matter, is one it knows: the
    // other document writing it about this matter ("1,200 of the country's 3,900") is no
    // contradiction of it. Small counts are too common for this to say anything.
    let mut written: HashSet<(usize, u64)> = HashSet::default();
    // Every number each sentence writes: a sentence that takes a part from a whole and writes
    // the other side's number ("12 of the 30 piers") knows it, whatever it counts there.
    let mut in_sentence: HashSet<(usize, usize, u64)> = HashSet::default();
    for s in &reading.sentences {
        for n in numbers(s, reading.text(s.doc)) {
            in_sentence.insert((s.doc, s.span.start(), n.to_bits()));
            if n >= MIN_SPECIFIC_NUMBER {
                written.insert((s.doc, n.to_bits()));
            }
        }
    }
    let mut values_given: HashMap<(usize, MatterKey), HashSet<u64>> = HashMap::default();
    for (doc, key, value) in &stated {
        values_given.entry((*doc, *key)).or_default().insert(*value);
    }
    let empty = HashSet::default();
    let given = |doc: usize, key| values_given.get(&(doc, key)).unwrap_or(&empty);
    let ambiguous = |da: usize, db: usize, key| {
        let (a, b) = (given(da, key), given(db, key));
        a.difference(b).count() > 1 || b.difference(a).count() > 1
    };
    // Two tallies of one outcome are ambiguous only among the values each document gives for
    // that outcome: "three were killed and 12 injured" gives one count of the injured.
    let mut tallies_given: HashMap<(usize, MatterKey, usize), HashSet<u64>> = HashMap::default();
    for f in &found {
        if let Some(c) = f.read_outcome {
            for key in keys(f) {
                tallies_given
                    .entry((f.sentence.doc, key, c))
                    .or_default()
                    .insert(f.value.point.to_bits());
            }
        }
    }
    let ambiguous_tally = |da: usize, db: usize, key, c| {
        let given = |doc| tallies_given.get(&(doc, key, c)).unwrap_or(&empty);
        let (a, b) = (given(da), given(db));
        a.difference(b).count() > 1 || b.difference(a).count() > 1
    };
    let mut best: HashMap<(usize, usize), Proposal> = HashMap::default();
    let mut keys_sorted: Vec<_> = by_key.keys().copied().collect();
    keys_sorted.sort_unstable();
    for key in keys_sorted {
        let members = &by_key[&key];
        if members.len() > MAX_VALUES_PER_MATTER {
            continue;
        }
        for (n, &a) in members.iter().enumerate() {
            for &b in &members[n + 1..] {
                let (fa, fb) = (&found[a], &found[b]);
                let (da, db) = (fa.sentence.doc, fb.sentence.doc);
                if da == db || fa.value.point == fb.value.point || fa.role != fb.role {
                    continue;
                }
                // Times are set against each other only where one statement's two wordings
                // align them ([`aligned_pairs`]).
                if timed(&fa.value) {
                    continue;
                }
                let ambiguous = match fa.outcome.filter(|_| fa.outcome == fb.outcome) {
                    Some(c) => ambiguous_tally(da, db, key, c),
                    None => ambiguous(da, db, key),
                };
                if ambiguous {
                    continue;
                }
                let each_states_both = stated.contains(&(da, key, fb.value.point.to_bits()))
                    || stated.contains(&(db, key, fa.value.point.to_bits()));
                let writes = |f: &Found, other: &Found| {
                    let n = as_written(other).to_bits();
                    written.contains(&(f.sentence.doc, n))
                        || (f.role != Role::Plain
                            && in_sentence.contains(&(f.sentence.doc, f.sentence.span.start(), n)))
                };
                let knows_the_other = writes(fa, fb) || writes(fb, fa);
                if each_states_both || knows_the_other {
                    continue;
                }
                let sole = sole_counts(reading, fa, fb, key, given(da, key), given(db, key));
                let Some(p) = propose(reading, fa, fb, sole) else {
                    continue;
                };
                let pair = (a.min(b), a.max(b));
                if best.get(&pair).is_none_or(|q| q.strength < p.strength) {
                    best.insert(pair, p);
                }
            }
        }
    }
    // Counts whose matter is elided ("only six have recovered") are compared only where two
    // wordings of one statement align them.
    for s in &reading.sentences {
        for v in bare_counts(s, reading.text(s.doc)) {
            let mut bare = Found::new(s, v, reading.text(s.doc));
            bare.outcome = None;
            bare.read_outcome = None;
            found.push(bare);
        }
    }
    aligned_pairs(reading, &found, &mut best);
    let mut out: Vec<(usize, usize, Proposal)> =
        best.into_iter().map(|((a, b), p)| (a, b, p)).collect();
    out.sort_by_key(|(a, b, _)| (*a, *b));
    merge(out.into_iter().map(|(_, _, p)| p).collect())
}

/// Joins proposals that give the same two values and share a side's sentence ("four" in one
/// outlet against "two" in another, and "four" in a third against the same "two"): one
/// disagreement, reported once with every side.
fn merge(proposals: Vec<Proposal>) -> Vec<Proposal> {
    let values = |p: &Proposal| {
        let mut v: Vec<String> = p
            .conflict
            .sides
            .iter()
            .filter_map(|s| s.value.as_deref().map(str::to_lowercase))
            .collect();
        v.sort();
        v.dedup();
        (p.conflict.kind, v)
    };
    let mut out: Vec<Proposal> = Vec::new();
    for p in proposals {
        let key = values(&p);
        let joined = out.iter_mut().find(|q| {
            values(q) == key
                && q.conflict.sides.iter().any(|a| {
                    p.conflict
                        .sides
                        .iter()
                        .any(|b| a.evidence.first() == b.evidence.first())
                })
        });
        match joined {
            Some(q) => {
                for side in p.conflict.sides {
                    if !q.conflict.sides.iter().any(|s| s.evidence == side.evidence) {
                        q.conflict.sides.push(side);
                    }
                }
                q.strength = q.strength.max(p.strength);
            }
            None => out.push(p),
        }
    }
    out
}

/// Units an ongoing event's age is counted in ("its ninth day").
const RUNNING_UNITS: &[&str] = &["day", "week", "month"];
/// Words before "its"/"the" that say an ongoing event has reached a rank ("entered its").
const REACHING: &[&str] = &[
    "entered", "enters", "entering", "into", "in", "reached", "reaches", "marked", "marks",
];

/// True when a rank counts how long an ongoing event has run: "entered its ninth day", "now in
/// the third week".
fn running_count(f: &Found) -> bool {
    let words = &f.sentence.words;
    let v = &f.value;
    let unit = v
        .matter
        .first()
        .is_some_and(|&m| RUNNING_UNITS.contains(&words[m].lower.as_str()));
    let reached = v.at >= 2
        && matches!(words[v.at - 1].lower.as_str(), "its" | "the" | "their")
        && REACHING.contains(&words[v.at - 2].lower.as_str());
    matches!(v.kind, ValueKind::Ordinal) && unit && reached
}

/// Words next to a value that tie it to the time of writing ("now 41").
const PRESENT_WORDS: &[&str] = &["now", "currently", "today"];
/// Words next to a value that tie it to an earlier moment ("nine at the time", "then 40").
const PAST_WORDS: &[&str] = &[
    "then",
    "time",
    "previously",
    "formerly",
    "initially",
    "originally",
    "once",
    "earlier",
];
/// Words on each side of a value read for the moment it is tied to.
const MOMENT_REACH: usize = 4;

/// The moment a value is tied to by the words within [`MOMENT_REACH`] of it and what it counts,
/// up to a break in the sentence: `Some(true)` for the time of writing, `Some(false)` for an earlier moment,
/// `None` when nothing says (or both are said).
fn moment(f: &Found, text: &str) -> Option<bool> {
    let s = f.sentence;
    let from = f.value.at.saturating_sub(MOMENT_REACH);
    let end = f.value.span.end();
    let next = s
        .words
        .iter()
        .position(|w| w.span.start() >= end)
        .unwrap_or(s.words.len());
    let next = f.value.matter.iter().map(|m| m + 1).fold(next, usize::max);
    let (mut present, mut past) = (false, false);
    let mut read = |k: usize| {
        present |= PRESENT_WORDS.contains(&s.words[k].lower.as_str());
        past |= PAST_WORDS.contains(&s.words[k].lower.as_str());
    };
    for k in (from..f.value.at).rev() {
        if s.breaks_after(text, k) {
            break;
        }
        read(k);
    }
    for k in next..(next + MOMENT_REACH).min(s.words.len()) {
        if s.breaks_after(text, k - 1) {
            break;
        }
        read(k);
    }
    (present != past).then_some(present)
}

/// Words before a count that make it a part of a larger group ("including two children", "the
/// other three").
const PART_OPENERS: &[&str] = &["including", "other", "another"];

/// The place of a count in a part-and-whole construction. Counts of different places count
/// different things: "12 of the 30 piers" gives a part and a whole, and neither contradicts
/// "12 piers" elsewhere the way another plain count would.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Role {
    /// A count told on its own: "nine hikers were rescued".
    Plain,
    /// A part of a group: "including two children", "the other three", "12 of the 30", "among
    /// them two".
    Part,
    /// A group that parts are taken from: "one of four pumps", "12 of the 30 piers", "among ten
    /// herds", "nine hikers, including two children".
    Whole,
}

/// Where a count stands between parts and wholes (see [`Role`]).
fn role(sentence: &Sentence, value: &Value) -> Role {
    // Only bare counts are parts or wholes: an age or a sum followed by "of" is not ("Ann Reed,
    // 41, of Leeds").
    if !matches!(value.kind, ValueKind::Count) || !value.unit.is_empty() {
        return Role::Plain;
    }
    let words = &sentence.words;
    let at = value.at;
    let word = |k: usize| words.get(k).map_or("", |w| w.lower.as_str());
    let back = |k: usize| if at >= k { word(at - k) } else { "" };
    // A number then "of" shortly before this count: "one of four", "12 of the 30", "1,200 of
    // the country's 3,900".
    let of_a_number =
        (1..=4).any(|k| at > k && back(k) == "of" && number_word(back(k + 1)).is_some());
    let among_whole = back(1) == "among" || (back(2) == "among" && back(1) == "the");
    // The first word after the number, and the first after what it counts.
    let next = word_after(sentence, value);
    let after_matter = value.matter.iter().map(|m| m + 1).fold(next, usize::max);
    if of_a_number || among_whole || word(after_matter) == "including" {
        return Role::Whole;
    }
    let opened = PART_OPENERS.contains(&back(1)) || PART_OPENERS.contains(&back(2));
    if opened || back(2) == "among" || matches!(word(next), "of" | "out") {
        return Role::Part;
    }
    Role::Plain
}

/// True when a weekday is the day something was said ("officials said on Tuesday", "a report
/// revealed Monday"), not the day of what happened.
fn is_day_of_report(f: &Found) -> bool {
    let words = &f.sentence.words;
    let at = f.value.at;
    matches!(f.value.kind, ValueKind::Weekday)
        && (1..=2).any(|k| at >= k && is_in(&CUES, &words[at - k].lower))
}

/// The word of the two before a day that puts its moment at an end of it ("late on Monday",
/// "early Tuesday", "overnight Friday"), if any.
fn at_night<'f>(f: &Found<'f>) -> Option<&'f str> {
    let words = &f.sentence.words;
    let at = f.value.at;
    (1..=2)
        .filter(|&k| at >= k)
        .map(|k| words[at - k].lower.as_str())
        .find(|w| matches!(*w, "late" | "early" | "overnight"))
}

/// True for a count of a unit of time, a length or a time back from now ("four years ago"),
/// which [`values`] counts in seconds.
fn is_duration(f: &Found) -> bool {
    duration_seconds(f).is_some()
}

/// Seconds in the unit of time a count of time counts ([`seconds_in`]).
fn duration_seconds(f: &Found) -> Option<f64> {
    let plain = f.value.unit.is_empty() || f.value.unit == AGO;
    f.value
        .matter
        .first()
        .filter(|_| plain)
        .and_then(|&m| seconds_in(&f.sentence.words[m].lower))
}

/// A value's number as its text writes it (a duration's count of its own unit).
fn as_written(f: &Found) -> f64 {
    f.value.point / duration_seconds(f).unwrap_or(1.0)
}

/// True for a time: a weekday, a date or a time back from now ("four years ago").
fn timed(v: &Value) -> bool {
    matches!(v.kind, ValueKind::Weekday | ValueKind::Date) || v.unit == AGO
}

/// Words in a count's clause that make it a possibility or a plan, not an account of what is
/// ("as many as 900 could return", "would cost 40 jobs").
const MODALS: &[&str] = &["could", "may", "might", "would", "should", "will"];
/// Words between a count and what it counts that add it to others ("four other hikers", "two
/// more boats").
const OTHERS: &[&str] = &["other", "more", "additional", "further"];

/// True when a count is told as more of a tally told elsewhere ("also rescued two hikers",
/// "four other hikers") or as part of a mixed group ("nine hikers and other walkers").
fn told_as_addition(f: &Found) -> bool {
    let words = &f.sentence.words;
    let lower = |k: usize| words.get(k).map_or("", |w| w.lower.as_str());
    let head = f.value.matter.first().copied().unwrap_or(f.value.at);
    // The value's own words ("12 or more") are its hedge, not an addition.
    let after_value = word_after(f.sentence, &f.value);
    (f.value.at.saturating_sub(3)..f.value.at).any(|k| ADDING.contains(&lower(k)))
        || (after_value..=head).any(|k| OTHERS.contains(&lower(k)))
        || (lower(head + 1) == "and" && matches!(lower(head + 2), "other" | "others"))
}

/// The index of the first word after a value's own words ("about 12", "7 per cent").
fn word_after(sentence: &Sentence, value: &Value) -> usize {
    let end = value.span.end();
    sentence
        .words
        .iter()
        .position(|w| w.span.start() >= end)
        .unwrap_or(sentence.words.len())
}

/// Units of time after which "a", "an", "each", "every" or "per" make a count a rate.
const RATE_UNITS: &[&str] = &["hour", "day", "week", "month", "year", "night"];

/// True when a count is a rate: a unit of time right after what it counts (or what that is of),
/// behind "a", "an", "each", "every" or "per" ("40 tonnes a day", "two ferries per hour", "4
/// million litres of fuel a week"), and not a moment
/// ("killed 12 people a day after the strike", "freed 12 ferrymen a week ago").
fn is_rate(f: &Found) -> bool {
    let words = &f.sentence.words;
    let lower = |k: usize| words.get(k).map_or("", |w| w.lower.as_str());
    let last = f.value.matter.iter().copied().fold(
        word_after(f.sentence, &f.value).saturating_sub(1),
        usize::max,
    );
    // "4 million gallons of water a year": past what the thing is of.
    let k = if lower(last + 1) == "of" {
        last + 3
    } else {
        last + 1
    };
    matches!(lower(k), "a" | "an" | "each" | "every" | "per")
        && RATE_UNITS.contains(&lower(k + 1).trim_end_matches('s'))
        && !matches!(
            lower(k + 2),
            "after" | "ago" | "before" | "earlier" | "later"
        )
}

/// True when two counts are each document's only count of a thing the news seldom counts
/// ("14 ferrymen" in one account, "the 12 ferrymen" in another: [`SELDOM_IN_NEWS`]), told the
/// same way, and their sentences share another word the story rarely uses: the thing itself
/// ties them to one matter however differently the rest of the sentences run. Counts of two
/// different outcomes ("five ferrymen" drowned, "three ferrymen" hurt), an addition against a
/// tally ("four other ferrymen") and a possibility ("could carry 40 ferrymen") are no such pair.
fn sole_counts(
    reading: &Reading,
    a: &Found,
    b: &Found,
    key: MatterKey,
    given_a: &HashSet<u64>,
    given_b: &HashSet<u64>,
) -> bool {
    let plain_count = |f: &Found| {
        let text = reading.text(f.sentence.doc);
        let words = &f.sentence.words;
        // What it counts is a word in lower case (not "12 Valmoran nationals" under
        // "Valmoran"), and no modal in its clause makes it a possibility ("could free 40",
        // "40 could return"; not "since May").
        let clause = clause(f.sentence, text, &f.value);
        matches!(f.value.kind, ValueKind::Count)
            && f.value.unit.is_empty()
            && f.value.matter.first().is_some_and(|&m| {
                words[m].term == Some(key.2)
                    && !words[m].cap
                    && !MEASURES.contains(&words[m].lower.as_str())
                    && seconds_in(&words[m].lower).is_none()
            })
            && !clause
                .clone()
                .any(|k| !words[k].cap && MODALS.contains(&words[k].lower.as_str()))
    };
    // What befell the counted ones is the same, or one account tells it and the other describes
    // them by a participle of its own ("the detention of 14 ferrymen", "the 12 ferrymen held");
    // "41 pupils fell ill" and "a meal served to 200 pupils" count different pupils.
    let told = |f: &Found| {
        f.read_outcome.is_some() || described_by_participle(f, reading.text(f.sentence.doc))
    };
    let outcomes_agree = match (a.read_outcome, b.read_outcome) {
        (Some(x), Some(y)) => x == y,
        _ => told(a) == told(b),
    };
    let rare = |t: u64| reading.weight(t) >= MIN_CONTEXT_WEIGHT;
    let another_rare_word = || {
        a.sentence
            .terms
            .intersection(&b.sentence.terms)
            .any(|&t| t != key.2 && rare(t))
    };
    plain_count(a)
        && plain_count(b)
        && given_a.len() == 1
        && given_b.len() == 1
        && outcomes_agree
        && told_as_addition(a) == told_as_addition(b)
        && crate::background::document_share(key.2) <= SELDOM_IN_NEWS
        && another_rare_word()
}

/// Irregular participles that say what state the counted ones are in ("12 ferrymen held").
const STATE_PARTICIPLES: &[&str] = &["held", "hurt", "caught", "kept", "left", "stuck", "taken"];

/// Auxiliaries before a participle that makes it one ("has held", "were trapped").
const AUXILIARIES: &[&str] = &["has", "have", "had", "was", "were", "been", "is", "are"];

/// True when a participle describes what a count counts, right after it in its clause ("the 12
/// ferrymen held in Kessel", "30 miners trapped") or after an auxiliary right before the count
/// ("has held 12 ferrymen"; not the simple past of "served 200 ferrymen").
fn described_by_participle(f: &Found, text: &str) -> bool {
    let words = &f.sentence.words;
    let Some(&head) = f.value.matter.first() else {
        return false;
    };
    let participle = |k: usize| {
        words.get(k).is_some_and(|w| {
            !w.cap
                && (STATE_PARTICIPLES.contains(&w.lower.as_str())
                    || (w.lower.len() > 4 && w.lower.ends_with("ed")))
        })
    };
    let last = f.value.matter.iter().copied().fold(head, usize::max);
    let after = (head + 1..=last + 1)
        .take_while(|&k| k == head + 1 || !f.sentence.breaks_after(text, k - 1))
        .any(participle);
    let before = f.value.at >= 2
        && participle(f.value.at - 1)
        && AUXILIARIES.contains(&words[f.value.at - 2].lower.as_str());
    after || before
}

fn propose(reading: &Reading, a: &Found, b: &Found, sole: bool) -> Option<Proposal> {
    if is_day_of_report(a) || is_day_of_report(b) {
        return None;
    }
    // A rate is a pace, not a quantity a count of the same thing can contradict.
    if matches!(a.value.kind, ValueKind::Count) && is_rate(a) != is_rate(b) {
        return None;
    }
    // Nor are two counts of different outcomes ("37 children fell ill" against "four children
    // were taken to hospital").
    if matches!((a.read_outcome, b.read_outcome), (Some(x), Some(y)) if x != y) {
        return None;
    }
    // One statement in two wordings: the sentences overlap as much as grouping asks (a group
    // joined only by a shared phrase is not enough to align two values).
    let same_statement = reading.one_statement(a.sentence, b.sentence);
    let shared: Vec<u64> = a.context.intersection(&b.context).copied().collect();
    let shared_weight: f64 = shared.iter().map(|t| reading.weight(*t)).sum();
    // How many words of [`MIN_CONTEXT_WEIGHT`] the shared context must be worth.
    let (kind, needed) = match a.value.kind {
        ValueKind::Count if a.value.unit == AGO => (ConflictKind::Date, 3.0),
        ValueKind::Count => (ConflictKind::Figure, 2.0),
        ValueKind::Ordinal => (ConflictKind::Date, 0.0),
        ValueKind::Weekday | ValueKind::Date => (ConflictKind::Date, 3.0),
        ValueKind::Direction => (ConflictKind::Place, 1.0),
    };
    // The day an ongoing event has reached ("the strike entered its ninth day") is the story's
    // own clock: two of them are about one matter whatever else their sentences say.
    let clock = running_count(a) && running_count(b);
    // Lead tallies of one outcome are one matter ([`OUTCOMES`]) when their sentences share a
    // word besides the count's own and the outcome's: where or how it befell ("in the fire",
    // "at the plant").
    let one_outcome =
        a.outcome.is_some() && a.outcome == b.outcome && !a.scene.is_disjoint(&b.scene);
    if !same_statement
        && !clock
        && !one_outcome
        && !sole
        && (shared_weight < needed * MIN_CONTEXT_WEIGHT
            || reading.similarity(a.sentence, b.sentence) < super::MIN_SIMILARITY)
    {
        return None;
    }
    // A weekday differs between reports of different days about different moments far more
    // often than it is disputed: days are compared only within one statement, and only when
    // the two days stand in the same place of its two wordings ("voted on Monday" against
    // "voted on Tuesday", not "announced Monday" against "will vote on Tuesday").
    // So is a date, or a time back from now ("four years ago"): two accounts name different
    // times for the different things they tell.
    if timed(&a.value) && !(same_statement && aligned_within(a, b, MAX_ALIGNED_STRETCH)) {
        return None;
    }
    // "Late on Friday" and "early on Saturday" are one night told in two time zones ("late
    // Monday" and "late Tuesday" are two days).
    if matches!(a.value.kind, ValueKind::Weekday)
        && ((a.value.point - b.value.point).abs() == 1.0
            || (a.value.point - b.value.point).abs() == 6.0)
        && at_night(a) != at_night(b)
    {
        return None;
    }
    // Values of different years are about different times ("nine floods last year, 30 this").
    // One statement's two wordings with the values in the same place are about one time even
    // when only one of them writes a year, unless it writes it next to the value ("won 332
    // votes in 2012").
    // Sentences that name a year in common ("freed in 2009 after 12 years" against "her
    // 2009 release after 15 years") speak of one time, whatever other years one also names.
    let one_time = clock
        || (same_statement && aligned_within(a, b, usize::MAX) && !year_near(a) && !year_near(b));
    let (ya, yb) = (years(reading, a.sentence), years(reading, b.sentence));
    let year_in_common = ya.iter().any(|y| yb.contains(y));
    if !one_time && ya != yb && !year_in_common {
        return None;
    }
    // Counts an order of magnitude apart are different quantities (a sample against a
    // population, a part against a total), not one quantity told differently.
    let (small, large) = (
        a.value.point.min(b.value.point),
        a.value.point.max(b.value.point),
    );
    // A duration is set against a count in another unit (or none) as written: "two months"
    // against "five moths" is a misprint's 2 against 5, not months against seconds.
    let (small, large) = if is_duration(a) == is_duration(b) {
        (small, large)
    } else {
        let (x, y) = (as_written(a), as_written(b));
        (x.min(y), x.max(y))
    };
    if matches!(a.value.kind, ValueKind::Count) && small > 0.0 && large / small > MAX_RATIO {
        return None;
    }
    // A value of the time of writing and one of an earlier moment ("now 41" against "nine at
    // the time") are of two times.
    let (ma, mb) = (
        moment(a, reading.text(a.sentence.doc)),
        moment(b, reading.text(b.sentence.doc)),
    );
    if matches!((ma, mb), (Some(x), Some(y)) if x != y) {
        return None;
    }
    let incompatible = a.value.incompatible(&b.value);
    // Values that can both hold are worth a reader's time only in one statement's two wordings.
    if !(incompatible || same_statement || a.value.changed || b.value.changed) {
        return None;
    }
    let dates = (
        reading.docs[a.sentence.doc].published_date(),
        reading.docs[b.sentence.doc].published_date(),
    );
    let republished = matches!(dates, (Some(x), Some(y)) if x != y);
    let relation = if a.value.changed || b.value.changed || republished {
        ValueRelation::Updated
    } else if incompatible {
        ValueRelation::Incompatible
    } else {
        ValueRelation::Different
    };
    let mut strength = match relation {
        ValueRelation::Incompatible => 3.0,
        ValueRelation::Updated => 2.0,
        ValueRelation::Different => 1.0,
    };
    strength += if same_statement { 2.0 } else { 0.0 };
    strength += shared
        .iter()
        .map(|t| reading.weight(*t))
        .sum::<f64>()
        .min(4.0)
        / 2.0;
    let value_of = |f: &Found| reading.span_text(f.sentence.doc, f.value.span).to_string();
    let sides = vec![
        reading.side(a.sentence, a.sentence.span, Some(value_of(a))),
        reading.side(b.sentence, b.sentence.span, Some(value_of(b))),
    ];
    Some(Proposal::new(
        strength,
        kind,
        about(reading, a),
        Some(relation),
        sides,
    ))
}

/// Values that stand in the same place of one statement's two wordings ("police held 12
/// people" against "police held 15 people"), whatever they count: the alignment of the two
/// sentences says they are about one matter. A document that states the other value anywhere
/// is no side.
fn aligned_pairs(reading: &Reading, found: &[Found], best: &mut HashMap<(usize, usize), Proposal>) {
    let mut by_sentence: HashMap<(usize, usize), Vec<usize>> = HashMap::default();
    let mut stated: HashSet<(usize, u8, &'static str, u64)> = HashSet::default();
    for (i, f) in found.iter().enumerate() {
        by_sentence
            .entry((f.sentence.doc, f.sentence.span.start()))
            .or_default()
            .push(i);
        // A bare count ([`bare_counts`]) says nothing about any matter: a document writing
        // "six" elsewhere does not state six of what another count counts.
        let bare = matches!(f.value.kind, ValueKind::Count)
            && f.value.unit.is_empty()
            && f.value.matter.is_empty();
        if !bare {
            stated.insert((
                f.sentence.doc,
                f.value.kind as u8,
                f.value.unit,
                as_written(f).to_bits(),
            ));
        }
    }
    let mut by_statement: std::collections::BTreeMap<&str, Vec<&Sentence>> = Default::default();
    for s in &reading.sentences {
        if by_sentence.contains_key(&(s.doc, s.span.start())) {
            if let Some(id) = reading.statement_of(s) {
                let members = by_statement.entry(id.as_str()).or_default();
                if members.len() < MAX_ALIGNED_MEMBERS {
                    members.push(s);
                }
            }
        }
    }
    for members in by_statement.values() {
        for (n, sa) in members.iter().enumerate() {
            for sb in &members[n + 1..] {
                if sa.doc == sb.doc || !reading.one_statement(sa, sb) {
                    continue;
                }
                let wa: Vec<&str> = sa.words.iter().map(|w| w.lower.as_str()).collect();
                let wb: Vec<&str> = sb.words.iter().map(|w| w.lower.as_str()).collect();
                let va = &by_sentence[&(sa.doc, sa.span.start())];
                let vb = &by_sentence[&(sb.doc, sb.span.start())];
                for (ra, rb) in differences(&wa, &wb) {
                    // The value replaced, not a clause rewritten around it: a longer stretch
                    // is read at its first word only, where a value opening both stands in
                    // the same place of the two wordings ("when she was 18." against "when
                    // she was 28, and married soon after").
                    let long = ra.len() > MAX_ALIGNED_STRETCH || rb.len() > MAX_ALIGNED_STRETCH;
                    if long && (ra.is_empty() || rb.is_empty()) {
                        continue;
                    }
                    let (ra, rb) = if long {
                        (ra.start..ra.start + 1, rb.start..rb.start + 1)
                    } else {
                        (ra, rb)
                    };
                    let in_a: Vec<usize> = va
                        .iter()
                        .copied()
                        .filter(|&i| in_stretch(&ra, &found[i]))
                        .collect();
                    let in_b: Vec<usize> = vb
                        .iter()
                        .copied()
                        .filter(|&i| in_stretch(&rb, &found[i]))
                        .collect();
                    let ([a], [b]) = (in_a.as_slice(), in_b.as_slice()) else {
                        continue;
                    };
                    let (fa, fb) = (&found[*a], &found[*b]);
                    let same_kind =
                        fa.value.kind == fb.value.kind && fa.value.unit == fb.value.unit;
                    // (As written: "13 years old" in one place states the 13 of an age in
                    // another.)
                    let key = |f: &Found, other: &Found| {
                        let v = &other.value;
                        (
                            f.sentence.doc,
                            v.kind as u8,
                            v.unit,
                            as_written(other).to_bits(),
                        )
                    };
                    // A document names many days: the two wordings, not the rest of the
                    // documents, say which day is told of.
                    let states_both = !timed(&fa.value)
                        && (stated.contains(&key(fa, fb)) || stated.contains(&key(fb, fa)));
                    if !same_kind || fa.value.point == fb.value.point || states_both {
                        continue;
                    }
                    if let Some(p) = propose(reading, fa, fb, false) {
                        let pair = (*a.min(b), *a.max(b));
                        if best.get(&pair).is_none_or(|q| q.strength < p.strength) {
                            best.insert(pair, p);
                        }
                    }
                }
            }
        }
    }
}

/// True when the two values stand in one stretch where their sentences differ (a word of each
/// value in it: "Oct. 3" against "Oct. 7" differ in the day only), the words around them
/// aligned (longest common subsequence of the sentences' words), and the stretch holds at most
/// `max` words on each side.
fn aligned_within(a: &Found, b: &Found, max: usize) -> bool {
    let wa: Vec<&str> = a.sentence.words.iter().map(|w| w.lower.as_str()).collect();
    let wb: Vec<&str> = b.sentence.words.iter().map(|w| w.lower.as_str()).collect();
    differences(&wa, &wb).iter().any(|(ra, rb)| {
        ra.len() <= max && rb.len() <= max && in_stretch(ra, a) && in_stretch(rb, b)
    })
}

/// True when a word of the value lies in the stretch `r` of its sentence's words.
fn in_stretch(r: &std::ops::Range<usize>, f: &Found) -> bool {
    r.clone()
        .any(|k| k >= f.value.at && f.sentence.words[k].span.start() < f.value.span.end())
}

/// The years a sentence names, and whether it speaks of a year relative to now ("last year").
/// True when a year is written within [`CONTEXT_WORDS`] of a value.
fn year_near(f: &Found) -> bool {
    let words = &f.sentence.words;
    let from = f.value.at.saturating_sub(CONTEXT_WORDS);
    let to = (f.value.at + CONTEXT_WORDS + 1).min(words.len());
    words[from..to].iter().any(|w| is_year(&w.lower))
}

/// True for a year written in digits, 1800 to 2199.
fn is_year(lower: &str) -> bool {
    lower.len() == 4
        && lower.bytes().all(|b| b.is_ascii_digit())
        && (b"18".as_slice()..=b"21".as_slice()).contains(&&lower.as_bytes()[..2])
}

fn years(reading: &Reading, s: &Sentence) -> Vec<String> {
    let mut out: Vec<String> = s
        .words
        .iter()
        .filter(|w| is_year(&w.lower))
        .map(|w| w.lower.clone())
        .collect();
    let text = reading.sentence_text(s).to_lowercase();
    for relative in ["last year", "next year", "a year ago", "years ago"] {
        if text.contains(relative) {
            out.push(relative.to_string());
        }
    }
    out.sort();
    out.dedup();
    out
}

/// The matter in the first side's words: what is counted, up to four words, or the words
/// around a day.
fn about(reading: &Reading, f: &Found) -> String {
    let s = f.sentence;
    let text = reading.text(s.doc);
    let (from, mut to) = match f.value.matter.first() {
        Some(&m) => (m, m),
        None => (f.value.at.saturating_sub(3), f.value.at),
    };
    while to + 1 < s.words.len() && to < from + 3 && !s.breaks_after(text, to) {
        to += 1;
    }
    while to > from && s.words[to].term.is_none() {
        to -= 1;
    }
    words_text(reading, s.doc, s.words[from].span, s.words[to].span)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::reading::read_sentence;
    use crate::model::Span;

    fn found_in<T>(text: &str, kind: ValueKind, check: fn(&Found) -> T) -> Vec<T> {
        let s = read_sentence(0, text, Span::new(0, text.len()).unwrap());
        values(&s, text)
            .into_iter()
            .filter(|v| v.kind == kind)
            .map(|value| {
                let found = Found::new(&s, value, text);
                check(&found)
            })
            .collect()
    }

    #[test]
    fn a_part_is_told_from_a_whole() {
        let roles = |text: &str| found_in(text, ValueKind::Count, |f| f.role);
        assert_eq!(
            roles(
                "Nine hikers were rescued, including two children, and the other three walked out."
            ),
            [Role::Plain, Role::Part, Role::Part]
        );
        // "Two" counts nothing it names; "four" is the whole it is taken from.
        assert_eq!(roles("Two of four pumps failed."), [Role::Whole]);
        assert_eq!(
            roles("Storms shut 40 stalls, among them two bakeries, and 12 ferries stopped."),
            [Role::Plain, Role::Part, Role::Plain]
        );
        assert_eq!(
            roles("The herd is among 12 herds counted; 30 cows, including calves, grazed."),
            [Role::Whole, Role::Whole]
        );
        // An age followed by where the person is from is an age, not a part of anything.
        assert_eq!(
            roles("Dana Holt, 52, of Dunmore, and the other three crew members were thanked."),
            [Role::Plain, Role::Part]
        );
    }

    #[test]
    fn a_value_s_moment_is_read_beside_it() {
        let text = "The mill, then 40 workers strong, now has 12 workers and 3 trucks.";
        let s = read_sentence(0, text, Span::new(0, text.len()).unwrap());
        let moments: Vec<Option<bool>> = values(&s, text)
            .into_iter()
            .map(|value| {
                let found = Found::new(&s, value, text);
                moment(&found, text)
            })
            .collect();
        assert_eq!(moments, [Some(false), Some(true), None]);
    }

    #[test]
    fn a_day_s_ends_are_read() {
        let night = |text: &str| {
            found_in(text, ValueKind::Weekday, |f| {
                at_night(f).map(str::to_string)
            })
        };
        assert_eq!(
            night("The ferry docked late on Friday."),
            [Some("late".to_string())]
        );
        assert_eq!(night("The ferry docked on Friday."), [None]);
    }

    #[test]
    fn the_day_of_a_report_is_not_the_day_of_the_event() {
        let days = found_in(
            "The bridge closed on Sunday, officials said Monday.",
            ValueKind::Weekday,
            is_day_of_report,
        );
        assert_eq!(days, [false, true]);
    }

    #[test]
    fn an_ongoing_event_s_age_is_the_story_s_clock() {
        let running = |text: &str| found_in(text, ValueKind::Ordinal, running_count);
        assert_eq!(
            running("The strike entered its ninth day on Friday."),
            [true]
        );
        assert_eq!(running("Talks are now in the second week."), [true]);
        assert_eq!(running("On the third day, the ferry sank."), [false]);
        assert_eq!(running("She won the fourth race of the day."), [false]);
    }
}
