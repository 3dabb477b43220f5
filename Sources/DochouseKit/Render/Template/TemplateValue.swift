/// A value a template sees: what the context builders make for the layout, typed, so the compiled renderer reads
/// it without the dynamic casts swift-mustache needs for `Any`.
///
/// As swift-mustache treats the Swift values the builders used to make: a string, a number or an object pushed by a
/// section is a truthy value (even `""` and `0`); `false`, an empty list and a missing name render nothing.
enum TemplateValue: Sendable, Equatable {
    case string(String)
    /// Text already held as UTF-8 bytes (a page's rendered body), rendered exactly as the same `.string` would be:
    /// the body goes from the Markdown renderer's buffer into the page's without becoming a String in between.
    case utf8([UInt8])
    case bool(Bool)
    case int(Int)
    case list([TemplateValue])
    case object(TemplateObject)

    /// The same value as the `Any` swift-mustache renders (`[String: Any]`, `[Any]`, `String`, `Int`, `Bool`), for the
    /// templates the compiled renderer leaves to it.
    var mustacheValue: Any {
        switch self {
        case .string(let string): string
        case .utf8(let bytes): String(decoding: bytes, as: UTF8.self)
        case .bool(let bool): bool
        case .int(let int): int
        case .list(let items): items.map(\.mustacheValue)
        case .object(let object): object.mustacheValue
        }
    }
}

/// Named values in the order they were set; a name set twice keeps its last value. Objects are small (a page
/// context has 17 names, a navigation item 6), so a look-up is a scan that compares names, with no hashing.
struct TemplateObject: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    struct Field: Sendable, Equatable {
        var name: String
        var value: TemplateValue
    }

    private(set) var fields: [Field] = []

    init() {}

    init(dictionaryLiteral elements: (String, TemplateValue)...) {
        fields.reserveCapacity(elements.count)
        for (name, value) in elements { self[name] = value }
    }

    subscript(name: String) -> TemplateValue? {
        get {
            // Scanned in place: a `for field in fields` copied (retained and released) every field it passed.
            fields.withUnsafeBufferPointer { fields in
                for index in fields.indices where fields[index].name == name { return fields[index].value }
                return nil
            }
        }
        set {
            if let position = fields.firstIndex(where: { $0.name == name }) {
                if let newValue { fields[position].value = newValue } else { fields.remove(at: position) }
            } else if let newValue {
                fields.append(Field(name: name, value: newValue))
            }
        }
    }

    var mustacheValue: [String: Any] {
        Dictionary(fields.map { ($0.name, $0.value.mustacheValue) }, uniquingKeysWith: { _, last in last })
    }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    init(stringLiteral value: String) { self = .string(value) }
    init(booleanLiteral value: Bool) { self = .bool(value) }
    init(integerLiteral value: Int) { self = .int(value) }
    init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    init(dictionaryLiteral elements: (String, TemplateValue)...) {
        var object = TemplateObject()
        for (name, value) in elements { object[name] = value }
        self = .object(object)
    }
}
