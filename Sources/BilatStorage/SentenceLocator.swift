import BilatModel

/// Finds the stored sentence a fact's span belongs to: the one whose span contains `span.start`.
struct SentenceLocator: Sendable {
    private var starts: [Int] = []
    private var entries: [(end: Int, id: Int64)] = []

    /// Builds the lookup from the article's sentences and their new row ids.
    init(_ sentences: [(span: SourceSpan, id: Int64)]) {
        for sentence in sentences.sorted(by: { $0.span < $1.span }) {
            starts.append(sentence.span.start)
            entries.append((sentence.span.end, sentence.id))
        }
    }

    /// The row id of the sentence holding the offset, or nil when none does.
    func sentenceID(containing offset: Int) -> Int64? {
        // Last sentence starting at or before the offset.
        var low = 0
        var high = starts.count
        while low < high {
            let mid = (low + high) / 2
            if starts[mid] <= offset { low = mid + 1 } else { high = mid }
        }
        guard low > 0 else { return nil }
        let entry = entries[low - 1]
        return offset < entry.end ? entry.id : nil
    }

    /// The distinct sentences of some spans; `[nil]` when none is found, so the article still counts as a source.
    func sources(of spans: [SourceSpan]) -> [Int64?] {
        var seen = Set<Int64>()
        var result: [Int64?] = []
        for span in spans {
            if let id = sentenceID(containing: span.start), seen.insert(id).inserted {
                result.append(id)
            }
        }
        return result.isEmpty ? [nil] : result
    }
}
