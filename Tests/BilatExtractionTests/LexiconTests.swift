import BilatModel
import Foundation
import Testing
@testable import BilatExtraction

/// The lexicon folder (`seeds/reference/lexicon`): the English the rules read, loaded once, each table
/// required.
@Suite struct LexiconTests {
    @Test func aValueOfNoTypeIsRefusedWithItsLine() throws {
        #expect(try referenceLoadError("lexicon/roles.tsv", "title\tkind\npresident\tleader\nenvoy\tdiplomat\n")
                == "roles.tsv line 3: unknown kind 'diplomat' (one of: leader, minister, official, head)")
        #expect(try referenceLoadError("lexicon/speech_verbs.tsv", "verb\ttype\nsaid\tposition\nvowed\tpromise\n")
                == "speech_verbs.tsv line 3: unknown type 'promise' (one of: proposal, commitment, position, assessment)")
        #expect(try referenceLoadError("lexicon/agreement_kinds.tsv", "term\tkind\ntreaty\ttreaty\npact\talliance\n")?
                    .hasPrefix("agreement_kinds.tsv line 3: unknown kind 'alliance'") == true)
        #expect(try referenceLoadError("lexicon/name_particles.tsv", "particle\tkind\nda\t\nbin\tfather\n")
                == "name_particles.tsv line 3: unknown kind 'father' (one of: (empty), patronymic)")
        #expect(try referenceLoadError("lexicon/months.tsv", "name\tnumber\njanuary\t1\nfebruary\ttwo\n")
                == "months.tsv line 3: 'two' is no number")
        #expect(try referenceLoadError("lexicon/number_words.tsv", "list\tword\tnumber\ntime_counts\ttwo\t2\nside_count\tboth\t2\n")?
                    .hasPrefix("number_words.tsv line 3: unknown list 'side_count'") == true)
        #expect(try referenceLoadError("organizations.tsv", "name\taliases\tkind\nG20\t\tforum\nNATO\t\talliance\n")
                == "organizations.tsv line 3: unknown kind 'alliance' (one of: organization, forum)")
    }

    @Test func typedValuesAreReadAsTheirType() throws {
        let lexicon = try Lexicon.bundled.get()
        #expect(lexicon.roles["prime minister"] == .leader)
        #expect(lexicon.patronymicParticles.contains("bin") && !lexicon.patronymicParticles.contains("da"))
        #expect(lexicon.speechVerbs["pledged"] == .commitment)
        #expect(try ReferenceData.bundled().organizations.first { $0.name == "G20" }?.kind == .forum)
    }

    @Test func aTableNoLoaderReadsIsRefused() throws {
        #expect(try referenceLoadError("lexicon/greetings.tsv", "word\nhello\n") == "greetings.tsv: no loader reads this table (see lexicon/README.md)")
    }

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

/// The word lists (`lexicon/word_lists.tsv`): typed as they are loaded, each list once, and the only
/// place English words are written for the rules.
@Suite struct WordListTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    func error(_ text: String) -> String? {
        do {
            _ = try WordLists(TSVTable(text: text))
            return nil
        } catch {
            return "\(error)"
        }
    }

    /// Every list but the one named, as lines of word_lists.tsv.
    func allBut(_ left: WordList) -> String {
        WordList.allCases.filter { $0 != left }.map { "\($0.rawValue)\tx\($0.rawValue.count)" }.joined(separator: "\n")
    }

    @Test func theBundledListsLoadEachOnce() throws {
        let lists = try Lexicon.bundled.get().wordLists
        for list in WordList.allCases { #expect(!lists.words(list).isEmpty, "\(list.rawValue)") }
        #expect(Lexicon.words(.negations).contains("n't"))
        #expect(MeetingScope.subjectPronouns.contains("he"))
    }

    @Test func aBadListIsRefusedWithItsLine() {
        let header = "list\twords\n"
        #expect(error(header + "negatoins\tnot\n")?.hasPrefix("word_lists.tsv line 2: unknown list 'negatoins'") == true)
        #expect(error(header + "negations\tnot\nnegations\tnever\n") == "word_lists.tsv line 3: list 'negations' written twice")
        #expect(error(header + "negations\t\n") == "word_lists.tsv line 2: list 'negations' has no words")
        #expect(error(header + "negations\tNot\n") == "word_lists.tsv line 2: 'Not' is not written folded ('not')")
        #expect(error(header + "negations\tnot|never|not\n") == "word_lists.tsv line 2: 'not' written twice in list 'negations'")
        #expect(error("name\twords\n") == "word_lists.tsv line 1: the header must be: list, words")
        #expect(error(header + allBut(.negations)) == "word_lists.tsv: no list 'negations'")
        #expect(error(header + allBut(.negations) + "\nnegations\tnot\n") == nil)
    }

    @Test func everyCountWordMayOpenANarrativeDate() throws {
        // NarrativeTime.mayStart asks a token's first byte before the table: a count word it refused
        // would never be read.
        for (word, _) in try Lexicon.bundled.get().numberWords[.timeCounts] ?? [] {
            let token = try #require(Tokenizer.tokenize(word).first)
            #expect(NarrativeTime.mayStart(token), "\(word)")
        }
    }

    @Test func noTwoListsHoldTheSameWords() throws {
        let lists = try Lexicon.bundled.get().wordLists
        var seen: [Set<String>: WordList] = [:]
        for list in WordList.allCases {
            let words = Set(lists.words(list))
            #expect(seen[words] == nil, "\(list.rawValue) holds the words of \(seen[words]?.rawValue ?? "")")
            seen[words] = list
        }
    }

    @Test func everyListIsReadByARule() throws {
        let sources = try swiftFiles(under: "Sources").filter { !$0.hasSuffix("/WordLists.swift") }
            .map { try String(contentsOfFile: $0, encoding: .utf8) }.joined(separator: "\n")
        for list in WordList.allCases {
            #expect(sources.contains(".\(list)"), "no rule reads \(list.rawValue)")
        }
    }

    /// English words are the lexicon's: no word list is written as a literal in the sources.
    @Test func noWordListIsWrittenInTheSources() throws {
        let literal = try Regex(#"(WordSet\s*=\s*\[\s*"|WordSet\(\s*\[\s*"|WordTable<[^>]*>\s*=\s*\[\s*"|Set<String>\s*=\s*\[\s*"[a-z][a-z' -]*"\s*[,\]])"#)
        var found: [String] = []
        for path in try swiftFiles(under: "Sources/BilatExtraction") {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            // Across line breaks: a literal may open on one line and list its words on the next.
            for match in text.matches(of: literal) {
                let line = text[..<match.range.lowerBound].filter { $0 == "\n" }.count + 1
                found.append("\(path.replacingOccurrences(of: Self.repository.path + "/", with: "")):\(line)")
            }
        }
        #expect(found.isEmpty, "word lists written in the sources (move them to seeds/reference/lexicon): \(found)")
    }

    func swiftFiles(under folder: String) throws -> [String] {
        let root = Self.repository.appendingPathComponent(folder).path
        guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
        return walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }.sorted().map { root + "/" + $0 }
    }
}
