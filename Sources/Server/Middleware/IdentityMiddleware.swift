import Foundation
import Hummingbird
import HummingbirdAuth
import Ledger

/// Finds who is signing the request — the browser session's user, or an API token's — and gives
/// the context that user with the roles the ledger gives them now. A session still on a one-time
/// password gets no identity: only the password page (`/password`) and signing out are open to it.
struct IdentityMiddleware: RouterMiddleware {
    typealias Context = TukiRequestContext
    let ledger: LedgerService
    let tokens: APITokens

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        // The API takes only tokens, the pages only the session cookie: a browser sends the
        // cookie by itself, so the API, which has no form tokens, must not accept it.
        if request.uri.path.hasPrefix("/api/") {
            if let bearer = request.headers[.authorization], bearer.hasPrefix("Bearer "),
               let user = await tokens.user(for: String(bearer.dropFirst("Bearer ".count))) {
                context.identity = SignedInUser(name: user, roles: try ledger.roles(of: user))
            }
        } else if let session = context.sessions.session, !session.mustChangePassword {
            context.identity = SignedInUser(name: session.user, roles: try ledger.roles(of: session.user))
        }
        return try await next(request, context)
    }
}

/// The API's bearer tokens: random, kept in memory only, for eight hours. A token is not a cookie,
/// so a browser never sends one on its own, and the API needs no CSRF token.
actor APITokens {
    private var tokens: [String: (user: String, expires: ContinuousClock.Instant)] = [:]
    static let lifetime: Duration = .seconds(8 * 3600)

    func issue(for user: String) -> String {
        let now = ContinuousClock.now
        tokens = tokens.filter { $0.value.expires > now }
        let token = RandomToken.make()
        tokens[token] = (user, now + Self.lifetime)
        return token
    }

    func user(for token: String) -> String? {
        guard let entry = tokens[token], entry.expires > .now else { return nil }
        return entry.user
    }
}

enum RandomToken {
    /// 32 random bytes as URL-safe base64 (256 bits).
    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}
