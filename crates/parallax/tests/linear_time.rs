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

/// `n` accounts of one event, each from its own outlet, sharing most of their sentences.
fn accounts(n: usize) -> Vec<RawPage> {
    (0..n)
        .map(|i| {
            let text = format!(
                "The river flooded the valley town of Elmstead on Monday, officials said. \
                 More than 200 homes were damaged and 14 people were rescued from rooftops. \
                 \"We have never seen water this high,\" said Nora Quint, the town's mayor. \
                 The regional government said it would send 50 soldiers to clear the streets. \
                 Correspondent {i} counted {} volunteers in the ward of Hollin {i}.",
                5 + i % 90
            );
            RawPage {
                source: format!("a{i}.txt"),
                id: format!("a{i}"),
                kind: PageKind::Text,
                content: Content::Text(text),
                url: None,
                title: Some(format!("Floods in Elmstead, account {i}")),
                outlet: Some(format!("Outlet {i}")),
                date: Some("2024-03-04".into()),
            }
        })
        .collect()
}

/// Seconds to render the HTML and Markdown reports of `n` accounts, the best of two runs.
fn render_seconds(n: usize) -> f64 {
    let report = parallax::pipeline::analyze_pages(accounts(n), &Default::default());
    assert_eq!(report.stories.len(), 1, "the accounts are one story");
    (0..2)
        .map(|_| {
            let started = Instant::now();
            std::hint::black_box(parallax::render::html::html(&report));
            std::hint::black_box(parallax::render::markdown::markdown(&report));
            started.elapsed()
        })
        .min()
        .unwrap_or(Duration::ZERO)
        .as_secs_f64()
}

#[test]
fn a_giant_story_renders_in_linear_time() {
    let (t1, t4) = (render_seconds(100), render_seconds(400));
    assert!(
        t4 < 8.0 * t1.max(0.002),
        "100 accounts: {t1:.3} s; 400: {t4:.3} s"
    );
}
