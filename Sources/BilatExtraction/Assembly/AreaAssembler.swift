import BilatModel

/// Cooperation areas: every taxonomy key whose terms the body names, with the sentences it is named in.
struct AreaAssembler: Sendable {
    func areas(sentences: [TokenSentence], mentions: [SentenceMentions]) -> [CooperationArea] {
        var order: [String] = []
        var spans: [String: [SourceSpan]] = [:]
        for m in mentions {
            for a in m.areas {
                if spans[a.key] == nil { order.append(a.key) }
                if spans[a.key]?.last != m.sentence.span { spans[a.key, default: []].append(m.sentence.span) }
            }
        }
        return order.map { CooperationArea(key: $0, spans: spans[$0]!) }
    }
}
