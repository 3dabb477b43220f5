/// HTML written as UTF-8 bytes: literal markup, verbatim text and escaped text appended to one growing buffer.
/// Building a page's HTML by appending many short Strings cost more than the walk that produced them.
struct HTMLBuffer {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    var string: String { String(decoding: bytes, as: UTF8.self) }

    /// Markup written in the code.
    mutating func raw(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Text that is already HTML (a rendered code block, an escaped href).
    mutating func raw(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// HTML already written as UTF-8 bytes (a highlighted code block).
    mutating func raw(bytes more: [UInt8]) {
        bytes.append(contentsOf: more)
    }

    /// Text escaped for element content and attribute values, as `HTMLEscaping.escape` does.
    mutating func escaped(_ text: String) {
        var text = text
        text.withUTF8 { HTMLEscaping.appendEscaped($0, to: &bytes) }
    }

    /// A URL for an `href` or `src`, as `HTMLEscaping.escapeHref` writes it.
    mutating func href(_ url: String) {
        var url = url
        url.withUTF8 { HTMLEscaping.appendHref($0, to: &bytes) }
    }

    /// ` name="value"`, the value escaped.
    mutating func attribute(_ name: StaticString, _ value: String) {
        raw(" ")
        raw(name)
        raw("=\"")
        escaped(value)
        raw("\"")
    }

    mutating func decimal(_ value: Int) {
        JSONText.appendDecimal(value, to: &bytes)
    }
}
