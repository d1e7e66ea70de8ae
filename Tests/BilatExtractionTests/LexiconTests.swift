import BilatModel
import Foundation
import Testing
@testable import BilatExtraction

/// The lexicon folder (`seeds/reference/lexicon`): the English the rules read, loaded once, each table
/// required.
@Suite struct LexiconTests {
    @Test func aMissingLexiconTableIsRefusedWithItsName() throws {
        let dir = try makeReferenceDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.removeItem(at: dir.appendingPathComponent("lexicon/months.tsv"))
        #expect(throws: ReferenceTableError(file: "months.tsv", line: 0,
                                            message: "not found in \(dir.appendingPathComponent("lexicon").path)")) {
            try ReferenceData(directory: dir)
        }
    }
}
