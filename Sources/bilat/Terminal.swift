import BilatServices
import Foundation

/// Writing to stdout (data) and stderr (messages, progress, summaries), in colour only where it helps.
/// A failure to write stdout is a failure of the command (``OutputWrite``); one to write stderr is
/// ignored, as there is nowhere left to say it.
enum Terminal {
    static func out(_ text: String) throws {
        try OutputWrite.write(Data(text.utf8), to: .standardOutput, name: "stdout")
    }

    /// An error line on stderr, "bilat: " in red on a colour terminal.
    static func error(_ text: String) {
        let prefix = colorOnStandardError ? "\u{1B}[1;31mbilat:\u{1B}[0m " : "bilat: "
        try? FileHandle.standardError.write(contentsOf: Data((prefix + visible(text) + "\n").utf8))
    }

    static func note(_ text: String) {
        try? FileHandle.standardError.write(contentsOf: Data((visible(text) + "\n").utf8))
    }

    /// Rewrites the current stderr line (progress); only called when stderr is a terminal.
    static func status(_ text: String) {
        try? FileHandle.standardError.write(contentsOf: Data(("\r\u{1B}[2K" + visible(text)).utf8))
    }

    /// A message as a person should see it: file names, urls and titles in messages come from the
    /// input, and an ESC or CR among them would act on the terminal. Line breaks between lines of a
    /// message are kept; every other control character shows as U+FFFD.
    static func visible(_ text: String) -> String {
        let kept = VisibleText.multiline(text)
        guard kept.utf8.contains(where: { $0 == 0x09 || $0 == 0x0D }) else { return kept }
        return String(String.UnicodeScalarView(kept.unicodeScalars.map { $0 == "\r" || $0 == "\t" ? "\u{FFFD}" : $0 }))
    }

    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) != 0 }

    /// The terminal's width in columns ($COLUMNS, else the window's, else 100).
    static var columns: Int {
        if let env = getenv("COLUMNS"), let n = Int(String(cString: env)), n > 0 { return n }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 100
    }
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) != 0 }

    /// Colour only on a terminal, never with NO_COLOR set (any value), TERM=dumb or --no-color.
    /// `getenv`, not `ProcessInfo.environment`, which copies the whole environment into a dictionary
    /// (350 k instructions a call, callgrind: the cost of each failure line of an ingest).
    static func colorAllowed(onTerminal isTerminal: Bool) -> Bool {
        if getenv("NO_COLOR") != nil { return false }
        if let term = getenv("TERM"), String(cString: term) == "dumb" { return false }
        if CommandLine.arguments.contains("--no-color") { return false }
        return isTerminal
    }

    /// Decided once: neither the environment, the arguments nor stderr change while a command runs.
    static let colorOnStandardError: Bool = colorAllowed(onTerminal: stderrIsTerminal)
}

/// `--no-color` and `--quiet`, shared by commands that print messages.
struct DisplayOptions: ParsableArguments {
    @Flag(help: "Never colour the output (colour is used only on a terminal, and never with NO_COLOR set).")
    var noColor = false
}

import ArgumentParser
