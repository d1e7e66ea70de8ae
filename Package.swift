// swift-tools-version:6.0
import PackageDescription

// Layers, dependencies pointing one way:
// BilatModel ← BilatExtraction ← BilatStorage (← BilatPostgres) ← BilatServices ← bilat
// BilatExtraction and BilatStorage take the package root as their path so that they can bundle the
// top-level seeds/reference/ and Migrations/ folders; everything else at the root is excluded from them.
let rootEntries = ["Package.swift", "README.md", "Migrations", "seeds", "Sources", "Tests", "Fuzz", "docs", "scripts"]
func rootExcluding(keeping kept: [String]) -> [String] {
    let sources = ["BilatModel", "BilatExtraction", "BilatStorage", "BilatServices", "bilat",
                   "BilatCorpusGenerator", "BilatBenchmark", "CZlib", "BilatPostgres"].map { "Sources/\($0)" }
    return (rootEntries.filter { $0 != "Sources" && $0 != "seeds" } + ["seeds/articles", "seeds/reference"] + sources)
        .filter { path in !kept.contains { $0 == path || $0.hasPrefix(path + "/") } }
}

let package = Package(
    name: "bilat",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "bilat", targets: ["bilat"]),
        .executable(name: "bilat-bench", targets: ["BilatBenchmark"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // SHA-256 of article texts (the ids): BoringSSL's, with the CPU's SHA extensions.
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        // The PostgreSQL store (--db postgres://...): the server's client, PostgresNIO.
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        // Plain value types of the domain; no I/O.
        .target(name: "BilatModel"),
        // Article text in, facts out; reference data from seeds/reference is bundled here.
        .target(
            name: "BilatExtraction",
            dependencies: ["BilatModel", .product(name: "Crypto", package: "swift-crypto")],
            path: ".",
            exclude: rootExcluding(keeping: ["Sources/BilatExtraction", "seeds/reference"]),
            sources: ["Sources/BilatExtraction"],
            resources: [.copy("seeds/reference")]
        ),
        // zlib, which stores article text compressed (as SQLite archives do, so the sqlite3 shell reads it).
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", providers: [.apt(["zlib1g-dev"])]),
        // Repository protocols and their SQLite implementation; the schema is Migrations/*.sql.
        .target(
            name: "BilatStorage",
            dependencies: ["BilatModel", "CZlib", .product(name: "GRDB", package: "GRDB.swift")],
            path: ".",
            exclude: rootExcluding(keeping: ["Sources/BilatStorage", "Migrations"]),
            sources: ["Sources/BilatStorage"],
            resources: [.copy("Migrations")]
        ),
        // The same repository protocols on PostgreSQL (a knowledge base shared by a team); its schema is
        // Migrations/postgres/*.sql, bundled by BilatStorage with the SQLite ones.
        .target(
            name: "BilatPostgres",
            dependencies: ["BilatModel", "BilatStorage", .product(name: "PostgresNIO", package: "postgres-nio")]
        ),
        // What the commands ask: ingest, queries, exports, evaluation.
        .target(name: "BilatServices", dependencies: ["BilatModel", "BilatExtraction", "BilatStorage"]),
        .executableTarget(
            name: "bilat",
            dependencies: ["BilatServices", "BilatPostgres", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // Deterministic news corpus for the benchmark; the benchmark itself (release build: bilat-bench).
        .target(name: "BilatCorpusGenerator", dependencies: ["BilatModel", "BilatExtraction"]),
        .executableTarget(
            name: "BilatBenchmark",
            dependencies: ["BilatCorpusGenerator", "BilatServices", "BilatStorage", "BilatPostgres", "BilatExtraction",
                           .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // What the test targets share: where Tests/Fixtures is, one extractor over the bundled reference.
        .target(name: "BilatTestSupport", dependencies: ["BilatExtraction"], path: "Tests/BilatTestSupport"),
        .testTarget(name: "BilatExtractionTests", dependencies: ["BilatExtraction", "BilatCorpusGenerator", "BilatTestSupport"]),
        .testTarget(name: "BilatCorpusGeneratorTests", dependencies: ["BilatCorpusGenerator", "BilatExtraction"]),
        .testTarget(name: "BilatStorageTests", dependencies: ["BilatStorage", "BilatPostgres"]),
        .testTarget(
            name: "BilatServicesTests",
            // Depends on the executable so that `swift test` builds the binary the end-to-end tests run.
            dependencies: ["BilatServices", "bilat", "BilatPostgres", "BilatCorpusGenerator", "BilatTestSupport"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
