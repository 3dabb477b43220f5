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
    func scope(_ row: PolicySummary.ActionRow, resourceBased: Bool) -> String {
        if row.matches == 0 { return "—" }
        let types = row.resourceTypes.map { "<code>" + HTMLEscaping.escape($0) + "</code>" }.joined(separator: ", ")
        let star = "<code>\"Resource\": \"*\"</code>"
        if row.resourceTypes.isEmpty && resourceBased {
            return "<span class=\"scope-none\">" + (russian ? "нет: политика ресурса не может его разрешить"
                : "no: a resource policy cannot grant it") + "</span>"
        }
        if row.resourceTypes.isEmpty {
            return "<span class=\"scope-none\">" + (russian ? "нет, только " : "no, only ") + star + "</span>"
        }
        if row.needsStar { return (russian ? "частично: " : "partly: ") + types }
        return (russian ? "да: " : "yes: ") + types
    }

    /// One sentence: what the statement does, to whom, how many actions of which levels, on what.
    func sentence(_ statement: PolicySummary.Statement, resourceBased: Bool) -> String {
        var out = ""
        if let sid = statement.sid, !sid.isEmpty { out += "<strong>" + HTMLEscaping.escape(sid) + "</strong>: " }
        let who = principals(statement.principals, resourceBased: resourceBased)
        let what = actions(statement)
        let on = resources(statement, resourceBased: resourceBased)
        // The verb starts the sentence (after the Sid, if any), so it is capitalised.
        if russian {
            out += (statement.allows ? "Разрешает " : "Запрещает ") + who + " " + what + " " + on + "."
        } else {
            out += statement.allows ? "Lets " + who + " perform " + what + " " + on + "."
                : "Denies " + who + " " + what + " " + on + "."
        }
        return out
    }

    private func principals(_ values: [String], resourceBased: Bool) -> String {
        if values.isEmpty {
            return resourceBased ? (russian ? "никому не указанному" : "no named principal")
                : (russian ? "тем, к кому привязана политика," : "the identities this policy is attached to")
        }
        let described = values.map(principal)
        return join(described)
    }

    private func principal(_ value: String) -> String {
        let code = "<code>" + HTMLEscaping.escape(value) + "</code>"
        if value == "*" { return russian ? "любому (<code>*</code>)" : "anyone (<code>*</code>)" }
        if value.hasSuffix(".amazonaws.com") { return (russian ? "сервису " : "the service ") + code }
        if value.count == 12, value.allSatisfy(\.isNumber) { return (russian ? "аккаунту " : "account ") + code }
        let parts = value.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        if parts.count == 6, parts[0] == "arn", parts[2] == "iam" {
            let account = "<code>" + HTMLEscaping.escape(String(parts[4])) + "</code>"
            let resource = parts[5]
            if resource == "root" { return (russian ? "аккаунту " : "account ") + account }
            if let slash = resource.firstIndex(of: "/") {
                let type = resource[..<slash]
                let name = "<code>" + HTMLEscaping.escape(String(resource[resource.index(after: slash)...])) + "</code>"
                let account = russian ? " (аккаунт " + account + ")" : " (account " + account + ")"
                switch type {
                case "role": return (russian ? "роли IAM " : "the IAM role ") + name + account
                case "user": return (russian ? "пользователю IAM " : "the IAM user ") + name + account
                case "assumed-role": return (russian ? "сеансу роли " : "sessions of the role ") + name + account
                default: break
                }
            }
        }
        return code
    }

    private func actions(_ statement: PolicySummary.Statement) -> String {
        let total = statement.actions.reduce(0) { $0 + max($1.matches, 1) }
        var counts = PolicySummary.LevelCounts()
        for row in statement.actions { counts.add(row.levelCounts) }
        let unknown = statement.actions.filter { $0.matches == 0 }.count
        var parts = counts.nonZero.map { level, count in
            russian ? "\(level.russianName): \(count)" : "\(count) \(level.displayName)"
        }
        if unknown > 0 { parts.append(russian ? "нет в каталоге: \(unknown)" : "\(unknown) not in the catalog") }
        let detail = parts.isEmpty ? "" : " (" + HTMLEscaping.escape(parts.joined(separator: ", ")) + ")"
        if statement.isNotAction {
            return russian ? "все действия, кроме \(total)" + detail : "every action except \(total)" + detail
        }
        return russian ? "\(total) \(Self.russianPlural(total, "действие", "действия", "действий"))" + detail
            : "\(total) \(total == 1 ? "action" : "actions")" + detail
    }

    private func resources(_ statement: PolicySummary.Statement, resourceBased: Bool) -> String {
        if !statement.hasResource {
            return resourceBased ? (russian ? "на ресурсе, к которому привязана политика" : "on the resource this policy is attached to")
                : (russian ? "без указания ресурсов" : "without naming a resource")
        }
        if statement.resources == ["*"] && !statement.isNotResource { return russian ? "на всех ресурсах" : "on all resources" }
        let list = join(statement.resources.map { "<code>" + HTMLEscaping.escape($0) + "</code>" })
        if statement.isNotResource { return (russian ? "на всех ресурсах, кроме " : "on every resource except ") + list }
        return (russian ? "на " : "on ") + list
    }

    private func join(_ parts: [String]) -> String {
        guard parts.count > 1, let last = parts.last else { return parts.first ?? "" }
        return parts.dropLast().joined(separator: ", ") + (russian ? " и " : " and ") + last
    }

    static func russianPlural(_ n: Int, _ one: String, _ few: String, _ many: String) -> String {
        let tens = n % 100, units = n % 10
        if tens >= 11 && tens <= 14 { return many }
        if units == 1 { return one }
        if units >= 2 && units <= 4 { return few }
        return many
    }
}
