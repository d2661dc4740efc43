import Hummingbird

/// Who may use the routes of a group (added after it): the access policy of `Permissions` at the
/// door of each controller's routes, instead of a check in each handler. A user refused gets 403.
struct Allow: RouterMiddleware {
    typealias Context = SignedInContext
    let rule: @Sendable (SignedInUser, Parameters) -> Bool

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard rule(context.user, context.parameters) else { throw Refusal.forbidden }
        return try await next(request, context)
    }

    /// Users with any of the capabilities.
    static func anyOf(_ capabilities: Capability...) -> Allow {
        Allow { user, _ in capabilities.contains(where: user.may) }
    }

    /// Users who may open the group named by the route's `{activity}`: a coordinator any, a
    /// facilitator their own.
    static let ownGroup = Allow { user, parameters in
        guard let activity = parameters.get("activity") else { return false }
        return user.may(.groups) && user.mayOpen(activity: activity)
    }
}
