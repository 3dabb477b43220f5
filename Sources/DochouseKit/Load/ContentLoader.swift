import Foundation

/// Reads a docs tree from disk into a `ContentTree`. The only place the load stage touches the file system.
public enum ContentLoader {
    public struct MissingDirectory: Error, CustomStringConvertible {
        public var path: String
        public var description: String { "content directory '\(path)' does not exist or is not a directory" }
    }

    public static func load(from root: String) throws -> ContentTree {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw MissingDirectory(path: root)
        }
        var tree = ContentTree(root: root)
        let siteConfigPath = join(root, "site.yaml")
        if FileManager.default.fileExists(atPath: siteConfigPath) {
            switch readFile(siteConfigPath) {
            case .success(let bytes):
                tree.siteConfig = RawFile(relativePath: "site.yaml", displayPath: siteConfigPath, bytes: bytes)
            case .failure(let diagnostic):
                tree.diagnostics.append(diagnostic)
            }
        }
        let baselinePath = join(root, Baseline.fileName)
        if FileManager.default.fileExists(atPath: baselinePath) {
            switch readFile(baselinePath) {
            case .success(let bytes): tree.baseline = RawFile(relativePath: Baseline.fileName, displayPath: baselinePath, bytes: bytes)
            case .failure(let diagnostic): tree.diagnostics.append(diagnostic)
            }
        }
        // The page size limit applies while reading, so it is taken from site.yaml now (the pipeline parses
        // site.yaml again and reports its problems).
        let limits = SiteConfigParser.parse(tree.siteConfig).0.limits
        var walker = TreeWalker(boundary: root)
        tree.pages = walker.files(under: join(root, "pages"), matching: { $0.hasSuffix(".md") }, maxBytes: limits.maxPageBytes)
        tree.staticFiles = walker.files(under: join(root, "static"), matching: { _ in true })
        tree.schemas = walker.files(under: join(root, "schemas"), matching: { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") })
        tree.policies = walker.files(under: join(root, "policies"), matching: { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") })
        let iam = join(root, "iam")
        if FileManager.default.fileExists(atPath: iam, isDirectory: &isDirectory), isDirectory.boolValue {
            tree.iamDirectory = iam
        }
        tree.diagnostics += walker.diagnostics
        return tree
    }

    /// What is at a page path now, for the preview after a change: the page, `nil` when it is gone, or a
    /// finding when it cannot be read.
    public static func loadPage(relativePath: String, root: String, limits: ContentLimits = .default) -> Result<RawFile?, Diagnostic> {
        let path = join(join(root, "pages"), relativePath)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { return .success(nil) }
        return readFile(path, maxBytes: limits.maxPageBytes).map { RawFile(relativePath: relativePath, displayPath: path, bytes: $0) }
    }

    public static func join(_ base: String, _ component: String) -> String {
        base.hasSuffix("/") ? base + component : base + "/" + component
    }

    /// Reads a regular file whole. Anything else (a directory where a file is expected, a FIFO that would block,
    /// a device) is refused without being opened for long; a file over `maxBytes` is refused unread, by its size.
    static func readFile(_ path: String, maxBytes: Int? = nil) -> Result<[UInt8], Diagnostic> {
        func failure(_ message: String, rule: RuleDescriptor? = nil) -> Result<[UInt8], Diagnostic> {
            .failure(Diagnostic(rule: rule ?? BuildRules.unreadable, message: message, at: SourceLocation(file: path, line: 1, column: 1)))
        }
        // O_NONBLOCK: opening a FIFO must not wait for a writer.
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return failure("cannot read file: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return failure("cannot read file: \(String(cString: strerror(errno)))") }
        let type = info.st_mode & S_IFMT
        if type == S_IFDIR { return failure("a directory stands where a file is expected") }
        guard type == S_IFREG else { return failure("not a regular file (a device, socket or pipe); not read") }
        let size = Int(info.st_size)
        if let maxBytes, size > maxBytes {
            return failure("page is \(size) bytes, more than the limit of \(maxBytes) bytes (limits.pageSize in site.yaml); it is not read",
                           rule: BuildRules.pageTooLarge)
        }
        // Read to the end, not to the size stat gave: the file may be growing; stop past the limit all the same.
        var bytes = [UInt8](repeating: 0, count: size + 1)
        var filled = 0
        while true {
            if filled == bytes.count { bytes += [UInt8](repeating: 0, count: max(4096, bytes.count)) }
            let count = bytes.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return read(fd, base + filled, buffer.count - filled)
            }
            if count < 0 {
                if errno == EINTR { continue }
                return failure("cannot read file: \(String(cString: strerror(errno)))")
            }
            if count == 0 { break }
            filled += count
            if let maxBytes, filled > maxBytes {
                return failure("page is more than the limit of \(maxBytes) bytes (limits.pageSize in site.yaml); it is not read",
                               rule: BuildRules.pageTooLarge)
            }
        }
        bytes.removeSubrange(filled...)
        return .success(bytes)
    }
}

/// Walks a directory recursively in sorted order, following symlinks but never into a loop.
struct TreeWalker {
    private(set) var diagnostics: [Diagnostic] = []
    private var visited: Set<String> = []
    /// The real path files and directories must resolve inside; a symbolic link that leads out of it is
    /// refused, so a tree cannot pull `/etc/passwd` or a home directory into the site.
    var boundary: String?

    init(boundary: String? = nil) {
        self.boundary = boundary.map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path }
    }

    private mutating func isInside(_ path: String) -> Bool {
        guard let boundary else { return true }
        let real = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        if real == boundary || real.hasPrefix(boundary.hasSuffix("/") ? boundary : boundary + "/") { return true }
        diagnostics.append(Diagnostic(rule: BuildRules.symlinkOutside,
                                      message: "symbolic link leads outside the tree (to \(real)); not read",
                                      at: SourceLocation(file: path, line: 1, column: 1),
                                      suggestion: "copy the file into the tree instead of linking to it"))
        return false
    }

    /// A file the walk chose, read after the walk.
    private struct Chosen: Sendable {
        var path: String
        var relativePath: String
    }

    /// The matching files under `directory`, in walk order. The walk lists directories on one thread; the files
    /// it chose are then read by `IOWorkers` threads (10,000 pages: ~70,000 system calls).
    mutating func files(under directory: String, matching include: (String) -> Bool, maxBytes: Int? = nil) -> [RawFile] {
        guard FileManager.default.fileExists(atPath: directory), isInside(directory) else { return [] }
        var walked: [Chosen] = []
        walk(directory, relative: "", include: include, into: &walked)
        let chosen = walked
        // Read by `IOWorkers` threads: when the page cache has let the files go, reading is waiting for the disk.
        let reads = LockedBox([Result<[UInt8], Diagnostic>?](repeating: nil, count: chosen.count))
        let workers = IOWorkers.workers(for: chosen.count, perWorker: 16)
        IOWorkers.run(workers: workers) { worker in
            for position in stride(from: worker, to: chosen.count, by: workers) {
                let read = ContentLoader.readFile(chosen[position].path, maxBytes: maxBytes)
                reads.value.withLock { $0[position] = read }
            }
        }
        var result: [RawFile] = []
        result.reserveCapacity(chosen.count)
        for (file, read) in zip(chosen, reads.value.withLock { $0 }) {
            switch read {
            case .success(let bytes)?: result.append(RawFile(relativePath: file.relativePath, displayPath: file.path, bytes: bytes))
            case .failure(let diagnostic)?: diagnostics.append(diagnostic)
            case nil: break
            }
        }
        return result
    }

    private mutating func walk(_ directory: String, relative: String, include: (String) -> Bool, into result: inout [Chosen]) {
        let real = URL(fileURLWithPath: directory).resolvingSymlinksInPath().path
        guard visited.insert(real).inserted else {
            diagnostics.append(Diagnostic(rule: BuildRules.unreadable,
                                          message: "directory is reached twice (a symlink loop?); skipped",
                                          at: SourceLocation(file: directory, line: 1, column: 1)))
            return
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        } catch {
            diagnostics.append(Diagnostic(rule: BuildRules.unreadable, message: "cannot list directory: \(error.localizedDescription)",
                                          at: SourceLocation(file: directory, line: 1, column: 1)))
            return
        }
        for name in names where !name.hasPrefix(".") {
            let path = ContentLoader.join(directory, name)
            let relativePath = relative.isEmpty ? name : relative + "/" + name
            // Only a symbolic link can lead outside: an entry that is not one lies where its directory does, which
            // the walk checked before entering it. Resolving every path instead cost most of loading 10,000 pages.
            // One lstat per entry; a second call (stat) only for a link, to see what it points to.
            var entry = stat()
            let listed = lstat(path, &entry) == 0
            let isLink = listed && entry.st_mode & S_IFMT == S_IFLNK
            var target = entry
            guard listed, !isLink || stat(path, &target) == 0 else {
                diagnostics.append(Diagnostic(rule: BuildRules.unreadable, message: "broken symbolic link",
                                              at: SourceLocation(file: path, line: 1, column: 1)))
                continue
            }
            if target.st_mode & S_IFMT == S_IFDIR {
                guard !isLink || isInside(path) else { continue }
                walk(path, relative: relativePath, include: include, into: &result)
            } else if include(name) {
                guard !isLink || isInside(path) else { continue }
                result.append(Chosen(path: path, relativePath: relativePath))
            }
        }
    }
}

