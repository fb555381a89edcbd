//! The attribution rules, by name.
//!
//! Every quote records the rule that chose its speaker ([`Rule::id`], the `rule` field of a
//! report's quote), so `parallax eval quotes` can score each rule apart: a rule that hurts shows
//! as a low precision in the report's `by_rule` table.
//!
//! Attribution reads a document sentence by sentence. In each sentence it first reads the
//! reporting frames ("X said that …", "…, X said", "according to X, …"; [`super::frames`]), the
//! surest readings, and gives each frame's subject a speaker with the first `Frame*` rule that
//! applies, in the order of [`Rule::FRAME_ORDER`]. When the frame's subject is a channel (a
//! statement, a report, a broadcaster) with no person in it, the `Channel*` rules then look for
//! the person it reports. Quotations no frame covers are read next: the first `Quote*` rule of
//! [`Rule::QUOTE_ORDER`] that finds someone speaks them. Last, paragraphs signed by a name
//! ([`super::signed`]) are read, then paragraphs a speaker's label opens ([`super::labels`]),
//! whose label overrides any speaker found for a quotation of the whole paragraph. The example
//! sentences below are written for this documentation; `tests/attribution.rs` checks the rule id
//! of a few of them (`quotes_with_rules`).
//!
//! To add a rule: add a variant with a doc comment and an example sentence, give it an id, put it
//! in its order, make the code path that applies it return it, and add a test.

use serde::{Deserialize, Serialize};

/// One way attribution decides who speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Rule {
    /// The author of a document a frame cites: "according to a survey released by the Harbour
    /// Board" is the Harbour Board's, through the survey.
    FrameDocumentAuthor,
    /// An organisation named before its document: "the water board's ruling said" is the water
    /// board's.
    FrameDocumentOrganisation,
    /// A document or broadcast as subject, with no person in it: "The ministry's statement said"
    /// (the speaker is then sought by the `Channel*` rules).
    FrameChannel,
    /// A person named inside a channel phrase: "Port authority spokeswoman Ana Ruiz said" is Ana
    /// Ruiz's, through the port authority.
    FrameChannelPerson,
    /// An institution that is a channel: "the Tessaly Mining board said" is the board's.
    FrameChannelInstitution,
    /// "he" or "she" as subject: the person the pronoun stands for.
    FramePronoun,
    /// "it", "they", "we", "I", "you" as subject: the organisation or group that opened a recent
    /// sentence ("The union rejected the offer. It said …").
    FrameGroupPronoun,
    /// A person heading the subject: "Marta Quillon, the harbour master, said".
    FrameNamedPerson,
    /// Two people as subject: "Ines Varga and Tom Hale said" speak together.
    FrameNamedPair,
    /// A name after "the" heading the subject: "the Harbour Rescue Society said".
    FrameNamedOrganisation,
    /// A capitalised name the document has not met as a person: "Okonjo said".
    FrameUnknownName,
    /// The name opening a clause the verb borrows: "Okonjo rejected the plan, saying …".
    FrameClauseName,
    /// An organisation described, meaning the one named last: "the utility said".
    FrameOrganisationDescription,
    /// A person described, meaning the one in apposition or named last: "the harbour master
    /// said".
    FramePersonDescription,
    /// A document whose owner qualifies it: "the Harbour Board study found".
    FrameDocumentQualifier,
    /// A document whose owner was named before: "the briefing paper said", after "the Harbour
    /// Board's white paper".
    FrameDocumentRemembered,
    /// The owner of a possessive document: "according to Quillon's memoir".
    FramePossessiveOwner,
    /// Any other noun phrase as subject, as written: "witnesses said", "a ferry official said".
    FrameNounPhrase,
    /// A channel reports a person named at the start of the reported words: "the broadcaster
    /// said Quillon “had no choice”".
    ChannelReportsName,
    /// A channel reports the person named earlier in the sentence: "He backed the plan, the
    /// report added".
    ChannelEarlierName,
    /// A channel reports for its owner: "the board's statement said".
    ChannelOwner,
    /// A channel reports the previous quote's speaker in the paragraph.
    ChannelPreviousSpeaker,
    /// A channel with no one behind it found: the channel itself answers for the words, by its
    /// name or as written ("“…,” the harbour report concluded").
    ChannelUnattributed,
    /// The speaker of a frame whose words open the quotation, when it runs on past them: in
    /// "Quillon said the pier “has no future. It never had one.”" the second sentence is
    /// Quillon's too.
    QuoteInsideFrame,
    /// The subject of a verb that characterizes: "Quillon called the plan “a costly mistake”".
    QuoteCharacterizingSubject,
    /// A name followed by a reporting verb before the quotation: "Quillon said: “…”".
    QuoteNameBeforeCue,
    /// The owner of a noun of speech that introduces the quotation: "Brandt read out Lee's
    /// reply: “…”".
    QuoteSpeechOwner,
    /// The sentence's subject before an apposition: "Quillon, a harbour master, is blunt: “…”".
    QuoteSubjectApposition,
    /// The person opening the sentence, when others are named after them: "Lund wrote to Varga
    /// that morning: “…”".
    QuoteSentenceSubject,
    /// The last person named before the quotation in the sentence.
    QuoteNameBefore,
    /// The first person named after the quotation: "“…,” said Quillon."
    QuoteNameAfter,
    /// A name opening the quoted words followed by a reporting verb.
    QuoteNameOpening,
    /// A channel that is the reporting verb's subject: "A study by the board said it was “…”".
    QuoteChannelSubject,
    /// The speaker of a frame in the sentence before whose words only introduce the quotation
    /// opening this paragraph: "Lee released the following statement:" then "“…”".
    QuoteIntroduced,
    /// The organisation opening the sentence: "The Harbour Board is firm: “…”".
    QuoteOrganisationOpener,
    /// The person the sentence before was about, when no quote came after them.
    QuotePreviousSubject,
    /// The previous quote's speaker, in the same paragraph or a few sentences back for a
    /// quotation opening its paragraph.
    QuotePreviousSpeaker,
    /// A quotation with no speaker found.
    QuoteUnattributed,
    /// A paragraph signed by a name ("— Ines Varga"), with no reporting verb.
    SignedParagraph,
    /// A paragraph opened by a speaker's label: a transcript ("BRANDT: We will reopen …") or a
    /// quoting headline ("Brandt: 'The pier will reopen'").
    LabelledParagraph,
}

impl Rule {
    /// The frame rules, in the order they are tried on a frame's subject.
    pub const FRAME_ORDER: [Rule; 18] = [
        Rule::FrameDocumentAuthor,
        Rule::FrameDocumentOrganisation,
        Rule::FrameChannel,
        Rule::FrameChannelPerson,
        Rule::FrameChannelInstitution,
        Rule::FramePronoun,
        Rule::FrameGroupPronoun,
        Rule::FrameNamedPair,
        Rule::FrameNamedPerson,
        Rule::FrameNamedOrganisation,
        Rule::FrameUnknownName,
        Rule::FrameClauseName,
        Rule::FrameOrganisationDescription,
        Rule::FramePersonDescription,
        Rule::FrameDocumentQualifier,
        Rule::FrameDocumentRemembered,
        Rule::FramePossessiveOwner,
        Rule::FrameNounPhrase,
    ];

    /// The rules for a channel's speaker, in the order they are tried.
    pub const CHANNEL_ORDER: [Rule; 5] = [
        Rule::ChannelReportsName,
        Rule::ChannelEarlierName,
        Rule::ChannelOwner,
        Rule::ChannelPreviousSpeaker,
        Rule::ChannelUnattributed,
    ];

    /// The rules for a quotation no frame covers, in the order they are tried.
    pub const QUOTE_ORDER: [Rule; 15] = [
        Rule::QuoteInsideFrame,
        Rule::QuoteCharacterizingSubject,
        Rule::QuoteNameBeforeCue,
        Rule::QuoteSpeechOwner,
        Rule::QuoteSubjectApposition,
        Rule::QuoteSentenceSubject,
        Rule::QuoteNameBefore,
        Rule::QuoteNameAfter,
        Rule::QuoteNameOpening,
        Rule::QuoteChannelSubject,
        Rule::QuoteIntroduced,
        Rule::QuoteOrganisationOpener,
        Rule::QuotePreviousSubject,
        Rule::QuotePreviousSpeaker,
        Rule::QuoteUnattributed,
    ];

    /// The rule's id, as reports and `eval quotes` write it ("frame-named-person").
    pub fn id(self) -> &'static str {
        match self {
            Rule::FrameDocumentAuthor => "frame-document-author",
            Rule::FrameDocumentOrganisation => "frame-document-organisation",
            Rule::FrameChannel => "frame-channel",
            Rule::FrameChannelPerson => "frame-channel-person",
            Rule::FrameChannelInstitution => "frame-channel-institution",
            Rule::FramePronoun => "frame-pronoun",
            Rule::FrameGroupPronoun => "frame-group-pronoun",
            Rule::FrameNamedPerson => "frame-named-person",
            Rule::FrameNamedPair => "frame-named-pair",
            Rule::FrameNamedOrganisation => "frame-named-organisation",
            Rule::FrameUnknownName => "frame-unknown-name",
            Rule::FrameClauseName => "frame-clause-name",
            Rule::FrameOrganisationDescription => "frame-organisation-description",
            Rule::FramePersonDescription => "frame-person-description",
            Rule::FrameDocumentQualifier => "frame-document-qualifier",
            Rule::FrameDocumentRemembered => "frame-document-remembered",
            Rule::FramePossessiveOwner => "frame-possessive-owner",
            Rule::FrameNounPhrase => "frame-noun-phrase",
            Rule::ChannelReportsName => "channel-reports-name",
            Rule::ChannelEarlierName => "channel-earlier-name",
            Rule::ChannelOwner => "channel-owner",
            Rule::ChannelPreviousSpeaker => "channel-previous-speaker",
            Rule::ChannelUnattributed => "channel-unattributed",
            Rule::QuoteInsideFrame => "quote-inside-frame",
            Rule::QuoteCharacterizingSubject => "quote-characterizing-subject",
            Rule::QuoteNameBeforeCue => "quote-name-before-cue",
            Rule::QuoteSpeechOwner => "quote-speech-owner",
            Rule::QuoteIntroduced => "quote-introduced",
            Rule::QuoteSubjectApposition => "quote-subject-apposition",
            Rule::QuoteSentenceSubject => "quote-sentence-subject",
            Rule::QuoteNameBefore => "quote-name-before",
            Rule::QuoteNameAfter => "quote-name-after",
            Rule::QuoteNameOpening => "quote-name-opening",
            Rule::QuoteChannelSubject => "quote-channel-subject",
            Rule::QuoteOrganisationOpener => "quote-organisation-opener",
            Rule::QuotePreviousSubject => "quote-previous-subject",
            Rule::QuotePreviousSpeaker => "quote-previous-speaker",
            Rule::QuoteUnattributed => "quote-unattributed",
            Rule::SignedParagraph => "signed-paragraph",
            Rule::LabelledParagraph => "labelled-paragraph",
        }
    }

    /// Every rule: the frame rules, the channel rules, the quotation rules, then signed and
    /// labelled paragraphs.
    pub fn all() -> impl Iterator<Item = Rule> {
        Rule::FRAME_ORDER
            .into_iter()
            .chain(Rule::CHANNEL_ORDER)
            .chain(Rule::QUOTE_ORDER)
            .chain([Rule::SignedParagraph, Rule::LabelledParagraph])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_match_serde() {
        let ids: Vec<&str> = Rule::all().map(Rule::id).collect();
        let unique: std::collections::HashSet<&str> = ids.iter().copied().collect();
        assert_eq!(unique.len(), ids.len());
        assert_eq!(ids.len(), 40);
        for rule in Rule::all() {
            let json = serde_json::to_string(&rule).unwrap();
            assert_eq!(json, format!("\"{}\"", rule.id()));
        }
    }
}
