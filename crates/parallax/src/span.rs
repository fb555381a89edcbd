//! Byte spans: the coordinate every stage uses to point into a text, typed by the text it points
//! into.
//!
//! A [`Span`] is a half-open byte range that cannot end before it starts, checked on creation and
//! on deserialization. Its type parameter names the coordinate space, so a report item's span of
//! a document's cleaned text cannot be used where a span of its source text or of the page's
//! bytes is meant:
//! - [`Cleaned`]: the document's cleaned `text`, which every report item points into (the
//!   default, and the space of the shared text machinery: segmentation, terms);
//! - [`SourceText`]: the text cleaning started from (the decoded input, or the text extracted
//!   from an HTML page); removals and repairs point into it;
//! - [`PageBytes`]: the bytes of the page as Parallax received it, before decoding and
//!   extraction (a file's or a WARC record's bytes; for a JSONL record or a fetched page, the
//!   text it was given, as UTF-8).
//!
//! Inside the stages, the texts between these (the repaired text cleaning reads) reuse the
//! markers, and [`crate::align::Alignment::to_source`] converts between any two spaces the caller
//! names; [`crate::model::Document::source_span`] and [`crate::model::Document::page_span`] are the
//! conversions whose types are fixed.
//!
//! It sits below every stage, so the shared text machinery can use it without the report's types.

use std::marker::PhantomData;

use serde::{Deserialize, Serialize};

/// A text a [`Span`] can point into.
pub trait Coordinates: Copy + Eq + Ord + std::hash::Hash + std::fmt::Debug + Default {}

/// Byte offsets into a document's cleaned text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Cleaned;

/// Byte offsets into a document's source text (before cleaning; for HTML, the extracted text).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct SourceText;

/// Byte offsets into the page's bytes as received (the HTML or text file, before decoding).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct PageBytes;

impl Coordinates for Cleaned {}
impl Coordinates for SourceText {}
impl Coordinates for PageBytes {}

/// A half-open byte range `[start, end)` into one text of the space `C`; `start <= end` is
/// enforced on creation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "RawSpan", bound = "")]
pub struct Span<C: Coordinates = Cleaned> {
    start: usize,
    end: usize,
    #[serde(skip)]
    space: PhantomData<C>,
}

#[derive(Deserialize)]
struct RawSpan {
    start: usize,
    end: usize,
}

impl<C: Coordinates> TryFrom<RawSpan> for Span<C> {
    type Error = String;
    fn try_from(raw: RawSpan) -> Result<Self, Self::Error> {
        Span::new(raw.start, raw.end)
            .ok_or_else(|| format!("span {}..{} ends before it starts", raw.start, raw.end))
    }
}

impl<C: Coordinates> Span<C> {
    /// A span from `start` to `end`, or `None` when `end < start`.
    pub fn new(start: usize, end: usize) -> Option<Span<C>> {
        (start <= end).then_some(Span {
            start,
            end,
            space: PhantomData,
        })
    }

    /// A span from `start` to `end`, empty at `end` when `start` lies after it.
    pub(crate) fn clamped(start: usize, end: usize) -> Span<C> {
        Span {
            start: start.min(end),
            end,
            space: PhantomData,
        }
    }

    /// The first byte of the span.
    pub fn start(&self) -> usize {
        self.start
    }

    /// One past the last byte of the span.
    pub fn end(&self) -> usize {
        self.end
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no byte.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The text this span covers in `text`, or `None` when it is out of bounds or splits a character.
    pub fn slice<'a>(&self, text: &'a str) -> Option<&'a str> {
        text.get(self.start..self.end)
    }

    /// True when `other` lies inside this span.
    pub fn contains(&self, other: &Span<C>) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Number of bytes the two spans share.
    pub fn overlap(&self, other: &Span<C>) -> usize {
        self.end
            .min(other.end)
            .saturating_sub(self.start.max(other.start))
    }
}
