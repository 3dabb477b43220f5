import CmarkBridge
import Testing
@testable import DochouseKit

/// One-sample pages for the IAM rule tests. The page is "```json\n<sample>\n```\n", so sample line k is file
/// line k + 1 and columns are the same in both: a finding at sample (k, c) is reported at page.md:(k+1):c.
enum IAMRuleFixture {
    static let path = "page.md"

    /// A sample read from text as the pipeline reads it; a policy's kind is detected unless given.
    static func sample(_ text: String, syntax: SampleSyntax = .json, kind: SampleKind? = nil) -> Sample {
        let fence = syntax == .json ? "json" : "yaml"
        let page = "```\(fence)\n\(text)\n```\n"
        let block = CodeBlock(info: fence, literal: text + "\n", isFenced: true, firstContentLine: 2, fenceIndent: 0,
                              location: DochouseKit.SourceLocation(file: path, line: 1, column: 1),
                              markdownStart: MarkdownPosition(line: 1, column: 1))
        return sample(block: block, file: SourceFile(displayPath: path, text: page), syntax: syntax, kind: kind)
    }

    static func sample(block: CodeBlock, file: SourceFile, syntax: SampleSyntax, kind: SampleKind?) -> Sample {
        let map = SampleSourceMap(file: file, block: block)
        var value: SampleValue?
        switch syntax {
        case .json:
            if case .success(let parsed) = StrictJSONReader.read(block.literal) { value = parsed }
        case .yaml:
            if case .success(let parsed) = YAMLSampleReader.read(block.literal) { value = parsed }
        }
        var detected = SampleKind.data
        if let value, value["Statement"] != nil {
            detected = .iamPolicy(resourceBased: IAMPolicyDocument(value)?.isResourceBased ?? false, resourceType: nil)
        }
        let finalKind = kind ?? detected
        var sample = Sample(index: 0, block: block, annotations: SampleAnnotations(), syntax: syntax, kind: finalKind,
                            value: value, sourceMap: map)
        if case .iamPolicy(let resourceBased, let resourceType) = finalKind, let value {
            sample.policy = IAMPolicyDocument(value, resourceBased: resourceBased, resourceType: resourceType)
        }
        return sample
    }

    /// A policy whose one statement stands on sample line 4 from column 5 (file line 5).
    static func policy(_ statement: String) -> String {
        "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    \(statement)\n  ]\n}"
    }

    static let context = ValidationContext(catalog: .bundled, models: ModelRegistry())

    static func run(_ rule: some SampleRule, on sample: Sample) -> [Diagnostic] {
        var report = SampleReport(sourceMap: sample.sourceMap)
        rule.check(sample, context: context, report: &report)
        return report.diagnostics
    }

    static func runAll(on sample: Sample) -> [Diagnostic] {
        var report = SampleReport(sourceMap: sample.sourceMap)
        for rule in IAMRules.all { rule.check(sample, context: context, report: &report) }
        return report.diagnostics
    }

    static func describe(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map { "\($0.location.map { "\($0.line):\($0.column)" } ?? "-") \($0.ruleID): \($0.message)" }
            .joined(separator: "\n")
    }
}

/// Expects exactly one finding of `id` at file (line, column) whose message holds `fragment`; returns it.
@discardableResult
func expectFinding(_ diagnostics: [Diagnostic], _ id: String, line: Int, column: Int, _ fragment: String,
                   sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Diagnostic? {
    let matching = diagnostics.filter { $0.ruleID == id && $0.location?.line == line && $0.location?.column == column }
    #expect(matching.count == 1, "want one \(id) at \(line):\(column); got:\n\(IAMRuleFixture.describe(diagnostics))",
            sourceLocation: sourceLocation)
    if let finding = matching.first {
        #expect(finding.message.contains(fragment), "message: \(finding.message)", sourceLocation: sourceLocation)
        #expect(finding.location?.file == IAMRuleFixture.path || finding.location?.file == IAMRuleTests.seedPath,
                sourceLocation: sourceLocation)
    }
    return matching.first
}

@Suite struct IAMRuleTests {
    typealias F = IAMRuleFixture

    static let seedPath = "ru/services.ru.md"

    static let goodIdentityPolicy = """
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Sid": "PullImages",
          "Effect": "Allow",
          "Action": ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:Describe*"],
          "Resource": "arn:aws:ecr:eu-central-1:210987654321:repository/app",
          "Condition": {
            "StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5", "ecr:ResourceTag/team": "platform"},
            "IpAddress": {"aws:SourceIp": ["203.0.113.0/24", "2001:db8::/32"]},
            "Bool": {"aws:SecureTransport": "true"},
            "DateLessThan": {"aws:CurrentTime": "2030-01-01T00:00:00Z"},
            "NumericLessThan": {"aws:MultiFactorAuthAge": "3600"},
            "ArnLike": {"aws:PrincipalArn": "arn:aws:iam::210987654321:role/*"},
            "ForAnyValue:StringLike": {"aws:TagKeys": ["team*"]},
            "Null": {"aws:TokenIssueTime": "false"}
          }
        },
        {
          "Sid": "Token",
          "Effect": "Allow",
          "Action": "ecr:GetAuthorizationToken",
          "Resource": "*"
        },
        {
          "Effect": "Deny",
          "NotAction": ["ecr:*", "sts:AssumeRole"],
          "NotResource": ["arn:aws:s3:::logs-bucket/${aws:username}/*"]
        }
      ]
    }
    """

    static let goodRepositoryPolicy = """
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Sid": "RepositoryRead",
          "Effect": "Allow",
          "Principal": {"AWS": ["arn:aws:iam::210987654321:role/node", "210987654321"]},
          "Action": ["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]
        },
        {
          "Sid": "RepositoryPush",
          "Effect": "Allow",
          "Principal": {"AWS": "arn:aws:iam::210987654321:role/ci"},
          "Action": ["ecr:PutImage", "ecr:InitiateLayerUpload", "ecr:UploadLayerPart", "ecr:CompleteLayerUpload"],
          "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}
        }
      ]
    }
    """

    // MARK: Silence on correct samples

    @Test func correctIdentityPolicyHasNoFindings() {
        let diagnostics = F.runAll(on: F.sample(Self.goodIdentityPolicy))
        #expect(diagnostics.isEmpty, "\(F.describe(diagnostics))")
    }

    @Test func correctRepositoryPolicyHasNoFindings() {
        for kind: SampleKind? in [nil, .iamPolicy(resourceBased: true, resourceType: "ecr-repository")] {
            let diagnostics = F.runAll(on: F.sample(Self.goodRepositoryPolicy, kind: kind))
            #expect(diagnostics.isEmpty, "\(F.describe(diagnostics))")
        }
    }

    @Test func correctYAMLPolicyAndConfigurationHaveNoFindings() {
        let policy = """
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Action:
              - ecr:GetAuthorizationToken
              - ECR:batchgetimage
            Resource: "*"
        """
        #expect(F.runAll(on: F.sample(policy, syntax: .yaml)).isEmpty)
        let configuration = """
        additionalRolePolicies:
          - ecr:GetAuthorizationToken
          - "ecr:BatchGetImage"
          - ecr:Describe*
        """
        let sample = F.sample(configuration, syntax: .yaml, kind: .configuration(kind: "AWSClusterConfiguration", fragment: true))
        #expect(F.runAll(on: sample).isEmpty)
    }

    @Test func dataSamplesAreLeftAlone() {
        let sample = F.sample(#"{"Effect": "allow", "Action": "ecr:Nope"}"#, kind: .data)
        #expect(F.runAll(on: sample).isEmpty)
    }

    // MARK: The seed page

    /// Lines 1-39 of the Russian services page, whose repository policy grants ecr:GetAuthorizationToken.
    static let seedPage = """
    ---
    title: Интеграция со службами Amazon Web Services
    permalink: ru/admin/integrations/public/amazon/services.html
    lang: ru
    ---

    ## Работа с Amazon Elastic Container Registry (ECR)

    Чтобы узлы кластера имели доступ к частным репозиториям Amazon ECR:

    1. Определите права на чтение образов в политиках репозитория. Важно, чтобы в `Principal` был указан существующий IAM-Role (IAM-роль), привязанная к узлам Deckhouse Kubernetes Platform (DKP).

        Пример политики:

        ```yaml
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Sid": "RepositoryRead",
              "Effect": "Allow",
              "Principal": {
                "AWS": "arn:aws:iam::xxx:role/xxx-node"
              },
              "Action": [
                "ecr:BatchCheckLayerAvailability",
                "ecr:BatchGetImage",
                "ecr:DescribeImages",
                "ecr:DescribeRepositories",
                "ecr:GetAuthorizationToken",
                "ecr:GetDownloadUrlForLayer",
                "ecr:ListImages",
                "ecr:ListTagsForResource"
              ]
            }
          ]
        }
        ```

    """

    @Test func seedRepositoryPolicyGivesExactlyTwoFindings() throws {
        let file = SourceFile(displayPath: Self.seedPath, text: Self.seedPage)
        let lines = Self.seedPage.split(separator: "\n", omittingEmptySubsequences: false)
        // The fence is on file line 15; its content, lines 16-37, is indented 4 columns by the list item.
        let literal = lines[15...36].map { String($0.dropFirst(4)) }.joined(separator: "\n") + "\n"
        let block = CodeBlock(info: "yaml", literal: literal, isFenced: true, firstContentLine: 16, fenceIndent: 0,
                              location: DochouseKit.SourceLocation(file: Self.seedPath, line: 15, column: 5),
                              markdownStart: MarkdownPosition(line: 15, column: 5))
        let sample = F.sample(block: block, file: file, syntax: .json, kind: nil)
        #expect(sample.policy?.isResourceBased == true)
        let diagnostics = F.runAll(on: sample)
        #expect(diagnostics.count == 2, "\(F.describe(diagnostics))")
        let grant = expectFinding(diagnostics, "iam.resource-policy-cannot-grant", line: 30, column: 13,
                                  "ecr:GetAuthorizationToken has no resource type, so a repository policy cannot grant it; grant it to the node role instead, through additionalRolePolicies in AWSClusterConfiguration")
        #expect(grant?.severity == .error)
        let placeholder = expectFinding(diagnostics, "iam.placeholder-account", line: 23, column: 34,
                                        "account ID 'xxx' is a placeholder; readers must replace it before using the policy")
        #expect(placeholder?.message.contains("'role/xxx-node'") == true)
        #expect(placeholder?.severity == .warning)
    }

    /// The whole seed page through the real reader (cmark positions, detection), with only the IAM rules:
    /// the repository policy gives the two findings above; the additionalRolePolicies fragment and the default
    /// action list give none.
    @Test func seedPageThroughTheSampleReader() throws {
        let text = Self.seedPage + """
        1. Настройте эту политику в AWS Console: Amazon ECR → Private registry → Repositories → требуемый репозиторий → Permissions.

        1. Добавьте `ecr:GetAuthorizationToken` в `additionalRolePolicies`:

           ```yaml
           additionalRolePolicies:
             - ecr:GetAuthorizationToken
             - ecr:BatchGetImage
             - ecr:DescribeRepositories
           ```

        Если параметр не задан, IAM-роли будут содержать только базовые действия:

        ```yaml
        ec2:DescribeTags
        ec2:DescribeInstances
        ```

        """
        let (page, problems) = TestSupport.parsePage(text, path: Self.seedPath)
        let parsed = try #require(page, "\(problems)")
        let validator = SampleValidator(context: F.context, rules: IAMRules.all)
        let result = validator.validate(parsed)
        #expect(result.samples.count == 3)
        #expect(result.diagnostics.count == 2, "\(F.describe(result.diagnostics))")
        expectFinding(result.diagnostics, "iam.resource-policy-cannot-grant", line: 30, column: 13, "ecr:GetAuthorizationToken has no resource type")
        expectFinding(result.diagnostics, "iam.placeholder-account", line: 23, column: 34, "account ID 'xxx' is a placeholder")
    }

    // MARK: Version

    @Test func versionMissing() {
        let text = "{\n  \"Statement\": {\"Effect\": \"Allow\", \"Action\": \"ecr:GetAuthorizationToken\", \"Resource\": \"*\"}\n}"
        let diagnostics = F.run(IAMVersionMissingRule(), on: F.sample(text))
        expectFinding(diagnostics, "iam.version-missing", line: 2, column: 1, "policy variables")
        #expect(diagnostics.first?.suggestion?.contains("2012-10-17") == true)
        #expect(diagnostics.first?.severity == .warning)
        #expect(F.run(IAMVersionMissingRule(), on: F.sample(F.policy("{}"))).isEmpty)
        // A miscased "version" is iam.unknown-element's finding, not a missing Version.
        let miscased = "{\"version\": \"2012-10-17\", \"Statement\": []}"
        #expect(F.run(IAMVersionMissingRule(), on: F.sample(miscased)).isEmpty)
    }

    @Test func versionInvalidPointsAtTheValueWithAFix() throws {
        let text = F.policy("{}").replacingOccurrences(of: "2012-10-17", with: "2012-10-18")
        let diagnostics = F.run(IAMVersionInvalidRule(), on: F.sample(text))
        let finding = try #require(expectFinding(diagnostics, "iam.version-invalid", line: 3, column: 14,
                                                 "Version '2012-10-18' is not a version of the IAM policy language"))
        #expect(finding.suggestion == "did you mean '2012-10-17'?")
        #expect(finding.fixIts == [FixIt(range: SourceRange(start: .init(file: F.path, line: 3, column: 14),
                                                            end: .init(file: F.path, line: 3, column: 26)),
                                         replacement: "\"2012-10-17\"")])
        let number = F.run(IAMVersionInvalidRule(), on: F.sample("{\"Version\": 2012, \"Statement\": []}"))
        expectFinding(number, "iam.version-invalid", line: 2, column: 13, "not a number")
        #expect(F.run(IAMVersionInvalidRule(), on: F.sample(F.policy("{}"))).isEmpty)
    }

    @Test func versionOld() {
        let text = F.policy("{}").replacingOccurrences(of: "2012-10-17", with: "2008-10-17")
        let diagnostics = F.run(IAMVersionOldRule(), on: F.sample(text))
        expectFinding(diagnostics, "iam.version-old", line: 3, column: 14, "old policy language")
        #expect(F.run(IAMVersionInvalidRule(), on: F.sample(text)).isEmpty)
        #expect(F.run(IAMVersionOldRule(), on: F.sample(F.policy("{}"))).isEmpty)
    }

    // MARK: Statement

    @Test func statementMissingEmptyAndType() {
        let missing = F.sample("{\"Version\": \"2012-10-17\"}", kind: .iamPolicy(resourceBased: false, resourceType: nil))
        expectFinding(F.run(IAMStatementMissingRule(), on: missing), "iam.statement-missing", line: 2, column: 1, "no Statement")

        let empty = F.sample("{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": []\n}")
        expectFinding(F.run(IAMStatementEmptyRule(), on: empty), "iam.statement-empty", line: 4, column: 16, "empty array")

        let string = F.sample("{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": \"Allow\"\n}")
        expectFinding(F.run(IAMStatementTypeRule(), on: string), "iam.statement-type", line: 4, column: 16,
                      "must be an object or an array of objects, not a string")
        let item = F.sample(F.policy("\"everything\""))
        expectFinding(F.run(IAMStatementTypeRule(), on: item), "iam.statement-type", line: 5, column: 5,
                      "each statement must be an object")

        let good = F.sample(Self.goodIdentityPolicy)
        #expect(F.run(IAMStatementMissingRule(), on: good).isEmpty)
        #expect(F.run(IAMStatementEmptyRule(), on: good).isEmpty)
        #expect(F.run(IAMStatementTypeRule(), on: good).isEmpty)
    }

    // MARK: Sid

    @Test func sidFormat() {
        let statement = #"{"Sid": "Read-Images", "Effect": "Allow", "Action": "ecr:GetAuthorizationToken", "Resource": "*"}"#
        let diagnostics = F.run(IAMSidFormatRule(), on: F.sample(F.policy(statement)))
        let finding = expectFinding(diagnostics, "iam.sid-format", line: 5, column: 13, "only ASCII letters and digits")
        #expect(finding?.suggestion == "write 'ReadImages'")
        let number = F.sample(F.policy(#"{"Sid": 7, "Effect": "Allow", "Action": "ecr:GetAuthorizationToken", "Resource": "*"}"#))
        expectFinding(F.run(IAMSidFormatRule(), on: number), "iam.sid-format", line: 5, column: 13, "not a number")
        #expect(F.run(IAMSidFormatRule(), on: F.sample(Self.goodIdentityPolicy)).isEmpty)
    }

    @Test func sidDuplicateNotesTheFirst() throws {
        let text = """
        {
          "Version": "2012-10-17",
          "Statement": [
            {"Sid": "Read", "Effect": "Allow", "Action": "ecr:GetAuthorizationToken", "Resource": "*"},
            {"Sid": "Read", "Effect": "Deny", "Action": "ecr:PutImage", "Resource": "*"}
          ]
        }
        """
        let diagnostics = F.run(IAMSidDuplicateRule(), on: F.sample(text))
        let finding = try #require(expectFinding(diagnostics, "iam.sid-duplicate", line: 6, column: 13, "'Read' is already used"))
        #expect(finding.notes.first?.location == DochouseKit.SourceLocation(file: F.path, line: 5, column: 13))
        #expect(F.run(IAMSidDuplicateRule(), on: F.sample(Self.goodIdentityPolicy)).isEmpty)
    }

    // MARK: Effect

    @Test func effectMissing() {
        let sample = F.sample(F.policy(#"{"Action": "ecr:GetAuthorizationToken", "Resource": "*"}"#))
        expectFinding(F.run(IAMEffectMissingRule(), on: sample), "iam.effect-missing", line: 5, column: 5, "no Effect")
        let miscased = F.sample(F.policy(#"{"effect": "Allow", "Action": "ecr:GetAuthorizationToken", "Resource": "*"}"#))
        #expect(F.run(IAMEffectMissingRule(), on: miscased).isEmpty)
        #expect(F.run(IAMEffectMissingRule(), on: F.sample(Self.goodIdentityPolicy)).isEmpty)
    }

    @Test func effectIsCaseSensitiveWithAFix() throws {
        let sample = F.sample(F.policy(#"{"Effect": "allow", "Action": "ecr:GetAuthorizationToken", "Resource": "*"}"#))
        let diagnostics = F.run(IAMEffectInvalidRule(), on: sample)
        let finding = try #require(expectFinding(diagnostics, "iam.effect-invalid", line: 5, column: 16,
                                                 "Effect is case-sensitive: write \"Allow\", not \"allow\""))
        #expect(finding.fixIts == [FixIt(range: SourceRange(start: .init(file: F.path, line: 5, column: 16),
                                                            end: .init(file: F.path, line: 5, column: 23)),
                                         replacement: "\"Allow\"")])
        let permit = F.sample(F.policy(#"{"Effect": "Permit", "Action": "ecr:GetAuthorizationToken", "Resource": "*"}"#))
        let other = try #require(expectFinding(F.run(IAMEffectInvalidRule(), on: permit), "iam.effect-invalid", line: 5, column: 16,
                                               "Effect must be \"Allow\" or \"Deny\", not \"Permit\""))
        #expect(other.fixIts.isEmpty)
        #expect(F.run(IAMEffectInvalidRule(), on: F.sample(Self.goodIdentityPolicy)).isEmpty)
    }

    @Test func effectInYAMLGetsAPlainFix() throws {
        let text = """
        Version: "2012-10-17"
        Statement:
          - Effect: allow
            Action: ecr:GetAuthorizationToken
            Resource: "*"
        """
        let diagnostics = F.runAll(on: F.sample(text, syntax: .yaml))
        #expect(diagnostics.count == 1, "\(F.describe(diagnostics))")
        let finding = try #require(expectFinding(diagnostics, "iam.effect-invalid", line: 4, column: 13, "case-sensitive"))
        #expect(finding.fixIts.first?.replacement == "Allow")
        #expect(finding.fixIts.first?.range.end?.column == 18)
    }

    // MARK: Action

    @Test func actionMissingAndConflict() {
        let missing = F.sample(F.policy(#"{"Effect": "Allow", "Resource": "*"}"#))
        expectFinding(F.run(IAMActionMissingRule(), on: missing), "iam.action-missing", line: 5, column: 5, "neither Action nor NotAction")
        let both = F.sample(F.policy(#"{"Effect": "Deny", "Action": "ecr:PutImage", "NotAction": "ecr:GetAuthorizationToken", "Resource": "*"}"#))
        expectFinding(F.run(IAMActionConflictRule(), on: both), "iam.action-conflict", line: 5, column: 50, "both Action and NotAction")
        let good = F.sample(Self.goodIdentityPolicy)
        #expect(F.run(IAMActionMissingRule(), on: good).isEmpty)
        #expect(F.run(IAMActionConflictRule(), on: good).isEmpty)
    }

    @Test func actionType() {
        let item = F.sample(F.policy(#"{"Effect": "Allow", "Action": ["ecr:GetAuthorizationToken", 5], "Resource": "*"}"#))
        expectFinding(F.run(IAMActionTypeRule(), on: item), "iam.action-type", line: 5, column: 65, "not a number")
        let object = F.sample(F.policy(#"{"Effect": "Allow", "Action": {"ecr": "GetImage"}, "Resource": "*"}"#))
        expectFinding(F.run(IAMActionTypeRule(), on: object), "iam.action-type", line: 5, column: 35,
                      "Action must be a string or an array of strings, not an object")
        #expect(F.run(IAMActionTypeRule(), on: F.sample(Self.goodIdentityPolicy)).isEmpty)
    }

    @Test func actionFormat() {
        let sample = F.sample(F.policy(#"{"Effect": "Allow", "Action": ["GetAuthorizationToken", "ecr:"], "Resource": "*"}"#))
        let diagnostics = F.run(IAMActionFormatRule(), on: sample)
        #expect(diagnostics.count == 2)
        expectFinding(diagnostics, "iam.action-format", line: 5, column: 36, "has no service prefix")
        expectFinding(diagnostics, "iam.action-format", line: 5, column: 61, "no action name after the colon")
        #expect(F.run(IAMActionFormatRule(), on: F.sample(Self.goodIdentityPolicy)).isEmpty)
        // Malformed entries are this rule's alone: the catalog rules stay quiet about them.
        #expect(F.run(IAMUnknownServiceRule(), on: sample).isEmpty)
        #expect(F.run(IAMUnknownActionRule(), on: sample).isEmpty)
    }

    @Test func emptyArray() {
        let sample = F.sample(F.policy(#"{"Effect": "Allow", "Action": [], "Resource": "*"}"#))
        expectFinding(F.run(IAMEmptyArrayRule(), on: sample), "iam.empty-array", line: 5, column: 35, "Action is an empty array")
        #expect(F.run(IAMActionMissingRule(), on: sample).isEmpty)
        #expect(F.run(IAMEmptyArrayRule(), on: F.sample(Self.goodIdentityPolicy)).isEmpty)
    }

    // MARK: Resource

    @Test func resourceMissingOnlyInIdentityPolicies() {
        let statement = #"{"Effect": "Allow", "Action": "ecr:BatchGetImage"}"#
        let identity = F.sample(F.policy(statement))
        expectFinding(F.run(IAMResourceMissingRule(), on: identity), "iam.resource-missing", line: 5, column: 5,
                      "neither Resource nor NotResource")
        // An ECR repository policy normally has no Resource: never flag it.
        let repository = F.sample(F.policy(statement), kind: .iamPolicy(resourceBased: true, resourceType: "ecr-repository"))
        #expect(F.run(IAMResourceMissingRule(), on: repository).isEmpty)
        #expect(F.run(IAMResourceMissingRule(), on: F.sample(Self.goodRepositoryPolicy)).isEmpty)
        #expect(F.run(IAMResourceMissingRule(), on: F.sample(Self.goodIdentityPolicy)).isEmpty)
    }

    @Test func resourceConflictAndType() {
        let both = F.sample(F.policy(#"{"Effect": "Allow", "Action": "ecr:GetAuthorizationToken", "Resource": "*", "NotResource": "arn:aws:s3:::b"}"#))
        expectFinding(F.run(IAMResourceConflictRule(), on: both), "iam.resource-conflict", line: 5, column: 81, "both Resource and NotResource")
        let number = F.sample(F.policy(#"{"Effect": "Allow", "Action": "ecr:GetAuthorizationToken", "Resource": 42}"#))
        expectFinding(F.run(IAMResourceTypeRule(), on: number), "iam.resource-type", line: 5, column: 76, "not a number")
        let good = F.sample(Self.goodIdentityPolicy)
        #expect(F.run(IAMResourceConflictRule(), on: good).isEmpty)
        #expect(F.run(IAMResourceTypeRule(), on: good).isEmpty)
    }

    // MARK: Principal

    @Test func principalForbiddenInIdentityPolicies() {
        let statement = #"{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::210987654321:root"}, "Action": "ecr:GetAuthorizationToken", "Resource": "*"}"#
        let identity = F.sample(F.policy(statement), kind: .iamPolicy(resourceBased: false, resourceType: nil))
        expectFinding(F.run(IAMPrincipalForbiddenRule(), on: identity), "iam.principal-forbidden", line: 5, column: 25,
                      "an identity policy cannot have Principal")
        #expect(F.run(IAMPrincipalForbiddenRule(), on: F.sample(F.policy(statement))).isEmpty)
        #expect(F.run(IAMPrincipalForbiddenRule(), on: F.sample(Self.goodIdentityPolicy)).isEmpty)
    }

    @Test func principalMissingInResourcePolicies() {
        let sample = F.sample(F.policy(#"{"Effect": "Allow", "Action": "ecr:BatchGetImage"}"#),
                              kind: .iamPolicy(resourceBased: true, resourceType: "ecr-repository"))
        expectFinding(F.run(IAMPrincipalMissingRule(), on: sample), "iam.principal-missing", line: 5, column: 5, "no Principal")
        #expect(F.run(IAMPrincipalMissingRule(), on: F.sample(Self.goodRepositoryPolicy)).isEmpty)
    }

    @Test func principalInvalid() throws {
        let miscased = F.sample(F.policy(#"{"Effect": "Allow", "Principal": {"aws": "arn:aws:iam::210987654321:root"}, "Action": "ecr:BatchGetImage"}"#))
        let fix = try #require(expectFinding(F.run(IAMPrincipalInvalidRule(), on: miscased), "iam.principal-invalid", line: 5, column: 39,
                                             "principal types are case-sensitive: write 'AWS'"))
        #expect(fix.fixIts.first?.replacement == "\"AWS\"")
        #expect(fix.fixIts.first?.range.end?.column == 44)
        let unknown = F.sample(F.policy(#"{"Effect": "Allow", "Principal": {"User": "arn:aws:iam::210987654321:root"}, "Action": "ecr:BatchGetImage"}"#))
        expectFinding(F.run(IAMPrincipalInvalidRule(), on: unknown), "iam.principal-invalid", line: 5, column: 39,
                      "'User' is not a principal type; Principal takes AWS, Service, Federated, CanonicalUser")
        let bare = F.sample(F.policy(#"{"Effect": "Allow", "Principal": "arn:aws:iam::210987654321:root", "Action": "ecr:BatchGetImage"}"#))
        let bareFinding = expectFinding(F.run(IAMPrincipalInvalidRule(), on: bare), "iam.principal-invalid", line: 5, column: 38,
                                        "not the bare string")
        #expect(bareFinding?.suggestion == #"write {"AWS": "arn:aws:iam::210987654321:root"}"#)
        #expect(F.run(IAMPrincipalInvalidRule(), on: F.sample(Self.goodRepositoryPolicy)).isEmpty)
    }

    @Test func principalWildcardWithoutCondition() {
        let statement = #"{"Effect": "Allow", "Principal": {"AWS": ["arn:aws:iam::210987654321:root", "*"]}, "Action": "ecr:BatchGetImage"}"#
        let diagnostics = F.run(IAMPrincipalWildcardRule(), on: F.sample(F.policy(statement)))
        expectFinding(diagnostics, "iam.principal-wildcard", line: 5, column: 81, "grants access to everyone")
        #expect(diagnostics.first?.severity == .warning)
        let conditioned = #"{"Effect": "Allow", "Principal": "*", "Action": "ecr:BatchGetImage", "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}}"#
        #expect(F.run(IAMPrincipalWildcardRule(), on: F.sample(F.policy(conditioned))).isEmpty)
        let denied = #"{"Effect": "Deny", "Principal": "*", "Action": "ecr:DeleteRepository"}"#
        #expect(F.run(IAMPrincipalWildcardRule(), on: F.sample(F.policy(denied))).isEmpty)
    }

    // MARK: Elements

    @Test func unknownElementsWithCaseFixAndDidYouMean() throws {
        let sample = F.sample(F.policy(#"{"effect": "Allow", "Actions": "ecr:GetAuthorizationToken", "Resource": "*"}"#))
        let diagnostics = F.run(IAMUnknownElementRule(), on: sample)
        #expect(diagnostics.count == 2)
        let effect = try #require(expectFinding(diagnostics, "iam.unknown-element", line: 5, column: 6,
                                                "'effect' is not a statement element: element names are case-sensitive, write 'Effect'"))
        #expect(effect.fixIts.first?.replacement == "\"Effect\"")
        let actions = expectFinding(diagnostics, "iam.unknown-element", line: 5, column: 25, "'Actions' is not a statement element")
        #expect(actions?.suggestion == "did you mean 'Action'?")
        let top = F.sample("{\"Version\": \"2012-10-17\", \"Statements\": []}", kind: .iamPolicy(resourceBased: false, resourceType: nil))
        let topFinding = expectFinding(F.run(IAMUnknownElementRule(), on: top), "iam.unknown-element", line: 2, column: 27,
                                       "'Statements' is not a top-level policy element")
        #expect(topFinding?.suggestion == "did you mean 'Statement'?")
        #expect(F.run(IAMUnknownElementRule(), on: F.sample(Self.goodIdentityPolicy)).isEmpty)
    }

    @Test func allowWithNotActionAndNotPrincipal() {
        let notAction = F.sample(F.policy(#"{"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}"#))
        expectFinding(F.run(IAMAllowNotActionRule(), on: notAction), "iam.allow-not-action", line: 5, column: 25,
                      "Allow with NotAction grants every action")
        let notPrincipal = F.sample(F.policy(#"{"Effect": "Allow", "NotPrincipal": {"AWS": "arn:aws:iam::210987654321:root"}, "Action": "ecr:BatchGetImage"}"#))
        expectFinding(F.run(IAMAllowNotPrincipalRule(), on: notPrincipal), "iam.allow-not-principal", line: 5, column: 25,
                      "Allow with NotPrincipal grants access to every principal except")
        // Deny with NotAction is the usual guard rail: fine.
        #expect(F.run(IAMAllowNotActionRule(), on: F.sample(Self.goodIdentityPolicy)).isEmpty)
        #expect(F.run(IAMAllowNotPrincipalRule(), on: F.sample(Self.goodRepositoryPolicy)).isEmpty)
    }

    // MARK: Condition

    @Test func conditionOperators() throws {
        let statement = #"{"Effect": "Allow", "Action": "ecr:GetAuthorizationToken", "Resource": "*", "Condition": {"StringEqual": {"aws:PrincipalOrgID": "o-a1b2c3"}, "stringlike": {"aws:userid": "AID*"}, "NullIfExists": {"aws:TokenIssueTime": "true"}}}"#
        let diagnostics = F.run(IAMConditionOperatorRule(), on: F.sample(F.policy(statement)))
        #expect(diagnostics.count == 3)
        let typo = expectFinding(diagnostics, "iam.condition-operator", line: 5, column: 95, "'StringEqual' is not a condition operator")
        #expect(typo?.suggestion == "did you mean 'StringEquals'?")
        let miscased = try #require(expectFinding(diagnostics, "iam.condition-operator", line: 5, column: 146,
                                                  "condition operators are case-sensitive: write 'StringLike'"))
        #expect(miscased.fixIts.first?.replacement == "\"StringLike\"")
        expectFinding(diagnostics, "iam.condition-operator", line: 5, column: 184, "Null takes no IfExists")
        #expect(F.run(IAMConditionOperatorRule(), on: F.sample(Self.goodIdentityPolicy)).isEmpty)
        #expect(IAMConditionOperator("ForAllValues:StringNotEqualsIgnoreCaseIfExists")?.family == .string)
        #expect(IAMConditionOperator.allNames.count == 3 * (27 + 26))
    }

    @Test func conditionValues() {
        let statement = #"{"Effect": "Allow", "Action": "ecr:GetAuthorizationToken", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "yes"}, "IpAddress": {"aws:SourceIp": ["10.0.0.0/8", "10.0.0.256"]}, "NumericLessThan": {"aws:MultiFactorAuthAge": "ten"}, "DateLessThan": {"aws:CurrentTime": "2024-13-01"}, "ArnLike": {"aws:PrincipalArn": "role/node"}}}"#
        let diagnostics = F.run(IAMConditionValueRule(), on: F.sample(F.policy(statement)))
        #expect(diagnostics.count == 5, "\(F.describe(diagnostics))")
        expectFinding(diagnostics, "iam.condition-value", line: 5, column: 127, "Bool needs \"true\" or \"false\" for aws:SecureTransport, not 'yes'")
        expectFinding(diagnostics, "iam.condition-value", line: 5, column: 180, "IpAddress needs an IPv4 or IPv6 address or CIDR range")
        expectFinding(diagnostics, "iam.condition-value", line: 5, column: 242, "NumericLessThan needs a number")
        expectFinding(diagnostics, "iam.condition-value", line: 5, column: 286, "DateLessThan needs an ISO 8601 date")
        expectFinding(diagnostics, "iam.condition-value", line: 5, column: 333, "ArnLike needs an ARN")
        let shape = #"{"Effect": "Allow", "Action": "ecr:GetAuthorizationToken", "Resource": "*", "Condition": {"StringEquals": "aws:PrincipalOrgID"}}"#
        expectFinding(F.run(IAMConditionValueRule(), on: F.sample(F.policy(shape))), "iam.condition-value", line: 5, column: 111,
                      "the value of StringEquals must be an object of condition keys")
        #expect(F.run(IAMConditionValueRule(), on: F.sample(Self.goodIdentityPolicy)).isEmpty)
    }

    @Test func conditionValueFormats() {
        typealias V = IAMConditionValueFormat
        for good in ["10.0.0.1", "203.0.113.0/24", "::1", "2001:db8::/32", "2001:db8:0:0:0:0:0:1", "::ffff:192.0.2.1", "::"] {
            #expect(V.isIPAddressOrCIDR(good), "\(good)")
        }
        for bad in ["10.0.0.256", "10.0.0", "10.0.0.1/33", "1:2:3:4:5:6:7:8:9", "1::2::3", ":::", "2001:db8::/129", "", "/8", "a.b.c.d"] {
            #expect(!V.isIPAddressOrCIDR(bad), "\(bad)")
        }
        for good in ["2024-01-31", "2024-01-31T12:00:00Z", "2024-01-31T12:00Z", "2024-01-31T12:00:00.123+03:00", "1706659200", "2024-01"] {
            #expect(V.isDate(good), "\(good)")
        }
        for bad in ["yesterday", "2024-13-01", "2024-01-32", "2024-01-31T25:00", "2024/01/31", "", "2024-01-31T12:00:00+3"] {
            #expect(!V.isDate(bad), "\(bad)")
        }
        #expect(V.isNumber("-12.5") && V.isNumber("0") && !V.isNumber("1e3") && !V.isNumber("ten") && !V.isNumber("-") && !V.isNumber("1."))
    }

    // MARK: Duplicates and redundancy

    @Test func duplicateActionIgnoresCase() throws {
        let sample = F.sample(F.policy(#"{"Effect": "Allow", "Action": ["ecr:BatchGetImage", "ecr:ListImages", "ECR:batchgetimage"], "Resource": "*"}"#))
        let diagnostics = F.run(IAMDuplicateActionRule(), on: sample)
        let finding = try #require(expectFinding(diagnostics, "iam.duplicate-action", line: 5, column: 75, "'ECR:batchgetimage' is already listed"))
        #expect(finding.notes.first?.location == DochouseKit.SourceLocation(file: F.path, line: 5, column: 36))
        #expect(finding.severity == .warning)
        #expect(F.run(IAMDuplicateActionRule(), on: F.sample(Self.goodIdentityPolicy)).isEmpty)
    }

    @Test func redundantActionUnderAWildcard() throws {
        let sample = F.sample(F.policy(#"{"Effect": "Allow", "Action": ["ecr:Get*", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"], "Resource": "*"}"#))
        let diagnostics = F.run(IAMRedundantActionRule(), on: sample)
        #expect(diagnostics.count == 1)
        let finding = try #require(expectFinding(diagnostics, "iam.redundant-action", line: 5, column: 48,
                                                 "'ecr:GetDownloadUrlForLayer' is already covered by 'ecr:Get*'"))
        #expect(finding.notes.first?.location == DochouseKit.SourceLocation(file: F.path, line: 5, column: 36))
        #expect(IAMRedundantActionRule.covers("ecr:*", "ecr:Get*"))
        #expect(!IAMRedundantActionRule.covers("ecr:Get?", "ecr:Get*"))
        #expect(IAMRedundantActionRule.covers("*", "s3:GetObject"))
        #expect(F.run(IAMRedundantActionRule(), on: F.sample(Self.goodIdentityPolicy)).isEmpty)
    }

    // MARK: Catalog: services, actions, wildcards

    @Test func unknownService() throws {
        let sample = F.sample(F.policy(#"{"Effect": "Allow", "Action": ["ecrr:BatchGetImage", "nosuchservice:Get"], "Resource": "*"}"#))
        let diagnostics = F.run(IAMUnknownServiceRule(), on: sample)
        #expect(diagnostics.count == 2)
        let typo = try #require(expectFinding(diagnostics, "iam.unknown-service", line: 5, column: 36, "'ecrr' in 'ecrr:BatchGetImage' is not an AWS service prefix"))
        #expect(typo.suggestion == "did you mean 'ecr:BatchGetImage'?")
        #expect(typo.fixIts.first?.replacement == "\"ecr:BatchGetImage\"")
        let none = expectFinding(diagnostics, "iam.unknown-service", line: 5, column: 58, "'nosuchservice'")
        #expect(none?.suggestion == nil)
        #expect(F.run(IAMUnknownServiceRule(), on: F.sample(Self.goodIdentityPolicy)).isEmpty)
    }

    @Test func unknownActionWithDidYouMeanAndFix() throws {
        let sample = F.sample(F.policy(#"{"Effect": "Allow", "Action": ["ecr:BatchGetImages", "ecr:batchcheckLAYERavailability"], "Resource": "*"}"#))
        let diagnostics = F.run(IAMUnknownActionRule(), on: sample)
        #expect(diagnostics.count == 1, "another case is not an error: \(F.describe(diagnostics))")
        let finding = try #require(expectFinding(diagnostics, "iam.unknown-action", line: 5, column: 36,
                                                 "'ecr:BatchGetImages' is not an action of Amazon Elastic Container Registry (ecr)"))
        #expect(finding.suggestion == "did you mean 'ecr:BatchGetImage'?")
        #expect(finding.fixIts == [FixIt(range: SourceRange(start: .init(file: F.path, line: 5, column: 36),
                                                            end: .init(file: F.path, line: 5, column: 56)),
                                         replacement: "\"ecr:BatchGetImage\"")])
        #expect(F.run(IAMUnknownActionRule(), on: F.sample(Self.goodIdentityPolicy)).isEmpty)
    }

    @Test func catalogRulesCoverConfigurationAndActionLists() throws {
        let configuration = """
        additionalRolePolicies:
          - ecr:GetAuthorizationToken
          - ecr:BatchGetImages
        """
        let config = F.sample(configuration, syntax: .yaml, kind: .configuration(kind: "AWSClusterConfiguration", fragment: true))
        let diagnostics = F.runAll(on: config)
        #expect(diagnostics.count == 1, "\(F.describe(diagnostics))")
        let finding = try #require(expectFinding(diagnostics, "iam.unknown-action", line: 4, column: 5, "'ecr:BatchGetImages'"))
        #expect(finding.fixIts == [FixIt(range: SourceRange(start: .init(file: F.path, line: 4, column: 5),
                                                            end: .init(file: F.path, line: 4, column: 23)),
                                         replacement: "ecr:BatchGetImage")])

        let list = F.sample("ec2:DescribeTags\nec2:DescribeInstancez\nec3:DescribeTags", syntax: .yaml, kind: .actionList)
        let listFindings = F.runAll(on: list)
        #expect(listFindings.count == 2, "\(F.describe(listFindings))")
        let action = expectFinding(listFindings, "iam.unknown-action", line: 3, column: 1, "'ec2:DescribeInstancez'")
        #expect(action?.suggestion == "did you mean 'ec2:DescribeInstances'?")
        let service = expectFinding(listFindings, "iam.unknown-service", line: 4, column: 1, "'ec3'")
        #expect(service?.suggestion == "did you mean 'ec2:DescribeTags'?")
    }

    @Test func wildcardMatchingNothing() {
        let sample = F.sample(F.policy(#"{"Effect": "Allow", "Action": ["ecr:Nothing*", "ecr:Descibe*", "zzz*:Get*"], "Resource": "*"}"#))
        let diagnostics = F.run(IAMWildcardMatchesNothingRule(), on: sample)
        #expect(diagnostics.count == 3)
        expectFinding(diagnostics, "iam.wildcard-matches-nothing", line: 5, column: 36, "'ecr:Nothing*' matches no action of Amazon Elastic Container Registry (ecr)")
        let typo = expectFinding(diagnostics, "iam.wildcard-matches-nothing", line: 5, column: 52, "'ecr:Descibe*' matches no action")
        #expect(typo?.suggestion == "did you mean 'ecr:Describe*'?")
        expectFinding(diagnostics, "iam.wildcard-matches-nothing", line: 5, column: 68, "no AWS service prefix matches 'zzz*'")
        #expect(F.run(IAMWildcardMatchesNothingRule(), on: F.sample(Self.goodIdentityPolicy)).isEmpty)
    }

    // MARK: Catalog: resources

    @Test func resourcePolicyCannotGrantOtherServicesOrTypes() throws {
        let statement = #"{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::210987654321:role/node"}, "Action": ["ecr:BatchGetImage", "s3:GetObject", "s3:Get*"]}"#
        let sample = F.sample(F.policy(statement), kind: .iamPolicy(resourceBased: true, resourceType: "ecr-repository"))
        let diagnostics = F.run(IAMResourcePolicyCannotGrantRule(), on: sample)
        #expect(diagnostics.count == 2, "\(F.describe(diagnostics))")
        expectFinding(diagnostics, "iam.resource-policy-cannot-grant", line: 5, column: 118,
                      "s3:GetObject is an action of s3, not of ecr, so a repository policy cannot grant it")
        let wildcard = try #require(expectFinding(diagnostics, "iam.resource-policy-cannot-grant", line: 5, column: 134,
                                                  "'s3:Get*' matches actions a repository policy cannot grant: "))
        #expect(wildcard.message.contains("(is an action of s3, not of ecr)"))
        #expect(wildcard.message.contains(" more;"))
        // `ecr:*` in a repository policy, as AWS documents it, grants what applies there: not a finding.
        let all = #"{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::210987654321:role/node"}, "Action": "ecr:*"}"#
        #expect(F.run(IAMResourcePolicyCannotGrantRule(), on: F.sample(F.policy(all), kind: .iamPolicy(resourceBased: true, resourceType: "ecr-repository"))).isEmpty)
        // A bucket policy governs objects too.
        let bucket = #"{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::210987654321:role/node"}, "Action": ["s3:GetObject", "s3:ListBucket"], "Resource": ["arn:aws:s3:::b", "arn:aws:s3:::b/*"]}"#
        #expect(F.run(IAMResourcePolicyCannotGrantRule(), on: F.sample(F.policy(bucket), kind: .iamPolicy(resourceBased: true, resourceType: "s3-bucket"))).isEmpty)
    }

    @Test func actionResourceMismatchInIdentityPolicies() {
        let statement = #"{"Effect": "Allow", "Action": ["ecr:BatchGetImage", "ecr:GetAuthorizationToken"], "Resource": "arn:aws:ecr:eu-central-1:210987654321:repository/app"}"#
        let diagnostics = F.run(IAMActionResourceMismatchRule(), on: F.sample(F.policy(statement)))
        #expect(diagnostics.count == 1)
        expectFinding(diagnostics, "iam.action-resource-mismatch", line: 5, column: 57,
                      "ecr:GetAuthorizationToken has no resource type, so it needs \"Resource\": \"*\"")
        #expect(F.run(IAMActionResourceMismatchRule(), on: F.sample(Self.goodIdentityPolicy)).isEmpty)
    }

    @Test func unknownConditionKey() {
        let statement = #"{"Effect": "Allow", "Action": "ecr:BatchGetImage", "Resource": "*", "Condition": {"IpAddress": {"aws:SouceIp": "203.0.113.0/24"}, "StringEquals": {"s3:prefix": "home/", "ecr:ResourceTag/team": "platform"}}}"#
        let diagnostics = F.run(IAMUnknownConditionKeyRule(), on: F.sample(F.policy(statement)))
        #expect(diagnostics.count == 2, "\(F.describe(diagnostics))")
        let typo = expectFinding(diagnostics, "iam.unknown-condition-key", line: 5, column: 101, "'aws:SouceIp' is neither a global aws: condition key nor a condition key of ecr")
        #expect(typo?.suggestion == "did you mean 'aws:SourceIp'?")
        expectFinding(diagnostics, "iam.unknown-condition-key", line: 5, column: 152, "'s3:prefix'")
        #expect(F.run(IAMUnknownConditionKeyRule(), on: F.sample(Self.goodIdentityPolicy)).isEmpty)
        #expect(F.run(IAMUnknownConditionKeyRule(), on: F.sample(Self.goodRepositoryPolicy)).isEmpty)
    }

    @Test func malformedARNs() {
        let statement = #"{"Effect": "Allow", "Action": "ecr:BatchGetImage", "Resource": ["arn:aws:ecr:eu-central-1:1234:repository/app", "arn:aws-xyz:ecr:eu-central-1:210987654321:repository/app", "repository/app", "<REPOSITORY_ARN>"]}"#
        let diagnostics = F.run(IAMARNMalformedRule(), on: F.sample(F.policy(statement)))
        #expect(diagnostics.count == 3, "\(F.describe(diagnostics))")
        expectFinding(diagnostics, "iam.arn-malformed", line: 5, column: 69, "the account part '1234' is not a 12-digit account ID")
        expectFinding(diagnostics, "iam.arn-malformed", line: 5, column: 117, "the partition 'aws-xyz' is not one of")
        expectFinding(diagnostics, "iam.arn-malformed", line: 5, column: 177, "it does not start with 'arn:'")
        let principal = #"{"Effect": "Allow", "Principal": {"AWS": "node-role"}, "Action": "ecr:BatchGetImage"}"#
        expectFinding(F.run(IAMARNMalformedRule(), on: F.sample(F.policy(principal))), "iam.arn-malformed", line: 5, column: 46,
                      "the AWS principal 'node-role' is not an account ID")
        #expect(F.run(IAMARNMalformedRule(), on: F.sample(Self.goodIdentityPolicy)).isEmpty)
        #expect(F.run(IAMARNMalformedRule(), on: F.sample(Self.goodRepositoryPolicy)).isEmpty)
    }

    @Test func arnParser() throws {
        let arn = try ARNParser.parse("arn:aws:logs:us-east-1:210987654321:log-group:app:*").get()
        #expect(arn.service == "logs" && arn.account == "210987654321" && arn.resource == "log-group:app:*")
        #expect(arn.accountOffset == 23 && arn.resourceOffset == 36)
        for good in ["arn:aws:s3:::bucket/*", "arn:aws:iam::aws:policy/ReadOnlyAccess", "arn:aws:ecr:*:*:repository/*",
                     "arn:aws-cn:ecr:cn-north-1:210987654321:repository/a", "arn:${aws:partition}:s3:::b", "arn:aws:iam::xxx:role/r"] {
            #expect((try? ARNParser.parse(good).get()) != nil, "\(good)")
        }
        for bad in ["", "arn", "arn:", "ARN:aws:s3:::b", "arn:aws:s3:::", "arn:aws::::r", "arn:aws:S3:::b", "arn:aws:ecr:eu-central-1:12345678901x:r",
                    "arn:aws:ecr", "\u{0}:::::", "arn:aws:ecr:Region 1:210987654321:r"] {
            #expect((try? ARNParser.parse(bad).get()) == nil, "\(bad)")
        }
    }

    @Test func placeholderAccounts() {
        let statement = #"{"Effect": "Allow", "Action": "ecr:BatchGetImage", "Resource": "arn:aws:ecr:eu-central-1:<ACCOUNT_ID>:repository/<NAME>"}"#
        let diagnostics = F.run(IAMPlaceholderAccountRule(), on: F.sample(F.policy(statement)))
        let finding = expectFinding(diagnostics, "iam.placeholder-account", line: 5, column: 94,
                                    "account ID '<ACCOUNT_ID>' is a placeholder; readers must replace it before using the policy")
        #expect(finding?.message.contains("'<NAME>'") == true)
        // An escape in the JSON string moves the columns: fall back to the value's position.
        let escaped = #"{"Effect": "Allow", "Action": "ecr:BatchGetImage", "Resource": "arn:aws:ecr:eu-central-1:xxx:repository\/app"}"#
        expectFinding(F.run(IAMPlaceholderAccountRule(), on: F.sample(F.policy(escaped))), "iam.placeholder-account", line: 5, column: 68,
                      "account ID 'xxx'")
        let bare = #"{"Effect": "Allow", "Principal": {"AWS": ["111122223333"]}, "Action": "ecr:BatchGetImage"}"#
        expectFinding(F.run(IAMPlaceholderAccountRule(), on: F.sample(F.policy(bare))), "iam.placeholder-account", line: 5, column: 48,
                      "account ID '111122223333' is a placeholder")
        #expect(F.run(IAMARNMalformedRule(), on: F.sample(F.policy(bare))).isEmpty)
        #expect(F.run(IAMPlaceholderAccountRule(), on: F.sample(Self.goodIdentityPolicy)).isEmpty)
        #expect(F.run(IAMPlaceholderAccountRule(), on: F.sample(Self.goodRepositoryPolicy)).isEmpty)
        for placeholder in ["xxx", "XXXXXXXXXXXX", "<ACCOUNT_ID>", "${AccountId}", "account-id", "ACCOUNT_ID", "123456789012", "111122223333", "000000000000"] {
            #expect(IAMPlaceholder.isPlaceholderAccount(placeholder), "\(placeholder)")
        }
        for real in ["210987654321", "${aws:PrincipalAccount}", "", "aws", "x"] {
            #expect(!IAMPlaceholder.isPlaceholderAccount(real), "\(real)")
        }
    }

    // MARK: The rule set

    @Test func ruleIDsAreUniqueAndComplete() {
        let ids = IAMRules.all.map { type(of: $0).descriptor.id }
        #expect(Set(ids).count == ids.count)
        #expect(Set(ids) == [
            "iam.version-missing", "iam.version-invalid", "iam.version-old", "iam.statement-missing", "iam.statement-empty",
            "iam.statement-type", "iam.sid-format", "iam.sid-duplicate", "iam.effect-missing", "iam.effect-invalid",
            "iam.action-missing", "iam.action-conflict", "iam.action-type", "iam.action-format", "iam.empty-array",
            "iam.resource-missing", "iam.resource-conflict", "iam.resource-type", "iam.principal-forbidden",
            "iam.principal-missing", "iam.principal-invalid", "iam.principal-wildcard", "iam.unknown-element",
            "iam.allow-not-action", "iam.allow-not-principal", "iam.condition-operator", "iam.condition-value",
            "iam.duplicate-action", "iam.redundant-action", "iam.unknown-service", "iam.unknown-action",
            "iam.wildcard-matches-nothing", "iam.resource-policy-cannot-grant", "iam.action-resource-mismatch",
            "iam.unknown-condition-key", "iam.arn-malformed", "iam.placeholder-account",
        ])
    }

    @Test func policyThatIsNotAnObject() {
        let sample = F.sample("[\"ecr:BatchGetImage\"]", kind: .iamPolicy(resourceBased: false, resourceType: nil))
        let diagnostics = F.runAll(on: sample)
        #expect(diagnostics.count == 1, "\(F.describe(diagnostics))")
        expectFinding(diagnostics, "iam.statement-missing", line: 2, column: 1, "an IAM policy is an object with Version and Statement, not an array")
    }

    @Test func sampleLinesEndAtLFCRAndCRLF() {
        var lines = IAMRuleSupport.SampleLines("a\r\nbé\rc\n\nd")
        #expect(lines.line(1) == ["a"] && lines.line(2) == ["b", "é"] && lines.line(3) == ["c"] && lines.line(4) == [] && lines.line(5) == ["d"])
        #expect(lines.line(0) == nil && lines.line(6) == nil)
    }

    @Test func hostileActionListsStayBounded() {
        var text = ""
        for index in 0..<5_000 { text += "  - ecr:BatchGetImage\(index)\n  - ecr:Nope\(index)*\n  - ecrzz\(index):Get\n" }
        let sample = F.sample("additionalRolePolicies:\n" + text, syntax: .yaml,
                              kind: .configuration(kind: "AWSClusterConfiguration", fragment: true))
        let diagnostics = F.runAll(on: sample)
        let counts = Dictionary(grouping: diagnostics, by: \.ruleID).mapValues(\.count)
        #expect(counts["iam.unknown-action"] == IAMRuleSupport.findingLimit)
        #expect(counts["iam.unknown-service"] == IAMRuleSupport.findingLimit)
        #expect(counts["iam.wildcard-matches-nothing"] == IAMRuleSupport.findingLimit)
    }

    @Test func mutatedPoliciesNeverTrapAndStayInsideThePage() {
        // A deterministic generator: the same mutations every run.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let alphabet = Array("{}[]\":,*?$<>x0aA \\/é")
        var parsed = 0
        for round in 0..<1_500 {
            var characters = Array(round % 2 == 0 ? Self.goodIdentityPolicy : Self.goodRepositoryPolicy)
            for _ in 0..<(1 + next(3)) {
                let at = next(characters.count)
                switch next(3) {
                case 0: characters[at] = alphabet[next(alphabet.count)]
                case 1: characters.insert(alphabet[next(alphabet.count)], at: at)
                default: characters.remove(at: at)
                }
            }
            let text = String(characters)
            let sample = F.sample(text)
            guard sample.value != nil else { continue }
            parsed += 1
            let lineCount = text.split(separator: "\n", omittingEmptySubsequences: false).count
            for diagnostic in F.runAll(on: sample) {
                let location = diagnostic.location
                #expect(location.map { $0.line >= 2 && $0.line <= lineCount + 1 && $0.column >= 1 } == true,
                        "\(diagnostic.ruleID) at \(String(describing: location)) in:\n\(text)")
            }
        }
        #expect(parsed > 100)
        for _ in 0..<5_000 {
            let text = String((0..<next(40)).map { _ in Array("arn:aws${}*?x0-/ é")[next(18)] })
            _ = ARNParser.parse(text)
            _ = IAMPlaceholder.placeholders(inResource: text)
            _ = IAMConditionValueFormat.isIPAddressOrCIDR(text)
            _ = IAMConditionValueFormat.isDate(text)
        }
    }

    @Test func thousandPoliciesThroughEveryRule() {
        let statements = [
            #"{"Sid": "S1", "Effect": "Allow", "Action": ["ecr:BatchGetImage", "ecr:Get*"], "Resource": "arn:aws:ecr:eu-central-1:210987654321:repository/app"}"#,
            #"{"Effect": "allow", "Action": ["ecr:BatchGetImages", "nosuch:Thing", "ecr:"], "Resource": ["arn:aws:ecr:x:1:r", "*"]}"#,
            #"{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::xxx:role/xxx-node"}, "Action": ["ecr:GetAuthorizationToken", "ecr:Nothing*"]}"#,
            #"{"Effect": "Deny", "NotAction": "iam:*", "Resource": "*", "Condition": {"IpAddress": {"aws:SourceIp": ["10.0.0.0/8", "::1/200"]}, "Bol": {"aws:SecureTransport": 1}}}"#,
            #"{"Effect": "Allow", "Action": [], "Resource": {}, "Unknown": true, "Condition": []}"#,
            "\"not a statement\"",
        ]
        var total = 0
        for index in 0..<1_000 {
            let statement = statements[index % statements.count]
            let version = index % 7 == 0 ? "2008-10-17" : "2012-10-17"
            let text = F.policy(statement).replacingOccurrences(of: "2012-10-17", with: version)
            total += F.runAll(on: F.sample(text)).count
        }
        #expect(total > 1_000)
    }
}
