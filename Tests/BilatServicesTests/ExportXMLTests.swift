@testable import BilatServices
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// Collects every element of an XML document with its attributes and text, failing on any parse error.
final class XMLElements: NSObject, XMLParserDelegate {
    struct Element {
        var name: String
        var namespace: String?
        var attributes: [String: String]
        var text = ""
    }

    var elements: [Element] = []
    private var open: [Int] = []

    static func parse(_ text: String) throws -> [Element] {
        let parser = XMLParser(data: Data(text.utf8))
        parser.shouldProcessNamespaces = true
        let collector = XMLElements()
        parser.delegate = collector
        guard parser.parse() else {
            throw parser.parserError ?? CocoaError(.propertyListReadCorrupt)
        }
        return collector.elements
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        elements.append(Element(name: elementName, namespace: namespaceURI, attributes: attributeDict))
        open.append(elements.count - 1)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?) {
        open.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let last = open.last { elements[last].text += string }
    }
}

@Suite("GEXF export and the XML side of the HTML export")
struct ExportXMLTests {
    /// The escaping rule scalar by scalar, as the byte-level `MarkupText.escaped` must apply it.
    static func escapedByScalar(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    @Test("markup escaping on bytes gives what the rule gives scalar by scalar, hostile and ordinary text alike")
    func escapingMatchesTheRule() {
        var samples = ["", "Plain text, nothing to escape.", "<script>alert('x') & \"y\"</script>", "tab\tnew\nline\r",
                       "\u{0}\u{1}\u{1F}\u{7F}", "\u{FFFE}\u{FFFF}\u{FFFD}\u{FEFF}", "اتفاق & 협정 <🇨🇳>", "e\u{301} \u{FFEE}\u{FFBE}",
                       "\u{FFFF}", "x\u{FFFE}", "ends with &"]
        var generator = SystemRandomNumberGenerator()
        let alphabet: [Unicode.Scalar] = ["a", "&", "<", ">", "\"", "'", "\t", "\u{1}", "\u{FFFE}", "\u{FFFF}", "\u{FFFD}",
                                          "\u{EFFF}", "\u{BF}", "é", "😀", "\u{202E}"]
        for _ in 0..<500 {
            var text = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...12, using: &generator) { text.append(alphabet.randomElement(using: &generator)!) }
            samples.append(String(text))
        }
        for sample in samples {
            #expect(MarkupText.escaped(sample) == Self.escapedByScalar(sample), "\(sample.unicodeScalars.map(\.value))")
        }
    }

    let document = ExportFixtures.document

    @Test("GEXF 1.3 parses with XMLParser: dynamic undirected graph, countries as nodes, dated weighted edges")
    func gexf() throws {
        let elements = try XMLElements.parse(ExportFormat.gexf.render(document))
        let gexfNamespace = "http://gexf.net/1.3"
        let root = try #require(elements.first)
        #expect(root.name == "gexf" && root.namespace == gexfNamespace && root.attributes["version"] == "1.3")
        #expect(elements.allSatisfy { $0.namespace == gexfNamespace })
        let graph = try #require(elements.first { $0.name == "graph" })
        #expect(graph.attributes["mode"] == "dynamic")
        #expect(graph.attributes["defaultedgetype"] == "undirected")
        #expect(graph.attributes["timeformat"] == "date")
        let nodes = elements.filter { $0.name == "node" }
        #expect(nodes.map { $0.attributes["id"] ?? "" } == ["CA", "CN", "DE", "FR"])
        #expect(nodes.first { $0.attributes["id"] == "CN" }?.attributes["label"] == "China")
        let edges = elements.filter { $0.name == "edge" }
        // meeting-12, meeting-7 and meeting-99: one pair each; agreement-3 of three countries: three pairs.
        #expect(edges.count == 6)
        let ids = Set(nodes.compactMap { $0.attributes["id"] })
        for edge in edges {
            #expect(ids.contains(edge.attributes["source"] ?? "") && ids.contains(edge.attributes["target"] ?? ""))
            #expect(edge.attributes["weight"] == "1")
            if let start = edge.attributes["start"], let end = edge.attributes["end"] {
                #expect(start.count == 10 && end.count == 10 && start <= end)
            }
        }
        #expect(Set(edges.map { $0.attributes["id"] ?? "" }).count == edges.count, "edge ids are unique")
        let month = try #require(edges.first { $0.attributes["id"] == "meeting-7:CA-CN" })
        #expect(month.attributes["start"] == "2025-10-01" && month.attributes["end"] == "2025-10-31")
        let hostile = try #require(edges.first { $0.attributes["id"] == "meeting-12:CA-CN" })
        #expect(hostile.attributes["label"] == document.events.first { $0.id == 12 }!.headline
            .replacingOccurrences(of: "\n", with: " "), "XML attribute normalisation turns the line break to a space")
        #expect(edges.first { $0.attributes["id"] == "meeting-99:CA-CN" }?.attributes["start"] == nil)
        #expect(elements.first { $0.name == "description" }?.text == document.title)
    }

    @Test("HTML: the article text never becomes markup; the SVG is well-formed XML with a titled mark per dated event")
    func htmlEscaping() throws {
        let html = ExportFormat.html.render(document)
        #expect(!html.lowercased().contains("<script"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("O&#39;Brien"))
        #expect(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                              + "style-src 'unsafe-inline'; img-src data:\">"))
        #expect(!html.contains("http://") || !html.contains("src=\"http"), "nothing loaded from the network")
        #expect(!html.contains(" src="), "no element loads anything")
        #expect(html.contains("@media print") && html.contains("@media (prefers-color-scheme: dark)"))
        #expect(html.contains("<time class=\"when\" datetime=\"2026-01-16\">16 January 2026</time>"))
        #expect(html.contains("<time class=\"when\" datetime=\"2025-10\">"))
        let start = try #require(html.range(of: "<svg"))
        let end = try #require(html.range(of: "</svg>"))
        let elements = try XMLElements.parse(String(html[start.lowerBound..<end.upperBound]))
        let marks = elements.filter { ($0.attributes["class"] ?? "").hasPrefix("mark") }
        #expect(marks.count == 3, "one mark per dated event")
        let titles = elements.filter { $0.name == "title" }.map(\.text)
        #expect(titles.contains { $0.contains("\(ExportFixtures.script) \(ExportFixtures.formula)") },
                "the tooltip reads back as the original text")
        #expect(elements.contains { $0.name == "text" && $0.text == "2024" }, "a year axis")
    }

    @Test("a javascript: source URL is shown as text, never as a link")
    func unsafeLinks() {
        var event = document.events[0]
        event.sources = [TimelineSource(articleID: "x", title: "Click", source: nil, url: "javascript:alert(1)",
                                      published: nil, sentence: "s")]
        let doc = TimelineDocument(title: "t", generated: ExportFixtures.generated, events: [event])
        for format in [ExportFormat.html, .timelinejs, .md] {
            #expect(!format.render(doc).contains("javascript:alert(1)\""), "\(format)")
            #expect(!format.render(doc).contains("(<javascript:"), "\(format)")
        }
    }
}
