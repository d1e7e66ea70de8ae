import BilatCorpusGenerator
@testable import BilatExtraction
import BilatModel
import Foundation
import Testing

/// The byte-level paths of reading give what the scalar and Foundation ones gave.
@Suite("Reading: byte-level paths agree with the general ones")
struct ReadingFastPathTests {
    @Test("city names", arguments: ["NEW DELHI", "PARIS/WARSAW", "PORT-AU-PRINCE", "RIO DE JANEIRO", "DAR ES SALAAM",
                                    "-KAZAN.", " . ", "", "///", "/ROME", "A--B", "ST. JOHN'S", "BANDAR SERI BEGAWAN\r",
                                    "\tX\u{0B}", "CITY OF LONDON", "DE LA", "SÃO PAULO", "MÜNCHEN", "ΑΘΗΝΑ"])
    func cityNames(_ raw: String) {
        #expect(Dateline.cityName(raw) == Dateline.generalCityName(raw))
    }

    @Test("random city names, ASCII and not")
    func randomCityNames() {
        var rng = SplitMix64(seed: 17)
        let pieces = ["A", "B", "z", "DE", "de", "LA", "Of", "AU", " ", "  ", "-", ".", "/", "'", "\t", "\r", "\n", "\u{0B}",
                      "\u{0C}", "1", "É", "é", "\u{85}", "\u{A0}", "ß", "İ", "\u{301}"]
        for _ in 0..<5_000 {
            let raw = (0..<rng.int(0...10)).map { _ in rng.pick(pieces) }.joined()
            #expect(Dateline.cityName(raw) == Dateline.generalCityName(raw), "\(raw.debugDescription)")
        }
    }

    @Test("lines: text without the line break and a final CR, and the index after the break")
    func lines() {
        var rng = SplitMix64(seed: 5)
        let pieces = ["a", "---", ":", " ", "\n", "\r", "\r\n", "é", "北", "e\u{301}", "🇫🇷", "\t"]
        for _ in 0..<2_000 {
            let text = (0..<rng.int(0...16)).map { _ in rng.pick(pieces) }.joined()
            var cursor = LineCursor(text.unicodeScalars)
            var got: [String] = []
            var ends: [Int] = []
            while let line = cursor.next() {
                got.append(line.text)
                ends.append(text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: line.end))
            }
            // Reference: split the scalars at each line feed.
            var expected: [String] = []
            var expectedEnds: [Int] = []
            var current = String.UnicodeScalarView()
            var offset = 0
            for scalar in text.unicodeScalars {
                offset += 1
                if scalar == "\n" {
                    if current.last == "\r" { current.removeLast() }
                    expected.append(String(current))
                    expectedEnds.append(offset)
                    current = String.UnicodeScalarView()
                } else {
                    current.append(scalar)
                }
            }
            if !current.isEmpty {
                if current.last == "\r" { current.removeLast() }
                expected.append(String(current))
                expectedEnds.append(offset)
            }
            #expect(got == expected, "\(text.debugDescription)")
            #expect(ends == expectedEnds, "\(text.debugDescription)")
        }
    }

    @Test("dates trimmed of spaces and tabs, and of other Unicode spaces through Foundation",
          arguments: [" 2025-05-07 ", "\t2025-05\t", "2025", "\u{3000}2025-05-07", "2025-05-07\u{A0}", "2025-05-07T10:00:00Z",
                      " 2025-05-07 10:00", "\n2025-05-07"])
    func dates(_ value: String) {
        let reference = value.trimmingCharacters(in: .whitespaces)
        let expected = PartialDate(iso: reference)
            ?? (reference.count > 10 ? PartialDate(iso: String(reference.prefix(10))) : nil)
        #expect((try? ArticleReader.parseDate(value)) == expected)
        #expect(FrontMatter.trimmed(value[...]) == reference)
    }
}
