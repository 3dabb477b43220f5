import Synchronization

/// The stem of every word this process has seen, found by the word's UTF-8 bytes, with a number per distinct
/// stem, so that a page's terms are merged by comparing integers. Looking words up as `String`s hashed them
/// through Unicode normalization four times per distinct word and page, which was a third of building a
/// page's search terms. Sharded by hash so that pages compiled in parallel rarely wait on the same lock.
final class SearchStemTable: Sendable {
    static let shared = SearchStemTable()

    /// A word's stem: its number (equal numbers, equal stems), or its text when the table is full (see
    /// `maxWordsPerShard`). Pages keep only the numbers; the index builder asks for the stems' text once per stem
    /// (`stem(_:)`), so building a page's terms no longer retains and releases stem strings shared by every page.
    enum Entry: Sendable, Hashable {
        case numbered(Int32)
        case unnumbered(String)
    }

    /// Past this many words a shard stops remembering new ones (their stems are still computed), so a tree of
    /// random words cannot grow the table without end.
    let maxWordsPerShard: Int
    private static let shardCount = 16

    init(maxWordsPerShard: Int = 250_000) {
        self.maxWordsPerShard = maxWordsPerShard
    }

    private struct ShardState: Sendable {
        var words = SearchWordTable()
        var entries: [Entry] = []
    }
    private final class Shard: Sendable {
        let state = Mutex(ShardState())
    }
    private struct Stems: Sendable {
        var numbers: [String: Int32] = [:]
        var texts: [String] = []
    }

    private let shards: [Shard] = (0..<SearchStemTable.shardCount).map { _ in Shard() }
    private let stems = Mutex(Stems())

    func entry(for word: UnsafeBufferPointer<UInt8>) -> Entry {
        let hash = SearchWordTable.hash(word)
        return shards[Int(hash % UInt64(Self.shardCount))].state.withLock { shard in
            if let known = shard.words.existingNumber(of: word, hash: hash) { return shard.entries[known] }
            let stem = SearchTokenizer.stem(String(decoding: word, as: UTF8.self))
            guard shard.entries.count < maxWordsPerShard else { return .unnumbered(stem) }
            let number = stems.withLock { table in
                if let known = table.numbers[stem] { return known }
                let number = Int32(table.texts.count)
                table.numbers[stem] = number
                table.texts.append(stem)
                return number
            }
            let entry = Entry.numbered(number)
            _ = shard.words.number(of: word)
            shard.entries.append(entry)
            return entry
        }
    }

    /// The text of stem `number`.
    func stem(_ number: Int32) -> String {
        stems.withLock { $0.texts[Int(number)] }
    }
}
