import Foundation

/// The machine and the code a benchmark ran on, for the JSON report.
struct Machine: Codable, Sendable {
    let cores: Int
    let cpuModel: String
    let memoryBytes: Int
    let kernel: String
    let commit: String
    /// False when the working tree had changes beyond the commit (a shared tree often does).
    let workingTreeClean: Bool
    let swiftVersion: String

    static func current() -> Machine {
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model = cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }
            .flatMap { $0.split(separator: ":", maxSplits: 1).last }.map { $0.trimmingCharacters(in: .whitespaces) }
        let meminfo = (try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8)) ?? ""
        let memKB = meminfo.split(separator: "\n").first { $0.hasPrefix("MemTotal:") }
            .flatMap { $0.split(separator: " ").dropFirst().first }.flatMap { Int($0) } ?? 0
        let status = Spawn.capture(["git", "status", "--porcelain", "--untracked-files=no"])
        return Machine(
            cores: ProcessInfo.processInfo.activeProcessorCount, cpuModel: model ?? "unknown",
            memoryBytes: memKB * 1024, kernel: Spawn.capture(["uname", "-sr"]) ?? "unknown",
            commit: Spawn.capture(["git", "rev-parse", "HEAD"]) ?? "unknown",
            workingTreeClean: status?.isEmpty ?? false,
            swiftVersion: Spawn.capture(["swift", "--version"])?.split(separator: "\n").first.map(String.init) ?? "unknown")
    }
}
