import Foundation

// libFuzzer target: any bytes as an article, a feed line and a dateline. Reading may refuse the input;
// nothing may crash, and every span the extractor returns must lie inside the text.

private let extractor: Extractor = {
    guard let reference = try? ReferenceData.bundled() else { fatalError("reference data not found: set BILAT_SEEDS") }
    return Extractor(reference: reference)
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: start, count: count))
    let text = String(decoding: bytes, as: UTF8.self)
    if let article = try? ArticleReader.read(text: text, defaults: ArticleDefaults(published: PartialDate(iso: "2025-06-15"))) {
        check(extractor.extract(article), in: article)
    }
    if let article = try? ArticleReader.readFeedLine(text) {
        check(extractor.extract(article), in: article)
    }
    return 0
}

private func check(_ facts: ArticleFacts, in article: Article) {
    let length = article.text.unicodeScalars.count
    var spans = facts.sentences.map(\.span)
    spans += facts.meetings.flatMap(\.spans) + facts.officials.flatMap(\.spans) + facts.areas.flatMap(\.spans)
    spans += facts.organizations.flatMap(\.spans) + facts.agreements.flatMap(\.spans) + facts.statements.map(\.span)
    for span in spans where span.start < 0 || span.end > length || span.start > span.end {
        fatalError("span \(span) outside the text of \(length) scalars")
    }
    for meeting in facts.meetings where meeting.countries.count < 2 {
        fatalError("a meeting with fewer than two countries: \(meeting)")
    }
}
