import EventStore

/// Old schema versions, read as the latest: events are never rewritten in the log, so a changed
/// event type keeps its old schema and gains an upcaster from each version to the next.
enum Upcasters {
    static func upcast(type: String, from version: Int64, data: JSONValue) -> JSONValue {
        var data = data
        var version = version
        while let step = steps[type]?[version] {
            data = step(data)
            version += 1
        }
        return data
    }

    /// type → version → the function from that version to the next.
    private static let steps: [String: [Int64: @Sendable (JSONValue) -> JSONValue]] = [
        // v2 records whether a session met in person, remotely or both. Every v1 session was held
        // in person: remote sessions were not recorded before v2.
        "session.held": [1: { data in adding("format", .string("in-person"), to: data) }],
    ]

    private static func adding(_ key: String, _ value: JSONValue, to data: JSONValue) -> JSONValue {
        guard case let .object(members) = data, !members.contains(where: { $0.key == key }) else { return data }
        return .object(members + [(key: key, value: value)])
    }
}
