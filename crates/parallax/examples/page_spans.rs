//! Measures provenance to page bytes on real pages: for every sentence of every page, whether
//! [`Document::page_span`] maps it to bytes of the page, whether those bytes show its words
//! (tags dropped, entities decoded, whitespace ignored), and how many map byte for byte.
//!
//! `cargo run --release --example page_spans -- PAGE.html[.gz] ...`

use std::io::Read;

use parallax::ingest::{page_from_bytes, PageKind};
use parallax::model::Document;

/// The characters a reader sees in an HTML fragment, whitespace left out.
fn shown(fragment: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in fragment.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    html_escape::decode_html_entities(&text)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

#[derive(Default)]
struct Tally {
    pages: usize,
    mapped_pages: usize,
    sentences: usize,
    mapped: usize,
    shown: usize,
    exact: usize,
}

fn measure(doc: &Document, bytes: &[u8], tally: &mut Tally) {
    tally.pages += 1;
    tally.mapped_pages += usize::from(!doc.page_blocks.is_empty());
    let encoding = encoding_rs::Encoding::for_label(doc.charset.as_bytes());
    for &sentence in &doc.sentences {
        tally.sentences += 1;
        let (Some(page), Some(encoding)) = (doc.page_span(sentence), encoding) else {
            continue;
        };
        let Some(part) = bytes.get(page.start()..page.end()) else {
            continue;
        };
        tally.mapped += 1;
        let held = encoding.decode_without_bom_handling(part).0;
        let words: String = doc
            .span_text(sentence)
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        tally.shown += usize::from(shown(&held).contains(&words));
        tally.exact += usize::from(held == doc.span_text(sentence));
    }
}

fn main() -> std::io::Result<()> {
    let mut tally = Tally::default();
    for path in std::env::args().skip(1) {
        let raw = std::fs::read(&path)?;
        let mut bytes = Vec::new();
        if path.ends_with(".gz") {
            flate2::read::MultiGzDecoder::new(&raw[..]).read_to_end(&mut bytes)?;
        } else {
            bytes = raw;
        }
        let page = match page_from_bytes(&path, &path, Some(PageKind::Html), bytes.clone()) {
            Ok(page) => page,
            Err(e) => {
                eprintln!("{path}: {e}");
                continue;
            }
        };
        match parallax::pipeline::prepare(&page) {
            Ok(doc) => measure(&doc, &bytes, &mut tally),
            Err(e) => eprintln!("{}: {}", e.input, e.reason),
        }
    }
    let share = |n: usize| n as f64 / tally.sentences.max(1) as f64;
    println!(
        "pages {} (with page blocks {}), sentences {}: mapped {:.4}, page bytes show the words {:.4}, byte for byte {:.4}",
        tally.pages,
        tally.mapped_pages,
        tally.sentences,
        share(tally.mapped),
        share(tally.shown),
        share(tally.exact)
    );
    Ok(())
}
