//! Compare: a story's documents to statements, conflicts and exclusives.
//!
//! Units are the quotes and the sentences of the story's documents. Units of the same kind are
//! grouped when their stemmed content terms overlap enough (overlap coefficient, with a minimum
//! number of shared terms), which also joins different translations of one quote. Each group is
//! a [`Statement`] with all its sources.
//!
//! A conflict is a speaker whose words reach the story through channels of different origins
//! (the Kremlin against Chinese state media), each origin carrying statements the other does not.
//! An exclusive is a statement only one outlet carries that holds a name, number or quoted term
//! found in no other document of the story.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::collections::BTreeMap;

use crate::attribute::lexicon::country_of;
use crate::model::{
    Conflict, ConflictSide, Document, Exclusive, Quote, SourceSpan, Span, Statement,
};
use crate::segment::words;
use crate::terms::{is_stopword, lower_hash, term_hashes};

/// Overlap coefficient from which two units say the same thing.
pub const SAME_STATEMENT_OVERLAP: f64 = 0.6;
/// Shared terms needed besides the overlap.
pub const MIN_SHARED_TERMS: usize = 4;
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

#[derive(Debug, Clone)]
struct Unit {
    doc: usize,
    span: Span,
    /// Hashes of its terms.
    terms: HashSet<u64>,
    speaker: Option<String>,
    channel: Option<String>,
    is_quote: bool,
}

fn overlap(a: &HashSet<u64>, b: &HashSet<u64>) -> (f64, usize) {
    let shared = a.intersection(b).count();
    let small = a.len().min(b.len()).max(1);
    (shared as f64 / small as f64, shared)
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
            o >= SAME_STATEMENT_OVERLAP && n >= needed(a, b)
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

/// Compares the documents of one story, given their quotes.
pub fn compare(docs: &[&Document], quotes: &[Quote]) -> Comparison {
    let index: HashMap<&str, usize> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| (d.id.as_str(), i))
        .collect();
    let mut sentence_units = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        for (s, terms) in doc.sentences.iter().zip(doc.sentence_terms()) {
            let t: HashSet<u64> = terms.iter().copied().collect();
            if t.len() >= 3 {
                sentence_units.push(Unit {
                    doc: d,
                    span: *s,
                    terms: t,
                    speaker: None,
                    channel: None,
                    is_quote: false,
                });
            }
        }
    }
    let mut quote_units = Vec::new();
    for q in quotes {
        let Some(&d) = index.get(q.doc.as_str()) else {
            continue;
        };
        let Some(span) = Span::new(q.start, q.end) else {
            continue;
        };
        let t: HashSet<u64> = term_hashes(&q.text).into_iter().collect();
        if !t.is_empty() {
            quote_units.push(Unit {
                doc: d,
                span,
                terms: t,
                speaker: q.speaker.clone(),
                channel: q.channel.clone(),
                is_quote: true,
            });
        }
    }
    let mut out = Comparison::default();
    let mut unit_groups: Vec<(Vec<Unit>, String)> = Vec::new();
    for units in [sentence_units, quote_units] {
        for g in group(&units) {
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
    out.conflicts = conflicts(docs, &unit_groups);
    out.exclusive = exclusives(docs, &unit_groups);
    out
}

fn most_common(values: impl Iterator<Item = String>) -> Option<String> {
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

/// The name for one side of a conflict, from the channel phrases its evidence came through:
/// the shortest phrase holding the proper name most of the phrases share ("Kremlin" for "the
/// Kremlin readout", "a Kremlin account of the call", "Kremlin statement" and "Russian
/// statement" twice), else the most common phrase.
fn side_label(phrases: &[String]) -> String {
    let name_of = |w: &str| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        let w = w
            .strip_suffix("’s")
            .or_else(|| w.strip_suffix("'s"))
            .unwrap_or(w);
        w.chars()
            .next()
            .is_some_and(char::is_uppercase)
            .then(|| w.to_string())
    };
    let mut counts: Vec<(String, usize)> = Vec::new();
    for p in phrases {
        let mut seen: Vec<String> = Vec::new();
        for name in p.split_whitespace().filter_map(name_of) {
            if !seen.contains(&name) {
                seen.push(name.clone());
                match counts.iter_mut().find(|(n, _)| *n == name) {
                    Some((_, c)) => *c += 1,
                    None => counts.push((name, 1)),
                }
            }
        }
    }
    let best = counts.iter().map(|(_, c)| *c).max().unwrap_or(0);
    let common = most_common(phrases.iter().cloned()).unwrap_or_default();
    let common_count = phrases.iter().filter(|p| **p == common).count();
    match counts.iter().find(|(_, c)| *c == best) {
        Some((name, _)) if best > common_count => phrases
            .iter()
            .filter(|p| p.split_whitespace().filter_map(name_of).any(|n| n == *name))
            .min_by_key(|p| (p.len(), p.as_str()))
            .cloned()
            .unwrap_or(common),
        _ => common,
    }
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

/// The origin a channel stands for: its country when the gazetteer knows it, else its own words.
fn channel_origin(channel: &str) -> String {
    country_of(channel)
        .map(str::to_string)
        .unwrap_or_else(|| channel.to_lowercase())
}

fn conflicts(docs: &[&Document], groups: &[(Vec<Unit>, String)]) -> Vec<Conflict> {
    // speaker -> origin -> (statement ids, channel names, outlets)
    type Side = (Vec<String>, Vec<String>, Vec<String>);
    let mut by_speaker: BTreeMap<String, BTreeMap<String, Side>> = BTreeMap::new();
    let mut speaker_order: Vec<String> = Vec::new();
    for (members, id) in groups {
        for m in members.iter().filter(|m| m.is_quote) {
            let (Some(speaker), Some(channel)) = (&m.speaker, &m.channel) else {
                continue;
            };
            if !speaker_order.contains(speaker) {
                speaker_order.push(speaker.clone());
            }
            let side = by_speaker
                .entry(speaker.clone())
                .or_default()
                .entry(channel_origin(channel))
                .or_default();
            if !side.0.contains(id) {
                side.0.push(id.clone());
            }
            side.1.push(channel.clone());
            let outlet = docs[m.doc].outlet_name().to_string();
            if !side.2.contains(&outlet) {
                side.2.push(outlet);
            }
        }
    }
    let mut out = Vec::new();
    for speaker in speaker_order {
        let origins = &by_speaker[&speaker];
        if origins.len() < 2 {
            continue;
        }
        // Each side must carry something no other side carries.
        let sides: Vec<ConflictSide> = origins
            .iter()
            .filter(|(origin, side)| {
                side.0.iter().any(|id| {
                    origins
                        .iter()
                        .filter(|(o, _)| o != origin)
                        .all(|(_, other)| !other.0.contains(id))
                })
            })
            .map(|(_, side)| ConflictSide {
                channel: side_label(&side.1),
                outlets: side.2.clone(),
                statements: side.0.clone(),
            })
            .collect();
        if sides.len() >= 2 {
            let names: Vec<&str> = sides.iter().map(|s| s.channel.as_str()).collect();
            out.push(Conflict {
                about: format!(
                    "What {speaker} said, according to {}",
                    names.join(" and to ")
                ),
                sides,
            });
        }
    }
    out
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

fn exclusives(docs: &[&Document], groups: &[(Vec<Unit>, String)]) -> Vec<Exclusive> {
    let outlets: HashSet<&str> = docs.iter().map(|d| d.outlet_name()).collect();
    if outlets.len() < 2 {
        return Vec::new();
    }
    let vocabulary: Vec<HashSet<u64>> = docs
        .iter()
        .map(|d| {
            let spans = words(&d.text);
            let mut vocabulary = HashSet::with_capacity_and_hasher(spans.len(), Default::default());
            vocabulary.extend(
                spans
                    .iter()
                    .filter_map(|s| s.slice(&d.text))
                    .map(lower_hash),
            );
            vocabulary
        })
        .collect();
    let mut per_doc: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    for (members, id) in groups {
        let outlet = docs[members[0].doc].outlet_name();
        if members.iter().any(|m| docs[m.doc].outlet_name() != outlet) {
            continue;
        }
        let m = &members[0];
        let text = docs[m.doc].span_text(m.span);
        let novel = salient_words(text, m.is_quote).iter().any(|w| {
            (0..docs.len())
                .filter(|&o| docs[o].outlet_name() != outlet)
                .all(|o| !vocabulary[o].contains(w))
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
