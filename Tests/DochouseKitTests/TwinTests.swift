import Testing
@testable import DochouseKit

@Suite("Twins are paired by file name")
struct TwinTests {
    @Test("NAME.md pairs with NAME.ru.md and with the older NAME_RU.md; a lone page is reported")
    func pairing() async throws {
        let root = TestSupport.fixture("twins")
        let out = TestSupport.temporaryDirectory() + "/site"
        defer { TestSupport.cleanUp(out) }
        let result = try await TestSupport.run(content: root, out: out)
        #expect(TestSupport.lines(result.diagnostics, relativeTo: root) == [
            "pages/a/only-en.md:3:1: warning: page 'a/only-en' has no Русский (ru) version [page.missing-twin]",
        ])
        #expect(result.diagnostics.first?.suggestion == "add pages/a/only-en.ru.md")
        #expect(result.pagesPerLanguage == ["en": 2, "ru": 1])
        let english = try String(contentsOfFile: out + "/en/a/both.html", encoding: .utf8)
        #expect(english.contains(##"<li><a href="/ru/a/both.html" hreflang="ru" lang="ru" rel="alternate">Русский</a></li>"##))
        #expect(english.contains(##"<link rel="alternate" hreflang="ru" href="/ru/a/both.html">"##))
        let lone = try String(contentsOfFile: out + "/en/a/only-en.html", encoding: .utf8)
        #expect(!lone.contains("language-switcher"), "a page without a twin has no switcher")
        // The missing Russian page is a stub that says so and links to the original.
        let stub = try String(contentsOfFile: out + "/ru/a/only-en.html", encoding: .utf8)
        #expect(stub.contains(##"<p class="notice">Эта страница ещё не переведена.</p>"##))
        #expect(stub.contains(##"<a href="/en/a/only-en.html" hreflang="en" lang="en">Читать оригинал</a> (English)"##))
        #expect(stub.contains(##"<html lang="ru">"##))
    }

    @Test("The naming convention")
    func naming() {
        #expect(PageNaming.split("a/b.ru.md", languages: ["en", "ru"]) == ("a/b", "ru"))
        #expect(PageNaming.split("a/b_RU.md", languages: ["en", "ru"]) == ("a/b", "ru"))
        #expect(PageNaming.split("a/b.md", languages: ["en", "ru"]) == ("a/b", nil))
        #expect(PageNaming.split("a/b.en.md", languages: ["en", "ru"]) == ("a/b", "en"))
    }
}
