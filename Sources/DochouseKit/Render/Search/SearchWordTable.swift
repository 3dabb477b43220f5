import Foundation

/// Numbers the distinct words of one page by their UTF-8 bytes: all of the page's words live in one byte arena
/// and an open-addressing table finds them by an FNV-1a hash. A `[String: _]` would hash every Cyrillic word
/// through Unicode normalization, which was most of the cost of building a page's search terms.
struct SearchWordTable {
    private var arena: [UInt8] = []
    /// Per word number: where its bytes start in `arena` and how many there are.
    private var spans: [(start: Int, count: Int)] = []
    /// Word number + 1 per slot; 0 is an empty slot. The capacity is a power of two, kept at most half full.
    private var slots = [Int32](repeating: 0, count: 256)

    var count: Int { spans.count }

    /// FNV-1a over the bytes.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return hash
    }

    /// The number of the word with these bytes, if it is in the table.
    func existingNumber(of bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int? {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 {
            let word = Int(slots[slot]) - 1
            if equals(word, bytes) { return word }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Calls `body` with the word's bytes.
    func withBytes<T>(of word: Int, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        let span = spans[word]
        return arena.withUnsafeBufferPointer { all in
            body(UnsafeBufferPointer(rebasing: all[span.start..<span.start + span.count]))
        }
    }

    /// The number of the word with these bytes, adding it when it is new.
    mutating func number(of bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let hash = Self.hash(bytes)
        var mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 {
            let word = Int(slots[slot]) - 1
            if equals(word, bytes) { return word }
            slot = (slot + 1) & mask
        }
        let word = spans.count
        spans.append((arena.count, bytes.count))
        arena.append(contentsOf: bytes)
        slots[slot] = Int32(word + 1)
        if spans.count * 2 > slots.count {
            grow()
            mask = slots.count - 1
        }
        return word
    }

    /// The word's text.
    func string(_ word: Int) -> String {
        let span = spans[word]
        return String(decoding: arena[span.start..<span.start + span.count], as: UTF8.self)
    }

    private func equals(_ word: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let span = spans[word]
        guard span.count == bytes.count else { return false }
        guard span.count > 0 else { return true }
        return arena.withUnsafeBufferPointer { all in memcmp(all.baseAddress! + span.start, bytes.baseAddress!, span.count) == 0 }
    }

    private mutating func grow() {
        var larger = [Int32](repeating: 0, count: slots.count * 2)
        let mask = larger.count - 1
        for (word, span) in spans.enumerated() {
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325
            for offset in span.start..<span.start + span.count { hash = (hash ^ UInt64(arena[offset])) &* 0x0000_0100_0000_01B3 }
            var slot = Int(truncatingIfNeeded: hash) & mask
            while larger[slot] != 0 { slot = (slot + 1) & mask }
            larger[slot] = Int32(word + 1)
        }
        slots = larger
    }
}
