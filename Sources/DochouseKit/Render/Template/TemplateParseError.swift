/// Why a template did not compile into the compiled renderer's nodes.
enum TemplateParseError: Error, Equatable {
    /// A syntax error, at a character offset of the template; swift-mustache rejects the same text at the same place.
    case syntax(TemplateSyntaxError, at: Int)
    /// The template uses something only swift-mustache renders (inheritance, blocks, transforms, dynamic partials,
    /// pragmas); it is rendered with swift-mustache.
    case unsupported(String)
}

/// The syntax errors of a Mustache template, as swift-mustache names them.
enum TemplateSyntaxError: Equatable {
    case sectionCloseNameIncorrect
    case unfinishedName
    case expectedSectionEnd
    case invalidSetDelimiter
    /// The text ends inside a tag (swift-mustache's parser reports its own `overflow`).
    case overflow

    /// The words used in the `template.syntax` finding.
    var explanation: String {
        switch self {
        case .sectionCloseNameIncorrect: "a section is closed with a different name than it was opened"
        case .unfinishedName: "a tag is not closed with }}"
        case .expectedSectionEnd: "a section is opened and never closed"
        case .invalidSetDelimiter: "invalid set-delimiter tag"
        case .overflow: "overflow"
        }
    }
}
