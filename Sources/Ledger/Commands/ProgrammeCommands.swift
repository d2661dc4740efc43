import EventStore

/// A funded project, under the id given or `project-<code>` (its code in lower case).
public struct RegisterProject: RecordingCommand {
    public var project: String?
    public var code: String
    public var name: String
    public var funder: ProjectRegistered.Funder
    public var fundingProgramme: String?
    public var region: String?
    public var startDate: String
    public var endDate: String
    public var costModel: ProjectRegistered.CostModel
    public var selfFinancingPercent: Double

    public init(project: String? = nil, code: String, name: String, funder: ProjectRegistered.Funder, fundingProgramme: String? = nil, region: String? = nil,
                startDate: String, endDate: String, costModel: ProjectRegistered.CostModel, selfFinancingPercent: Double) {
        (self.project, self.code, self.name, self.funder, self.fundingProgramme, self.region) = (project, code, name, funder, fundingProgramme, region)
        (self.startDate, self.endDate, self.costModel, self.selfFinancingPercent) = (startDate, endDate, costModel, selfFinancingPercent)
    }

    public var id: String { project ?? "project-" + code.lowercased().filter { $0.isLetter || $0.isNumber || $0 == "-" } }

    public func recording(_ ledger: LedgerFacts) throws -> Recording {
        Recording(try .init(id, "project.registered", ProjectRegistered(
            projectCode: code, name: name, funder: funder, fundingProgramme: fundingProgramme, region: region, startDate: startDate,
            endDate: endDate, costModel: costModel, selfFinancingPercent: selfFinancingPercent), day: startDate), id: id)
    }
}

/// A group, open event series, camp, cohort or forum of a project, under a new id unless given.
public struct CreateActivity: RecordingCommand {
    public var activity: String?
    public var project: String
    public var name: String
    public var kind: ActivityCreated.Kind
    public var targetGroup: ActivityCreated.TargetGroup
    public var municipality: String
    public var plannedSessions: Int?
    public var worker: String?
    public var coFacilitator: String?
    public var workPackage: String?
    public var date: String?

    public init(activity: String? = nil, project: String, name: String, kind: ActivityCreated.Kind, targetGroup: ActivityCreated.TargetGroup,
                municipality: String, plannedSessions: Int? = nil, worker: String? = nil, coFacilitator: String? = nil,
                workPackage: String? = nil, date: String? = nil) {
        (self.activity, self.project, self.name, self.kind, self.targetGroup, self.municipality) = (activity, project, name, kind, targetGroup, municipality)
        (self.plannedSessions, self.worker, self.coFacilitator, self.workPackage, self.date) = (plannedSessions, worker, coFacilitator, workPackage, date)
    }

    public func recording(_ ledger: LedgerFacts) throws -> Recording {
        let day = date ?? ledger.today
        let id = try activity ?? ledger.unusedIdentifier(prefix: "activity") { $0 }
        let facilitators = worker == nil && coFacilitator == nil ? nil : ActivityCreated.Facilitators(worker: worker, coFacilitator: coFacilitator)
        return Recording(try .init(id, "activity.created", ActivityCreated(
            project: project, name: name, kind: kind, targetGroup: targetGroup, municipality: municipality, workPackage: workPackage,
            plannedSessions: plannedSessions, facilitators: facilitators), day: day), id: id)
    }
}

/// A staff member's hours on a day, and their cost.
public struct LogStaffTime: RecordingCommand {
    public var staffMember: String
    public var project: String
    public var activity: String?
    public var date: String?
    public var hours: Double
    public var hourlyCostCents: Int

    public init(staffMember: String, project: String, activity: String? = nil, date: String? = nil, hours: Double, hourlyCostCents: Int) {
        (self.staffMember, self.project, self.activity, self.date, self.hours, self.hourlyCostCents) = (staffMember, project, activity, date, hours, hourlyCostCents)
    }

    public func recording(_ ledger: LedgerFacts) throws -> Recording {
        let day = date ?? ledger.today
        return Recording(try .init(project, "staff.time-logged", StaffTimeLogged(
            staffMember: staffMember, project: project, activity: activity, date: day, hours: hours, hourlyCostCents: hourlyCostCents), day: day),
                         id: project)
    }
}

/// A cost other than staff pay.
public struct RecordCost: RecordingCommand {
    public var project: String
    public var activity: String?
    public var category: CostIncurred.Category
    public var amountCents: Int
    public var description: String?
    public var date: String?

    public init(project: String, activity: String? = nil, category: CostIncurred.Category, amountCents: Int, description: String? = nil, date: String? = nil) {
        (self.project, self.activity, self.category, self.amountCents, self.description, self.date) = (project, activity, category, amountCents, description, date)
    }

    public func recording(_ ledger: LedgerFacts) throws -> Recording {
        let day = date ?? ledger.today
        return Recording(try .init(project, "cost.incurred", CostIncurred(
            project: project, activity: activity, date: day, category: category, amountCents: amountCents, description: description), day: day), id: project)
    }
}

/// Voids an event entered by mistake, named by its id or any start of it that names one event:
/// the event stays in the log, and the void beside it (on its stream) says it does not count.
public struct VoidEntry: RecordingCommand {
    public var eventId: String
    public var reason: String

    public init(eventId: String, reason: String) {
        (self.eventId, self.reason) = (eventId, reason)
    }

    public func recording(_ ledger: LedgerFacts) throws -> Recording {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw CommandError.nothingToRecord }
        let matches = try ledger.events(withIdStarting: eventId.lowercased())
        guard let target = matches.first else { throw CommandError.noSuchEvent }
        guard matches.count == 1 else { throw CommandError.severalEventsMatch }
        // A void is dated on the day it is made: it is not a fact of the programme's past.
        return Recording(try .init(target.stream, "entry.voided", EntryVoided(eventId: target.eventId, reason: reason), day: ledger.today),
                         id: target.eventId)
    }
}
