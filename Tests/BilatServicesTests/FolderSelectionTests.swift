import Foundation
import Testing
@testable import BilatServices

/// A folder's own files (README, LICENSE ...) are no articles; --include and --exclude choose the rest.
@Suite struct FolderSelectionTests {
    @Test func aFolderKeepsFilesAboutItselfThatAreNoArticles() {
        let standard = FolderSelection.standard
        for name in ["README.md", "readme.txt", "LICENSE.txt", "CHANGELOG.md", "CONTRIBUTING.md", "sub/README.md"] {
            #expect(standard.verdict(relativePath: name) == .notAnArticle, "\(name)")
        }
        for name in ["2026-01-16-china-canada.txt", "readers-letters.md", "news.jsonl", "license-plates-deal.txt"] {
            #expect(standard.verdict(relativePath: name) == .read, "\(name)")
        }
    }

    @Test func includeAndExcludeMatchNamesOrPathsBelowTheFolder() {
        let drafts = FolderSelection(exclude: ["drafts/*", "*.md"])
        #expect(drafts.verdict(relativePath: "drafts/a.txt") == .excluded)
        #expect(drafts.verdict(relativePath: "drafts/deeper/a.txt") == .read, "* stays within one folder")
        #expect(drafts.verdict(relativePath: "2024/notes.md") == .excluded, "a pattern without / matches the name")
        #expect(drafts.verdict(relativePath: "2024/a.txt") == .read)
        let only = FolderSelection(include: ["2024/*.txt", "README.md"])
        #expect(only.verdict(relativePath: "2024/a.txt") == .read)
        #expect(only.verdict(relativePath: "2025/a.txt") == .excluded)
        #expect(only.verdict(relativePath: "README.md") == .read, "an --include that names it reads it")
        #expect(FolderSelection(include: ["*"], exclude: ["a.txt"]).verdict(relativePath: "a.txt") == .excluded)
    }

    @Test func ingestNamesTheSkippedFilesAndStoresOnlyArticles() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let articles = folder.appendingPathComponent("news")
        try FileManager.default.createDirectory(at: articles.appendingPathComponent("drafts"), withIntermediateDirectories: true)
        let seed = try String(contentsOfFile: "seeds/articles/china-canada-2026-01-16.txt", encoding: .utf8)
        try seed.write(to: articles.appendingPathComponent("china-canada.txt"), atomically: true, encoding: .utf8)
        try (seed + "\nA later paragraph.\n").write(to: articles.appendingPathComponent("drafts/draft.txt"), atomically: true, encoding: .utf8)
        try "# News folder\nXi Jinping met Mark Carney in Beijing.\n".write(to: articles.appendingPathComponent("README.md"), atomically: true, encoding: .utf8)
        let db = folder.appendingPathComponent("kb.sqlite").path

        let ingest = try runBilat(["ingest", articles.path, "--exclude", "drafts/*"], database: db)
        #expect(ingest.status == 0, "\(ingest.stderr)")
        #expect(ingest.stderr.contains("README.md: skipped: not an article"), "\(ingest.stderr)")
        #expect(ingest.stderr.contains("1 new"), "\(ingest.stderr)")
        let stats = try runBilat(["stats", "--format", "json"], database: db)
        #expect(stats.stdout.contains("\"articles\":1") || stats.stdout.contains("\"articles\" : 1"), "\(stats.stdout)")

        let readme = try runBilat(["ingest", articles.path, "--include", "README.md"], database: db)
        #expect(readme.status == 0, "\(readme.stderr)")
        #expect(readme.stderr.contains("1 new"), "--include reads the README: \(readme.stderr)")
    }
}
