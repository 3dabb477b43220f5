import Synchronization

/// The stem of every word this process has seen, found by the word's UTF-8 bytes, with a number per distinct
/// stem, so that a page's terms are merged by comparing integers. Looking words up as `String`s hashed them
/// through Unicode normalization four times per distinct word and page, which was a third of building a
/// page's search terms. Sharded by hash so that pages compiled in parallel rarely wait on the same lock.
final class SearchStemTable: Sendable {
    static let shared = SearchStemTable()

    struct Entry: Sendable {
        /// Equal numbers mean equal stems; nil when the table is full (see `maxWords`).
        var number: Int?
        var stem: String
    }

    /// Past this many words a shard stops remembering new ones (their stems are still computed), so a tree of
    /// random words cannot grow the table without end.
    static let maxWordsPerShard = 250_000
    private static let shardCount = 16

    private struct ShardState: Sendable {
        var words = SearchWordTable()
        var entries: [Entry] = []
    }
    private final class Shard: Sendable {
        let state = Mutex(ShardState())
    }
    private struct Stems: Sendable {
        var numbers: [String: Int] = [:]
    }

    private let shards: [Shard] = (0..<SearchStemTable.shardCount).map { _ in Shard() }
    private let stems = Mutex(Stems())

    func entry(for word: UnsafeBufferPointer<UInt8>) -> Entry {
        let hash = SearchWordTable.hash(word)
        return shards[Int(hash % UInt64(Self.shardCount))].state.withLock { shard in
            if let known = shard.words.existingNumber(of: word, hash: hash) { return shard.entries[known] }
            let stem = SearchTokenizer.stem(String(decoding: word, as: UTF8.self))
            guard shard.entries.count < Self.maxWordsPerShard else { return Entry(number: nil, stem: stem) }
            let number = stems.withLock { table in
                if let known = table.numbers[stem] { return known }
                table.numbers[stem] = table.numbers.count
                return table.numbers.count - 1
            }
            let entry = Entry(number: number, stem: stem)
            _ = shard.words.number(of: word)
            shard.entries.append(entry)
            return entry
        }
    }
}
