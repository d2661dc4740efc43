import Projections
import Reports

/// The coordinator's lists, by the name in their address (`/lists/participants`): what exists, by
/// pseudonymous id, as `tuki list …` shows it. Participants and experts can be listed with names
/// (a purpose given, each name's opening logged); experts also as the payroll view.
enum ServedList: String, CaseIterable, Sendable {
    case projects, activities, participants, sessions, engagements, experts

    /// The fields of the list's form (each optional), besides "only open ones".
    var fields: [ServedReport.Field] {
        switch self {
        case .projects: []
        case .activities, .experts: [.project]
        case .participants, .sessions: [.project, .activity]
        case .engagements: [.project, .activity, .expert]
        }
    }

    /// Whether the list's form can name a person: then it is posted (`ServedReport.namesPerson`).
    var namesPerson: Bool { fields.contains(where: \.isPerson) }

    /// Whether the list has an "only what is still open" choice (each list says what that is).
    var hasOpenChoice: Bool { self != .experts }

    /// Whether the list can show people's names (opened from their sealed registrations).
    var showsNames: Bool { self == .participants || self == .experts }

    /// The list asked for; `payroll` (experts only) with names opens anonymous experts' too.
    func request(payroll: Bool = false) -> ListRequest {
        switch self {
        case .projects: .projects
        case .activities: .activities
        case .participants: .participants
        case .sessions: .sessions
        case .engagements: .engagements
        case .experts: .experts(payroll: payroll)
        }
    }

    var title: PageText.Key {
        switch self {
        case .projects: .projectsList
        case .activities: .activitiesList
        case .participants: .participantsList
        case .sessions: .sessionsList
        case .engagements: .engagementsList
        case .experts: .expertsList
        }
    }

    /// The filter a form's fields make, or `Refusal.badForm` for a malformed field.
    func filter(_ values: (String) -> String?, today: String) throws -> DirectoryReadModel.Filter {
        var given: [ServedReport.Field: String] = [:]
        for field in fields {
            guard let value = values(field.rawValue), !value.isEmpty else { continue }
            guard field.accepts(value) else { throw Refusal.badForm }
            given[field] = value
        }
        return DirectoryReadModel.Filter(project: given[.project], activity: given[.activity], expert: given[.expert],
                                         open: hasOpenChoice && values("open") == "on", today: today)
    }
}
