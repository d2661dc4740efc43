import EventStore
import Projections
import Vocabulary

/// `tuki list …` and `tuki roster`: what exists, as reports, so every format works. Names come
/// in only as `names` — opened by the command, which logs each reading — keyed by participant.
public enum ListReports {
    /// A person's name as a list shows it: opened, or why not.
    public enum Name: Sendable, Equatable {
        case name(String)
        /// An anonymous expert outside the payroll view: the alias stands instead.
        case alias(String)
        case erased
        case noKey
    }

    /// A person as a list or the payroll view shows them once their sealed registration is opened.
    public struct Person: Sendable {
        public let name: Name
        public let identityCode: String?

        public init(name: Name, identityCode: String?) {
            self.name = name
            self.identityCode = identityCode
        }

        /// What an opened registration (`participant.registered`'s sealed `personal`) shows.
        public init(_ opened: PersonalData.Opened) {
            switch opened {
            case let .opened(fields):
                self.init(name: .name(fields["name"]?.stringValue ?? ""), identityCode: fields["personalIdentityCode"]?.stringValue)
            case .erased: self.init(name: .erased, identityCode: nil)
            case .noKey: self.init(name: .noKey, identityCode: nil)
            }
        }
    }

    /// Opens the registrations of these participants (logging each reading) for a list or a
    /// payroll view; no entry for someone registered without sealed data.
    public typealias PersonOpener = ([String]) throws -> [String: Person]

    /// The filters given, as a list's parameters.
    public static func parameters(_ filter: DirectoryReadModel.Filter, _ language: Report.Language) -> [Report.Parameter] {
        func t(_ english: String) -> String { Labels.text(english, language) }
        var parameters: [Report.Parameter] = []
        if let project = filter.project { parameters.append(.init("project", t("Project"), project)) }
        if let activity = filter.activity { parameters.append(.init("activity", t("Activity"), activity)) }
        if let expert = filter.expert { parameters.append(.init("expert", t("Expert"), expert)) }
        if filter.open { parameters.append(.init("open", t("Open only"), .date(filter.today))) }
        return parameters
    }

    public static func projects(_ projects: [DirectoryReadModel.Project], parameters: [Report.Parameter], language: Report.Language,
                                stamp: LedgerStamp) -> Report {
        func t(_ english: String) -> String { Labels.text(english, language) }
        let table = Report.Table(
            key: "projects", title: t("Projects"),
            columns: [.init("project", t("Project")), .init("code", t("Code")), .init("name", t("Name")), .init("funder", t("Funder")),
                      .init("start", t("Start")), .init("end", t("End")), .init("activities", t("Activities"), numeric: true)],
            rows: projects.map { [.text($0.project), .text($0.code), .text($0.name), .text($0.funder), .date($0.startDate),
                                  .date($0.endDate), .integer($0.activities)] })
        return Report(kind: "list-projects", title: t("Projects"), parameters: parameters, tables: [table], stamp: stamp, language: language)
    }

    public static func activities(_ activities: [DirectoryReadModel.Activity], parameters: [Report.Parameter], language: Report.Language,
                                  stamp: LedgerStamp) -> Report {
        func t(_ english: String) -> String { Labels.text(english, language) }
        let table = Report.Table(
            key: "activities", title: t("Activities"),
            columns: [.init("activity", t("Activity")), .init("project", t("Project")), .init("name", t("Name")), .init("kind", t("Kind")),
                      .init("municipality", t("Municipality")), .init("enrolled", t("Enrolled now"), numeric: true)],
            rows: activities.map { [.text($0.activity), .text($0.project), .text($0.name), Labels.code($0.kind, language), .text($0.municipality),
                                    .integer($0.enrolled)] })
        return Report(kind: "list-activities", title: t("Activities"), parameters: parameters, tables: [table], stamp: stamp, language: language)
    }

    public static func participants(_ people: [DirectoryReadModel.Participant], names: [String: Name]?, parameters: [Report.Parameter],
                                    language: Report.Language, stamp: LedgerStamp) -> Report {
        func t(_ english: String) -> String { Labels.text(english, language) }
        var columns: [Report.Column] = [.init("participant", t("Participant"))]
        if names != nil { columns.append(.init("name", t("Name"))) }
        columns += [.init("roles", t("Roles")), .init("gender", t("Gender")), .init("birth_year", t("Birth year")),
                    .init("municipality", t("Municipality")), .init("registered", t("Registered")), .init("enrolled_in", t("Enrolled in"))]
        let table = Report.Table(key: "participants", title: t("Participants"), columns: columns, rows: people.map { person in
            var row: [Report.Cell] = [.text(person.participant)]
            if let names { row.append(cell(names[person.participant], language)) }
            let roles = person.roles.split(separator: ",").map { Labels.code(String($0), language).text(empty: "") }
            row += [.coded(code: person.roles, label: roles.joined(separator: ", ")), Labels.code(person.gender, language), .text(String(person.birthYear)), .text(person.municipality),
                    person.registeredOn.map(Report.Cell.date) ?? .none, .text(person.activities.joined(separator: " "))]
            return row
        })
        return Report(kind: "list-participants", title: t("Participants"), parameters: parameters, tables: [table], stamp: stamp, language: language)
    }

    public static func sessions(_ sessions: [DirectoryReadModel.Session], parameters: [Report.Parameter], language: Report.Language,
                                stamp: LedgerStamp) -> Report {
        func t(_ english: String) -> String { Labels.text(english, language) }
        let table = Report.Table(
            key: "sessions", title: t("Sessions"),
            columns: [.init("activity", t("Activity")), .init("session", t("Session")), .init("date", t("Date")), .init("status", t("Status")),
                      .init("minutes", t("Minutes"), numeric: true), .init("present", t("Present"), numeric: true),
                      .init("absent", t("Absent"), numeric: true), .init("excused", t("Excused"), numeric: true)],
            rows: sessions.map { session in
                let held = session.status == "held"
                return [.text(session.activity), .text(session.session), .date(session.date), Labels.code(session.status, language),
                        session.durationMinutes.map(Report.Cell.integer) ?? .none, held ? .integer(session.present) : .none,
                        held ? .integer(session.absent) : .none, held ? .integer(session.excused) : .none]
            })
        return Report(kind: "list-sessions", title: t("Sessions"), parameters: parameters, tables: [table], stamp: stamp, language: language)
    }

    public static func engagements(_ engagements: [DirectoryReadModel.Engagement], parameters: [Report.Parameter], language: Report.Language,
                                   stamp: LedgerStamp) -> Report {
        func t(_ english: String) -> String { Labels.text(english, language) }
        let table = Report.Table(
            key: "engagements", title: t("Engagements"),
            columns: [.init("engagement", t("Engagement")), .init("expert", t("Expert")), .init("project", t("Project")),
                      .init("activity", t("Activity")), .init("kind", t("Kind")), .init("date", t("Date")),
                      .init("planned_hours", t("Planned hours"), numeric: true), .init("agreed_fee", t("Agreed fee"), numeric: true),
                      .init("status", t("Status")), .init("done_on", t("Done on")), .init("hours", t("Hours"), numeric: true),
                      .init("fee_paid", t("Fee paid"), numeric: true), .init("travel_paid", t("Travel paid"), numeric: true)],
            rows: engagements.map { e in
                [.text(e.engagement), .text(e.alias ?? e.expert), .text(e.project), e.activity.map(Report.Cell.text) ?? .none, Labels.code(e.kind, language),
                 .date(e.date), .hundredths(e.plannedHundredths), .cents(e.agreedFeeCents), Labels.code(e.status, language),
                 e.doneOn.map(Report.Cell.date) ?? .none, e.hoursHundredths.map(Report.Cell.hundredths) ?? .none,
                 e.feeCents.map(Report.Cell.cents) ?? .none, e.travelCents.map(Report.Cell.cents) ?? .none]
            })
        return Report(kind: "list-engagements", title: t("Engagements"), parameters: parameters, tables: [table], stamp: stamp, language: language)
    }

    public static func experts(_ experts: [DirectoryReadModel.Expert], names: [String: Name]?, identityCodes: [String: String]?,
                               parameters: [Report.Parameter], language: Report.Language, stamp: LedgerStamp) -> Report {
        func t(_ english: String) -> String { Labels.text(english, language) }
        var columns: [Report.Column] = [.init("participant", t("Participant")), .init("alias", t("Alias"))]
        if names != nil { columns.append(.init("name", t("Name"))) }
        if identityCodes != nil { columns.append(.init("identity_code", t("Identity code"))) }
        columns += [.init("anonymous", t("Anonymous")), .init("training", t("Training")), .init("since", t("Since")),
                    .init("engagements", t("Engagements"), numeric: true), .init("completed", t("Completed"), numeric: true),
                    .init("last_engagement", t("Last engagement"))]
        let table = Report.Table(key: "experts", title: t("Experience experts"), columns: columns, rows: experts.map { expert in
            var row: [Report.Cell] = [.text(expert.participant), .text(expert.alias)]
            if let names { row.append(cell(names[expert.participant], language)) }
            if let identityCodes { row.append(identityCodes[expert.participant].map(Report.Cell.text) ?? .none) }
            row += [Labels.code(expert.anonymous ? "yes" : "no", language), Labels.code(expert.training, language), .date(expert.since), .integer(expert.engagements),
                    .integer(expert.completed), expert.lastEngagement.map(Report.Cell.date) ?? .none]
            return row
        })
        return Report(kind: "list-experts", title: t("Experience experts"), parameters: parameters, tables: [table], stamp: stamp, language: language)
    }

    /// The people enrolled in a group, named as a roster shows them — an anonymous expert by
    /// alias, whose data is not opened — by name, those without one last by id.
    public static func named(_ enrolled: [DirectoryReadModel.Enrolled], names: PersonOpener) throws -> [(participant: String, name: Name?)] {
        let opened = try names(enrolled.filter { !$0.anonymousExpert }.map(\.participant))
        func sortKey(_ person: (participant: String, name: Name?)) -> String {
            switch person.name {
            case let .name(text), let .alias(text): text.lowercased()
            case .erased, .noKey, nil: "\u{10FFFF}" + person.participant
            }
        }
        return enrolled.map { person in
            (person.participant, person.anonymousExpert ? .alias(person.expertAlias ?? "") : opened[person.participant]?.name)
        }.sorted { sortKey($0) < sortKey($1) }
    }

    /// The paper attendance sheet of one session: the people enrolled on its day, by name, with
    /// empty columns to tick.
    public static func roster(activity: String, activityName: String, session: String, date: String,
                              people: [(participant: String, name: Name?)], language: Report.Language, stamp: LedgerStamp) -> Report {
        func t(_ english: String) -> String { Labels.text(english, language) }
        var table = Report.Table(
            key: "roster", title: "\(activityName) — \(t("Session")) \(session), \(NumberStyle.for(language).date(date))",
            columns: [.init("name", t("Name")), .init("participant", t("Participant")), .init("present", t("Present")),
                      .init("absent", t("Absent")), .init("excused", t("Excused"))],
            rows: people.map { [cell($0.name, language), .text($0.participant), .text(""), .text(""), .text("")] })
        table.isToFillIn = true
        return Report(kind: "roster", title: t("Attendance sheet"),
                      parameters: [.init("activity", t("Activity"), activity), .init("session", t("Session"), session),
                                   .init("date", t("Date"), .date(date))],
                      tables: [table], stamp: stamp, language: language)
    }

    static func cell(_ name: Name?, _ language: Report.Language) -> Report.Cell {
        switch name {
        case let .name(text): .text(text)
        case let .alias(alias): .text(alias)
        case .erased: .text(Labels.text("(erased)", language))
        case .noKey: .text(Labels.text("(no key here)", language))
        case nil: .none
        }
    }
}
