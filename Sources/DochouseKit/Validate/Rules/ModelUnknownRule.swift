import Foundation

/// `model=NAME` must name a file under `policies/`.
struct ModelUnknownRule: SampleRule {
    static let descriptor = RuleDescriptor(id: "model.unknown", defaultSeverity: .error,
                                           summary: "A sample is bound to a model that does not exist.")

    func check(_ sample: Sample, context: ValidationContext, report: inout SampleReport) {
        guard let name = sample.annotations.model, context.models.models[name] == nil else { return }
        let info = sample.block.info
        let offset = info.range(of: "model=").map { info[..<$0.lowerBound].unicodeScalars.count } ?? 0
        let suggestion = NearMiss.closest(to: name, among: context.models.models.keys).map { "did you mean 'model=\($0)'?" }
        let known = context.models.models.keys.sorted().joined(separator: ", ")
        report.addAtInfo(Self.descriptor, offset: offset + "model=".count,
                         "no model named '\(name)' under policies/\(known.isEmpty ? "" : " (known: \(known))")", suggestion: suggestion)
    }
}
