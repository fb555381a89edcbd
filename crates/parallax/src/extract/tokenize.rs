//! Tokenize: HTML bytes to start tags, end tags and text, in one pass that never backtracks.
//!
//! The tokenizer follows the browsers' rules where they matter to text extraction: comments,
//! doctypes and processing instructions are skipped; the content of raw-text elements
//! (`script`, `style`, ...) is one token, ended only by its own closing tag; an unclosed tag or
//! comment at the end of a truncated page ends the page. Entities are left to the caller.

/// One token of an HTML page; slices borrow the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Token<'a> {
    /// `<name attrs>`; `attrs` is the raw attribute text, read with [`attributes`].
    Start {
        /// The tag name as written.
        name: &'a str,
        /// The raw text between the name and the closing `>`.
        attrs: &'a str,
    },
    /// `</name>`.
    End {
        /// The tag name as written.
        name: &'a str,
    },
    /// Text between tags, entities not yet decoded.
    Text(&'a str),
    /// The whole content of a raw-text element (`script`, `style`, ...), after its start tag.
    Raw(&'a str),
}

/// Elements whose content is raw text, ended only by their own closing tag.
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "noscript", "template", "iframe", "xmp", "svg", "math",
];

/// Whether `name` is a raw-text element (ASCII case-insensitive).
pub(crate) fn is_raw_text(name: &str) -> bool {
    RAW_TEXT.iter().any(|r| r.eq_ignore_ascii_case(name))
}

/// The tokens of a page.
pub(crate) struct Tokenizer<'a> {
    html: &'a str,
    pos: usize,
    raw_until: Option<&'a str>,
}

impl<'a> Tokenizer<'a> {
    /// A tokenizer at the start of `html`.
    pub fn new(html: &'a str) -> Self {
        Tokenizer {
            html,
            pos: 0,
            raw_until: None,
        }
    }

    /// The content of a raw-text element, up to its closing tag (which is consumed).
    fn raw(&mut self, name: &str) -> Token<'a> {
        let bytes = self.html.as_bytes();
        let start = self.pos;
        let mut at = start;
        while let Some(i) = memchr::memmem::find(&bytes[at..], b"</") {
            let tag = at + i + 2;
            let end = tag + name.len();
            if end <= bytes.len()
                && bytes[tag..end].eq_ignore_ascii_case(name.as_bytes())
                && bytes
                    .get(end)
                    .is_none_or(|b| b.is_ascii_whitespace() || *b == b'>' || *b == b'/')
            {
                let close =
                    memchr::memchr(b'>', &bytes[end..]).map_or(bytes.len(), |j| end + j + 1);
                self.pos = close;
                return Token::Raw(&self.html[start..at + i]);
            }
            at = tag;
        }
        self.pos = bytes.len();
        Token::Raw(&self.html[start..])
    }
}

/// The end of a tag's attribute text: the first `>` outside quotes.
fn tag_end(bytes: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    let mut quote = 0u8;
    while i < bytes.len() {
        let b = bytes[i];
        if quote != 0 {
            if b == quote {
                quote = 0;
            }
        } else if b == b'>' {
            return Some(i);
        } else if (b == b'"' || b == b'\'') && i > from && bytes[i - 1] == b'=' {
            quote = b;
        }
        i += 1;
    }
    None
}

impl<'a> Iterator for Tokenizer<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        if let Some(name) = self.raw_until.take() {
            return Some(self.raw(name));
        }
        let bytes = self.html.as_bytes();
        loop {
            if self.pos >= bytes.len() {
                return None;
            }
            let start = self.pos;
            if bytes[start] != b'<' {
                let end = memchr::memchr(b'<', &bytes[start..]).map_or(bytes.len(), |i| start + i);
                self.pos = end;
                return Some(Token::Text(&self.html[start..end]));
            }
            let rest = &bytes[start + 1..];
            match rest.first() {
                Some(b'!') if rest.starts_with(b"!--") => {
                    self.pos = memchr::memmem::find(&rest[3..], b"-->")
                        .map_or(bytes.len(), |i| start + 1 + 3 + i + 3);
                }
                Some(b'!') | Some(b'?') => {
                    self.pos = memchr::memchr(b'>', rest).map_or(bytes.len(), |i| start + 2 + i);
                }
                Some(b'/') => {
                    let name_start = start + 2;
                    let name_end = name_end(bytes, name_start);
                    let Some(close) = tag_end(bytes, name_end) else {
                        self.pos = bytes.len();
                        return None;
                    };
                    self.pos = close + 1;
                    if name_end > name_start {
                        return Some(Token::End {
                            name: &self.html[name_start..name_end],
                        });
                    }
                }
                Some(b) if b.is_ascii_alphabetic() => {
                    let name_start = start + 1;
                    let name_end = name_end(bytes, name_start);
                    let Some(close) = tag_end(bytes, name_end) else {
                        self.pos = bytes.len();
                        return None;
                    };
                    self.pos = close + 1;
                    let name = &self.html[name_start..name_end];
                    let attrs = &self.html[name_end..close];
                    if is_raw_text(name) && !self_closing(attrs) {
                        self.raw_until = RAW_TEXT
                            .iter()
                            .copied()
                            .find(|r| r.eq_ignore_ascii_case(name));
                    }
                    return Some(Token::Start { name, attrs });
                }
                _ => {
                    // A `<` that opens no tag is text.
                    let end = memchr::memchr(b'<', &bytes[start + 1..])
                        .map_or(bytes.len(), |i| start + 1 + i);
                    self.pos = end;
                    return Some(Token::Text(&self.html[start..end]));
                }
            }
        }
    }
}

/// Whether a tag's attribute text ends in the self-closing `/` (not the end of an unquoted
/// value, as in `<a href=/>`).
pub(crate) fn self_closing(attrs: &str) -> bool {
    let t = attrs.trim_end();
    t == "/" || t.ends_with(" /") || t.ends_with("\"/") || t.ends_with("'/")
}

/// The end of a tag name starting at `from`.
fn name_end(bytes: &[u8], from: usize) -> usize {
    let mut i = from;
    while i < bytes.len()
        && !(bytes[i].is_ascii_whitespace() || bytes[i] == b'>' || bytes[i] == b'/')
    {
        i += 1;
    }
    i
}

/// The `(name, value)` pairs of a tag's raw attribute text; names as written, values with their
/// quotes removed and entities not decoded. A name without a value has an empty value.
pub fn attributes(attrs: &str) -> impl Iterator<Item = (&str, &str)> {
    let bytes = attrs.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || loop {
        while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
            i += 1;
        }
        if i >= bytes.len() {
            return None;
        }
        let name_start = i;
        while i < bytes.len()
            && !(bytes[i].is_ascii_whitespace() || matches!(bytes[i], b'=' | b'/'))
        {
            i += 1;
        }
        let name = &attrs[name_start..i];
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        if i >= bytes.len() || bytes[i] != b'=' {
            if name.is_empty() {
                i += 1;
                continue;
            }
            return Some((name, ""));
        }
        i += 1;
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let value = match bytes.get(i) {
            Some(&q) if q == b'"' || q == b'\'' => {
                let from = i + 1;
                let to = memchr::memchr(q, &bytes[from..]).map_or(bytes.len(), |j| from + j);
                i = (to + 1).min(bytes.len());
                &attrs[from..to]
            }
            _ => {
                let from = i;
                while i < bytes.len() && !bytes[i].is_ascii_whitespace() {
                    i += 1;
                }
                &attrs[from..i]
            }
        };
        return Some((name, value));
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_text_comments_and_raw_text() {
        let html = "<!DOCTYPE html><p class=\"a b\" id=x>Hi <b>there</b><!-- gone --></p>\
                    <script>if (a < b) { x = '</p>'; }</script><br/>end";
        let tokens: Vec<_> = Tokenizer::new(html).collect();
        assert_eq!(
            tokens,
            vec![
                Token::Start {
                    name: "p",
                    attrs: " class=\"a b\" id=x"
                },
                Token::Text("Hi "),
                Token::Start {
                    name: "b",
                    attrs: ""
                },
                Token::Text("there"),
                Token::End { name: "b" },
                Token::End { name: "p" },
                Token::Start {
                    name: "script",
                    attrs: ""
                },
                Token::Raw("if (a < b) { x = '</p>'; }"),
                Token::Start {
                    name: "br",
                    attrs: "/"
                },
                Token::Text("end"),
            ]
        );
        let attrs: Vec<_> = attributes(" class=\"a b\" id=x hidden data-x='1>2'").collect();
        assert_eq!(
            attrs,
            vec![
                ("class", "a b"),
                ("id", "x"),
                ("hidden", ""),
                ("data-x", "1>2")
            ]
        );
    }

    #[test]
    fn truncated_pages_end_without_panic() {
        for html in [
            "<p>text<",
            "<p class=\"open",
            "<!-- never closed",
            "<script>x",
            "</",
            "< p",
            "<a href='x",
        ] {
            let _ = Tokenizer::new(html).count();
        }
        let tokens: Vec<_> = Tokenizer::new("a < b").collect();
        assert_eq!(tokens, vec![Token::Text("a "), Token::Text("< b")]);
    }
}
