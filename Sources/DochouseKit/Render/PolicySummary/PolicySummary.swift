/// What an IAM policy sample grants, in the page's language, from the IAM catalog: for each statement one
/// sentence (effect, to whom, how many actions of which access level, on what), and a table of its actions with
/// their access level and whether they can be scoped to a resource. Rendered under the sample as a closed
/// `<details>`, so it costs nothing to readers who do not open it and needs no script.
struct PolicySummary {
    struct ActionRow: Sendable, Hashable {
        /// As the policy writes it (`ecr:BatchGetImage`, `ecr:Describe*`).
        var written: String
        /// Access levels of the actions it stands for (one for a plain action; several for a wildcard).
        var levels: [IAMAccessLevel]
        /// How many catalog actions it stands for (0: unknown to the catalog).
        var matches: Int
        /// Resource types the action can be scoped to (for a wildcard: those of all its actions).
        var resourceTypes: [String]
        /// True when some of the actions it stands for only work with `"Resource": "*"`.
        var needsStar: Bool
        /// How many of its actions have each access level.
        var levelCounts: LevelCounts
    }

    /// A count per access level, held inline: no dictionary (nor array) allocated per action row.
    struct LevelCounts: Sendable, Hashable {
        private var list = 0, read = 0, write = 0, permissionsManagement = 0, tagging = 0

        subscript(level: IAMAccessLevel) -> Int {
            get {
                switch level {
                case .list: list
                case .read: read
                case .write: write
                case .permissionsManagement: permissionsManagement
                case .tagging: tagging
                }
            }
            set {
                switch level {
                case .list: list = newValue
                case .read: read = newValue
                case .write: write = newValue
                case .permissionsManagement: permissionsManagement = newValue
                case .tagging: tagging = newValue
                }
            }
        }

        /// The levels with a count above zero, in `IAMAccessLevel.allCases` order.
        var nonZero: [(level: IAMAccessLevel, count: Int)] {
            IAMAccessLevel.allCases.compactMap { level in self[level] > 0 ? (level, self[level]) : nil }
        }

        mutating func add(_ other: LevelCounts) {
            for level in IAMAccessLevel.allCases { self[level] += other[level] }
        }
    }

    struct Statement: Sendable, Hashable {
        var sid: String?
        var allows: Bool
        var isNotAction: Bool
        var principals: [String]
        var resources: [String]
        var hasResource: Bool
        var isNotResource: Bool
        var actions: [ActionRow]
    }

    var statements: [Statement]
    var isResourceBased: Bool

    init(_ policy: IAMPolicyDocument, catalog: IAMCatalog) {
        let rows = policy.statements.map { statement in
            statement.actionEntries.map { entry -> ActionRow in
                let found = entry.text.utf8.contains(UInt8(ascii: "*")) || entry.text.utf8.contains(UInt8(ascii: "?"))
                    ? catalog.actions(matching: entry.text) : (catalog.action(entry.text).map { [$0] } ?? [])
                return Self.row(written: entry.text, found: found)
            }
        }
        self.init(policy, rows: rows)
    }

    /// The summary of a policy sample, reusing the catalog's answers the rules already have for its literal
    /// actions (`IAMEntryFacts`): looking each action up again by its text was ~1.4% of a build. The sample's
    /// entries are its statements' entries in order (`Sample.computeActionEntries`); `PolicySummaryTests` holds
    /// this to the text lookups on generated policies.
    init(sample: Sample, policy: IAMPolicyDocument, catalog: IAMCatalog) {
        let entries = sample.actionEntries
        let facts = sample.entryFacts(catalog)
        var rows = [[ActionRow]](repeating: [], count: policy.statements.count)
        for index in entries.indices {
            guard let statement = entries[index].statementIndex, statement < rows.count else { continue }
            let found: [IAMAction]
            if entries[index].hasWildcard {
                found = catalog.actions(matching: entries[index].text)
            } else if let service = facts.entries[index].service, let action = facts.entries[index].action {
                found = [service.action(at: action)]
            } else {
                found = []
            }
            rows[statement].append(Self.row(written: entries[index].text, found: found))
        }
        self.init(policy, rows: rows)
    }

    private static func row(written: String, found: [IAMAction]) -> ActionRow {
        var levels: [IAMAccessLevel] = []
        for level in IAMAccessLevel.allCases where found.contains(where: { $0.accessLevel == level }) { levels.append(level) }
        var types: [String] = []
        for action in found { for type in action.resourceTypes where !types.contains(type.name) { types.append(type.name) } }
        var counts = LevelCounts()
        for action in found { counts[action.accessLevel] += 1 }
        return ActionRow(written: written, levels: levels, matches: found.count, resourceTypes: types,
                         needsStar: found.contains { !$0.hasResourceTypes }, levelCounts: counts)
    }

    /// `rows`: each statement's action rows.
    private init(_ policy: IAMPolicyDocument, rows: [[ActionRow]]) {
        isResourceBased = policy.isResourceBased
        statements = zip(policy.statements, rows).map { statement, actions in
            Statement(sid: statement.sid?.stringValue, allows: statement.effect?.stringValue != "Deny",
                             isNotAction: statement.action == nil && statement.notAction != nil,
                             principals: Self.principals(statement.principal ?? statement.notPrincipal),
                             resources: statement.resourceEntries.map(\.text),
                             hasResource: statement.resource != nil || statement.notResource != nil,
                             isNotResource: statement.resource == nil && statement.notResource != nil,
                             actions: actions)
        }
    }

    /// The principal's values as written: `"*"`, ARNs, account ids, service names.
    static func principals(_ value: SampleValue?) -> [String] {
        guard let value else { return [] }
        if let text = value.stringValue { return [text] }
        var out: [String] = []
        for member in value.members ?? [] {
            out += IAMStatement.strings(in: member.value).map(\.text)
        }
        return out
    }

    // MARK: Rendering

    func html(language: String) -> String {
        var out = HTMLBuffer()
        write(language: language, into: &out)
        return out.string
    }

    /// Appends the summary's HTML (what `html` returns) to `out`.
    func write(language: String, into out: inout HTMLBuffer) {
        let words = PolicySummaryWords(language: language)
        out.raw("<details class=\"policy-summary\">\n<summary>")
        out.escaped(words.title)
        out.raw("</summary>\n")
        for statement in statements {
            out.raw("<div class=\"policy-statement\">\n<p>")
            words.writeSentence(statement, resourceBased: isResourceBased, into: &out)
            out.raw("</p>\n")
            guard !statement.actions.isEmpty else { out.raw("</div>\n"); continue }
            out.raw("<div class=\"table-wrapper\"><table>\n<thead><tr><th scope=\"col\">")
            out.escaped(words.actionColumn)
            out.raw("</th><th scope=\"col\">")
            out.escaped(words.levelColumn)
            out.raw("</th><th scope=\"col\">")
            out.escaped(words.scopeColumn)
            out.raw("</th></tr></thead>\n<tbody>\n")
            for row in statement.actions {
                out.raw("<tr><td><code>")
                out.escaped(row.written)
                out.raw("</code>")
                if row.matches > 1 {
                    out.raw(" <span class=\"policy-matches\">")
                    out.escaped(words.matches(row.matches))
                    out.raw("</span>")
                }
                out.raw("</td><td>")
                if row.matches == 0 {
                    out.raw("<span class=\"access-level access-unknown\">")
                    out.escaped(words.unknown)
                    out.raw("</span>")
                } else {
                    for (index, level) in row.levels.enumerated() {
                        if index > 0 { out.raw(" ") }
                        out.raw("<span class=\"access-level access-")
                        out.raw(Self.slug(level))
                        out.raw("\">")
                        out.escaped(words.level(level))
                        out.raw("</span>")
                    }
                }
                out.raw("</td><td>")
                words.writeScope(row, resourceBased: isResourceBased, into: &out)
                out.raw("</td></tr>\n")
            }
            out.raw("</tbody>\n</table></div>\n</div>\n")
        }
        out.raw("</details>\n")
    }

    static func slug(_ level: IAMAccessLevel) -> String {
        switch level {
        case .list: "list"
        case .read: "read"
        case .write: "write"
        case .permissionsManagement: "permissions"
        case .tagging: "tagging"
        }
    }
}
