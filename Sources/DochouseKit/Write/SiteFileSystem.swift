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
    /// True when `path` is a regular file (not a symlink) holding exactly `bytes`.
    func holds(_ path: String, bytes: [UInt8]) -> Bool
    /// Makes `path` a new hard link to the file `existing`.
    func link(_ existing: String, to path: String) throws(SiteFileSystemError)
    /// Removes a file (or symlink); a missing one is not an error.
    func removeFile(_ path: String) throws(SiteFileSystemError)
    /// Every entry under `root`, by path relative to it, never following symlinks: regular files, directories,
    /// and anything else (symlinks, pipes).
    func listTree(_ root: String) -> SiteTreeListing
    /// True when files may be written from several threads at once (test doubles that count or fail the n-th
    /// write say no, so that "the n-th" means something).
    var allowsConcurrentWrites: Bool { get }
}

public struct SiteTreeListing: Sendable {
    public var files: [String] = []
    public var directories: [String] = []
    public var others: [String] = []
    public init() {}
}

extension SiteFileSystem {
    public var allowsConcurrentWrites: Bool { false }

    /// Without a way to compare, every file counts as changed.
    public func holds(_ path: String, bytes: [UInt8]) -> Bool { false }

    public func link(_ existing: String, to path: String) throws(SiteFileSystemError) {
        throw SiteFileSystemError("cannot link \(path): not supported")
    }

    public func removeFile(_ path: String) throws(SiteFileSystemError) { removeItem(path) }

    public func listTree(_ root: String) -> SiteTreeListing {
        var listing = SiteTreeListing()
        func walk(_ relative: String) {
            for name in contentsOfDirectory(relative.isEmpty ? root : ContentLoader.join(root, relative)).sorted() {
                let path = relative.isEmpty ? name : relative + "/" + name
                switch kind(of: ContentLoader.join(root, path)) {
                case .directory:
                    listing.directories.append(path)
                    walk(path)
                case .other: listing.files.append(path)
                case .missing: listing.others.append(path)
                }
            }
        }
        walk("")
        return listing
    }
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

    public var allowsConcurrentWrites: Bool { true }

    public func createDirectory(_ path: String) throws(SiteFileSystemError) {
        // The directory itself first: its parent usually exists, and one mkdir is then all it takes.
        if mkdir(path, 0o755) == 0 { return }
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
        // FileManager's removal costs several times the system calls it makes; nftw does only those.
        if dochouse_remove_tree(path) != 0, Glibc.errno != ENOENT { try? FileManager.default.removeItem(atPath: path) }
    }

    public func holds(_ path: String, bytes: [UInt8]) -> Bool {
        var status = stat()
        guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_size == bytes.count else { return false }
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var old = [UInt8](repeating: 0, count: bytes.count + 1)
        var filled = 0
        while filled < old.count {
            let count = old.withUnsafeMutableBytes { buffer in read(fd, buffer.baseAddress! + filled, buffer.count - filled) }
            if count < 0, Glibc.errno == EINTR { continue }
            if count <= 0 { break }
            filled += count
        }
        // One byte more than expected was asked for, so a file that grew since lstat does not compare equal.
        return filled == bytes.count && old.withUnsafeBytes { stored in
            bytes.withUnsafeBytes { wanted in wanted.count == 0 || memcmp(stored.baseAddress!, wanted.baseAddress!, wanted.count) == 0 }
        }
    }

    public func link(_ existing: String, to path: String) throws(SiteFileSystemError) {
        guard Glibc.link(existing, path) == 0 else { throw .errno("cannot link", path) }
    }

    public func removeFile(_ path: String) throws(SiteFileSystemError) {
        guard unlink(path) == 0 || Glibc.errno == ENOENT else { throw .errno("cannot remove", path) }
    }

    public func listTree(_ root: String) -> SiteTreeListing {
        var listing = SiteTreeListing()
        func walk(_ relative: String) {
            let directory = relative.isEmpty ? root : root + "/" + relative
            guard let handle = opendir(directory) else { return }
            defer { closedir(handle) }
            while let entry = readdir(handle) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
                }
                if name == "." || name == ".." { continue }
                let path = relative.isEmpty ? name : relative + "/" + name
                var type = entry.pointee.d_type
                if type == UInt8(DT_UNKNOWN) {
                    var status = stat()
                    guard lstat(root + "/" + path, &status) == 0 else { continue }
                    type = status.st_mode & S_IFMT == S_IFDIR ? UInt8(DT_DIR) : status.st_mode & S_IFMT == S_IFREG ? UInt8(DT_REG) : UInt8(DT_LNK)
                }
                switch type {
                case UInt8(DT_DIR):
                    listing.directories.append(path)
                    walk(path)
                case UInt8(DT_REG): listing.files.append(path)
                default: listing.others.append(path)
                }
            }
        }
        walk("")
        return listing
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
