import BilatModel
import Foundation

/// What another implementation of the repository protocols (BilatPostgres) shares with SQLite's, so
/// that both read stored rows the same way: the bundled schema files and the decoding of rows into
/// the protocols' values.
public enum BackendSupport {
    /// The bundled `Migrations/postgres/NNNN_name.sql` files, sorted by name.
    public static func postgresMigrationFiles() throws -> [URL] {
        guard let folder = Bundle.module.url(forResource: "Migrations", withExtension: nil)?
            .appendingPathComponent("postgres") else { throw StorageError.migrationsNotBundled }
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "sql" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        guard !files.isEmpty else { throw StorageError.migrationsNotBundled }
        return files
    }

    /// The names of SQLite's migrations (`0001_initial`, …), in order: what an export's header lists.
    public static func sqliteMigrationNames() throws -> [String] {
        try SchemaMigrations.bundledFiles().map { $0.deletingPathExtension().lastPathComponent }
    }

    /// A meeting as the queries list it, from its row and its lists joined by U+001F (participants as
    /// `name U+001E country`), as ``MeetingRow`` reads SQLite's.
    public static func meetingSummary(id: Int64, date: String?, place: String?, mode: String, status: String,
                                      countries: String?, participants: String?, areas: String?,
                                      sourceCount: Int) throws -> MeetingSummary {
        try MeetingRow(id: id, date: date, place: place,
                       mode: try MeetingMode(rawValue: mode).orThrow(table: "meeting", column: "mode", mode),
                       status: try MeetingStatus(rawValue: status).orThrow(table: "meeting", column: "status", status),
                       countries: countries, participants: participants, areas: areas, sourceCount: sourceCount)
            .summary()
    }

    /// A stored ISO date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) read back; unreadable text is an error naming the column.
    public static func storedDate(_ text: String?, table: String, column: String) throws -> PartialDate? {
        try PartialDate.stored(text, table: table, column: column)
    }

    /// A meeting's sides as stored in `country_key`: the codes upper-cased, sorted, joined by commas.
    public static func countryKey(_ countries: [String]) -> (text: String, codes: [String]) {
        let key = CountryKey(countries)
        return (key.text, key.codes)
    }

    /// A list aggregated with U+001F between its items, split and sorted.
    public static func list(_ joined: String?) -> [String] {
        MeetingRow.list(joined)
    }

    /// The words of a person's name as lookups compare them (case and diacritics aside).
    public static func nameWords(_ name: String) -> [String] {
        OfficialResolver.words(name)
    }

    /// The words of a search, as the full-text query takes them: letters and digits, at most 32.
    public static func searchWords(_ text: String) -> [String] {
        FullTextPattern.words(text)
    }

    /// The tables that name their pair in `country_key` since schema 0012 (a meeting's, a report group's,
    /// a report's and an agreement's), each with the column naming its parent and the parent, whose
    /// `country_key` it repeats.
    public static let pairTables: [(table: String, column: String, parent: String)] = [
        ("meeting_country", "meeting_id", "meeting"), ("meeting_participant", "meeting_id", "meeting"),
        ("meeting_area", "meeting_id", "meeting"), ("meeting_source", "meeting_id", "meeting"),
        ("meeting_unit_place", "unit_id", "meeting_unit"), ("meeting_unit_participant", "unit_id", "meeting_unit"),
        ("meeting_unit_link", "unit_id", "meeting_unit"), ("meeting_mention_participant", "mention_id", "meeting_mention"),
        ("meeting_mention_area", "mention_id", "meeting_mention"), ("meeting_mention_source", "mention_id", "meeting_mention"),
        ("agreement_country", "agreement_id", "agreement"), ("agreement_source", "agreement_id", "agreement"),
    ]

    /// `bilat db check`'s rules as SQLite runs them, in order, each a query returning one text per
    /// offending row; another backend runs those its SQL reads as they are and its own for the others.
    public static var integrityRules: [(check: String, sql: String)] { IntegrityRules.all }

    /// The first day of an article's published date (`a.published`: `YYYY`, `YYYY-MM` or a day), as
    /// both backends' date filters compare it.
    public static let publishedFirstDay = """
        (CASE length(a.published) WHEN 4 THEN a.published || '-01-01'
            WHEN 7 THEN a.published || '-01' ELSE a.published END)
        """
}
