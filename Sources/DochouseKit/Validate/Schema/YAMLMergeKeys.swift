import Yams

/// Merge keys (`<<: *a`, `<<: [*a, *b]`) and an expansion budget for composed YAML.
///
/// `Yams.compose` keeps `<<` as an ordinary key (Yams 6 tags it `merge`) and shares the storage of aliased
/// nodes, so a walk over the composed tree sees every alias expanded. Both the merge and the budget live here,
/// beside `YAMLComposer`, so schema files and overlays read YAML the same way.
enum YAMLMergeKeys {
    /// A mapping entry after merges: its key node, its value, and the key's text when it is a scalar.
    struct Entry {
        var key: Node
        var value: Node
        var name: String? { key.scalar?.string }
    }

    /// A problem with a merge key: what and where (the `<<` key's mark).
    struct Problem {
        var mark: Mark?
        var message: String
    }

    /// True for the plain `<<` key (a quoted `"<<"` is an ordinary key).
    static func isMergeKey(_ node: Node) -> Bool {
        guard let scalar = node.scalar else { return false }
        return scalar.string == "<<" && scalar.style != .singleQuoted && scalar.style != .doubleQuoted
    }

    /// The entries of a mapping with its merge keys resolved, as the YAML merge-key type says: keys written in
    /// the mapping override merged ones, and in a list of merged mappings an earlier one overrides a later one.
    /// Merged keys take the place of their `<<` entry, so file order is kept. Merged mappings may merge in turn.
    static func entries(of mapping: Node.Mapping, problems: inout [Problem], depth: Int = 0) -> [Entry] {
        var hasMerge = false
        for (key, _) in mapping where isMergeKey(key) { hasMerge = true; break }
        guard hasMerge else { return mapping.map { Entry(key: $0.key, value: $0.value) } }

        var explicitNames = Set<String>()
        for (key, _) in mapping where !isMergeKey(key) {
            if let name = key.scalar?.string { explicitNames.insert(name) }
        }
        var taken = explicitNames
        var out: [Entry] = []
        for (key, value) in mapping {
            guard isMergeKey(key) else {
                out.append(Entry(key: key, value: value))
                continue
            }
            let sources: [Node]
            switch value {
            case .mapping: sources = [value]
            case .sequence(let sequence): sources = Array(sequence)
            default:
                problems.append(Problem(mark: key.mark, message: "a merge key (<<) takes a mapping or a list of mappings"))
                continue
            }
            for source in sources {
                guard case .mapping(let merged) = source else {
                    problems.append(Problem(mark: source.mark ?? key.mark,
                                            message: "a merge key (<<) takes a mapping or a list of mappings"))
                    continue
                }
                guard depth < 64 else {
                    problems.append(Problem(mark: key.mark, message: "merge keys nest more than 64 levels deep"))
                    continue
                }
                for entry in entries(of: merged, problems: &problems, depth: depth + 1) {
                    if let name = entry.name {
                        guard taken.insert(name).inserted else { continue }
                    }
                    out.append(entry)
                }
            }
        }
        return out
    }
}
