import BilatModel
import Testing
@testable import BilatExtraction

/// The state meeting assembly passes from sentence to sentence (`MeetingDiscourse`): how mentions of
/// one encounter merge, and which time a sentence's relative dates are read against.
@Suite struct MeetingDiscourseTests {
    let span = SourceSpan(start: 0, end: 10)

    func meeting(_ day: Int?, _ participants: [String], status: MeetingStatus = .held) -> Meeting {
        Meeting(date: day.flatMap { PartialDate(year: 2024, month: 3, day: $0) }, countries: ["FR", "JP"],
                participants: participants, place: nil, mode: .inPerson, status: status, spans: [span])
    }

    @Test func aSecondMentionOfOneEncounterMergesIntoIt() {
        var discourse = MeetingDiscourse()
        discourse.record(meeting(14, ["A"]), members: [0], separate: false, group: false)
        discourse.record(meeting(nil, ["B"]), members: [1], separate: false, group: false)
        #expect(discourse.meetings.count == 1)
        #expect(discourse.meetings.first?.participants == ["A", "B"])
        #expect(discourse.lastMeeting == 0)
    }

    @Test func anEncounterDatedOnlyByPublicationTakesTheDateASentenceGivesWithinThreeDaysBefore() {
        // "Talks between A and B" heading the text, published on the 15th; "On 13 March, A held talks with B".
        var discourse = MeetingDiscourse()
        discourse.record(meeting(15, ["A", "B"]), members: [0, 1], separate: false, group: false, byPublication: true)
        discourse.record(meeting(13, ["A", "B"]), members: [0, 1], separate: false, group: false)
        #expect(discourse.meetings.map { $0.date?.day } == [13])
        // Four days before is another encounter; so is any other date when the first was dated in its text.
        var earlier = MeetingDiscourse()
        earlier.record(meeting(15, ["A", "B"]), members: [0, 1], separate: false, group: false, byPublication: true)
        earlier.record(meeting(11, ["A", "B"]), members: [0, 1], separate: false, group: false)
        #expect(earlier.meetings.count == 2)
        var dated = MeetingDiscourse()
        dated.record(meeting(15, ["A", "B"]), members: [0, 1], separate: false, group: false)
        dated.record(meeting(13, ["A", "B"]), members: [0, 1], separate: false, group: false)
        #expect(dated.meetings.count == 2)
    }

    @Test func twoPairsWithNoOneInCommonAreTwoEncounters() {
        var discourse = MeetingDiscourse()
        discourse.record(meeting(14, ["A", "B"]), members: [0, 1], separate: false, group: false)
        discourse.record(meeting(14, ["C", "D"]), members: [2, 3], separate: false, group: false)
        #expect(discourse.meetings.count == 2)
        #expect(discourse.lastMeeting == 1)
        // The group already met ("the two presidents ... with their delegations") is one encounter.
        discourse.record(meeting(14, ["E", "F"]), members: [4, 5], separate: false, group: true)
        #expect(discourse.meetings.count == 2)
    }

    @Test func theReferenceTimeIsTheLastEncounterElseTheArticles() {
        var discourse = MeetingDiscourse()
        let published = PartialDate(year: 2024, month: 3, day: 15)
        #expect(discourse.referenceDate(published: published) == published)
        discourse.record(meeting(11, ["A"]), members: [0], separate: false, group: false)
        #expect(discourse.referenceDate(published: published) == PartialDate(year: 2024, month: 3, day: 11))
    }

    @Test func anEncounterLastReportedWithoutAPlaceTakesOne() {
        var discourse = MeetingDiscourse()
        discourse.placeLast { "Paris" }
        #expect(discourse.meetings.isEmpty)
        discourse.record(meeting(14, ["A"]), members: [0], separate: false, group: false)
        discourse.placeLast { "Paris" }
        discourse.placeLast { "Lyon" }
        #expect(discourse.meetings.first?.place == "Paris")
    }
}
