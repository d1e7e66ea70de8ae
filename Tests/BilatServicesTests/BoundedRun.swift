import Foundation

/// A run of the built `bilat` that cannot hold the suite: past its deadline it is killed and reported
/// as timed out, so that a regression that hangs (a FIFO's open, an endless input) fails its test.
struct BoundedRun {
    var status: Int32
    var stdout: String
    var stderr: String
    var timedOut: Bool
    /// Bytes of an `.endless` stdin that bilat took before it closed its end (the pipe holds 64 KiB more).
    var bytesWritten: Int
}

/// What a bounded run reads on stdin.
enum BoundedInput {
    /// An empty stdin.
    case none
    case file(String)
    /// `head`, then `byte` repeated until bilat stops reading or `cap` bytes are written.
    case endless(head: [UInt8], byte: UInt8, cap: Int)
}

/// Runs `bilat arguments` (through `wrapper` when given, e.g. setpriv) in `folder` with BILAT_DB set to
/// `database`; `whileRunning` is called once the process started (to signal it, say).
func runBilatBounded(_ arguments: [String], database: String, in folder: URL? = nil, stdin: BoundedInput = .none,
                     timeout: TimeInterval = 30, wrapper: [String] = [],
                     whileRunning: (Process) throws -> Void = { _ in }) throws -> BoundedRun {
    let binary = try DatabaseFileFaultTests.binary()
    let process = Process()
    let command = wrapper + [binary] + arguments
    process.executableURL = URL(fileURLWithPath: command[0])
    process.arguments = Array(command.dropFirst())
    process.currentDirectoryURL = folder ?? repositoryRoot
    var environment = ProcessInfo.processInfo.environment
    environment["BILAT_DB"] = database
    process.environment = environment
    let outputs = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: outputs) }
    let outPath = outputs.appendingPathComponent("out").path, errPath = outputs.appendingPathComponent("err").path
    _ = FileManager.default.createFile(atPath: outPath, contents: nil)
    _ = FileManager.default.createFile(atPath: errPath, contents: nil)
    process.standardOutput = FileHandle(forWritingAtPath: outPath)
    process.standardError = FileHandle(forWritingAtPath: errPath)

    var ends: [Int32] = [0, 0]
    guard pipe(&ends) == 0 else { throw POSIXError(.EMFILE) }
    let written = WrittenCount()
    let writerDone = DispatchSemaphore(value: 0)
    switch stdin {
    case .none, .endless: process.standardInput = FileHandle(fileDescriptor: ends[0], closeOnDealloc: false)
    case .file(let path): process.standardInput = FileHandle(forReadingAtPath: path)
    }
    try process.run()
    close(ends[0])
    if case .endless(let head, let byte, let cap) = stdin {
        let writeEnd = ends[1]
        Thread.detachNewThread {
            // A write to the pipe bilat closed must fail with EPIPE, not kill the test runner: SIGPIPE
            // blocked in this thread only (ignoring it would be inherited by every process the tests start).
            var broken = sigset_t()
            sigemptyset(&broken)
            sigaddset(&broken, SIGPIPE)
            pthread_sigmask(SIG_BLOCK, &broken, nil)
            var chunk = head + [UInt8](repeating: byte, count: 1 << 16)
            var total = 0
            while total < cap {
                let count = chunk.withUnsafeBytes { write(writeEnd, $0.baseAddress!, $0.count) }
                if count <= 0 { break }
                total += count
                chunk = [UInt8](repeating: byte, count: 1 << 16)
            }
            written.set(total)
            close(writeEnd)
            writerDone.signal()
        }
    } else {
        close(ends[1])
        writerDone.signal()
    }
    try whileRunning(process)
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning, Date() < deadline { usleep(20_000) }
    let timedOut = process.isRunning
    if timedOut { kill(process.processIdentifier, SIGKILL) }
    process.waitUntilExit()
    _ = writerDone.wait(timeout: .now() + 30)
    return BoundedRun(status: process.terminationStatus,
                      stdout: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
                      stderr: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "",
                      timedOut: timedOut, bytesWritten: written.value)
}

/// The writer thread's count, read once it is done.
private final class WrittenCount: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var value: Int { lock.withLock { count } }
    func set(_ value: Int) { lock.withLock { count = value } }
}
