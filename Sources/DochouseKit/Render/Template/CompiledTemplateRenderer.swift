/// Renders compiled templates with typed values into one byte buffer, with the results swift-mustache gives for
/// the same templates and the same values as `Any` (see `TemplateValue`).
///
/// Names resolve as Mustache resolves them: the first part on the context stack from the top (the first object that
/// has it), the rest inside what was found; sections push what they name (each item, for a list); `true` renders the
/// section without pushing; `false`, an empty list and a missing name render nothing, and are what an inverted
/// section renders for. Inside an indented standalone partial, every node whose output starts a line gets the
/// indentation first, as swift-mustache adds it (per node, where the text so far in this template ends with `\n`).
struct CompiledTemplateRenderer {
    /// A variable names a list or an object. swift-mustache prints those with `String(describing:)` (for objects in a
    /// dictionary order that changes from run to run), which the compiled renderer leaves to swift-mustache.
    struct NeedsMustache: Error {}

    let templates: [String: CompiledTemplate]
    private(set) var out: [UInt8] = []
    private var stack: [TemplateValue] = []

    init(templates: [String: CompiledTemplate]) {
        self.templates = templates
    }

    /// The bytes of template `name` rendered with `context`, or nil when swift-mustache must render it.
    static func render(_ name: String, templates: [String: CompiledTemplate], context: TemplateObject,
                       capacity: Int) -> [UInt8]? {
        guard let template = templates[name] else { return nil }
        var renderer = CompiledTemplateRenderer(templates: templates)
        renderer.out.reserveCapacity(capacity)
        renderer.stack.reserveCapacity(8)
        renderer.stack.append(.object(context))
        do {
            try renderer.render(template.nodes, indentation: nil)
        } catch {
            return nil
        }
        return renderer.out
    }

    private mutating func render(_ nodes: [TemplateNode], indentation: [UInt8]?) throws(NeedsMustache) {
        guard let indentation, !indentation.isEmpty else {
            for node in nodes { try render(node, indentation: indentation) }
            return
        }
        let start = out.count
        for node in nodes {
            let before = out.count
            let startsLine = before > start && out[before - 1] == 0x0A && !(before - 2 >= start && out[before - 2] == 0x0D)
            try render(node, indentation: indentation)
            if startsLine, out.count > before { out.insert(contentsOf: indentation, at: before) }
        }
    }

    private mutating func render(_ node: TemplateNode, indentation: [UInt8]?) throws(NeedsMustache) {
        switch node {
        case .text(let bytes):
            out.append(contentsOf: bytes)
        case .variable(let name):
            guard let value = resolve(name) else { return }
            try append(value, escaped: true)
        case .unescapedVariable(let name):
            guard let value = resolve(name) else { return }
            try append(value, escaped: false)
        case .section(let name, let body):
            guard let value = resolve(name) else { return }
            switch value {
            case .bool(let isTrue):
                if isTrue { try render(body, indentation: indentation) }
            case .list(let items):
                for item in items { try render(body, pushing: item, indentation: indentation) }
            case .string, .utf8, .int, .object:
                try render(body, pushing: value, indentation: indentation)
            }
        case .invertedSection(let name, let body):
            switch resolve(name) {
            case nil: try render(body, indentation: indentation)
            case .bool(let isTrue)?: if !isTrue { try render(body, indentation: indentation) }
            case .list(let items)? where items.isEmpty: try render(body, pushing: .list(items), indentation: indentation)
            case .list?, .string?, .utf8?, .int?, .object?: break
            }
        case .partial(let name, let indented):
            guard let partial = templates[name] else { return }
            let combined = indented.map { (indentation ?? []) + $0 } ?? indentation
            try render(partial.nodes, indentation: combined)
        }
    }

    private mutating func render(_ body: [TemplateNode], pushing value: TemplateValue, indentation: [UInt8]?) throws(NeedsMustache) {
        stack.append(value)
        defer { stack.removeLast() }
        try render(body, indentation: indentation)
    }

    private mutating func append(_ value: TemplateValue, escaped: Bool) throws(NeedsMustache) {
        switch value {
        case .string(let string):
            if escaped { MustacheHTMLEscaping.append(string, to: &out) } else { out.append(contentsOf: string.utf8) }
        case .utf8(let bytes):
            if escaped {
                bytes.withUnsafeBufferPointer { MustacheHTMLEscaping.append(utf8: $0, to: &out) }
            } else {
                out.append(contentsOf: bytes)
            }
        case .int(let number):
            out.append(contentsOf: String(number).utf8)
        case .bool(let isTrue):
            out.append(contentsOf: isTrue ? "true".utf8 : "false".utf8)
        case .list, .object:
            throw NeedsMustache()
        }
    }

    private func resolve(_ name: TemplateName) -> TemplateValue? {
        guard let first = name.parts.first else { return stack.last }
        var found: TemplateValue?
        stack.withUnsafeBufferPointer { stack in
            // Read in place from the top (copying each level's value retained everything it holds).
            var level = stack.count - 1
            while level >= 0, found == nil {
                if case .object(let object) = stack[level] { found = object[first] }
                if name.anchoredToTop { break }
                level -= 1
            }
        }
        guard var value = found else { return nil }
        for part in name.parts.dropFirst() {
            guard let next = Self.child(part, of: value) else { return nil }
            value = next
        }
        return value
    }

    private static func child(_ name: String, of value: TemplateValue) -> TemplateValue? {
        if case .object(let object) = value { return object[name] }
        return nil
    }
}
