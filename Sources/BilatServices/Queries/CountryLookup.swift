import BilatExtraction
import BilatModel

/// A country name the reference data does not know.
public struct UnknownCountryError: Error, CustomStringConvertible, Equatable {
    public var input: String
    public var suggestions: [String]

    public var description: String {
        var message = "unknown country '\(input)'"
        if !suggestions.isEmpty { message += "; did you mean " + suggestions.joined(separator: ", ") + "?" }
        return message + " (`bilat countries` lists the names bilat knows)"
    }
}

/// A query naming one country twice ("China China", "China PRC"): a usage error.
public struct RepeatedCountryError: Error, CustomStringConvertible, Equatable {
    public var first: String
    public var second: String
    public var country: String

    public var description: String {
        first == second ? "'\(first)' is named twice; name two different countries (or one, for all its pairs)"
            : "'\(first)' and '\(second)' are both \(country); name two different countries (or one, for all its pairs)"
    }
}

/// Resolves what a user types (name, alias, demonym, ISO code) to a country.
public struct CountryLookup: Sendable {
    public let reference: ReferenceData
    /// Display names by alpha-2 code: exports name both sides of every event (a lookup by name folds
    /// and trims the text each time, 6 % of a 10,000-event export).
    private let names: [String: String]

    public init(reference: ReferenceData) {
        self.reference = reference
        names = Dictionary(reference.countries.map { ($0.code.uppercased(), $0.name) }, uniquingKeysWith: { first, _ in first })
    }

    /// The country named by `input`, or an error naming the closest matches.
    public func country(_ input: String) throws -> Country {
        if let country = reference.country(named: input.trimmingCharacters(in: .whitespaces)) { return country }
        let suggestions = reference.countrySuggestions(for: input, limit: 3).map { "\($0.name) (\($0.code))" }
        throw UnknownCountryError(input: input, suggestions: suggestions)
    }

    /// The countries named by `inputs`, each at most once: "China China" or "China PRC" asks about
    /// one country twice, which no pair or group is.
    public func countries(_ inputs: [String]) throws -> [Country] {
        let found = try inputs.map(country)
        for (i, c) in found.enumerated() {
            if let j = found[..<i].firstIndex(where: { $0.code == c.code }) {
                throw RepeatedCountryError(first: inputs[j], second: inputs[i], country: c.name)
            }
        }
        return found
    }

    /// The display name of an alpha-2 code.
    public func name(of code: String) -> String {
        names[code] ?? reference.country(named: code)?.name ?? code
    }
}

import Foundation
