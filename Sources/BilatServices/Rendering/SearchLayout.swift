import BilatStorage

/// Search hits for a person at a terminal, as ripgrep shows matches: a heading line for each hit
/// (date, source, article, characters) and the sentence under it, cut to a window around the first
/// matched word so that the match is always in view, the matched words marked.
public enum SearchLayout {
    /// How matched words are marked: `[like this]` (also in files and pipes), or in bold colour.
    public enum Marking: Sendable {
        case brackets
        case color
    }

    /// `width` is how many characters a sentence line may take (the terminal's columns, less the indent).
    public static func render(_ hits: [SearchHit], width: Int = 100, marking: Marking = .brackets) -> String {
        var out = ""
        for h in hits {
            let source = [h.source.published?.iso, h.source.source ?? h.source.title].compactMap { $0 }
            let heading = (source.isEmpty ? ["-"] : source) + ["article \(h.source.articleID.prefix(12))",
                                                               "chars \(h.source.span.start)-\(h.source.span.end)"]
            out += VisibleText.inline(heading.joined(separator: "  ")) + "\n"
            out += "  " + mark(window(VisibleText.inline(h.snippet), width: max(20, width - 2)), as: marking) + "\n"
            if !h.speakers.isEmpty { out += "  said by " + VisibleText.inline(h.speakers.joined(separator: ", ")) + "\n" }
        }
        return out
    }

    /// The part of `snippet` (matched words in brackets) that fits `width` characters, placed so that
    /// the first matched word stands a third of the way in; cut ends shown by "…".
    static func window(_ snippet: String, width: Int) -> String {
        let characters = Array(snippet)
        guard characters.count > width else { return snippet }
        let first = characters.firstIndex(of: "[") ?? 0
        var start = max(0, first - width / 3)
        start = min(start, characters.count - width)
        var end = min(characters.count, start + width)
        // Room for the ellipses.
        let leading = start > 0, trailing = end < characters.count
        if leading { start += 1 }
        if trailing { end -= 1 }
        // Never cut inside a marked word: a bracket left open would mark what follows.
        var text = String(characters[start..<end])
        let opens = text.filter { $0 == "[" }.count, closes = text.filter { $0 == "]" }.count
        if opens > closes { text += "]" }
        if closes > opens { text = "[" + text }
        return (leading ? "…" : "") + text + (trailing ? "…" : "")
    }

    /// Brackets kept, or turned into bold red (the brackets dropped).
    static func mark(_ text: String, as marking: Marking) -> String {
        switch marking {
        case .brackets: return text
        case .color:
            return text.replacingOccurrences(of: "[", with: "\u{1B}[1;31m").replacingOccurrences(of: "]", with: "\u{1B}[0m")
        }
    }
}
