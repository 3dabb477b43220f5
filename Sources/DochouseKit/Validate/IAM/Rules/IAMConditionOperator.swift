/// A condition operator as IAM reads it: an optional set qualifier (`ForAllValues:`, `ForAnyValue:`),
/// a base operator, and an optional `IfExists` suffix (which `Null` cannot take). Names are matched exactly.
struct IAMConditionOperator: Sendable, Hashable {
    /// What the operator compares, which decides the values it accepts.
    enum Family: Sendable, Hashable {
        case string, numeric, date, bool, binary, ipAddress, arn, null
    }

    var qualifier: String?
    var base: String
    var ifExists: Bool
    var family: Family

    static let qualifiers = ["ForAllValues:", "ForAnyValue:"]

    /// Every base operator of AWS's condition operator reference, in its order.
    static let baseOperators: [(name: String, family: Family)] = [
        ("StringEquals", .string), ("StringNotEquals", .string), ("StringEqualsIgnoreCase", .string),
        ("StringNotEqualsIgnoreCase", .string), ("StringLike", .string), ("StringNotLike", .string),
        ("NumericEquals", .numeric), ("NumericNotEquals", .numeric), ("NumericLessThan", .numeric),
        ("NumericLessThanEquals", .numeric), ("NumericGreaterThan", .numeric), ("NumericGreaterThanEquals", .numeric),
        ("DateEquals", .date), ("DateNotEquals", .date), ("DateLessThan", .date), ("DateLessThanEquals", .date),
        ("DateGreaterThan", .date), ("DateGreaterThanEquals", .date),
        ("Bool", .bool), ("BinaryEquals", .binary), ("IpAddress", .ipAddress), ("NotIpAddress", .ipAddress),
        ("ArnEquals", .arn), ("ArnLike", .arn), ("ArnNotEquals", .arn), ("ArnNotLike", .arn),
        ("Null", .null),
    ]

    private static let familyByName: [String: Family] = Dictionary(
        baseOperators.map { ($0.name, $0.family) }, uniquingKeysWith: { first, _ in first })

    /// Every valid operator name, for "did you mean".
    static let allNames: [String] = {
        var names: [String] = []
        for prefix in [""] + qualifiers {
            for (name, _) in baseOperators {
                names.append(prefix + name)
                if name != "Null" { names.append(prefix + name + "IfExists") }
            }
        }
        return names
    }()

    /// The operator a name spells exactly, or nil.
    init?(_ name: String) {
        var rest = Substring(name)
        var qualifier: String?
        for candidate in Self.qualifiers where rest.hasPrefix(candidate) {
            qualifier = candidate
            rest = rest.dropFirst(candidate.count)
        }
        var ifExists = false
        if rest.hasSuffix("IfExists") {
            ifExists = true
            rest = rest.dropLast("IfExists".count)
        }
        guard let family = Self.familyByName[String(rest)], !(ifExists && rest == "Null") else { return nil }
        self.qualifier = qualifier
        self.base = String(rest)
        self.ifExists = ifExists
        self.family = family
    }
}
