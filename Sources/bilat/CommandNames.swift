import ArgumentParser
import BilatExtraction

/// Before parsing: a first argument that names no command. The option parser would read `bilat
/// meeting China Canada` as three arguments the top-level command does not take; a person meant a
/// command, so say which one is near (as git does), and refuse `bilat help foo` rather than print the
/// top-level help with success.
enum CommandNames {
    /// The message refusing `arguments` (without the program name), nil when each word before the
    /// first option or argument names a command of the level it stands at (`bilat db chek` is refused
    /// too, with `check` suggested).
    static func refusal(_ arguments: [String], root: ParsableCommand.Type) -> String? {
        var command = root
        var path = [root._commandName]
        var rest = arguments[...]
        // `bilat help db chek`: the topic is checked as the command would be.
        if rest.first == "help" { rest = rest.dropFirst() }
        let asking = rest.startIndex != arguments.startIndex
        while let word = rest.first, !word.hasPrefix("-") {
            let subcommands = command.configuration.subcommands
            if subcommands.isEmpty { return nil }
            if let next = subcommands.first(where: { $0._commandName == word || $0.configuration.aliases.contains(word) }) {
                command = next
                path.append(word)
                rest = rest.dropFirst()
                continue
            }
            let names = subcommands.map { $0._commandName } + (path.count == 1 && !asking ? ["help"] : [])
            if names.contains(word) { return nil }
            let level = path.joined(separator: " ")
            if let near = suggestion(for: word, among: names) {
                return "'\(word)' is not a \(level) command. Did you mean '\(near)'? (see \(level) --help)"
            }
            return "'\(word)' is not a \(level) command; the commands: \(names.filter { $0 != "help" }.joined(separator: ", "))"
        }
        return nil
    }

    /// The command nearest `word`, if one is near: the only command it begins, else one within a third
    /// of its letters by edit distance.
    static func suggestion(for word: String, among known: [String]) -> String? {
        let lower = word.lowercased()
        let prefixed = known.filter { $0.hasPrefix(lower) }
        if prefixed.count == 1 { return prefixed[0] }
        let scored = known.map { (name: $0, distance: TextFolding.editDistance(lower, $0)) }
        guard let best = scored.min(by: { ($0.distance, $0.name) < ($1.distance, $1.name) }),
              best.distance <= max(1, lower.count / 3) else { return nil }
        return best.name
    }
}
