/// A readable dated list in CommonMark: one bullet per event, its sources as links beneath.
enum MarkdownExport {
    static func render(_ document: TimelineDocument, to write: (String) -> Void) {
        write("# \(MarkupText.markdown(document.title))\n\n")
        if document.events.isEmpty {
            write("Nothing recorded yet.\n")
            return
        }
        for event in document.events {
            write(line(for: event))
        }
    }

    static func line(for event: TimelineEvent) -> String {
        let date = event.date.map { $0.iso + ($0.precision == .day ? "" : " (\($0.precision.rawValue))") } ?? "undated"
        var facts = [event.kind.rawValue]
        if let mode = event.mode { facts.append(mode.rawValue.replacingOccurrences(of: "_", with: " ")) }
        if event.status == .planned { facts.append("planned") }
        if !event.areas.isEmpty { facts.append(event.areas.joined(separator: ", ")) }
        var out = "- **\(date)** — \(MarkupText.markdown(event.headline)) "
            + "_(\(MarkupText.markdown(facts.joined(separator: "; "))))_\n"
        for source in event.sources {
            let name = MarkupText.markdown(source.title ?? source.source ?? "source")
            let link = MarkupText.markdownLink(name, to: source.url)
            let outlet = source.title == nil ? "" : source.source.map { ", " + MarkupText.markdown($0) } ?? ""
            let published = source.published.map { ", " + $0.iso } ?? ""
            // A statement's headline quotes its sentence already.
            let quoted = source.sentence.isEmpty || event.kind == .statement && event.headline.hasSuffix(source.sentence)
            let quote = quoted ? "" : ": “\(MarkupText.markdown(source.sentence))”"
            out += "  - \(link)\(outlet)\(published)\(quote)\n"
        }
        return out
    }
}
