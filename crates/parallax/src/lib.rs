//! Parallax turns a pile of news coverage into stories, and each story into an
//! account-by-account comparison.
//!
//! The pipeline runs one way, one module per stage, each a pure function from the previous
//! stage's types to its own; I/O happens only in [`ingest`] and in the caller:
//!
//! [`ingest`] → [`decode`] → [`extract`] → [`clean`] → [`segment`] → [`dedup`] → [`cluster`] →
//! [`attribute`] → [`compare`] → [`summarize`] → [`render`]
//!
//! [`pipeline::analyze`] runs them all. Every report item points at byte spans of a document's
//! cleaned text ([`model::Span`]), and [`align::Alignment`] maps the cleaned text back to the
//! input, so nothing in a report is unaccounted for.
//!
//! ```
//! let page = parallax::ingest::RawPage {
//!     source: "note.txt".into(),
//!     id: "note".into(),
//!     kind: parallax::ingest::PageKind::Text,
//!     content: parallax::ingest::Content::Text(
//!         "The council approved the budget on Tuesday, the mayor said in a statement to reporters.".into(),
//!     ),
//!     url: None, title: None, outlet: None, date: None, listed: None,
//! };
//! let report = parallax::pipeline::analyze_pages(vec![page], &parallax::pipeline::Options::default());
//! assert_eq!(report.documents.len(), 1);
//! assert_eq!(report.stories.len(), 1);
//! ```

#![warn(missing_docs)]

pub mod align;
pub mod attribute;
pub(crate) mod background;
pub mod clean;
pub mod cluster;
pub mod compare;
pub mod date;
pub mod decode;
pub mod dedup;
pub mod eval;
pub mod extract;
pub mod guard;
pub mod ingest;
pub mod lexicon;
pub(crate) mod lower_case;
pub mod model;
pub(crate) mod numerals;
pub mod outlets;
pub mod pipeline;
pub mod porter;
pub mod posts;
pub mod render;
pub mod segment;
pub mod span;
pub mod stream;
pub mod summarize;
pub mod terms;
