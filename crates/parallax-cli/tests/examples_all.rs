//! `parallax analyze` on every bundled example (`examples/*/gold.json`): the story checks, the
//! conflicts and the same-statement groups of each gold file, scored the way
//! `check_gold.py` scores them, and the shape every reported conflict must have.

mod common;

use common::{analyze_json, norm, root, span_text};
use serde_json::Value;

/// Conflicts and groups found over the five examples when this test was written: a change that
/// finds fewer is a regression.
const CONFLICTS_FOUND_AT_LEAST: usize = 12;
const GROUPS_FOUND_AT_LEAST: usize = 13;

struct Example {
    name: String,
    gold: Value,
    report: Value,
}

/// The bundled examples' folders, in name order.
fn example_dirs() -> Vec<std::path::PathBuf> {
    let mut dirs: Vec<_> = std::fs::read_dir(root().join("examples"))
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("gold.json").is_file())
        .collect();
    dirs.sort();
    dirs
}

fn examples() -> Vec<Example> {
    let mut out = Vec::new();
    for dir in example_dirs() {
        let gold: Value =
            serde_json::from_str(&std::fs::read_to_string(dir.join("gold.json")).unwrap()).unwrap();
        let (out_status, report) = analyze_json(&[dir.to_str().unwrap()]);
        assert!(
            out_status.status.success(),
            "analyze failed on {}",
            dir.display()
        );
        out.push(Example {
            name: dir.file_name().unwrap().to_string_lossy().into_owned(),
            gold,
            report,
        });
    }
    assert!(out.len() >= 5, "the five examples are bundled");
    out
}

/// Gold file name of a report document id.
fn gold_name(ex: &Example, id: &str) -> Option<String> {
    let doc = ex.report["documents"]
        .as_array()?
        .iter()
        .find(|d| d["id"] == id)?;
    let source = doc["source"].as_str()?;
    let file = source.rsplit('/').next()?;
    ex.gold["documents"]
        .as_object()?
        .keys()
        .find(|g| *g == file || g.trim_end_matches(".txt") == id)
        .cloned()
}

fn doc<'a>(ex: &'a Example, id: &str) -> &'a Value {
    ex.report["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["id"] == id)
        .unwrap()
}

/// (gold file, normalised text) of each source span of a statement.
fn statement_texts(ex: &Example, story: &Value, id: &str) -> Vec<(Option<String>, String)> {
    let Some(st) = story["statements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == id)
    else {
        return Vec::new();
    };
    let mut out = vec![(None, norm(st["text"].as_str().unwrap_or("")))];
    for src in st["sources"].as_array().unwrap() {
        let d = src["doc"].as_str().unwrap();
        let t = span_text(
            doc(ex, d),
            src["start"].as_u64().unwrap(),
            src["end"].as_u64().unwrap(),
        );
        out.push((gold_name(ex, d), norm(t)));
    }
    out
}

/// True when `f` holds for one of the report's stories.
fn any_story(ex: &Example, f: impl Fn(&Value) -> bool) -> bool {
    ex.report["stories"].as_array().unwrap().iter().any(f)
}

fn conflicts_found(ex: &Example) -> usize {
    let mut found = 0;
    for gc in ex.gold["conflicts"].as_array().unwrap() {
        let evidence: Vec<String> = gc["evidence"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| norm(e.as_str().unwrap()))
            .collect();
        let hit = any_story(ex, |story| {
            story["conflicts"].as_array().unwrap().iter().any(|c| {
                let texts: Vec<String> = c["sides"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|side| {
                        let mut t = norm(side["channel"].as_str().unwrap_or(""));
                        for id in side["statements"].as_array().unwrap() {
                            for (_, x) in statement_texts(ex, story, id.as_str().unwrap()) {
                                t.push(' ');
                                t.push_str(&x);
                            }
                        }
                        t
                    })
                    .collect();
                let holders: Vec<Vec<usize>> = evidence
                    .iter()
                    .map(|e| (0..texts.len()).filter(|&k| texts[k].contains(e)).collect())
                    .collect();
                holders.len() >= 2
                    && holders.iter().all(|h| !h.is_empty())
                    && holders[0].iter().any(|a| holders[1].iter().any(|b| a != b))
            })
        });
        found += usize::from(hit);
    }
    found
}

fn groups_found(ex: &Example) -> usize {
    let quotes = ex.gold["quotes"].as_array().unwrap();
    let mut found = 0;
    for grp in ex.gold["same_statement_groups"].as_array().unwrap() {
        let members: Vec<&Value> = grp["quotes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| &quotes[i.as_u64().unwrap() as usize])
            .collect();
        let hit = any_story(ex, |story| {
            story["statements"].as_array().unwrap().iter().any(|st| {
                let texts = statement_texts(ex, story, st["id"].as_str().unwrap());
                members.iter().all(|q| {
                    let want: String = norm(q["text"].as_str().unwrap()).chars().take(30).collect();
                    texts
                        .iter()
                        .any(|(d, t)| d.as_deref() == q["doc"].as_str() && t.contains(&want))
                })
            })
        });
        found += usize::from(hit);
    }
    found
}

#[test]
fn each_event_is_one_story_and_an_off_topic_page_stays_out() {
    for ex in examples() {
        let want: Vec<String> = match ex.gold["story"]["documents"].as_array() {
            Some(d) => d.iter().map(|x| x.as_str().unwrap().to_string()).collect(),
            None => ex.gold["documents"]
                .as_object()
                .unwrap()
                .keys()
                .cloned()
                .collect(),
        };
        let stories = ex.report["stories"].as_array().unwrap();
        let members = |s: &Value| -> Vec<String> {
            s["documents"]
                .as_array()
                .unwrap()
                .iter()
                .filter_map(|d| gold_name(&ex, d.as_str().unwrap()))
                .collect()
        };
        let story = stories
            .iter()
            .find(|s| want.iter().all(|w| members(s).contains(w)))
            .unwrap_or_else(|| panic!("{}: the event's documents are not one story", ex.name));
        let all: Vec<String> = ex.gold["documents"]
            .as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect();
        for other in all.iter().filter(|d| !want.contains(d)) {
            assert!(
                !members(story).contains(other),
                "{}: off-topic {other} joined the story",
                ex.name
            );
        }
    }
}

#[test]
fn conflicts_and_statement_groups_are_found() {
    let (mut conflicts, mut groups) = (0, 0);
    let mut table = Vec::new();
    for ex in examples() {
        let (c, g) = (conflicts_found(&ex), groups_found(&ex));
        table.push(format!("{}: conflicts {c}, groups {g}", ex.name));
        conflicts += c;
        groups += g;
    }
    assert!(
        conflicts >= CONFLICTS_FOUND_AT_LEAST && groups >= GROUPS_FOUND_AT_LEAST,
        "conflicts {conflicts} (want {CONFLICTS_FOUND_AT_LEAST}), groups {groups} (want {GROUPS_FOUND_AT_LEAST}): {table:?}"
    );
}

#[test]
fn every_conflict_has_a_kind_two_sides_and_evidence_that_holds_its_value() {
    for ex in examples() {
        for story in ex.report["stories"].as_array().unwrap() {
            let conflicts = story["conflicts"].as_array().unwrap();
            assert!(
                conflicts.len() <= 6,
                "{}: {} conflicts",
                ex.name,
                conflicts.len()
            );
            for c in conflicts {
                let kinds = ["figure", "date", "place", "identity", "denial", "version"];
                assert!(kinds.contains(&c["kind"].as_str().unwrap()), "{c}");
                assert!(!c["about"].as_str().unwrap().trim().is_empty(), "{c}");
                let sides = c["sides"].as_array().unwrap();
                assert!(sides.len() >= 2, "{}: one-sided conflict {c}", ex.name);
                for side in sides {
                    let evidence = side["evidence"].as_array().unwrap();
                    assert!(
                        !evidence.is_empty(),
                        "{}: a side without evidence: {c}",
                        ex.name
                    );
                    let e = &evidence[0];
                    let text = span_text(
                        doc(&ex, e["doc"].as_str().unwrap()),
                        e["start"].as_u64().unwrap(),
                        e["end"].as_u64().unwrap(),
                    );
                    if let Some(v) = side["value"].as_str() {
                        assert!(
                            text.contains(v),
                            "{}: value {v:?} not in its evidence {text:?}",
                            ex.name
                        );
                    }
                }
            }
        }
    }
}

/// Lines the analysis part of a story's Markdown report may take (everything before the
/// documents' full text).
const ANALYSIS_LINES_AT_MOST: usize = 150;

#[test]
fn the_analysis_part_of_every_markdown_report_fits_one_screenful() {
    let dirs = example_dirs();
    assert!(dirs.len() >= 5);
    for dir in dirs {
        let out = common::parallax(&["analyze", dir.to_str().unwrap()], None);
        assert!(out.status.success());
        let md = String::from_utf8(out.stdout).unwrap();
        let analysis = md
            .split("\n## Copies")
            .next()
            .unwrap()
            .split("\n## Documents")
            .next()
            .unwrap();
        let lines = analysis.lines().count();
        assert!(
            lines <= ANALYSIS_LINES_AT_MOST,
            "{}: {lines} lines of analysis",
            dir.display()
        );
        // No document goes by its file id where an outlet or a label can name it.
        assert!(!analysis.contains("**000_"), "{}", dir.display());
    }
}
