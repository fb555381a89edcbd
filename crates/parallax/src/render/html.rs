//! The HTML report: one self-contained page, no scripts, no external resources.
//!
//! Every piece of source text is escaped. Each sentence of each document carries an anchor, and
//! every citation links to the sentence holding the cited span.

use std::collections::HashMap;
use std::fmt::Write;

pub use super::DocumentPages;
use super::{
    attribution, conflict_heading, excerpt, figures, more_note, outlets, side_view,
    statements_by_id, Citations, Index, MAX_LISTED,
};
use crate::cluster::{date_of_day, day_number};
use crate::model::{Report, SourceSpan, Statement, Story};

/// Escapes text for HTML element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Bidirectional overrides in article text could reorder the report's own words.
            '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => {}
            _ => out.push(c),
        }
    }
    out
}

const STYLE_RULES: &str = "body{font:16px/1.5 Georgia,serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}\
h1,h2,h3{font-family:Helvetica,Arial,sans-serif}table{border-collapse:collapse;width:100%}\
td,th{border-bottom:1px solid #ddd;padding:.3rem;vertical-align:top;text-align:left}\
.sides{display:flex;gap:1rem}.conflict{margin:.6rem 0;padding:.4rem .6rem;border-left:3px solid #c33}.pair mark{background:#ffe08a;padding:0 .1em}.versus{color:#c33}.side{flex:1;border:1px solid #ccc;padding:.5rem}sup a{text-decoration:none}\
.doc p{margin:.4rem 0}.meta{color:#666;font-size:.9rem}:target{background:#ffef9e}\
.matrix td.on{text-align:center;background:#e6f0ff}.matrix td{text-align:center}.matrix td:first-child{text-align:left;width:60%}.matrix th{font-size:.75rem;word-break:break-all}\
.timeline{width:100%;height:auto}.timeline text{font:11px sans-serif}.group h4{margin:.6rem 0 .2rem}";

/// The link to the sentence that holds a source span: an anchor on this page, or, for a
/// document the page lists without its text, that document's own page.
fn anchor(ix: &Index, source: &SourceSpan) -> String {
    let Some(d) = ix.position(&source.doc) else {
        return String::new();
    };
    let doc = &ix.report.documents[d];
    // Sentences are sorted: the last one starting at or before the span holds it.
    let s = doc
        .sentences
        .partition_point(|s| s.start() <= source.start)
        .saturating_sub(1);
    match ix.pages {
        Some(pages) if d >= pages.in_full => format!(
            "{}{}#d0-s{s}",
            pages.link_prefix,
            url_component(&source.doc)
        ),
        _ => format!("#d{d}-s{s}"),
    }
}

/// A value percent-encoded for a URL path segment or query: letters, digits and `-_.~` stay.
pub fn url_component(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

fn cite(out: &mut String, ix: &Index, cites: &mut Citations, sources: &[SourceSpan]) {
    for s in sources {
        let n = cites.number(s);
        let _ = write!(
            out,
            "<sup><a href=\"{}\" title=\"{}\">[{n}]</a></sup>",
            anchor(ix, s),
            escape(&s.doc)
        );
    }
}

/// The page style, shared by the report and the web UI.
pub const STYLE: &str = STYLE_RULES;

/// Renders the report as one HTML page.
pub fn html(report: &Report) -> String {
    let mut out = String::new();
    let title = report
        .stories
        .first()
        .and_then(|s| s.title.as_deref())
        .unwrap_or("Parallax report");
    let _ = write!(out, "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{}</title><style>{STYLE}</style></head><body>", escape(title));
    let _ = write!(out, "<h1>Parallax report</h1><p class=\"meta\">{} documents, {} stories, {} copy relations.</p>", report.documents.len(), report.stories.len(), report.copies.len());
    out.push_str(&story_page(report));
    if !report.rejected.is_empty() {
        out.push_str("<h2>Rejected inputs</h2><ul>");
        for r in &report.rejected {
            let _ = write!(
                out,
                "<li><code>{}</code>: {}</li>",
                escape(&r.input),
                escape(&r.reason)
            );
        }
        out.push_str("</ul>");
    }
    out.push_str("</body></html>\n");
    out
}

/// The body of a report's page without the surrounding document: each story's comparison,
/// then each document's cleaned text with anchors. The web UI wraps it in its own page.
pub fn story_page(report: &Report) -> String {
    story_page_paged(report, None)
}

/// A story page that shows the text of its first documents only ([`DocumentPages`]): a giant
/// story's page stays small, and the other documents are listed, each linked to its own page.
pub fn story_page_paged(report: &Report, pages: Option<DocumentPages>) -> String {
    let mut out = String::new();
    let mut ix = Index::new(report);
    ix.pages = pages;
    for story in &report.stories {
        story_section(&mut out, &ix, story);
    }
    documents(&mut out, &ix);
    out
}

/// The note under a list cut at [`MAX_LISTED`] items.
fn more(out: &mut String, total: usize) {
    if let Some(note) = more_note(total) {
        let _ = write!(out, "<p class=\"meta\">{}</p>", escape(&note));
    }
}

fn story_section(out: &mut String, ix: &Index, story: &Story) {
    let mut cites = Citations::default();
    let by_id = statements_by_id(story);
    let statement = |id: &str| by_id.get(id).copied();
    let _ = write!(
        out,
        "<section id=\"{}\"><h2>{}</h2>",
        escape(&story.id),
        escape(story.title.as_deref().unwrap_or(&story.id))
    );
    let _ = write!(
        out,
        "<p class=\"meta\">{} documents from {}{}</p>",
        story.documents.len(),
        escape(&outlets(ix, story).join(", ")),
        story
            .date
            .as_deref()
            .map(|d| format!(" · {}", escape(d)))
            .unwrap_or_default()
    );
    if !story.summary.is_empty() {
        out.push_str("<h3>Summary</h3><p>");
        for item in &story.summary {
            let _ = write!(out, "{}", escape(&item.text));
            cite(out, ix, &mut cites, &item.sources);
            out.push(' ');
        }
        out.push_str("</p>");
    }
    if !story.conflicts.is_empty() {
        out.push_str("<h3>Where the accounts differ</h3>");
        for c in story.conflicts.iter().take(MAX_LISTED) {
            let _ = write!(
                out,
                "<div class=\"conflict\"><p><strong>{}</strong>: {}</p><p class=\"pair\">",
                escape(&conflict_heading(c)),
                escape(&c.about)
            );
            // One paired row: each side's evidence, its value marked, cited.
            for (k, side) in c.sides.iter().enumerate() {
                let v = side_view(ix, side);
                if k > 0 {
                    out.push_str(" <span class=\"versus\">—</span> ");
                }
                let _ = write!(
                    out,
                    "<span class=\"pair-side\"><b>{}</b>: “{}",
                    escape(&v.label),
                    escape(&v.before)
                );
                if let Some(value) = &v.value {
                    let _ = write!(out, "<mark>{}</mark>", escape(value));
                }
                let _ = write!(out, "{}”", escape(&v.after));
                if let Some(source) = &v.source {
                    cite(out, ix, &mut cites, std::slice::from_ref(source));
                }
                if v.more > 0 {
                    let _ = write!(out, " (and {} more)", v.more);
                }
                out.push_str("</span>");
            }
            out.push_str("</p></div>");
        }
        more(out, story.conflicts.len());
    }
    matrix(out, ix, story);
    quotes(out, ix, story);
    timeline(out, ix, story);
    let figures = figures(story);
    if !figures.is_empty() {
        out.push_str("<h3>Dates and figures</h3><table><tr><th>what</th><th>as written</th><th>resolved</th><th>document</th></tr>");
        for f in figures.iter().take(MAX_LISTED) {
            let kind = serde_json::to_value(f.kind)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default();
            let src = SourceSpan {
                doc: f.doc.clone(),
                start: f.start,
                end: f.end,
            };
            let _ = write!(
                out,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td><a href=\"{}\">{}</a></td></tr>",
                escape(&kind),
                escape(&f.text),
                escape(f.value.as_deref().unwrap_or("")),
                anchor(ix, &src),
                escape(&f.doc)
            );
        }
        out.push_str("</table>");
        more(out, figures.len());
    }
    if !story.exclusive.is_empty() {
        out.push_str("<h3>Only in one outlet</h3>");
        let mut listed = 0;
        let total: usize = story.exclusive.iter().map(|ex| ex.statements.len()).sum();
        for ex in &story.exclusive {
            if listed >= MAX_LISTED {
                break;
            }
            let outlet = ix
                .document(&ex.doc)
                .map_or(ex.doc.as_str(), |d| d.outlet_name());
            let _ = write!(out, "<h4>{}</h4><ul>", escape(outlet));
            for id in ex.statements.iter().take(MAX_LISTED - listed) {
                listed += 1;
                if let Some(st) = statement(id) {
                    let _ = write!(out, "<li>“{}”", escape(&st.text));
                    cite(out, ix, &mut cites, &st.sources);
                    out.push_str("</li>");
                }
            }
            out.push_str("</ul>");
        }
        more(out, total);
    }
    if !cites.sources().is_empty() {
        out.push_str("<h3>Sources</h3><ol>");
        for s in cites.sources() {
            let _ = write!(
                out,
                "<li><a href=\"{}\">{}</a>, bytes {}–{}: “{}”</li>",
                anchor(ix, s),
                escape(&s.doc),
                s.start,
                s.end,
                escape(&excerpt(ix, s, 160))
            );
        }
        out.push_str("</ol>");
    }
    out.push_str("</section>");
}

/// Statements carried by this many outlets or more appear in the matrix.
const MATRIX_MIN_OUTLETS: usize = 1;
/// Rows of the statements-by-outlets matrix.
const MATRIX_ROWS: usize = 40;
/// Columns of the matrix: the outlets that carry the most statements.
const MATRIX_COLUMNS: usize = 24;

/// The statements-by-outlets matrix: a row per statement (most widely carried first), a
/// column per outlet, each mark linked to the sentence that carries it.
fn matrix(out: &mut String, ix: &Index, story: &Story) {
    let all_outlets = outlets(ix, story);
    if story.statements.is_empty() || all_outlets.len() < 2 {
        return;
    }
    // The outlet of each statement's source, computed once.
    let outlet_of = |src: &SourceSpan| ix.document(&src.doc).map(|d| d.outlet_name());
    let mut carried: HashMap<&str, usize> = HashMap::new();
    for st in &story.statements {
        for src in &st.sources {
            if let Some(o) = outlet_of(src) {
                *carried.entry(o).or_default() += 1;
            }
        }
    }
    let mut outlets = all_outlets.clone();
    // Most statements first; ties keep the order of the story's documents.
    outlets.sort_by_key(|o| std::cmp::Reverse(carried.get(o.as_str()).copied().unwrap_or(0)));
    outlets.truncate(MATRIX_COLUMNS);
    let mut rows: Vec<&Statement> = story
        .statements
        .iter()
        .filter(|s| s.outlets.len() >= MATRIX_MIN_OUTLETS)
        .collect();
    rows.sort_by_key(|s| std::cmp::Reverse(s.outlets.len()));
    rows.truncate(MATRIX_ROWS);
    out.push_str("<h3>Who carries what</h3><table class=\"matrix\"><tr><th>statement</th>");
    for o in &outlets {
        let _ = write!(out, "<th>{}</th>", escape(o));
    }
    out.push_str("</tr>");
    for st in rows {
        let _ = write!(out, "<tr><td>“{}”</td>", escape(&st.text));
        let mut first_source: HashMap<&str, &SourceSpan> = HashMap::new();
        for src in &st.sources {
            if let Some(o) = outlet_of(src) {
                first_source.entry(o).or_insert(src);
            }
        }
        for o in &outlets {
            match first_source.get(o.as_str()) {
                Some(src) => {
                    let _ = write!(
                        out,
                        "<td class=\"on\"><a href=\"{}\" title=\"{}\">●</a></td>",
                        anchor(ix, src),
                        escape(st.channel.as_deref().unwrap_or("reported"))
                    );
                }
                None => out.push_str("<td></td>"),
            }
        }
        out.push_str("</tr>");
    }
    out.push_str("</table>");
    if all_outlets.len() > outlets.len() {
        let _ = write!(
            out,
            "<p class=\"meta\">{} more outlets not shown as columns.</p>",
            all_outlets.len() - outlets.len()
        );
    }
}

/// Quotes grouped by speaker and channel, groups in order of first appearance.
fn quotes(out: &mut String, ix: &Index, story: &Story) {
    if story.quotes.is_empty() {
        return;
    }
    let mut groups: Vec<(String, Vec<&crate::model::Quote>)> = Vec::new();
    let mut group_of: HashMap<String, usize> = HashMap::new();
    for q in story.quotes.iter().take(MAX_LISTED) {
        let who = attribution(q.speaker.as_deref(), q.channel.as_deref());
        match group_of.get(&who) {
            Some(&g) => groups[g].1.push(q),
            None => {
                group_of.insert(who.clone(), groups.len());
                groups.push((who, vec![q]));
            }
        }
    }
    out.push_str("<h3>Who said what</h3>");
    for (who, list) in groups {
        let _ = write!(out, "<div class=\"group\"><h4>{}</h4><ul>", escape(&who));
        for q in list {
            let src = SourceSpan {
                doc: q.doc.clone(),
                start: q.start,
                end: q.end,
            };
            let outlet = ix
                .document(&q.doc)
                .map_or(q.doc.as_str(), |d| d.outlet_name());
            let _ = write!(
                out,
                "<li>“{}” <a href=\"{}\" class=\"meta\">{}</a></li>",
                escape(&q.text),
                anchor(ix, &src),
                escape(outlet)
            );
        }
        out.push_str("</ul></div>");
    }
    more(out, story.quotes.len());
}

/// Dots stacked on one day of the timeline at most.
const TIMELINE_STACK: usize = 20;

/// The coverage timeline: one dot per document on a day axis, labelled by outlet. A document
/// that gives no date is drawn hollow at the story's date.
fn timeline(out: &mut String, ix: &Index, story: &Story) {
    let story_day = story.date.as_deref().and_then(day_number);
    let dated: Vec<(i64, &str, &str, bool)> = story
        .documents
        .iter()
        .filter_map(|id| {
            let d = ix.document(id)?;
            match d.published.as_deref().and_then(day_number) {
                Some(day) => Some((
                    day,
                    d.outlet_name(),
                    d.published.as_deref().unwrap_or(""),
                    true,
                )),
                None => Some((
                    story_day?,
                    d.outlet_name(),
                    "no date given; drawn at the story's date",
                    false,
                )),
            }
        })
        .collect();
    let (Some(first), Some(last)) = (
        dated.iter().map(|d| d.0).min(),
        dated.iter().map(|d| d.0).max(),
    ) else {
        return;
    };
    let span = (last - first).max(1) as f64;
    let (width, left, right) = (640.0, 20.0, 620.0);
    let mut per_day: HashMap<i64, usize> = HashMap::new();
    for d in &dated {
        *per_day.entry(d.0).or_default() += 1;
    }
    let stack = per_day
        .values()
        .copied()
        .max()
        .unwrap_or(1)
        .min(TIMELINE_STACK + 1);
    let height = 40 + 14 * stack;
    let mut stacked: HashMap<i64, usize> = HashMap::new();
    let _ = write!(out, "<h3>Coverage timeline</h3><svg class=\"timeline\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"documents by publication date\">");
    let _ = write!(
        out,
        "<line x1=\"{left}\" y1=\"{}\" x2=\"{right}\" y2=\"{}\" stroke=\"#999\"/>",
        height - 20,
        height - 20
    );
    for (day, outlet, date, given) in &dated {
        let x = left + (right - left) * ((day - first) as f64 / span);
        let level = stacked.entry(*day).or_default();
        let y = height as f64 - 28.0 - 14.0 * *level as f64;
        *level += 1;
        if *level > TIMELINE_STACK {
            // A day with more documents than fit: one label for the rest.
            if *level == TIMELINE_STACK + 1 {
                let _ = write!(
                    out,
                    "<text x=\"{:.1}\" y=\"{:.1}\">+{} more</text>",
                    x - 4.0,
                    y + 4.0,
                    per_day[day] - TIMELINE_STACK
                );
            }
            continue;
        }
        let _ = write!(out, "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"5\" fill=\"{}\" stroke=\"#3366cc\"><title>{} · {}</title></circle><text x=\"{:.1}\" y=\"{:.1}\">{}</text>", if *given { "#3366cc" } else { "#fff" }, escape(outlet), escape(date), x + 8.0, y + 4.0, escape(outlet));
    }
    let _ = write!(
        out,
        "<text x=\"{left}\" y=\"{}\">{}</text>",
        height - 5,
        escape(&date_of_day(first))
    );
    if last != first {
        let _ = write!(
            out,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
            right,
            height - 5,
            escape(&date_of_day(last))
        );
    }
    out.push_str("</svg>");
}

fn documents(out: &mut String, ix: &Index) {
    out.push_str("<h2>Documents</h2>");
    let in_full = ix.pages.map_or(usize::MAX, |p| p.in_full);
    if let Some(pages) = ix.pages.filter(|p| ix.report.documents.len() > p.in_full) {
        let _ = write!(
            out,
            "<p class=\"meta\">The first {} of {} documents are shown in full; the others are listed after them, each on its own page.</p>",
            pages.in_full,
            ix.report.documents.len()
        );
    }
    for (d, doc) in ix.report.documents.iter().enumerate() {
        if d == in_full {
            out.push_str("<ul class=\"more-documents\">");
        }
        if let Some(pages) = ix.pages.filter(|_| d >= in_full) {
            let _ = write!(
                out,
                "<li><a href=\"{}{}\">{}</a> <span class=\"meta\">{} · {}</span></li>",
                pages.link_prefix,
                url_component(&doc.id),
                escape(doc.title.as_deref().unwrap_or(&doc.id)),
                escape(doc.outlet.as_deref().unwrap_or("unknown outlet")),
                escape(doc.published.as_deref().unwrap_or("undated"))
            );
            continue;
        }
        let _ = write!(
            out,
            "<article class=\"doc\" id=\"d{d}\"><h3>{}</h3><p class=\"meta\">{} · {} · {}</p>",
            escape(doc.title.as_deref().unwrap_or(&doc.id)),
            escape(&doc.source),
            escape(doc.outlet.as_deref().unwrap_or("unknown outlet")),
            escape(doc.published.as_deref().unwrap_or("undated"))
        );
        out.push_str("<p>");
        let mut at = 0;
        for (s, span) in doc.sentences.iter().enumerate() {
            let gap = doc
                .text
                .get(at.min(span.start())..span.start())
                .unwrap_or("");
            if gap.contains("\n\n") {
                out.push_str("</p><p>");
            } else if !gap.is_empty() {
                out.push(' ');
            }
            let _ = write!(
                out,
                "<span id=\"d{d}-s{s}\">{}</span>",
                escape(doc.span_text(*span))
            );
            at = span.end();
        }
        out.push_str("</p>");
        if !doc.removed.is_empty() {
            let _ = write!(
                out,
                "<details class=\"removed\"><summary>removed parts ({}), shown on demand</summary><ul>",
                doc.removed.len()
            );
            for r in &doc.removed {
                let reason = serde_json::to_value(r.reason)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default();
                let _ = write!(out, "<li>({}) “{}”</li>", escape(&reason), escape(&r.text));
            }
            out.push_str("</ul></details>");
        }
        if !doc.repairs.is_empty() {
            let _ = write!(
                out,
                "<details><summary>{} repairs</summary><ul>",
                doc.repairs.len()
            );
            for r in &doc.repairs {
                let _ = write!(
                    out,
                    "<li><code>{}</code> → <code>{}</code> at byte {}</li>",
                    escape(&r.from),
                    escape(&r.to),
                    r.offset
                );
            }
            out.push_str("</ul></details>");
        }
        out.push_str("</article>");
    }
    if ix.report.documents.len() > in_full {
        out.push_str("</ul>");
    }
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn markup_in_text_is_escaped() {
        assert_eq!(
            escape("<script>alert('x')</script> & \"onerror=\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;onerror=&quot;"
        );
    }
}
