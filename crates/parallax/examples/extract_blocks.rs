//! Shows how the HTML extractor reads a page: every text block with the element holding it, the
//! nearest chrome element, its length and link text, and whether the article keeps it.
//!
//! `cargo run --release --example extract_blocks -- PAGE.html[.gz]` lists the blocks;
//! `... -- PAGE.html N` lists element N and its ancestors instead.

use std::io::Read;

use parallax::extract::{content, parse};

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: extract_blocks PAGE.html[.gz] [ELEMENT]");
        std::process::exit(2);
    };
    let bytes = std::fs::read(&path)?;
    let mut html = Vec::new();
    if path.ends_with(".gz") {
        flate2::read::MultiGzDecoder::new(&bytes[..]).read_to_end(&mut html)?;
    } else {
        html = bytes;
    }
    let page = parse::parse(&String::from_utf8_lossy(&html));
    if let Some(n) = args.next().and_then(|n| n.parse::<u32>().ok()) {
        let mut x = n;
        while let Some(node) = page.nodes.get(x as usize) {
            let name = &page.tag_names[node.tag as usize];
            println!("{x} <{name}> chrome={:?} end={}", node.chrome, node.end);
            x = node.parent;
        }
        return Ok(());
    }
    let kept: Vec<*const parse::Block> = content::article_blocks(&page)
        .into_iter()
        .map(|b| b as *const _)
        .collect();
    let chrome = content::nearest_chrome(&page);
    for b in &page.blocks {
        let keep = if kept.contains(&(b as *const _)) {
            "KEEP"
        } else {
            "    "
        };
        let near = chrome
            .get(b.node as usize)
            .filter(|&&c| c != parse::NONE)
            .map_or(-1, |&c| c as i64);
        let text: String = b.text.chars().take(100).collect();
        println!(
            "{keep} node={} chrome={near} chars={} links={} {:?} | {text}",
            b.node, b.chars, b.link_chars, b.kind
        );
    }
    Ok(())
}
