import Foundation

/// What a path is, told by `stat`/`lstat` before anything opens it: opening a FIFO blocks until a
/// writer comes, and a device such as /dev/zero never ends, so neither is opened by mistake.
enum FileType: Equatable {
    case regular, directory, fifo, characterDevice, blockDevice, socket, symbolicLink, other

    init(mode: mode_t) {
        switch mode & S_IFMT {
        case S_IFREG: self = .regular
        case S_IFDIR: self = .directory
        case S_IFIFO: self = .fifo
        case S_IFCHR: self = .characterDevice
        case S_IFBLK: self = .blockDevice
        case S_IFSOCK: self = .socket
        case S_IFLNK: self = .symbolicLink
        default: self = .other
        }
    }

    /// In words, for messages ("a named pipe (FIFO)").
    var description: String {
        switch self {
        case .regular: "a regular file"
        case .directory: "a folder"
        case .fifo: "a named pipe (FIFO)"
        case .characterDevice: "a character device"
        case .blockDevice: "a block device"
        case .socket: "a socket"
        case .symbolicLink: "a symbolic link"
        case .other: "not a regular file"
        }
    }
}

/// Why a path could not be looked at or opened, in plain words.
struct PathProblem: Error {
    let error: InputError
    /// The path, or what a link points to, does not exist (exit 66 when named on the command line).
    let missing: Bool
}

enum FileStatus {
    /// The type of what `path` names, links followed (`stat`); or why not.
    static func type(of path: String) -> Result<FileType, PathProblem> {
        var status = stat()
        guard stat(path, &status) == 0 else { return .failure(problem(errno: errno, path: path)) }
        return .success(FileType(mode: status.st_mode))
    }

    /// The type of the entry itself, a link not followed (`lstat`); nil when it cannot be told.
    static func entryType(of path: String) -> FileType? {
        var status = stat()
        return lstat(path, &status) == 0 ? FileType(mode: status.st_mode) : nil
    }

    /// `errno` after a failed stat or open of `path`, in plain words: a dangling link is a "broken
    /// symbolic link" naming its target, never Foundation's `Code=256 "(null)"`.
    static func problem(errno code: Int32, path: String) -> PathProblem {
        func unreadable(_ reason: String, missing: Bool = false) -> PathProblem {
            PathProblem(error: .unreadable(path, reason), missing: missing)
        }
        switch code {
        case ENOENT:
            guard entryType(of: path) == .symbolicLink else { return PathProblem(error: .missing(path), missing: true) }
            let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)).map { " to \($0)" } ?? ""
            return unreadable("broken symbolic link\(target): what it points to does not exist", missing: true)
        case ELOOP: return unreadable("too many levels of symbolic links: a link that leads back to itself")
        case EACCES, EPERM: return unreadable("permission denied")
        case ENOTDIR: return PathProblem(error: .missing(path), missing: true)
        default: return unreadable(words(errno: code))
        }
    }

    /// `strerror`'s text, as a clause: "permission denied", "input/output error".
    static func words(errno code: Int32) -> String {
        if code == EISDIR { return "a folder, not a file" }
        let text = String(cString: strerror(code))
        return text.prefix(1).lowercased() + text.dropFirst()
    }
}
