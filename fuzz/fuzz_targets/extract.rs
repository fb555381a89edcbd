//! Any text as an HTML page: tokenizing, tree building, article selection and metadata never
//! panic, and the article text is made of the page's own characters.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parallax::extract::extract_html;

fuzz_target!(|data: &[u8]| {
    let html = String::from_utf8_lossy(data);
    if let Ok(article) = extract_html(&html) {
        assert!(!article.text.trim().is_empty());
    }
});
