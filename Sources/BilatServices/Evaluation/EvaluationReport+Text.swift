import Foundation

extension EvaluationReport {
    /// The report as an aligned text table; the last line is `overall F1 X.XXX`.
    public func renderText(worstCount: Int = 5, showDifferences: Bool = false) -> String {
        func f(_ v: Double) -> String { String(format: "%.3f", v) }
        func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
        var lines = ["\(articles.count) articles", "",
                     pad("category", 15) + pad("P", 8) + pad("R", 8) + pad("F1", 8) + "tp/fp/fn"]
        for c in EvaluationCategory.allCases {
            let t = totals[c] ?? MatchCounts()
            lines.append(pad(c.rawValue, 15) + pad(f(t.precision), 8) + pad(f(t.recall), 8) + pad(f(t.f1), 8)
                         + "\(t.truePositives)/\(t.falsePositives)/\(t.falseNegatives)")
        }
        lines.append("")
        lines.append("on matched meetings:")
        for (label, a) in [("date", date), ("place", place), ("participants", participants)] {
            lines.append("  " + pad(label, 13) + f(a.accuracy) + " (\(a.correct)/\(a.total))")
        }
        let worst = worst(worstCount)
        if !worst.isEmpty {
            lines.append("")
            lines.append("most misses:")
            for a in worst {
                lines.append("  \(a.misses)\t\(a.name)")
                if showDifferences { lines += a.differences.map { "      " + $0 } }
            }
        }
        lines.append("")
        lines.append("overall F1 \(f(overallF1))")
        return lines.joined(separator: "\n")
    }
}
