//! Every stage is linear in its input: text dense with quotation marks, the worst case the
//! attribution stage has met, is prepared and attributed in time proportional to its size.
//! Each test times the same pattern at two sizes four times apart: linear work takes about
//! four times as long, quadratic work sixteen times.

use std::sync::Mutex;
use std::time::Instant;

use parallax::ingest::{Content, PageKind, RawPage};
use parallax::pipeline::prepare;

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
        listed: None,
    }
}

/// Seconds to prepare and attribute `text`.
fn seconds_of(text: String) -> f64 {
    let page = page(text);
    let started = Instant::now();
    let doc = prepare(&page).expect("prepared");
    std::hint::black_box(parallax::attribute::attribute(&doc));
    started.elapsed().as_secs_f64()
}

/// The tests of this file take turns: each times its work with the machine to itself.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

/// The best of three timings of `small` and of `large`, taken in turns, so that a stretch of
/// load from elsewhere slows both alike.
fn best_of_three(mut time: impl FnMut(bool) -> f64) -> (f64, f64) {
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let (mut small, mut large) = (f64::MAX, f64::MAX);
    for _ in 0..3 {
        small = small.min(time(false));
        large = large.min(time(true));
    }
    (small, large)
}

fn assert_linear(unit: &str) {
    assert_linear_lines(unit, |_| unit.to_string());
}

/// Asserts that attributing `line(0) + line(1) + …` grows linearly; `name` names the lines in
/// the failure message.
fn assert_linear_lines(name: &str, line: impl Fn(usize) -> String) {
    let small = 4_000;
    let text = |n: usize| (0..n).map(&line).collect::<String>();
    let (t1, t4) = best_of_three(|large| seconds_of(text(if large { 4 * small } else { small })));
    let bytes = text(4 * small).len() as f64;
    let unit = name;
    let per_mb = t4 / (bytes / 1e6);
    eprintln!("{unit:?}: {t1:.3} s, four times as much {t4:.3} s, {per_mb:.2} s per MB");
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
                listed: None,
            }
        })
        .collect()
}

/// Seconds to render the HTML and Markdown reports of `report`.
fn render_seconds(report: &parallax::model::Report) -> f64 {
    let started = Instant::now();
    std::hint::black_box(parallax::render::html::html(report));
    std::hint::black_box(parallax::render::markdown::markdown(report));
    started.elapsed().as_secs_f64()
}

#[test]
fn a_giant_story_is_analyzed_in_linear_time() {
    let seconds = |n| {
        let pages = accounts(n);
        let started = Instant::now();
        let report = parallax::pipeline::analyze_pages(pages, &Default::default());
        let took = started.elapsed().as_secs_f64();
        assert_eq!(report.stories.len(), 1, "the accounts are one story");
        took
    };
    let (t1, t4) = best_of_three(|big| seconds(if big { 800 } else { 200 }));
    eprintln!("200 accounts: {t1:.3} s; 800: {t4:.3} s");
    assert!(
        t4 < 8.0 * t1.max(0.002),
        "200 accounts: {t1:.3} s; 800: {t4:.3} s"
    );
}

#[test]
fn a_giant_story_renders_in_linear_time() {
    let analyze = |n| parallax::pipeline::analyze_pages(accounts(n), &Default::default());
    let (small, large) = (analyze(100), analyze(400));
    assert_eq!(large.stories.len(), 1, "the accounts are one story");
    let (t1, t4) = best_of_three(|big| render_seconds(if big { &large } else { &small }));
    eprintln!("100 accounts: {t1:.3} s; 400: {t4:.3} s");
    assert!(
        t4 < 8.0 * t1.max(0.002),
        "100 accounts: {t1:.3} s; 400: {t4:.3} s"
    );
}

#[test]
fn embedded_posts_and_pull_quotes_are_linear() {
    assert_linear_lines("posts and pull quotes", |i| {
        format!(
            "Ferries stop at noon on pier {i} today. \u{2014} Harbour Office (@tallis_harbour) \
             May 3, 2021\nIt is very hard on the {i} elders if there is no heat at all. Ned \
             Ashcombe\n"
        )
    });
}

#[test]
fn quoted_objects_are_linear() {
    assert_linear("Ann Roe called the plan \"a waste of money\" and said it would fail. ");
}
