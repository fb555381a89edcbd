//! Randomised round trip over the whole pipeline: generated messy pages (mixed scripts, curly
//! and straight quotes, mojibake, CR line breaks, boilerplate-like lines) must never panic, and
//! every span in the report must lie on character boundaries and hold the text it claims.

use parallax::ingest::{Content, PageKind, RawPage};
use parallax::pipeline::{analyze_pages, Options};

/// A small deterministic generator (xorshift), enough to vary the inputs without a dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

const PIECES: &[&str] = &[
    "Ms Varga",
    "said",
    "told",
    "according to",
    "the ministry readout",
    "RTK",
    "“",
    "”",
    "\"",
    "’s",
    "'s",
    ",",
    ".",
    "?",
    "!",
    ":",
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    "\r",
    "â€™",
    "â€œ",
    "â€",
    "†",
    "Ã©",
    "São Paulo",
    "Köln",
    "北京",
    "Москва",
    "😀",
    "U.S.",
    "15/6/2022",
    "$238 billion",
    "30 percent",
    "on Wednesday",
    "June 15",
    "he",
    "she",
    "President",
    "Halvorsen",
    "Read Also:",
    "Skip to content",
    "Leave a Reply",
    "officials",
    "the report added",
    "—",
    "(",
    ")",
    "Minister Orin Vasko",
    "declared",
    "“a road to ruin”",
    "Veleshev",
    "noted the",
    "legitimacy",
    "Ministry",
];

fn page(rng: &mut Rng, n: usize) -> String {
    let mut s = String::new();
    let words = 20 + (rng.next() % 200) as usize;
    for _ in 0..words {
        s.push_str(rng.pick(PIECES));
        if rng.next() % 3 == 0 {
            s.push(' ');
        }
    }
    s.push_str(&format!(" Document {n} ends here, the officials said."));
    s
}

fn check_span(text: &str, start: usize, end: usize, claimed: Option<&str>, what: &str) {
    assert!(
        start <= end && end <= text.len(),
        "{what}: span {start}..{end} outside {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(start) && text.is_char_boundary(end),
        "{what}: span {start}..{end} splits a character"
    );
    if let Some(c) = claimed {
        assert_eq!(&text[start..end], c, "{what}: span text differs");
    }
}

#[test]
fn every_span_of_random_pages_holds_its_text() {
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    for round in 0..200 {
        let pages: Vec<RawPage> = (0..1 + round % 4)
            .map(|n| RawPage {
                source: format!("r{round}-{n}"),
                id: format!("r{round}-{n}"),
                kind: PageKind::Text,
                content: Content::Text(page(&mut rng, n)),
                url: None,
                title: None,
                outlet: None,
                date: (n % 2 == 0).then(|| "2022-06-16".to_string()),
                listed: None,
            })
            .collect();
        let report = analyze_pages(pages, &Options::default());
        assert!(
            report
                .rejected
                .iter()
                .all(|r| !r.reason.contains("internal error")),
            "a stage panicked: {:?}",
            report.rejected
        );
        let doc = |id: &str| {
            report
                .documents
                .iter()
                .find(|d| d.id == id)
                .expect("document of a span")
        };
        for d in &report.documents {
            for s in &d.sentences {
                check_span(&d.text, s.start(), s.end(), None, "sentence");
            }
            for r in &d.removed {
                check_span(
                    &d.source_text,
                    r.span.start(),
                    r.span.end(),
                    Some(&r.text),
                    "removal",
                );
            }
            for p in d.alignment.pieces().iter().filter(|p| p.copy) {
                assert_eq!(
                    &d.text[p.out..p.out + p.out_len],
                    &d.source_text[p.src..p.src + p.src_len],
                    "alignment"
                );
            }
        }
        for c in &report.copies {
            check_span(
                &doc(&c.a.doc).text,
                c.a.span.start(),
                c.a.span.end(),
                None,
                "copy a",
            );
            check_span(
                &doc(&c.b.doc).text,
                c.b.span.start(),
                c.b.span.end(),
                None,
                "copy b",
            );
        }
        for story in &report.stories {
            for q in &story.quotes {
                check_span(
                    &doc(&q.doc).text,
                    q.span.start(),
                    q.span.end(),
                    Some(&q.text),
                    "quote",
                );
            }
            for f in &story.facts {
                check_span(
                    &doc(&f.doc).text,
                    f.span.start(),
                    f.span.end(),
                    Some(&f.text),
                    "fact",
                );
            }
            for st in &story.statements {
                for s in &st.sources {
                    check_span(
                        &doc(&s.doc).text,
                        s.span.start(),
                        s.span.end(),
                        None,
                        "statement source",
                    );
                }
            }
            for item in &story.summary {
                let first = &item.sources[0];
                check_span(
                    &doc(&first.doc).text,
                    first.span.start(),
                    first.span.end(),
                    Some(&item.text),
                    "summary",
                );
            }
        }
    }
}
