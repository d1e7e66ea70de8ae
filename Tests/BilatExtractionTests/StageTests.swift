import BilatModel
import Foundation
import Testing
@testable import BilatExtraction

@Suite struct TokenizerTests {
    @Test func keepsInitialsTogetherAndSplitsPossessivesAndPairs() {
        let words = Tokenizer.tokenize("U.S.-China talks in Washington, D.C.; China's Xi").map(\.text)
        #expect(words == ["U.S.", "-", "China", "talks", "in", "Washington", ",", "D.C.", ";", "China", "'s", "Xi"])
    }

    @Test func countsOffsetsInUnicodeScalars() {
        let text = "Erdoğan met Lula."
        let tokens = Tokenizer.tokenize(text)
        #expect(tokens[1].start == 8 && tokens[1].end == 11)
        #expect(tokens[0].folded == "erdogan")
    }
}

@Suite struct SentenceSplitterTests {
    let splitter = SentenceSplitter(abbreviations: ["mr", "nov", "jr", "dr"])

    func split(_ text: String) -> [String] {
        splitter.split(Tokenizer.tokenize(text), text: text).map(\.text)
    }

    @Test func doesNotSplitAtAbbreviationsOrInitials() {
        #expect(split("Mr. Ishiba met the U.S. President Donald J. Trump on Nov. 29. They talked.")
            == ["Mr. Ishiba met the U.S. President Donald J. Trump on Nov. 29.", "They talked."])
    }

    @Test func dropsParagraphNumbersAndSplitsLines() {
        #expect(split("Title line\n\n2. On arrival, he was received.") == ["Title line", "On arrival, he was received."])
    }
}

@Suite struct DateResolverTests {
    let lexicon: Lexicon

    init() throws {
        lexicon = try makeReference().lexicon
    }

    func resolve(_ text: String, published: String, future: Bool = false) -> [String] {
        DateResolver(lexicon: lexicon, published: PartialDate(iso: published))
            .expressions(in: Tokenizer.tokenize(text)[...], future: future).map(\.date.iso)
    }

    @Test func resolvesRelativeDatesAgainstPublication() {
        #expect(resolve("on Friday", published: "2026-01-16") == ["2026-01-16"])
        #expect(resolve("on Wednesday", published: "2026-01-16") == ["2026-01-14"])
        #expect(resolve("scheduled for Monday", published: "2025-08-23", future: true) == ["2025-08-25"])
        #expect(resolve("in October last year", published: "2026-01-16") == ["2025-10"])
        #expect(resolve("last November", published: "2024-06-17") == ["2023-11"])
        #expect(resolve("earlier this month", published: "2024-06-17") == ["2024-06"])
        #expect(resolve("next month", published: "2024-12-17") == ["2025-01"])
        #expect(resolve("next year", published: "2024-12-17") == ["2025"])
        #expect(resolve("on Nov. 29", published: "2024-12-17") == ["2024-11-29"])
        #expect(resolve("on November 7 last year", published: "2025-02-07") == ["2024-11-07"])
    }

    @Test func readsWrittenOutDates() {
        #expect(resolve("on 29 November 2023", published: "2025-01-01") == ["2023-11-29"])
        #expect(resolve("On February 7, 2025,", published: "2025-02-07") == ["2025-02-07"])
        #expect(resolve("in mid-2024", published: "2025-01-01") == ["2024"])
        #expect(resolve("in October 2024", published: "2025-01-01") == ["2024-10"])
    }
}

@Suite struct PeopleTests {
    let extractor: Extractor

    init() throws {
        extractor = Extractor(reference: try makeReference())
    }

    func officials(_ text: String) -> [String] {
        let article = Article(id: "t", published: PartialDate(iso: "2025-08-29"), text: text)
        return extractor.extract(article).officials.map { "\($0.name)|\($0.country ?? "-")|\($0.role ?? "-")" }.sorted()
    }

    @Test func readsTitleNameAndNameTitleForms() {
        #expect(officials("Chinese President Xi Jinping met Canadian Prime Minister Mark Carney.")
            == ["Mark Carney|CA|Prime Minister", "Xi Jinping|CN|President"])
        // A reference official keeps the reference's name, whatever order the text writes it in.
        #expect(officials("Mr. XI Jinping, President of the People's Republic of China, spoke.")
            == ["Xi Jinping|CN|President"])
        #expect(officials("The President of France, H.E. Mr. Emmanuel Macron, arrived.")
            == ["Emmanuel Macron|FR|President"])
    }

    @Test func linksSurnamesAndCounterparts() {
        let text = "Chinese President Xi Jinping held talks with his Canadian counterpart Mark Carney. Xi said it was good."
        let facts = extractor.extract(Article(id: "t", published: PartialDate(iso: "2025-08-29"), text: text))
        #expect(facts.officials.count == 2)
        #expect(facts.officials.contains { $0.name == "Mark Carney" && $0.role == "President" && $0.country == "CA" })
        #expect(facts.statements.contains { $0.speaker == "Xi Jinping" && $0.verb == "said" })
    }

    @Test func givesOfficesTheCountryOfTheirOwner() {
        // A country or a known person in the possessive, "then", "his": the office is theirs.
        #expect(officials("Kim Min-jun, then South Korea's ambassador, left.")
            == ["Kim Min-jun|KR|former Ambassador"])
        #expect(officials("Chinese President Xi Jinping arrived. Li Wei, Xi's senior adviser for Asia, spoke.")
            == ["Li Wei|CN|Senior Adviser for Asia", "Xi Jinping|CN|President"])
        #expect(officials("Chinese President Xi Jinping was accompanied by his national security adviser, Li Wei.")
            == ["Li Wei|CN|National Security Adviser", "Xi Jinping|CN|President"])
        #expect(officials("Chinese President Xi Jinping arrived. He said his delegation included Trade Minister Li Wei.")
            == ["Li Wei|CN|Trade Minister", "Xi Jinping|CN|President"])
    }

    @Test func officesNamedBareServeTheHomeSide() {
        // The article names Carney without a country and the French president with one: it is written
        // from Canada, so a minister named by office alone is Canadian.
        let text = "Prime Minister Mark Carney met French President Emmanuel Macron. Trade Minister Jean Tremblay joined them."
        #expect(officials(text).contains("Jean Tremblay|CA|Trade Minister"))
        // A party leader serves no government.
        #expect(!officials("Prime Minister Mark Carney met French President Emmanuel Macron. Party Leader Jean Tremblay objected.")
            .contains { $0.hasPrefix("Jean Tremblay") })
        // A name ending in a building is no person.
        #expect(!officials("Prime Minister Mark Carney landed at King Khalid International Airport.").contains { $0.hasPrefix("Khalid") })
    }
}
