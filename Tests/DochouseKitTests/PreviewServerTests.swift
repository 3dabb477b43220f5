import DochouseKit
import DochouseServe
import Foundation
import Logging
import Testing

/// The preview, end to end: a real server on an ephemeral port, the inotify watcher on a copy of the `serve`
/// fixture, and a plain-socket client that sends paths exactly as written.
@Suite("Preview server", .serialized)
struct PreviewServerTests {
    /// A running preview over a fresh copy of the fixture.
    final class Preview: Sendable {
        let directory: String
        let content: String
        let session: PreviewSession
        let port: Int
        let task: Task<Void, any Error>
        let stop: @Sendable () async -> Void

        init() async throws {
            directory = TestSupport.temporaryDirectory()
            content = directory + "/content"
            try FileManager.default.copyItem(atPath: TestSupport.fixture("serve"), toPath: content)
            var logger = Logger(label: "test.preview")
            logger.logLevel = .critical
            let templates = TestSupport.repositoryRoot.appendingPathComponent("templates").path
            session = try await PreviewSession(contentDirectory: content, templatesDirectory: templates, logger: logger)
            let watcher = try DirectoryWatcher(roots: [content, templates])
            let server = PreviewServer(session: session, port: 0, defaultLanguage: "en", languages: ["en", "ru"], logger: logger)
            let (ports, portSink) = AsyncStream<Int>.makeStream()
            let group = PreviewService.group(server: server, watcher: watcher, logger: logger, signals: [],
                                             onRunning: { portSink.yield($0) })
            task = Task { try await group.run() }
            stop = { await group.triggerGracefulShutdown() }
            var iterator = ports.makeAsyncIterator()
            port = await iterator.next() ?? 0
        }

        func get(_ target: String, headers: [String: String] = [:], method: String = "GET") throws -> LoopbackHTTPClient.Response {
            try LoopbackHTTPClient.request(port: port, method: method, target: target, headers: headers)
        }

        func write(_ page: String, _ transform: (String) -> String) throws {
            let path = content + "/pages/" + page
            let text = try String(contentsOfFile: path, encoding: .utf8)
            try transform(text).write(toFile: path, atomically: false, encoding: .utf8)
        }

        func shutDown() async {
            await stop()
            _ = try? await task.value
            TestSupport.cleanUp(directory)
        }
    }

    /// The next reload event naming `page`, within a few seconds.
    func reload(of page: String, in events: LoopbackHTTPClient.EventStream) async -> Bool {
        let watchdog = Task {
            try await Task.sleep(for: .seconds(8))
            events.close()
        }
        defer { watchdog.cancel() }
        for await event in events.events where event.name == "reload" && event.data.contains("\"\(page)\"") {
            return true
        }
        return false
    }

    @Test("Serves pages of both languages with content types, ETags, 304 and HEAD")
    func servesPages() async throws {
        let preview = try await Preview()
        defer { Task { await preview.shutDown() } }
        let page = try preview.get("/en/guide/start.html")
        #expect(page.status == 200)
        #expect(page.headers["content-type"] == "text/html; charset=utf-8")
        #expect(page.text.contains("Read <a href=\"/en/guide/next.html#part\""))
        #expect(page.text.contains("/__dochouse/live.js"))
        #expect(!page.text.contains("dochouse-overlay"))
        let etag = try #require(page.headers["etag"])
        #expect(try preview.get("/en/guide/start.html", headers: ["If-None-Match": etag]).status == 304)
        let head = try preview.get("/en/guide/start.html", method: "HEAD")
        #expect(head.status == 200 && head.body.isEmpty && head.headers["content-length"] == String(page.body.count))
        let russian = try preview.get("/ru/guide/start.html")
        #expect(russian.status == 200 && russian.text.contains("Сначала прочитайте"))
        let css = try preview.get("/assets/dochouse.css")
        #expect(css.status == 200 && css.headers["content-type"] == "text/css; charset=utf-8")
        #expect(try preview.get("/en/guide/start.html", method: "POST").status == 405)
        let missing = try preview.get("/ru/no-such-page.html")
        #expect(missing.status == 404)
        #expect(missing.text.contains("lang=\"ru\""))
        await preview.shutDown()
    }

    @Test("Traversal attempts get 400 or 404 and no file content", arguments: [
        "/../../../../etc/passwd", "/en/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/en/%2E%2E/%2e%2e/etc/passwd",
        "/en%2f..%2f..%2fetc%2fpasswd", "/..\\..\\etc\\passwd", "/en/guide/start.html%00.txt", "//etc/passwd",
        "/etc/passwd", "/%252e%252e/etc/passwd", "/en/./guide/start.html", "/%", "/%zz",
    ])
    func traversal(_ target: String) async throws {
        let preview = try await Preview()
        defer { Task { await preview.shutDown() } }
        let response = try preview.get(target)
        #expect(response.status == 400 || response.status == 404, "\(target) -> \(response.status)")
        #expect(!response.text.contains("root:"))
        await preview.shutDown()
    }

    @Test("A symlink in the tree that points outside is never served")
    func symlinkOut() async throws {
        let directory = TestSupport.temporaryDirectory()
        defer { TestSupport.cleanUp(directory) }
        let content = directory + "/content"
        try FileManager.default.copyItem(atPath: TestSupport.fixture("serve"), toPath: content)
        try FileManager.default.createDirectory(atPath: content + "/static", withIntermediateDirectories: true)
        try "secret outside the site".write(toFile: directory + "/secret.txt", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: content + "/static/leak.txt", withDestinationPath: directory + "/secret.txt")
        let session = try await PreviewSession(contentDirectory: content,
                                               templatesDirectory: TestSupport.repositoryRoot.appendingPathComponent("templates").path)
        // A link pointing out of the tree never becomes a file of the site; the loader says why.
        #expect(session.store.file("leak.txt") == nil)
        #expect(await session.diagnostics.contains { $0.ruleID == "content.symlink-outside" })
    }

    @Test("Editing a page sends a reload event and serves the new content")
    func editReload() async throws {
        let preview = try await Preview()
        defer { Task { await preview.shutDown() } }
        let events = try LoopbackHTTPClient.EventStream(port: preview.port)
        defer { events.close() }
        var iterator = events.events.makeAsyncIterator()
        let hello = await iterator.next()
        #expect(hello?.name == "hello")
        try preview.write("guide/start.md") { $0.replacingOccurrences(of: "Some text.", with: "Some edited text about zanzibar.") }
        #expect(await reload(of: "/en/guide/start.html", in: events))
        let page = try preview.get("/en/guide/start.html")
        #expect(page.text.contains("Some edited text about zanzibar."))
        // The search index follows once the tree has been quiet for a moment.
        var indexed = false
        for _ in 0..<40 where !indexed {
            try await Task.sleep(for: .milliseconds(100))
            indexed = try preview.get("/en/search-index.json").text.contains("zanzibar")
        }
        #expect(indexed)
        await preview.shutDown()
    }

    @Test("A broken edit shows the overlay, the fix removes it; a page that no longer compiles keeps its last good version")
    func overlay() async throws {
        let preview = try await Preview()
        defer { Task { await preview.shutDown() } }
        let events = try LoopbackHTTPClient.EventStream(port: preview.port)
        defer { events.close() }

        // A sample error: the page shows its new text with the finding in the overlay.
        try preview.write("guide/policy.md") { $0.replacingOccurrences(of: "ecr:BatchGetImage\"", with: "ecr:BatchGetImages\"") }
        #expect(await reload(of: "/en/guide/policy.html", in: events))
        var page = try preview.get("/en/guide/policy.html")
        #expect(page.text.contains("id=\"dochouse-overlay\""))
        #expect(page.text.contains("iam.unknown-action"))
        #expect(page.text.contains("content/pages/guide/policy.md:14:"), "\(page.text)")
        // The twin learns of the difference too.
        #expect(try preview.get("/ru/guide/policy.html").text.contains("twin.sample-content"))

        try preview.write("guide/policy.md") { $0.replacingOccurrences(of: "ecr:BatchGetImages\"", with: "ecr:BatchGetImage\"") }
        #expect(await reload(of: "/en/guide/policy.html", in: events))
        page = try preview.get("/en/guide/policy.html")
        #expect(!page.text.contains("dochouse-overlay"))

        // Front matter that no longer parses: the last good page stays, with the overlay saying why.
        try preview.write("guide/next.md") { $0.replacingOccurrences(of: "title: Next", with: "title: [Next") }
        #expect(await reload(of: "/en/guide/next.html", in: events))
        page = try preview.get("/en/guide/next.html")
        #expect(page.status == 200)
        #expect(page.text.contains("The part other pages link to."), "\(page.text)")
        #expect(page.text.contains("last good version"))

        try preview.write("guide/next.md") { $0.replacingOccurrences(of: "title: [Next", with: "title: Next") }
        #expect(await reload(of: "/en/guide/next.html", in: events))
        page = try preview.get("/en/guide/next.html")
        #expect(!page.text.contains("dochouse-overlay"))
        await preview.shutDown()
    }

    @Test("A new directory of pages is watched as it appears")
    func newDirectory() async throws {
        let preview = try await Preview()
        defer { Task { await preview.shutDown() } }
        let events = try LoopbackHTTPClient.EventStream(port: preview.port)
        defer { events.close() }
        try FileManager.default.createDirectory(atPath: preview.content + "/pages/more", withIntermediateDirectories: true)
        try await Task.sleep(for: .milliseconds(100))
        try "---\ntitle: More\npermalink: en/more/page.html\n---\n\nFirst version.\n".write(toFile: preview.content + "/pages/more/page.md", atomically: true, encoding: .utf8)
        #expect(await reload(of: "/en/more/page.html", in: events))
        try "---\ntitle: More\npermalink: en/more/page.html\n---\n\nSecond version.\n".write(toFile: preview.content + "/pages/more/page.md", atomically: true, encoding: .utf8)
        #expect(await reload(of: "/en/more/page.html", in: events))
        #expect(try preview.get("/en/more/page.html").text.contains("Second version."))
        await preview.shutDown()
    }

    @Test("Stopping closes the event streams and leaves no files behind", .timeLimit(.minutes(1)))
    func cleanStop() async throws {
        let preview = try await Preview()
        let before = Set(try FileManager.default.contentsOfDirectory(atPath: preview.directory))
        let events = try LoopbackHTTPClient.EventStream(port: preview.port)
        var iterator = events.events.makeAsyncIterator()
        _ = await iterator.next()
        await preview.stop()
        _ = try? await preview.task.value
        // The stream ends (the server closed it) rather than hanging, and the hub let go of its subscriber.
        while let _ = await iterator.next() {}
        #expect(preview.session.hub.subscriberCount == 0)
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: preview.directory)) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: preview.content).allSatisfy { !$0.hasPrefix(".site.tmp") })
        TestSupport.cleanUp(preview.directory)
    }
}
