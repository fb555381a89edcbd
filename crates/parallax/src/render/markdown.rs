//! The Markdown report.

use std::fmt::Write;

use super::{
    attribution, conflict_heading, excerpt, figures, more_note, outlets, side_view,
    statements_by_id, Citations, Index, MAX_LISTED,
};
use crate::model::{Report, Statement, Story};

/// Renders the report as Markdown.
pub fn markdown(report: &Report) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# Parallax report\n");
    let _ = writeln!(
        out,
        "{} documents, {} stories, {} copy relations.\n",
        report.documents.len(),
        report.stories.len(),
        report.copies.len()
    );
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
                c.a.start,
                c.a.end,
                c.b.doc,
                c.b.start,
                c.b.end,
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
            doc.id,
            text(doc.title.as_deref().unwrap_or("(no title)"))
        );
        let _ = writeln!(
            out,
            "Source `{}` · outlet {} · published {} · charset {}\n",
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
                let _ = writeln!(out, "- `{}` → `{}` at byte {}", r.from, r.to, r.offset);
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
    let by_id = statements_by_id(story);
    let statement = |id: &str| by_id.get(id).copied();
    let _ = writeln!(
        out,
        "## {}\n",
        text(story.title.as_deref().unwrap_or(&story.id))
    );
    let _ = writeln!(
        out,
        "Story `{}` · {} documents from {}{}\n",
        story.id,
        story.documents.len(),
        text(&outlets(ix, story).join(", ")),
        story
            .date
            .as_deref()
            .map(|d| format!(" · {d}"))
            .unwrap_or_default()
    );
    if !story.summary.is_empty() {
        let _ = writeln!(out, "### Summary\n");
        for item in &story.summary {
            let marks: Vec<String> = item
                .sources
                .iter()
                .map(|s| format!("[{}]", cites.number(s)))
                .collect();
            let _ = writeln!(out, "{} {}", text(&item.text), marks.join(""));
        }
        out.push('\n');
    }
    if !story.conflicts.is_empty() {
        let _ = writeln!(out, "### Where the accounts differ\n");
        for c in story.conflicts.iter().take(MAX_LISTED) {
            let _ = writeln!(out, "**{}**: {}\n", conflict_heading(c), text(&c.about));
            // One paired row: each side's evidence, its value marked, cited.
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
        more(out, story.conflicts.len());
    }
    if !story.quotes.is_empty() {
        let _ = writeln!(out, "### Who said what\n");
        let _ = writeln!(
            out,
            "| who, according to whom | quote | kind | document |\n|---|---|---|---|"
        );
        for q in story.quotes.iter().take(MAX_LISTED) {
            let who = attribution(q.speaker.as_deref(), q.channel.as_deref());
            let kind = serde_json::to_value(q.kind)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "| {} | “{}” | {} | {} |",
                cell(&who),
                cell(&q.text),
                kind,
                cell(&q.doc)
            );
        }
        more(out, story.quotes.len());
        out.push('\n');
    }
    let figures = figures(story);
    if !figures.is_empty() {
        let _ = writeln!(out, "### Dates and figures\n");
        let _ = writeln!(
            out,
            "| what | as written | resolved | document |\n|---|---|---|---|"
        );
        for f in figures.iter().take(MAX_LISTED) {
            let kind = serde_json::to_value(f.kind)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "| {kind} | {} | {} | {} |",
                cell(&f.text),
                cell(f.value.as_deref().unwrap_or("")),
                cell(&f.doc)
            );
        }
        more(out, figures.len());
        out.push('\n');
    }
    let shared: Vec<&Statement> = story
        .statements
        .iter()
        .filter(|s| s.outlets.len() > 1)
        .collect();
    if !shared.is_empty() {
        let _ = writeln!(out, "### Reported by several outlets\n");
        for st in shared.iter().take(MAX_LISTED) {
            let marks: Vec<String> = st
                .sources
                .iter()
                .map(|s| format!("[{}]", cites.number(s)))
                .collect();
            let _ = writeln!(
                out,
                "- “{}” — {} {}",
                text(&st.text),
                text(&st.outlets.join(", ")),
                marks.join("")
            );
        }
        more(out, shared.len());
        out.push('\n');
    }
    if !story.exclusive.is_empty() {
        let _ = writeln!(out, "### Only in one outlet\n");
        let total: usize = story.exclusive.iter().map(|ex| ex.statements.len()).sum();
        let mut listed = 0;
        for ex in &story.exclusive {
            if listed >= MAX_LISTED {
                break;
            }
            let outlet = ix
                .document(&ex.doc)
                .map_or(ex.doc.as_str(), |d| d.outlet_name());
            let _ = writeln!(out, "**{}** (`{}`):\n", text(outlet), ex.doc);
            for id in ex.statements.iter().take(MAX_LISTED - listed) {
                listed += 1;
                if let Some(st) = statement(id) {
                    let marks: Vec<String> = st
                        .sources
                        .iter()
                        .map(|s| format!("[{}]", cites.number(s)))
                        .collect();
                    let _ = writeln!(out, "- “{}” {}", text(&st.text), marks.join(""));
                }
            }
            out.push('\n');
        }
        more(out, total);
    }
    if !cites.sources().is_empty() {
        let _ = writeln!(out, "### Sources\n");
        for (n, s) in cites.sources().iter().enumerate() {
            let _ = writeln!(
                out,
                "{}. `{}` bytes {}–{}: “{}”",
                n + 1,
                s.doc,
                s.start,
                s.end,
                text(&excerpt(ix, s, 160))
            );
        }
        out.push('\n');
    }
}

/// Escapes a table cell.
fn cell(s: &str) -> String {
    text(s).replace('|', "\\|").replace('\n', " ")
}

/// Escapes source text for Markdown: no raw HTML, and no line that opens a heading, list or quote.
pub fn text(s: &str) -> String {
    let escaped = s
        .replace('&', "&amp;")
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
