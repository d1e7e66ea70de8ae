/// Escaping of article text for HTML, XML and Markdown output, and the links exports may follow.
enum MarkupText {
    /// Text safe in HTML/XML content and quoted attributes: `& < > " '` as entities, characters XML 1.0
    /// forbids (most C0 controls, U+FFFE, U+FFFF) as U+FFFD.
    ///
    /// On UTF-8 bytes, and a text with nothing to escape (most of them) is returned as it is: appending
    /// scalar by scalar was half of a 10,000-event HTML export. U+FFFE and U+FFFF are EF BF BE/BF.
    static func escaped(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes -> String? in
            func special(_ i: Int) -> Bool {
                let byte = bytes[i]
                switch byte {
                case 0x26, 0x3C, 0x3E, 0x22, 0x27: return true
                case 0x09, 0x0A, 0x0D: return false
                case ..<0x20: return true
                case 0xEF: return i + 2 < bytes.count && bytes[i + 1] == 0xBF && (bytes[i + 2] == 0xBE || bytes[i + 2] == 0xBF)
                default: return false
                }
            }
            guard let first = bytes.indices.first(where: special) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 32)
            out.append(contentsOf: bytes[..<first])
            var i = first
            while i < bytes.count {
                guard special(i) else {
                    out.append(bytes[i])
                    i += 1
                    continue
                }
                switch bytes[i] {
                case 0x26: out += "&amp;".utf8
                case 0x3C: out += "&lt;".utf8
                case 0x3E: out += "&gt;".utf8
                case 0x22: out += "&quot;".utf8
                case 0x27: out += "&#39;".utf8
                case 0xEF:
                    out += "\u{FFFD}".utf8
                    i += 3
                    continue
                default: out += "\u{FFFD}".utf8
                }
                i += 1
            }
            return String(decoding: out, as: UTF8.self)
        } ?? text
    }

    /// The URL when it is an absolute http(s) address without white space or control characters;
    /// anything else (`javascript:`, `data:`, a url carrying a line break, …) is shown as text, never
    /// followed.
    static func followableURL(_ url: String?) -> String? {
        guard let url else { return nil }
        let lower = url.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://"),
              !url.unicodeScalars.contains(where: {
                  $0.value <= 0x20 || $0 == "<" || $0 == ">" || $0 == "\"" || $0.properties.isWhitespace
                      || VisibleText.isHidden($0)
              })
        else { return nil }
        return url
    }

    /// Markdown inline text: control characters made visible and line breaks made spaces
    /// (`VisibleText.inline`), the characters CommonMark and GFM give a meaning escaped.
    static func markdown(_ text: String) -> String {
        let text = VisibleText.inline(text)
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for ch in text {
            switch ch {
            // Text never starts a line, so line-start markers (`-`, `+`, `1.`) need no escape.
            case "\\", "`", "*", "_", "[", "]", "<", ">", "#", "|", "~", "&":
                out.append("\\")
                out.append(ch)
            default: out.append(ch)
            }
        }
        return out
    }

    /// `[text](<url>)` when the url can be followed, else the text alone; `text` is Markdown already.
    static func markdownLink(_ text: String, to url: String?) -> String {
        followableURL(url).map { "[\(text)](\(markdownDestination($0)))" } ?? text
    }

    /// A link destination for Markdown, in angle brackets so that parentheses in the URL are kept.
    /// Whatever could end it or the line early (`<`, `>`, a backslash, white space, control characters)
    /// is percent-encoded: `followableURL` lets only the backslash of these through, and the link
    /// holds whatever url it is given.
    static func markdownDestination(_ url: String) -> String {
        var out = "<"
        for scalar in url.unicodeScalars {
            guard scalar == "<" || scalar == ">" || scalar == "\\" || scalar.properties.isWhitespace
                    || VisibleText.isHidden(scalar)
            else {
                out.unicodeScalars.append(scalar)
                continue
            }
            for byte in String(scalar).utf8 {
                out += "%"
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0xF)])
            }
        }
        return out + ">"
    }

    private static let hexDigits = Array("0123456789ABCDEF")
}
