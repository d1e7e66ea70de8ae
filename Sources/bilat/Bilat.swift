import ArgumentParser

@main
struct Bilat: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bilat",
        abstract: "A knowledge base of bilateral relations between countries, built from news articles.",
        discussion: HelpText.reflow("""
            Examples:
              bilat ingest seeds/articles
              bilat meetings China Canada
              bilat timeline China Canada --format md

            Exit codes: 0 success (an empty result too; forgetting an article not stored too); 1 runtime failure; 64 usage: an option, a value or a word of bilat's own lists (a country, an area, a command) that is wrong; 65 bad input data; 66 not found: a file, a knowledge base, or a meeting, agreement or person that the knowledge base does not hold; 75 database busy (try again); 130 interrupted.

            Shell completion: bilat --generate-completion-script bash|zsh|fish.

            The database is --db PATH, else $BILAT_DB, else ~/.local/share/bilat/bilat.sqlite.
            """),
        version: BilatVersion.current,
        subcommands: [
            Ingest.self,
            Extract.self,
            Meetings.self,
            Timeline.self,
            Export.self,
            Show.self,
            Countries.self,
            Db.self,
            EvalCommand.self,
            Forget.self,
            Officials.self,
            Areas.self,
            Search.self,
            Stats.self,
        ]
    )

    static func main() {
        // Before the option parser sees a file name that looks like an option (see OptionLikeFileNames).
        if let refusal = OptionLikeFileNames.refusal(Array(CommandLine.arguments.dropFirst())) {
            Terminal.error(refusal)
            exit(withError: ExitCode(64))
        }
        if let refusal = CommandNames.refusal(Array(CommandLine.arguments.dropFirst()), root: Bilat.self) {
            Terminal.error(refusal)
            exit(withError: ExitCode(64))
        }
        main(nil)
    }
}
