/// Renders a fenced code block for the page: highlighted code, a copy button (shown by the site script; without
/// script it stays hidden), and for a validated sample a badge saying what it was checked against and, under an
/// IAM policy, the policy summary. The wrapper carries the sample's check status for the preview server:
/// `data-sample-status="ok|note|warning|error"` (the highest severity of the sample's findings, after the site's
/// rule severities; baselined findings count, since the preview shows them too).
struct CodeBlockRenderer {
    var language: String
    var catalog: IAMCatalog
    var ruleSeverities: [String: ConfiguredSeverity] = [:]

    func render(_ block: CodeBlock, sample: Sample?, findings: [Diagnostic]) -> String {
        var out = HTMLBuffer(capacity: block.literal.utf8.count * 3)
        render(block, sample: sample, findings: findings, into: &out)
        return out.string
    }

    /// Appends what `render` returns to `out`.
    func render(_ block: CodeBlock, sample: Sample?, findings: [Diagnostic], into out: inout HTMLBuffer) {
        let strings = UIStrings.table(for: language)
        let fence = block.language
        guard let sample else {
            Self.writePlain(block.literal, fence: fence, strings: strings, into: &out)
            return
        }
        var highlighter = CodeHighlighter.language(forFence: fence)
        if highlighter == .yaml, sample.isJSONInYAMLFence { highlighter = .json }
        out.raw("<div class=\"code-block\"")
        if !fence.isEmpty { out.attribute("data-language", fence) }
        out.attribute("data-sample-kind", Self.kindSlug(sample.kind))
        let state = status(findings)
        out.attribute("data-sample-status", state)
        out.raw(">\n<div class=\"code-toolbar\">")
        let title = strings[state == "ok" ? "sampleChecked" : "sampleFindings"] ?? ""
        out.raw("<span class=\"sample-badge\"")
        out.attribute("title", title)
        out.raw(">")
        out.escaped(badge(sample))
        out.raw("</span>")
        Self.writeCopyButton(strings, into: &out)
        out.raw("</div>\n")
        Self.writeCode(block.literal, fence: fence, highlighter: highlighter, into: &out)
        if case .iamPolicy = sample.kind, let policy = sample.policy {
            PolicySummary(sample: sample, policy: policy, catalog: catalog).write(language: language, into: &out)
        }
        out.raw("</div>\n")
    }

    /// A code block that is not a sample (reference examples, code in schema descriptions): highlighted, with its
    /// language and the copy button.
    static func plain(_ code: String, fence: String, language: String) -> String {
        var out = HTMLBuffer(capacity: code.utf8.count * 2 + 400)
        writePlain(code, fence: fence, strings: UIStrings.table(for: language), into: &out)
        return out.string
    }

    /// Appends what `plain` returns to `out`.
    static func writePlain(_ code: String, fence: String, strings: [String: String], into out: inout HTMLBuffer) {
        out.raw("<div class=\"code-block\"")
        if !fence.isEmpty { out.attribute("data-language", fence) }
        out.raw(">\n<div class=\"code-toolbar\">")
        if !fence.isEmpty {
            out.raw("<span class=\"code-language\">")
            out.escaped(fence)
            out.raw("</span>")
        }
        writeCopyButton(strings, into: &out)
        out.raw("</div>\n")
        writeCode(code, fence: fence, highlighter: CodeHighlighter.language(forFence: fence), into: &out)
        out.raw("</div>\n")
    }

    /// `<pre><code class="language-FENCE">`, the code highlighted (or escaped), and the closing tags.
    private static func writeCode(_ code: String, fence: String, highlighter: CodeHighlighter.Language?,
                                  into out: inout HTMLBuffer) {
        out.raw("<pre><code")
        if !fence.isEmpty {
            out.raw(" class=\"language-")
            out.escaped(fence)
            out.raw("\"")
        }
        out.raw(">")
        if let highlighter {
            out.raw(bytes: CodeHighlighter.highlightedBytes(code, as: highlighter))
        } else {
            out.escaped(code)
        }
        out.raw("</code></pre>\n")
    }

    private static func writeCopyButton(_ strings: [String: String], into out: inout HTMLBuffer) {
        out.raw("<button type=\"button\" class=\"copy-button\" hidden")
        out.attribute("data-copied", strings["copied"] ?? "Copied")
        out.attribute("data-failed", strings["copyFailed"] ?? "Copy failed")
        out.raw(">")
        out.escaped(strings["copy"] ?? "Copy")
        out.raw("</button>")
    }

    private func status(_ findings: [Diagnostic]) -> String {
        var worst: Severity?
        for finding in findings {
            var severity = finding.severity
            switch ruleSeverities[finding.ruleID] {
            case .off?: continue
            case .level(let level)?: severity = level
            case nil: break
            }
            if worst.map({ severity > $0 }) ?? true { worst = severity }
        }
        return worst?.rawValue ?? "ok"
    }

    static func kindSlug(_ kind: SampleKind) -> String {
        switch kind {
        case .iamPolicy(true, _): "resource-policy"
        case .iamPolicy(false, _): "identity-policy"
        case .configuration: "configuration"
        case .actionList: "action-list"
        case .data: "data"
        }
    }

    /// What the sample was checked against, e.g. "IAM identity policy · catalog 2026-10-27".
    func badge(_ sample: Sample) -> String {
        let russian = language == "ru"
        let catalogPart = catalog.snapshotDate.isEmpty ? "" : (russian ? " · каталог " : " · catalog ") + catalog.snapshotDate
        var text: String
        switch sample.kind {
        case .iamPolicy(let resourceBased, let resourceType):
            if resourceBased {
                text = russian ? "Политика IAM для ресурса" : "IAM resource policy"
                if let resourceType { text += " (\(resourceType))" }
            } else {
                text = russian ? "Политика IAM для удостоверений" : "IAM identity policy"
            }
            text += catalogPart
        case .configuration(let kind, let fragment):
            text = russian ? "Схема \(kind)" : "\(kind) schema"
            if fragment { text += russian ? " · фрагмент" : " · fragment" }
        case .actionList:
            text = (russian ? "Действия IAM" : "IAM actions") + catalogPart
        case .data:
            let syntax = sample.syntax == .json ? "JSON" : "YAML"
            text = russian ? "Синтаксис \(syntax)" : "\(syntax) syntax"
        }
        if let model = sample.annotations.model { text += (russian ? " · модель " : " · model ") + model }
        return text
    }
}
