import DochouseKit
import Foundation
import Logging
import ServiceLifecycle
import UnixSignals

/// Runs the preview: the HTTP server, and the loop that turns the watcher's batches into rebuilds. Both run
/// in one service group that stops on SIGINT and SIGTERM: the watch loop stops first and closes the event
/// streams (so open pages' requests end), then the server drains. The preview keeps the site in memory, so
/// stopping leaves no files behind.
public struct PreviewService: Service {
    public let session: PreviewSession
    public let watcher: DirectoryWatcher
    public let logger: Logger
    /// Called after each rebuild (the console prints findings; tests and the benchmark observe).
    public let onRebuild: @Sendable (PreviewSession.Rebuild) async -> Void
    /// How long the tree must stay quiet before the site-wide files (search indexes, sitemap) are rebuilt.
    public var siteFilesDelay: Duration = .milliseconds(700)

    public init(session: PreviewSession, watcher: DirectoryWatcher, logger: Logger,
                onRebuild: @escaping @Sendable (PreviewSession.Rebuild) async -> Void = { _ in }) {
        self.session = session
        self.watcher = watcher
        self.logger = logger
        self.onRebuild = onRebuild
    }

    public func run() async throws {
        let hub = session.hub
        let heartbeat = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(15))
                hub.heartbeat()
            }
        }
        await withGracefulShutdownHandler {
            var idleRefresh: Task<Void, Never>?
            for await batch in watcher.batches.cancelOnGracefulShutdown() {
                idleRefresh?.cancel()
                let rebuild = await session.handle(changedPaths: batch)
                await onRebuild(rebuild)
                let session = self.session, generation = rebuild.generation, delay = siteFilesDelay
                idleRefresh = Task {
                    try? await Task.sleep(for: delay)
                    guard !Task.isCancelled else { return }
                    await session.refreshSiteFilesIfIdle(since: generation)
                }
            }
            idleRefresh?.cancel()
        } onGracefulShutdown: {
            watcher.stop()
            hub.close()
        }
        heartbeat.cancel()
        watcher.stop()
        hub.close()
    }

    /// The server and the watch loop in one group that stops on SIGINT or SIGTERM, or when
    /// `triggerGracefulShutdown()` is called on it. Run it with `run()`.
    public static func group(server: PreviewServer, watcher: DirectoryWatcher, logger: Logger,
                             signals: [UnixSignal] = [.sigterm, .sigint],
                             onRunning: @escaping @Sendable (Int) async -> Void = { _ in },
                             onRebuild: @escaping @Sendable (PreviewSession.Rebuild) async -> Void = { _ in }) -> ServiceGroup {
        let app = server.application(onRunning: onRunning)
        let preview = PreviewService(session: server.session, watcher: watcher, logger: logger, onRebuild: onRebuild)
        // Services stop in reverse order: the preview (closing event streams) before the server.
        return ServiceGroup(configuration: .init(services: [app, preview], gracefulShutdownSignals: signals, logger: logger))
    }
}
