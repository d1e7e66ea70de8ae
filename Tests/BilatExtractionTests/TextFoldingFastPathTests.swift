@testable import BilatExtraction
import Testing

/// Folding ASCII text byte by byte answers as folding it scalar by scalar does, and the tokenizer's
/// folded words are what `fold` gives of their text.
@Suite("TextFolding: the ASCII path agrees with the scalar path")
struct TextFoldingFastPathTests {
    static let samples = ["", "Xi", "ERDOGAN", "Kishida's", "Jean-Yves Le Drian", "ISHIBA Shigeru", "a1-B2_c3 !~",
                          "Erdoğan", "Łukasz ŻUREK", "São Tomé", "O’Neill", "\u{1F1F5}\u{1F1F1} Warsaw", "ΑΘΗΝΑ"]

    @Test("fold equals foldScalars on ASCII and on other text")
    func foldAgrees() {
        for text in Self.samples {
            #expect(TextFolding.fold(text) == TextFolding.foldScalars(text), "\(text)")
        }
        #expect(TextFolding.fold("ERDOGAN") == "erdogan")
        #expect(TextFolding.fold("Erdoğan") == "erdogan")
    }

    @Test("a token's folded form is fold of its text")
    func tokensFoldAsFold() {
        for token in Tokenizer.tokenize(Self.samples.joined(separator: " ")) {
            #expect(token.folded == TextFolding.fold(token.text), "\(token.text)")
        }
    }
}
