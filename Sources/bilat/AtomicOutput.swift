import Foundation

/// Writes a command's output to stdout, or to a file that appears only once it is complete
/// (written beside it under a temporary name, then renamed), so a failure leaves no half-written file.
/// `-` is stdout, as for most command-line tools.
enum AtomicOutput {
    static func write(to path: String?, _ body: (_ write: (String) -> Void) throws -> Void) throws {
        guard let path, path != "-" else {
            var buffer = OutputBuffer(handle: .standardOutput)
            try body { buffer.append($0) }
            buffer.flush()
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
        var buffer = OutputBuffer(handle: handle)
        try body { buffer.append($0) }
        buffer.flush()
        try handle.synchronize()
        try handle.close()
        if rename(temporary.path, target.path) != 0 {
            throw Failure.runtime("\(path): cannot replace the file (\(String(cString: strerror(errno))))")
        }
    }
}

/// Collects small writes into 64 KiB chunks.
struct OutputBuffer {
    let handle: FileHandle
    private var bytes: [UInt8] = []

    init(handle: FileHandle) {
        self.handle = handle
        bytes.reserveCapacity(1 << 16)
    }

    mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
        if bytes.count >= 1 << 16 { flush() }
    }

    mutating func flush() {
        guard !bytes.isEmpty else { return }
        handle.write(Data(bytes))
        bytes.removeAll(keepingCapacity: true)
    }
}
