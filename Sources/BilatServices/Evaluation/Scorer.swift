import BilatModel
import Foundation

/// The fact categories the evaluation scores.
public enum EvaluationCategory: String, CaseIterable, Sendable, Codable, CodingKeyRepresentable {
    case meetings, officials, areas, organizations, agreements
}

/// True positives, false positives and false negatives of one category.
public struct MatchCounts: Hashable, Sendable, Codable {
    public var truePositives = 0
    public var falsePositives = 0
    public var falseNegatives = 0

    public init(truePositives: Int = 0, falsePositives: Int = 0, falseNegatives: Int = 0) {
        self.truePositives = truePositives
        self.falsePositives = falsePositives
        self.falseNegatives = falseNegatives
    }

    /// Precision; 1 when nothing was extracted.
    public var precision: Double {
        let d = truePositives + falsePositives
        return d == 0 ? 1 : Double(truePositives) / Double(d)
    }

    /// Recall; 1 when the gold holds nothing.
    public var recall: Double {
        let d = truePositives + falseNegatives
        return d == 0 ? 1 : Double(truePositives) / Double(d)
    }

    public var f1: Double {
        let p = precision, r = recall
        return p + r == 0 ? 0 : 2 * p * r / (p + r)
    }

    public static func + (a: MatchCounts, b: MatchCounts) -> MatchCounts {
        MatchCounts(truePositives: a.truePositives + b.truePositives, falsePositives: a.falsePositives + b.falsePositives,
                    falseNegatives: a.falseNegatives + b.falseNegatives)
    }
}

/// Right answers out of those checked, for an attribute of matched meetings.
public struct AttributeAccuracy: Hashable, Sendable, Codable {
    public var correct = 0
    public var total = 0

    public init(correct: Int = 0, total: Int = 0) {
        self.correct = correct
        self.total = total
    }

    /// Share right; 1 when nothing was checked.
    public var accuracy: Double { total == 0 ? 1 : Double(correct) / Double(total) }

    mutating func record(_ ok: Bool) {
        total += 1
        if ok { correct += 1 }
    }

    public static func + (a: AttributeAccuracy, b: AttributeAccuracy) -> AttributeAccuracy {
        AttributeAccuracy(correct: a.correct + b.correct, total: a.total + b.total)
    }
}

/// How one article's extraction compares with its gold.
public struct ArticleScore: Hashable, Sendable, Codable {
    public var name: String
    public var counts: [EvaluationCategory: MatchCounts]
    public var date = AttributeAccuracy()
    public var place = AttributeAccuracy()
    public var participants = AttributeAccuracy()
    /// Readable descriptions of what was missed ("-") or wrongly extracted ("+").
    public var differences: [String] = []

    /// Gold facts not found plus facts extracted wrongly.
    public var misses: Int { counts.values.reduce(0) { $0 + $1.falsePositives + $1.falseNegatives } }
}

/// Scores extracted facts against gold facts the way the corpus README says: meetings match on
/// (countries, date at the gold's precision, mode, status); officials on (name, country); areas,
/// organizations and agreements as sets of keys. Names compare ignoring case and diacritics.
public enum Scorer {
    /// Scores one article.
    public static func score(gold: GoldFacts, extracted: GoldFacts, name: String) -> ArticleScore {
        var score = ArticleScore(name: name, counts: [:])
        scoreMeetings(gold.meetings, extracted.meetings, into: &score)
        score.counts[.officials] = match(gold.officials, extracted.officials, label: "official", into: &score.differences,
                                         describe: { "\($0.name) (\($0.country ?? "?"))" }) {
            fold($0.name) == fold($1.name) && $0.country == $1.country
        }
        score.counts[.areas] = match(gold.areas, extracted.areas, label: "area", into: &score.differences,
                                     describe: { $0 }) { $0 == $1 }
        score.counts[.organizations] = match(gold.organizations, extracted.organizations, label: "organization",
                                             into: &score.differences, describe: { $0 }) { fold($0) == fold($1) }
        score.counts[.agreements] = match(gold.agreements, extracted.agreements, label: "agreement",
                                          into: &score.differences,
                                          describe: { "\($0.kind) \($0.date ?? "-") \($0.countries.joined(separator: "-"))" }) {
            $0.kind == $1.kind && Set($0.countries) == Set($1.countries) && dateMatches(gold: $0.date, extracted: $1.date)
        }
        return score
    }

    /// True when the extracted date equals the gold date at the gold's precision.
    public static func dateMatches(gold: String?, extracted: String?) -> Bool {
        guard let gold else { return extracted == nil }
        guard let g = PartialDate(iso: gold), let e = extracted.flatMap(PartialDate.init(iso:)),
              e.precision >= g.precision else { return false }
        return e.truncated(to: g.precision) == g
    }

    /// Lowercased, diacritics removed, for name comparison.
    public static func fold(_ s: String) -> String {
        // Letters with strokes do not decompose: fold them by hand ("Đại" → "dai", "Łukasz" → "lukasz").
        let strokes: [Character: String] = ["đ": "d", "Đ": "d", "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "ı": "i", "ß": "ss",
                                            "’": "'"]
        let plain = String(s.flatMap { strokes[$0] ?? String($0) })
        return plain.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .trimmingCharacters(in: .whitespaces)
    }

    private static func scoreMeetings(_ gold: [GoldFacts.GoldMeeting], _ extracted: [GoldFacts.GoldMeeting],
                                      into score: inout ArticleScore) {
        var used = Set<Int>()
        var counts = MatchCounts()
        func describe(_ m: GoldFacts.GoldMeeting) -> String {
            "\(m.date ?? "-") \(m.countries.joined(separator: "-")) \(m.mode) \(m.status) @\(m.place ?? "-") [\(m.participants.joined(separator: ", "))]"
        }
        for g in gold {
            let candidate = extracted.indices.first { i in
                !used.contains(i) && Set(extracted[i].countries) == Set(g.countries) && extracted[i].mode == g.mode
                    && extracted[i].status == g.status && dateMatches(gold: g.date, extracted: extracted[i].date)
            }
            guard let i = candidate else {
                counts.falseNegatives += 1
                score.differences.append("- meeting \(describe(g))")
                continue
            }
            used.insert(i)
            counts.truePositives += 1
            let e = extracted[i]
            score.date.record(g.date == e.date)
            score.place.record(g.place.map(fold) == e.place.map(fold))
            let participantsOK = Set(g.participants.map(fold)) == Set(e.participants.map(fold))
            score.participants.record(participantsOK)
            if g.date != e.date || g.place.map(fold) != e.place.map(fold) || !participantsOK {
                score.differences.append("~ meeting \(describe(g)) extracted as \(describe(e))")
            }
        }
        for i in extracted.indices where !used.contains(i) {
            counts.falsePositives += 1
            score.differences.append("+ meeting \(describe(extracted[i]))")
        }
        score.counts[.meetings] = counts
    }

    /// One-to-one greedy matching of two lists under an equivalence.
    private static func match<T>(_ gold: [T], _ extracted: [T], label: String, into differences: inout [String],
                                 describe: (T) -> String, _ same: (T, T) -> Bool) -> MatchCounts {
        var used = Set<Int>()
        var counts = MatchCounts()
        for g in gold {
            if let i = extracted.indices.first(where: { !used.contains($0) && same(g, extracted[$0]) }) {
                used.insert(i)
                counts.truePositives += 1
            } else {
                counts.falseNegatives += 1
                differences.append("- \(label) \(describe(g))")
            }
        }
        for i in extracted.indices where !used.contains(i) {
            counts.falsePositives += 1
            differences.append("+ \(label) \(describe(extracted[i]))")
        }
        return counts
    }
}
