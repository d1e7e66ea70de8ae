import BilatCorpusGenerator
@testable import BilatExtraction
import Foundation
import Testing

/// The byte-level feed-line reader must give what JSONSerialization gives, or pass the line on.
@Suite("Feed lines: the fast reader and JSONSerialization agree")
struct FeedLineTests {
    /// The fields as readFeedLine takes them, or the error, by each route.
    private func outcomes(_ line: String) -> (fast: FeedFields?, combined: Result<FeedFields, ArticleError>,
                                              reference: Result<FeedFields, ArticleError>) {
        let fast = FeedFields.fast(line)
        let combined = Result { () throws(ArticleError) in
            do { return try fast ?? FeedFields.viaJSONSerialization(line) } catch { throw error as! ArticleError }
        }
        let reference = Result { () throws(ArticleError) in
            do { return try FeedFields.viaJSONSerialization(line) } catch { throw error as! ArticleError }
        }
        return (fast, combined, reference)
    }

    static let hostile: [String] = [
        #"{"id": "a", "text": "plain"}"#,
        #"  {"text":"x"}  "#,
        "{\"text\":\"x\"}\r",
        #"{}"#,
        #"{"id": 42, "text": "x"}"#,
        #"{"id": -7, "text": "x"}"#,
        #"{"id": 0, "text": "x"}"#,
        #"{"id": -0, "text": "x"}"#,
        #"{"id": 007, "text": "x"}"#,
        #"{"id": 4.5, "text": "x"}"#,
        #"{"id": 4.0, "text": "x"}"#,
        #"{"id": 1e3, "text": "x"}"#,
        #"{"id": 123456789012345, "text": "x"}"#,
        #"{"id": 1234567890123456789012, "text": "x"}"#,
        #"{"id": null, "text": "x"}"#,
        #"{"id": true, "text": "x"}"#,
        #"{"id": ["a"], "text": "x"}"#,
        #"{"text": 5}"#,
        #"{"title": 5, "text": "x"}"#,
        #"{"text": "a\nb\tc\"d\\e\/f\bg\fh\ri"}"#,
        #"{"text": "\u0041\u00e9\u4eac\ud83c\uddeb\ud83c\uddf7"}"#,
        #"{"text": "nul \u0000 here", "id": "\u0000"}"#,
        #"{"text": "lone \ud800 high"}"#,
        #"{"text": "lone \udc00 low"}"#,
        #"{"text": "bad \ud800\u0041 pair"}"#,
        #"{"text": "bad \x escape"}"#,
        #"{"text": "short \u12"}"#,
        "{\"text\": \"raw\u{1}control\"}",
        "{\"text\": \"raw\ttab\"}",
        #"{"text": "é — 北京 🇫🇷 \u00e9"}"#,
        #"{"text": "x", "text": "y"}"#,
        #"{"te\u0078t": "x"}"#,
        #"{"tëxt": "x"}"#,
        #"{"text": "x",}"#,
        #"{"text": "x"} trailing"#,
        #"{"text": "x"}{"text": "y"}"#,
        #"{"text" "x"}"#,
        #"{"text": "x""#,
        #"{"text": "unterminated"#,
        #"["text", "x"]"#,
        #""text""#,
        #"{"published": "2025-05-07", "text": "x"}"#,
        #"{"published": "May 2025", "text": "x"}"#,
        #"{"published": 2025, "text": "x"}"#,
        #"{"extra": {"nested": [1, 2]}, "text": "x"}"#,
        #"{"extra": "ignored", "other": 12, "text": "x", "url": "https:\/\/a.example\/b"}"#,
        "\u{FEFF}{\"text\": \"bom\"}",
        "",
        "   ",
        #"{"text": "a\u2028b"}"#,
        #"{"text": "\uFFFF\uFFFE"}"#,
        #"{"text": "\\u0000"}"#,
        #"{"id": "", "url": "", "text": "x"}"#,
        #"{"id": "   ", "text": "x"}"#,
        #"{"id": "\t\u00a0", "text": "x"}"#,
        #"{"url": " ", "text": "x"}"#,
        #"{"id": false, "text": "x"}"#,
        #"{"id": {}, "text": "x"}"#,
        #"{"id": 12345678901234567890, "text": "x"}"#,
        #"{"id": -12345678901234567890123, "text": "x"}"#,
        #"{"id": 1E2, "text": "x"}"#,
        #"{"id": null, "url": null, "title": null, "text": "x"}"#,
        #"{"published": 20250301, "title": true, "id": true, "text": "x"}"#,
        #"{"text": null}"#,
        #"{"text": true}"#,
        #"{"text": "x", "source": ["S"]}"#,
        #"{"text": "x", "id": truex}"#,
        #"{"text": "x", "id": nul}"#,
    ]

    @Test("hostile lines", arguments: hostile)
    func hostileLine(_ line: String) {
        let (_, combined, reference) = outcomes(line)
        #expect(combined == reference)
    }

    @Test("the usual feed line takes the fast route")
    func usualLineIsFast() throws {
        let line = #"{"id": "gen-1", "published": "2016-01-07", "source": "ANSA", "url": "https://n.example/a", "title": "T", "text": "YEREVAN, Jan. 7 (ANSA) -- Talks.\n\n\"We agree,\" he said."}"#
        let fast = try #require(FeedFields.fast(line))
        #expect(fast == (try FeedFields.viaJSONSerialization(line)))
        #expect(fast.text == "YEREVAN, Jan. 7 (ANSA) -- Talks.\n\n\"We agree,\" he said.")
        #expect(FeedFields.fast(#"{"id": 42, "text": "x"}"#)?.id == .some("42"))
        #expect(FeedFields.fast(#"{"text": "a\u0000b"}"#)?.text == "a\u{FFFD}b")
    }

    @Test("random lines built from JSON pieces, some broken")
    func randomLines() {
        var rng = SplitMix64(seed: 0x5eed)
        let keys = ["text", "id", "published", "source", "url", "title", "other", "Text", "", "t\\u0065xt", "é"]
        let stringPieces = ["a", "Z", " ", "é", "北", "🇫🇷", "\\n", "\\t", "\\\"", "\\\\", "\\/", "\\b", "\\f", "\\r",
                            "\\u0000", "\\u0041", "\\u00e9", "\\ud83c\\uddeb", "\\ud800", "\\udfff", "\\u12", "\\x", "\u{1}",
                            "\t", "2025-05-07", "2025", " 2025-05-07T10:00 ", "\u{0}", "\\u2028", "\""]
        let others = ["0", "-0", "7", "-12", "007", "1.5", "2e3", "123456789012345", "99999999999999999999", "true", "false",
                      "null", "[]", "[1, \"a\"]", "{}", "{\"text\": \"inner\"}", "-", ""]
        let spaces = ["", " ", "  ", "\t", "\r", "\n"]
        var fastCount = 0
        let total = 3_000
        for _ in 0..<total {
            var line = rng.pick(spaces) + "{"
            let count = rng.int(0...7)
            for index in 0..<count {
                if index > 0 { line += rng.pick(spaces) + "," + rng.pick(spaces) }
                line += "\"" + rng.pick(keys) + "\"" + rng.pick(spaces) + ":" + rng.pick(spaces)
                if rng.int(0...3) > 0 {
                    line += "\"" + (0..<rng.int(0...12)).map { _ in rng.pick(stringPieces) }.joined() + "\""
                } else {
                    line += rng.pick(others)
                }
            }
            line += rng.pick(spaces) + "}" + rng.pick(spaces)
            switch rng.int(0...19) {
            case 0: line = String(line.prefix(rng.int(0...line.count)))
            case 1: line += rng.pick(["x", ",", "}", "{}"])
            case 2: line = line.replacingOccurrences(of: ":", with: "")
            default: break
            }
            let (fast, combined, reference) = outcomes(line)
            if fast != nil { fastCount += 1 }
            #expect(combined == reference, "\(line.debugDescription)")
        }
        // The generator makes plenty of lines the fast reader takes, so both routes are exercised.
        #expect(fastCount > total / 10)
    }
}
