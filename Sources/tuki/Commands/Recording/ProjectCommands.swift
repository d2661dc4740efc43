import ArgumentParser
import EventStore
import Ledger

struct ProjectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "project", abstract: "Record projects.", subcommands: [ProjectRegister.self])
}

struct ProjectRegister: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register", abstract: "Register a funded project; prints its id (project-CODE).")

    @OptionGroup var ledger: LedgerOptions
    @Option(help: "The funder's project code, e.g. S30999.") var code: String
    @Option(help: "The project's name.") var name: String
    @Option(help: "Who funds it.") var funder: ProjectRegistered.Funder
    @Option(help: "The funding programme.") var programme: String?
    @Option(help: "The region, e.g. Kanta-Häme.") var region: String?
    @Option(help: "First day, YYYY-MM-DD.") var start: String
    @Option(help: "Last day, YYYY-MM-DD.") var end: String
    @Option(help: "How the funder counts costs.") var costModel: ProjectRegistered.CostModel
    @Option(help: "The county's self-financing share, in per cent.") var selfFinancing: String

    func run() throws {
        let recorded = try Recorder(ledger: ledger).record(RegisterProject(
            code: code, name: name, funder: funder, fundingProgramme: programme, region: region, startDate: start, endDate: end,
            costModel: costModel, selfFinancingPercent: try number(selfFinancing, field: "self-financing")))
        Recorder.announce(recorded.id, "Registered project \(recorded.id).")
    }
}

struct ActivityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "activity", abstract: "Record activities.", subcommands: [ActivityCreate.self])
}

struct ActivityCreate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create", abstract: "Create a group, open event series, camp, cohort or forum; prints its id.")

    @OptionGroup var ledger: LedgerOptions
    @Option(help: "The project's id (project-…).") var project: String
    @Option(help: "The activity's name.") var name: String
    @Option(help: "What kind of activity.") var kind: ActivityCreated.Kind
    @Option(help: "Whom it is for.") var targetGroup: ActivityCreated.TargetGroup
    @Option(help: "Where it meets.") var municipality: String
    @Option(help: "How many sessions are planned.") var plannedSessions: Int?
    @Option(help: "The facilitating worker (staff-…).") var worker: String?
    @Option(help: "The experience co-facilitator (a participant id).") var coFacilitator: String?
    @Option(help: "The project's work package it belongs to, e.g. TP3 (for working-time reports).") var workPackage: String?
    @Option(help: "The day it was set up (default: today).") var date: String?

    func run() throws {
        let recorded = try Recorder(ledger: ledger).record(CreateActivity(
            project: project, name: name, kind: kind, targetGroup: targetGroup, municipality: municipality, plannedSessions: plannedSessions,
            worker: worker, coFacilitator: coFacilitator, workPackage: workPackage, date: date))
        Recorder.announce(recorded.id, "Created activity \(recorded.id).")
    }
}
