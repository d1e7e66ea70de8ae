import BilatModel

/// The cooperation areas of each meeting: those named in the sentences that report it, and in the
/// sentences after them that go on about the same encounter. A sentence goes on about it when it
/// opens with a word of the group (`meeting_cues.tsv`, class group: "The two leaders discussed trade",
/// "Both sides ..."); for the article's main encounter (its first, the one a readout is about) also when
/// it opens with "he"/"she" or names one of the meeting's participants as its subject ("Prime Minister
/// Carney said ...", "Outlining China's approach, Xi proposed ..."), and when it stands in the same
/// paragraph as a sentence that goes on about it. An encounter of another day that the article only
/// refers to takes no sentence after its own. An area named elsewhere in the article (its
/// background, another meeting) is the article's, not this meeting's.
enum MeetingAreas {
    /// How many tokens into a sentence its group word may stand ("On trade, the two leaders ...").
    static let groupWithin = 4
    /// How many tokens into a sentence a participant may be named as its subject.
    static let subjectWithin = 10

    static func attach(_ meetings: inout [Meeting], mentions: [SentenceMentions], people: People,
                       cues: PhraseMatcher<MeetingCueEntry>) {
        guard !meetings.isEmpty, mentions.contains(where: { !$0.areas.isEmpty }) else { return }
        var sentenceAt: [Int: Int] = [:]
        for (n, m) in mentions.enumerated() { sentenceAt[m.sentence.span.start] = n }
        var opensWithGroup: [Int: Bool] = [:]
        func groupOpens(_ n: Int) -> Bool {
            if let known = opensWithGroup[n] { return known }
            let tokens = mentions[n].sentence.tokens
            let found = cues.matches(in: tokens.prefix(groupWithin + 3)).contains { match in
                match.range.lowerBound < tokens.startIndex + groupWithin && match.payloads.contains { $0.cue == .group }
            }
            opensWithGroup[n] = found
            return found
        }
        func subjectIsParticipant(_ n: Int, _ participants: Set<String>) -> Bool {
            let tokens = mentions[n].sentence.tokens
            // "He stressed ...", "First, he said ...": the participant the discourse is about.
            if tokens.prefix(groupWithin).contains(where: { $0.word == .he || $0.word == .she }) { return true }
            guard n < people.mentions.count, let subject = people.mentions[n].first,
                  subject.range.lowerBound < tokens.startIndex + subjectWithin else { return false }
            return participants.contains(people.persons[subject.person].name)
        }
        // A sentence whose first token follows no line break goes on the paragraph of the one before it.
        func sameParagraph(_ n: Int) -> Bool {
            mentions[n].sentence.tokens.first.map { !$0.newlineBefore } ?? false
        }
        for i in meetings.indices {
            let participants = i == 0 ? Set(meetings[i].participants) : []
            // An encounter only referred to ("Recalling their first meeting in Vientiane in October 2024, the
            // two leaders ...") takes no sentence after it: what follows is about the article's own encounter.
            let continued = i == 0 || meetings[i].date == meetings[0].date
            var sentences = Set(meetings[i].spans.compactMap { sentenceAt[$0.start] })
            for n in sentences.sorted() {
                var next = n + 1
                while continued, next < mentions.count, !sentences.contains(next),
                      groupOpens(next) || (i == 0 && (sameParagraph(next) || subjectIsParticipant(next, participants))) {
                    sentences.insert(next)
                    next += 1
                }
            }
            var areas: [String] = []
            for n in sentences.sorted() {
                for a in mentions[n].areas where !areas.contains(a.key) { areas.append(a.key) }
            }
            meetings[i].areas = areas.sorted()
        }
    }
}

