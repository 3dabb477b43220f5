import Foundation
import Testing
@testable import DochouseKit

@Suite("Search index, sitemap, robots.txt and 404 pages")
struct SiteFilesTests {
    static let page = """
    ---
    title: Репозитории
    permalink: ru/r.html
    ---
    Вводный текст про узлы.

    ## Настройка репозитория

    Укажите репозиторий в политике `ecr:BatchGetImage`.

    ```json
    {"code": "неиндексируемоеслово"}
    ```
    """

    static func document() throws -> SearchDocument {
        let (page, _) = TestSupport.parsePage(Self.page, path: "r.ru.md")
        return SearchDocument(page: try #require(page))
    }

    @Test("A page's search document: one section per heading with its anchor, prose as plain text, code left out")
    func document() throws {
        let document = try Self.document()
        #expect(document.url == "/ru/r.html")
        #expect(document.language == "ru")
        #expect(document.sections == [
            .init(anchor: "", heading: "", text: "Вводный текст про узлы."),
            .init(anchor: "настройка-репозитория", heading: "Настройка репозитория", text: "Укажите репозиторий в политике ecr:BatchGetImage."),
        ])
    }

    @Test("The index holds stems with postings gap*4+field; 'репозиторию' reaches the title and the heading")
    func index() throws {
        let file = SearchIndexBuilder.build(language: "ru", documents: [try Self.document()])
        #expect(file.path == "ru/search-index.json")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(file.bytes)) as? [String: Any])
        #expect(json["lang"] as? String == "ru")
        #expect((json["pages"] as? [[String]]) == [["/ru/r.html", "Репозитории"]])
        let docs = try #require(json["docs"] as? [[Any]])
        #expect(docs.count == 2)
        #expect(docs[1][1] as? String == "настройка-репозитория")
        #expect(docs[1][2] as? String == "Настройка репозитория")
        let terms = try #require(json["terms"] as? [String: [Int]])
        let query = SearchTokenizer.stem("репозиторию")
        #expect(query == "репозитор")
        #expect(terms[query] == [0 * 4 + 3, 1 * 4 + 2], "title of doc 0, heading of doc 1 (which beats its prose)")
        #expect(terms[SearchTokenizer.stem("узлам")] == [0 * 4 + 1])
        #expect(terms["batchgetimag"] == [1 * 4 + 1])
        #expect(terms.keys.allSatisfy { !$0.contains("неиндексируем") })
        // Postings count docs as gaps: a stem in docs 0, 3 and 4 of three pages is [0+f, 3*4+f, 1*4+f].
        let three = SearchIndexBuilder.build(language: "ru", documents: (1...3).map { n in
            SearchDocument(url: "/ru/\(n).html", language: "ru", title: "Страница \(n)", sections: [
                .init(anchor: "", heading: "", text: n == 1 ? "узлам" : ""), .init(anchor: "a", heading: "A", text: "узлы")])
        })
        let threeTerms = try #require((try JSONSerialization.jsonObject(with: Data(three.bytes)) as? [String: Any])?["terms"] as? [String: [Int]])
        #expect(threeTerms["узл"] == [0 * 4 + 1, 1 * 4 + 1, 2 * 4 + 1, 2 * 4 + 1], "docs 0, 1, 3, 5")
        #expect(threeTerms["страниц"] == [0 * 4 + 3, 2 * 4 + 3, 2 * 4 + 3], "titles of docs 0, 2, 4")
        // Deterministic: the same documents give the same bytes.
        #expect(SearchIndexBuilder.build(language: "ru", documents: [try Self.document()]) == file)
        // Other languages' documents stay out.
        let english = SearchIndexBuilder.build(language: "en", documents: [try Self.document()])
        #expect(String(decoding: english.bytes, as: UTF8.self) == #"{"lang":"en","pages":[],"docs":[],"terms":{}}"# + "\n")
    }

    @Test("A stem table that fills up (words merged by text on some pages, by number on others) gives the same index")
    func fullStemTable() {
        let words = ["узлы", "узлам", "репозиторий", "репозитории", "policy", "policies", "node", "nodes", "роль",
                     "роли", "bucket", "buckets", "образ", "образы", "action", "actions", "кластер", "кластеры"]
        var state: UInt64 = 7
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        let texts = (0..<40).map { _ in
            (title: (0..<2).map { _ in words[next(words.count)] }.joined(separator: " "),
             sections: (0..<3).map { _ in (0..<6).map { _ in words[next(words.count)] }.joined(separator: " ") })
        }
        func index(_ table: SearchStemTable) -> OutputFile {
            let documents = texts.enumerated().map { number, text in
                SearchDocument(url: "/ru/\(number).html", language: "ru", title: text.title,
                               sections: text.sections.enumerated().map { .init(anchor: $0.offset == 0 ? "" : "s\($0.offset)", heading: "", text: $0.element) },
                               stemTable: table)
            }
            return SearchIndexBuilder.build(language: "ru", documents: documents, stemTable: table)
        }
        let roomy = index(SearchStemTable())
        // One word per shard: most words are left unnumbered, and the first pages are numbered before the table fills.
        let full = index(SearchStemTable(maxWordsPerShard: 1))
        #expect(full == roomy)
        #expect(String(decoding: roomy.bytes, as: UTF8.self).contains("\"узл\""))
    }

    @Test("Reference parameters are found by their path and by the words of their name")
    func referenceSections() {
        #expect(SearchDocument.splitCamelCase("additionalRolePolicies") == "additional Role Policies")
        #expect(SearchDocument.splitCamelCase("AWSClusterConfiguration") == "AWS Cluster Configuration")
        #expect(SearchDocument.splitCamelCase("ami") == "")
    }

    @Test("The built site has the sitemap with hreflang alternates, robots.txt and a 404 page per language")
    func builtSite() async throws {
        let out = TestSupport.temporaryDirectory() + "/site"
        defer { TestSupport.cleanUp(out) }
        let result = try await TestSupport.run(content: TestSupport.fixture("twins"), out: out)
        #expect(result.wroteSite)
        let sitemap = try String(contentsOfFile: out + "/sitemap.xml", encoding: .utf8)
        #expect(sitemap == """
        <?xml version="1.0" encoding="UTF-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
          <url>
            <loc>/en/a/both.html</loc>
            <xhtml:link rel="alternate" hreflang="en" href="/en/a/both.html"/>
            <xhtml:link rel="alternate" hreflang="ru" href="/ru/a/both.html"/>
            <xhtml:link rel="alternate" hreflang="x-default" href="/en/a/both.html"/>
          </url>
          <url>
            <loc>/ru/a/both.html</loc>
            <xhtml:link rel="alternate" hreflang="en" href="/en/a/both.html"/>
            <xhtml:link rel="alternate" hreflang="ru" href="/ru/a/both.html"/>
            <xhtml:link rel="alternate" hreflang="x-default" href="/en/a/both.html"/>
          </url>
          <url>
            <loc>/en/a/only-en.html</loc>
          </url>
        </urlset>

        """)
        #expect(try String(contentsOfFile: out + "/robots.txt", encoding: .utf8) == "User-agent: *\nAllow: /\n\nSitemap: /sitemap.xml\n")
        let russian = try String(contentsOfFile: out + "/ru/404.html", encoding: .utf8)
        #expect(russian.contains("<html lang=\"ru\">"))
        #expect(russian.contains("<title>Страница не найдена · "))
        #expect(russian.contains("<meta name=\"robots\" content=\"noindex\">"))
        #expect(russian.contains("<li><a href=\"/ru/a/both.html\">Оба</a></li>"))
        #expect(!russian.contains("only-en"), "the untranslated stub is not a Russian page")
        let english = try String(contentsOfFile: out + "/en/404.html", encoding: .utf8)
        #expect(english.contains("<h1>Page not found</h1>"))
        #expect(try String(contentsOfFile: out + "/404.html", encoding: .utf8) == english)
        #expect(russian.contains("<li><a href=\"/en/404.html\" hreflang=\"en\" lang=\"en\" rel=\"alternate\">English</a></li>"),
                "the 404 page's switcher leads to the other language's 404 page")
        // The tree has no page at /ru/, so the header's home link gets a generated home page, with the same list.
        let home = try String(contentsOfFile: out + "/ru/index.html", encoding: .utf8)
        #expect(home.contains("<title>Главная · Documentation</title>") && home.contains("<h1>Главная</h1>"))
        #expect(home.contains("<h2 id=\"pages\">Страницы</h2>\n<ul class=\"page-list\">\n<li><a href=\"/ru/a/both.html\">Оба</a></li>\n</ul>"))
        #expect(home.contains("<li><a href=\"/en/\" hreflang=\"en\" lang=\"en\" rel=\"alternate\">English</a></li>"))
        #expect(!home.contains("noindex"))
        let both = try String(contentsOfFile: out + "/ru/a/both.html", encoding: .utf8)
        #expect(both.contains("<link rel=\"alternate\" hreflang=\"x-default\" href=\"/en/a/both.html\">"))
        #expect(both.contains("data-index=\"/ru/search-index.json\""))
    }

    @Test("With an absolute baseURL, sitemap and robots.txt use absolute URLs")
    func absoluteURLs() {
        let site = SiteConfig(baseURL: "https://docs.example.com/docs/")
        #expect(site.origin == "https://docs.example.com")
        #expect(site.fullURL("/docs/en/a.html") == "https://docs.example.com/docs/en/a.html")
        #expect(Sitemap.robots(site: site) == "User-agent: *\nAllow: /\n\nSitemap: https://docs.example.com/docs/sitemap.xml\n")
        #expect(SiteConfig(baseURL: "/").origin == "")
    }

    @Test("A tree's own static/robots.txt replaces the generated one")
    func staticRobotsWins() async throws {
        let out = TestSupport.temporaryDirectory() + "/site"
        defer { TestSupport.cleanUp(out) }
        let result = try await TestSupport.run(content: TestSupport.fixture("static-robots"), out: out)
        #expect(result.wroteSite)
        #expect(try String(contentsOfFile: out + "/robots.txt", encoding: .utf8) == "User-agent: *\nDisallow: /drafts/\n")
        #expect(FileManager.default.fileExists(atPath: out + "/en/404.html"))
        #expect(!FileManager.default.fileExists(atPath: out + "/ru/404.html"), "only the site's languages get a 404 page")
    }

    @Test("JSON string literals written on bytes equal the RFC 8259 escaping by scalars, on random text")
    func jsonTextOnBytes() {
        func reference(_ text: String) -> String {
            var out = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                case "<": out += "\\u003c"
                default:
                    if scalar.value < 0x20 {
                        let hex = String(scalar.value, radix: 16)
                        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                    } else {
                        out.unicodeScalars.append(scalar)
                    }
                }
            }
            return out + "\""
        }
        let alphabet: [Unicode.Scalar] = ["a", "\"", "\\", "\n", "\r", "\t", "<", ">", "\u{0}", "\u{1}", "\u{1F}", "\u{7F}", "я", "€", "😀", " "]
        for text in TestSupport.randomTexts(from: alphabet, count: 5_000, maxLength: 15, seed: 5) {
            #expect(JSONText.string(text) == reference(text))
        }
        for value in [0, 7, 10, 99, 100, 12_345, Int.max] {
            var out: [UInt8] = []
            JSONText.appendDecimal(value, to: &out)
            #expect(String(decoding: out, as: UTF8.self) == String(value))
        }
    }
}
