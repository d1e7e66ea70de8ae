import BilatExtraction
import BilatModel
import BilatStorage
import Foundation

/// A name, key or article the knowledge base does not know, with the closest ones it does.
public struct UnknownNameError: Error, CustomStringConvertible, Equatable {
    public var kind: String
    public var input: String
    public var suggestions: [String]
    public var hint: String

    public var description: String {
        var message = "unknown \(kind) '\(input)'"
        if !suggestions.isEmpty { message += "; did you mean " + suggestions.joined(separator: ", ") + "?" }
        return message + " (\(hint))"
    }
}

extension KnowledgeBase {
    /// The canonical name of the official the user means, or an error suggesting known names.
    public func officialName(_ input: String) throws -> String {
        try official(input).name
    }

    /// The official the user means: exact name, else the best whole-word match ("Xi", "President Xi");
    /// among several equally good matches the one with the most meetings.
    public func official(_ input: String) throws -> OfficialSummary {
        // Titles and honorifics are not part of names: "President Xi" is looked up as "Xi".
        let lexicon = countries.reference.lexicon
        let titleWords = Set(lexicon.roles.keys.flatMap { $0.lowercased().split(separator: " ").map(String.init) })
            .union(lexicon.honorifics.map { $0.lowercased() })
        let words = input.split { !$0.isLetter && !$0.isNumber && $0 != "-" && $0 != "." }.map(String.init)
        let name = words.filter { !titleWords.contains($0.lowercased().trimmingCharacters(in: ["."])) }
            .joined(separator: " ")
        if let found = try queries.officials(named: input).first ?? queries.officials(named: name).first {
            return found
        }
        throw UnknownNameError(kind: "person", input: input, suggestions: try suggestions(for: input),
                               hint: "`bilat officials COUNTRY` lists the people bilat knows")
    }

    /// One official's roles, meetings, counterparts and sources.
    public func officialDetail(_ input: String) throws -> OfficialDetail {
        let summary = try official(input)
        guard let detail = try queries.official(id: summary.id) else {
            throw UnknownNameError(kind: "person", input: input, suggestions: [], hint: "it was just removed")
        }
        return detail
    }

    /// A taxonomy key, checked.
    public func areaKey(_ input: String) throws -> String {
        let key = input.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: "-", with: "_")
        if areaKeys.contains(key) { return key }
        let close = areaKeys.map { ($0, TextFolding.editDistance($0, key)) }.filter { $0.1 <= max(2, key.count / 3) }
            .sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(3).map(\.0)
        throw UnknownNameError(kind: "area", input: input, suggestions: Array(close),
                               hint: "areas are " + areaKeys.joined(separator: ", "))
    }

    private func suggestions(for input: String) throws -> [String] {
        let key = input.lowercased()
        return try queries.officialNames()
            .map { name in (name, min(TextFolding.editDistance(name.lowercased(), key),
                                      name.lowercased().split(separator: " ").map { TextFolding.editDistance(String($0), key) }.min() ?? .max)) }
            .filter { $0.1 <= max(2, key.count / 3) }
            .sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(3).map(\.0)
    }
}
