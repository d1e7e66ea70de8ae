import Foundation
import Testing

@Suite("Fuzzing the reader and the extractor")
struct FuzzTests {
    /// Seconds of fuzzing: $BILAT_FUZZ_SECONDS, else 45 s in CI, else off (it builds its own binary).
    static let seconds: Int? = {
        let env = ProcessInfo.processInfo.environment
        if let value = env["BILAT_FUZZ_SECONDS"].flatMap(Int.init) { return value }
        return env["CI"] != nil ? 45 : nil
    }()

    @Test("libFuzzer finds no crash in a bounded run", .enabled(if: seconds != nil, "set BILAT_FUZZ_SECONDS to run"),
          .timeLimit(.minutes(10)))
    func boundedRun() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [repositoryRoot.appendingPathComponent("Fuzz/run").path, String(Self.seconds ?? 30)]
        process.currentDirectoryURL = repositoryRoot
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()

        #expect(process.terminationStatus == 0, "\(text.suffix(2000))")
        #expect(text.contains("stat::number_of_executed_units"), "\(text.suffix(2000))")
    }
}
