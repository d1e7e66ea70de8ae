/// Reads personal names from tokens: runs of capitalized words with particles ("da", "von der",
/// "bin"), hyphenated parts, regnal numbers and "Jr."; honorifics before a name are skipped.
struct NameReader: Sendable {
    let particles: WordSet
    let patronymics: WordSet
    let honorifics: PhraseMatcher<Bool>
    /// Words that end a name run: months, weekdays, role words.
    let stopWords: WordSet

    init(lexicon: Lexicon) {
        particles = WordSet(lexicon.nameParticles)
        patronymics = WordSet(lexicon.patronymicParticles)
        var h = PhraseMatcher<Bool>()
        for word in lexicon.honorifics { h.add(word, true) }
        honorifics = h
        var stop = Set(lexicon.months.keys).union(lexicon.weekdays.keys)
        for title in lexicon.roles.keys where !title.contains(" ") { stop.insert(title) }
        for w in lexicon.wordLists.words(.nameStops) { stop.insert(w) }
        stopWords = WordSet(stop)
    }

    /// The index after any honorifics starting at `i` ("H.E. Mr.", "His Majesty", "Shri").
    func skipHonorifics(_ tokens: ArraySlice<Token>, from i: Int) -> Int {
        var j = i
        while j < tokens.endIndex, let m = honorifics.longestMatch(in: tokens, at: j) {
            j = m.range.upperBound
            if j < tokens.endIndex, tokens[j].text == ".", !tokens[j].spaceBefore { j += 1 }
        }
        return j
    }

    /// False where `run` finds no name: at a token that is no word, or a word neither capitalized nor a
    /// particle. Asked first at every token of a sentence, field by field (a copy of a token retains its
    /// strings).
    @inline(__always)
    func mayStartRun(_ tokens: ArraySlice<Token>, at i: Int) -> Bool {
        tokens[i].kind == .word && (tokens[i].isCapitalized || particles.contains(tokens[i]))
    }

    /// The name run starting exactly at `i`, as token indices, or nil.
    func run(_ tokens: ArraySlice<Token>, at i: Int, isCountry: (Int) -> Bool) -> Range<Int>? {
        var j = i
        var last = i
        while j < tokens.endIndex {
            // The part's fields are read in place: a copy of a token retains and releases its strings.
            let part = j
            let glued = j + 1 < tokens.endIndex && tokens[j + 1].word == .hyphen && !tokens[j + 1].spaceBefore
            if tokens[part].kind == .word, tokens[part].isCapitalized, !stopWords.contains(tokens[part]) || (j > i && glued) {
                if isCountry(j) && j == i { return nil }
                if isCountry(j) { break }
                j += 1
                last = j
                // "Jr." keeps its period.
                if tokens[part].word == .jr, j < tokens.endIndex, tokens[j].text == "." { j += 1; last = j; break }
                // A glued hyphen joins parts: "Amir-Abdollahian", "Jae-myung", "al-Sisi", "Chan-o-cha".
                while j + 1 < tokens.endIndex, tokens[j].word == .hyphen, !tokens[j].spaceBefore, !tokens[j + 1].spaceBefore,
                   tokens[j + 1].kind == .word {
                    j += 2
                    last = j
                }
                // An initial: "Donald J. Trump".
                if j + 1 < tokens.endIndex, tokens[j].text == ".", !tokens[j].spaceBefore, Self.isOneCharacter(tokens[part]) { j += 1 }
                continue
            }
            if tokens[part].kind == .word, particles.contains(tokens[part]), j > i, j + 1 < tokens.endIndex {
                // A particle must lead on to another capitalized part (or a glued "al-Sisi").
                var k = j + 1
                while k < tokens.endIndex, particles.contains(tokens[k]), !tokens[k].isCapitalized { k += 1 }
                if k < tokens.endIndex, tokens[k].isCapitalized, tokens[k].kind == .word, !isCountry(k) { j = k; continue }
                if k + 1 < tokens.endIndex, tokens[k].word == .hyphen, !tokens[k].spaceBefore { j = k + 1; last = j + 1; continue }
            }
            if tokens[part].kind == .word, particles.contains(tokens[part]), j == i, j + 2 < tokens.endIndex, tokens[j + 1].word == .hyphen,
               !tokens[j + 1].spaceBefore {
                j += 2
                continue
            }
            break
        }
        return last > i ? i..<last : nil
    }

    /// The canonical form of a name run: initials dropped, a capitalized family name written first
    /// ("ISHIBA Shigeru") moved to the usual English order.
    /// The parts are written straight into one string, a space between (an array of parts and its
    /// `joined` cost more than the rest of the reading), and the tokens' fields read in place (a copy of a
    /// token retains its strings). No token's text holds a space, so the parts are the string split at
    /// its spaces when the family-name check needs them.
    func canonicalName(_ tokens: ArraySlice<Token>, _ range: Range<Int>) -> String {
        var name = ""
        // The number of parts, and the byte length of the first once a second follows.
        var count = 0, firstLength = 0
        func add(_ part: String) {
            if count == 1 { firstLength = name.utf8.count }
            if count > 0 { name += " " }
            name += part
            count += 1
        }
        var i = range.lowerBound
        while i < range.upperBound {
            if tokens[i].text == "." { i += 1; continue }
            if tokens[i].kind == .word, Self.isOneCharacter(tokens[i]), tokens[i].isCapitalized, i + 1 < range.upperBound,
               tokens[i + 1].text == "." {
                i += 2
                continue
            }
            if tokens[i].word == .hyphen, !tokens[i].spaceBefore, count > 0 {
                // Glued to the last part, which ends the string.
                name += tokens[i].text
                if i + 1 < range.upperBound { name += tokens[i + 1].text; i += 2; continue }
            } else if tokens[i].word == .jr {
                add("Jr.")
            } else {
                add(tokens[i].text)
            }
            i += 1
        }
        // A regnal number comes last ("Charles III"), so a first part like "XI" is a family name.
        if count >= 2, isShouted(String(decoding: name.utf8.prefix(firstLength), as: UTF8.self), regnal: false) {
            var parts = TextFolding.words(name).map(String.init)
            if !parts[1...].contains(where: { isShouted($0) }) {
                let family = parts.removeFirst()
                parts.append(family.prefix(1) + family.dropFirst().lowercased())
                return parts.joined(separator: " ")
            }
        }
        return name
    }

    /// `token.text.count == 1`, mostly without counting Characters: one scalar is one Character, and a
    /// text of several ASCII scalars (as many bytes as scalars; a token holds no line break) is as many.
    @inline(__always)
    static func isOneCharacter(_ token: borrowing Token) -> Bool {
        let scalars = token.end - token.start
        if scalars == 1 { return true }
        return token.text.utf8.count != scalars && token.text.count == 1
    }

    /// `token.folded.count > 1`, mostly without counting Characters: the folded form of an ASCII text is
    /// ASCII, as many Characters as bytes.
    @inline(__always)
    static func foldsToSeveralCharacters(_ token: borrowing Token) -> Bool {
        guard token.folded.utf8.count > 1 else { return false }
        return token.text.utf8.count == token.end - token.start || token.folded.count > 1
    }

    private func isShouted(_ s: String, regnal: Bool = true) -> Bool {
        // One pass over the letters; an ASCII scalar's properties are read from its value.
        var letters = 0, vowel = false, allUpper = true
        for scalar in s.unicodeScalars {
            let v = scalar.value
            let isUpper = v >= 0x41 && v <= 0x5A
            if v < 0x80 ? !(isUpper || (v >= 0x61 && v <= 0x7A)) : !scalar.properties.isAlphabetic { continue }
            letters += 1
            // Two capitals without a vowel are initials ("JD"), not a family name ("XI", "LI").
            if "AEIOUY".unicodeScalars.contains(scalar) { vowel = true }
            if v < 0x80 ? !isUpper : !scalar.properties.isUppercase { allUpper = false }
        }
        return (letters >= 3 || vowel) && letters >= 2 && allUpper && !(regnal && isRoman(s))
    }

    private func isRoman(_ s: String) -> Bool { s.allSatisfy { "IVXL".contains($0) } }

    /// Folded name parts that can refer to the person alone ("xi", "carney", "sisi"). A part after a
    /// patronymic particle names the father, so it is kept with its particle ("bin salman"): "King
    /// Salman" is not "Mohammed bin Salman".
    func keys(of name: String) -> [String] {
        // Read in place, by index: a token copied out of the array is two strings retained and released.
        let tokens = Tokenizer.tokenize(name)
        var keys: [String] = []
        keys.reserveCapacity(tokens.count)
        var father = false
        for k in tokens.indices where tokens[k].kind == .word {
            if patronymics.contains(tokens[k]) { father = true; continue }
            guard Self.foldsToSeveralCharacters(tokens[k]), !particles.contains(tokens[k]), tokens[k].word != .jr else { continue }
            keys.append(father ? "bin " + tokens[k].folded : tokens[k].folded)
            father = false
        }
        return keys
    }
}
