import Foundation

/// A list of `lexicon/word_lists.tsv`: the name says what its words are for (the file's comment above
/// each list gives an example). The rules read a list by its case, never by a literal of their own.
enum WordList: String, CaseIterable, Sendable {
    /// Articles between a name and its office: "X, the finance minister".
    case appositiveArticles = "appositive_articles"
    /// Determiners that make a meeting word refer to an encounter already reported: "the visit", "Starmer's visit".
    case referBackDeterminers = "refer_back_determiners"
    /// Determiners that make a meeting word in a time adjunct refer to an encounter already known: "after the talks", "after their meeting".
    case adjunctDeterminers = "adjunct_determiners"
    /// Determiners that make a document's name refer to one already found: "the treaty", "their declaration".
    case documentDeterminers = "document_determiners"
    /// Possessive pronouns that give an office its owner: "X, his national security adviser".
    case ownerPronouns = "owner_pronouns"
    /// Subject pronouns that stand for a person of an earlier sentence: "He met ...".
    case subjectPronouns = "subject_pronouns"
    /// Object pronouns that stand for a person of an earlier sentence: "will then host him".
    case objectPronouns = "object_pronouns"
    /// Relative pronouns that open an aside describing a person or thing: "Lula, who was sworn in on Jan. 1, ...".
    case relativePronouns = "relative_pronouns"
    /// Words that open a relative or complement clause: a cue past one of them belongs to that clause ("held talks that will bring jobs").
    case clauseOpeners = "clause_openers"
    /// Words that open a new clause and end a time adjunct: "after the talks, when ...".
    case newClauseWords = "new_clause_words"
    /// Words that end the clause a cue governs: "X met Y on Monday after a planned visit was postponed".
    case cueBarriers = "cue_barriers"
    /// Words past which a mode word speaks of another encounter: "met on Thursday, a week after their phone call".
    case modeBarriers = "mode_barriers"
    /// Words that end the adjuncts between a verb of speaking and its "with": "spoke about the war", "spoke today and agreed".
    case speechAdjunctEnds = "speech_adjunct_ends"
    /// Words that end the object of a verb: punctuation, clause words, and the prepositions of its modifiers ("welcomed closer cooperation between the police forces").
    case objectEnds = "object_ends"
    /// Forms of "be" that make the next verb passive: "was received by".
    case passiveAuxiliaries = "passive_auxiliaries"
    /// Auxiliaries of a passive predicate a cue may be: "was cancelled", "has been called off".
    case predicateAuxiliaries = "predicate_auxiliaries"
    /// A modal that announces what follows it in reported speech: "said Sisi would pay a return visit".
    case announcingModals = "announcing_modals"
    /// Words that deny the encounter they precede: "never made an official visit", "did not meet".
    case negations
    /// Verbs of going whose object or "to"-phrase is a destination: "will travel to Oslo".
    case goingVerbs = "going_verbs"
    /// Words after which "in" names where a visitor arrives: "arrives in Qatar", "a state visit in Norway".
    case arrivalWords = "arrival_words"
    /// Words that say a tour begins: its date is its first stop's ("began a tour of ...").
    case tourBeginnings = "tour_beginnings"
    /// Words of a reduced relative clause that names who gave an office: "the minister X appointed".
    case appointingWords = "appointing_words"
    /// Prepositions that introduce whom one speaks with: "spoke with", "talked to".
    case interlocutorPrepositions = "interlocutor_prepositions"
    /// Prepositions that open a phrase of another noun between a cue and a meeting word: "a proposed missile shield in talks with".
    case nounPhrasePrepositions = "noun_phrase_prepositions"
    /// Words that open a time adjunct around a meeting word: "after the talks", "ahead of the visit".
    case timeAdjunctOpeners = "time_adjunct_openers"
    /// Words before a capital that make it a place, not its government: "in Beijing" (not "Riyadh and Tehran said").
    case placePrepositions = "place_prepositions"
    /// Words that join a document's name to the rest of its title: "the Treaty between ...", "the Agreement on ...".
    case documentTitleLinks = "document_title_links"
    /// Words that open what an encounter was about: "talks about Iran", "to discuss", "including".
    case topicWords = "topic_words"
    /// Words that stand for a person as the object of a meeting verb: "received him", "welcomed his counterpart".
    case personObjectWords = "person_object_words"
    /// Words that may stand between a preposition and the person it introduces: "with his Turkish counterpart", "with the visiting Prime Minister".
    case objectModifiers = "object_modifiers"
    /// Words of time that may follow a verb of speaking: "spoke today", "spoke yesterday evening".
    case speechTimeWords = "speech_time_words"
    /// Nouns that name a gathering: after an organization's name they name a multilateral gathering ("the G20 summit").
    case gatheringNouns = "gathering_nouns"
    /// Words that make a meeting word speak of earlier encounters: "previous discussions", "past meetings".
    case earlierWords = "earlier_words"
    /// Words that say coordinated officials were met one by one: "held separate talks with A, B and C".
    case apartWords = "apart_words"
    /// Words that may stand between coordinated officials: "A of Sweden and President B", "A, B and C".
    case coordinationWords = "coordination_words"
    /// Words that may stand between "to" and a capital it names: "to the Libyan capital Tripoli".
    case capitalTitles = "capital_titles"
    /// Words between a name and its office that say the office is no longer held: "X, the former minister".
    case pastMarkers = "past_markers"
    /// Nouns of the side an article is written from: "the government's spokesman".
    case ownSideNouns = "own_side_nouns"
    /// Small words of an office's title kept in lower case: "Minister of Foreign Affairs".
    case titleSmallWords = "title_small_words"
    /// Words that end a name run besides months, weekdays and single-word offices: "President Xi and ...", "Mr Li after ...".
    case nameStops = "name_stops"
    /// Nouns that count the sides of a document: "the two countries", "both governments".
    case sideNouns = "side_nouns"
    /// Words that refer to the day of an event just told: "that day", "the same day".
    case dayReferences = "day_references"
    /// Time-of-day words a date line may carry beside the date: "12 March 2024, 10:30 am GMT".
    case clockWords = "clock_words"
    /// Words kept in lower case inside a dateline's city: "Rio de Janeiro", "Dar es Salaam".
    case cityParticles = "city_particles"
    /// Last words of an office that is no state's: "Hamas leader", "CIA director" (no home side is given).
    case nonStateTitles = "non_state_titles"
    /// Subjects that open a clause of their own after ", and" / ", but": "X meets Y, and he will visit Z".
    case clauseSubjects = "clause_subjects"
    /// Conjunctions that coordinate clauses.
    case clauseCoordinators = "clause_coordinators"
    /// Participles that are prepositions and open no clause: "talks with X regarding the summit".
    case prepositionalParticiples = "prepositional_participles"
    /// Cues that modify a noun: "the upcoming summit", "the scheduled talks".
    case attributiveCues = "attributive_cues"
    /// Prepositions of the phrase that gives a statement's occasion: "in a phone call", "during talks".
    case occasionPrepositions = "occasion_prepositions"
}

/// The lists of `lexicon/word_lists.tsv`, typed by `WordList` as they are loaded. A list the engine does
/// not know, a list written twice or missing, an empty list, a word written twice in a list or a word not
/// written folded (a rule compares it with a token's folded word) is refused with the file and line.
struct WordLists: Sendable {
    static let file = "word_lists.tsv"
    private let lists: [WordList: [String]]

    init(_ table: TSVTable, file: String = WordLists.file) throws {
        guard table.header == ["list", "words"] else {
            throw ReferenceTableError(file: file, line: 1, message: "the header must be: list, words")
        }
        var lists: [WordList: [String]] = [:]
        for r in table.records {
            let list: WordList = try r.typed("list", file: file)
            guard lists[list] == nil else {
                throw ReferenceTableError(file: file, line: r.line, message: "list '\(list.rawValue)' written twice")
            }
            let words = r.list("words")
            guard !words.isEmpty else { throw ReferenceTableError(file: file, line: r.line, message: "list '\(list.rawValue)' has no words") }
            var seen = Set<String>()
            for word in words {
                guard TextFolding.fold(word) == word else {
                    throw ReferenceTableError(file: file, line: r.line, message: "'\(word)' is not written folded ('\(TextFolding.fold(word))')")
                }
                guard seen.insert(word).inserted else {
                    throw ReferenceTableError(file: file, line: r.line, message: "'\(word)' written twice in list '\(list.rawValue)'")
                }
            }
            lists[list] = words
        }
        if let missing = WordList.allCases.first(where: { lists[$0] == nil }) {
            throw ReferenceTableError(file: file, line: 0, message: "no list '\(missing.rawValue)'")
        }
        self.lists = lists
    }

    /// The words of a list, in the file's order.
    func words(_ list: WordList) -> [String] { lists[list] ?? [] }

    /// The words of a list as a set a token is looked up in; built at each call: keep it.
    func set(_ list: WordList) -> WordSet { WordSet(words(list)) }
}
