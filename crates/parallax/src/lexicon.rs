//! Word lists attribution relies on, and segmentation and the conflict finders share: reporting
//! verbs, titles and roles, channel nouns, and a small gazetteer that maps capitals, seats of
//! government and state media to their country. It sits below the stages (it imports nothing);
//! `attribute::lexicon` names it too.
//!
//! They are general English news vocabulary, not tuned to any one article.

/// Verbs (and verb forms) that report speech: "said", "noted", "told".
pub const CUES: &[&str] = &[
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
    "asked",
    "asks",
    "assert",
    "asserted",
    "asserts",
    "believes",
    "boasted",
    "cautioned",
    "cautions",
    "charged",
    "claimed",
    "commented",
    "comments",
    "complained",
    "concede",
    "conceded",
    "concedes",
    "confirmed",
    "confirms",
    "contend",
    "contended",
    "continued",
    "continues",
    "cried",
    "declared",
    "declares",
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
    "explain",
    "explained",
    "explains",
    "implied",
    "indicated",
    "indicates",
    "insist",
    "insisted",
    "insisting",
    "insists",
    "joked",
    "jokes",
    "laughed",
    "maintain",
    "maintained",
    "maintains",
    "mused",
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
    "quoted",
    "recalled",
    "recalls",
    "reminded",
    "reiterated",
    "remarked",
    "remarks",
    "replied",
    "replies",
    "reported",
    "reports",
    "responded",
    "responds",
    "said",
    "say",
    "saying",
    "says",
    "shouted",
    "stated",
    "states",
    "stressed",
    "stresses",
    "suggest",
    "suggested",
    "suggests",
    "tells",
    "testified",
    "thinks",
    "told",
    "tweeted",
    "underlined",
    "urged",
    "urges",
    "vowed",
    "warn",
    "warned",
    "warns",
    "wondered",
    "writes",
    "wrote",
];

/// Reporting verbs after which a bare clause is reported speech ("said the plan failed").
pub const CLAUSE_VERBS: &[&str] = &[
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
];

/// Reporting verbs that often take a plain object ("announced a plan") and report speech only
/// with "that" ("announced that ...").
pub const THAT_VERBS: &[&str] = &[
    "acknowledges",
    "agreed",
    "agrees",
    "announced",
    "announces",
    "cautioned",
    "charged",
    "complained",
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
];

/// Verbs that attribute a view, a finding or a decision rather than speech ("the survey found
/// that", "she believes that", "the court ruled that"). They report a clause only when "that"
/// follows them ("believes" and "thinks" are [`CUES`] too, read as speech elsewhere).
pub const VIEW_VERBS: &[&str] = &[
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
];

/// Honorifics and titles that introduce a person's name ("Mr", "President").
pub const TITLES: &[&str] = &[
    "admiral",
    "ambassador",
    "archbishop",
    "bishop",
    "cardinal",
    "ceo",
    "chair",
    "chairman",
    "chairwoman",
    "chancellor",
    "chief",
    "colonel",
    "commissioner",
    "congressman",
    "congresswoman",
    "councillor",
    "councilor",
    "dame",
    "deputy",
    "director",
    "dr",
    "emir",
    "emperor",
    "general",
    "gov",
    "governor",
    "judge",
    "justice",
    "king",
    "leader",
    "lord",
    "mayor",
    "minister",
    "miss",
    "mp",
    "mr",
    "mrs",
    "ms",
    "pope",
    "premier",
    "president",
    "prince",
    "princess",
    "prof",
    "professor",
    "queen",
    "rep",
    "secretary",
    "sen",
    "senator",
    "sheikh",
    "sir",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "sultan",
];

/// A role a description uses and the shorter titles that stand for it where a name is
/// introduced ("the senator" is "Sen. Ann Blake"; "the executive" is "CEO Tom Reed").
pub const ROLE_TITLES: &[(&str, &[&str])] = &[
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
pub const ROLES: &[&str] = &[
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
];

/// Plural nouns for two or more people ("the two leaders").
pub const PLURAL_ROLES: &[&str] = &[
    "leaders",
    "men",
    "presidents",
    "sides",
    "women",
    "ministers",
    "officials",
];

/// Nouns that make a phrase a channel: the medium words came through.
pub const CHANNEL_HEADS: &[&str] = &[
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
];

/// Verbs that characterize someone or something in words a quotation gives ("called the plan
/// “reckless”", "denounced the inquiry as “a sham”", "accused him of “bad faith”").
pub const CHARACTERIZING: &[&str] = &[
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
];

/// Channel nouns for institutions, which speak for themselves ("the agency said"), unlike the
/// documents and the media that carry others' words ("the report said", "CCTV reported Xi as
/// saying").
pub const INSTITUTION_HEADS: &[&str] = &["agency", "embassy", "ministry", "office"];

/// Channel nouns for the media, which carry others' words and speak for no one. A website is not
/// one of them: its owner speaks through it ("according to the Sensei website").
pub const MEDIA_HEADS: &[&str] = &[
    "broadcaster",
    "daily",
    "media",
    "newspaper",
    "outlet",
    "television",
];

/// Prepositions whose object is who is spoken to or about, not who speaks ("wrote to Lund",
/// "said of Lund"), sorted for [`is_in`].
pub const OBJECT_PREPOSITIONS: &[&str] = &[
    "about", "against", "at", "into", "of", "on", "over", "to", "toward", "towards", "with",
];

/// The articles alone: none of the other [`DETERMINERS`].
pub const PLAIN_ARTICLES: &[&str] = &["the", "a", "an"];

/// Members of a party, who are described by it ("the Kentucky Republican said").
pub const PARTY_MEMBERS: &[&str] = &[
    "conservative",
    "democrat",
    "independent",
    "liberal",
    "libertarian",
    "republican",
    "socialist",
    "tory",
];

/// Nouns for writings that "say" things without being people ("the legal document said", "the
/// study found").
pub const DOCUMENT_NOUNS: &[&str] = &[
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
];

/// Lower-case words that can modify a channel noun ("state media", "a separate readout").
pub const CHANNEL_MODIFIERS: &[&str] = &[
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
];

/// Countries with the names, demonyms, capitals, seats of government and state media that stand
/// for them in news copy.
pub const COUNTRIES: &[(&str, &[&str])] = &[
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
pub const PLACES: &[&str] = &[
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

/// True when `word` (lower-case) is in `list`.
pub fn is_in(list: &[&str], word: &str) -> bool {
    list.contains(&word)
}

/// True for a title before a name, written alone ("judge") or as a hyphenated compound one of
/// whose ends is a title ("attorney-general", "vice-chancellor").
pub fn is_title(lower: &str) -> bool {
    is_in(TITLES, lower)
        || lower.split_once('-').is_some_and(|(first, rest)| {
            let last = rest.rsplit('-').next().unwrap_or(rest);
            lower.chars().all(|c| c.is_alphabetic() || c == '-')
                && (is_in(TITLES, first) || is_in(TITLES, last))
        })
}

/// The country of a place name ("Moscow" → Russia), or `None` for anything that is not a place.
pub fn place_country(name: &str) -> Option<&'static str> {
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
pub fn country_of(phrase: &str) -> Option<&'static str> {
    let lower = phrase.to_lowercase().replace('’', "'");
    let words: Vec<&str> = lower
        .split(|c: char| !(c.is_alphanumeric() || c == '.' || c == '\''))
        .map(|w| w.trim_end_matches("'s").trim_end_matches('.'))
        .filter(|w| !w.is_empty())
        .collect();
    COUNTRIES.iter().find_map(|(country, names)| {
        names
            .iter()
            .any(|n| {
                if n.contains(' ') {
                    lower.contains(n)
                } else {
                    words.contains(n)
                }
            })
            .then_some(*country)
    })
}

/// Words that end a subject phrase when walking back from a reporting verb.
pub const CLAUSE_BOUNDARIES: &[&str] = &[
    "after", "although", "and", "as", "because", "before", "but", "if", "or", "since", "so",
    "than", "that", "though", "when", "where", "whether", "which", "while", "who",
];

/// Adverbs and auxiliaries that may stand between a subject and its reporting verb.
pub const VERB_ADVERBS: &[&str] = &[
    "again",
    "already",
    "also",
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
];

/// Words that open a noun phrase that can report speech ("the commission", "several experts").
pub const DETERMINERS: &[&str] = &[
    "a", "all", "an", "another", "both", "each", "her", "his", "its", "many", "most", "one",
    "other", "our", "several", "some", "the", "their", "these", "this", "those", "two", "three",
    "four", "five",
];

/// Bare plural nouns that report speech on their own ("police said", "officials say").
pub const GROUP_NOUNS: &[&str] = &[
    "activists",
    "analysts",
    "authorities",
    "critics",
    "doctors",
    "economists",
    "experts",
    "investigators",
    "lawyers",
    "members",
    "officers",
    "officials",
    "organizers",
    "organisers",
    "others",
    "parents",
    "police",
    "prosecutors",
    "protesters",
    "researchers",
    "residents",
    "scientists",
    "sources",
    "students",
    "teachers",
    "witnesses",
    "people",
];

/// Words that make a capitalised phrase an organisation or place rather than a person.
pub const ORGANISATION_WORDS: &[&str] = &[
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
    "firm",
    "foundation",
    "fund",
    "government",
    "group",
    "guild",
    "hospital",
    "house",
    "inc",
    "institute",
    "insurer",
    "league",
    "lender",
    "ltd",
    "manufacturer",
    "media",
    "military",
    "ministry",
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
];

/// Words that introduce a reported speaker after the verb's object ("told reporters").
pub const ADDRESSEES: &[&str] = &[
    "audience",
    "court",
    "crowd",
    "journalists",
    "media",
    "press",
    "reporters",
    "supporters",
    "viewers",
];

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
pub const SHORT_MONTHS: &[&str] = &[
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// Weekday names, lower-case, Monday first.
pub const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// True for a word of two or more letters written in capitals only ("EDC", "CCTV"): an acronym.
pub fn is_all_caps(word: &str) -> bool {
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
pub fn is_calendar_word(lower: &str) -> bool {
    MONTHS.contains(&lower)
        || SHORT_MONTHS.contains(&lower)
        || WEEKDAYS.contains(&lower)
        || HOLIDAYS.contains(&lower)
        || lower == "sept"
}
