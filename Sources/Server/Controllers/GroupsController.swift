import EventStore
import Foundation
import Hummingbird
import Ledger
import Projections
import Reports
import Vocabulary

/// A facilitator's pages: their groups, a group's sessions and roster, and the attendance sheet
/// on which a session is marked held and each person present, absent or excused. A coordinator
/// sees every group; nobody else sees any.
struct GroupsController {
    let ledger: LedgerService
    let pages: Pages

    func addRoutes(to group: RouterGroup<SignedInContext>) {
        group.group().add(middleware: Allow.anyOf(.groups))
            .get("/groups", use: list)
        group.group().add(middleware: Allow.ownGroup)
            .get("/groups/:activity", use: show)
            .post("/groups/:activity/sessions", use: schedule)
            .get("/groups/:activity/sessions/:session", use: sheet)
            .post("/groups/:activity/sessions/:session", use: record)
            .post("/groups/:activity/sessions/:session/cancel", use: cancel)
            .get("/groups/:activity/fit", use: fit)
            .get("/groups/:activity/feedback", use: feedback)
    }

    /// The group's FIT report: each participant's outcome over the sessions, alliance ratings to
    /// follow up (by pseudonymous id: the roster says who is who).
    @Sendable func fit(_ request: Request, context: SignedInContext) async throws -> Response {
        let activity = try context.parameters.require("activity")
        return try await report(.fit(activity: activity, participant: nil, onCutOffCountsAsBelow: true), activity, context)
    }

    /// The group's client feedback: ratings and themes (the free text stays sealed).
    @Sendable func feedback(_ request: Request, context: SignedInContext) async throws -> Response {
        let activity = try context.parameters.require("activity")
        return try await report(.feedback(.activity(activity), from: nil, to: nil), activity, context)
    }

    private func report(_ request: ReportRequest, _ activity: String, _ context: SignedInContext) async throws -> Response {
        guard let report = try await ledger.report(request, language: context.language.reportLanguage, suppressBelow: nil)
        else { throw Refusal.notFound }
        return ReportsController.document(report, name: "\(activity)-\(Day.today())")
    }

    @Sendable func list(_ request: Request, context: SignedInContext) async throws -> Response {
        let today = Day.today()
        let groups = try await ledger.groups(only: context.user.ownActivities, today: today)
        return pages.render(.groups, title: .groups, language: context.language, user: context.user.name, csrf: context.session?.csrf,
                            values: ["groups": groups.map { Self.values(of: $0, today: today) }])
    }

    @Sendable func show(_ request: Request, context: SignedInContext) async throws -> Response {
        let activity = try context.parameters.require("activity")
        let scheduled = request.uri.queryParameters.get("scheduled").flatMap { $0.isEmpty ? nil : $0 }
        return try await renderGroup(activity, context, notice: scheduled.map { _ in PageText.text(.scheduled2, context.language) })
    }

    /// Plans a new session of the group: its day and length, and if known its start and place.
    @Sendable func schedule(_ request: Request, context: SignedInContext) async throws -> Response {
        let activity = try context.parameters.require("activity")
        let form = context.form
        do {
            guard let minutes = Int(form["durationMinutes"] ?? "") else { throw Refusal.badForm }
            _ = try await ledger.schedule(activity: activity, date: form["date"].flatMap(Shown.isoDay) ?? form["date"] ?? "", durationMinutes: minutes,
                                          startTime: form["startTime"]?.trimmed.nonEmpty, location: form["location"]?.trimmed.nonEmpty,
                                          actor: context.user.name, key: try IdempotencyKey.of(request, form: form))
        } catch let refusal as LedgerRefusal {
            return try await renderGroup(activity, context, status: .unprocessableContent, problem: PageText.refusal(refusal, context.language))
        } catch let refusal as Refusal where refusal.status == .badRequest {
            return try await renderGroup(activity, context, status: .badRequest, problem: PageText.text(refusal.text, context.language))
        }
        return .redirect(to: "/groups/\(activity)?scheduled=1")
    }

    private func renderGroup(_ activity: String, _ context: SignedInContext, status: HTTPResponse.Status = .ok, notice: String? = nil,
                             problem: String? = nil) async throws -> Response {
        let today = Day.today()
        guard let group = try await ledger.group(activity, today: today) else { throw Refusal.notFound }
        let people = try await ledger.sheet(activity: activity, session: nil, day: today, actor: context.user.name,
                                            purpose: "roster of the group on the server")
        let sessions: [[String: Any]] = group.sessions.map { session in
            ["activity": activity, "session": session.session, "date": Shown.day(session.date), "status": statusText(of: session, context.language),
             "present": session.present, "headcount": session.headcount.map(String.init) ?? "", "cancelled": session.status == "cancelled"]
        }
        return pages.render(.group, title: .group, heading: group.name, language: context.language, user: context.user.name, csrf: context.session?.csrf,
                            status: status, notice: notice, problem: problem, values: ["activity": activity, "name": group.name, "sessions": sessions,
                                     "people": people.map { ["name": displayName($0.name, context.language)] }])
    }

    @Sendable func sheet(_ request: Request, context: SignedInContext) async throws -> Response {
        let (activity, session) = try sessionParameters(context)
        let saved = request.uri.queryParameters.get("saved", as: Int.self)
        return try await renderSheet(activity: activity, sessionID: session, context: context,
                                     notice: saved.map { _ in PageText.text(.saved, context.language) })
    }

    /// The sheet as posted: `mark.<participant>` = present | absent | excused for each person
    /// ticked, and — for a session not yet recorded as held — its length, place and format. One
    /// batch: the session held, then each mark; all recorded, or none.
    @Sendable func record(_ request: Request, context: SignedInContext) async throws -> Response {
        let (activity, sessionID) = try sessionParameters(context)
        guard let session = try await ledger.session(sessionID, of: activity)
        else { throw Refusal.notFound }
        let marks = context.form.withPrefix("mark.").compactMap { field in
            AttendanceRecorded.Status(rawValue: field.value).map { RecordSheet.Mark(participant: field.key, status: $0) }
        }
        guard marks.count == context.form.withPrefix("mark.").count else { throw Refusal.badForm }
        var sheet = RecordSheet(activity: activity, session: sessionID, marks: marks)
        if session.status == "scheduled" {
            guard let minutes = Int(context.form["durationMinutes"] ?? ""), let location = context.form["location"]?.trimmed, !location.isEmpty,
                  let format = SessionHeld.Format(rawValue: context.form["format"] ?? "in-person")
            else { throw Refusal.badForm }
            sheet.held = .init(durationMinutes: minutes, location: location, format: format, headcount: context.form["headcount"].flatMap { Int($0) })
        }
        do {
            try await ledger.record(sheet, actor: context.user.name, key: try IdempotencyKey.of(request, form: context.form))
        } catch let refusal as LedgerRefusal {
            return try await renderSheet(activity: activity, sessionID: sessionID, context: context, status: .unprocessableContent,
                                         problem: PageText.refusal(refusal, context.language))
        }
        return .redirect(to: "/groups/\(activity)/sessions/\(sessionID)?saved=\(marks.count)")
    }

    @Sendable func cancel(_ request: Request, context: SignedInContext) async throws -> Response {
        let (activity, sessionID) = try sessionParameters(context)
        let key = try IdempotencyKey.of(request, form: context.form)
        // Sent again after it was recorded: the session is cancelled already, as asked.
        if try ledger.replayed(key, actor: context.user.name) != nil { return .redirect(to: "/groups/\(activity)") }
        guard let session = try await ledger.session(sessionID, of: activity),
              session.status == "scheduled"
        else { throw Refusal.notFound }
        let reason = context.form["reason"]?.trimmed
        try await ledger.run(CancelSession(activity: activity, session: sessionID, date: session.date, reason: reason?.isEmpty == false ? reason : nil),
                             actor: context.user.name, key: key)
        return .redirect(to: "/groups/\(activity)")
    }

    private func renderSheet(activity: String, sessionID: String, context: SignedInContext, status: HTTPResponse.Status = .ok,
                             notice: String? = nil, problem: String? = nil) async throws -> Response {
        guard let group = try await ledger.group(activity, today: Day.today()),
              let session = group.sessions.first(where: { $0.session == sessionID })
        else { throw Refusal.notFound }
        let people = try await ledger.sheet(activity: activity, session: sessionID, day: session.date, actor: context.user.name,
                                            purpose: "attendance sheet on the server")
        let rows: [[String: Any]] = people.map { person in
            ["participant": person.participant, "name": displayName(person.name, context.language),
             "present": person.mark == "present", "absent": person.mark == "absent", "excused": person.mark == "excused"]
        }
        return pages.render(.sheet, title: .attendanceSheet, heading: "\(group.name) · \(PageText.text(.attendanceSheet, context.language))", language: context.language, user: context.user.name,
                            csrf: context.session?.csrf, status: status, notice: notice, problem: problem, values: [
                                "activity": activity, "session": sessionID, "date": Shown.day(session.date), "people": rows,
                                "statusText": statusText(of: session, context.language),
                                "needsHeld": session.status == "scheduled", "canCancel": session.status == "scheduled",
                                "durationMinutes": session.durationMinutes.map(String.init) ?? "",
                            ])
    }

    private func sessionParameters(_ context: SignedInContext) throws -> (String, String) {
        (try context.parameters.require("activity"), try context.parameters.require("session"))
    }

    static func values(of group: LedgerService.Group, today: String) -> [String: Any] {
        var values: [String: Any] = ["activity": group.activity, "name": group.name, "municipality": group.municipality, "enrolled": group.enrolled]
        if let next = group.nextSession(today: today) {
            values["next"] = ["activity": group.activity, "session": next.session, "date": Shown.day(next.date)]
        }
        return values
    }
}

/// A session's status, and for one held without any marks, that they are missing.
func statusText(of session: DirectoryReadModel.Session, _ language: PageLanguage) -> String {
    session.isMissingMarks ? PageText.text(.marksMissing, language) : statusText(session.status, language)
}

func statusText(_ status: String, _ language: PageLanguage) -> String {
    switch status {
    case "held": PageText.text(.held, language)
    case "cancelled": PageText.text(.cancelled, language)
    default: PageText.text(.scheduled, language)
    }
}

func displayName(_ name: ListReports.Name?, _ language: PageLanguage) -> String {
    switch name {
    case let .name(text)?, let .alias(text)?: text.isEmpty ? PageText.text(.noName, language) : text
    case .erased?: PageText.text(.erased, language)
    case .noKey?: PageText.text(.noKey, language)
    case nil: PageText.text(.noName, language)
    }
}


extension String {
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
