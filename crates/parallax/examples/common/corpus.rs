//! Reading a corpus for the examples that build data tables: JSON lines files, one article a
//! line.

use std::io::{BufRead, BufReader};

/// Calls `each` with every record of the JSON lines files at `paths` that has a `text`, and
/// returns how many it read.
pub fn for_each_article(
    paths: &[String],
    mut each: impl FnMut(&serde_json::Value, &str),
) -> Result<u32, Box<dyn std::error::Error>> {
    let mut documents = 0u32;
    for path in paths {
        for line in BufReader::new(std::fs::File::open(path)?).lines() {
            let record: serde_json::Value = serde_json::from_str(&line?)?;
            let Some(text) = record["text"].as_str() else {
                continue;
            };
            each(&record, text);
            documents += 1;
        }
    }
    Ok(documents)
}
