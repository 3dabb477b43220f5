import Foundation
import Synchronization

/// The browsers following `/__dochouse/events`. A rebuild broadcasts one event to all of them without
/// waiting: each subscriber has a small buffer that keeps the newest events, so a slow or stalled client
/// loses old events (a later event or its reconnect check catches it up) and never holds up a rebuild.
public final class LiveReloadHub: Sendable {
    private struct State {
        var subscribers: [UInt64: AsyncStream<String>.Continuation] = [:]
        var nextID: UInt64 = 0
        var closed = false
    }
    private let state = Mutex(State())

    public init() {}

    /// A new subscriber's stream of server-sent-event records (`event: ...\ndata: ...\n\n`).
    public func subscribe() -> AsyncStream<String> {
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(8))
        let id: UInt64? = state.withLock { state in
            guard !state.closed else { return nil }
            state.nextID += 1
            state.subscribers[state.nextID] = continuation
            return state.nextID
        }
        guard let id else {
            continuation.finish()
            return stream
        }
        continuation.onTermination = { [weak self] _ in
            self?.state.withLock { _ = $0.subscribers.removeValue(forKey: id) }
        }
        return stream
    }

    /// Sends an event to every subscriber.
    public func broadcast(event: String, data: String) {
        let record = "event: \(event)\ndata: \(data)\n\n"
        let continuations = state.withLock { Array($0.subscribers.values) }
        for continuation in continuations { continuation.yield(record) }
    }

    /// A comment line that keeps idle connections open through proxies.
    func heartbeat() {
        let continuations = state.withLock { Array($0.subscribers.values) }
        for continuation in continuations { continuation.yield(": ping\n\n") }
    }

    /// Ends every stream (shutdown), so open event requests finish and the server can stop.
    public func close() {
        let continuations = state.withLock { state in
            state.closed = true
            defer { state.subscribers = [:] }
            return Array(state.subscribers.values)
        }
        for continuation in continuations { continuation.finish() }
    }

    public var subscriberCount: Int { state.withLock { $0.subscribers.count } }
}
