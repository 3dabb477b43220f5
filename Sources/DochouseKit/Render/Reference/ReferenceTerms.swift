/// The words of a reference page in one language: labels, type names, counted phrases and the combinator
/// rules in words. English and Russian; any other language gets English.
///
/// Phrases that embed parameter names or values take them already rendered as HTML (`<code>...</code>`), so the
/// word order stays the language's own.
struct ReferenceTerms: Sendable {
    let language: String
    private let ru: Bool

    init(language: String) {
        self.language = language
        self.ru = language == "ru"
    }

    // MARK: - Labels

    var required: String { ru ? "Обязательный" : "Required" }
    var optional: String { ru ? "Необязательный" : "Optional" }
    var defaultValue: String { ru ? "По умолчанию" : "Default" }
    var allowedValues: String { ru ? "Допустимые значения" : "Allowed values" }
    var pattern: String { ru ? "Шаблон" : "Pattern" }
    var length: String { ru ? "Длина" : "Length" }
    var example: String { ru ? "Пример" : "Example" }
    var examples: String { ru ? "Примеры" : "Examples" }
    var constraints: String { ru ? "Ограничения" : "Constraints" }
    var elementOfArray: String { ru ? "Элемент массива" : "Element of the array" }
    /// The title of the child that describes the value under every key of a map (`additionalProperties`).
    var valueOfEachKey: String { ru ? "Значение каждого ключа" : "Value of each key" }
    var deprecated: String { ru ? "Устарел" : "Deprecated" }
    var version: String { ru ? "Версия" : "Version" }
    var otherVersions: String { ru ? "Другие версии (здесь не описаны)" : "Other versions (not described here)" }

    /// The label of a parameter's permalink, for screen readers.
    func permalink(to path: String) -> String {
        ru ? "Постоянная ссылка на \(path)" : "Permalink to \(path)"
    }

    // MARK: - Types

    /// A type in words: "string", "array of strings", "map of strings", "string or integer"; nil when the node
    /// says nothing about its type.
    func typeName(of node: SchemaNode) -> String? {
        var names: [String] = []
        var types = node.types
        if node.isIntOrString {
            for type in [SchemaType.integer, .string] where !types.contains(type) { types.append(type) }
        }
        if types.isEmpty {
            if node.items != nil { types = [.array] }
            else if node.propertyList != nil || node.additionalProperties != nil { types = [.object] }
        }
        for type in types {
            switch type {
            case .array: names.append(arrayName(of: node.items))
            case .object:
                if case .schema(let values)? = node.additionalProperties, node.properties.isEmpty {
                    names.append(mapName(of: values))
                } else {
                    names.append(scalarName(.object))
                }
            default: names.append(scalarName(type))
            }
        }
        if node.nullable, !types.contains(.null) { names.append("null") }
        guard !names.isEmpty else { return nil }
        return joinedAlternatives(names)
    }

    private func scalarName(_ type: SchemaType) -> String {
        switch type {
        case .string: ru ? "строка" : "string"
        case .integer: ru ? "целое число" : "integer"
        case .number: ru ? "число" : "number"
        case .boolean: ru ? "логический" : "boolean"
        case .object: ru ? "объект" : "object"
        case .array: ru ? "массив" : "array"
        case .null: "null"
        }
    }

    /// The plural of a type after "array of" / "map of" (genitive plural in Russian: "массив строк").
    private func pluralName(_ type: SchemaType) -> String {
        switch type {
        case .string: ru ? "строк" : "strings"
        case .integer: ru ? "целых чисел" : "integers"
        case .number: ru ? "чисел" : "numbers"
        case .boolean: ru ? "логических значений" : "booleans"
        case .object: ru ? "объектов" : "objects"
        case .array: ru ? "массивов" : "arrays"
        case .null: "null"
        }
    }

    private func elementType(_ node: SchemaNode?) -> SchemaType? {
        guard let node else { return nil }
        if node.types.count == 1 { return node.types[0] }
        if node.types.isEmpty {
            if node.items != nil { return .array }
            if node.propertyList != nil || node.additionalProperties != nil { return .object }
        }
        return nil
    }

    private func arrayName(of items: SchemaNode?) -> String {
        guard let type = elementType(items) else { return scalarName(.array) }
        return ru ? "массив \(pluralName(type))" : "array of \(pluralName(type))"
    }

    private func mapName(of values: SchemaNode) -> String {
        guard let type = elementType(values) else { return ru ? "словарь" : "map" }
        return ru ? "словарь \(pluralName(type))" : "map of \(pluralName(type))"
    }

    private func joinedAlternatives(_ names: [String]) -> String {
        let or = ru ? " или " : " or "
        guard names.count > 2 else { return names.joined(separator: or) }
        return names.dropLast().joined(separator: ", ") + or + names.last!
    }

    // MARK: - Counts

    /// Russian plural category of a count: `one` (1, 21, 101), `few` (2–4, 22–24), `many` (0, 5–20, 11–14, 25...).
    static func russianPlural(_ count: Int, one: String, few: String, many: String) -> String {
        let n = abs(count)
        let lastTwo = n % 100, last = n % 10
        if (11...14).contains(lastTwo) { return many }
        if last == 1 { return one }
        if (2...4).contains(last) { return few }
        return many
    }

    /// "1 item", "5 items"; Russian in the nominative: "1 элемент", "2 элемента", "5 элементов".
    func items(_ count: Int) -> String {
        ru ? "\(count) " + Self.russianPlural(count, one: "элемент", few: "элемента", many: "элементов")
            : "\(count) " + (count == 1 ? "item" : "items")
    }

    /// "at least 1 item" / "не меньше 1 элемента" (after «не меньше» the noun is genitive: 1 элемента, 2 элементов).
    func minItems(_ count: Int) -> String {
        ru ? "не меньше \(count) " + Self.russianPlural(count, one: "элемента", few: "элементов", many: "элементов")
            : "at least \(items(count))"
    }

    func maxItems(_ count: Int) -> String {
        ru ? "не больше \(count) " + Self.russianPlural(count, one: "элемента", few: "элементов", many: "элементов")
            : "at most \(items(count))"
    }

    var uniqueItems: String { ru ? "элементы должны быть уникальными" : "items must be unique" }

    func minProperties(_ count: Int) -> String {
        ru ? "не меньше \(count) " + Self.russianPlural(count, one: "ключа", few: "ключей", many: "ключей")
            : "at least \(count) " + (count == 1 ? "key" : "keys")
    }

    func maxProperties(_ count: Int) -> String {
        ru ? "не больше \(count) " + Self.russianPlural(count, one: "ключа", few: "ключей", many: "ключей")
            : "at most \(count) " + (count == 1 ? "key" : "keys")
    }

    func multipleOf(_ number: String) -> String {
        ru ? "кратно \(number)" : "a multiple of \(number)"
    }

    // MARK: - Combinators in words

    enum Combinator {
        case oneOf, anyOf, allOf
    }

    /// The lead-in of a list of conditions ("Exactly one of the following must hold:").
    func conditionsIntro(_ combinator: Combinator) -> String {
        switch combinator {
        case .oneOf: ru ? "Должно выполняться ровно одно из условий:" : "Exactly one of the following must hold:"
        case .anyOf: ru ? "Должно выполняться хотя бы одно из условий:" : "At least one of the following must hold:"
        case .allOf: ru ? "Должны выполняться все условия:" : "All of the following must hold:"
        }
    }

    /// When the branches differ only by `required`: "Set exactly one of: a, b." (`choices` are HTML).
    func setChoices(_ combinator: Combinator, _ choices: [String]) -> String {
        let list = choices.joined(separator: ", ")
        switch combinator {
        case .oneOf: return (ru ? "Задайте ровно один из параметров: " : "Set exactly one of: ") + list + "."
        case .anyOf: return (ru ? "Задайте хотя бы один из параметров: " : "Set at least one of: ") + list + "."
        case .allOf: return (ru ? "Задайте все параметры: " : "Set all of: ") + list + "."
        }
    }

    /// `not: {required: [a, b]}`: "Do not set a and b together." / "Do not set a."
    func notTogether(_ names: [String]) -> String {
        let joined = names.joined(separator: and)
        if names.count == 1 { return (ru ? "Не задавайте " : "Do not set ") + joined + "." }
        return (ru ? "Не задавайте вместе " : "Do not set together: ") + joined + "."
    }

    /// `not` with any other schema.
    func mustNotHold(_ condition: String) -> String {
        (ru ? "Не должно выполняться условие: " : "This must not hold: ") + condition + "."
    }

    /// Several names that go together in one choice ("a and b").
    var and: String { ru ? " и " : " and " }

    func isSet(_ name: String) -> String { ru ? "\(name) задан" : "\(name) is set" }
    func isNotSet(_ name: String) -> String { ru ? "\(name) не задан" : "\(name) is not set" }
    func equals(_ name: String, _ value: String) -> String {
        ru ? "\(name) имеет значение \(value)" : "\(name) is \(value)"
    }
    func isOneOf(_ name: String, _ values: [String]) -> String {
        ru ? "\(name) имеет одно из значений: \(values.joined(separator: ", "))"
            : "\(name) is one of \(values.joined(separator: ", "))"
    }
    func matches(_ name: String, _ pattern: String) -> String {
        ru ? "\(name) соответствует шаблону \(pattern)" : "\(name) matches \(pattern)"
    }
    func hasType(_ name: String?, _ type: String) -> String {
        if let name { return ru ? "\(name) имеет тип «\(type)»" : "\(name) is of type \(type)" }
        return ru ? "значение имеет тип «\(type)»" : "the value is of type \(type)"
    }
    func constrained(_ name: String) -> String {
        ru ? "\(name) удовлетворяет дополнительным ограничениям" : "\(name) meets further constraints"
    }
    var theValue: String { ru ? "значение" : "the value" }
    var nestedRule: String { ru ? "вложенное условие" : "a nested rule" }
    var anyValue: String { ru ? "любое значение" : "any value" }
}
