import Foundation

/// Walks a folder recursively in name order (so runs are reproducible), telling which files are
/// articles or feeds and which are passed over. Hidden files and folders are not visited.
///
/// Only regular files are read, and links that lead to one: a FIFO would block the open until a
/// writer came, a device such as /dev/zero never ends. Those are named (`passedOver`), never opened.
enum FolderWalk {
    enum Entry {
        case input(URL, InputKind)
        case skipped(URL)
        /// An article or feed name that is not a regular file; the text says what it is.
        case passedOver(URL, String)
        /// An article or feed name of a file a folder keeps about itself (README, LICENSE ...).
        case notAnArticle(URL)
        case unreadable(InputError)
    }

    /// `selection` chooses among the files found; `below` is the folder's path relative to the one
    /// named on the command line, for the patterns that name paths.
    static func visit(_ folder: URL, selection: FolderSelection = .standard, below: String = "",
                      shouldStop: () -> Bool = { false }, _ body: (Entry) -> Void) {
        let entries: [URL]
        do {
            // Names taken once, not at each comparison of the sort.
            entries = try FileManager.default.contentsOfDirectory(
                at: folder, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles]
            ).map { ($0.lastPathComponent, $0) }.sorted { $0.0 < $1.0 }.map(\.1)
        } catch {
            body(.unreadable(listingError(folder.path, error)))
            return
        }
        for entry in entries where !shouldStop() {
            // `lstat` directly: Foundation's resource values cost 250,000 instructions a file.
            var status = stat()
            guard lstat(entry.path, &status) == 0 else {
                body(.unreadable(FileStatus.problem(errno: errno, path: entry.path).error))
                continue
            }
            let type = FileType(mode: status.st_mode)
            let relative = below.isEmpty ? entry.lastPathComponent : below + "/" + entry.lastPathComponent
            if type == .directory {
                visit(entry, selection: selection, below: relative, shouldStop: shouldStop, body)
                continue
            }
            guard let kind = InputKind.forFolderEntry(entry) else {
                body(.skipped(entry))
                continue
            }
            switch selection.verdict(relativePath: relative) {
            case .read: break
            case .excluded:
                body(.skipped(entry))
                continue
            case .notAnArticle:
                body(.notAnArticle(entry))
                continue
            }
            switch type {
            case .regular: body(.input(entry, kind))
            case .symbolicLink:
                switch FileStatus.type(of: entry.path) {
                case .success(.regular): body(.input(entry, kind))
                // Links to folders are passed over, never followed: no cycles.
                case .success(.directory): body(.skipped(entry))
                case .success(let target): body(.passedOver(entry, "a symbolic link to \(target.description)"))
                case .failure(let problem): body(.unreadable(problem.error))
                }
            default: body(.passedOver(entry, type.description))
            }
        }
    }

    /// Why a folder could not be listed, from `opendir`'s errno (Foundation's error reads
    /// `Code=257 "(null)"` on Linux).
    private static func listingError(_ path: String, _ error: any Error) -> InputError {
        guard let folder = opendir(path) else { return FileStatus.problem(errno: errno, path: path).error }
        closedir(folder)
        return .unreadable(path, error.localizedDescription)
    }
}
