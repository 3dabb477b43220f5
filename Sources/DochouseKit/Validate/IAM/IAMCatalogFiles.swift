import Foundation

// Reading the catalog's files: the index and the services, in either spelling of their keys.

extension IAMCatalog {
    static func decode<T: Decodable>(_ type: T.Type, from url: URL) throws(IAMCatalogError) -> T {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .unreadable(path: url.path, reason: error.localizedDescription)
        }
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch let error as IAMCatalogError {
            throw error
        } catch {
            throw .invalid(path: url.path, reason: Self.describe(error))
        }
    }

    static func loadServiceFile(_ entry: ServiceEntry) throws(IAMCatalogError) -> IAMService {
        let file = try decode(ServiceFile.self, from: entry.file)
        let path = entry.file.path
        if let prefix = file.prefix, prefix.lowercased() != entry.prefix.lowercased() {
            throw .invalid(path: path, reason: "it describes service \"\(prefix)\", not \"\(entry.prefix)\"")
        }
        let prefix = file.prefix ?? entry.prefix
        var actions: [IAMAction] = []
        actions.reserveCapacity(file.actions.count)
        for action in file.actions {
            guard let level = IAMAccessLevel(displayName: action.accessLevel) else {
                throw .invalid(path: path, reason: "action \(action.name) has unknown access level \"\(action.accessLevel)\"")
            }
            let resources = action.resourceTypes.map { raw in
                raw.hasSuffix("*")
                    ? IAMActionResource(name: String(raw.dropLast()), isRequired: true)
                    : IAMActionResource(name: raw, isRequired: false)
            }
            actions.append(IAMAction(
                servicePrefix: prefix, name: action.name, accessLevel: level,
                resourceTypes: resources, conditionKeys: action.conditionKeys))
        }
        return IAMService(
            prefix: prefix,
            name: file.name ?? entry.name ?? prefix,
            actions: actions,
            resourceTypes: file.resourceTypes.map {
                IAMResourceType(name: $0.name, arnFormats: $0.arnFormats, conditionKeys: $0.conditionKeys)
            },
            conditionKeys: file.conditionKeys.map { IAMConditionKey(name: $0.name, type: $0.type) })
    }

    private static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        func at(_ context: DecodingError.Context) -> String {
            let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return path.isEmpty ? context.debugDescription : "\(path): \(context.debugDescription)"
        }
        switch error {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context): return at(context)
        case .keyNotFound(let key, let context): return "\(at(context)) (missing \"\(key.stringValue)\")"
        @unknown default: return "\(error)"
        }
    }
}

// MARK: - File format
//
// The generator writes short keys (`p`, `n`, `a`, …) to keep the bundle small; hand-written
// files in a docs tree may use the long names instead. Empty lists may be left out.

struct FlexibleKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

extension KeyedDecodingContainer where K == FlexibleKey {
    fileprivate func value<T: Decodable>(_ names: String..., default fallback: T? = nil) throws -> T {
        for name in names where contains(FlexibleKey(name)) {
            return try decode(T.self, forKey: FlexibleKey(name))
        }
        if let fallback { return fallback }
        throw DecodingError.keyNotFound(FlexibleKey(names[0]), .init(
            codingPath: codingPath, debugDescription: "missing \(names.joined(separator: " or "))"))
    }

    fileprivate func optional<T: Decodable>(_ names: String...) throws -> T? {
        for name in names where contains(FlexibleKey(name)) {
            return try decodeIfPresent(T.self, forKey: FlexibleKey(name))
        }
        return nil
    }
}

struct IndexFile: Decodable {
    struct Source: Decodable {
        let package: String?
        let version: String?
    }
    struct Service: Decodable {
        let prefix: String
        let name: String?
        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: FlexibleKey.self)
            prefix = try c.value("p", "prefix")
            name = try c.optional("n", "name")
        }
    }

    let snapshotDate: String?
    let source: Source?
    let services: [Service]?
    let globalConditionKeys: [ConditionKeyRecord]?
}

struct ConditionKeyRecord: Decodable {
    let name: String
    let type: String
    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: FlexibleKey.self)
        name = try c.value("n", "name")
        type = try c.value("t", "type", default: "String")
    }
}

struct ServiceFile: Decodable {
    struct Action: Decodable {
        let name: String
        let accessLevel: String
        let resourceTypes: [String]
        let conditionKeys: [String]
        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: FlexibleKey.self)
            name = try c.value("n", "name")
            accessLevel = try c.value("l", "accessLevel")
            resourceTypes = try c.value("r", "resourceTypes", default: [])
            conditionKeys = try c.value("c", "conditionKeys", default: [])
        }
    }
    struct Resource: Decodable {
        let name: String
        let arnFormats: [String]
        let conditionKeys: [String]
        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: FlexibleKey.self)
            name = try c.value("n", "name")
            arnFormats = try c.value("arn", "arnFormats", default: [])
            conditionKeys = try c.value("c", "conditionKeys", default: [])
        }
    }

    let prefix: String?
    let name: String?
    let actions: [Action]
    let resourceTypes: [Resource]
    let conditionKeys: [ConditionKeyRecord]

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: FlexibleKey.self)
        prefix = try c.optional("p", "prefix")
        name = try c.optional("n", "name")
        actions = try c.value("a", "actions", default: [])
        resourceTypes = try c.value("r", "resourceTypes", default: [])
        conditionKeys = try c.value("c", "conditionKeys", default: [])
    }
}
