import Hummingbird
import Ledger

/// One's own password: chosen after a one-time password, changed later.
extension SignInController {

    @Sendable func passwordPage(_ request: Request, context: TukiRequestContext) async throws -> Response {
        let session = try context.session(at: .password, .signedIn)
        return renderPassword(session, context)
    }

    /// A new password: after a one-time password, the session's next step; otherwise only with
    /// the current password (ASVS 2.1.6). Either way the session gets a new id and every other
    /// session and API token of the user ends (ASVS 3.3.3).
    @Sendable func setPassword(_ request: Request, context: TukiRequestContext) async throws -> Response {
        var session = try context.session(at: .password, .signedIn)
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
            return renderPassword(session, context, status: .unprocessableContent, problem: PageText.text(problem, context.language))
        }
        if session.stage == .signedIn {
            try await limiter.reserve(user: session.user, address: context.peer)
            guard try await accounts.verify(context.form["current"] ?? "", of: session.user) != nil else {
                return renderPassword(session, context, status: .unauthorized, problem: PageText.text(.wrongCurrentPassword, context.language))
            }
            await limiter.succeeded(user: session.user, address: context.peer)
        }
        try await accounts.setPassword(password, of: session.user)
        session.generation = await sessions.endAll(of: session.user)
        session.needsPassword = false
        return try advance(session, context)
    }

    private func renderPassword(_ session: WebSession, _ context: TukiRequestContext, status: HTTPResponse.Status = .ok,
                                problem: String? = nil) -> Response {
        pages.render(.password, title: .setPassword, language: context.language, user: session.user, csrf: session.csrf,
                     status: status, problem: problem, values: ["mustChange": session.needsPassword])
    }
}
