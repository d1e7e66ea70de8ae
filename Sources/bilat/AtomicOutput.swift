import Foundation

/// Writes a command's output to stdout, or to a file that appears only once it is complete
/// (written beside it under a temporary name, then renamed), so a failure leaves no half-written file.
/// `-` is stdout, as for most command-line tools.
enum AtomicOutput {
    static func write(to path: String?, _ body: (OutputSink) throws -> Void) throws {
        guard let path, path != "-" else {
            let sink = OutputSink(handle: .standardOutput, name: "stdout")
            try body(sink)
            try sink.finish()
            return
        }
        let target = URL(fileURLWithPath: path)
        let temporary = target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).partial-\(getpid())")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
            throw Failure.runtime("\(path): cannot write here; check the folder exists and is writable")
        }
        defer { try? FileManager.default.removeItem(at: temporary) }
        let handle = try FileHandle(forWritingTo: temporary)
        let sink = OutputSink(handle: handle, name: path)
        try body(sink)
        try sink.finish()
        do {
            try handle.synchronize()
            try handle.close()
        } catch {
            throw Failure.runtime("\(path): cannot write (\(OutputWrite.posixCode(error).map { String(cString: strerror($0)) } ?? "\(error)"))")
        }
        if rename(temporary.path, target.path) != 0 {
            throw Failure.runtime("\(path): cannot replace the file (\(String(cString: strerror(errno))))")
        }
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
