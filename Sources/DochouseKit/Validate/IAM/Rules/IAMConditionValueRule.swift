/// `iam.condition-value`: `Condition` is an object of operators, each an object of condition keys with a
/// value or a list of values, and the values fit the operator (Bool takes true/false, IpAddress an address or
/// CIDR range, and so on). Values holding a policy variable (`${aws:username}`) are taken as they come.
struct IAMConditionValueRule: SampleRule {
    static let descriptor = RuleDescriptor(
        id: "iam.condition-value", defaultSeverity: .error,
        summary: "A Condition is not shaped operator -> key -> value, or a value does not fit its operator.")

    func check(_ sample: Sample, context: ValidationContext, report: inout SampleReport) {
        guard case .iamPolicy = sample.kind, let policy = sample.policy else { return }
        for statement in policy.statements {
            guard let condition = statement.condition else { continue }
            guard let operators = condition.members else {
                report.add(Self.descriptor, at: condition.position,
                           "Condition must be an object of operators, such as {\"StringEquals\": {\"aws:PrincipalOrgID\": \"o-...\"}}, not \(IAMRuleSupport.describe(condition))")
                continue
            }
            for operatorMember in operators {
                guard let keys = operatorMember.value.members else {
                    report.add(Self.descriptor, at: operatorMember.value.position,
                               "the value of \(operatorMember.key) must be an object of condition keys and values, such as {\"aws:SourceIp\": \"203.0.113.0/24\"}, not \(IAMRuleSupport.describe(operatorMember.value))")
                    continue
                }
                let op = IAMConditionOperator(operatorMember.key)
                for key in keys {
                    check(key, operatorName: operatorMember.key, op: op, report: &report)
                }
            }
        }
    }

    private func check(_ key: SampleMember, operatorName: String, op: IAMConditionOperator?, report: inout SampleReport) {
        var values: [SampleValue] = []
        switch key.value.kind {
        case .string, .number, .bool:
            values = [key.value]
        case .array(let items):
            if items.isEmpty {
                report.add(Self.descriptor, at: key.value.position,
                           "the values of \(key.key) are an empty array, which nothing matches; list at least one value")
            }
            for item in items {
                switch item.kind {
                case .string, .number, .bool:
                    values.append(item)
                default:
                    report.add(Self.descriptor, at: item.position,
                               "each value of \(key.key) must be a string, number or boolean, not \(IAMRuleSupport.describe(item))")
                }
            }
        default:
            report.add(Self.descriptor, at: key.value.position,
                       "the value of \(key.key) must be a string, number, boolean or an array of them, not \(IAMRuleSupport.describe(key.value))")
        }
        for value in values {
            check(value, key: key.key, operatorName: operatorName, op: op, report: &report)
        }
    }

    private func check(_ value: SampleValue, key: String, operatorName: String, op: IAMConditionOperator?,
                       report: inout SampleReport) {
        guard let op, let problem = Self.problem(value, family: op.family) else { return }
        report.add(Self.descriptor, at: value.position, "\(operatorName) needs \(problem.wanted) for \(key), not \(problem.found)",
                   suggestion: problem.example.map { "e.g. \($0)" })
    }

    /// What a value of an operator family must be, when this one is not it.
    static func problem(_ value: SampleValue, family: IAMConditionOperator.Family) -> (wanted: String, found: String, example: String?)? {
        let text: String
        switch value.kind {
        case .string(let string): text = string
        case .number(let number): text = number
        case .bool(let bool): text = bool ? "true" : "false"
        default: return nil
        }
        if text.contains("${") { return nil }
        let found: String = switch value.kind {
        case .string: "'\(text)'"
        case .bool: "the boolean \(text)"
        default: "the number \(text)"
        }
        switch family {
        case .string, .binary:
            return nil
        case .bool, .null:
            if case .bool = value.kind { return nil }
            if case .string = value.kind, ["true", "false"].contains(text.lowercased()) { return nil }
            return ("\"true\" or \"false\"", found, "\"true\"")
        case .numeric:
            if case .bool = value.kind { return ("a number", found, "\"10\"") }
            return IAMConditionValueFormat.isNumber(text) ? nil : ("a number", found, "\"10\"")
        case .date:
            if case .bool = value.kind { return ("a date", found, "\"2024-01-31T00:00:00Z\"") }
            return IAMConditionValueFormat.isDate(text) ? nil
                : ("an ISO 8601 date or an epoch time in seconds", found, "\"2024-01-31T00:00:00Z\"")
        case .ipAddress:
            if case .string = value.kind, IAMConditionValueFormat.isIPAddressOrCIDR(text) { return nil }
            return ("an IPv4 or IPv6 address or CIDR range", found, "\"203.0.113.0/24\"")
        case .arn:
            if case .string = value.kind, text.hasPrefix("arn:") || text == "*" { return nil }
            return ("an ARN (arn:...)", found, "\"arn:aws:iam::ACCOUNT:role/NAME\"")
        }
    }
}
