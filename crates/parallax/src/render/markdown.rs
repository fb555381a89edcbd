//! The Markdown report.

use std::collections::HashMap;
use std::fmt::Write;

use super::clue_words;
use super::view::{
    copies, counts, exclusives, limit_note, plural, speakers, DocumentNames, CONFLICTS_SHOWN,
    COPIES_SHOWN, EXCLUSIVES_PER_OUTLET, SPEAKERS_SHOWN, STATEMENTS_PER_SPEAKER,
};
use super::{
    conflict_heading, excerpt, more_note, outlets, side_view, Citations, Index, MAX_LISTED,
};
use crate::model::{Conflict, Report, SourceSpan, Story};

/// Renders the report as Markdown.
pub fn markdown(report: &Report) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# Parallax report\n");
    let _ = writeln!(out, "{}\n", counts(report));
    let ix = Index::new(report);
    for story in &report.stories {
        story_section(&mut out, &ix, story);
    }
    if !report.copies.is_empty() {
        let _ = writeln!(out, "## Copies\n");
        for c in report.copies.iter().take(MAX_LISTED) {
            let kind = serde_json::to_value(c.kind)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "- {kind} ({:.2}): `{}` bytes {}–{} and `{}` bytes {}–{}: “{}”",
                c.similarity,
                c.a.doc,
                c.a.span.start(),
                c.a.span.end(),
                c.b.doc,
                c.b.span.start(),
                c.b.span.end(),
                text(&excerpt(&ix, &c.a, 120))
            );
        }
        more(&mut out, report.copies.len());
        out.push('\n');
    }
    let _ = writeln!(out, "## Documents\n");
    for doc in &report.documents {
        let _ = writeln!(
            out,
            "### {} — {}\n",
            text(doc.outlet_name()),
            text(doc.title.as_deref().unwrap_or("(no title)"))
        );
        let named = doc
            .outlet_evidence
            .as_ref()
            .map(|e| {
                format!(
                    " (named by its {}: “{}”)",
                    clue_words(e.clue),
                    text(&e.text)
                )
            })
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "Document `{}` · source `{}` · outlet {}{named} · published {} · charset {}\n",
            doc.id,
            doc.source,
            text(doc.outlet.as_deref().unwrap_or("unknown")),
            doc.published.as_deref().unwrap_or("unknown"),
            doc.charset
        );
        for para in doc.text.split("\n\n") {
            let _ = writeln!(out, "> {}\n>", text(para.trim()).replace('\n', "\n> "));
        }
        out.push('\n');
        if !doc.removed.is_empty() {
            let _ = writeln!(out, "Removed:\n");
            for r in &doc.removed {
                let reason = serde_json::to_value(r.reason)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default();
                let _ = writeln!(out, "- ({reason}) “{}”", text(&r.text));
            }
            out.push('\n');
        }
        if !doc.repairs.is_empty() {
            let _ = writeln!(out, "Repaired:\n");
            for r in &doc.repairs {
                let _ = writeln!(
                    out,
                    "- `{}` → `{}` at byte {}",
                    r.from,
                    r.to,
                    r.span.start()
                );
            }
            out.push('\n');
        }
    }
    if !report.rejected.is_empty() {
        let _ = writeln!(out, "## Rejected inputs\n");
        for r in &report.rejected {
            let _ = writeln!(out, "- `{}`: {}", r.input, r.reason);
        }
    }
    out
}

/// The note under a list cut at [`MAX_LISTED`] items.
fn more(out: &mut String, total: usize) {
    if let Some(note) = more_note(total) {
        let _ = writeln!(out, "\n_{note}_");
    }
}

fn story_section(out: &mut String, ix: &Index, story: &Story) {
    let mut cites = Citations::default();
    let names = DocumentNames::new(ix, story);
    let _ = writeln!(
        out,
        "## {}\n",
        text(story.title.as_deref().unwrap_or(&story.id))
    );
    let _ = writeln!(
        out,
        "{} from {} · {}\n",
        plural(story.documents.len(), "document", "documents"),
        text(&outlets(ix, story).join(", ")),
        story.date.as_deref().unwrap_or("date unknown")
    );
    if let Some(note) = limit_note(story) {
        let _ = writeln!(out, "_{note}_\n");
    }
    if !story.summary.is_empty() {
        let _ = writeln!(out, "### What happened\n");
        for item in &story.summary {
            let _ = writeln!(
                out,
                "{} {}",
                text(&item.text),
                marks(&mut cites, &item.sources)
            );
        }
        out.push('\n');
    }
    if !story.conflicts.is_empty() {
        let _ = writeln!(out, "### Where the accounts differ\n");
        for c in story.conflicts.iter().take(CONFLICTS_SHOWN) {
            conflict_row(out, ix, &mut cites, c);
        }
        rest(out, story.conflicts.len(), CONFLICTS_SHOWN, "conflicts");
    }
    let speakers = speakers(story);
    if !speakers.is_empty() {
        let _ = writeln!(out, "### Who said what\n");
        for sp in speakers.iter().take(SPEAKERS_SHOWN) {
            let _ = writeln!(out, "**{}**\n", text(&sp.name));
            for st in sp.statements.iter().take(STATEMENTS_PER_SPEAKER) {
                let through = match (&st.speaker, &st.channel) {
                    (Some(_), Some(c)) => format!("according to {}: ", text(c)),
                    _ => String::new(),
                };
                let _ = writeln!(
                    out,
                    "- {through}“{}” — {} {}",
                    text(&st.text),
                    text(&st.outlets.join(", ")),
                    marks(&mut cites, &st.sources)
                );
            }
            if sp.statements.len() > STATEMENTS_PER_SPEAKER {
                let _ = writeln!(
                    out,
                    "- _and {} more_",
                    sp.statements.len() - STATEMENTS_PER_SPEAKER
                );
            }
            out.push('\n');
        }
        rest(out, speakers.len(), SPEAKERS_SHOWN, "speakers");
    }
    let exclusives = exclusives(story);
    if !exclusives.is_empty() {
        let _ = writeln!(out, "### Only in one outlet\n");
        for (doc, statements) in &exclusives {
            let _ = writeln!(out, "**{}**\n", text(&names.name(doc)));
            for st in statements.iter().take(EXCLUSIVES_PER_OUTLET) {
                let _ = writeln!(
                    out,
                    "- “{}” {}",
                    text(&st.text),
                    marks(&mut cites, &st.sources)
                );
            }
            if statements.len() > EXCLUSIVES_PER_OUTLET {
                let _ = writeln!(
                    out,
                    "- _and {} more_",
                    statements.len() - EXCLUSIVES_PER_OUTLET
                );
            }
            out.push('\n');
        }
    }
    let copies = copies(ix, story);
    if !copies.is_empty() {
        let _ = writeln!(out, "### Who copied whom\n");
        for c in copies.iter().take(COPIES_SHOWN) {
            let passages = c.passages_note();
            let _ = writeln!(
                out,
                "- {} {} {}: {:.0}% shared{passages}",
                text(&names.name(&c.copy.id)),
                c.relation,
                text(&names.name(&c.original.id)),
                c.share * 100.0
            );
        }
        rest(out, copies.len(), COPIES_SHOWN, "copy relations");
        out.push('\n');
    }
    let _ = writeln!(out, "### Documents\n");
    for (n, id) in story.documents.iter().enumerate() {
        let Some(d) = ix.document(id) else { continue };
        let date = names.date_words(d);
        let _ = writeln!(
            out,
            "{}. **{}** — {} · {} · `{}`",
            n + 1,
            text(&names.name(id)),
            text(d.title.as_deref().unwrap_or("(no title)")),
            date,
            d.id
        );
    }
    out.push('\n');
    if !cites.sources().is_empty() {
        // One line per document: each citation's number and byte span in its cleaned text.
        let _ = writeln!(out, "### Sources\n");
        let mut by_doc: Vec<(&str, Vec<String>)> = Vec::new();
        let mut at: HashMap<&str, usize> = HashMap::new();
        for (n, s) in cites.sources().iter().enumerate() {
            let cited = format!("[{}] {}–{}", n + 1, s.span.start(), s.span.end());
            let i = *at.entry(s.doc.as_str()).or_insert_with(|| {
                by_doc.push((s.doc.as_str(), Vec::new()));
                by_doc.len() - 1
            });
            by_doc[i].1.push(cited);
        }
        for (doc, list) in by_doc {
            let _ = writeln!(
                out,
                "- {} (`{}`, bytes): {}",
                text(&names.name(doc)),
                doc,
                list.join(", ")
            );
        }
        out.push('\n');
    }
}

/// One conflict as a paired row: its kind and matter, then each side's evidence with the
/// value marked and cited.
fn conflict_row(out: &mut String, ix: &Index, cites: &mut Citations, c: &Conflict) {
    let _ = writeln!(out, "**{}**: {}\n", conflict_heading(c), text(&c.about));
    let row: Vec<String> = c
        .sides
        .iter()
        .map(|side| {
            let v = side_view(ix, side);
            let value = v
                .value
                .as_deref()
                .map(|x| format!("**{}**", text(x)))
                .unwrap_or_default();
            let cite = v
                .source
                .as_ref()
                .map(|s| format!(" [{}]", cites.number(s)))
                .unwrap_or_default();
            let more = if v.more > 0 {
                format!(" (and {} more)", v.more)
            } else {
                String::new()
            };
            format!(
                "{}: “{}{}{}”{}{}",
                text(&v.label),
                text(&v.before),
                value,
                text(&v.after),
                cite,
                more
            )
        })
        .collect();
    let _ = writeln!(out, "- {}\n", row.join(" — "));
}

/// Citation marks for sources, numbered in order of first citation and written in
/// ascending order: "[1][2][5]".
fn marks(cites: &mut Citations, sources: &[SourceSpan]) -> String {
    let mut numbers: Vec<usize> = sources.iter().map(|s| cites.number(s)).collect();
    numbers.sort_unstable();
    numbers.dedup();
    numbers.iter().map(|n| format!("[{n}]")).collect()
}

/// The note under a list cut at `shown` items.
fn rest(out: &mut String, total: usize, shown: usize, what: &str) {
    if total > shown {
        let _ = writeln!(
            out,
            "_{} more {what} in the HTML and JSON reports._\n",
            total - shown
        );
    }
}

/// Escapes the ampersands that would start a character reference ("&amp;", "&#38;"); any
/// other stays as written ("Writing & Translation").
fn escape_ampersands(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        if c == '&' {
            let rest = &s[i + 1..];
            let name = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))
                .unwrap_or(rest.len());
            if name > 0 && rest[name..].starts_with(';') {
                out.push_str("&amp;");
                continue;
            }
        }
        out.push(c);
    }
    out
}

/// Escapes source text for Markdown: no raw HTML, and no line that opens a heading, list or quote.
pub fn text(s: &str) -> String {
    let escaped = escape_ampersands(s)
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    escaped
        .lines()
        .map(|line| {
            let trimmed = line.trim_start();
            let opens_block = trimmed.starts_with(['#', '-', '+', '*', '=', '`'])
                || trimmed
                    .split_once(". ")
                    .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
            if opens_block {
                format!("\\{trimmed}")
            } else {
                line.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}
