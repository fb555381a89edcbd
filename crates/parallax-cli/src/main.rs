//! The `parallax` command line: analyze coverage, extract clean text, summarize clusters, and
//! evaluate on data sets.
//!
//! Exit status: 0 on success, 1 when some inputs were rejected (each named on stderr with the
//! reason; the rest is processed), 2 on bad usage or a failure that stops the command.

use std::io::{self, BufRead, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use parallax::eval::datasets;
use parallax::ingest::{IngestOptions, DEFAULT_MAX_BYTES};
use parallax::model::Rejection;
use parallax::pipeline::{self, Options};
use parallax::render::{self, terminal};
use parallax::summarize::DEFAULT_WORDS;
use parallax_store::{StoryFilter, DEFAULT_DB};

mod follow;
mod inputs;
mod store_commands;

/// Parallax: news coverage into stories, and each story into an account-by-account comparison.
#[derive(Parser)]
#[command(name = "parallax", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Analyze inputs into a report (no input: the bundled example).
    Analyze {
        /// Files, directories, globs, `-` for stdin (.html, .htm, .txt, .jsonl, .warc, and
        /// gzipped), or http(s) URLs of pages.
        inputs: Vec<String>,
        /// Never fetch: a URL among the inputs is rejected.
        #[arg(long)]
        offline: bool,
        /// Report format.
        #[arg(long, value_enum, default_value_t = Format::Md)]
        format: Format,
        /// Write the report to this file instead of stdout.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Largest input accepted, in bytes (a file, or one JSONL record).
        #[arg(long, default_value_t = DEFAULT_MAX_BYTES)]
        max_bytes: usize,
        /// Summary length in words.
        #[arg(long, default_value_t = DEFAULT_WORDS)]
        words: usize,
    },
    /// Decode, extract and clean only: one record per input.
    Extract {
        /// Files, directories, globs, `-` for stdin, or http(s) URLs of pages.
        inputs: Vec<String>,
        /// Never fetch: a URL among the inputs is rejected.
        #[arg(long)]
        offline: bool,
        /// Output format: plain text or one JSON object per line.
        #[arg(long, value_enum, default_value_t = ExtractFormat::Text)]
        format: ExtractFormat,
        /// Largest input accepted, in bytes.
        #[arg(long, default_value_t = DEFAULT_MAX_BYTES)]
        max_bytes: usize,
    },
    /// One summary per cluster line `{"id", "documents": [...]}` of a JSONL file.
    Summarize {
        /// The JSONL file of clusters.
        #[arg(long)]
        jsonl: PathBuf,
        /// Summary length in words.
        #[arg(long, default_value_t = 260)]
        words: usize,
    },
    /// Add inputs to the store, incrementally (copies and stories against what it holds).
    Ingest {
        /// Files, directories, globs, `-` for stdin (.html, .htm, .txt, .jsonl, .warc, and
        /// gzipped), or http(s) URLs of pages.
        #[arg(required = true)]
        inputs: Vec<String>,
        /// Never fetch: a URL among the inputs is rejected.
        #[arg(long)]
        offline: bool,
        /// The store file.
        #[arg(long, default_value = DEFAULT_DB)]
        db: PathBuf,
        /// Largest input accepted, in bytes (a file, a JSONL record or a WARC record).
        #[arg(long, default_value_t = DEFAULT_MAX_BYTES)]
        max_bytes: usize,
    },
    /// Keep the store up with feeds and sitemaps: poll the URLs a file lists (one a line),
    /// asking each conditionally, and ingest the articles that are new.
    Follow {
        /// The file of feed and sitemap URLs.
        feeds: PathBuf,
        /// The store file.
        #[arg(long, default_value = DEFAULT_DB)]
        db: PathBuf,
        /// Time between rounds: 90s, 15m, 2h.
        #[arg(long, default_value = "15m", value_parser = follow::parse_interval)]
        every: std::time::Duration,
        /// One round, then stop.
        #[arg(long)]
        once: bool,
        /// Largest page accepted, in bytes.
        #[arg(long, default_value_t = DEFAULT_MAX_BYTES)]
        max_bytes: usize,
    },
    /// List the stored stories.
    Stories {
        /// The store file.
        #[arg(long, default_value = DEFAULT_DB)]
        db: PathBuf,
        /// Output format: a table, or one JSON object per story with its document ids.
        #[arg(long, value_enum, default_value_t = ExtractFormat::Text)]
        format: ExtractFormat,
        /// Only stories with a document from this outlet.
        #[arg(long)]
        outlet: Option<String>,
        /// Only stories naming this person.
        #[arg(long)]
        person: Option<String>,
        /// Only stories covered on this day (YYYY-MM-DD).
        #[arg(long)]
        date: Option<String>,
        /// Order: newest or biggest.
        #[arg(long, default_value = "newest")]
        sort: String,
        /// At most this many stories.
        #[arg(long, default_value_t = 50)]
        limit: usize,
    },
    /// Show a stored story (number or story-N) or document (its id).
    Show {
        /// Story number or document id.
        id: String,
        /// The store file.
        #[arg(long, default_value = DEFAULT_DB)]
        db: PathBuf,
        /// Output format: Markdown/plain text, or JSON.
        #[arg(long, value_enum, default_value_t = ExtractFormat::Text)]
        format: ExtractFormat,
    },
    /// Search stored stories, articles and quotes.
    Search {
        /// Words that must all match.
        query: String,
        /// The store file.
        #[arg(long, default_value = DEFAULT_DB)]
        db: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ExtractFormat::Text)]
        format: ExtractFormat,
        /// At most this many hits of each kind.
        #[arg(long, default_value_t = 20)]
        limit: usize,
    },
    /// Serve the HTTP API and the web UI over the store.
    Serve {
        /// The store file (created when missing).
        #[arg(long, default_value = DEFAULT_DB)]
        db: PathBuf,
        /// Address to listen on. Another than a loopback address lets other machines read
        /// the store (writes always need the token).
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: std::net::SocketAddr,
        /// The write token clients send as `Authorization: Bearer TOKEN` (default: the one
        /// kept in `<db>.token`, made at first start).
        #[arg(long)]
        token: Option<String>,
        /// A host name the server answers for besides its address and localhost (repeatable),
        /// e.g. the name a reverse proxy or another machine uses.
        #[arg(long = "allow-host", value_name = "NAME")]
        allow_host: Vec<String>,
    },
    /// Evaluate on a data set; prints JSON metrics.
    Eval {
        /// What to evaluate.
        #[arg(value_enum)]
        task: EvalTask,
        /// The data set's path.
        #[arg(long)]
        dataset: PathBuf,
        /// Summary length in words (summary task).
        #[arg(long, default_value_t = 260)]
        words: usize,
        /// Write the errors to this file as JSON lines: each missed quote, unmatched prediction
        /// and wrong speaker (quotes), or each imperfect page with the lines it kept and missed
        /// (extraction, text cleaning), or each document's story beside its gold cluster
        /// (clustering), or each missed gold conflict and each reported one
        /// (conflicts).
        #[arg(long)]
        errors: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Md,
    Json,
    Html,
}

#[derive(Clone, Copy, ValueEnum)]
enum ExtractFormat {
    Text,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum EvalTask {
    /// HTML main-content extraction (article-extraction benchmark layout).
    Extraction,
    /// Boilerplate removal from scraped page text (JSONL with page_text and articleBody).
    TextCleaning,
    /// Multi-document summarization, ROUGE (Multi-News JSONL).
    Summary,
    /// Quote extraction and attribution (Gender Gap Tracker JSONL).
    Quotes,
    /// Story clustering of pooled documents, BCubed (Multi-News clusters JSONL, may be gzipped).
    Clustering,
    /// Conflicts between accounts: recall of gold conflicts, each cluster analyzed alone
    /// (JSONL `{"id", "documents", "conflicts": [{"kind", "sides": [{"doc", "text"}]}]}`).
    Conflicts,
}

/// Pages `parallax extract` prepares at once (on every core).
const EXTRACT_CHUNK: usize = 256;

/// The largest cluster line `summarize` reads: 64 MiB.
const MAX_CLUSTER_LINE: usize = 64 * 1024 * 1024;

/// The example bundled with the source tree, analyzed when `analyze` gets no input.
fn bundled_example() -> String {
    let here = Path::new("examples/xi-putin-call");
    if here.is_dir() {
        return here.display().to_string();
    }
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples/xi-putin-call")
        .display()
        .to_string()
}

fn report_rejections(rejected: &[Rejection]) {
    let stderr = io::stderr();
    let mut err = stderr.lock();
    for r in rejected {
        let _ = writeln!(
            err,
            "parallax: {}: {}",
            terminal::line(&r.input),
            terminal::line(&r.reason)
        );
    }
}

/// What is written out: JSON or text, each made safe to print its own way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// JSON (one document or one per line).
    Json,
    /// Text whose one-line fields were escaped already.
    Text,
}

/// Writes a report's JSON to a file piece by piece, never joined into one string, and frees the report
/// on another core meanwhile (a large report's many small allocations take as long to free as
/// to write).
fn write_json_file(path: &Path, report: parallax::model::Report) -> Result<()> {
    let pieces = render::JsonPieces::of(&report)?;
    let freeing = std::thread::spawn(move || drop(report));
    let written = std::fs::File::create(path).and_then(|file| {
        let mut out = io::BufWriter::with_capacity(1 << 20, file);
        pieces.write_to(&mut out)?;
        out.flush()
    });
    let _ = freeing.join();
    written.with_context(|| format!("cannot write {}", path.display()))
}

fn write_out(output: Option<&Path>, text: &str, shape: Shape) -> Result<()> {
    match output {
        // A report file keeps the sources' characters as they are.
        Some(path) => {
            std::fs::write(path, text).with_context(|| format!("cannot write {}", path.display()))
        }
        None => {
            let text = match shape {
                Shape::Json => terminal::json(text),
                Shape::Text => terminal::text(text),
            };
            let mut out = io::stdout().lock();
            match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
                Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
                other => other.context("cannot write to stdout"),
            }
        }
    }
}

fn run(cli: Cli) -> Result<bool> {
    match cli.command {
        Command::Analyze {
            inputs,
            offline,
            format,
            output,
            max_bytes,
            words,
        } => {
            let inputs = if inputs.is_empty() {
                vec![bundled_example()]
            } else {
                inputs
            };
            let opts = Options {
                ingest: IngestOptions { max_bytes },
                summary_words: words,
            };
            let batch = inputs::read_all(&inputs, opts.ingest, offline, &|_| false);
            let mut report = pipeline::analyze_pages(batch.pages, &opts);
            let mut rejected = batch.rejected;
            rejected.append(&mut report.rejected);
            report.rejected = rejected;
            report_rejections(&report.rejected);
            let all_read = report.rejected.is_empty();
            if let (Format::Json, Some(path)) = (format, output.as_deref()) {
                // A JSON report file is written piece by piece, never joined into one string.
                write_json_file(path, report)?;
                return Ok(all_read);
            }
            let text = match format {
                Format::Md => render::markdown::markdown(&report),
                Format::Json => render::json(&report),
                Format::Html => render::html::html(&report),
            };
            let shape = if matches!(format, Format::Json) {
                Shape::Json
            } else {
                Shape::Text
            };
            // Freeing a large report's many small allocations takes as long as writing it out:
            // done on another core meanwhile.
            let freeing = std::thread::spawn(move || drop(report));
            write_out(output.as_deref(), &text, shape)?;
            let _ = freeing.join();
            Ok(all_read)
        }
        Command::Extract {
            inputs,
            offline,
            format,
            max_bytes,
        } => {
            let batch = inputs::read_all(&inputs, IngestOptions { max_bytes }, offline, &|_| false);
            let mut rejected = batch.rejected;
            let mut text = String::new();
            // A few hundred pages at a time: their documents are held only until printed.
            let prepared = batch
                .pages
                .chunks(EXTRACT_CHUNK)
                .flat_map(pipeline::prepare_pages);
            for prepared in prepared {
                match prepared {
                    Ok(doc) => match format {
                        ExtractFormat::Text => {
                            text.push_str(&format!("==> {} <==\n", terminal::line(&doc.source)));
                            if let Some(t) = &doc.title {
                                text.push_str(&format!("{}\n\n", terminal::line(t)));
                            }
                            text.push_str(&doc.text);
                            text.push_str("\n\n");
                        }
                        ExtractFormat::Json => {
                            let record = serde_json::json!({
                                "source": doc.source, "title": doc.title, "outlet": doc.outlet, "author": doc.author,
                                "published": doc.published, "text": doc.text, "removed": doc.removed, "repairs": doc.repairs,
                            });
                            text.push_str(&record.to_string());
                            text.push('\n');
                        }
                    },
                    Err(r) => rejected.push(r),
                }
            }
            report_rejections(&rejected);
            let shape = match format {
                ExtractFormat::Text => Shape::Text,
                ExtractFormat::Json => Shape::Json,
            };
            write_out(None, &text, shape)?;
            Ok(rejected.is_empty())
        }
        Command::Summarize { jsonl, words } => {
            let file = std::fs::File::open(&jsonl)
                .with_context(|| format!("cannot open {}", jsonl.display()))?;
            let mut ok = true;
            let mut text = String::new();
            let mut reader = io::BufReader::new(file);
            let mut buf = Vec::new();
            let mut n = 0;
            loop {
                n += 1;
                buf.clear();
                let at = format!("{}:{}", jsonl.display(), n);
                match (&mut reader)
                    .take(MAX_CLUSTER_LINE as u64 + 1)
                    .read_until(b'\n', &mut buf)
                {
                    Ok(0) => break,
                    Ok(_) => {}
                    Err(e) => {
                        // A read error does not go away by reading on (a directory, a device).
                        report_rejections(&[Rejection {
                            input: at,
                            reason: e.to_string(),
                        }]);
                        ok = false;
                        break;
                    }
                }
                if buf.len() > MAX_CLUSTER_LINE {
                    report_rejections(&[Rejection {
                        input: at,
                        reason: format!("line over the {MAX_CLUSTER_LINE}-byte cap"),
                    }]);
                    ok = false;
                    if parallax::ingest::skip_line(&mut reader).is_err() {
                        break;
                    }
                    continue;
                }
                let line = match std::str::from_utf8(&buf) {
                    Ok(l) if l.trim().is_empty() => continue,
                    Ok(l) => l.to_string(),
                    Err(e) => {
                        report_rejections(&[Rejection {
                            input: at,
                            reason: format!("invalid UTF-8 at byte {}", e.valid_up_to()),
                        }]);
                        ok = false;
                        continue;
                    }
                };
                let value: serde_json::Value = match serde_json::from_str(&line) {
                    Ok(v) => v,
                    Err(e) => {
                        report_rejections(&[Rejection {
                            input: at,
                            reason: format!("malformed JSON: {e}"),
                        }]);
                        ok = false;
                        continue;
                    }
                };
                let id = value
                    .get("id")
                    .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_string))
                    .unwrap_or_else(|| (n + 1).to_string());
                let Some(documents) = value.get("documents").and_then(|d| d.as_array()) else {
                    report_rejections(&[Rejection {
                        input: at,
                        reason: "no \"documents\" list".into(),
                    }]);
                    ok = false;
                    continue;
                };
                let pages: Vec<_> = documents
                    .iter()
                    .enumerate()
                    .filter_map(|(i, d)| {
                        parallax::ingest::page_from_json(
                            d.clone(),
                            &format!("{at}#{i}"),
                            &format!("{id}-{i}"),
                        )
                        .ok()
                    })
                    .collect();
                let items = pipeline::summarize_pages(pages, words);
                let summary = items
                    .iter()
                    .map(|s| s.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" ");
                let record =
                    serde_json::json!({ "id": id, "summary": summary, "sentences": items });
                text.push_str(&record.to_string());
                text.push('\n');
            }
            write_out(None, &text, Shape::Json)?;
            Ok(ok)
        }
        Command::Ingest {
            inputs,
            offline,
            db,
            max_bytes,
        } => store_commands::ingest(&db, &inputs, max_bytes, offline),
        Command::Follow {
            feeds,
            db,
            every,
            once,
            max_bytes,
        } => follow::follow(&db, &feeds, every, once, max_bytes),
        Command::Stories {
            db,
            format,
            outlet,
            person,
            date,
            sort,
            limit,
        } => store_commands::stories(
            &db,
            store_commands::StoriesArgs {
                json: matches!(format, ExtractFormat::Json),
                filter: StoryFilter {
                    outlet,
                    person,
                    date,
                    order: store_commands::order(&sort),
                    limit,
                    offset: 0,
                },
            },
        ),
        Command::Show { id, db, format } => {
            store_commands::show(&db, &id, matches!(format, ExtractFormat::Json))
        }
        Command::Search {
            query,
            db,
            format,
            limit,
        } => store_commands::search(&db, &query, limit, matches!(format, ExtractFormat::Json)),
        Command::Serve {
            db,
            addr,
            token,
            allow_host,
        } => {
            let access = parallax_server::Access {
                token,
                allowed_hosts: allow_host,
            };
            parallax_server::run(db, addr, access)?;
            Ok(true)
        }
        Command::Eval {
            task,
            dataset,
            words,
            errors,
        } => {
            let mut listing = match &errors {
                Some(path) => Some(io::BufWriter::new(
                    std::fs::File::create(path).with_context(|| path.display().to_string())?,
                )),
                None => None,
            };
            let sink = listing.as_mut().map(|w| w as &mut dyn Write);
            let value = match task {
                EvalTask::Extraction => {
                    serde_json::to_value(datasets::extraction(&dataset, sink)?)?
                }
                EvalTask::TextCleaning => {
                    serde_json::to_value(datasets::text_cleaning(&dataset, sink)?)?
                }
                EvalTask::Summary => serde_json::to_value(datasets::summary(&dataset, words)?)?,
                EvalTask::Quotes => serde_json::to_value(datasets::quotes(&dataset, sink)?)?,
                EvalTask::Clustering => {
                    serde_json::to_value(datasets::clustering(&dataset, sink)?)?
                }
                EvalTask::Conflicts => {
                    serde_json::to_value(parallax::eval::conflicts::conflicts(&dataset, sink)?)?
                }
            };
            if let Some(mut w) = listing {
                w.flush()?;
            }
            write_out(
                None,
                &format!("{}\n", serde_json::to_string_pretty(&value)?),
                Shape::Json,
            )?;
            Ok(true)
        }
    }
}

/// mimalloc: the stages allocate many small vectors on every core, where glibc's per-thread
/// arenas spend much of the time growing and trimming their heaps.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    match run(cli) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) => {
            eprintln!("parallax: {}", terminal::line(&format!("{e:#}")));
            ExitCode::from(2)
        }
    }
}
