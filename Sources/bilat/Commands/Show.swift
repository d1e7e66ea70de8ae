import ArgumentParser
import BilatServices
import Foundation

extension Bilat {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show one fact and every sentence it came from.",
            subcommands: [Meeting.self, Official.self, Agreement.self]
        )

        struct Meeting: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "One meeting with its sources: article, sentence and character offsets.",
                discussion: HelpText.reflow("""
                    ID is the number `bilat meetings` lists, or the id timelines and exports give
                    (meeting-1).

                    Examples:
                      bilat show meeting 1
                      bilat show meeting meeting-1
                    """)
            )

            @OptionGroup var database: DatabaseOptions
            @OptionGroup var display: DisplayOptions

            @Argument(help: "The meeting id, as `bilat meetings` (1) or a timeline (meeting-1) gives it.",
                      transform: { try EventID.parse($0, kind: "meeting") })
            var id: Int64

            @OptionGroup var output: DetailFormatOptions

            func run() throws {
                try reporting {
                    guard let detail = try database.knowledge().meeting(id: id) else {
                        throw Failure.missingInput("no meeting \(id); `bilat meetings COUNTRY` lists the ids")
                    }
                    try Terminal.out(MeetingRenderer.render(detail, json: output.isJSON))
                }
            }
        }

        struct Official: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "One official: roles with dates, meetings attended, counterparts met, source sentences.",
                discussion: HelpText.reflow("""
                    NAME is the full name or a part of it ("Xi Jinping", "Xi", "President Xi"); among several
                    people matching a part, the one with the most meetings is shown.

                    Examples:
                      bilat show official "Xi Jinping"
                      bilat show official Modi --json
                    """)
            )

            @OptionGroup var database: DatabaseOptions
            @OptionGroup var display: DisplayOptions

            @Argument(help: "The official's name.")
            var name: String

            @OptionGroup var output: DetailFormatOptions

            func run() throws {
                try reporting {
                    try Terminal.out(KnowledgeRenderer.render(try database.knowledge().officialDetail(name), json: output.isJSON))
                }
            }
        }

        struct Agreement: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "One agreement with its sources: article, sentence and character offsets.",
                discussion: HelpText.reflow("""
                    ID is the number or the id timelines and exports give (agreement-3).

                    Examples:
                      bilat show agreement 3
                      bilat show agreement agreement-3
                    """)
            )

            @OptionGroup var database: DatabaseOptions
            @OptionGroup var display: DisplayOptions

            @Argument(help: "The agreement id, as `bilat timeline` and exports give it (agreement-3, or 3).",
                      transform: { try EventID.parse($0, kind: "agreement") })
            var id: Int64

            @OptionGroup var output: DetailFormatOptions

            func run() throws {
                try reporting {
                    guard let agreement = try database.knowledge().agreement(id: id) else {
                        throw Failure.missingInput("no agreement \(id); `bilat timeline A B` lists agreements with their ids")
                    }
                    try Terminal.out(KnowledgeRenderer.render(agreement, json: output.isJSON))
                }
            }
        }
    }
}

/// The id of a meeting or an agreement as lists print it (12) or as timelines and exports do (meeting-12).
enum EventID {
    static func parse(_ value: String, kind: String) throws -> Int64 {
        let text = value.trimmingCharacters(in: .whitespaces)
        var number = Substring(text)
        if let dash = text.lastIndex(of: "-"), dash > text.startIndex {
            let prefix = text[..<dash].lowercased()
            guard prefix == kind else {
                let other = ["meeting", "agreement"].contains(prefix) ? "; `bilat show \(prefix) \(text)` shows it" : ""
                throw ValidationError("'\(value)' is no \(kind) id\(other)")
            }
            number = text[text.index(after: dash)...]
        }
        guard let id = Int64(number), id >= 0 else {
            throw ValidationError("'\(value)' is no \(kind) id: give its number (12) or its timeline id (\(kind)-12)")
        }
        return id
    }
}
