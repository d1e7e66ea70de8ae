@testable import BilatServices
import Foundation
import Testing

@Suite("HTML export in a real browser, and Markdown")
struct ExportHTMLTests {
    @Test("headless Chromium: every event is in the DOM, no script ran or exists, the screenshot is not blank",
          .enabled(if: ExportFixtures.available("chromium"), "chromium is not installed (apt-get install -y chromium)"))
    func chromium() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let document = ExportFixtures.document
        let page = try folder.write(ExportFormat.html.render(document), to: "timeline.html")
        let flags = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                     "--user-data-dir=\(folder.appendingPathComponent("profile").path)"]

        let dom = try #require(ExportFixtures.run("chromium", flags + ["--dump-dom", page.absoluteString]))
        #expect(dom.status == 0, "\(dom.stderr)")
        for event in document.events {
            #expect(dom.stdout.contains("id=\"\(event.uniqueID)\""), "\(event.uniqueID) missing from the DOM")
        }
        #expect(!dom.stdout.lowercased().contains("<script"), "the hostile <script> stayed text")
        #expect(dom.stdout.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(dom.stdout.contains("<svg"))

        let shot = folder.appendingPathComponent("shot.png")
        let blank = try folder.write("<!DOCTYPE html><html><body style=\"background:#fdfdfb\"></body></html>",
                                     to: "blank.html")
        let blankShot = folder.appendingPathComponent("blank.png")
        for (input, output) in [(page, shot), (blank, blankShot)] {
            let run = try #require(ExportFixtures.run(
                "chromium", flags + ["--hide-scrollbars", "--screenshot=\(output.path)", "--window-size=1200,900",
                                     input.absoluteString]))
            #expect(run.status == 0, "\(run.stderr)")
        }
        let png = try Data(contentsOf: shot)
        let blankPNG = try Data(contentsOf: blankShot)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]), "a PNG")
        // A blank page compresses to almost nothing; text and marks make the PNG many times larger.
        #expect(png.count > blankPNG.count * 4, "screenshot \(png.count) bytes, blank \(blankPNG.count)")
    }

    @Test("Markdown: a heading, one bullet per event with its date, sources as links, markup escaped")
    func markdown() {
        let md = ExportFormat.md.render(ExportFixtures.document)
        let lines = md.components(separatedBy: "\n")
        #expect(lines[0] == "# China–Canada \\<script\\>alert(1)\\</script\\>")
        let bullets = lines.filter { $0.hasPrefix("- ") }
        #expect(bullets.count == 4)
        #expect(bullets[0].hasPrefix("- **2024 (year)** — @SUM(1+1) China, France and Germany: memorandum"))
        #expect(bullets[1].hasPrefix("- **2025-10 (month)** — "))
        #expect(bullets[3].hasPrefix("- **undated** — "))
        #expect(!md.contains("<script>"))
        #expect(md.contains("  - [Talks \\<script\\>alert(1)\\</script\\>, \"quoted\"; and, more](<https://example.org/a?b=1&c=1>)"))
        let sourceLines = lines.filter { $0.hasPrefix("  - ") }
        #expect(sourceLines.count == 4)
        #expect(!lines.contains { $0.hasPrefix("then left") }, "line breaks in sentences do not break the list")
    }
}
