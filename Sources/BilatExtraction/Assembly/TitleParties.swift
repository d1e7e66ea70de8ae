import BilatModel

/// The sides a headline names, as sentences of their own that the people stage reads before the body.
///
/// A feed's title is no part of the article's text, so its sentences carry a placeholder span; once the
/// people are resolved, `detach` takes the headline's mentions out and gives the persons the headline's
/// line of the front matter instead, or no span when the text does not hold it.
struct TitleParties {
    let tokens: [Token]
    let match: TitleMatch?
    let sentences: [TokenSentence]
    let mentions: [SentenceMentions]
    /// The span of the line that holds the headline, when the text holds it (front matter).
    private(set) var span: SourceSpan?

    static let placeholder = SourceSpan(start: -1, end: -1)

    init(article: Article, reader: TitleReader, mentions stage: MentionStage) {
        guard let title = article.title, !title.isEmpty else {
            (tokens, match, sentences, mentions) = ([], nil, [], [])
            return
        }
        let tokens = Tokenizer.tokenize(title)
        let match = reader.read(tokens)
        let sentences = (match?.parties ?? []).map { r in
            TokenSentence(index: -1, tokens: tokens[r], span: Self.placeholder, text: "")
        }
        (self.tokens, self.match, self.sentences) = (tokens, match, sentences)
        mentions = stage.find(in: sentences)
    }

    /// Takes the headline's sentences out of `people` and returns the persons each side names; persons
    /// named in the headline point at its front-matter line, or at nothing.
    mutating func detach(from people: inout People, head: [TokenSentence]) -> [[PersonMention]] {
        guard !sentences.isEmpty else { return [] }
        let title = article(head)
        span = title
        let named = Array(people.mentions.prefix(sentences.count))
        people.mentions.removeFirst(sentences.count)
        for i in people.persons.indices where people.persons[i].spans.contains(Self.placeholder) {
            people.persons[i].spans.removeAll { $0 == Self.placeholder }
            if let title, !people.persons[i].spans.contains(title) { people.persons[i].spans.insert(title, at: 0) }
        }
        return named
    }

    /// The front matter's `title:` line.
    private func article(_ head: [TokenSentence]) -> SourceSpan? {
        head.first { s in
            s.tokens.count > 2 && s.tokens.first?.folded == "title" && s.tokens[s.tokens.startIndex + 1].text == ":"
        }?.span
    }
}
