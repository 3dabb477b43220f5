import Synchronization

/// What the catalog says about each action entry of a sample: whether it lists the entry's service, the loaded
/// service, and the index of the entry's action in it. unknown-service, unknown-action and
/// resource-policy-cannot-grant ask these same questions of the same entries; they are answered once per sample
/// (and catalog) and shared, in the order of `Sample.actionEntries`.
struct IAMEntryFacts: Sendable {
    struct Entry: Sendable {
        /// The catalog lists the entry's service (`IAMCatalog.hasService`; it may still fail to load).
        var hasService = false
        /// The loaded service (`IAMCatalog.service`), for entries shaped `service:Action`.
        var service: IAMService?
        /// The index in `service.actions` of the action a literal entry (no wildcard) names.
        var action: Int?
    }

    var entries: [Entry]

    init(_ actionEntries: [ActionEntry], catalog: IAMCatalog) {
        var lookup = IAMCatalog.Lookup(catalog)
        var entries: [Entry] = []
        entries.reserveCapacity(actionEntries.count)
        // By index: a `map` over the entries copied each one (retaining and releasing its strings).
        for index in actionEntries.indices {
            var facts = Entry()
            if let name = actionEntries[index].name {
                let (listed, found) = lookup.find(name)
                facts.hasService = listed
                if let service = found {
                    facts.service = service
                    if !actionEntries[index].hasWildcard { facts.action = service.actionIndex(name) }
                }
            }
            entries.append(facts)
        }
        self.entries = entries
    }
}

/// Keeps a sample's `IAMEntryFacts` once a rule has asked for them. Copies of a sample share it; the facts are
/// reused only for the same catalog object and the very same entries array (held here, so its storage cannot be
/// freed and its address reused), so a sample whose entries are recomputed or replaced gets fresh facts.
final class IAMEntryFactsMemo: Sendable {
    private struct Stored: Sendable {
        let catalog: IAMCatalog
        let actionEntries: [ActionEntry]
        let facts: IAMEntryFacts
    }

    private let stored = Mutex<Stored?>(nil)

    func facts(for actionEntries: [ActionEntry], catalog: IAMCatalog) -> IAMEntryFacts {
        stored.withLock { stored -> IAMEntryFacts in
            if let stored, stored.catalog === catalog, Self.same(stored.actionEntries, actionEntries) { return stored.facts }
            let facts = IAMEntryFacts(actionEntries, catalog: catalog)
            stored = Stored(catalog: catalog, actionEntries: actionEntries, facts: facts)
            return facts
        }
    }

    /// The same array storage (not merely equal contents).
    private static func same(_ a: [ActionEntry], _ b: [ActionEntry]) -> Bool {
        a.count == b.count && a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in a.baseAddress == b.baseAddress } }
    }
}

extension Sample {
    /// The catalog's answers about `actionEntries`, computed by the first rule that asks.
    func entryFacts(_ catalog: IAMCatalog) -> IAMEntryFacts {
        entryFactsMemo.facts(for: actionEntries, catalog: catalog)
    }
}
