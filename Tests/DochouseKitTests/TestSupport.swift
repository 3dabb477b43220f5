import Foundation
@testable import DochouseKit

/// Paths and helpers shared by the tests. Fixtures are real docs trees under `Tests/DochouseKitTests/Fixtures`.
enum TestSupport {
    /// `count` texts of up to `maxLength` scalars drawn from `alphabet` by a fixed-seed generator (a PCG step), for
    /// tests that hold a fast path to the code it replaced on random input.
    static func randomTexts(from alphabet: [Unicode.Scalar], count: Int, maxLength: Int, seed: UInt64) -> [String] {
        var state = seed
        func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 33
        }
        return (0..<count).map { _ in
            var text = String.UnicodeScalarView()
            for _ in 0..<Int(next() % UInt64(maxLength + 1)) { text.append(alphabet[Int(next()) % alphabet.count]) }
            return String(text)
        }
    }

    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let fixtures = testsDirectory.appendingPathComponent("Fixtures")
    static let repositoryRoot = testsDirectory.deletingLastPathComponent().deletingLastPathComponent()

    static func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name).path }

    /// A new empty directory, removed by the caller with `cleanUp`.
    static func temporaryDirectory() -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dochouse-tests-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    static func cleanUp(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Runs the pipeline on a tree.
    static func run(content: String, templates: String? = nil, out: String? = nil, render: Bool = true,
                    useBaseline: Bool = true) async throws -> BuildResult {
        let options = BuildOptions(contentDirectory: content,
                                   templatesDirectory: templates ?? repositoryRoot.appendingPathComponent("templates").path,
                                   outputDirectory: out ?? temporaryDirectory() + "/site", render: render, useBaseline: useBaseline)
        return try await BuildPipeline(options: options).run()
    }

    /// Diagnostics as compiler-style first lines, with paths relative to `root`.
    static func lines(_ diagnostics: [Diagnostic], relativeTo root: String) -> [String] {
        diagnostics.map { diagnostic in
            var text = ""
            if let location = diagnostic.location {
                var file = location.file
                if file.hasPrefix(root + "/") { file.removeFirst(root.count + 1) }
                text += "\(file):\(location.line):\(location.column): "
            }
            return text + "\(diagnostic.severity.rawValue): \(diagnostic.message) [\(diagnostic.ruleID)]"
        }
    }

    /// Every file below a directory with its bytes, for byte-for-byte comparisons.
    static func snapshot(of directory: String) -> [String: Data] {
        var result: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return result }
        for case let path as String in enumerator {
            var isDirectory: ObjCBool = false
            let full = directory + "/" + path
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
                result[path] = FileManager.default.contents(atPath: full)
            }
        }
        return result
    }

    /// One page parsed through both passes, for tests of headings and links.
    static func parsePage(_ text: String, path: String = "page.md", site: SiteConfig = .default,
                          urlsBySourcePath: [String: String] = [:]) -> (Page?, [Diagnostic]) {
        let raw = RawFile(relativePath: path, displayPath: path, bytes: Array(text.utf8))
        let (header, headerDiagnostics) = PageHeaderParser.parse(raw, site: site)
        guard let header else { return (nil, headerDiagnostics) }
        let resolver = LinkResolver(languages: site.languages, urlsBySourcePath: urlsBySourcePath)
        let (page, bodyDiagnostics) = PageBodyParser.parse(header, resolver: resolver)
        return (page, headerDiagnostics + bodyDiagnostics)
    }
}
