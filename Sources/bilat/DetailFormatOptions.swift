import ArgumentParser

/// How a command that prints one report or one fact prints it: text for a person, JSON for a program.
enum DetailFormat: String, CaseIterable, ExpressibleByArgument {
    case text
    case json
}

/// `--format text|json` of the commands that print one fact or one report (show, eval), with `--json`
/// kept as the short form it was.
struct DetailFormatOptions: ParsableArguments {
    @Option(help: "text or json (default: text).")
    var format: DetailFormat?

    @Flag(help: "Same as --format json.")
    var json = false

    func validate() throws {
        if json, format == .text { throw ValidationError("--json and --format text ask for two formats; give one") }
    }

    var chosen: DetailFormat { json ? .json : format ?? .text }
    var isJSON: Bool { chosen == .json }
}
