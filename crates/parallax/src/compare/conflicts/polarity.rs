//! Claims against denials: one account negates or denies what another states ("no knife was
//! found" against "he pulled a knife"; "the mayor denied approving the plan" against "the mayor
//! approved the plan"), and a rebuttal spelled out in one sentence ("the family insists he was
//! framed, though prosecutors say otherwise").
//!
//! A negation's matter is the content words it governs (up to [`SCOPE_WORDS`] after it, within
//! its clause) and the verb right before it ("lost no sleep"). The other side is a sentence
//! that uses a matter word without negating it, stated by someone else (another speaker, or
//! another outlet's narration). Matter words are weighed by how rarely the story uses them, so
//! a negated common word ("no comment") finds nothing; the strongest counterpart of each
//! negation is proposed when it is strong enough.

use super::variants::is_negation;
use super::{words_text, Proposal};
use crate::attribute::lexicon::{is_in, CUES};
use crate::compare::reading::{Reading, Sentence};
use crate::compare::values::number_word;
use crate::lexicon::WordList;
use crate::model::{ConflictKind, Span};

/// Content words after a negation that it governs.
const SCOPE_WORDS: usize = 3;
/// The least weight ([`Reading::weight`]) a matter word needs: a word in fewer than one
/// sentence in eight of the story.
const MIN_MATTER_WEIGHT: f64 = std::f64::consts::LN_2 * 3.0;
/// Words before a matter word that would negate it in the counterpart.
const NEGATION_REACH: usize = 3;
/// Sentences holding a matter word that are read as counterparts at most.
const MAX_COUNTERPARTS: usize = 64;
/// The least strength a proposal needs ([`strength`]): a rare matter word and one sign that two
/// accounts meet.
const MIN_STRENGTH: f64 = MIN_MATTER_WEIGHT + 1.0;
/// Sentences of evidence for the affirming side at most.
const MAX_EVIDENCE: usize = 3;
/// Words whose negation reports what is unknown rather than denies a claim ("not immediately
/// known", "no trace of", "would not comment").
const LIGHT: &[&str] = &[
    "able",
    "available",
    "believe",
    "clear",
    "comment",
    "doubt",
    "immediately",
    "indication",
    "know",
    "known",
    "longer",
    "matter",
    "mention",
    "sign",
    "sure",
    "word",
];

/// Verbs that deny or rebut what follows them.
pub(super) const DENIALS: &[&str] = &[
    "denied", "denies", "deny", "denying", "disputed", "disputes", "refuted", "refutes",
    "rejected", "rejects",
];
/// Words that open a contrast between two accounts.
const CONTRASTS: &[&str] = &["but", "however", "though", "although", "yet", "whereas"];
/// Negations that do not negate a matter ("not only", "no longer").
const NOT_NEGATING: &[(&str, &str)] = &[
    ("not", "only"),
    ("not", "just"),
    ("no", "longer"),
    ("no", "doubt"),
    ("not", "yet"),
];
/// Verbs saying a view differs, before "otherwise".
static VIEW_VERBS: WordList = WordList::new(&[
    "say", "says", "said", "insist", "insists", "believe", "believes", "argue", "argues", "claim",
    "claims", "suggest", "suggests", "think", "thinks", "contend", "contends",
]);

fn negates(s: &Sentence, i: usize) -> bool {
    let w = s.words[i].lower.as_str();
    if DENIALS.contains(&w) {
        return true;
    }
    is_negation(w)
        && !s
            .words
            .get(i + 1)
            .is_some_and(|n| NOT_NEGATING.contains(&(w, n.lower.as_str())))
}

/// The words a negation at `i` governs: the first content word after it in its clause ("no
/// ticket", "did not sign a waiver") and, after "no" or "never", the verb right before it
/// ("lost no sleep").
fn scope(s: &Sentence, text: &str, i: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut j = i;
    while j + 1 < s.words.len() && !s.breaks_after(text, j) {
        j += 1;
        let w = &s.words[j];
        if w.term.is_some() {
            // A reporting or light word first ("would not say which") governs no matter.
            if !is_in(&CUES, &w.lower)
                && !LIGHT.contains(&w.lower.as_str())
                && number_word(&w.lower).is_none()
            {
                out.push(j);
            }
            break;
        }
    }
    let bare = matches!(s.words[i].lower.as_str(), "no" | "never");
    if bare && i > 0 && !s.breaks_after(text, i - 1) {
        let w = &s.words[i - 1];
        if w.term.is_some() && !w.cap && !is_in(&CUES, &w.lower) {
            out.push(i - 1);
        }
    }
    out
}

/// Proposes, for each negation, its strongest counterpart.
pub fn find(reading: &Reading) -> Vec<Proposal> {
    let mut by_term: rustc_hash::FxHashMap<u64, Vec<usize>> = Default::default();
    for (k, s) in reading.sentences.iter().enumerate() {
        for t in &s.terms {
            by_term.entry(*t).or_default().push(k);
        }
    }
    let mut out = Vec::new();
    for (k, s) in reading.sentences.iter().enumerate() {
        let text = reading.text(s.doc);
        out.extend(rebuttal_in_one_sentence(reading, s));
        // A question asks; it neither states nor denies.
        if reading
            .sentence_text(s)
            .trim_end_matches(['"', '”', '\'', '’'])
            .ends_with('?')
        {
            continue;
        }
        for i in 0..s.words.len() {
            // Across sentences, only a denial the account itself reports ("denied", "disputes")
            // is read: a bare negation ("no ballots were lost") against another sentence's use of
            // the word proved to be a different matter far more often than a disagreement, in
            // narration and in quotes alike (tried on the unplanted clusters: 148 proposals in 98
            // clusters when named speakers' quotes were let in).
            if !DENIALS.contains(&s.words[i].lower.as_str()) {
                continue;
            }
            let matter: Vec<u64> = scope(s, text, i)
                .into_iter()
                .filter(|&j| !LIGHT.contains(&s.words[j].lower.as_str()))
                .filter_map(|j| s.words[j].term)
                .filter(|t| reading.weight(*t) >= MIN_MATTER_WEIGHT)
                .collect();
            let mut best: Option<(f64, usize, usize)> = None;
            for &t in &matter {
                for &other in by_term[&t].iter().take(MAX_COUNTERPARTS) {
                    if other == k {
                        continue;
                    }
                    let o = &reading.sentences[other];
                    let Some(at) = affirms(o, t) else { continue };
                    let strength = strength(reading, (s, i, t), (o, at));
                    if best.is_none_or(|(b, _, _)| strength > b) {
                        best = Some((strength, other, at));
                    }
                }
            }
            if let Some((strength, other, at)) = best.filter(|b| b.0 >= MIN_STRENGTH) {
                let o = &reading.sentences[other];
                let to = (i + SCOPE_WORDS + 1).min(s.words.len() - 1);
                let about = words_text(reading, s.doc, s.words[i].span, s.words[to].span);
                let mut affirming = reading.side(o, o.span, None);
                // The same speaker's other sentences that affirm the matter, as more evidence.
                let speaker = reading.speaker_at(o.doc, o.words[at].span);
                let term = o.words[at].term;
                for &more in term.and_then(|t| by_term.get(&t)).into_iter().flatten() {
                    let m = &reading.sentences[more];
                    if more == other || more == k || affirming.evidence.len() >= MAX_EVIDENCE {
                        continue;
                    }
                    let Some(m_at) = term.and_then(|t| affirms(m, t)) else {
                        continue;
                    };
                    let same = match speaker {
                        Some(p) => reading.speaker_at(m.doc, m.words[m_at].span) == Some(p),
                        None => {
                            m.doc == o.doc
                                && reading.speaker_at(m.doc, m.words[m_at].span).is_none()
                        }
                    };
                    if same {
                        super::add_sentence(reading, &mut affirming, m);
                    }
                }
                let sides = vec![affirming, reading.side(s, s.span, None)];
                out.push(Proposal::new(
                    strength,
                    ConflictKind::Denial,
                    about,
                    None,
                    sides,
                ));
            }
        }
    }
    out
}

/// True when sentence `o` reports a denial: it affirms nothing.
pub(super) fn affirms_nothing(o: &Sentence) -> bool {
    o.words
        .iter()
        .any(|w| DENIALS.contains(&w.lower.as_str()) || w.lower.starts_with("denial"))
}

/// Where sentence `o` uses term `t` without negating it, if it does; a sentence that reports a
/// denial affirms nothing.
pub(super) fn affirms(o: &Sentence, t: u64) -> Option<usize> {
    if affirms_nothing(o) {
        return None;
    }
    let at = o.words.iter().position(|w| w.term == Some(t))?;
    let negated = (at.saturating_sub(NEGATION_REACH)..at).any(|j| negates(o, j));
    (!negated).then_some(at)
}

/// How strongly a negation at word `i` of `s` (governing term `t`) contradicts sentence `o`:
/// how rare the matter word is in the story and what else rare the two share, plus what says
/// two accounts meet: one sentence opens a contrast, the negation is a denial, two different
/// named speakers state them. With none of these, or nothing else shared, nothing: a rare word
/// negated in one place and used in another is not yet a disagreement. The same speaker on
/// both sides is none either.
fn strength(
    reading: &Reading,
    (s, i, t): (&Sentence, usize, u64),
    (o, at): (&Sentence, usize),
) -> f64 {
    let speaker_s = reading.speaker_at(s.doc, s.words[i].span);
    let speaker_o = reading.speaker_at(o.doc, o.words[at].span);
    let (different_people, named) = match (speaker_s, speaker_o) {
        (Some(a), Some(b)) => (!same_person(a, b), true),
        (None, None) => (s.doc != o.doc, false),
        _ => (true, false),
    };
    if !different_people {
        return 0.0;
    }

    let opens_contrast = |x: &Sentence| {
        x.words
            .first()
            .is_some_and(|w| CONTRASTS.contains(&w.lower.as_str()))
    };
    let contrast = if opens_contrast(s) || opens_contrast(o) {
        1.0
    } else {
        0.0
    };
    let denial = if DENIALS.contains(&s.words[i].lower.as_str()) {
        1.0
    } else {
        0.0
    };
    let named = if named { 1.0 } else { 0.0 };
    let support = contrast + denial + named;
    if reading.similarity(s, o) < super::MIN_SIMILARITY {
        return 0.0;
    }
    // The two sentences must be about one matter: besides the negated word, another word the
    // story rarely uses, names left out (two sentences about one person need not be about one
    // matter).
    let lower_terms = |x: &Sentence| -> rustc_hash::FxHashSet<u64> {
        x.words
            .iter()
            .filter(|w| !w.cap)
            .filter_map(|w| w.term)
            .collect()
    };
    let also_shared = lower_terms(s)
        .intersection(&lower_terms(o))
        .filter(|&&x| x != t && reading.weight(x) >= MIN_MATTER_WEIGHT)
        .count();
    if support == 0.0 || also_shared == 0 {
        return 0.0;
    }
    reading.weight(t) + support + also_shared.min(3) as f64 * 0.5
}

/// True when two speaker names are one person's ("Okafor", "Judge Ada Okafor"): the last
/// word of one is the last word of the other.
pub(crate) fn same_person(a: &str, b: &str) -> bool {
    let last = |s: &str| s.split_whitespace().last().map(str::to_lowercase);
    a.eq_ignore_ascii_case(b) || (last(a).is_some() && last(a) == last(b))
}

/// "A insists X, though B says otherwise": the two clauses of one sentence as two sides.
fn rebuttal_in_one_sentence(reading: &Reading, s: &Sentence) -> Option<Proposal> {
    let otherwise = s.words.iter().position(|w| w.lower == "otherwise")?;
    let view = (otherwise.saturating_sub(2)..otherwise)
        .any(|j| VIEW_VERBS.contains(s.words[j].lower.as_str()));
    let split = (1..otherwise)
        .rev()
        .find(|&j| CONTRASTS.contains(&s.words[j].lower.as_str()) || s.words[j].lower == "while")?;
    // Someone else's view: no "I" or "we" ("we would be fools to believe otherwise" is no
    // rebuttal of another account).
    let personal = (split..otherwise).any(|j| {
        matches!(
            s.words[j].lower.as_str(),
            "i" | "we" | "you" | "i'd" | "we'd" | "you'd"
        )
    });
    // Two views: the first clause reports one too ("the family insists…, though…").
    let first_view = (0..split)
        .any(|j| is_in(&CUES, &s.words[j].lower) || VIEW_VERBS.contains(s.words[j].lower.as_str()));
    if !view || personal || !first_view {
        return None;
    }
    let first = Span::new(s.words[0].span.start(), s.words[split - 1].span.end())?;
    let second = Span::new(s.words[split].span.start(), s.words[otherwise].span.end())?;
    let about = words_text(
        reading,
        s.doc,
        s.words[0].span,
        s.words[split.min(6) - 1].span,
    );
    // Who holds each view: the words opening each clause, up to its verb or a comma.
    let holder = |from: usize, to: usize| {
        let mut end = from;
        while end + 1 < to
            && end < from + 5
            && !s.breaks_after(reading.text(s.doc), end)
            && !is_in(&CUES, &s.words[end + 1].lower)
            && !VIEW_VERBS.contains(s.words[end + 1].lower.as_str())
        {
            end += 1;
        }
        words_text(reading, s.doc, s.words[from].span, s.words[end].span)
    };
    let mut sides = vec![reading.side(s, first, None), reading.side(s, second, None)];
    for (side, name) in sides
        .iter_mut()
        .zip([holder(0, split), holder(split + 1, otherwise)])
    {
        side.channel = name.clone();
        side.speaker = Some(name);
    }
    Some(Proposal::new(3.5, ConflictKind::Denial, about, None, sides))
}
