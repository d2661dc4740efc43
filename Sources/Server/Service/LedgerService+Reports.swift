import EventStore
import Ledger
import Projections
import Reports

/// The reports and lists, made from the read models as `tuki report` and `tuki list` make them.
extension LedgerService {
    /// Who is asking to see names, and why: each opening is an `access.logged` under `actor`.
    struct NameReading: Sendable {
        let actor: String
        let purpose: String
    }

    /// The report asked for, or nil when the ledger has nothing it could be of. Reports handed on
    /// are made only from a chain verified up to their head (else `Refusal.chainBroken`).
    /// `payroll` (the fees report only) adds every expert's name and identity code.
    func report(_ request: ReportRequest, language: Report.Language, suppressBelow: Int?, payroll: NameReading? = nil) throws -> Report? {
        let names = request.projectors
        try engine.update(names)
        var stamp = try engine.stamp(for: names)
        if request.verifiesChain {
            guard case let .intact(_, head) = try store.verify(through: stamp.position), head.hash == stamp.hash else {
                throw Refusal.chainBroken
            }
            stamp.chainVerified = true
        }
        let payees: ReportRequest.PayeeOpener? = payroll.map { reading in
            { [self] paid in
                try openPeople(paid, actor: reading.actor, purpose: reading.purpose)
                    .mapValues { FeesReport.Payee(name: $0.name, identityCode: $0.identityCode) }
            }
        }
        var report = try engine.readModels.read { db in
            try request.make(in: db, language: language, suppressBelow: suppressBelow, payees: payees, stamp: stamp)
        }
        report?.generatedAt = String(Timestamp.now().occurredAtText.prefix(16)).replacingOccurrences(of: "T", with: " ") + " UTC"
        return report
    }

    /// A list, by pseudonymous id; with `names`, participants' and experts' names too (an
    /// anonymous expert by alias, except in the payroll view, which adds identity codes).
    func list(_ kind: ServedList, _ filter: DirectoryReadModel.Filter, names: NameReading? = nil, payroll: Bool = false,
              language: Report.Language) throws -> Report {
        try engine.update(Self.projectors)
        let stamp = try engine.stamp(for: Self.projectors)
        let parameters = ListReports.parameters(filter, language)
        var report: Report
        switch kind {
        case .projects:
            let rows = try engine.readModels.read { try DirectoryReadModel.projects(filter, in: $0) }
            report = ListReports.projects(rows, parameters: parameters, language: language, stamp: stamp)
        case .activities:
            let rows = try engine.readModels.read { try DirectoryReadModel.activities(filter, in: $0) }
            report = ListReports.activities(rows, parameters: parameters, language: language, stamp: stamp)
        case .sessions:
            let rows = try engine.readModels.read { try DirectoryReadModel.sessions(filter, in: $0) }
            report = ListReports.sessions(rows, parameters: parameters, language: language, stamp: stamp)
        case .engagements:
            let rows = try engine.readModels.read { try DirectoryReadModel.engagements(filter, in: $0) }
            report = ListReports.engagements(rows, parameters: parameters, language: language, stamp: stamp)
        case .participants:
            let people = try engine.readModels.read { try DirectoryReadModel.participants(filter, in: $0) }
            var shown: [String: ListReports.Name]?
            if let names {
                let opened = try openPeople(people.filter { !$0.anonymousExpert }.map(\.participant), actor: names.actor, purpose: names.purpose)
                shown = people.reduce(into: [:]) { shown, person in
                    shown[person.participant] = person.anonymousExpert ? .alias(person.expertAlias ?? "") : opened[person.participant]?.name
                }
            }
            report = ListReports.participants(people, names: shown, parameters: parameters, language: language, stamp: stamp)
        case .experts:
            let experts = try engine.readModels.read { try DirectoryReadModel.experts(filter, in: $0) }
            var shown: [String: ListReports.Name]?
            var codes: [String: String]?
            if let names {
                let opened = try openPeople(experts.filter { payroll || !$0.anonymous }.map(\.participant), actor: names.actor,
                                            purpose: names.purpose)
                shown = experts.reduce(into: [:]) { shown, expert in
                    shown[expert.participant] = payroll || !expert.anonymous ? opened[expert.participant]?.name : .alias(expert.alias)
                }
                if payroll { codes = opened.compactMapValues(\.identityCode) }
            }
            report = ListReports.experts(experts, names: shown, identityCodes: codes, parameters: parameters, language: language,
                                         stamp: stamp)
        }
        report.generatedAt = String(Timestamp.now().occurredAtText.prefix(16)).replacingOccurrences(of: "T", with: " ") + " UTC"
        return report
    }

    /// What the forms of reports and lists offer to choose from: the projects and the activities,
    /// by name (no one's personal data).
    func choices(today: String) throws -> (projects: [[String: String]], activities: [[String: String]]) {
        try engine.update(Self.projectors)
        return try engine.readModels.read { db in
            let filter = DirectoryReadModel.Filter(today: today)
            return (try DirectoryReadModel.projects(filter, in: db).map { ["project": $0.project, "name": $0.name] },
                    try DirectoryReadModel.activityNames(in: db).map { ["activity": $0.activity, "name": $0.name] })
        }
    }

    /// A person as a list shows them once their sealed registration is opened.
    struct OpenedPerson: Sendable {
        let name: ListReports.Name
        let identityCode: String?
    }

    /// Opens the names (and identity codes) sealed in these participants' registrations, each
    /// opening an `access.logged` under `actor`, all in one transaction before anything is shown.
    /// No entry for someone registered without sealed fields.
    func openPeople(_ participants: [String], actor: String, purpose: String) throws -> [String: OpenedPerson] {
        let sealed = try store.read { reader in
            try Set(participants).sorted().compactMap { try StandingEvents.sealedRegistration(of: $0, in: reader) }
        }
        let opened = try PersonalData(store: store, keyStorePath: paths.keyStore, masterKeyPath: paths.masterKey)
            .open(sealed, actor: actor, purpose: purpose)
        return opened.reduce(into: [:]) { people, entry in
            people[entry.key.text] = switch entry.value {
            case let .opened(fields):
                OpenedPerson(name: .name(fields["name"]?.stringValue ?? ""), identityCode: fields["personalIdentityCode"]?.stringValue)
            case .erased: OpenedPerson(name: .erased, identityCode: nil)
            case .noKey: OpenedPerson(name: .noKey, identityCode: nil)
            }
        }
    }
}
