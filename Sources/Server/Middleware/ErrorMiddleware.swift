import EventStore
import Foundation
import Hummingbird
import Ledger
import Logging

/// Turns every failure into an answer that tells no secrets: a page in the user's language for a
/// browser, `{"error": …}` for the API. A refusal by the ledger's schema or rules gives its own
/// sentence (which names the field and the rule, never a value); anything unexpected is logged by
/// its type alone and answered with a plain "the server failed".
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = TukiRequestContext
    let pages: Pages

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let isAPI = request.uri.path.hasPrefix("/api/")
            let language = context.language
            let (status, message): (HTTPResponse.Status, String)
            switch error {
            case is NotSignedIn:
                if !isAPI { return .redirect(to: context.sessions.session?.mustChangePassword == true ? "/password" : "/signin") }
                (status, message) = (.unauthorized, PageText.text(.notSignedIn, language))
            case let refusal as Refusal:
                (status, message) = (refusal.status, PageText.text(refusal.text, language))
            case let refusal as LedgerRefusal:
                (status, message) = (.unprocessableContent, PageText.refusal(refusal, language))
            case EventStoreError.wrongExpectedVersion, EventStoreError.eventIdReused:
                (status, message) = (Refusal.conflict.status, PageText.text(Refusal.conflict.text, language))
            case let error as HTTPError where error.status == .notFound || error.status == .methodNotAllowed:
                (status, message) = (error.status, PageText.text(.notFound, language))
            case let error as HTTPError where error.status.code < 500:
                (status, message) = (error.status, PageText.text(.badForm, language))
            default:
                context.logger.error("request failed", metadata: ["error": "\(type(of: error))"])
                (status, message) = (.internalServerError, PageText.text(.serverError, language))
            }
            if isAPI { return APIResponse.error(status, message) }
            return pages.message(status: status, title: PageText.text(.appName, language), text: message,
                                 language: language, user: context.identity?.name, csrf: context.sessions.session?.csrf)
        }
    }
}

/// One line per request: the method, the route's pattern (`/groups/{activity}`, never the ids or
/// the query), the status and the time taken. No personal data reaches the log.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next(request, context)
        let elapsed = ContinuousClock.now - start
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        context.logger.info("\(request.method) \(context.endpointPath ?? "(no route)") \(response.status.code) \(String(format: "%.1f", milliseconds)) ms")
        return response
    }
}
