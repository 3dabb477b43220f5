/// What changed in a docs tree since it was compiled, as the preview's watcher saw it.
public struct SourceChange: Sendable {
    /// Pages under `pages/` that were written or appeared, with their new bytes.
    public var pages: [RawFile] = []
    /// Paths under `pages/` of pages that are gone.
    public var removedPages: [String] = []
    /// Reloaded templates, when a file under `templates/` changed.
    public var templates: (set: TemplateSet?, diagnostics: [Diagnostic])?
    /// A reloaded tree, when anything under `content/` other than a page changed (site.yaml, a schema,
    /// a policy, the baseline, iam/, static/).
    public var tree: ContentTree?

    public init(pages: [RawFile] = [], removedPages: [String] = [], templates: (set: TemplateSet?, diagnostics: [Diagnostic])? = nil,
                tree: ContentTree? = nil) {
        self.pages = pages
        self.removedPages = removedPages
        self.templates = templates
        self.tree = tree
    }

    public var isEmpty: Bool { pages.isEmpty && removedPages.isEmpty && templates == nil && tree == nil }
}

/// What an update recompiled: the output files whose bytes may differ and the files whose findings may differ.
public struct UpdateSummary: Sendable {
    /// How far the update had to go.
    public enum Scope: String, Sendable {
        /// Only the edited pages and the pages that depend on them.
        case pages
        /// The schemas or models changed: the reference pages and the pages with samples.
        case models
        /// Every page (the index, the templates or the site configuration changed).
        case all
    }
    public var scope: Scope
    /// Output paths (`en/x.html`) recompiled; their bytes may or may not have changed.
    public var outputs: Set<String> = []
    /// Output paths that no longer exist.
    public var removedOutputs: Set<String> = []
    /// Display paths of the files whose findings were recomputed.
    public var diagnosticFiles: Set<String> = []
    /// Pages recompiled.
    public var pagesRecompiled = 0
}

extension SiteCompilation {
    /// Applies a change and recompiles only what it can reach:
    /// - an edited page: that page, its twin pair's parity, the links of pages that point at it when its anchors
    ///   changed, and the drift check when its samples changed;
    /// - a page whose title, permalink, language or existence changed: every page (navigation and the language
    ///   switcher show titles and URLs);
    /// - templates: every page re-rendered;
    /// - schemas and named models: the reference pages and the pages with samples;
    /// - anything else (site.yaml, the baseline, iam/, static/): a full compile of the new tree.
    public mutating func apply(_ change: SourceChange) async -> UpdateSummary {
        if let newTree = change.tree {
            return await applyTree(newTree, templates: change.templates)
        }
        if let (set, diagnostics) = change.templates {
            templates = render ? set : nil
            templateDiagnostics = diagnostics
            regroupSiteLevel()
            let before = allOutputPaths
            await recompileAll()
            return fullSummary(before: before)
        }
        return await applyPages(change.pages, removed: change.removedPages)
    }

    // MARK: - Pages

    private mutating func applyPages(_ files: [RawFile], removed: [String]) async -> UpdateSummary {
        var indexDirty = !removed.isEmpty
        var locationsMoved = false
        var edited: [String] = []
        for path in removed {
            tree.pages.removeAll { $0.relativePath == path }
            headers[path] = nil
            headerDiagnostics[path] = nil
        }
        for file in files {
            replacePage(file)
            let (header, diagnostics) = PageHeaderParser.parse(file, site: site)
            headerDiagnostics[file.relativePath] = diagnostics.isEmpty ? nil : diagnostics
            let old = headers[file.relativePath]
            headers[file.relativePath] = header
            if !Self.sameIndexFacts(old, header) { indexDirty = true }
            if old?.permalinkLocation != header?.permalinkLocation { locationsMoved = true }
            edited.append(file.relativePath)
        }
        if indexDirty {
            let before = allOutputPaths
            await recompileAll()
            var summary = fullSummary(before: before)
            summary.diagnosticFiles.formUnion(files.map(\.displayPath))
            return summary
        }
        if locationsMoved { rebuildIndex() }

        var summary = UpdateSummary(scope: .pages)
        let compiler = pageCompiler
        let headersToCompile = edited.compactMap { headers[$0] }.filter(isIndexed)
        let recompiled = await headersToCompile.concurrentMap { compiler.compile($0) }
        await replaceCompiled(recompiled, summary: &summary)
        return summary
    }

    /// Puts recompiled pages in place and re-runs the cross-page checks they can affect.
    private mutating func replaceCompiled(_ pages: [CompiledPage], summary: inout UpdateSummary) async {
        ensureLinkers()
        var samplesChanged = false
        var relinked: Set<String> = []
        if !pages.isEmpty { siteFilesAreCurrent = false }
        for page in pages {
            let path = page.page.relativePath
            let old = compiled[path]
            compiled[path] = page
            summary.outputs.insert(page.page.outputPath)
            summary.diagnosticFiles.insert(page.page.source.displayPath)
            summary.pagesRecompiled += 1
            if let old {
                for link in old.page.links {
                    guard case .site(let rawPath, _) = link.target else { continue }
                    linkers?[rawPath.isEmpty ? old.page.url : rawPath]?.remove(path)
                }
                if !Self.sameSamples(old.samples, page.samples) { samplesChanged = true }
            } else {
                samplesChanged = true
            }
            if anchors.setPage(url: page.page.url, anchors: Set(page.page.headings.map(\.id))) {
                relinked.formUnion(linkers?[page.page.url] ?? [])
            }
            relinked.insert(path)
        }
        for path in relinked {
            guard let page = compiled[path] else { continue }
            recheckLinks(of: page.page)
            summary.diagnosticFiles.insert(page.page.source.displayPath)
        }
        for key in Set(pages.map(\.page.twinKey)) {
            recheckTwins(key)
            for language in site.languages {
                if let entry = index.page(key, in: language), let twin = compiled[entry.relativePath] {
                    summary.diagnosticFiles.insert(twin.page.source.displayPath)
                }
            }
        }
        if samplesChanged {
            let before = Set(driftDiagnostics.keys)
            rebuildDrift()
            summary.diagnosticFiles.formUnion(before.union(driftDiagnostics.keys))
        } else {
            // Same samples: drift findings stay, but those on an edited page follow its lines.
            for page in pages where driftDiagnostics[page.page.source.displayPath] != nil {
                let before = Set(driftDiagnostics.keys)
                rebuildDrift()
                summary.diagnosticFiles.formUnion(before.union(driftDiagnostics.keys))
                break
            }
        }
    }

    private mutating func replacePage(_ file: RawFile) {
        var low = 0, high = tree.pages.count
        while low < high {
            let mid = (low + high) / 2
            if tree.pages[mid].relativePath < file.relativePath { low = mid + 1 } else { high = mid }
        }
        if low < tree.pages.count, tree.pages[low].relativePath == file.relativePath {
            tree.pages[low] = file
        } else {
            tree.pages.insert(file, at: low)
        }
    }

    /// Whether two headers put the same facts into the site index (what other pages' navigation, switcher
    /// and link resolution read).
    static func sameIndexFacts(_ a: PageHeader?, _ b: PageHeader?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case (let a?, let b?):
            return a.twinKey == b.twinKey && a.language == b.language && a.title == b.title && a.url == b.url
                && a.outputPath == b.outputPath
        default: return false
        }
    }

    /// Whether two pages' samples say the same things (kinds and normalized content), ignoring their lines.
    static func sameSamples(_ a: [Sample], _ b: [Sample]) -> Bool {
        guard a.count == b.count else { return false }
        for (x, y) in zip(a, b) {
            guard x.kind == y.kind, x.annotations.model == y.annotations.model, x.block.literal == y.block.literal else { return false }
        }
        return true
    }

    // MARK: - Trees and models

    private mutating func applyTree(_ newTree: ContentTree, templates newTemplates: (set: TemplateSet?, diagnostics: [Diagnostic])?) async -> UpdateSummary {
        let before = allOutputPaths
        if let (set, diagnostics) = newTemplates {
            templates = render ? set : nil
            templateDiagnostics = diagnostics
        }
        let onlyModels = newTemplates == nil && newTree.siteConfig == tree.siteConfig && newTree.baseline == tree.baseline
            && newTree.iamDirectory == tree.iamDirectory && newTree.staticFiles == tree.staticFiles && newTree.pages == tree.pages
            && (newTree.schemas != tree.schemas || newTree.policies != tree.policies)
        if onlyModels {
            let oldJobs = referenceJobs.map(\.header.outputPath)
            let setup = Setup(tree: newTree, useBaseline: useBaseline)
            let newJobs = ReferencePageCompiler(models: setup.models, site: site).jobs()
            if newJobs.map(\.header.outputPath) == oldJobs {
                referenceJobs = newJobs
                tree = newTree
                models = setup.models
                validator = setup.validator
                setupDiagnostics = setup.diagnostics
                regroupSiteLevel()
                return await recompileModelDependents()
            }
        }
        self = await SiteCompilation.compile(tree: newTree, templates: templates, templateDiagnostics: templateDiagnostics,
                                             render: render, useBaseline: useBaseline)
        prepareForEdits()
        var summary = fullSummary(before: before)
        summary.diagnosticFiles.formUnion(newTree.schemas.map(\.displayPath) + newTree.policies.map(\.displayPath))
        return summary
    }

    /// After a schema or named model changed: the reference pages, and the pages whose samples the models
    /// classify or check.
    private mutating func recompileModelDependents() async -> UpdateSummary {
        var summary = UpdateSummary(scope: .models)
        await recompileReferences()
        siteFilesAreCurrent = false
        for reference in references {
            anchors.setPage(url: reference.url, anchors: Set(reference.anchors))
            if let path = reference.file?.path { summary.outputs.insert(path) }
        }
        for job in referenceJobs { summary.diagnosticFiles.insert(job.header.source.displayPath) }
        summary.diagnosticFiles.formUnion(tree.schemas.map(\.displayPath) + tree.policies.map(\.displayPath))
        let dependents = compiled.values.filter { page in
            page.samples.contains { sample in
                switch sample.kind {
                case .configuration, .data: return true
                case .iamPolicy, .actionList: return sample.annotations.model != nil
                }
            }
        }.map(\.page.relativePath)
        let compiler = pageCompiler
        let recompiled = await dependents.compactMap { headers[$0] }.concurrentMap { compiler.compile($0) }
        await replaceCompiled(recompiled, summary: &summary)
        // Links into the reference pages may have gained or lost their anchors.
        ensureLinkers()
        for url in references.map(\.url) {
            for path in linkers?[url] ?? [] {
                guard let page = compiled[path] else { continue }
                recheckLinks(of: page.page)
                summary.diagnosticFiles.insert(page.page.source.displayPath)
            }
        }
        return summary
    }

    // MARK: - Summaries

    private var allOutputPaths: Set<String> { Set(outputs.map(\.path)) }

    private func fullSummary(before: Set<String>) -> UpdateSummary {
        let after = allOutputPaths
        var summary = UpdateSummary(scope: .all)
        summary.outputs = after
        summary.removedOutputs = before.subtracting(after)
        summary.diagnosticFiles = Set(tree.pages.map(\.displayPath) + tree.schemas.map(\.displayPath) + tree.policies.map(\.displayPath))
        if let config = tree.siteConfig { summary.diagnosticFiles.insert(config.displayPath) }
        summary.pagesRecompiled = compiled.count
        return summary
    }
}
