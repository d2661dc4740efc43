import Foundation
import Synchronization

/// Where a value breaks its JSON Schema: the path of the offending member (`entry.ageAtEntry`,
/// `items[2]`; empty for the value itself) and the keyword it breaks. Never quotes the value.
public struct SchemaViolation: Error, Sendable, Equatable, CustomStringConvertible {
    public let path: String
    public let keyword: String
    public let reason: String

    public init(path: String, keyword: String, reason: String) {
        self.path = path
        self.keyword = keyword
        self.reason = reason
    }

    public var description: String { "\(path.isEmpty ? "(data)" : path): \(reason)" }
}

/// A JSON Schema (draft 2020-12), compiled once, for the subset of keywords Tuki's schemas use:
/// type, properties, required, additionalProperties (false or a schema), enum, const, minimum,
/// maximum, minLength, maxLength, pattern, format (date, date-time, uuid), items, minItems,
/// maxItems, uniqueItems, oneOf, anyOf, not, and `$ref` to another schema's `$id`.
///
/// Validating in Swift against the very schema files other systems read is what keeps the two from
/// drifting; the schema tests check this validator against Python's `jsonschema` on every example.
public final class JSONSchema: @unchecked Sendable {
    // Immutable after init; NSRegularExpression is thread-safe for matching.
    private let node: JSONValue
    /// The same schema with each node's keywords looked up once, at load: validation runs for
    /// every imported event, and finding keywords in the schema's JSON each time was a third of it.
    private let root: CompiledNode
    private let registry: [String: JSONSchema]
    /// Ids and names repeat across events; NSRegularExpression on Linux costs microseconds a match.
    private let patternResults = Mutex<[String: Bool]>([:])

    /// Keywords that say something about a value; a schema with any other is refused at load, so
    /// that a schema never silently means more than this validator checks.
    static let understood: Set<String> = [
        "$schema", "$id", "title", "description", "type", "properties", "required", "additionalProperties",
        "enum", "const", "minimum", "maximum", "minLength", "maxLength", "pattern", "format", "items",
        "minItems", "maxItems", "uniqueItems", "oneOf", "anyOf", "not", "$ref",
    ]

    public init(_ node: JSONValue, registry: [String: JSONSchema] = [:]) throws {
        self.node = node
        self.registry = registry
        var patterns: [String: NSRegularExpression] = [:]
        try Self.collectPatterns(node, into: &patterns)
        root = CompiledNode(node, patterns: patterns)
    }

    public var id: String? { node["$id"]?.stringValue }

    /// Walks the schema as a schema (not as data), compiling each pattern once and refusing any
    /// keyword this validator does not check.
    private static func collectPatterns(_ schema: JSONValue, into patterns: inout [String: NSRegularExpression]) throws {
        guard case let .object(members) = schema else { return }
        for member in members {
            guard understood.contains(member.key) else {
                throw SchemaViolation(path: "", keyword: member.key, reason: "the schema uses the unsupported keyword \(member.key)")
            }
            switch member.key {
            case "properties":
                if case let .object(properties) = member.value {
                    for property in properties { try collectPatterns(property.value, into: &patterns) }
                }
            case "additionalProperties", "items", "not":
                try collectPatterns(member.value, into: &patterns)
            case "oneOf", "anyOf":
                if case let .array(options) = member.value {
                    for option in options { try collectPatterns(option, into: &patterns) }
                }
            case "pattern":
                if let pattern = member.value.stringValue { patterns[pattern] = try NSRegularExpression(pattern: pattern) }
            default:
                break
            }
        }
    }

    /// Throws the first violation found, in document order.
    public func validate(_ value: JSONValue) throws(SchemaViolation) {
        var path = ViolationPath()
        try check(value, against: root, path: &path)
    }

    // MARK: - Keywords

    private func check(_ value: JSONValue, against schema: CompiledNode, path: inout ViolationPath) throws(SchemaViolation) {
        func fail(_ keyword: String, _ reason: String) -> SchemaViolation {
            SchemaViolation(path: path.text, keyword: keyword, reason: reason)
        }
        if let reference = schema.ref {
            guard let target = registry[reference] else { throw fail("$ref", "refers to the unknown schema \(reference)") }
            do {
                try target.validate(value)
            } catch {
                throw SchemaViolation(
                    path: [path.text, error.path].filter { !$0.isEmpty }.joined(separator: "."), keyword: error.keyword,
                    reason: error.reason)
            }
        }
        if let type = schema.type, !Self.has(type: type, value) {
            throw fail("type", "must be \(Self.article(type))")
        }
        if let options = schema.enumValues, !options.contains(value) {
            let names = options.compactMap(\.stringValue)
            throw fail("enum", names.count == options.count ? "must be one of \(names.joined(separator: ", "))" : "is not an allowed value")
        }
        if let constant = schema.constant, constant != value {
            throw fail("const", "must be \(JSONWriter.compact(constant))")
        }
        switch value {
        case let .number(literal):
            let number = Double(literal) ?? .nan
            if let minimum = schema.minimum, number < minimum.value {
                throw fail("minimum", "must be at least \(minimum.literal)")
            }
            if let maximum = schema.maximum, number > maximum.value {
                throw fail("maximum", "must be at most \(maximum.literal)")
            }
        case let .string(text):
            if schema.minLength != nil || schema.maxLength != nil {
                let length = text.unicodeScalars.count
                if let minimum = schema.minLength, length < minimum {
                    throw fail("minLength", minimum == 1 ? "must not be empty" : "must be at least \(minimum) characters")
                }
                if let maximum = schema.maxLength, length > maximum {
                    throw fail("maxLength", "must be at most \(maximum) characters")
                }
            }
            if let pattern = schema.pattern, !matches(pattern.regex, pattern.source, text) {
                throw fail("pattern", "does not have the required form")
            }
            if let format = schema.format, !Self.matches(format: format, text) {
                throw fail("format", "must be \(Self.formatName(format))")
            }
        case let .array(items):
            if let minimum = schema.minItems, items.count < minimum {
                throw fail("minItems", "must have at least \(minimum) items")
            }
            if let maximum = schema.maxItems, items.count > maximum {
                throw fail("maxItems", "must have at most \(maximum) items")
            }
            if schema.uniqueItems, Set(items).count != items.count {
                throw fail("uniqueItems", "must not repeat an item")
            }
            if let itemSchema = schema.items {
                for (index, item) in items.enumerated() {
                    path.steps.append(.index(index))
                    defer { path.steps.removeLast() }
                    try check(item, against: itemSchema, path: &path)
                }
            }
        case let .object(members):
            // Document order: the first member that breaks a rule is the one named.
            // A member the schema does not name is never named in a violation: its name is input,
            // and may be anything (a person's name, a line break, megabytes).
            for member in members {
                if let memberSchema = schema.properties?[member.key] {
                    path.steps.append(.key(member.key))
                    defer { path.steps.removeLast() }
                    try check(member.value, against: memberSchema, path: &path)
                } else if let additional = schema.additionalProperties {
                    guard let additional else {
                        throw SchemaViolation(path: path.text, keyword: "additionalProperties", reason: "has an unexpected field")
                    }
                    path.steps.append(.unnamedMember)
                    defer { path.steps.removeLast() }
                    try check(member.value, against: additional, path: &path)
                }
            }
            for name in schema.required where value[name] == nil {
                path.steps.append(.key(name))
                defer { path.steps.removeLast() }
                throw SchemaViolation(path: path.text, keyword: "required", reason: "is missing")
            }
        default:
            break
        }
        if let options = schema.oneOf {
            var passing = 0
            for option in options where (try? check(value, against: option, path: &path)) != nil { passing += 1 }
            if passing != 1 { throw fail("oneOf", "must match exactly one of the allowed forms") }
        }
        if let options = schema.anyOf {
            var anyPasses = false
            for option in options where (try? check(value, against: option, path: &path)) != nil {
                anyPasses = true
                break
            }
            if !anyPasses { throw fail("anyOf", "must match one of the allowed forms") }
        }
        if let negated = schema.not, (try? check(value, against: negated, path: &path)) != nil {
            throw fail("not", "has a form that is not allowed")
        }
    }

    // MARK: - Helpers

    private func matches(_ regex: NSRegularExpression, _ pattern: String, _ text: String) -> Bool {
        let key = pattern + "\u{0}" + text
        if let known = patternResults.withLock({ $0[key] }) { return known }
        let result = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
        patternResults.withLock { cache in
            if cache.count >= 50_000 { cache.removeAll(keepingCapacity: true) }
            cache[key] = result
        }
        return result
    }

    private static func has(type: String, _ value: JSONValue) -> Bool {
        switch (type, value) {
        case ("object", .object), ("array", .array), ("string", .string), ("boolean", .bool), ("null", .null), ("number", .number):
            return true
        case ("integer", .number):
            return value.integerValue != nil
        default:
            return false
        }
    }

    private static func article(_ type: String) -> String {
        ["object": "an object", "array": "an array", "string": "text", "boolean": "true or false", "integer": "a whole number",
         "number": "a number", "null": "null"][type] ?? type
    }

    private static func double(_ value: JSONValue) -> Double? {
        if case let .number(literal) = value { return Double(literal) }
        return nil
    }

    private static func formatName(_ format: String) -> String {
        ["date": "a date (YYYY-MM-DD)", "date-time": "an RFC 3339 date-time", "uuid": "a UUID"][format] ?? format
    }

    static func matches(format: String, _ text: String) -> Bool {
        switch format {
        case "date":
            return (try? Timestamp(rfc3339: text + "T00:00:00Z")) != nil && text.utf8.count == 10
        case "date-time":
            return (try? Timestamp(rfc3339: text)) != nil
        case "uuid":
            return (try? EventID(parsing: text)) != nil
        default:
            return true
        }
    }
}

/// Where in the value the check is, as a stack of steps: a string only when a violation is
/// reported (`entry.ageAtEntry`, `items[2]`).
private struct ViolationPath {
    enum Step {
        case key(String)
        case index(Int)
        /// A member of an object whose names are data, not the schema's.
        case unnamedMember
    }

    var steps: [Step] = []

    var text: String {
        var text = ""
        for step in steps {
            switch step {
            case let .key(key): text += text.isEmpty ? key : "." + key
            case let .index(index): text += "[\(index)]"
            case .unnamedMember: text += text.isEmpty ? "(a member)" : ".(a member)"
            }
        }
        return text
    }
}

/// One schema node's keywords, looked up once. A node that is not an object (`true`) has none and
/// accepts everything, as before; `additionalProperties: false` is `.some(nil)`.
private final class CompiledNode: @unchecked Sendable {
    let ref: String?
    let type: String?
    let enumValues: [JSONValue]?
    let constant: JSONValue?
    let minimum: (value: Double, literal: String)?
    let maximum: (value: Double, literal: String)?
    let minLength: Int64?
    let maxLength: Int64?
    let pattern: (source: String, regex: NSRegularExpression)?
    let format: String?
    let minItems: Int64?
    let maxItems: Int64?
    let uniqueItems: Bool
    let items: CompiledNode?
    let properties: [String: CompiledNode]?
    let additionalProperties: CompiledNode??
    let required: [String]
    let oneOf: [CompiledNode]?
    let anyOf: [CompiledNode]?
    let not: CompiledNode?

    init(_ schema: JSONValue, patterns: [String: NSRegularExpression]) {
        func node(_ value: JSONValue?) -> CompiledNode? { value.map { CompiledNode($0, patterns: patterns) } }
        func nodes(_ value: JSONValue?) -> [CompiledNode]? {
            guard case let .array(options)? = value else { return nil }
            return options.map { CompiledNode($0, patterns: patterns) }
        }
        func bound(_ value: JSONValue?) -> (value: Double, literal: String)? {
            guard case let .number(literal)? = value, let number = Double(literal) else { return nil }
            return (number, literal)
        }
        ref = schema["$ref"]?.stringValue
        type = schema["type"]?.stringValue
        if case let .array(options)? = schema["enum"] { enumValues = options } else { enumValues = nil }
        constant = schema["const"]
        minimum = bound(schema["minimum"])
        maximum = bound(schema["maximum"])
        minLength = schema["minLength"]?.integerValue
        maxLength = schema["maxLength"]?.integerValue
        pattern = schema["pattern"]?.stringValue.flatMap { source in patterns[source].map { (source, $0) } }
        format = schema["format"]?.stringValue
        minItems = schema["minItems"]?.integerValue
        maxItems = schema["maxItems"]?.integerValue
        uniqueItems = schema["uniqueItems"] == .bool(true)
        items = node(schema["items"])
        if case let .object(members)? = schema["properties"] {
            properties = Dictionary(members.map { ($0.key, CompiledNode($0.value, patterns: patterns)) }, uniquingKeysWith: { first, _ in first })
        } else {
            properties = nil
        }
        switch schema["additionalProperties"] {
        case nil: additionalProperties = nil
        case .bool(false)?: additionalProperties = .some(nil)
        case let other?: additionalProperties = .some(CompiledNode(other, patterns: patterns))
        }
        if case let .array(names)? = schema["required"] { required = names.compactMap(\.stringValue) } else { required = [] }
        oneOf = nodes(schema["oneOf"])
        anyOf = nodes(schema["anyOf"])
        not = node(schema["not"])
    }
}
