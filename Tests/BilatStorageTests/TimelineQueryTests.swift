import BilatModel
import GRDB
import Testing
@testable import BilatStorage

@Suite("Agreements, statements and shared facts")
struct TimelineQueryTests {
    @Test("agreements of a pair, oldest first, with their source sentences", arguments: StorageBackend.available)
    func agreements(_ backend: StorageBackend) throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let (store, drop) = try backend.makeStore(folder)
        defer { drop() }
        let given = TestArticle("They signed a treaty. Later a memorandum followed. France signed too.")
        _ = try store.save(given.article, facts: given.facts(agreements: [
            Agreement(kind: .memorandum, date: date("2025-11"), countries: ["US", "CN"],
                      spans: [given.span(of: "memorandum")]),
            Agreement(kind: .treaty, date: date("2024-05-02"), countries: ["CN", "US"], title: "Treaty",
                      spans: [given.span(of: "treaty")]),
            Agreement(kind: .agreement, date: nil, countries: ["CN", "FR"], spans: [given.span(of: "France")]),
        ]))

        let pair = try store.agreements(MeetingFilter(countries: ["US", "CN"]))

        #expect(pair.map(\.kind) == [.treaty, .memorandum])
        #expect(pair.first?.sources.map(\.sentence) == ["They signed a treaty."])
        #expect(pair.first?.countries == ["CN", "US"])
        #expect(try store.agreements(MeetingFilter(countries: ["CN"])).map(\.kind) == [.treaty, .memorandum, .agreement])
        #expect(try store.agreements(MeetingFilter(from: date("2025-11-01"))).map(\.kind) == [.memorandum])
    }

    @Test("statements by a side's speakers in articles naming the other side, oldest first", arguments: StorageBackend.available)
    func statements(_ backend: StorageBackend) throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let (store, drop) = try backend.makeStore(folder)
        defer { drop() }
        let pairArticle = TestArticle("Wang said China wants talks. Rubio said the US agrees.", published: "2025-02-01")
        _ = try store.save(pairArticle.article, facts: pairArticle.facts(statements: [
            Statement(speaker: "Wang Yi", country: "CN", verb: "said", text: "Wang said China wants talks.", type: .position,
                      span: pairArticle.span(of: "Wang")),
            Statement(speaker: "Marco Rubio", country: "US", verb: "said", text: "Rubio said the US agrees.", type: .position,
                      span: pairArticle.span(of: "Rubio")),
        ], countries: ["CN", "US"]))
        let other = TestArticle("Wang said China and France are friends.", published: "2025-01-01")
        _ = try store.save(other.article, facts: other.facts(statements: [
            Statement(speaker: "Wang Yi", country: "CN", verb: "said", text: "Wang said China and France are friends.",
                      type: .assessment, span: other.span(of: "Wang")),
        ], countries: ["CN", "FR"]))

        let pair = try store.statements(MeetingFilter(countries: ["US", "CN"]))
        let china = try store.statements(MeetingFilter(countries: ["CN"]))

        #expect(pair.map(\.speaker) == ["Wang Yi", "Marco Rubio"])
        #expect(pair.first?.source.sentence == "Wang said China wants talks.")
        #expect(pair.first?.date == date("2025-02-01"))
        // A statement's text is the article text at its span.
        #expect(china.map(\.text) == ["Wang said China and France are friends.", "Wang said China wants talks."])
        #expect(try store.statements(MeetingFilter(countries: ["CN"], from: date("2025-02"))).count == 1)
    }

    @Test("replacing one of two sources keeps the meeting and drops only what the old text said")
    func replaceSharedMeeting() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let store = try makeEmptyTestStore(folder)
        let first = TestArticle("Xi met Trump.", url: "https://example.org/1")
        let second = TestArticle("Trump met Xi.", url: "https://example.org/2")
        let meeting = { (article: TestArticle, participants: [String]) in
            Meeting(date: date("2025-10-30"), countries: ["CN", "US"], participants: participants, place: nil,
                    mode: .inPerson, status: .held, spans: [article.sentences[0].span])
        }
        _ = try store.save(first.article, facts: first.facts(
            meetings: [meeting(first, ["Xi Jinping"])],
            officials: [Official(name: "Xi Jinping", country: "CN", role: "President")]))
        _ = try store.save(second.article, facts: second.facts(meetings: [meeting(second, ["Donald Trump"])]))
        #expect(try store.meetings(MeetingFilter()).first?.sourceCount == 2)
        let replacement = TestArticle("Nothing about meetings.", url: "https://example.org/1")

        #expect(try store.save(replacement.article, facts: replacement.facts()) == .replaced(previousURLs: []))

        let meetings = try store.meetings(MeetingFilter())
        #expect(meetings.count == 1)
        #expect(meetings.first?.sourceCount == 1)
        #expect(meetings.first?.participants == ["Donald Trump"])
        let officials = try store.pool.read { db in try String.fetchAll(db, sql: "SELECT name FROM official") }
        #expect(officials == ["Donald Trump"])
        #expect(try consistencyProblems(store).isEmpty)
    }

    @Test("official roles keep their first and last seen dates across articles")
    func officialRoles() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let store = try makeEmptyTestStore(folder)
        for (text, published) in [("A.", "2025-03-01"), ("B.", "2025-01-05"), ("C.", "2025-06-30")] {
            let given = TestArticle(text, published: published)
            _ = try store.save(given.article, facts: given.facts(
                officials: [Official(name: "Wang Yi", country: "CN", role: "Foreign Minister",
                                     spans: [given.sentences[0].span])]))
        }

        let span = try store.pool.read { db in
            try Row.fetchOne(db, sql: "SELECT first_seen, last_seen, article_count FROM official_role_span")
        }

        #expect(span?["first_seen"] == "2025-01-05")
        #expect(span?["last_seen"] == "2025-06-30")
        #expect(span?["article_count"] == 3)
    }
}
