import BilatCorpusGenerator
@testable import BilatExtraction
import Foundation
import Testing

/// The phrase matcher's inline filters and root prefix index answer as the general path does.
@Suite("PhraseMatcher: fast paths agree with the general one")
struct PhraseMatcherFastPathTests {
    /// Every fixture article's tokens, then random words built from pieces of the root prefixes.
    static func tokenStreams(_ gazetteer: Gazetteer) throws -> [[Token]] {
        let dir = fixtureCorpus().appendingPathComponent("dev")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".txt") }.sorted()
        var streams = try files.map { Tokenizer.tokenize(try String(contentsOf: dir.appendingPathComponent($0), encoding: .utf8)) }
        var rng = SplitMix64(seed: 29)
        let pieces = ["invest", "ment", "tariff", "s", "export", "i", "in", "a", "agro", "e", "rare", "earth", "joint",
                      "venture", "Summit", "talks", "'s", "-", "É", "é", "e\u{301}", "\u{301}", "visit", "ors", "x", "The",
                      "United", "States", "of", "America", "ASEAN", "ing", "ed", "semiconductor", "power", "grid", "."]
        for _ in 0..<300 {
            let text = (0..<rng.int(1...40)).map { _ in
                (0..<rng.int(1...3)).map { _ in rng.pick(pieces) }.joined()
            }.joined(separator: " ")
            streams.append(Tokenizer.tokenize(text))
        }
        return streams
    }

    static func check<P>(_ matcher: PhraseMatcher<P>, _ streams: [[Token]], same: (P, P) -> Bool) -> Int {
        var starts = 0
        for tokens in streams {
            let slice = tokens[...]
            for i in slice.indices {
                let startsHere = matcher.startsPhraseAt(slice, i)
                #expect(startsHere == matcher.startsPhraseByEveryPrefix(slice, i))
                if startsHere {
                    starts += 1
                    #expect(matcher.mayStartPhrase(slice, i))
                }
                let fast = matcher.longestMatch(in: slice, at: i), general = matcher.generalLongestMatch(in: slice, at: i)
                #expect(fast?.range == general?.range)
                #expect(fast?.payloads.count == general?.payloads.count)
                if let f = fast?.payloads, let g = general?.payloads {
                    #expect(zip(f, g).allSatisfy { same($0, $1) })
                }
            }
            #expect(matcher.longestMatch(in: slice, at: slice.endIndex) == nil)
        }
        return starts
    }

    @Test("every gazetteer matcher, on fixture articles and random words")
    func gazetteerMatchers() throws {
        let gazetteer = Gazetteer(try ReferenceData.bundled())
        let streams = try Self.tokenStreams(gazetteer)
        let eq: (String, String) -> Bool = { $0 == $1 }
        #expect(Self.check(gazetteer.areas, streams, same: eq) > 0)
        #expect(Self.check(gazetteer.organizations, streams, same: eq) > 0)
        #expect(Self.check(gazetteer.meetingTerms, streams, same: { $0 == $1 }) > 0)
        #expect(Self.check(gazetteer.roles, streams, same: { $0 == $1 }) > 0)
        _ = Self.check(gazetteer.venues, streams, same: { $0 == $1 })
        _ = Self.check(gazetteer.regions, streams, same: eq)
        _ = Self.check(gazetteer.meetingCues, streams, same: { $0 == $1 })
        #expect(Self.check(gazetteer.countries, streams, same: { $0.code == $1.code && $0.form == $1.form }) > 0)
        _ = Self.check(gazetteer.agreementKinds, streams, same: { "\($0)" == "\($1)" })
        _ = Self.check(gazetteer.speechVerbs, streams, same: { "\($0)" == "\($1)" })
        _ = Self.check(gazetteer.officials, streams, same: { $0 == $1 })
    }

    @Test("prefixes of every first byte, and ones always asked")
    func prefixBuckets() {
        var m = PhraseMatcher<Int>()
        let phrases = ["zeta*", "alpha*", "al*", "-x*", "élan*", "1st*", "beta gamma", "alpine", "a*", "ab cd*"]
        for (k, p) in phrases.enumerated() { m.add(p, k) }
        let tokens = Tokenizer.tokenize("alphabet al alp zeta zetas -xy élans elan 1st 1sts beta gamma alpine a ab cdx ab b - x")
        let slice = tokens[...]
        for i in slice.indices {
            #expect(m.startsPhraseAt(slice, i) == m.startsPhraseByEveryPrefix(slice, i))
            #expect(m.longestMatch(in: slice, at: i)?.range == m.generalLongestMatch(in: slice, at: i)?.range)
            #expect(m.longestMatch(in: slice, at: i)?.payloads == m.generalLongestMatch(in: slice, at: i)?.payloads)
        }
    }

    @Test("prefix test with a byte count first agrees with String.hasPrefix")
    func prefixBytes() {
        var rng = SplitMix64(seed: 41)
        let pieces = ["a", "b", "e", "in", "vest", "\r", "\n", "\r\n", "é", "e\u{301}", "\u{301}", "\u{200D}", "K", "\u{212A}",
                      ";", "\u{37E}", "ß", "-", "'", "1", "\u{600}", "\u{93F}", "北", "🇫🇷"]
        for _ in 0..<20_000 {
            let word = (0..<rng.int(0...5)).map { _ in rng.pick(pieces) }.joined()
            let prefix = (0..<rng.int(0...3)).map { _ in rng.pick(pieces) }.joined()
            #expect(AffixTest.hasPrefix(word, prefix, minimumCount: AffixTest.minimumCount(prefix)) == word.hasPrefix(prefix),
                    "\(word.debugDescription) \(prefix.debugDescription)")
        }
    }
}
