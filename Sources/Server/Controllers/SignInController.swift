import Foundation
import Hummingbird
import HummingbirdAuth
import Ledger
import NIOPosix

/// Signing in and out, choosing one's password, and the page language.
struct SignInController {
    let ledger: LedgerService
    let pages: Pages
    let limiter: SignInLimiter
    let tokens: APITokens

    /// A signed-in browser session lasts a working day.
    static let sessionLength: Duration = .seconds(10 * 3600)

    func addPublicRoutes(to router: some RouterMethods<TukiRequestContext>) {
        router.get("/signin", use: signInPage)
        router.post("/signin", use: signIn)
    }

    func addRoutes(to group: RouterGroup<SignedInContext>) {
        group.get("/", use: home)
        group.get("/no-role", use: noRole)
        group.post("/language", use: setLanguage)
    }

    /// Open to a session still on its one-time password.
    func addPasswordRoutes(to router: some RouterMethods<TukiRequestContext>) {
        router.get("/password", use: passwordPage)
        router.post("/password", use: setPassword)
        router.post("/signout", use: signOut)
    }

    @Sendable func signInPage(_ request: Request, context: TukiRequestContext) async throws -> Response {
        pages.render("signin", title: .signIn, language: context.language, user: nil, csrf: nil)
    }

    @Sendable func signIn(_ request: Request, context: TukiRequestContext) async throws -> Response {
        let user = (context.form["user"] ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        let password = context.form["password"] ?? ""
        guard let entry = try await check(user: user, password: password, peer: context.peer) else {
            return pages.render("signin", title: .signIn, language: context.language, user: nil, csrf: nil,
                                status: .unauthorized, problem: PageText.text(.wrongPassword, context.language))
        }
        // A new session id at every sign-in: an id planted before it is worth nothing after.
        context.sessions.createSession(
            WebSession(user: user, csrf: RandomToken.make(), mustChangePassword: entry.mustChangePassword, language: context.language),
            expiresIn: Self.sessionLength)
        if entry.mustChangePassword { return .redirect(to: "/password") }
        return .redirect(to: SignedInUser(name: user, roles: try ledger.roles(of: user)).home)
    }

    /// The user's entry if the password is theirs; nil if not. Throws 429 while the name or the
    /// address is blocked. bcrypt runs on NIO's thread pool, off the request threads.
    private func check(user: String, password: String, peer: String) async throws -> Credentials.Entry? {
        guard await !limiter.isBlocked(user: user, address: peer) else { throw Refusal.tooManyAttempts }
        let path = ledger.paths.credentials
        let entry = try await NIOThreadPool.singleton.runIfActive {
            try Credentials.load(from: path).verify(user, password: password)
        }
        if entry == nil { await limiter.failed(user: user, address: peer) } else { await limiter.succeeded(user: user) }
        return entry
    }

    struct TokenRequest: Decodable {
        let user: String
        let password: String
    }

    struct TokenResponse: ResponseEncodable {
        let token: String
        let expiresInSeconds: Int
    }

    /// `POST /api/v1/tokens`: a bearer token for the API, for a user with a password of their own.
    @Sendable func issueToken(_ request: Request, context: TukiRequestContext) async throws -> Response {
        let body = try await request.decode(as: TokenRequest.self, context: context)
        let user = body.user.lowercased()
        guard let entry = try await check(user: user, password: body.password, peer: context.peer) else {
            return APIResponse.error(.unauthorized, PageText.text(.wrongPassword, .en))
        }
        guard !entry.mustChangePassword else {
            return APIResponse.error(.forbidden, "Choose your own password on the sign-in page first.")
        }
        let token = await tokens.issue(for: user)
        return try APIResponse.json(TokenResponse(token: token, expiresInSeconds: Int(APITokens.lifetime.components.seconds)), status: .created)
    }

    @Sendable func passwordPage(_ request: Request, context: TukiRequestContext) async throws -> Response {
        guard let session = context.sessions.session else { throw NotSignedIn() }
        return pages.render("password", title: .setPassword, language: context.language, user: session.user, csrf: session.csrf,
                            values: ["mustChange": session.mustChangePassword])
    }

    @Sendable func setPassword(_ request: Request, context: TukiRequestContext) async throws -> Response {
        guard var session = context.sessions.session else { throw NotSignedIn() }
        let password = context.form["password"] ?? ""
        let problem: PageText.Key? = if password != context.form["repeat"] {
            .passwordsDiffer
        } else if password.count < Credentials.shortestPassword {
            .passwordTooShort
        } else if password.utf8.count > Credentials.longestPasswordBytes {
            .passwordTooLong
        } else {
            nil
        }
        if let problem {
            return pages.render("password", title: .setPassword, language: context.language, user: session.user, csrf: session.csrf,
                                status: .unprocessableContent, problem: PageText.text(problem, context.language),
                                values: ["mustChange": session.mustChangePassword])
        }
        let path = ledger.paths.credentials
        let user = session.user
        try await NIOThreadPool.singleton.runIfActive {
            var credentials = try Credentials.load(from: path)
            credentials.setPassword(password, for: user)
            try credentials.save(to: path)
        }
        session.mustChangePassword = false
        session.csrf = RandomToken.make()
        // A fresh session id once the password is the user's own.
        context.sessions.createSession(session, expiresIn: Self.sessionLength)
        return .redirect(to: SignedInUser(name: user, roles: try ledger.roles(of: user)).home)
    }

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

    @Sendable func setLanguage(_ request: Request, context: SignedInContext) async throws -> Response {
        guard let language = context.form["to"].flatMap(PageLanguage.init(rawValue:)) else { throw Refusal.badForm }
        context.sessions.withLockedSession { $0?.language = language }
        return .redirect(to: context.user.home)
    }
}
