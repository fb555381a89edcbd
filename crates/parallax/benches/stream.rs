//! Streams generated articles through copy detection and story clustering in one process and
//! reports time, throughput and index memory at checkpoints.
//!
//! usage: cargo bench -p parallax --bench stream -- DATASET [N] [CHECKPOINT...] (DATASET an
//! absolute path: cargo runs benches in the crate's folder; `benches/stream.sh` resolves it)
//!
//! The articles are real text, edited and recombined (seeded, so every run streams the same):
//! taking the documents of a Multi-News-style JSONL (`{"documents": [...]}` per line, may be
//! gzipped) as bases, each generated article is
//! - 75% a rewrite: a base with a fifth of its words replaced by corpus words;
//! - 15% a copy: a recent generated article with 2% of its words replaced and a new byline;
//! - 10% a lift: a rewrite with a run of sentences of a recent article inserted in its middle.
//!
//! Generation is not timed. The documents go through `Linker::link_stream` in batches: the
//! copy side signs a batch (fingerprints, anchors, term counts) and compares candidate copies
//! word by word on every core, while the story side assigns the documents already compared,
//! in arrival order, on a thread of its own. `--repeat=N` times N passes and reports the
//! median. Copy recall is checked against the generated copies. Index memory
//! is the copy index's heap (anchor table and postings) per document; the article texts and
//! the clusterer's state are not part of it.
//! usage (from the repository root): benches/stream.sh DATASET [N] [CHECKPOINT...]

use std::io::Read;
use std::time::Instant;

use parallax::stream::{Arrival, Busy, Earlier, Linker};

/// The allocator the `parallax` binary uses.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Articles per batch: counted together, then linked one by one.
const BATCH: usize = 8192;
/// How far back (in articles) copies and lifts take their source.
const RECENT: usize = 20_000;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
}

fn bases(path: &str) -> Vec<String> {
    let raw = std::fs::read(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let text = if path.ends_with(".gz") {
        let mut s = String::new();
        flate2::read::MultiGzDecoder::new(&raw[..])
            .read_to_string(&mut s)
            .unwrap_or_else(|e| panic!("{path}: {e}"));
        s
    } else {
        String::from_utf8(raw).unwrap_or_else(|e| panic!("{path}: {e}"))
    };
    let mut out = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line).unwrap_or_default();
        for d in v["documents"].as_array().into_iter().flatten() {
            let t = d.as_str().or_else(|| d["text"].as_str()).unwrap_or("");
            if t.split_whitespace().count() >= 50 {
                out.push(t.trim().to_string());
            }
        }
    }
    out
}

/// The ids and texts of a JSONL file of documents (`{"id", "text"}` per line).
fn read_docs(path: &str) -> (Vec<String>, Vec<String>) {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .enumerate()
        .map(|(i, line)| {
            let v: serde_json::Value = serde_json::from_str(line).unwrap_or_default();
            let id = v["id"]
                .as_str()
                .map_or_else(|| i.to_string(), str::to_string);
            (id, v["text"].as_str().unwrap_or("").to_string())
        })
        .unzip()
}

/// `text` with a share `p` of its words replaced by corpus words.
fn edit(rng: &mut Rng, text: &str, vocab: &[&str], p: f64) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for (i, w) in text.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(if rng.chance(p) {
            vocab[rng.below(vocab.len())]
        } else {
            w
        });
    }
    out
}

/// A run of about 40% of `text`'s sentences.
fn passage(rng: &mut Rng, text: &str) -> String {
    let sentences: Vec<&str> = text.split(". ").collect();
    let k = (sentences.len() * 2).div_ceil(5).max(1);
    let start = rng.below(sentences.len() - k + 1);
    sentences[start..start + k].join(". ")
}

/// The generated articles and the pairs (copy, source) that must be found.
fn generate(bases: &[String], n: usize) -> (Vec<String>, Vec<(u32, u32)>) {
    let vocab: Vec<&str> = bases.iter().flat_map(|b| b.split(' ')).collect();
    let mut rng = Rng(7);
    let mut texts: Vec<String> = Vec::with_capacity(n);
    let mut pairs = Vec::new();
    for i in 0..n {
        let roll = rng.below(100);
        let recent = i.saturating_sub(RECENT) + rng.below(i.min(RECENT));
        let rewrite = |rng: &mut Rng| {
            let base = &bases[rng.below(bases.len())];
            edit(rng, base, &vocab, 0.2)
        };
        let text = if i > 0 && roll < 15 {
            pairs.push((i as u32, recent as u32));
            let byline = format!(
                "By Staff {} | Wire report {}",
                rng.below(500),
                rng.below(30)
            );
            format!(
                "{byline}\n\n{}",
                edit(&mut rng, &texts[recent], &vocab, 0.02)
            )
        } else if i > 0 && roll < 25 {
            pairs.push((i as u32, recent as u32));
            let host = rewrite(&mut rng);
            let lifted = passage(&mut rng, &texts[recent]);
            let mid = (0..=host.len() / 2)
                .rev()
                .find(|&k| host.is_char_boundary(k))
                .unwrap_or(0);
            let cut = host[..mid].rfind(". ").map_or(0, |c| c + 2);
            format!("{}\n\n{lifted}.\n\n{}", &host[..cut], &host[cut..])
        } else {
            rewrite(&mut rng)
        };
        texts.push(text);
    }
    (texts, pairs)
}

/// The process's peak resident memory in MB (Linux), for context beside the index's share.
fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

/// The documents to stream, with what each pass needs of them.
struct Stream<'a> {
    ids: &'a [String],
    texts: &'a [String],
    days: &'a [String],
    checkpoints: &'a [usize],
}

/// One timed pass over the documents.
struct Pass {
    seconds: f64,
    busy: Busy,
    /// Copy pairs found: (document, earlier document), by position.
    found: Vec<(u32, u32)>,
    /// Candidate pairs compared word by word.
    comparisons: u64,
}

impl Stream<'_> {
    /// Streams every document through a new linker, printing each checkpoint.
    fn run(&self) -> Pass {
        let (ids, texts, days, checkpoints) = (self.ids, self.texts, self.days, self.checkpoints);
        let n = ids.len();
        let position: std::collections::HashMap<&str, u32> = ids
            .iter()
            .enumerate()
            .map(|(i, id)| (id.as_str(), i as u32))
            .collect();
        let mut linker = Linker::new();
        let mut found: Vec<(u32, u32)> = Vec::new();
        let timer = Instant::now();
        let mut next_checkpoint = 0;
        println!(
            "{:>9} {:>9} {:>10} {:>13} {:>9}",
            "articles", "seconds", "docs/s", "index B/doc", "stories"
        );
        let docs: Vec<(Arrival, &str)> = (0..n)
            .map(|i| {
                let doc = Arrival {
                    id: &ids[i],
                    title: None,
                    published: Some(&days[i]),
                };
                (doc, texts[i].as_str())
            })
            .collect();
        let fetch = |p: u32| {
            Some(Earlier {
                text: texts[p as usize].clone(),
                published: Some(days[p as usize].clone()),
            })
        };
        let busy = linker.link_stream(&docs, BATCH, &fetch, &mut |progress| {
            for (k, linked) in progress.linked.iter().enumerate() {
                let i = progress.from + k;
                for c in &linked.copies {
                    let other = if c.a.doc == ids[i] {
                        &c.b.doc
                    } else {
                        &c.a.doc
                    };
                    if let Some(&o) = position.get(other.as_str()) {
                        found.push((i as u32, o));
                    }
                }
            }
            let at = progress.from + progress.linked.len();
            while next_checkpoint < checkpoints.len() && at >= checkpoints[next_checkpoint] {
                let secs = timer.elapsed().as_secs_f64();
                println!(
                    "{:>9} {:>9.2} {:>10.0} {:>13.0} {:>9}",
                    at,
                    secs,
                    at as f64 / secs,
                    progress.index_bytes as f64 / at as f64,
                    progress.clusterer.story_count()
                );
                next_checkpoint += 1;
            }
        });
        println!(
            "busy: copy side (signing, counting, indexing, comparing; every core) {:.2} s, story side (one core) {:.2} s",
            busy.copies, busy.stories
        );
        Pass {
            seconds: timer.elapsed().as_secs_f64(),
            busy,
            found,
            comparisons: linker.copies.comparisons,
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let Some(dataset) = args.first() else {
        eprintln!("usage: cargo bench -p parallax --bench stream -- DATASET [N] [CHECKPOINT...]");
        std::process::exit(2);
    };
    // `--docs`: stream the documents of a JSONL file (`{"id", "text"}` per line) as given,
    // instead of generating; `--pairs=FILE` writes the copy pairs found, one `id<TAB>id` a line.
    let given = std::env::args().any(|a| a == "--docs");
    let pairs_out = std::env::args().find_map(|a| a.strip_prefix("--pairs=").map(str::to_string));
    let given_docs = given.then(|| read_docs(dataset));
    let n: usize = match &given_docs {
        Some((ids, _)) => ids.len(),
        None => args.get(1).and_then(|a| a.parse().ok()).unwrap_or(100_000),
    };
    let mut checkpoints: Vec<usize> = args[2.min(args.len())..]
        .iter()
        .filter_map(|a| a.parse().ok())
        .filter(|&c| c < n)
        .collect();
    checkpoints.push(n);
    let started = Instant::now();
    let (ids, texts, pairs) = match given_docs {
        Some((ids, texts)) => {
            println!("read {n} documents from {dataset}");
            (ids, texts, Vec::new())
        }
        None => {
            let bases = bases(dataset);
            let (texts, pairs) = generate(&bases, n);
            let total_bytes: usize = texts.iter().map(String::len).sum();
            println!(
                "generated {n} articles from {} real documents ({:.0} MB of text, {} planted copies) in {:.1} s",
                bases.len(),
                total_bytes as f64 / 1e6,
                pairs.len(),
                started.elapsed().as_secs_f64()
            );
            ((0..n).map(|i| format!("g{i}")).collect(), texts, pairs)
        }
    };
    let days: Vec<String> = (0..n)
        .map(|i| format!("2026-10-{:02}", 1 + i * 30 / n))
        .collect();
    let repeat: usize = std::env::args()
        .find_map(|a| a.strip_prefix("--repeat=").and_then(|r| r.parse().ok()))
        .unwrap_or(1)
        .max(1);
    let stream = Stream {
        ids: &ids,
        texts: &texts,
        days: &days,
        checkpoints: &checkpoints,
    };
    let mut passes: Vec<Pass> = (0..repeat).map(|_| stream.run()).collect();
    if repeat > 1 {
        let rates: Vec<String> = passes
            .iter()
            .map(|p| format!("{:.0}", n as f64 / p.seconds))
            .collect();
        passes.sort_by(|a, b| a.seconds.total_cmp(&b.seconds));
        let median = &passes[(repeat - 1) / 2]; // the lower median for an even count
        println!("documents/s of the {repeat} passes: {}", rates.join(" "));
        println!(
            "{:>9} {:>9.2} {:>10.0}   (the median pass; busy: copy side {:.2} s, story side {:.2} s)",
            n,
            median.seconds,
            n as f64 / median.seconds,
            median.busy.copies,
            median.busy.stories
        );
    }
    let Pass {
        mut found,
        comparisons,
        ..
    } = passes.swap_remove(0);
    found.sort_unstable();
    found.dedup();
    if let Some(out) = pairs_out {
        let lines: String = found
            .iter()
            .map(|&(a, b)| format!("{}\t{}\n", ids[a as usize], ids[b as usize]))
            .collect();
        std::fs::write(&out, lines).unwrap_or_else(|e| panic!("{out}: {e}"));
    }
    let hit = pairs
        .iter()
        .filter(|p| found.binary_search(p).is_ok())
        .count();
    println!(
        "planted copies found: {hit} of {} ({:.4}); copy pairs reported: {}; candidate pairs compared word by word: {}",
        pairs.len(),
        hit as f64 / pairs.len().max(1) as f64,
        found.len(),
        comparisons
    );
    println!(
        "peak resident memory of the whole process (texts included): {:.0} MB",
        peak_rss_mb()
    );
}
