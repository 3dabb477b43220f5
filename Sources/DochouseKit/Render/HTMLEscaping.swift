/// HTML and URL escaping, shared by the Markdown renderer and the templates' helpers.
enum HTMLEscaping {
    /// Escapes text for element content and attribute values.
    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { needsEscape[Int($0)] }) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 32)
        appendEscaped(text.utf8, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends UTF-8 bytes to `out`, escaped for element content and attribute values.
    static func appendEscaped(_ bytes: some Collection<UInt8>, to out: inout [UInt8]) {
        if let done: Void = bytes.withContiguousStorageIfAvailable({ appendEscaped($0, to: &out) }) { return done }
        for byte in bytes { appendEscaped(byte, to: &out) }
    }

    /// Appends contiguous UTF-8 bytes, escaped: runs without a character to escape are copied at once (nearly all
    /// text is such a run; appending byte by byte checked the buffer's capacity on every byte).
    static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        var runStart = 0
        for index in bytes.indices where needsEscape[Int(bytes[index])] {
            if runStart < index { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
            appendEscaped(bytes[index], to: &out)
            runStart = index + 1
        }
        if runStart < bytes.count { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...])) }
    }

    private static func appendEscaped(_ byte: UInt8, to out: inout [UInt8]) {
        switch byte {
        case 0x26: out.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B])  // &amp;
        case 0x3C: out.append(contentsOf: [0x26, 0x6C, 0x74, 0x3B])  // &lt;
        case 0x3E: out.append(contentsOf: [0x26, 0x67, 0x74, 0x3B])  // &gt;
        case 0x22: out.append(contentsOf: [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B])  // &quot;
        default: out.append(byte)
        }
    }

    /// Per byte: true for `&`, `<`, `>` and `"`.
    private static let needsEscape: [Bool] = (0..<256).map { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 }

    /// Percent-encodes what may not stand in an `href` as it is (as cmark does), then escapes it for an attribute.
    /// Existing `%XX` escapes are kept.
    static func escapeHref(_ url: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(url.utf8.count + 8)
        var url = url
        url.withUTF8 { appendHref($0, to: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends a URL's UTF-8 bytes to `out` as `escapeHref` writes them.
    static func appendHref(_ url: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        for byte in url {
            switch hrefClass[Int(byte)] {
            case 0: out.append(byte)
            case 1: out.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B])  // &amp;
            case 2: out.append(contentsOf: [0x26, 0x23, 0x78, 0x32, 0x37, 0x3B])  // &#x27;
            default:
                let digits: StaticString = "0123456789ABCDEF"
                out.append(0x25)
                out.append(digits.utf8Start[Int(byte >> 4)])
                out.append(digits.utf8Start[Int(byte & 0x0F)])
            }
        }
    }

    /// Per byte: 0 kept as it is (letters, digits and `-_.+!*(),%#@?=;:/$~`), 1 `&`, 2 `'`, 3 percent-encoded.
    private static let hrefClass: [UInt8] = (0..<256).map { value in
        let byte = UInt8(value)
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return 0
        case _ where "-_.+!*(),%#@?=;:/$~".utf8.contains(byte): return 0
        case UInt8(ascii: "&"): return 1
        case UInt8(ascii: "'"): return 2
        default: return 3
        }
    }
}

extension String {
    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
