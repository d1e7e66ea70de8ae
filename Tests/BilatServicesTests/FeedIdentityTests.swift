import BilatExtraction
import BilatModel
import BilatServices
import BilatStorage
import Foundation
import Testing

/// A feed line's identity: an id is a non-empty string or an integer kept as written, a known field of
/// the wrong type fails its line, and front matter in a line's text cannot take another article's place.
@Suite("Feed identities")
struct FeedIdentityTests {
    /// A knowledge base of one backend that feeds are ingested into.
    struct FeedTarget {
        let fixture: IngestFixture
        var store: any ArticleStore & KnowledgeBaseMaintenance & KnowledgeQuerying { fixture.store }

        init(_ backend: Backend) throws { fixture = try IngestFixture(backend) }

        func remove() { fixture.remove() }

        /// Ingests the lines as one feed file; the summary, the failures and the url-change events.
        func ingest(_ lines: [String], name: String = "feed.jsonl") throws -> (IngestSummary, failures: [String], urlChanges: [String]) {
            let feed = try fixture.folder.write(lines.joined(separator: "\n") + "\n", to: name)
            var failures: [String] = [], urlChanges: [String] = []
            let summary = fixture.ingestor.ingest(paths: [feed.path], report: { event in
                switch event {
                case .failed(let message): failures.append(message.replacingOccurrences(of: feed.path, with: "F"))
                case .urlChanged(let location, let previous, let url):
                    urlChanges.append("\(location.replacingOccurrences(of: feed.path, with: "F")) \(previous) \(url ?? "-")")
                default: break
                }
            })
            return (summary, failures, urlChanges)
        }

        /// The stored article `reference` (id, url or feed id) finds: "feed-id url title", or why not.
        func stored(_ reference: String) throws -> String {
            switch try store.findArticle(reference) {
            case .found(let article): "\(article.externalID ?? "-") \(article.url ?? "-") \(article.title ?? "-")"
            case .none: "none"
            case .ambiguous(let ids): "\(ids.count) articles"
            }
        }
    }

    /// A feed line with `fields` (JSON members, without braces) and a text of its own.
    static func line(_ fields: String, _ number: Int) -> String {
        let text = "date 2025-03-0\(number % 9 + 1) PARIS: French President Emmanuel Macron met German Chancellor "
            + "Friedrich Merz in Paris, talks number \(number)."
        return "{\(fields)\(fields.isEmpty ? "" : ", ")\"text\": \"\(text)\"}"
    }

    @Test("true is no id: {\"id\":1} then {\"id\":true} stores one article and fails the second line", arguments: Backend.available)
    func booleanID(_ backend: Backend) throws {
        let kb = try FeedTarget(backend)
        defer { kb.remove() }
        let (summary, failures, _) = try kb.ingest([Self.line(#""id": 1"#, 1), Self.line(#""id": true"#, 2)])

        #expect(summary.new == 1 && summary.replaced == 0, "\(summary)")
        #expect(failures == [#"F:2: the feed entry's "id" is true; an id must be a non-empty string or an integer (write 1.5 or true as a string)"#])
        #expect(try kb.store.articleCount() == 1)
        #expect(try kb.stored("1") == "1 - -")
    }

    @Test("an id is kept as written: 1 and \"1\" are one id, 12345678901234567890 stays whole, 1.0 is refused", arguments: Backend.available)
    func numericIDs(_ backend: Backend) throws {
        let kb = try FeedTarget(backend)
        defer { kb.remove() }
        let (summary, failures, _) = try kb.ingest([
            Self.line(#""id": 1"#, 1), Self.line(#""id": "1""#, 2),
            Self.line(#""id": 12345678901234567890"#, 3), Self.line(#""id": 12345678901234567891"#, 4),
            Self.line(#""id": 1.0"#, 5),
        ])

        #expect(summary.new == 3 && summary.replaced == 1, "\(summary)")
        #expect(failures == [#"F:5: the feed entry's "id" is the number 1.0; an id must be a non-empty string or an integer (write 1.5 or true as a string)"#])
        #expect(try kb.store.articleCount() == 3)
        #expect(try kb.stored("1") == "1 - -")
        #expect(try kb.stored("12345678901234567890") == "12345678901234567890 - -")
        #expect(try kb.stored("12345678901234567891") == "12345678901234567891 - -")
    }

    @Test("empty or blank ids and urls fail their line: three such lines store nothing and replace nothing", arguments: Backend.available)
    func blankIdentities(_ backend: Backend) throws {
        let kb = try FeedTarget(backend)
        defer { kb.remove() }
        let (summary, failures, _) = try kb.ingest([
            Self.line(#""id": "", "url": """#, 1), Self.line(#""id": "", "url": """#, 2), Self.line(#""id": "", "url": """#, 3),
            Self.line(#""id": "   ""#, 4), Self.line(#""id": "\t ""#, 5), Self.line(#""url": " ""#, 6),
        ])

        #expect(summary.new == 0 && summary.replaced == 0 && summary.failed == 6, "\(summary)")
        #expect(failures.map { String($0.prefix(while: { $0 != ";" })) } == [
            #"F:1: the feed entry's "id" is an empty string"#, #"F:2: the feed entry's "id" is an empty string"#,
            #"F:3: the feed entry's "id" is an empty string"#, #"F:4: the feed entry's "id" is a blank string"#,
            #"F:5: the feed entry's "id" is a blank string"#, #"F:6: the feed entry's "url" is a blank string"#,
        ])
        #expect(try kb.store.articleCount() == 0)
    }

    @Test("an object, an array or false as id, and a number or an object as a known field, fail their line by name", arguments: Backend.available)
    func wrongTypes(_ backend: Backend) throws {
        let kb = try FeedTarget(backend)
        defer { kb.remove() }
        let (summary, failures, _) = try kb.ingest([
            Self.line(#""id": {"a": 1}"#, 1), Self.line(#""id": ["x"]"#, 2), Self.line(#""id": false"#, 3),
            Self.line(#""id": "ok", "published": 20250301"#, 4), Self.line(#""id": "ok2", "title": {"t": 1}"#, 5),
            Self.line(#""id": "ok3", "url": 7"#, 6), Self.line(#""id": "ok4", "source": true"#, 7),
            Self.line(#""id": null, "url": null, "published": null"#, 8),
        ])

        #expect(failures == [
            #"F:1: the feed entry's "id" is an object; an id must be a non-empty string or an integer (write 1.5 or true as a string)"#,
            #"F:2: the feed entry's "id" is an array; an id must be a non-empty string or an integer (write 1.5 or true as a string)"#,
            #"F:3: the feed entry's "id" is false; an id must be a non-empty string or an integer (write 1.5 or true as a string)"#,
            #"F:4: the feed entry's "published" is the number 20250301; it must be a string"#,
            #"F:5: the feed entry's "title" is an object; it must be a string"#,
            #"F:6: the feed entry's "url" is the number 7; a url must be a non-empty string"#,
            #"F:7: the feed entry's "source" is true; it must be a string"#,
        ])
        // null is no value: line 8 goes in without an id or a url.
        #expect(summary.new == 1, "\(summary)")
    }

    @Test("front matter in a feed line's text does not override the line's url or id, nor replace another article by naming its url", arguments: Backend.available)
    func frontMatterCannotTakeAnotherPlace(_ backend: Backend) throws {
        let kb = try FeedTarget(backend)
        defer { kb.remove() }
        let victim = Self.line(#""id": "victim", "url": "https://news.example/victim""#, 1)
        let hostile = #"{"id": "h1", "url": "https://other.example/h1", "title": "Feed title", "text": "---\nurl: https://news.example/victim\nid: victim\ntitle: Forged\n---\nAnything at all, replacing the victim."}"#
        let bare = #"{"text": "---\nurl: https://news.example/victim\n---\nNo id nor url of its own."}"#

        let (summary, failures, urlChanges) = try kb.ingest([victim, hostile, bare])

        #expect(failures.isEmpty, "\(failures)")
        #expect(summary.new == 3 && summary.replaced == 0, "\(summary)")
        #expect(urlChanges.isEmpty)
        #expect(try kb.store.articleCount() == 3)
        #expect(try kb.stored("https://news.example/victim") == "victim https://news.example/victim -")
        #expect(try kb.stored("victim") == "victim https://news.example/victim -")
        #expect(try kb.stored("h1") == "h1 https://other.example/h1 Feed title")
    }

    @Test("an article stored under a feed id that comes back at another url is replaced, and the change reported", arguments: Backend.available)
    func urlChangeReported(_ backend: Backend) throws {
        let kb = try FeedTarget(backend)
        defer { kb.remove() }
        _ = try kb.ingest([Self.line(#""id": "k", "url": "https://a.example/1""#, 1)], name: "first.jsonl")
        let (summary, _, urlChanges) = try kb.ingest([Self.line(#""id": "k", "url": "https://b.example/2""#, 2)],
                                                  name: "second.jsonl")
        let (_, _, sameURL) = try kb.ingest([Self.line(#""id": "k", "url": "https://b.example/2""#, 3)], name: "third.jsonl")

        #expect(summary.replaced == 1)
        #expect(urlChanges == [#"F:1 ["https://a.example/1"] https://b.example/2"#])
        #expect(sameURL.isEmpty, "a new text at the same url is no url change")
    }

    @Test("the url change is a note on stderr of bilat ingest", arguments: Backend.available)
    func urlChangeNote(_ backend: Backend) throws {
        let kb = try FeedTarget(backend)
        defer { kb.remove() }
        let db = kb.fixture.location
        let first = try runBilat(["ingest", "-"], database: db,
                                 stdin: Self.line(#""id": "k", "url": "https://a.example/1""#, 1) + "\n")
        let second = try runBilat(["ingest", "-q", "-"], database: db,
                                  stdin: Self.line(#""id": "k", "url": "https://b.example/2""#, 2) + "\n")

        #expect(first.status == 0 && second.status == 0, "\(first.stderr) \(second.stderr)")
        #expect(second.stderr.contains("<stdin>:1: replaces the article stored under the same feed id at https://a.example/1; its url is now https://b.example/2"),
                "\(second.stderr)")
    }
}
