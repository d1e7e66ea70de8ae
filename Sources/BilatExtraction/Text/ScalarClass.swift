/// The classes the tokenizer asks of a scalar, as bits: ASCII from a table built once from the
/// same Unicode properties, other scalars looked up.
enum ScalarClass {
    /// Alphabetic or a nonspacing mark: part of a word.
    static let letter: UInt8 = 1
    /// "0" to "9".
    static let digit: UInt8 = 2
    static let whitespace: UInt8 = 4
    /// A line or paragraph break ("\n", "\r", U+2029).
    static let newline: UInt8 = 8
    /// The Unicode Alphabetic property.
    static let alphabetic: UInt8 = 16
    /// The Unicode Uppercase property.
    static let upper: UInt8 = 32

    /// The classes of the 128 ASCII scalars.
    static let ascii: [UInt8] = (0..<128).map { lookup(UInt32($0)) }

    /// The classes of any scalar (an ASCII one from `table`, which is `ascii`).
    @inline(__always)
    static func of(_ value: UInt32, table: [UInt8]) -> UInt8 {
        value < 128 ? table[Int(value)] : lookup(value)
    }

    private static func lookup(_ value: UInt32) -> UInt8 {
        guard let s = Unicode.Scalar(value) else { return 0 }
        let p = s.properties
        var c: UInt8 = 0
        if p.isAlphabetic { c |= letter | alphabetic }
        if p.generalCategory == .nonspacingMark { c |= letter }
        if value >= 0x30 && value <= 0x39 { c |= digit }
        if p.isWhitespace { c |= whitespace }
        if value == 0x0A || value == 0x0D || value == 0x2029 { c |= newline }
        if p.isUppercase { c |= upper }
        return c
    }
}
