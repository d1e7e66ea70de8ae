import BilatStorage
import Foundation
import Logging
import PostgresNIO
import Synchronization

extension PostgresFailure: ReportsDatabaseProblem {
    /// The server out of reach or shutting down, or out of disk; nil for a statement it refused.
    public var databaseProblem: DatabaseProblem? {
        guard let state = sqlState else { return .unreachable }
        if state.hasPrefix("08") || state.hasPrefix("57") { return .unreachable }
        if state == "53100" { return .full }
        return nil
    }
}

/// Values bound to and read from statements are ``TransferValue``s, the types bilat's schema stores.
extension TransferValue {
    var integer: Int64? { if case .integer(let v) = self { v } else { nil } }
    var text: String? { if case .text(let v) = self { v } else { nil } }
}

/// Why a PostgreSQL knowledge base could not answer, in words: the server's message (and SQLSTATE), or
/// why it could not be reached.
public struct PostgresFailure: Error, CustomStringConvertible {
    public let description: String
    /// The server's SQLSTATE, when it answered with an error.
    public let sqlState: String?

    init(_ description: String, sqlState: String? = nil) {
        self.description = description
        self.sqlState = sqlState
    }

    /// What the server answered when it refused a statement.
    private static func refusal(message: String?, detail: String?, sqlState: String?, url: PostgresURL) -> PostgresFailure {
        PostgresFailure("\(url): \(message ?? "error")\(detail.map { " (\($0))" } ?? "")", sqlState: sqlState)
    }

    static func from(_ error: any Error, url: PostgresURL) -> any Error {
        // PostgresNIO's older API (prepared queries) reports in its older error type.
        if let legacy = error as? PostgresError {
            switch legacy {
            case .server(let server):
                return refusal(message: server.fields[.message], detail: server.fields[.detail],
                               sqlState: server.fields[.sqlState], url: url)
            case .connectionClosed:
                return PostgresFailure("\(url): cannot reach the PostgreSQL server: connection closed")
            case .protocol(let message):
                return PostgresFailure("\(url): protocol error: \(message)")
            }
        }
        guard let error = error as? PSQLError else { return error }
        if let server = error.serverInfo {
            return refusal(message: server[.message], detail: server[.detail], sqlState: server[.sqlState], url: url)
        }
        let cause = error.underlying.map { ": \($0)" } ?? ""
        switch error.code {
        case .connectionError, .serverClosedConnection, .uncleanShutdown:
            return PostgresFailure("\(url): cannot reach the PostgreSQL server\(cause)")
        case .sslUnsupported:
            return PostgresFailure("\(url): the server does not offer TLS, which sslmode=\(url.tls.rawValue) asks for "
                                   + "(sslmode=prefer uses it when offered; disable, never)")
        default:
            return PostgresFailure("\(url): \(error.code)\(cause)")
        }
    }
}

/// One connection to a PostgreSQL database, used synchronously: bilat's repository protocols are
/// synchronous and a command runs one at a time, so each call waits for its NIO future (never on an
/// event loop's thread). A store serialises its calls on its session (``PostgresStore``); processes
/// that ingest at once each hold their own connection, the server arbitrating between them.
final class PostgresSession: Sendable {
    let url: PostgresURL
    private let connection: PostgresConnection
    static let logger = Logger(label: "bilat.postgres", factory: { _ in SwiftLogNoOpLogHandler() })

    init(url: PostgresURL) throws {
        self.url = url
        let tls: PostgresConnection.Configuration.TLS
        // As libpq: prefer and require encrypt without checking the certificate, verify-ca checks who
        // signed it, verify-full also that it names the host.
        func context(_ verification: CertificateVerification) throws -> NIOSSLContext {
            var configuration = TLSConfiguration.makeClientConfiguration()
            configuration.certificateVerification = verification
            return try NIOSSLContext(configuration: configuration)
        }
        switch url.tls {
        case .disable: tls = .disable
        case .prefer: tls = .prefer(try context(.none))
        case .require: tls = .require(try context(.none))
        case .verifyCA: tls = .require(try context(.noHostnameVerification))
        case .verifyFull: tls = .require(try context(.fullVerification))
        }
        var configuration = PostgresConnection.Configuration(host: url.host, port: url.port, username: url.user,
                                                             password: url.password, database: url.database, tls: tls)
        configuration.options.connectTimeout = .seconds(10)
        do {
            connection = try PostgresConnection.connect(on: PostgresConnection.defaultEventLoopGroup.any(),
                                                        configuration: configuration, id: 1, logger: Self.logger).wait()
        } catch {
            throw PostgresFailure.from(error, url: url)
        }
    }

    deinit { try? connection.close().wait() }

    /// A statement with positional parameters ($1, $2, …) bound to `values`.
    private static func query(_ sql: String, _ values: [TransferValue]) throws -> PostgresQuery {
        var bindings = PostgresBindings(capacity: values.count)
        for value in values {
            switch value {
            case .null: bindings.appendNull()
            case .integer(let v): bindings.append(v)
            case .real(let v): bindings.append(v)
            case .text(let v): bindings.append(v)
            case .blob(let v): try bindings.append(v)
            }
        }
        return PostgresQuery(unsafeSQL: sql, binds: bindings)
    }

    /// Runs the statements of a schema file one by one (PostgresNIO speaks only the extended protocol,
    /// one statement a message): each ends with `;` at the end of a line; `--` comments are dropped.
    func executeScript(_ script: String) throws {
        var statement = ""
        for line in script.split(separator: "\n", omittingEmptySubsequences: false) {
            let code = line.hasPrefix("--") ? "" : String(line)
            statement += code + "\n"
            if code.trimmingCharacters(in: .whitespaces).hasSuffix(";") {
                try execute(statement)
                statement = ""
            }
        }
        if !statement.allSatisfy(\.isWhitespace) { try execute(statement) }
    }

    /// Runs a statement that returns nothing the caller reads.
    func execute(_ sql: String, _ values: [TransferValue] = []) throws {
        _ = try result(sql, values)
    }

    /// The rows of a query, each as its cells' values in column order. `unnamed`: never prepared, so that
    /// the server plans it for these values each time (a query whose best plan depends on them: a
    /// prepared statement's generic plan, chosen after five runs, may be far slower).
    func rows(_ sql: String, _ values: [TransferValue] = [], unnamed: Bool = false) throws -> [[TransferValue]] {
        try result(sql, values, unnamed: unnamed)
    }

    /// The first column of the first row, nil when there is none.
    func scalar(_ sql: String, _ values: [TransferValue] = []) throws -> TransferValue? {
        try rows(sql, values).first?.first
    }

    private func result(_ sql: String, _ values: [TransferValue], unnamed: Bool = false) throws -> [[TransferValue]] {
        do {
            if !unnamed, let prepared = try preparedStatement(sql, values) {
                // A prepared statement's rows come in the binary format, as every query's do, but PostgresNIO
                // labels their cells with the format its description gave (text): read them as binary.
                return try prepared.execute(values.map(\.postgresData)).wait().map { row in
                    try row.map { cell in
                        try PostgresCell(bytes: cell.bytes, dataType: cell.dataType, format: .binary,
                                         columnName: cell.columnName, columnIndex: cell.columnIndex).value()
                    }
                }
            }
            return try connection.query(try Self.query(sql, values), logger: Self.logger).wait().rows.map { row in
                try row.map { try $0.value() }
            }
        } catch {
            throw PostgresFailure.from(error, url: url)
        }
    }

    // MARK: Prepared statements

    /// The statements this connection has prepared, by their text and their values' types; how often each
    /// other statement was run. A statement with parameters is prepared the second time it runs, so that
    /// one-off ones (a script's, a query's) are not; the write path's few dozen statements then skip the
    /// server's parsing and planning for the rest of the session. The cache is bounded: past
    /// ``preparedLimit`` statements, new ones run unnamed as before, as do statements of more than
    /// ``preparedParameterLimit`` parameters.
    private struct StatementCache {
        var prepared: [String: PreparedQuery] = [:]
        var seen: [String: Int] = [:]
    }
    private let statements = Mutex(StatementCache())
    static let preparedLimit = 400
    /// Statements of many rows (an import's thousand-row INSERTs, a batch's coalesced ones) stay unnamed:
    /// their text is long, each row count is another statement, and the server would keep each plan.
    static let preparedParameterLimit = 256

    /// How many statements this connection has prepared (for tests and benchmarks).
    var preparedCount: Int { statements.withLock { $0.prepared.count } }

    /// The prepared statement to run `sql` with `values`, preparing it now if it has run before; nil
    /// when it should run unnamed (the first time, no parameters, or the cache full).
    private func preparedStatement(_ sql: String, _ values: [TransferValue]) throws -> PreparedQuery? {
        guard !values.isEmpty, values.count <= Self.preparedParameterLimit, url.prepares else { return nil }
        enum Step { case run(PreparedQuery?), prepare }
        let key = Self.typeSignature(values) + sql
        let step = statements.withLock { cache -> Step in
            if let done = cache.prepared[key] { return .run(done) }
            guard cache.prepared.count < Self.preparedLimit else { return .run(nil) }
            cache.seen[key, default: 0] += 1
            return cache.seen[key] == 1 ? .run(nil) : .prepare
        }
        if case .run(let prepared) = step { return prepared }
        // The parameters' types as the unnamed path declares them (a NULL's left to the server): a
        // prepared statement's are otherwise inferred from where each is used, and a bound Int64 must
        // meet an int8 parameter, not an int4 column's.
        let prepared = try connection.prepare(query: Self.typed(sql, values)).wait()
        statements.withLock { cache in
            cache.prepared[key] = prepared
            cache.seen[key] = nil
        }
        return prepared
    }

    /// One letter a value's type: statements differ when a parameter's type does.
    private static func typeSignature(_ values: [TransferValue]) -> String {
        var signature = ""
        signature.reserveCapacity(values.count + 1)
        for value in values {
            switch value {
            case .null: signature.append("n")
            case .integer: signature.append("i")
            case .real: signature.append("r")
            case .text: signature.append("t")
            case .blob: signature.append("b")
            }
        }
        return signature + ":"
    }

    /// `sql` with each `$N` outside quoted text cast to its value's type (`$1::int8`), NULLs left as they are.
    static func typed(_ sql: String, _ values: [TransferValue]) -> String {
        rewritingPlaceholders(in: sql, marker: "$") { digits in
            guard let n = Int(digits), n >= 1, n <= values.count else { return "$" + digits }
            switch values[n - 1] {
            case .null: return "$" + digits
            case .integer: return "$" + digits + "::int8"
            case .real: return "$" + digits + "::float8"
            case .text: return "$" + digits + "::text"
            case .blob: return "$" + digits + "::bytea"
            }
        }
    }

    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
    func transaction<T>(_ isolation: String = "READ COMMITTED", _ body: () throws -> T) throws -> T {
        try execute("BEGIN ISOLATION LEVEL \(isolation)")
        do {
            let value = try body()
            try execute("COMMIT")
            return value
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }
}

/// `sql` with each `marker` outside quoted text, and the digits after it, replaced by what `replace`
/// makes of those digits (empty for a bare marker): `?` and `?N` become `$N`, `$N` gains a cast.
func rewritingPlaceholders(in sql: String, marker: Character, _ replace: (String) -> String) -> String {
    var out = ""
    out.reserveCapacity(sql.utf8.count + 16)
    var quoted = false
    var characters = sql.makeIterator()
    var pending: Character? = nil
    while let c = pending ?? characters.next() {
        pending = nil
        if c == "'" { quoted.toggle() }
        guard c == marker, !quoted else { out.append(c); continue }
        var digits = ""
        while let d = characters.next() {
            if d.isASCII, d.isNumber { digits.append(d) } else { pending = d; break }
        }
        out += replace(digits)
    }
    return out
}

extension TransferValue {
    /// The value as the binary parameter a prepared statement is given (of the type ``PostgresSession/typed(_:_:)``
    /// casts its parameter to).
    var postgresData: PostgresData {
        switch self {
        case .null: PostgresData(type: .null)
        case .integer(let v): PostgresData(int64: v)
        case .real(let v): PostgresData(double: v)
        case .text(let v): PostgresData(string: v)
        case .blob(let v): PostgresData(type: .bytea, value: ByteBuffer(bytes: v))
        }
    }
}

extension PostgresCell {
    /// The cell as one of the types bilat's schema uses.
    func value() throws -> TransferValue {
        guard bytes != nil else { return .null }
        switch dataType {
        case .int2: return .integer(Int64(try decode(Int16.self)))
        case .int4: return .integer(Int64(try decode(Int32.self)))
        case .int8: return .integer(try decode(Int64.self))
        case .float4, .float8: return .real(try decode(Double.self))
        case .bool: return .integer(try decode(Bool.self) ? 1 : 0)
        case .bytea: return .blob(try decode(Data.self))
        default: return .text(try decode(String.self))
        }
    }
}
