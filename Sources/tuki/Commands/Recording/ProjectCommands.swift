import ArgumentParser
import EventStore

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
    @Option(help: "ESR+, STEA or other.") var funder: String
    @Option(help: "The funding programme.") var programme: String?
    @Option(help: "The region, e.g. Kanta-Häme.") var region: String?
    @Option(help: "First day, YYYY-MM-DD.") var start: String
    @Option(help: "Last day, YYYY-MM-DD.") var end: String
    @Option(help: "flat-rate-40, flat-rate-7, flat-rate-15 or real-costs.") var costModel: String
    @Option(help: "The county's self-financing share, in per cent.") var selfFinancing: String

    func run() throws {
        let id = "project-" + code.lowercased().filter { $0.isLetter || $0.isNumber || $0 == "-" }
        try Recorder(ledger: ledger).record([.init(stream: id, type: "project.registered", data: object([
            ("projectCode", code.json), ("name", name.json), ("funder", funder.json), ("fundingProgramme", programme?.json),
            ("region", region?.json), ("startDate", start.json), ("endDate", end.json), ("costModel", costModel.json),
            ("selfFinancingPercent", try decimal(selfFinancing, field: "self-financing")),
        ]), occurredAt: Recorder.day(start))])
        Recorder.announce(id, "Registered project \(id).")
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
    @Option(help: "closed-peer-group, open-event, camp, developer-group, training-cohort, professional-forum or experience-consultation.")
    var kind: String
    @Option(help: "The target group (docs/events.md lists them).") var targetGroup: String
    @Option(help: "Where it meets.") var municipality: String
    @Option(help: "How many sessions are planned.") var plannedSessions: Int?
    @Option(help: "The facilitating worker (staff-…).") var worker: String?
    @Option(help: "The experience co-facilitator (a participant id).") var coFacilitator: String?
    @Option(help: "The project's work package it belongs to, e.g. TP3 (for working-time reports).") var workPackage: String?
    @Option(help: "The day it was set up (default: today).") var date: String?

    func run() throws {
        let recorder = Recorder(ledger: ledger)
        let id = try recorder.newIdentifier(prefix: "activity")
        let facilitators = worker == nil && coFacilitator == nil
            ? nil : object([("worker", worker?.json), ("coFacilitator", coFacilitator?.json)])
        try recorder.record([.init(stream: id, type: "activity.created", data: object([
            ("project", project.json), ("name", name.json), ("kind", kind.json), ("targetGroup", targetGroup.json),
            ("municipality", municipality.json), ("plannedSessions", plannedSessions?.json), ("facilitators", facilitators), ("workPackage", workPackage?.json),
        ]), occurredAt: Recorder.day(date ?? Recorder.today()))])
        Recorder.announce(id, "Created activity \(id).")
    }
}
