//! Render: a [`Report`] as JSON, Markdown or HTML.
//!
//! The Markdown and HTML reports are what a journalist reads: per story, the summary with
//! numbered citations, who said what according to whom, where the accounts differ, what each
//! outlet alone reports, the copies, and each document's cleaned text with what was removed.
//! Only source text and fixed template words appear; HTML escapes all of it.

pub mod html;
pub mod markdown;
pub mod terminal;
pub mod view;

use std::collections::{HashMap, HashSet};

use crate::model::{
    Conflict, ConflictKind, ConflictSide, Document, Fact, FactKind, Report, SourceSpan, Story,
    ValueRelation,
};

/// Most items of one kind a story's page lists (quotes, figures, statements, copies): a giant
/// story shows the first ones and says how many more the JSON report holds.
pub(crate) const MAX_LISTED: usize = 300;

/// A report's documents and statements looked up by id in constant time, so that rendering
/// stays linear in the report's size.
#[derive(Debug)]
pub struct Index<'a> {
    /// The report.
    pub report: &'a Report,
    positions: HashMap<&'a str, usize>,
    /// How the HTML page reaches documents it does not show in full (None: it shows all).
    pub pages: Option<DocumentPages<'a>>,
}

/// How a story's HTML page shows a giant story's documents.
#[derive(Debug, Clone, Copy)]
pub struct DocumentPages<'a> {
    /// Documents whose text the page shows; the others are listed and linked.
    pub in_full: usize,
    /// Where a listed document's own page is: this prefix, then its percent-encoded id
    /// (the web UI's `/document/`).
    pub link_prefix: &'a str,
}

impl<'a> Index<'a> {
    /// Indexes the report's documents.
    pub fn new(report: &'a Report) -> Index<'a> {
        let mut positions = HashMap::with_capacity(report.documents.len());
        for (i, d) in report.documents.iter().enumerate() {
            positions.entry(d.id.as_str()).or_insert(i);
        }
        Index {
            report,
            positions,
            pages: None,
        }
    }

    /// The position of the document with this id in the report.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.positions.get(id).copied()
    }

    /// The document with this id.
    pub fn document(&self, id: &str) -> Option<&'a Document> {
        self.position(id).map(|i| &self.report.documents[i])
    }
}

/// The note under a list cut at [`MAX_LISTED`] items, or nothing when it was not cut.
pub(crate) fn more_note(total: usize) -> Option<String> {
    (total > MAX_LISTED).then(|| {
        format!(
            "{} more not shown; the JSON report lists them all.",
            total - MAX_LISTED
        )
    })
}

/// The report as pretty-printed JSON.
pub fn json(report: &Report) -> String {
    let mut out = Vec::new();
    let written = JsonPieces::of(report)
        .map_err(std::io::Error::from)
        .and_then(|pieces| pieces.write_to(&mut out));
    match written {
        // The pieces written are all strings.
        Ok(()) => String::from_utf8(out).unwrap_or_default(),
        Err(e) => format!("{{\"error\": \"{e}\"}}"),
    }
}

/// A report's pretty JSON ([`json`]) in pieces, each array element apart: written out one
/// after the other, without joining them into one string (each element's JSON is held, not the
/// whole text a second time), and without the report.
pub struct JsonPieces {
    arrays: [(&'static str, Vec<String>); 4],
}

impl JsonPieces {
    /// The pieces of `report`'s JSON, each element written on its own core.
    pub fn of(report: &Report) -> serde_json::Result<JsonPieces> {
        Ok(JsonPieces {
            arrays: json_elements(report)?,
        })
    }

    /// Writes the JSON to `out`.
    pub fn write_to(&self, out: &mut impl std::io::Write) -> std::io::Result<()> {
        out.write_all(b"{")?;
        for (n, (name, items)) in self.arrays.iter().enumerate() {
            out.write_all(if n == 0 { b"\n  \"" } else { b",\n  \"" })?;
            out.write_all(name.as_bytes())?;
            out.write_all(b"\": [")?;
            for (k, item) in items.iter().enumerate() {
                out.write_all(if k == 0 { b"\n" } else { b",\n" })?;
                out.write_all(item.as_bytes())?;
            }
            out.write_all(if items.is_empty() { b"]" } else { b"\n  ]" })?;
        }
        out.write_all(b"\n}")
    }
}

/// The report's four arrays, each element's pretty JSON written on its own core: exactly what
/// `serde_json::to_string_pretty` writes for the element inside the report. Pretty JSON puts
/// a line break only between tokens (a string's line breaks are escaped), so an element
/// written alone fits in its array by indenting each of its lines.
fn json_elements(report: &Report) -> serde_json::Result<[(&'static str, Vec<String>); 4]> {
    use rayon::prelude::*;
    /// Each item's pretty JSON, indented one level deeper, as the array inside the report
    /// places it.
    fn elements<T: serde::Serialize + Sync>(items: &[T]) -> serde_json::Result<Vec<String>> {
        items
            .par_iter()
            .with_min_len(64)
            .map(|item| {
                let json = serde_json::to_string_pretty(item)?;
                let mut indented = String::with_capacity(json.len() + json.len() / 8 + 8);
                for (l, line) in json.split('\n').enumerate() {
                    if l > 0 {
                        indented.push('\n');
                    }
                    indented.push_str("    ");
                    indented.push_str(line);
                }
                Ok(indented)
            })
            .collect()
    }
    Ok([
        ("documents", elements(&report.documents)?),
        ("copies", elements(&report.copies)?),
        ("stories", elements(&report.stories)?),
        ("rejected", elements(&report.rejected)?),
    ])
}

/// Numbers the sources cited in one story, in order of first citation.
#[derive(Debug, Default)]
pub(crate) struct Citations {
    cited: Vec<SourceSpan>,
    numbers: HashMap<SourceSpan, usize>,
}

impl Citations {
    /// The citation number of a source (1-based), adding it when new.
    pub fn number(&mut self, source: &SourceSpan) -> usize {
        if let Some(&n) = self.numbers.get(source) {
            return n;
        }
        self.cited.push(source.clone());
        self.numbers.insert(source.clone(), self.cited.len());
        self.cited.len()
    }

    /// The cited sources in citation order.
    pub fn sources(&self) -> &[SourceSpan] {
        &self.cited
    }
}

/// The text a source span holds, shortened to about `max` bytes.
pub(crate) fn excerpt(ix: &Index, source: &SourceSpan, max: usize) -> String {
    let Some(doc) = ix.document(&source.doc) else {
        return String::new();
    };
    let text = doc.span_text(source.span());
    if text.len() <= max {
        return text.to_string();
    }
    let mut cut = max;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    format!("{}…", text[..cut].trim_end())
}

/// One side of a conflict as a paired row shows it: who states it and its evidence, split
/// around the value it gives so the value can be marked.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SideView {
    /// Who states it: the outlet, with the speaker or channel when another than the outlet.
    pub label: String,
    /// The evidence before the value (all of it when there is no value).
    pub before: String,
    /// The value as written, when the side gives one and the evidence holds it.
    pub value: Option<String>,
    /// The evidence after the value.
    pub after: String,
    /// The evidence's source, to cite.
    pub source: Option<SourceSpan>,
    /// More pieces of evidence this side has.
    pub more: usize,
}

/// Evidence shown per side at most, in bytes.
pub(crate) const MAX_EVIDENCE_SHOWN: usize = 240;

/// The paired-row view of a conflict's side.
pub(crate) fn side_view(ix: &Index, side: &ConflictSide) -> SideView {
    // The outlet of the evidence shown, and how many more carry this side.
    let shown = side
        .evidence
        .first()
        .and_then(|e| ix.document(&e.doc))
        .map(|d| d.outlet_name().to_string())
        .or_else(|| side.outlets.first().cloned())
        .unwrap_or_default();
    let others = side.outlets.iter().filter(|o| **o != shown).count();
    let outlet = if others > 0 {
        format!("{shown} and {others} more")
    } else {
        shown
    };
    let label = if side.channel.is_empty() || side.channel == outlet || outlet.is_empty() {
        side.channel.clone()
    } else {
        format!("{outlet} ({})", side.channel)
    };
    let source = side.evidence.first().cloned();
    let text = source
        .as_ref()
        .and_then(|s| ix.document(&s.doc).map(|d| d.span_text(s.span()).trim()))
        .unwrap_or("");
    let found = side
        .value
        .as_deref()
        .and_then(|v| text.find(v).map(|at| (at, v.len())));
    let (before, value, after) = match found {
        Some((at, len)) => (&text[..at], Some(&text[at..at + len]), &text[at + len..]),
        None => (text, None, ""),
    };
    let (head, tail) = shorten(before, value.is_some(), after);
    SideView {
        label,
        before: head,
        value: value.map(str::to_string),
        after: tail,
        source,
        more: side.evidence.len().saturating_sub(1),
    }
}

/// Evidence cut to [`MAX_EVIDENCE_SHOWN`] bytes between words, with an ellipsis where cut:
/// around the value (`before` kept at its end, `after` at its start), or from the start of
/// `before` when there is no value.
fn shorten(before: &str, has_value: bool, after: &str) -> (String, String) {
    // Long evidence is cut around the value (from its start when it has none), between words.
    let keep = if has_value {
        MAX_EVIDENCE_SHOWN / 2
    } else {
        MAX_EVIDENCE_SHOWN
    };
    let head = if has_value && before.len() > keep {
        let from = ceil_boundary(before, before.len() - keep);
        let cut = before[from..]
            .find(char::is_whitespace)
            .map_or(before.len(), |k| from + k);
        format!("…{}", before[cut..].trim_start())
    } else if !has_value && before.len() > keep {
        let cut = before[..floor_boundary(before, keep)]
            .rfind(char::is_whitespace)
            .unwrap_or(floor_boundary(before, keep));
        format!("{}…", before[..cut].trim_end())
    } else {
        before.to_string()
    };
    let tail = if after.len() > keep {
        let cut = after[..floor_boundary(after, keep)]
            .rfind(char::is_whitespace)
            .unwrap_or(floor_boundary(after, keep));
        format!("{}…", after[..cut].trim_end())
    } else {
        after.to_string()
    };
    (head, tail)
}

/// The smallest character boundary of `text` at or above `at`.
fn ceil_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// The largest character boundary of `text` at or below `at`.
fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// A conflict's kind and, for values, how they relate: "Figure (incompatible)".
pub(crate) fn conflict_heading(conflict: &Conflict) -> String {
    let kind = match conflict.kind {
        ConflictKind::Figure => "Figure",
        ConflictKind::Date => "Date",
        ConflictKind::Place => "Place",
        ConflictKind::Identity => "Identity",
        ConflictKind::Denial => "Claim and denial",
        ConflictKind::Version => "Versions",
    };
    match conflict.relation {
        Some(ValueRelation::Incompatible) => format!("{kind} (incompatible)"),
        Some(ValueRelation::Different) => format!("{kind} (different, could both hold)"),
        Some(ValueRelation::Updated) => format!("{kind} (updated between reports)"),
        None => kind.to_string(),
    }
}

/// What named an outlet, in words: "dateline", "URL".
pub(crate) fn clue_words(clue: crate::outlets::OutletClue) -> &'static str {
    use crate::outlets::OutletClue;
    match clue {
        OutletClue::Given => "metadata",
        OutletClue::SiteName => "site name",
        OutletClue::PageTitle => "page title",
        OutletClue::Url => "URL",
        OutletClue::Dateline => "dateline",
        OutletClue::Credit => "credit line",
        OutletClue::Copyright => "copyright line",
        OutletClue::Contributors => "contributor line",
        OutletClue::Byline => "byline",
        OutletClue::Masthead => "masthead",
        OutletClue::ReleaseIssuer => "press release's heading",
    }
}

/// A speaker and channel in words: "Xi Jinping, according to the Kremlin readout".
pub fn attribution(speaker: Option<&str>, channel: Option<&str>) -> String {
    match (speaker, channel) {
        (Some(s), Some(c)) => format!("{s}, according to {c}"),
        (Some(s), None) => s.to_string(),
        (None, Some(c)) => format!("according to {c}"),
        (None, None) => "unattributed".to_string(),
    }
}

/// Outlet names of a story's documents, in order, without repeats.
pub fn outlets(ix: &Index, story: &Story) -> Vec<String> {
    let mut seen = HashSet::new();
    let mut out: Vec<String> = Vec::new();
    for id in &story.documents {
        if let Some(d) = ix.document(id) {
            if seen.insert(d.outlet_name()) {
                out.push(d.outlet_name().to_string());
            }
        }
    }
    out
}

/// The dates, amounts and percentages of a story, in document order.
pub fn figures(story: &Story) -> Vec<&Fact> {
    story
        .facts
        .iter()
        .filter(|f| {
            matches!(
                f.kind,
                FactKind::Date | FactKind::Amount | FactKind::Percent
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn evidence_is_cut_at_character_boundaries_whatever_its_length() {
        for n in 0..200 {
            let long: String = "— é 日本 ".repeat(n);
            for has_value in [true, false] {
                let (head, tail) = shorten(&long, has_value, &long);
                assert!(
                    head.len() <= MAX_EVIDENCE_SHOWN + 4 && tail.len() <= MAX_EVIDENCE_SHOWN + 4
                );
                if n > 0 && long.len() > MAX_EVIDENCE_SHOWN {
                    assert!(head.contains('…'));
                }
            }
        }
    }
}
