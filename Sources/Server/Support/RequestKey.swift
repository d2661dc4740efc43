import Hummingbird
import Ledger

extension IdempotencyKey {
    /// The request's key: the API's `Idempotency-Key` header, or a form's hidden `_request`
    /// field (each page draws a new one); nil when it has none, `Refusal.badIdempotencyKey` for
    /// one out of form.
    static func of(_ request: Request, form: FormFields?) throws -> IdempotencyKey? {
        // The header of the IETF draft "The Idempotency-Key HTTP Header Field".
        let header = request.headers.first { $0.name.canonicalName == "idempotency-key" }?.value
        guard let text = header ?? form?["_request"] else { return nil }
        guard let key = IdempotencyKey(text) else { throw Refusal.badIdempotencyKey }
        return key
    }
}
