/// A normal form of a sample value for comparisons: keys sorted, action and resource lists sorted, action
/// names lowercased, numbers and strings as written. One line per leaf, so differences read as a diff.
enum CanonicalValue {
    static let unorderedKeys: Set<String> = ["Action", "NotAction", "Resource", "NotResource"]

    static func lines(of value: SampleValue) -> [String] {
        var out: [String] = []
        append(value, path: "", key: nil, into: &out)
        return out
    }

    private static func append(_ value: SampleValue, path: String, key: String?, into out: inout [String]) {
        switch value.kind {
        case .object(let members):
            if members.isEmpty { out.append("\(path) = {}") }
            for member in members.sorted(by: { $0.key < $1.key }) {
                append(member.value, path: path.isEmpty ? member.key : path + "." + member.key, key: member.key, into: &out)
            }
        case .array(let items):
            if items.isEmpty { out.append("\(path) = []") }
            if let key, unorderedKeys.contains(key), items.allSatisfy({ $0.stringValue != nil }) {
                let texts = items.compactMap(\.stringValue).map { key.hasSuffix("Action") ? $0.lowercased() : $0 }.sorted()
                for text in texts { out.append("\(path)[] = \"\(text)\"") }
            } else {
                for (index, item) in items.enumerated() { append(item, path: "\(path)[\(index)]", key: nil, into: &out) }
            }
        case .string(let text):
            if let key, unorderedKeys.contains(key) {
                // A single string equals a one-element list.
                out.append("\(path)[] = \"\(key.hasSuffix("Action") ? text.lowercased() : text)\"")
            } else {
                out.append("\(path) = \"\(text)\"")
            }
        case .number(let text): out.append("\(path) = \(text)")
        case .bool(let flag): out.append("\(path) = \(flag)")
        case .null: out.append("\(path) = null")
        }
    }
}

/// A small line diff (longest common subsequence), printed with `-` and `+` prefixes.
enum LineDiff {
    static func unified(from old: [String], to new: [String]) -> String {
        let n = old.count, m = new.count
        guard n * m <= 4_000_000 else {
            return (old.map { "- " + $0 } + new.map { "+ " + $0 }).joined(separator: "\n")
        }
        var table = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                table[i][j] = old[i] == new[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var lines: [String] = []
        var i = 0, j = 0
        while i < n || j < m {
            if i < n, j < m, old[i] == new[j] { i += 1; j += 1 }
            else if i < n, j == m || table[i + 1][j] >= table[i][j + 1] { lines.append("- " + old[i]); i += 1 }
            else { lines.append("+ " + new[j]); j += 1 }
        }
        return lines.joined(separator: "\n")
    }
}
