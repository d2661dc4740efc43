import EventStore
import Foundation
import Hummingbird
import Ledger
import Reports
import Vocabulary

/// `/api/v1`: the pages' actions for programs (a phone app, a script), described by
/// Schemas/openapi.json. Requests carry `Authorization: Bearer <token>` from `POST /api/v1/tokens`;
/// recording goes through the same validated path as the pages and the command line.
struct APIController {
    let ledger: LedgerService

    func addRoutes(to group: RouterGroup<SignedInContext>) {
        group.get("/me", use: me)
        group.group().add(middleware: Allow.anyOf(.groups))
            .get("/groups", use: groups)
        group.group().add(middleware: Allow.ownGroup)
            .get("/groups/:activity/sessions/:session/sheet", use: sheet)
            .post("/groups/:activity/sessions/:session/attendance", use: attendance)
            .post("/groups/:activity/sessions", use: schedule)
        // Which forms: `RecordingForm.named` (a facilitator's are their own groups' work).
        group.group().add(middleware: Allow.anyOf(.recording, .groups))
            .post("/record/:form", use: record)
        group.group().add(middleware: Allow.anyOf(.reports, .aggregateReports))
            .get("/reports/:report", use: report)
            .post("/reports/:report", use: report)
        group.group().add(middleware: Allow.anyOf(.lists))
            .get("/lists/:list", use: list)
            .post("/lists/:list", use: list)
        group.group().add(middleware: Allow.anyOf(.audit))
            .get("/audit/chain", use: chain)
            .get("/audit/export", use: export)
    }

    struct Me: Encodable {
        let user: String
        let roles: [String]
        let activities: [String]
    }

    @Sendable func me(_ request: Request, context: SignedInContext) async throws -> Response {
        try APIResponse.json(Me(user: context.user.name, roles: context.user.roles.keys.sorted().map(\.rawValue),
                                activities: context.user.roles.values.flatMap { $0 }.sorted()))
    }

    struct GroupOut: Encodable {
        struct SessionOut: Encodable {
            let session, date, status: String
            let durationMinutes: Int?
            let present, absent, excused: Int
            let headcount: Int?
        }
        let activity, name, municipality: String
        let enrolled: Int
        let sessions: [SessionOut]
    }

    @Sendable func groups(_ request: Request, context: SignedInContext) async throws -> Response {
        let groups = try await ledger.groups(only: context.user.ownActivities, today: Day.today())
        return try APIResponse.json(groups.map { group in
            GroupOut(activity: group.activity, name: group.name, municipality: group.municipality, enrolled: group.enrolled,
                     sessions: group.sessions.map { .init(session: $0.session, date: $0.date, status: $0.status, durationMinutes: $0.durationMinutes,
                                                          present: $0.present, absent: $0.absent, excused: $0.excused,
                                                          headcount: $0.headcount) })
        })
    }

    struct SheetOut: Encodable {
        struct Person: Encodable {
            let participant: String
            let name: String?
            let shownAs: String
            let mark: String?
        }
        let activity, session, date, status: String
        let people: [Person]
    }

    /// The attendance sheet with names: each name opened is an `access.logged` of this user.
    @Sendable func sheet(_ request: Request, context: SignedInContext) async throws -> Response {
        let activity = try context.parameters.require("activity")
        let sessionID = try context.parameters.require("session")
        guard let session = try await ledger.session(sessionID, of: activity)
        else { throw Refusal.notFound }
        let people = try await ledger.sheet(activity: activity, session: sessionID, day: session.date, actor: context.user.name,
                                            purpose: "attendance sheet through the API")
        return try APIResponse.json(SheetOut(activity: activity, session: sessionID, date: session.date, status: session.status,
                                             people: people.map { person in
            let shownAs: String = switch person.name {
            case .name?: "name"
            case .alias?: "alias"
            case .erased?: "erased"
            case .noKey?: "no-key"
            case nil: "none"
            }
            return .init(participant: person.participant, name: person.nameText, shownAs: shownAs, mark: person.mark)
        }))
    }

    struct AttendanceIn: Decodable {
        struct Mark: Decodable {
            let participant: String
            let status: String
        }
        struct Held: Decodable {
            let durationMinutes: Int
            let location: String
            let format: String?
            let headcount: Int?
        }
        let marks: [Mark]
        let held: Held?
    }

    struct Recorded: Encodable {
        let recorded: Int
        let eventIds: [String]
    }

    /// Records the marks (and, with `held`, the session as held first) in one batch.
    @Sendable func attendance(_ request: Request, context: SignedInContext) async throws -> Response {
        let activity = try context.parameters.require("activity")
        let sessionID = try context.parameters.require("session")
        let input = try await Self.decode(AttendanceIn.self, request, context)
        let marks = input.marks.compactMap { mark in
            AttendanceRecorded.Status(rawValue: mark.status).map { RecordSheet.Mark(participant: mark.participant, status: $0) }
        }
        guard marks.count == input.marks.count else { throw Refusal.badForm }
        var held: RecordSheet.Held?
        if let given = input.held {
            guard let format = SessionHeld.Format(rawValue: given.format ?? "in-person") else { throw Refusal.badForm }
            held = .init(durationMinutes: given.durationMinutes, location: given.location, format: format, headcount: given.headcount)
        }
        let ids = try await ledger.record(RecordSheet(activity: activity, session: sessionID, held: held, marks: marks), actor: context.user.name,
                                          key: try IdempotencyKey.of(request, form: nil))
        return try APIResponse.json(Recorded(recorded: ids.count, eventIds: ids), status: .created)
    }

    struct ScheduleIn: Decodable {
        let date: String
        let durationMinutes: Int
        let startTime: String?
        let location: String?
    }

    struct Scheduled: Encodable {
        let session: String
    }

    /// Plans a session of a group the user may open.
    @Sendable func schedule(_ request: Request, context: SignedInContext) async throws -> Response {
        let activity = try context.parameters.require("activity")
        let input = try await Self.decode(ScheduleIn.self, request, context)
        let id = try await ledger.schedule(activity: activity, date: input.date, durationMinutes: input.durationMinutes,
                                           startTime: input.startTime, location: input.location, actor: context.user.name,
                                           key: try IdempotencyKey.of(request, form: nil))
        return try APIResponse.json(Scheduled(session: id), status: .created)
    }

    struct RecordedForm: Encodable {
        let form: String
        let id: String
    }

    /// What a coordinator's recording form records, from a JSON object of the form's fields (as
    /// the event's data: nested objects or dotted names, amounts in euros).
    @Sendable func record(_ request: Request, context: SignedInContext) async throws -> Response {
        let form = try RecordingForm.named(try context.parameters.require("form"), for: context.user)
        let body = try await request.body.collect(upTo: context.maxUploadSize)
        guard let json = try? JSONParser.parse(String(buffer: body)), json.isObject else { throw Refusal.badForm }
        let today = Day.today()
        let data: [String: JSONValue]
        do {
            data = try form.data(FormFields(json: json), today: today)
            try RecordingController.requireOwnGroup(data, form, context)
        } catch let error as RecordingField.Invalid {
            let language = Language(acceptLanguage: request.headers[.acceptLanguage])
            return APIResponse.error(.badRequest, "\(PageText.text(.invalidField, language)): \(error.field.label(language))", field: error.field.name)
        }
        let recorded = try await ledger.record(form, data, actor: context.user.name, today: today, key: try IdempotencyKey.of(request, form: nil))
        return try APIResponse.json(RecordedForm(form: form.rawValue, id: recorded.id), status: .created)
    }

    /// A report as JSON (the same document as `tuki report … --format json`): a coordinator's
    /// any, an analyst's aggregate ones with small counts hidden.
    @Sendable func report(_ request: Request, context: SignedInContext) async throws -> Response {
        let fields = try await Self.fields(request, context)
        guard let report = try await ReportsController.report(fields, context, ledger: ledger, language: .en) else { throw Refusal.notFound }
        return Self.json(report)
    }

    /// A list as JSON, by pseudonymous id (as `tuki list … --format json`): no names.
    @Sendable func list(_ request: Request, context: SignedInContext) async throws -> Response {
        guard let kind = ServedList(rawValue: try context.parameters.require("list")) else { throw Refusal.notFound }
        let fields = try await Self.fields(request, context)
        return Self.json(try await ledger.list(kind.request(), try kind.filter({ fields[$0] }, today: Day.today()), language: .en))
    }

    /// The body as the route's JSON: a body too large is 413 (the client's mistake, said so), one
    /// that is not the route's JSON is `Refusal.badForm`.
    private static func decode<Value: Decodable>(_ type: Value.Type, _ request: Request, _ context: SignedInContext) async throws -> Value {
        var request = request
        let body = try await request.collectBody(upTo: context.maxUploadSize)
        do {
            return try JSONDecoder().decode(Value.self, from: body)
        } catch {
            throw Refusal.badForm
        }
    }

    /// A report's or a list's fields: the query of a GET (which may not name a person), or the
    /// JSON object a POST carries (`{"year": "2026", "expert": "p-…"}`).
    private static func fields(_ request: Request, _ context: SignedInContext) async throws -> FormFields {
        guard request.method == .post else { return try ServedReport.Field.query(of: request) }
        var request = request
        let body = try await request.collectBody(upTo: context.maxUploadSize)
        guard let json = try? JSONParser.parse(String(buffer: body)), json.isObject else { throw Refusal.badForm }
        return FormFields(json: json)
    }

    private static func json(_ report: Report) -> Response {
        var report = report
        report.generatedAt = nil
        return Response(status: .ok, headers: [.contentType: "application/json"],
                        body: .init(byteBuffer: ByteBuffer(string: ReportFormat.json.render(report))))
    }

    struct Chain: Encodable {
        let intact: Bool
        let events: Int64
        let headPosition: Int64
        let headHash: String
        let brokenAt: Int64?
        let problem: String?
    }

    @Sendable func chain(_ request: Request, context: SignedInContext) async throws -> Response {
        let head = try ledger.head()
        switch try await ledger.verify() {
        case let .intact(count, head):
            return try APIResponse.json(Chain(intact: true, events: count, headPosition: head.position, headHash: head.hash, brokenAt: nil, problem: nil))
        case let .broken(position, problem):
            return try APIResponse.json(Chain(intact: false, events: head.position, headPosition: head.position, headHash: head.hash,
                                              brokenAt: position, problem: problem))
        }
    }

    @Sendable func export(_ request: Request, context: SignedInContext) async throws -> Response {
        return AuditController.exportResponse(ledger)
    }
}

enum APIResponse {
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return Response(status: status, headers: [.contentType: "application/json"],
                        body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(value))))
    }

    /// An error: its sentence, and for a refusal by the ledger's rules or schema, the rule's code
    /// and the data member it is about (`engagement`, `entry.ageAtEntry`, `items[1]`).
    struct Failure: Encodable {
        let error: String
        var rule: String?
        var field: String?
    }

    static func error(_ status: HTTPResponse.Status, _ message: String, rule: String? = nil, field: String? = nil) -> Response {
        (try? json(Failure(error: message, rule: rule, field: field), status: status)) ?? Response(status: status)
    }
}

/// Schemas/openapi.json, as embedded in the binary.
enum OpenAPIDocument {
    /// The file's text exactly (the embedding leaves out its final newline).
    static var json: String { (EmbeddedOpenAPI.files["openapi.json"] ?? "{}") + "\n" }
}
