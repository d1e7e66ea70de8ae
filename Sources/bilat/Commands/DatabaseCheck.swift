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
                Runs PRAGMA integrity_check (on a damaged file it stops there), PRAGMA foreign_key_check
                and bilat's rules: every meeting has a source and two or more countries, every meeting
                report belongs to a meeting of its bucket, no official, organization or agreement is
                left without an article, dates agree with their precision, and the full-text index
                holds the words of the sentences' text. Prints each problem; exit 0 when clean, 1 when
                any problem is found. It only reads, one snapshot of the file: ingests go on meanwhile.

                Example:
                  bilat db check --db kb.sqlite
                """
        )

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var display: DisplayOptions

        func run() throws {
            try reporting {
                let problems = try database.queryStore().integrityProblems()
                if problems.isEmpty {
                    Terminal.out("ok: no problems found in \(database.path)\n")
                    return
                }
                Terminal.out(problems.map { $0.description + "\n" }.joined())
                throw Failure.runtime("\(problems.count) problem(s) found in \(database.path)")
            }
        }
    }
}
