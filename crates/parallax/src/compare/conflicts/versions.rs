//! Versions: a speaker whose words reach the story through channels of different origins
//! (one government's summary of a meeting against the other's state media), each origin
//! carrying statements the other does not.

use std::collections::BTreeMap;

use super::Proposal;
use crate::attribute::lexicon::country_of;
use crate::compare::{most_common, Unit};
use crate::model::{ConflictKind, ConflictSide, Document, SourceSpan};

/// How strong a conflict of versions is against the other finders' ([`super::select`]).
const STRENGTH: f64 = 3.5;

/// The name for one side of a conflict, from the channel phrases its evidence came through:
/// the shortest phrase holding the proper name most of the phrases share ("Elysée notes" for
/// "the Elysée notes", "an Elysée summary of the talks", "Elysée notes" and "French notes"
/// twice), else the most common phrase.
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

/// The origin a channel stands for: its country, when the gazetteer knows it. Channels of no
/// known origin ("a report", a person) are left out: two of them differing says nothing about
/// two sides.
fn channel_origin(channel: &str) -> Option<String> {
    country_of(channel).map(str::to_string)
}

/// Proposes a conflict for each speaker quoted through channels of two or more origins.
pub fn find(docs: &[&Document], groups: &[(Vec<Unit>, String)]) -> Vec<Proposal> {
    // speaker -> origin -> (statement ids, channel names, outlets, evidence)
    type Side = (Vec<String>, Vec<String>, Vec<String>, Vec<SourceSpan>);
    let mut by_speaker: BTreeMap<String, BTreeMap<String, Side>> = BTreeMap::new();
    let mut speaker_order: Vec<String> = Vec::new();
    for (members, id) in groups {
        for m in members.iter().filter(|m| m.is_quote) {
            let (Some(speaker), Some(channel)) = (&m.speaker, &m.channel) else {
                continue;
            };
            // A speaker's own report or statement is their own words, not another origin's.
            if channel.to_lowercase().contains(&speaker.to_lowercase()) {
                continue;
            }
            let Some(origin) = channel_origin(channel) else {
                continue;
            };
            if !speaker_order.contains(speaker) {
                speaker_order.push(speaker.clone());
            }
            let side = by_speaker
                .entry(speaker.clone())
                .or_default()
                .entry(origin)
                .or_default();
            if !side.0.contains(id) {
                side.0.push(id.clone());
            }
            side.1.push(channel.clone());
            side.3.push(SourceSpan::new(&docs[m.doc].id, m.span));
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
                speaker: Some(speaker.clone()),
                outlets: side.2.clone(),
                value: None,
                statements: side.0.clone(),
                evidence: side.3.clone(),
            })
            .collect();
        if sides.len() >= 2 {
            let names: Vec<&str> = sides.iter().map(|s| s.channel.as_str()).collect();
            let about = format!(
                "What {speaker} said, according to {}",
                names.join(" and to ")
            );
            out.push(Proposal::new(
                STRENGTH,
                ConflictKind::Version,
                about,
                None,
                sides,
            ));
        }
    }
    out
}
