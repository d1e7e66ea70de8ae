import Foundation

/// The one CSV (RFC 4180) and TSV writer of every command and export: CRLF record ends, every cell
/// made visible (`VisibleText`) and formula-safe before it is written.
enum CSV {
    /// One CSV record: a field holding a comma, a quote, CR or LF is quoted, its quotes doubled.
    static func row(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    /// Looked for among unicode scalars, not Characters: "\r\n" is one Character, equal to neither
    /// "\r" nor "\n", and a CRLF left unquoted would end the record.
    static func field(_ value: String) -> String {
        let cell = neutralized(VisibleText.multiline(value))
        guard cell.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
            return cell
        }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// One TSV record (IANA text/tab-separated-values has no quoting): tabs and line breaks inside a
    /// cell become spaces.
    static func tsvRow(_ fields: [String]) -> String {
        fields.map { neutralized(VisibleText.inline($0)) }.joined(separator: "\t") + "\r\n"
    }

    /// A cell a spreadsheet could read as a formula gets a leading `'` (OWASP's CSV-injection advice):
    /// the quote is visible, the formula is not run. That is a cell starting with tab or CR, or whose
    /// first character after any white space is `=`, `+`, `-` or `@` (some spreadsheets trim leading
    /// spaces before they look). A lone `-`, which lists print for "none", cannot be a formula.
    static func neutralized(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first, cell != "-" else { return cell }
        if first == "\t" || first == "\r" { return "'" + cell }
        guard let start = cell.unicodeScalars.first(where: { !$0.properties.isWhitespace }),
              start == "=" || start == "+" || start == "-" || start == "@"
        else { return cell }
        return "'" + cell
    }
}
