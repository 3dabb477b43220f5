import Foundation
import Yams

/// A YAML syntax error with its 1-based line and character column inside the YAML text.
struct YAMLSyntaxError: Error, Sendable {
    var line: Int
    var column: Int
    var message: String
    /// True when the text was refused for its size or shape (nesting, aliased keys), not for its syntax.
    var isResourceLimit = false
}

/// Composes YAML text into Yams' node tree, turning every Yams error into a positioned message.
///
/// Only `compose` is used on input, never `Yams.load` or a Decodable decode: composed aliases share storage,
/// while loading expands them, which an alias bomb turns into exponential time and memory.
enum YAMLComposer {
    /// - Parameter lineOffset: added to every line number (in results and messages) when the YAML text
    ///   starts below the first line of its file, as front matter does.
    /// - Parameter maxEstimatedDepth: refuse text whose estimated nesting (`YAMLLimits.estimatedDepth`, which
    ///   overcounts) exceeds this; callers that need an exact depth measure the composed tree.
    static func compose(_ text: String, lineOffset: Int = 0, maxEstimatedDepth: Int = 1024) -> Result<Node?, YAMLSyntaxError> {
        // Yams composes recursively and hashes keys while composing: refuse what would exhaust the stack or
        // take exponential time before handing the text over.
        if YAMLLimits.estimatedDepth(of: text) > maxEstimatedDepth {
            return .failure(YAMLSyntaxError(line: 1 + lineOffset, column: 1,
                                            message: "the YAML nests deeper than \(maxEstimatedDepth / 2) levels; refusing to read it",
                                            isResourceLimit: true))
        }
        if let key = YAMLLimits.aliasKey(in: text) {
            return .failure(YAMLSyntaxError(line: key.line + lineOffset, column: key.column,
                                            message: "an alias or a collection is used as a mapping key; dochouse refuses such keys because expanding them can take exponential time",
                                            isResourceLimit: true))
        }
        do {
            return .success(try composeResolvingCheaply(text))
        } catch let error as YamlError {
            var syntax = syntaxError(from: error, in: text, lineOffset: lineOffset)
            syntax.line += lineOffset
            return .failure(syntax)
        } catch {
            return .failure(YAMLSyntaxError(line: 1, column: 1, message: "\(error)"))
        }
    }

    /// Yams resolves every scalar's tag with its resolver's regular expressions when it checks a mapping for
    /// duplicate keys (it hashes the key nodes, tags included): that was ~6% of a build, while nothing downstream
    /// reads Yams' tags (`YAMLPlainScalar` resolves plain scalars). So text is composed with `Resolver.basic`
    /// (every implicit scalar is a string). Without explicit tags (`!`), two keys that are duplicates under the
    /// default resolver have the same text, so they are duplicates under the basic one too; the reverse can fail
    /// (`1` and `"1"` are an int and a string), so a duplicate found cheaply is confirmed with the default resolver.
    /// Text with a `!` anywhere takes the default resolver directly, keeping Yams' own answer.
    static func composeResolvingCheaply(_ text: String) throws -> Node? {
        // Arguments spelled out: the default encoding reads the process environment on every call (2% of a build).
        if text.utf8.contains(UInt8(ascii: "!")) {
            return try Yams.compose(yaml: text, .default, .default, .utf8)
        }
        do {
            return try Yams.compose(yaml: text, .basic, .default, .utf8)
        } catch YamlError.duplicatedKeysInMapping {
            return try Yams.compose(yaml: text, .default, .default, .utf8)
        }
    }

    static func syntaxError(from error: YamlError, in text: String, lineOffset: Int = 0) -> YAMLSyntaxError {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            guard let context else { return YAMLSyntaxError(line: mark.line, column: mark.column, message: problem) }
            let contextLine = context.mark.line + lineOffset
            // Past the end of the text, the place that opened the construct is the useful one.
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
            if mark.line > lines || (mark.line == lines && text.hasSuffix("\n") == false && mark.column > (text.split(separator: "\n", omittingEmptySubsequences: false).last?.unicodeScalars.count ?? 0)) {
                return YAMLSyntaxError(line: context.mark.line, column: context.mark.column,
                                       message: "\(problem): \(context.text.replacingOccurrences(of: "while parsing a ", with: "").replacingOccurrences(of: "while parsing ", with: "")) opened here is never closed")
            }
            return YAMLSyntaxError(line: mark.line, column: mark.column,
                                   message: "\(problem) (\(context.text) at line \(contextLine), column \(context.mark.column))")
        case let .reader(problem, offset, _, yaml):
            let (line, column) = lineAndColumn(ofCharacterOffset: offset ?? 0, in: yaml)
            return YAMLSyntaxError(line: line, column: column, message: problem)
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")
            return YAMLSyntaxError(line: context.mark.line, column: context.mark.column,
                                   message: "duplicate key \(keys) in this mapping")
        default:
            return YAMLSyntaxError(line: 1, column: 1, message: "\(error)")
        }
    }

    private static func lineAndColumn(ofCharacterOffset offset: Int, in text: String) -> (Int, Int) {
        var line = 1, column = 1, index = 0
        for scalar in text.unicodeScalars {
            if index == offset { break }
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            index += 1
        }
        return (line, column)
    }
}

extension Node {
    /// The value for a string key of a mapping node, or nil.
    subscript(key key: String) -> Node? {
        guard case .mapping(let mapping) = self else { return nil }
        for (k, v) in mapping where k.scalar?.string == key { return v }
        return nil
    }

    /// A plain or quoted scalar's text.
    var scalarText: String? { scalar?.string }

    var isNullScalar: Bool {
        guard let scalar else { return false }
        return scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }
}
