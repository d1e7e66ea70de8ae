import BilatModel

/// Cooperation areas: every taxonomy key whose terms the body names, with the sentences it is named in.
struct AreaAssembler: Sendable {
    func areas(sentences: [TokenSentence], mentions: [SentenceMentions]) -> [CooperationArea] {
        // Each key looked up once per mention: its place in `found`, in first-seen order.
        var found: [CooperationArea] = []
        var index: [String: Int] = [:]
        for m in mentions {
            for a in m.areas {
                if let k = index[a.key] {
                    if found[k].spans.last != m.sentence.span { found[k].spans.append(m.sentence.span) }
                } else {
                    index[a.key] = found.count
                    found.append(CooperationArea(key: a.key, spans: [m.sentence.span]))
                }
            }
        }
        return found
    }
}
