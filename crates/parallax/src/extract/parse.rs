//! Parse: an HTML page to its text blocks, each tied to the element that holds it, with the
//! page's metadata on the side.
//!
//! The element tree is kept as a flat list in document order, so an element's descendants are
//! the contiguous range after it. Only what extraction uses is kept per element: its parent,
//! its extent, and whether it is page chrome by its tag (`nav`, `footer`, `figcaption`, ...)
//! or by its class and id ("share", "related", "comments", ...).
//! Tree building is forgiving the way browsers are: a stray end tag is ignored, an unclosed
//! paragraph or list item is closed by the next one, and nesting deeper than [`MAX_DEPTH`] or
//! more than [`MAX_ELEMENTS`] elements is flattened rather than followed.

use std::borrow::Cow;

use rustc_hash::FxHashMap;

use super::tokenize::{attributes, Token, Tokenizer};

/// Elements nested deeper than this are read as siblings of the deepest one (text is kept).
pub const MAX_DEPTH: usize = 256;

/// The most elements a page may have; later tags are ignored (text is kept).
pub const MAX_ELEMENTS: usize = 200_000;

/// "No element".
pub const NONE: u32 = u32::MAX;

/// One element of the page.
#[derive(Debug, Clone)]
pub struct Node {
    /// The parent element, or [`NONE`] for a top-level element.
    pub parent: u32,
    /// One past the last descendant: the descendants are `id + 1 .. end`.
    pub end: u32,
    /// Whether the element itself is page chrome, and how surely.
    pub chrome: Chrome,
    /// The element's tag name, an index into [`Page::tag_names`].
    pub tag: u32,
    /// Whether the element is marked as the article's body (`itemprop="articleBody"`).
    pub article_body: bool,
}

/// How surely an element is page chrome.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Chrome {
    /// Not chrome.
    No,
    /// Chrome by a word that layouts also use for wrappers ("widget", "sidebar", ...).
    Weak,
    /// Chrome by its tag, or by a word never used for the article ("comments", "related").
    Strong,
}

/// What kind of element a block of text comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// A paragraph or any other text.
    Text,
    /// A heading, with its level.
    Heading(u8),
    /// A list item.
    ListItem,
}

/// A run of text between two block boundaries.
#[derive(Debug, Clone)]
pub struct Block {
    /// The text, whitespace collapsed, entities decoded.
    pub text: String,
    /// Characters of text.
    pub chars: u32,
    /// Characters of text inside links.
    pub link_chars: u32,
    /// Characters of link text before the first character outside a link (a teaser's
    /// headline link, at the start of a related-story item).
    pub leading_link_chars: u32,
    /// Whether the first character after that leading link text starts a new sentence (an
    /// upper-case letter or a digit), as a teaser's summary does after its headline.
    pub fresh_after_link: bool,
    /// The innermost element holding the block's first character.
    pub node: u32,
    /// The kind of element it comes from.
    pub kind: BlockKind,
    /// Where the block stands in the page: from the text holding its first character to the
    /// text holding its last (markup inside included), in bytes of the page as parsed; a line of
    /// preformatted text is given its whole text token's range.
    pub page_range: std::ops::Range<usize>,
    /// The block's text is exactly those bytes of the page (no entity, markup or run of
    /// whitespace inside), so an offset inside it maps to the page byte for byte.
    pub verbatim: bool,
}

/// A page read into blocks and metadata.
#[derive(Debug, Default)]
pub struct Page {
    /// Elements in document order.
    pub nodes: Vec<Node>,
    /// Text blocks in document order.
    pub blocks: Vec<Block>,
    /// Lower-cased tag names, indexed by [`Node::tag`].
    pub tag_names: Vec<String>,
    /// `<meta>` keys (`property`, `name` or `itemprop`, lower-cased) with their content.
    pub meta: Vec<(String, String)>,
    /// Bodies of `<script type="application/ld+json">`.
    pub json_ld: Vec<String>,
    /// The `<title>` text.
    pub title: String,
    /// `datetime` values of `<time>` elements and `datePublished` attributes, in page order.
    pub times: Vec<String>,
}

/// Tags that start and end a block of text.
const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "br",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hgroup",
    "hr",
    "html",
    "li",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
    "title",
    "button",
    "select",
    "option",
    "label",
    "legend",
];

/// Tags whose content is page chrome, never article text.
const CHROME_TAGS: &[&str] = &[
    "nav",
    "footer",
    "aside",
    "header",
    "figcaption",
    "figure",
    "button",
    "select",
    "option",
    "label",
    "legend",
    "dialog",
    "menu",
    "input",
    "address",
    "object",
    "canvas",
    "video",
    "audio",
    "map",
];

/// Tags that never have content.
const VOID_TAGS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen", "command",
];

/// Class and id words that mark page chrome (matched at the start of a word).
const CHROME_WORDS: &[&str] = &[
    "comment",
    "share",
    "sharing",
    "social",
    "related",
    "sidebar",
    "footer",
    "newsletter",
    "subscri",
    "breadcrumb",
    "widget",
    "popup",
    "modal",
    "cookie",
    "sponsor",
    "outbrain",
    "taboola",
    "recommend",
    "trending",
    "promo",
    "advert",
    "caption",
    "byline",
    "pagination",
    "pager",
    "toolbar",
    "masthead",
    "navbar",
    "navigation",
    "menu",
    "mostread",
    "mostpopular",
    "readmore",
    "signup",
    "disqus",
    "banner",
    "hidden",
    "skip",
    "print",
    "ad",
    "ads",
    "nav",
    "tags",
    "tag",
    "credit",
    "rail",
    "dateline",
    "timestamp",
    "author",
    "meta",
    "sr",
    "screen",
    "visually",
    "overlay",
    "login",
    "follow",
    "more",
    "next",
    "prev",
    "listing",
    "teaser",
    "video",
    "gallery",
    "slideshow",
    "photo",
    "image",
    "img",
    "figure",
    "thumbnail",
    "thumb",
    "icon",
    "button",
    "btn",
    "nocontent",
    "hide",
    "donate",
    "partner",
    "feedback",
];

/// Class and id words that mark chrome whatever the element holds.
const STRONG_CHROME_WORDS: &[&str] = &[
    "comment",
    "disqus",
    "respond",
    "reply",
    "related",
    "recommend",
    "outbrain",
    "taboola",
    "trending",
    "mostread",
    "mostpopular",
    "newsletter",
];

/// Ids of the interned tag names the builder tests for, and the tag property bits.
mod tag {
    pub const A: u32 = 0;
    pub const P: u32 = 1;
    pub(crate) const LI: u32 = 2;
    pub(crate) const PRE: u32 = 3;
    pub(crate) const TITLE: u32 = 4;
    pub(crate) const META: u32 = 5;
    pub const SCRIPT: u32 = 6;
    pub(crate) const TIME: u32 = 7;
    pub(crate) const H1: u32 = 8;
    pub(crate) const UL: u32 = 14;
    pub(crate) const OL: u32 = 15;
    pub(crate) const DT: u32 = 16;
    pub const DD: u32 = 17;
    pub(crate) const TR: u32 = 18;
    pub(crate) const TD: u32 = 19;
    pub(crate) const TH: u32 = 20;
    pub const TABLE: u32 = 21;
    pub const ARTICLE: u32 = 22;
    pub(crate) const MAIN: u32 = 23;
    pub(crate) const BODY: u32 = 24;
    /// Names in id order.
    pub(crate) const FIXED: &[&str] = &[
        "a", "p", "li", "pre", "title", "meta", "script", "time", "h1", "h2", "h3", "h4", "h5",
        "h6", "ul", "ol", "dt", "dd", "tr", "td", "th", "table", "article", "main", "body",
    ];
    /// Starts and ends a block of text.
    pub(crate) const BLOCK: u8 = 1;
    /// Page chrome.
    pub(crate) const CHROME: u8 = 2;
    /// Never has content.
    pub(crate) const VOID: u8 = 4;
}

/// What an open element changes while it is open.
mod open {
    pub(crate) const LINK: u8 = 1;
    pub(crate) const HIDDEN: u8 = 2;
    pub(crate) const PRE: u8 = 4;
    pub(crate) const TITLE: u8 = 8;
}

/// An open element.
#[derive(Clone, Copy)]
struct Open {
    node: u32,
    name: u32,
    effects: u8,
}

/// Builds a [`Page`] from tokens.
struct Builder {
    page: Page,
    names: FxHashMap<String, u32>,
    flags: Vec<u8>,
    stack: Vec<Open>,
    block: String,
    chars: u32,
    link_chars: u32,
    leading_link_chars: u32,
    fresh_after_link: bool,
    block_node: u32,
    kind: BlockKind,
    /// Page bytes of the current block: where its first text starts and its last text ends.
    block_range: std::ops::Range<usize>,
    links: u32,
    hidden: u32,
    pre: u32,
    in_title: bool,
    in_ld_json: bool,
    pending_space: bool,
    lower: String,
}

/// The alphanumeric words of a class or id value, split also where a lower-case letter meets an
/// upper-case one (`GoogleDfpAd-adCaption` is Google, Dfp, Ad, ad, Caption).
fn words_of(value: &str) -> impl Iterator<Item = &str> {
    let b = value.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < b.len() && !b[i].is_ascii_alphanumeric() {
            i += 1;
        }
        if i >= b.len() {
            return None;
        }
        let start = i;
        i += 1;
        while i < b.len()
            && b[i].is_ascii_alphanumeric()
            && !(b[i].is_ascii_uppercase() && b[i - 1].is_ascii_lowercase())
        {
            i += 1;
        }
        Some(&value[start..i])
    })
}

/// Whether `word` is `stem` (a short stem, or its plural) or starts with it (a long stem),
/// ignoring ASCII case; stems are lower-case.
fn word_matches(word: &str, stem: &str) -> bool {
    let (w, s) = (word.as_bytes(), stem.as_bytes());
    if w[0].to_ascii_lowercase() != s[0] || w.len() < s.len() {
        return false;
    }
    let prefix = w[..s.len()].eq_ignore_ascii_case(s);
    if s.len() <= 4 {
        prefix
            && (w.len() == s.len() || (w.len() == s.len() + 1 && matches!(w[s.len()], b's' | b'S')))
    } else {
        prefix
    }
}

/// The chrome words by their first letter, strong ones first: each class word is compared
/// with the few stems that start like it.
fn stems_by_letter() -> &'static [Vec<(&'static str, Chrome)>; 26] {
    static TABLE: std::sync::OnceLock<[Vec<(&'static str, Chrome)>; 26]> =
        std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table: [Vec<(&'static str, Chrome)>; 26] = Default::default();
        let all = STRONG_CHROME_WORDS
            .iter()
            .map(|w| (*w, Chrome::Strong))
            .chain(CHROME_WORDS.iter().map(|w| (*w, Chrome::Weak)));
        for (stem, kind) in all {
            table[usize::from(stem.as_bytes()[0] - b'a')].push((stem, kind));
        }
        table
    })
}

/// Whether a class and id value marks page chrome.
pub(crate) fn chrome_class(value: &str) -> Chrome {
    let table = stems_by_letter();
    let mut chrome = Chrome::No;
    for w in words_of(value) {
        let first = w.as_bytes()[0].to_ascii_lowercase();
        if !first.is_ascii_lowercase() {
            continue;
        }
        for &(stem, kind) in &table[usize::from(first - b'a')] {
            if word_matches(w, stem) {
                if kind == Chrome::Strong {
                    return Chrome::Strong;
                }
                chrome = Chrome::Weak;
            }
        }
    }
    chrome
}

/// Decodes character references; text without `&` is borrowed.
pub fn decode(raw: &str) -> Cow<'_, str> {
    if raw.contains('&') {
        html_escape::decode_html_entities(raw)
    } else {
        Cow::Borrowed(raw)
    }
}

impl Builder {
    fn new() -> Self {
        let mut names = FxHashMap::default();
        for (i, n) in tag::FIXED.iter().enumerate() {
            names.insert((*n).to_string(), i as u32);
        }
        let mut flags = vec![0u8; names.len()];
        for (list, bit) in [
            (BLOCK_TAGS, tag::BLOCK),
            (CHROME_TAGS, tag::CHROME),
            (VOID_TAGS, tag::VOID),
        ] {
            for n in list {
                let next = names.len() as u32;
                let id = *names.entry((*n).to_string()).or_insert(next) as usize;
                if flags.len() <= id {
                    flags.resize(id + 1, 0);
                }
                flags[id] |= bit;
            }
        }
        Builder {
            page: Page::default(),
            names,
            flags,
            stack: Vec::new(),
            block: String::new(),
            chars: 0,
            link_chars: 0,
            leading_link_chars: 0,
            fresh_after_link: false,
            block_node: NONE,
            kind: BlockKind::Text,
            block_range: 0..0,
            links: 0,
            hidden: 0,
            pre: 0,
            in_title: false,
            in_ld_json: false,
            pending_space: false,
            lower: String::new(),
        }
    }

    fn intern(&mut self, name: &str) -> u32 {
        self.lower.clear();
        self.lower
            .extend(name.chars().map(|c| c.to_ascii_lowercase()));
        if let Some(&id) = self.names.get(self.lower.as_str()) {
            return id;
        }
        let id = self.names.len() as u32;
        self.names.insert(self.lower.clone(), id);
        id
    }

    fn has(&self, name: u32, bit: u8) -> bool {
        self.flags.get(name as usize).is_some_and(|f| f & bit != 0)
    }

    fn current(&self) -> u32 {
        self.stack
            .iter()
            .rev()
            .find(|o| o.node != NONE)
            .map_or(NONE, |o| o.node)
    }

    fn flush(&mut self) {
        let text = self.block.trim();
        if !text.is_empty() {
            self.page.blocks.push(Block {
                page_range: self.block_range.clone(),
                verbatim: false,
                text: text.to_string(),
                chars: self.chars,
                link_chars: self.link_chars,
                leading_link_chars: self.leading_link_chars,
                fresh_after_link: self.fresh_after_link,
                node: self.block_node,
                kind: self.kind,
            });
        }
        self.block.clear();
        self.chars = 0;
        self.link_chars = 0;
        self.leading_link_chars = 0;
        self.fresh_after_link = false;
        self.block_node = NONE;
        self.kind = BlockKind::Text;
        self.pending_space = false;
    }

    /// Reads a text token that starts at byte `at` of the page.
    fn text(&mut self, raw: &str, at: usize) {
        if self.hidden > 0 {
            return;
        }
        let decoded = decode(raw);
        if self.in_title {
            self.page.title.push_str(&decoded);
            return;
        }
        // The token's bytes without its outer whitespace: what a block's range may cover (a
        // line of preformatted text is given the whole token's).
        let inner = at + (raw.len() - raw.trim_start().len())..at + raw.trim_end().len();
        for c in decoded.chars() {
            if c.is_whitespace() {
                if c == '\n' && self.pre > 0 {
                    self.flush();
                } else {
                    self.pending_space = true;
                }
                continue;
            }
            if c.is_control() || matches!(c, '\u{200b}' | '\u{feff}' | '\u{ad}') {
                continue;
            }
            if self.block.is_empty() {
                self.block_node = self.current();
                self.kind = self.kind_here();
                self.block_range = inner.clone();
            } else if self.pending_space {
                self.block.push(' ');
            }
            self.pending_space = false;
            self.block_range.end = inner.end;
            self.block.push(c);
            self.chars += 1;
            let leading = self.link_chars == self.chars - 1;
            if self.links > 0 {
                if leading {
                    self.leading_link_chars += 1;
                }
                self.link_chars += 1;
            } else if leading && self.link_chars > 0 {
                self.fresh_after_link = c.is_uppercase() || c.is_ascii_digit();
            }
        }
    }

    fn kind_here(&self) -> BlockKind {
        for o in self.stack.iter().rev() {
            if (tag::H1..tag::H1 + 6).contains(&o.name) {
                return BlockKind::Heading((o.name - tag::H1 + 1) as u8);
            }
            if o.name == tag::LI {
                return BlockKind::ListItem;
            }
            if matches!(o.name, tag::P | tag::ARTICLE | tag::MAIN | tag::BODY) {
                break;
            }
        }
        BlockKind::Text
    }

    /// Closes the open elements from the top of the stack down to `index`.
    fn pop_to(&mut self, index: usize) {
        while self.stack.len() > index {
            let o = self.stack.pop().expect("the stack is longer than index");
            if o.node != NONE {
                self.page.nodes[o.node as usize].end = self.page.nodes.len() as u32;
            }
            if o.effects & open::LINK != 0 {
                self.links -= 1;
            }
            if o.effects & open::HIDDEN != 0 {
                self.hidden -= 1;
            }
            if o.effects & open::PRE != 0 {
                self.pre -= 1;
            }
            if o.effects & open::TITLE != 0 {
                self.in_title = false;
            }
        }
    }

    /// The stack index of the nearest open element named `name`, not looking past `stop`.
    fn open_index(&self, name: u32, stop: &[u32]) -> Option<usize> {
        for (i, o) in self.stack.iter().enumerate().rev() {
            if o.name == name {
                return Some(i);
            }
            if stop.contains(&o.name) {
                return None;
            }
        }
        None
    }

    fn start(&mut self, raw_name: &str, attrs: &str) {
        let name = self.intern(raw_name);
        let block = self.has(name, tag::BLOCK);
        // Elements a new one closes implicitly.
        let closes: Option<(u32, &[u32])> = match name {
            tag::LI => Some((tag::LI, &[tag::UL, tag::OL])),
            tag::DT | tag::DD => Some((name, &[tag::DT, tag::DD])),
            tag::TR => Some((tag::TR, &[tag::TABLE])),
            tag::TD | tag::TH => Some((name, &[tag::TR, tag::TABLE])),
            _ => None,
        };
        if let Some((closed, stop)) = closes {
            if let Some(i) = self.open_index(closed, stop) {
                self.flush();
                self.pop_to(i);
            } else if matches!(name, tag::DT | tag::DD) {
                let other = if name == tag::DT { tag::DD } else { tag::DT };
                if let Some(i) = self.open_index(other, &[]) {
                    self.flush();
                    self.pop_to(i);
                }
            }
        }
        if block && self.stack.last().is_some_and(|o| o.name == tag::P) {
            self.flush();
            let i = self.stack.len() - 1;
            self.pop_to(i);
        }
        if block {
            self.flush();
        }
        let mut class = String::new();
        let mut effects = 0u8;
        let mut article_body = false;
        let (mut key, mut content, mut datetime, mut ld_json) = (None, None, None, false);
        for (k, v) in attributes(attrs) {
            match k.to_ascii_lowercase().as_str() {
                "class" | "id" => {
                    class.push_str(v);
                    class.push(' ');
                }
                "hidden" => effects |= open::HIDDEN,
                "aria-hidden" if v.eq_ignore_ascii_case("true") => effects |= open::HIDDEN,
                "style" => {
                    let s: String = v.chars().filter(|c| !c.is_whitespace()).collect();
                    let s = s.to_ascii_lowercase();
                    if s.contains("display:none") || s.contains("visibility:hidden") {
                        effects |= open::HIDDEN;
                    }
                }
                "itemprop" => {
                    if v.eq_ignore_ascii_case("articleBody") {
                        article_body = true;
                    }
                    if v.eq_ignore_ascii_case("datePublished") {
                        datetime = datetime.or(Some(v));
                    }
                    key = key.or(Some(v));
                }
                "property" | "name" => key = Some(v),
                "content" => content = Some(v),
                "datetime" => datetime = Some(v),
                "type" if v.to_ascii_lowercase().contains("ld+json") => ld_json = true,
                _ => {}
            }
        }
        match name {
            tag::META => {
                if let (Some(k), Some(c)) = (key, content) {
                    self.page
                        .meta
                        .push((k.to_ascii_lowercase(), decode(c).trim().to_string()));
                }
            }
            tag::SCRIPT => self.in_ld_json = ld_json,
            tag::TIME => {
                if let Some(d) = datetime {
                    self.page.times.push(decode(d).trim().to_string());
                }
            }
            _ => {
                if let (Some(d), Some(k)) = (content.or(datetime), key) {
                    if k.eq_ignore_ascii_case("datePublished") {
                        self.page.times.push(decode(d).trim().to_string());
                    }
                }
            }
        }
        if self.has(name, tag::VOID) || raw_name.is_empty() {
            return;
        }
        // Only raw-text elements honour `/>`; for the others browsers ignore it.
        if super::tokenize::is_raw_text(raw_name) && super::tokenize::self_closing(attrs) {
            return;
        }
        match name {
            tag::A => effects |= open::LINK,
            tag::PRE => effects |= open::PRE,
            tag::TITLE if self.page.blocks.is_empty() && self.page.title.is_empty() => {
                effects |= open::TITLE
            }
            _ => {}
        }
        let parent = self.current();
        let node = if self.page.nodes.len() < MAX_ELEMENTS && self.stack.len() < MAX_DEPTH {
            let id = self.page.nodes.len() as u32;
            let chrome = if self.has(name, tag::CHROME) {
                Chrome::Strong
            } else if matches!(name, tag::BODY | tag::MAIN | tag::ARTICLE)
                || article_body
                || raw_name.eq_ignore_ascii_case("html")
            {
                // Page-wide classes ("has-comments", "with-sidebar") describe the layout.
                Chrome::No
            } else {
                chrome_class(&class)
            };
            self.page.nodes.push(Node {
                parent,
                tag: name,
                end: id + 1,
                chrome,
                article_body,
            });
            id
        } else {
            NONE
        };
        if node == NONE && self.stack.len() >= MAX_DEPTH {
            // Too deep: the element is not opened; its effects would never be undone.
            return;
        }
        if effects & open::LINK != 0 {
            self.links += 1;
        }
        if effects & open::HIDDEN != 0 {
            self.hidden += 1;
        }
        if effects & open::PRE != 0 {
            self.pre += 1;
        }
        if effects & open::TITLE != 0 {
            self.in_title = true;
        }
        self.stack.push(Open {
            node,
            name,
            effects,
        });
    }

    fn end(&mut self, raw_name: &str) {
        let name = self.intern(raw_name);
        if self.has(name, tag::BLOCK) {
            self.flush();
        }
        if let Some(i) = self.open_index(name, &[]) {
            self.pop_to(i);
        }
    }

    fn raw(&mut self, content: &str) {
        if self.in_ld_json {
            self.page.json_ld.push(content.to_string());
            self.in_ld_json = false;
        }
        // The raw-text element's closing tag was consumed with its content.
        if let Some(top) = self.stack.len().checked_sub(1) {
            self.pop_to(top);
        }
    }
}

/// Where `part`, a slice the tokenizer took from `page`, starts in it (0 if it is not one).
fn offset_in(page: &str, part: &str) -> usize {
    (part.as_ptr() as usize)
        .checked_sub(page.as_ptr() as usize)
        .filter(|at| at + part.len() <= page.len())
        .unwrap_or(0)
}

/// Reads a page into blocks and metadata.
pub fn parse(html: &str) -> Page {
    let mut b = Builder::new();
    for token in Tokenizer::new(html) {
        match token {
            Token::Start { name, attrs } => b.start(name, attrs),
            Token::End { name } => b.end(name),
            Token::Text(t) => b.text(t, offset_in(html, t)),
            Token::Raw(r) => b.raw(r),
        }
    }
    b.flush();
    b.pop_to(0);
    let mut page = b.page;
    page.tag_names = vec![String::new(); b.names.len()];
    for (name, id) in b.names {
        page.tag_names[id as usize] = name;
    }
    page.title = page.title.split_whitespace().collect::<Vec<_>>().join(" ");
    for block in &mut page.blocks {
        block.verbatim = html.get(block.page_range.clone()) == Some(block.text.as_str());
    }
    page
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_with_links_kinds_and_chrome() {
        let page = parse(
            "<html><head><title>A  title</title><meta property=og:site_name content='The &amp; Times'></head>\
             <body><nav><a href=/>Home</a></nav><div class=story><h2>Sub</h2><p>One <a href=x>two</a> three\
             <p>Four<ul><li>five<li>six</ul><div style='display: none'>secret</div></div></body></html>",
        );
        let texts: Vec<_> = page.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            vec!["Home", "Sub", "One two three", "Four", "five", "six"]
        );
        assert_eq!(page.title, "A title");
        assert_eq!(
            page.meta,
            vec![("og:site_name".to_string(), "The & Times".to_string())]
        );
        let nav = &page.blocks[0];
        assert_eq!(nav.link_chars, nav.chars);
        let nav_element = page.nodes[nav.node as usize].parent;
        assert_eq!(page.nodes[nav_element as usize].chrome, Chrome::Strong);
        assert_eq!(page.blocks[1].kind, BlockKind::Heading(2));
        assert_eq!(page.blocks[2].link_chars, 3);
        assert_eq!(page.blocks[4].kind, BlockKind::ListItem);
        assert!(page.blocks[2..]
            .iter()
            .all(|b| page.nodes[b.node as usize].chrome == Chrome::No));
    }

    #[test]
    fn chrome_classes() {
        assert_eq!(chrome_class("share-buttons "), Chrome::Weak);
        assert_eq!(chrome_class("ad "), Chrome::Weak);
        assert_eq!(chrome_class("related-links "), Chrome::Strong);
        assert_eq!(chrome_class("article-comments "), Chrome::Strong);
        assert_eq!(chrome_class("header-wrapper "), Chrome::No);
        assert_eq!(chrome_class("loading "), Chrome::No);
        assert_eq!(chrome_class("GoogleDfpAd-adCaption"), Chrome::Weak);
        assert_eq!(chrome_class("CommentsList"), Chrome::Strong);
        assert_eq!(chrome_class("ArticlePage-articleBody"), Chrome::No);
    }

    #[test]
    fn deep_nesting_is_capped() {
        let html = format!(
            "{}<p>deep text</p>{}",
            "<div>".repeat(10_000),
            "</div>".repeat(10_000)
        );
        let page = parse(&html);
        assert!(page.nodes.len() <= MAX_DEPTH + 1);
        assert_eq!(page.blocks.len(), 1);
        assert_eq!(page.blocks[0].text, "deep text");
    }
}
