import ArgumentParser
import BilatExtraction
import BilatModel
import BilatPostgres
import BilatServices
import BilatStorage

extension Bilat {
    struct Ingest: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read articles, extract their facts and store them.",
            discussion: HelpText.reflow("""
                PATH may be a file, a folder (read recursively: .txt, .md, .jsonl and .ndjson files;
                others are skipped and counted) or - for stdin. A .jsonl/.ndjson feed holds one article
                a line: {"id","published","source","url","title","text"}; an id is a non-empty string
                or an integer, and the line's fields win over front matter in its text. Each article
                and all its facts are stored whole or not at all; an article stored before is left
                unchanged.
                From a folder only regular files (and links to them) are read: a FIFO, a device or a
                socket is named and skipped. A pipe named here (bash's <(...)) is read as it comes,
                like stdin; a device is refused. --max-article-bytes holds for every input from its
                first byte, stdin included.
                Put -- before names that start with - (the shell's * may give such names):
                  bilat ingest -- -notes.txt
                In a folder, the files it keeps about itself (README, LICENSE, CHANGELOG, CONTRIBUTING and the like) are
                no news: they are named on stderr and skipped. --include GLOB reads only the files that match,
                --exclude GLOB skips them (a GLOB without / matches the file's name, one with / its path below the
                folder); a file named here is always read.
                A summary goes to stderr. Exit 65 when an input failed, 66 when a path is missing.

                Example:
                  bilat ingest seeds/articles news/2026-01.jsonl --source Xinhua
                  bilat ingest --batch 1 inbox/        (a transaction an article)
                  bilat ingest -- *                    (every file here, whatever its name)
                """)
        )

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "Files, folders or - (stdin).")
        var paths: [String]

        @Option(help: "Publication date (YYYY-MM-DD) for articles whose text gives none.",
                transform: { try DateOption.parse($0) })
        var published: BilatModel.PartialDate?

        @Option(help: "Source name for articles whose text gives none.")
        var source: String?

        @Option(help: "Refuse articles (files, feed lines, stdin) larger than this many bytes.")
        var maxArticleBytes = ArticleFiles.defaultMaxArticleBytes

        @Option(help: ArgumentHelp(
            "Commit this many articles at a time (fewer when they hold 16 MiB of text; default 500 into a file, 25 into PostgreSQL).",
            discussion: HelpText.reflow("""
                Each article is still stored whole or not at all (a savepoint an article inside the \
                batch's transaction); a crash or Ctrl-C loses at most the uncommitted batch, which the \
                same ingest run again stores. 1 is a transaction an article, several times slower \
                into a large database. Articles from stdin are committed as they arrive. Into \
                PostgreSQL, where other ingests may write at once, a batch holds the locks of the \
                meetings it touches until it commits: short batches let writers of the same news \
                interleave.
                """)))
        var batch: Int?

        /// Articles a transaction into PostgreSQL by default: two writers of one news stream went 1.9 times
        /// as fast as one with batches of 25, and no faster with 500 (docs/benchmark.md).
        static let postgresBatchSize = 25

        @Flag(name: .shortAndLong, help: "Print only failures: no progress, no summary.")
        var quiet = false

        @OptionGroup var display: DisplayOptions
        @OptionGroup var folders: FolderOptions

        func validate() throws {
            if let batch, batch < 1 { throw ValidationError("--batch must be at least 1, not \(batch)") }
        }

        func run() throws {
            let defaults = ArticleDefaults(published: published,
                                           source: source)
            try reporting {
                let store = try database.writableKnowledgeStore()
                let reference = try loadReference()
                try database.naming { try store.syncCountries(reference.countries) }
                let ingestor = Ingestor(store: store, extractor: Extractor(reference: reference),
                                        maxArticleBytes: maxArticleBytes,
                                        batchSize: batch ?? (store is PostgresStore ? Self.postgresBatchSize : Ingestor.defaultBatchSize),
                                        selection: folders.selection)
                Interruption.install()
                var progress = IngestProgress(
                    enabled: !quiet && Terminal.stderrIsTerminal,
                    totalFiles: !quiet && Terminal.stderrIsTerminal ? Ingestor.countFiles(in: paths, selection: folders.selection) : 0)
                let summary = ingestor.ingest(paths: paths, defaults: defaults,
                                              shouldStop: Interruption.requested) { event in
                    switch event {
                    case .failed(let message):
                        progress.clear()
                        Terminal.error(message)
                    // Said even with --quiet: what was read or replaced is not what the user may think.
                    case .passedOver(let path, let reason):
                        progress.clear()
                        Terminal.note("\(path): skipped: \(reason)")
                    case .urlChanged(let location, let previousURLs, let url):
                        progress.clear()
                        Terminal.note("\(location): replaces the article stored under the same feed id at "
                                      + previousURLs.joined(separator: ", ") + "; its url is now " + (url ?? "none"))
                    case .undated(let location, let meetings):
                        progress.clear()
                        Terminal.note("\(location): nothing in it gives a date (no published date, dateline year or "
                                      + "full date), so \(meetings == 1 ? "its meeting is" : "its \(meetings) meetings are") "
                                      + "stored undated and earlier meetings it names are left out; if you know when "
                                      + "it was published, ingest it again with --published YYYY-MM-DD")
                    default: break
                    }
                    progress.update(with: event)
                }
                progress.clear()
                if summary.databaseProblem == .corrupt { store.distrust() }
                if !quiet { Terminal.note(IngestSummaryText.render(summary)) }
                if Interruption.requested() {
                    Terminal.note("interrupted: every article listed as new is stored whole; run the same ingest again to finish")
                    throw ExitCode(130)
                }
                if let problem = summary.databaseProblem {
                    Terminal.error("\(database.displayName): \(problem); the ingest stopped, nothing of the unfinished article was kept")
                    throw ExitCode(problem == .busy ? 75 : 1)
                }
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
        if s.undated > 0 { parts.append("\(s.undated) undated") }
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

/// A one-line progress bar on stderr: files done of those counted first, and articles so far
/// (a running count alone for stdin).
struct IngestProgress {
    let enabled: Bool
    let totalFiles: Int
    private var files = 0
    /// Articles read (extracted) and stored (committed): a batch commits 500 at a time, so a count of
    /// stored articles alone would sit at 0 while the first batch is read.
    private var read = 0
    private var stored = 0
    private var shown = false

    init(enabled: Bool, totalFiles: Int) {
        self.enabled = enabled
        self.totalFiles = totalFiles
    }

    mutating func update(with event: IngestEvent) {
        guard enabled else { return }
        let fileEnded: Bool
        switch event {
        case .read:
            read += 1
            fileEnded = false
        case .saved:
            stored += 1
            return
        case .failed:
            return
        case .finishedFile:
            files += 1
            fileEnded = true
        case .skipped, .passedOver, .urlChanged, .undated:
            return
        }
        guard fileEnded || read % 25 == 0 else { return }
        var line = ""
        if totalFiles > 0 {
            let width = 28
            let done = min(width, files * width / max(totalFiles, 1))
            line = "[" + String(repeating: "=", count: done) + String(repeating: " ", count: width - done) + "] "
                + "\(files)/\(totalFiles) files, "
        }
        Terminal.status(line + IngestProgress.counts(read: read, stored: stored))
        shown = true
    }

    /// "1,234 articles read, 1,000 stored".
    static func counts(read: Int, stored: Int) -> String {
        "\(read.formatted()) article\(read == 1 ? "" : "s") read, \(stored.formatted()) stored"
    }

    mutating func clear() {
        if shown { Terminal.status("") }
        shown = false
    }
}
