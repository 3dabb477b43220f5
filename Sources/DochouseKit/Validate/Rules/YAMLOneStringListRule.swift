/// Lines of `service:Action` under a `yaml` fence look like a list, but YAML reads them as one multi-line
/// plain string ("ec2:DescribeTags ec2:DescribeInstances"). Whoever copies it into a configuration gets a
/// single bogus action.
struct YAMLOneStringListRule: SampleRule {
    static let descriptor = RuleDescriptor(id: "yaml.one-string-list", defaultSeverity: .error,
                                           summary: "Lines that look like a list of actions are one YAML string.")

    func check(_ sample: Sample, context: ValidationContext, report: inout SampleReport) {
        guard sample.kind == .actionList, sample.syntax == .yaml, let value = sample.value,
              case .string(let text) = value.kind else { return }
        let entries = sample.actionEntries
        guard entries.count > 1 else { return }
        let listed = entries.map { "- " + $0.text }.joined(separator: "\n")
        report.add(Self.descriptor, at: value.position,
                   "YAML reads these \(entries.count) lines as one string, '\(text)', not as a list of \(entries.count) actions",
                   suggestion: "write each action as a list item (\(listed.split(separator: "\n").first ?? "")), or use a ```text fence if this is not YAML",
                   replacing: (SamplePosition(line: 1, column: 1), endPosition(of: sample.text)), with: listed)
    }

    /// The position just after the last character of the text (its trailing newline excluded).
    private func endPosition(of text: String) -> SamplePosition {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var lastIndex = lines.count - 1
        while lastIndex > 0, lines[lastIndex].isEmpty { lastIndex -= 1 }
        return SamplePosition(line: lastIndex + 1, column: lines[lastIndex].unicodeScalars.count + 1)
    }
}
