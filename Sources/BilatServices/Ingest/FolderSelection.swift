import Foundation

/// Which files of a folder are read: not the files a folder of articles keeps about itself (README,
/// LICENSE, CHANGELOG and the like, which read as news and would lend their lines to the facts), and,
/// when the user says so, only the files `--include` names and none that `--exclude` names.
///
/// A pattern is a shell glob (`*`, `?`, `[...]`): without a `/` it is matched against the file's name
/// ("*.md", "draft-*"), with one against its path below the folder named on the command line
/// ("2024/*.txt", "drafts/*"; `*` stays within one folder). A file named on the command line itself is
/// always read: these choose among a folder's files only.
public struct FolderSelection: Sendable, Equatable {
    public var include: [String]
    public var exclude: [String]

    public init(include: [String] = [], exclude: [String] = []) {
        self.include = include
        self.exclude = exclude
    }

    public static let standard = FolderSelection()

    /// Names (before the first dot, any case) of the files a project or a folder of data keeps about
    /// itself.
    static let notArticles: Set<String> = [
        "README", "LICENSE", "LICENCE", "COPYING", "NOTICE", "CHANGELOG", "CHANGES", "HISTORY", "NEWS-INDEX",
        "CONTRIBUTING", "CONTRIBUTORS", "AUTHORS", "CODE_OF_CONDUCT", "SECURITY", "SUPPORT", "MAINTAINERS", "TODO",
    ]

    /// Why the file at `relativePath` (below the folder walked) is not read, or nil to read it.
    /// `excluded`: the user's --exclude or --include left it out; else the name is one of `notArticles`.
    enum Verdict: Equatable {
        case read
        case excluded
        case notAnArticle
    }

    func verdict(relativePath: String) -> Verdict {
        let name = (relativePath as NSString).lastPathComponent
        if exclude.contains(where: { Self.matches($0, name: name, path: relativePath) }) { return .excluded }
        if !include.isEmpty {
            // An --include that names the file reads it, whatever its name.
            return include.contains(where: { Self.matches($0, name: name, path: relativePath) }) ? .read : .excluded
        }
        let stem = name.split(separator: ".", maxSplits: 1).first.map(String.init) ?? name
        return Self.notArticles.contains(stem.uppercased()) ? .notAnArticle : .read
    }

    static func matches(_ pattern: String, name: String, path: String) -> Bool {
        pattern.contains("/") ? fnmatch(pattern, path, FNM_PATHNAME) == 0 : fnmatch(pattern, name, 0) == 0
    }
}
