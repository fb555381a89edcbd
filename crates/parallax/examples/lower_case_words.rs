//! Builds the table of words the news mostly writes in lower case
//! (`crates/parallax/data/lower-case-words.tsv`), which tells a capitalised common word
//! ("Principal", "Parent") from a name ("Brandt", "Holt") where capitals alone cannot.
//!
//! ```text
//! cargo run --release --example lower_case_words -- OUT.tsv CORPUS.jsonl...
//! ```
//!
//! Each corpus line is a JSON object with a `text`. A word is counted where case tells
//! something: inside a sentence, not at the start of a line, a sentence, a quotation or a
//! clause after a colon. A word is listed when it occurs there at least [`MIN_OCCURRENCES`]
//! times and in lower case at least as often as capitalised: `word<TAB>lower<TAB>capitalised`.

use std::collections::HashMap;
use std::io::Write;

#[path = "common/corpus.rs"]
mod corpus;

/// Fewest occurrences inside sentences for a word to be listed.
const MIN_OCCURRENCES: u32 = 2;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (out, corpora) = args
        .split_first()
        .ok_or("usage: lower_case_words OUT.tsv CORPUS.jsonl...")?;
    // Per word (lower-cased): occurrences in lower case, occurrences capitalised.
    let mut counts: HashMap<String, (u32, u32)> = HashMap::new();
    let documents = corpus::for_each_article(corpora, |_, text| count_words(text, &mut counts))?;
    let mut listed: Vec<(&String, &(u32, u32))> = counts
        .iter()
        .filter(|(_, &(lower, capital))| lower + capital >= MIN_OCCURRENCES && lower >= capital)
        .collect();
    listed.sort_unstable();
    let mut w = std::io::BufWriter::new(std::fs::File::create(out)?);
    writeln!(
        w,
        "# {documents} documents; word, times in lower case, times capitalised inside a sentence"
    )?;
    for (word, (lower, capital)) in &listed {
        writeln!(w, "{word}\t{lower}\t{capital}")?;
    }
    eprintln!("{documents} documents, {} words listed", listed.len());
    Ok(())
}

/// Counts each alphabetic word of `text` whose case is told inside a sentence.
fn count_words(text: &str, counts: &mut HashMap<String, (u32, u32)>) {
    for line in text.lines() {
        // The first word of a line, and any word after a sentence's end, a colon or an opening
        // quotation mark, is capitalised by position.
        let mut opens = true;
        let mut word = String::new();
        let mut flush = |word: &mut String, opens: &mut bool| {
            if word.is_empty() {
                return;
            }
            let all_alphabetic = word.chars().all(char::is_alphabetic);
            if all_alphabetic && word.chars().count() >= 2 && !*opens {
                let first_upper = word.starts_with(char::is_uppercase);
                let rest_lower = word.chars().skip(1).all(char::is_lowercase);
                let entry = counts.entry(word.to_lowercase()).or_insert((0, 0));
                if word.chars().all(char::is_lowercase) {
                    entry.0 += 1;
                } else if first_upper && rest_lower {
                    entry.1 += 1;
                }
            }
            *opens = false;
            word.clear();
        };
        for c in line.chars() {
            if c.is_alphabetic() {
                word.push(c);
            } else {
                flush(&mut word, &mut opens);
                if matches!(c, '.' | '!' | '?' | ':' | '"' | '“' | '‘' | '(' | '—' | '–') {
                    opens = true;
                }
            }
        }
        flush(&mut word, &mut opens);
    }
}
