//! Given names and the pronoun they mostly go with: a prior for reading "he" and "she".
//!
//! The table is `data/given-names.tsv` (the US Census Bureau's 1990 first-name lists; its header
//! says how it was made). Attribution counts a person's given name as one vote for "he" or "she",
//! which the document's own titles and pronouns outweigh.

use std::collections::HashMap;
use std::sync::OnceLock;

/// The table, as shipped.
const TABLE: &str = include_str!("../../data/given-names.tsv");

/// The parsed table: given name (capitalised as in the file) to +1 ("he") or -1 ("she").
fn table() -> &'static HashMap<&'static str, i32> {
    static PARSED: OnceLock<HashMap<&'static str, i32>> = OnceLock::new();
    PARSED.get_or_init(|| {
        TABLE
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let (name, sex) = l.split_once('\t')?;
                let vote = match sex.trim() {
                    "M" => 1,
                    "F" => -1,
                    _ => return None,
                };
                Some((name, vote))
            })
            .collect()
    })
}

/// +1 when `given` is mostly a man's name, -1 when mostly a woman's, 0 when the table does not
/// say. Case-insensitive ("MARTA", "marta" and "Marta" are one name).
pub(crate) fn pronoun_vote(given: &str) -> i32 {
    let mut chars = given.chars();
    let Some(first) = chars.next() else {
        return 0;
    };
    let capitalised: String = first
        .to_uppercase()
        .chain(chars.flat_map(char::to_lowercase))
        .collect();
    table().get(capitalised.as_str()).copied().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_names_and_unknown_words() {
        assert_eq!(pronoun_vote("Robert"), 1);
        assert_eq!(pronoun_vote("MARGARET"), -1);
        assert_eq!(pronoun_vote("Quillonwick"), 0);
        assert_eq!(pronoun_vote(""), 0);
        assert!(table().len() > 4000);
        // A common surname as well is no evidence.
        assert_eq!(pronoun_vote("Lee"), 0);
    }
}
