//! Alignment between a derived text and the text it came from.
//!
//! Decoding repairs and cleaning removals change a text; an [`Alignment`] records, piece by
//! piece, which bytes of the derived text came from which bytes of the source, so any span of
//! the cleaned text maps back to the input. Texts are built with [`AlignedBuilder`], which is the
//! only way to add text, so no edit can forget to update the alignment.

use serde::{Deserialize, Serialize};

use crate::span::{Coordinates, Span};

/// One piece of a derived text and the source bytes it stands for.
///
/// A copy maps byte for byte; a replacement (a repair, an inserted separator) maps as a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Piece {
    /// Start in the derived text.
    pub out: usize,
    /// Length in the derived text.
    pub out_len: usize,
    /// Start in the source text.
    pub src: usize,
    /// Length in the source text.
    pub src_len: usize,
    /// The piece is a verbatim copy of its source bytes.
    pub copy: bool,
}

/// A piecewise map from a derived text back to its source; pieces cover the derived text in order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "AlignmentFields")]
pub struct Alignment {
    pieces: Vec<Piece>,
}

/// An alignment as read from JSON, before [`Alignment::try_from`] checks its pieces.
#[derive(Deserialize)]
struct AlignmentFields {
    pieces: Vec<Piece>,
}

impl TryFrom<AlignmentFields> for Alignment {
    type Error = String;

    /// Accepts pieces that cover the derived text from 0 without gap or overlap, point into
    /// the source in order, and copy as many bytes as they stand for.
    fn try_from(fields: AlignmentFields) -> Result<Alignment, String> {
        let (mut out, mut src) = (0usize, 0usize);
        for (i, p) in fields.pieces.iter().enumerate() {
            let ends = p
                .out
                .checked_add(p.out_len)
                .zip(p.src.checked_add(p.src_len));
            let Some((out_end, src_end)) = ends else {
                return Err(format!("alignment piece {i} overflows"));
            };
            if p.out != out || p.src < src || (p.copy && p.out_len != p.src_len) {
                return Err(format!(
                    "alignment piece {i} (derived {}+{}, source {}+{}) does not follow the one before",
                    p.out, p.out_len, p.src, p.src_len
                ));
            }
            (out, src) = (out_end, src_end);
        }
        Ok(Alignment {
            pieces: fields.pieces,
        })
    }
}

/// A span that cannot be mapped because it lies outside the aligned text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("span {start}..{end} is outside the aligned text ({len} bytes)")]
pub struct UnmappedSpan {
    /// Start of the span.
    pub start: usize,
    /// End of the span.
    pub end: usize,
    /// Length of the aligned text.
    pub len: usize,
}

impl Alignment {
    /// The identity alignment of a text of `len` bytes.
    pub fn identity(len: usize) -> Alignment {
        let pieces = if len == 0 {
            Vec::new()
        } else {
            vec![Piece {
                out: 0,
                out_len: len,
                src: 0,
                src_len: len,
                copy: true,
            }]
        };
        Alignment { pieces }
    }

    /// The pieces, in derived-text order.
    pub fn pieces(&self) -> &[Piece] {
        &self.pieces
    }

    /// Length of the derived text.
    pub fn len(&self) -> usize {
        self.pieces.last().map_or(0, |p| p.out + p.out_len)
    }

    /// Length of the source text the pieces reach into (one past the last source byte mapped).
    pub(crate) fn source_len(&self) -> usize {
        self.pieces.last().map_or(0, |p| p.src + p.src_len)
    }

    /// The alignment of the derived text's first `end` bytes: a copy piece crossing `end` is
    /// cut with its source, a replacement crossing it keeps its whole source (it maps as a whole).
    pub fn prefix(&self, end: usize) -> Alignment {
        let pieces = self
            .pieces
            .iter()
            .take_while(|p| p.out < end)
            .map(|&p| {
                let out_len = p.out_len.min(end - p.out);
                let src_len = if p.copy { out_len } else { p.src_len };
                Piece {
                    out_len,
                    src_len,
                    ..p
                }
            })
            .collect();
        Alignment { pieces }
    }

    /// True when the derived text is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Maps a span of the derived text to the span of the source it came from.
    pub(crate) fn to_source<D: Coordinates, S: Coordinates>(
        &self,
        span: Span<D>,
    ) -> Result<Span<S>, UnmappedSpan> {
        let err = UnmappedSpan {
            start: span.start(),
            end: span.end(),
            len: self.len(),
        };
        if span.end() > self.len() {
            return Err(err);
        }
        if self.pieces.is_empty() {
            return Span::new(span.start(), span.end()).ok_or(err);
        }
        let start = self.map_point(span.start(), false);
        let end = if span.is_empty() {
            start
        } else {
            self.map_point(span.end(), true)
        };
        Span::new(start, end.max(start)).ok_or(err)
    }

    /// Maps one offset; `is_end` picks the end of a replacement piece rather than its start.
    fn map_point(&self, at: usize, is_end: bool) -> usize {
        let idx = if is_end {
            self.pieces.partition_point(|p| p.out + p.out_len < at)
        } else {
            self.pieces.partition_point(|p| p.out + p.out_len <= at)
        };
        let piece = match self.pieces.get(idx) {
            Some(p) => p,
            None => return self.pieces.last().map_or(0, |p| p.src + p.src_len),
        };
        let within = at.saturating_sub(piece.out);
        if piece.copy {
            piece.src + within
        } else if is_end && within > 0 {
            piece.src + piece.src_len
        } else {
            piece.src
        }
    }

    /// The alignment of this derived text to the source of `inner` (this text's source is
    /// `inner`'s derived text).
    pub(crate) fn compose(&self, inner: &Alignment) -> Alignment {
        let mut pieces = Vec::with_capacity(self.pieces.len());
        for p in &self.pieces {
            if p.copy {
                // A copy piece: split it along inner's pieces so byte-for-byte mapping survives.
                let mut offset = 0;
                while offset < p.out_len {
                    let mid = p.src + offset;
                    let idx = inner.pieces.partition_point(|q| q.out + q.out_len <= mid);
                    let Some(q) = inner.pieces.get(idx) else {
                        break;
                    };
                    let take = (q.out + q.out_len - mid).min(p.out_len - offset);
                    if q.copy {
                        let src = q.src + (mid - q.out);
                        pieces.push(Piece {
                            out: p.out + offset,
                            out_len: take,
                            src,
                            src_len: take,
                            copy: true,
                        });
                    } else {
                        pieces.push(Piece {
                            out: p.out + offset,
                            out_len: take,
                            src: q.src,
                            src_len: q.src_len,
                            copy: false,
                        });
                    }
                    offset += take;
                }
            } else {
                let span =
                    Span::new(p.src, p.src + p.src_len).expect("piece lengths are non-negative");
                let src: Span = inner.to_source(span).unwrap_or(span);
                pieces.push(Piece {
                    out: p.out,
                    out_len: p.out_len,
                    src: src.start(),
                    src_len: src.len(),
                    copy: false,
                });
            }
        }
        Alignment { pieces }
    }
}

/// Builds a derived text from pieces of a source text, recording the alignment as it goes.
#[derive(Debug, Default)]
pub struct AlignedBuilder {
    text: String,
    pieces: Vec<Piece>,
}

impl AlignedBuilder {
    /// An empty builder.
    pub fn new() -> AlignedBuilder {
        AlignedBuilder::default()
    }

    /// The text built so far.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Appends `source[range]` unchanged.
    pub fn copy(&mut self, source: &str, start: usize, end: usize) {
        if start >= end {
            return;
        }
        let out = self.text.len();
        self.text.push_str(&source[start..end]);
        match self.pieces.last_mut() {
            Some(last)
                if last.copy
                    && last.src + last.src_len == start
                    && last.out + last.out_len == out =>
            {
                last.out_len += end - start;
                last.src_len += end - start;
            }
            _ => self.pieces.push(Piece {
                out,
                out_len: end - start,
                src: start,
                src_len: end - start,
                copy: true,
            }),
        }
    }

    /// Appends `replacement` in place of the source bytes `start..end`.
    pub fn replace(&mut self, start: usize, end: usize, replacement: &str) {
        let out = self.text.len();
        self.text.push_str(replacement);
        self.pieces.push(Piece {
            out,
            out_len: replacement.len(),
            src: start,
            src_len: end - start,
            copy: false,
        });
    }

    /// Appends text that stands for no source bytes (a separator), anchored at source offset `at`.
    pub fn insert(&mut self, at: usize, text: &str) {
        self.replace(at, at, text);
    }

    /// The derived text and its alignment.
    pub fn finish(self) -> (String, Alignment) {
        (
            self.text,
            Alignment {
                pieces: self.pieces,
            },
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A tiny deterministic generator, enough for round-trip checks without a dependency.
    fn next(seed: &mut u64) -> u64 {
        *seed ^= *seed << 13;
        *seed ^= *seed >> 7;
        *seed ^= *seed << 17;
        *seed
    }

    #[test]
    fn copied_spans_map_back_to_equal_text() {
        let source = "Alpha beta. Gamma delta épsilon. Zeta eta theta.";
        let mut seed = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..500 {
            let mut b = AlignedBuilder::new();
            let mut at = 0;
            while at < source.len() {
                let mut step = 1 + (next(&mut seed) % 9) as usize;
                while !source.is_char_boundary((at + step).min(source.len())) {
                    step += 1;
                }
                let end = (at + step).min(source.len());
                match next(&mut seed) % 3 {
                    0 => b.copy(source, at, end),
                    1 => b.replace(at, end, "“"),
                    _ => {}
                }
                at = end;
            }
            let (text, align) = b.finish();
            for p in align.pieces().iter().filter(|p| p.copy) {
                let span: Span = Span::new(p.out, p.out + p.out_len).unwrap();
                let src: Span = align.to_source(span).unwrap();
                assert_eq!(span.slice(&text), src.slice(source));
            }
        }
    }

    #[test]
    fn composed_alignment_reaches_the_first_source() {
        let source = "aaa â€œquoteâ€ bbb";
        let mut repair = AlignedBuilder::new();
        let open = source.find("â€œ").unwrap();
        let close = source.rfind("â€").unwrap();
        repair.copy(source, 0, open);
        repair.replace(open, open + "â€œ".len(), "“");
        repair.copy(source, open + "â€œ".len(), close);
        repair.replace(close, close + "â€".len(), "”");
        repair.copy(source, close + "â€".len(), source.len());
        let (repaired, inner) = repair.finish();
        assert_eq!(repaired, "aaa “quote” bbb");
        let mut clean = AlignedBuilder::new();
        clean.copy(&repaired, 4, repaired.len());
        let (cleaned, outer) = clean.finish();
        let all = outer.compose(&inner);
        let quote = cleaned.find("quote").unwrap();
        let span: Span = Span::new(quote, quote + 5).unwrap();
        let mapped: Span = all.to_source(span).unwrap();
        assert_eq!(mapped.slice(source), Some("quote"));
        let whole: Span = Span::new(0, cleaned.len()).unwrap();
        let mapped: Span = all.to_source(whole).unwrap();
        assert_eq!(mapped.slice(source), Some("â€œquoteâ€ bbb"));
    }

    #[test]
    fn out_of_range_span_is_an_error() {
        let align = Alignment::identity(3);
        let mapped: Result<Span, _> =
            align.to_source(Span::<crate::span::Cleaned>::new(2, 9).unwrap());
        assert!(mapped.is_err());
    }
}
