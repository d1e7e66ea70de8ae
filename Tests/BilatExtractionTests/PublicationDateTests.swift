import BilatModel
import Foundation
import Testing
@testable import BilatExtraction
import BilatTestSupport

/// Where an article's date comes from when its metadata gives none: a date line under the title.
@Suite struct PublicationDateTests {
    let extractor: Extractor

    init() throws {
        extractor = try TestExtractor.bundled()
    }

    func published(_ text: String) throws -> String? {
        extractor.extract(try ArticleReader.read(text: text)).published?.iso
    }

    @Test("a line that is only a date, under the title, dates the article", arguments: [
        ("(4 November 2025)", "2025-11-04"),
        ("4 November 2025", "2025-11-04"),
        ("November 4, 2025, 15:30", "2025-11-04"),
        ("Tuesday, 4 November 2025 at 10:15 GMT", "2025-11-04"),
        ("November 2025", "2025-11"),
    ])
    func dateLine(_ line: String, _ expected: String) throws {
        let text = "---\ntitle: Prime Minister's call with the President of Chile\nsource: Prime Minister's Office\n---\n"
            + "\(line)\n\nThe Prime Minister spoke with President Gabriel Boric of Chile this afternoon.\n"
        #expect(try published(text) == expected)
        let bare = "Telephone conversation with the President of Chile\n\n\(line)\n\nThe two leaders discussed trade.\n"
        #expect(try published(bare) == expected)
    }

    @Test("a sentence that names a date among other words is no date line: front matter without a date stays undated",
          arguments: [
        "On 4 November 2025, the Prime Minister spoke with President Gabriel Boric of Chile.",
        "Talks held on 4 November 2025",
        "(Since 2025)",
    ])
    func notADateLine(_ line: String) throws {
        let text = "---\ntitle: Chile and the Pacific\nsource: Analysis desk\n---\n\(line)\n\nThe two leaders discussed trade.\n"
        #expect(try published(text) == nil)
    }
}
