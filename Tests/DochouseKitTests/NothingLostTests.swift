import Foundation
import Testing
@testable import DochouseKit

/// No build may cost anyone a file: sources are never written, dangerous output directories are refused, and a
/// build that fails or dies midway leaves the previous site exactly as it was.
@Suite("Nothing lost: sources untouched, previous site kept on every failure")
struct NothingLostTests {
    /// A work directory with a first, good site built from the `twins` fixture at `work/site`.
    private func workWithSite() async throws -> (work: String, out: String, before: [String: Data]) {
        let work = TestSupport.temporaryDirectory()
        let out = work + "/site"
        let good = try await TestSupport.run(content: TestSupport.fixture("twins"), out: out)
        #expect(good.wroteSite)
        let before = TestSupport.snapshot(of: out)
        #expect(before.keys.contains("en/a/both.html"))
        return (work, out, before)
    }

    /// Entries of `work` besides the site: staging leftovers would show here.
    private func extraEntries(_ work: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: work).filter { $0 != "site" }.sorted()
    }

    /// A copy of a fixture tree in `work/NAME`, to be broken by a test. Files are copied by content, since
    /// FileManager's copy also copies ownership, which fails for a user who does not own the fixtures.
    private func copyOfFixture(_ name: String, into work: String) throws -> String {
        let copy = work + "/" + name
        try copyTree(TestSupport.fixture(name), to: copy)
        return copy
    }

    private func copyTree(_ source: String, to destination: String) throws {
        try FileManager.default.createDirectory(atPath: destination, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: source) {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: source + "/" + name, isDirectory: &isDirectory)
            if isDirectory.boolValue {
                try copyTree(source + "/" + name, to: destination + "/" + name)
            } else {
                try Data(contentsOf: URL(fileURLWithPath: source + "/" + name)).write(to: URL(fileURLWithPath: destination + "/" + name))
            }
        }
    }

    @Test("A build reads content/ and templates/ and never writes into them")
    func sourcesUntouched() async throws {
        let work = TestSupport.temporaryDirectory()
        defer { TestSupport.cleanUp(work) }
        let content = try copyOfFixture("twins", into: work)
        let templates = work + "/templates"
        try copyTree(TestSupport.repositoryRoot.appendingPathComponent("templates").path, to: templates)
        let contentBefore = TestSupport.snapshot(of: content), templatesBefore = TestSupport.snapshot(of: templates)
        let listingBefore = try FileManager.default.subpathsOfDirectory(atPath: work).filter { !$0.hasPrefix("site") }.sorted()
        let result = try await TestSupport.run(content: content, templates: templates, out: work + "/site")
        #expect(result.wroteSite)
        #expect(TestSupport.snapshot(of: content) == contentBefore)
        #expect(TestSupport.snapshot(of: templates) == templatesBefore)
        #expect(try FileManager.default.subpathsOfDirectory(atPath: work).filter { !$0.hasPrefix("site") }.sorted() == listingBefore)
    }

    @Test("Output directories that would replace sources, the root or the home directory are refused")
    func dangerousOutputs() throws {
        let work = TestSupport.temporaryDirectory()
        defer { TestSupport.cleanUp(work) }
        let content = work + "/docs/content", templates = work + "/docs/templates"
        for directory in [content, templates] { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) }
        let protected = [content, templates]
        #expect(OutputDirectoryGuard.problem(output: "/", protected: protected) == "refusing to write the site to '/'")
        #expect(OutputDirectoryGuard.problem(output: content, protected: protected) == "the output directory '\(content)' is the source directory '\(content)'")
        #expect(OutputDirectoryGuard.problem(output: templates + "/", protected: protected) == "the output directory '\(templates)/' is the source directory '\(templates)'")
        #expect(OutputDirectoryGuard.problem(output: work + "/docs", protected: protected) == "the output directory '\(work)/docs' contains the source directory '\(content)'")
        #expect(OutputDirectoryGuard.problem(output: content + "/site", protected: protected) == "the output directory '\(content)/site' lies inside the source directory '\(content)'")
        #expect(OutputDirectoryGuard.problem(output: content + "/../content/x/..", protected: protected) == "the output directory '\(content)/../content/x/..' is the source directory '\(content)'")
        // A symbolic link to the content directory is the content directory.
        try FileManager.default.createSymbolicLink(atPath: work + "/link", withDestinationPath: content)
        #expect(OutputDirectoryGuard.problem(output: work + "/link", protected: protected) == "the output directory '\(work)/link' is the source directory '\(content)'")
        if let home = ProcessInfo.processInfo.environment["HOME"], !home.isEmpty, home != "/" {
            #expect(OutputDirectoryGuard.problem(output: home, protected: protected) == "refusing to replace the home directory with the site")
            #expect(OutputDirectoryGuard.problem(output: home + "/", protected: protected) == "refusing to replace the home directory with the site")
        }
        #expect(OutputDirectoryGuard.problem(output: work + "/site", protected: protected) == nil)
    }

    @Test("A write failure halfway through keeps the live site; the tree beside it is left half updated for the next build")
    func writeFailureMidway() async throws {
        let (work, out, before) = try await workWithSite()
        defer { TestSupport.cleanUp(work) }
        let files = (0..<20).map { OutputFile(path: "en/page-\($0).html", text: "new \($0)") }
        let failing = FailingFileSystem(failWriteNumber: 10, reason: "No space left on device")
        let error = #expect(throws: SiteWriter.WriteError.self) {
            try SiteWriter.write(files, to: out, fileSystem: failing)
        }
        #expect(error?.description == "the site was not written, the previous one is kept: cannot write \(failing.lastPath): No space left on device")
        #expect(failing.lastPath.hasPrefix(work + "/.site.previous/"))
        #expect(failing.writes == 10)
        #expect(TestSupport.snapshot(of: out) == before)
        #expect(try extraEntries(work) == [".site.previous"])
        // The next build brings the half-updated tree up to date and swaps it in.
        try SiteWriter.write(files, to: out)
        #expect(TestSupport.snapshot(of: out) == Dictionary(uniqueKeysWithValues: files.map { ($0.path, Data($0.bytes)) }))
        #expect(TestSupport.snapshot(of: work + "/.site.previous") == before)
    }

    @Test("A tree beside the site that cannot be created (permission denied) keeps the previous site")
    func stagingRefused() async throws {
        let (work, out, before) = try await workWithSite()
        defer { TestSupport.cleanUp(work) }
        let failing = FailingFileSystem(failDirectoryContaining: ".site.previous", reason: "Permission denied")
        #expect(throws: SiteWriter.WriteError.self) {
            try SiteWriter.write([OutputFile(path: "index.html", text: "new")], to: out, fileSystem: failing)
        }
        #expect(TestSupport.snapshot(of: out) == before)
        #expect(try extraEntries(work) == [])
    }

    @Test("Without RENAME_EXCHANGE three renames swap the trees, and the live site is restored if the second fails")
    func renameFallback() async throws {
        let (work, out, before) = try await workWithSite()
        defer { TestSupport.cleanUp(work) }
        let noExchange = FailingFileSystem(failExchange: true)
        try SiteWriter.write([OutputFile(path: "index.html", text: "new")], to: out, fileSystem: noExchange)
        #expect(TestSupport.snapshot(of: out) == ["index.html": Data("new".utf8)])
        #expect(TestSupport.snapshot(of: work + "/.site.previous") == before)
        #expect(try extraEntries(work) == [".site.previous"])

        let secondRenameFails = FailingFileSystem(failExchange: true, failRenameFrom: ".site.previous")
        #expect(throws: SiteWriter.WriteError.self) {
            try SiteWriter.write([OutputFile(path: "other.html", text: "newer")], to: out, fileSystem: secondRenameFails)
        }
        #expect(TestSupport.snapshot(of: out) == ["index.html": Data("new".utf8)], "the previous site is back in place")
        #expect(try extraEntries(work) == [".site.previous"])
    }

    @Test("A rebuild writes only what changed: unchanged files stay or are linked from the live site, extras go")
    func rebuildWritesOnlyChanges() throws {
        let work = TestSupport.temporaryDirectory()
        defer { TestSupport.cleanUp(work) }
        let out = work + "/site"
        func files(_ pairs: [(String, String)]) -> [OutputFile] { pairs.map { OutputFile(path: $0.0, text: $0.1) } }
        func snapshot(_ files: [OutputFile]) -> [String: Data] { Dictionary(uniqueKeysWithValues: files.map { ($0.path, Data($0.bytes)) }) }
        let first = files([("index.html", "home"), ("en/a/index.html", "a"), ("en/b/index.html", "b"), ("x", "file")])
        let counting = CountingFileSystem()
        try SiteWriter.write(first, to: out, fileSystem: counting)
        #expect(counting.counts == .init(writes: 4, links: 0))
        #expect(try extraEntries(work) == [], "a first build renames its tree into place and keeps nothing beside it")

        // Same files: the new tree beside the site links every file from the live site.
        try SiteWriter.write(first, to: out, fileSystem: counting.reset())
        #expect(counting.counts == .init(writes: 0, links: 4))
        #expect(TestSupport.snapshot(of: out) == snapshot(first))
        #expect(TestSupport.snapshot(of: work + "/.site.previous") == snapshot(first))

        // One file changed, one removed, one added in a new directory, a file replaced by a directory.
        let third = files([("index.html", "home"), ("en/a/index.html", "a2"), ("en/c/index.html", "c"), ("x/y", "inside")])
        try SiteWriter.write(third, to: out, fileSystem: counting.reset())
        #expect(counting.counts == .init(writes: 3, links: 0), "index.html is already right in the tree beside the site")
        #expect(TestSupport.snapshot(of: out) == snapshot(third))
        #expect(!FileManager.default.fileExists(atPath: out + "/en/b"), "directories the new site lacks are removed")
        #expect(TestSupport.snapshot(of: work + "/.site.previous") == snapshot(first))

        // Someone edits a file in place (the two trees share the inodes of unchanged files, so both see it):
        // contents are compared, never trusted, and the next build puts the right bytes back.
        try Data("tampered".utf8).write(to: URL(fileURLWithPath: out + "/index.html"))
        try SiteWriter.write(third, to: out, fileSystem: counting.reset())
        #expect(TestSupport.snapshot(of: out) == snapshot(third))
        #expect(counting.counts == .init(writes: 1, links: 3))
    }

    @Test("Permission denied on the site's directory: a clear error, the previous site kept",
          .enabled(if: geteuid() != 0, "runs as root, whom permission bits do not stop; stagingRefused covers the same path through the file-system seam"))
    func permissionDenied() async throws {
        let (work, out, before) = try await workWithSite()
        defer {
            chmod(work, 0o755)
            TestSupport.cleanUp(work)
        }
        #expect(chmod(work, 0o555) == 0)
        let result = try await TestSupport.run(content: TestSupport.fixture("twins"), out: out)
        #expect(!result.wroteSite)
        let failure = result.diagnostics.first { $0.ruleID == "output.write-failed" }?.message ?? ""
        #expect(failure.hasPrefix("the site was not written, the previous one is kept: cannot create \(work)/.site.previous"), "\(failure)")
        #expect(failure.hasSuffix(": Permission denied"), "\(failure)")
        chmod(work, 0o755)
        #expect(TestSupport.snapshot(of: out) == before)
        #expect(try extraEntries(work) == [])
    }

    @Test("An output path that is a file is refused and the file kept")
    func outputIsAFile() async throws {
        let work = TestSupport.temporaryDirectory()
        defer { TestSupport.cleanUp(work) }
        let out = work + "/site"
        try Data("my notes".utf8).write(to: URL(fileURLWithPath: out))
        let result = try await TestSupport.run(content: TestSupport.fixture("twins"), out: out)
        #expect(!result.wroteSite)
        #expect(TestSupport.lines(result.diagnostics.filter { $0.ruleID == "output.write-failed" }, relativeTo: work) == [
            "error: \(out) exists and is not a directory; the site was not written [output.write-failed]",
        ])
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "my notes")
        #expect(try extraEntries(work) == [])
    }

    @Test("A directory where site.yaml should be, a FIFO page and a symlink loop: each a finding, the previous site kept")
    func brokenTrees() async throws {
        let (work, out, before) = try await workWithSite()
        defer { TestSupport.cleanUp(work) }
        let content = try copyOfFixture("twins", into: work)
        try FileManager.default.createDirectory(atPath: content + "/site.yaml", withIntermediateDirectories: false)
        #expect(mkfifo(content + "/pages/a/pipe.md", 0o644) == 0)
        try FileManager.default.createSymbolicLink(atPath: content + "/pages/a/loop", withDestinationPath: "..")
        try FileManager.default.createSymbolicLink(atPath: content + "/pages/self.md", withDestinationPath: "self.md")
        let result = try await TestSupport.run(content: content, out: out)
        #expect(!result.wroteSite)
        let lines = TestSupport.lines(result.diagnostics.filter { $0.ruleID == "content.unreadable" }, relativeTo: work)
        #expect(lines == [
            "twins/pages/a/loop:1:1: error: directory is reached twice (a symlink loop?); skipped [content.unreadable]",
            "twins/pages/a/pipe.md:1:1: error: not a regular file (a device, socket or pipe); not read [content.unreadable]",
            "twins/pages/self.md:1:1: error: broken symbolic link [content.unreadable]",
            "twins/site.yaml:1:1: error: a directory stands where a file is expected [content.unreadable]",
        ])
        #expect(TestSupport.snapshot(of: out) == before)
        #expect(try extraEntries(work) == ["twins"])
    }

    @Test("An unreadable page is a finding, the previous site kept",
          .enabled(if: geteuid() != 0, "runs as root, whom permission bits do not stop; brokenTrees covers unreadable files by type"))
    func unreadablePage() async throws {
        let (work, out, before) = try await workWithSite()
        defer { TestSupport.cleanUp(work) }
        let content = try copyOfFixture("twins", into: work)
        #expect(chmod(content + "/pages/a/both.md", 0) == 0)
        let result = try await TestSupport.run(content: content, out: out)
        #expect(!result.wroteSite)
        #expect(TestSupport.lines(result.diagnostics.filter { $0.ruleID == "content.unreadable" }, relativeTo: work) == [
            "twins/pages/a/both.md:1:1: error: cannot read file: Permission denied [content.unreadable]",
        ])
        #expect(TestSupport.snapshot(of: out) == before)
    }
}

/// A `SiteFileSystem` over the real disk that fails one chosen operation, as a full disk or a denied
/// directory would.
final class FailingFileSystem: SiteFileSystem, @unchecked Sendable {
    private let local = LocalSiteFileSystem()
    private let failWriteNumber: Int?
    private let failDirectoryContaining: String?
    private let failExchange: Bool
    private let failRenameFrom: String?
    private let reason: String
    private let lock = NSLock()
    private(set) var writes = 0
    private(set) var lastPath = ""

    init(failWriteNumber: Int? = nil, failDirectoryContaining: String? = nil, failExchange: Bool = false,
         failRenameFrom: String? = nil, reason: String = "Input/output error") {
        self.failWriteNumber = failWriteNumber
        self.failDirectoryContaining = failDirectoryContaining
        self.failExchange = failExchange
        self.failRenameFrom = failRenameFrom
        self.reason = reason
    }

    func createDirectory(_ path: String) throws(SiteFileSystemError) {
        if let part = failDirectoryContaining, path.contains(part) { throw SiteFileSystemError("cannot create \(path): \(reason)") }
        try local.createDirectory(path)
    }

    func writeFile(_ path: String, bytes: [UInt8]) throws(SiteFileSystemError) {
        let number = lock.withLock { writes += 1; lastPath = path; return writes }
        if number == failWriteNumber { throw SiteFileSystemError("cannot write \(path): \(reason)") }
        try local.writeFile(path, bytes: bytes)
    }

    func removeItem(_ path: String) { local.removeItem(path) }
    func contentsOfDirectory(_ path: String) -> [String] { local.contentsOfDirectory(path) }
    func kind(of path: String) -> SiteFileSystemItemKind { local.kind(of: path) }

    func rename(_ from: String, to: String) throws(SiteFileSystemError) {
        if let part = failRenameFrom, (from as NSString).lastPathComponent.contains(part) {
            throw SiteFileSystemError("cannot rename \(from) to \(to): \(reason)")
        }
        try local.rename(from, to: to)
    }

    func exchange(_ first: String, _ second: String) throws(SiteFileSystemError) {
        if failExchange { throw SiteFileSystemError("cannot exchange: Invalid argument") }
        try local.exchange(first, second)
    }
}

/// The real disk, counting the files written and linked.
final class CountingFileSystem: SiteFileSystem, @unchecked Sendable {
    struct Counts: Equatable { var writes = 0, links = 0 }
    private let local = LocalSiteFileSystem()
    private let lock = NSLock()
    private var current = Counts()
    var counts: Counts { lock.withLock { current } }

    func reset() -> CountingFileSystem {
        lock.withLock { current = Counts() }
        return self
    }

    func createDirectory(_ path: String) throws(SiteFileSystemError) { try local.createDirectory(path) }
    func writeFile(_ path: String, bytes: [UInt8]) throws(SiteFileSystemError) {
        lock.withLock { current.writes += 1 }
        try local.writeFile(path, bytes: bytes)
    }
    func removeItem(_ path: String) { local.removeItem(path) }
    func contentsOfDirectory(_ path: String) -> [String] { local.contentsOfDirectory(path) }
    func kind(of path: String) -> SiteFileSystemItemKind { local.kind(of: path) }
    func rename(_ from: String, to: String) throws(SiteFileSystemError) { try local.rename(from, to: to) }
    func exchange(_ first: String, _ second: String) throws(SiteFileSystemError) { try local.exchange(first, second) }
    func holds(_ path: String, bytes: [UInt8]) -> Bool { local.holds(path, bytes: bytes) }
    func link(_ existing: String, to path: String) throws(SiteFileSystemError) {
        lock.withLock { current.links += 1 }
        try local.link(existing, to: path)
    }
    func removeFile(_ path: String) throws(SiteFileSystemError) { try local.removeFile(path) }
    func listTree(_ root: String) -> SiteTreeListing { local.listTree(root) }
}

/// The built `dochouse` binary killed in the middle of writing: the previous site survives any signal, and the
/// next build clears what the killed one left.
@Suite("Interrupted builds")
struct InterruptedBuildTests {
    /// `dochouse` beside the test bundle (`swift test` builds every product into the same directory).
    static let binary: String? = {
        let directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidate = directory.appendingPathComponent("dochouse").path
        return FileManager.default.isExecutableFile(atPath: candidate) ? candidate : nil
    }()

    /// A tree whose write phase is long enough to be caught: one page and 800 static files of about 16 KB, whose
    /// size says which round wrote them.
    private func bigTree(in work: String) throws -> String {
        let content = work + "/content"
        try FileManager.default.createDirectory(atPath: content + "/pages", withIntermediateDirectories: true)
        try Data("languages: [en]\n".utf8).write(to: URL(fileURLWithPath: content + "/site.yaml"))
        try writePage(content, title: "First")
        try writeStaticFiles(content, round: 0)
        return content
    }

    private static let staticFileCount = 800

    private static func staticSize(round: Int) -> Int { 16 * 1024 + round }

    private func writeStaticFiles(_ content: String, round: Int) throws {
        let blob = Data(repeating: UInt8(ascii: "x"), count: Self.staticSize(round: round))
        for index in 0..<Self.staticFileCount {
            let directory = content + "/static/d\(index % 40)"
            if index < 40 { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) }
            try blob.write(to: URL(fileURLWithPath: directory + "/f\(index).txt"))
        }
    }

    /// True once some static file in `tree` has the size of `round`: the build is writing its files.
    private func writing(round: Int, in tree: String) -> Bool {
        var status = stat()
        for index in 0..<Self.staticFileCount where stat(tree + "/d\(index % 40)/f\(index).txt", &status) == 0 {
            if status.st_size == Self.staticSize(round: round) { return true }
        }
        return false
    }

    private func writePage(_ content: String, title: String) throws {
        try Data("---\ntitle: \(title)\npermalink: en/index.html\n---\n# \(title)\n".utf8)
            .write(to: URL(fileURLWithPath: content + "/pages/index.md"))
    }

    private func build(_ binary: String, content: String, out: String) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["build", "--content", content, "--templates",
                             TestSupport.repositoryRoot.appendingPathComponent("templates").path, "--out", out]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    private func leftovers(in work: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: work).filter { $0.hasPrefix(".site.") }
    }

    @Test("SIGKILL, SIGTERM and SIGINT mid-write: previous site intact, the next build finishes the job",
          .enabled(if: InterruptedBuildTests.binary != nil, "needs the dochouse binary beside the test bundle (swift test builds it)"),
          .timeLimit(.minutes(2)))
    func interrupted() async throws {
        let binary = try #require(Self.binary)
        let work = TestSupport.temporaryDirectory()
        defer { TestSupport.cleanUp(work) }
        let out = work + "/site"
        let content = try bigTree(in: work)
        let first = try build(binary, content: content, out: out)
        first.waitUntilExit()
        #expect(first.terminationStatus == 0)
        let before = TestSupport.snapshot(of: out)
        // The page, the stylesheet, the static files, and the site-wide files (search indexes, sitemap, 404 and home pages).
        #expect(before.count > 800, "the page, the stylesheet, the static files and the site-wide files")
        #expect(before.keys.contains { $0.hasSuffix("search-index.json") })

        // Each round changes the page and every static file, starts a build and stops it as soon as it has
        // written a file of this round into the tree beside the site.
        let back = work + "/.site.previous"
        for (round, signal) in [SIGKILL, SIGTERM, SIGINT].enumerated().map({ ($0.offset + 1, $0.element) }) {
            try writePage(content, title: "Round \(round)")
            try writeStaticFiles(content, round: round)
            let killed = try build(binary, content: content, out: out)
            var caught = false
            let deadline = ContinuousClock.now + .seconds(60)
            while !caught, killed.isRunning, ContinuousClock.now < deadline {
                if writing(round: round, in: back) {
                    caught = true
                    kill(killed.processIdentifier, signal)
                } else {
                    usleep(200)
                }
            }
            killed.waitUntilExit()
            #expect(caught, "signal \(signal): the build was stopped while writing")
            #expect(killed.terminationReason == .uncaughtSignal && killed.terminationStatus == signal)
            #expect(TestSupport.snapshot(of: out) == before, "signal \(signal): the previous site is exactly as it was")
            #expect(try leftovers(in: work) == [".site.previous"], "signal \(signal): only the tree beside the site is there")
        }

        let next = try build(binary, content: content, out: out)
        next.waitUntilExit()
        #expect(next.terminationStatus == 0)
        #expect(try leftovers(in: work) == [".site.previous"])
        let page = try String(contentsOfFile: out + "/en/index.html", encoding: .utf8)
        #expect(page.contains("Round 3"))
        #expect(writing(round: 3, in: out))
        #expect(TestSupport.snapshot(of: back) == before, "the tree beside the site now holds the previous site")
    }
}
