import Hummingbird
import HummingbirdAuth
import Ledger

/// The pages' authenticator: the browser session's user, once every step of signing in is done,
/// with the roles the ledger gives them now (so a role revoked takes effect at the next click).
/// A session of an older generation (the password changed since) is ended here; one whose user
/// now holds a role that needs a second factor it did not pass is ended too, so that signing in
/// again asks for it.
struct SessionIdentity: AuthenticatorMiddleware {
    typealias Context = TukiRequestContext
    let ledger: LedgerService
    let sessions: UserSessions

    func authenticate(request: Request, context: Context) async throws -> SignedInUser? {
        guard let session = context.sessions.session else { return nil }
        guard await sessions.generation(of: session.user) == session.generation else {
            context.sessions.clearSession()
            return nil
        }
        guard session.stage == .signedIn else { return nil }
        let user = SignedInUser(name: session.user, roles: try ledger.roles(of: session.user))
        guard session.usedSecondFactor || !user.needsSecondFactor else {
            context.sessions.clearSession()
            return nil
        }
        return user
    }
}

/// The API's authenticator: `Authorization: Bearer <token>` from `POST /api/v1/tokens`, and
/// nothing else — a browser sends its cookie by itself, so the API, which has no form tokens,
/// must not accept it.
struct TokenIdentity: AuthenticatorMiddleware {
    typealias Context = TukiRequestContext
    let ledger: LedgerService
    let tokens: APITokens
    let sessions: UserSessions

    func authenticate(request: Request, context: Context) async throws -> SignedInUser? {
        guard let bearer = request.headers.bearer, let token = await tokens.token(bearer.token),
              await sessions.generation(of: token.user) == token.generation
        else { return nil }
        let user = SignedInUser(name: token.user, roles: try ledger.roles(of: token.user))
        guard token.usedSecondFactor || !user.needsSecondFactor else { return nil }
        return user
    }
}

extension SignedInUser {
    /// Coordinators and auditors see names and identity codes (or the whole ledger): a password
    /// alone does not open that.
    var needsSecondFactor: Bool {
        roles.keys.contains { $0 == .coordinator || $0 == .auditor }
    }
}
