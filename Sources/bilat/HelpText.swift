/// Help text as written in the source, made fit for the option parser's wrapping: within a paragraph,
/// the source's line breaks (there to keep the code narrow) are joined, so that the parser wraps the
/// text once, at the terminal's width (80 columns when piped), instead of breaking each long source
/// line again into a long line and an orphan of a word or two. Indented lines (examples, commands) and
/// blank lines stay as written.
enum HelpText {
    static func reflow(_ text: String) -> String {
        var out: [String] = []
        var joining = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let indented = line.first == " " || line.first == "\t"
            if line.isEmpty || indented {
                out.append(String(line))
                joining = false
            } else if joining, let last = out.popLast() {
                out.append(last + " " + line)
            } else {
                out.append(String(line))
                joining = true
            }
        }
        return out.joined(separator: "\n")
    }
}
