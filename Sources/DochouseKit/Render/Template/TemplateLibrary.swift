import Mustache

/// The templates by name, each parsed by swift-mustache and, where it uses only what the compiled renderer supports,
/// compiled too. A render takes the compiled path when the template and every partial it can reach are compiled,
/// and swift-mustache's otherwise, from the same values: users' templates that use inheritance, blocks, transforms,
/// dynamic partials or pragmas keep working, only slower.
///
/// Why the compiled path: in a profile of `dochouse build`, swift-mustache rendering the layout was ~16% of all CPU,
/// for 40-60 tags a page, nearly all of it casting `Any` values to its protocols, `Mirror`, `String(describing:)`,
/// escaping per `Character` and concatenating strings per section (ARCHITECTURE.md, "Decisions and why").
struct TemplateLibrary: Sendable {
    let mustache: MustacheLibrary
    /// The templates the compiled renderer renders: compiled, and reaching only compiled (or no) partials.
    let compiled: [String: CompiledTemplate]

    /// `mustache` holds every template of `names`; `compiled` those the template parser compiled.
    init(mustache: MustacheLibrary, compiled: [String: CompiledTemplate], names: Set<String>) {
        self.mustache = mustache
        var usable = compiled
        var changed = true
        while changed {
            changed = false
            for (name, template) in usable {
                let reachable = template.partialNames.allSatisfy { usable[$0] != nil || !names.contains($0) }
                if !reachable {
                    usable[name] = nil
                    changed = true
                }
            }
        }
        self.compiled = usable
    }

    /// Whether `render` uses the compiled renderer for `name` (unless a value needs swift-mustache, see
    /// `CompiledTemplateRenderer.NeedsMustache`).
    func isCompiled(_ name: String) -> Bool { compiled[name] != nil }

    func render(_ context: TemplateObject, withTemplate name: String) -> [UInt8] {
        if let template = compiled[name] {
            var capacity = 2 * template.textByteCount + 4096
            for field in context.fields {
                if case .string(let text) = field.value { capacity += text.utf8.count }
                if case .utf8(let bytes) = field.value { capacity += bytes.count }
            }
            if let bytes = CompiledTemplateRenderer.render(name, templates: compiled, context: context, capacity: capacity) {
                return bytes
            }
        }
        return renderWithMustache(context, withTemplate: name)
    }

    /// The same render by swift-mustache, from the values as `Any`.
    func renderWithMustache(_ context: TemplateObject, withTemplate name: String) -> [UInt8] {
        Array((mustache.render(context.mustacheValue, withTemplate: name) ?? "").utf8)
    }
}
