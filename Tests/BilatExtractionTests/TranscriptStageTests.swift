import BilatModel
import Testing
@testable import BilatExtraction

/// A transcript's stage lines: the room or town above the clock time is where the day's encounter was.
@Suite struct TranscriptStageTests {
    let gazetteer: Gazetteer

    init() throws {
        gazetteer = Gazetteer(try ReferenceData.bundled())
    }

    func place(_ body: String) -> String? {
        let tokens = Tokenizer.tokenize(body)
        let sentences = SentenceSplitter(abbreviations: []).split(tokens, text: body)
        return TranscriptStage.place(sentences, gazetteer: gazetteer)
    }

    func isClockTime(_ line: String) -> Bool {
        TranscriptStage.isClockTime(Tokenizer.tokenize(line)[...])
    }

    @Test func readsClockTimes() {
        for line in ["4:16 P.M. EST", "11:26 A.M. EDT", "9:05 pm", "5:41 P.M. WITA"] { #expect(isClockTime(line), "\(line)") }
        for line in ["Oval Office", "4:16", "The meeting began at 4:16 P.M. EST", "2024: a year"] { #expect(!isClockTime(line), "\(line)") }
    }

    @Test func aVenueOrATownBeforeACountryIsThePlace() {
        #expect(place("Oval Office\n\n10:42 A.M. EDT\n\nPRESIDENT BIDEN: Welcome.\n") == "Washington")
        #expect(place("State Guest House, Nairobi, Kenya\n\n3:10 P.M. EAT\n\nPRESIDENT RUTO: Welcome.\n") == "Nairobi")
        #expect(place("Grand Harbour Hotel Mombasa, Kenya\n\n3:10 P.M. EAT\n\nPRESIDENT RUTO: Welcome.\n") == "Mombasa")
    }

    @Test func aRoomOfNoKnownCityOrProseIsNoPlace() {
        #expect(place("Main Conference Room\n\n10:42 A.M. EDT\n\nMODERATOR: Good morning.\n") == nil)
        #expect(place("President Ruto met President Macron in Paris, France, on Tuesday.\n\n10:42 A.M. EDT\n") == nil)
        #expect(place("Oval Office\n\nPRESIDENT BIDEN: Welcome.\n") == nil)
    }
}
