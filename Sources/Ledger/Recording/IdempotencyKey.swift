import EventStore

/// A client's name for one request — the API's `Idempotency-Key` header, the hidden `_request`
/// field of each form — from which the request's event ids are derived. The same request sent
/// again with the same key (a retry after a timeout, a form sent twice) has the same ids, finds
/// them in the log, and records nothing twice. Keys are the sender's own: the same key of
/// another user names another request.
public struct IdempotencyKey: Sendable, Hashable {
    public let text: String

    /// 1 to 200 visible ASCII characters (a UUID is usual); nil for anything else.
    public init?(_ text: String) {
        guard (1...200).contains(text.utf8.count), text.utf8.allSatisfy({ (0x21...0x7E).contains($0) }) else { return nil }
        self.text = text
    }

    /// The id of the request's `index`th event when `actor` sends it.
    public func eventID(_ index: Int, of actor: String) -> EventID {
        EventID.derived(scope: actor, key: text, index: index)
    }
}
