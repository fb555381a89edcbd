//! Provenance to the page's bytes: every sentence of a prepared page maps back, through the
//! cleaned text, the source text and the page blocks, to bytes of the page that hold its words.
//! Property tests over generated HTML and text pages (UTF-8 with and without a byte-order mark,
//! and windows-1252), plus exact cases written out.

use parallax::ingest::{page_from_bytes, PageKind, RawPage};
use parallax::model::{Document, Span};
use parallax::pipeline::prepare;
use proptest::prelude::*;

/// A page of `bytes` of the given kind.
fn page(kind: PageKind, bytes: Vec<u8>) -> RawPage {
    page_from_bytes("page", "page", Some(kind), bytes).unwrap()
}

/// The sentence of `doc` that opens with `words`.
fn sentence_opening(doc: &Document, words: &str) -> Span {
    let at = doc.text.find(words).unwrap();
    doc.sentences
        .iter()
        .find(|s| s.start() == at)
        .copied()
        .unwrap()
}

/// An opening paragraph long enough for the extractor to take the page as an article.
const OPENING: &str = "<p>The harbour council met on Tuesday evening to hear the engineers, \
                       who asked for more time to finish the survey of the old pier.</p>";

/// The text without its whitespace (no-break spaces included): markup may add or drop spaces
/// between words, never change the words.
fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The characters a reader sees in an HTML fragment: tags dropped, entities decoded, whitespace
/// dropped.
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
    squeeze(&html_escape::decode_html_entities(&text))
}

/// The page bytes of `span` decoded as the page was.
fn page_text(doc: &Document, bytes: &[u8], span: Span<parallax::model::PageBytes>) -> String {
    let part = &bytes[span.start()..span.end()];
    let encoding = encoding_rs::Encoding::for_label(doc.charset.as_bytes()).unwrap();
    encoding.decode_without_bom_handling(part).0.into_owned()
}

/// Checks that every sentence's page bytes show its words, and that a verbatim block's bytes
/// are its text.
fn check_provenance(doc: &Document, bytes: &[u8], html: bool) {
    assert!(
        !doc.page_blocks.is_empty(),
        "no page blocks for {}",
        doc.charset
    );
    for block in doc.page_blocks.iter().filter(|b| b.verbatim) {
        let text = block.text.slice(&doc.source_text).unwrap();
        assert_eq!(page_text(doc, bytes, block.page), text);
    }
    for &sentence in &doc.sentences {
        let page = doc
            .page_span(sentence)
            .expect("a sentence maps to page bytes");
        assert!(page.end() <= bytes.len());
        let held = page_text(doc, bytes, page);
        let seen = if html { shown(&held) } else { squeeze(&held) };
        let words = squeeze(doc.span_text(sentence));
        assert!(
            seen.contains(&words),
            "sentence {words:?} is not in its page bytes {held:?}"
        );
    }
}

/// Words of my own, some outside ASCII but inside windows-1252.
const WORDS: &[&str] = &[
    "harbour",
    "council",
    "ferry",
    "voted",
    "Tuesday",
    "café",
    "Zürich",
    "naïve",
    "the",
    "pier",
    "reopened",
    "after",
    "repairs",
    "residents",
    "said",
    "€40",
    "of",
    "tickets",
    "rose",
    "crew",
];

/// One piece of a paragraph: a word, a word in inline markup, an entity or spacing.
fn piece() -> impl Strategy<Value = String> {
    let word = proptest::sample::select(WORDS).prop_map(str::to_string);
    prop_oneof![
        4 => word.clone().prop_map(|w| format!("{w} ")),
        1 => word.clone().prop_map(|w| format!("<b>{w}</b> ")),
        1 => word.prop_map(|w| format!("<a href=\"/n\">{w}</a> ")),
        1 => proptest::sample::select(vec!["&amp; ", "&nbsp;", "&#8217;s ", "&quot;"])
            .prop_map(str::to_string),
        1 => proptest::sample::select(vec!["\n  ", "\t", "   "]).prop_map(str::to_string),
    ]
}

/// A paragraph ending a sentence: twelve to thirty pieces, or plain words that the page holds
/// byte for byte.
fn paragraph() -> impl Strategy<Value = String> {
    let marked = proptest::collection::vec(piece(), 12..30)
        .prop_map(|p| format!("<p>{}today.</p>\n", p.concat()));
    let plain = proptest::collection::vec(proptest::sample::select(WORDS), 10..25)
        .prop_map(|w| format!("<p>{} today.</p>\n", w.join(" ")));
    prop_oneof![marked, plain]
}

/// How a generated page is written to bytes.
#[derive(Debug, Clone, Copy)]
enum Encoding {
    Utf8,
    Utf8Bom,
    Windows1252,
}

fn encoding() -> impl Strategy<Value = Encoding> {
    prop_oneof![
        Just(Encoding::Utf8),
        Just(Encoding::Utf8Bom),
        Just(Encoding::Windows1252)
    ]
}

/// The page's text in bytes of `encoding`.
fn encode(text: &str, encoding: Encoding) -> Vec<u8> {
    match encoding {
        Encoding::Utf8 => text.as_bytes().to_vec(),
        Encoding::Utf8Bom => [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(),
        Encoding::Windows1252 => {
            let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(text);
            assert!(!unmappable);
            bytes.into_owned()
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(120))]

    #[test]
    fn html_sentences_map_to_page_bytes_holding_them(
        paragraphs in proptest::collection::vec(paragraph(), 3..8),
        encoding in encoding(),
    ) {
        let charset = match encoding {
            Encoding::Windows1252 => "windows-1252",
            _ => "utf-8",
        };
        let html = format!(
            "<!doctype html><html><head><meta charset=\"{charset}\"><title>Pier news</title></head>\
             <body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav><article>\n{}\
             </article><footer>Copyright the site</footer></body></html>",
            paragraphs.concat()
        );
        let bytes = encode(&html, encoding);
        let Ok(doc) = prepare(&page(PageKind::Html, bytes.clone())) else {
            return Err(TestCaseError::reject("no article in the page"));
        };
        check_provenance(&doc, &bytes, true);
    }

    #[test]
    fn text_sentences_map_to_page_bytes_holding_them(
        lines in proptest::collection::vec(
            proptest::collection::vec(proptest::sample::select(WORDS), 8..20),
            3..8,
        ),
        encoding in encoding(),
    ) {
        let text: String = lines
            .iter()
            .map(|words| format!("{} today.\n\n", words.join(" ")))
            .collect();
        let bytes = encode(&text, encoding);
        let Ok(doc) = prepare(&page(PageKind::Text, bytes.clone())) else {
            return Err(TestCaseError::reject("no text left"));
        };
        check_provenance(&doc, &bytes, false);
    }
}

#[test]
fn a_sentence_with_markup_maps_to_the_bytes_of_its_paragraph() {
    let marked = "<p>The ferry <b>left</b> at noon &amp; docked late, and the crew said the \
                  repairs would take the rest of the month to finish properly.</p>";
    let html = format!("<html><body><article>{OPENING}{marked}</article></body></html>");
    let doc = prepare(&page(PageKind::Html, html.clone().into_bytes())).unwrap();
    let page = doc.page_span(sentence_opening(&doc, "The ferry")).unwrap();
    let start = html.find("The ferry").unwrap();
    let end = html.find("properly.").unwrap() + "properly.".len();
    assert_eq!((page.start(), page.end()), (start, end));
}

#[test]
fn a_quote_inside_a_plain_paragraph_maps_to_its_exact_bytes() {
    let html = format!(
        "<html><body><article>{OPENING}<p>\"We will not rush the survey,\" the chief engineer \
         said after the meeting ended late in the evening.</p></article></body></html>"
    );
    let doc = prepare(&page(PageKind::Html, html.as_bytes().to_vec())).unwrap();
    let words = "We will not rush the survey";
    let at = doc.text.find(words).unwrap();
    let span = Span::new(at, at + words.len()).unwrap();
    let page = doc.page_span(span).unwrap();
    assert_eq!(&html[page.start()..page.end()], words);
}

#[test]
fn a_windows_1252_text_page_maps_lines_to_their_bytes() {
    let text = "The café on the pier reopened after repairs, residents said on Tuesday.\n\n\
                Tickets for the ferry rose to €40 after the council voted for the new fares.\n";
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(text);
    let doc = prepare(&page(PageKind::Text, bytes.to_vec())).unwrap();
    assert_eq!(doc.charset, "windows-1252");
    let page = doc.page_span(sentence_opening(&doc, "Tickets")).unwrap();
    // Each of the line's characters is one byte, so the line starts at its character count.
    let line_start = text[..text.find("Tickets").unwrap()].chars().count();
    assert_eq!(page.start(), line_start);
    let held =
        encoding_rs::WINDOWS_1252.decode_without_bom_handling(&bytes[page.start()..page.end()]);
    assert!(held.0.starts_with("Tickets for the ferry rose to €40"));
}

#[test]
fn page_blocks_survive_a_json_round_trip_and_tampering_is_refused() {
    let html = format!("<html><body><article>{OPENING}</article></body></html>");
    let doc = prepare(&page(PageKind::Html, html.as_bytes().to_vec())).unwrap();
    let mut json = serde_json::to_value(&doc).unwrap();
    let back: Document = serde_json::from_value(json.clone()).unwrap();
    assert_eq!(back.page_blocks, doc.page_blocks);
    json["page_blocks"][0]["text"]["end"] = serde_json::json!(doc.source_text.len() + 5);
    assert!(serde_json::from_value::<Document>(json).is_err());
}

#[test]
fn a_bom_before_broken_utf8_maps_no_page_bytes() {
    // A byte-order mark, then a Latin-1 "é" that is no UTF-8: decoding replaces it, so offsets
    // after it no longer match the page's bytes.
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(
        b"The caf\xE9 on the pier reopened after repairs, residents said on Tuesday.\n",
    );
    let doc = prepare(&page(PageKind::Text, bytes)).unwrap();
    assert!(doc.page_blocks.is_empty());
    assert!(doc.sentences.iter().all(|&s| doc.page_span(s).is_none()));
}

#[test]
fn page_blocks_without_a_source_text_are_refused() {
    let html = format!("<html><body><article>{OPENING}</article></body></html>");
    let doc = prepare(&page(PageKind::Html, html.into_bytes())).unwrap();
    let mut json = serde_json::to_value(&doc).unwrap();
    json["source_text"] = serde_json::json!("");
    assert!(serde_json::from_value::<Document>(json).is_err());
}
