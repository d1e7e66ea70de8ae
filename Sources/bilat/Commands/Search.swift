import ArgumentParser
import BilatServices
import BilatStorage

extension Bilat {
    struct Search: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Full-text search over the stored sentences and statements, best matches first.",
            discussion: HelpText.reflow("""
                Every word of QUERY must appear: as a whole word when some sentence has it ("Japan" does
                not find "Japanese"), else as the start of a longer one ("Kishid" finds "Kishida"); case
                and accents are ignored. QUERY is plain text: quotes, AND/OR/NOT, NEAR, *, parentheses and other
                punctuation are read as words or ignored, never as search syntax. On a terminal each hit is a
                line naming its article and the sentence under it, cut around the first match, matched words in
                colour ([like this] with --no-color or NO_COLOR); json, csv and ndjson give the whole snippet,
                matched words [like this]; a statement's speakers are listed with its sentence.
                A common word matches hundreds of thousands of sentences: search ranks the \(Self.candidates) most
                recently stored sentences that match (and pass --country, --from and --to), best first; narrow
                with --country, --from or --to to reach older ones.

                Examples:
                  bilat search "border patrolling"
                  bilat search "critical minerals" --country Japan --from 2024
                """)
        )

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var display: DisplayOptions

        @Argument(help: "The words to look for.")
        var query: String

        @Option(name: .customLong("country"), help: "Only articles naming this country (repeat for several).")
        var countries: [String] = []

        /// Publication dates of the articles.
        @OptionGroup var dates: DateRangeOptions

        @Option(parsing: .unconditional, help: "At most this many results.")
        var limit = 20

        @Option(help: "table, json, csv or ndjson (default: table on a terminal, else json).")
        var format: OutputFormat?

        /// ``SQLiteStore/searchCandidateLimit`` as the help writes it: "10,000".
        static var candidates: String {
            let digits = Array(String(SQLiteStore.searchCandidateLimit))
            return digits.enumerated().map { i, digit in
                (i > 0 && (digits.count - i) % 3 == 0 ? "," : "") + String(digit)
            }.joined()
        }

        func validate() throws {
            guard limit >= 1 else { throw ValidationError("--limit takes a count of at least 1, not \(limit)") }
        }

        func run() throws {
            try reporting {
                let hits = try database.knowledge().search(query, countries: countries, from: dates.from, to: dates.to,
                                                           limit: limit)
                let chosen = format ?? (Terminal.stdoutIsTerminal ? .table : .json)
                if hits.isEmpty, chosen == .table {
                    Terminal.note("no sentence matches \"\(query)\"")
                    return
                }
                if chosen == .table {
                    let color = Terminal.colorAllowed(onTerminal: Terminal.stdoutIsTerminal)
                    try Terminal.out(SearchLayout.render(hits, width: Terminal.columns, marking: color ? .color : .brackets))
                } else {
                    try Terminal.out(KnowledgeRenderer.render(hits, as: chosen))
                }
            }
        }
    }
}
