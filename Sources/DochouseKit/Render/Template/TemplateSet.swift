import Foundation
import Mustache

/// The compiled templates of a site: `layout.mustache` renders every page; every other `.mustache` file is a
/// partial usable as `{{> name}}`. Compiled once per build and shared by all rendering tasks.
public struct TemplateSet: Sendable {
    public static let layoutName = "layout"

    let library: TemplateLibrary
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

    /// Compiles template sources by name (pure; the loader and the tests share it). Each template is parsed by the
    /// compiled renderer's parser and by swift-mustache; a syntax error is reported once, at the place the parser
    /// stopped (both stop at the same place).
    static func compile(_ sources: [String: SourceFile], assets: [RawFile], missingLayoutPath: String) -> (TemplateSet?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        guard sources[layoutName] != nil else {
            return (nil, [Diagnostic(rule: BuildRules.templateMissing,
                                     message: "no layout template; create \(missingLayoutPath)", at: nil)])
        }
        let (library, libraryDiagnostics) = parse(sources.mapValues(\.text))
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            if let problem = libraryDiagnostics[name] {
                diagnostics.append(Diagnostic(rule: BuildRules.templateSyntax, message: "template does not compile: \(problem.explanation)",
                                              at: source.location(line: problem.line, column: problem.column)))
                continue
            }
            diagnostics += TemplateVariableChecker.check(source, partials: Set(sources.keys))
        }
        if diagnostics.contains(where: { $0.severity == .error }) { return (nil, diagnostics) }
        return (TemplateSet(library: library, assets: assets), diagnostics)
    }

    /// Why a template does not compile, and where (the line and the column of the finding).
    struct SyntaxProblem: Error, Equatable {
        var explanation: String
        var line: Int
        var column: Int
    }

    /// Parses templates by name with both parsers, without checking names: the library and the templates that do
    /// not compile. Tests render fixture templates through it.
    static func parse(_ texts: [String: String]) -> (TemplateLibrary, [String: SyntaxProblem]) {
        var mustache = MustacheLibrary()
        var compiled: [String: CompiledTemplate] = [:]
        var problems: [String: SyntaxProblem] = [:]
        for (name, text) in texts {
            switch parseCompiled(text) {
            case .success(let template): compiled[name] = template
            case .failure(let problem):
                problems[name] = problem
                continue
            }
            switch parseWithMustache(text) {
            case .success(let template):
                mustache.register(template, named: name)
            case .failure(let problem):
                problems[name] = problem
                compiled[name] = nil
            }
        }
        return (TemplateLibrary(mustache: mustache, compiled: compiled, names: Set(texts.keys).subtracting(problems.keys)), problems)
    }

    /// A template as the compiled renderer's parser reads it: its nodes, nil when it uses something only swift-mustache
    /// renders, or its syntax error.
    static func parseCompiled(_ text: String) -> Result<CompiledTemplate?, SyntaxProblem> {
        do throws(TemplateParseError) {
            return .success(try TemplateParser.parse(text))
        } catch {
            switch error {
            case .unsupported: return .success(nil)
            case .syntax(let error, at: let offset):
                let (line, column) = TemplateParser.lineAndColumn(of: offset, in: text)
                return .failure(SyntaxProblem(explanation: error.explanation, line: line, column: column + 1))
            }
        }
    }

    /// A template as swift-mustache parses it, or its syntax error in the words of the `template.syntax` finding.
    static func parseWithMustache(_ text: String) -> Result<MustacheTemplate, SyntaxProblem> {
        do {
            return .success(try MustacheTemplate(string: text))
        } catch let error as MustacheTemplate.ParserError {
            return .failure(SyntaxProblem(explanation: describe(error.error), line: error.context.lineNumber,
                                          column: error.context.columnNumber + 1))
        } catch {
            return .failure(SyntaxProblem(explanation: "\(error)", line: 1, column: 1))
        }
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
    func renderLayout(_ context: TemplateObject) -> [UInt8] {
        library.render(context, withTemplate: Self.layoutName)
    }
}
