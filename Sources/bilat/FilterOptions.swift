import ArgumentParser
import BilatModel
import BilatServices
import Foundation

/// `--from` and `--to` of the query commands, read as dates and checked before the command runs, so
/// that a bad date is a usage error of the command it was given to (with that command's usage line),
/// and a range that ends before it starts is refused rather than answered with nothing.
struct DateRangeOptions: ParsableArguments {
    @Option(help: "Earliest date (YYYY, YYYY-MM or YYYY-MM-DD).", transform: { try DateOption.parse($0) })
    var from: PartialDate?

    @Option(help: "Latest date (YYYY, YYYY-MM or YYYY-MM-DD).", transform: { try DateOption.parse($0) })
    var to: PartialDate?

    func validate() throws {
        if let from, let to, from > to, !from.isCompatible(with: to) {
            throw ValidationError("--from \(from.iso) is after --to \(to.iso): the range holds no date")
        }
    }
}

/// The filters of the commands that list events (`meetings`, `timeline`, `export timeline`): one group,
/// so that each filter is spelt, explained and checked once, and one `TimelineRequest` is made from it.
/// `search` takes the dates alone; the kinds of event are a group of their own (`EventKindOptions`),
/// for the timelines only: a list of meetings has one kind.
struct EventFilterOptions: ParsableArguments {
    @OptionGroup var dates: DateRangeOptions

    @Option(parsing: .upToNextOption, help: "Events involving all these countries (two or more), instead of one or two.")
    var between: [String] = []

    @Option(name: .customLong("with"), help: "Only meetings this person took part in (repeatable).")
    var people: [String] = []

    @Option(help: "Only meetings about this cooperation area (trade, energy, ...).")
    var area: String?

    @Option(help: "Only meetings of this mode: in_person, phone, video.")
    var mode: MeetingMode?

    @Option(help: "Only held or planned meetings.")
    var status: MeetingStatus?

    /// The countries asked about: the one or two `named`, else --between's two or more. `allOption`:
    /// the command's flag for every country (`--all`), which takes none.
    func countries(_ named: [String], command: String, all allOption: Bool? = nil) throws -> [String] {
        if allOption == true {
            guard named.isEmpty, between.isEmpty else {
                throw ValidationError("--all takes every country; name no country with it")
            }
            return []
        }
        if !between.isEmpty {
            guard named.isEmpty, between.count >= 2 else {
                throw ValidationError("--between takes two or more countries and no others, "
                                      + "e.g. `bilat \(command) --between Japan Philippines USA`")
            }
            return between
        }
        guard (1...2).contains(named.count) else {
            throw ValidationError("name one country or two (a pair)" + (allOption == nil ? "" : ", or pass --all")
                                  + ", e.g. `bilat \(command) China Canada`")
        }
        return named
    }

    /// The request these filters and `countries` make, checked by the knowledge base.
    func request(countries: [String], kinds: Set<TimelineEvent.Kind>? = nil,
                 in knowledge: KnowledgeBase) throws -> TimelineRequest {
        try knowledge.request(countries: countries, from: dates.from, to: dates.to, mode: mode, status: status,
                              area: area, people: people, kinds: kinds)
    }
}

/// `--kind` of the timelines: which kinds of event they hold.
struct EventKindOptions: ParsableArguments {
    @Option(name: .customLong("kind"),
            help: ArgumentHelp("Only events of this kind: meeting, agreement or statement (repeatable, or comma-separated; "
                               + "default: every kind, or meetings alone with --mode, --status, --area or --with).",
                               valueName: "kind"))
    var names: [String] = []

    /// The kinds asked for; nil when --kind is not given.
    var kinds: Set<TimelineEvent.Kind>? {
        names.isEmpty ? nil : Set(words.compactMap(Self.kind))
    }

    private var words: [String] {
        names.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
    }

    /// "meeting", and the plural a person writes ("meetings").
    private static func kind(_ word: String) -> TimelineEvent.Kind? {
        TimelineEvent.Kind(rawValue: word) ?? (word.hasSuffix("s") ? TimelineEvent.Kind(rawValue: String(word.dropLast())) : nil)
    }

    func validate() throws {
        let known = TimelineEvent.Kind.allCases.map(\.rawValue).joined(separator: ", ")
        if let unknown = words.first(where: { Self.kind($0) == nil }) {
            throw ValidationError("unknown kind of event '\(unknown)'; the kinds are \(known)")
        }
        if !names.isEmpty, words.isEmpty {
            throw ValidationError("--kind takes a kind of event: \(known)")
        }
    }
}

enum DateOption {
    /// A `--from`, `--to` or `--published` value.
    static func parse(_ value: String) throws -> PartialDate {
        guard let date = PartialDate(iso: value) else {
            throw ValidationError("'\(value)' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD")
        }
        return date
    }
}
