import DochouseKit
import Foundation
import Logging
import ServiceLifecycle

/// Edit-to-reload latency of the preview: starts the real server (HTTP, inotify watcher, event stream) on a
/// tree, follows the event stream like a browser, rewrites one page `edits` times, and times each write to
/// the reload event that names the page. The clock starts when the write is closed (what an editor's save
/// does) and stops when the event is read off the socket.
public struct EditLatencyBenchmark: Sendable {
    public var contentDirectory: String
    public var templatesDirectory: String
    public var page: String?
    public var edits: Int
    public var pause: Duration

    public init(contentDirectory: String, templatesDirectory: String, page: String? = nil, edits: Int = 20,
                pause: Duration = .milliseconds(150)) {
        self.contentDirectory = contentDirectory
        self.templatesDirectory = templatesDirectory
        self.page = page
        self.edits = edits
        self.pause = pause
    }

    public struct Report: Sendable {
        public var pages: Int
        public var initialBuildSeconds: Double
        public var latencies: [Double]
        public var rebuildSeconds: [Double]
        public var page: String
        public var verified: Int

        public var text: String {
            func ms(_ seconds: Double) -> String { String(format: "%.1f ms", seconds * 1000) }
            let sorted = latencies.sorted(), rebuilds = rebuildSeconds.sorted()
            let median = sorted.isEmpty ? 0 : sorted[sorted.count / 2]
            let rebuildMedian = rebuilds.isEmpty ? 0 : rebuilds[rebuilds.count / 2]
            return """
                pages served:          \(pages)
                initial build:         \(String(format: "%.2f s", initialBuildSeconds))
                page edited:           \(page)
                edits:                 \(latencies.count) (\(verified) verified by fetching the new page)
                edit -> reload median: \(ms(median))
                edit -> reload worst:  \(ms(sorted.last ?? 0))
                edit -> reload best:   \(ms(sorted.first ?? 0))
                rebuild median:        \(ms(rebuildMedian)) (inside the server, after the watcher's quiet period)
                """
        }
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public func run() async throws -> Report {
        var logger = Logger(label: "dochouse.bench-serve")
        logger.logLevel = .error
        let clock = ContinuousClock()
        let started = clock.now
        let session = try await PreviewSession(contentDirectory: contentDirectory, templatesDirectory: templatesDirectory, logger: logger)
        let initial = seconds(clock.now - started)
        let site = await session.site
        let pages = session.store.paths.filter { $0.hasSuffix(".html") }.count
        let relative = try page ?? firstPage()
        let file = ContentLoader.join(ContentLoader.join(contentDirectory, "pages"), relative)
        let original = try Data(contentsOf: URL(fileURLWithPath: file))

        let watcher = try DirectoryWatcher(roots: [PreviewSessionPaths.absolute(contentDirectory), PreviewSessionPaths.absolute(templatesDirectory)])
        let server = PreviewServer(session: session, host: "127.0.0.1", port: 0, basePath: site.basePath,
                                   defaultLanguage: site.defaultLanguage, languages: site.languages, logger: logger)
        let portBox = AsyncStream<Int>.makeStream()
        let rebuilds = AsyncStream<Double>.makeStream()
        let group = PreviewService.group(server: server, watcher: watcher, logger: logger, signals: [],
                                         onRunning: { portBox.continuation.yield($0) },
                                         onRebuild: { rebuilds.continuation.yield($0.seconds) })
        let running = Task { try await group.run() }
        defer { running.cancel() }
        var portIterator = portBox.stream.makeAsyncIterator()
        guard let port = await portIterator.next() else { throw Failure(description: "the server did not start") }

        let stream = try LoopbackHTTPClient.EventStream(port: port)
        defer { stream.close() }
        var events = stream.events.makeAsyncIterator()
        guard let hello = await events.next(), hello.name == "hello" else { throw Failure(description: "no hello event") }

        guard let output = await session.outputPaths(forSource: file).first else {
            throw Failure(description: "\(file) does not compile to a page")
        }
        let outputPath = "/" + output
        var latencies: [Double] = []
        var rebuildTimes: [Double] = []
        var verified = 0
        var rebuildIterator = rebuilds.stream.makeAsyncIterator()
        for edit in 1...edits {
            var text = String(decoding: original, as: UTF8.self)
            text += "\nPreview edit number \(edit) of the latency benchmark.\n"
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: file))
            try handle.truncate(atOffset: 0)
            try handle.write(contentsOf: Data(text.utf8))
            try handle.close()
            let written = clock.now
            var reloaded: ContinuousClock.Instant?
            let watchdog = Task {
                try await Task.sleep(for: .seconds(10))
                stream.close()
            }
            defer { watchdog.cancel() }
            while let event = await events.next() {
                if event.name == "reload", event.data.contains("\"\(outputPath)\"") {
                    reloaded = event.received
                    break
                }
            }
            guard let reloaded else { throw Failure(description: "no reload event for \(outputPath) after edit \(edit)") }
            latencies.append(seconds(reloaded - written))
            if let rebuild = await rebuildIterator.next() { rebuildTimes.append(rebuild) }
            if let response = try? LoopbackHTTPClient.request(port: port, target: outputPath),
               response.text.contains("Preview edit number \(edit) of") { verified += 1 }
            try await Task.sleep(for: pause)
        }
        try original.write(to: URL(fileURLWithPath: file))
        try await Task.sleep(for: .milliseconds(300))
        await group.triggerGracefulShutdown()
        _ = try? await running.value
        return Report(pages: pages, initialBuildSeconds: initial, latencies: latencies, rebuildSeconds: rebuildTimes,
                      page: relative, verified: verified)
    }

    private func firstPage() throws -> String {
        let tree = try ContentLoader.load(from: contentDirectory)
        guard let page = tree.pages.first(where: { !$0.relativePath.contains(".ru.") }) ?? tree.pages.first else {
            throw Failure(description: "the tree has no pages")
        }
        return page.relativePath
    }

    private func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}

