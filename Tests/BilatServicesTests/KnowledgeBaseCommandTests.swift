import Foundation
import Testing

@Suite("Knowledge base commands, end to end")
struct KnowledgeBaseCommandTests {
    static let hostile = [
        #"Xi" OR "Modi"#, "Modi; DROP TABLE article; --", "-- comment", "NEAR(Modi Xi, 3)", "Mod*", "*",
        "AND OR NOT", "(Modi", "Modi)) OR ((", #"""#, "'; SELECT 1; '", "Xi\u{0}Jinping", "",
    ]

    /// A new, empty knowledge base of `backend` (a file in `folder`, or a database on the test server):
    /// what `--db` names it by, and what removes it.
    func emptyKnowledgeBase(_ backend: Backend, _ folder: URL) throws -> (db: String, drop: () -> Void) {
        let made = try backend.makeStore(in: folder.appendingPathComponent("kb"))
        return (made.location, made.drop)
    }

    /// A knowledge base holding the multi corpus, ingested through the CLI.
    func ingestedMulti(_ backend: Backend, _ folder: URL) throws -> (db: String, drop: () -> Void) {
        let (db, drop) = try emptyKnowledgeBase(backend, folder)
        let multi = fixturesFolder.appendingPathComponent("corpus/multi").path
        let ingest = try runBilat(["ingest", multi, "-q"], database: db)
        #expect(ingest.status == 0, "\(ingest.stderr)")
        return (db, drop)
    }

    @Test("hostile text through search, --with, show official and forget: no SQL or FTS error, db check clean", arguments: Backend.available)
    func hostileText(_ backend: Backend) throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (db, drop) = try ingestedMulti(backend, folder)
        defer { drop() }

        for text in Self.hostile {
            let search = try runBilat(["search", "--format", "json", "--", text], database: db)
            #expect(search.status == 0, "search \(text): \(search.stderr)")
            #expect(!search.stderr.contains("SQLite error") && !search.stderr.contains("syntax error"), "search \(text)")
            let with = try runBilat(["meetings", "China", "India", "--with", text, "--format", "json"], database: db)
            #expect([0, 64, 66].contains(with.status), "--with \(text): \(with.stderr)")
            #expect(!with.stderr.contains("SQLite error"), "--with \(text)")
            let show = try runBilat(["show", "official", "--", text], database: db)
            #expect([0, 66].contains(show.status), "show official \(text): \(show.stderr)")
            #expect(!show.stderr.contains("SQLite error"), "show official \(text)")
            // Naming no stored article, the text is reported as not stored (forgetting is idempotent);
            // an empty one is a usage error.
            let forget = try runBilat(["forget", "--", text], database: db)
            #expect(forget.status == (text.isEmpty ? 64 : 0), "forget \(text): \(forget.stderr)")
            #expect(text.isEmpty || forget.stderr.contains("not stored"), "forget \(text): \(forget.stderr)")
        }
        let quoted = try runBilat(["search", #""patrolling" "understanding""#, "--format", "json"], database: db)
        #expect(quoted.stdout.contains("[patrolling]"))
        let check = try runBilat(["db", "check"], database: db)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(try runBilat(["stats", "--format", "json"], database: db).stdout.contains("\"articles\" : 12"))
    }

    @Test("odd scalars (an escaped NUL, right-to-left, combining marks, astral) keep sentence text and offsets exact through search, replace and forget", arguments: Backend.available)
    func oddScalars(_ backend: Backend) throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (db, drop) = try emptyKnowledgeBase(backend, folder)
        defer { drop() }
        let text = #"CAIRO - A note\u0000here \u202Eעברית\u202C. Egyptian President Abdel Fattah al-Sisi met Turkish President Recep Tayyip Erdog\u0306an in Cairo on Monday \ud83c\udf0d. Both praised zebrafruit trade."#
        let feed = try folder.write(#"{"id": "odd", "published": "2024-02-14", "url": "https://x.example/odd", "text": "\#(text)"}"# + "\n", to: "feed.jsonl")
        #expect(try runBilat(["ingest", feed.path, "-q"], database: db).status == 0)

        let found = try runBilat(["search", "zebrafruit", "--format", "json"], database: db)
        let hits = try #require(JSONSerialization.jsonObject(with: Data(found.stdout.utf8)) as? [[String: Any]])
        #expect(hits.count == 1)
        let article = try #require(String(data: Data(#"{"t": "\#(text)"}"#.utf8), encoding: .utf8))
        let decoded = try #require(JSONSerialization.jsonObject(with: Data(article.utf8)) as? [String: String])["t"]!
            .replacingOccurrences(of: "\u{0}", with: "\u{FFFD}")
        let scalars = Array(decoded.unicodeScalars)
        for hit in hits {
            let start = try #require(hit["start"] as? Int), end = try #require(hit["end"] as? Int)
            let snippet = try #require(hit["snippet"] as? String).replacingOccurrences(of: "[", with: "").replacingOccurrences(of: "]", with: "")
            let sentence = String(String.UnicodeScalarView(scalars[start..<end]))
            // A short sentence's snippet is the sentence; PostgreSQL's ts_headline leaves out its last
            // punctuation (docs/postgres.md).
            switch backend {
            case .sqlite: #expect(sentence == snippet)
            case .postgres: #expect(!snippet.isEmpty && sentence.hasPrefix(snippet) && sentence.count - snippet.count <= 1, "\(sentence) / \(snippet)")
            }
        }
        // A new text at the same url replaces the article: the index forgets the old sentences.
        let edited = try folder.write(#"{"id": "odd", "url": "https://x.example/odd", "text": "Nothing \u0000 left."}"# + "\n", to: "edited.jsonl")
        #expect(try runBilat(["ingest", edited.path, "-q"], database: db).status == 0)
        #expect(try runBilat(["search", "zebrafruit", "--format", "json"], database: db).stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[\n\n]")
        #expect(try runBilat(["db", "check"], database: db).status == 0)
        #expect(try runBilat(["forget", "https://x.example/odd"], database: db).status == 0)
        let check = try runBilat(["db", "check"], database: db)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }

    @Test("unknown people (not found, 66) and areas (usage, 64) get suggestions; --between and --area filter", arguments: Backend.available)
    func filters(_ backend: Backend) throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (db, drop) = try ingestedMulti(backend, folder)
        defer { drop() }

        let person = try runBilat(["meetings", "China", "India", "--with", "Narendra Mdoi"], database: db)
        #expect(person.status == 66)
        #expect(person.stderr.contains("did you mean Narendra Modi"))
        let area = try runBilat(["meetings", "China", "India", "--area", "trdae"], database: db)
        #expect(area.status == 64)
        #expect(area.stderr.contains("did you mean trade"))
        let between = try runBilat(["meetings", "--between", "Japan", "Philippines", "USA", "--format", "json"],
                                   database: db)
        #expect(between.status == 0)
        #expect(between.stdout.contains("\"PH\""))
        let official = try runBilat(["show", "official", "President Xi"], database: db)
        #expect(official.status == 0, "\(official.stderr)")
        #expect(official.stdout.hasPrefix("Xi Jinping (CN)"))
        #expect(official.stdout.contains("Narendra Modi"))
    }

    @Test("forget by url removes the article; db check stays clean and reports a broken invariant with exit 1", arguments: Backend.available)
    func forgetAndCheck(_ backend: Backend) throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (db, drop) = try ingestedMulti(backend, folder)
        defer { drop() }

        let forget = try runBilat(["forget", "https://news.example/world/asia/modi-xi-kazan-talks"], database: db)
        #expect(forget.status == 0, "\(forget.stderr)")
        let russia = try runBilat(["meetings", "India", "Russia", "--format", "json"], database: db)
        #expect((try JSONSerialization.jsonObject(with: Data(russia.stdout.utf8)) as? [Any])?.isEmpty == true)
        #expect(try runBilat(["db", "check"], database: db).status == 0)
        let again = try runBilat(["forget", "https://news.example/world/asia/modi-xi-kazan-talks"], database: db)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stderr.contains("not stored"), "\(again.stderr)")
    }

    @Test("forget of a list goes past ids already forgotten: each is reported not stored, the others are forgotten, exit 0", arguments: Backend.available)
    func forgetIsIdempotent(_ backend: Backend) throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (db, drop) = try ingestedMulti(backend, folder)
        defer { drop() }
        let kazan = "https://news.example/world/asia/modi-xi-kazan-talks"
        let riyadh = "https://news.example/world/middle-east/trump-riyadh-crown-prince"
        let pact = "https://news.example/politics/germany-kenya-migration-pact"
        let first = try runBilat(["forget", kazan], database: db)
        #expect(first.status == 0, "\(first.stderr)")

        let list = try runBilat(["forget", kazan, riyadh, kazan, "never-stored-feed-id", pact], database: db)
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stderr.components(separatedBy: "not stored").count - 1 == 3, "\(list.stderr)")
        #expect(list.stderr.components(separatedBy: "forgot article").count - 1 == 2, "\(list.stderr)")
        let stats = try runBilat(["stats", "--format", "json"], database: db)
        #expect(stats.stdout.contains("\"articles\" : 9"), "\(stats.stdout)")
        #expect(try runBilat(["db", "check"], database: db).status == 0)

        // An empty ARTICLE is a usage error, found before anything is forgotten.
        let blank = try runBilat(["forget", "https://news.example/politics/biden-kishida-white-house", " "], database: db)
        #expect(blank.status == 64, "\(blank.stderr)")
        #expect(try runBilat(["stats", "--format", "json"], database: db).stdout.contains("\"articles\" : 9"))
        // A short hex string is no id prefix: the note says so.
        let short = try runBilat(["forget", "3f2a"], database: db)
        #expect(short.status == 0 && short.stderr.contains("8 or more hex digits"), "\(short.stderr)")
    }
}
