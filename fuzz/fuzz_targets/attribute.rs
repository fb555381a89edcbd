//! Any text, prepared as a page: attribution never panics, and every quote and fact it reports
//! is a span of the document's text holding the text it claims.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parallax::ingest::RawPage;

fuzz_target!(|data: &[u8]| {
    let page = RawPage::text("p", &String::from_utf8_lossy(data));
    let Ok(doc) = parallax::pipeline::prepare(&page) else {
        return;
    };
    let (quotes, facts) = parallax::attribute::attribute_with_facts(&doc);
    for q in &quotes {
        assert_eq!(
            doc.text.get(q.span.start()..q.span.end()),
            Some(q.text.as_str()),
            "quote span"
        );
    }
    for f in &facts {
        assert_eq!(
            doc.text.get(f.span.start()..f.span.end()),
            Some(f.text.as_str()),
            "fact span"
        );
    }
});
