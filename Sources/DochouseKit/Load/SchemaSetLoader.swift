/// Loads every schema under `schemas/MODULE/` and pairs each with its overlays (`doc-LANG-NAME.yaml`).
enum SchemaSetLoader {
    static let duplicateKind = RuleDescriptor(id: "schema.duplicate-kind", defaultSeverity: .error,
                                              summary: "Two schemas define the same kind.")
    static let orphanOverlay = RuleDescriptor(id: "schema.orphan-overlay", defaultSeverity: .warning,
                                              summary: "An overlay has no schema of the same name beside it.")

    static func load(_ files: [RawFile]) -> (schemas: [String: SchemaDocument], overlays: [String: [SchemaOverlay]], [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var schemas: [String: SchemaDocument] = [:]
        var byPath: [String: SchemaDocument] = [:]  // "MODULE/NAME" -> schema
        var overlayFiles: [(RawFile, language: String, key: String)] = []
        for file in files {
            let parts = file.relativePath.split(separator: "/")
            let module = parts.count > 1 ? String(parts[0]) : ""
            let fileName = String(parts.last ?? "")
            if let overlay = SchemaOverlayLoader.overlayName(fileName) {
                overlayFiles.append((file, overlay.language, module + "/" + overlay.schemaName))
                continue
            }
            let (document, problems) = SchemaLoader.load(file, module: module)
            diagnostics += problems
            guard let document else { continue }
            if let existing = schemas[document.kind] {
                diagnostics.append(Diagnostic(rule: duplicateKind,
                                              message: "kind \(document.kind) is already defined by \(existing.source.displayPath)",
                                              at: document.source.location(line: 1, column: 1)))
                continue
            }
            schemas[document.kind] = document
            byPath[module + "/" + document.name] = document
        }
        var overlays: [String: [SchemaOverlay]] = [:]
        for (file, _, key) in overlayFiles {
            guard let schema = byPath[key] else {
                diagnostics.append(Diagnostic(rule: orphanOverlay, message: "overlay has no schema \(key).yaml beside it",
                                              at: SourceLocation(file: file.displayPath, line: 1, column: 1)))
                continue
            }
            let (overlay, problems) = SchemaOverlayLoader.load(file, schema: schema)
            diagnostics += problems
            if let overlay { overlays[schema.kind, default: []].append(overlay) }
        }
        return (schemas, overlays, diagnostics)
    }
}
