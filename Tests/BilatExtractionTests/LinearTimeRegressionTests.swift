import Testing
@testable import BilatExtraction

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
        #expect(AsideFinder.asides(in: tokens) == union)
        #expect(AsideFinder.inside(asides.filter { !$0.ownEvent }) == asides.filter { !$0.ownEvent }
            .reduce(into: Set<Int>()) { $0.formUnion($1.range) })
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
