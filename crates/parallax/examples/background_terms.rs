//! Builds the background document frequencies story clustering starts from
//! (`crates/parallax/data/background-df.tsv`): how many of a corpus's documents hold each term,
//! counted with the clusterer's own terms ([`parallax::cluster::term_counts`]).
//!
//! ```text
//! cargo run --release --example background_terms -- OUT.tsv CORPUS.jsonl...
//! ```
//!
//! Each corpus line is a JSON object with a `text` (and an optional `title`). The output's first
//! line is `documents<TAB>N`; then one line per term held by at least two documents:
//! `term<TAB>df`, by term (the clusterer hashes the terms as it reads them).

use std::collections::HashMap;
use std::io::Write;

#[path = "common/corpus.rs"]
mod corpus;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (out, corpora) = args
        .split_first()
        .ok_or("usage: background_terms OUT.tsv CORPUS.jsonl...")?;
    let mut df: HashMap<u64, (String, u32)> = HashMap::new();
    let documents = corpus::for_each_article(corpora, |record, text| {
        let counts = parallax::cluster::term_counts(record["title"].as_str(), text);
        for (hash, term, _) in counts.iter() {
            df.entry(hash).or_insert_with(|| (term.to_string(), 0)).1 += 1;
        }
    })?;
    let mut terms: Vec<(String, u32)> = df.into_values().filter(|(_, n)| *n >= 2).collect();
    terms.sort_unstable();
    let mut w = std::io::BufWriter::new(std::fs::File::create(out)?);
    writeln!(w, "documents\t{documents}")?;
    for (term, n) in &terms {
        writeln!(w, "{term}\t{n}")?;
    }
    eprintln!("{documents} documents, {} terms", terms.len());
    Ok(())
}
