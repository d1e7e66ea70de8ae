import Testing
@testable import BilatExtraction
import BilatTestSupport

/// Inputs that once took quadratic time (found by the adversarial benchmark, `bilat-bench --adversarial`);
/// these tests pin the results of the linear rewrites, the benchmark measures the time.
@Suite("Linear-time rewrites keep their results")
struct LinearTimeRegressionTests {
    @Test("nested asides: the indices inside some aside, merged, equal the union of every aside")
    func nestedAsides() {
        let text = "Xi said (a (b (c) d (e, which f) g) h) since 2019 , and ( unclosed , who"
        let tokens = Tokenizer.tokenize(text)[...]
        let asides = AsideFinder.ranges(in: tokens)
        var union = Set<Int>()
        for aside in asides { union.formUnion(aside.range) }

        #expect(asides.count >= 5)
        let spans = AsideFinder.asides(in: tokens)
        #expect(spans.indices == union)
        #expect((tokens.startIndex - 1...tokens.endIndex + 1).allSatisfy { spans.contains($0) == union.contains($0) })
        #expect(AsideFinder.inside(asides.filter { !$0.ownEvent }).indices == asides.filter { !$0.ownEvent }
            .reduce(into: Set<Int>()) { $0.formUnion($1.range) })

        // Many separate asides: the binary search answers as the set does, before, between and after them.
        let many = Tokenizer.tokenize((0..<40).map { "(aside \($0)) word" }.joined(separator: " "))[...]
        let separate = AsideFinder.ranges(in: many)
        let covered = separate.reduce(into: Set<Int>()) { $0.formUnion($1.range) }
        let manySpans = AsideFinder.asides(in: many)
        #expect(separate.count == 40)
        #expect((many.startIndex - 1...many.endIndex + 1).allSatisfy { manySpans.contains($0) == covered.contains($0) })
    }

    @Test("a run of tokens with no sentence end is cut into sentences of at most maxTokens, covering it all")
    func sentenceCap() {
        let text = String(repeating: "Xi met Modi on Monday and ", count: 200) + "they talked."
        let tokens = Tokenizer.tokenize(text)
        let sentences = SentenceSplitter(abbreviations: []).split(tokens, text: text)

        #expect(tokens.count > 3 * SentenceSplitter.maxTokens)
        #expect(sentences.allSatisfy { $0.tokens.count <= SentenceSplitter.maxTokens })
        #expect(sentences.map(\.tokens.count).reduce(0, +) == tokens.count)
        #expect(sentences.map(\.index) == Array(0..<sentences.count))
        #expect(sentences.last?.text.hasSuffix("they talked.") == true)
    }

    @Test("a run with no sentence end is cut after a comma where the piece's second half has one, never inside a name")
    func sentenceCapCutsAtClauses() {
        let text = String(repeating: "Chinese President Xi Jinping met Canadian Prime Minister Mark Carney, ", count: 100)
        let tokens = Tokenizer.tokenize(text)
        let sentences = SentenceSplitter(abbreviations: []).split(tokens, text: text)

        #expect(sentences.count > 1)
        #expect(sentences.dropLast().allSatisfy { $0.tokens.last?.text == "," })
        #expect(sentences.allSatisfy { $0.tokens.first?.text == "Chinese" })
    }

    @Test("a name run that ends a sentence on a particle and a glued hyphen stays inside the sentence")
    func nameRunAtTheEndOfASlice() throws {
        let names = NameReader(lexicon: try ReferenceData.bundled().lexicon)
        // The cap can end a sentence here; so can a title line ("Talks with Abdel el-").
        let tokens = Tokenizer.tokenize("met Abdel el- and")[0..<4]
        let run = names.run(tokens, at: 1, isCountry: { _ in false })

        #expect(run.map { $0.upperBound <= tokens.endIndex } ?? true)
        #expect(run?.lowerBound == 1)
    }

    @Test("thousands of meetings in one article: each distinct date is a meeting of its own, a repeated report merges")
    func manyMeetingsMerge() throws {
        let extractor = try TestExtractor.bundled()
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        var body = ""
        for year in 1990..<2010 {
            for (m, month) in months.enumerated() {
                for day in [3, 17] {
                    body += "Chinese President Xi Jinping met Canadian Prime Minister Mark Carney in Beijing on \(month) \(day), \(year). "
                    if m == 5 { body += "Xi Jinping held talks with Mark Carney on \(month) \(day), \(year). " }
                }
            }
        }
        let text = "---\ntitle: Test\npublished: 2026-01-16\n---\n\(body)\n"
        let meetings = extractor.extract(try ArticleReader.read(text: text)).meetings

        #expect(meetings.count == 20 * 12 * 2)
        #expect(Set(meetings.compactMap(\.date)).count == meetings.count)
        #expect(meetings.filter { $0.spans.count == 2 }.count == 20 * 2)
        #expect(meetings.allSatisfy { $0.countries == ["CA", "CN"] && $0.place == "Beijing" })
    }

    @Test("a line ending in one long grapheme cluster, or in CR, is read whole")
    func lineEnds() {
        let cluster = "e" + String(repeating: "\u{0301}\u{0308}", count: 5_000)
        var cursor = LineCursor(("one\r\ntwo " + cluster + "\nthree\r").unicodeScalars)

        #expect(cursor.next()?.text == "one")
        #expect(cursor.next()?.text.unicodeScalars.count == 4 + 10_001)
        #expect(cursor.next()?.text == "three")
        #expect(cursor.next() == nil)
    }
}
