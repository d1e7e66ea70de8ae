import BilatModel

/// Prints the countries the engine knows, with the codes and names it resolves.
public enum CountryRenderer {
    public static func render(_ countries: [Country], as format: OutputFormat) -> String {
        struct Row: Encodable {
            var code: String
            var alpha3: String
            var name: String
            var officialName: String?
            var aliases: [String]
            var demonyms: [String]
            var capitals: [String]
        }
        let rows = countries.sorted { $0.name < $1.name }.map {
            Row(code: $0.code, alpha3: $0.alpha3, name: $0.name, officialName: $0.officialName, aliases: $0.aliases,
                demonyms: $0.demonyms, capitals: $0.capitals)
        }
        switch format {
        case .json:
            return JSONOutput.string(rows, pretty: true) + "\n"
        case .ndjson:
            return rows.map { JSONOutput.string($0, pretty: false) + "\n" }.joined()
        case .csv:
            return CSV.row(["code", "alpha3", "name", "official_name", "aliases", "demonyms", "capitals"])
                + rows.map {
                    CSV.row([$0.code, $0.alpha3, $0.name, $0.officialName ?? "", $0.aliases.joined(separator: ";"),
                             $0.demonyms.joined(separator: ";"), $0.capitals.joined(separator: ";")])
                }.joined()
        case .table:
            return Table.render(
                header: ["CODE", "ALPHA3", "NAME", "ALSO KNOWN AS"],
                rows: rows.map { [$0.code, $0.alpha3, $0.name, ($0.aliases + $0.demonyms).joined(separator: ", ")] })
        }
    }
}
