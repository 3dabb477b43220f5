import CMimalloc

/// The allocator the executable runs on. Linking mimalloc is enough for its `malloc` and `free` to replace
/// glibc's for the whole process (the Swift runtime, Foundation and cmark included); a build allocates and frees
/// millions of small blocks across threads, where glibc's arenas spent about a tenth of the CPU time.
enum Allocator {
    /// `mimalloc 2.0.9`, as `--version` shows it.
    static var name: String {
        let version = Int(mi_version())
        return "mimalloc \(version / 100).\(version / 10 % 10).\(version % 10)"
    }
}
