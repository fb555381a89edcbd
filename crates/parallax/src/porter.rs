//! Porter stemmer, as implemented by NLTK's `nltk.stem.porter.PorterStemmer`
//! in its default `NLTK_EXTENSIONS` mode.
//!
//! This is the stemmer rouge-score uses when `use_stemmer=True`, so ROUGE
//! figures only match the Python package if this stemmer matches NLTK word for
//! word. The NLTK mode differs from Porter's 1980 paper in several places:
//!
//! * a small pool of irregular forms is looked up first (`skies` -> `sky`,
//!   `dying` -> `die`, `news` -> `news`, ...);
//! * words of one or two letters are returned unchanged;
//! * step 1a maps a four-letter `-ies` word to `-ie` (`ties` -> `tie`);
//! * step 1b maps `-ied` to `-ie` (four letters) or `-i` (`spied` -> `spi`);
//! * condition `*o` also holds for a two-letter stem vowel + consonant;
//! * step 1c turns `y` into `i` only after a consonant that is not the first
//!   letter (`happy` -> `happi`, `enjoy` -> `enjoy`, `by` stays);
//! * step 2 applies `-alli` -> `-al` first and re-runs step 2 on the result,
//!   uses `-bli` -> `-ble` instead of `-abli` -> `-able`, and adds
//!   `-fulli` -> `-ful` and `-logi` -> `-log` (measured with the `l`).
//!
//! Words are processed letter by letter (bytes for ASCII input, `char`s
//! otherwise), exactly as NLTK processes Python string characters.

/// NLTK's pool of irregular forms: word -> stem, checked before any rule.
const IRREGULAR_FORMS: [(&str, &str); 16] = [
    ("sky", "sky"),
    ("skies", "sky"),
    ("dying", "die"),
    ("lying", "lie"),
    ("tying", "tie"),
    ("news", "news"),
    ("innings", "inning"),
    ("inning", "inning"),
    ("outings", "outing"),
    ("outing", "outing"),
    ("cannings", "canning"),
    ("canning", "canning"),
    ("howe", "howe"),
    ("proceed", "proceed"),
    ("exceed", "exceed"),
    ("succeed", "succeed"),
];

/// Stems one word with NLTK's Porter stemmer (`NLTK_EXTENSIONS` mode).
///
/// The word is lowercased first, as NLTK does. Words of one or two letters
/// and NLTK's irregular forms are handled before the suffix rules. For the
/// lowercase ASCII words rouge-score produces this is byte-for-byte NLTK's
/// `PorterStemmer().stem(word)`.
#[must_use]
pub fn stem(word: &str) -> String {
    if word.is_ascii() {
        let mut letters = word.as_bytes().to_ascii_lowercase();
        stem_in_place(&mut letters);
        // Only ASCII letters are ever removed or appended.
        String::from_utf8(letters).expect("stemming keeps ASCII text ASCII")
    } else {
        let mut letters: Vec<char> = word.to_lowercase().chars().collect();
        if let Some(stemmed) = irregular_form(&letters) {
            return stemmed.to_owned();
        }
        // NLTK compares the length of the word before lowercasing.
        if word.chars().count() > 2 {
            apply_steps(&mut letters);
        }
        letters.into_iter().collect()
    }
}

/// Stems a lowercase ASCII word held in `word`, in place.
///
/// Same result as [`stem`], without allocating: the buffer is truncated and
/// extended as the rules fire. The caller must pass lowercase ASCII bytes.
pub(crate) fn stem_in_place(word: &mut Vec<u8>) {
    if let Some(stemmed) = irregular_form(word) {
        word.clear();
        word.extend_from_slice(stemmed.as_bytes());
        return;
    }
    if word.len() > 2 {
        apply_steps(word);
    }
}

/// A letter of a word being stemmed: a byte for ASCII words, a `char` otherwise.
trait Letter: Copy + PartialEq {
    /// Whether this letter is the ASCII character `b`.
    fn is(self, b: u8) -> bool;
    /// The letter for the ASCII character `b`.
    fn from_ascii(b: u8) -> Self;
}

impl Letter for u8 {
    fn is(self, b: u8) -> bool {
        self == b
    }
    fn from_ascii(b: u8) -> Self {
        b
    }
}

impl Letter for char {
    fn is(self, b: u8) -> bool {
        self == char::from(b)
    }
    fn from_ascii(b: u8) -> Self {
        char::from(b)
    }
}

/// The stem of `word` if it is one of NLTK's irregular forms.
fn irregular_form<L: Letter>(word: &[L]) -> Option<&'static str> {
    IRREGULAR_FORMS
        .iter()
        .find(|(form, _)| equals(word, form))
        .map(|&(_, stemmed)| stemmed)
}

/// Runs Porter steps 1a to 5b on `word`.
fn apply_steps<L: Letter>(word: &mut Vec<L>) {
    step1a(word);
    step1b(word);
    step1c(word);
    step2(word);
    step3(word);
    step4(word);
    step5a(word);
    step5b(word);
}

fn equals<L: Letter>(word: &[L], text: &str) -> bool {
    word.len() == text.len() && word.iter().zip(text.bytes()).all(|(&l, b)| l.is(b))
}

fn ends_with<L: Letter>(word: &[L], suffix: &str) -> bool {
    word.len() >= suffix.len() && equals(&word[word.len() - suffix.len()..], suffix)
}

fn push_str<L: Letter>(word: &mut Vec<L>, text: &str) {
    word.extend(text.bytes().map(L::from_ascii));
}

fn is_vowel<L: Letter>(l: L) -> bool {
    l.is(b'a') || l.is(b'e') || l.is(b'i') || l.is(b'o') || l.is(b'u')
}

/// Porter's consonant test for `word[i]`: not a vowel, and a `y` only when it
/// starts the word or follows a vowel (a run of `y`s alternates).
fn is_consonant<L: Letter>(word: &[L], i: usize) -> bool {
    if is_vowel(word[i]) {
        return false;
    }
    if !word[i].is(b'y') {
        return true;
    }
    let mut i = i;
    let mut negate = false;
    while i > 0 && word[i].is(b'y') {
        negate = !negate;
        i -= 1;
    }
    // Consonant when the letter before the run is a consonant and the run
    // length is even, or a vowel and the run length is odd.
    is_vowel(word[i]) == negate
}

/// Calls `f` with the consonant flag of every letter, left to right.
fn for_each_flag<L: Letter>(word: &[L], mut f: impl FnMut(bool)) {
    let mut previous = true;
    for (i, &l) in word.iter().enumerate() {
        let consonant = if is_vowel(l) {
            false
        } else if l.is(b'y') {
            i == 0 || !previous
        } else {
            true
        };
        f(consonant);
        previous = consonant;
    }
}

/// Porter's measure `m` of `[C](VC){m}[V]`: the number of vowel-to-consonant
/// transitions.
fn measure<L: Letter>(word: &[L]) -> usize {
    let mut m = 0;
    let mut previous_vowel = false;
    for_each_flag(word, |consonant| {
        if consonant && previous_vowel {
            m += 1;
        }
        previous_vowel = !consonant;
    });
    m
}

/// Condition `*v*`: the stem contains a vowel.
fn contains_vowel<L: Letter>(word: &[L]) -> bool {
    let mut vowel = false;
    for_each_flag(word, |consonant| vowel |= !consonant);
    vowel
}

/// Condition `*d`: the word ends with a double consonant.
fn ends_double_consonant<L: Letter>(word: &[L]) -> bool {
    let n = word.len();
    n >= 2 && word[n - 1] == word[n - 2] && is_consonant(word, n - 1)
}

/// Condition `*o`: consonant-vowel-consonant ending whose last consonant is
/// not `w`, `x` or `y`; NLTK also accepts a whole two-letter word
/// vowel-consonant.
fn ends_cvc<L: Letter>(word: &[L]) -> bool {
    let n = word.len();
    (n >= 3
        && is_consonant(word, n - 3)
        && !is_consonant(word, n - 2)
        && is_consonant(word, n - 1)
        && !(word[n - 1].is(b'w') || word[n - 1].is(b'x') || word[n - 1].is(b'y')))
        || (n == 2 && !is_consonant(word, 0) && is_consonant(word, 1))
}

/// The condition attached to a suffix rule.
#[derive(Clone, Copy)]
enum Cond {
    /// Always applies.
    Always,
    /// `m > 0` on the stem.
    M0,
    /// `m > 1` on the stem.
    M1,
    /// `m > 1` and the stem ends with `s` or `t` (step 4 `-ion`).
    Ion,
    /// `m > 0` on the stem plus the `l` of `-logi` (NLTK step 2).
    Logi,
}

/// Whether `cond` holds for the stem `word[..stem_len]`.
fn holds<L: Letter>(cond: Cond, word: &[L], stem_len: usize) -> bool {
    let stem = &word[..stem_len];
    match cond {
        Cond::Always => true,
        Cond::M0 => measure(stem) > 0,
        Cond::M1 => measure(stem) > 1,
        Cond::Ion => measure(stem) > 1 && stem.last().is_some_and(|&l| l.is(b's') || l.is(b't')),
        Cond::Logi => measure(&word[..=stem_len]) > 0,
    }
}

/// Applies the first rule whose suffix ends `word`, if its condition holds;
/// later rules are not tried once a suffix has matched.
fn apply_rules<L: Letter>(word: &mut Vec<L>, rules: &[(&str, &str, Cond)]) {
    for &(suffix, replacement, cond) in rules {
        if ends_with(word, suffix) {
            let stem_len = word.len() - suffix.len();
            if holds(cond, word, stem_len) {
                word.truncate(stem_len);
                push_str(word, replacement);
            }
            return;
        }
    }
}

/// Step 1a: plurals (`-sses`, `-ies`, `-ss`, `-s`).
fn step1a<L: Letter>(word: &mut Vec<L>) {
    if word.len() == 4 && ends_with(word, "ies") {
        word.pop(); // "ies" -> "ie"
        return;
    }
    apply_rules(
        word,
        &[
            ("sses", "ss", Cond::Always),
            ("ies", "i", Cond::Always),
            ("ss", "ss", Cond::Always),
            ("s", "", Cond::Always),
        ],
    );
}

/// Step 1b: `-eed`, `-ed`, `-ing` and the tidying that follows them.
fn step1b<L: Letter>(word: &mut Vec<L>) {
    let n = word.len();
    if ends_with(word, "ied") {
        // "ied" -> "ie" for four-letter words, "i" otherwise.
        word.truncate(if n == 4 { n - 1 } else { n - 2 });
        return;
    }
    if ends_with(word, "eed") {
        if measure(&word[..n - 3]) > 0 {
            word.pop(); // "eed" -> "ee"
        }
        return;
    }
    let cut = if ends_with(word, "ed") && contains_vowel(&word[..n - 2]) {
        2
    } else if ends_with(word, "ing") && contains_vowel(&word[..n - 3]) {
        3
    } else {
        return;
    };
    word.truncate(n - cut);
    if ends_with(word, "at") || ends_with(word, "bl") || ends_with(word, "iz") {
        push_str(word, "e");
    } else if ends_double_consonant(word) {
        let last = word[word.len() - 1];
        if !(last.is(b'l') || last.is(b's') || last.is(b'z')) {
            word.pop();
        }
    } else if measure(word) == 1 && ends_cvc(word) {
        push_str(word, "e");
    }
}

/// Step 1c: `y` -> `i` after a consonant that is not the first letter.
fn step1c<L: Letter>(word: &mut [L]) {
    let n = word.len();
    if ends_with(word, "y") && n - 1 > 1 && is_consonant(word, n - 2) {
        word[n - 1] = L::from_ascii(b'i');
    }
}

/// Step 2: double suffixes to single ones (`-ational` -> `-ate`, ...).
fn step2<L: Letter>(word: &mut Vec<L>) {
    if ends_with(word, "alli") && measure(&word[..word.len() - 4]) > 0 {
        word.truncate(word.len() - 2); // "alli" -> "al"
        step2(word);
        return;
    }
    apply_rules(
        word,
        &[
            ("ational", "ate", Cond::M0),
            ("tional", "tion", Cond::M0),
            ("enci", "ence", Cond::M0),
            ("anci", "ance", Cond::M0),
            ("izer", "ize", Cond::M0),
            ("bli", "ble", Cond::M0),
            ("alli", "al", Cond::M0),
            ("entli", "ent", Cond::M0),
            ("eli", "e", Cond::M0),
            ("ousli", "ous", Cond::M0),
            ("ization", "ize", Cond::M0),
            ("ation", "ate", Cond::M0),
            ("ator", "ate", Cond::M0),
            ("alism", "al", Cond::M0),
            ("iveness", "ive", Cond::M0),
            ("fulness", "ful", Cond::M0),
            ("ousness", "ous", Cond::M0),
            ("aliti", "al", Cond::M0),
            ("iviti", "ive", Cond::M0),
            ("biliti", "ble", Cond::M0),
            ("fulli", "ful", Cond::M0),
            ("logi", "log", Cond::Logi),
        ],
    );
}

/// Step 3: `-icate`, `-ative`, `-alize`, `-iciti`, `-ical`, `-ful`, `-ness`.
fn step3<L: Letter>(word: &mut Vec<L>) {
    apply_rules(
        word,
        &[
            ("icate", "ic", Cond::M0),
            ("ative", "", Cond::M0),
            ("alize", "al", Cond::M0),
            ("iciti", "ic", Cond::M0),
            ("ical", "ic", Cond::M0),
            ("ful", "", Cond::M0),
            ("ness", "", Cond::M0),
        ],
    );
}

/// Step 4: removes the remaining suffixes when `m > 1`.
fn step4<L: Letter>(word: &mut Vec<L>) {
    apply_rules(
        word,
        &[
            ("al", "", Cond::M1),
            ("ance", "", Cond::M1),
            ("ence", "", Cond::M1),
            ("er", "", Cond::M1),
            ("ic", "", Cond::M1),
            ("able", "", Cond::M1),
            ("ible", "", Cond::M1),
            ("ant", "", Cond::M1),
            ("ement", "", Cond::M1),
            ("ment", "", Cond::M1),
            ("ent", "", Cond::M1),
            ("ion", "", Cond::Ion),
            ("ou", "", Cond::M1),
            ("ism", "", Cond::M1),
            ("ate", "", Cond::M1),
            ("iti", "", Cond::M1),
            ("ous", "", Cond::M1),
            ("ive", "", Cond::M1),
            ("ize", "", Cond::M1),
        ],
    );
}

/// Step 5a: drops a final `e` when `m > 1`, or `m = 1` and not `*o`.
fn step5a<L: Letter>(word: &mut Vec<L>) {
    if ends_with(word, "e") {
        let stem = &word[..word.len() - 1];
        let m = measure(stem);
        if m > 1 || (m == 1 && !ends_cvc(stem)) {
            word.pop();
        }
    }
}

/// Step 5b: `-ll` -> `-l` when `m > 1` (measured on the word minus one `l`).
fn step5b<L: Letter>(word: &mut Vec<L>) {
    if ends_with(word, "ll") && measure(&word[..word.len() - 1]) > 1 {
        word.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::stem;

    #[test]
    fn paper_examples() {
        let cases = [
            ("caresses", "caress"),
            ("ponies", "poni"),
            ("cats", "cat"),
            ("agreed", "agre"),
            ("plastered", "plaster"),
            ("motoring", "motor"),
            ("conflated", "conflat"),
            ("hopping", "hop"),
            ("falling", "fall"),
            ("filing", "file"),
            ("relational", "relat"),
            ("conditional", "condit"),
            ("generalization", "gener"),
            ("hopefulness", "hope"),
            ("adjustment", "adjust"),
            ("controlling", "control"),
        ];
        for (word, expected) in cases {
            assert_eq!(stem(word), expected, "stem({word})");
        }
    }

    #[test]
    fn nltk_extensions() {
        let cases = [
            ("skies", "sky"),
            ("dying", "die"),
            ("news", "news"),
            ("innings", "inning"),
            ("ties", "tie"),
            ("dies", "die"),
            ("died", "die"),
            ("spied", "spi"),
            ("flies", "fli"),
            ("happy", "happi"),
            ("enjoy", "enjoy"),
            ("sky", "sky"),
            ("is", "is"),
            ("as", "as"),
            ("generously", "gener"),
            ("archaeology", "archaeolog"),
            ("geology", "geolog"),
            ("hopefully", "hope"),
            ("running", "run"),
            ("1990s", "1990"),
        ];
        for (word, expected) in cases {
            assert_eq!(stem(word), expected, "stem({word})");
        }
    }

    #[test]
    fn lowercases_and_handles_non_ascii() {
        assert_eq!(stem("Running"), "run");
        assert_eq!(stem("cafés"), "café");
        assert_eq!(stem("yyyy"), "yyyi");
    }
}
