//! Compare: a story's documents to statements, conflicts and exclusives.
//!
//! Units are the quotes (not the stances: the reporter's words for a position) and the
//! sentences of the story's documents. Units of the same kind are
//! grouped when their stemmed content terms overlap enough (overlap coefficient, with a minimum
//! number of shared terms; two sentences must also share terms outside their quotes'
//! attributions, as one speaker's name says nothing of what was said), which also joins
//! different translations of one quote; groups of
//! different documents that share a phrase the story rarely uses are then joined
//! ([`phrases`]). Each group is a [`Statement`] with all its sources.
//!
//! Conflicts, where the accounts disagree (figures, days, places, names, denials, versions), are
//! proposed by the finders of [`conflicts`] over the story's sentences as [`reading`] reads them,
//! then ranked and capped. An exclusive is a statement only one outlet carries that holds a name, number or quoted term
//! found in no other document of the story.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::collections::BTreeMap;

pub mod conflicts;
pub mod joins;
pub mod phrases;
pub mod reading;
pub mod values;

use crate::model::{Conflict, Document, Exclusive, Quote, QuoteKind, SourceSpan, Span, Statement};
use crate::segment::words;
use crate::terms::{is_stopword, lower_hash, term_hashes};

/// Overlap coefficient from which two units say the same thing.
pub(crate) const SAME_STATEMENT_OVERLAP: f64 = 0.6;
/// Shared terms needed besides the overlap.
pub(crate) const MIN_SHARED_TERMS: usize = 4;
/// Members of a group a new unit is compared with.
const MAX_MEMBERS_CHECKED: usize = 8;

/// The comparison of one story.
#[derive(Debug, Clone, Default)]
pub struct Comparison {
    /// Statements, sentence statements first then quote statements, each in story order.
    pub statements: Vec<Statement>,
    /// Where accounts differ.
    pub conflicts: Vec<Conflict>,
    /// What only one outlet carries.
    pub exclusive: Vec<Exclusive>,
    /// For each (document, sentence span), the statement id of its sentence.
    pub sentence_statement: HashMap<(String, Span), String>,
}

/// A quote or a sentence, the unit statements are grouped from.
#[derive(Debug, Clone)]
pub struct Unit {
    /// The document's index in the story.
    pub doc: usize,
    /// Where it is.
    pub span: Span,
    /// Hashes of its terms.
    pub terms: HashSet<u64>,
    /// Who said it, for a quote.
    pub speaker: Option<String>,
    /// The channel it came through, for a quote.
    pub channel: Option<String>,
    /// A quote rather than a sentence.
    pub is_quote: bool,
    /// For a sentence, the terms it holds only in the attribution of a quote inside it
    /// ("Fire chief Tom Brandt said …"): no evidence of what it reports.
    pub attribution: HashSet<u64>,
}

fn overlap(a: &HashSet<u64>, b: &HashSet<u64>) -> (f64, usize) {
    let shared = a.intersection(b).count();
    let small = a.len().min(b.len()).max(1);
    (shared as f64 / small as f64, shared)
}

/// Terms two sentences must share outside their attributions, when either has one, to say one
/// thing: "Fire chief Tom Brandt said the blaze began at nine" and "Fire chief Tom Brandt said
/// the cause was unknown" share only who said them.
const MIN_SHARED_REPORTED_TERMS: usize = 2;

/// True unless the two units share too few terms outside their attributions
/// ([`MIN_SHARED_REPORTED_TERMS`]); units without an attribution always pass.
fn reports_alike(a: &Unit, b: &Unit) -> bool {
    if a.attribution.is_empty() && b.attribution.is_empty() {
        return true;
    }
    a.terms
        .intersection(&b.terms)
        .filter(|t| !a.attribution.contains(t) && !b.attribution.contains(t))
        .nth(MIN_SHARED_REPORTED_TERMS - 1)
        .is_some()
}

/// Terms of a sentence's `terms` that it holds only in the attribution of a quote inside it
/// ("Fire chief Tom Brandt said …"): outside every quote of `quotes` (the document's with
/// their terms, sorted by start) that lies within the sentence, and in none of them. Empty
/// when no quote lies inside.
fn attribution_terms(
    doc: &Document,
    sentence: Span,
    quotes: &[(&Quote, &HashSet<u64>)],
    terms: &HashSet<u64>,
) -> HashSet<u64> {
    let from = quotes.partition_point(|(q, _)| q.span.start() < sentence.start());
    let inside: Vec<(&Quote, &HashSet<u64>)> = quotes[from..]
        .iter()
        .copied()
        .take_while(|(q, _)| q.span.start() < sentence.end())
        .filter(|(q, _)| q.span.end() <= sentence.end())
        .collect();
    if inside.is_empty() {
        return HashSet::default();
    }
    let quoted: HashSet<u64> = inside.iter().flat_map(|(_, t)| t.iter().copied()).collect();
    let mut outside: HashSet<u64> = HashSet::default();
    let mut at = sentence.start();
    for (q, _) in &inside {
        if q.span.start() > at {
            outside.extend(term_hashes(doc.text.get(at..q.span.start()).unwrap_or("")));
        }
        at = at.max(q.span.end());
    }
    outside.extend(term_hashes(doc.text.get(at..sentence.end()).unwrap_or("")));
    outside
        .into_iter()
        .filter(|t| terms.contains(t) && !quoted.contains(t))
        .collect()
}

/// Greedy grouping: a unit joins the first group whose every member it matches well enough.
fn group(units: &[Unit]) -> Vec<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    // Term -> groups whose first member holds it: only groups sharing terms are compared.
    let mut index: HashMap<u64, Vec<usize>> = HashMap::default();
    for (i, u) in units.iter().enumerate() {
        let needed =
            |a: &Unit, b: &Unit| MIN_SHARED_TERMS.min(a.terms.len().min(b.terms.len()).max(2));
        let fits = |a: &Unit, b: &Unit| {
            let (o, n) = overlap(&a.terms, &b.terms);
            o >= SAME_STATEMENT_OVERLAP && n >= needed(a, b) && reports_alike(a, b)
        };
        let mut shared: HashMap<usize, usize> = HashMap::default();
        for t in &u.terms {
            for &g in index.get(t).into_iter().flatten() {
                *shared.entry(g).or_default() += 1;
            }
        }
        let mut candidates: Vec<usize> = shared
            .into_iter()
            .filter(|&(g, n)| n >= needed(u, &units[groups[g][0]]))
            .map(|(g, _)| g)
            .collect();
        candidates.sort_unstable();
        // A unit joins the first group whose members (the first few, to bound the cost) it matches.
        let chosen = candidates.into_iter().find(|&g| {
            groups[g]
                .iter()
                .take(MAX_MEMBERS_CHECKED)
                .all(|&j| fits(u, &units[j]))
        });
        match chosen {
            Some(g) => groups[g].push(i),
            None => {
                for t in &u.terms {
                    index.entry(*t).or_default().push(groups.len());
                }
                groups.push(vec![i]);
            }
        }
    }
    groups
}

/// Compares the documents of one story, given their quotes. Stances ("backs the levy") are the
/// reporter's words for a position, not words of the speaker's: they are left out.
pub fn compare(docs: &[&Document], quotes: &[Quote]) -> Comparison {
    let spoken: Vec<Quote> = quotes
        .iter()
        .filter(|q| q.kind != QuoteKind::Stance)
        .cloned()
        .collect();
    let quotes = spoken.as_slice();
    let index: HashMap<&str, usize> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| (d.id.as_str(), i))
        .collect();
    // Read first: reading fills in the documents' sentence terms used just below.
    let read = reading::ReadSentences::of(docs);
    let mut sentence_units = Vec::new();
    // Each quote's terms, read once; each document's quotes with them, by start.
    let quote_terms: Vec<HashSet<u64>> = quotes
        .iter()
        .map(|q| term_hashes(&q.text).into_iter().collect())
        .collect();
    let mut quotes_of: Vec<Vec<(&Quote, &HashSet<u64>)>> = vec![Vec::new(); docs.len()];
    for (q, terms) in quotes.iter().zip(&quote_terms) {
        if let Some(&d) = index.get(q.doc.as_str()) {
            quotes_of[d].push((q, terms));
        }
    }
    for list in &mut quotes_of {
        list.sort_by_key(|(q, _)| q.span.start());
    }
    for (d, doc) in docs.iter().enumerate() {
        let doc_quotes = &quotes_of[d];
        for (s, terms) in doc.sentences.iter().zip(doc.sentence_terms()) {
            let t: HashSet<u64> = terms.iter().copied().collect();
            if t.len() >= 3 {
                sentence_units.push(Unit {
                    doc: d,
                    span: *s,
                    attribution: attribution_terms(doc, *s, doc_quotes, &t),
                    terms: t,
                    speaker: None,
                    channel: None,
                    is_quote: false,
                });
            }
        }
    }
    let mut quote_units = Vec::new();
    for (q, t) in quotes.iter().zip(&quote_terms) {
        let Some(&d) = index.get(q.doc.as_str()) else {
            continue;
        };
        let Some(span) = Span::new(q.span.start(), q.span.end()) else {
            continue;
        };
        if !t.is_empty() {
            quote_units.push(Unit {
                doc: d,
                span,
                terms: t.clone(),
                speaker: q.speaker.clone(),
                channel: q.channel.clone(),
                is_quote: true,
                attribution: HashSet::default(),
            });
        }
    }
    let vocabulary = reading::Vocabulary::of(docs);
    let mut out = Comparison::default();
    let mut unit_groups: Vec<(Vec<Unit>, String)> = Vec::new();
    let quote_groups = phrases::join(docs, &read, &vocabulary, &quote_units, group(&quote_units));
    let sentence_groups = phrases::join(
        docs,
        &read,
        &vocabulary,
        &sentence_units,
        group(&sentence_units),
    );
    let sentence_groups = join_quoted(
        &sentence_units,
        sentence_groups,
        &quote_units,
        &quote_groups,
    );
    for (units, groups) in [
        (sentence_units, sentence_groups),
        (quote_units, quote_groups),
    ] {
        for g in groups {
            let id = format!("s{}", out.statements.len() + 1);
            let members: Vec<Unit> = g.iter().map(|&i| units[i].clone()).collect();
            out.statements.push(statement(&id, docs, &members));
            for m in members.iter().filter(|m| !m.is_quote) {
                out.sentence_statement
                    .entry((docs[m.doc].id.clone(), m.span))
                    .or_insert_with(|| id.clone());
            }
            unit_groups.push((members, id));
        }
    }
    let reading = reading::Reading::new(docs, read, quotes, &out.sentence_statement, &vocabulary);
    out.conflicts = find_conflicts(docs, &reading, &unit_groups);
    out.exclusive = exclusives(docs, &vocabulary, &unit_groups);
    out
}

/// Joins the groups of sentences that carry quotes of one statement: when two documents quote
/// (or paraphrase) one statement, the sentences telling it are one statement too, however
/// differently each frames it ("the ministry, in a rare rebuke, said the ferry should stay in
/// port" and "officials told the operator to keep the ferry docked, the ministry said"), when
/// the two sentences still share terms as phrase joins ask ([`phrases::alike`]): a loose quote
/// group does not spread to sentences that share nothing, nor from a group that holds two
/// different named speakers' quotes. Two groups are not joined when they hold sentences of the
/// same document.
fn join_quoted(
    sentences: &[Unit],
    groups: Vec<Vec<usize>>,
    quotes: &[Unit],
    quote_groups: &[Vec<usize>],
) -> Vec<Vec<usize>> {
    let mut group_of = vec![0; sentences.len()];
    for (g, members) in groups.iter().enumerate() {
        for &m in members {
            group_of[m] = g;
        }
    }
    // Per document, its sentence units by start, to find the one a quote starts in.
    let mut by_doc: BTreeMap<usize, Vec<(usize, usize)>> = BTreeMap::new();
    for (i, u) in sentences.iter().enumerate() {
        by_doc.entry(u.doc).or_default().push((u.span.start(), i));
    }
    for list in by_doc.values_mut() {
        list.sort_unstable();
    }
    let sentence_of = |q: &Unit| -> Option<usize> {
        let list = by_doc.get(&q.doc)?;
        let k = list.partition_point(|&(start, _)| start <= q.span.start());
        let (_, i) = *list.get(k.checked_sub(1)?)?;
        (sentences[i].span.end() > q.span.start()).then_some(i)
    };
    let mut joins = joins::GroupJoins::new(&groups, |u| sentences[u].doc);
    for members in quote_groups {
        // A group holding two different named speakers' quotes spreads to no sentence.
        let mut named = members.iter().filter_map(|&q| quotes[q].speaker.as_deref());
        let first = named.next();
        if first.is_some_and(|x| named.any(|y| !conflicts::polarity::same_person(x, y))) {
            continue;
        }
        let held: Vec<usize> = members
            .iter()
            .filter_map(|&q| sentence_of(&quotes[q]))
            .collect();
        for pair in held.windows(2) {
            let (a, b) = (&sentences[pair[0]], &sentences[pair[1]]);
            if a.doc != b.doc && phrases::alike(a, b) {
                joins.join(group_of[pair[0]], group_of[pair[1]]);
            }
        }
    }
    joins.finish(groups)
}

/// The most common of `values`, the first seen on a tie.
pub(crate) fn most_common(values: impl Iterator<Item = String>) -> Option<String> {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    let mut order = Vec::new();
    for v in values {
        if !counts.contains_key(&v) {
            order.push(v.clone());
        }
        *counts.entry(v).or_default() += 1;
    }
    let best = counts.values().copied().max()?;
    order.into_iter().find(|v| counts[v] == best)
}

fn statement(id: &str, docs: &[&Document], members: &[Unit]) -> Statement {
    let first = &members[0];
    let mut outlets: Vec<String> = Vec::new();
    for m in members {
        let o = docs[m.doc].outlet_name().to_string();
        if !outlets.contains(&o) {
            outlets.push(o);
        }
    }
    Statement {
        id: id.to_string(),
        text: docs[first.doc].span_text(first.span).to_string(),
        sources: members
            .iter()
            .map(|m| SourceSpan::new(&docs[m.doc].id, m.span))
            .collect(),
        outlets,
        speaker: most_common(members.iter().filter_map(|m| m.speaker.clone())),
        channel: most_common(members.iter().filter_map(|m| m.channel.clone())),
    }
}

/// Every finder's proposals for one story, ranked and capped ([`conflicts::select`]).
fn find_conflicts(
    docs: &[&Document],
    reading: &reading::Reading,
    groups: &[(Vec<Unit>, String)],
) -> Vec<Conflict> {
    let mut proposals = conflicts::versions::find(docs, groups);
    proposals.extend(conflicts::figures::find(reading));
    proposals.extend(conflicts::splits::find(reading));
    proposals.extend(conflicts::variants::find(reading));
    proposals.extend(conflicts::polarity::find(reading));
    proposals.extend(conflicts::negations::find(reading));
    proposals.extend(conflicts::blame::find(reading));
    proposals.extend(conflicts::characterizations::find(reading));
    proposals.extend(conflicts::permissions::find(reading));
    proposals.extend(conflicts::rebuttals::find(reading));
    conflicts::select(reading, proposals)
}

/// Salient words of a unit, as [`lower_hash`]es: numbers, capitalised words past the first, and
/// for quotes every content word.
fn salient_words(text: &str, is_quote: bool) -> Vec<u64> {
    words(text)
        .iter()
        .enumerate()
        .filter_map(|(i, s)| {
            let w = s.slice(text)?;
            let number = w.chars().any(|c| c.is_ascii_digit());
            let name = i > 0 && w.chars().next().is_some_and(char::is_uppercase);
            let content = || {
                let lower = w.to_lowercase();
                lower.chars().count() > 3 && !is_stopword(&lower)
            };
            (number || name || (is_quote && content())).then(|| lower_hash(w))
        })
        .collect()
}

/// True when `text` holds a word opening with a letter that is no capital: one in lower case,
/// or of a script without case.
fn has_lower_case_word(text: &str) -> bool {
    text.split_whitespace().any(|w| {
        w.trim_start_matches(|c: char| !c.is_alphanumeric())
            .starts_with(|c: char| c.is_alphabetic() && !c.is_uppercase())
    })
}

fn exclusives(
    docs: &[&Document],
    vocabulary: &reading::Vocabulary,
    groups: &[(Vec<Unit>, String)],
) -> Vec<Exclusive> {
    let outlets: HashSet<&str> = docs.iter().map(|d| d.outlet_name()).collect();
    if outlets.len() < 2 {
        return Vec::new();
    }
    let mut per_doc: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    for (members, id) in groups {
        let outlet = docs[members[0].doc].outlet_name();
        if members.iter().any(|m| docs[m.doc].outlet_name() != outlet) {
            continue;
        }
        let m = &members[0];
        let text = docs[m.doc].span_text(m.span);
        // An embedded post's signature ("— Name (@handle) May 2, 2026") says nothing itself.
        // Nor does a line whose every word opens with a capital, so with no verb: a place and a
        // date above a release ("Port Ellis, 4 May 2026"), a name alone.
        if crate::posts::signature(text).is_some() || !has_lower_case_word(text) {
            continue;
        }
        let novel = salient_words(text, m.is_quote).iter().any(|w| {
            (0..docs.len())
                .filter(|&o| docs[o].outlet_name() != outlet)
                .all(|o| !vocabulary.has(o, *w))
        });
        if novel {
            per_doc.entry(m.doc).or_default().push(id.clone());
        }
    }
    per_doc
        .into_iter()
        .map(|(d, statements)| Exclusive {
            doc: docs[d].id.clone(),
            statements,
        })
        .collect()
}
