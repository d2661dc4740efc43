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
    private let patterns: [String: NSRegularExpression]
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
        self.patterns = patterns
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
        try check(value, against: node, path: "")
    }

    // MARK: - Keywords

    private func check(_ value: JSONValue, against schema: JSONValue, path: String) throws(SchemaViolation) {
        func fail(_ keyword: String, _ reason: String) -> SchemaViolation {
            SchemaViolation(path: path, keyword: keyword, reason: reason)
        }
        if let reference = schema["$ref"]?.stringValue {
            guard let target = registry[reference] else { throw fail("$ref", "refers to the unknown schema \(reference)") }
            do {
                try target.validate(value)
            } catch {
                throw SchemaViolation(
                    path: [path, error.path].filter { !$0.isEmpty }.joined(separator: "."), keyword: error.keyword,
                    reason: error.reason)
            }
        }
        if let type = schema["type"]?.stringValue, !Self.has(type: type, value) {
            throw fail("type", "must be \(Self.article(type))")
        }
        if case let .array(options)? = schema["enum"], !options.contains(value) {
            let names = options.compactMap(\.stringValue)
            throw fail("enum", names.count == options.count ? "must be one of \(names.joined(separator: ", "))" : "is not an allowed value")
        }
        if let constant = schema["const"], constant != value {
            throw fail("const", "must be \(JSONWriter.compact(constant))")
        }
        switch value {
        case let .number(literal):
            let number = Double(literal) ?? .nan
            if let minimum = schema["minimum"].flatMap(Self.double), number < minimum {
                throw fail("minimum", "must be at least \(Self.text(schema["minimum"]))")
            }
            if let maximum = schema["maximum"].flatMap(Self.double), number > maximum {
                throw fail("maximum", "must be at most \(Self.text(schema["maximum"]))")
            }
        case let .string(text):
            let length = text.unicodeScalars.count
            if let minimum = schema["minLength"]?.integerValue, length < minimum {
                throw fail("minLength", minimum == 1 ? "must not be empty" : "must be at least \(minimum) characters")
            }
            if let maximum = schema["maxLength"]?.integerValue, length > maximum {
                throw fail("maxLength", "must be at most \(maximum) characters")
            }
            if let pattern = schema["pattern"]?.stringValue, let regex = patterns[pattern], !matches(regex, pattern, text) {
                throw fail("pattern", "does not have the required form")
            }
            if let format = schema["format"]?.stringValue, !Self.matches(format: format, text) {
                throw fail("format", "must be \(Self.formatName(format))")
            }
        case let .array(items):
            if let minimum = schema["minItems"]?.integerValue, items.count < minimum {
                throw fail("minItems", "must have at least \(minimum) items")
            }
            if let maximum = schema["maxItems"]?.integerValue, items.count > maximum {
                throw fail("maxItems", "must have at most \(maximum) items")
            }
            if schema["uniqueItems"] == .bool(true), Set(items).count != items.count {
                throw fail("uniqueItems", "must not repeat an item")
            }
            if let itemSchema = schema["items"] {
                for (index, item) in items.enumerated() {
                    try check(item, against: itemSchema, path: "\(path)[\(index)]")
                }
            }
        case let .object(members):
            // Document order: the first member that breaks a rule is the one named.
            let properties = schema["properties"]
            for member in members {
                let memberPath = path.isEmpty ? member.key : "\(path).\(member.key)"
                if let memberSchema = properties?[member.key] {
                    try check(member.value, against: memberSchema, path: memberPath)
                } else if let additional = schema["additionalProperties"] {
                    if additional == .bool(false) {
                        throw SchemaViolation(path: memberPath, keyword: "additionalProperties", reason: "is not a field of this event")
                    }
                    try check(member.value, against: additional, path: memberPath)
                }
            }
            if case let .array(required)? = schema["required"] {
                for name in required.compactMap(\.stringValue) where value[name] == nil {
                    throw SchemaViolation(
                        path: path.isEmpty ? name : "\(path).\(name)", keyword: "required", reason: "is missing")
                }
            }
        default:
            break
        }
        if case let .array(options)? = schema["oneOf"] {
            let passing = options.filter { (try? check(value, against: $0, path: path)) != nil }.count
            if passing != 1 { throw fail("oneOf", "must match exactly one of the allowed forms") }
        }
        if case let .array(options)? = schema["anyOf"], !options.contains(where: { (try? check(value, against: $0, path: path)) != nil }) {
            throw fail("anyOf", "must match one of the allowed forms")
        }
        if let negated = schema["not"], (try? check(value, against: negated, path: path)) != nil {
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

    private static func text(_ value: JSONValue?) -> String {
        value.map(JSONWriter.compact) ?? ""
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
