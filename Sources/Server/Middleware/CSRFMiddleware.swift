import HTTPTypes
import Hummingbird

/// Guards every form post of a signed-in browser: the request must come from a page of this
/// server (`Sec-Fetch-Site`, else `Origin`, against the request's own host) and carry the
/// session's token in the field `_csrf`. The session cookie is SameSite=Strict as well; the two
/// checks stand for browsers that do not honour it. The form's fields, once checked, are given to
/// the handler in `context.form`.
struct CSRFMiddleware: RouterMiddleware {
    typealias Context = TukiRequestContext
    /// A form is small: an attendance sheet of a large group is a few kilobytes.
    static let largestForm = 256 * 1024

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method != .get, request.method != .head else { return try await next(request, context) }
        var request = request
        var context = context
        guard Self.isSameOrigin(request) else { throw Refusal.staleForm }
        let body = try await request.collectBody(upTo: Self.largestForm)
        context.form = FormFields(encoded: String(buffer: body))
        // Sign-in has no session yet: the same-origin check stands alone there.
        if context.endpointPath != "/signin" {
            guard let expected = context.sessions.session?.csrf, let given = context.form["_csrf"],
                  Self.constantTimeEqual(Array(expected.utf8), Array(given.utf8))
            else { throw Refusal.staleForm }
        }
        return try await next(request, context)
    }

    static func isSameOrigin(_ request: Request) -> Bool {
        if let site = request.headers[.secFetchSite] { return site == "same-origin" || site == "none" }
        guard let origin = request.headers[.origin] else { return true }
        guard let host = request.head.authority else { return false }
        return origin == "http://\(host)" || origin == "https://\(host)"
    }

    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

extension HTTPField.Name {
    static let secFetchSite = HTTPField.Name("Sec-Fetch-Site")!
}
