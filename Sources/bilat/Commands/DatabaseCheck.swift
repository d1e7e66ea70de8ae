import ArgumentParser
import BilatServices
import BilatStorage

extension Bilat {
    /// `bilat db check`: SQLite's checks and the knowledge base's invariants.
    struct DatabaseCheck: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Check the database: integrity, foreign keys and the knowledge base's invariants.",
            discussion: HelpText.reflow("""
                Runs PRAGMA integrity_check (on a damaged file it stops there), PRAGMA foreign_key_check
                and bilat's rules: every meeting has a source and two or more countries, every meeting
                report belongs to a meeting of its bucket, no official, organization or agreement is
                left without an article, dates agree with their precision, and the full-text index
                holds the words of the sentences' text. Prints each problem; exit 0 when clean, 1 when
                any problem is found. It only reads, one snapshot of the file: ingests go on meanwhile.
                On PostgreSQL (--db postgres://...), bilat's rules and the search words against the text
                (the server keeps keys and foreign keys itself).

                Example:
                  bilat db check --db kb.sqlite
                """)
        )

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var display: DisplayOptions

        func run() throws {
            try reporting {
                if let url = try database.postgresURL() {
                    let problems = try database.postgresStore(url).integrityProblems()
                    if problems.isEmpty { return try Terminal.out("ok: no problems found in \(url)\n") }
                    try Terminal.out(problems.map { $0.description + "\n" }.joined())
                    throw Failure.runtime("\(problems.count) problem(s) found in \(url)")
                }
                let path = database.path
                let problems: [IntegrityProblem]
                do {
                    problems = try database.queryStore().integrityProblems()
                } catch let failure as DatabaseFailure where failure.problem == .corrupt {
                    throw Failure.runtime("\(path) is damaged: SQLite cannot read its schema (the file is damaged "
                                          + "or not a bilat database). \(DatabaseProblem.wayOut(path, listing: false))")
                } catch let error where StorageError.databaseProblem(error) == .corrupt {
                    throw Failure.runtime("\(path) is damaged: \(StorageError.sqliteMessage(error)). "
                                          + DatabaseProblem.wayOut(path, listing: false))
                } catch let error where StorageError.databaseProblem(error) != nil {
                    throw DatabaseFailure(path: path, problem: StorageError.databaseProblem(error)!)
                }
                if problems.isEmpty {
                    try Terminal.out("ok: no problems found in \(path)\n")
                    return
                }
                try Terminal.out(problems.map { $0.description + "\n" }.joined())
                if problems.contains(where: { $0.check == "integrity-check" }) {
                    throw Failure.runtime("\(path) is damaged: PRAGMA integrity_check found the problems listed above ("
                                          + StorageError.summary(of: problems.map(\.detail), first: 1) + "). "
                                          + DatabaseProblem.wayOut(path, listing: false))
                }
                throw Failure.runtime("\(problems.count) problem(s) found in \(path)")
            }
        }
    }
}
