//! `parallax analyze` on the bundled example, checked against `examples/xi-putin-call/gold.json`.

mod common;

use common::{analyze_json, norm, root, span_text};
use serde_json::Value;

fn gold() -> Value {
    let text = std::fs::read_to_string(root().join("examples/xi-putin-call/gold.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn report() -> Value {
    let (out, report) = analyze_json(&[]);
    assert!(
        out.status.success(),
        "analyze failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    report
}

fn doc<'a>(report: &'a Value, file: &str) -> &'a Value {
    let stem = file.trim_end_matches(".txt");
    report["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["id"] == stem)
        .unwrap_or_else(|| panic!("document {stem} missing"))
}

#[test]
fn cleaning_matches_gold() {
    let (gold, report) = (gold(), report());
    for (file, spec) in gold["documents"].as_object().unwrap() {
        let d = doc(&report, file);
        let text = norm(d["text"].as_str().unwrap());
        let with_title = format!("{} \n {}", norm(d["title"].as_str().unwrap_or("")), text);
        for s in spec["must_remove"].as_array().into_iter().flatten() {
            let s = norm(s.as_str().unwrap());
            assert!(
                !text.contains(&s),
                "{file}: boilerplate still present: {s:?}"
            );
        }
        for s in spec["must_keep"].as_array().into_iter().flatten() {
            let s = norm(s.as_str().unwrap());
            assert!(with_title.contains(&s), "{file}: article text lost: {s:?}");
        }
        for s in spec["must_keep_once"].as_array().into_iter().flatten() {
            let s = norm(s.as_str().unwrap());
            assert_eq!(
                with_title.matches(&s).count(),
                1,
                "{file}: expected once in title + text: {s:?}"
            );
        }
        for r in spec["repairs"].as_array().into_iter().flatten() {
            let fixed = norm(r["fixed"].as_str().unwrap());
            assert!(text.contains(&fixed), "{file}: repair not made: {fixed:?}");
        }
        assert!(
            !d["text"].as_str().unwrap().contains("â€"),
            "{file}: mojibake left"
        );
    }
}

#[test]
fn all_documents_form_one_story() {
    let (gold, report) = (gold(), report());
    let wanted: Vec<String> = gold["documents"]
        .as_object()
        .unwrap()
        .keys()
        .map(|k| k.trim_end_matches(".txt").to_string())
        .collect();
    let stories = report["stories"].as_array().unwrap();
    assert!(
        stories.iter().any(|s| wanted.iter().all(|w| s["documents"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d == w.as_str()))),
        "the five documents are not in one story"
    );
}

#[test]
fn summary_is_short_and_every_sentence_is_held_by_its_sources() {
    let report = report();
    for story in report["stories"].as_array().unwrap() {
        let summary = story["summary"].as_array().unwrap();
        let words: usize = summary
            .iter()
            .map(|s| s["text"].as_str().unwrap().split_whitespace().count())
            .sum();
        assert!(words > 0 && words <= 120, "summary has {words} words");
        for item in summary {
            let sources = item["sources"].as_array().unwrap();
            assert!(!sources.is_empty(), "uncited summary sentence");
            let first = &sources[0];
            let held = span_text(
                doc(&report, first["doc"].as_str().unwrap()),
                first["start"].as_u64().unwrap(),
                first["end"].as_u64().unwrap(),
            );
            assert_eq!(
                held,
                item["text"].as_str().unwrap(),
                "summary sentence differs from its first source"
            );
            for s in sources {
                let t = span_text(
                    doc(&report, s["doc"].as_str().unwrap()),
                    s["start"].as_u64().unwrap(),
                    s["end"].as_u64().unwrap(),
                );
                assert!(!t.trim().is_empty());
            }
        }
    }
}

/// Share of gold quotes found in the right document with the right speaker (and channel, when
/// `with_channel`), matched as `check_gold.py` matches them.
fn quotes_found(gold: &Value, report: &Value, with_channel: bool) -> (usize, usize) {
    let quotes: Vec<&Value> = report["stories"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["quotes"].as_array().unwrap())
        .collect();
    let channels = gold["channels"].as_object().unwrap();
    let mut found = 0;
    let all = gold["quotes"].as_array().unwrap();
    for g in all {
        let gdoc = g["doc"].as_str().unwrap().trim_end_matches(".txt");
        let gt = norm(g["text"].as_str().unwrap());
        let speaker = norm(g["speaker"].as_str().unwrap());
        let (first, last) = (
            speaker.split(' ').next().unwrap(),
            speaker.split(' ').next_back().unwrap(),
        );
        let ok = quotes.iter().any(|q| {
            let pt = norm(q["text"].as_str().unwrap_or(""));
            let text_ok = !pt.is_empty()
                && (pt.contains(&gt) || (gt.contains(&pt) && pt.len() * 2 >= gt.len()));
            let sp = norm(q["speaker"].as_str().unwrap_or(""));
            let speaker_ok = !sp.is_empty() && (sp.contains(last) || sp.contains(first));
            let channel_ok = !with_channel
                || match g["channel"].as_str() {
                    None => true,
                    Some(gc) => {
                        let p = norm(q["channel"].as_str().unwrap_or(""));
                        let aliases: Vec<String> = channels
                            .get(gc)
                            .and_then(|a| a.as_array())
                            .map_or(vec![norm(gc)], |a| {
                                a.iter().map(|x| norm(x.as_str().unwrap())).collect()
                            });
                        !p.is_empty()
                            && aliases
                                .iter()
                                .any(|a| p.contains(a.as_str()) || a.contains(&p))
                    }
                };
            q["doc"] == gdoc && text_ok && speaker_ok && channel_ok
        });
        if ok {
            found += 1;
        }
    }
    (found, all.len())
}

#[test]
fn at_least_half_the_gold_quotes_have_the_right_speaker() {
    let (gold, report) = (gold(), report());
    let (found, all) = quotes_found(&gold, &report, false);
    assert!(
        found * 2 >= all,
        "only {found}/{all} gold quotes found with the right speaker"
    );
    let (with_channel, _) = quotes_found(&gold, &report, true);
    assert!(
        with_channel * 2 >= all,
        "only {with_channel}/{all} gold quotes found with speaker and channel"
    );
}

#[test]
fn the_conflict_between_channels_is_found() {
    let (gold, report) = (gold(), report());
    let channels = gold["channels"].as_object().unwrap();
    let story = &report["stories"][0];
    for gc in gold["conflicts"].as_array().unwrap() {
        let found = story["conflicts"].as_array().unwrap().iter().any(|c| {
            let sides = c["sides"].as_array().unwrap();
            gc["sides"].as_array().unwrap().iter().all(|gs| {
                let aliases = channels[gs.as_str().unwrap()].as_array().unwrap();
                sides.iter().any(|s| {
                    let ch = norm(s["channel"].as_str().unwrap());
                    aliases
                        .iter()
                        .any(|a| ch.contains(&norm(a.as_str().unwrap())))
                })
            })
        });
        assert!(found, "conflict not found: {}", gc["about"]);
    }
}

#[test]
fn every_span_holds_the_text_it_claims() {
    let report = report();
    for d in report["documents"].as_array().unwrap() {
        let text = d["text"].as_str().unwrap();
        let source = d["source_text"].as_str().unwrap();
        for r in d["removed"].as_array().unwrap() {
            let s =
                &source[r["start"].as_u64().unwrap() as usize..r["end"].as_u64().unwrap() as usize];
            assert_eq!(
                s,
                r["text"].as_str().unwrap(),
                "removal span of {}",
                d["id"]
            );
        }
        for r in d["repairs"].as_array().unwrap() {
            let at = r["offset"].as_u64().unwrap() as usize;
            assert!(
                source[at..].starts_with(r["from"].as_str().unwrap()),
                "repair offset of {}",
                d["id"]
            );
        }
        for p in d["alignment"]["pieces"].as_array().unwrap() {
            let (out, out_len, src, src_len) = (
                p["out"].as_u64().unwrap() as usize,
                p["out_len"].as_u64().unwrap() as usize,
                p["src"].as_u64().unwrap() as usize,
                p["src_len"].as_u64().unwrap() as usize,
            );
            if p["copy"].as_bool().unwrap() {
                assert_eq!(
                    &text[out..out + out_len],
                    &source[src..src + src_len],
                    "alignment of {}",
                    d["id"]
                );
            }
        }
        for s in d["sentences"].as_array().unwrap() {
            assert!(
                !span_text(d, s["start"].as_u64().unwrap(), s["end"].as_u64().unwrap())
                    .trim()
                    .is_empty()
            );
        }
    }
    for story in report["stories"].as_array().unwrap() {
        for q in story["quotes"].as_array().unwrap() {
            let d = doc(&report, q["doc"].as_str().unwrap());
            assert_eq!(
                span_text(d, q["start"].as_u64().unwrap(), q["end"].as_u64().unwrap()),
                q["text"].as_str().unwrap()
            );
        }
        for st in story["statements"].as_array().unwrap() {
            let first = &st["sources"][0];
            let d = doc(&report, first["doc"].as_str().unwrap());
            assert_eq!(
                span_text(
                    d,
                    first["start"].as_u64().unwrap(),
                    first["end"].as_u64().unwrap()
                ),
                st["text"].as_str().unwrap()
            );
        }
    }
}

#[test]
fn markdown_and_html_reports_show_the_story() {
    let md = common::parallax(&["analyze"], None);
    assert!(md.status.success());
    let md = String::from_utf8(md.stdout).unwrap();
    // The journalist's questions, in this order.
    let mut from = 0;
    for heading in [
        "### What happened",
        "### Where the accounts differ",
        "### Who said what",
        "### Only in one outlet",
        "### Documents",
        "## Documents",
        "Removed:",
    ] {
        let at = md[from..].find(heading);
        assert!(at.is_some(), "markdown report lacks {heading} (in order)");
        from += at.unwrap_or(0);
    }
    assert!(md.contains("5 documents, 1 story,"), "plurals agree");
    let html = common::parallax(&["analyze", "--format", "html"], None);
    assert!(html.status.success());
    let html = String::from_utf8(html.stdout).unwrap();
    assert!(
        html.starts_with("<!doctype html>")
            && html.contains("Where the accounts differ")
            && html.contains("href=\"#d")
    );
}

#[test]
fn facts_match_gold() {
    let (gold, report) = (gold(), report());
    let story = &report["stories"][0];
    assert_eq!(story["date"], gold["story"]["date"], "story date");
    let facts = story["facts"].as_array().unwrap();
    for g in gold["facts"].as_array().unwrap() {
        let Some(value) = g["value"].as_str() else {
            continue;
        };
        for d in g["docs"].as_array().unwrap() {
            let id = d.as_str().unwrap().trim_end_matches(".txt");
            let found = facts.iter().any(|f| {
                f["doc"] == id
                    && (f["value"].as_str() == Some(value) || f["text"].as_str() == Some(value))
            });
            assert!(found, "{}: fact {value:?} ({}) not found", id, g["what"]);
        }
    }
    // Every fact's span holds its text.
    for f in facts {
        let d = doc(&report, f["doc"].as_str().unwrap());
        assert_eq!(
            span_text(d, f["start"].as_u64().unwrap(), f["end"].as_u64().unwrap()),
            f["text"].as_str().unwrap()
        );
    }
}

#[test]
fn outlets_channels_and_speakers_are_named() {
    let report = report();
    let outlet = |id: &str| {
        report["documents"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["id"] == id)
            .and_then(|d| d["outlet"].as_str())
            .map(str::to_string)
    };
    // One by its dateline, one by its credit line; both with their evidence.
    for id in ["000_ee8cd0a75767a374", "002_f8517dae2a80b0ae"] {
        assert_eq!(outlet(id).as_deref(), Some("Bloomberg"), "{id}");
    }
    let story = &report["stories"][0];
    let quotes = story["quotes"].as_array().unwrap();
    let channels_of = |aliases: &[&str]| {
        let mut names: Vec<&str> = quotes
            .iter()
            .filter(|q| {
                let written = q["channel_written"].as_str().or(q["channel"].as_str());
                written.is_some_and(|w| aliases.iter().any(|a| w.contains(a)))
            })
            .filter_map(|q| q["channel"].as_str())
            .collect();
        names.sort_unstable();
        names.dedup();
        names
    };
    assert_eq!(channels_of(&["Kremlin", "Moscow", "Russian"]).len(), 1);
    assert_eq!(channels_of(&["CCTV"]).len(), 1);
    // Every speaker is a name: capitalised, no clause words.
    for q in quotes {
        if let Some(speaker) = q["speaker"].as_str() {
            let clause = speaker
                .split_whitespace()
                .any(|w| ["has", "have", "had", "was", "is"].contains(&w));
            let capitalised = speaker.chars().next().is_some_and(char::is_uppercase);
            assert!(capitalised && !clause, "not a name: {speaker:?}");
        }
    }
    // Every side of every conflict is named, and its outlets are names, not file ids.
    let ids: Vec<&str> = report["documents"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d["id"].as_str())
        .collect();
    for c in story["conflicts"].as_array().unwrap() {
        for side in c["sides"].as_array().unwrap() {
            assert!(!side["channel"].as_str().unwrap_or("").is_empty());
            for o in side["outlets"].as_array().unwrap() {
                assert!(
                    !ids.contains(&o.as_str().unwrap()),
                    "outlet shown as an id: {o}"
                );
            }
        }
    }
}
