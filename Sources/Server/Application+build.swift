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

func buildRouter(_ settings: ServerSettings, logger: Logger) throws -> Router<TukiRequestContext> {
    let ledger = try LedgerService(paths: settings.paths)
    let pages = try Pages()
    let tokens = APITokens()
    let signIn = SignInController(ledger: ledger, pages: pages, limiter: SignInLimiter(), tokens: tokens)

    let router = Router(context: TukiRequestContext.self)
    router.add(middleware: RequestLogMiddleware())
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: ErrorMiddleware(pages: pages))
    router.add(middleware: SessionMiddleware(storage: MemoryPersistDriver(), configuration: .init(
        sessionCookieParameters: .init(name: "tuki_session", path: "/", secure: settings.secureCookies, sameSite: .strict),
        defaultSessionExpiration: SignInController.sessionLength)))
    router.add(middleware: IdentityMiddleware(ledger: ledger, tokens: tokens))

    router.get("/static/tuki.css") { _, _ in
        Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=3600"],
                 body: .init(byteBuffer: ByteBuffer(string: Templates.stylesheet)))
    }
    router.get("/api/v1/openapi.json") { _, _ in
        Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: OpenAPIDocument.json)))
    }
    router.post("/api/v1/tokens", use: signIn.issueToken)

    let api = router.group("/api/v1", context: SignedInContext.self)
    APIController(ledger: ledger).addRoutes(to: api)

    let forms = router.group().add(middleware: CSRFMiddleware())
    signIn.addPublicRoutes(to: forms)
    signIn.addPasswordRoutes(to: forms)
    let pagesGroup = forms.group(context: SignedInContext.self)
    signIn.addRoutes(to: pagesGroup)
    GroupsController(ledger: ledger, pages: pages).addRoutes(to: pagesGroup)
    CoordinatorController(ledger: ledger, pages: pages).addRoutes(to: pagesGroup)
    ReportsController(ledger: ledger, pages: pages).addRoutes(to: pagesGroup)
    ListsController(ledger: ledger, pages: pages).addRoutes(to: pagesGroup)
    RecordingController(ledger: ledger, pages: pages).addRoutes(to: pagesGroup)
    PeopleController(ledger: ledger, pages: pages).addRoutes(to: pagesGroup)
    AuditController(ledger: ledger, pages: pages).addRoutes(to: pagesGroup)
    return router
}
