/// Twin pairing findings: a page that exists in some of the site's languages but not all.
enum TwinReport {
    static func missingTwins(_ index: SiteIndex) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for (key, byLanguage) in index.twins {
            for language in index.site.languages where byLanguage[language] == nil {
                guard let existing = index.site.languages.lazy.compactMap({ byLanguage[$0] }).first else { continue }
                diagnostics.append(Diagnostic(rule: BuildRules.missingTwin,
                                              message: "page '\(key)' has no \(LanguageNames.endonym(language)) (\(language)) version",
                                              at: existing.location,
                                              suggestion: "add \(PageNaming.fileName(for: key, language: language, defaultLanguage: index.site.defaultLanguage))"))
            }
        }
        return diagnostics
    }
}

extension PageNaming {
    /// The file name a page of `twinKey` in `language` should have.
    static func fileName(for twinKey: String, language: String, defaultLanguage: String) -> String {
        language == "en" ? "pages/\(twinKey).md" : "pages/\(twinKey).\(language).md"
    }
}

/// Checks that navigation entries name pages that exist.
enum NavigationCheck {
    static func check(_ items: [NavigationItem], index: SiteIndex, file: String?) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for item in items {
            if case .page(let key)? = item.target, index.twins[key] == nil {
                let suggestion = NearMiss.closest(to: key, among: index.twins.keys).map { "did you mean '\($0)'?" }
                diagnostics.append(Diagnostic(rule: BuildRules.navigationUnknownPage,
                                              message: "navigation entry names page '\(key)', which does not exist",
                                              at: item.location ?? file.map { SourceLocation(file: $0, line: 1, column: 1) }, suggestion: suggestion))
            }
            diagnostics += check(item.children, index: index, file: file)
        }
        return diagnostics
    }
}
