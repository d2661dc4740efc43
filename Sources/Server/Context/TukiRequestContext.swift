import Hummingbird
import HummingbirdAuth
import Ledger
import Vocabulary

/// What a browser's session holds between requests (in the server's memory, under a random id
/// that only the HttpOnly cookie carries).
struct WebSession: Codable, Sendable {
    var user: String
    /// The token every form of this session carries back (`CSRFMiddleware`).
    var csrf: String
    var language: PageLanguage
    /// The user's sign-in generation when the session began (`UserSessions`): a password change
    /// starts a new one, which ends every older session of the user.
    var generation: Int
    /// The steps of signing in still ahead, in this order: the authenticator's code, a password
    /// of one's own (after a one-time password), enrolling an authenticator (a role that needs one).
    var needsCode = false
    var needsPassword = false
    var needsEnrolment = false
    /// The session passed a second factor (a code, a recovery code, or enrolling one).
    var usedSecondFactor = false
    /// While enrolling: the new authenticator's secret, until a code of it confirms it.
    var pendingSecret: String?

    enum Stage: Sendable { case code, password, enrolment, signedIn }

    var stage: Stage {
        if needsCode { return .code }
        if needsPassword { return .password }
        if needsEnrolment { return .enrolment }
        return .signedIn
    }

    /// The page of the step still ahead; the user's home once signed in.
    var nextPage: String? {
        switch stage {
        case .code: "/signin/code"
        case .password: "/password"
        case .enrolment: "/second-factor"
        case .signedIn: nil
        }
    }
}

/// Every request's context: the session, the user it signs in (nil before sign-in) and, for a
/// form, its fields once `FormMiddleware` has read them.
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

    /// A form or a JSON body is small: an attendance sheet of a large group is a few kilobytes.
    /// A larger one is answered 413.
    static let largestBody = 256 * 1024
    var maxUploadSize: Int { Self.largestBody }

    var language: PageLanguage { sessions.session?.language ?? .fi }

    /// The session, if it is at one of `stages` of signing in (`.signedIn` only with every check
    /// of its identity passed); else the browser is sent on to its step, or to sign in.
    func session(at stages: WebSession.Stage...) throws -> WebSession {
        guard let session = sessions.session, stages.contains(session.stage), session.stage != .signedIn || identity != nil
        else { throw NotSignedIn() }
        return session
    }
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

    var maxUploadSize: Int { TukiRequestContext.largestBody }
}

/// No one is signed in: pages send the browser to sign in (or to the step of signing in it is
/// at), the API answers 401.
struct NotSignedIn: Error {}
