/// The roles of the people who use Tuki through its server (docs/server.md says what each may do).
public enum UserRole: String, Codable, Sendable, CaseIterable, Comparable {
    case coordinator, facilitator, auditor, analyst

    public static func < (lhs: UserRole, rhs: UserRole) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}

/// `user.role-granted`: someone (`meta.actor`) gives a user a role; a facilitator's grant names the
/// activities they run, and a later grant adds to them. Stream: `user-<user>`.
public struct UserRoleGranted: Codable, Sendable, Equatable {
    /// The user's sign-in name: a work handle, never a client's name.
    public var user: String
    public var role: UserRole
    public var activities: [String]?
}

/// `user.role-revoked`: someone takes a role back, with every activity it covered. Stream: `user-<user>`.
public struct UserRoleRevoked: Codable, Sendable, Equatable {
    public var user: String
    public var role: UserRole
    public var reason: String?
}
