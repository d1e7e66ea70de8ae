import Foundation

/// How a run of bilat started through `/bin/sh` ended, and what it printed on stderr.
struct ShellRun {
    /// The exit status, or the number of the signal that ended the process.
    var status: Int32
    var killedBySignal: Bool
    var stderr: String
}

/// Runs the built bilat through `/bin/sh -c setup; exec bilat arguments`: `setup` changes what bilat
/// inherits (an ignored signal, a file size limit). stdout and stderr are the given handles (a pipe
/// nobody reads, /dev/full), else captured; the captured stdout is returned beside the run.
func runBilatThroughShell(_ setup: String, _ arguments: [String], database: String,
                          stdout: FileHandle? = nil, stderr: FileHandle? = nil) throws -> (run: ShellRun, stdout: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", setup + "\nexec \"$0\" \"$@\"", try DatabaseFileFaultTests.binary()] + arguments
    process.currentDirectoryURL = repositoryRoot
    var environment = ProcessInfo.processInfo.environment
    environment["BILAT_DB"] = database
    process.environment = environment
    let out = Pipe(), err = Pipe()
    process.standardOutput = stdout ?? out
    process.standardError = stderr ?? err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    try out.fileHandleForWriting.close()
    try err.fileHandleForWriting.close()
    let printed = stdout == nil ? out.fileHandleForReading.readDataToEndOfFile() : Data()
    let messages = stderr == nil ? err.fileHandleForReading.readDataToEndOfFile() : Data()
    process.waitUntilExit()
    return (ShellRun(status: process.terminationStatus, killedBySignal: process.terminationReason == .uncaughtSignal,
                     stderr: String(decoding: messages, as: UTF8.self)),
            String(decoding: printed, as: UTF8.self))
}

/// The writing end of a pipe whose reading end is already closed: every write to it fails (EPIPE,
/// with SIGPIPE). Close-on-exec at once, so that a process spawned meanwhile by another test hardly
/// ever holds the reading end (if one did, writes would wait for it to end, then fail the same way).
func pipeWithoutReader() throws -> FileHandle {
    var ends: [Int32] = [-1, -1]
    guard pipe(&ends) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    _ = fcntl(ends[0], F_SETFD, FD_CLOEXEC)
    _ = fcntl(ends[1], F_SETFD, FD_CLOEXEC)
    close(ends[0])
    return FileHandle(fileDescriptor: ends[1], closeOnDealloc: true)
}

/// The names in `folder` that look like bilat's temporary files (or SQLite's journals of them).
func leftovers(in folder: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder.path)
        .filter { $0.contains(".partial-") || $0.hasSuffix("-journal") }
}
