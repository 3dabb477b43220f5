import Foundation
import Testing
@testable import DochouseKit

@Suite("Links are resolved against the page's language and URL")
struct LinkTests {
    let resolver = LinkResolver(languages: ["en", "ru"], urlsBySourcePath: ["guide/next.ru.md": "/ru/guide/next.html"])

    @Test("A root link without a language is relative to the page's language root")
    func languageRelative() {
        #expect(resolver.resolve("/modules/cloud-provider-aws/cluster_configuration.html#awsclusterconfiguration-additionalrolepolicies",
                                 pageURL: "/ru/admin/x.html", pageLanguage: "ru", pageSourcePath: "admin/x.ru.md")
                == .site(path: "/ru/modules/cloud-provider-aws/cluster_configuration.html", fragment: "awsclusterconfiguration-additionalrolepolicies"))
        #expect(resolver.resolve("/en/a.html", pageURL: "/ru/x.html", pageLanguage: "ru", pageSourcePath: "x.ru.md")
                == .site(path: "/en/a.html", fragment: nil))
    }

    @Test("Relative links resolve against the page URL, directory-style or file-style")
    func relative() {
        #expect(resolver.resolve("../b/c.html", pageURL: "/ru/a/x.html", pageLanguage: "ru", pageSourcePath: "a/x.ru.md")
                == .site(path: "/ru/b/c.html", fragment: nil))
        #expect(resolver.resolve("next.html", pageURL: "/ru/guide/start/", pageLanguage: "ru", pageSourcePath: "guide/start.ru.md")
                == .site(path: "/ru/guide/start/next.html", fragment: nil))
        #expect(resolver.resolve("../../../../x.html", pageURL: "/ru/a/x.html", pageLanguage: "ru", pageSourcePath: "a/x.ru.md")
                == .site(path: "/x.html", fragment: nil))
        #expect(resolver.resolve("next.ru.md", pageURL: "/ru/guide/start/", pageLanguage: "ru", pageSourcePath: "guide/start.ru.md")
                == .site(path: "/ru/guide/next.html", fragment: nil))
    }

    @Test("Fragments, external and unsafe links")
    func otherForms() {
        #expect(resolver.resolve("#intro", pageURL: "/en/x.html", pageLanguage: "en", pageSourcePath: "x.md") == .site(path: "", fragment: "intro"))
        #expect(resolver.resolve("#%D0%B0", pageURL: "/en/x.html", pageLanguage: "en", pageSourcePath: "x.md") == .site(path: "", fragment: "а"))
        #expect(resolver.resolve("https://example.com/x", pageURL: "/en/x.html", pageLanguage: "en", pageSourcePath: "x.md") == .external("https://example.com/x"))
        #expect(resolver.resolve("//cdn.example.com/x", pageURL: "/en/x.html", pageLanguage: "en", pageSourcePath: "x.md") == .external("//cdn.example.com/x"))
        #expect(resolver.resolve("JavaScript:alert(1)", pageURL: "/en/x.html", pageLanguage: "en", pageSourcePath: "x.md") == .unsafe("JavaScript:alert(1)"))
        #expect(resolver.resolve("data:text/html,x", pageURL: "/en/x.html", pageLanguage: "en", pageSourcePath: "x.md") == .unsafe("data:text/html,x"))
    }

    @Test("The rendered pages carry the rewritten links, and unsafe ones are dropped and reported")
    func renderedLinks() async throws {
        let root = TestSupport.fixture("links")
        let out = TestSupport.temporaryDirectory() + "/site"
        defer { TestSupport.cleanUp(out) }
        let result = try await TestSupport.run(content: root, out: out)
        #expect(TestSupport.lines(result.diagnostics, relativeTo: root) == [
            "pages/guide/start.md:13:3: warning: link to 'javascript:alert(1)' uses a scheme that is never rendered; the link is dropped [markdown.unsafe-url]",
            "pages/guide/start.ru.md:7:3: warning: link to /ru/guide/start/next.html points to no page of the site [link.broken-page]",
        ])
        #expect(result.diagnostics.last?.suggestion == "did you mean /ru/guide/next.html?")
        let english = try String(contentsOfFile: out + "/en/guide/start.html", encoding: .utf8)
        #expect(english.contains(##"<a href="/en/modules/cloud-provider-aws/cluster_configuration.html#awsclusterconfiguration-additionalrolepolicies">language-relative</a>"##))
        #expect(english.contains(##"<a href="/ru/other.html">already localized</a>"##))
        #expect(english.contains(##"<a href="/en/guide/next.html#part">relative</a>"##))
        #expect(english.contains(##"<a href="/en/index.html">parent</a>"##))
        #expect(english.contains(##"<a href="/en/guide/next.html#part">source file</a>"##))
        #expect(english.contains(##"<a href="#intro">same page</a>"##))
        #expect(english.contains(##"<a href="https://example.com/x?y=1">external</a>"##))
        #expect(english.contains(##"<a href="">script</a>"##))
        #expect(english.contains(##"<a href="https://autolink.example.org">https://autolink.example.org</a>"##))
        let russian = try String(contentsOfFile: out + "/ru/guide/start/index.html", encoding: .utf8)
        #expect(russian.contains(##"<a href="/ru/modules/cloud-provider-aws/cluster_configuration.html#awsclusterconfiguration-additionalrolepolicies">"##))
        #expect(russian.contains(##"<a href="/ru/guide/start/next.html">относительная</a>"##))
        #expect(russian.contains(##"<a href="/ru/guide/next.html">исходник</a>"##))
    }

    @Test("Permalinks: file style, directory style, leading slash, and escapes")
    func permalinks() throws {
        #expect(try Permalink.resolve("ru/a/b.html").get() == .init(outputPath: "ru/a/b.html", url: "/ru/a/b.html"))
        #expect(try Permalink.resolve("/ru/a/b.html").get() == .init(outputPath: "ru/a/b.html", url: "/ru/a/b.html"))
        #expect(try Permalink.resolve("/ru/a/b/").get() == .init(outputPath: "ru/a/b/index.html", url: "/ru/a/b/"))
        #expect(try Permalink.resolve("/").get() == .init(outputPath: "index.html", url: "/"))
        #expect(Permalink.resolve("ru/../../x.html") == .failure(.escapes("..")))
        #expect(Permalink.resolve("ru/%2e%2e/x.html") == .failure(.escapes("%2e%2e")))
        #expect(Permalink.resolve("ru\\x.html") == .failure(.invalidCharacter("a backslash")))
    }

    @Test("A path the byte check calls normalized is one the segment walk leaves unchanged, on random paths")
    func normalizedFastPath() {
        let pieces = ["/", "/", ".", "..", "a", "б", "...", "%2e"]
        var state: UInt64 = 3
        for _ in 0..<20_000 {
            var path = ""
            state = state &* 6364136223846793005 &+ 1442695040888963407
            for _ in 0..<Int(state >> 61) + 1 {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                path += pieces[Int(state >> 33) % pieces.count]
            }
            #expect(LinkResolver.normalize(path) == LinkResolver.normalizedBySegments(path), "\(path.debugDescription)")
            if LinkResolver.isNormalized(path) { #expect(LinkResolver.normalizedBySegments(path) == path, "\(path.debugDescription)") }
        }
    }
}
