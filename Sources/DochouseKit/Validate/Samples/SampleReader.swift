/// Turns a page's fenced code blocks into samples: reads the annotations, parses the text as JSON or YAML,
/// and decides what kind of sample it is. Blocks in other languages are not samples.
enum SampleReader {
    /// Fence languages that are samples without an annotation.
    static let sampleLanguages: Set<String> = ["json", "yaml", "yml", "jsonc"]

    struct Output: Sendable {
        var samples: [Sample]
        var optedOut: Int
        var annotationProblems: [Diagnostic]
    }

    static let unknownAnnotation = RuleDescriptor(
        id: "sample.annotation", defaultSeverity: .error, summary: "A fence's info string has an unknown annotation or value.")

    static func read(_ page: Page, models: ModelRegistry, limits: ContentLimits = .default) -> Output {
        var output = Output(samples: [], optedOut: 0, annotationProblems: [])
        var counted = 0
        for (index, block) in page.codeBlocks.enumerated() where block.isFenced {
            let (annotations, problems) = SampleAnnotations.parse(block.info)
            if !problems.isEmpty {
                let map = SampleSourceMap(file: page.source, block: block)
                for problem in problems {
                    output.annotationProblems.append(Diagnostic(rule: unknownAnnotation, message: problem.message,
                                                                at: map.infoLocation(offset: problem.offset), suggestion: problem.suggestion))
                }
            }
            let annotated = annotations.policy != nil || annotations.schemaKind != nil || annotations.model != nil
            guard sampleLanguages.contains(annotations.language) || annotated else { continue }
            if annotations.checkOff {
                output.optedOut += 1
                continue
            }
            // Made only for samples: it indexes the block's lines.
            let map = SampleSourceMap(file: page.source, block: block)
            counted += 1
            if counted > limits.maxSamplesPerPage {
                output.annotationProblems.append(Diagnostic(
                    rule: BuildRules.tooManySamples,
                    message: "page has more than \(limits.maxSamplesPerPage) samples (limits.samplesPerPage in site.yaml); this one and the rest are not checked",
                    at: map.infoLocation(offset: 0), suggestion: "split the page, or raise limits.samplesPerPage"))
                break
            }
            output.samples.append(sample(index: index, block: block, annotations: annotations, map: map, models: models,
                                         maxLineBytes: limits.maxSampleLineBytes))
        }
        return output
    }

    static func sample(index: Int, block: CodeBlock, annotations: SampleAnnotations, map: SampleSourceMap,
                       models: ModelRegistry, maxLineBytes: Int = ContentLimits.default.maxSampleLineBytes) -> Sample {
        let text = block.literal
        if let long = longLine(in: text, maxBytes: maxLineBytes) {
            // Not parsed: every reader, rule and diagnostic quoting the line would pay for its length.
            var sample = Sample(index: index, block: block, annotations: annotations,
                                syntax: annotations.language.hasPrefix("json") ? .json : .yaml, kind: .data, value: nil, sourceMap: map)
            sample.syntaxError = .init(position: SamplePosition(line: long.line, column: 1),
                                       message: "line \(long.line) of the sample is \(long.bytes) bytes long, more than the limit of \(maxLineBytes) (limits.sampleLineLength in site.yaml); the sample is not checked",
                                       isResourceLimit: true, isLineTooLong: true)
            sample.cachedActionEntries = []
            return sample
        }
        let trimmed = text.drop(while: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" })
        let looksLikeJSON = trimmed.first == "{" || trimmed.first == "["
        let fenceSaysJSON = annotations.language == "json" || annotations.language == "jsonc"
        var sample = Sample(index: index, block: block, annotations: annotations, syntax: fenceSaysJSON ? .json : .yaml,
                            kind: .data, value: nil, sourceMap: map)
        if fenceSaysJSON || looksLikeJSON {
            switch StrictJSONReader.read(text) {
            case .success(let value):
                sample.value = value
                sample.syntax = .json
                sample.isJSONInYAMLFence = !fenceSaysJSON
            case .failure(let error):
                if fenceSaysJSON {
                    sample.syntaxError = .init(position: error.position, message: error.message,
                                               isResourceLimit: error.message.hasPrefix("nesting is too deep"))
                } else {
                    // Flow-style YAML that is not strict JSON: read it as the YAML the fence says it is.
                    readYAML(text, into: &sample)
                }
            }
        } else {
            readYAML(text, into: &sample)
        }
        (sample.kind, sample.policy) = SampleClassifier.classify(sample, models: models)
        sample.cachedActionEntries = sample.computeActionEntries()
        return sample
    }

    /// The first line longer than `maxBytes` bytes (1-based) and its length.
    static func longLine(in text: String, maxBytes: Int) -> (line: Int, bytes: Int)? {
        guard text.utf8.count > maxBytes else { return nil }
        var line = 1, length = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\n") {
                if length > maxBytes { return (line, length) }
                line += 1
                length = 0
            } else {
                length += 1
            }
        }
        return length > maxBytes ? (line, length) : nil
    }

    private static func readYAML(_ text: String, into sample: inout Sample) {
        sample.syntax = .yaml
        switch YAMLSampleReader.read(text) {
        case .success(let value): sample.value = value
        case .failure(let error):
            sample.syntaxError = .init(position: error.position, message: error.message, isResourceLimit: error.isExpansionLimit)
        }
    }
}
