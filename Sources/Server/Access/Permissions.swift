import Ledger

/// What a signed-in user may do, by role. A user may hold several roles; they may do what any of
/// them allows. docs/server.md has the same table for people.
public enum Capability: String, Sendable, CaseIterable {
    /// Open groups — the roster with names, the sessions, the attendance sheet — and record
    /// sessions and attendance. A facilitator's own activities only; a coordinator's all.
    case groups
    /// The coordinator's overview: activities, sessions this week, open fee items.
    case overview
    /// Every report in full: the funder's, the evaluation's, fees, working time.
    case reports
    /// The lists of what exists (projects, activities, participants, sessions, engagements,
    /// experts), with names when a purpose is given.
    case lists
    /// The payroll view: every expert's name and identity code, for paying fees and travel.
    case payroll
    /// Recording what a coordinator records: participants, enrolments, experts, engagements,
    /// fees, travel, and the rest of the recording forms.
    case recording
    /// One person's data: every sealed field opened for a purpose, who has read it, and erasure
    /// at the person's request.
    case personalData
    /// The aggregate reports with small counts hidden, for analysts: no names, no person's row.
    case aggregateReports
    /// Read-only checks of the ledger: the chain, the head, the export, the readings of personal data.
    case audit
}

extension UserRole {
    /// Each role's capabilities: the whole access policy of the server.
    public var capabilities: Set<Capability> {
        switch self {
        case .coordinator: [.groups, .overview, .reports, .lists, .payroll, .recording, .personalData]
        case .facilitator: [.groups]
        case .auditor: [.audit]
        case .analyst: [.aggregateReports]
        }
    }
}

/// Who is signed in, with the roles the ledger gives them now (read at each request, so a role
/// revoked takes effect on the user's next click).
public struct SignedInUser: Sendable, Equatable {
    public let name: String
    /// role → the activities it covers (a facilitator's; empty for the other roles)
    public let roles: [UserRole: Set<String>]

    public init(name: String, roles: [UserRole: Set<String>]) {
        self.name = name
        self.roles = roles
    }

    public func may(_ capability: Capability) -> Bool {
        roles.keys.contains { $0.capabilities.contains(capability) }
    }

    /// Whether the user may open this activity's group: a coordinator any, a facilitator theirs.
    public func mayOpen(activity: String) -> Bool {
        roles[.coordinator] != nil || roles[.facilitator]?.contains(activity) == true
    }

    /// The activities the user runs as a facilitator; nil for a coordinator, who sees them all.
    public var ownActivities: Set<String>? {
        roles[.coordinator] != nil ? nil : roles[.facilitator] ?? []
    }

    /// The page a user lands on after signing in.
    public var home: String {
        if may(.overview) { return "/overview" }
        if may(.groups) { return "/groups" }
        if may(.audit) { return "/audit" }
        if may(.aggregateReports) { return "/reports" }
        return "/no-role"
    }
}
