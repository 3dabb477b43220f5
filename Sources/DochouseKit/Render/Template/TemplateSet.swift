import Foundation
import Mustache

/// The compiled templates of a site: `layout.mustache` renders every page; every other `.mustache` file is a
/// partial usable as `{{> name}}`. Compiled once per build and shared by all rendering tasks.
public struct TemplateSet: Sendable {
    public static let layoutName = "layout"

    let library: MustacheLibrary
    /// Files under `assets/`, copied to `site/assets/`.
    public let assets: [RawFile]

    /// Loads and checks the templates in `directory`: syntax, unknown variables, unknown partials.
    public static func load(from directory: String) -> (TemplateSet?, [Diagnostic]) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            return (nil, [Diagnostic(rule: BuildRules.templateMissing, message: "templates directory '\(directory)' does not exist",
                                     at: nil)])
        }
        var walker = TreeWalker(boundary: directory)
        let files = walker.files(under: directory, matching: { $0.hasSuffix(".mustache") })
            .filter { !$0.relativePath.hasPrefix("assets/") }
        var assetWalker = TreeWalker(boundary: directory)
        let assets = assetWalker.files(under: ContentLoader.join(directory, "assets"), matching: { _ in true })
        var diagnostics = walker.diagnostics + assetWalker.diagnostics
        var sources: [String: SourceFile] = [:]
        for file in files {
            let name = String(file.relativePath.dropLast(".mustache".count))
            switch UTF8Decoder.decode(file.bytes) {
            case .success(let text): sources[name] = SourceFile(displayPath: file.displayPath, text: text)
            case .failure(let invalid):
                diagnostics.append(Diagnostic(rule: BuildRules.invalidUTF8, message: "template is not valid UTF-8 (byte offset \(invalid.offset))",
                                              at: SourceLocation(file: file.displayPath, line: invalid.line, column: invalid.column)))
            }
        }
        let (set, more) = compile(sources, assets: assets, missingLayoutPath: ContentLoader.join(directory, "layout.mustache"))
        return (set, diagnostics + more)
    }

    /// Compiles template sources by name (pure; the loader and the tests share it).
    static func compile(_ sources: [String: SourceFile], assets: [RawFile], missingLayoutPath: String) -> (TemplateSet?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        guard sources[layoutName] != nil else {
            return (nil, [Diagnostic(rule: BuildRules.templateMissing,
                                     message: "no layout template; create \(missingLayoutPath)", at: nil)])
        }
        var library = MustacheLibrary()
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            do {
                library.register(try MustacheTemplate(string: source.text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(Diagnostic(rule: BuildRules.templateSyntax,
                                              message: "template does not compile: \(describe(error.error))",
                                              at: source.location(line: error.context.lineNumber, column: error.context.columnNumber + 1)))
                continue
            } catch {
                diagnostics.append(Diagnostic(rule: BuildRules.templateSyntax, message: "template does not compile: \(error)",
                                              at: source.location(line: 1, column: 1)))
                continue
            }
            diagnostics += TemplateVariableChecker.check(source, partials: Set(sources.keys))
        }
        if diagnostics.contains(where: { $0.severity == .error }) { return (nil, diagnostics) }
        return (TemplateSet(library: library, assets: assets), diagnostics)
    }

    private static func describe(_ error: Error) -> String {
        switch error {
        case MustacheTemplate.Error.sectionCloseNameIncorrect: "a section is closed with a different name than it was opened"
        case MustacheTemplate.Error.unfinishedName: "a tag is not closed with }}"
        case MustacheTemplate.Error.expectedSectionEnd: "a section is opened and never closed"
        case MustacheTemplate.Error.invalidSetDelimiter: "invalid set-delimiter tag"
        default: "\(error)"
        }
    }

    /// Renders a page context with the layout.
    func renderLayout(_ context: [String: Any]) -> String {
        library.render(context, withTemplate: Self.layoutName) ?? ""
    }
}
