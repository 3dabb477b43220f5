import Foundation
import CSystemShims

/// The file operations `SiteWriter` performs, and nothing else, so a test can hand it one that fails halfway
/// (a full disk, a file that cannot be created) without touching the real disk's permissions.
/// Every operation reports a failure as a readable reason (`strerror`), never by trapping.
public protocol SiteFileSystem: Sendable {
    /// Creates a directory and any missing parents.
    func createDirectory(_ path: String) throws(SiteFileSystemError)
    /// Creates a new file with these bytes; fails if it exists.
    func writeFile(_ path: String, bytes: [UInt8]) throws(SiteFileSystemError)
    /// Removes a file or a directory tree; a missing item is not an error.
    func removeItem(_ path: String)
    /// Names in a directory (empty when it cannot be listed).
    func contentsOfDirectory(_ path: String) -> [String]
    /// What is at a path, without following a final symlink's target type for `.other`.
    func kind(of path: String) -> SiteFileSystemItemKind
    func rename(_ from: String, to: String) throws(SiteFileSystemError)
    /// Swaps two directories in one step; throws when the file system cannot (the caller falls back to renames).
    func exchange(_ first: String, _ second: String) throws(SiteFileSystemError)
}

public enum SiteFileSystemItemKind: Sendable, Equatable {
    case missing
    case directory
    case other
}

public struct SiteFileSystemError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }

    static func errno(_ what: String, _ path: String) -> SiteFileSystemError {
        SiteFileSystemError("\(what) \(path): \(String(cString: strerror(Glibc.errno)))")
    }
}

/// The real disk.
public struct LocalSiteFileSystem: SiteFileSystem {
    public init() {}

    public func createDirectory(_ path: String) throws(SiteFileSystemError) {
        // mkdir per missing component, so a failure says which directory and why (strerror, not Foundation's prose).
        var current = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            current += "/" + component
            if mkdir(current, 0o755) != 0, Glibc.errno != EEXIST { throw .errno("cannot create", current) }
        }
        guard kind(of: path) == .directory else { throw SiteFileSystemError("cannot create \(path): a file is in the way") }
    }

    public func writeFile(_ path: String, bytes: [UInt8]) throws(SiteFileSystemError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .errno("cannot create", path) }
        defer { close(fd) }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return write(fd, base + written, buffer.count - written)
            }
            if count < 0 {
                if Glibc.errno == EINTR { continue }
                throw .errno("cannot write", path)
            }
            written += count
        }
    }

    public func removeItem(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }

    public func contentsOfDirectory(_ path: String) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
    }

    public func kind(of path: String) -> SiteFileSystemItemKind {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return .missing }
        return isDirectory.boolValue ? .directory : .other
    }

    public func rename(_ from: String, to: String) throws(SiteFileSystemError) {
        guard Glibc.rename(from, to) == 0 else { throw .errno("cannot rename \(from) to", to) }
    }

    public func exchange(_ first: String, _ second: String) throws(SiteFileSystemError) {
        guard dochouse_exchange_paths(first, second) == 0 else { throw .errno("cannot exchange \(first) with", second) }
    }
}
