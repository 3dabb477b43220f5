/// The words of a policy summary in English and Russian (access levels as the AWS console names them in each).
/// Sentences are built from escaped parts; values from the sample (ARNs, names) always go through `HTMLEscaping`.
struct PolicySummaryWords {
    let russian: Bool

    init(language: String) { russian = language == "ru" }

    var title: String { russian ? "Что разрешает эта политика" : "What this policy grants" }
    var actionColumn: String { russian ? "Действие" : "Action" }
    var levelColumn: String { russian ? "Уровень доступа" : "Access level" }
    var scopeColumn: String { russian ? "Ограничение ресурсом" : "Scoped to a resource" }
    var unknown: String { russian ? "нет в каталоге" : "not in the catalog" }

    func level(_ level: IAMAccessLevel) -> String { russian ? level.russianName : level.displayName }

    func matches(_ count: Int) -> String {
        russian ? "(\(count) \(Self.russianPlural(count, "действие", "действия", "действий")))" : "(\(count) actions)"
    }

    /// Whether the action can be limited to specific resources, and to which types.
    /// In a resource policy, an action without resource types cannot be granted at all, and the cell says so.
    func writeScope(_ row: PolicySummary.ActionRow, resourceBased: Bool, into out: inout HTMLBuffer) {
        if row.matches == 0 { out.raw("—"); return }
        if row.resourceTypes.isEmpty {
            out.raw("<span class=\"scope-none\">")
            if resourceBased {
                out.raw(russian ? "нет: политика ресурса не может его разрешить" : "no: a resource policy cannot grant it")
            } else {
                out.raw(russian ? "нет, только " : "no, only ")
                out.raw("<code>\"Resource\": \"*\"</code>")
            }
            out.raw("</span>")
            return
        }
        if row.needsStar { out.raw(russian ? "частично: " : "partly: ") } else { out.raw(russian ? "да: " : "yes: ") }
        for (index, type) in row.resourceTypes.enumerated() {
            if index > 0 { out.raw(", ") }
            code(type, into: &out)
        }
    }

    /// One sentence: what the statement does, to whom, how many actions of which levels, on what.
    func writeSentence(_ statement: PolicySummary.Statement, resourceBased: Bool, into out: inout HTMLBuffer) {
        if let sid = statement.sid, !sid.isEmpty {
            out.raw("<strong>")
            out.escaped(sid)
            out.raw("</strong>: ")
        }
        // The verb starts the sentence (after the Sid, if any), so it is capitalised.
        if russian {
            out.raw(statement.allows ? "Разрешает " : "Запрещает ")
            principals(statement.principals, resourceBased: resourceBased, into: &out)
            out.raw(" ")
        } else if statement.allows {
            out.raw("Lets ")
            principals(statement.principals, resourceBased: resourceBased, into: &out)
            out.raw(" perform ")
        } else {
            out.raw("Denies ")
            principals(statement.principals, resourceBased: resourceBased, into: &out)
            out.raw(" ")
        }
        actions(statement, into: &out)
        out.raw(" ")
        resources(statement, resourceBased: resourceBased, into: &out)
        out.raw(".")
    }

    private func principals(_ values: [String], resourceBased: Bool, into out: inout HTMLBuffer) {
        if values.isEmpty {
            out.raw(resourceBased ? (russian ? "никому не указанному" : "no named principal")
                : (russian ? "тем, к кому привязана политика," : "the identities this policy is attached to"))
            return
        }
        join(values, into: &out) { value, out in principal(value, into: &out) }
    }

    private func principal(_ value: String, into out: inout HTMLBuffer) {
        if value == "*" { out.raw(russian ? "любому (<code>*</code>)" : "anyone (<code>*</code>)"); return }
        if value.hasSuffix(".amazonaws.com") {
            out.raw(russian ? "сервису " : "the service ")
            code(value, into: &out)
            return
        }
        if value.count == 12, value.allSatisfy(\.isNumber) {
            out.raw(russian ? "аккаунту " : "account ")
            code(value, into: &out)
            return
        }
        let parts = value.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        if parts.count == 6, parts[0] == "arn", parts[2] == "iam" {
            let account = String(parts[4])
            let resource = parts[5]
            if resource == "root" {
                out.raw(russian ? "аккаунту " : "account ")
                code(account, into: &out)
                return
            }
            if let slash = resource.firstIndex(of: "/") {
                let lead: StaticString?
                switch resource[..<slash] {
                case "role": lead = russian ? "роли IAM " : "the IAM role "
                case "user": lead = russian ? "пользователю IAM " : "the IAM user "
                case "assumed-role": lead = russian ? "сеансу роли " : "sessions of the role "
                default: lead = nil
                }
                if let lead {
                    out.raw(lead)
                    code(String(resource[resource.index(after: slash)...]), into: &out)
                    out.raw(russian ? " (аккаунт " : " (account ")
                    code(account, into: &out)
                    out.raw(")")
                    return
                }
            }
        }
        code(value, into: &out)
    }

    private func actions(_ statement: PolicySummary.Statement, into out: inout HTMLBuffer) {
        let total = statement.actions.reduce(0) { $0 + max($1.matches, 1) }
        var counts = PolicySummary.LevelCounts()
        for row in statement.actions { counts.add(row.levelCounts) }
        let unknown = statement.actions.filter { $0.matches == 0 }.count
        if statement.isNotAction {
            out.raw(russian ? "все действия, кроме " : "every action except ")
            out.decimal(total)
        } else {
            out.decimal(total)
            out.raw(" ")
            if russian {
                out.escaped(Self.russianPlural(total, "действие", "действия", "действий"))
            } else {
                out.raw(total == 1 ? "action" : "actions")
            }
        }
        let levels = counts.nonZero
        guard !levels.isEmpty || unknown > 0 else { return }
        out.raw(" (")
        for (index, (level, count)) in levels.enumerated() {
            if index > 0 { out.raw(", ") }
            if russian {
                out.escaped(level.russianName)
                out.raw(": ")
                out.decimal(count)
            } else {
                out.decimal(count)
                out.raw(" ")
                out.escaped(level.displayName)
            }
        }
        if unknown > 0 {
            if !levels.isEmpty { out.raw(", ") }
            if russian {
                out.raw("нет в каталоге: ")
                out.decimal(unknown)
            } else {
                out.decimal(unknown)
                out.raw(" not in the catalog")
            }
        }
        out.raw(")")
    }

    private func resources(_ statement: PolicySummary.Statement, resourceBased: Bool, into out: inout HTMLBuffer) {
        if !statement.hasResource {
            out.raw(resourceBased ? (russian ? "на ресурсе, к которому привязана политика" : "on the resource this policy is attached to")
                : (russian ? "без указания ресурсов" : "without naming a resource"))
            return
        }
        if statement.resources == ["*"] && !statement.isNotResource {
            out.raw(russian ? "на всех ресурсах" : "on all resources")
            return
        }
        if statement.isNotResource {
            out.raw(russian ? "на всех ресурсах, кроме " : "on every resource except ")
        } else {
            out.raw(russian ? "на " : "on ")
        }
        join(statement.resources, into: &out) { resource, out in code(resource, into: &out) }
    }

    /// `<code>value</code>`, the value escaped.
    private func code(_ value: String, into out: inout HTMLBuffer) {
        out.raw("<code>")
        out.escaped(value)
        out.raw("</code>")
    }

    /// `a`, `a and b`, `a, b and c`: each part written by `part`.
    private func join(_ parts: [String], into out: inout HTMLBuffer, _ part: (String, inout HTMLBuffer) -> Void) {
        for (index, value) in parts.enumerated() {
            if index > 0 { out.raw(index == parts.count - 1 ? (russian ? " и " : " and ") : ", ") }
            part(value, &out)
        }
    }

    static func russianPlural(_ n: Int, _ one: String, _ few: String, _ many: String) -> String {
        let tens = n % 100, units = n % 10
        if tens >= 11 && tens <= 14 { return many }
        if units == 1 { return one }
        if units >= 2 && units <= 4 { return few }
        return many
    }
}
