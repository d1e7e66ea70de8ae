@testable import BilatServices
import Foundation
import Testing

/// Issue 14, item 6: no escape sequence from an article reaches a terminal, and no url or text breaks
/// out of the Markdown of `timeline` and `export --format md`.
@Suite("Terminal and Markdown output: nothing from an article acts")
struct VisibleOutputTests {
    static let markdownIt = Python.has("markdown_it")

    @Test("VisibleText: controls and bidi overrides become U+FFFD, line breaks a space (CRLF one), plain text untouched")
    func visibleText() {
        #expect(VisibleText.inline("a\u{1B}]0;X\u{07}b\u{9B}c\u{7F}d\u{202E}e\u{2066}f\u{0}") == "a\u{FFFD}]0;X\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}e\u{FFFD}f\u{FFFD}")
        #expect(VisibleText.inline("a\r\nb\nc\rd\te\u{85}f\u{2028}g\u{0B}h") == "a b c d e f g h")
        #expect(VisibleText.multiline("a\r\nb\tc\u{1B}d") == "a\r\nb\tc\u{FFFD}d")
        let plain = "Ümit “Chef” O'Brien — 🤝🏽 محمد \u{200F}"
        #expect(VisibleText.inline(plain) == plain)
        #expect(Table.render(header: ["A", "B"], rows: [["x\u{1B}[2J\ny", "z"]])
                == "A" + String(repeating: " ", count: 8) + "B\nx\u{FFFD}[2J y  z\n")
    }

    /// Every human-readable output of the hostile knowledge base, by the command that printed it.
    func humanOutputs(_ db: String) throws -> [String: BilatRun] {
        var runs: [String: [String]] = [
            "show meeting": ["show", "meeting", "1"],
            "show agreement": ["show", "agreement", "1"],
            "show official": ["show", "official", "Xi Jinping"],
            "search table": ["search", "zebrafruit", "--format", "table"],
            "timeline": ["timeline", "China", "India"],
            "meetings table": ["meetings", "China", "India", "--format", "table"],
            "officials table": ["officials", "--format", "table"],
            "areas table": ["areas", "China", "India", "--format", "table"],
            "export md": ["export", "timeline", "China", "India", "--format", "md"],
            "export tsv": ["export", "timeline", "China", "India", "--format", "tsv"],
        ]
        // JSON and NDJSON escape what they carry; checked here too.
        runs["search json"] = ["search", "zebrafruit", "--format", "json"]
        runs["search ndjson"] = ["search", "zebrafruit", "--format", "ndjson"]
        runs["show meeting json"] = ["show", "meeting", "1", "--json"]
        runs["export json"] = ["export", "timeline", "China", "India", "--format", "json"]
        return try runs.mapValues { try runBilat($0, database: db) }
    }

    @Test("an ingested title, source, url and text full of ESC, OSC, CSI, BEL, C1, DEL and RLO: no output carries one")
    func noControlCharacterReachesTheTerminal() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = try HostileFields.ingested(in: folder)

        let outputs = try humanOutputs(db)
        for (name, run) in outputs {
            #expect(run.status == 0, "\(name): \(run.stderr)")
            let bad = run.stdout.unicodeScalars.filter(HostileFields.hidden)
            #expect(bad.isEmpty, "\(name) prints \(bad.map { String($0.value, radix: 16) })")
            #expect(!run.stdout.utf8.contains(0x1B) && !run.stdout.utf8.contains(0x07), "\(name)")
        }
        // Not vacuous: the hostile fields were printed, made visible.
        for name in ["show meeting", "show agreement", "show official", "search table", "timeline"] {
            let shown = name == "timeline" ? "\u{FFFD}\\]0;PWNED\u{FFFD}" : "\u{FFFD}]0;PWNED\u{FFFD}" // Markdown escapes `]`
            #expect(outputs[name]!.stdout.contains(shown), "\(name): \(outputs[name]!.stdout)")
        }
        #expect(outputs["show meeting"]!.stdout.contains("https://ok.example/a =cmd|' /C calc'!A0  <img"),
                "the url on one line")
        // JSON keeps the text exactly, as escapes.
        let hits = try #require(JSONSerialization.jsonObject(with: Data(outputs["search json"]!.stdout.utf8)) as? [[String: Any]])
        #expect(hits.contains { ($0["source"] as? String) == "+1+cmd|' /C calc'!A0\r\nDesk" + HostileFields.terminal })
        #expect(outputs["search json"]!.stdout.contains("\\u009b2J\\u007f\\u202e"))
    }

    @Test("timeline and export Markdown through a CommonMark renderer: no <img>, no javascript: link, no injected heading",
          .enabled(if: markdownIt, "markdown-it-py is not installed (pip install markdown-it-py)"))
    func markdownDoesNotInject() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = try HostileFields.ingested(in: folder)

        let timeline = try runBilat(["timeline", "China", "India"], database: db)
        let export = try runBilat(["export", "timeline", "China", "India", "--format", "md"], database: db)

        for (name, run) in [("timeline", timeline), ("export md", export)] {
            #expect(run.status == 0, "\(name): \(run.stderr)")
            let (html, elements) = try Python.markdownElements(run.stdout)
            #expect(!elements.contains { $0.tag == "img" }, "\(name): \(html)")
            #expect(elements.filter { $0.tag.count == 2 && $0.tag.hasPrefix("h") }.map(\.tag) == ["h1"],
                    "\(name): the title alone is a heading: \(html)")
            for element in elements {
                #expect(!element.attrs.keys.contains { $0.hasPrefix("on") }, "\(name): \(element)")
                for case let (key, value?) in element.attrs where key == "href" || key == "src" {
                    #expect(value.hasPrefix("https://") || value.hasPrefix("http://"), "\(name): \(key)=\(value)")
                }
            }
            #expect(!html.contains("javascript:alert(3)\""), "\(name)")
        }
        // Not vacuous: the good url is still a link, parentheses kept, and hostile text is shown as text.
        let (timelineHTML, timelineElements) = try Python.markdownElements(timeline.stdout)
        #expect(timelineElements.contains { $0.tag == "a" && $0.attrs["href"] == "https://ok.example/good_(1)" },
                "\(timelineHTML)")
        let (exportHTML, exportElements) = try Python.markdownElements(export.stdout)
        #expect(exportElements.contains { $0.tag == "a" && $0.attrs["href"] == "https://ok.example/good_(1)" }, "\(exportHTML)")
        #expect(exportHTML.contains("# Injected title heading &lt;img src=x onerror=alert(2)&gt;"), "\(exportHTML)")
    }

    @Test("a link destination holds whatever url it is given: <, >, backslash, white space and controls percent-encoded")
    func markdownDestination() {
        #expect(MarkupText.markdownDestination("https://a.example/x_(1)?q=a&b") == "<https://a.example/x_(1)?q=a&b>")
        #expect(MarkupText.markdownDestination("https://a.example/\n\n<img src=x>\\\u{1B}") ==
                "<https://a.example/%0A%0A%3Cimg%20src=x%3E%5C%1B>")
        for url in ["javascript:alert(1)", "data:text/html,x", "https://a.example/\n# h", "https://a.example/\u{202E}x",
                    "https://a.example/ x", "//a.example/x", "vbscript:x"] {
            #expect(MarkupText.markdownLink("t", to: url) == "t", "\(url.debugDescription)")
        }
        #expect(MarkupText.markdownLink("t", to: "HTTPS://a.example/") == "[t](<HTTPS://a.example/>)")
    }
}
