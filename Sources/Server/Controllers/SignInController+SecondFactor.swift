import Foundation
import Hummingbird
import Ledger

/// The second factor: the authenticator's code at sign-in, and enrolling an authenticator.
extension SignInController {

    @Sendable func codePage(_ request: Request, context: TukiRequestContext) async throws -> Response {
        let session = try context.session(at: .code)
        return pages.render(.code, title: .secondFactor, language: context.language, user: nil, csrf: session.csrf)
    }

    @Sendable func code(_ request: Request, context: TukiRequestContext) async throws -> Response {
        var session = try context.session(at: .code)
        try await limiter.reserve(user: session.user, address: context.peer)
        guard try await accounts.useSecondFactor(context.form["code"] ?? "", of: session.user) else {
            return pages.render(.code, title: .secondFactor, language: context.language, user: nil, csrf: session.csrf,
                                status: .unauthorized, problem: PageText.text(.wrongCode, context.language))
        }
        await limiter.succeeded(user: session.user, address: context.peer)
        session.needsCode = false
        session.usedSecondFactor = true
        return try advance(session, context)
    }

    /// Enrolling an authenticator: its secret as an `otpauth://` address (a phone opens its app
    /// from the link) and as text to type in, then a code of it to confirm.
    @Sendable func enrolmentPage(_ request: Request, context: TukiRequestContext) async throws -> Response {
        let session = try context.session(at: .enrolment, .signedIn)
        if try await accounts.entry(of: session.user)?.secondFactor != nil {
            return pages.message(status: .ok, title: PageText.text(.secondFactor, context.language),
                                 text: PageText.text(.secondFactorInUse, context.language), language: context.language,
                                 user: context.identity?.name, csrf: session.csrf)
        }
        let secret = session.pendingSecret ?? OneTimeCode.generate().base32
        context.sessions.withLockedSession { $0?.pendingSecret = secret }
        return renderEnrolment(session, secret: secret, context)
    }

    @Sendable func enrol(_ request: Request, context: TukiRequestContext) async throws -> Response {
        var session = try context.session(at: .enrolment, .signedIn)
        guard let secret = session.pendingSecret, let generator = OneTimeCode(base32: secret) else { return .redirect(to: "/second-factor") }
        try await limiter.reserve(user: session.user, address: context.peer)
        guard let step = generator.matchingStep(context.form["code"] ?? "", at: Date()) else {
            return renderEnrolment(session, secret: secret, context, status: .unprocessableContent,
                                  problem: PageText.text(.wrongCode, context.language))
        }
        let recoveryCodes = try await accounts.enrolSecondFactor(secret: secret, confirmedAt: step, of: session.user)
        await limiter.succeeded(user: session.user, address: context.peer)
        session.pendingSecret = nil
        session.needsEnrolment = false
        session.usedSecondFactor = true
        session.csrf = RandomToken.make()
        context.sessions.createSession(session, expiresIn: Self.sessionLength)
        let home = SignedInUser(name: session.user, roles: try ledger.roles(of: session.user)).home
        let next = session.nextPage ?? home
        // Shown once: only their hashes are kept.
        return pages.render(.recoveryCodes, title: .secondFactor, language: context.language, user: nil, csrf: session.csrf,
                            values: ["codes": recoveryCodes, "next": next])
    }

    private func renderEnrolment(_ session: WebSession, secret: String, _ context: TukiRequestContext,
                                 status: HTTPResponse.Status = .ok, problem: String? = nil) -> Response {
        let grouped = stride(from: 0, to: secret.count, by: 4).map { offset in
            String(secret.dropFirst(offset).prefix(4))
        }.joined(separator: " ")
        return pages.render(.enrolment, title: .secondFactor, language: context.language, user: context.identity?.name, csrf: session.csrf,
                            status: status, problem: problem,
                            values: ["secret": grouped, "address": OneTimeCode(base32: secret)?.address(user: session.user) ?? "",
                                     "required": session.needsEnrolment])
    }
}
