import Foundation

/// A fixed set of lowercased names (a service's actions), looked up by the bytes of an already lowercased key
/// and its `IAMNameTable.hash`, so a sample's action name, hashed once when the sample is read, is found
/// without building a `String` for it or hashing it again per rule.
///
/// Open addressing over a power-of-two table, at most half full. The names are the catalog's; what a sample
/// asks for only decides where a probe starts, so no input can make probes longer than the table's own runs.
/// (Names past 4 GB of bytes in total would be left out; no catalog comes near.)
struct IAMNameTable: Sendable {
    /// What a probe needs in one place (one cache line read per probe, not three arrays): the name's hash, where
    /// its bytes are, and its index. `length == 0` marks an empty slot; an empty name is kept in `emptyIndex`.
    private struct Slot: Sendable {
        var hash: UInt64 = 0
        var start: UInt32 = 0
        var length: UInt32 = 0
        var index: UInt32 = 0
    }

    private let slots: [Slot]
    /// Every name's lowercased UTF-8, one after another.
    private let bytes: [UInt8]
    /// The first name that is empty, if any (no slot can mark it).
    private let emptyIndex: Int?

    /// Names that fold to the same key keep the first one's index, as a dictionary built in order would.
    init(_ names: [String]) {
        var size = 8
        while size < names.count * 2 { size *= 2 }
        var slots = [Slot](repeating: Slot(), count: size)
        var bytes: [UInt8] = []
        var emptyIndex: Int?
        for (index, name) in names.enumerated() {
            let key = Array(name.lowercased().utf8)
            if key.isEmpty {
                emptyIndex = emptyIndex ?? index
                continue
            }
            guard index < Int(UInt32.max), bytes.count + key.count < Int(UInt32.max) else { continue }
            let hash = Self.hash(key)
            var slot = Int(truncatingIfNeeded: hash) & (size - 1)
            var duplicate = false
            while slots[slot].length != 0 {
                let other = slots[slot]
                if other.hash == hash, bytes[Int(other.start)..<Int(other.start + other.length)].elementsEqual(key) {
                    duplicate = true
                    break
                }
                slot = (slot + 1) & (size - 1)
            }
            if duplicate { continue }
            slots[slot] = Slot(hash: hash, start: UInt32(bytes.count), length: UInt32(key.count), index: UInt32(index))
            bytes.append(contentsOf: key)
        }
        self.slots = slots
        self.bytes = bytes
        self.emptyIndex = emptyIndex
    }

    /// The index of the name whose lowercased UTF-8 is `key` (with `hash == IAMNameTable.hash(key)`), or, with
    /// `lowerASCII`, is `key` with its ASCII capitals lowered (and `hash` the hash of that).
    func index(of key: UnsafeBufferPointer<UInt8>, hash: UInt64, lowerASCII: Bool) -> Int? {
        guard lowerASCII else { return index(of: key, hash: hash) }
        guard !key.isEmpty else { return emptyIndex }
        return slots.withUnsafeBufferPointer { slots in
            bytes.withUnsafeBufferPointer { bytes in
                let mask = slots.count - 1
                var position = Int(truncatingIfNeeded: hash) & mask
                while slots[position].length != 0 {
                    let slot = slots[position]
                    if slot.hash == hash, Int(slot.length) == key.count,
                       Self.equalLowering(key, UnsafeBufferPointer(rebasing: bytes[Int(slot.start)..<Int(slot.start + slot.length)])) {
                        return Int(slot.index)
                    }
                    position = (position + 1) & mask
                }
                return nil
            }
        }
    }

    /// Whether `key` with its ASCII capitals lowered is `stored` (of the same length).
    private static func equalLowering(_ key: UnsafeBufferPointer<UInt8>, _ stored: UnsafeBufferPointer<UInt8>) -> Bool {
        for offset in 0..<key.count {
            let byte = key[offset]
            if (byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte) != stored[offset] { return false }
        }
        return true
    }

    /// The index of the name whose lowercased UTF-8 is `key` (with `hash == IAMNameTable.hash(key)`).
    func index(of key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int? {
        guard !key.isEmpty else { return emptyIndex }
        return slots.withUnsafeBufferPointer { slots in
            bytes.withUnsafeBufferPointer { bytes in
                let mask = slots.count - 1
                var position = Int(truncatingIfNeeded: hash) & mask
                while slots[position].length != 0 {
                    let slot = slots[position]
                    if slot.hash == hash, Int(slot.length) == key.count,
                       Self.equal(UnsafeBufferPointer(rebasing: bytes[Int(slot.start)..<Int(slot.start + slot.length)]), key) {
                        return Int(slot.index)
                    }
                    position = (position + 1) & mask
                }
                return nil
            }
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
