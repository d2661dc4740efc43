import EventStore
import Foundation
import Hummingbird
import Ledger
import Logging
import Vocabulary

/// Turns every failure into an answer that tells no secrets: a page in the user's language for a
/// browser (`.page`), `{"error": …}` for the API (`.json`). Each group has its own, inside its
/// identity, so that an error page shows who is signed in. A refusal by the ledger's schema or
/// rules gives its own sentence (which names the field and the rule, never a value); a client's
/// mistake is a 4xx (a body too large 413); anything unexpected is logged by its type alone and
/// answered with a plain "the server failed".
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = TukiRequestContext

    enum Answer: Sendable {
        case page(Pages)
        case json
    }

    let answer: Answer

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            switch answer {
            case .json:
                // A program says its language in the request; pages keep the session's.
                let language = Language(acceptLanguage: request.headers[.acceptLanguage])
                let (status, text) = Self.classify(error, context, language)
                guard let refusal = error as? LedgerRefusal else { return APIResponse.error(status, text) }
                let field = refusal.field.hasPrefix("data.") ? String(refusal.field.dropFirst(5)) : refusal.field
                return APIResponse.error(status, text, rule: refusal.rule, field: field)
            case let .page(pages):
                let language = context.language
                let (status, text) = Self.classify(error, context, language)
                if status == .unauthorized {
                    // Signed in already (a step's page opened again): home; at a step: that step.
                    if context.identity != nil { return .redirect(to: "/") }
                    return .redirect(to: context.sessions.session?.nextPage ?? "/signin")
                }
                return pages.message(status: status, title: PageText.text(.appName, language), text: text,
                                     language: language, user: context.identity?.name, csrf: context.sessions.session?.csrf)
            }
        }
    }

    /// The status and sentence of a failure.
    static func classify(_ error: any Error, _ context: Context, _ language: Language) -> (HTTPResponse.Status, String) {
        let (status, key) = status(of: error, context)
        if let refusal = error as? LedgerRefusal { return (status, PageText.refusal(refusal, language)) }
        return (status, PageText.text(key, language))
    }

    private static func status(of error: any Error, _ context: Context) -> (HTTPResponse.Status, PageText.Key) {
        switch error {
        case is NotSignedIn:
            return (.unauthorized, .notSignedIn)
        case let refusal as Refusal:
            return (refusal.status, refusal.text)
        case is LedgerRefusal:
            return (.unprocessableContent, .refused)
        case EventStoreError.wrongExpectedVersion, EventStoreError.eventIdReused:
            return (Refusal.conflict.status, Refusal.conflict.text)
        case let error as HTTPError where error.status == .notFound || error.status == .methodNotAllowed:
            return (error.status, .notFound)
        case let error as HTTPError where error.status == .contentTooLarge:
            return (.contentTooLarge, .tooLarge)
        case let error as any HTTPResponseError where error.status == .contentTooLarge:
            return (.contentTooLarge, .tooLarge)
        case let error as HTTPError where error.status.code < 500:
            return (error.status, .badForm)
        case is DecodingError:
            return (.badRequest, .badForm)
        default:
            context.logger.error("request failed", metadata: ["error": "\(type(of: error))"])
            return (.internalServerError, .serverError)
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
