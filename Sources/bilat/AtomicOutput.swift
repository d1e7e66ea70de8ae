import Foundation

/// Writes a command's output to stdout, or to `-o FILE`. A regular file (or a symbolic link's target,
/// the link kept) appears only once complete, with the replaced file's permissions (``PartialFile``);
/// anything else (a FIFO, a device such as /dev/null, /dev/stdout) is written through, never replaced.
/// `-` is stdout, as for most command-line tools.
enum AtomicOutput {
    /// `database`: the knowledge base the output is made from, which `-o` may never name (replacing it,
    /// or its `-wal`, with an export would lose it).
    static func write(to path: String?, sparing database: String? = nil, _ body: (OutputSink) throws -> Void) throws {
        guard let path, path != "-" else {
            return try write(through: .standardOutput, name: "stdout", body)
        }
        if let database, [database, database + "-wal", database + "-shm"].contains(where: { sameFile(path, $0) }) {
            throw Failure.runtime("\(path) is the database itself; write the output to another file")
        }
        var info = stat()
        if stat(path, &info) == 0, info.st_mode & S_IFMT != S_IFREG || isStandardOutput(info) {
            return try write(through: try openThrough(path, info), name: path, body)
        }
        let file = try PartialFile(replacing: path)
        defer { file.discard() }
        let handle = try file.create()
        try write(through: handle, name: path, body)
        do {
            try handle.close()
        } catch {
            throw Failure.runtime("\(path): cannot write (\(OutputWrite.posixCode(error).map(PartialFile.reason) ?? "\(error)"))")
        }
        try file.commit()
    }

    private static func write(through handle: FileHandle, name: String, _ body: (OutputSink) throws -> Void) throws {
        let sink = OutputSink(handle: handle, name: name)
        try body(sink)
        try sink.finish()
    }

    /// Both paths exist and name one file (links followed).
    private static func sameFile(_ one: String, _ other: String) -> Bool {
        var a = stat(), b = stat()
        return stat(one, &a) == 0 && stat(other, &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino
    }

    /// The file stdout already writes to (`-o /dev/stdout`, or a redirection to the same file): written
    /// through stdout itself, which keeps an append (`>>`) an append.
    private static func isStandardOutput(_ info: stat) -> Bool {
        var out = stat()
        return fstat(STDOUT_FILENO, &out) == 0 && out.st_dev == info.st_dev && out.st_ino == info.st_ino
    }

    /// Opens what is not a regular file to write through it: a FIFO (waiting for its reader, as a
    /// shell's `>` does) or a character device; a folder, block device or socket is refused.
    private static func openThrough(_ path: String, _ info: stat) throws -> FileHandle {
        if isStandardOutput(info) { return .standardOutput }
        switch info.st_mode & S_IFMT {
        case S_IFIFO, S_IFCHR: break
        case S_IFDIR: throw Failure.runtime("\(path) is a folder; name a file to write")
        default: throw Failure.runtime("\(path) is neither a regular file, a FIFO nor a character device; name a file to write")
        }
        let descriptor = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC)
        guard descriptor >= 0 else { throw Failure.runtime("\(path): cannot write (\(PartialFile.reason(errno)))") }
        return FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    }
}

/// A command's output, collected into 64 KiB writes. A write that fails is kept: later text is dropped,
/// and ``check()`` (for producers that can stop early) and the end of the command throw it.
final class OutputSink {
    private let handle: FileHandle
    private let name: String
    private var bytes: [UInt8] = []
    private var failure: (any Error)?

    init(handle: FileHandle, name: String) {
        self.handle = handle
        self.name = name
        bytes.reserveCapacity(1 << 16)
    }

    func write(_ text: String) {
        guard failure == nil else { return }
        bytes.append(contentsOf: text.utf8)
        if bytes.count >= 1 << 16 { flush() }
    }

    /// Throws the failure of an earlier write, if any.
    func check() throws {
        if let failure { throw failure }
    }

    /// Writes what is left; throws the first failure.
    func finish() throws {
        flush()
        try check()
    }

    private func flush() {
        guard !bytes.isEmpty, failure == nil else { return }
        do {
            try OutputWrite.write(Data(bytes), to: handle, name: name)
        } catch {
            failure = error
        }
        bytes.removeAll(keepingCapacity: true)
    }
}
