//! Every stage is linear in its input: text dense with quotation marks, the worst case the
//! attribution stage has met, is prepared and attributed in time proportional to its size.
//! Each test times the same pattern at two sizes four times apart: linear work takes about
//! four times as long, quadratic work sixteen times.

use std::time::{Duration, Instant};

use parallax::ingest::{Content, PageKind, RawPage};
use parallax::pipeline::prepare_guarded;

fn page(text: String) -> RawPage {
    RawPage {
        source: "dense".into(),
        id: "dense".into(),
        kind: PageKind::Text,
        content: Content::Text(text),
        url: None,
        title: None,
        outlet: None,
        date: None,
    }
}

/// Seconds to prepare and attribute `unit` repeated `n` times, the best of two runs.
fn seconds(unit: &str, n: usize) -> f64 {
    let page = page(unit.repeat(n));
    (0..2)
        .map(|_| {
            let started = Instant::now();
            let doc = prepare_guarded(&page).expect("prepared");
            let quotes = parallax::attribute::attribute(&doc);
            std::hint::black_box(quotes);
            started.elapsed()
        })
        .min()
        .unwrap_or(Duration::ZERO)
        .as_secs_f64()
}

fn assert_linear(unit: &str) {
    let small = 4_000;
    let (t1, t4) = (seconds(unit, small), seconds(unit, 4 * small));
    let bytes = (unit.len() * 4 * small) as f64;
    let per_mb = t4 / (bytes / 1e6);
    assert!(
        t4 < 8.0 * t1.max(0.002),
        "{small} repeats of {unit:?}: {t1:.3} s; four times as many: {t4:.3} s"
    );
    // Optimized builds must stay under a second per MB; unoptimized ones are some ten times
    // slower.
    let cap = if cfg!(debug_assertions) { 15.0 } else { 1.0 };
    assert!(per_mb < cap, "{per_mb:.2} s per MB");
}

#[test]
fn straight_quotes_closing_on_a_space_are_linear() {
    assert_linear("\"a \" said Ann. ");
}

#[test]
fn curly_quotes_closing_on_a_space_are_linear() {
    assert_linear("\u{201c}a \u{201d} said Ann. ");
}

#[test]
fn quotes_opening_without_closing_are_linear() {
    assert_linear("\u{201c}She left, Ann said. \"Yes\" \u{201c}no ");
}
