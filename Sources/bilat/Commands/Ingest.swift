import ArgumentParser
import BilatExtraction
import BilatServices
import BilatStorage

extension Bilat {
    struct Ingest: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read articles, extract their facts and store them.",
            discussion: """
                PATH may be a file, a folder (read recursively: .txt, .md, .jsonl and .ndjson files;
                others are skipped and counted) or - for stdin. A .jsonl/.ndjson feed holds one article
                a line: {"id","published","source","url","title","text"}. Each article and all its
                facts are stored in one transaction; an article stored before is left unchanged.
                A summary goes to stderr. Exit 65 when an input failed, 66 when a path is missing.

                Example:
                  bilat ingest seeds/articles news/2026-01.jsonl --source Xinhua
                """
        )

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "Files, folders or - (stdin).")
        var paths: [String]

        @Option(help: "Publication date (YYYY-MM-DD) for articles whose text gives none.")
        var published: String?

        @Option(help: "Source name for articles whose text gives none.")
        var source: String?

        @Flag(name: .shortAndLong, help: "Print only failures, not the summary.")
        var quiet = false

        func run() throws {
            let defaults = ArticleDefaults(published: try parseDateOption(published, name: "--published"),
                                           source: source)
            try reporting {
                let store = try database.openStore()
                let reference = try loadReference()
                try store.syncCountries(reference.countries)
                let ingestor = Ingestor(store: store, extractor: Extractor(reference: reference))
                let summary = ingestor.ingest(paths: paths, defaults: defaults) { event in
                    if case .failed(let message) = event { Terminal.error(message) }
                }
                if !quiet { Terminal.note(IngestSummaryText.render(summary)) }
                if summary.missingInput { throw ExitCode(66) }
                if summary.failed > 0 { throw ExitCode(65) }
            }
        }
    }
}

/// The one-paragraph summary an ingest prints.
enum IngestSummaryText {
    static func render(_ s: IngestSummary) -> String {
        var parts = ["\(s.new) new", "\(s.unchanged) unchanged"]
        if s.replaced > 0 { parts.append("\(s.replaced) replaced") }
        parts.append("\(s.failed) failed")
        if s.skipped > 0 { parts.append("\(s.skipped) skipped") }
        var text = "ingest: " + parts.joined(separator: ", ")
        if s.new + s.replaced > 0 {
            text += "; facts found: \(s.meetings) meetings, \(s.officials) officials, \(s.areas) areas, "
                + "\(s.organizations) organizations, \(s.agreements) agreements, \(s.statements) statements"
        } else if s.unchanged > 0, s.failed == 0 {
            text += " (already in the knowledge base: nothing changed)"
        }
        return text
    }
}
