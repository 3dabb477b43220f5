import Foundation

/// Writes a built site so that readers never see half of it, and so that a rebuild touches only what changed.
///
/// Two trees take turns (double buffering): the live site at `NAME` and, beside it, the previous one at
/// `.NAME.previous`. A build brings `.NAME.previous` up to date with the new files (a file that already holds
/// the right bytes is left alone, one the live site holds is hard-linked from it, anything else is written;
/// entries the new site lacks are removed), then swaps the two trees in one step (`renameat2` with
/// `RENAME_EXCHANGE`), so the live site is always a whole one. The old live tree becomes the next build's
/// `.NAME.previous`.
///
/// Why not a fresh staging directory per build: removing the old tree afterwards cost more than building the
/// site on these disks (2,000 pages: 6-9 s for `rm -rf`, most of it `rmdir`), and writing 10,000 unchanged
/// files again costs as much. Files are never rewritten in place: a file to change is unlinked first, because
/// the two trees share the inodes of their unchanged files.
///
/// A build killed at any moment (SIGINT, SIGTERM, SIGKILL) leaves the live site as it was; `.NAME.previous`
/// may then be half updated, and the next build brings it up to date like any other.
public enum SiteWriter {
    public struct WriteError: Error, CustomStringConvertible {
        public var description: String
    }

    /// The name of the tree kept beside `output` for the next build.
    public static func previousTreeName(of output: String) -> String {
        ".\(URL(fileURLWithPath: output).standardizedFileURL.lastPathComponent).previous"
    }

    /// Writes `files` as the new content of `output`. On failure the previous `output` is left as it was.
    /// `listing` is the back tree as `listBackTree` found it earlier in the same build (it is listed now otherwise).
    public static func write(_ files: [OutputFile], to output: String, listing: SiteTreeListing? = nil,
                             fileSystem: some SiteFileSystem = LocalSiteFileSystem()) throws(WriteError) {
        let (back, live, liveExists, backExisted) = try prepareBackTree(for: output, fileSystem: fileSystem)
        do throws(SiteFileSystemError) {
            try update(back, to: files, live: liveExists ? live : nil, listing: backExisted ? listing : nil,
                       fileSystem: fileSystem)
        } catch {
            throw WriteError(description: "the site was not written, the previous one is kept: \(error.description)")
        }
        try swap(back, into: live, liveExists: liveExists, fileSystem: fileSystem)
    }

    /// The back tree `write` will update, listed ahead of time (a build calls it while its pages compile: on a
    /// machine that reclaims page cache eagerly, reading 10,000 directory entries from disk took a fifth of the
    /// write stage). Nil when there is none yet. Reads only.
    public static func listBackTree(for output: String, fileSystem: some SiteFileSystem = LocalSiteFileSystem()) -> SiteTreeListing? {
        let parent = URL(fileURLWithPath: output).standardizedFileURL.deletingLastPathComponent().path
        let back = ContentLoader.join(parent, previousTreeName(of: output))
        guard fileSystem.kind(of: back) == .directory else { return nil }
        return fileSystem.listTree(back)
    }

    /// Creates the parent and the back tree as needed; the back tree's path, the live path, whether a live site
    /// exists, and whether the back tree existed as a directory already.
    private static func prepareBackTree(for output: String, fileSystem: some SiteFileSystem)
        throws(WriteError) -> (back: String, live: String, liveExists: Bool, backExisted: Bool) {
        let outURL = URL(fileURLWithPath: output).standardizedFileURL
        let parent = outURL.deletingLastPathComponent().path
        let name = outURL.lastPathComponent
        let live = outURL.path
        do {
            try fileSystem.createDirectory(parent)
        } catch {
            throw WriteError(description: error.description)
        }
        let liveKind = fileSystem.kind(of: live)
        if liveKind == .other { throw WriteError(description: "\(live) exists and is not a directory; the site was not written") }
        removeLeftovers(in: parent, of: name, fileSystem: fileSystem)
        let back = ContentLoader.join(parent, previousTreeName(of: output))
        let backKind = fileSystem.kind(of: back)
        do throws(SiteFileSystemError) {
            if backKind == .other { fileSystem.removeItem(back) }
            try fileSystem.createDirectory(back)
        } catch {
            throw WriteError(description: "the site was not written, the previous one is kept: \(error.description)")
        }
        return (back, live, liveKind == .directory, backKind == .directory)
    }

    /// Every directory the files need, relative to the root.
    private static func wantedDirectories(of files: [OutputFile]) -> Set<String> {
        var wanted: Set<String> = []
        for file in files {
            var directory = Substring(file.path)
            while let slash = directory.lastIndex(of: "/") {
                directory = directory[..<slash]
                if !wanted.insert(String(directory)).inserted { break }
            }
        }
        return wanted
    }

    /// Makes the tree at `root` hold exactly `files`.
    static func update(_ root: String, to files: [OutputFile], live: String?, listing: SiteTreeListing? = nil,
                       fileSystem: some SiteFileSystem) throws(SiteFileSystemError) {
        let wantedDirectories = wantedDirectories(of: files)
        let wantedFiles = Set(files.map(\.path))
        let existing = listing ?? fileSystem.listTree(root)
        var existingFiles: Set<String> = []
        for path in existing.files {
            if wantedFiles.contains(path) { existingFiles.insert(path) } else { fileSystem.removeItem(ContentLoader.join(root, path)) }
        }
        for path in existing.others { fileSystem.removeItem(ContentLoader.join(root, path)) }
        var existingDirectories: Set<String> = []
        for path in existing.directories {
            if wantedDirectories.contains(path) { existingDirectories.insert(path) } else { fileSystem.removeItem(ContentLoader.join(root, path)) }
        }
        // Level by level, a directory after the one it is in; the directories of one level on several threads (an
        // empty output directory needs one per page when permalinks end in `/`: 10,000 mkdirs one after another
        // were most of writing a site from scratch).
        var levels: [[String]] = []
        for directory in wantedDirectories where !existingDirectories.contains(directory) {
            let depth = directory.utf8.reduce(0) { $1 == UInt8(ascii: "/") ? $0 + 1 : $0 }
            while levels.count <= depth { levels.append([]) }
            levels[depth].append(directory)
        }
        for level in levels {
            try forEach(level.sorted(), fileSystem: fileSystem) { directory throws(SiteFileSystemError) in
                try fileSystem.createDirectory(ContentLoader.join(root, directory))
            }
        }
        let kept = existingFiles
        try forEach(files, fileSystem: fileSystem) { file throws(SiteFileSystemError) in
            try place(file, in: root, existing: kept.contains(file.path), live: live, fileSystem: fileSystem)
        }
    }

    /// Runs `body` on each item (a file to place, a directory to make), on several threads when the file system
    /// allows it; stops at the first failure and throws it. Placing a file is mostly waiting for the disk (reading
    /// the old copy to compare, writing the new one), so the threads are `IOWorkers`, more than cores.
    private static func forEach<Item: Sendable>(_ items: [Item], fileSystem: some SiteFileSystem,
                                                _ body: @escaping @Sendable (Item) throws(SiteFileSystemError) -> Void) throws(SiteFileSystemError) {
        let workers = fileSystem.allowsConcurrentWrites ? IOWorkers.workers(for: items.count, perWorker: 64) : 1
        let failure = LockedBox<SiteFileSystemError?>(nil)
        IOWorkers.run(workers: workers) { worker in
            var index = worker
            while index < items.count {
                if workers > 1, failure.value.withLock({ $0 != nil }) { return }
                do throws(SiteFileSystemError) {
                    try body(items[index])
                } catch {
                    failure.value.withLock { if $0 == nil { $0 = error } }
                    return
                }
                index += workers
            }
        }
        if let error = failure.value.withLock({ $0 }) { throw error }
    }

    /// Makes `root/file.path` hold the file's bytes: kept when it already does, linked from the live site when
    /// that holds them, written otherwise.
    private static func place(_ file: OutputFile, in root: String, existing: Bool, live: String?,
                              fileSystem: some SiteFileSystem) throws(SiteFileSystemError) {
        let target = ContentLoader.join(root, file.path)
        if existing {
            if fileSystem.holds(target, bytes: file.bytes) { return }
            try fileSystem.removeFile(target)
        }
        if let live {
            let current = ContentLoader.join(live, file.path)
            if fileSystem.holds(current, bytes: file.bytes), (try? fileSystem.link(current, to: target)) != nil { return }
        }
        try fileSystem.writeFile(target, bytes: file.bytes)
    }

    /// Staging directories of earlier versions, which built into a fresh `.NAME.tmp-*` directory each time and
    /// may have left one when killed; they are never the live site.
    static func removeLeftovers(in parent: String, of name: String, fileSystem: some SiteFileSystem = LocalSiteFileSystem()) {
        for entry in fileSystem.contentsOfDirectory(parent) where entry.hasPrefix(".\(name).tmp-") || entry.hasPrefix(".\(name).old-") {
            fileSystem.removeItem(ContentLoader.join(parent, entry))
        }
    }

    private static func swap(_ back: String, into live: String, liveExists: Bool, fileSystem: some SiteFileSystem) throws(WriteError) {
        guard liveExists else {
            do {
                try fileSystem.rename(back, to: live)
            } catch {
                throw WriteError(description: "cannot move the new site into place: \(error.description)")
            }
            return
        }
        // Linux swaps both directories in one step: there is no moment without a site.
        if (try? fileSystem.exchange(back, live)) != nil { return }
        let url = URL(fileURLWithPath: live)
        let old = ContentLoader.join(url.deletingLastPathComponent().path, ".\(url.lastPathComponent).old-\(getpid())")
        do {
            try fileSystem.rename(live, to: old)
        } catch {
            throw WriteError(description: "cannot move the previous site aside: \(error.description)")
        }
        do {
            try fileSystem.rename(back, to: live)
        } catch {
            try? fileSystem.rename(old, to: live)
            throw WriteError(description: "cannot move the new site into place: \(error.description)")
        }
        if (try? fileSystem.rename(old, to: back)) == nil { fileSystem.removeItem(old) }
    }
}
