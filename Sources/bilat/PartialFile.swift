import Foundation

/// A regular file replaced atomically: the new content is written beside it under a temporary name
/// (`.NAME.partial-PID`), flushed to disk, then renamed over it, and the folder flushed, so that the
/// file is the old one or the new one, never a part, even after a crash or a power cut.
struct PartialFile {
    /// The path as the user gave it, for messages.
    let name: String
    /// The file replaced or created: for a symbolic link, the file it points to (the link stays).
    let target: String
    /// Where the new content is written first.
    let temporary: String
    /// The file being replaced, when there is one: its owner and permissions pass to the new file.
    private let existing: stat?

    /// Prepares to replace `path`, which must be a regular file or not exist yet; first removes the
    /// partial files that killed runs left in its folder.
    init(replacing path: String) throws {
        name = path
        target = try Self.followingLinks(path)
        var info = stat()
        if stat(target, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFREG else {
                let kind = info.st_mode & S_IFMT == S_IFDIR ? "a folder" : "not a regular file"
                throw Failure.runtime("\(path) is \(kind); name a file to write")
            }
            existing = info
        } else {
            existing = nil
        }
        let url = URL(fileURLWithPath: target)
        let folder = url.deletingLastPathComponent().path
        temporary = URL(fileURLWithPath: folder).appendingPathComponent(".\(url.lastPathComponent).partial-\(getpid())").path
        StalePartialFiles.remove(in: folder)
    }

    /// Whether the file to replace exists.
    var exists: Bool { existing != nil }

    /// Whether the file to replace is `other` (the same file by device and inode).
    func isSameFile(as other: String) -> Bool {
        var info = stat()
        guard let existing, stat(other, &info) == 0 else { return false }
        return info.st_dev == existing.st_dev && info.st_ino == existing.st_ino
    }

    /// Creates the temporary file, empty, and opens it for writing.
    func create() throws -> FileHandle {
        // A file of this name can only be from an earlier process that had this id: never a live one's.
        unlink(temporary)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else {
            throw Failure.runtime("\(name): cannot write here (\(Self.reason(errno))); check the folder exists and is writable")
        }
        return FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    }

    /// Flushes the temporary file to disk with the replaced file's owner and permissions, renames it
    /// over the target and flushes the folder. With `replacing` false, an existing target (also one
    /// made meanwhile) is left alone and the commit fails.
    func commit(replacing: Bool = true) throws {
        let descriptor = open(temporary, O_WRONLY | O_CLOEXEC | O_NOFOLLOW)
        guard descriptor >= 0 else { throw failure("cannot reopen \(temporary)", errno) }
        defer { close(descriptor) }
        if let existing {
            // Only root or the owner may give the file away; otherwise it stays the writer's.
            _ = fchown(descriptor, existing.st_uid, existing.st_gid)
            _ = fchmod(descriptor, existing.st_mode & 0o777)
        }
        guard fsync(descriptor) == 0 else { throw failure("cannot write", errno) }
        if replacing {
            guard rename(temporary, target) == 0 else { throw failure("cannot replace the file", errno) }
        } else {
            try placeWithoutReplacing()
        }
        // The rename is on disk only once the folder is. Some file systems cannot flush a folder
        // (EINVAL); the file is in place either way, so that is no failure of the output.
        let folder = open(URL(fileURLWithPath: target).deletingLastPathComponent().path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folder >= 0 {
            _ = fsync(folder)
            close(folder)
        }
    }

    /// A hard link fails when the target exists, with no window between a check and the rename;
    /// file systems without hard links get the check, then the rename.
    private func placeWithoutReplacing() throws {
        if link(temporary, target) == 0 {
            unlink(temporary)
            return
        }
        let code = errno
        if code == EEXIST || access(target, F_OK) == 0 { throw Failure.runtime("\(name) exists; pass --force to replace it") }
        guard rename(temporary, target) == 0 else { throw failure("cannot write the file (link: \(Self.reason(code)))", errno) }
    }

    /// Removes the temporary file (and a journal SQLite may have made beside it); nothing once committed.
    func discard() {
        unlink(temporary)
        unlink(temporary + "-journal")
    }

    private func failure(_ what: String, _ code: Int32) -> Failure {
        .runtime("\(name): \(what) (\(Self.reason(code)))")
    }

    static func reason(_ code: Int32) -> String { String(cString: strerror(code)) }

    /// `path` with a symbolic link in its last component followed, a dangling one too (its file is the
    /// one to create, as the shell's `>` creates it).
    static func followingLinks(_ path: String) throws -> String {
        var current = path
        for _ in 0..<40 {
            guard let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: current) else {
                return current
            }
            current = URL(fileURLWithPath: destination, relativeTo: URL(fileURLWithPath: current).deletingLastPathComponent())
                .path
        }
        throw Failure.runtime("\(path): too many levels of symbolic links")
    }
}

/// Temporary files of bilat's pattern (`.NAME.partial-PID`, also with SQLite's `-journal`, `-wal` or
/// `-shm` after it) left by a run that was killed or crashed.
enum StalePartialFiles {
    /// Removes those in `folder` whose process is gone; never a live process's, whoever it is.
    static func remove(in folder: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names {
            guard let pid = owner(of: name), pid != getpid() else { continue }
            // ESRCH: no such process. EPERM means a live process of another user: kept.
            if kill(pid, 0) != 0, errno == ESRCH {
                unlink(URL(fileURLWithPath: folder).appendingPathComponent(name).path)
            }
        }
    }

    /// The process id in a name of the pattern, nil for any other name.
    static func owner(of name: String) -> pid_t? {
        guard let match = name.wholeMatch(of: /\..+\.partial-([0-9]{1,10})(?:-journal|-wal|-shm)?/),
              let pid = pid_t(match.1), pid > 0 else { return nil }
        return pid
    }
}
