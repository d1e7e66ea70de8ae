import BilatExtraction
import BilatModel
import BilatStorage
import Foundation

/// Counts of what an ingest stored.
public struct IngestSummary: Sendable, Equatable {
    public var new = 0
    public var unchanged = 0
    public var replaced = 0
    public var failed = 0
    /// Files inside folders that are not articles or feeds.
    public var skipped = 0
    public var meetings = 0
    public var officials = 0
    public var areas = 0
    public var organizations = 0
    public var agreements = 0
    public var statements = 0
    /// True when a named path did not exist.
    public var missingInput = false

    public init() {}

    mutating func count(_ facts: ArticleFacts) {
        meetings += facts.meetings.count
        officials += facts.officials.count
        areas += facts.areas.count
        organizations += facts.organizations.count
        agreements += facts.agreements.count
        statements += facts.statements.count
    }
}

/// One thing that happened during an ingest, for progress and diagnostics.
public enum IngestEvent: Sendable {
    /// An article was saved; `location` names the file (and line, for feeds).
    case saved(location: String, outcome: SaveOutcome)
    /// An input or article failed; the message names the file (and line) and the reason.
    case failed(message: String)
    /// A file inside a folder was passed over.
    case skipped(path: String)
    /// A file (or stdin) has been read to its end.
    case finishedFile(path: String)
}

/// Reads articles from files, folders, feeds and stdin, extracts their facts and stores each article
/// with its facts in one transaction; a bad input is reported and the others still go in.
public struct Ingestor: Sendable {
    private let store: any ArticleStore
    private let extractor: Extractor

    public init(store: any ArticleStore, extractor: Extractor) {
        self.store = store
        self.extractor = extractor
    }

    /// Ingests every path (`-` is stdin) with `defaults` for what the texts lack.
    public func ingest(paths: [String], defaults: ArticleDefaults = ArticleDefaults(),
                       report: (IngestEvent) -> Void = { _ in }) -> IngestSummary {
        var summary = IngestSummary()
        for path in paths {
            if path == "-" {
                ingestFile(name: "-", kind: .article, defaults: defaults, summary: &summary, report: report)
                continue
            }
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                summary.failed += 1
                summary.missingInput = true
                report(.failed(message: InputError.missing(path).description))
                continue
            }
            if isFolder.boolValue {
                ingestFolder(URL(fileURLWithPath: path), defaults: defaults, summary: &summary, report: report)
            } else {
                ingestFile(name: path, kind: InputKind.forNamedFile(URL(fileURLWithPath: path)), defaults: defaults,
                           summary: &summary, report: report)
            }
        }
        return summary
    }

    /// Walks a folder recursively in name order, so that runs are reproducible.
    private func ingestFolder(_ folder: URL, defaults: ArticleDefaults, summary: inout IngestSummary,
                              report: (IngestEvent) -> Void) {
        let entries: [URL]
        do {
            entries = try FileManager.default.contentsOfDirectory(
                at: folder, includingPropertiesForKeys: [.isDirectoryKey], options: [.skipsHiddenFiles]
            ).sorted { $0.lastPathComponent < $1.lastPathComponent }
        } catch {
            summary.failed += 1
            report(.failed(message: InputError.unreadable(folder.path, "\(error.localizedDescription)").description))
            return
        }
        for entry in entries {
            if (try? entry.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true {
                ingestFolder(entry, defaults: defaults, summary: &summary, report: report)
            } else if let kind = InputKind.forFolderEntry(entry) {
                ingestFile(name: entry.path, kind: kind, defaults: defaults, summary: &summary, report: report)
            } else {
                summary.skipped += 1
                report(.skipped(path: entry.path))
            }
        }
    }

    private func ingestFile(name: String, kind: InputKind, defaults: ArticleDefaults,
                            summary: inout IngestSummary, report: (IngestEvent) -> Void) {
        ArticleFiles.visit(path: name, kind: kind, defaults: defaults) { input in
            switch input {
            case .article(let article, let location):
                store(article, location: location, summary: &summary, report: report)
            case .failure(let message):
                summary.failed += 1
                report(.failed(message: message))
            }
        }
        report(.finishedFile(path: name))
    }

    /// How many files an ingest of `paths` will read (folders walked as the ingest walks them; stdin
    /// not counted), so that progress can show a fraction.
    public static func countFiles(in paths: [String]) -> Int {
        var count = 0
        func walk(_ folder: URL) {
            let entries = (try? FileManager.default.contentsOfDirectory(
                at: folder, includingPropertiesForKeys: [.isDirectoryKey], options: [.skipsHiddenFiles])) ?? []
            for entry in entries {
                if (try? entry.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true {
                    walk(entry)
                } else if InputKind.forFolderEntry(entry) != nil {
                    count += 1
                }
            }
        }
        for path in paths where path != "-" {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { continue }
            if isFolder.boolValue { walk(URL(fileURLWithPath: path)) } else { count += 1 }
        }
        return count
    }

    private func store(_ article: Article, location: String, summary: inout IngestSummary,
                       report: (IngestEvent) -> Void) {
        let facts = extractor.extract(article)
        do {
            let outcome = try store.save(article, facts: facts)
            switch outcome {
            case .inserted: summary.new += 1
            case .unchanged: summary.unchanged += 1
            case .replaced: summary.replaced += 1
            }
            if outcome != .unchanged { summary.count(facts) }
            report(.saved(location: location, outcome: outcome))
        } catch {
            fail(error, location: location, summary: &summary, report: report)
        }
    }

    private func fail(_ error: any Error, location: String, summary: inout IngestSummary,
                      report: (IngestEvent) -> Void) {
        summary.failed += 1
        report(.failed(message: ArticleFiles.message(error, location: location)))
    }
}
