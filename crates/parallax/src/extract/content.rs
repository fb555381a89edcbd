//! Content: which blocks of a parsed page are the article.
//!
//! Every block gets a weight: sentences of prose count for their length, link lists, teasers of
//! other stories and short lines count against. The article is the element whose blocks weigh
//! the most together (the heaviest subtree): it takes in the article's paragraphs wherever the
//! page splits them, and stops before menus and link lists around it. An element the page marks
//! as the article's body is preferred when it holds a fair share of that weight. Within the
//! article, blocks under chrome (captions, share bars, related links, ...) and teasers are
//! dropped, and so are link-dense blocks unless they still read as a sentence.

use super::parse::{Block, Chrome, Page, NONE};
use crate::segment::ends_like_sentence;

/// A block holding at least this share of link text is a link, not text.
const LINK_DENSE: f32 = 0.5;

/// A weakly marked chrome element holding at least this share of the page's prose wraps the
/// article rather than being chrome.
const WRAPPER_SHARE: f32 = 0.5;

/// An element marked `itemprop="articleBody"` is the article when it weighs at least this share
/// of the heaviest element.
const MARKED_BODY_SHARE: f32 = 0.3;

/// Paragraphs beside a lone-paragraph choice that make its parent the article.
const SIBLING_PARAGRAPHS: f32 = 2.0;

/// The most a link-dense block counts against its element.
const LINK_PENALTY_CAP: f32 = 100.0;

/// Characters outside links that keep a link-dense block in the article.
const KEPT_TEXT_CHARS: u32 = 100;

/// Link characters opening a block that make it a teaser for another story.
const TEASER_LINK_CHARS: u32 = 25;

/// Characters that make a block prose on length alone.
const PROSE_CHARS: u32 = 100;

/// Words that make a block prose when it also ends like a sentence.
const PROSE_WORDS: usize = 8;

/// Labels that mark an advertisement's slot, in the languages of the news the data holds.
const AD_LABELS: &[&str] = &[
    "advertisement",
    "advertisements",
    "advert",
    "adverts",
    "ad",
    "ads",
    "sponsored",
    "sponsored content",
    "anzeige",
    "publicité",
    "publicidad",
    "pubblicità",
    "reclame",
    "reklama",
    "реклама",
    "iklan",
    "广告",
    "story continues below advertisement",
    "article continues below advertisement",
    "continue reading below",
];

/// Whether a block is an advertisement's label or a gallery counter ("Image 2 of 5").
fn is_slot_label(block: &Block) -> bool {
    if block.chars > 40 {
        return false;
    }
    let text = block
        .text
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    if AD_LABELS.contains(&text.as_str()) {
        return true;
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    let number = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_ascii_digit());
    matches!(words.as_slice(), [_, n, "of", m] | [n, "of", m] if number(n) && number(m))
}

/// Whether a block is one web address written out (a link the article gives as its address;
/// menus never show addresses).
fn is_bare_url(block: &Block) -> bool {
    let t = block.text.trim();
    (t.starts_with("http://") || t.starts_with("https://") || t.starts_with("www."))
        && !t.contains(char::is_whitespace)
}

/// Whether a block reads as a whole sentence, whatever its links.
fn is_sentence(block: &Block) -> bool {
    block.text.split_whitespace().count() >= PROSE_WORDS && ends_like_sentence(&block.text)
}

/// Whether a block opens with a headline-long link: an item of a list of other stories.
fn is_teaser(block: &Block) -> bool {
    block.leading_link_chars >= TEASER_LINK_CHARS && block.fresh_after_link
}

/// How much a block speaks for the element holding it being the article.
fn weight(block: &Block, in_chrome: bool) -> f32 {
    let chars = block.chars.max(1) as f32;
    let links = block.link_chars as f32 / chars;
    if links > LINK_DENSE || is_teaser(block) {
        // Capped: one long run of links inside an article (a name's pop-up card, a list of
        // sources) must not outweigh the paragraphs around it.
        return -chars.min(LINK_PENALTY_CAP);
    }
    let words = block.text.split_whitespace().count();
    let prose = block.chars >= PROSE_CHARS
        || (words >= PROSE_WORDS && ends_like_sentence(&block.text))
        // Scripts written without spaces between words.
        || (words <= 2 && block.chars >= 30 && ends_like_sentence(&block.text));
    if !prose {
        return -(chars.min(40.0)) * 0.5;
    }
    if in_chrome {
        return 0.0;
    }
    chars * (1.0 - links)
}

/// Adds `value(block)` to the block's element and every ancestor of it.
fn sum_up(page: &Page, value: impl Fn(&Block) -> f32) -> Vec<f32> {
    let mut sums = vec![0f32; page.nodes.len()];
    for b in &page.blocks {
        let v = value(b);
        let mut n = b.node;
        while n != NONE {
            sums[n as usize] += v;
            n = page.nodes[n as usize].parent;
        }
    }
    sums
}

/// For each element, the nearest element (itself included) that is chrome, or [`NONE`]. A
/// weak chrome mark on an element holding most of the page's prose is a layout wrapper's
/// ("content-with-sidebar", "widget-container"), not chrome; nor does a weak mark reach into a
/// quotation.
pub fn nearest_chrome(page: &Page) -> Vec<u32> {
    let prose = sum_up(page, |b| weight(b, false).max(0.0));
    let total: f32 = page.blocks.iter().map(|b| weight(b, false).max(0.0)).sum();
    let blockquote = page.tag_names.iter().position(|n| n == "blockquote");
    let mut nearest = vec![NONE; page.nodes.len()];
    for (i, node) in page.nodes.iter().enumerate() {
        let own = match node.chrome {
            Chrome::No => false,
            Chrome::Weak => prose[i] < WRAPPER_SHARE * total,
            Chrome::Strong => true,
        };
        let inherited = match node.parent {
            NONE => NONE,
            p => nearest[p as usize],
        };
        // A quotation (an embedded post) is the article's text even inside a weakly marked
        // wrapper ("social-media-embed").
        let quotation = blockquote == Some(node.tag as usize)
            && inherited != NONE
            && page.nodes[inherited as usize].chrome == Chrome::Weak;
        nearest[i] = if own {
            i as u32
        } else if quotation {
            NONE
        } else {
            inherited
        };
    }
    nearest
}

/// The element whose blocks weigh the most; an element the page marks as the article's body
/// is taken instead when it weighs at least [`MARKED_BODY_SHARE`] of that.
fn heaviest(page: &Page, chrome: &[u32]) -> Option<u32> {
    let in_chrome = |b: &Block| chrome.get(b.node as usize).is_some_and(|&c| c != NONE);
    let score = sum_up(page, |b| weight(b, in_chrome(b)));
    let marked = (0..page.nodes.len())
        .filter(|&i| page.nodes[i].article_body)
        .max_by(|&a, &b| score[a].total_cmp(&score[b]));
    // Ancestors come first in document order, so a tie keeps the inner element: of a chain of
    // wrappers around the same blocks, the one closest to them.
    let mut best: Option<(u32, f32)> = None;
    for (i, &s) in score.iter().enumerate() {
        if best.is_none_or(|(_, b)| s >= b) {
            best = Some((i as u32, s));
        }
    }
    let (best, top) = best.filter(|&(_, s)| s > 0.0)?;
    match marked {
        Some(m) if score[m] >= MARKED_BODY_SHARE * top => Some(m as u32),
        _ => Some(best),
    }
}

/// Whether `node` lies in the subtree of `root` (itself included).
fn within(page: &Page, root: u32, node: u32) -> bool {
    node != NONE && node >= root && node < page.nodes[root as usize].end
}

/// An article is more than one paragraph: when the heaviest element holds a single paragraph
/// of prose and its parent holds at least [`SIBLING_PARAGRAPHS`] more (a list of short lines
/// after them weighed the parent down), the parent is the article.
fn widen_lone_paragraph(page: &Page, chrome: &[u32], root: u32) -> u32 {
    let is_paragraph = |b: &Block| {
        chrome.get(b.node as usize).is_some_and(|&c| c == NONE) && weight(b, false) > 0.0
    };
    let paragraphs = sum_up(page, |b| f32::from(u8::from(is_paragraph(b))));
    let parent = page.nodes[root as usize].parent;
    if parent != NONE
        && paragraphs[root as usize] <= 1.0
        && paragraphs[parent as usize] >= 1.0 + SIBLING_PARAGRAPHS
    {
        parent
    } else {
        root
    }
}

/// The article's blocks, in page order; empty when no element holds prose.
pub fn article_blocks(page: &Page) -> Vec<&Block> {
    let chrome = nearest_chrome(page);
    let Some(root) = heaviest(page, &chrome) else {
        return Vec::new();
    };
    let root = widen_lone_paragraph(page, &chrome, root);
    page.blocks
        .iter()
        .filter(|b| within(page, root, b.node))
        // Chrome around the article is not chrome within it.
        .filter(|b| {
            let c = chrome[b.node as usize];
            c == NONE || c <= root
        })
        .filter(|b| {
            !is_teaser(b)
                && !is_slot_label(b)
                && ((b.link_chars as f32) <= LINK_DENSE * b.chars as f32
                    || b.chars - b.link_chars >= KEPT_TEXT_CHARS
                    || is_sentence(b)
                    || is_bare_url(b))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::parse::parse;
    use super::*;

    #[test]
    fn picks_the_article_and_drops_chrome_inside_it() {
        let para = "<p>The council voted on Tuesday to approve the new budget, which raises spending on schools and roads by four percent.</p>";
        let html = format!(
            "<body><div class=menu><a href=/>Home</a> <a href=/n>News</a></div>\
             <div class=main><article>{p}<figure><figcaption>A photo of the council.</figcaption></figure>{p}\
             <div class=share-bar>Share this story with your friends on every network you use today.</div>{p}</article>\
             <aside><p>Another story entirely, with enough words to look like prose to anyone.</p></aside></div>\
             <footer>Copyright</footer></body>",
            p = para
        );
        let page = parse(&html);
        let texts: Vec<_> = article_blocks(&page)
            .iter()
            .map(|b| b.text.clone())
            .collect();
        assert_eq!(texts.len(), 3, "{texts:?}");
        assert!(texts.iter().all(|t| t.starts_with("The council voted")));
    }

    #[test]
    fn ad_labels_and_gallery_counters_are_not_text() {
        let label = |t: &str| Block {
            text: t.to_string(),
            chars: t.chars().count() as u32,
            link_chars: 0,
            leading_link_chars: 0,
            fresh_after_link: false,
            node: 0,
            kind: super::super::parse::BlockKind::Text,
            page_range: 0..t.len(),
            verbatim: true,
        };
        for t in [
            "Advertisement",
            "ADVERT",
            "Image 2 of 5",
            "3 of 10",
            "Реклама",
        ] {
            assert!(is_slot_label(&label(t)), "{t}");
        }
        for t in ["Ad hoc committee", "One of us", "Image rights"] {
            assert!(!is_slot_label(&label(t)), "{t}");
        }
    }

    #[test]
    fn text_outside_any_element_is_no_article_and_no_panic() {
        let page = parse(
            "Plain text with no tags at all, long enough to read as a sentence of prose here.",
        );
        assert!(article_blocks(&page).is_empty());
    }

    #[test]
    fn an_embedded_post_is_kept_and_a_share_bar_is_not() {
        let para = "<p>The council voted on Tuesday to approve the new budget, which raises spending on schools and roads by four percent.</p>";
        let html = format!(
            "<body><article>{para}<div class=social-embed><blockquote><p>Proud of our council tonight, a budget for every school.</p></blockquote></div>\
             <div class=social-share><p>Share this on every network you use, it helps us a lot.</p></div>{para}</article></body>"
        );
        let page = parse(&html);
        let texts: Vec<_> = article_blocks(&page)
            .iter()
            .map(|b| b.text.clone())
            .collect();
        assert!(
            texts.iter().any(|t| t.starts_with("Proud of our council")),
            "{texts:?}"
        );
        assert!(
            !texts.iter().any(|t| t.starts_with("Share this")),
            "{texts:?}"
        );
    }

    #[test]
    fn a_list_inside_the_article_does_not_shrink_it_to_one_paragraph() {
        let para = "<p>The council voted on Tuesday to approve the new budget, which raises spending on schools and roads by four percent.</p>";
        let items: String = (1..=30)
            .map(|n| {
                format!("{n}) Item number {n}<br><a href=/x{n}>http://shop.example/x{n}</a><br>")
            })
            .collect();
        let html = format!("<body><div><p>A first paragraph that is longer than the others, long enough to weigh the most of them all by itself here.</p>{para}{para}{items}</div></body>");
        let texts: Vec<_> = article_blocks(&parse(&html))
            .iter()
            .map(|b| b.text.clone())
            .collect();
        assert!(
            texts
                .iter()
                .filter(|t| t.starts_with("The council voted"))
                .count()
                == 2,
            "{texts:?}"
        );
    }

    #[test]
    fn a_chrome_class_on_the_wrapper_does_not_lose_the_article() {
        let para = "<p>The council voted on Tuesday to approve the new budget, which raises spending on schools and roads by four percent.</p>";
        let html = format!(
            "<body><div class=with-sidebar>{}</div></body>",
            para.repeat(3)
        );
        assert_eq!(article_blocks(&parse(&html)).len(), 3);
    }
}
