import Foundation

/// A fixed set of lowercased names (a service's actions), looked up by the bytes of an already lowercased key
/// and its `IAMNameTable.hash`, so a sample's action name, hashed once when the sample is read, is found
/// without building a `String` for it or hashing it again per rule.
///
/// Open addressing over a power-of-two table, at most half full. The names are the catalog's; what a sample
/// asks for only decides where a probe starts, so no input can make probes longer than the table's own runs.
struct IAMNameTable: Sendable {
    /// Index into `names` plus one; 0 is an empty slot.
    private let slots: [Int32]
    private let hashes: [UInt64]
    /// Each name's lowercased UTF-8, one after another; `ends[i]` is where name i ends.
    private let bytes: [UInt8]
    private let ends: [Int]

    /// Names that fold to the same key keep the first one's index, as a dictionary built in order would.
    init(_ names: [String]) {
        var size = 8
        while size < names.count * 2 { size *= 2 }
        var slots = [Int32](repeating: 0, count: size)
        var hashes: [UInt64] = []
        var bytes: [UInt8] = []
        var ends: [Int] = []
        hashes.reserveCapacity(names.count)
        ends.reserveCapacity(names.count)
        for name in names {
            let key = Array(name.lowercased().utf8)
            let hash = Self.hash(key)
            bytes.append(contentsOf: key)
            ends.append(bytes.count)
            hashes.append(hash)
            var slot = Int(truncatingIfNeeded: hash) & (size - 1)
            var duplicate = false
            while slots[slot] != 0 {
                let other = Int(slots[slot]) - 1
                if hashes[other] == hash, bytes[(other == 0 ? 0 : ends[other - 1])..<ends[other]].elementsEqual(key) {
                    duplicate = true
                    break
                }
                slot = (slot + 1) & (size - 1)
            }
            if !duplicate { slots[slot] = Int32(hashes.count) }
        }
        self.slots = slots
        self.hashes = hashes
        self.bytes = bytes
        self.ends = ends
    }

    /// The index of the name whose lowercased UTF-8 is `key` (with `hash == IAMNameTable.hash(key)`).
    func index(of key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int? {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        return bytes.withUnsafeBufferPointer { bytes in
            while slots[slot] != 0 {
                let index = Int(slots[slot]) - 1
                if hashes[index] == hash {
                    let start = index == 0 ? 0 : ends[index - 1]
                    if ends[index] - start == key.count, Self.equal(UnsafeBufferPointer(rebasing: bytes[start..<ends[index]]), key) {
                        return index
                    }
                }
                slot = (slot + 1) & mask
            }
            return nil
        }
    }

    /// Byte equality of two buffers of the same length (memcmp; the generic `elementsEqual` was not specialised).
    private static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        guard let left = a.baseAddress, let right = b.baseAddress else { return a.count == 0 }
        return memcmp(left, right, a.count) == 0
    }

    /// The index of the name `lowercased` (already lowercased).
    func index(of lowercased: String) -> Int? {
        var key = lowercased
        return key.withUTF8 { index(of: $0, hash: Self.hash($0)) }
    }

    /// FNV-1a over the bytes: cheap for the short names of IAM, and only ever compared, never trusted alone.
    static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash = offsetBasis
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* prime
        }
        return hash
    }

    static let offsetBasis: UInt64 = 0xCBF2_9CE4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01B3
}
