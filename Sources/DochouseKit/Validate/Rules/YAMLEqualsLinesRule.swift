/// `"key" = "value"` lines (HCL or TOML) under a `yaml` fence: YAML has no `=` assignment, so the sample is
/// either a syntax error or a string, never the mapping it looks like.
struct YAMLEqualsLinesRule: SampleRule {
    static let descriptor = RuleDescriptor(id: "yaml.equals-lines", defaultSeverity: .error,
                                           summary: "A YAML sample uses `key = value` lines.")

    func check(_ sample: Sample, context: ValidationContext, report: inout SampleReport) {
        guard sample.syntax == .yaml else { return }
        let lines = Self.equalsLines(in: sample.text)
        guard let first = lines.first else { return }
        let more = lines.count > 1 ? " (and \(lines.count - 1) more line\(lines.count == 2 ? "" : "s"))" : ""
        report.add(Self.descriptor, at: first, "`=` does not assign in YAML\(more); this is not the mapping it looks like",
                   suggestion: "write `key: value`, or mark the fence as hcl or toml if the sample is not YAML")
    }

    /// Positions of the `=` of every `key = value` line.
    static func equalsLines(in text: String) -> [SamplePosition] {
        // Only a line with `=` can be one; most samples have none, and reading every line's scalars and their
        // Unicode properties was 2% of a build.
        guard text.utf8.contains(UInt8(ascii: "=")) else { return [] }
        var positions: [SamplePosition] = []
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let scalars = Array(line.unicodeScalars)
            var i = 0
            while i < scalars.count, scalars[i] == " " || scalars[i] == "\t" { i += 1 }
            if i < scalars.count, scalars[i] == "#" { continue }
            var quoted = false
            if i < scalars.count, scalars[i] == "\"" { quoted = true; i += 1 }
            let keyStart = i
            while i < scalars.count, scalars[i].properties.isAlphabetic || ("0"..."9").contains(scalars[i])
                    || scalars[i] == "_" || scalars[i] == "-" || scalars[i] == "." { i += 1 }
            guard i > keyStart else { continue }
            if quoted { guard i < scalars.count, scalars[i] == "\"" else { continue }; i += 1 }
            while i < scalars.count, scalars[i] == " " || scalars[i] == "\t" { i += 1 }
            guard i < scalars.count, scalars[i] == "=", i + 1 >= scalars.count || scalars[i + 1] != "=" else { continue }
            positions.append(SamplePosition(line: offset + 1, column: i + 1))
        }
        return positions
    }
}
