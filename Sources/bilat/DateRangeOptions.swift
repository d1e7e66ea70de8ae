import ArgumentParser
import BilatModel

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

enum DateOption {
    /// A `--from`, `--to` or `--published` value.
    static func parse(_ value: String) throws -> PartialDate {
        guard let date = PartialDate(iso: value) else {
            throw ValidationError("'\(value)' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD")
        }
        return date
    }
}
