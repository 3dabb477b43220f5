import CmarkBridge
import Foundation

/// The doors the libFuzzer harnesses in `Fuzz/` go through: each takes arbitrary bytes and runs one part of the
/// pipeline on them exactly as a build does, in memory, and returns how many findings it made (so nothing can be
/// optimised away). They exist so the harnesses need no `@testable` import; nothing else should call them.
///
/// The only disk reads are of the fixed inputs, once per process: the templates (`DOCHOUSE_FUZZ_TEMPLATES`, default
/// `templates`) and the schemas and named models of a docs tree (`DOCHOUSE_FUZZ_CONTENT`, default `content`), so
/// samples annotated `schema=` or `model=` meet real schemas.
public enum FuzzEntryPoints {
    /// A line that splits a page harness input into an English page and its Russian twin.
    public static let twinSeparator = "\n%%%%\n"

    /// A page (front matter and Markdown): both parse passes, every sample rule, rendering into the layout,
    /// links, twin parity and drift, then the collector and the text formatter, as `dochouse build` runs them.
    /// An input with a `%%%%` line is two pages, `page.md` and `page.ru.md`.
    public static func page(_ bytes: [UInt8]) -> Int {
        let pieces = split(bytes, on: Array(twinSeparator.utf8))
        var files = [RawFile(relativePath: "page.md", displayPath: "content/pages/page.md", bytes: pieces[0])]
        if pieces.count > 1 {
            files.append(RawFile(relativePath: "page.ru.md", displayPath: "content/pages/page.ru.md", bytes: pieces[1]))
        }
        let fixed = FixedInputs.shared
        let site = SiteConfig.default
        var diagnostics: [Diagnostic] = []
        var headers: [PageHeader] = []
        for file in files {
            let (header, found) = PageHeaderParser.parse(file, site: site)
            diagnostics += found
            if let header { headers.append(header) }
        }
        let (index, indexDiagnostics) = SiteIndex.build(headers, site: site)
        diagnostics += indexDiagnostics + TwinReport.missingTwins(index)
        let compiler = PageCompiler(index: index, templates: fixed.templates, validator: fixed.validator)
        let compiled = headers.filter { index.page($0.twinKey, in: $0.language)?.url == $0.url }.map { compiler.compile($0) }
        var anchors = AnchorIndex()
        for page in compiled {
            diagnostics += page.diagnostics
            anchors.addPage(url: page.page.url, anchors: Set(page.page.headings.map(\.id)))
        }
        diagnostics += LinkCheck.check(compiled.map(\.page), anchors: anchors)
        diagnostics += TwinParity.check(compiled.map { TwinParity.Facts(page: $0.page, samples: $0.samples) }, site: site)
        diagnostics += SampleDrift.check(compiled.flatMap { SampleDrift.Entry.all(of: $0.page, samples: $0.samples) })
        return formatted(diagnostics, sources: compiled.map(\.page.source)) + compiled.reduce(0) { $0 + ($1.output?.bytes.count ?? 0) }
    }

    /// The strict JSON reader on a text (bytes that are not UTF-8 are repaired first, as a page would have been
    /// refused before any sample is read).
    public static func json(_ bytes: [UInt8]) -> Int {
        switch StrictJSONReader.read(String(decoding: bytes, as: UTF8.self)) {
        case .success(let value):
            // Walk the tree (and hash it) as the rules would.
            var count = 0
            var stack = [value]
            while let next = stack.popLast() {
                count += 1
                switch next.kind {
                case .object(let members): stack += members.map(\.value)
                case .array(let items): stack += items
                default: break
                }
            }
            return count + (value.hashValue & 1)
        case .failure(let error): return error.message.utf8.count
        }
    }

    /// A ```` ```yaml ```` sample: read (Yams compose, node budget), classified, and every sample rule run on it.
    public static func yamlSample(_ bytes: [UInt8]) -> Int {
        sample(String(decoding: bytes, as: UTF8.self), info: "yaml")
    }

    /// An IAM policy sample, JSON or YAML, through the grammar and catalog rules. The first byte picks the
    /// annotation (identity, resource, or a resource policy of a known type); the rest is the sample's text.
    public static func policy(_ bytes: [UInt8]) -> Int {
        guard let first = bytes.first else { return 0 }
        let types = ["identity", "resource"] + SampleAnnotations.knownResourcePolicyTypes.keys.sorted().map { "resource:" + $0 }
        let kind = types[Int(first) % types.count]
        let text = String(decoding: bytes.dropFirst(), as: UTF8.self)
        let language = text.first == "{" ? "json" : "yaml"
        return sample(text, info: "\(language) policy=\(kind)")
    }

    /// A schema (and, after a `%%%%` line, its Russian overlay): loaded, checked, and rendered as reference
    /// pages in both languages, descriptions through Markdown.
    public static func schema(_ bytes: [UInt8]) -> Int {
        let pieces = split(bytes, on: Array(twinSeparator.utf8))
        var files = [RawFile(relativePath: "fuzz/config.yaml", displayPath: "content/schemas/fuzz/config.yaml", bytes: pieces[0])]
        if pieces.count > 1 {
            files.append(RawFile(relativePath: "fuzz/doc-ru-config.yaml", displayPath: "content/schemas/fuzz/doc-ru-config.yaml", bytes: pieces[1]))
        }
        let (schemas, overlays, loadDiagnostics) = SchemaSetLoader.load(files)
        var diagnostics = loadDiagnostics
        for schema in schemas.values {
            diagnostics += SchemaSourceChecks.check(schema, overlays: overlays[schema.kind] ?? [])
        }
        let site = SiteConfig.default
        let models = ModelRegistry(models: [:], schemas: schemas, overlays: overlays)
        let references = ReferencePageCompiler(models: models, site: site)
        let jobs = references.jobs()
        let (index, _) = SiteIndex.build(jobs.map(\.header), site: site)
        var size = 0
        for job in jobs {
            let output = references.compile(job, index: index, templates: FixedInputs.shared.templates)
            size += output.anchors.count + (output.file?.bytes.count ?? 0)
        }
        return formatted(diagnostics, sources: schemas.values.map(\.source)) + size
    }

    // MARK: - Support

    /// One sample as a fenced block of a one-line-fence page, read and checked by every sample rule.
    private static func sample(_ text: String, info: String) -> Int {
        let literal = text.hasSuffix("\n") || text.isEmpty ? text : text + "\n"
        let source = SourceFile(displayPath: "content/pages/sample.md", text: "```" + info + "\n" + literal + "```\n")
        let block = CodeBlock(info: info, literal: literal, isFenced: true, firstContentLine: 2, fenceIndent: 0,
                              location: source.location(line: 1, column: 1), markdownStart: MarkdownPosition(line: 1, column: 1))
        let page = Page(source: source, relativePath: "sample.md", twinKey: "sample", language: "en", title: "Sample",
                        outputPath: "en/sample.html", url: "/en/sample.html", frontMatter: [:],
                        document: MarkdownNode(kind: .document, start: .init(line: 1, column: 1), end: .init(line: 1, column: 1)),
                        headings: [], links: [], codeBlocks: [block])
        let result = FixedInputs.shared.validator.validate(page)
        return formatted(result.diagnostics, sources: [source]) + result.samples.count
    }

    /// Runs findings through the collector and the text formatter, which quote the source line with a caret.
    private static func formatted(_ diagnostics: [Diagnostic], sources: [SourceFile]) -> Int {
        let collector = DiagnosticCollector()
        collector.report(contentsOf: diagnostics)
        let byPath = Dictionary(sources.map { ($0.displayPath, $0) }, uniquingKeysWith: { first, _ in first })
        let formatter = TextDiagnosticFormatter(source: { byPath[$0] })
        return collector.diagnostics.reduce(0) { $0 + formatter.format($1).utf8.count }
    }

    private static func split(_ bytes: [UInt8], on separator: [UInt8]) -> [[UInt8]] {
        guard bytes.count >= separator.count else { return [bytes] }
        for start in 0...(bytes.count - separator.count) where bytes[start] == separator[0] {
            if bytes[start..<(start + separator.count)].elementsEqual(separator) {
                return [Array(bytes[..<start]), Array(bytes[(start + separator.count)...])]
            }
        }
        return [bytes]
    }

    /// What every input is checked against, read once per process.
    private struct FixedInputs: Sendable {
        var templates: TemplateSet?
        var validator: SampleValidator

        static let shared: FixedInputs = {
            let environment = ProcessInfo.processInfo.environment
            let templates = TemplateSet.load(from: environment["DOCHOUSE_FUZZ_TEMPLATES"] ?? "templates").0
            var models = ModelRegistry()
            if let tree = try? ContentLoader.load(from: environment["DOCHOUSE_FUZZ_CONTENT"] ?? "content") {
                let (schemas, overlays, _) = SchemaSetLoader.load(tree.schemas)
                models = ModelRegistry(models: NamedModelLoader.load(tree.policies).0, schemas: schemas, overlays: overlays)
            }
            return FixedInputs(templates: templates, validator: SampleValidator(context: ValidationContext(catalog: .bundled, models: models)))
        }()
    }
}
