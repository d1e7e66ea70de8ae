import Testing
@testable import BilatStorage

/// Without a PostgreSQL test server the storage suites' PostgreSQL cases are not generated; this test
/// says so in the report (skipped, with the reason) rather than leaving them silently out.
@Suite("Storage suites on PostgreSQL")
struct StorageBackendTests {
    @Test("the storage suites' PostgreSQL cases run: a store made on the test server answers, empty",
          .enabled(if: StorageBackend.server != nil,
                   "no PostgreSQL server: set BILAT_TEST_POSTGRES_URL (.ci/run starts one); the storage suites ran on SQLite only"))
    func serverAnswers() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let (store, drop) = try StorageBackend.postgres.makeStore(folder)
        defer { drop() }
        #expect(try store.articleCount() == 0)
        #expect(StorageBackend.available == [.sqlite, .postgres])
    }
}
