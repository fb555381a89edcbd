//! The HTML report: one self-contained page, no scripts, no external resources.
//!
//! Every piece of source text is escaped. Each sentence of each document carries an anchor, and
//! every citation links to the sentence holding the cited span.

use std::collections::{HashMap, HashSet};
use std::fmt::Write;

use super::view::{
    copies, counts, exclusives, limit_note, plural, speakers, DocumentNames, CONFLICTS_SHOWN,
    COPIES_SHOWN, EXCLUSIVES_PER_OUTLET, SPEAKERS_SHOWN, STATEMENTS_PER_SPEAKER,
};
pub use super::DocumentPages;
use super::{
    attribution, clue_words, conflict_heading, excerpt, figures, more_note, outlets, side_view,
    Citations, Index, MAX_LISTED,
};
use crate::date::{date_of_day, day_number_of};
use crate::model::{Conflict, FactKind, Report, SourceSpan, Statement, Story};

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
.doc p{margin:.4rem 0}.meta{color:#666;font-size:.9rem}\
.matrix td.on{text-align:center;background:#e6f0ff}.matrix td{text-align:center}.matrix td:first-child{text-align:left;width:60%}.matrix th{font-size:.75rem;word-break:break-all}\
.cited{background:#eef6ee}.doc q{quotes:none;border-bottom:1px dotted #36c}.timeline{width:100%;height:auto}.timeline text{font:11px sans-serif}.group h4{margin:.6rem 0 .2rem}:target{background:#ffef9e}";

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
        .partition_point(|s| s.start() <= source.span.start())
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
    let _ = write!(
        out,
        "<h1>Parallax report</h1><p class=\"meta\">{}</p>",
        escape(&counts(report))
    );
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
    let names = DocumentNames::new(ix, story);
    let _ = write!(
        out,
        "<section id=\"{}\"><h2>{}</h2>",
        escape(&story.id),
        escape(story.title.as_deref().unwrap_or(&story.id))
    );
    let _ = write!(
        out,
        "<p class=\"meta\">{} from {} · {}</p>",
        plural(story.documents.len(), "document", "documents"),
        escape(&outlets(ix, story).join(", ")),
        escape(story.date.as_deref().unwrap_or("date unknown"))
    );
    if let Some(note) = limit_note(story) {
        let _ = write!(out, "<p class=\"note\">{}</p>", escape(&note));
    }
    if !story.summary.is_empty() {
        out.push_str("<h3>What happened</h3><p class=\"summary\">");
        for item in &story.summary {
            let _ = write!(out, "{}", escape(&item.text));
            cite(out, ix, &mut cites, &item.sources);
            out.push(' ');
        }
        out.push_str("</p>");
    }
    if !story.conflicts.is_empty() {
        out.push_str("<h3>Where the accounts differ</h3>");
        for (k, c) in story.conflicts.iter().take(MAX_LISTED).enumerate() {
            if k == CONFLICTS_SHOWN {
                let _ = write!(
                    out,
                    "<details><summary>{} more</summary>",
                    story.conflicts.len().min(MAX_LISTED) - CONFLICTS_SHOWN
                );
            }
            conflict_row(out, ix, &mut cites, c);
        }
        if story.conflicts.len() > CONFLICTS_SHOWN {
            out.push_str("</details>");
        }
        more(out, story.conflicts.len());
    }
    who_said_what(out, ix, &mut cites, story);
    only_in_one_outlet(out, ix, &mut cites, story, &names);
    who_copied_whom(out, story, ix, &names);
    story_documents(out, ix, story, &names);
    out.push_str("<details class=\"more-views\"><summary>Who carries what, the coverage timeline, dates and figures</summary>");
    matrix(out, ix, story);
    timeline(out, ix, story, &names);
    figures_table(out, ix, story);
    out.push_str("</details>");
    if !cites.sources().is_empty() {
        out.push_str("<h3>Sources</h3><ol class=\"sources\">");
        for s in cites.sources() {
            let _ = write!(
                out,
                "<li><a href=\"{}\">{}</a>, bytes {}–{}: “{}”</li>",
                anchor(ix, s),
                escape(&names.name(&s.doc)),
                s.span.start(),
                s.span.end(),
                escape(&excerpt(ix, s, 160))
            );
        }
        out.push_str("</ol>");
    }
    out.push_str("</section>");
}

/// One conflict as a paired row: each side's evidence, its value marked, cited.
fn conflict_row(out: &mut String, ix: &Index, cites: &mut Citations, c: &Conflict) {
    let _ = write!(
        out,
        "<div class=\"conflict\"><p><strong>{}</strong>: {}</p><p class=\"pair\">",
        escape(&conflict_heading(c)),
        escape(&c.about)
    );
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
            cite(out, ix, cites, std::slice::from_ref(source));
        }
        if v.more > 0 {
            let _ = write!(out, " (and {} more)", v.more);
        }
        out.push_str("</span>");
    }
    out.push_str("</p></div>");
}

/// Who said what: by speaker (or channel), the most widely carried first; each speaker's first
/// statements shown and the rest, like the other speakers, one click away.
fn who_said_what(out: &mut String, ix: &Index, cites: &mut Citations, story: &Story) {
    let speakers = speakers(story);
    if speakers.is_empty() {
        return;
    }
    out.push_str("<h3>Who said what</h3>");
    for (k, sp) in speakers.iter().take(MAX_LISTED).enumerate() {
        if k == SPEAKERS_SHOWN {
            let _ = write!(
                out,
                "<details><summary>{} more speakers</summary>",
                speakers.len().min(MAX_LISTED) - SPEAKERS_SHOWN
            );
        }
        let _ = write!(
            out,
            "<div class=\"group\"><h4>{}</h4><ul>",
            escape(&sp.name)
        );
        for (i, st) in sp.statements.iter().take(MAX_LISTED).enumerate() {
            if i == STATEMENTS_PER_SPEAKER {
                let _ = write!(
                    out,
                    "</ul><details><summary>{} more</summary><ul>",
                    sp.statements.len().min(MAX_LISTED) - STATEMENTS_PER_SPEAKER
                );
            }
            out.push_str("<li>");
            if let (Some(_), Some(channel)) = (&st.speaker, &st.channel) {
                let _ = write!(out, "according to {}: ", escape(channel));
            }
            let _ = write!(
                out,
                "“{}” <span class=\"meta\">{}</span>",
                escape(&st.text),
                escape(&st.outlets.join(", "))
            );
            cite(out, ix, cites, &st.sources);
            out.push_str("</li>");
        }
        out.push_str("</ul>");
        if sp.statements.len() > STATEMENTS_PER_SPEAKER {
            out.push_str("</details>");
        }
        out.push_str("</div>");
    }
    if speakers.len() > SPEAKERS_SHOWN {
        out.push_str("</details>");
    }
    more(out, speakers.len());
}

/// What only one outlet has, per document, no sentence twice; the first few shown.
fn only_in_one_outlet(
    out: &mut String,
    ix: &Index,
    cites: &mut Citations,
    story: &Story,
    names: &DocumentNames,
) {
    let exclusives = exclusives(story);
    if exclusives.is_empty() {
        return;
    }
    out.push_str("<h3>Only in one outlet</h3>");
    for (doc, statements) in exclusives.iter().take(MAX_LISTED) {
        let _ = write!(out, "<h4>{}</h4><ul>", escape(&names.name(doc)));
        for (i, st) in statements.iter().take(MAX_LISTED).enumerate() {
            if i == EXCLUSIVES_PER_OUTLET {
                let _ = write!(
                    out,
                    "</ul><details><summary>{} more</summary><ul>",
                    statements.len().min(MAX_LISTED) - EXCLUSIVES_PER_OUTLET
                );
            }
            let _ = write!(out, "<li>“{}”", escape(&st.text));
            cite(out, ix, cites, &st.sources);
            out.push_str("</li>");
        }
        out.push_str("</ul>");
        if statements.len() > EXCLUSIVES_PER_OUTLET {
            out.push_str("</details>");
        }
    }
}

/// Who copied whom: one line per pair of documents, strongest first.
fn who_copied_whom(out: &mut String, story: &Story, ix: &Index, names: &DocumentNames) {
    let copies = copies(ix, story);
    if copies.is_empty() {
        return;
    }
    out.push_str("<h3>Who copied whom</h3><ul class=\"copies\">");
    for (k, c) in copies.iter().take(MAX_LISTED).enumerate() {
        if k == COPIES_SHOWN {
            out.push_str("</ul><details><summary>more</summary><ul>");
        }
        let passages = c.passages_note();
        let _ = write!(
            out,
            "<li><a href=\"{}\">{}</a> {} <a href=\"{}\">{}</a>: {:.0}% shared{passages}</li>",
            document_link(ix, &c.copy.id),
            escape(&names.name(&c.copy.id)),
            c.relation,
            document_link(ix, &c.original.id),
            escape(&names.name(&c.original.id)),
            c.share * 100.0
        );
    }
    out.push_str("</ul>");
    if copies.len() > COPIES_SHOWN {
        out.push_str("</details>");
    }
}

/// Where a document is: its article on this page, or its own page for a document the page
/// only lists.
fn document_link(ix: &Index, id: &str) -> String {
    let Some(d) = ix.position(id) else {
        return String::new();
    };
    match ix.pages {
        Some(pages) if d >= pages.in_full => {
            format!("{}{}", pages.link_prefix, url_component(id))
        }
        _ => format!("#d{d}"),
    }
}

/// The story's documents, each linked, with its outlet (and what named it), title and date.
fn story_documents(out: &mut String, ix: &Index, story: &Story, names: &DocumentNames) {
    out.push_str("<h3>Documents</h3><ol class=\"story-documents\">");
    for id in story.documents.iter().take(MAX_LISTED) {
        let Some(d) = ix.document(id) else { continue };
        let date = names.date_words(d);
        let named = d
            .outlet_evidence
            .as_ref()
            .map(|e| {
                format!(
                    " <span class=\"meta\">(named by its {}: “{}”)</span>",
                    clue_words(e.clue),
                    escape(&e.text)
                )
            })
            .unwrap_or_default();
        let _ = write!(
            out,
            "<li><a href=\"{}\"><b>{}</b></a>{named} — {} <span class=\"meta\">· {}</span></li>",
            document_link(ix, id),
            escape(&names.name(id)),
            escape(d.title.as_deref().unwrap_or("(no title)")),
            escape(&date)
        );
    }
    out.push_str("</ol>");
    more(out, story.documents.len());
}

/// Dates, amounts and percentages as written; dates also resolved to the calendar.
fn figures_table(out: &mut String, ix: &Index, story: &Story) {
    let figures = figures(story);
    if figures.is_empty() {
        return;
    }
    out.push_str("<h3>Dates and figures</h3><table><tr><th>what</th><th>as written</th><th>date</th><th>document</th></tr>");
    for f in figures.iter().take(MAX_LISTED) {
        let kind = serde_json::to_value(f.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        let src = SourceSpan {
            doc: f.doc.clone(),
            span: f.span,
        };
        let date = if f.kind == FactKind::Date {
            f.value.as_deref().unwrap_or("")
        } else {
            ""
        };
        let _ = write!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td><a href=\"{}\">{}</a></td></tr>",
            escape(&kind),
            escape(&f.text),
            escape(date),
            anchor(ix, &src),
            escape(
                ix.document(&f.doc)
                    .map_or(f.doc.as_str(), |d| d.outlet_name())
            )
        );
    }
    out.push_str("</table>");
    more(out, figures.len());
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

/// Dots stacked on one day of the timeline at most.
const TIMELINE_STACK: usize = 20;

/// The coverage timeline: one dot per document on a day axis, labelled by outlet. A document
/// dated only by its text is drawn hollow; one that gives no date is not drawn, and the page
/// says how many.
fn timeline(out: &mut String, ix: &Index, story: &Story, names: &DocumentNames) {
    let mut undated = 0;
    let dated: Vec<(i64, String, String, bool)> = story
        .documents
        .iter()
        .filter_map(|id| {
            let d = ix.document(id)?;
            let Some((date, from_text)) = names.date(d) else {
                undated += 1;
                return None;
            };
            let Some(day) = day_number_of(&date) else {
                undated += 1;
                return None;
            };
            let title = if from_text {
                format!("{date}, a date its text gives (no publication date)")
            } else {
                date
            };
            Some((day, names.name(id), title, !from_text))
        })
        .collect();
    if undated > 0 {
        let _ = write!(
            out,
            "<p class=\"meta\">{} no date, published or in the text, and {} not drawn.</p>",
            if undated == 1 {
                "1 document gives".to_string()
            } else {
                format!("{undated} documents give")
            },
            if undated == 1 { "is" } else { "are" }
        );
    }
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
        escape(&date_of_day(first).unwrap_or_default())
    );
    if last != first {
        let _ = write!(
            out,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
            right,
            height - 5,
            escape(&date_of_day(last).unwrap_or_default())
        );
    }
    out.push_str("</svg>");
}

/// The sentence of `doc` that holds byte `at`.
fn sentence_at(doc: &crate::model::Document, at: usize) -> usize {
    doc.sentences
        .partition_point(|s| s.start() <= at)
        .saturating_sub(1)
}

/// What the documents' text marks: the sentences the summaries cite, and the sentences holding
/// a quote with who said it.
#[derive(Default)]
struct Marks<'a> {
    cited: HashSet<(&'a str, usize)>,
    quoted: HashMap<(&'a str, usize), String>,
}

impl<'a> Marks<'a> {
    /// The marks of every story of the report.
    fn of(ix: &Index<'a>) -> Marks<'a> {
        let mut marks = Marks::default();
        for story in &ix.report.stories {
            for src in story.summary.iter().flat_map(|i| &i.sources) {
                marks.cite(ix, &src.doc, src.span.start());
            }
            for q in &story.quotes {
                let who = attribution(q.speaker.as_deref(), q.channel.as_deref());
                marks.quote(ix, &q.doc, q.span.start(), who);
            }
        }
        marks
    }

    /// Marks the sentence of document `doc` holding byte `at` as cited.
    fn cite(&mut self, ix: &Index<'a>, doc: &str, at: usize) {
        if let Some(d) = ix.document(doc) {
            self.cited.insert((d.id.as_str(), sentence_at(d, at)));
        }
    }

    /// Marks the sentence of document `doc` holding byte `at` as holding a quote of `who`.
    fn quote(&mut self, ix: &Index<'a>, doc: &str, at: usize, who: String) {
        if let Some(d) = ix.document(doc) {
            self.quoted
                .entry((d.id.as_str(), sentence_at(d, at)))
                .or_insert(who);
        }
    }
}

/// A quote to mark on a document's page: where it starts, and who said it according to whom.
#[derive(Debug, Clone)]
pub struct QuoteMark {
    /// First byte of the quote in the document's cleaned text.
    pub start: usize,
    /// The speaker, when known.
    pub speaker: Option<String>,
    /// The channel, when known.
    pub channel: Option<String>,
}

/// One document's page body: its text with the sentences the story's summary cites (`cited`:
/// their first bytes) and the quotes found in it marked, what was removed and repaired.
pub fn document_page(report: &Report, quotes: &[QuoteMark], cited: &[usize]) -> String {
    let ix = Index::new(report);
    let mut marks = Marks::default();
    for doc in &report.documents {
        for &at in cited {
            marks.cite(&ix, &doc.id, at);
        }
        for q in quotes {
            let who = attribution(q.speaker.as_deref(), q.channel.as_deref());
            marks.quote(&ix, &doc.id, q.start, who);
        }
    }
    let mut out = String::new();
    documents_marked(&mut out, &ix, &marks);
    out
}

fn documents(out: &mut String, ix: &Index) {
    documents_marked(out, ix, &Marks::of(ix));
}

fn documents_marked(out: &mut String, ix: &Index, marks: &Marks) {
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
                escape(doc.title.as_deref().unwrap_or(doc.outlet_name())),
                escape(doc.outlet_name()),
                escape(doc.published.as_deref().unwrap_or("no publication date"))
            );
            continue;
        }
        let _ = write!(
            out,
            "<article class=\"doc\" id=\"d{d}\"><h3>{}</h3><p class=\"meta\">{} · {} · {}</p>",
            escape(doc.title.as_deref().unwrap_or(doc.outlet_name())),
            escape(doc.outlet_name()),
            escape(doc.published.as_deref().unwrap_or("no publication date")),
            escape(&doc.source)
        );
        out.push_str("<p>");
        let mut at = 0;
        for (s, span) in doc.sentences.iter().enumerate() {
            let gap = doc
                .text
                .get(at.min(span.start())..span.start())
                .unwrap_or("");
            // Words between sentences (a dateline opening a paragraph) are shown as written,
            // escaped; a blank line opens a new paragraph.
            for (n, piece) in gap.split("\n\n").enumerate() {
                if n > 0 {
                    out.push_str("</p><p>");
                }
                let words = piece.trim();
                if !words.is_empty() {
                    if n == 0 && at > 0 {
                        out.push(' ');
                    }
                    out.push_str(&escape(words));
                }
            }
            if !gap.is_empty() && !gap.ends_with("\n\n") {
                out.push(' ');
            }
            let key = (doc.id.as_str(), s);
            let cited = if marks.cited.contains(&key) {
                " class=\"cited\""
            } else {
                ""
            };
            match marks.quoted.get(&key) {
                Some(who) => {
                    let _ = write!(
                        out,
                        "<span id=\"d{d}-s{s}\"{cited}><q title=\"{}\">{}</q></span>",
                        escape(who),
                        escape(doc.span_text(*span))
                    );
                }
                None => {
                    let _ = write!(
                        out,
                        "<span id=\"d{d}-s{s}\"{cited}>{}</span>",
                        escape(doc.span_text(*span))
                    );
                }
            }
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
                    r.span.start()
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
