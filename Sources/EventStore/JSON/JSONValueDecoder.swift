/// Decodes a `Decodable` type straight from a parsed `JSONValue`.
///
/// The validation path already holds each event's data as a `JSONValue`; going through
/// Foundation's `JSONDecoder` meant writing it out and parsing it again, a fifth of an import.
///
/// It runs once per event on every import and every rebuild, so it avoids per-member work:
/// members are found by a linear scan (event payloads have a few members; hashing every key into
/// a dictionary cost more than the search), scalars have their own overloads (no `Any` boxing),
/// and a member's coding path is built only when a nested value or an error needs it.
public struct JSONValueDecoder {
    public init() {}

    public func decode<T: Decodable>(_ type: T.Type, from value: JSONValue) throws -> T {
        try T(from: ValueDecoder(value: value, path: CodingPathSoFar(parent: [], last: nil)))
    }
}

private struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue }
    init(intValue: Int) {
        stringValue = String(intValue)
        self.intValue = intValue
    }
}

/// A coding path held as its parent's path and the last key, joined only when asked.
private struct CodingPathSoFar {
    let parent: [any CodingKey]
    let last: (any CodingKey)?

    var keys: [any CodingKey] { last.map { parent + [$0] } ?? parent }
}

private struct ValueDecoder: Decoder {
    let value: JSONValue
    let path: CodingPathSoFar
    var codingPath: [any CodingKey] { path.keys }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case let .object(members) = value else { throw mismatch([String: Any].self, value, path.keys) }
        return KeyedDecodingContainer(Keyed<Key>(members: members, codingPath: path.keys))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case let .array(items) = value else { throw mismatch([Any].self, value, path.keys) }
        return Unkeyed(items: items, codingPath: path.keys)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        Single(value: value, path: path)
    }
}

private func mismatch(_ type: Any.Type, _ value: JSONValue, _ path: [any CodingKey]) -> DecodingError {
    DecodingError.typeMismatch(type, .init(codingPath: path, debugDescription: "expected \(type)"))
}

// The scalars, shared by the three containers. The path is an autoclosure: built on error only.

private func string(_ value: JSONValue, _ path: @autoclosure () -> [any CodingKey]) throws -> String {
    guard case let .string(text) = value else { throw mismatch(String.self, value, path()) }
    return text
}

private func bool(_ value: JSONValue, _ path: @autoclosure () -> [any CodingKey]) throws -> Bool {
    guard case let .bool(flag) = value else { throw mismatch(Bool.self, value, path()) }
    return flag
}

private func double(_ value: JSONValue, _ path: @autoclosure () -> [any CodingKey]) throws -> Double {
    guard case let .number(literal) = value, let number = Double(literal) else { throw mismatch(Double.self, value, path()) }
    return number
}

private func int64(_ value: JSONValue, _ path: @autoclosure () -> [any CodingKey]) throws -> Int64 {
    guard let number = value.integerValue else { throw mismatch(Int64.self, value, path()) }
    return number
}

private func int(_ value: JSONValue, _ path: @autoclosure () -> [any CodingKey]) throws -> Int {
    guard let number = value.integerValue.flatMap({ Int(exactly: $0) }) else { throw mismatch(Int.self, value, path()) }
    return number
}

/// Any other type (an enum, a nested struct, an array) decodes itself from a nested decoder; a
/// scalar type reached through a generic call goes to its overload.
private func nested<T: Decodable>(_ type: T.Type, _ value: JSONValue, _ path: CodingPathSoFar) throws -> T {
    let scalar: Any? = switch type {
    case is String.Type: try string(value, path.keys)
    case is Bool.Type: try bool(value, path.keys)
    case is Double.Type: try double(value, path.keys)
    case is Int64.Type: try int64(value, path.keys)
    case is Int.Type: try int(value, path.keys)
    default: nil
    }
    if let scalar, let result = scalar as? T { return result }
    return try T(from: ValueDecoder(value: value, path: path))
}

private struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let members: [(key: String, value: JSONValue)]
    let codingPath: [any CodingKey]

    var allKeys: [Key] { members.compactMap { Key(stringValue: $0.key) } }

    private func member(_ key: Key) -> JSONValue? {
        let name = key.stringValue
        return members.first { $0.key == name }?.value
    }

    private func value(_ key: Key) throws -> JSONValue {
        guard let value = member(key) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "missing"))
        }
        return value
    }

    private func path(_ key: Key) -> [any CodingKey] { codingPath + [key] }

    func contains(_ key: Key) -> Bool { member(key) != nil }

    func decodeNil(forKey key: Key) throws -> Bool {
        guard let value = member(key) else { return true }
        return value == .null
    }

    func decode(_ type: String.Type, forKey key: Key) throws -> String { try string(try value(key), path(key)) }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try bool(try value(key), path(key)) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try double(try value(key), path(key)) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try int64(try value(key), path(key)) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try int(try value(key), path(key)) }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try nested(type, try value(key), CodingPathSoFar(parent: codingPath, last: key))
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try ValueDecoder(value: try value(key), path: CodingPathSoFar(parent: codingPath, last: key)).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try ValueDecoder(value: try value(key), path: CodingPathSoFar(parent: codingPath, last: key)).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        ValueDecoder(value: .object(members), path: CodingPathSoFar(parent: codingPath, last: nil))
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        ValueDecoder(value: try value(key), path: CodingPathSoFar(parent: codingPath, last: key))
    }
}

private struct Unkeyed: UnkeyedDecodingContainer {
    let items: [JSONValue]
    let codingPath: [any CodingKey]
    var currentIndex = 0

    init(items: [JSONValue], codingPath: [any CodingKey]) {
        self.items = items
        self.codingPath = codingPath
    }

    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    private mutating func next() throws -> (JSONValue, CodingPathSoFar) {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(JSONValue.self, .init(codingPath: codingPath, debugDescription: "no more items"))
        }
        defer { currentIndex += 1 }
        return (items[currentIndex], CodingPathSoFar(parent: codingPath, last: AnyKey(intValue: currentIndex)))
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, items[currentIndex] == .null else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode(_ type: String.Type) throws -> String {
        let (value, path) = try next()
        return try string(value, path.keys)
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let (value, path) = try next()
        return try nested(type, value, path)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        let (value, path) = try next()
        return try ValueDecoder(value: value, path: path).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let (value, path) = try next()
        return try ValueDecoder(value: value, path: path).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder {
        let (value, path) = try next()
        return ValueDecoder(value: value, path: path)
    }
}

private struct Single: SingleValueDecodingContainer {
    let value: JSONValue
    let path: CodingPathSoFar
    var codingPath: [any CodingKey] { path.keys }

    func decodeNil() -> Bool { value == .null }

    func decode(_ type: String.Type) throws -> String { try string(value, path.keys) }
    func decode(_ type: Bool.Type) throws -> Bool { try bool(value, path.keys) }
    func decode(_ type: Double.Type) throws -> Double { try double(value, path.keys) }
    func decode(_ type: Int64.Type) throws -> Int64 { try int64(value, path.keys) }
    func decode(_ type: Int.Type) throws -> Int { try int(value, path.keys) }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try nested(type, value, path)
    }
}
