/// Every internal link and `#anchor` of every page must resolve to a page, a heading id or a reference
/// anchor of the built site, in each language. A broken one is reported at its line and column with the
/// nearest existing target as a suggestion. External links are only listed, never fetched.
enum LinkCheck {
    static let brokenPage = RuleDescriptor(id: "link.broken-page", defaultSeverity: .error,
                                           summary: "A link points to a page the site does not have.")
    static let brokenAnchor = RuleDescriptor(id: "link.broken-anchor", defaultSeverity: .error,
                                             summary: "A link points to an anchor its target page does not have.")

    static func check(_ pages: [Page], anchors: AnchorIndex) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for page in pages {
            for link in page.links {
                guard case .site(let rawPath, let fragment) = link.target else { continue }
                let path = rawPath.isEmpty ? page.url : rawPath
                switch anchors.lookup(path: path, fragment: fragment) {
                case .found:
                    continue
                case .missingPage:
                    let suggestion = NearMiss.closest(to: path, among: anchors.pageURLs, maxDistance: max(3, path.count / 4))
                    diagnostics.append(Diagnostic(rule: brokenPage, message: "link to \(path) points to no page of the site",
                                                  at: link.location, suggestion: suggestion.map { "did you mean \($0)?" }))
                case .missingAnchor(let known):
                    let fragmentText = fragment ?? ""
                    let nearest = NearMiss.closest(to: fragmentText, among: known, maxDistance: max(3, fragmentText.count / 3))
                        ?? known.filter { $0.hasPrefix(fragmentText) || fragmentText.hasPrefix($0) }.max(by: { $0.count < $1.count })
                    let where_ = rawPath.isEmpty ? "this page" : path
                    diagnostics.append(Diagnostic(rule: brokenAnchor, message: "link to #\(fragmentText) on \(where_): that page has no such anchor",
                                                  at: link.location, suggestion: nearest.map { "did you mean #\($0)?" }))
                }
            }
        }
        return diagnostics
    }
}
