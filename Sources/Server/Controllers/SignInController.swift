import Foundation
import Hummingbird
import HummingbirdAuth
import Ledger
import Vocabulary

/// Signing in, step by step: the password; the authenticator's code (a user who has one); a
/// password of one's own (after a one-time password, which is spent by the sign-in it lets
/// through); enrolling an authenticator (coordinators and auditors, who see names, must). Also
/// changing one's password, signing out, the page language, and the API's tokens.
struct SignInController {
    let ledger: LedgerService
    let pages: Pages
    let accounts: UserAccounts
    let limiter: SignInLimiter
    let sessions: UserSessions
    let tokens: APITokens

    /// A signed-in browser session lasts a working day.
    static let sessionLength: Duration = .seconds(10 * 3600)

    /// Sign-in itself, which has no session (and so no form token) yet.
    func addSignInRoutes(to group: RouterGroup<TukiRequestContext>) {
        group.get("/signin", use: signInPage)
        group.post("/signin", use: signIn)
    }

    /// The steps after the password, open to a session at that step; signing out and the page
    /// language, open to any session.
    func addStepRoutes(to group: RouterGroup<TukiRequestContext>) {
        group.get("/signin/code", use: codePage)
        group.post("/signin/code", use: code)
        group.get("/password", use: passwordPage)
        group.post("/password", use: setPassword)
        group.get("/second-factor", use: enrolmentPage)
        group.post("/second-factor", use: enrol)
        group.post("/signout", use: signOut)
        group.post("/language", use: setLanguage)
    }

    func addRoutes(to group: RouterGroup<SignedInContext>) {
        group.get("/", use: home)
        group.get("/no-role", use: noRole)
    }

    func addTokenRoutes(to group: RouterGroup<TukiRequestContext>) {
        group.post("/tokens", use: issueToken)
    }

    // MARK: The password

    @Sendable func signInPage(_ request: Request, context: TukiRequestContext) async throws -> Response {
        pages.render(.signIn, title: .signIn, language: context.language, user: nil, csrf: nil)
    }

    @Sendable func signIn(_ request: Request, context: TukiRequestContext) async throws -> Response {
        let name = (context.form["user"] ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        let password = context.form["password"] ?? ""
        try await limiter.reserve(user: name, address: context.peer)
        guard let entry = try await accounts.signIn(name, password: password) else {
            return pages.render(.signIn, title: .signIn, language: context.language, user: nil, csrf: nil,
                                status: .unauthorized, problem: PageText.text(.wrongPassword, context.language))
        }
        await limiter.succeeded(user: name, address: context.peer)
        let user = SignedInUser(name: name, roles: try ledger.roles(of: name))
        var session = WebSession(user: name, csrf: RandomToken.make(), language: context.language,
                                 generation: await sessions.generation(of: name))
        session.needsCode = entry.secondFactor != nil
        session.needsPassword = entry.mustChangePassword
        session.needsEnrolment = entry.secondFactor == nil && user.needsSecondFactor
        // A new session id at every sign-in: an id planted before it is worth nothing after.
        context.sessions.createSession(session, expiresIn: Self.sessionLength)
        return .redirect(to: session.nextPage ?? user.home)
    }

    // MARK: Signing out, home, language

    @Sendable func signOut(_ request: Request, context: TukiRequestContext) async throws -> Response {
        context.sessions.clearSession()
        return .redirect(to: "/signin")
    }

    @Sendable func home(_ request: Request, context: SignedInContext) async throws -> Response {
        .redirect(to: context.user.home)
    }

    @Sendable func noRole(_ request: Request, context: SignedInContext) async throws -> Response {
        pages.message(status: .ok, title: PageText.text(.appName, context.language), text: PageText.text(.noRole, context.language),
                      language: context.language, user: context.user.name, csrf: context.session?.csrf)
    }

    /// The page language, at any step of signing in and after.
    @Sendable func setLanguage(_ request: Request, context: TukiRequestContext) async throws -> Response {
        guard let session = context.sessions.session else { throw NotSignedIn() }
        guard let language = context.form["to"].flatMap(PageLanguage.init(rawValue:)) else { throw Refusal.badForm }
        context.sessions.withLockedSession { $0?.language = language }
        return .redirect(to: context.identity?.home ?? session.nextPage ?? "/signin")
    }

    // MARK: The API's tokens

    struct TokenRequest: Decodable {
        let user: String
        let password: String
        /// The authenticator's code (or a recovery code), for a user who has enrolled one.
        let code: String?
    }

    struct TokenResponse: ResponseEncodable {
        let token: String
        let expiresInSeconds: Int
    }

    /// `POST /api/v1/tokens`: a bearer token for the API, for a user with a password of their own
    /// and, if they have an authenticator, its code. A role that needs a second factor gets no
    /// token before one is enrolled on the pages.
    @Sendable func issueToken(_ request: Request, context: TukiRequestContext) async throws -> Response {
        let body = try await request.decode(as: TokenRequest.self, context: context)
        let name = body.user.lowercased()
        try await limiter.reserve(user: name, address: context.peer)
        guard let entry = try await accounts.verify(body.password, of: name) else { throw Refusal.wrongPassword }
        guard !entry.mustChangePassword else { throw Refusal.choosePasswordFirst }
        let user = SignedInUser(name: name, roles: try ledger.roles(of: name))
        if entry.secondFactor != nil {
            guard let code = body.code, try await accounts.useSecondFactor(code, of: name) else { throw Refusal.wrongCode }
        } else if user.needsSecondFactor {
            throw Refusal.enrolFirst
        }
        await limiter.succeeded(user: name, address: context.peer)
        let token = await tokens.issue(for: name, generation: await sessions.generation(of: name), usedSecondFactor: entry.secondFactor != nil)
        return try APIResponse.json(TokenResponse(token: token, expiresInSeconds: Int(APITokens.lifetime.components.seconds)), status: .created)
    }

    // MARK: Steps

    /// A step done: a new session id and form token (the session now has more rights than the
    /// one an attacker might have planted or seen), then the next step or the user's home.
    func advance(_ session: WebSession, _ context: TukiRequestContext) throws -> Response {
        var session = session
        session.csrf = RandomToken.make()
        context.sessions.createSession(session, expiresIn: Self.sessionLength)
        if let next = session.nextPage { return .redirect(to: next) }
        return .redirect(to: SignedInUser(name: session.user, roles: try ledger.roles(of: session.user)).home)
    }
}
