import EventStore

/// Gives a user of the server a role (a facilitator's names the activities they run), dated now.
public struct GrantRole: RecordingCommand {
    public var user: String
    public var role: UserRole
    public var activities: [String]

    public init(user: String, role: UserRole, activities: [String] = []) {
        (self.user, self.role, self.activities) = (user, role, activities)
    }

    public func recording(_ ledger: LedgerFacts) throws -> Recording {
        Recording(try .init("user-\(user)", "user.role-granted", UserRoleGranted(user: user, role: role, activities: activities.isEmpty ? nil : activities),
                            at: Timestamp.now().wholeSeconds), id: user)
    }
}

/// Takes a role back from a user, with every activity it covered, dated now.
public struct RevokeRole: RecordingCommand {
    public var user: String
    public var role: UserRole
    public var reason: String?

    public init(user: String, role: UserRole, reason: String? = nil) {
        (self.user, self.role, self.reason) = (user, role, reason)
    }

    public func recording(_ ledger: LedgerFacts) throws -> Recording {
        Recording(try .init("user-\(user)", "user.role-revoked", UserRoleRevoked(user: user, role: role, reason: reason),
                            at: Timestamp.now().wholeSeconds), id: user)
    }
}
