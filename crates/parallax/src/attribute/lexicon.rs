//! Word lists attribution relies on: reporting verbs, titles and roles, channel nouns, and a
//! small gazetteer that maps capitals, seats of government and state media to their country.
//!
//! They are general English news vocabulary, not tuned to any one article.

/// Verbs (and verb forms) that report speech: "said", "noted", "told".
pub const CUES: &[&str] = &[
    "acknowledged",
    "added",
    "adds",
    "admitted",
    "announced",
    "argued",
    "argues",
    "asked",
    "asserted",
    "believes",
    "called",
    "claimed",
    "claims",
    "commented",
    "confirmed",
    "contended",
    "declared",
    "declares",
    "denied",
    "described",
    "emphasised",
    "emphasized",
    "explained",
    "explains",
    "implied",
    "insisted",
    "insists",
    "maintained",
    "noted",
    "notes",
    "pledged",
    "praised",
    "predicted",
    "promised",
    "quoted",
    "remarked",
    "replied",
    "reported",
    "reports",
    "reiterated",
    "said",
    "say",
    "saying",
    "says",
    "stated",
    "states",
    "stressed",
    "stresses",
    "suggested",
    "tells",
    "testified",
    "thinks",
    "told",
    "tweeted",
    "underlined",
    "urged",
    "urges",
    "vowed",
    "warned",
    "warns",
    "wrote",
    "writes",
];

/// Cues that introduce reported (indirect) speech without quotation marks.
pub const INDIRECT_CUES: &[&str] = &[
    "added",
    "announced",
    "argued",
    "argues",
    "believes",
    "claimed",
    "confirmed",
    "declared",
    "denied",
    "explained",
    "insisted",
    "insists",
    "noted",
    "predicted",
    "reported",
    "reports",
    "said",
    "says",
    "stated",
    "stressed",
    "suggested",
    "tells",
    "told",
    "warned",
    "warns",
    "wrote",
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

/// Lower-case role nouns that introduce a name ("leader Xi Jinping") or stand for a person ("the
/// Chinese leader").
pub const ROLES: &[&str] = &[
    "analyst",
    "ambassador",
    "author",
    "chairman",
    "chancellor",
    "chief",
    "counterpart",
    "director",
    "economist",
    "envoy",
    "expert",
    "fellow",
    "founder",
    "governor",
    "head",
    "leader",
    "manager",
    "mayor",
    "minister",
    "official",
    "premier",
    "president",
    "professor",
    "prosecutor",
    "researcher",
    "secretary",
    "senator",
    "spokesman",
    "spokesperson",
    "spokeswoman",
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

/// True when `word` (lower-case) is in `list`.
pub fn is_in(list: &[&str], word: &str) -> bool {
    list.contains(&word)
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
