import Foundation

/// Where a PostgreSQL knowledge base is: `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=MODE]`
/// (also `postgresql://`), as libpq and psql read it. `sslmode` is `disable` (the default on a loopback
/// host), `prefer` or `require` (encrypted if the server offers it, or always, the server's certificate
/// not checked, as libpq does), `verify-ca` (the certificate signed by a trusted authority) or
/// `verify-full` (and naming the host; the default elsewhere: a knowledge base shared over a network is
/// not read in clear, nor from a server that is not the one named, unless the URL says so).
/// `prepare=off` runs every statement unnamed, for a connection pooler that cannot keep a session's
/// prepared statements (PgBouncer in transaction mode before 1.21).
public struct PostgresURL: Sendable, Equatable, CustomStringConvertible {
    public enum TLSMode: String, Sendable, CaseIterable {
        case disable, prefer, require
        case verifyCA = "verify-ca"
        case verifyFull = "verify-full"
    }

    public var host: String
    public var port: Int
    public var user: String
    public var password: String?
    public var database: String
    public var tls: TLSMode
    /// Whether a session prepares the statements it runs again (`prepare=on`, the default).
    public var prepares: Bool

    /// True for a `--db` or `$BILAT_DB` value naming a PostgreSQL server rather than a file.
    public static func names(_ location: String) -> Bool {
        let lower = location.lowercased()
        return lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://")
    }

    public struct Invalid: Error, CustomStringConvertible {
        public let description: String
    }

    public init(_ text: String) throws {
        func invalid(_ why: String) -> Invalid {
            Invalid(description: "\(Self.redacted(text)): \(why) (expected postgres://USER@HOST[:PORT]/DATABASE[?sslmode=disable|prefer|require|verify-ca|verify-full][&prepare=on|off])")
        }
        guard Self.names(text), let components = URLComponents(string: text) else { throw invalid("not a PostgreSQL URL") }
        guard let host = components.host, !host.isEmpty else { throw invalid("no host") }
        guard let user = components.user, !user.isEmpty else { throw invalid("no user") }
        let database = String(components.path.drop { $0 == "/" })
        guard !database.isEmpty, !database.contains("/") else { throw invalid("no database name after the host") }
        self.host = host
        port = components.port ?? 5432
        self.user = user.removingPercentEncoding ?? user
        password = components.password.map { $0.removingPercentEncoding ?? $0 }
        self.database = database.removingPercentEncoding ?? database
        let loopback = ["localhost", "127.0.0.1", "::1", "[::1]"].contains(host)
        var tls: TLSMode = loopback ? .disable : .verifyFull
        var prepares = true
        for item in components.queryItems ?? [] {
            switch item.name {
            case "sslmode":
                switch item.value {
                case "disable": tls = .disable
                case "allow", "prefer": tls = .prefer
                case "require": tls = .require
                case "verify-ca": tls = .verifyCA
                case "verify-full": tls = .verifyFull
                default:
                    throw invalid("sslmode must be disable, prefer, require, verify-ca or verify-full, not \(item.value ?? "empty")")
                }
            case "prepare":
                switch item.value {
                case "on": prepares = true
                case "off": prepares = false
                default: throw invalid("prepare must be on or off, not \(item.value ?? "empty")")
                }
            default:
                throw invalid("unknown parameter \(item.name)")
            }
        }
        self.tls = tls
        self.prepares = prepares
    }

    /// The URL without its password, for messages.
    public var description: String {
        let query = [tls == .disable ? nil : "sslmode=\(tls.rawValue)", prepares ? nil : "prepare=off"].compactMap { $0 }
        return "postgres://\(user)@\(host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host):\(port)/\(database)"
            + (query.isEmpty ? "" : "?" + query.joined(separator: "&"))
    }

    /// `text` with any password replaced by `***`, for a message about a URL that did not parse.
    static func redacted(_ text: String) -> String {
        guard var components = URLComponents(string: text), components.password != nil else { return text }
        components.password = "***"
        return components.string ?? text
    }
}
