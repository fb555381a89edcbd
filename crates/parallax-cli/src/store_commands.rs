//! The store commands: `ingest`, `stories`, `show`, `search`.

use std::path::Path;

use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressStyle};
use parallax::ingest::{Batch, IngestOptions};
use parallax::model::Report;
use parallax::render;
use parallax_store::{Progress, Store, StoryFilter, StoryOrder, CHUNK_BYTES};

use crate::{report_rejections, write_out, Shape};
use parallax::render::terminal::line;

/// A progress bar on stderr; drawn only when stderr is a terminal.
struct Bars {
    bar: Option<ProgressBar>,
    stage: &'static str,
}

impl Bars {
    fn new() -> Bars {
        Bars {
            bar: None,
            stage: "",
        }
    }

    fn update(&mut self, p: Progress) {
        let (stage, done, total) = match p {
            Progress::Prepared(d, t) => ("preparing", d, t),
            Progress::Stored(d, t) => ("storing  ", d, t),
            Progress::Analyzed(d, t) => ("analyzing", d, t),
        };
        if self.stage != stage {
            if let Some(bar) = self.bar.take() {
                bar.finish();
            }
            let bar = ProgressBar::new(total as u64);
            if let Ok(style) = ProgressStyle::with_template(
                "{prefix} [{bar:40}] {pos}/{len} ({per_sec}, {eta} left)",
            ) {
                bar.set_style(style.progress_chars("=> "));
            }
            bar.set_prefix(stage);
            self.bar = Some(bar);
            self.stage = stage;
        }
        if let Some(bar) = &self.bar {
            bar.set_position(done as u64);
        }
    }

    fn finish(&mut self) {
        if let Some(bar) = self.bar.take() {
            bar.finish();
        }
    }
}

/// Bytes of pages stored as one batch: [`CHUNK_BYTES`], or the environment variable
/// `PARALLAX_INGEST_CHUNK_MB` in MiB, where 0 takes the whole input as one batch (publication
/// order and copy statistics over all of it, as the Spark job has them; memory then grows with
/// the input).
fn chunk_bytes() -> usize {
    match std::env::var("PARALLAX_INGEST_CHUNK_MB")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
    {
        Some(0) => usize::MAX,
        Some(mb) => mb.saturating_mul(1 << 20),
        None => CHUNK_BYTES,
    }
}

/// Pages read but not yet taken by the store, at most.
const PAGES_IN_FLIGHT: usize = 16;

/// `parallax ingest`: reads the inputs and adds them to the store.
pub fn ingest(db: &Path, inputs: &[String], max_bytes: usize, offline: bool) -> Result<bool> {
    let mut store = Store::open(db)?;
    // Pages are read on one thread and stored on this one as they come, so an ingest of any
    // size holds at most a chunk of pages and the few in the channel.
    let (sender, pages) = std::sync::mpsc::sync_channel(PAGES_IN_FLIGHT);
    let mut bars = Bars::new();
    let (report, rejected) = std::thread::scope(|s| {
        let reader = s.spawn(move || {
            // A feed's articles already stored are not fetched again (asked on a connection
            // of the reading thread's own).
            let lookup = Store::open(db).ok();
            let known = |url: &str| {
                lookup
                    .as_ref()
                    .is_some_and(|l| l.has_url(url).unwrap_or(false))
            };
            let mut batch = Batch::streaming(sender);
            crate::inputs::read_all_into(
                &mut batch,
                inputs,
                IngestOptions { max_bytes },
                offline,
                &known,
            );
            batch.rejected
        });
        let report = store.ingest_stream(pages, chunk_bytes(), &mut |p| bars.update(p));
        // A panic while reading is a bug: passed on, not taken for "nothing rejected".
        let rejected = reader
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (report, rejected)
    });
    bars.finish();
    report_rejections(&rejected);
    let report = report?;
    report_rejections(&report.rejected);
    let (documents, stories, quotes) = store.counts()?;
    eprintln!(
        "parallax: {} added, {} already stored, {} rejected, {} stories analyzed; {} now holds {documents} documents, {stories} stories, {quotes} quotes",
        report.added,
        report.unchanged,
        report.rejected.len() + rejected.len(),
        report.analyzed,
        line(&db.display().to_string())
    );
    Ok(report.rejected.is_empty() && rejected.is_empty())
}

/// Options of `parallax stories`.
pub struct StoriesArgs {
    /// One JSON object per story instead of a table.
    pub json: bool,
    /// Which stories, in which order.
    pub filter: StoryFilter,
}

/// `parallax stories`: the story list, as text or JSON (with each story's document ids).
pub fn stories(db: &Path, args: StoriesArgs) -> Result<bool> {
    let store = open_existing(db)?;
    let rows = store.stories(&args.filter)?;
    let mut out = String::new();
    for row in &rows {
        if args.json {
            let mut value = serde_json::to_value(row)?;
            value["document_ids"] = serde_json::to_value(store.story_document_ids(row.id)?)?;
            out.push_str(&value.to_string());
            out.push('\n');
        } else {
            out.push_str(&format!(
                "{:>6}  {}  {:>3} docs  {}{}\n        {}\n",
                row.id,
                line(row.last_date.as_deref().unwrap_or("undated   ")),
                row.documents,
                line(row.title.as_deref().unwrap_or("(untitled)")),
                if row.conflicts > 0 {
                    format!("  [{} conflicts]", row.conflicts)
                } else {
                    String::new()
                },
                line(&row.outlets.join(", "))
            ));
        }
    }
    write_out(
        None,
        &out,
        if args.json { Shape::Json } else { Shape::Text },
    )?;
    Ok(true)
}

/// Parses `12` or `story-12`.
pub fn story_number(id: &str) -> Option<i64> {
    id.strip_prefix("story-").unwrap_or(id).parse().ok()
}

/// `parallax show ID`: a story's report (Markdown or JSON), or a document's cleaned text.
pub fn show(db: &Path, id: &str, json: bool) -> Result<bool> {
    let store = open_existing(db)?;
    if let Some(mut n) = story_number(id) {
        if let Some(into) = store.merged_into(n)? {
            eprintln!("parallax: story {n} merged into story {into}");
            n = into;
        }
        if let Some(report) = store.story_report_json(n)? {
            let text = if json {
                format!("{report}\n")
            } else {
                let report: Report = serde_json::from_str(&report)
                    .with_context(|| format!("story {n}: stored analysis does not parse"))?;
                render::markdown::markdown(&report)
            };
            write_out(None, &text, if json { Shape::Json } else { Shape::Text })?;
            return Ok(true);
        }
    }
    match store.document(id)? {
        Some(view) => {
            let text = if json {
                format!("{}\n", serde_json::to_string(&view)?)
            } else {
                let d = &view.document;
                format!(
                    "{}\n{} · {} · story {}\n\n{}\n",
                    line(d.title.as_deref().unwrap_or(&d.id)),
                    line(d.outlet_name()),
                    line(d.published.as_deref().unwrap_or("undated")),
                    view.story,
                    d.text
                )
            };
            write_out(None, &text, if json { Shape::Json } else { Shape::Text })?;
            Ok(true)
        }
        None => anyhow::bail!("{}: no story or document {id}", db.display()),
    }
}

/// `parallax search QUERY`: stories, articles and quotes matching every word.
pub fn search(db: &Path, query: &str, limit: usize, json: bool) -> Result<bool> {
    let store = open_existing(db)?;
    let hits = store.search(query, limit)?;
    let text = if json {
        format!("{}\n", serde_json::to_string(&hits)?)
    } else {
        let mut out = String::new();
        out.push_str(&format!("stories ({}):\n", hits.stories.len()));
        for s in &hits.stories {
            out.push_str(&format!(
                "  {:>6}  {}\n          {}\n",
                s.id,
                line(s.title.as_deref().unwrap_or("")),
                marked(&s.snippet)
            ));
        }
        out.push_str(&format!("articles ({}):\n", hits.documents.len()));
        for d in &hits.documents {
            out.push_str(&format!(
                "  {}  (story {}, {})\n          {}\n",
                line(&d.id),
                d.story,
                line(d.outlet.as_deref().unwrap_or("")),
                marked(&d.snippet)
            ));
        }
        out.push_str(&format!("quotes ({}):\n", hits.quotes.len()));
        for q in &hits.quotes {
            out.push_str(&format!(
                "  “{}” — {} ({}, story {})\n",
                line(&q.text),
                line(&render::attribution(
                    q.speaker.as_deref(),
                    q.channel.as_deref()
                )),
                line(&q.doc),
                q.story
            ));
        }
        out
    };
    write_out(None, &text, if json { Shape::Json } else { Shape::Text })?;
    Ok(true)
}

/// A search snippet with its matches in brackets.
fn marked(snippet: &str) -> String {
    line(&snippet.replace('\u{2}', "[").replace('\u{3}', "]")).into_owned()
}

/// Opens a store that must exist already (queries never create an empty one by mistake).
pub fn open_existing(db: &Path) -> Result<Store> {
    if !db.is_file() {
        anyhow::bail!(
            "{}: no store here (create one with `parallax ingest INPUT... --db {}`)",
            db.display(),
            db.display()
        );
    }
    Ok(Store::open(db)?)
}

/// Parses a `--sort` value.
pub fn order(sort: &str) -> StoryOrder {
    if sort == "biggest" {
        StoryOrder::Biggest
    } else {
        StoryOrder::Newest
    }
}
