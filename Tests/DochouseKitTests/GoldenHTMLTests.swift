import Foundation
import Testing
@testable import DochouseKit

@Suite("The bundled site renders exactly as reviewed")
struct GoldenHTMLTests {
    /// Set DOCHOUSE_UPDATE_GOLDEN=1 to rewrite the golden files after a reviewed change.
    @Test("The seed page and the generated reference page, in both languages, match their golden HTML", arguments: [
        ("ru/admin/integrations/public/amazon/services.html", "services.ru.html"),
        ("en/admin/integrations/public/amazon/services.html", "services.en.html"),
        ("ru/modules/cloud-provider-aws/cluster_configuration.html", "site-reference.ru.html"),
        ("en/modules/cloud-provider-aws/cluster_configuration.html", "site-reference.en.html"),
    ])
    func seedPage(_ output: String, _ golden: String) async throws {
        let out = TestSupport.temporaryDirectory() + "/site"
        defer { TestSupport.cleanUp(out) }
        let content = TestSupport.repositoryRoot.appendingPathComponent("content").path
        let result = try await TestSupport.run(content: content, out: out)
        #expect(result.wroteSite)
        let html = try String(contentsOfFile: out + "/" + output, encoding: .utf8)
        let goldenPath = TestSupport.fixture("golden/" + golden)
        if ProcessInfo.processInfo.environment["DOCHOUSE_UPDATE_GOLDEN"] == "1" {
            try html.write(toFile: goldenPath, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOfFile: goldenPath, encoding: .utf8)
        #expect(html == expected)
    }

    @Test("The Russian page meets the foundation's acceptance facts")
    func acceptanceFacts() async throws {
        let out = TestSupport.temporaryDirectory() + "/site"
        defer { TestSupport.cleanUp(out) }
        let content = TestSupport.repositoryRoot.appendingPathComponent("content").path
        _ = try await TestSupport.run(content: content, out: out)
        let russian = try String(contentsOfFile: out + "/ru/admin/integrations/public/amazon/services.html", encoding: .utf8)
        #expect(russian.contains(##"<h2 id="работа-с-amazon-elastic-container-registry-ecr">"##))
        #expect(russian.contains(##"href="/ru/modules/cloud-provider-aws/cluster_configuration.html#awsclusterconfiguration-additionalrolepolicies""##))
        #expect(russian.contains(##"<a href="/en/admin/integrations/public/amazon/services.html" hreflang="en""##))
        let english = try String(contentsOfFile: out + "/en/admin/integrations/public/amazon/services.html", encoding: .utf8)
        #expect(english.contains(##"<a href="/ru/admin/integrations/public/amazon/services.html" hreflang="ru""##))
        #expect(english.contains(##"href="/en/modules/cloud-provider-aws/cluster_configuration.html#awsclusterconfiguration-additionalrolepolicies""##))
    }
}
