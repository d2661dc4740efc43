import HTTPTypes
import Hummingbird

/// Reads a form post's fields into `context.form`, once its request is known to come from a page
/// of this server (`Sec-Fetch-Site`, else `Origin`, against the request's own host). The session
/// cookie is SameSite=Strict as well; the check stands for browsers that do not honour it. A body
/// larger than the context's limit is answered 413.
struct FormMiddleware: RouterMiddleware {
    typealias Context = TukiRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method != .get, request.method != .head else { return try await next(request, context) }
        var request = request
        var context = context
        guard Self.isSameOrigin(request) else { throw Refusal.staleForm }
        let body = try await request.collectBody(upTo: context.maxUploadSize)
        if let type = request.headers[.contentType], type.lowercased().hasPrefix("multipart/") {
            // A file sent from a page (a spreadsheet's participants).
            guard let boundary = FormFields.multipartBoundary(type), let form = try? FormFields(multipart: body, boundary: boundary)
            else { throw Refusal.badForm }
            context.form = form
        } else {
            context.form = FormFields(encoded: String(buffer: body))
        }
        return try await next(request, context)
    }

    static func isSameOrigin(_ request: Request) -> Bool {
        if let site = request.headers[.secFetchSite] { return site == "same-origin" || site == "none" }
        guard let origin = request.headers[.origin] else { return true }
        guard let host = request.head.authority else { return false }
        return origin == "http://\(host)" || origin == "https://\(host)"
    }
}

/// Guards every form post of a session: besides coming from this server's pages (`FormMiddleware`,
/// before it), the form must carry the session's token in the field `_csrf`. Sign-in, which has no
/// session yet, is a group of its own without this check.
struct CSRFMiddleware: RouterMiddleware {
    typealias Context = TukiRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method != .get, request.method != .head else { return try await next(request, context) }
        guard let expected = context.sessions.session?.csrf, let given = context.form["_csrf"],
              constantTimeEqual(Array(expected.utf8), Array(given.utf8))
        else { throw Refusal.staleForm }
        return try await next(request, context)
    }
}

extension HTTPField.Name {
    static let secFetchSite = HTTPField.Name("Sec-Fetch-Site")!
}
