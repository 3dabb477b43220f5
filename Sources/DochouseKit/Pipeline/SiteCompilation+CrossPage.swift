/// The cross-page stage: the anchor index, the untranslated-page stubs, link checks, twin parity and drift, over
/// all compiled pages (`recompileAll`) or the pages an edit reaches (`SiteCompilation+Update.swift`).
extension SiteCompilation {
    /// Anchors, untranslated stubs, links, twin parity and drift over all pages. Links (per page) and twin parity
    /// (per twin key) run on every core; drift, one pass over all samples, runs beside them.
    mutating func rebuildCrossPageState() async {
        anchors = AnchorIndex()
        for page in compiled.values { anchors.addPage(url: page.page.url, anchors: Set(page.page.headings.map(\.id))) }
        for reference in references { anchors.addPage(url: reference.url, anchors: Set(reference.anchors)) }
        for asset in templates?.assets ?? [] { anchors.addFile(url: "/assets/" + asset.relativePath) }
        for file in tree.staticFiles { anchors.addFile(url: "/" + file.relativePath) }
        rebuildStubs()
        let samples = driftEntries
        async let drift = Dictionary(grouping: SampleDrift.check(samples), by: { $0.location?.file ?? "" })
        let pages = Array(compiled.values)
        let anchorIndex = anchors
        let linkFindings = await pages.concurrentMap { LinkCheck.check([$0.page], anchors: anchorIndex) }
        linkDiagnostics = [:]
        linkers = nil
        for (page, found) in zip(pages, linkFindings) where !found.isEmpty {
            linkDiagnostics[page.page.relativePath] = found
        }
        let keys = Array(Set(pages.map(\.page.twinKey)))
        let (siteIndex, pagesByPath, config) = (index, compiled, site)
        let twinFindings = await keys.concurrentMap { Self.twinFindings($0, index: siteIndex, compiled: pagesByPath, site: config) }
        twinDiagnostics = [:]
        for (key, found) in zip(keys, twinFindings) where !found.isEmpty { twinDiagnostics[key] = found }
        driftDiagnostics = await drift
    }

    mutating func rebuildStubs() {
        for stub in stubs { anchors.removePage(url: stub.url) }
        let occupied = Set(references.compactMap(\.file?.path) + compiled.values.map(\.page.outputPath))
        stubs = UntranslatedPages.stubs(index, occupied: occupied)
        for stub in stubs { anchors.addPage(url: stub.url, anchors: []) }
        if let templates {
            stubFiles = stubs.map { UntranslatedPages.render($0, index: index, templates: templates) }
        } else {
            stubFiles = []
        }
    }

    /// Re-checks one page's links and records which URLs it links to.
    mutating func recheckLinks(of page: Page) {
        let found = LinkCheck.check([page], anchors: anchors)
        linkDiagnostics[page.relativePath] = found.isEmpty ? nil : found
        recordLinkers(of: page)
    }

    /// Records which URLs a page links to (for re-checking it when their anchors change), once the map exists.
    mutating func recordLinkers(of page: Page) {
        guard linkers != nil else { return }
        for link in page.links {
            guard case .site(let rawPath, _) = link.target else { continue }
            linkers?[rawPath.isEmpty ? page.url : rawPath, default: []].insert(page.relativePath)
        }
    }

    /// Builds what only edits need (which pages link where), so that the first edit is as fast as the next ones.
    public mutating func prepareForEdits() {
        ensureLinkers()
    }

    /// Builds the map of which pages link where, if a full compile left it out.
    mutating func ensureLinkers() {
        guard linkers == nil else { return }
        linkers = [:]
        for page in compiled.values { recordLinkers(of: page.page) }
    }

    mutating func recheckTwins(_ twinKey: String) {
        let found = Self.twinFindings(twinKey, index: index, compiled: compiled, site: site)
        twinDiagnostics[twinKey] = found.isEmpty ? nil : found
    }

    static func twinFindings(_ twinKey: String, index: SiteIndex, compiled: [String: CompiledPage], site: SiteConfig) -> [Diagnostic] {
        let facts = site.languages.compactMap { language -> TwinParity.Facts? in
            guard let entry = index.page(twinKey, in: language), let page = compiled[entry.relativePath] else { return nil }
            return TwinParity.Facts(page: page.page, samples: page.samples)
        }
        return facts.count > 1 ? TwinParity.check(facts, site: site) : []
    }

    mutating func rebuildDrift() {
        driftDiagnostics = Dictionary(grouping: SampleDrift.check(driftEntries), by: { $0.location?.file ?? "" })
    }

    /// Every sample of every page, in tree order, for the drift check.
    var driftEntries: [SampleDrift.Entry] {
        tree.pages.flatMap { file -> [SampleDrift.Entry] in
            guard let page = compiled[file.relativePath] else { return [] }
            return SampleDrift.Entry.all(of: page.page, samples: page.samples)
        }
    }
}
