import EventStore
import Foundation
import Ledger
import Server
import Testing

/// The command line, the server and the demo record the same events for the same input: all
/// three go through one typed command of Ledger. Each family's steps run on two ledgers with the
/// same history — the command line's (`tuki` on a ledger of its own) and the server's (its API) —
/// and the command itself, as the demo runs it, is asked too; the events' streams, types and data
/// must agree, but for the ids each path draws anew and the sealed values' ciphertext.
@Suite(.serialized) struct SameEventsTests {
    static let server = Task { try await TestServer.start() }
    /// The command line's ledger: the server's history, in a folder of its own.
    static let commandLine = Task { () throws -> LedgerPaths in
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tuki-same-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let paths = LedgerPaths(ledger: folder.appendingPathComponent("tuki.sqlite").path)
        try TestServer.makeLedger(paths)
        return paths
    }

    /// One action, as each path is given it. `previous` in the family's closures is the id the
    /// path's previous step returned (a new participant's, a new engagement's).
    struct Step {
        let cli: [String]
        let api: (path: String, json: String)
        let command: any RecordingCommand
        /// Data members whose values each path draws anew (ids).
        var generated: [String] = []
        /// The member holding a sealed value.
        var sealed: String?
        /// Whether the stream itself is drawn anew (a new activity's).
        var drawnStream = false
    }

    /// An event as compared: its stream, type and data, with drawn ids and sealed values masked.
    struct Seen: Equatable, CustomStringConvertible {
        let stream: String
        let type: String
        let data: String
        var description: String { "\(type) on \(stream): \(data)" }
    }

    @Test func sessionsAndAttendance() async throws {
        try await compare([
            { _ in Step(cli: ["session", "schedule", TestServer.otherActivity, "--date", "2026-12-20", "--duration", "90", "--start", "17:00",
                              "--location", "Perhekeskus"],
                        api: ("/api/v1/groups/\(TestServer.otherActivity)/sessions",
                              #"{"date":"2026-12-20","durationMinutes":90,"startTime":"17:00","location":"Perhekeskus"}"#),
                        command: ScheduleSession(activity: TestServer.otherActivity, date: "2026-12-20", startTime: "17:00", durationMinutes: 90,
                                                 location: "Perhekeskus"),
                        generated: ["session"]) },
            { _ in Step(cli: ["attendance", TestServer.ownActivity, "s8", "--absent", "p-7k2m", "--excused", "p-9x4d"],
                        api: ("/api/v1/groups/\(TestServer.ownActivity)/sessions/s8/attendance",
                              #"{"marks":[{"participant":"p-7k2m","status":"absent"},{"participant":"p-9x4d","status":"excused"}]}"#),
                        command: RecordSheet(activity: TestServer.ownActivity, session: "s8",
                                             marks: [.init(participant: "p-7k2m", status: .absent), .init(participant: "p-9x4d", status: .excused)])) },
        ])
    }

    @Test func peopleAndEnrolments() async throws {
        try await compare([
            { _ in Step(cli: ["participant", "register", "--name", "Sama Henkilö", "--birth-date", "2001-02-03", "--gender", "man",
                              "--municipality", "Forssa", "--roles", "young-adult", "--date", "2026-12-03"],
                        api: ("/api/v1/record/participant", """
                              {"personal":{"name":"Sama Henkilö","birthDate":"2001-02-03"},"gender":"man","municipality":"Forssa",
                               "roles":["young-adult"],"registeredOn":"2026-12-03"}
                              """),
                        command: RegisterParticipant(personal: .init(name: "Sama Henkilö", birthDate: "2001-02-03"), gender: .man,
                                                     municipality: "Forssa", roles: [.youngAdult], registeredOn: "2026-12-03"),
                        generated: ["participant"], sealed: "personal") },
            { _ in Step(cli: ["enrol", "sign-up", "p-c1", TestServer.ownActivity, "--date", "2026-12-03"],
                        api: ("/api/v1/record/sign-up", #"{"participant":"p-c1","activity":"\#(TestServer.ownActivity)","date":"2026-12-03"}"#),
                        command: SignUp(participant: "p-c1", activity: TestServer.ownActivity, date: "2026-12-03")) },
            { _ in Step(cli: ["enrol", "start", "p-c1", TestServer.ownActivity, "--date", "2026-12-04", "--age-at-entry", "21",
                              "--labour-market", "unemployed", "--education", "isced-3-4", "--rural", "no"],
                        api: ("/api/v1/record/start", """
                              {"participant":"p-c1","activity":"\(TestServer.ownActivity)","date":"2026-12-04",
                               "entry":{"ageAtEntry":21,"labourMarketStatus":"unemployed","educationLevel":"isced-3-4","ruralArea":"no"}}
                              """),
                        command: StartEnrolment(participant: "p-c1", activity: TestServer.ownActivity, date: "2026-12-04", entry: .init(
                            ageAtEntry: 21, labourMarketStatus: .unemployed, educationLevel: .isced3to4, ruralArea: .no))) },
            { _ in Step(cli: ["enrol", "end", "p-c1", TestServer.ownActivity, "--date", "2026-12-05", "--outcome", "moved", "--employed", "yes"],
                        api: ("/api/v1/record/end", """
                              {"participant":"p-c1","activity":"\(TestServer.ownActivity)","date":"2026-12-05","outcome":"moved","exit":{"employed":"yes"}}
                              """),
                        command: EndEnrolment(participant: "p-c1", activity: TestServer.ownActivity, date: "2026-12-05", outcome: .moved, employed: .yes)) },
            { _ in Step(cli: ["consent", "record", "p-7k2m", "--scope", "research", "--date", "2026-12-03"],
                        api: ("/api/v1/record/consent", #"{"participant":"p-7k2m","scope":"research","givenBy":"self","date":"2026-12-03"}"#),
                        command: RecordConsent(participant: "p-7k2m", scope: .research, date: "2026-12-03")) },
        ])
    }

    @Test func expertWorkAndPayments() async throws {
        try await compare([
            { _ in Step(cli: ["engagement", "agree", "--expert", "p-t02", "--project", "project-tukidemo-2026", "--kind", "writing",
                              "--date", "2026-12-01", "--hours", "2.5", "--fee", "75"],
                        api: ("/api/v1/record/engagement", """
                              {"expert":"p-t02","project":"project-tukidemo-2026","kind":"writing","date":"2026-12-01","plannedHours":2.5,
                               "agreedFeeCents":"75","mode":"in-person"}
                              """),
                        command: AgreeEngagement(expert: "p-t02", project: "project-tukidemo-2026", kind: .writing, date: "2026-12-01",
                                                 plannedHours: 2.5, agreedFeeCents: 7500),
                        generated: ["engagement"]) },
            { engagement in Step(cli: ["engagement", "complete", engagement, "--date", "2026-12-02", "--hours", "3"],
                                 api: ("/api/v1/record/complete", #"{"engagement":"\#(engagement)","date":"2026-12-02","hours":3}"#),
                                 command: CompleteEngagement(engagement: engagement, date: "2026-12-02", hours: 3),
                                 generated: ["engagement"]) },
            { engagement in Step(cli: ["pay", "fee", engagement, "--amount", "75", "--date", "2026-12-03"],
                                 api: ("/api/v1/record/fee", #"{"engagement":"\#(engagement)","date":"2026-12-03","amountCents":"75"}"#),
                                 command: PayFee(engagement: engagement, amountCents: 7500, date: "2026-12-03"),
                                 generated: ["engagement"]) },
            { engagement in Step(cli: ["pay", "travel", engagement, "--km", "32.3", "--date", "2026-12-03"],
                                 api: ("/api/v1/record/travel", #"{"engagement":"\#(engagement)","date":"2026-12-03","kilometres":32.3}"#),
                                 command: PayTravel(engagement: engagement, trip: .kilometres(try #require(DecimalNumber("32.3")), rate: .inForce),
                                                    date: "2026-12-03"),
                                 generated: ["engagement"]) },
            { engagement in Step(cli: ["pay", "per-diem", engagement, "--kind", "full-day", "--date", "2026-12-03"],
                                 api: ("/api/v1/record/per-diem", #"{"engagement":"\#(engagement)","date":"2026-12-03","kind":"full-day","days":1}"#),
                                 command: PayPerDiem(engagement: engagement, kind: .fullDay, date: "2026-12-03"),
                                 generated: ["engagement"]) },
        ])
    }

    @Test func evaluation() async throws {
        try await compare([
            { _ in Step(cli: ["fit", "record", "p-7k2m", "--instrument", "ORS", "--items", "4.5,5,6.1,7", "--date", "2026-12-03"],
                        api: ("/api/v1/record/fit", #"{"participant":"p-7k2m","instrument":"ORS","items":{"1":4.5,"2":5,"3":6.1,"4":7},"date":"2026-12-03"}"#),
                        command: RecordFIT(participant: "p-7k2m", instrument: .ors, items: [4.5, 5, 6.1, 7], date: "2026-12-03")) },
            { _ in Step(cli: ["feedback", "give", TestServer.otherActivity, "--rating", "4", "--themes", "coffee, atmosphere", "--date", "2026-12-03"],
                        api: ("/api/v1/record/feedback", #"{"activity":"\#(TestServer.otherActivity)","rating":4,"themes":"coffee, atmosphere","date":"2026-12-03"}"#),
                        command: GiveFeedback(activity: TestServer.otherActivity, rating: 4, themes: ["coffee", "atmosphere"], date: "2026-12-03")) },
            { _ in Step(cli: ["survey", "answer", "staff-2026", "--project", "project-tukidemo-2026", "--wave", "final", "--group", "partners",
                              "--scale", "1..5", "--score", "Clients' views shape our work=4", "--date", "2026-12-03"],
                        api: ("/api/v1/record/survey", """
                              {"survey":"staff-2026","project":"project-tukidemo-2026","wave":"final","respondentGroup":"partners",
                               "scale":{"min":1,"max":5},"answers":"Clients' views shape our work: 4","date":"2026-12-03"}
                              """),
                        command: AnswerSurvey(survey: "staff-2026", project: "project-tukidemo-2026", wave: .final, respondentGroup: .partners,
                                              scale: .init(min: 1, max: 5), answers: [.init(item: "Clients' views shape our work", score: 4)],
                                              date: "2026-12-03")) },
            { _ in Step(cli: ["bikva", "follow-up", "tukidemo-2026", "--stage", "4", "--theme", "Vertaisryhmä auttoi", "--status", "partly",
                              "--note", "One group planned", "--date", "2026-12-03"],
                        api: ("/api/v1/record/bikva-follow-up", """
                              {"evaluation":"tukidemo-2026","stage":4,"theme":"Vertaisryhmä auttoi","status":"partly","note":"One group planned","date":"2026-12-03"}
                              """),
                        command: FollowUpBIKVAChange(evaluation: "tukidemo-2026", stage: 4, theme: "Vertaisryhmä auttoi", status: .partly,
                                                     note: "One group planned", date: "2026-12-03")) },
        ])
    }

    @Test func programmeCostsAndVoids() async throws {
        try await compare([
            { _ in Step(cli: ["staff", "log-time", "--staff", "staff-coordinator", "--project", "project-tukidemo-2026", "--date", "2026-12-03",
                              "--hours", "7,5", "--hourly-cost", "38.50"],
                        api: ("/api/v1/record/staff-time", """
                              {"staffMember":"staff-coordinator","project":"project-tukidemo-2026","date":"2026-12-03","hours":"7,5","hourlyCostCents":"38.50"}
                              """),
                        command: LogStaffTime(staffMember: "staff-coordinator", project: "project-tukidemo-2026", date: "2026-12-03", hours: 7.5,
                                              hourlyCostCents: 3850)) },
            { _ in Step(cli: ["cost", "add", "--project", "project-tukidemo-2026", "--category", "premises", "--amount", "120", "--date", "2026-12-03",
                              "--description", "Hall rent"],
                        api: ("/api/v1/record/cost", """
                              {"project":"project-tukidemo-2026","category":"premises","amountCents":"120","date":"2026-12-03","description":"Hall rent"}
                              """),
                        command: RecordCost(project: "project-tukidemo-2026", category: .premises, amountCents: 12000, description: "Hall rent",
                                            date: "2026-12-03")) },
            { _ in Step(cli: ["activity", "create", "--project", "project-tukidemo-2026", "--name", "Isien ilta", "--kind", "open-event",
                              "--target-group", "parents", "--municipality", "Forssa", "--work-package", "TP3", "--date", "2026-12-03"],
                        api: ("/api/v1/record/activity", """
                              {"project":"project-tukidemo-2026","name":"Isien ilta","kind":"open-event","targetGroup":"parents","municipality":"Forssa",
                               "workPackage":"TP3","date":"2026-12-03"}
                              """),
                        command: CreateActivity(project: "project-tukidemo-2026", name: "Isien ilta", kind: .openEvent, targetGroup: .parents,
                                                municipality: "Forssa", workPackage: "TP3", date: "2026-12-03"),
                        drawnStream: true) },
        ])
    }

    // MARK: - Comparing

    private func compare(_ steps: [(String) throws -> Step]) async throws {
        let server = try await Self.server.value
        let cliPaths = try await Self.commandLine.value
        let browser = Browser(server)
        let token = try #require(try await browser.token("koordinaattori"))
        var previous = (cli: "", api: "")
        for (number, makeStep) in steps.enumerated() {
            // The command as the demo runs it, against the command line's ledger before the step.
            let asDemo = try makeStep(previous.cli)
            let demo = try EventStore.open(at: cliPaths.ledger).read { reader in
                try asDemo.command.recording(ReaderFacts(reader)).events.map { (stream: $0.stream, type: $0.type, data: $0.data) }
            }

            let cliStep = try makeStep(previous.cli)
            let cliBefore = try count(cliPaths)
            let cli = try runTuki(cliStep.cli + ["--db", cliPaths.ledger, "--actor", "koordinaattori"])
            #expect(cli.status == 0, "step \(number + 1), the command line: \(cli.stderr)")
            let cliEvents = try events(cliPaths, after: cliBefore)
            previous.cli = cli.stdout.split(separator: "\n").first.map(String.init) ?? ""

            let apiStep = try makeStep(previous.api)
            let apiBefore = try count(server.paths)
            let answer = try await browser.send("POST", apiStep.api.path, json: apiStep.api.json, bearer: token)
            #expect(answer.status == 201, "step \(number + 1), the API: \(answer.body)")
            let apiEvents = try events(server.paths, after: apiBefore)
            previous.api = (answer.json?["id"] as? String) ?? (answer.json?["session"] as? String) ?? ""

            if let member = cliStep.sealed {
                for events in [cliEvents, apiEvents] {
                    #expect(events.first?.data[member]?["sealed"] != nil, "step \(number + 1): the \(member) is sealed")
                }
            }
            let masked = { (events: [(stream: String, type: String, data: JSONValue)]) in events.map { self.mask($0, cliStep) } }
            let expected = masked(demo)
            #expect(!expected.isEmpty)
            #expect(masked(cliEvents) == expected, "step \(number + 1): the command line recorded other events than the command")
            #expect(masked(apiEvents) == expected, "step \(number + 1): the server recorded other events than the command")
        }
    }

    /// The event with the step's drawn ids (in its data and its stream) and sealed value masked.
    private func mask(_ event: (stream: String, type: String, data: JSONValue), _ step: Step) -> Seen {
        guard case var .object(members) = event.data else { return Seen(stream: event.stream, type: event.type, data: "") }
        var stream = step.drawnStream ? "NEW" : event.stream
        for index in members.indices {
            if step.generated.contains(members[index].key), let id = members[index].value.stringValue {
                stream = stream.replacingOccurrences(of: id, with: "NEW")
                members[index].value = .string("NEW")
            }
        }
        // The command names what to seal; the sealed value itself (a new nonce each time) is not compared.
        members.removeAll { $0.key == step.sealed }
        return Seen(stream: stream, type: event.type, data: JSONWriter.compact(JSONValue.object(members).canonical))
    }

    private func count(_ paths: LedgerPaths) throws -> Int64 {
        try EventStore.open(at: paths.ledger).head().position
    }

    private func events(_ paths: LedgerPaths, after position: Int64) throws -> [(stream: String, type: String, data: JSONValue)] {
        try EventStore.open(at: paths.ledger).read { reader in
            var events: [(stream: String, type: String, data: JSONValue)] = []
            try reader.events(from: position + 1).forEach { events.append(($0.stream, $0.type, try JSONParser.parse($0.data))) }
            return events
        }
    }

    /// `tuki` (the binary `swift test` built beside the tests) with `arguments`.
    private func runTuki(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        var executable: URL?
        for _ in 0..<4 where executable == nil {
            let candidate = directory.appendingPathComponent("tuki")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { executable = candidate }
            directory = directory.deletingLastPathComponent()
        }
        let process = Process()
        process.executableURL = try #require(executable, "the tuki binary beside the tests")
        process.arguments = arguments
        process.environment = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }
}
