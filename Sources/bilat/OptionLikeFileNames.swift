import Foundation

/// `bilat ingest *` in a folder holding a file named like an option hands that name to the option
/// parser: `-hello.txt` reads as `-h` and prints the help, ingesting nothing; `--db=evil.txt` moves
/// the database. Before parsing, a command that reads files refuses an argument that looks like an
/// option and names a file that exists, and says how to read it.
enum OptionLikeFileNames {
    /// The commands whose arguments are files.
    static let fileCommands: Set<String> = ["ingest", "extract"]

    /// The message refusing `arguments` (without the program name), nil when nothing looks amiss.
    static func refusal(_ arguments: [String]) -> String? {
        guard let command = arguments.first, fileCommands.contains(command) else { return nil }
        for argument in arguments.dropFirst() {
            if argument == "--" { return nil }
            guard argument.count > 1, argument.hasPrefix("-"), FileManager.default.fileExists(atPath: argument) else {
                continue
            }
            return "'\(argument)' names a file here but reads as an option (did * expand to it?); nothing was done. "
                + "To read a file whose name starts with -, put -- before it: bilat \(command) -- \(argument)"
        }
        return nil
    }
}
