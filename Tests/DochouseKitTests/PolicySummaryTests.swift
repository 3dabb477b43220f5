import Testing
@testable import DochouseKit

@Suite("Under an IAM policy sample, a summary says what it grants, in the page's language")
struct PolicySummaryTests {
    static let identityPolicy = """
    {
      "Version": "2012-10-17",
      "Statement": [
        {"Sid": "Pull", "Effect": "Allow", "Action": ["ecr:GetAuthorizationToken", "ecr:BatchGetImage", "ecr:Describe*"],
         "Resource": "*"},
        {"Effect": "Deny", "Action": "iam:PutRolePolicy", "Resource": "arn:aws:iam::123456789012:role/admin"},
        {"Effect": "Allow", "Action": "ecr:NoSuchAction", "Resource": "*"}
      ]
    }
    """

    static let resourcePolicy = """
    {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
      "Principal": {"AWS": ["arn:aws:iam::111122223333:role/node", "444455556666"], "Service": "ec2.amazonaws.com"},
      "Action": ["ecr:BatchGetImage", "ecr:GetAuthorizationToken", "ecr:TagResource"]}]}
    """

    static func summary(_ json: String) throws -> PolicySummary {
        let value = try StrictJSONReader.read(json).get()
        let policy = try #require(IAMPolicyDocument(value))
        return PolicySummary(policy, catalog: .bundled)
    }

    static func sentences(_ html: String) -> [String] {
        html.split(separator: "\n").filter { $0.hasPrefix("<div class=\"policy-statement\">") == false && $0.hasPrefix("<p>") }.map(String.init)
    }

    @Test("English: one sentence per statement; wildcards are expanded from the catalog and counted by access level")
    func identityEnglish() throws {
        let summary = try Self.summary(Self.identityPolicy)
        let html = summary.html(language: "en")
        #expect(html.hasPrefix("<details class=\"policy-summary\">\n<summary>What this policy grants</summary>\n"))
        let describe = try #require(summary.statements.first?.actions.last)
        #expect(describe.written == "ecr:Describe*")
        #expect(describe.matches == IAMCatalog.bundled.actions(matching: "ecr:Describe*").count)
        #expect(describe.matches > 3)
        let total = 2 + describe.matches
        let counts = summary.statements[0].actions.reduce(into: [IAMAccessLevel: Int]()) { for (k, v) in $1.levelCounts.nonZero { $0[k, default: 0] += v } }
        let detail = IAMAccessLevel.allCases.compactMap { level in counts[level].map { "\($0) \(level.displayName)" } }.joined(separator: ", ")
        #expect(Self.sentences(html) == [
            "<p><strong>Pull</strong>: Lets the identities this policy is attached to perform \(total) actions (\(detail)) on all resources.</p>",
            "<p>Denies the identities this policy is attached to 1 action (1 Permissions management) on <code>arn:aws:iam::123456789012:role/admin</code>.</p>",
            "<p>Lets the identities this policy is attached to perform 1 action (1 not in the catalog) on all resources.</p>",
        ])
        #expect(html.contains("<tr><td><code>ecr:GetAuthorizationToken</code></td><td><span class=\"access-level access-read\">Read</span></td>"
            + "<td><span class=\"scope-none\">no, only <code>\"Resource\": \"*\"</code></span></td></tr>"))
        #expect(html.contains("<tr><td><code>ecr:BatchGetImage</code></td><td><span class=\"access-level access-read\">Read</span></td><td>yes: <code>repository</code></td></tr>"))
        #expect(html.contains("<tr><td><code>iam:PutRolePolicy</code></td><td><span class=\"access-level access-permissions\">Permissions management</span></td><td>yes: <code>role</code></td></tr>"))
        #expect(html.contains("<tr><td><code>ecr:NoSuchAction</code></td><td><span class=\"access-level access-unknown\">not in the catalog</span></td><td>—</td></tr>"))
        #expect(html.contains("<code>ecr:Describe*</code> <span class=\"policy-matches\">(\(describe.matches) actions)</span>"))
    }

    @Test("Russian: the same facts with the console's Russian access levels")
    func identityRussian() throws {
        let html = try Self.summary(Self.identityPolicy).html(language: "ru")
        #expect(html.hasPrefix("<details class=\"policy-summary\">\n<summary>Что разрешает эта политика</summary>\n"))
        let sentences = Self.sentences(html)
        #expect(sentences.count == 3)
        #expect(sentences[1] == "<p>Запрещает тем, к кому привязана политика, 1 действие (Управление разрешениями: 1) на <code>arn:aws:iam::123456789012:role/admin</code>.</p>")
        #expect(sentences[2] == "<p>Разрешает тем, к кому привязана политика, 1 действие (нет в каталоге: 1) на всех ресурсах.</p>")
        #expect(html.contains("<th scope=\"col\">Действие</th><th scope=\"col\">Уровень доступа</th><th scope=\"col\">Ограничение ресурсом</th>"))
        #expect(html.contains("<span class=\"access-level access-read\">Чтение</span>"))
        #expect(html.contains("<span class=\"access-level access-permissions\">Управление разрешениями</span>"))
        #expect(html.contains("<span class=\"access-level access-list\">Список</span>"))
        #expect(html.contains("<td><span class=\"scope-none\">нет, только <code>\"Resource\": \"*\"</code></span></td>"))
        #expect(html.contains("<td>да: <code>repository</code></td>"))
    }

    @Test("A resource policy names its principals, and says which actions it cannot grant")
    func resourcePolicy() throws {
        let summary = try Self.summary(Self.resourcePolicy)
        #expect(summary.isResourceBased)
        let english = summary.html(language: "en")
        #expect(Self.sentences(english) == [
            "<p>Lets the IAM role <code>node</code> (account <code>111122223333</code>), account <code>444455556666</code> and the service "
                + "<code>ec2.amazonaws.com</code> perform 3 actions (2 Read, 1 Tagging) on the resource this policy is attached to.</p>",
        ])
        #expect(english.contains("<td><code>ecr:GetAuthorizationToken</code></td><td><span class=\"access-level access-read\">Read</span></td>"
            + "<td><span class=\"scope-none\">no: a resource policy cannot grant it</span></td>"))
        let russian = summary.html(language: "ru")
        #expect(Self.sentences(russian) == [
            "<p>Разрешает роли IAM <code>node</code> (аккаунт <code>111122223333</code>), аккаунту <code>444455556666</code> и сервису "
                + "<code>ec2.amazonaws.com</code> 3 действия (Чтение: 2, Теги: 1) на ресурсе, к которому привязана политика.</p>",
        ])
        #expect(russian.contains("<span class=\"scope-none\">нет: политика ресурса не может его разрешить</span>"))
        #expect(russian.contains("<span class=\"access-level access-tagging\">Теги</span>"))
    }

    @Test("Russian plurals of 'действие'")
    func plurals() {
        let forms = [1, 2, 5, 11, 21, 22, 25, 112].map { PolicySummaryWords.russianPlural($0, "действие", "действия", "действий") }
        #expect(forms == ["действие", "действия", "действий", "действий", "действие", "действия", "действий", "действий"])
    }
}

@Suite("A policy sample's summary from the rules' catalog answers equals the one from looking actions up by text")
struct PolicySummaryFromFactsTests {
    @Test("Generated policies (with the benchmark's deliberate errors) and entries of odd shapes")
    func sameSummaries() throws {
        let odd = """
        {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": ["EC2:describeinstances", "ec2::DescribeInstances", " ec2:DescribeInstances",
            "ec2:DescribeInstances ", "ec2:", ":DescribeInstances", "ec2", "*", "s3:*", "ec2:Describe?nstances",
            "ec2:DescribeInstances\\u0301", "nosuchservice:Get", "ecr:BatchGetImage", 5], "Resource": "*"},
          {"Effect": "Deny", "NotAction": "iam:*", "Resource": "*"},
          {"Effect": "Allow", "Resource": "*"},
          {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}
        ]}
        """
        let texts = PolicyBenchmark.generate(count: 120, seed: 7) + [odd]
        let catalog = IAMCatalog.bundled
        let models = ModelRegistry()
        var compared = 0
        for (index, text) in texts.enumerated() {
            let page = PolicyBenchmark.PolicyPage(index: index, text: text)
            let (annotations, _) = SampleAnnotations.parse(page.block.info)
            let sample = SampleReader.sample(index: 0, block: page.block, annotations: annotations,
                                             map: SampleSourceMap(file: page.file, block: page.block), models: models)
            guard case .iamPolicy = sample.kind, let policy = sample.policy else { continue }
            // The rules ask for the facts first in a build; here the summary computes them itself.
            let fromFacts = PolicySummary(sample: sample, policy: policy, catalog: catalog)
            let byText = PolicySummary(policy, catalog: catalog)
            #expect(fromFacts.statements == byText.statements, "policy \(index)")
            #expect(fromFacts.html(language: "ru") == byText.html(language: "ru"), "policy \(index)")
            compared += 1
        }
        #expect(compared > 100)
    }
}
