import Foundation
import Testing

/// Feed lines whose title, source, url and text carry what a hostile article could: terminal escapes,
/// spreadsheet formulas, CRLF and Markdown/HTML injections; and the real parsers that read the output
/// back (Python's csv module, markdown-it-py), run as subprocesses.
enum HostileFields {
    /// OSC (retitle the window), BEL, CSI (clear the screen), the same CSI as one C1 scalar, DEL, and a
    /// right-to-left override.
    static let terminal = "\u{1B}]0;PWNED\u{07}\u{1B}[2J\u{9B}2J\u{7F}\u{202E}"
    /// What must never reach a terminal: C0 but tab and line breaks, DEL, C1, bidi overrides and isolates.
    static func hidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: false
        case ..<0x20, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    static let formulas = ["=HYPERLINK(\"http://evil.example\",\"x\")", "+1+cmd|' /C calc'!A0", "-2+3",
                           "@SUM(1+1)", "\tTAB", "\rCR"]

    /// Four articles of one Kazan meeting, each with a statement (so `timeline` lists their urls), the
    /// first also with an agreement and sentences starting with formulas, all with "zebrafruit".
    static var feed: String {
        let lines: [[String: String]] = [
            ["id": "h1", "published": "2024-10-23",
             "url": "https://ok.example/a\r\n=cmd|' /C calc'!A0\n\n<img src=x onerror=alert(1)>\(terminal)",
             "title": "=HYPERLINK(\"http://evil.example\",\"click\") \(terminal)\r\n# Injected title heading <img src=x onerror=alert(2)>",
             "source": "+1+cmd|' /C calc'!A0\r\nDesk\(terminal)",
             "text": "KAZAN - Chinese President Xi Jinping met Indian Prime Minister Narendra Modi in Kazan on Wednesday, "
                 + "zebrafruit \(terminal) officials said. China and India signed a memorandum of understanding on "
                 + "trade zebrafruit \(terminal).\r\n"
                 + formulas.map { "\($0) zebrafruit." }.joined(separator: "\r\n")],
            ["id": "h2", "published": "2024-10-23", "url": "javascript:alert(3)", "title": "Second [x](javascript:alert(4))",
             "source": "Desk", "text": "KAZAN - Xi Jinping held talks with Narendra Modi in Kazan on Wednesday, zebrafruit officials said."],
            ["id": "h3", "published": "2024-10-23", "url": "https://ok.example/good_(1)", "title": "Third", "source": "Desk",
             "text": "KAZAN - Chinese President Xi Jinping and Indian Prime Minister Narendra Modi met in Kazan on Wednesday, "
                 + "zebrafruit officials said."],
            ["id": "h4", "published": "2024-10-23", "url": "https://ok.example/c\n# Injected url heading", "title": "Fourth",
             "source": "Desk", "text": "KAZAN - Narendra Modi met Xi Jinping in Kazan on Wednesday, zebrafruit officials said."],
        ]
        return lines.map { line in
            // JSONSerialization escapes every control character, as a feed writer would.
            let data = (try? JSONSerialization.data(withJSONObject: line, options: [.sortedKeys])) ?? Data()
            return String(decoding: data, as: UTF8.self) + "\n"
        }.joined()
    }

    /// A knowledge base in `folder` holding `feed`, ingested through the CLI.
    static func ingested(in folder: URL) throws -> String {
        let db = folder.appendingPathComponent("kb.sqlite").path
        let feedFile = try folder.write(feed, to: "hostile.jsonl")
        let ingest = try runBilat(["ingest", feedFile.path, "-q"], database: db)
        #expect(ingest.status == 0, "\(ingest.stderr)")
        return db
    }
}

/// Python 3 with a module, run on a script and a standard input.
enum Python {
    static func has(_ module: String) -> Bool {
        ExportFixtures.run("python3", ["-c", "import \(module)"])?.status == 0
    }

    struct Failed: Error, CustomStringConvertible {
        var description: String
    }

    /// The script's stdout; its stdin is `input` (from a file, so that no pipe fills up).
    static func run(_ script: String, input: String) throws -> String {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let inputFile = try folder.write(input, to: "input")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        process.standardInput = try FileHandle(forReadingFrom: inputFile)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failed(description: "python3 exited \(process.terminationStatus): " + String(decoding: stderr, as: UTF8.self))
        }
        return String(decoding: stdout, as: UTF8.self)
    }

    /// The records of a CSV text as Python's csv module reads them (strict: a stray quote is an error).
    static func csvRecords(_ text: String) throws -> [[String]] {
        let script = """
            import csv, io, json, sys
            text = sys.stdin.buffer.read().decode("utf-8")
            json.dump(list(csv.reader(io.StringIO(text, newline=""), strict=True)), sys.stdout)
            """
        let json = try run(script, input: text)
        return try JSONDecoder().decode([[String]].self, from: Data(json.utf8))
    }

    /// An element of the HTML that a Markdown renderer made.
    struct Element: Decodable {
        var tag: String
        var attrs: [String: String?]
    }

    /// Markdown rendered to HTML by markdown-it-py's CommonMark preset (raw HTML passed through, as
    /// CommonMark says), then the elements of that HTML as Python's html.parser reads them.
    static func markdownElements(_ markdown: String) throws -> (html: String, elements: [Element]) {
        let script = """
            import json, sys
            from html.parser import HTMLParser
            from markdown_it import MarkdownIt
            html = MarkdownIt("commonmark").render(sys.stdin.buffer.read().decode("utf-8"))
            class Elements(HTMLParser):
                def __init__(self):
                    super().__init__()
                    self.found = []
                def handle_starttag(self, tag, attrs):
                    self.found.append({"tag": tag, "attrs": dict(attrs)})
                handle_startendtag = handle_starttag
            parser = Elements()
            parser.feed(html)
            json.dump({"html": html, "elements": parser.found}, sys.stdout)
            """
        struct Rendered: Decodable {
            var html: String
            var elements: [Element]
        }
        let rendered = try JSONDecoder().decode(Rendered.self, from: Data(try run(script, input: markdown).utf8))
        return (rendered.html, rendered.elements)
    }
}
