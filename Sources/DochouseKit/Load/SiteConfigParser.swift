import Yams

/// Reads `site.yaml`. Every key is optional; an unknown key or a value of the wrong shape is reported,
/// and the rest of the file still applies.
enum SiteConfigParser {
    /// Values site.yaml may hold once aliases are expanded (a large navigation has a few thousand).
    static let maxNodes = 100_000
    static let knownKeys: Set<String> = ["title", "languages", "defaultLanguage", "baseURL", "nav", "rules", "limits"]

    static func parse(_ raw: RawFile?) -> (SiteConfig, [Diagnostic]) {
        guard let raw else { return (.default, []) }
        var diagnostics: [Diagnostic] = []
        let text: String
        switch UTF8Decoder.decode(raw.bytes) {
        case .success(let decoded): text = decoded
        case .failure(let invalid):
            return (.default, [Diagnostic(rule: BuildRules.invalidUTF8,
                                          message: "site.yaml is not valid UTF-8 (byte offset \(invalid.offset))",
                                          at: SourceLocation(file: raw.displayPath, line: invalid.line, column: invalid.column))])
        }
        let file = SourceFile(displayPath: raw.displayPath, text: text)
        let root: Node
        switch YAMLComposer.compose(text) {
        case .failure(let error):
            return (.default, [Diagnostic(rule: BuildRules.siteConfigSyntax, message: "site.yaml is not valid YAML: \(error.message)",
                                          at: file.location(line: error.line, column: error.column))])
        case .success(nil):
            return (.default, [])
        case .success(let node?):
            root = node
        }
        // The navigation is walked with aliases expanded: an alias bomb under `nav:` would never finish.
        switch YAMLLimits.measure(root, maxNodes: maxNodes, maxDepth: 128) {
        case .fits: break
        case .tooManyNodes(let limit):
            return (.default, [Diagnostic(rule: BuildRules.siteConfigTooLarge,
                                          message: "site.yaml expands to more than \(limit) values through its aliases (an alias bomb?); it is not applied",
                                          at: file.location(line: 1, column: 1))])
        case .tooDeep(let limit, let line, let column):
            return (.default, [Diagnostic(rule: BuildRules.siteConfigTooLarge,
                                          message: "site.yaml nests more than \(limit) levels deep; it is not applied",
                                          at: file.location(line: line, column: column))])
        }
        func at(_ node: Node) -> SourceLocation {
            node.mark.map { file.location(line: $0.line, column: $0.column) } ?? file.location(line: 1, column: 1)
        }
        func invalid(_ node: Node, _ message: String) {
            diagnostics.append(Diagnostic(rule: BuildRules.siteConfigInvalid, message: message, at: at(node)))
        }
        guard case .mapping(let mapping) = root else {
            invalid(root, "site.yaml must be a mapping of settings")
            return (.default, diagnostics)
        }
        var config = SiteConfig.default
        for (key, _) in mapping {
            if let name = key.scalarText, !knownKeys.contains(name) {
                invalid(key, "unknown setting '\(name)'; known settings are \(knownKeys.sorted().joined(separator: ", "))")
            }
        }
        if let languages = root[key: "languages"] {
            if case .sequence(let list) = languages, !list.isEmpty, list.allSatisfy({ $0.scalarText.map(isLanguageCode) == true }) {
                config.languages = list.compactMap(\.scalarText)
            } else {
                invalid(languages, "'languages' must be a non-empty list of language codes such as [en, ru]")
            }
        }
        config.defaultLanguage = config.languages[0]
        if let defaultLanguage = root[key: "defaultLanguage"] {
            if let code = defaultLanguage.scalarText, config.languages.contains(code) {
                config.defaultLanguage = code
            } else {
                invalid(defaultLanguage, "'defaultLanguage' must be one of \(config.languages.joined(separator: ", "))")
            }
        }
        if let title = root[key: "title"] {
            if let localized = localizedText(title, languages: config.languages) {
                config.titles = localized
            } else {
                invalid(title, "'title' must be a string or a mapping from language to string")
            }
        }
        if let baseURL = root[key: "baseURL"] {
            if let text = baseURL.scalarText, !text.isEmpty { config.baseURL = text } else { invalid(baseURL, "'baseURL' must be a URL or a path") }
        }
        if let nav = root[key: "nav"] {
            config.navigation = navigationItems(nav, languages: config.languages, at: at, invalid: invalid)
        }
        if let rules = root[key: "rules"] {
            if case .mapping(let ruleMap) = rules {
                for (ruleKey, value) in ruleMap {
                    guard let id = ruleKey.scalarText, let level = value.scalarText.flatMap(ConfiguredSeverity.init) else {
                        invalid(value, "a rule's severity must be one of error, warning, note, off")
                        continue
                    }
                    config.ruleSeverities[id] = level
                }
            } else {
                invalid(rules, "'rules' must map rule ids to severities")
            }
        }
        if let limits = root[key: "limits"] {
            config.limits = self.limits(limits, invalid: invalid)
        }
        return (config, diagnostics)
    }

    /// `limits: {pageSize: 10MB, samplesPerPage: 1000, sampleLineLength: 10000}`; a bad value keeps the default.
    private static func limits(_ node: Node, invalid: (Node, String) -> Void) -> ContentLimits {
        var limits = ContentLimits.default
        guard case .mapping(let mapping) = node else {
            invalid(node, "'limits' must map \(ContentLimits.keys.joined(separator: ", ")) to numbers")
            return limits
        }
        for (key, value) in mapping {
            guard let name = key.scalarText, ContentLimits.keys.contains(name) else {
                invalid(key, "unknown limit '\(key.scalarText ?? "?")'; known limits are \(ContentLimits.keys.joined(separator: ", "))")
                continue
            }
            let text = value.scalarText ?? ""
            if name == "pageSize" {
                if let bytes = ContentLimits.parseSize(text) { limits.maxPageBytes = bytes } else {
                    invalid(value, "'pageSize' must be a size such as 10485760, 512KB or 10MB")
                }
            } else if let number = Int(text), number > 0 {
                if name == "samplesPerPage" { limits.maxSamplesPerPage = number } else { limits.maxSampleLineBytes = number }
            } else {
                invalid(value, "'\(name)' must be a positive whole number")
            }
        }
        return limits
    }

    static func isLanguageCode(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 8 && text.allSatisfy { $0.isASCII && ($0.isLetter || $0 == "-") }
    }

    /// A string (the same in every language) or a mapping `{en: ..., ru: ...}`.
    private static func localizedText(_ node: Node, languages: [String]) -> [String: String]? {
        if let text = node.scalarText, case .scalar = node {
            return Dictionary(uniqueKeysWithValues: languages.map { ($0, text) })
        }
        guard case .mapping(let mapping) = node else { return nil }
        var result: [String: String] = [:]
        for (k, v) in mapping {
            guard let language = k.scalarText, let text = v.scalarText else { return nil }
            result[language] = text
        }
        return result
    }

    private static func navigationItems(_ node: Node, languages: [String], at: (Node) -> SourceLocation,
                                        invalid: (Node, String) -> Void) -> [NavigationItem] {
        guard case .sequence(let list) = node else {
            invalid(node, "'nav' must be a list of entries with 'title' and 'page', 'url' or 'children'")
            return []
        }
        var items: [NavigationItem] = []
        for entry in list {
            guard case .mapping = entry, let titleNode = entry[key: "title"],
                  let titles = localizedText(titleNode, languages: languages) else {
                invalid(entry, "a navigation entry needs a 'title' (a string or {en: ..., ru: ...})")
                continue
            }
            var item = NavigationItem(titles: titles, location: at(entry))
            if let pageNode = entry[key: "page"], let page = pageNode.scalarText {
                item.location = at(pageNode)
                item.target = .page(page.hasSuffix(".md") ? String(page.dropLast(3)) : page)
            } else if let url = entry[key: "url"]?.scalarText {
                item.target = .url(url)
            }
            if let children = entry[key: "children"] {
                item.children = navigationItems(children, languages: languages, at: at, invalid: invalid)
            }
            items.append(item)
        }
        return items
    }
}
