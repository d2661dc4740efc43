import EventStore
import Ledger
import Projections
import Reports
import Vocabulary

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
    func report(_ request: ReportRequest, language: Report.Language, suppressBelow: Int?, payroll: NameReading? = nil) async throws -> Report? {
        let names = request.projectors
        try await upToDate(names)
        // Off Swift concurrency's threads: a county-wide report reads for a while. The stamp is read
        // in the same snapshot as the report: a catch-up committing meanwhile changes neither.
        var report = try await blocking { [self] in try readModels.read { db in
            let payees = personOpener(payroll)
            var stamp = try LedgerStamp.least(of: names, in: db)
            if request.verifiesChain {
                guard case let .intact(_, head) = try store.verify(through: stamp.position), head.hash == stamp.hash else {
                    throw Refusal.chainBroken
                }
                stamp.chainVerified = true
            }
            return try request.make(in: db, language: language, suppressBelow: suppressBelow, payees: payees, stamp: stamp)
        } }
        report?.generatedAt = Report.generatedNow
        return report
    }

    /// A list, by pseudonymous id; with `names`, participants' and experts' names too (an
    /// anonymous expert by alias, except in the payroll view, which adds identity codes).
    func list(_ request: ListRequest, _ filter: DirectoryReadModel.Filter, names: NameReading? = nil, language: Report.Language) async throws -> Report {
        try await upToDate(Self.projectors)
        var report = try await blocking { [self] in try readModels.read { db in
            try request.make(filter, in: db, names: personOpener(names), language: language, stamp: try LedgerStamp.least(of: Self.projectors, in: db))
        } }
        report.generatedAt = Report.generatedNow
        return report
    }

    /// What the forms of reports and lists offer to choose from: the projects and the activities,
    /// by name (no one's personal data).
    func choices(today: String) async throws -> (projects: [[String: String]], activities: [[String: String]]) {
        try await upToDate(Self.projectors)
        return try readModels.read { db in
            let filter = DirectoryReadModel.Filter(today: today)
            return (try DirectoryReadModel.projects(filter, in: db).map { ["project": $0.project, "name": $0.name] },
                    ActivityLabels.labelled(try DirectoryReadModel.activityNames(in: db).map { .init(activity: $0.activity, name: $0.name, municipality: $0.municipality) }))
        }
    }

    /// What opens people's names for a reading, logged under its actor and purpose; nil for none.
    private func personOpener(_ reading: NameReading?) -> ListReports.PersonOpener? {
        reading.map { reading in { [self] in try openPeople($0, actor: reading.actor, purpose: reading.purpose) } }
    }

    /// Opens the names (and identity codes) sealed in these participants' registrations, each
    /// opening an `access.logged` under `actor`, all in one transaction before anything is shown.
    /// No entry for someone registered without sealed fields.
    /// The form's fields with each activity's label (`ActivityLabels`) taken back to its id; an
    /// id, or a label that names no one activity, is left as it was (and refused as such later).
    func resolvingActivities(_ form: FormFields) async throws -> FormFields {
        guard form.pairs.contains(where: { $0.name == "activity" && !$0.value.isEmpty }) else { return form }
        try await upToDate(Self.projectors)
        return try readModels.read { db in
            FormFields(pairs: try form.pairs.map { pair in
                guard pair.name == "activity", !pair.value.isEmpty, try DirectoryReadModel.activityName(pair.value, in: db) == nil else { return pair }
                let id = try ActivityLabels.activity(
                    labelled: pair.value.trimmed,
                    named: { try DirectoryReadModel.activities(named: $0, in: db).map { .init(activity: $0.activity, name: "", municipality: $0.municipality) } },
                    exists: { try DirectoryReadModel.activityName($0, in: db) != nil })
                return (pair.name, id ?? pair.value)
            })
        }
    }

    /// The participants' names as the lists show them, each opening logged under `actor` first.
    func names(of participants: [String], actor: String, purpose: String) async throws -> [String: ListReports.Name?] {
        guard !participants.isEmpty else { return [:] }
        return try await blocking { [self] in
            let opened = try openPeople(participants, actor: actor, purpose: purpose)
            return Dictionary(uniqueKeysWithValues: participants.map { ($0, opened[$0]?.name) })
        }
    }

    func openPeople(_ participants: [String], actor: String, purpose: String) throws -> [String: ListReports.Person] {
        try PersonalData(store: store, keyStorePath: paths.keyStore, masterKeyPath: paths.masterKey)
            .openRegistrations(of: participants, actor: actor, purpose: purpose).mapValues(ListReports.Person.init)
    }
}
