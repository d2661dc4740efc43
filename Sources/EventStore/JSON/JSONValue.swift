/// A JSON value as the ledger stores it.
///
/// Numbers keep their literal text: the ledger hashes the exact bytes it stores, so a value must
/// never pass through a `Double` and come back as other digits (`0.1` → `0.10000000000000001`).
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    /// The number's literal, as validated by the JSON grammar (e.g. `-12`, `3.50`, `1e3`).
    case number(String)
    case string(String)
    case array([JSONValue])
    /// Members in the order they were read; `canonical` sorts them.
    case object([(key: String, value: JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.number(a), .number(b)): return a == b
        case let (.string(a), .string(b)): return a == b
        case let (.array(a), .array(b)): return a == b
        case let (.object(a), .object(b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(JSONWriter.compact(self))
    }

    /// The value of member `key`, if this is an object that has it.
    public subscript(key: String) -> JSONValue? {
        guard case let .object(members) = self else { return nil }
        return members.first(where: { $0.key == key })?.value
    }

    public var stringValue: String? {
        if case let .string(s) = self { return s }
        return nil
    }

    /// The value of a number that is a whole number, as JSON Schema's `integer` defines it: `2`,
    /// and also `2.0` or `2e0`.
    public var integerValue: Int64? {
        guard case let .number(literal) = self else { return nil }
        if let exact = Int64(literal) { return exact }
        guard let value = Double(literal), value.rounded() == value, abs(value) < 9_007_199_254_740_992 else { return nil }
        return Int64(value)
    }

    public var isObject: Bool {
        if case .object = self { return true }
        return false
    }

    /// The same value with every object's members sorted by key (Unicode code point order).
    /// Two values that mean the same JSON have the same canonical form, so idempotency can compare
    /// them as text.
    public var canonical: JSONValue {
        switch self {
        case let .array(items):
            return .array(items.map(\.canonical))
        case let .object(members):
            // UTF-8 byte order is code point order.
            var sorted = members.map { (key: $0.key, value: $0.value.canonical) }
            let inOrder = zip(sorted, sorted.dropFirst()).allSatisfy { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            if !inOrder { sorted.sort { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) } }
            return .object(sorted)
        default:
            return self
        }
    }
}

/// Literals for code that writes JSON by hand (fixtures, the demo): `"closed-peer-group"`, `8`.
extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .number(String(value)) }
}

extension JSONValue {
    /// A JSON object of the members given, leaving out the nil ones (optional fields of an event).
    public static func object(omittingNil members: [(String, JSONValue?)]) -> JSONValue {
        .object(members.compactMap { key, value in value.map { (key: key, value: $0) } })
    }
}
