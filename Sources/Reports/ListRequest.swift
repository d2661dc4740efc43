import GRDB
import Projections
import Vocabulary

/// A list asked for (`tuki list …`, the server's `/lists`): which rows it reads and how it is made,
/// with names when the caller gives a way to open them (each opening logged by the caller).
public enum ListRequest: Sendable {
    case projects, activities, participants, sessions, engagements
    /// `payroll`: with names, anonymous experts' too, and everyone's identity code.
    case experts(payroll: Bool)

    /// The list, from the directory's read model (and the sessions' for sessions). With `names`,
    /// participants and experts have their names: an anonymous expert by alias, except in the
    /// payroll view, whose data alone is then opened.
    public func make(_ filter: DirectoryReadModel.Filter, in db: Database, names: ListReports.PersonOpener? = nil,
                     language: Report.Language, stamp: LedgerStamp) throws -> Report {
        let parameters = ListReports.parameters(filter, language)
        switch self {
        case .projects:
            return ListReports.projects(try DirectoryReadModel.projects(filter, in: db), parameters: parameters, language: language, stamp: stamp)
        case .activities:
            return ListReports.activities(try DirectoryReadModel.activities(filter, in: db), parameters: parameters, language: language,
                                          stamp: stamp)
        case .sessions:
            return ListReports.sessions(try DirectoryReadModel.sessions(filter, in: db), parameters: parameters, language: language, stamp: stamp)
        case .engagements:
            return ListReports.engagements(try DirectoryReadModel.engagements(filter, in: db), parameters: parameters, language: language,
                                           stamp: stamp)
        case .participants:
            let people = try DirectoryReadModel.participants(filter, in: db)
            let opened = try names?(people.filter { !$0.anonymousExpert }.map(\.participant))
            let shown = opened.map { opened in
                people.reduce(into: [String: ListReports.Name]()) { shown, person in
                    shown[person.participant] = person.anonymousExpert ? .alias(person.expertAlias ?? "") : opened[person.participant]?.name
                }
            }
            return ListReports.participants(people, names: shown, parameters: parameters, language: language, stamp: stamp)
        case let .experts(payroll):
            let experts = try DirectoryReadModel.experts(filter, in: db)
            let opened = try names?(experts.filter { payroll || !$0.anonymous }.map(\.participant))
            let shown = opened.map { opened in
                experts.reduce(into: [String: ListReports.Name]()) { shown, expert in
                    shown[expert.participant] = payroll || !expert.anonymous ? opened[expert.participant]?.name : .alias(expert.alias)
                }
            }
            let codes = payroll ? opened?.compactMapValues(\.identityCode) : nil
            return ListReports.experts(experts, names: shown, identityCodes: codes, parameters: parameters, language: language, stamp: stamp)
        }
    }
}
