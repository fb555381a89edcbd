//! Any text as scraped page text and as extracted article text: the cleaner never panics, and
//! every removal it reports lies inside the input and holds the input's text there.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parallax::clean::clean_text;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for scraped in [true, false] {
        let cleaned = clean_text(&text, None, scraped);
        for r in &cleaned.removed {
            assert_eq!(text.get(r.span.start()..r.span.end()), Some(r.text.as_str()));
        }
    }
});
