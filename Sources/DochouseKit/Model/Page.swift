import CmarkBridge

/// A Markdown page after loading and parsing: its metadata, its Markdown tree, and what the later stages
/// need from it (headings, links, fenced code blocks), all positioned in its source file.
public struct Page: Sendable {
    public var source: SourceFile
    /// The path under `pages/`, e.g. `admin/integrations/public/amazon/services.ru.md`.
    public var relativePath: String
    /// Twins share this key: the relative path without the language suffix and extension.
    public var twinKey: String
    public var language: String
    public var title: String
    /// The output path under `site/`, e.g. `ru/admin/integrations/public/amazon/services.html`.
    public var outputPath: String
    /// The page's URL below the site root (without the base path), e.g. `/ru/admin/.../services.html`.
    public var url: String
    /// Front matter values as written (strings, numbers, booleans, lists and maps), for templates.
    public var frontMatter: [String: FrontMatterValue]
    /// The Markdown tree of the body; its lines are lines of the whole file.
    public var document: MarkdownNode
    public var headings: [Heading]
    public var links: [PageLink]
    public var codeBlocks: [CodeBlock]
}

/// A heading with the id its anchor gets.
public struct Heading: Sendable, Hashable {
    public var level: Int
    /// The heading as a reader sees it (explicit `{#id}` removed).
    public var text: String
    public var id: String
    /// True when the id came from `{#id}`.
    public var isExplicitID: Bool
    public var location: SourceLocation
    /// Where the heading starts in cmark's coordinates, to find it again while rendering.
    public var markdownStart: MarkdownPosition
}

/// A Markdown link or image destination, where it stands, and what it points to.
public struct PageLink: Sendable, Hashable {
    public var destination: String
    public var isImage: Bool
    public var location: SourceLocation
    public var target: LinkTarget
}

/// A fenced (or indented) code block as written: its info string, its text, and how its lines map to the file.
public struct CodeBlock: Sendable, Hashable {
    public var info: String
    public var literal: String
    public var isFenced: Bool
    /// File line of the block's first content line.
    public var firstContentLine: Int
    /// Byte indentation removed from each content line (the fence's indentation, list or quote markers excluded).
    public var fenceIndent: Int
    public var location: SourceLocation
    public var markdownStart: MarkdownPosition

    /// The first word of the info string, lowercased (`json`, `yaml`, `shell`).
    public var language: String {
        String(info.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "{" }).first ?? "").lowercased()
    }
}

/// A front matter value, kept for templates and later rules.
public indirect enum FrontMatterValue: Sendable, Hashable {
    case string(String)
    case number(Double)
    case bool(Bool)
    case list([FrontMatterValue])
    case map([String: FrontMatterValue])
    case null

    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }
}
