import ArgumentParser
import BilatServices
import BilatStorage

extension Bilat {
    /// `bilat db check`: SQLite's checks and the knowledge base's invariants.
    struct DatabaseCheck: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Check the database: integrity, foreign keys and the knowledge base's invariants.",
            discussion: """
                Runs PRAGMA integrity_check, PRAGMA foreign_key_check, the full-text index's own check,
                and bilat's rules: every meeting has a source and two or more countries, every meeting
                report belongs to a meeting of its bucket, no official, organization or agreement is
                left without an article, dates agree with their precision. Prints each problem;
                exit 0 when clean, 1 when any problem is found.

                Example:
                  bilat db check --db kb.sqlite
                """
        )

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var display: DisplayOptions

        func run() throws {
            try reporting {
                let problems = try database.openStore().integrityProblems()
                if problems.isEmpty {
                    try Terminal.out("ok: no problems found in \(database.path)\n")
                    return
                }
                try Terminal.out(problems.map { $0.description + "\n" }.joined())
                throw Failure.runtime("\(problems.count) problem(s) found in \(database.path)")
            }
        }
    }
}
