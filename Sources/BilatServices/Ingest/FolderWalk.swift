import Foundation

/// Walks a folder recursively in name order (so runs are reproducible), telling which files are
/// articles or feeds and which are passed over. Hidden files and folders are not visited.
enum FolderWalk {
    enum Entry {
        case input(URL, InputKind)
        case skipped(URL)
        case unreadable(URL, String)
    }

    static func visit(_ folder: URL, shouldStop: () -> Bool = { false }, _ body: (Entry) -> Void) {
        let entries: [URL]
        do {
            entries = try FileManager.default.contentsOfDirectory(
                at: folder, includingPropertiesForKeys: [.isDirectoryKey], options: [.skipsHiddenFiles]
            ).sorted { $0.lastPathComponent < $1.lastPathComponent }
        } catch {
            body(.unreadable(folder, error.localizedDescription))
            return
        }
        for entry in entries where !shouldStop() {
            if (try? entry.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true {
                visit(entry, shouldStop: shouldStop, body)
            } else if let kind = InputKind.forFolderEntry(entry) {
                body(.input(entry, kind))
            } else {
                body(.skipped(entry))
            }
        }
    }
}
