//! Render: a [`Report`] as JSON, Markdown or HTML.
//!
//! The Markdown and HTML reports are what a journalist reads: per story, the summary with
//! numbered citations, who said what according to whom, where the accounts differ, what each
//! outlet alone reports, the copies, and each document's cleaned text with what was removed.
//! Only source text and fixed template words appear; HTML escapes all of it.

pub mod html;
pub mod markdown;
pub mod terminal;

use crate::model::{Fact, FactKind, Report, SourceSpan, Story};

/// The report as pretty-printed JSON.
pub fn json(report: &Report) -> String {
    serde_json::to_string_pretty(report).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

/// Numbers the sources cited in one story, in order of first citation.
#[derive(Debug, Default)]
pub struct Citations {
    cited: Vec<SourceSpan>,
}

impl Citations {
    /// The citation number of a source (1-based), adding it when new.
    pub fn number(&mut self, source: &SourceSpan) -> usize {
        match self.cited.iter().position(|s| s == source) {
            Some(i) => i + 1,
            None => {
                self.cited.push(source.clone());
                self.cited.len()
            }
        }
    }

    /// The cited sources in citation order.
    pub fn sources(&self) -> &[SourceSpan] {
        &self.cited
    }
}

/// The text a source span holds, shortened to about `max` bytes.
pub fn excerpt(report: &Report, source: &SourceSpan, max: usize) -> String {
    let Some(doc) = report.document(&source.doc) else {
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
pub fn outlets(report: &Report, story: &Story) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for id in &story.documents {
        if let Some(d) = report.document(id) {
            let o = d.outlet_name().to_string();
            if !out.contains(&o) {
                out.push(o);
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
