import BilatModel
import Testing
@testable import BilatExtraction

/// A transcript's heading: the room or town on the line above the time it began is where the day's
/// encounter was (`ArticlePlace.heading`, which the extractor takes as the article's dateline when it
/// has none).
@Suite struct TranscriptHeadingTests {
    let gazetteer: Gazetteer

    init() throws {
        gazetteer = Gazetteer(try ReferenceData.bundled())
    }

    func place(_ body: String) throws -> String? {
        ArticlePlace(gazetteer: gazetteer).heading(of: try ArticleReader.read(text: "---\ntitle: Remarks\npublished: 2024-05-23\n---\n" + body))
    }

    @Test func readsClockTimesAndDates() {
        for line in ["4:16 P.M. EST", "11:26 A.M. EDT", "9:05 pm", "5:41 P.M. WITA", "March 12, 2024"] {
            #expect(ArticlePlace.givesTimeOrDate(Substring(line), lexicon: gazetteer.calendarWords), "\(line)")
        }
        for line in ["Oval Office", "The meeting began at 4:16 P.M. EST", "2024: a year"] {
            #expect(!ArticlePlace.givesTimeOrDate(Substring(line), lexicon: gazetteer.calendarWords), "\(line)")
        }
    }

    @Test func aVenueOrATownBeforeACountryIsThePlace() throws {
        #expect(try place("Oval Office\n\n10:42 A.M. EDT\n\nPRESIDENT BIDEN: Welcome.\n") == "Washington")
        #expect(try place("State Guest House, Nairobi, Kenya\n\n3:10 P.M. EAT\n\nPRESIDENT RUTO: Welcome.\n") == "Nairobi")
        #expect(try place("Grand Harbour Hotel Mombasa, Kenya\n\n3:10 P.M. EAT\n\nPRESIDENT RUTO: Welcome.\n") == "Mombasa")
    }

    @Test func aRoomOfNoKnownCityOrProseIsNoPlace() throws {
        #expect(try place("Main Conference Room\n\n10:42 A.M. EDT\n\nMODERATOR: Good morning.\n") == nil)
        #expect(try place("President Ruto met President Macron in Paris, France, on Tuesday.\n\n10:42 A.M. EDT\n") == nil)
        #expect(try place("Oval Office\n\nPRESIDENT BIDEN: Welcome.\n") == nil)
    }
}
