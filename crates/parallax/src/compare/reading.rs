//! The story's sentences as the conflict finders read them: words with their terms and
//! capitalisation, how rare each term is in the story, who states each part (from the quotes)
//! and which statement each sentence belongs to.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::model::{ConflictSide, Document, Quote, Span};
use crate::segment::words;
use crate::terms::{lower_hash, word_term_hashes};

/// Sentences read per story: beyond this the finders look at the first ones only, so a giant
/// story costs no more than this many.
pub(crate) const MAX_SENTENCES_READ: usize = 5_000;
/// Words read per sentence.
pub(crate) const MAX_WORDS_READ: usize = 120;

/// One word of a sentence.
#[derive(Debug, Clone)]
pub struct Word {
    /// Where it is in the document's text.
    pub span: Span,
    /// Lower-cased, curly apostrophes made straight.
    pub lower: String,
    /// Its stemmed term's hash; `None` for a stop word.
    pub term: Option<u64>,
    /// Starts with an upper-case letter.
    pub cap: bool,
}

/// One sentence of the story.
#[derive(Debug, Clone)]
pub struct Sentence {
    /// The document's index in the story.
    pub doc: usize,
    /// Where it is in the document's text.
    pub span: Span,
    /// Its words, at most [`MAX_WORDS_READ`].
    pub words: Vec<Word>,
    /// Its distinct terms.
    pub terms: HashSet<u64>,
}

impl Sentence {
    /// The text between word `i` and word `i + 1` (empty after the last word).
    pub(crate) fn gap_after<'a>(&self, text: &'a str, i: usize) -> &'a str {
        match (self.words.get(i), self.words.get(i + 1)) {
            (Some(a), Some(b)) => text.get(a.span.end()..b.span.start()).unwrap_or(""),
            _ => "",
        }
    }

    /// True when a clause boundary (punctuation other than a hyphen or an apostrophe) lies
    /// between word `i` and word `i + 1`.
    pub(crate) fn breaks_after(&self, text: &str, i: usize) -> bool {
        self.gap_after(text, i)
            .chars()
            .any(|c| !c.is_whitespace() && !matches!(c, '-' | '\'' | '’'))
    }
}

/// The words of a story's documents, hashed lower-cased ([`lower_hash`]): computed once per
/// story for the phrase joins, the conflict finders and the exclusives.
#[derive(Debug, Clone, Default)]
pub struct Vocabulary {
    /// Per document, its words in any case.
    pub per_doc: Vec<HashSet<u64>>,
    /// The words the story writes in lower case somewhere: common words, not names, even when
    /// a headline capitalises them.
    pub written_lower: HashSet<u64>,
}

impl Vocabulary {
    /// The vocabulary of `docs`.
    pub fn of(docs: &[&Document]) -> Vocabulary {
        let mut out = Vocabulary::default();
        for d in docs {
            let spans = words(&d.text);
            let mut seen = HashSet::with_capacity_and_hasher(spans.len(), Default::default());
            for w in spans.iter().filter_map(|s| s.slice(&d.text)) {
                let hash = lower_hash(w);
                seen.insert(hash);
                if w.chars().next().is_some_and(char::is_lowercase) {
                    out.written_lower.insert(hash);
                }
            }
            out.per_doc.push(seen);
        }
        out
    }

    /// True when document `doc` holds the word whose [`lower_hash`] is `hash`.
    pub fn has(&self, doc: usize, hash: u64) -> bool {
        self.per_doc.get(doc).is_some_and(|v| v.contains(&hash))
    }
}

/// A story's documents read for comparison.
pub struct Reading<'a> {
    /// The documents.
    pub docs: &'a [&'a Document],
    /// Their sentences, in document order.
    pub sentences: Vec<Sentence>,
    /// Per document, its quotes sorted by start.
    quotes: Vec<Vec<&'a Quote>>,
    /// Term -> number of sentences holding it.
    sentence_frequency: HashMap<u64, u32>,
    /// The story's words.
    vocabulary: &'a Vocabulary,
    /// (document, sentence span) -> statement id.
    statements: &'a HashMap<(String, Span), String>,
}

/// Reads the sentence at `span` of document `doc`, whose text is `text`.
pub(crate) fn read_sentence(doc: usize, text: &str, span: Span) -> Sentence {
    read_sentence_and_terms(doc, text, span, false).0
}

/// [`read_sentence`], and with `want_all_terms` the term hashes of all the sentence's words in order
/// (those of [`crate::terms::term_hashes`] on its text, words past [`MAX_WORDS_READ`]
/// included; none without): the words are segmented and stemmed once for both.
fn read_sentence_and_terms(
    doc: usize,
    text: &str,
    span: Span,
    want_all_terms: bool,
) -> (Sentence, Vec<u64>) {
    let body = span.slice(text).unwrap_or("");
    let mut out = Vec::new();
    let mut terms = HashSet::default();
    let mut spans = words(body);
    if !want_all_terms {
        spans.truncate(MAX_WORDS_READ);
    }
    let mut hashes = word_term_hashes(body, &spans);
    let all_terms: Vec<u64> = if want_all_terms {
        hashes.iter().flatten().copied().collect()
    } else {
        Vec::new()
    };
    spans.truncate(MAX_WORDS_READ);
    hashes.truncate(MAX_WORDS_READ);
    for (w, first) in spans.into_iter().zip(hashes) {
        let Some(word) = w.slice(body) else { continue };
        let mut lower = if word.is_ascii() {
            word.to_ascii_lowercase()
        } else {
            word.to_lowercase()
        };
        if lower.contains('’') {
            lower = lower.replace('’', "'");
        }
        // The stop word list counts "years" as a stop word (it is in most sentences of news);
        // as what a number counts it is a unit like any other.
        let term = first.or_else(|| {
            matches!(lower.as_str(), "year" | "years").then(|| crate::terms::hash_term("year"))
        });
        terms.extend(term);
        let abs = Span::new(span.start() + w.start(), span.start() + w.end()).unwrap_or(span);
        out.push(Word {
            span: abs,
            cap: word.chars().next().is_some_and(char::is_uppercase),
            lower,
            term,
        });
    }
    let sentence = Sentence {
        doc,
        span,
        words: out,
        terms,
    };
    (sentence, all_terms)
}

/// The sentences of a story's documents, each read once ([`read_sentence`]), at most
/// [`MAX_SENTENCES_READ`] in document order: what phrase joins and the conflict finders read.
pub struct ReadSentences {
    sentences: Vec<Sentence>,
    /// (document, sentence span) -> its place in `sentences`.
    at: HashMap<(usize, Span), usize>,
}

impl ReadSentences {
    /// Reads the sentences of `docs`. A document read whole has its sentences' terms
    /// ([`Document::sentence_terms`]) filled in on the way, so they are not computed again.
    pub fn of(docs: &[&Document]) -> ReadSentences {
        let mut sentences = Vec::new();
        for (d, doc) in docs.iter().enumerate() {
            if sentences.len() + doc.sentences.len() > MAX_SENTENCES_READ {
                let room = MAX_SENTENCES_READ - sentences.len();
                for s in doc.sentences.iter().take(room) {
                    sentences.push(read_sentence(d, &doc.text, *s));
                }
                break;
            }
            let mut terms = Vec::with_capacity(doc.sentences.len());
            for s in &doc.sentences {
                let (sentence, sentence_terms) = read_sentence_and_terms(d, &doc.text, *s, true);
                sentences.push(sentence);
                terms.push(sentence_terms);
            }
            doc.fill_sentence_terms(terms);
        }
        let at = sentences
            .iter()
            .enumerate()
            .map(|(i, s)| ((s.doc, s.span), i))
            .collect();
        ReadSentences { sentences, at }
    }

    /// The sentence at `span` of document `doc`, when it is one of those read.
    pub fn get(&self, doc: usize, span: Span) -> Option<&Sentence> {
        self.at.get(&(doc, span)).map(|&i| &self.sentences[i])
    }
}

impl<'a> Reading<'a> {
    /// Reads `docs`, whose sentences are `read`; `statements` maps each sentence to its
    /// statement.
    pub fn new(
        docs: &'a [&'a Document],
        read: ReadSentences,
        quotes: &'a [Quote],
        statements: &'a HashMap<(String, Span), String>,
        vocabulary: &'a Vocabulary,
    ) -> Reading<'a> {
        let sentences = read.sentences;
        let mut sentence_frequency: HashMap<u64, u32> = HashMap::default();
        for s in &sentences {
            for t in &s.terms {
                *sentence_frequency.entry(*t).or_default() += 1;
            }
        }
        let index: HashMap<&str, usize> = docs
            .iter()
            .enumerate()
            .map(|(i, d)| (d.id.as_str(), i))
            .collect();
        let mut by_doc: Vec<Vec<&Quote>> = vec![Vec::new(); docs.len()];
        for q in quotes {
            if let Some(&d) = index.get(q.doc.as_str()) {
                by_doc[d].push(q);
            }
        }
        for qs in &mut by_doc {
            qs.sort_by_key(|q| (q.span.start(), q.span.end()));
        }
        Reading {
            docs,
            sentences,
            quotes: by_doc,
            sentence_frequency,
            vocabulary,
            statements,
        }
    }

    /// The text of document `doc`.
    pub fn text(&self, doc: usize) -> &'a str {
        &self.docs[doc].text
    }

    /// The text of a sentence.
    pub(crate) fn sentence_text(&self, s: &Sentence) -> &'a str {
        s.span.slice(self.text(s.doc)).unwrap_or("")
    }

    /// The text of `span` in document `doc`.
    pub fn span_text(&self, doc: usize, span: Span) -> &'a str {
        span.slice(self.text(doc)).unwrap_or("")
    }

    /// How informative a term is in this story: the log of the number of sentences over the
    /// number holding it (a term in every sentence weighs nothing).
    pub fn weight(&self, term: u64) -> f64 {
        let n = self.sentences.len().max(1) as f64;
        let df = f64::from(
            self.sentence_frequency
                .get(&term)
                .copied()
                .unwrap_or(1)
                .max(1),
        );
        (n / df).ln().max(0.0)
    }

    /// How alike two sentences are: the cosine of their term sets, each term weighted by
    /// [`Reading::weight`], so shared rare words count and shared common ones barely do.
    pub fn similarity(&self, a: &Sentence, b: &Sentence) -> f64 {
        let norm = |s: &Sentence| {
            s.terms
                .iter()
                .map(|t| self.weight(*t).powi(2))
                .sum::<f64>()
                .sqrt()
        };
        let dot: f64 = a
            .terms
            .intersection(&b.terms)
            .map(|t| self.weight(*t).powi(2))
            .sum();
        let n = norm(a) * norm(b);
        if n == 0.0 {
            0.0
        } else {
            dot / n
        }
    }

    /// True when two sentences say one thing as [`crate::compare`] groups statements: their
    /// terms overlap by [`crate::compare::SAME_STATEMENT_OVERLAP`] in at least
    /// [`crate::compare::MIN_SHARED_TERMS`] terms.
    pub(crate) fn one_statement(&self, a: &Sentence, b: &Sentence) -> bool {
        let shared = a.terms.intersection(&b.terms).count();
        let small = a.terms.len().min(b.terms.len()).max(1);
        shared >= crate::compare::MIN_SHARED_TERMS.min(small)
            && shared as f64 / small as f64 >= crate::compare::SAME_STATEMENT_OVERLAP
    }

    /// True when the story writes `word` in lower case somewhere: a common word, not a name.
    pub(crate) fn is_common_word(&self, word: &str) -> bool {
        self.vocabulary.written_lower.contains(&lower_hash(word))
    }

    /// True when document `doc` holds `word` anywhere (any case).
    pub(crate) fn doc_has_word(&self, doc: usize, word: &str) -> bool {
        self.vocabulary.has(doc, lower_hash(word))
    }

    /// The quote of document `doc` that covers most of `span`, if any covers part of it.
    pub(crate) fn quote_over(&self, doc: usize, span: Span) -> Option<&'a Quote> {
        let qs = &self.quotes[doc];
        // Quotes are sorted by start: only those starting before the span ends can overlap.
        let upto = qs.partition_point(|q| q.span.start() < span.end());
        qs[..upto]
            .iter()
            .rev()
            .take(64)
            .filter(|q| q.span.end() > span.start())
            .max_by_key(|q| q.span.end().min(span.end()) - q.span.start().max(span.start()))
            .copied()
    }

    /// The statement id of a sentence, when it has one.
    pub(crate) fn statement_of(&self, s: &Sentence) -> Option<&'a String> {
        self.statements.get(&(self.docs[s.doc].id.clone(), s.span))
    }

    /// One side of a conflict: `evidence` in sentence `s`, stating `value`.
    pub fn side(&self, s: &Sentence, evidence: Span, value: Option<String>) -> ConflictSide {
        let doc = self.docs[s.doc];
        let quote = self.quote_over(s.doc, evidence);
        let speaker = quote.and_then(|q| q.speaker.clone());
        // A channel that names no one ("a statement", "Facebook") gives way to the speaker.
        let channel = quote
            .and_then(|q| q.channel.clone())
            .filter(|c| !crate::attribute::names_no_one(c) || speaker.is_none())
            .or_else(|| speaker.clone())
            .unwrap_or_else(|| doc.outlet_name().to_string());
        ConflictSide {
            channel,
            speaker,
            outlets: vec![doc.outlet_name().to_string()],
            value,
            statements: self.statement_of(s).cloned().into_iter().collect(),
            evidence: vec![crate::model::SourceSpan::new(&doc.id, evidence)],
        }
    }

    /// Who states `span` of document `doc`: the speaker of the quote over it, else nobody (the
    /// outlet's own narration).
    pub(crate) fn speaker_at(&self, doc: usize, span: Span) -> Option<&'a str> {
        self.quote_over(doc, span)
            .and_then(|q| q.speaker.as_deref())
    }
}
