/// Article text made safe to show a person: no control character from a title, source, url or
/// sentence reaches a terminal (where `ESC ]0;…BEL` retitles the window and `ESC [2J` clears it), a
/// spreadsheet or a Markdown reader.
///
/// Control characters (C0, DEL, C1) become U+FFFD, as the HTML and XML exports already do: visible, one
/// column wide (tables stay aligned), and never mistaken for text an article could hold, as `^[` could.
/// So do the bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), which would show
/// the rest of a line in an order other than its own. The stored text and the JSON output keep them.
public enum VisibleText {
    /// A field inside a line (a table cell, a line of `show`, Markdown text, a TSV cell): line breaks
    /// (CRLF as one) and tabs become a space, so that no field adds a line or a column.
    public static func inline(_ text: String) -> String {
        cleaned(text, keepingLayout: false)
    }

    /// A field that may span lines (a quoted CSV field): tab, LF and CR are kept, the rest as `inline`.
    public static func multiline(_ text: String) -> String {
        cleaned(text, keepingLayout: true)
    }

    /// Most text has nothing to change and is returned as it is, found on its UTF-8 bytes: exports
    /// clean every cell.
    private static func cleaned(_ text: String, keepingLayout: Bool) -> String {
        var text = text
        let clean = text.withUTF8 { bytes in
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                switch byte {
                case 0x09, 0x0A, 0x0D: if !keepingLayout { return false }
                case ..<0x20, 0x7F: return false
                // C1 is U+0080–U+009F: C2 80 to C2 9F.
                case 0xC2: if i + 1 < bytes.count, (0x80...0x9F).contains(bytes[i + 1]) { return false }
                // U+2028/U+2029 (line breaks) and U+202A–U+202E are E2 80 A8–AE; U+2066–U+2069 are E2 81 A6–A9.
                case 0xE2 where i + 2 < bytes.count:
                    if bytes[i + 1] == 0x80, (0xA8...0xAE).contains(bytes[i + 2]) { return false }
                    if bytes[i + 1] == 0x81, (0xA6...0xA9).contains(bytes[i + 2]) { return false }
                default: break
                }
                i += 1
            }
            return true
        }
        if clean { return text }
        var out = String.UnicodeScalarView()
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            defer { previous = scalar }
            if keepingLayout, scalar == "\t" || scalar == "\n" || scalar == "\r" {
                out.append(scalar)
            } else if isLineBreak(scalar) || scalar == "\t" {
                if !(scalar == "\n" && previous == "\r") { out.append(" ") }
            } else if isHidden(scalar) {
                out.append("\u{FFFD}")
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// What `Character.isNewline` counts: LF, VT, FF, CR, NEL, U+2028, U+2029.
    static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        (0x0A...0x0D).contains(scalar.value) || scalar.value == 0x85 || scalar.value == 0x2028 || scalar.value == 0x2029
    }

    /// A control character or a bidi embedding, override or isolate.
    static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case ..<0x20, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
