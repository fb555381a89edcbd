//! People: the names a document introduces, and the mentions that refer to them.
//!
//! A name is introduced by a title or role ("President Ilse Marrow", "Mr Anton Veleshev",
//! "counterpart Tomas Rellik", "Defense Minister Orin Vasko") or stands right next to a
//! reporting verb ("Ada Quill said"). Each part of a name then refers to its fullest form ("Ms
//! Marrow" → Ilse Marrow). Pronouns resolve to the last speaker; descriptions ("the Ruritanian
//! leader", "the President of Ruritania") to the person introduced with a matching descriptor;
//! plurals ("the two leaders") to the two people mentioned last. A run of capitals right after
//! "in" or "near" that opens with no given name is a place ("in Port Ellis"), not a person.
//!
//! A surname known only with its title ("Mr. Lee said") is the person a full name of the
//! document gives it ("Tom Lee"). A surname two people share stays with the one not introduced
//! as a relative ("his sister Ann Lee"). A description set off after a name ("Tom Lee, the
//! harbour master,") is learnt, so a later "the harbour master" means that person.

use std::collections::HashMap;

use super::lexicon::{is_in, is_title, PARTY_MEMBERS, PLURAL_ROLES, ROLES};
use super::tokens::{Tok, TokenAt};
use crate::lexicon::WordList;

/// A person named in a document.
#[derive(Debug, Clone)]
pub struct Person {
    /// The fullest form of the name.
    pub name: String,
    /// Lower-case words introduced with the name ("chinese", "president").
    pub descriptors: Vec<String>,
    /// Lower-case words of a description set off after the name ("Tom Lee, the harbour
    /// master," gives "harbour" and "master").
    pub described: Vec<String>,
    /// Known to be a person: named with a title or role, seen speaking, or referred to by one
    /// part of the name alone ("Marske" after "Greta Marske"). Pronouns resolve only to them.
    pub confirmed: bool,
}

/// What a person index past the end reads as: no one (no name, never confirmed), so a stale
/// index finds nothing instead of panicking.
static NO_PERSON: Person = Person {
    name: String::new(),
    descriptors: Vec::new(),
    described: Vec::new(),
    confirmed: false,
};

/// Checked access to a name table's people (see [`super::tokens::TokenAt`]).
pub(crate) trait PersonAt {
    /// The person at `p`, or no one past the end.
    fn person(&self, p: usize) -> &Person;
}

impl PersonAt for [Person] {
    fn person(&self, p: usize) -> &Person {
        self.get(p).unwrap_or(&NO_PERSON)
    }
}

/// The people of one document and how their name parts resolve.
#[derive(Debug, Default)]
pub struct NameTable {
    /// Everyone named.
    pub people: Vec<Person>,
    parts: HashMap<String, usize>,
    /// Capitalised runs of two or three words that may be names ("Harold Penrose"), in order.
    candidates: Vec<Vec<String>>,
}

/// Most words of a description set off after a name that are learnt (`Person::described`).
const MAX_APPOSITION_WORDS: usize = 5;

/// What a mention refers to.
#[derive(Debug, Clone, PartialEq)]
pub enum Referent {
    /// A named person (index into the table).
    Person(usize),
    /// `he` or `she`.
    Pronoun,
    /// A singular description ("the Chinese leader"), with its lower-case modifiers and role.
    Description(Vec<String>),
    /// A plural description ("the two leaders").
    Plural,
}

/// A mention of a person in a sentence: token range and what it refers to.
#[derive(Debug, Clone)]
pub struct Mention {
    /// First token.
    pub first: usize,
    /// One past the last token.
    pub last: usize,
    /// What it refers to.
    pub referent: Referent,
    /// The mention is a possessive ("Rellik's").
    pub possessive: bool,
}

fn is_name_word(t: &Tok) -> bool {
    t.cap
        && t.base
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '.' | '\'' | '’'))
        && !is_title(&t.lower)
        && !is_in(&super::lexicon::OFFICE_MODIFIERS, &t.lower)
        && (t.lower == "may" || !super::lexicon::is_calendar_word(&t.lower))
        && !crate::terms::is_stopword(&t.lower)
        && !is_in(&crate::lexicon::ADVERB_LEAD_INS, &t.lower)
}

impl NameTable {
    /// Finds the people named in `toks`.
    pub fn build(toks: &[Tok]) -> NameTable {
        let mut found: Vec<(Vec<String>, Vec<String>)> = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            // A headline's capitals name no one by themselves ("Pier Operator Warns Riders").
            if !toks.at(i).cap || toks.at(i).in_quote || toks.at(i).names_unread {
                i += 1;
                continue;
            }
            let mut j = i;
            while j < toks.len()
                && toks.at(j).cap
                && !toks.at(j).in_quote
                && (j == i || adjacent(toks.at(j - 1), toks.at(j)))
            {
                j += 1;
                if toks.at(j - 1).possessive {
                    break;
                }
            }
            let run = toks.within(i..j);
            // "Port Board Republican Ann Lee": a party's member before a given name is a title.
            let party_at = run
                .iter()
                .rposition(|t| is_in(&PARTY_MEMBERS, &t.lower))
                .filter(|&p| {
                    run.get(p + 1)
                        .is_some_and(|n| super::given_names::pronoun_vote(n.base) != 0)
                });
            // "Principal Tom Brandt", "Parent Ann Lee": a common word, no given name, before a
            // given name and a surname describes the person, as a title does ("Grant
            // Tom Ross" is a name: the news writes "grant" in lower case less than
            // three times in four).
            let describing_word = (run.len() >= 3
                && common_word_before(run.at(0), run.at(1))
                && !is_in(&super::lexicon::DETERMINERS, &run.at(0).lower)
                && super::given_names::pronoun_vote(run.at(1).base) != 0)
                .then_some(0);
            let title_at = match (run.iter().rposition(|t| is_title(&t.lower)), party_at) {
                (Some(t), Some(p)) => Some(t.max(p)),
                (t, p) => t.or(p).or(describing_word),
            };
            // "Chief Executive Mira Tanne", "Chief Operating Officer Ann Lee": common words
            // after a title, none a given name, go on with it up to the name, which keeps two
            // words ("Police Chief Young Park" keeps "Young Park").
            let title_at = title_at.map(|mut t| {
                while t + 3 < run.len() && common_word_before(run.at(t + 1), run.at(t + 2)) {
                    t += 1;
                }
                t
            });
            let role_before = i > 0
                && !toks.at(i - 1).cap
                && is_in(&ROLES, &toks.at(i - 1).lower)
                && adjacent(toks.at(i - 1), toks.at(i));
            let cue_next = toks
                .get(j)
                .is_some_and(|t| t.is_cue() && adjacent(toks.at(j - 1), t));
            let cue_before =
                i > 0 && toks.at(i - 1).is_cue() && adjacent(toks.at(i - 1), toks.at(i));
            let organisation_after =
                |t: usize| organisation_after_title(run.within(t + 1..).iter().map(|x| x.base));
            let (name_from, mut descriptors) = match title_at {
                Some(t) if t + 1 < run.len() && !organisation_after(t) => (
                    t + 1,
                    run.within(..=t)
                        .iter()
                        .map(|x| x.lower.clone())
                        .collect::<Vec<_>>(),
                ),
                // "Secretary of State Wes Carrowby", "Director of Public Prosecutions Maren
                // Ostby": after a title and "of", the portfolio runs into the name, whose last
                // two words are the person.
                _ if run.len() >= 3
                    && i >= 2
                    && toks.at(i - 1).lower == "of"
                    && is_title(&toks.at(i - 2).lower) =>
                {
                    (run.len() - 2, vec![toks.at(i - 2).lower.clone()])
                }
                _ if role_before => {
                    let from = i.saturating_sub(3);
                    (
                        0,
                        toks.within(from..i)
                            .iter()
                            .map(|x| x.lower.clone())
                            .collect(),
                    )
                }
                _ if (2..=3).contains(&run.len())
                    && (cue_next || cue_before)
                    && !run
                        .iter()
                        .any(|t| is_in(&super::lexicon::ORGANISATION_WORDS, &t.lower))
                    // An acronym marks an organisation ("RV Power"), not a person.
                    && !run.iter().any(|t| super::lexicon::is_all_caps(t.base))
                    && !is_in(&super::lexicon::PLAIN_ARTICLES, &run.at(0).lower)
                    // "the Idaho Democrat said" describes someone.
                    && !(i > 0 && is_in(&super::lexicon::PLAIN_ARTICLES, &toks.at(i - 1).lower)) =>
                {
                    (0, Vec::new())
                }
                _ => {
                    i = j.max(i + 1);
                    continue;
                }
            };
            let name: Vec<String> = run
                .within(name_from..)
                .iter()
                .take(3)
                .take_while(|t| is_name_word(t))
                .map(|t| t.base.to_string())
                .collect();
            // "Prince Osric University": an organisation word ends the run, not a name.
            let organisation = run
                .within(name_from..)
                .iter()
                .any(|t| is_in(&super::lexicon::ORGANISATION_WORDS, &t.lower));
            if !name.is_empty() && !organisation {
                if i > 0 && toks.at(i - 1).cap {
                    descriptors.push(toks.at(i - 1).lower.clone());
                }
                found.push((name, descriptors));
            }
            i = j.max(i + 1);
        }
        let mut table = NameTable {
            candidates: name_candidates(toks),
            ..NameTable::default()
        };
        found.sort_by_key(|(name, _)| std::cmp::Reverse(name.len()));
        for (name, descriptors) in found {
            let existing = name.iter().find_map(|p| table.parts.get(p).copied());
            let idx = match existing {
                Some(idx)
                    if name.iter().all(|p| table.parts.get(p) == Some(&idx)) || name.len() == 1 =>
                {
                    idx
                }
                _ => {
                    table.people.push(Person {
                        name: name.join(" "),
                        descriptors: Vec::new(),
                        described: Vec::new(),
                        confirmed: true,
                    });
                    table.people.len() - 1
                }
            };
            for part in &name {
                table.parts.entry(part.clone()).or_insert(idx);
            }
            if let Some(person) = table.people.get_mut(idx) {
                for d in descriptors {
                    if !person.descriptors.contains(&d) {
                        person.descriptors.push(d);
                    }
                }
            }
        }
        // Untitled names ("Talia Brennick is new to union work") are people too, after the
        // titled ones, so pronouns can find them.
        // Capitalised words that stand alone somewhere, not next to another capitalised word.
        let used_alone: std::collections::HashSet<&str> = (0..toks.len())
            .filter(|&i| {
                let t = toks.at(i);
                t.cap
                    && !(i > 0 && toks.at(i - 1).cap && adjacent(toks.at(i - 1), t))
                    && !(i + 1 < toks.len() && toks.at(i + 1).cap && adjacent(t, toks.at(i + 1)))
            })
            .map(|i| toks.at(i).base)
            .collect();
        for run in table.candidates.clone() {
            // "Tom Lee … Mr. Lee said": a surname known only with its title is the person the
            // full name names.
            if let Some(p) = table.surname_only_person(&run) {
                if let Some(person) = table.people.get_mut(p) {
                    person.name = run.join(" ");
                }
                for w in run {
                    table.parts.entry(w).or_insert(p);
                }
                continue;
            }
            // A new surname is a new person, whatever the given name ("Adam Ferrow" after "Adam
            // Kessling"); so is a known surname after another given name, a relative or a
            // namesake ("Nora Kessling" after "Adam Kessling").
            if run.last().is_some_and(|w| !table.parts.contains_key(w)) || table.is_namesake(&run) {
                // A part used alone elsewhere marks a person ("Marske said" after "Greta Marske").
                let alone = run.iter().any(|w| used_alone.contains(w.as_str()));
                table.people.push(Person {
                    name: run.join(" "),
                    descriptors: Vec::new(),
                    described: Vec::new(),
                    confirmed: alone,
                });
                let idx = table.people.len() - 1;
                for w in run {
                    table.parts.entry(w).or_insert(idx);
                }
            }
        }
        table.settle_shared_surnames(toks);
        table.learn_appositions(toks);
        table
    }

    /// Adds to each person the words of a description set off after their name ("Tom Lee, the
    /// harbour master, was …", "said Ann Lee, 54, a retired nurse."): later "the harbour
    /// master" means them.
    fn learn_appositions(&mut self, toks: &[Tok]) {
        for m in self.mentions(toks, 0, toks.len(), false) {
            let (Referent::Person(p), false) = (&m.referent, m.possessive) else {
                continue;
            };
            let p = *p;
            let i = m.last - 1;
            if !toks.at(i).gap_after.trim_start().starts_with(',') {
                continue;
            }
            // "His sister, Ann Lee, said …": a description set off before the name.
            if let Some(words) = description_before(toks, m.first) {
                self.describe(p, words);
            }
            // An age may stand first ("Ann Lee, 54, a retired nurse").
            let mut k = i + 1;
            if toks.get(k).is_some_and(|a| {
                a.base.bytes().all(|b| b.is_ascii_digit()) && a.gap_after.trim() == ","
            }) {
                k += 1;
            }
            if !toks.get(k).is_some_and(|d| {
                matches!(
                    d.lower.as_str(),
                    "the" | "a" | "an" | "his" | "her" | "their"
                )
            }) {
                continue;
            }
            let mut words = Vec::new();
            let mut closed = false;
            // "… sold to Ann Lee, the spokesman said.": a verb of speech makes the words after
            // the comma a clause of their own, not a description.
            let mut clause = false;
            // A full stop closes a description only after a verb of speech ("said Ann Lee, a
            // nurse."); otherwise it may close the sentence of a new subject ("After meeting
            // Ann Lee, the minister left.").
            let verb_before = m.first > 0 && toks.at(m.first - 1).is_cue();
            for j in k + 1..toks.len().min(k + 1 + MAX_APPOSITION_WORDS) {
                let w = toks.at(j);
                if w.in_quote || (w.cap && self.part(w.base).is_some()) {
                    break;
                }
                if w.is_cue() {
                    clause = true;
                    break;
                }
                // "the mayor's spokesman": the owner is no part of what the person is.
                if w.possessive {
                    words.clear();
                    if !w.gap_after.trim().is_empty() {
                        break;
                    }
                    continue;
                }
                // "a spokesman for the port": the description's head comes before it.
                if matches!(
                    w.lower.as_str(),
                    "of" | "for" | "at" | "in" | "with" | "to" | "from" | "on" | "by" | "who"
                ) {
                    closed = true;
                    break;
                }
                words.push(w.base.to_lowercase());
                let gap = w.gap_after.trim();
                if gap.starts_with([',', ';']) || (gap.starts_with('.') && verb_before) {
                    closed = true;
                    break;
                }
                if gap.starts_with('.') {
                    break;
                }
                if !gap.is_empty() && gap != "-" {
                    break;
                }
            }
            if !closed || clause || words.is_empty() {
                continue;
            }
            self.describe(p, words);
        }
    }

    /// Adds `words` to what person `p` is described as.
    fn describe(&mut self, p: usize, words: Vec<String>) {
        if let Some(person) = self.people.get_mut(p) {
            for w in words {
                if !person.described.contains(&w) {
                    person.described.push(w);
                }
            }
        }
    }

    /// A surname two people share ("Tom Lee" and his sister "Ann Lee") refers alone to one
    /// not introduced as a relative, when the one it refers to was: a story calls a relative
    /// or a namesake it brings in by the given name, and its subject by the surname.
    fn settle_shared_surnames(&mut self, toks: &[Tok]) {
        let surname = |p: &Person| p.name.rsplit(' ').next().map(str::to_string);
        let mut shared: HashMap<String, Vec<usize>> = HashMap::new();
        for (p, person) in self.people.iter().enumerate() {
            if person.name.contains(' ') {
                if let Some(last) = surname(person) {
                    shared.entry(last).or_default().push(p);
                }
            }
        }
        shared.retain(|_, owners| owners.len() > 1);
        if shared.is_empty() {
            return;
        }
        // Each pair of a given name and a surname written together: where first, and whether a
        // noun of kinship stands right before it there ("his sister Ann Lee").
        let mut written: HashMap<(&str, &str), (usize, bool)> = HashMap::new();
        for i in 0..toks.len() {
            if !toks.at(i).cap {
                continue;
            }
            // "his sister Ann Lee", "his wife, Ann Lee,".
            let kin = i > 0
                && is_in(&super::lexicon::KIN_NOUNS, &toks.at(i - 1).lower)
                && (adjacent(toks.at(i - 1), toks.at(i)) || toks.at(i - 1).gap_after.trim() == ",");
            for j in (i + 1..toks.len().min(i + 4))
                .take_while(|&j| toks.at(j).cap && adjacent(toks.at(j - 1), toks.at(j)))
            {
                written
                    .entry((toks.at(i).base, toks.at(j).base))
                    .or_insert((i, kin));
            }
        }
        let introduced = |people: &[Person], p: usize, last: &str| {
            let name = &people.person(p).name;
            let given = name.split(' ').next().unwrap_or("");
            written
                .get(&(given, last))
                .copied()
                .unwrap_or((usize::MAX, false))
        };
        for (last, owners) in shared {
            let Some(&owner) = self.parts.get(&last) else {
                continue;
            };
            if !introduced(&self.people, owner, &last).1 {
                continue;
            }
            let subject = owners
                .iter()
                .copied()
                .map(|p| (introduced(&self.people, p, &last), p))
                .filter(|&((_, kin), _)| !kin)
                .min_by_key(|&((at, _), _)| at);
            if let Some((_, p)) = subject {
                self.parts.insert(last, p);
            }
        }
    }

    /// The fullest name for name words found next to a reporting verb: a known person they
    /// belong to, else a longer capitalised run of the document holding the single word, else
    /// the words themselves.
    pub(crate) fn resolve_name(&self, parts: &[&str]) -> String {
        if let Some(p) = parts.iter().find_map(|w| self.part(w)) {
            if parts.len() == 1 || parts.iter().all(|w| self.part(w) == Some(p)) {
                return self.people.person(p).name.clone();
            }
        }
        if let [single] = parts {
            if let Some(run) = self
                .candidates
                .iter()
                .find(|run| run.iter().any(|w| w == single))
            {
                return run.join(" ");
            }
        }
        parts.join(" ")
    }

    /// Adds a person by name (or finds them) and returns their index.
    pub fn learn(&mut self, name: &str) -> usize {
        let words: Vec<&str> = name.split_whitespace().collect();
        // A person of exactly that name, else the same person when the surname is theirs
        // ("Tomas Orlik" is not Tomas Rellik).
        let known = self.people.iter().position(|x| x.name == name).or_else(|| {
            words.last().and_then(|w| self.part(w)).filter(|&p| {
                words.iter().all(|w| self.part(w).is_none_or(|q| q == p)) || words.len() == 1
            })
        });
        if let Some(p) = known {
            if let Some(person) = self.people.get_mut(p) {
                person.confirmed = true;
            }
            return p;
        }
        self.people.push(Person {
            name: name.to_string(),
            descriptors: Vec::new(),
            described: Vec::new(),
            confirmed: true,
        });
        let idx = self.people.len() - 1;
        for w in words {
            self.parts.entry(w.to_string()).or_insert(idx);
        }
        idx
    }

    /// The person a run of name words ("Tom Lee") completes: one known so far by the run's
    /// surname alone, with a title ("Mr. Lee"), when no other word of the run names anyone and
    /// the title's gender does not contradict the given name ("Mrs. Lee" is not Tom Lee).
    fn surname_only_person(&self, run: &[String]) -> Option<usize> {
        let (first, surname) = (run.first()?, run.last()?);
        let p = self.part(surname)?;
        let person = self.people.get(p)?;
        if run.len() < 2
            || person.name != *surname
            || run.iter().any(|w| w != surname && self.part(w).is_some())
        {
            return None;
        }
        let titled = |t: &[&str]| person.descriptors.iter().any(|d| t.contains(&d.as_str()));
        if !person.descriptors.iter().any(|d| is_title(d)) {
            return None;
        }
        let (male, female) = (titled(&["mr"]), titled(&["ms", "mrs", "miss"]));
        let given = super::given_names::pronoun_vote(first);
        let fits = match given.signum() {
            1 => !female,
            -1 => !male,
            _ => !(male && female),
        };
        fits.then_some(p)
    }

    /// True when a run of name words ("Nora Kessling") shares its surname with a person while
    /// its first word is another given name than theirs ("Adam Kessling"): a relative or a
    /// namesake, not them.
    fn is_namesake(&self, run: &[String]) -> bool {
        let (Some(first), Some(surname)) = (run.first(), run.last()) else {
            return false;
        };
        let Some(owner) = self.part(surname) else {
            return false;
        };
        let theirs: Vec<&str> = self.people.person(owner).name.split_whitespace().collect();
        let given_name = |w: &str| super::given_names::pronoun_vote(w) != 0;
        // Their first word may be a given name the list lacks ("Henrik"), but not a common
        // word capitalised before the name ("Principal", "Parent").
        let name_like = |w: &str| {
            given_name(w)
                || (w.starts_with(char::is_uppercase)
                    && !crate::lower_case::mostly_lower_case(&w.to_lowercase()))
        };
        theirs.len() >= 2
            && theirs.last() == Some(&surname.as_str())
            && !theirs.contains(&first.as_str())
            && self.part(first).is_none()
            && given_name(first)
            && theirs.first().is_some_and(|w| name_like(w))
    }

    /// True when a description's head and modifiers ("the harbour master") all stand in the
    /// description set off after the person's name ("Tom Lee, the city's harbour master,").
    pub(crate) fn described_as(person: &Person, modifiers: &[&str], head: &str) -> bool {
        person.described.iter().any(|w| w == head)
            && modifiers
                .iter()
                .all(|m| person.described.iter().any(|w| w == m))
    }

    /// The person whose name ends with `surname`.
    fn surname_owner(&self, surname: &str) -> Option<usize> {
        self.people
            .iter()
            .position(|p| p.name.split_whitespace().last() == Some(surname))
    }

    /// The person a name part refers to.
    pub fn part(&self, word: &str) -> Option<usize> {
        self.parts.get(word).copied()
    }

    /// The mentions of people among `toks[from..to]` (outside quotes unless `inside` is set).
    pub fn mentions(&self, toks: &[Tok], from: usize, to: usize, inside: bool) -> Vec<Mention> {
        let mut out = Vec::new();
        let mut i = from;
        while i < to {
            let t = toks.at(i);
            if t.in_quote != inside {
                i += 1;
                continue;
            }
            if t.cap && !matches!(t.lower.as_str(), "the" | "a" | "both") {
                let mut j = i;
                let mut person = None;
                while j < to
                    && toks.at(j).cap
                    && toks.at(j).in_quote == inside
                    && (j == i || adjacent(toks.at(j - 1), toks.at(j)))
                {
                    // The surname decides: "Adam Ferrow" is not Adam Kessling.
                    if let Some(p) = self.part(toks.at(j).base) {
                        person = Some(p);
                    } else if person.is_some() && is_name_word(toks.at(j)) {
                        person = self.surname_owner(toks.at(j).base);
                    }
                    j += 1;
                    if toks.at(j - 1).possessive {
                        break;
                    }
                }
                // "Rahim Sudarto" is not Sudarto Nur Hakimi: a person holding every word of
                // the run, when its words belong to different people.
                let words = || {
                    toks.within(i..j)
                        .iter()
                        .map(|t| t.base)
                        .filter(|w| self.part(w).is_some())
                };
                let split = person.is_some()
                    && words()
                        .filter_map(|w| self.part(w))
                        .any(|q| Some(q) != person);
                if split {
                    person = self
                        .people
                        .iter()
                        .position(|x| words().all(|w| x.name.split(' ').any(|n| n == w)))
                        .or(person);
                }
                if let Some(p) = person {
                    out.push(Mention {
                        first: i,
                        last: j,
                        referent: Referent::Person(p),
                        possessive: toks.at(j - 1).possessive,
                    });
                }
                i = j.max(i + 1);
                continue;
            }
            if t.lower == "he" || t.lower == "she" {
                out.push(Mention {
                    first: i,
                    last: i + 1,
                    referent: Referent::Pronoun,
                    possessive: false,
                });
                i += 1;
                continue;
            }
            if matches!(t.lower.as_str(), "the" | "both") {
                if let Some(m) = description(toks, i, to) {
                    i = m.last;
                    out.push(m);
                    continue;
                }
            }
            i += 1;
        }
        out
    }
}

/// True for a word the news nearly always writes in lower case, no given name and no
/// possessive, right before `next`: a word that describes the person a name names ("Principal
/// Tom Brandt", "Chief Executive Mira Tanne") rather than a part of the name.
fn common_word_before(t: &Tok, next: &Tok) -> bool {
    crate::lower_case::nearly_always_lower_case(&t.lower)
        && super::given_names::pronoun_vote(t.base) == 0
        && !t.possessive
        && adjacent(t, next)
}

/// Two tokens separated only by spaces (no punctuation between them).
pub(crate) fn adjacent(a: &Tok, b: &Tok) -> bool {
    if b.start < a.end || b.start - a.end > 3 {
        return false;
    }
    // A line break ends a name: "… province. Reuters\n\nHe said".
    if a.gap_after.contains(['\n', '\r']) {
        return false;
    }
    // The full stop of an initial or a title stays inside a name ("Hal J. Morick", "Sen. Ambrose").
    let initial = a.gap_after.trim() == "." && (a.base.chars().count() == 1 || is_title(&a.lower));
    initial
        || a.gap_after
            .chars()
            .all(|c| c.is_whitespace() || c == '(' || c == ')')
}

/// A description starting at `toks[at]` ("the Chinese leader", "the President of China",
/// "the two leaders"), if there is one.
fn description(toks: &[Tok], at: usize, to: usize) -> Option<Mention> {
    let mut modifiers = Vec::new();
    let mut k = at + 1;
    while k < to && k <= at + 4 {
        let t = toks.at(k);
        if !adjacent(toks.at(k - 1), t) {
            return None;
        }
        let lower = t.lower.as_str();
        if is_in(&PLURAL_ROLES, lower)
            && (modifiers.iter().any(|m: &String| m == "two") || toks.at(at).lower == "both")
        {
            return Some(Mention {
                first: at,
                last: k + 1,
                referent: Referent::Plural,
                possessive: t.possessive,
            });
        }
        if is_in(&ROLES, lower) || is_title(lower) {
            let mut last = k + 1;
            // "the President of China": the country after "of" is a modifier too.
            if toks.get(k + 1).is_some_and(|t| t.lower == "of")
                && toks.get(k + 2).is_some_and(|t| t.cap)
            {
                modifiers.push(toks.at(k + 2).lower.clone());
                last = k + 3;
            }
            modifiers.push(lower.to_string());
            return Some(Mention {
                first: at,
                last,
                referent: Referent::Description(modifiers),
                possessive: t.possessive,
            });
        }
        if t.possessive || t.in_quote {
            return None;
        }
        modifiers.push(lower.to_string());
        k += 1;
    }
    None
}

/// True when a descriptor and a modifier name the same thing ("chinese" and "china").
pub(crate) fn descriptor_matches(descriptor: &str, modifier: &str) -> bool {
    if descriptor == modifier {
        return true;
    }
    let common = descriptor
        .chars()
        .zip(modifier.chars())
        .take_while(|(a, b)| a == b)
        .count();
    common >= 4 && descriptor.chars().next().is_some_and(char::is_alphabetic)
}

/// Capitalised runs of two or three name-like words (no titles, no organisation words, no
/// sentence-opening function word), in document order.
fn name_candidates(toks: &[Tok]) -> Vec<Vec<String>> {
    use super::lexicon::ORGANISATION_WORDS;
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !toks.at(i).cap || toks.at(i).in_quote || toks.at(i).names_unread {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < toks.len()
            && toks.at(j).cap
            && !toks.at(j).in_quote
            && adjacent(toks.at(j - 1), toks.at(j))
            && !toks.at(j - 1).possessive
        {
            j += 1;
        }
        let run: Vec<&Tok> = toks
            .within(i..j)
            .iter()
            .skip_while(|t| {
                crate::terms::is_stopword(&t.lower)
                    || is_title(&t.lower)
                    || is_in(&ROLES, &t.lower)
                    || is_in(&super::lexicon::CLAUSE_BOUNDARIES, &t.lower)
                    || is_in(&super::lexicon::OFFICE_MODIFIERS, &t.lower)
            })
            .collect();
        let name_like = run.iter().all(|t| {
            is_name_word(t)
                && !is_in(&ORGANISATION_WORDS, &t.lower)
                && super::lexicon::country_of(t.base).is_none()
        });
        // A heading in capitals ("PORT DIARY") is no name.
        let heading = run
            .iter()
            .all(|t| t.base.chars().count() >= 2 && !t.base.chars().any(char::is_lowercase));
        if (2..=3).contains(&run.len()) && name_like && !heading {
            out.push(
                run.iter()
                    .map(|t| t.base.to_string())
                    .collect::<Vec<String>>(),
            );
        }
        i = j;
    }
    // A run written after "the" somewhere ("the Halifax Comets") or before an organisation
    // word ("his Bright Kelmory council") names a team, a party or a company, not a person.
    let organisations = organisation_runs(toks);
    let places = place_runs(toks);
    // "Night Dock Workers": its last two words written in lower case elsewhere ("dock
    // workers"), a plural, end a title or a group, not a name ("Tiger Woods" is no "tiger woods").
    let plurals: std::collections::HashSet<(&str, &str)> = toks
        .windows(2)
        .filter_map(|w| match w {
            [a, b] => Some((a, b)),
            _ => None,
        })
        .filter(|(_, b)| !b.cap && b.lower.len() > 3 && b.lower.ends_with('s'))
        .map(|(a, b)| (a.lower.as_str(), b.lower.as_str()))
        .collect();
    // "Black Canadians": a people ends the run.
    let demonym = |w: &str| ["ians", "icans", "eans"].iter().any(|e| w.ends_with(e));
    out.retain(|run| {
        let last = run.last().map(|w| w.to_lowercase()).unwrap_or_default();
        let before = run
            .len()
            .checked_sub(2)
            .and_then(|i| run.get(i))
            .map(|w| w.to_lowercase())
            .unwrap_or_default();
        let plural_end = plurals.contains(&(before.as_str(), last.as_str())) || demonym(&last);
        !organisations.contains(run) && !places.contains(run) && !plural_end
    });
    out
}

/// Prepositions of place: a run of capitalised words right after one, whose first word is no
/// given name, is a place ("in Port Ellis", "near Fort Oakley"), not a person.
static PLACE_PREPOSITIONS: WordList =
    WordList::new(&["downtown", "in", "inside", "near", "outside"]);

/// Words that open the names of places ("Port Ellis", "Fort Kessel", "Lake Norvik").
static PLACE_OPENERS: WordList = WordList::new(&[
    "cape", "fort", "lake", "las", "los", "mount", "port", "san", "santa",
]);

/// Nouns of a settlement or region named after "of" ("the port of Port Ellis", "the town of
/// Kessel").
static SETTLEMENT_NOUNS: WordList = WordList::new(&[
    "city", "county", "district", "island", "port", "province", "region", "town", "village",
]);

/// The runs of two or three words written right after a preposition of place or a settlement's
/// "of", or opened by a place's word ("Port Ellis"), somewhere in `toks`, whose first word is
/// no given name ([`super::given_names`]): places.
fn place_runs(toks: &[Tok]) -> std::collections::HashSet<Vec<String>> {
    let mut out = std::collections::HashSet::new();
    for i in 0..toks.len() {
        let t = toks.at(i);
        // "in Kessel", and "the town of Kessel": a settlement noun and "of" before the run.
        let placed = i >= 1 && {
            let before = toks.at(i - 1);
            let of_settlement = before.lower == "of"
                && i >= 2
                && is_in(&SETTLEMENT_NOUNS, &toks.at(i - 2).lower)
                && adjacent(toks.at(i - 2), before);
            adjacent(before, t) && (is_in(&PLACE_PREPOSITIONS, &before.lower) || of_settlement)
        };
        // A place's word opens a place wherever it stands, the text's first word too.
        if !t.cap
            || !(placed || is_in(&PLACE_OPENERS, &t.lower))
            || super::given_names::pronoun_vote(t.base) != 0
        {
            continue;
        }
        for n in 2..=3.min(toks.len() - i) {
            // "in Wei Tanaka's office": a possessive names its owner, a person.
            if toks.at(i + n - 1).possessive {
                break;
            }
            out.insert(
                toks.within(i..i + n)
                    .iter()
                    .map(|t| t.base.to_string())
                    .collect(),
            );
        }
    }
    out
}

/// The runs of two or three words written right after "the" or right before a lower-case
/// organisation word somewhere in `toks`, in one pass.
fn organisation_runs(toks: &[Tok]) -> std::collections::HashSet<Vec<String>> {
    let mut out = std::collections::HashSet::new();
    let run = |from: usize, n: usize| -> Vec<String> {
        toks.within(from..from + n)
            .iter()
            .map(|t| t.base.to_string())
            .collect()
    };
    for i in 1..toks.len() {
        let the_before = toks.at(i - 1).lower == "the" && adjacent(toks.at(i - 1), toks.at(i));
        let word_after = !toks.at(i).cap
            && adjacent(toks.at(i - 1), toks.at(i))
            && !toks.at(i - 1).possessive
            && is_in(&super::lexicon::ORGANISATION_WORDS, &toks.at(i).lower);
        for n in 2..=3 {
            if the_before && toks.at(i).cap && i + n <= toks.len() {
                out.insert(run(i, n));
            }
            if word_after && i >= n && toks.at(i - 1).cap {
                out.insert(run(i - n, n));
            }
        }
    }
    out
}

/// True when the words after a title name an organisation rather than a titled person: one of
/// them is an organisation's word ("Kessel General Hospital"), and no given name opens them
/// ("Judge Margaret Court").
pub(crate) fn organisation_after_title<'w>(mut words: impl Iterator<Item = &'w str>) -> bool {
    let Some(first) = words.next() else {
        return false;
    };
    let organisation_word = |w: &str| is_in(&super::lexicon::ORGANISATION_WORDS, &w.to_lowercase());
    super::given_names::pronoun_vote(first) == 0
        && (organisation_word(first) || words.any(organisation_word))
}

/// The words of a description set off by a comma before the name at token `name` and opening
/// its clause ("His sister, Ann Lee, said", "The district prosecutor, Ann Lee, told …"): a
/// determiner or possessive pronoun, then up to [`MAX_APPOSITION_WORDS`] lower-case words.
fn description_before(toks: &[Tok], name: usize) -> Option<Vec<String>> {
    let last = name.checked_sub(1)?;
    if toks.at(last).gap_after.trim() != "," {
        return None;
    }
    let mut d = last;
    while d > 0 && last - d < MAX_APPOSITION_WORDS {
        let t = toks.at(d);
        if t.in_quote || t.possessive || t.cap || (d < last && !t.gap_after.trim().is_empty()) {
            return None;
        }
        d -= 1;
        let opener = toks.at(d);
        if matches!(opener.lower.as_str(), "the" | "his" | "her" | "their") {
            let opens_clause = d == 0 || toks.at(d - 1).gap_after.contains(['.', ',', ';', '\n']);
            let words = (d + 1..=last)
                .map(|i| toks.at(i).base.to_lowercase())
                .collect();
            return (opens_clause && opener.gap_after.trim().is_empty()).then_some(words);
        }
    }
    None
}
