import Synchronization

/// Stems already computed in this process. A docs tree repeats its vocabulary from page to page, so most
/// words are stemmed once per build instead of once per page (the stemmers walk each word several times).
/// Sharded by hash so that the pages compiled in parallel rarely wait on the same lock; bounded so that a
/// tree of random words cannot grow it without end.
final class StemCache: Sendable {
    static let shared = StemCache()
    private static let shardCount = 16
    private static let maxEntriesPerShard = 50_000
    private final class Shard: Sendable {
        let table = Mutex<[String: String]>([:])
    }
    private let shards: [Shard] = (0..<StemCache.shardCount).map { _ in Shard() }

    private func shard(_ word: String) -> Shard {
        var hasher = Hasher()
        hasher.combine(word)
        return shards[Int(UInt(bitPattern: hasher.finalize()) % UInt(Self.shardCount))]
    }

    func lookup(_ word: String) -> String? {
        shard(word).table.withLock { $0[word] }
    }

    func store(_ word: String, _ stem: String) {
        shard(word).table.withLock { table in
            if table.count >= Self.maxEntriesPerShard { table.removeAll(keepingCapacity: true) }
            table[word] = stem
        }
    }
}
