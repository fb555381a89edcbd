//! The types that flow between stages, all serde-serializable.
//!
//! Every item that points into a document carries a [`Span`]: byte offsets into that document's
//! cleaned `text`. The cleaned text maps back to the input through the document's
//! [`Alignment`](crate::align::Alignment), and every change on the way (repairs, removals) is
//! recorded, so nothing in a report is unaccounted for.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::align::Alignment;

pub use crate::span::{Cleaned, PageBytes, SourceText, Span};

/// A span in one document's cleaned text: where a report item comes from.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SourceSpan {
    /// The document id.
    pub doc: String,
    /// Where, in the document's cleaned text (`start`, `end` in JSON).
    #[serde(flatten)]
    pub span: Span<Cleaned>,
}

impl SourceSpan {
    /// A source span for `span` in document `doc`.
    pub fn new(doc: &str, span: Span<Cleaned>) -> SourceSpan {
        SourceSpan {
            doc: doc.to_string(),
            span,
        }
    }

    /// The span part alone.
    pub fn span(&self) -> Span<Cleaned> {
        self.span
    }
}

/// Why a piece of the input was left out of the cleaned text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RemovalReason {
    /// Navigation, buttons, prompts and other short page furniture.
    PageChrome,
    /// A "Read also:" style line linking to another article.
    RelatedLink,
    /// The headline, kept as the title instead of in the body.
    Headline,
    /// A second copy of the headline.
    RepeatedHeadline,
    /// A paragraph that already appeared earlier on the page.
    RepeatedParagraph,
    /// Comment forms, sign-up prompts and footers after the article.
    TrailingChrome,
    /// A bare credit line naming the source ("Bloomberg").
    SourceCredit,
    /// A photo caption or credit ("FILE - In this May 4, 2001, file photo, ...").
    Caption,
    /// A video or audio player's labels and promos ("Media playback is unsupported on your
    /// device", "WATCH: the full news conference"), and an embedded post's header ("View this
    /// post on Instagram").
    MediaChrome,
    /// A line of marks without words that rules off a section ("* * *", "------").
    RuleLine,
    /// The outlet's summary between the headline and the byline, above the article.
    Standfirst,
}

/// A piece of the input left out of the cleaned text, with where it was in the source text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Removal {
    /// The removed text, exactly as in the source text.
    pub text: String,
    /// Why it was removed.
    pub reason: RemovalReason,
    /// Where it was in the document's `source_text` (before mojibake repair; `start`, `end` in
    /// JSON).
    #[serde(flatten)]
    pub span: Span<SourceText>,
}

/// A mojibake repair: `from` (as decoded) became `to`, where `from` stands in the document's
/// source text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "RepairFields", into = "RepairFields")]
pub struct Repair {
    /// The broken text as it was decoded.
    pub from: String,
    /// The text it was repaired to.
    pub to: String,
    /// Where `from` stands in the document's source text (written as its first byte, `offset`).
    pub span: Span<SourceText>,
}

/// A repair as written in JSON: `from`, `to` and the byte `offset` of `from`.
#[derive(Serialize, Deserialize)]
struct RepairFields {
    from: String,
    to: String,
    offset: usize,
}

impl From<Repair> for RepairFields {
    fn from(r: Repair) -> RepairFields {
        RepairFields {
            offset: r.span.start(),
            from: r.from,
            to: r.to,
        }
    }
}

impl TryFrom<RepairFields> for Repair {
    type Error = String;
    fn try_from(f: RepairFields) -> Result<Repair, String> {
        let span = f
            .offset
            .checked_add(f.from.len())
            .and_then(|end| Span::new(f.offset, end))
            .ok_or_else(|| format!("repair at byte {} overflows", f.offset))?;
        Ok(Repair {
            from: f.from,
            to: f.to,
            span,
        })
    }
}

/// How a document's text reached Parallax.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceKind {
    /// Plain text, possibly scraped with its page chrome.
    Text,
    /// An HTML page; the source text is the extracted main content.
    Html,
}

/// One article after decoding, extraction, cleaning and segmentation.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(try_from = "DocumentFields")]
pub struct Document {
    /// Stable id: a JSONL record's `id`, else the file stem.
    pub id: String,
    /// The input as the user named it (a path, `path:line` for JSONL, `-` for stdin).
    pub source: String,
    /// The publishing outlet, when known.
    pub outlet: Option<String>,
    /// What named the outlet: the clue and the words as written, with their span in
    /// `source_text` when the clue is in the text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet_evidence: Option<crate::outlets::OutletEvidence>,
    /// A short readable name for the document when its outlet is unknown (its title's first
    /// words); empty when the outlet is known or the document has no title.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub label: String,
    /// The headline.
    pub title: Option<String>,
    /// The author line, when known.
    pub author: Option<String>,
    /// Publication date, ISO 8601 (`YYYY-MM-DD` or a full timestamp), when known.
    pub published: Option<String>,
    /// The page URL, when known.
    pub url: Option<String>,
    /// The kind of input.
    pub kind: SourceKind,
    /// The charset the input was decoded from.
    pub charset: String,
    /// The cleaned article text; every span of the report points into it.
    pub text: String,
    /// The text cleaning started from (decoded and repaired input, or extracted HTML text).
    #[serde(skip_serializing_if = "String::is_empty", default)]
    pub source_text: String,
    /// What cleaning removed.
    pub removed: Vec<Removal>,
    /// The mojibake repairs made while decoding.
    pub repairs: Vec<Repair>,
    /// Sentence spans in `text`, each from its first word: a dateline opening a sentence's line
    /// ("KESSEL (Harbour Wire) - ") is left out, as the outlet's place and name.
    pub sentences: Vec<Span>,
    /// Maps spans of `text` back to the decoded input.
    pub alignment: Alignment,
    /// Where the source text stands in the page's bytes, block by block, in source order
    /// (empty when unknown: a page in a multi-byte legacy charset, or an article read from the
    /// page's JSON-LD); [`Document::page_span`] reads it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub page_blocks: Vec<PageBlock>,
    /// Each sentence's terms ([`crate::terms::term_hashes`]), computed on first use and shared
    /// by the stages that compare sentences; never serialized.
    #[serde(skip)]
    pub sentence_terms: OnceLock<Vec<Vec<u64>>>,
}

/// A stretch of a document's source text and the bytes of the page it was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageBlock {
    /// The stretch of the source text (for HTML, one block of the extracted text).
    pub text: Span<SourceText>,
    /// The page bytes holding it (for HTML, markup inside the block included).
    pub page: Span<PageBytes>,
    /// The stretch is exactly those bytes, so offsets inside it map byte for byte.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub verbatim: bool,
}

impl PageBlock {
    /// The page bytes of the part `part` of this block's text: exact when the block is
    /// verbatim, else the whole block's bytes.
    fn page_of(&self, part: Span<SourceText>) -> Span<PageBytes> {
        if !self.verbatim {
            return self.page;
        }
        let from = part.start().clamp(self.text.start(), self.text.end()) - self.text.start();
        let to = part.end().clamp(self.text.start(), self.text.end()) - self.text.start();
        let at = |offset: usize| {
            self.page
                .start()
                .saturating_add(offset)
                .min(self.page.end())
        };
        Span::clamped(at(from), at(to))
    }
}

/// A document as read from JSON, before [`Document::check`] holds it to its invariants.
#[derive(Deserialize)]
struct DocumentFields {
    id: String,
    source: String,
    outlet: Option<String>,
    #[serde(default)]
    outlet_evidence: Option<crate::outlets::OutletEvidence>,
    #[serde(default)]
    label: String,
    title: Option<String>,
    author: Option<String>,
    published: Option<String>,
    url: Option<String>,
    kind: SourceKind,
    charset: String,
    text: String,
    #[serde(default)]
    source_text: String,
    removed: Vec<Removal>,
    repairs: Vec<Repair>,
    sentences: Vec<Span>,
    alignment: Alignment,
    #[serde(default)]
    page_blocks: Vec<PageBlock>,
}

impl TryFrom<DocumentFields> for Document {
    type Error = String;

    fn try_from(f: DocumentFields) -> Result<Document, String> {
        let doc = Document {
            id: f.id,
            source: f.source,
            outlet: f.outlet,
            outlet_evidence: f.outlet_evidence,
            label: f.label,
            title: f.title,
            author: f.author,
            published: f.published,
            url: f.url,
            kind: f.kind,
            charset: f.charset,
            text: f.text,
            source_text: f.source_text,
            removed: f.removed,
            repairs: f.repairs,
            sentences: f.sentences,
            alignment: f.alignment,
            page_blocks: f.page_blocks,
            sentence_terms: OnceLock::new(),
        };
        doc.check()?;
        Ok(doc)
    }
}

impl Document {
    /// Where a span of the cleaned text came from in the source text.
    pub fn source_span(
        &self,
        span: Span<Cleaned>,
    ) -> Result<Span<SourceText>, crate::align::UnmappedSpan> {
        self.alignment.to_source(span)
    }

    /// The bytes of the page that a span of the cleaned text was read from: exact inside a
    /// verbatim block, else from the start of the block holding its first byte to the end of the
    /// block holding its last. `None` when the page's bytes are not mapped or the span does not
    /// fit the text.
    pub fn page_span(&self, span: Span<Cleaned>) -> Option<Span<PageBytes>> {
        let source = self.source_span(span).ok()?;
        let blocks = &self.page_blocks;
        let first = blocks.partition_point(|b| b.text.end() <= source.start());
        let after =
            blocks.partition_point(|b| b.text.start() < source.end().max(source.start() + 1));
        if first >= after {
            return None;
        }
        let (head, tail) = (blocks.get(first)?, blocks.get(after - 1)?);
        let start = head.page_of(source).start();
        let end = tail.page_of(source).end();
        Span::new(start, end.max(start))
    }

    /// Checks what every stage relies on, so that a document read from a file or a store cannot
    /// make a stage slice out of bounds: sentences in order, inside the text and on character
    /// boundaries; the alignment covering the text exactly; when the source text is kept, the
    /// alignment inside it and each removal's text found at its span; page blocks in order, inside
    /// the source text (so none without it), a verbatim one as long as its page bytes.
    pub fn check(&self) -> Result<(), String> {
        let id = &self.id;
        let mut last = 0;
        for s in &self.sentences {
            if s.start() < last || s.slice(&self.text).is_none() {
                return Err(format!(
                    "document {id}: sentence {}..{} is out of order or off the {}-byte text",
                    s.start(),
                    s.end(),
                    self.text.len()
                ));
            }
            last = s.end();
        }
        if self.alignment.len() != self.text.len() {
            return Err(format!(
                "document {id}: the alignment covers {} bytes of a {}-byte text",
                self.alignment.len(),
                self.text.len()
            ));
        }
        let mut last_end = 0;
        for b in &self.page_blocks {
            let fits = b.text.start() >= last_end
                && b.text.slice(&self.source_text).is_some()
                && (!b.verbatim || b.text.len() == b.page.len());
            if !fits {
                return Err(format!(
                    "document {id}: page block {}..{} is out of order, off the source text \
                     or a verbatim block of another length than its page bytes",
                    b.text.start(),
                    b.text.end()
                ));
            }
            last_end = b.text.end();
        }
        if !self.source_text.is_empty() {
            if self.alignment.source_len() > self.source_text.len() {
                return Err(format!(
                    "document {id}: the alignment reaches byte {} of a {}-byte source text",
                    self.alignment.source_len(),
                    self.source_text.len()
                ));
            }
            if let Some(r) = self.removed.iter().find(|r| {
                self.source_text.get(r.span.start()..r.span.end()) != Some(r.text.as_str())
            }) {
                return Err(format!(
                    "document {id}: removal {}..{} is not its text in the source text",
                    r.span.start(),
                    r.span.end()
                ));
            }
        }
        Ok(())
    }

    /// The publication date as a date ([`crate::date::parse`]), when it is one.
    pub fn published_date(&self) -> Option<crate::date::NaiveDate> {
        self.published.as_deref().and_then(crate::date::parse)
    }

    /// The term hashes of each sentence, in order, computed once.
    pub(crate) fn sentence_terms(&self) -> &[Vec<u64>] {
        self.sentence_terms.get_or_init(|| {
            self.sentences
                .iter()
                .map(|s| crate::terms::term_hashes(self.span_text(*s)))
                .collect()
        })
    }

    /// Sets the term hashes of each sentence ([`Document::sentence_terms`]) when another stage
    /// has computed them on its way, unless they are set already.
    pub(crate) fn fill_sentence_terms(&self, terms: Vec<Vec<u64>>) {
        debug_assert_eq!(terms.len(), self.sentences.len());
        // Already set: the terms are the same, so the copy at hand is dropped.
        let _ = self.sentence_terms.set(terms);
    }

    /// The text of a span of this document, or "" when the span does not fit.
    pub fn span_text(&self, span: Span) -> &str {
        span.slice(&self.text).unwrap_or("")
    }

    /// A display name for the outlet: its name when known, else the document's label (its
    /// title's first words), else its id.
    pub fn outlet_name(&self) -> &str {
        match (&self.outlet, self.label.is_empty()) {
            (Some(outlet), _) => outlet,
            (None, false) => &self.label,
            (None, true) => &self.id,
        }
    }
}

/// What kind of copy relation two documents have.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CopyKind {
    /// The same text.
    Duplicate,
    /// An edited copy of the same text.
    NearDuplicate,
    /// A run of text that both documents share inside different surroundings.
    SharedPassage,
}

/// A copy relation; `a` is the earlier (or fuller) copy, `b` the later one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Copy {
    /// The kind of relation.
    pub kind: CopyKind,
    /// The span in the earlier or fuller document.
    pub a: SourceSpan,
    /// The span in the other document.
    pub b: SourceSpan,
    /// Similarity in [0, 1]: shingle Jaccard for documents, share of the shorter text for passages.
    pub similarity: f64,
}

/// How a quote is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// A whole quoted sentence or clause.
    Direct,
    /// A quoted phrase inside the reporter's sentence, or reported words that hold one ("said
    /// the plan was “a disgrace”").
    Partial,
    /// Reported speech without quotation marks.
    Indirect,
    /// A view, a finding or a decision attributed without a verb of saying ("the audit found
    /// that …", "she believes that …").
    View,
    /// A position attributed by a verb of stance ("backs the levy", "called for a recount",
    /// "refused to resign"): the reporter's words for it, not the speaker's, so the comparison
    /// of accounts leaves it out.
    Stance,
}

/// Words attributed to a speaker, possibly through a channel.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// The document id.
    pub doc: String,
    /// Where, in the document's cleaned text (`start`, `end` in JSON).
    #[serde(flatten)]
    pub span: Span<Cleaned>,
    /// The quoted words (exactly the span's text).
    pub text: String,
    /// Direct, partial or indirect.
    pub kind: QuoteKind,
    /// The speaker, resolved to the fullest name the document gives.
    pub speaker: Option<String>,
    /// The speaker as the sentence attributing the words writes it ("he", "the harbour master",
    /// "Mr Brandt"), when that differs from `speaker`; a quotation that goes on from the quote
    /// before without naming anyone (“…,” the harbour master said. “…”) keeps that quote's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker_written: Option<String>,
    /// The reporting verb or phrase ("said", "according to").
    pub cue: Option<String>,
    /// The medium the words came through, under one name per story ("the Élysée readout"
    /// and "Paris's version" are both "Élysée").
    pub channel: Option<String>,
    /// The channel as the sentence writes it, when that differs from `channel`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel_written: Option<String>,
    /// The id of the attribution rule that chose the speaker ("frame-named-person"; see
    /// `attribute::rules`); empty for quotes from elsewhere.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub rule: String,
}

/// One proposition, as carried by one or more documents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Statement {
    /// Id, unique within the report.
    pub id: String,
    /// The wording of the first source.
    pub text: String,
    /// Every place that carries it.
    pub sources: Vec<SourceSpan>,
    /// The outlets that carry it.
    pub outlets: Vec<String>,
    /// Who is reported as saying it, when it is a quote.
    pub speaker: Option<String>,
    /// The channel it came through, when one is named.
    pub channel: Option<String>,
}

/// One side of a conflict.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConflictSide {
    /// Who states this side, as the report names it: the channel when one is named, else the
    /// speaker, else the outlet whose own account it is.
    pub channel: String,
    /// The person or body reported as stating it, when a quote carries it.
    #[serde(default)]
    pub speaker: Option<String>,
    /// The outlets that carry this side.
    pub outlets: Vec<String>,
    /// The value this side gives, as written ("four", "the ninth lap", "Smith"), when the
    /// conflict is about a value.
    #[serde(default)]
    pub value: Option<String>,
    /// Statement ids with this side's evidence.
    pub statements: Vec<String>,
    /// The exact places in the documents that state this side.
    #[serde(default)]
    pub evidence: Vec<SourceSpan>,
}

/// What two accounts disagree on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ConflictKind {
    /// The same quantity with different values.
    Figure,
    /// Different days, dates or times for the same thing.
    Date,
    /// Different places or directions for the same thing.
    Place,
    /// One person or role named differently.
    Identity,
    /// A claim against a denial or rebuttal.
    Denial,
    /// Opposed versions of the same matter by two speakers or channels.
    Version,
}

/// How the sides' values relate, for conflicts about a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ValueRelation {
    /// Both cannot hold ("three" against "four").
    Incompatible,
    /// Both could hold, read with their hedges ("at least 12" against "15"), but they differ.
    Different,
    /// The later publication gives a new value (an updated toll).
    Updated,
}

/// Statements about the same matter whose content differs between channels or outlets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Conflict {
    /// What kind of disagreement it is.
    #[serde(default = "default_conflict_kind")]
    pub kind: ConflictKind,
    /// What the accounts differ about, in the sources' words ("boats still at sea").
    pub about: String,
    /// How the values relate, when the sides give values.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relation: Option<ValueRelation>,
    /// The accounts, strongest conflicts first in a story's list.
    pub sides: Vec<ConflictSide>,
}

fn default_conflict_kind() -> ConflictKind {
    ConflictKind::Version
}

/// Statements only one outlet reports.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Exclusive {
    /// The document that alone carries them.
    pub doc: String,
    /// Statement ids.
    pub statements: Vec<String>,
}

/// What a fact is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FactKind {
    /// A date; `value` is `YYYY-MM-DD` when it could be resolved.
    Date,
    /// A sum of money; `value` is the amount as a plain number with its currency.
    Amount,
    /// A percentage; `value` is the number.
    Percent,
    /// A person; `value` is the fullest name.
    Person,
    /// An organisation.
    Organisation,
    /// A place; `value` is the country the gazetteer puts it in.
    Place,
}

/// One fact with its span in the document's cleaned text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fact {
    /// The document id.
    pub doc: String,
    /// Where, in the document's cleaned text (`start`, `end` in JSON).
    #[serde(flatten)]
    pub span: Span<Cleaned>,
    /// The text of the span.
    pub text: String,
    /// What it is.
    pub kind: FactKind,
    /// The resolved value, when there is one.
    pub value: Option<String>,
}

/// One summary sentence, quoted from its sources.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SummaryItem {
    /// The sentence, exactly as in the first source.
    pub text: String,
    /// The documents and spans that hold it.
    pub sources: Vec<SourceSpan>,
}

/// Why a document joined its story.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Assignment {
    /// The document.
    pub doc: String,
    /// The closest document already in the story, if any.
    pub nearest: Option<String>,
    /// Mean cosine similarity to the story's documents when it joined (1 for a copy of one).
    pub similarity: f64,
    /// The terms it shares most with the story.
    pub shared_terms: Vec<String>,
    /// Rare names it shares with the story's documents, as the document writes them, when
    /// they joined it to a story its words alone were not close enough to (a folder of a few
    /// pages telling different angles of one event).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub shared_names: Vec<String>,
}

/// A group of documents about one event, with its comparison.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Story {
    /// Id, stable as the story grows.
    pub id: String,
    /// A headline from its documents.
    pub title: Option<String>,
    /// The earliest publication date among its documents.
    pub date: Option<String>,
    /// Document ids, in arrival order.
    pub documents: Vec<String>,
    /// Why each document joined.
    pub assignments: Vec<Assignment>,
    /// Quotes found in its documents.
    pub quotes: Vec<Quote>,
    /// Dates, amounts, percentages and names found in its documents.
    pub facts: Vec<Fact>,
    /// Statements grouped across documents.
    pub statements: Vec<Statement>,
    /// Where accounts differ.
    pub conflicts: Vec<Conflict>,
    /// What only one outlet reports.
    pub exclusive: Vec<Exclusive>,
    /// The cited summary.
    pub summary: Vec<SummaryItem>,
    /// Set when the story's text is larger than its analysis reads: what was left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub analysis_limit: Option<AnalysisLimit>,
}

/// How much of a story its analysis read, when the story is larger than the cap
/// (`pipeline::STORY_ANALYSIS_BYTES`): the documents are read in story order, whole while they
/// fit; the one that crosses the cap is read up to its last whole sentence before it; the rest
/// are listed in the story but not analyzed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnalysisLimit {
    /// The cap, in bytes of cleaned text.
    pub cap: usize,
    /// Bytes of cleaned text the analysis read.
    pub analyzed_bytes: usize,
    /// Bytes of cleaned text in the story.
    pub total_bytes: usize,
    /// The document read only in part, and the byte of its text where reading stopped.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cut: Option<(String, usize)>,
    /// Documents not analyzed at all.
    pub left_out: Vec<String>,
}

/// An input that could not be used, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rejection {
    /// The input as the user named it.
    pub input: String,
    /// The reason, in words.
    pub reason: String,
}

/// The whole analysis of a batch of inputs.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Report {
    /// Every accepted document.
    pub documents: Vec<Document>,
    /// Copy relations between documents.
    pub copies: Vec<Copy>,
    /// The stories.
    pub stories: Vec<Story>,
    /// Inputs that were rejected.
    pub rejected: Vec<Rejection>,
}

impl Report {
    /// The document with this id.
    pub fn document(&self, id: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_repair_is_written_with_its_offset_and_read_back_with_its_span() {
        let repair = Repair {
            from: "Ã©".into(),
            to: "é".into(),
            span: Span::new(7, 11).unwrap(),
        };
        let json = serde_json::to_value(&repair).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"from": "Ã©", "to": "é", "offset": 7})
        );
        let back: Repair = serde_json::from_value(json).unwrap();
        assert_eq!(back.span, Span::new(7, 11).unwrap());
    }

    #[test]
    fn report_items_keep_flat_offsets_in_json() {
        let source = SourceSpan::new("d1", Span::new(3, 9).unwrap());
        let json = serde_json::to_value(&source).unwrap();
        assert_eq!(json, serde_json::json!({"doc": "d1", "start": 3, "end": 9}));
        let back: SourceSpan = serde_json::from_value(json).unwrap();
        assert_eq!(back, source);
        let reversed = serde_json::json!({"doc": "d1", "start": 9, "end": 3});
        assert!(serde_json::from_value::<SourceSpan>(reversed).is_err());
    }
}
