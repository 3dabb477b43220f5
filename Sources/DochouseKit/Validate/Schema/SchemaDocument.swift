/// A schema file of a module (`content/schemas/MODULE/NAME.yaml`) in the Deckhouse layout:
/// `kind`, and `apiVersions: [{apiVersion, openAPISpec}]`.
public struct SchemaDocument: Sendable {
    /// The module directory (`cloud-provider-aws`).
    public var module: String
    /// The file stem (`cluster_configuration`).
    public var name: String
    /// The resource kind (`AWSClusterConfiguration`).
    public var kind: String
    /// API versions in file order; overlays match them by position.
    public var versions: [SchemaVersion]
    public var source: SourceFile

    public init(module: String, name: String, kind: String, versions: [SchemaVersion], source: SourceFile) {
        self.module = module
        self.name = name
        self.kind = kind
        self.versions = versions
        self.source = source
    }

    /// The version a resource names in its `apiVersion`; the first one when `apiVersion` is nil.
    public func version(_ apiVersion: String?) -> SchemaVersion? {
        guard let apiVersion else { return versions.first }
        return versions.first(where: { $0.apiVersion == apiVersion })
    }

    /// The newest version: the first in the file, as Deckhouse lists them.
    public var primaryVersion: SchemaVersion? { versions.first }
}

/// One entry of `apiVersions`: its name and the root of its `openAPISpec`.
public struct SchemaVersion: Sendable {
    public var apiVersion: String
    public var root: SchemaNode
    /// Where the `apiVersions` entry starts.
    public var location: SourceLocation

    public init(apiVersion: String, root: SchemaNode, location: SourceLocation) {
        self.apiVersion = apiVersion
        self.root = root
        self.location = location
    }
}
