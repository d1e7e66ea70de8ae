import BilatModel
import Foundation
import Testing
@testable import BilatExtraction
import BilatTestSupport

/// The officials tables are typed as they are read: a bad value is refused with its file and line.
@Suite struct OfficialTablesTests {
    @Test func rowsKeepTheirLineNumbers() {
        let table = TSVTable(text: "# comment\r\nname\tx\r\n\r\nA\t1\r\n# another\nB\t2\rC\t3")
        #expect(table.records.map(\.line) == [4, 6, 7])
    }

    @Test func anUnknownCountryIsRefusedWithItsLine() throws {
        let error = try referenceLoadError("officials.tsv", "name\tcountry\trole\tstart\tend\taliases\n# note\nXi Jinping\tCN\tPresident\t2013-03-14\t\t\nNobody\tXQ\tPresident\t2020\t\t\n")
        #expect(error == "officials.tsv:4: unknown country code \"XQ\"")
    }

    @Test func aDateThatIsNoDateIsRefused() throws {
        let error = try referenceLoadError("officials.tsv", "name\tcountry\trole\tstart\tend\taliases\nXi Jinping\tCN\tPresident\t14 March 2013\t\t\n")
        #expect(error == "officials.tsv:2: start \"14 March 2013\" is no date (YYYY-MM-DD or YYYY-MM)")
    }

    @Test func aTermThatEndsBeforeItStartsIsRefused() throws {
        let error = try referenceLoadError("officials.tsv", "name\tcountry\trole\tstart\tend\taliases\nXi Jinping\tCN\tPresident\t2013-03-14\t2012\t\n")
        #expect(error == "officials.tsv:2: the term ends before it starts")
    }

    @Test func anInternationalOfficialMustServeAKnownOrganization() throws {
        let error = try referenceLoadError("international_officials.tsv", "name\torganization\trole\tstart\tend\taliases\nAntónio Guterres\tUN\tSecretary-General\t2017-01-01\t\t\nJens Stoltenberg\tNATO\tSecretary General\t2014-10-01\t2024-09-30\t\n")
        #expect(error == "international_officials.tsv:3: unknown organization \"NATO\" (not a name in organizations.tsv)")
    }

    @Test func anOfficeTitleMustBeATitleOfTheRoles() throws {
        let error = try referenceLoadError("lexicon/offices.tsv", "title\toffice\namir\temir\nemperour\temperor\n")
        #expect(error == "offices.tsv:3: \"emperour\" is no title of roles.tsv or the officials tables")
    }

    @Test func internationalOfficialsServeNoCountry() throws {
        let reference = try ReferenceData.bundled()
        let guterres = reference.officials.filter { $0.name == "António Guterres" }
        #expect(!guterres.isEmpty && guterres.allSatisfy { $0.country == nil && $0.organization == "UN" })
        #expect(reference.officials.allSatisfy { ($0.country == nil) != ($0.organization == nil) })
    }
}

/// An official of an international organization is no side of a meeting.
@Suite struct InternationalOfficialMeetingTests {
    let extractor: Extractor

    init() throws {
        extractor = try TestExtractor.bundled()
    }

    func extract(_ body: String, published: String) throws -> ArticleFacts {
        extractor.extract(try ArticleReader.read(text: "---\ntitle: Test\npublished: \(published)\n---\n\(body)\n"))
    }

    @Test func aMeetingWithOnlyAnInternationalOfficialAndOneCountryIsNoMeeting() throws {
        let facts = try extract("President Stubb met NATO Secretary General Mark Rutte in Brussels on Tuesday to discuss air defence for Ukraine and sanctions on Russia.", published: "2025-01-15")
        #expect(facts.meetings.isEmpty)
        #expect(facts.officials.map(\.name) == ["Alexander Stubb"])
    }

    @Test func aCallWithTheUNSecretaryGeneralIsNoMeeting() throws {
        let facts = try extract("UN Secretary-General Antonio Guterres spoke by phone with Prime Minister Modi about the situation in Myanmar.", published: "2023-02-20")
        #expect(facts.meetings.isEmpty)
    }

    @Test func anInternationalOfficialPresentLeavesTheTwoSides() throws {
        let facts = try extract("President Stubb and Prime Minister Kristersson met European Commission President Ursula von der Leyen in Stockholm on Monday.", published: "2025-01-15")
        #expect(facts.meetings.map(\.countries) == [["FI", "SE"]])
        #expect(facts.meetings.first?.participants == ["Alexander Stubb", "Ulf Kristersson"])
    }

    /// In a transcript of two leaders' meeting, "we have spoken to the NATO Secretary General" and
    /// "speaking with leaders in three capitals ... their" name encounters with others: neither is a call
    /// between the two, and the meeting the title names stays in person.
    @Test func asidesOfATranscriptLeaveItsMeetingInPerson() throws {
        let url = Fixtures.url("corpus/genre/wording-008-transcript-asides.txt")
        let facts = extractor.extract(try ArticleReader.read(text: try String(contentsOf: url, encoding: .utf8)))
        #expect(facts.meetings.map(\.countries) == [["PL", "US"]])
        #expect(facts.meetings.map(\.mode) == [.inPerson])
    }
}
