/// The texts a translation overlay gives one schema node.
public struct LocalizedTexts: Sendable, Hashable {
    public var description: String?
    public var xDocSearch: String?
    /// `x-enum-descriptions`: enum value (as text) -> description.
    public var xEnumDescriptions: [String: String]?
    /// Where the overlay's node starts.
    public var location: SourceLocation

    public init(description: String? = nil, xDocSearch: String? = nil, xEnumDescriptions: [String: String]? = nil,
                location: SourceLocation) {
        self.description = description
        self.xDocSearch = xDocSearch
        self.xEnumDescriptions = xEnumDescriptions
        self.location = location
    }

    public var isEmpty: Bool { description == nil && xDocSearch == nil && xEnumDescriptions == nil }
}

/// The texts of one API version of an overlay, matched to the schema's version at the same position.
public struct SchemaOverlayVersion: Sendable {
    /// The overlay's `apiVersion`, when it states one.
    public var apiVersion: String?
    /// Texts by property path (`["nodeGroups", "instanceClass", "ami"]`; array `items` add no segment;
    /// `[]` is the `openAPISpec` root).
    public var texts: [[String]: LocalizedTexts]
    /// Texts of the `items` of the array at a path (what a page shows under `...-element`), and of an object's
    /// `additionalProperties` schema.
    public var elementTexts: [[String]: LocalizedTexts]

    public init(apiVersion: String? = nil, texts: [[String]: LocalizedTexts] = [:],
                elementTexts: [[String]: LocalizedTexts] = [:]) {
        self.apiVersion = apiVersion
        self.texts = texts
        self.elementTexts = elementTexts
    }
}

/// A translation overlay (`doc-ru-NAME.yaml`): the schema's tree again, with texts only.
public struct SchemaOverlay: Sendable {
    /// The language of the file name (`ru` of `doc-ru-...`).
    public var language: String
    /// The schema's file stem this overlay translates.
    public var schemaName: String
    public var versions: [SchemaOverlayVersion]
    public var source: SourceFile

    public init(language: String, schemaName: String, versions: [SchemaOverlayVersion], source: SourceFile) {
        self.language = language
        self.schemaName = schemaName
        self.versions = versions
        self.source = source
    }

    /// The texts of the property at `path` of the schema's API version at position `version`.
    public func texts(version: Int, path: [String]) -> LocalizedTexts? {
        guard versions.indices.contains(version) else { return nil }
        return versions[version].texts[path]
    }

    /// The texts of the items of the array at `path`.
    public func elementTexts(version: Int, path: [String]) -> LocalizedTexts? {
        guard versions.indices.contains(version) else { return nil }
        return versions[version].elementTexts[path]
    }
}
