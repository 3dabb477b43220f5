/// An Amazon Resource Name split into its parts: `arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE`.
/// Offsets count Unicode scalars from the start of the ARN's text, so a rule can point at one part.
struct ARN: Sendable, Hashable {
    var partition: String
    var service: String
    var region: String
    var account: String
    /// Everything after the fifth colon (`role/xxx-node`, `log-group:name:*`).
    var resource: String
    var partitionOffset: Int
    var serviceOffset: Int
    var regionOffset: Int
    var accountOffset: Int
    var resourceOffset: Int
}

/// What makes a text not a well-formed ARN, and where (a scalar offset into the text).
struct ARNProblem: Error, Sendable, Hashable {
    var offset: Int
    var message: String
}

/// Reads ARNs as policies write them: wildcards (`*`, `?`), policy variables (`${aws:username}`) and
/// placeholders (`xxx`, `<ACCOUNT_ID>`) are allowed in any part, since a sample may generalise any of them.
/// Pure and total: any input gives an ARN or a problem, never a trap.
enum ARNParser {
    static let partitions = ["aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b"]

    /// Splits at the first five colons (not those inside a `${aws:...}` variable); nil unless the text starts
    /// with `arn:` and has all six parts.
    static func split(_ text: String) -> ARN? {
        // ASCII (nearly every ARN): a byte is a scalar, so the same walk on bytes gives the same parts and offsets.
        var contiguous = text
        if let ascii = contiguous.withUTF8({ splitASCII($0) }) { return ascii }
        return splitScalars(text)
    }

    /// `split` on ASCII bytes; nil when the text is not ASCII (the answer is then `splitScalars`'s).
    private static func splitASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> ARN?? {
        // The five colons' offsets, without arrays: an ARN's parts are short, so its strings are small (inline).
        var colons = (0, 0, 0, 0, 0)
        var found = 0
        var inVariable = false
        for index in 0..<bytes.count {
            let byte = bytes[index]
            if byte >= 0x80 { return nil }
            if byte == UInt8(ascii: "{"), index > 0, bytes[index - 1] == UInt8(ascii: "$") {
                inVariable = true
            } else if byte == UInt8(ascii: "}") {
                inVariable = false
            }
            if byte == UInt8(ascii: ":") && found < 5 && !inVariable {
                switch found {
                case 0: colons.0 = index
                case 1: colons.1 = index
                case 2: colons.2 = index
                case 3: colons.3 = index
                default: colons.4 = index
                }
                found += 1
            }
        }
        guard found == 5, colons.0 == 3, bytes[0] == UInt8(ascii: "a"), bytes[1] == UInt8(ascii: "r"),
              bytes[2] == UInt8(ascii: "n") else { return .some(nil) }
        func part(_ start: Int, _ end: Int) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
        return ARN(partition: part(colons.0 + 1, colons.1), service: part(colons.1 + 1, colons.2),
                   region: part(colons.2 + 1, colons.3), account: part(colons.3 + 1, colons.4),
                   resource: part(colons.4 + 1, bytes.count),
                   partitionOffset: colons.0 + 1, serviceOffset: colons.1 + 1, regionOffset: colons.2 + 1,
                   accountOffset: colons.3 + 1, resourceOffset: colons.4 + 1)
    }

    /// `split` by Unicode scalars, for any text (the tests compare the byte reading with it).
    static func splitScalars(_ text: String) -> ARN? {
        let scalars = Array(text.unicodeScalars)
        var parts: [String] = []
        var offsets: [Int] = []
        var current = String.UnicodeScalarView()
        var start = 0
        var inVariable = false
        for (index, scalar) in scalars.enumerated() {
            if scalar == "{", index > 0, scalars[index - 1] == "$" {
                inVariable = true
            } else if scalar == "}" {
                inVariable = false
            }
            if scalar == ":" && parts.count < 5 && !inVariable {
                parts.append(String(current))
                offsets.append(start)
                current = String.UnicodeScalarView()
                start = index + 1
            } else {
                current.append(scalar)
            }
        }
        guard parts.count == 5, parts[0] == "arn" else { return nil }
        return ARN(partition: parts[1], service: parts[2], region: parts[3], account: parts[4], resource: String(current),
                   partitionOffset: offsets[1], serviceOffset: offsets[2], regionOffset: offsets[3],
                   accountOffset: offsets[4], resourceOffset: start)
    }

    /// The ARN, or what is wrong with it.
    static func parse(_ text: String) -> Result<ARN, ARNProblem> {
        guard text.hasPrefix("arn:") else {
            if text.lowercased().hasPrefix("arn:") {
                return .failure(ARNProblem(offset: 0, message: "an ARN starts with lowercase 'arn:'"))
            }
            return .failure(ARNProblem(offset: 0, message: "it does not start with 'arn:'"))
        }
        guard let arn = split(text) else {
            let colons = text.unicodeScalars.filter { $0 == ":" }.count
            return .failure(ARNProblem(offset: 0, message:
                "an ARN has six parts, arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE, but this one has \(colons + 1)"))
        }
        if !isGeneric(arn.partition) && !partitions.contains(arn.partition) {
            let hint = NearMiss.closest(to: arn.partition, among: partitions).map { " (did you mean '\($0)'?)" } ?? ""
            return .failure(ARNProblem(offset: arn.partitionOffset, message:
                "the partition '\(arn.partition)' is not one of \(partitions.joined(separator: ", "))\(hint)"))
        }
        if arn.service.isEmpty {
            return .failure(ARNProblem(offset: arn.serviceOffset, message: "the service part is empty"))
        }
        if !isGeneric(arn.service) && !isName(arn.service) {
            return .failure(ARNProblem(offset: arn.serviceOffset, message:
                "the service part '\(arn.service)' is not a service prefix (lowercase letters, digits and '-')"))
        }
        if !arn.region.isEmpty && !isGeneric(arn.region) && !isName(arn.region) {
            return .failure(ARNProblem(offset: arn.regionOffset, message:
                "the region part '\(arn.region)' is not a region name such as us-east-1"))
        }
        if !isAccount(arn.account) {
            return .failure(ARNProblem(offset: arn.accountOffset, message:
                "the account part '\(arn.account)' is not a 12-digit account ID"))
        }
        if arn.resource.isEmpty {
            return .failure(ARNProblem(offset: arn.resourceOffset, message: "the resource part is empty"))
        }
        return .success(arn)
    }

    /// Whether a text is a 12-digit AWS account ID.
    static func isAccountID(_ text: String) -> Bool {
        // Twelve ASCII digits are twelve bytes, and twelve bytes that are digits are twelve scalars.
        text.utf8.count == 12 && text.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }
    }

    /// Account parts a well-formed ARN may have: 12 digits, empty (S3), `aws` (AWS managed policies),
    /// a wildcard pattern of digits, a policy variable or a placeholder.
    private static func isAccount(_ text: String) -> Bool {
        if text.isEmpty || text == "aws" || isAccountID(text) || IAMPlaceholder.isPlaceholderAccount(text) { return true }
        if IAMPlaceholder.isPolicyVariable(text) { return true }
        return IAMRuleSupport.hasWildcard(text) && text.unicodeScalars.count <= 12
            && text.unicodeScalars.allSatisfy { ($0.value >= 48 && $0.value <= 57) || $0 == "*" || $0 == "?" }
    }

    /// A part written generically: a wildcard, a policy variable or a placeholder.
    private static func isGeneric(_ text: String) -> Bool {
        IAMRuleSupport.hasWildcard(text) || containsVariableOrAngle(text) || IAMPlaceholder.isPlaceholderAccount(text)
    }

    /// `text.contains("${") || text.contains("<")`; on bytes for ASCII text (Foundation's search otherwise).
    private static func containsVariableOrAngle(_ text: String) -> Bool {
        let utf8 = text.utf8
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return text.contains("${") || text.contains("<") }
        var previous: UInt8 = 0
        for byte in utf8 {
            if byte == UInt8(ascii: "<") || (previous == UInt8(ascii: "$") && byte == UInt8(ascii: "{")) { return true }
            previous = byte
        }
        return false
    }

    private static func isName(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy {
            ($0.value >= 97 && $0.value <= 122) || ($0.value >= 48 && $0.value <= 57) || $0 == "-"
        }
    }
}
