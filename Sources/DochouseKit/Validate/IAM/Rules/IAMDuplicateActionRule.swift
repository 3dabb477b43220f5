/// `iam.duplicate-action`: an action listed twice in one statement (action names ignore case).
struct IAMDuplicateActionRule: SampleRule {
    static let descriptor = RuleDescriptor(
        id: "iam.duplicate-action", defaultSeverity: .warning,
        summary: "A statement lists the same action twice.")

    /// Statements with more entries than this find earlier ones through a dictionary; smaller ones scan,
    /// comparing the hashes of the lowercased names first.
    static let scanLimit = 64

    func check(_ sample: Sample, context: ValidationContext, report: inout SampleReport) {
        sample.forEachStatementsEntries { check($0, report: &report) }
    }

    private func check(_ statement: ArraySlice<ActionEntry>, report: inout SampleReport) {
        var index: [String: Int]?
        if statement.count > Self.scanLimit {
            index = [:]
            index?.reserveCapacity(statement.count)
        }
        for position in statement.indices {
            var earlier: Int?
            if index != nil {
                let folded = statement[position].folded
                earlier = index?[folded]
                if earlier == nil { index?[folded] = position }
            } else {
                // The first earlier entry with the same hash and lowercased text, read in place.
                let hash = statement[position].foldedHash
                var candidate = statement.startIndex
                while candidate < position {
                    if statement[candidate].foldedHash == hash && statement[candidate].folded == statement[position].folded {
                        earlier = candidate
                        break
                    }
                    candidate += 1
                }
            }
            guard let earlier else { continue }
            let entry = statement[position], first = statement[earlier]
            let same = first.text == entry.text ? "" : " (as '\(first.text)'; action names ignore case)"
            report.add(Self.descriptor, at: entry.position,
                       "'\(entry.text)' is already listed in this statement\(same); remove the repeated entry",
                       notes: [DiagnosticNote(location: report.sourceMap.location(first.position), message: "first listed here")])
        }
    }
}
