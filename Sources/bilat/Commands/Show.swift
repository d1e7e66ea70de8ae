import ArgumentParser
import BilatServices

extension Bilat {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show one fact and every sentence it came from.",
            subcommands: [Meeting.self]
        )

        struct Meeting: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "One meeting with its sources: article, sentence and character offsets.",
                discussion: """
                    Example:
                      bilat show meeting 1
                    """
            )

            @OptionGroup var database: DatabaseOptions
            @OptionGroup var display: DisplayOptions

            @Argument(help: "The meeting id, as `bilat meetings` lists it.")
            var id: Int64

            @Flag(help: "JSON output.")
            var json = false

            func run() throws {
                try reporting {
                    guard let detail = try database.relations().meeting(id: id) else {
                        throw Failure.runtime("no meeting \(id); `bilat meetings COUNTRY` lists the ids")
                    }
                    Terminal.out(MeetingRenderer.render(detail, json: json))
                }
            }
        }
    }
}
