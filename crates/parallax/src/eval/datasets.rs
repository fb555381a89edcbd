//! Runners for `parallax eval`: each reads a data set from a path, runs Parallax on it and
//! scores the result with the published metric. Timings cover Parallax's own work, not the
//! reading of the data set.

use std::fs;
use std::io::Read;
use std::path::Path;
use std::time::Instant;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::extraction::{page_counts, page_diff, score, ExtractionScore, PageCounts};
use super::rouge::{self, RougeScores};
use crate::guard::isolate;
use crate::ingest::{Content, PageKind, RawPage};
use crate::pipeline::prepare;

/// Why a data set could not be evaluated.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// A file of the data set could not be read.
    #[error("{path}: {source}")]
    Read {
        /// The file.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
    /// A file of the data set is not in the expected format.
    #[error("{path}: {reason}")]
    Format {
        /// The file.
        path: String,
        /// What is wrong.
        reason: String,
    },
    /// The error listing could not be written.
    #[error("writing the error listing: {0}")]
    Write(#[source] std::io::Error),
}

/// The largest data set read, once decompressed: 2 GiB.
pub(crate) const MAX_DATASET_BYTES: u64 = 2 << 30;

fn read(path: &Path) -> Result<Vec<u8>, EvalError> {
    let bytes = fs::read(path).map_err(|source| EvalError::Read {
        path: path.display().to_string(),
        source,
    })?;
    if path.extension().is_some_and(|e| e == "gz") {
        let mut out = Vec::new();
        flate2::read::MultiGzDecoder::new(&bytes[..])
            .take(MAX_DATASET_BYTES + 1)
            .read_to_end(&mut out)
            .map_err(|source| EvalError::Read {
                path: path.display().to_string(),
                source,
            })?;
        if out.len() as u64 > MAX_DATASET_BYTES {
            return Err(EvalError::Read {
                path: path.display().to_string(),
                source: std::io::Error::other(format!(
                    "decompresses to more than {MAX_DATASET_BYTES} bytes"
                )),
            });
        }
        return Ok(out);
    }
    Ok(bytes)
}

/// The records of a JSONL file (plain or gzipped), blank lines skipped.
pub(crate) fn jsonl_records<T: serde::de::DeserializeOwned>(
    file: &Path,
) -> Result<Vec<T>, EvalError> {
    let text = String::from_utf8(read(file)?).map_err(|e| format_err(file, e))?;
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(n, line)| {
            serde_json::from_str(line).map_err(|e| format_err(file, format!("line {}: {e}", n + 1)))
        })
        .collect()
}

fn format_err(path: &Path, reason: impl ToString) -> EvalError {
    EvalError::Format {
        path: path.display().to_string(),
        reason: reason.to_string(),
    }
}

/// Extraction or cleaning figures for a data set.
#[derive(Debug, Clone, Serialize)]
pub struct ExtractionReport {
    /// Pages scored.
    pub pages: usize,
    /// Pages Parallax rejected (scored as empty predictions).
    pub rejected: usize,
    /// The metric.
    #[serde(flatten)]
    pub score: ExtractionScore,
    /// Pages per second on one core.
    pub pages_per_second: f64,
}

#[derive(Deserialize)]
struct Truth {
    #[serde(rename = "articleBody")]
    article_body: String,
    url: Option<String>,
}

/// `parallax eval extraction --dataset DIR`: `DIR/ground-truth.json` and `DIR/html/<id>.html.gz`.
pub fn extraction(
    dir: &Path,
    errors: Option<&mut dyn std::io::Write>,
) -> Result<ExtractionReport, EvalError> {
    let truth_path = dir.join("ground-truth.json");
    let truth: std::collections::BTreeMap<String, Truth> =
        serde_json::from_slice(&read(&truth_path)?).map_err(|e| format_err(&truth_path, e))?;
    let mut pages = Vec::new();
    for (id, t) in &truth {
        let path = dir.join("html").join(format!("{id}.html.gz"));
        let bytes = read(&path)?;
        pages.push((
            RawPage {
                source: path.display().to_string(),
                id: id.clone(),
                kind: PageKind::Html,
                content: Content::Bytes(bytes),
                url: t.url.clone(),
                title: None,
                outlet: None,
                date: None,
                listed: None,
            },
            t,
        ));
    }
    let started = Instant::now();
    // One core, as the peers are timed; a page that trips a bug counts as extracting nothing.
    let predictions: Vec<Option<String>> = isolate(
        &pages,
        |pages| {
            pages
                .iter()
                .map(|(p, _)| prepare(p).ok().map(|d| d.text))
                .collect()
        },
        |_| None,
    );
    let seconds = started.elapsed().as_secs_f64();
    let scored = pages
        .iter()
        .map(|(p, t)| (p.id.as_str(), t.article_body.as_str()));
    let counts = score_pages(scored, &predictions, errors)?;
    Ok(ExtractionReport {
        pages: pages.len(),
        rejected: predictions.iter().filter(|p| p.is_none()).count(),
        score: score(&counts),
        pages_per_second: pages.len() as f64 / seconds.max(1e-9),
    })
}

/// Each page's shingle counts; with `errors`, every page short of a perfect score is written
/// there as a JSON line: its id, precision, recall, and the lines kept and missed.
fn score_pages<'a>(
    pages: impl Iterator<Item = (&'a str, &'a str)>,
    predictions: &[Option<String>],
    mut errors: Option<&mut dyn std::io::Write>,
) -> Result<Vec<PageCounts>, EvalError> {
    let mut counts = Vec::new();
    for ((id, truth), predicted) in pages.zip(predictions) {
        let predicted = predicted.as_deref().unwrap_or("");
        let c = page_counts(predicted, truth);
        if let Some(w) = errors.as_deref_mut() {
            if c.fp + c.fn_ > 0 {
                let ratio = |a: usize, b: usize| {
                    if a + b == 0 {
                        0.0
                    } else {
                        a as f64 / (a + b) as f64
                    }
                };
                let line = serde_json::json!({
                    "id": id,
                    "precision": ratio(c.tp, c.fp),
                    "recall": ratio(c.tp, c.fn_),
                    "diff": page_diff(predicted, truth),
                });
                writeln!(w, "{line}").map_err(EvalError::Write)?;
            }
        }
        counts.push(c);
    }
    Ok(counts)
}

#[derive(Deserialize)]
struct CleaningRecord {
    id: String,
    page_text: String,
    #[serde(rename = "articleBody")]
    article_body: String,
}

/// `parallax eval text-cleaning --dataset FILE`: JSONL of `{"id", "page_text", "articleBody"}`.
pub fn text_cleaning(
    file: &Path,
    errors: Option<&mut dyn std::io::Write>,
) -> Result<ExtractionReport, EvalError> {
    let records: Vec<CleaningRecord> = jsonl_records(file)?;
    let started = Instant::now();
    let clean_one = |r: &CleaningRecord| {
        let page = RawPage::text(&r.id, &r.page_text);
        // The benchmark's truth is the article's body: the headline the cleaner found is
        // reported apart from the text, as extraction reports it.
        prepare(&page).ok().map(|d| d.text)
    };
    // One core; a page that trips a bug counts as cleaning to nothing.
    let predictions: Vec<Option<String>> = isolate(
        &records,
        |records| records.iter().map(clean_one).collect(),
        |_| None,
    );
    let seconds = started.elapsed().as_secs_f64();
    let scored = records
        .iter()
        .map(|r| (r.id.as_str(), r.article_body.as_str()));
    let counts = score_pages(scored, &predictions, errors)?;
    Ok(ExtractionReport {
        pages: records.len(),
        rejected: predictions.iter().filter(|p| p.is_none()).count(),
        score: score(&counts),
        pages_per_second: records.len() as f64 / seconds.max(1e-9),
    })
}

#[derive(Deserialize)]
struct Cluster {
    id: String,
    documents: Vec<String>,
    summary: String,
}

/// Summary figures for a data set.
#[derive(Debug, Clone, Serialize)]
pub struct SummaryReport {
    /// Clusters scored.
    pub clusters: usize,
    /// Summary length in words.
    pub words: usize,
    /// Mean ROUGE F1 (in percent, as the literature quotes it).
    pub rouge1: f64,
    /// Mean ROUGE-2 F1.
    pub rouge2: f64,
    /// Mean ROUGE-L F1.
    pub rouge_l: f64,
    /// Mean ROUGE-Lsum F1.
    pub rouge_lsum: f64,
    /// Milliseconds per cluster (clean, segment, compare and summarize).
    pub ms_per_cluster: f64,
}

/// The summary cut to `words` words, one sentence per line.
pub(crate) fn cut_to_words(sentences: &[String], words: usize) -> String {
    let mut out = Vec::new();
    let mut left = words;
    for s in sentences {
        if left == 0 {
            break;
        }
        let w: Vec<&str> = s.split_whitespace().collect();
        let take = w.len().min(left);
        out.push(w[..take].join(" "));
        left -= take;
    }
    out.join("\n")
}

/// `parallax eval summary --dataset FILE`: Multi-News-style JSONL `{"id", "documents", "summary"}`.
pub fn summary(file: &Path, words: usize) -> Result<SummaryReport, EvalError> {
    let clusters: Vec<Cluster> = jsonl_records(file)?;
    let mut totals = RougeScores::default();
    let mut seconds = 0.0;
    for c in &clusters {
        let started = Instant::now();
        let sentences = summarize_cluster(&c.id, &c.documents, words);
        seconds += started.elapsed().as_secs_f64();
        let s = rouge::score(&cut_to_words(&sentences, words), &c.summary);
        totals.rouge1.f1 += s.rouge1.f1;
        totals.rouge2.f1 += s.rouge2.f1;
        totals.rouge_l.f1 += s.rouge_l.f1;
        totals.rouge_lsum.f1 += s.rouge_lsum.f1;
    }
    let n = clusters.len().max(1) as f64;
    Ok(SummaryReport {
        clusters: clusters.len(),
        words,
        rouge1: 100.0 * totals.rouge1.f1 / n,
        rouge2: 100.0 * totals.rouge2.f1 / n,
        rouge_l: 100.0 * totals.rouge_l.f1 / n,
        rouge_lsum: 100.0 * totals.rouge_lsum.f1 / n,
        ms_per_cluster: 1000.0 * seconds / n,
    })
}

/// A page of plain text from a data set, with nothing known about it but its text.
pub(crate) fn text_page(source: String, id: String, text: &str) -> RawPage {
    RawPage {
        source,
        ..RawPage::text(&id, text)
    }
}

/// Summarizes one given cluster of article texts (no re-clustering): the sentences picked.
pub(crate) fn summarize_cluster(id: &str, documents: &[String], words: usize) -> Vec<String> {
    let pages = documents
        .iter()
        .enumerate()
        .map(|(i, text)| text_page(format!("{id}/{i}"), format!("{id}-{i}"), text))
        .collect();
    crate::pipeline::summarize_pages(pages, words)
        .into_iter()
        .map(|s| s.text)
        .collect()
}

#[derive(Deserialize)]
struct QuoteArticle {
    id: String,
    text: String,
    quotes: Vec<GoldQuote>,
    /// "attributions" when the gold holds every attribution, views and findings too (PolNeAR);
    /// otherwise the gold is speech, and views Parallax finds are not scored.
    #[serde(default)]
    scope: Option<String>,
}

#[derive(Deserialize)]
struct GoldQuote {
    quote_span: Option<(usize, usize)>,
    /// False when the data set could not resolve the speaker (its `reference` is then only the
    /// words of the source, such as a pronoun).
    #[serde(default)]
    reference_known: Option<bool>,
    /// True when the reference is the source's words as written, a description the data set
    /// could not resolve ("the senator").
    #[serde(default)]
    reference_as_written: bool,
    /// The pieces of a discontinuous quote, when the data set gives them.
    #[serde(default)]
    quote_parts: Option<Vec<(usize, usize)>>,
    speaker: Option<String>,
    reference: Option<String>,
    /// "direct", "mixed" or "indirect", when the data set says.
    #[serde(default)]
    kind: Option<String>,
}

/// True for a gold kind that is quoted speech: words inside quotation marks, in whole or part.
fn is_quoted_kind(kind: Option<&str>) -> bool {
    matches!(kind, Some("direct" | "mixed" | "partial"))
}

/// Quote figures for a data set.
#[derive(Debug, Clone, Serialize)]
pub struct QuotesReport {
    /// Articles scored.
    pub articles: usize,
    /// Gold quotes with a span (the unanchored ones cannot be matched and are left out).
    pub gold_quotes: usize,
    /// Quotes Parallax found.
    pub predicted_quotes: usize,
    /// Scores when a match needs 30% of the gold span.
    pub overlap_30: super::quotes::QuoteScore,
    /// Scores when a match needs 80% of the gold span.
    pub overlap_80: super::quotes::QuoteScore,
    /// Quoted speech alone (gold quotes of kind direct or mixed against the quotes Parallax
    /// found inside quotation marks), at 30% overlap; when the data set gives kinds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quoted_speech: Option<QuotedSpeechReport>,
    /// Per attribution rule (the `rule` of each quote), its figures over all gold quotes at
    /// 30% overlap: a rule that hurts shows a low precision or speaker accuracy.
    pub by_rule: std::collections::BTreeMap<String, super::quotes::RuleScore>,
    /// Megabytes of article text per second through the attribution stage, one core.
    pub attribution_mb_per_second: f64,
}

/// Quoted-speech figures: the gold and predicted quotes inside quotation marks.
#[derive(Debug, Clone, Serialize)]
pub struct QuotedSpeechReport {
    /// Gold quotes of kind direct or mixed.
    pub gold_quotes: usize,
    /// Quotes Parallax found inside quotation marks.
    pub predicted_quotes: usize,
    /// Scores at 30% overlap.
    pub overlap_30: super::quotes::QuoteScore,
}

/// `parallax eval quotes --dataset FILE`: JSONL of `{"id", "text", "quotes": [{"quote_span",
/// "speaker", "reference"}]}` with character offsets (and optionally `"scope": "attributions"`,
/// when views and findings count as gold too). With `errors`, every missed gold quote,
/// unmatched prediction and wrong speaker (at 30% overlap) is written there as a JSON line.
pub fn quotes(
    file: &Path,
    mut errors: Option<&mut dyn std::io::Write>,
) -> Result<QuotesReport, EvalError> {
    use super::quotes::{count, count_by_rule, GoldSpan, QuoteCounts, SpanQuote};
    let mut by_rule = std::collections::BTreeMap::new();
    let mut at30 = QuoteCounts::default();
    let mut at80 = QuoteCounts::default();
    let mut quoted30 = QuoteCounts::default();
    let mut kinds_given = false;
    let (mut articles, mut bytes, mut seconds) = (0, 0usize, 0.0);
    let records: Vec<QuoteArticle> = jsonl_records(file)?;
    // Attribution is timed on one core; an article that trips a bug counts as finding nothing.
    let predictions = isolate(
        &records,
        |records| records.iter().map(predict_quotes).collect(),
        |_| Prediction::default(),
    );
    for (a, prediction) in records.iter().zip(predictions) {
        articles += 1;
        kinds_given |= a.quotes.iter().any(|q| q.kind.is_some());
        let mut gold: Vec<GoldSpan> = Vec::new();
        let mut gold_quoted: Vec<GoldSpan> = Vec::new();
        for q in &a.quotes {
            let Some((start, end)) = q.quote_span else {
                continue;
            };
            let parts = match &q.quote_parts {
                Some(parts) if parts.len() > 1 => parts.clone(),
                _ => vec![(start, end)],
            };
            let entry = GoldSpan {
                parts,
                reference: match q.reference_known {
                    Some(false) => None,
                    _ => q.reference.clone().or_else(|| q.speaker.clone()),
                },
                as_written: q.reference_as_written,
                pronoun_source: q.speaker.as_deref().is_some_and(super::quotes::is_pronoun),
            };
            if is_quoted_kind(q.kind.as_deref()) {
                gold_quoted.push(entry.clone());
            }
            gold.push(entry);
        }
        let Prediction {
            quotes: predicted,
            seconds: article_seconds,
            bytes: article_bytes,
        } = prediction;
        seconds += article_seconds;
        bytes += article_bytes;
        let predicted_quoted: Vec<SpanQuote> = predicted
            .iter()
            .filter(|(_, quoted)| *quoted)
            .map(|(q, _)| q.clone())
            .collect();
        let predicted: Vec<SpanQuote> = predicted.into_iter().map(|(q, _)| q).collect();
        quoted30 += count(&predicted_quoted, &gold_quoted, 0.3);
        at30 += count(&predicted, &gold, 0.3);
        count_by_rule(&predicted, &gold, 0.3, &mut by_rule);
        at80 += count(&predicted, &gold, 0.8);
        if let Some(out) = errors.as_deref_mut() {
            write_quote_errors(out, &a.id, &a.text, &predicted, &gold)?;
        }
    }
    Ok(QuotesReport {
        articles,
        gold_quotes: at30.gold,
        predicted_quotes: at30.predicted,
        overlap_30: at30.score(),
        overlap_80: at80.score(),
        quoted_speech: kinds_given.then(|| QuotedSpeechReport {
            gold_quotes: quoted30.gold,
            predicted_quotes: quoted30.predicted,
            overlap_30: quoted30.score(),
        }),
        by_rule: by_rule
            .iter()
            .map(|(rule, c)| (rule.clone(), c.score(at30.gold)))
            .collect(),
        attribution_mb_per_second: bytes as f64 / 1e6 / seconds.max(1e-9),
    })
}

/// Parallax's quotes in one article of a quotes data set, each with whether it is quoted
/// speech, and what attributing it took.
#[derive(Default)]
struct Prediction {
    quotes: Vec<(super::quotes::SpanQuote, bool)>,
    /// Seconds in the attribution stage.
    seconds: f64,
    /// Bytes of cleaned text attributed.
    bytes: usize,
}

/// Prepares one article of a quotes data set and attributes its quotes ([`Prediction`]).
fn predict_quotes(a: &QuoteArticle) -> Prediction {
    use super::quotes::SpanQuote;
    let (mut seconds, mut bytes) = (0.0, 0);
    let page = RawPage::text(&a.id, &a.text);
    let quotes: Vec<(SpanQuote, bool)> = match prepare(&page) {
        Ok(doc) => {
            let started = Instant::now();
            let found = crate::attribute::attribute(&doc);
            seconds = started.elapsed().as_secs_f64();
            bytes = doc.text.len();
            let chars = char_offsets(&doc.source_text);
            let views_scored = a.scope.as_deref() == Some("attributions");
            found
                .iter()
                .filter(|q| {
                    views_scored
                        || !matches!(
                            q.kind,
                            crate::model::QuoteKind::View | crate::model::QuoteKind::Stance
                        )
                })
                .filter_map(|q| {
                    let src = doc.source_span(q.span).ok()?;
                    let quoted = matches!(
                        q.kind,
                        crate::model::QuoteKind::Direct | crate::model::QuoteKind::Partial
                    );
                    let found = SpanQuote {
                        start: chars(src.start()),
                        end: chars(src.end()),
                        speaker: q.speaker.clone(),
                        written: q.speaker_written.clone(),
                        rule: q.rule.clone(),
                    };
                    Some((found, quoted))
                })
                .collect()
        }
        Err(_) => Vec::new(),
    };
    Prediction {
        quotes,
        seconds,
        bytes,
    }
}

/// Writes one article's quote errors at 30% overlap as JSON lines: `missed` gold quotes,
/// `spurious` predictions and matched quotes with the wrong `speaker`.
fn write_quote_errors(
    out: &mut dyn std::io::Write,
    id: &str,
    text: &str,
    predicted: &[super::quotes::SpanQuote],
    gold: &[super::quotes::GoldSpan],
) -> Result<(), EvalError> {
    use super::quotes::{pair_up, speaker_right};
    let chars: Vec<char> = text.chars().collect();
    let excerpt = |s: usize, e: usize| -> String {
        let end = e.min(chars.len());
        chars[s.min(end)..end].iter().collect()
    };
    let matching = pair_up(predicted, gold, 0.3);
    let mut write = |value: serde_json::Value| -> Result<(), EvalError> {
        writeln!(out, "{value}").map_err(EvalError::Write)
    };
    for (pair, g) in matching.pairs.iter().zip(gold) {
        let reference = &g.reference;
        let gold_text = excerpt(g.start(), g.end());
        match pair {
            None => write(serde_json::json!({
                "id": id, "kind": "missed", "gold": gold_text, "reference": reference,
                "start": g.start(),
            }))?,
            Some(i) if reference.is_some() && !speaker_right(&predicted[*i], g) => {
                write(serde_json::json!({
                    "id": id, "kind": "speaker", "gold": gold_text, "reference": reference,
                    "predicted_speaker": predicted[*i].speaker,
                    "predicted_written": predicted[*i].written, "start": g.start(),
                    "rule": predicted[*i].rule,
                }))?
            }
            Some(_) => {}
        }
    }
    for (i, p) in predicted.iter().enumerate() {
        if !matching.matched_prediction[i] {
            write(serde_json::json!({
                "id": id, "kind": "spurious", "predicted": excerpt(p.start, p.end),
                "predicted_speaker": p.speaker, "start": p.start, "rule": p.rule,
            }))?;
        }
    }
    Ok(())
}

/// A function from byte offsets of `text` to character offsets.
fn char_offsets(text: &str) -> impl Fn(usize) -> usize + '_ {
    let starts: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    move |byte| starts.partition_point(|&b| b < byte)
}

#[derive(Deserialize)]
struct GoldCluster {
    documents: Vec<String>,
}

/// Each document's story, and how many stories there are.
fn story_of_each(
    clusterer: &crate::cluster::StoryClusterer,
    documents: usize,
) -> (Vec<usize>, usize) {
    let mut story = vec![0; documents];
    let stories = clusterer.stories();
    for (s, members) in &stories {
        for &m in members {
            story[m] = *s;
        }
    }
    (story, stories.len())
}

/// Writes each document's story beside its gold cluster as JSON lines (`doc`: its place in the
/// arrival order, `gold`: its cluster's place in the file, `index`: its place in that cluster's
/// documents, `story`, `words`), so a split or a merge can be read and traced to the input.
fn write_assignments(
    out: &mut dyn std::io::Write,
    clusterer: &crate::cluster::StoryClusterer,
    docs: &[(u64, usize, usize, &str)],
) -> Result<(), EvalError> {
    let (story, _) = story_of_each(clusterer, docs.len());
    for (doc, (&(_, gold, index, text), s)) in docs.iter().zip(story).enumerate() {
        let line = serde_json::json!({
            "doc": doc, "gold": gold, "index": index, "story": s,
            "words": text.split_whitespace().count(),
        });
        writeln!(out, "{line}").map_err(EvalError::Write)?;
    }
    Ok(())
}

/// Clustering figures for a data set.
#[derive(Debug, Clone, Serialize)]
pub struct ClusteringReport {
    /// Documents pooled.
    pub documents: usize,
    /// Gold clusters.
    pub gold_clusters: usize,
    /// Stories Parallax formed.
    pub stories: usize,
    /// BCubed precision.
    pub precision: f64,
    /// BCubed recall.
    pub recall: f64,
    /// BCubed F1.
    pub f1: f64,
    /// Documents per second through the clusterer: term counting (on every core, as `parallax
    /// analyze` counts), then assignment and refinement (one core).
    pub documents_per_second: f64,
    /// The same figures for the stories the store's incremental ingest assigns the same stream
    /// (its own join threshold, no refinement).
    pub incremental: IncrementalScores,
}

/// BCubed figures of the incremental assignment alone.
#[derive(Debug, Clone, Serialize)]
pub struct IncrementalScores {
    /// Stories formed.
    pub stories: usize,
    /// BCubed precision.
    pub precision: f64,
    /// BCubed recall.
    pub recall: f64,
    /// BCubed F1.
    pub f1: f64,
}

/// BCubed precision and recall of predicted labels against gold labels (one per item).
pub fn bcubed(predicted: &[usize], gold: &[usize]) -> (f64, f64) {
    use std::collections::HashMap;
    let mut pair: HashMap<(usize, usize), usize> = HashMap::new();
    let mut pred_size: HashMap<usize, usize> = HashMap::new();
    let mut gold_size: HashMap<usize, usize> = HashMap::new();
    for (&p, &g) in predicted.iter().zip(gold) {
        *pair.entry((p, g)).or_default() += 1;
        *pred_size.entry(p).or_default() += 1;
        *gold_size.entry(g).or_default() += 1;
    }
    let n = predicted.len().max(1) as f64;
    let (mut precision, mut recall) = (0.0, 0.0);
    for (&p, &g) in predicted.iter().zip(gold) {
        let both = pair[&(p, g)] as f64;
        precision += both / pred_size[&p] as f64;
        recall += both / gold_size[&g] as f64;
    }
    (precision / n, recall / n)
}

/// `parallax eval clustering --dataset FILE`: pools every document of a Multi-News-style JSONL
/// (plain or gzipped), feeds them to the clusterer in a fixed shuffled order (so a cluster's
/// documents do not arrive together) and refines the stories, as `parallax analyze` clusters an
/// input known whole ([`crate::cluster::StoryClusterer::for_whole_input`]), and scores them
/// with BCubed; the stories the store's incremental ingest would assign the same stream are
/// scored too. With `errors`, each document's story is written beside its gold cluster
/// ([`write_assignments`]).
pub fn clustering(
    file: &Path,
    errors: Option<&mut dyn std::io::Write>,
) -> Result<ClusteringReport, EvalError> {
    use crate::cluster::{ClusterInput, StoryClusterer, TermCounts};
    let clusters: Vec<GoldCluster> = jsonl_records(file)?;
    // (arrival key, gold cluster, place in the cluster, text)
    let mut docs: Vec<(u64, usize, usize, &str)> = Vec::new();
    for (c, cluster) in clusters.iter().enumerate() {
        for (i, text) in cluster.documents.iter().enumerate() {
            if !text.trim().is_empty() {
                // A fixed pseudo-random arrival order (SplitMix64 of the position).
                let mut z = ((c as u64) << 20 | i as u64).wrapping_add(0x9e37_79b9_7f4a_7c15);
                z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
                z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
                docs.push((z ^ (z >> 31), c, i, text.as_str()));
            }
        }
    }
    docs.sort_unstable();
    let ids: Vec<String> = (0..docs.len()).map(|i| i.to_string()).collect();
    let gold: Vec<usize> = docs.iter().map(|&(_, c, _, _)| c).collect();
    let scored = |clusterer: &StoryClusterer| {
        let (predicted, stories) = story_of_each(clusterer, docs.len());
        let (precision, recall) = bcubed(&predicted, &gold);
        IncrementalScores {
            stories,
            precision,
            recall,
            f1: super::harmonic_mean(precision, recall),
        }
    };
    let started = Instant::now();
    // Term counts depend on each document alone: counted on every core, as `parallax analyze`
    // counts them; assignment and refinement below are serial.
    let counts: Vec<TermCounts> = docs
        .par_iter()
        .with_min_len(16)
        .map(|(_, _, _, text)| crate::cluster::term_counts(None, text))
        .collect();
    let inputs: Vec<ClusterInput> = docs
        .iter()
        .enumerate()
        .map(|(i, (_, _, _, text))| ClusterInput {
            id: &ids[i],
            title: None,
            text,
            date: None,
            copies_of: Vec::new(),
            counts: Some(&counts[i]),
        })
        .collect();
    // As `parallax analyze` clusters an input known whole: a first pass, then refinement.
    let mut clusterer = StoryClusterer::for_whole_input();
    for input in &inputs {
        clusterer.add(input);
    }
    clusterer.refine(&inputs);
    let seconds = started.elapsed().as_secs_f64();
    let refined = scored(&clusterer);
    // As the store's incremental ingest assigns the same stream, without refinement.
    let mut streamed = StoryClusterer::new();
    for input in &inputs {
        streamed.add(input);
    }
    let incremental = scored(&streamed);
    if let Some(out) = errors {
        write_assignments(out, &clusterer, &docs)?;
    }
    Ok(ClusteringReport {
        documents: docs.len(),
        gold_clusters: clusters.len(),
        stories: refined.stories,
        precision: refined.precision,
        recall: refined.recall,
        f1: refined.f1,
        documents_per_second: docs.len() as f64 / seconds.max(1e-9),
        incremental,
    })
}

#[cfg(test)]
mod tests {
    use super::bcubed;

    #[test]
    fn bcubed_of_perfect_merged_and_split_clusterings() {
        let gold = [0, 0, 1, 1];
        assert_eq!(bcubed(&[5, 5, 7, 7], &gold), (1.0, 1.0));
        // Everything in one cluster: each item's cluster is half right.
        assert_eq!(bcubed(&[1, 1, 1, 1], &gold), (0.5, 1.0));
        // Every item alone: precise, but each finds half its gold cluster.
        assert_eq!(bcubed(&[0, 1, 2, 3], &gold), (1.0, 0.5));
    }
}
