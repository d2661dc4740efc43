import Hummingbird
import HummingbirdAuth
import Ledger

/// What a browser's session holds between requests (in the server's memory, under a random id
/// that only the HttpOnly cookie carries).
struct WebSession: Codable, Sendable {
    var user: String
    /// The token every form of this session carries back (`CSRFMiddleware`).
    var csrf: String
    /// Signed in with a one-time password: only choosing a password of one's own is open.
    var mustChangePassword: Bool
    var language: PageLanguage
}

/// Every request's context: the session, the user it signs in (nil before sign-in) and, for a
/// form, its fields once `CSRFMiddleware` has checked them.
struct TukiRequestContext: AuthRequestContext, SessionRequestContext {
    var coreContext: CoreRequestContextStorage
    var identity: SignedInUser?
    let sessions: SessionContext<WebSession>
    var form = FormFields()
    /// The peer's address, for limiting sign-in attempts (behind a proxy: the proxy's).
    let peer: String

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        identity = nil
        sessions = .init()
        peer = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }

    var language: PageLanguage { sessions.session?.language ?? .fi }
}

/// The context of the routes behind sign-in: a user who is never nil.
struct SignedInContext: ChildRequestContext {
    var coreContext: CoreRequestContextStorage
    let user: SignedInUser
    let session: WebSession?
    let sessions: SessionContext<WebSession>
    let form: FormFields
    let language: PageLanguage

    init(context: TukiRequestContext) throws {
        guard let user = context.identity else { throw NotSignedIn() }
        coreContext = context.coreContext
        self.user = user
        session = context.sessions.session
        sessions = context.sessions
        form = context.form
        language = context.language
    }

    /// Refuses with 403 unless the user may do `capability`.
    func require(_ capability: Capability...) throws {
        guard capability.contains(where: user.may) else { throw Refusal.forbidden }
    }

    /// Refuses with 403 unless the user may open this activity's group.
    func requireGroup(_ activity: String) throws {
        guard user.may(.groups), user.mayOpen(activity: activity) else { throw Refusal.forbidden }
    }
}

/// No one is signed in: pages send the browser to sign in, the API answers 401.
struct NotSignedIn: Error {}
