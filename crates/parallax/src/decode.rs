//! Decode: bytes to text, then mojibake repair.
//!
//! Charset: a byte-order mark wins, then a charset the page declares (`<meta charset>`), then
//! UTF-8 when the bytes are valid UTF-8, then a guess by `chardetng` for legacy single- and
//! multi-byte encodings. Bytes that are mostly UTF-8 but broken are rejected rather than guessed.
//!
//! Repair: text that was UTF-8, decoded as windows-1252 (or Latin-1), shows each non-ASCII
//! character as two to four Latin characters (`â€™` for `’`). [`repair`] finds such runs,
//! re-encodes them and keeps the result when it is valid UTF-8. It also repairs the case where
//! the last byte of a closing quote was lost (`â€` alone, the 0x9D byte having no windows-1252
//! character), and a closing quote fused with the following space into `†`. Every repair is
//! recorded with its offset, and the returned [`Alignment`] maps the repaired text back.

use encoding_rs::Encoding;

use crate::align::{AlignedBuilder, Alignment};
use crate::model::{Repair, SourceText, Span};

/// Why bytes could not be decoded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// Mostly UTF-8, but with a broken sequence: corrupted rather than in another charset.
    #[error("invalid UTF-8 at byte {offset}")]
    InvalidUtf8 {
        /// Offset of the first bad byte.
        offset: usize,
    },
    /// Decoding gave mostly replacement or control characters.
    #[error("cannot decode as text in any known charset")]
    Undecodable,
}

/// Text decoded from bytes, with the charset it was decoded from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text.
    pub text: String,
    /// The charset's WHATWG name.
    pub charset: &'static str,
    /// How offsets of `text` map to the bytes it was decoded from.
    pub page_map: PageMap,
}

/// How offsets of a decoded text map back to the bytes it was decoded from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageMap {
    /// The bytes were UTF-8: the text is them, after a byte-order mark of `bom` bytes.
    Utf8 {
        /// Length of the byte-order mark dropped before the text.
        bom: usize,
    },
    /// A single-byte charset: each character of the text is one byte.
    OneBytePerChar,
    /// A multi-byte legacy charset or UTF-16: offsets are not mapped.
    Unmapped,
}

impl PageMap {
    /// The map of an encoding whose bytes start after a byte-order mark of `bom` bytes.
    fn of(encoding: &'static Encoding, bom: usize) -> PageMap {
        if encoding == encoding_rs::UTF_8 {
            PageMap::Utf8 { bom }
        } else if encoding.is_single_byte() {
            PageMap::OneBytePerChar
        } else {
            PageMap::Unmapped
        }
    }

    /// The byte of the input at each of `offsets` of `text` (each on a character boundary, at
    /// most `text.len()`), in the order given; `None` when this map cannot place them. Linear in
    /// the text and the offsets.
    pub(crate) fn page_offsets(&self, text: &str, offsets: &[usize]) -> Option<Vec<usize>> {
        match *self {
            PageMap::Utf8 { bom } => Some(offsets.iter().map(|o| o + bom).collect()),
            PageMap::Unmapped => None,
            PageMap::OneBytePerChar => {
                let mut order: Vec<usize> = (0..offsets.len()).collect();
                order.sort_unstable_by_key(|&i| offsets[i]);
                let mut placed = vec![0; offsets.len()];
                let (mut chars, mut at) = (0usize, 0usize);
                for i in order {
                    let want = offsets[i].min(text.len());
                    chars += text.get(at..want)?.chars().count();
                    at = want;
                    placed[i] = chars;
                }
                Some(placed)
            }
        }
    }
}

/// Decodes bytes to text; `html` allows a `<meta charset>` declaration to decide.
pub fn decode_bytes(bytes: &[u8], html: bool) -> Result<Decoded, DecodeError> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let (text, replaced) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        // A replaced byte decodes to three bytes of U+FFFD: offsets no longer map.
        let page_map = if replaced {
            PageMap::Unmapped
        } else {
            PageMap::of(encoding, bom_len)
        };
        return Ok(Decoded {
            text: text.into_owned(),
            charset: encoding.name(),
            page_map,
        });
    }
    if html {
        if let Some(encoding) = declared_charset(bytes) {
            if encoding != encoding_rs::UTF_8 || std::str::from_utf8(bytes).is_ok() {
                let (text, _, _) = encoding.decode(bytes);
                if mostly_undecodable(&text) {
                    return Err(DecodeError::Undecodable);
                }
                return Ok(Decoded {
                    text: text.into_owned(),
                    charset: encoding.name(),
                    page_map: PageMap::of(encoding, 0),
                });
            }
        }
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Decoded {
            text: text.to_string(),
            charset: "UTF-8",
            page_map: PageMap::Utf8 { bom: 0 },
        }),
        Err(e) => {
            if has_valid_multibyte_utf8(bytes) {
                return Err(DecodeError::InvalidUtf8 {
                    offset: e.valid_up_to(),
                });
            }
            let mut detector = chardetng::EncodingDetector::new();
            detector.feed(bytes, true);
            let encoding = detector.guess(None, true);
            let (text, _, _) = encoding.decode(bytes);
            if mostly_undecodable(&text) {
                return Err(DecodeError::Undecodable);
            }
            Ok(Decoded {
                text: text.into_owned(),
                charset: encoding.name(),
                page_map: PageMap::of(encoding, 0),
            })
        }
    }
}

/// True when over 5% of the characters are replacement, private-use or control characters.
/// Reads the UTF-8 bytes directly: the bad characters are recognised by their leading bytes.
fn mostly_undecodable(text: &str) -> bool {
    let b = text.as_bytes();
    let mut bad = 0usize;
    let mut i = 0;
    while i < b.len() {
        // Eight bytes at a time while they are all printable ASCII (no byte under 0x20, none
        // with the high bit, no DEL).
        if let Some(chunk) = b.get(i..i + 8) {
            let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
            const ONES: u64 = 0x0101_0101_0101_0101;
            const HIGH: u64 = 0x8080_8080_8080_8080;
            let control = x.wrapping_sub(0x20 * ONES) & !x & HIGH;
            let del = (x ^ (0x7F * ONES)).wrapping_sub(ONES) & !(x ^ (0x7F * ONES)) & HIGH;
            if (x & HIGH) | control | del == 0 {
                i += 8;
                continue;
            }
        }
        let end = (i + 8).min(b.len());
        bad += undecodable_in(b, i, end);
        i = end;
    }
    bad > 0 && bad * 20 > text.chars().count()
}

/// Bad characters starting in `b[from..to]` (replacement, private-use, control).
fn undecodable_in(b: &[u8], from: usize, to: usize) -> usize {
    let mut bad = 0usize;
    for (i, &x) in b.iter().enumerate().take(to).skip(from) {
        // Printable ASCII and continuation bytes: the common case, decided by one compare.
        if x.wrapping_sub(0x20) < 0x5F || x & 0xC0 == 0x80 {
            continue;
        }
        let next = b.get(i + 1).copied().unwrap_or(0);
        bad += match x {
            // C0 controls other than whitespace, and DEL.
            0x00..=0x08 | 0x0E..=0x1F | 0x7F => 1,
            // C1 controls, U+0080..U+009F (U+0085 is whitespace).
            0xC2 => usize::from((0x80..=0x9F).contains(&next) && next != 0x85),
            // Private use U+E000..U+EFFF.
            0xEE => 1,
            // Private use U+F000..U+F8FF, and U+FFFD.
            0xEF => usize::from(
                (0x80..=0xA3).contains(&next) || (next == 0xBF && b.get(i + 2) == Some(&0xBD)),
            ),
            _ => 0,
        };
    }
    bad
}

/// True when the bytes hold at least one well-formed multi-byte UTF-8 sequence.
fn has_valid_multibyte_utf8(bytes: &[u8]) -> bool {
    bytes.windows(2).enumerate().any(|(i, w)| {
        let need = match w[0] {
            0xC2..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xF4 => 4,
            _ => return false,
        };
        bytes
            .get(i..i + need)
            .is_some_and(|seq| std::str::from_utf8(seq).is_ok())
    })
}

/// The charset a page declares in its first 4 KiB (`<meta charset=...>` or `content="...; charset=..."`).
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
    let mut from = 0;
    while let Some(pos) = find(&lower[from..], b"charset") {
        let mut i = from + pos + b"charset".len();
        while i < lower.len() && matches!(lower[i], b' ' | b'=' | b'"' | b'\'') {
            i += 1;
        }
        let start = i;
        while i < lower.len()
            && (lower[i].is_ascii_alphanumeric() || matches!(lower[i], b'-' | b'_' | b':'))
        {
            i += 1;
        }
        if let Some(encoding) = Encoding::for_label(&lower[start..i]) {
            // A page that says UTF-16 in an ASCII-compatible byte stream is really UTF-8 (HTML spec).
            if encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE {
                return Some(encoding_rs::UTF_8);
            }
            return Some(encoding);
        }
        from = i.max(from + pos + 1);
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// The windows-1252 byte for a character, Latin-1 for the five bytes windows-1252 leaves undefined.
fn cp1252_byte(c: char) -> Option<u8> {
    let b = match c {
        '\u{80}'..='\u{ff}' => c as u32 as u8,
        '€' => 0x80,
        '‚' => 0x82,
        'ƒ' => 0x83,
        '„' => 0x84,
        '…' => 0x85,
        '†' => 0x86,
        '‡' => 0x87,
        'ˆ' => 0x88,
        '‰' => 0x89,
        'Š' => 0x8A,
        '‹' => 0x8B,
        'Œ' => 0x8C,
        'Ž' => 0x8E,
        '‘' => 0x91,
        '’' => 0x92,
        '“' => 0x93,
        '”' => 0x94,
        '•' => 0x95,
        '–' => 0x96,
        '—' => 0x97,
        '˜' => 0x98,
        '™' => 0x99,
        'š' => 0x9A,
        '›' => 0x9B,
        'œ' => 0x9C,
        'ž' => 0x9E,
        'Ÿ' => 0x9F,
        _ => return None,
    };
    Some(b)
}

/// Number of bytes a UTF-8 sequence with this lead byte has, for lead bytes that mojibake shows.
fn sequence_len(lead: u8) -> Option<usize> {
    match lead {
        0xC2..=0xDF => Some(2),
        0xE0..=0xEF => Some(3),
        0xF0..=0xF4 => Some(4),
        _ => None,
    }
}

fn is_continuation(c: char) -> bool {
    cp1252_byte(c).is_some_and(|b| (0x80..=0xBF).contains(&b))
}

/// Text after mojibake repair, the repairs made, and the alignment back to the input text.
#[derive(Debug, Clone)]
pub struct Repaired {
    /// The repaired text.
    pub text: String,
    /// Each repair, with its offset in the input text.
    pub repairs: Vec<Repair>,
    /// Maps the repaired text back to the input text.
    pub alignment: Alignment,
}

/// Repairs mojibake in `text`.
pub fn repair(text: &str) -> Repaired {
    // Whole words first: a word whose characters, read back as windows-1252 bytes, form valid
    // UTF-8 was UTF-8 decoded with the wrong charset. Correct Latin-1 text almost never does.
    let words = repair_words(text);
    // Then runs inside words that did not decode whole (mixed words, lost bytes, fused quotes).
    let runs = repair_runs(&words.text);
    let alignment = runs.alignment.compose(&words.alignment);
    let mut repairs = words.repairs;
    for r in runs.repairs {
        let span: Option<Span<SourceText>> = words.alignment.to_source(r.span).ok();
        let offset = span.map_or(r.span.start(), |s| s.start());
        let from = span
            .and_then(|s| s.slice(text))
            .map_or(r.from.clone(), str::to_string);
        repairs.push(Repair {
            span: Span::clamped(offset, offset + from.len()),
            from,
            to: r.to,
        });
    }
    repairs.sort_by_key(|r| r.span.start());
    Repaired {
        text: runs.text,
        repairs,
        alignment,
    }
}

/// Copies the rest of `text` after `copied_to` and packs the result.
fn finish_repair(
    mut out: AlignedBuilder,
    text: &str,
    copied_to: usize,
    repairs: Vec<Repair>,
) -> Repaired {
    out.copy(text, copied_to, text.len());
    let (text, alignment) = out.finish();
    Repaired {
        text,
        repairs,
        alignment,
    }
}

/// The word-level pass of [`repair`].
fn repair_words(text: &str) -> Repaired {
    let mut out = AlignedBuilder::new();
    let mut repairs = Vec::new();
    let mut copied_to = 0;
    let mut start = 0;
    let bytes = text.as_bytes();
    while start < text.len() {
        // Words split on ASCII whitespace only: a no-break space can be part of mojibake.
        let len = bytes[start..]
            .iter()
            .position(|b| b.is_ascii_whitespace())
            .unwrap_or(text.len() - start);
        let end = start + len;
        if len > 0 {
            let word = &text[start..end];
            if let Some(fixed) = word_fixed(word) {
                out.copy(text, copied_to, start);
                out.replace(start, end, &fixed);
                repairs.push(Repair {
                    from: word.to_string(),
                    to: fixed,
                    span: Span::clamped(start, end),
                });
                copied_to = end;
            }
        }
        start = end + 1;
    }
    finish_repair(out, text, copied_to, repairs)
}

/// Single-byte charsets that UTF-8 is mistaken for, after windows-1252: Cyrillic, Central
/// European (two of them) and Mac Roman, the ones ftfy also undoes.
const OTHER_MISREADINGS: [&Encoding; 4] = [
    encoding_rs::WINDOWS_1251,
    encoding_rs::WINDOWS_1250,
    encoding_rs::ISO_8859_2,
    encoding_rs::MACINTOSH,
];

/// The word with its mojibake undone, when it has any: read back through the most plausible of
/// windows-1252 and [`OTHER_MISREADINGS`] (windows-1252 on a tie), then through windows-1252
/// again as often as it was misread twice over (at most three readings in all).
fn word_fixed(word: &str) -> Option<String> {
    let mut best: Option<(i32, String)> = None;
    // Single-byte charsets show UTF-8 as Latin, Greek, Cyrillic and punctuation, never as
    // East Asian characters: such words are left alone without trying each charset.
    let east_asian = word.chars().any(|c| c >= '\u{3000}');
    let others = OTHER_MISREADINGS.iter().filter(|_| !east_asian);
    let candidates = std::iter::once(word_as_utf8(word))
        .chain(others.map(|&encoding| word_misread_as(word, encoding)));
    for candidate in candidates.flatten().filter(|w| one_script(w)) {
        let score = word_plausibility(&candidate);
        if best.as_ref().is_none_or(|(b, _)| score > *b) {
            best = Some((score, candidate));
        }
    }
    let (_, mut current) = best?;
    for _ in 0..2 {
        match word_as_utf8(&current).filter(|w| one_script(w)) {
            Some(again) => current = again,
            None => break,
        }
    }
    Some(current)
}

/// Accented letters of the most written European languages, which a right reading produces.
const FREQUENT_ACCENTED: &str = "áéíóúàèâêôãõçäëïöüñ";

/// Accented letters of other European languages.
const OTHER_ACCENTED: &str = "ßčšžřěůýćłńśźżőűăşţđòìùîûåāēīūėįųøæœ";

/// How much a word reads like a real one: accented letters count for it (the frequent ones
/// most, lower-case ones a little more), an upper-case letter inside a word and a symbol between
/// letters count against it.
fn word_plausibility(word: &str) -> i32 {
    let chars: Vec<char> = word.chars().collect();
    let mut score = 0;
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|p| chars[p]);
        let next = chars.get(i + 1).copied();
        if !c.is_ascii() {
            let lower = c.to_lowercase().next().unwrap_or(c);
            score += if FREQUENT_ACCENTED.contains(lower) {
                3
            } else if OTHER_ACCENTED.contains(lower) {
                2
            } else if c.is_alphabetic() {
                1
            } else if prev.is_some_and(char::is_alphabetic) && next.is_some_and(char::is_alphabetic)
            {
                -3
            } else {
                0
            };
            if c.is_lowercase() {
                score += 1;
            }
        }
        let inside = prev.is_some_and(char::is_alphabetic) && next.is_some_and(char::is_lowercase);
        if c.is_uppercase() && inside {
            score -= 3;
        }
    }
    score
}

/// The script a letter belongs to, coarsely: Latin, Greek, Cyrillic, Hebrew, Arabic, East
/// Asian, or a block of its own.
fn script_of(c: char) -> u32 {
    match c as u32 {
        0..=0x024F | 0x1E00..=0x1EFF => 0,
        0x0370..=0x03FF => 1,
        0x0400..=0x052F => 2,
        0x0590..=0x05FF => 3,
        0x0600..=0x06FF => 4,
        // Chinese, Japanese and Korean scripts mix within words.
        0x1100..=0x11FF | 0x3000..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF => {
            5
        }
        n => n >> 7,
    }
}

/// Whether the word's letters all come from one script (mojibake read back wrongly mixes them).
fn one_script(word: &str) -> bool {
    let mut scripts = word.chars().filter(|c| c.is_alphabetic()).map(script_of);
    let first = scripts.next();
    scripts.all(|s| Some(s) == first)
}

/// The word re-read as UTF-8 when it is UTF-8 misread as `encoding`: every character is one of
/// the charset's bytes, the bytes are valid UTF-8 with a multi-byte character, and the result is
/// shorter (each non-ASCII character had become two to four).
fn word_misread_as(word: &str, encoding: &'static Encoding) -> Option<String> {
    if word.is_ascii() {
        return None;
    }
    let (bytes, _, unmappable) = encoding.encode(word);
    if unmappable {
        return None;
    }
    let decoded = String::from_utf8(bytes.into_owned()).ok()?;
    let shorter = decoded.chars().count() < word.chars().count();
    let clean = !decoded.chars().any(|c| c.is_control() || c == '\u{fffd}');
    (shorter && clean && !decoded.is_ascii()).then_some(decoded)
}

/// The word re-read as UTF-8, when it is mojibake: non-ASCII, every character a windows-1252
/// byte, the bytes valid UTF-8 with at least one multi-byte character.
fn word_as_utf8(word: &str) -> Option<String> {
    if word.is_ascii() {
        return None;
    }
    let mut bytes = Vec::with_capacity(word.len());
    for c in word.chars() {
        if c.is_ascii() {
            bytes.push(c as u8);
        } else {
            bytes.push(cp1252_byte(c)?);
        }
    }
    let decoded = String::from_utf8(bytes).ok()?;
    (decoded != word && !decoded.is_ascii()).then_some(decoded)
}

/// The run-level pass of [`repair`].
fn repair_runs(text: &str) -> Repaired {
    let mut out = AlignedBuilder::new();
    if text.is_ascii() {
        // Every repair starts at a character outside ASCII.
        return finish_repair(out, text, 0, Vec::new());
    }
    let mut repairs = Vec::new();
    let mut copied_to = 0;
    // The text is read in blocks of whole lines, each as a buffer of its characters: a repair
    // looks at most a few characters ahead and one behind, never across a line end, so blocks
    // give the same repairs as the whole text while the buffer (16 bytes a character) stays
    // small whatever the text's length. The buffer is kept from call to call: fresh pages
    // cost more than the pass itself.
    CHARS.with(|chars| {
        let mut chars = chars.borrow_mut();
        let mut block_start = 0;
        while block_start < text.len() {
            let block_end = block_end(text, block_start);
            chars.clear();
            chars.extend(
                text[block_start..block_end]
                    .char_indices()
                    .map(|(o, c)| (block_start + o, c)),
            );
            copied_to = repair_block(&mut out, text, &chars, block_end, copied_to, &mut repairs);
            block_start = block_end;
        }
        chars.clear();
        chars.shrink_to(BLOCK_BYTES);
    });
    finish_repair(out, text, copied_to, repairs)
}

/// Bytes of text [`repair_runs`] reads at once, at least (a block ends at the next line end).
const BLOCK_BYTES: usize = 1 << 16;

/// Where the block that starts at `start` ends: after the first line end at least
/// [`BLOCK_BYTES`] on, or at the end of the text.
fn block_end(text: &str, start: usize) -> usize {
    let mut from = (start + BLOCK_BYTES).min(text.len());
    while !text.is_char_boundary(from) {
        from += 1;
    }
    text[from..].find('\n').map_or(text.len(), |p| from + p + 1)
}

thread_local! {
    static CHARS: std::cell::RefCell<Vec<(usize, char)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// [`repair_runs`] over one block's characters with their byte offsets in `text`; the block
/// ends at byte `end`. Returns how far the text is copied to `out`.
fn repair_block(
    out: &mut AlignedBuilder,
    text: &str,
    chars: &[(usize, char)],
    end: usize,
    mut copied_to: usize,
    repairs: &mut Vec<Repair>,
) -> usize {
    let mut i = 0;
    while i < chars.len() {
        let at = chars[i].0;
        if let Some((consumed, fixed)) = repair_at(text, chars, i) {
            let run_end = chars.get(i + consumed).map_or(end, |&(o, _)| o);
            out.copy(text, copied_to, at);
            out.replace(at, run_end, &fixed);
            repairs.push(Repair {
                from: text[at..run_end].to_string(),
                to: fixed,
                span: Span::clamped(at, run_end),
            });
            copied_to = run_end;
            i += consumed;
            continue;
        }
        i += 1;
    }
    copied_to
}

/// A repair starting at char index `i`: how many chars it replaces, and with what.
fn repair_at(text: &str, chars: &[(usize, char)], i: usize) -> Option<(usize, String)> {
    let c = chars[i].1;
    if c == '†' {
        return fused_closing_quote(text, chars, i).then(|| (1, "\u{201d} ".to_string()));
    }
    let lead = cp1252_byte(c)?;
    let need = sequence_len(lead)?;
    let mut bytes = vec![lead];
    let mut n = 1;
    while n < need {
        match chars.get(i + n) {
            Some(&(_, next)) if is_continuation(next) => bytes.push(cp1252_byte(next)?),
            _ => break,
        }
        n += 1;
    }
    if n == need {
        let decoded = std::str::from_utf8(&bytes).ok()?;
        let fixed = decoded.chars().next()?;
        // Guard against correct text: the repaired character must be outside Latin-1's letters
        // or the run must contain a character no correct Latin text puts after its lead.
        if plausible_repair(fixed, &chars[i..i + n]) {
            return Some((n, decoded.to_string()));
        }
        return None;
    }
    // The last byte lost: `â€` (E2 80) followed by something that cannot continue it. The byte
    // windows-1252 cannot show is 0x9D, so the character was U+201D, the closing double quote.
    if need == 3 && n == 2 && bytes == [0xE2, 0x80] {
        let next = chars.get(i + 2).map(|&(_, c)| c);
        if next.is_none_or(|c| c.is_whitespace() || c.is_ascii_punctuation()) {
            return Some((2, "\u{201d}".to_string()));
        }
    }
    None
}

/// Mojibake repair is accepted when the result is typographic punctuation or a symbol, or when
/// the broken run contains windows-1252 punctuation that never follows a letter in real text.
fn plausible_repair(fixed: char, run: &[(usize, char)]) -> bool {
    let odd_second = run[1..]
        .iter()
        .any(|&(_, c)| !c.is_alphabetic() || c.is_uppercase());
    let fixed_is_letter_or_mark = fixed.is_alphabetic();
    !fixed_is_letter_or_mark || odd_second || run.len() >= 3
}

/// `†` between sentence punctuation and a letter, closing an open double quote on its line:
/// a closing quote and the space after it, mis-decoded together.
fn fused_closing_quote(text: &str, chars: &[(usize, char)], i: usize) -> bool {
    let prev = i.checked_sub(1).map(|p| chars[p].1);
    let next = chars.get(i + 1).map(|&(_, c)| c);
    if !matches!(prev, Some(',' | '.' | '!' | '?')) || !next.is_some_and(|c| c.is_alphabetic()) {
        return false;
    }
    let at = chars[i].0;
    // Look back over the line, at most 1000 bytes: enough for any quotation, and linear overall.
    let mut window = at.saturating_sub(1000);
    while !text.is_char_boundary(window) {
        window += 1;
    }
    let line_start = text[window..at]
        .rfind(['\n', '\r'])
        .map_or(window, |p| window + p + 1);
    let line = &text[line_start..at];
    // Opening quotes, also as mojibake ("â€œ"), against closing ones.
    let opens = line.matches(['“', '"']).count() + line.matches("â€œ").count();
    let closes = line.matches('”').count() + line.matches("â€\u{9d}").count();
    opens > closes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_text_is_repaired_block_by_block_as_its_lines_are_alone() {
        // Mojibake at the start and end of lines, so that some fall on the blocks' edges.
        let line = "â€œWe open at nine,â€ the cafÃ© owner said, â€“ on Main Street â€”\n";
        let one = repair(line);
        assert!(!one.repairs.is_empty());
        let times = 3 * BLOCK_BYTES / line.len();
        let long = repair(&line.repeat(times));
        assert_eq!(long.text, one.text.repeat(times));
        assert_eq!(long.repairs.len(), one.repairs.len() * times);
        for (k, r) in long.repairs.iter().enumerate() {
            let first = &one.repairs[k % one.repairs.len()];
            assert_eq!(
                r.span.start(),
                first.span.start() + (k / one.repairs.len()) * line.len()
            );
            assert_eq!((&r.from, &r.to), (&first.from, &first.to));
        }
    }

    #[test]
    fn undecodable_share_counts_bad_characters() {
        let bad_chars = |t: &str| {
            t.chars()
                .filter(|&c| {
                    c == '\u{fffd}'
                        || ('\u{e000}'..='\u{f8ff}').contains(&c)
                        || (c.is_control() && !c.is_whitespace())
                })
                .count()
        };
        for t in [
            "plain text",
            "\u{fffd}\u{fffd} mostly fine text here, yes",
            "\u{e000}\u{f8ff}\u{f900}ab",
            "a\u{85}b\u{9f}c\u{80}",
            "tab\tnew\nline\x07bell\x7f",
            "ＡＢＣ\u{ffff}\u{fffc}",
        ] {
            let expected = bad_chars(t) * 20 > t.chars().count();
            assert_eq!(mostly_undecodable(t), expected, "{t:?}");
        }
        assert!(mostly_undecodable("\u{fffd}\u{fffd}ab"));
        assert!(!mostly_undecodable("ordinary text"));
    }

    #[test]
    fn repairs_double_encoded_punctuation() {
        let input = "Xiâ€™s call â€œworkedâ€\u{9d} well";
        let r = repair(input);
        assert_eq!(r.text, "Xi’s call “worked” well");
        assert!(!r.repairs.is_empty());
        for rep in &r.repairs {
            assert!(input[rep.span.start()..].starts_with(&rep.from), "{rep:?}");
        }
    }

    #[test]
    fn repairs_lost_last_byte_and_fused_quote() {
        let r = repair("“created by external forces.â€\nâ€œmajor concern,†Xi said");
        assert_eq!(
            r.text,
            "“created by external forces.”\n“major concern,” Xi said"
        );
    }

    #[test]
    fn leaves_correct_text_alone() {
        for s in [
            "São Paulo é ótimo",
            "Ça coûte 5 €",
            "Grüße aus Köln",
            "İstanbul’da güneş",
            "Hà Nội",
        ] {
            let r = repair(s);
            assert_eq!(r.text, s);
            assert!(r.repairs.is_empty());
        }
    }

    #[test]
    fn declared_legacy_charset_is_used() {
        let bytes = b"<html><head><meta charset=\"windows-1251\"></head><body>\xcf\xf0\xe8\xe2\xe5\xf2</body></html>";
        let d = decode_bytes(bytes, true).unwrap();
        assert!(d.text.contains("Привет"));
        assert_eq!(d.charset, "windows-1251");
    }

    #[test]
    fn broken_utf8_is_rejected() {
        let mut bytes = "Gr\u{fc}\u{df}e ".as_bytes().to_vec();
        bytes.push(0xff);
        assert!(matches!(
            decode_bytes(&bytes, false),
            Err(DecodeError::InvalidUtf8 { .. })
        ));
    }
}
