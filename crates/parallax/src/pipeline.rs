//! Pipeline: runs the stages in order, from inputs to a [`Report`].
//!
//! [`prepare`] takes one page through decode, extract, repair, clean and segment, and is the
//! per-document part (it runs independently on each page). [`analyze_documents`] finds copies,
//! assigns documents to stories in publication order and refines the stories once all are in,
//! and analyzes each story: quotes, statements, conflicts, exclusives and the summary.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::Mutex;

use rayon::prelude::*;

use crate::attribute::entities::canonicalize;
use crate::attribute::{attribute_with_facts, document_facts};
use crate::clean::clean_text;
use crate::cluster::{term_counts_of, ClusterInput, StoryClusterer, TermCounts};
use crate::compare::compare;
use crate::date::iso_of;
use crate::decode::{decode_bytes, repair, PageMap};
use crate::dedup::{find_copies_of, fingerprint, Fingerprint};
use crate::extract::{extract_html, host_of, ExtractedBlock};
use crate::ingest::{read_inputs, unique_ids, Content, IngestOptions, PageKind, RawPage};
use crate::model::{
    AnalysisLimit, Assignment, CopyKind, Document, Fact, FactKind, PageBlock, Quote, QuoteKind,
    Rejection, Removal, Report, SourceKind, SourceText, Span, Story, SummaryItem,
};
use crate::outlets::{name_outlet, title_label, without_dateline, PageClues};
use crate::segment::sentences;
use crate::summarize::{summarize, DEFAULT_WORDS};

/// A sentence's span without the dateline opening its line ("NORVIK (AP) - "): the outlet's
/// place and name, no words of the sentence. Every stage reads the sentence from its first word
/// (who speaks, what the summary cites, what a conflict's side shows).
fn past_dateline(text: &str, span: Span) -> Span {
    let at = crate::outlets::past_dateline(text, span.start(), span.end());
    // The sentence goes on past the dateline's dash: its first word starts there.
    let rest = text.get(at..span.end()).unwrap_or("");
    let at = at + (rest.len() - rest.trim_start().len());
    Span::new(at, span.end()).unwrap_or(span)
}

/// Settings for a run.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// How inputs are read.
    pub ingest: IngestOptions,
    /// Summary length in words.
    pub summary_words: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            ingest: IngestOptions::default(),
            summary_words: DEFAULT_WORDS,
        }
    }
}

/// Reads the inputs and analyzes them.
pub fn analyze(inputs: &[String], opts: &Options) -> Report {
    let batch = read_inputs(inputs, opts.ingest);
    let mut report = analyze_pages(batch.pages, opts);
    let mut rejected = batch.rejected;
    rejected.append(&mut report.rejected);
    report.rejected = rejected;
    report
}

/// Analyzes pages already read. Pages are prepared on every core; the results keep the
/// pages' order.
pub fn analyze_pages(pages: Vec<RawPage>, opts: &Options) -> Report {
    let mut docs = Vec::new();
    let mut rejected = Vec::new();
    let prepared = prepare_pages(&pages);
    drop(pages);
    for outcome in prepared {
        match outcome {
            Ok(doc) => docs.push(doc),
            Err(r) => rejected.push(r),
        }
    }
    let mut report = analyze_documents(docs, opts);
    rejected.append(&mut report.rejected);
    report.rejected = rejected;
    report
}

/// A page prepared for linking: its document and what copy detection and clustering need of
/// it ([`crate::stream::Signature`]), both computed from the page alone, on any thread.
#[derive(Debug, Clone)]
pub struct Signed {
    /// The document.
    pub doc: Document,
    /// Its fingerprint, anchor keys and term counts.
    pub signature: crate::stream::Signature,
}

/// The first step of every way Parallax is driven (a batch, the store's ingest, the Python
/// bindings): a page through [`prepare`] and signed for linking. A caller runs its batch of
/// pages through [`crate::guard::isolate`], with [`page_failure`] for a page that trips a bug.
pub fn prepare_signed(page: &RawPage) -> Result<Signed, Rejection> {
    let doc = prepare(page)?;
    let signature = crate::stream::sign(doc.title.as_deref(), &doc.text);
    Ok(Signed { doc, signature })
}

/// Prepares a batch of pages ([`prepare`]) on every core, in their order. A page that trips a
/// bug is rejected ([`page_failure`]) and the others are prepared ([`crate::guard::isolate`]).
pub fn prepare_pages(pages: &[RawPage]) -> Vec<Result<Document, Rejection>> {
    crate::guard::isolate(
        pages,
        |pages| pages.par_iter().with_min_len(8).map(prepare).collect(),
        |page| Err(page_failure(page)),
    )
}

/// The rejection of a page whose preparation panicked: a bug, which the user is asked to report.
pub fn page_failure(page: &RawPage) -> Rejection {
    Rejection {
        input: page.source.clone(),
        reason: "internal error while preparing this page (a bug: please report it)".into(),
    }
}

/// The rejection of a story whose analysis panicked: a bug, which the user is asked to report;
/// the story is kept, its documents unanalyzed.
pub fn story_failure(story: &Story) -> Rejection {
    Rejection {
        input: story.id.clone(),
        reason: "internal error while analyzing this story; its documents are kept unanalyzed (a bug: please report it)".into(),
    }
}

/// Takes one page through decode, extract, repair, clean and segment.
pub fn prepare(page: &RawPage) -> Result<Document, Rejection> {
    let reject = |reason: String| Rejection {
        input: page.source.clone(),
        reason,
    };
    let (decoded, charset, page_map) = match &page.content {
        Content::Bytes(bytes) => {
            let d = decode_bytes(bytes, page.kind == PageKind::Html)
                .map_err(|e| reject(e.to_string()))?;
            (d.text, d.charset.to_string(), d.page_map)
        }
        Content::Text(text) => (text.clone(), "UTF-8".to_string(), PageMap::Utf8 { bom: 0 }),
    };
    let (source_text, extracted, page_blocks) = match page.kind {
        PageKind::Html => {
            let e = extract_html(&decoded).map_err(|e| reject(e.to_string()))?;
            let blocks = html_page_blocks(&decoded, page_map, &e.blocks);
            (e.text.clone(), Some(e), blocks)
        }
        PageKind::Text => {
            let blocks = text_page_blocks(&decoded, page_map);
            (decoded, None, blocks)
        }
    };
    let repaired = repair(&source_text);
    let listed = page.listed.as_ref();
    let given_title = page
        .title
        .clone()
        .or_else(|| extracted.as_ref().and_then(|e| e.title.clone()))
        .or_else(|| listed.and_then(|l| l.title.clone()))
        .map(|t| repair(&t).text);
    let cleaned = clean_text(
        &repaired.text,
        given_title.as_deref(),
        page.kind == PageKind::Text,
    );
    if cleaned.text.trim().is_empty() {
        return Err(reject("no article text left after cleaning".to_string()));
    }
    let alignment = cleaned.alignment.compose(&repaired.alignment);
    // Removal spans point into the source text (before repair), and hold its text.
    let removed = cleaned
        .removed
        .into_iter()
        .filter_map(|r| {
            let span: Span<SourceText> = repaired.alignment.to_source(r.span).ok()?;
            let text = span.slice(&source_text)?.to_string();
            Some(Removal { span, text, ..r })
        })
        .collect();
    let published = page
        .date
        .as_deref()
        .map(|d| iso_of(d).unwrap_or_else(|| d.trim().to_string()))
        .or_else(|| extracted.as_ref().and_then(|e| e.published.clone()))
        .or_else(|| {
            listed
                .and_then(|l| l.date.as_deref())
                .map(|d| iso_of(d).unwrap_or_else(|| d.trim().to_string()))
        })
        .or_else(|| cleaned.stamped.map(crate::date::iso));
    let host = page.url.as_deref().and_then(host_of);
    let named = name_outlet(&PageClues {
        given: page.outlet.as_deref(),
        site_name: extracted.as_ref().and_then(|e| e.outlet.as_deref()),
        title_site: extracted
            .as_ref()
            .and_then(|e| e.title_site.as_deref())
            .or(cleaned.title_site.as_deref()),
        host: host.as_deref(),
        source_text: &source_text,
        credit: cleaned.credit.as_deref(),
    });
    let (outlet, outlet_evidence) = match named {
        Some((name, evidence)) => (Some(name), Some(evidence)),
        None => (None, None),
    };
    let label = if outlet.is_some() {
        String::new()
    } else {
        // The title's first words, else the text's.
        cleaned
            .title
            .as_deref()
            .and_then(title_label)
            .or_else(|| title_label(without_dateline(cleaned.text.lines().next().unwrap_or(""))))
            .unwrap_or_default()
    };
    let sentences = sentences(&cleaned.text)
        .into_iter()
        .map(|s| past_dateline(&cleaned.text, s))
        .collect();
    Ok(Document {
        id: page.id.clone(),
        source: page.source.clone(),
        outlet,
        outlet_evidence,
        label,
        title: cleaned.title,
        author: extracted
            .as_ref()
            .and_then(|e| e.author.clone())
            .or_else(|| listed.and_then(|l| l.author.clone()))
            .or_else(|| cleaned.byline.clone()),
        published,
        url: page.url.clone(),
        kind: if page.kind == PageKind::Html {
            SourceKind::Html
        } else {
            SourceKind::Text
        },
        charset,
        text: cleaned.text,
        source_text,
        removed,
        repairs: repaired.repairs,
        sentences,
        alignment,
        page_blocks,
        sentence_terms: Default::default(),
    })
}

/// Where each block extracted from an HTML page stands in the page's bytes (`html` is the page
/// as decoded); none when the charset does not map offsets back to bytes.
fn html_page_blocks(html: &str, map: PageMap, blocks: &[ExtractedBlock]) -> Vec<PageBlock> {
    let offsets: Vec<usize> = blocks
        .iter()
        .flat_map(|b| [b.page.start, b.page.end])
        .collect();
    let Some(bytes) = map.page_offsets(html, &offsets) else {
        return Vec::new();
    };
    let exact = matches!(map, PageMap::Utf8 { .. });
    blocks
        .iter()
        .zip(bytes.chunks_exact(2))
        .filter_map(|(b, at)| {
            Some(PageBlock {
                text: Span::new(b.text.start, b.text.end)?,
                page: Span::new(at[0], at[1])?,
                verbatim: b.verbatim && exact,
            })
        })
        .collect()
}

/// Where a text page's lines stand in its bytes: the whole text as one verbatim block when it
/// was UTF-8, a block per line in a single-byte charset (verbatim when the line is ASCII), none
/// otherwise.
fn text_page_blocks(text: &str, map: PageMap) -> Vec<PageBlock> {
    let lines: Vec<(usize, usize)> = match map {
        PageMap::Utf8 { .. } => vec![(0, text.len())],
        PageMap::OneBytePerChar => {
            let mut at = 0;
            text.split_inclusive('\n')
                .map(|line| {
                    at += line.len();
                    (at - line.len(), at)
                })
                .collect()
        }
        PageMap::Unmapped => return Vec::new(),
    };
    let offsets: Vec<usize> = lines.iter().flat_map(|&(s, e)| [s, e]).collect();
    let Some(bytes) = map.page_offsets(text, &offsets) else {
        return Vec::new();
    };
    lines
        .iter()
        .zip(bytes.chunks_exact(2))
        .filter_map(|(&(start, end), at)| {
            Some(PageBlock {
                text: Span::new(start, end)?,
                page: Span::new(at[0], at[1])?,
                verbatim: at[1] - at[0] == end - start,
            })
        })
        .collect()
}

/// Summarizes pages already known to form one story (no clustering): their ids are made
/// unique, each is prepared, and the summary of at most `words` words cites them. Pages that
/// cannot be prepared are left out.
pub fn summarize_pages(mut pages: Vec<RawPage>, words: usize) -> Vec<SummaryItem> {
    unique_ids(&mut pages);
    let docs: Vec<Document> = prepare_pages(&pages)
        .into_iter()
        .filter_map(Result::ok)
        .collect();
    let refs: Vec<&Document> = docs.iter().collect();
    let comparison = compare(&refs, &[]);
    summarize(&refs, &comparison, words)
}

/// Finds copies, clusters documents into stories and analyzes each story.
pub fn analyze_documents(docs: Vec<Document>, opts: &Options) -> Report {
    let mut rejected = Vec::new();
    // What copy detection and clustering need of each document that does not depend on the
    // others (its fingerprint, and its term counts read from the fingerprint's words), computed
    // on every core.
    let (prints, counts): (Vec<Fingerprint>, Vec<TermCounts>) = docs
        .par_iter()
        .with_min_len(16)
        .map(|d| {
            let print = fingerprint(&d.text);
            let counts = term_counts_of(&print, d.title.as_deref(), &d.text);
            (print, counts)
        })
        .unzip();
    let copies = find_copies_of(&docs, &prints);
    drop(prints);
    let mut order: Vec<usize> = (0..docs.len()).collect();
    // Dated documents first, by date; undated after them; input order breaks ties (a total order).
    let dates: Vec<_> = docs.iter().map(Document::published_date).collect();
    order.sort_by_key(|&i| (dates[i].is_none(), dates[i], i));
    let mut copies_by_doc: HashMap<&str, Vec<&str>> = HashMap::new();
    for c in &copies {
        copies_by_doc
            .entry(c.a.doc.as_str())
            .or_default()
            .push(c.b.doc.as_str());
        copies_by_doc
            .entry(c.b.doc.as_str())
            .or_default()
            .push(c.a.doc.as_str());
    }
    // Story assignment is serial (each document is judged against the stories before it);
    // meanwhile the other cores attribute the documents' quotes, which depend on the document
    // alone: each document of at most [`ATTRIBUTED_AHEAD_BYTES`], once (linear in the input).
    // A longer one is left to its story's analysis, within the story's cap. A document whose
    // attribution trips a bug is attributed again in its story's analysis, where the stories'
    // guard names the story.
    let (clustered, attributed) = rayon::join(
        || assign_stories(&docs, &order, &counts, &copies_by_doc),
        || {
            crate::guard::isolate(
                &docs,
                |docs| {
                    docs.par_iter()
                        .with_min_len(4)
                        .map(|d| {
                            (d.text.len() <= ATTRIBUTED_AHEAD_BYTES)
                                .then(|| attribute_with_facts(d))
                        })
                        .collect()
                },
                |_| None,
            )
        },
    );
    let (clusterer, assignments) = clustered;
    // Each story's analysis takes its documents' attributions (a story analyzed again after a
    // bug, see below, attributes its documents itself).
    let attributed: Vec<Mutex<Option<Attribution>>> =
        attributed.into_iter().map(Mutex::new).collect();
    // Documents that repeat another document of the story stay out of its summary.
    let repeats: HashSet<&str> = copies
        .iter()
        .filter(|c| matches!(c.kind, CopyKind::Duplicate | CopyKind::NearDuplicate))
        .map(|c| c.b.doc.as_str())
        .collect();
    // Stories are analyzed on every core, each on its own; they keep the clusterer's order.
    let stories: Vec<(usize, Vec<usize>)> = clusterer
        .stories()
        .into_iter()
        .map(|(story_index, members)| (story_index, members.iter().map(|&m| order[m]).collect()))
        .collect();
    let unanalyzed = |(story_index, members): &(usize, Vec<usize>)| {
        let story_docs: Vec<&Document> = members.iter().map(|&m| &docs[m]).collect();
        let assigned = members
            .iter()
            .filter_map(|i| assignments.get(i).cloned())
            .collect();
        let story = new_story(format!("story-{}", story_index + 1), &story_docs, assigned);
        (story, story_docs)
    };
    // A story whose analysis trips a bug is kept unanalyzed, and the error names it.
    let analyzed: Vec<(Story, Option<Rejection>)> = crate::guard::isolate(
        &stories,
        |stories| {
            stories
                .par_iter()
                .map(|s| {
                    let (mut story, story_docs) = unanalyzed(s);
                    let attributions =
                        s.1.iter()
                            .map(|&m| attributed[m].lock().ok().and_then(|mut a| a.take()))
                            .collect();
                    analyze_story_attributed(
                        &mut story,
                        &story_docs,
                        attributions,
                        STORY_ANALYSIS_BYTES,
                        &repeats,
                        opts.summary_words,
                    );
                    (story, None)
                })
                .collect()
        },
        |s| {
            let (mut story, story_docs) = unanalyzed(s);
            story.analysis_limit = within_cap(&story_docs, STORY_ANALYSIS_BYTES).1;
            let failure = story_failure(&story);
            (story, Some(failure))
        },
    );
    let mut stories = Vec::with_capacity(analyzed.len());
    for (story, failed) in analyzed {
        rejected.extend(failed);
        stories.push(story);
    }
    Report {
        documents: docs,
        copies,
        stories,
        rejected,
    }
}

/// Assigns `docs`, taken in `order`, to stories one by one, then refines the stories with the
/// whole input known ([`StoryClusterer::refine`]); returns the clusterer and why each document
/// (by its place in `docs`) is in its story.
fn assign_stories<'d>(
    docs: &'d [Document],
    order: &[usize],
    counts: &[TermCounts],
    copies_by_doc: &HashMap<&str, Vec<&'d str>>,
) -> (StoryClusterer, HashMap<usize, Assignment>) {
    let mut clusterer = StoryClusterer::for_whole_input();
    let mut assignments: HashMap<usize, Assignment> = HashMap::new();
    let mut seen: HashSet<&str> = HashSet::new();
    let mut inputs: Vec<ClusterInput> = Vec::with_capacity(order.len());
    for &i in order {
        let doc = &docs[i];
        let copies_of: Vec<&str> = copies_by_doc
            .get(doc.id.as_str())
            .map(|others| {
                others
                    .iter()
                    .copied()
                    .filter(|o| seen.contains(o))
                    .collect()
            })
            .unwrap_or_default();
        let input = ClusterInput {
            id: &doc.id,
            title: doc.title.as_deref(),
            text: &doc.text,
            date: doc.published.as_deref(),
            copies_of,
            counts: Some(&counts[i]),
        };
        let (_, why) = clusterer.add(&input);
        assignments.insert(i, why);
        seen.insert(&doc.id);
        inputs.push(input);
    }
    // The whole input is known: each document moves to the story it is now closest to.
    for (arrived, why) in clusterer.refine(&inputs) {
        if let Some(&i) = order.get(arrived) {
            assignments.insert(i, why);
        }
    }
    (clusterer, assignments)
}

/// A story of these documents, in arrival order, not yet analyzed.
pub fn new_story(id: String, docs: &[&Document], assignments: Vec<Assignment>) -> Story {
    Story {
        id,
        title: docs.iter().find_map(|d| d.title.clone()),
        date: docs
            .iter()
            .filter_map(|d| d.published.as_deref().and_then(iso_of))
            .min(),
        documents: docs.iter().map(|d| d.id.clone()).collect(),
        assignments,
        quotes: Vec::new(),
        facts: Vec::new(),
        statements: Vec::new(),
        conflicts: Vec::new(),
        exclusive: Vec::new(),
        summary: Vec::new(),
        analysis_limit: None,
    }
}

/// Analyzes a story of `docs`: quotes, facts, statements, conflicts, exclusives and a summary
/// of at most `words` words that leaves out the documents in `repeats` (copies of another
/// member). A caller analyzing many stories runs them through [`crate::guard::isolate`], with
/// [`story_failure`] for a story that trips a bug, so that such a bug loses no other story.
pub fn analyze_story(story: &mut Story, docs: &[&Document], repeats: &HashSet<&str>, words: usize) {
    analyze_story_within(story, docs, STORY_ANALYSIS_BYTES, repeats, words)
}

/// [`analyze_story`] reading at most `cap` bytes of the story's text ([`within_cap`]).
pub fn analyze_story_within(
    story: &mut Story,
    docs: &[&Document],
    cap: usize,
    repeats: &HashSet<&str>,
    words: usize,
) {
    analyze_story_attributed(story, docs, Vec::new(), cap, repeats, words)
}

/// [`analyze_story_within`], with the attribution of some documents done already
/// (`attributed[i]` of `docs[i]`, when there); a document read only in part is attributed
/// again on the part read.
fn analyze_story_attributed(
    story: &mut Story,
    docs: &[&Document],
    attributed: Vec<Option<Attribution>>,
    cap: usize,
    repeats: &HashSet<&str>,
    words: usize,
) {
    let (read, limit) = within_cap(docs, cap);
    let attributed = read
        .iter()
        .zip(attributed)
        .map(|(d, a)| a.filter(|_| matches!(d, Cow::Borrowed(_))))
        .collect();
    let read: Vec<&Document> = read.iter().map(|d| d.as_ref()).collect();
    analyze_read_attributed(story, &read, attributed, limit, repeats, words)
}

/// Analyzes a story of which `docs` is the part read (see [`CapReader`]) and `limit` what was
/// left out, as [`analyze_story`] does.
pub fn analyze_read(
    story: &mut Story,
    docs: &[&Document],
    limit: Option<AnalysisLimit>,
    repeats: &HashSet<&str>,
    words: usize,
) {
    analyze_read_attributed(story, docs, Vec::new(), limit, repeats, words)
}

/// A document's quotes and facts, as [`attribute_with_facts`] finds them.
type Attribution = (Vec<Quote>, Vec<Fact>);

/// [`analyze_read`], with the attribution of some documents done already: `attributed[i]`, when
/// there, is that of `docs[i]`; the others are attributed here.
fn analyze_read_attributed(
    story: &mut Story,
    docs: &[&Document],
    mut attributed: Vec<Option<Attribution>>,
    limit: Option<AnalysisLimit>,
    repeats: &HashSet<&str>,
    words: usize,
) {
    story.analysis_limit = limit;
    let (mut quotes, mut facts) = (Vec::new(), Vec::new());
    for (i, d) in docs.iter().enumerate() {
        let (q, f) = attributed
            .get_mut(i)
            .and_then(Option::take)
            .unwrap_or_else(|| attribute_with_facts(d));
        quotes.extend(q);
        facts.extend(f);
    }
    // One name per channel across the story; speakers that are not names dropped.
    canonicalize(&mut quotes);
    // A stance left with no one who holds it ("the plan outlined …") says nothing.
    quotes.retain(|q| q.kind != QuoteKind::Stance || q.speaker.is_some() || q.channel.is_some());
    // Undated documents resolve "on Wednesday" against the story's reference date.
    let reference = reference_date(docs, &facts);
    if let Some(r) = &reference {
        for d in docs.iter().filter(|d| d.published.is_none()) {
            facts.retain(|f| f.doc != d.id);
            facts.extend(document_facts(d, Some(r)));
        }
    }
    let comparison = compare(docs, &quotes);
    let summary_docs: Vec<&Document> = docs
        .iter()
        .copied()
        .filter(|d| !repeats.contains(d.id.as_str()))
        .collect();
    let summary = summarize(&summary_docs, &comparison, words);
    story.date = story.date.take().or(reference);
    // A story none of whose documents has a headline is named by its summary's opening.
    if story.title.is_none() {
        story.title = summary
            .first()
            .map(|item| first_words(without_dateline(&item.text), STORY_TITLE_WORDS));
    }
    story.quotes = quotes;
    story.facts = facts;
    story.statements = comparison.statements;
    story.conflicts = comparison.conflicts;
    story.exclusive = comparison.exclusive;
    story.summary = summary;
}

/// Bytes of cleaned text one story's analysis reads at most: about 700 articles of usual
/// length. The analysis keeps about 30 bytes of working memory per byte of text it reads (one
/// 10 MB text took 420 MB in `analyze`), so the cap bounds what one story costs whatever the
/// input; with one story analyzed per core, a few hundred MB in all.
pub const STORY_ANALYSIS_BYTES: usize = 4 << 20;

/// Longest document `analyze` attributes ahead, while stories are assigned: many times an
/// article's usual length, and a small share of [`STORY_ANALYSIS_BYTES`], so the working memory
/// of attributing ahead stays small on every core and a giant document is read only within its
/// story's cap.
const ATTRIBUTED_AHEAD_BYTES: usize = STORY_ANALYSIS_BYTES / 16;

/// The part of a story's documents that its analysis reads, at most `cap` bytes of text (see
/// [`CapReader`]); the limit says what was left out, and is `None` when everything was read.
pub fn within_cap<'d>(
    docs: &[&'d Document],
    cap: usize,
) -> (Vec<Cow<'d, Document>>, Option<AnalysisLimit>) {
    let mut reader = CapReader::new(cap);
    let read = docs
        .iter()
        .filter_map(|&d| reader.take(Cow::Borrowed(d)))
        .collect();
    (read, reader.finish())
}

/// Reads a story's documents, in story order, up to a cap in bytes of text: each document
/// whole while it fits, the one that crosses the cap up to its last sentence that ends within
/// it, none after. It takes one document at a time, so a caller can load a giant story's
/// documents one by one and keep only what is read.
#[derive(Debug)]
pub struct CapReader {
    limit: AnalysisLimit,
}

impl CapReader {
    /// A reader of at most `cap` bytes.
    pub fn new(cap: usize) -> CapReader {
        CapReader {
            limit: AnalysisLimit {
                cap,
                analyzed_bytes: 0,
                total_bytes: 0,
                cut: None,
                left_out: Vec::new(),
            },
        }
    }

    /// The part of the next document that is read: all of it, a prefix copy (its spans are the
    /// original's, as the prefix is the original's first bytes), or nothing.
    pub fn take<'d>(&mut self, doc: Cow<'d, Document>) -> Option<Cow<'d, Document>> {
        let limit = &mut self.limit;
        limit.total_bytes += doc.text.len();
        let room = limit.cap - limit.analyzed_bytes;
        if limit.cut.is_none() && doc.text.len() <= room {
            limit.analyzed_bytes += doc.text.len();
            return Some(doc);
        }
        let end = doc
            .sentences
            .iter()
            .map(|s| s.end())
            .take_while(|&e| e <= room)
            .last()
            .unwrap_or(0);
        if limit.cut.is_none() && end > 0 {
            limit.analyzed_bytes += end;
            limit.cut = Some((doc.id.clone(), end));
            return Some(Cow::Owned(prefix_of(&doc, end)));
        }
        limit.cut.get_or_insert_with(|| (doc.id.clone(), 0));
        limit.left_out.push(doc.id.clone());
        None
    }

    /// What was left out, or `None` when every document was read whole.
    pub fn finish(self) -> Option<AnalysisLimit> {
        let limit = self.limit;
        (limit.analyzed_bytes < limit.total_bytes).then(|| AnalysisLimit {
            cut: limit.cut.filter(|(_, end)| *end > 0),
            ..limit
        })
    }
}

/// The document cut to its first `end` bytes of text (a sentence end) and the sentences within
/// them: what the analysis reads of it (with `end` 0, a stub that keeps only what names and
/// dates the document). Its alignment is cut with it; cleaning's records and the source text
/// are not needed there and are left empty.
pub fn prefix_of(doc: &Document, end: usize) -> Document {
    Document {
        id: doc.id.clone(),
        source: doc.source.clone(),
        outlet: doc.outlet.clone(),
        outlet_evidence: doc.outlet_evidence.clone(),
        label: doc.label.clone(),
        title: doc.title.clone(),
        author: doc.author.clone(),
        published: doc.published.clone(),
        url: doc.url.clone(),
        kind: doc.kind,
        charset: doc.charset.clone(),
        text: doc.text[..end].to_string(),
        source_text: String::new(),
        page_blocks: Vec::new(),
        removed: Vec::new(),
        repairs: Vec::new(),
        sentences: doc
            .sentences
            .iter()
            .copied()
            .take_while(|s| s.end() <= end)
            .collect(),
        alignment: doc.alignment.prefix(end),
        sentence_terms: Default::default(),
    }
}

/// Words of a summary's first sentence that name a story without a headline.
const STORY_TITLE_WORDS: usize = 12;

/// The first `n` words of a text, with an ellipsis when it goes on.
fn first_words(text: &str, n: usize) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut out = words[..words.len().min(n)].join(" ");
    if words.len() > n {
        out.push('…');
    }
    out
}

/// The date a story's relative dates resolve against: its earliest publication date, else the
/// explicit calendar date its documents give most often (earliest on a tie).
fn reference_date(docs: &[&Document], facts: &[Fact]) -> Option<String> {
    if let Some(d) = docs
        .iter()
        .filter_map(|d| d.published.as_deref().and_then(iso_of))
        .min()
    {
        return Some(d);
    }
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for f in facts.iter().filter(|f| f.kind == FactKind::Date) {
        if let Some(v) = f.value.as_deref() {
            *counts.entry(v).or_default() += 1;
        }
    }
    let best = counts.values().copied().max()?;
    counts
        .into_iter()
        .filter(|&(_, n)| n == best)
        .map(|(v, _)| v.to_string())
        .min()
}
