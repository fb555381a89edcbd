//! Word lists attribution relies on, and segmentation and the conflict finders share: reporting
//! verbs, titles and roles, channel nouns, and a small gazetteer that maps capitals, seats of
//! government and state media to their country. It sits below the stages (it imports nothing);
//! `attribute::lexicon` names it too.
//!
//! They are general English news vocabulary, not tuned to any one article.

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

/// Verbs (and verb forms) that report speech: "said", "noted", "told".
pub(crate) static CUES: WordList = WordList::new(&[
    "acknowledge",
    "acknowledged",
    "acknowledges",
    "added",
    "adding",
    "adds",
    "admit",
    "admits",
    "admitted",
    "advised",
    "agreed",
    "agrees",
    "allege",
    "alleged",
    "alleges",
    "announced",
    "announces",
    "answered",
    "argue",
    "argued",
    "argues",
    "arguing",
    "asked",
    "asks",
    "assert",
    "asserted",
    "asserts",
    "believes",
    "bellowed",
    "boasted",
    "cautioned",
    "cautions",
    "chanted",
    "chanting",
    "charged",
    "claimed",
    "commented",
    "comments",
    "complained",
    "concede",
    "conceded",
    "concedes",
    "confirm",
    "confirmed",
    "confirms",
    "contend",
    "contended",
    "continued",
    "continues",
    "countered",
    "countering",
    "cried",
    "declared",
    "declares",
    "declaring",
    "denied",
    "denies",
    "described",
    "describes",
    "echoed",
    "echoes",
    "emphasised",
    "emphasized",
    "estimated",
    "estimates",
    "exclaimed",
    "exclaims",
    "explain",
    "explained",
    "explaining",
    "explains",
    "fumed",
    "grumbled",
    "gushed",
    "hollered",
    "implied",
    "indicated",
    "indicates",
    "insist",
    "insisted",
    "insisting",
    "insists",
    "interjected",
    "interjecting",
    "joked",
    "jokes",
    "joking",
    "laughed",
    "maintain",
    "maintained",
    "maintains",
    "mused",
    "muttered",
    "noted",
    "notes",
    "noting",
    "observed",
    "observes",
    "pledged",
    "pointed",
    "praised",
    "predict",
    "predicted",
    "predicts",
    "promised",
    "quipped",
    "quipping",
    "quoted",
    "recalled",
    "recalls",
    "reiterated",
    "remarked",
    "remarks",
    "reminded",
    "replied",
    "replies",
    "reported",
    "reports",
    "responded",
    "responds",
    "retorted",
    "retorting",
    "said",
    "say",
    "saying",
    "says",
    "scoffed",
    "screamed",
    "screaming",
    "shouted",
    "shouting",
    "sighed",
    "stated",
    "states",
    "stressed",
    "stresses",
    "stressing",
    "suggest",
    "suggested",
    "suggests",
    "tells",
    "testified",
    "thinks",
    "told",
    "tweeted",
    "tweets",
    "underlined",
    "urged",
    "urges",
    "vowed",
    "warn",
    "warned",
    "warns",
    "whispered",
    "wondered",
    "writes",
    "wrote",
    "yelled",
    "yelling",
]);

/// Verbs of speech that tell how words sounded, not what they said: they report only words in
/// quotation marks ("“Not again,” she sighed") or a clause "that" opens, never a bare clause
/// ("When the vote came in, Lee laughed").
pub(crate) static VOICE_CUES: WordList = WordList::new(&[
    "bellowed",
    "chanted",
    "chanting",
    "cried",
    "exclaimed",
    "fumed",
    "grumbled",
    "gushed",
    "hollered",
    "laughed",
    "muttered",
    "screamed",
    "screaming",
    "scoffed",
    "shouted",
    "shouting",
    "sighed",
    "whispered",
    "yelled",
    "yelling",
]);

/// Reporting verbs after which a bare clause is reported speech ("said the plan failed").
pub(crate) static CLAUSE_VERBS: WordList = WordList::new(&[
    "acknowledge",
    "acknowledged",
    "added",
    "adds",
    "admit",
    "admits",
    "admitted",
    "allege",
    "alleged",
    "alleges",
    "argue",
    "argued",
    "argues",
    "assert",
    "asserted",
    "asserts",
    "claimed",
    "concede",
    "conceded",
    "concedes",
    "contend",
    "contended",
    "explain",
    "explained",
    "explains",
    "insist",
    "insisted",
    "insists",
    "maintain",
    "maintained",
    "maintains",
    "said",
    "say",
    "says",
    "stated",
    "stressed",
    "suggest",
    "suggested",
    "suggests",
    "tells",
    "testified",
    "told",
    "warn",
    "warned",
    "warns",
    "writes",
    "wrote",
]);

/// Reporting verbs that often take a plain object ("announced a plan") and report speech only
/// with "that" ("announced that ...").
pub(crate) static THAT_VERBS: WordList = WordList::new(&[
    "acknowledges",
    "agreed",
    "agrees",
    "announced",
    "announces",
    "cautioned",
    "charged",
    "complained",
    "confirm",
    "confirmed",
    "confirms",
    "declared",
    "declares",
    "denied",
    "denies",
    "estimated",
    "estimates",
    "implied",
    "indicated",
    "indicates",
    "noted",
    "notes",
    "observed",
    "observes",
    "predict",
    "predicted",
    "predicts",
    "recalled",
    "recalls",
    "reiterated",
    "reported",
    "reports",
    "states",
    "stresses",
    "tweeted",
    "tweets",
]);

/// Verbs that attribute a view, a finding or a decision rather than speech ("the survey found
/// that", "she believes that", "the court ruled that"). They report a clause only when "that"
/// follows them, or the words before them when they close the sentence ("…, police believe.");
/// "believes" and "thinks" are [`CUES`] too, read as speech elsewhere.
pub(crate) static VIEW_VERBS: WordList = WordList::new(&[
    "assume",
    "assumed",
    "assumes",
    "believe",
    "believed",
    "believes",
    "conclude",
    "concluded",
    "concludes",
    "decide",
    "decided",
    "decides",
    "demonstrate",
    "demonstrated",
    "demonstrates",
    "determined",
    "doubt",
    "doubted",
    "doubts",
    "expect",
    "expected",
    "expects",
    "fear",
    "feared",
    "fears",
    "feel",
    "feels",
    "felt",
    "find",
    "finds",
    "found",
    "hope",
    "hoped",
    "hopes",
    "imagine",
    "imagined",
    "know",
    "knew",
    "knows",
    "learned",
    "learnt",
    "realise",
    "realised",
    "realises",
    "realize",
    "realized",
    "realizes",
    "recognise",
    "recognised",
    "recognize",
    "recognized",
    "reveal",
    "revealed",
    "reveals",
    "ruled",
    "rules",
    "show",
    "showed",
    "shown",
    "shows",
    "suspect",
    "suspected",
    "suspects",
    "think",
    "thinks",
    "thought",
    "understand",
    "understands",
    "understood",
    "worried",
    "worries",
    "worry",
]);

/// Honorifics and titles that introduce a person's name ("Mr", "President").
pub(crate) static TITLES: WordList = WordList::new(&[
    "adm",
    "admiral",
    "ambassador",
    "archbishop",
    "bishop",
    "brig",
    "brigadier",
    "capt",
    "captain",
    "cardinal",
    "ceo",
    "chair",
    "chairman",
    "chairwoman",
    "chancellor",
    "chief",
    "cmdr",
    "col",
    "colonel",
    "commander",
    "commissioner",
    "congressman",
    "congresswoman",
    "constable",
    "corporal",
    "councillor",
    "councilor",
    "cpl",
    "dame",
    "deputy",
    "det",
    "detective",
    "director",
    "dr",
    "emir",
    "emperor",
    "gen",
    "general",
    "gov",
    "governor",
    "imam",
    "insp",
    "inspector",
    "judge",
    "justice",
    "king",
    "leader",
    "lieutenant",
    "lord",
    "lt",
    "maj",
    "marshal",
    "mayor",
    "minister",
    "miss",
    "mp",
    "mr",
    "mrs",
    "ms",
    "pastor",
    "pope",
    "premier",
    "president",
    "prince",
    "princess",
    "prof",
    "professor",
    "queen",
    "rabbi",
    "rep",
    "rev",
    "reverend",
    "secretary",
    "sen",
    "senator",
    "sgt",
    "sheikh",
    "sheriff",
    "sir",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "sultan",
    "superintendent",
    "supt",
]);

/// A role a description uses and the shorter titles that stand for it where a name is
/// introduced ("the senator" is "Sen. Ann Blake"; "the executive" is "CEO Tom Reed").
pub(crate) const ROLE_TITLES: &[(&str, &[&str])] = &[
    ("executive", &["ceo", "cfo", "coo"]),
    ("senator", &["sen"]),
    ("representative", &["rep"]),
    ("governor", &["gov"]),
    (
        "lawmaker",
        &[
            "sen",
            "senator",
            "rep",
            "representative",
            "congressman",
            "congresswoman",
        ],
    ),
];

/// Lower-case role nouns that introduce a name ("leader Xi Jinping") or stand for a person ("the
/// Chinese leader").
pub(crate) static ROLES: WordList = WordList::new(&[
    "accountant",
    "activist",
    "actor",
    "actress",
    "adviser",
    "advisor",
    "ambassador",
    "analyst",
    "attorney",
    "author",
    "candidate",
    "captain",
    "ceo",
    "chairman",
    "chancellor",
    "chief",
    "coach",
    "colonel",
    "columnist",
    "commissioner",
    "constable",
    "councillor",
    "councilor",
    "counterpart",
    "critic",
    "defenceman",
    "defender",
    "detective",
    "director",
    "doctor",
    "economist",
    "editor",
    "envoy",
    "executive",
    "expert",
    "fellow",
    "founder",
    "goaltender",
    "governor",
    "head",
    "historian",
    "inspector",
    "journalist",
    "lawyer",
    "leader",
    "lecturer",
    "lieutenant",
    "manager",
    "mayor",
    "minister",
    "nurse",
    "officer",
    "official",
    "organiser",
    "organizer",
    "owner",
    "physician",
    "pitcher",
    "player",
    "politician",
    "premier",
    "president",
    "producer",
    "professor",
    "proprietor",
    "prosecutor",
    "psychologist",
    "publisher",
    "reporter",
    "representative",
    "researcher",
    "resident",
    "retiree",
    "scientist",
    "secretary",
    "senator",
    "sergeant",
    "singer",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "strategist",
    "student",
    "surgeon",
    "teacher",
    "trainer",
    "volunteer",
    "worker",
    "writer",
]);

/// Plural nouns for two or more people ("the two leaders").
pub(crate) static PLURAL_ROLES: WordList = WordList::new(&[
    "leaders",
    "men",
    "presidents",
    "sides",
    "women",
    "ministers",
    "officials",
]);

/// Nouns of kinship that introduce a relative by name ("his sister Ann Lee", "the driver's son
/// Tom Lee"): someone a story calls by the given name, not by the surname it shares.
pub(crate) static KIN_NOUNS: WordList = WordList::new(&[
    "aunt",
    "brother",
    "cousin",
    "daughter",
    "father",
    "granddaughter",
    "grandfather",
    "grandmother",
    "grandson",
    "husband",
    "mother",
    "nephew",
    "niece",
    "sister",
    "son",
    "uncle",
    "wife",
]);

/// Words that end the name of a newspaper or a station ("the Port Ellis Courier", "Norvik
/// Radio"): after "told", before "quoted" or after "quoted by", and reporting after the words,
/// the name is the outlet the words went through.
pub(crate) static MASTHEAD_WORDS: WordList = WordList::new(&[
    "bulletin",
    "chronicle",
    "courier",
    "dispatch",
    "examiner",
    "gazette",
    "herald",
    "inquirer",
    "journal",
    "news",
    "observer",
    "post",
    "radio",
    "record",
    "sentinel",
    "telegraph",
    "television",
    "times",
    "tribune",
    "tv",
]);

/// Nouns that make a phrase a channel: the medium words came through.
pub(crate) static CHANNEL_HEADS: WordList = WordList::new(&[
    "account",
    "agency",
    "announcement",
    "broadcast",
    "broadcaster",
    "communique",
    "communiqué",
    "daily",
    "embassy",
    "media",
    "ministry",
    "newspaper",
    "office",
    "outlet",
    "readout",
    "release",
    "report",
    "statement",
    "summary",
    "television",
    "transcript",
    "version",
    "website",
]);

/// Verbs that characterize someone or something in words a quotation gives ("called the plan
/// “reckless”", "denounced the inquiry as “a sham”", "accused him of “bad faith”").
pub(crate) static CHARACTERIZING: WordList = WordList::new(&[
    "accused",
    "accuses",
    "branded",
    "brands",
    "called",
    "calls",
    "denounced",
    "denounces",
    "dubbed",
    "labeled",
    "labelled",
    "termed",
]);

/// Channel nouns for institutions, which speak for themselves ("the agency said"), unlike the
/// documents and the media that carry others' words ("the report said", "CCTV reported Xi as
/// saying").
pub(crate) static INSTITUTION_HEADS: WordList =
    WordList::new(&["agency", "embassy", "ministry", "office"]);

/// Channel nouns for the media, which carry others' words and speak for no one. A website is not
/// one of them: its owner speaks through it ("according to the Larkhill website").
pub(crate) static MEDIA_HEADS: WordList = WordList::new(&[
    "broadcaster",
    "daily",
    "media",
    "newspaper",
    "outlet",
    "television",
]);

/// Prepositions whose object is who is spoken to or about, not who speaks ("wrote to Lund",
/// "said of Lund").
pub(crate) static OBJECT_PREPOSITIONS: WordList = WordList::new(&[
    "about", "against", "at", "into", "of", "on", "over", "to", "toward", "towards", "with",
]);

/// Prepositions whose object is no subject of the sentence: a name right after one is where or
/// whom the sentence is about ("Living in Port Ellis, Marsh saw …"). "About" is not one:
/// the person talked about is often the one who speaks next.
pub(crate) static NON_SUBJECT_PREPOSITIONS: WordList = WordList::new(&[
    "across", "against", "at", "from", "in", "inside", "into", "near", "of", "on", "outside",
    "over", "through", "to", "toward", "towards", "with", "within",
]);

/// Lead-in words that are a whole lead-in alone, with or without a comma ("Then Lee said …",
/// "Later, Lee said …"), where other lead-ins open a phrase up to its comma ("In Port Ellis on
/// Monday, …"); capitalised, they open a sentence, not a name ("Later Ann Lee said", "Even
/// Norvik said").
pub(crate) static ADVERB_LEAD_INS: WordList = WordList::new(&[
    "also",
    "but",
    "earlier",
    "even",
    "however",
    "later",
    "meanwhile",
    "still",
    "then",
    "yet",
]);

/// The articles alone: none of the other [`DETERMINERS`].
pub(crate) static PLAIN_ARTICLES: WordList = WordList::new(&["the", "a", "an"]);

/// Members of a party, who are described by it ("the Idaho Democrat said").
pub(crate) static PARTY_MEMBERS: WordList = WordList::new(&[
    "conservative",
    "democrat",
    "independent",
    "liberal",
    "libertarian",
    "republican",
    "socialist",
    "tory",
]);

/// Nouns for words someone spoke, after the speaker's possessive name ("Lee's reply: “…”", "in
/// Lee's words, “…”").
pub(crate) static SPEECH_NOUNS: WordList = WordList::new(&[
    "answer", "comment", "comments", "remark", "remarks", "reply", "response", "retort", "words",
]);

/// Nouns for writings that "say" things without being people ("the legal memo said", "the
/// study found").
pub(crate) static DOCUMENT_NOUNS: WordList = WordList::new(&[
    "affidavit",
    "analysis",
    "bill",
    "claim",
    "complaint",
    "decision",
    "document",
    "filing",
    "indictment",
    "judgment",
    "lawsuit",
    "letter",
    "memo",
    "notice",
    "order",
    "paper",
    "poll",
    "review",
    "ruling",
    "study",
    "suit",
    "survey",
]);

/// Lower-case words that can modify a channel noun ("state media", "a separate readout").
pub(crate) static CHANNEL_MODIFIERS: WordList = WordList::new(&[
    "brief",
    "foreign",
    "government",
    "joint",
    "national",
    "news",
    "official",
    "press",
    "public",
    "separate",
    "state",
    "state-owned",
    "state-run",
    "written",
]);

/// Countries with the names, demonyms, capitals, seats of government and state media that stand
/// for them in news copy.
pub(crate) const COUNTRIES: &[(&str, &[&str])] = &[
    (
        "Russia",
        &[
            "russia", "russian", "russians", "moscow", "kremlin", "tass", "ria", "interfax",
            "sputnik", "rt",
        ],
    ),
    (
        "China",
        &[
            "china",
            "chinese",
            "beijing",
            "cctv",
            "xinhua",
            "cgtn",
            "zhongnanhai",
            "prc",
            "people's daily",
            "global times",
        ],
    ),
    (
        "United States",
        &[
            "american",
            "americans",
            "washington",
            "white house",
            "pentagon",
            "state department",
            "united states",
            "u.s",
            "us",
            "usa",
        ],
    ),
    (
        "United Kingdom",
        &[
            "britain",
            "british",
            "uk",
            "london",
            "downing street",
            "whitehall",
            "united kingdom",
        ],
    ),
    ("France", &["france", "french", "paris", "elysee", "élysée"]),
    ("Germany", &["germany", "german", "berlin", "bundestag"]),
    ("Japan", &["japan", "japanese", "tokyo", "kyodo"]),
    ("India", &["india", "indian", "delhi", "new delhi"]),
    (
        "Ukraine",
        &["ukraine", "ukrainian", "kyiv", "kiev", "ukrinform"],
    ),
    ("Iran", &["iran", "iranian", "tehran", "irna"]),
    ("Israel", &["israel", "israeli", "jerusalem"]),
    (
        "North Korea",
        &["pyongyang", "kcna", "north korea", "north korean"],
    ),
    (
        "South Korea",
        &["seoul", "yonhap", "south korea", "south korean"],
    ),
    (
        "Turkey",
        &["turkey", "turkish", "ankara", "anadolu", "türkiye"],
    ),
    ("Taiwan", &["taiwan", "taiwanese", "taipei"]),
    (
        "European Union",
        &["eu", "brussels", "european union", "european commission"],
    ),
    ("United Nations", &["un", "united nations"]),
    ("Saudi Arabia", &["saudi", "riyadh", "saudi arabia"]),
    ("Canada", &["canada", "canadian", "ottawa"]),
    ("Australia", &["australia", "australian", "canberra"]),
    ("Brazil", &["brazil", "brazilian", "brasilia", "brasília"]),
    ("Mexico", &["mexico", "mexican"]),
    ("Italy", &["italy", "italian", "rome"]),
    ("Spain", &["spain", "spanish", "madrid"]),
    ("Pakistan", &["pakistan", "pakistani", "islamabad"]),
    ("Egypt", &["egypt", "egyptian", "cairo"]),
    ("Syria", &["syria", "syrian", "damascus"]),
    ("Qatar", &["qatar", "qatari", "doha"]),
    ("Poland", &["poland", "polish", "warsaw"]),
    ("Belarus", &["belarus", "belarusian", "minsk", "belta"]),
    ("Vatican", &["vatican", "holy see"]),
];

/// Names in [`COUNTRIES`] that are places (countries and cities), not demonyms, institutions or
/// media.
pub(crate) const PLACES: &[&str] = &[
    "ankara",
    "australia",
    "beijing",
    "belarus",
    "berlin",
    "brasilia",
    "brasília",
    "brazil",
    "britain",
    "cairo",
    "canada",
    "canberra",
    "china",
    "damascus",
    "delhi",
    "doha",
    "egypt",
    "france",
    "germany",
    "india",
    "iran",
    "islamabad",
    "israel",
    "italy",
    "japan",
    "jerusalem",
    "kiev",
    "kyiv",
    "london",
    "madrid",
    "mexico",
    "minsk",
    "moscow",
    "new delhi",
    "north korea",
    "ottawa",
    "pakistan",
    "paris",
    "poland",
    "pyongyang",
    "qatar",
    "riyadh",
    "rome",
    "russia",
    "saudi arabia",
    "seoul",
    "south korea",
    "spain",
    "syria",
    "taipei",
    "taiwan",
    "tehran",
    "tokyo",
    "turkey",
    "türkiye",
    "u.s",
    "uk",
    "ukraine",
    "united kingdom",
    "united states",
    "us",
    "usa",
    "vatican",
    "warsaw",
    "washington",
];

/// A fixed list of lower-case words whose membership test is one hash lookup: the set is built
/// from the list on first use. Attribution asks whether a token is a cue, a title or a role for
/// every token of a story, so a scan of lists of a hundred words would dominate it.
pub struct WordList {
    words: &'static [&'static str],
    /// By word length (longer words share the last entry): a bit for each first byte (its low
    /// five bits) some word of that length opens with. Most words asked about are in no list;
    /// this turns them away without hashing them.
    openings: [u32; OPENING_LENGTHS],
    set: OnceLock<FxHashSet<&'static str>>,
}

/// Word lengths [`WordList`] tells apart before hashing.
const OPENING_LENGTHS: usize = 16;

/// The entry of [`WordList::openings`] for a word of `len` bytes opening with `first`.
const fn opening(len: usize, first: u8) -> (usize, u32) {
    let at = if len < OPENING_LENGTHS {
        len
    } else {
        OPENING_LENGTHS - 1
    };
    (at, 1 << (first & 31))
}

impl WordList {
    /// A list of `words`, written as they are compared (lower-case, but for the few lists of
    /// abbreviations that are compared as written).
    pub(crate) const fn new(words: &'static [&'static str]) -> WordList {
        let mut openings = [0u32; OPENING_LENGTHS];
        let mut i = 0;
        while i < words.len() {
            let bytes = words[i].as_bytes();
            if !bytes.is_empty() {
                let (at, bit) = opening(bytes.len(), bytes[0]);
                openings[at] |= bit;
            }
            i += 1;
        }
        WordList {
            words,
            openings,
            set: OnceLock::new(),
        }
    }

    /// True when `word` is one of the list's words.
    pub(crate) fn contains(&self, word: &str) -> bool {
        let Some(&first) = word.as_bytes().first() else {
            return self.words.contains(&word);
        };
        let (at, bit) = opening(word.len(), first);
        self.openings[at] & bit != 0
            && self
                .set
                .get_or_init(|| self.words.iter().copied().collect())
                .contains(word)
    }
}

impl std::ops::Deref for WordList {
    type Target = [&'static str];

    fn deref(&self) -> &Self::Target {
        self.words
    }
}

/// True when `word` (lower-case) is in `list`.
pub(crate) fn is_in(list: &WordList, word: &str) -> bool {
    list.contains(word)
}

/// True for a title before a name, written alone ("judge") or as a hyphenated compound one of
/// whose ends is a title ("attorney-general", "vice-chancellor").
pub(crate) fn is_title(lower: &str) -> bool {
    is_in(&TITLES, lower)
        || lower.split_once('-').is_some_and(|(first, rest)| {
            let last = rest.rsplit('-').next().unwrap_or(rest);
            lower.chars().all(|c| c.is_alphabetic() || c == '-')
                && (is_in(&TITLES, first) || is_in(&TITLES, last))
        })
}

/// The country of a place name ("Moscow" → Russia), or `None` for anything that is not a place.
pub(crate) fn place_country(name: &str) -> Option<&'static str> {
    let lower = name.to_lowercase().replace('’', "'");
    let lower = lower.trim_end_matches("'s");
    if !PLACES.contains(&lower) {
        return None;
    }
    COUNTRIES
        .iter()
        .find(|(_, names)| names.contains(&lower))
        .map(|(c, _)| *c)
}

/// The country a channel phrase stands for, from the gazetteer.
pub(crate) fn country_of(phrase: &str) -> Option<&'static str> {
    let lower = phrase.to_lowercase().replace('’', "'");
    let words: Vec<&str> = lower
        .split(|c: char| !(c.is_alphanumeric() || c == '.' || c == '\''))
        .map(|w| w.trim_end_matches("'s").trim_end_matches('.'))
        .filter(|w| !w.is_empty())
        .collect();
    let index = COUNTRY_INDEX.get_or_init(CountryIndex::build);
    // The first country of the gazetteer that one of the phrase's words or one of its own
    // several-word names stands for.
    let by_word = words.iter().filter_map(|w| index.by_word.get(w)).min();
    let by_phrase = index
        .phrases
        .iter()
        .filter(|(name, _)| lower.contains(name))
        .map(|(_, c)| c)
        .min();
    let first = match (by_word, by_phrase) {
        (Some(a), Some(b)) => a.min(b),
        (a, b) => a.or(b)?,
    };
    COUNTRIES.get(*first).map(|(country, _)| *country)
}

/// [`COUNTRIES`] by name: each one-word name with the place of its (first) country, and the
/// names of several words apart.
struct CountryIndex {
    by_word: rustc_hash::FxHashMap<&'static str, usize>,
    phrases: Vec<(&'static str, usize)>,
}

impl CountryIndex {
    fn build() -> CountryIndex {
        let mut index = CountryIndex {
            by_word: rustc_hash::FxHashMap::default(),
            phrases: Vec::new(),
        };
        for (at, (_, names)) in COUNTRIES.iter().enumerate() {
            for name in names.iter() {
                if name.contains(' ') {
                    index.phrases.push((name, at));
                } else {
                    index.by_word.entry(name).or_insert(at);
                }
            }
        }
        index
    }
}

static COUNTRY_INDEX: OnceLock<CountryIndex> = OnceLock::new();

/// Words that describe someone's standing in an office before a title or a name ("Former
/// Tallis governor", "Presumptive Harbour Party nominee"): capitalised at a sentence's start,
/// never part of a name.
pub(crate) static OFFICE_MODIFIERS: WordList = WordList::new(&[
    "acting",
    "current",
    "former",
    "incoming",
    "interim",
    "longtime",
    "outgoing",
    "presumptive",
    "retired",
    "then",
]);

/// Words that end a subject phrase when walking back from a reporting verb.
pub(crate) static CLAUSE_BOUNDARIES: WordList = WordList::new(&[
    "after", "although", "and", "as", "because", "before", "but", "if", "or", "since", "so",
    "than", "that", "though", "when", "where", "whether", "which", "while", "who",
]);

/// Words opening a subordinate clause at the start of a sentence ("When the vote came, …"): the
/// sentence's subject follows the clause.
pub(crate) static SUBORDINATORS: WordList = WordList::new(&[
    "after", "although", "because", "before", "if", "once", "since", "though", "unless", "until",
    "when", "whenever", "while",
]);

/// Adverbs and auxiliaries that may stand between a subject and its reporting verb.
pub(crate) static VERB_ADVERBS: WordList = WordList::new(&[
    "again",
    "already",
    "also",
    "are",
    "been",
    "earlier",
    "even",
    "finally",
    "first",
    "further",
    "had",
    "has",
    "have",
    "immediately",
    "is",
    "initially",
    "later",
    "now",
    "often",
    "once",
    "previously",
    "privately",
    "publicly",
    "quickly",
    "recently",
    "repeatedly",
    "reportedly",
    "then",
    "was",
    "were",
    "would",
]);

/// Words that open a noun phrase that can report speech ("the commission", "several experts").
pub(crate) static DETERMINERS: WordList = WordList::new(&[
    "a", "all", "an", "another", "both", "each", "her", "his", "its", "many", "most", "one",
    "other", "our", "several", "some", "the", "their", "these", "this", "those", "two", "three",
    "four", "five",
]);

/// Prepositions that make what follows a place: where a group of speakers is ("residents near
/// the plant"), where a name stands for a place ("in Kessel", "from Port Ellis").
pub(crate) static PLACE_PREPOSITIONS: WordList = WordList::new(&[
    "across",
    "along",
    "around",
    "at",
    "from",
    "in",
    "inside",
    "near",
    "off",
    "on",
    "outside",
    "throughout",
]);

/// Bare plural nouns that report speech on their own ("police said", "officials say").
pub(crate) static GROUP_NOUNS: WordList = WordList::new(&[
    "activists",
    "analysts",
    "authorities",
    "colleagues",
    "critics",
    "doctors",
    "economists",
    "experts",
    "friends",
    "investigators",
    "lawyers",
    "members",
    "neighbors",
    "neighbours",
    "officers",
    "officials",
    "organisers",
    "organizers",
    "others",
    "parents",
    "people",
    "police",
    "prosecutors",
    "protesters",
    "relatives",
    "researchers",
    "residents",
    "scientists",
    "sources",
    "students",
    "teachers",
    "witnesses",
]);

/// Words that make a capitalised phrase an organisation or place rather than a person.
pub(crate) static ORGANISATION_WORDS: WordList = WordList::new(&[
    "agency",
    "airline",
    "airlines",
    "army",
    "association",
    "authority",
    "bank",
    "board",
    "broadcaster",
    "bureau",
    "canada",
    "center",
    "centre",
    "championship",
    "church",
    "city",
    "club",
    "college",
    "commission",
    "committee",
    "company",
    "corp",
    "corporation",
    "council",
    "county",
    "court",
    "department",
    "diocese",
    "district",
    "firm",
    "foundation",
    "fund",
    "government",
    "group",
    "guild",
    "hospital",
    "house",
    "inc",
    "inspectorate",
    "institute",
    "insurer",
    "league",
    "lender",
    "ltd",
    "manufacturer",
    "media",
    "military",
    "ministry",
    "motors",
    "municipality",
    "museum",
    "network",
    "news",
    "office",
    "organisation",
    "organization",
    "parliament",
    "party",
    "police",
    "post",
    "press",
    "province",
    "railway",
    "regulator",
    "retailer",
    "school",
    "senate",
    "service",
    "services",
    "society",
    "state",
    "street",
    "team",
    "times",
    "tournament",
    "tribune",
    "union",
    "university",
    "utility",
    "watchdog",
]);

/// Words for people who speak on someone's behalf: "a spokeswoman for Ann Lee" gives Ann Lee's
/// words.
pub(crate) static SPOKESPEOPLE: WordList = WordList::new(&[
    "attorney",
    "attorneys",
    "counsel",
    "lawyer",
    "lawyers",
    "publicist",
    "representative",
    "representatives",
    "spokesman",
    "spokesmen",
    "spokespeople",
    "spokesperson",
    "spokeswoman",
    "spokeswomen",
]);

/// Reflexive pronouns: they stress a subject ("the mayor himself") or name the subject again
/// as an object ("declared himself the winner").
pub(crate) static REFLEXIVES: WordList = WordList::new(&[
    "herself",
    "himself",
    "itself",
    "myself",
    "ourselves",
    "themselves",
    "yourself",
]);

/// Words that introduce a reported speaker after the verb's object ("told reporters").
pub(crate) static ADDRESSEES: WordList = WordList::new(&[
    "audience",
    "court",
    "crowd",
    "journalists",
    "media",
    "press",
    "reporters",
    "supporters",
    "viewers",
]);

/// Common verbs whose past tense is not in -ed: a phrase holding one is a clause, not the first
/// half of a subject ("Prices rose and analysts said").
pub(crate) static IRREGULAR_PAST: WordList = WordList::new(&[
    "began", "bought", "broke", "brought", "came", "cut", "drew", "drove", "fell", "fled", "flew",
    "fought", "gave", "got", "grew", "held", "hit", "kept", "knew", "led", "left", "lost", "made",
    "met", "paid", "put", "quit", "ran", "rang", "rode", "rose", "sang", "sank", "sat", "saw",
    "sent", "set", "shut", "sought", "spoke", "stood", "struck", "thought", "threw", "took",
    "went", "won", "wrote",
]);

/// Month names, lower-case.
pub const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Three-letter month abbreviations, lower-case.
pub(crate) const SHORT_MONTHS: &[&str] = &[
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// Weekday names, lower-case, Monday first.
pub static WEEKDAYS: WordList = WordList::new(&[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
]);

/// True for a word of two or more letters written in capitals only ("KFA", "CCTV"): an acronym.
pub(crate) fn is_all_caps(word: &str) -> bool {
    word.chars().count() >= 2 && word.chars().all(char::is_uppercase)
}

/// Holidays, capitalised like names ("Christmas Day").
const HOLIDAYS: &[&str] = &[
    "christmas",
    "diwali",
    "easter",
    "halloween",
    "hanukkah",
    "ramadan",
    "thanksgiving",
];

/// True for a day, month or holiday name (or abbreviation): capitalised, but never part of a
/// name.
pub(crate) fn is_calendar_word(lower: &str) -> bool {
    MONTHS.contains(&lower)
        || SHORT_MONTHS.contains(&lower)
        || WEEKDAYS.contains(lower)
        || HOLIDAYS.contains(&lower)
        || lower == "sept"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_list_holds_its_words_and_nothing_else() {
        static COLOURS: WordList = WordList::new(&["amber", "teal", "ochre"]);
        assert!(COLOURS.contains("teal"));
        assert!(
            !COLOURS.contains("Teal"),
            "the list is lower-case and so is the lookup"
        );
        assert!(!COLOURS.contains("tea"));
        assert_eq!(COLOURS.len(), 3, "the list reads as its slice");
        // Words that share a length and a first letter with a listed word, or whose first
        // bytes share their low bits, still need the set to answer.
        assert!(!COLOURS.contains("tell"));
        assert!(!COLOURS.contains("amberjack-and-more-of-it"));
        static LONG: WordList = WordList::new(&["", "counterintelligence", "à-la-carte"]);
        assert!(LONG.contains("counterintelligence"));
        assert!(!LONG.contains("counterintelligences"));
        assert!(LONG.contains("à-la-carte"));
        assert!(LONG.contains(""));
        assert!(!COLOURS.contains(""));
    }

    #[test]
    fn a_phrase_naming_two_countries_takes_the_first_of_the_gazetteer() {
        let first = |names: &[&str]| {
            COUNTRIES
                .iter()
                .position(|(_, n)| names.iter().any(|w| n.contains(w)))
        };
        // Whatever the order of the words in the phrase, the gazetteer's order decides.
        let (a, b) = ("kremlin", "beijing");
        let expected = COUNTRIES[first(&[a, b]).unwrap()].0;
        assert_eq!(
            country_of(&format!("{b} and {a} officials")),
            Some(expected)
        );
        assert_eq!(
            country_of(&format!("{a} and {b} officials")),
            Some(expected)
        );
        assert_eq!(country_of("a harbour town"), None);
    }
}
