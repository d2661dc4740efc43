import Foundation
import Hummingbird
import HummingbirdAuth
import Logging

/// What `tuki serve` is told.
public struct ServerSettings: Sendable {
    public var paths: LedgerPaths
    public var host = "127.0.0.1"
    public var port = 8080
    /// Mark the session cookie Secure (sent over HTTPS only). On unless the server is reached over
    /// plain HTTP on this machine only; browsers treat http://127.0.0.1 and http://localhost as
    /// secure, so the cookie works there either way.
    public var secureCookies = true
    public var logLevel: Logger.Level = .info

    public init(paths: LedgerPaths) {
        self.paths = paths
    }
}

/// The server: the router and its middleware, on Hummingbird. `onStarted` is told the port once
/// the server listens (the port asked for, or the one the system chose for port 0).
public func buildApplication(_ settings: ServerSettings, onStarted: @escaping @Sendable (Int) async -> Void = { _ in })
    throws -> some ApplicationProtocol {
    var logger = Logger(label: "tuki")
    logger.logLevel = settings.logLevel
    let router = try buildRouter(settings, logger: logger)
    return Application(
        router: router,
        configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "Tuki"),
        onServerRunning: { channel in await onStarted(channel.localAddress?.port ?? settings.port) },
        logger: logger)
}

/// The router: pages and API as route groups, each with its own authenticator and error answer.
///
/// - Pages: the session cookie (`SessionMiddleware`, `SessionIdentity`), error pages that know who
///   is signed in, and each form post read only when it comes from this server's pages
///   (`FormMiddleware`). Sign-in is a group of its own; every other form also carries the
///   session's token (`CSRFMiddleware`). The steps of signing in (a code, a password of one's
///   own, an authenticator) are open to a session at that step; everything else needs a user
///   (`SignedInContext`), and each controller's routes say whose (`Allow`).
/// - API (`/api/v1`): bearer tokens only (`TokenIdentity`), errors as JSON.
func buildRouter(_ settings: ServerSettings, logger: Logger) throws -> Router<TukiRequestContext> {
    let ledger = try LedgerService(paths: settings.paths)
    let pages = try Pages()
    let tokens = APITokens()
    let sessions = UserSessions()
    let signIn = SignInController(ledger: ledger, pages: pages, accounts: UserAccounts(path: settings.paths.credentials),
                                  limiter: SignInLimiter(), sessions: sessions, tokens: tokens)

    let router = Router(context: TukiRequestContext.self)
    router.add(middleware: RequestLogMiddleware())
    router.add(middleware: SecurityHeadersMiddleware())
    // What no group answers: an address or a method that does not exist.
    router.add(middleware: ErrorMiddleware(answer: .page(pages)))

    router.get("/static/tuki.css") { _, _ in
        Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=3600"],
                 body: .init(byteBuffer: ByteBuffer(string: Templates.stylesheet)))
    }
    router.get("/api/v1/openapi.json") { _, _ in
        Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: OpenAPIDocument.json)))
    }

    let api = router.group("/api/v1")
        .add(middleware: TokenIdentity(ledger: ledger, tokens: tokens, sessions: sessions))
        .add(middleware: ErrorMiddleware(answer: .json))
    signIn.addTokenRoutes(to: api)
    let apiUser = api.group(context: SignedInContext.self)
    APIController(ledger: ledger).addRoutes(to: apiUser)
    apiUser.get("**") { _, _ -> Response in throw Refusal.notFound }

    let web = router.group()
        .add(middleware: SessionMiddleware(storage: MemoryPersistDriver(), configuration: .init(
            sessionCookieParameters: .init(name: "tuki_session", path: "/", secure: settings.secureCookies, sameSite: .strict),
            defaultSessionExpiration: SignInController.sessionLength)))
        .add(middleware: SessionIdentity(ledger: ledger, sessions: sessions))
        .add(middleware: ErrorMiddleware(answer: .page(pages)))
        .add(middleware: FormMiddleware())
    signIn.addSignInRoutes(to: web.group())
    let forms = web.group().add(middleware: CSRFMiddleware())
    signIn.addStepRoutes(to: forms)
    let user = forms.group(context: SignedInContext.self)
    signIn.addRoutes(to: user)
    GroupsController(ledger: ledger, pages: pages).addRoutes(to: user)
    let handles = PersonHandles()
    CoordinatorController(ledger: ledger, pages: pages, handles: handles).addRoutes(to: user)
    ReportsController(ledger: ledger, pages: pages).addRoutes(to: user)
    CostsController(ledger: ledger, pages: pages).addRoutes(to: user)
    ListsController(ledger: ledger, pages: pages).addRoutes(to: user)
    RecordingController(ledger: ledger, pages: pages).addRoutes(to: user)
    PeopleController(ledger: ledger, pages: pages, handles: handles).addRoutes(to: user)
    AuditController(ledger: ledger, pages: pages).addRoutes(to: user)
    return router
}
