//! Byte spans: the one coordinate every stage uses to point into a text.
//!
//! A [`Span`] is a half-open byte range that cannot end before it starts, checked on creation and
//! on deserialization. It sits below every stage, so the shared text machinery (segmentation,
//! terms, alignment) can use it without the report's types.

use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into one text; `start <= end` is enforced on creation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "RawSpan")]
pub struct Span {
    start: usize,
    end: usize,
}

#[derive(Deserialize)]
struct RawSpan {
    start: usize,
    end: usize,
}

impl TryFrom<RawSpan> for Span {
    type Error = String;
    fn try_from(raw: RawSpan) -> Result<Self, Self::Error> {
        Span::new(raw.start, raw.end)
            .ok_or_else(|| format!("span {}..{} ends before it starts", raw.start, raw.end))
    }
}

impl Span {
    /// A span from `start` to `end`, or `None` when `end < start`.
    pub fn new(start: usize, end: usize) -> Option<Span> {
        (start <= end).then_some(Span { start, end })
    }

    /// A span from `start` to `end`, empty at `end` when `start` lies after it.
    pub fn clamped(start: usize, end: usize) -> Span {
        Span {
            start: start.min(end),
            end,
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
    pub fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Number of bytes the two spans share.
    pub fn overlap(&self, other: &Span) -> usize {
        self.end
            .min(other.end)
            .saturating_sub(self.start.max(other.start))
    }
}
