//! The HTML report: one self-contained page, no scripts, no external resources.
//!
//! Every piece of source text is escaped. Each sentence of each document carries an anchor, and
//! every citation links to the sentence holding the cited span.

use std::fmt::Write;

use super::{attribution, excerpt, figures, outlets, Citations};
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

const STYLE: &str = "body{font:16px/1.5 Georgia,serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}\
h1,h2,h3{font-family:Helvetica,Arial,sans-serif}table{border-collapse:collapse;width:100%}\
td,th{border-bottom:1px solid #ddd;padding:.3rem;vertical-align:top;text-align:left}\
.sides{display:flex;gap:1rem}.side{flex:1;border:1px solid #ccc;padding:.5rem}sup a{text-decoration:none}\
.doc p{margin:.4rem 0}.meta{color:#666;font-size:.9rem}:target{background:#ffef9e}";

/// Anchor id of the sentence of document `doc_index` that holds byte `at`.
fn anchor(report: &Report, source: &SourceSpan) -> String {
    let Some(d) = report.documents.iter().position(|d| d.id == source.doc) else {
        return String::new();
    };
    let doc = &report.documents[d];
    // Sentences are sorted: the last one starting at or before the span holds it.
    let s = doc
        .sentences
        .partition_point(|s| s.start() <= source.start)
        .saturating_sub(1);
    format!("d{d}-s{s}")
}

fn cite(out: &mut String, report: &Report, cites: &mut Citations, sources: &[SourceSpan]) {
    for s in sources {
        let n = cites.number(s);
        let _ = write!(
            out,
            "<sup><a href=\"#{}\" title=\"{}\">[{n}]</a></sup>",
            anchor(report, s),
            escape(&s.doc)
        );
    }
}

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
    for story in &report.stories {
        story_section(&mut out, report, story);
    }
    documents(&mut out, report);
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

fn statement<'a>(story: &'a Story, id: &str) -> Option<&'a Statement> {
    story.statements.iter().find(|s| s.id == id)
}

fn story_section(out: &mut String, report: &Report, story: &Story) {
    let mut cites = Citations::default();
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
        escape(&outlets(report, story).join(", ")),
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
            cite(out, report, &mut cites, &item.sources);
            out.push(' ');
        }
        out.push_str("</p>");
    }
    if !story.conflicts.is_empty() {
        out.push_str("<h3>Where the accounts differ</h3>");
        for c in &story.conflicts {
            let _ = write!(
                out,
                "<p><strong>{}</strong></p><div class=\"sides\">",
                escape(&c.about)
            );
            for side in &c.sides {
                let _ = write!(out, "<div class=\"side\"><h4>According to {}</h4><p class=\"meta\">carried by {}</p><ul>", escape(&side.channel), escape(&side.outlets.join(", ")));
                for id in &side.statements {
                    if let Some(st) = statement(story, id) {
                        let _ = write!(out, "<li>“{}”", escape(&st.text));
                        cite(out, report, &mut cites, &st.sources);
                        out.push_str("</li>");
                    }
                }
                out.push_str("</ul></div>");
            }
            out.push_str("</div>");
        }
    }
    if !story.quotes.is_empty() {
        out.push_str("<h3>Who said what</h3><table><tr><th>who, according to whom</th><th>quote</th><th>kind</th><th>document</th></tr>");
        for q in &story.quotes {
            let kind = serde_json::to_value(q.kind)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default();
            let src = SourceSpan {
                doc: q.doc.clone(),
                start: q.start,
                end: q.end,
            };
            let _ = write!(
                out,
                "<tr><td>{}</td><td>“{}”</td><td>{}</td><td><a href=\"#{}\">{}</a></td></tr>",
                escape(&attribution(q.speaker.as_deref(), q.channel.as_deref())),
                escape(&q.text),
                escape(&kind),
                anchor(report, &src),
                escape(&q.doc)
            );
        }
        out.push_str("</table>");
    }
    let figures = figures(story);
    if !figures.is_empty() {
        out.push_str("<h3>Dates and figures</h3><table><tr><th>what</th><th>as written</th><th>resolved</th><th>document</th></tr>");
        for f in figures {
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
                "<tr><td>{}</td><td>{}</td><td>{}</td><td><a href=\"#{}\">{}</a></td></tr>",
                escape(&kind),
                escape(&f.text),
                escape(f.value.as_deref().unwrap_or("")),
                anchor(report, &src),
                escape(&f.doc)
            );
        }
        out.push_str("</table>");
    }
    if !story.exclusive.is_empty() {
        out.push_str("<h3>Only in one outlet</h3>");
        for ex in &story.exclusive {
            let outlet = report
                .document(&ex.doc)
                .map_or(ex.doc.as_str(), |d| d.outlet_name());
            let _ = write!(out, "<h4>{}</h4><ul>", escape(outlet));
            for id in &ex.statements {
                if let Some(st) = statement(story, id) {
                    let _ = write!(out, "<li>“{}”", escape(&st.text));
                    cite(out, report, &mut cites, &st.sources);
                    out.push_str("</li>");
                }
            }
            out.push_str("</ul>");
        }
    }
    if !cites.sources().is_empty() {
        out.push_str("<h3>Sources</h3><ol>");
        for s in cites.sources() {
            let _ = write!(
                out,
                "<li><a href=\"#{}\">{}</a>, bytes {}–{}: “{}”</li>",
                anchor(report, s),
                escape(&s.doc),
                s.start,
                s.end,
                escape(&excerpt(report, s, 160))
            );
        }
        out.push_str("</ol>");
    }
    out.push_str("</section>");
}

fn documents(out: &mut String, report: &Report) {
    out.push_str("<h2>Documents</h2>");
    for (d, doc) in report.documents.iter().enumerate() {
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
                "<details><summary>{} removed parts</summary><ul>",
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
