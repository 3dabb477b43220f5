#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Synchronization

/// Watches directory trees with inotify and reports batches of changed paths.
///
/// inotify is not recursive: each directory gets its own watch, and directories that appear later (created
/// or moved in) are watched as they appear, and the files already inside them reported. Nothing polls the
/// tree. A dedicated thread blocks in `poll(2)` on the inotify descriptor; a burst of events (an editor's
/// save is often several) is collected until the tree has been quiet for `quietPeriod`, or for at most
/// `maximumDelay`, then delivered as one batch.
public final class DirectoryWatcher: Sendable {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    private struct State {
        var directories: [Int32: String] = [:]
        var stopped = false
    }

    private let descriptor: Int32
    private let state = Mutex(State())
    private let quietPeriod: Duration
    private let maximumDelay: Duration
    private let continuation: AsyncStream<[String]>.Continuation
    /// Batches of absolute paths that changed (created, written, moved, deleted).
    public let batches: AsyncStream<[String]>

    static let fileEvents = UInt32(IN_CLOSE_WRITE) | UInt32(IN_MOVED_TO) | UInt32(IN_MOVED_FROM) | UInt32(IN_DELETE)
        | UInt32(IN_CREATE) | UInt32(IN_DELETE_SELF) | UInt32(IN_MOVE_SELF) | UInt32(IN_ATTRIB)

    public init(roots: [String], quietPeriod: Duration = .milliseconds(8), maximumDelay: Duration = .milliseconds(150)) throws {
        let fd = inotify_init1(Int32(IN_NONBLOCK) | Int32(IN_CLOEXEC))
        guard fd >= 0 else { throw Failure(description: "inotify_init1 failed: \(String(cString: strerror(errno)))") }
        descriptor = fd
        self.quietPeriod = quietPeriod
        self.maximumDelay = maximumDelay
        (batches, continuation) = AsyncStream<[String]>.makeStream(bufferingPolicy: .unbounded)
        for root in roots where FileManager.default.fileExists(atPath: root) {
            _ = addTree(root)
        }
        let thread = Thread { [self] in self.loop() }
        thread.name = "dochouse-watcher"
        thread.start()
    }

    /// Stops watching; the batch stream ends.
    public func stop() {
        state.withLock { $0.stopped = true }
    }

    public var watchedDirectoryCount: Int { state.withLock { $0.directories.count } }

    /// Watches `directory` and every directory under it; returns the files found inside (for directories
    /// that appeared after the watch began, whose files no event announced).
    private func addTree(_ directory: String) -> [String] {
        var files: [String] = []
        var pending = [directory]
        while let current = pending.popLast() {
            let wd = inotify_add_watch(descriptor, current, Self.fileEvents | UInt32(IN_ONLYDIR))
            guard wd >= 0 else { continue }
            let isNew = state.withLock { state -> Bool in
                let known = state.directories[wd] == current
                state.directories[wd] = current
                return !known
            }
            guard isNew, let names = try? FileManager.default.contentsOfDirectory(atPath: current) else { continue }
            for name in names.sorted() {
                let path = current + "/" + name
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
                if isDirectory.boolValue { pending.append(path) } else { files.append(path) }
            }
        }
        return files
    }

    private func loop() {
        defer {
            close(descriptor)
            continuation.finish()
        }
        let clock = ContinuousClock()
        var pending: [String] = []
        var seen: Set<String> = []
        var firstEvent: ContinuousClock.Instant?
        var lastEvent: ContinuousClock.Instant?
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: 64 * 1024, alignment: MemoryLayout<inotify_event>.alignment)
        defer { buffer.deallocate() }
        func note(_ path: String) {
            if seen.insert(path).inserted { pending.append(path) }
        }
        while !state.withLock({ $0.stopped }) {
            var timeout: Int32 = 100
            if let last = lastEvent, let first = firstEvent {
                let now = clock.now
                let quietLeft = quietPeriod - (now - last)
                let maxLeft = maximumDelay - (now - first)
                let left = min(quietLeft, maxLeft)
                if left <= .zero {
                    continuation.yield(pending)
                    pending = []
                    seen = []
                    firstEvent = nil
                    lastEvent = nil
                    continue
                }
                timeout = Int32(max(1, (left.components.attoseconds / 1_000_000_000_000_000) + left.components.seconds * 1000))
            }
            var descriptorPoll = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptorPoll, 1, timeout)
            guard ready > 0 else { continue }
            let count = read(descriptor, buffer, 64 * 1024)
            guard count > 0 else { continue }
            var offset = 0
            while offset + MemoryLayout<inotify_event>.size <= count {
                let event = buffer.load(fromByteOffset: offset, as: inotify_event.self)
                let nameStart = offset + MemoryLayout<inotify_event>.size
                var name = ""
                if event.len > 0 {
                    let bytes = UnsafeRawBufferPointer(start: buffer + nameStart, count: Int(event.len))
                    name = String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
                }
                offset = nameStart + Int(event.len)
                handle(event, name: name, note: note)
            }
            let now = clock.now
            if !pending.isEmpty {
                if firstEvent == nil { firstEvent = now }
                lastEvent = now
            }
        }
    }

    private func handle(_ event: inotify_event, name: String, note: (String) -> Void) {
        let mask = event.mask
        if mask & UInt32(IN_Q_OVERFLOW) != 0 {
            // Events were lost: report every watched directory so the tree is reloaded.
            for directory in state.withLock({ Array($0.directories.values) }) { note(directory) }
            return
        }
        guard let directory = state.withLock({ $0.directories[event.wd] }) else { return }
        if mask & UInt32(IN_IGNORED) != 0 || mask & UInt32(IN_DELETE_SELF) != 0 {
            state.withLock { _ = $0.directories.removeValue(forKey: event.wd) }
            if mask & UInt32(IN_DELETE_SELF) != 0 { note(directory) }
            return
        }
        guard !name.isEmpty else { return }
        let path = directory + "/" + name
        if mask & UInt32(IN_ISDIR) != 0 {
            if mask & (UInt32(IN_CREATE) | UInt32(IN_MOVED_TO)) != 0 {
                for file in addTree(path) { note(file) }
            }
            note(path)
            return
        }
        // A file created and still being written reports again on IN_CLOSE_WRITE; IN_CREATE alone matters
        // for files created by a link or a zero-length write.
        note(path)
    }
}
