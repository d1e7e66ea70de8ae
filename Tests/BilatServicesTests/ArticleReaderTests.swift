import BilatExtraction
import BilatModel
import Testing

@Suite("Reading the article formats")
struct ArticleReaderTests {
    @Test("seed style: the dateline gives the date and the city, the body starts after it")
    func seedStyle() throws {
        let text = "  date 2026-01-16 BEIJING: Chinese President Xi Jinping met Canadian Prime Minister Mark Carney."
        let article = try ArticleReader.read(text: text)
        #expect(article.published == PartialDate(year: 2026, month: 1, day: 16))
        #expect(article.datelineCity == "Beijing")
        let body = String(String.UnicodeScalarView(text.unicodeScalars.dropFirst(article.bodyStart)))
        #expect(body.hasPrefix("Chinese President"))
    }

    @Test("wire style with month and day, agency as source, year left to the default")
    func wireStyle() throws {
        let article = try ArticleReader.read(
            text: "BRASILIA, Nov. 20 (Xinhua) -- Chinese President Xi Jinping held talks with Lula.",
            defaults: ArticleDefaults(published: PartialDate(year: 2024, month: 11, day: 20)))
        #expect(article.datelineCity == "Brasilia")
        #expect(article.datelineMonth == 11)
        #expect(article.datelineDay == 20)
        #expect(article.source == "Xinhua")
        #expect(article.published == PartialDate(year: 2024, month: 11, day: 20))
    }

    @Test("wire style variants", arguments: [
        ("WASHINGTON (Reuters) - U.S. President Donald Trump met", "Washington"),
        ("NEW DELHI, Jan 5 (PTI): Prime Minister Modi met", "New Delhi"),
        ("TEHRAN - Oman's Sultan held talks", "Tehran"),
        ("PARIS/WARSAW - Friedrich Merz travelled", "Paris"),
        (" KAZAN, Russia (Reuters) - Indian Prime Minister Narendra Modi", "Kazan"),
        ("RAROTONGA, Cook Islands - Australia will", "Rarotonga"),
        ("ABU DHABI - Israeli Prime Minister Naftali Bennett", "Abu Dhabi"),
    ])
    func wireVariants(text: String, city: String) throws {
        #expect(try ArticleReader.read(text: text).datelineCity == city)
    }

    @Test("prose that opens with capitals is no dateline", arguments: [
        "FACT SHEET: President Donald J. Trump Delivers",
        "US President Joe Biden met",
        "Japan-U.S. Summit Meeting",
    ])
    func notADateline(text: String) throws {
        #expect(try ArticleReader.read(text: text).datelineCity == nil)
    }

    @Test("front matter gives title, date, source and url; the body starts after it")
    func frontMatter() throws {
        let text = "---\ntitle: Leaders meet\npublished: 2025-05-07\nsource: Wire Desk\nurl: https://x.example/a\n---\nPARIS - Talks."
        let article = try ArticleReader.read(text: text, defaults: ArticleDefaults(published: PartialDate(year: 2000)))
        #expect(article.title == "Leaders meet")
        #expect(article.published == PartialDate(year: 2025, month: 5, day: 7))
        #expect(article.source == "Wire Desk")
        #expect(article.url == "https://x.example/a")
        #expect(article.datelineCity == "Paris")
    }

    @Test("a readout has no dateline; defaults fill what the text lacks")
    func readout() throws {
        let article = try ArticleReader.read(
            text: "Conversation with President of China\n\nOn January 21, 2025, the leaders spoke.",
            defaults: ArticleDefaults(source: "Kremlin"))
        #expect(article.datelineCity == nil)
        #expect(article.published == nil)
        #expect(article.source == "Kremlin")
        #expect(article.bodyStart == 0)
    }

    @Test("a feed line carries id, published, source, url and title")
    func feedLine() throws {
        let line = #"{"id": "brief-1", "published": "2023-05-28", "source": "Gulf", "url": "https://x.example/b", "title": "T", "text": "TEHRAN - Talks held."}"#
        let article = try ArticleReader.readFeedLine(line)
        #expect(article.externalID == "brief-1")
        #expect(article.published == PartialDate(year: 2023, month: 5, day: 28))
        #expect(article.url == "https://x.example/b")
        #expect(article.text == "TEHRAN - Talks held.")
    }

    @Test("a NUL escaped in a feed line becomes U+FFFD, one scalar for one, so offsets stay put")
    func feedLineNUL() throws {
        let line = #"{"id": "n\u0000", "title": "a\u0000b", "text": "TEHRAN - One\u0000two. Talks held."}"#
        let article = try ArticleReader.readFeedLine(line)
        #expect(article.text == "TEHRAN - One\u{FFFD}two. Talks held.")
        #expect(article.title == "a\u{FFFD}b")
        #expect(article.externalID == "n\u{FFFD}")
        #expect(!article.text.unicodeScalars.contains("\u{0}"))
    }

    @Test("bad articles are refused with a reason")
    func badArticles() {
        #expect(throws: ArticleError.empty) { try ArticleReader.read(text: " \n\t ") }
        #expect(throws: ArticleError.unclosedFrontMatter) { try ArticleReader.read(text: "---\ntitle: x\nbody") }
        #expect(throws: ArticleError.malformedFeedLine("invalid JSON")) { try ArticleReader.readFeedLine("{\"id\": ") }
        #expect(throws: ArticleError.missingText) { try ArticleReader.readFeedLine(#"{"id": "a"}"#) }
        #expect(throws: ArticleError.badDate("May 2025")) { try ArticleReader.readFeedLine(#"{"published": "May 2025", "text": "x"}"#) }
    }

    @Test("the id is the SHA-256 of the text")
    func contentHash() throws {
        #expect(ContentHash.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(ContentHash.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let long = String(repeating: "a", count: 1_000)
        #expect(ContentHash.hex(long) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
        #expect(try ArticleReader.read(text: "abc").id == ContentHash.hex("abc"))
    }
}
