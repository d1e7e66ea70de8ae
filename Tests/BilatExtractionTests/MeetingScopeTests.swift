import BilatModel
import Foundation
import Testing
@testable import BilatExtraction
import BilatTestSupport

/// Which words govern a meeting word: announcement cues, negation, subject pronouns, groups and
/// words that refer back. Each test states one rule of the genre on a short invented article.
@Suite struct MeetingScopeTests {
    let extractor: Extractor

    init() throws {
        extractor = try TestExtractor.bundled()
    }

    func meetings(_ body: String, published: String = "2024-03-15") throws -> [Meeting] {
        let text = "---\ntitle: Test\npublished: \(published)\n---\n\(body)\n"
        return extractor.extract(try ArticleReader.read(text: text)).meetings
    }

    @Test func aFutureCueInsideAClauseAfterTheMeetingWordAnnouncesNothing() throws {
        let found = try meetings("Chinese President Xi Jinping held talks with French President Emmanuel Macron in Beijing on Thursday that will shape trade for years.")
        #expect(found.map(\.status) == [.held])
    }

    @Test func wouldBeforeTheMeetingWordAnnouncesIt() throws {
        let found = try meetings("Officials said French President Emmanuel Macron would pay a return visit to Chinese President Xi Jinping later this year.")
        #expect(found.map(\.status) == [.planned])
        #expect(found.first?.date?.iso == "2024")
    }

    @Test func agreeingToMeetAnnouncesTheMeeting() throws {
        let found = try meetings("""
            Chinese President Xi Jinping held talks with French President Emmanuel Macron in Beijing on Thursday.
            The two leaders agreed to meet again in Paris in June.
            """)
        #expect(found.contains { $0.status == .planned && $0.date?.iso == "2024-06" })
        #expect(!found.contains { $0.status == .held && $0.date?.iso == "2023-06" })
    }

    @Test func aNegatedMeetingWordIsNoMeeting() throws {
        let found = try meetings("French President Emmanuel Macron, who never visited Chinese President Xi Jinping in Beijing in 2019, spoke on Thursday.")
        #expect(found.isEmpty)
    }

    @Test func aSubjectPronounAfterAnAdverbialIsTheLastSubject() throws {
        let found = try meetings("""
            Chinese President Xi Jinping arrived in Paris on Monday.
            On Tuesday evening he held talks with German Chancellor Olaf Scholz in Berlin.
            """)
        #expect(found.first?.participants == ["Olaf Scholz", "Xi Jinping"])
        #expect(found.first?.countries == ["CN", "DE"])
    }

    @Test func theGroupStandsForTheMainEncountersOfficials() throws {
        let found = try meetings("""
            The foreign ministers of China and France met in Geneva on Thursday.
            Chinese Foreign Minister Wang Yi and his French counterpart Stephane Sejourne shook hands before the talks.
            German Foreign Minister Annalena Baerbock later met the two ministers together.
            """)
        #expect(found.contains { $0.countries == ["CN", "DE", "FR"] })
    }

    @Test func aPossessiveMeetingWordWithoutADateRefersBack() throws {
        let found = try meetings("""
            Chinese President Xi Jinping held talks with French President Emmanuel Macron in Beijing on Thursday.
            Macron's visit came as analysts tried to gauge how far U.S. President Joe Biden will go on tariffs.
            """)
        #expect(found.map(\.countries) == [["CN", "FR"]])
    }

    @Test func welcomingCooperationBetweenPoliceForcesIsNoMeeting() throws {
        let found = try meetings("Chinese President Xi Jinping welcomed closer cooperation between the French police and Chinese police.")
        #expect(found.isEmpty)
    }

    @Test func anObjectPronounStandsForThePersonNamedBeforeTheSubject() throws {
        let found = try meetings("From Paris, German Chancellor Olaf Scholz flew on to Warsaw, where Polish Prime Minister Donald Tusk welcomed him on Thursday.")
        #expect(found.map(\.countries) == [["DE", "PL"]])
    }

    @Test func anObjectPronounWithoutAntecedentInTheSentenceIsTheLastSubject() throws {
        let found = try meetings("""
            On Monday, Japanese Prime Minister Fumio Kishida will address the Diet. \
            U.S. President Joe Biden will then host him and Philippine President Ferdinand Marcos Jr. in Washington for a trilateral summit.
            """)
        #expect(found.first?.countries == ["JP", "PH", "US"])
        #expect(found.first?.date?.iso == "2024-03-18")
        #expect(found.first?.status == .planned)
    }

    @Test func coordinatedOfficialsAreOneArgumentOfTheMeetingWord() throws {
        let found = try meetings("""
            U.S. President Joe Biden spoke to reporters on Thursday.
            He said Chinese President Xi Jinping and Russian President Vladimir Putin would travel to Washington later this year to meet him.
            """)
        #expect(found.first?.countries == ["CN", "RU", "US"])
    }
}
