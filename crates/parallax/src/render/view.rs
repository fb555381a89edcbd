//! What a story's report shows, ranked and capped, shared by the Markdown and HTML reports:
//! who said what (by speaker, then channel), what only one outlet has (no sentence twice),
//! who copied whom, and each document's date.

use std::collections::{HashMap, HashSet};

use super::Index;
use crate::model::{CopyKind, Document, FactKind, Statement, Story};
use crate::outlets::registry;

/// Speakers shown in "who said what"; the rest are counted.
pub(crate) const SPEAKERS_SHOWN: usize = 6;

/// Statements shown per speaker.
pub(crate) const STATEMENTS_PER_SPEAKER: usize = 3;

/// Statements shown per outlet in "only in one outlet".
pub(crate) const EXCLUSIVES_PER_OUTLET: usize = 3;

/// Conflicts shown.
pub(crate) const CONFLICTS_SHOWN: usize = 5;

/// Copy relations shown.
pub(crate) const COPIES_SHOWN: usize = 5;

/// One speaker's statements, by channel.
#[derive(Debug)]
pub struct SpeakerView<'a> {
    /// The speaker's name, or the channel's when no speaker is named.
    pub name: String,
    /// Statements in rank order, each with the channel it came through.
    pub statements: Vec<&'a Statement>,
}

/// A grouping key: lower case, without a leading "the".
fn key(name: &str) -> String {
    let lower = name.trim().to_lowercase();
    lower
        .strip_prefix("the ")
        .map_or(lower.clone(), str::to_string)
}

/// The story's attributed statements grouped by speaker (or, without one, by channel); the
/// speakers ranked by how many outlets carry their statements, each speaker's statements
/// ranked by their outlets, then by channel so one channel's statements stand together.
pub fn speakers(story: &Story) -> Vec<SpeakerView<'_>> {
    let mut groups: Vec<SpeakerView> = Vec::new();
    let mut at: HashMap<String, usize> = HashMap::new();
    for st in &story.statements {
        let Some(name) = st.speaker.as_deref().or(st.channel.as_deref()) else {
            continue;
        };
        let k = key(name);
        let i = *at.entry(k).or_insert_with(|| {
            groups.push(SpeakerView {
                name: name.trim_start_matches("The ").to_string(),
                statements: Vec::new(),
            });
            groups.len() - 1
        });
        groups[i].statements.push(st);
    }
    let weight = |s: &Statement| s.outlets.len();
    for g in &mut groups {
        g.statements
            .sort_by_key(|s| (std::cmp::Reverse(weight(s)), s.channel.as_deref().map(key)));
    }
    groups
        .sort_by_key(|g| std::cmp::Reverse(g.statements.iter().map(|s| weight(s)).sum::<usize>()));
    groups
}

/// What only one outlet has: per document, its statements in the comparison's order, leaving
/// out any whose span lies inside (or holds) one already listed for that document.
pub fn exclusives(story: &Story) -> Vec<(&str, Vec<&Statement>)> {
    let by_id: HashMap<&str, &Statement> = story
        .statements
        .iter()
        .map(|s| (s.id.as_str(), s))
        .collect();
    let mut out = Vec::new();
    let mut seen_text: HashSet<&str> = HashSet::new();
    for ex in &story.exclusive {
        let mut kept: Vec<&Statement> = Vec::new();
        for st in ex.statements.iter().filter_map(|id| by_id.get(id.as_str())) {
            let Some(src) = st.sources.first() else {
                continue;
            };
            let overlaps = kept.iter().any(|k| {
                k.sources.first().is_some_and(|o| {
                    o.doc == src.doc
                        && o.span.start() < src.span.end()
                        && src.span.start() < o.span.end()
                })
            });
            if overlaps || !seen_text.insert(st.text.trim()) {
                continue;
            }
            kept.push(st);
        }
        if !kept.is_empty() {
            out.push((ex.doc.as_str(), kept));
        }
    }
    out
}

/// One line of "who copied whom".
#[derive(Debug)]
pub struct CopyLine<'a> {
    /// The later (or shorter) document.
    pub copy: &'a Document,
    /// How it relates: "is a copy of", "is a rewrite of", "shares a passage with", "is
    /// syndicated from".
    pub relation: &'static str,
    /// The earlier (or fuller) document.
    pub original: &'a Document,
    /// The share of text they have in common, in [0, 1].
    pub share: f64,
    /// Passages shared, when more than one.
    pub passages: usize,
}

impl CopyLine<'_> {
    /// " in 3 passages" when they share more than one, else nothing.
    pub(crate) fn passages_note(&self) -> String {
        if self.passages > 1 {
            format!(" in {} passages", self.passages)
        } else {
            String::new()
        }
    }
}

/// The copy relations among a story's documents, one line per pair of documents, strongest
/// first.
pub fn copies<'a>(ix: &Index<'a>, story: &Story) -> Vec<CopyLine<'a>> {
    let members: HashSet<&str> = story.documents.iter().map(String::as_str).collect();
    let mut lines: Vec<CopyLine<'a>> = Vec::new();
    let mut line_of: HashMap<(&str, &str), usize> = HashMap::new();
    for c in &ix.report.copies {
        if !members.contains(c.a.doc.as_str()) || !members.contains(c.b.doc.as_str()) {
            continue;
        }
        let (Some(original), Some(copy)) = (ix.document(&c.a.doc), ix.document(&c.b.doc)) else {
            continue;
        };
        let pair = if copy.id < original.id {
            (copy.id.as_str(), original.id.as_str())
        } else {
            (original.id.as_str(), copy.id.as_str())
        };
        if let Some(line) = line_of.get(&pair).map(|&i| &mut lines[i]) {
            line.passages += 1;
            line.share = line.share.max(c.similarity);
            continue;
        }
        let wire = original
            .outlet
            .as_deref()
            .and_then(|o| registry().by_name(o))
            .is_some_and(|o| o.wire);
        let relation = match c.kind {
            CopyKind::Duplicate | CopyKind::NearDuplicate if wire => "is syndicated from",
            CopyKind::Duplicate => "is a copy of",
            CopyKind::NearDuplicate => "is a rewrite of",
            CopyKind::SharedPassage => "shares a passage with",
        };
        line_of.insert(pair, lines.len());
        lines.push(CopyLine {
            copy,
            relation,
            original,
            share: c.similarity,
            passages: 1,
        });
    }
    lines.sort_by(|a, b| b.share.total_cmp(&a.share));
    lines
}

/// How the report names and dates a story's documents, computed once per story.
#[derive(Debug)]
pub(crate) struct DocumentNames<'a> {
    ix: &'a Index<'a>,
    /// Documents of the story per outlet name.
    per_outlet: HashMap<&'a str, usize>,
    /// Each document's place in the story (1-based).
    place: HashMap<&'a str, usize>,
    /// Each undated document's first date resolved from its text.
    text_dates: HashMap<&'a str, &'a str>,
}

impl<'a> DocumentNames<'a> {
    /// Names and dates for the documents of `story`.
    pub fn new(ix: &'a Index<'a>, story: &'a Story) -> DocumentNames<'a> {
        let mut per_outlet: HashMap<&str, usize> = HashMap::new();
        let mut place = HashMap::new();
        for (n, id) in story.documents.iter().enumerate() {
            place.insert(id.as_str(), n + 1);
            if let Some(d) = ix.document(id) {
                *per_outlet.entry(d.outlet_name()).or_default() += 1;
            }
        }
        let mut first: HashMap<&str, (usize, &str)> = HashMap::new();
        for f in story.facts.iter().filter(|f| f.kind == FactKind::Date) {
            let Some(value) = f.value.as_deref() else {
                continue;
            };
            let entry = first
                .entry(f.doc.as_str())
                .or_insert((f.span.start(), value));
            if f.span.start() < entry.0 {
                *entry = (f.span.start(), value);
            }
        }
        DocumentNames {
            ix,
            per_outlet,
            place,
            text_dates: first.into_iter().map(|(d, (_, v))| (d, v)).collect(),
        }
    }

    /// The name a document goes by: its outlet's, with its place among the story's documents
    /// when another document of the story has the same outlet ("Daily Bugle (2)").
    pub fn name(&self, id: &str) -> String {
        let Some(doc) = self.ix.document(id) else {
            return id.to_string();
        };
        let name = doc.outlet_name();
        match self.place.get(id) {
            Some(n) if self.per_outlet.get(name).copied().unwrap_or(0) > 1 => {
                format!("{name} ({n})")
            }
            _ => name.to_string(),
        }
    }

    /// A document's date in words: "2022-06-15", "2022-06-15 (from the text)" or "undated".
    pub(crate) fn date_words(&self, doc: &Document) -> String {
        match self.date(doc) {
            Some((date, false)) => date,
            Some((date, true)) => format!("{date} (from the text)"),
            None => "undated".to_string(),
        }
    }

    /// A document's date for the reader: its publication date, else the first date its text
    /// gives that the story's facts resolved (`true`: from the text), else None.
    pub fn date(&self, doc: &Document) -> Option<(String, bool)> {
        if let Some(p) = doc.published.as_deref() {
            return Some((p.get(..10).unwrap_or(p).to_string(), false));
        }
        self.text_dates
            .get(doc.id.as_str())
            .map(|d| (d.to_string(), true))
    }
}

/// What a report holds, in words: "5 documents, 1 story, 3 copy relations."
pub fn counts(report: &crate::model::Report) -> String {
    format!(
        "{}, {}, {}.",
        plural(report.documents.len(), "document", "documents"),
        plural(report.stories.len(), "story", "stories"),
        plural(report.copies.len(), "copy relation", "copy relations")
    )
}

/// What a story's analysis left out when the story is larger than the analysis reads, in words.
pub(crate) fn limit_note(story: &Story) -> Option<String> {
    let limit = story.analysis_limit.as_ref()?;
    let mb = |bytes: usize| format!("{:.1} MB", bytes as f64 / (1 << 20) as f64);
    let mut note = format!(
        "This story has {} of text, more than the {} one analysis reads: quotes, statements, conflicts and the summary come from its first {}",
        mb(limit.total_bytes),
        mb(limit.cap),
        mb(limit.analyzed_bytes)
    );
    if !limit.left_out.is_empty() {
        note.push_str(&format!(
            "; {} not analyzed",
            plural(limit.left_out.len(), "document was", "documents were")
        ));
    }
    note.push('.');
    Some(note)
}

/// "1 document", "2 documents".
pub(crate) fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals_agree_with_their_count() {
        assert_eq!(plural(1, "story", "stories"), "1 story");
        assert_eq!(plural(0, "story", "stories"), "0 stories");
        assert_eq!(plural(3, "document", "documents"), "3 documents");
    }

    #[test]
    fn grouping_keys_ignore_case_and_a_leading_article() {
        assert_eq!(key("The Harbour Board"), key("harbour board"));
        assert_ne!(key("Harbour Board"), key("Harbour Office"));
    }
}
