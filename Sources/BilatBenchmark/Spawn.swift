#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// What a child process did: its exit status, wall time and peak resident set.
struct ChildRun: Sendable {
    let exitCode: Int32
    let seconds: Double
    /// `ru_maxrss` of this child alone (wait4), in bytes.
    let peakRSSBytes: Int
    /// True when it ran past its time limit and was stopped (SIGINT, then SIGKILL a minute later).
    var timedOut = false
    /// CPU time of this child (user + system, wait4): steadier than wall time on a shared machine.
    var cpuSeconds = 0.0
}

/// Runs real commands the way a user's shell would, without Foundation's `Process` machinery in the
/// timing: posix_spawn, then wait4 for the child's own resource usage.
enum Spawn {
    /// Runs `arguments` (the first found on PATH when it has no slash) with stdout and stderr sent to
    /// `output` (default /dev/null). With a `timeout` (seconds) a child still running then is sent SIGINT
    /// (`bilat ingest` stops after the article it is storing and commits what it stored), and SIGKILL
    /// when it is still there a minute later.
    static func run(_ arguments: [String], output: String = "/dev/null", timeout: Double? = nil) throws -> ChildRun {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let start = Clock.now()
        let status = posix_spawnp(&pid, arguments[0], &actions, nil, argv, environ)
        guard status == 0 else { throw BenchError.spawnFailed(arguments.joined(separator: " "), status) }
        var wstatus: Int32 = 0
        var usage = rusage()
        var timedOut = false
        if let timeout {
            var signalled: Double?
            while true {
                let waited = wait4(pid, &wstatus, WNOHANG, &usage)
                if waited == pid || (waited < 0 && errno != EINTR) { break }
                let now = Clock.now()
                if signalled == nil, now - start > timeout {
                    timedOut = true
                    signalled = now
                    kill(pid, SIGINT)
                } else if let at = signalled, now - at > 60 {
                    kill(pid, SIGKILL)
                    signalled = .infinity
                }
                usleep(20_000)
            }
        } else {
            while wait4(pid, &wstatus, 0, &usage) < 0, errno == EINTR {}
        }
        let seconds = Clock.now() - start
        let exited = (wstatus & 0x7f) == 0
        let code = exited ? (wstatus >> 8) & 0xff : 128 + (wstatus & 0x7f)
        return ChildRun(exitCode: code, seconds: seconds, peakRSSBytes: Int(usage.ru_maxrss) * 1024, timedOut: timedOut,
                        cpuSeconds: Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
                            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6)
    }

    /// The trimmed standard output of a short command, or nil when it fails.
    static func capture(_ arguments: [String]) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// Monotonic time and this process's own peak memory.
enum Clock {
    /// Seconds on the monotonic clock.
    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// Peak resident set of this process so far (VmHWM), in bytes.
    static func peakRSSBytes() -> Int {
        var usage = rusage()
        #if canImport(Glibc)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        return Int(usage.ru_maxrss) * 1024
    }
}

/// Why the benchmark stopped.
enum BenchError: Error, CustomStringConvertible {
    case spawnFailed(String, Int32)
    case commandFailed(String, Int32)
    case missingBinary(String)
    case unreadable(String)

    var description: String {
        switch self {
        case .spawnFailed(let command, let status): "cannot start `\(command)` (posix_spawn error \(status))"
        case .commandFailed(let command, let code): "`\(command)` exited with \(code)"
        case .unreadable(let path): "\(path): not a feed of the generated corpus (its first line has no \"gen-N\" id)"
        case .missingBinary(let path):
            "no bilat binary at \(path); build it first (swift build -c release) or pass --bilat PATH"
        }
    }
}
