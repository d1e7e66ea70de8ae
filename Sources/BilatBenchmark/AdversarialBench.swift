import BilatExtraction
import BilatModel
import Foundation

/// Hostile article shapes at growing sizes, timed through the real reader and extractor (in this
/// process) and the real `bilat extract` (a child process): no input may take more than linear time.
/// Each shape is one article; its text is built deterministically from a repeating unit.
struct AdversarialBench {
    /// One kind of hostile text.
    struct Shape: Sendable {
        let name: String
        let summary: String
        /// The article's text, close to `bytes` UTF-8 bytes (never more).
        let build: @Sendable (_ bytes: Int) -> String
    }

    /// One size of one shape.
    struct Measurement: Codable, Sendable {
        let shape: String
        let bytes: Int
        /// Reading and extracting in this process: the best of the runs.
        let extractSeconds: Double?
        let runs: Int
        /// `bilat extract FILE --json` spawned (output to /dev/null), start-up included: the best of the runs.
        let commandSeconds: Double?
        let commandExitCode: Int32?
        let sentences: Int
        let meetings: Int
        let officials: Int
        let note: String?
    }

    struct Report: Codable, Sendable {
        let date: String
        let machine: Machine
        let command: String
        /// `bilat extract` on a two-sentence article: the start-up part of every command figure.
        let commandBaselineSeconds: Double?
        let measurements: [Measurement]
    }

    let extractor: Extractor
    let reference: ReferenceData
    let folder: URL
    let sizes: [Int]
    let runs: Int
    /// A single run slower than this skips the larger sizes of its shape.
    let budgetSeconds: Double
    let bilat: String?

    // MARK: Shapes

    /// Seed-style dateline first, so that the article has a publication date and every date path runs.
    static let dateline = "date 2026-01-16 BEIJING: "

    static func shapes(reference: ReferenceData) -> [Shape] {
        let pairs = leaderPhrases(reference)
        return [
            Shape(name: "sentences", summary: "control: short ordinary sentences of leaders meeting, each with a period") { bytes in
                repeating(bytes) { i in "\(pairs[i % pairs.count]) in Beijing on Friday to discuss trade and energy. " }
            },
            Shape(name: "long-line", summary: "one line of lowercase prose with commas and no sentence end") { bytes in
                let words = ["the", "delegation", "discussed", "trade,", "investment", "and", "energy", "cooperation",
                             "with", "local", "officials", "while", "markets", "watched", "closely,", "as", "talks",
                             "continued", "into", "the", "evening", "and"]
                return repeating(bytes) { i in words[i % words.count] + " " }
            },
            Shape(name: "nesting", summary: "brackets and quotes opened to half the size (([\"“‘«{…), a few words, then all closed") { bytes in
                let opens: [Character] = ["(", "[", "\"", "“", "'", "‘", "«", "{", "‹", "„"]
                let closes: [Character: Character] = ["(": ")", "[": "]", "\"": "\"", "“": "”", "'": "'", "‘": "’",
                                                      "«": "»", "{": "}", "‹": "›", "„": "“"]
                var text = dateline
                var stack: [Character] = []
                let middle = " Xi Jinping met Mark Carney "
                let closeBytes = { (c: Character) in String(closes[c]!).utf8.count }
                var closing = 0
                var i = 0
                while true {
                    let c = opens[i % opens.count]
                    let add = String(c).utf8.count + closeBytes(c)
                    if text.utf8.count + closing + add + middle.utf8.count > bytes { break }
                    text.append(c)
                    stack.append(c)
                    closing += closeBytes(c)
                    i += 1
                }
                text += middle
                for c in stack.reversed() { text.append(closes[c]!) }
                return text
            },
            Shape(name: "nested-speech", summary: "officials quoting officials, quotes never closed, no sentence end") { bytes in
                let verbs = ["said", "told reporters", "stressed", "noted", "added"]
                let marks = ["\"", "'", "“", "‘", "«"]
                return repeating(bytes) { i in
                    let name = pairs[i % pairs.count].split(separator: " met ").first.map(String.init) ?? "Xi Jinping"
                    return "\(name) \(verbs[i % verbs.count]) \(marks[i % marks.count])"
                }
            },
            Shape(name: "entity-run", summary: "\"Chinese President Xi Jinping met Canadian Prime Minister … and\" repeated, no period") { bytes in
                repeating(bytes) { i in "\(pairs[i % pairs.count]) and " }
            },
            Shape(name: "meetings-dates", summary: "one sentence of meetings, each with its date and place, no period") { bytes in
                let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                              "October", "November", "December"]
                return repeating(bytes) { i in
                    // Every date differs (12 × 28 × 76 of them), so no two meetings merge.
                    let (month, day, year) = (months[i % 12], 1 + (i / 12) % 28, 1950 + (i / 336) % 76)
                    return "\(pairs[i % pairs.count]) in Beijing on \(month) \(day), \(year), and held talks "
                        + "by phone on \(day) \(month) \(year + 1) and "
                }
            },
            Shape(name: "dates-numbers", summary: "thousands of dates, weekdays, amounts and percentages, no period") { bytes in
                let months = ["January", "Feb.", "March", "April", "May", "June", "July", "Aug.", "September", "Oct.",
                              "November", "Dec."]
                let days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
                return repeating(bytes) { i in
                    let m = months[i % 12], d = 1 + i % 28, y = 1990 + i % 40
                    return "on \(m) \(d), \(y), \(d) \(m) \(y), \(y)-\(String(format: "%02d-%02d", 1 + i % 12, d)), "
                        + "last \(days[i % 7]), \(i % 1000).\(i % 10) percent, $\(i % 97),\(String(format: "%03d", i % 1000)) "
                        + "billion, \(i) tons and "
                }
            },
            Shape(name: "rtl-combining", summary: "Arabic and Hebrew with vowel marks, RLO/PDF/RLM controls, stacked combining marks") { bytes in
                let pieces = ["اَلرَّئِيسُ شِي جِين بِينغ الْتَقَى", "\u{202E}China met Canada\u{202C}", "שָׁלוֹם עֲלֵיכֶם",
                              "Z\u{0351}\u{0352}\u{0357}\u{0358}a\u{0300}\u{0301}\u{0302}\u{0303}\u{0304}\u{0305}l\u{0327}\u{0328}g\u{0334}o",
                              "\u{200F}مصر\u{200E}", "e\u{0301}\u{0301}\u{0301}\u{0301}\u{0301}\u{0301}\u{0301}\u{0301}",
                              "Chinese President Xi Jinping\u{200F}", "\u{0661}\u{0662}\u{0663}٬ ٢٠٢٦", "،"]
                return repeating(bytes) { i in pieces[i % pieces.count] + " " }
            },
            Shape(name: "one-grapheme", summary: "\"Xi Jinping met\" then one letter carrying every other byte as combining marks") { bytes in
                var text = dateline + "Chinese President Xi Jinping met e"
                let marks: [Unicode.Scalar] = ["\u{0301}", "\u{0308}", "\u{0327}", "\u{0323}"]
                var i = 0
                while text.utf8.count + 2 <= bytes {
                    text.unicodeScalars.append(marks[i % marks.count])
                    i += 1
                }
                return text
            },
            Shape(name: "capitalized", summary: "capitalized words in a row (invented names), no period") { bytes in
                let syllables = ["ka", "lo", "mi", "ra", "sen", "tu", "vel", "zor", "an", "bre", "dov", "ich"]
                return repeating(bytes) { i in
                    let a = syllables[i % 12], b = syllables[(i / 12) % 12], c = syllables[(i / 144) % 12]
                    return (a + b + c).capitalized + " "
                }
            },
            Shape(name: "same-word", summary: "\"talks\" (a meeting word) repeated") { bytes in
                repeating(bytes) { _ in "talks " }
            },
            Shape(name: "same-title", summary: "\"President\" repeated") { bytes in
                repeating(bytes) { _ in "President " }
            },
            Shape(name: "same-country", summary: "\"China\" repeated") { bytes in
                repeating(bytes) { _ in "China " }
            },
        ]
    }

    /// The dateline, then `unit(0)`, `unit(1)`, … while the text stays within `bytes`.
    static func repeating(_ bytes: Int, _ unit: (Int) -> String) -> String {
        var text = dateline
        var count = text.utf8.count
        var i = 0
        while true {
            let piece = unit(i)
            let size = piece.utf8.count
            if count + size > bytes { break }
            text += piece
            count += size
            i += 1
        }
        return text
    }

    /// "Chinese President Xi Jinping met Canadian Prime Minister Mark Carney", from the reference officials
    /// in office on the dateline's date, each paired with the one seven places on.
    static func leaderPhrases(_ reference: ReferenceData) -> [String] {
        let date = PartialDate(year: 2026, month: 1, day: 16)
        let byCode = Dictionary(reference.countries.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        // Names with a period ("Ferdinand R. Marcos Jr.") would let the splitter end a sentence.
        let people: [String] = reference.officials.filter { $0.serves(on: date) && !$0.name.contains(".") }.compactMap { official in
            guard let code = official.country, let country = byCode[code], let demonym = country.demonyms.first else { return nil }
            return "\(demonym) \(official.role) \(official.name)"
        }
        guard people.count > 1 else { return ["Chinese President Xi Jinping met Canadian Prime Minister Mark Carney"] }
        return people.indices.map { "\(people[$0]) met \(people[($0 + 7) % people.count])" }
    }

    // MARK: Running

    func run(shapes: [Shape], progress: (String) -> Void) throws -> Report {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var baseline: Double?
        if let bilat {
            let small = folder.appendingPathComponent("baseline.txt")
            try Data((Self.dateline + "Chinese President Xi Jinping met Canadian Prime Minister Mark Carney. They discussed trade.\n").utf8)
                .write(to: small)
            baseline = (0..<5).map { _ in (try? Spawn.run([bilat, "extract", small.path, "--json"]).seconds) ?? .infinity }.min()
        }
        var measurements: [Measurement] = []
        for shape in shapes {
            var skip: String?
            for size in sizes {
                if let reason = skip {
                    measurements.append(Measurement(shape: shape.name, bytes: size, extractSeconds: nil, runs: 0,
                                                    commandSeconds: nil, commandExitCode: nil, sentences: 0, meetings: 0,
                                                    officials: 0, note: reason))
                    continue
                }
                let text = shape.build(size)
                let file = folder.appendingPathComponent("\(shape.name)-\(size / 1024)k.txt")
                try Data(text.utf8).write(to: file)
                progress("\(shape.name) \(size / 1024) KB")
                var best = Double.infinity
                var facts = ArticleFacts(published: nil)
                var done = 0
                for _ in 0..<runs {
                    let start = Clock.now()
                    let article = try ArticleReader.read(text: text)
                    facts = extractor.extract(article)
                    best = min(best, Clock.now() - start)
                    done += 1
                    if best > budgetSeconds / Double(runs) { break }
                }
                var commandSeconds: Double?
                var exitCode: Int32?
                if let bilat, best <= budgetSeconds {
                    // As many runs as in this process, the best counting; a slow one is not repeated.
                    for _ in 0..<runs {
                        let child = try Spawn.run([bilat, "extract", file.path, "--json"])
                        commandSeconds = min(commandSeconds ?? .infinity, child.seconds)
                        exitCode = child.exitCode
                        if child.exitCode != 0 || child.seconds > budgetSeconds / Double(runs) { break }
                    }
                }
                var note: String?
                if best > budgetSeconds {
                    skip = "skipped: \(shape.name) at \(size / 1024) KB took \(String(format: "%.1f", best)) s (budget \(Int(budgetSeconds)) s)"
                    note = "over budget: larger sizes and the command skipped"
                }
                measurements.append(Measurement(shape: shape.name, bytes: text.utf8.count, extractSeconds: best, runs: done,
                                                commandSeconds: commandSeconds, commandExitCode: exitCode,
                                                sentences: facts.sentences.count, meetings: facts.meetings.count,
                                                officials: facts.officials.count, note: note))
            }
        }
        return Report(date: Date().formatted(.iso8601), machine: Machine.current(),
                      command: CommandLine.arguments.joined(separator: " "), commandBaselineSeconds: baseline,
                      measurements: measurements)
    }
}

extension AdversarialBench.Report {
    /// How much slower the largest size is than the smallest, against how much larger it is: a linear
    /// shape's ratio is the size ratio (8 for 128 KB → 1 MB); above 1.5× that is flagged superlinear.
    static func growth(_ small: Double?, _ large: Double?, sizeRatio: Double) -> (ratio: Double, flag: String)? {
        guard let small, let large, small > 0 else { return nil }
        let ratio = large / small
        return (ratio, ratio > sizeRatio * 1.5 ? "SUPERLINEAR" : "linear")
    }

    func table(sizes: [Int]) -> String {
        let shapes = measurements.reduce(into: [String]()) { if !$0.contains($1.shape) { $0.append($1.shape) } }
        let sizeRatio = Double(sizes.last ?? 1) / Double(sizes.first ?? 1)
        let label = { (bytes: Int) in bytes >= 1024 * 1024 ? "\(bytes / (1024 * 1024)) MB" : "\(bytes / 1024) KB" }
        let seconds = { (value: Double?) in value.map { String(format: "%.3f", $0) } ?? "—" }
        var lines: [String] = []
        let header = ["shape"] + sizes.map(label) + ["ratio \(label(sizes.last ?? 0))/\(label(sizes.first ?? 0))", ""]
        func row(_ cells: [String]) { lines.append("| " + cells.joined(separator: " | ") + " |") }
        lines.append("Extraction in-process (ArticleReader.read + Extractor.extract, best of runs), seconds:")
        lines.append("")
        row(header)
        row(header.map { _ in "---" })
        for shape in shapes {
            let rows = measurements.filter { $0.shape == shape }
            let values = sizes.map { size in rows.first { Self.sizeClass($0.bytes, size) }?.extractSeconds }
            let growth = Self.growth(values.first ?? nil, values.last ?? nil, sizeRatio: sizeRatio)
            row([shape] + values.map(seconds) + [growth.map { String(format: "%.1f", $0.ratio) } ?? "—", growth?.flag ?? "not measured"])
        }
        if measurements.contains(where: { $0.commandSeconds != nil }) {
            lines.append("")
            // Start-up included: the ratio understates the growth of small figures, never overstates it.
            lines.append("`bilat extract FILE --json`, spawned, best of runs, seconds, start-up included (\(seconds(commandBaselineSeconds)) s "
                         + "on a two-sentence article), so the ratio is a lower bound; the in-process table is the measure:")
            lines.append("")
            row(header)
            row(header.map { _ in "---" })
            for shape in shapes {
                let rows = measurements.filter { $0.shape == shape }
                let found = sizes.map { size in rows.first { Self.sizeClass($0.bytes, size) } }
                let values = found.map { $0?.commandSeconds }
                let growth = Self.growth(values.first ?? nil, values.last ?? nil, sizeRatio: sizeRatio)
                let failed = found.compactMap { $0?.commandExitCode }.filter { $0 != 0 }
                row([shape] + values.map(seconds) + [growth.map { String(format: "%.1f", $0.ratio) } ?? "—",
                                                     (growth?.flag ?? "not measured") + (failed.isEmpty ? "" : " exit \(failed)")])
            }
        }
        lines.append("")
        lines.append("Facts found at the largest size (sentences / meetings / officials):")
        for shape in shapes {
            if let largest = measurements.last(where: { $0.shape == shape && $0.extractSeconds != nil }) {
                lines.append("  \(shape) (\(label(largest.bytes))): \(largest.sentences) / \(largest.meetings) / \(largest.officials)")
            }
        }
        for note in measurements.compactMap(\.note) { lines.append("note: \(note)") }
        return lines.joined(separator: "\n")
    }

    /// Whether an article of `bytes` was built for the nominal `size` (texts stop a unit short of it).
    static func sizeClass(_ bytes: Int, _ size: Int) -> Bool { bytes <= size && bytes > size * 3 / 4 }
}
