import BilatModel
import Foundation
import Testing
@testable import BilatExtraction

/// The reference data of `makeReferenceDirectory()`, read whole; the folder is removed before this returns.
func makeReference() throws -> ReferenceData {
    let dir = try makeReferenceDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    return try ReferenceData(directory: dir)
}

/// A small reference directory written for the test: a few countries, officials and organizations.
/// The caller removes it (`makeReference()` does).
/// What loading a copy of the bundled reference with `file` (a path in it) replaced by `text` throws,
/// as its message; nil when it loads.
func referenceLoadError(_ file: String, _ text: String) throws -> String? {
    let dir = try makeReferenceDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    try text.write(to: dir.appendingPathComponent(file), atomically: true, encoding: .utf8)
    do {
        _ = try ReferenceData(directory: dir)
        return nil
    } catch {
        return "\(error)"
    }
}

func makeReferenceDirectory() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bilat-ref-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    do {
        try writeReference(to: dir)
    } catch {
        try? FileManager.default.removeItem(at: dir)
        throw error
    }
    return dir
}

private func writeReference(to dir: URL) throws {
    let countries = """
    code\talpha3\tname\tofficial_name\taliases\tdemonyms\tcapitals\tcombining_forms
    # a comment line
    CN\tCHN\tChina\tPeople's Republic of China\tPRC|Mainland China\tChinese\tBeijing\tSino
    CA\tCAN\tCanada\t\t\tCanadian|Canadians\tOttawa\t
    US\tUSA\tUnited States\tUnited States of America\tU.S.|US|USA|America\tAmerican|Americans\tWashington|Washington, D.C.\t
    KR\tKOR\tSouth Korea\tRepublic of Korea\tKorea|ROK\tSouth Korean|Korean\tSeoul\t
    FR\tFRA\tFrance\tFrench Republic\t\tFrench\tParis\tFranco
    """
    try countries.write(to: dir.appendingPathComponent("countries.tsv"), atomically: true, encoding: .utf8)
    let officials = """
    name\tcountry\trole\tstart\tend\taliases
    Xi Jinping\tCN\tPresident\t2013-03-14\t\t
    Mark Carney\tCA\tPrime Minister\t2025-03-14\t\t
    Justin Trudeau\tCA\tPrime Minister\t2015-11-04\t2025-03-14\t
    """
    try officials.write(to: dir.appendingPathComponent("officials.tsv"), atomically: true, encoding: .utf8)
    let orgs = """
    name\taliases\tkind
    UN\tUnited Nations|U.N.\torganization
    G20\tGroup of 20|Group of Twenty\tforum
    APEC\tAsia-Pacific Economic Cooperation\tforum
    """
    try orgs.write(to: dir.appendingPathComponent("organizations.tsv"), atomically: true, encoding: .utf8)
    // The repository's publishers name countries this small list lacks.
    let publishers = """
    publisher\tcountry
    The White House\tUS
    Prime Minister of Canada\tCA
    """
    try publishers.write(to: dir.appendingPathComponent("publishers.tsv"), atomically: true, encoding: .utf8)
    // The engine's own lexicons come from the repository's seeds/reference.
    let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("seeds/reference")
    for file in try FileManager.default.contentsOfDirectory(atPath: seeds.path)
    where !["countries.tsv", "officials.tsv", "organizations.tsv", "publishers.tsv", "international_officials.tsv"].contains(file) {
        try FileManager.default.copyItem(at: seeds.appendingPathComponent(file), to: dir.appendingPathComponent(file))
    }
}

@Suite struct ReferenceDataTests {
    let reference: ReferenceData

    init() throws {
        reference = try makeReference()
    }

    @Test func findsCountriesByCodeNameAliasAndDemonym() {
        for name in ["China", "PRC", "CN", "chn", "Chinese", "People's Republic of China", "  china "] {
            #expect(reference.country(named: name)?.code == "CN", "\(name)")
        }
        #expect(reference.country(named: "U.S.")?.code == "US")
        #expect(reference.country(named: "Canadians")?.code == "CA")
        #expect(reference.country(named: "Atlantis") == nil)
    }

    @Test func suggestsCloseNames() {
        #expect(reference.countrySuggestions(for: "Chnia", limit: 3).first?.code == "CN")
        #expect(reference.countrySuggestions(for: "Canda", limit: 3).first?.code == "CA")
        #expect(reference.countrySuggestions(for: "Frnace", limit: 1).map(\.code) == ["FR"])
    }

    @Test func readsOfficialsWithTerms() throws {
        let trudeau = try #require(reference.officials.first { $0.name == "Justin Trudeau" })
        #expect(trudeau.serves(on: PartialDate(year: 2020)))
        #expect(!trudeau.serves(on: PartialDate(year: 2026, month: 1, day: 16)))
        #expect(reference.organizations.map(\.name).contains("G20"))
        #expect(reference.combiningForms["CN"] == ["Sino"])
    }

    @Test func loadsTheLexicons() {
        #expect(reference.lexicon.months["nov"] == 11)
        #expect(reference.lexicon.speechVerbs["pledged"] == .commitment)
        #expect(reference.places.venues.first { $0.name == "white house" }?.place == "Washington")
        #expect(reference.lexicon.areaTerms.count == 24)
    }
}
