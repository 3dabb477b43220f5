/// HTML escaping exactly as swift-mustache escapes a variable (`htmlEscape` in its `String.swift`): `&`, `<`, `>`,
/// `"` and `'` become `&amp;`, `&lt;`, `&gt;`, `&quot;` and `&#39;`, on UTF-8 bytes.
///
/// swift-mustache compares whole characters (grapheme clusters), so one of those five is left as it is when a
/// neighbouring scalar joins it into a larger cluster (a combining mark after it, a prepended concatenation mark
/// before it). Only a non-ASCII neighbour can do that; for those the cluster is checked with Swift's own rules.
/// (This differs from `HTMLEscaping.appendEscaped`, which keeps `'` and does not look at clusters.)
enum MustacheHTMLEscaping {
    static func append(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { append(utf8: $0, to: &out) }
    }

    static func append(utf8 bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        var runStart = 0
        for index in 0..<bytes.count {
            let replacement: StaticString
            switch bytes[index] {
            case 0x26: replacement = "&amp;"
            case 0x3C: replacement = "&lt;"
            case 0x3E: replacement = "&gt;"
            case 0x22: replacement = "&quot;"
            case 0x27: replacement = "&#39;"
            default: continue
            }
            if hasNonASCIINeighbour(bytes, index), !standsAlone(bytes, index) { continue }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            out.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
            runStart = index + 1
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
    }

    private static func hasNonASCIINeighbour(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        (index > 0 && bytes[index - 1] >= 0x80) || (index + 1 < bytes.count && bytes[index + 1] >= 0x80)
    }

    /// Whether the ASCII character at `index` is a grapheme cluster of its own: whether it joins the scalar before
    /// or after it depends on those two scalars only (GB9, GB9a, GB9b), so the three are clustered by Swift.
    private static func standsAlone(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        var start = index
        if start > 0 {
            start -= 1
            while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        }
        var end = index + 1
        if end < bytes.count {
            end += 1
            while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        }
        let window = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        let target = index - start
        var offset = 0
        for character in window {
            let length = character.utf8.count
            if offset == target { return length == 1 }
            if offset > target { return false }
            offset += length
        }
        return false
    }
}
