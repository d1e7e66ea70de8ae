/// Escaping of article text for HTML, XML and Markdown output, and the links exports may follow.
enum MarkupText {
    /// Text safe in HTML/XML content and quoted attributes: `& < > " '` as entities, characters XML 1.0
    /// forbids (most C0 controls, U+FFFE, U+FFFF) as U+FFFD.
    static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
                out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The URL when it is an absolute http(s) address without spaces; anything else (`javascript:`, …)
    /// is shown as text, never followed.
    static func followableURL(_ url: String?) -> String? {
        guard let url else { return nil }
        let lower = url.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://"),
              !url.unicodeScalars.contains(where: { $0.value <= 0x20 || $0 == "<" || $0 == ">" || $0 == "\"" })
        else { return nil }
        return url
    }

    /// Markdown inline text with the characters CommonMark and GFM give a meaning escaped; line breaks
    /// become spaces.
    static func markdown(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for ch in text {
            switch ch {
            case "\n", "\r", "\r\n", "\t": out.append(" ")
            // Text never starts a line, so line-start markers (`-`, `+`, `1.`) need no escape.
            case "\\", "`", "*", "_", "[", "]", "<", ">", "#", "|", "~", "&":
                out.append("\\")
                out.append(ch)
            default: out.append(ch)
            }
        }
        return out
    }

    /// A link destination for Markdown, in angle brackets so that parentheses in the URL are kept.
    static func markdownDestination(_ url: String) -> String {
        "<" + url + ">"
    }
}
