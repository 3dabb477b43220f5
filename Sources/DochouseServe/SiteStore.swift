import Hummingbird
import Synchronization

/// One file as the preview serves it: bytes ready to write, their ETag and media type.
public struct ServedFile: Sendable {
    public var body: ByteBuffer
    public var etag: String
    public var contentType: String
    /// The page version the live-reload script compares (HTML pages only).
    public var version: String?

    init(bytes: [UInt8], path: String, version: String? = nil, instance: String) {
        body = ByteBuffer(bytes: bytes)
        self.version = version
        etag = "\"" + (version ?? FNV1a.hex(bytes)) + "-" + instance + "\""
        contentType = ContentTypes.type(forPath: path)
    }
}

/// The site the preview serves, in memory: a snapshot that request handlers read under a lock held only for
/// a dictionary lookup, and that a rebuild replaces file by file. Slow clients hold their own copy of a
/// file's bytes (a `ByteBuffer` shares its storage), never the lock.
public final class SiteStore: Sendable {
    private let files = Mutex<[String: ServedFile]>([:])

    public init() {}

    public func file(_ path: String) -> ServedFile? {
        files.withLock { $0[path] }
    }

    func update(_ changes: [String: ServedFile], removing removed: some Sequence<String> = []) {
        files.withLock { files in
            for path in removed { files[path] = nil }
            for (path, file) in changes { files[path] = file }
        }
    }

    public var paths: [String] { files.withLock { Array($0.keys) } }
}
