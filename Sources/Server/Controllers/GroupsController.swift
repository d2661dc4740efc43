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
            .get("/groups/:activity/sessions/:session/print", use: printable)
            .post("/groups/:activity/sessions/:session/fit", use: recordFIT)
            .post("/groups/:activity/sessions/:session/feedback", use: recordFeedback)
            .post("/groups/:activity/void", use: void)
            .get("/groups/:activity/fit", use: fit)
            .get("/groups/:activity/feedback", use: feedback)
    }

    /// The group's FIT report: each participant's outcome over the sessions, alliance ratings to
    /// follow up — by name (opened and logged), laid out for a phone; `?print=1` gives the A4 page.
    @Sendable func fit(_ request: Request, context: SignedInContext) async throws -> Response {
        let activity = try context.parameters.require("activity")
        return try await report(.fit(activity: activity, participant: nil, onCutOffCountsAsBelow: true), activity, request, context,
                                purpose: "the group's FIT page on the server")
    }

    /// The group's client feedback: ratings and themes (the free text stays sealed).
    @Sendable func feedback(_ request: Request, context: SignedInContext) async throws -> Response {
        let activity = try context.parameters.require("activity")
        return try await report(.feedback(.activity(activity), from: nil, to: nil), activity, request, context,
                                purpose: "the group's feedback page on the server")
    }

    private func report(_ reportRequest: ReportRequest, _ activity: String, _ request: Request, _ context: SignedInContext,
                        purpose: String) async throws -> Response {
        guard let report = try await ledger.report(reportRequest, language: context.language.reportLanguage, suppressBelow: nil)
        else { throw Refusal.notFound }
        if request.uri.queryParameters.get("print") != nil {
            return ReportsController.document(report, name: "\(activity)-\(Day.today())")
        }
        let names = try await ledger.names(of: PhoneReport.participants(in: report), actor: context.user.name, purpose: purpose)
        return pages.render(.report, title: .group, heading: report.title, language: context.language, user: context.user.name,
                            csrf: context.session?.csrf,
                            values: PhoneReport.values(report, names: names.mapValues { displayName($0, context.language) })
                                .merging(["activity": activity]) { $1 })
    }

    @Sendable func list(_ request: Request, context: SignedInContext) async throws -> Response {
        let today = Day.today()
        let groups = try await ledger.groups(only: context.user.ownActivities, today: today)
        return pages.render(.groups, title: .groups, language: context.language, user: context.user.name, csrf: context.session?.csrf,
                            values: ["groups": groups.map { Self.values(of: $0, today: today) }])
    }

    @Sendable func show(_ request: Request, context: SignedInContext) async throws -> Response {
        let activity = try context.parameters.require("activity")
        let scheduled = request.uri.queryParameters.get("scheduled", as: Int.self)
        let notice = scheduled.map { "\(PageText.text(.scheduledCount, context.language)): \($0)" }
            ?? request.uri.queryParameters.get("voided").map { _ in PageText.text(.voidedNow, context.language) }
        return try await renderGroup(activity, context, notice: notice)
    }

    /// Plans sessions of the group: one, or a repeating schedule — weekly or fortnightly for a
    /// number of times, or the days listed — all at the same time, length and place, all recorded
    /// or none.
    @Sendable func schedule(_ request: Request, context: SignedInContext) async throws -> Response {
        let activity = try context.parameters.require("activity")
        let form = context.form
        let count: Int
        do {
            guard let minutes = Int(form["durationMinutes"] ?? ""), let dates = SessionPlan.dates(form) else { throw Refusal.badForm }
            count = try await ledger.schedule(activity: activity, dates: dates, durationMinutes: minutes,
                                              startTime: form["startTime"]?.trimmed.nonEmpty, location: form["location"]?.trimmed.nonEmpty,
                                              actor: context.user.name, key: try IdempotencyKey.of(request, form: form))
        } catch let refusal as LedgerRefusal {
            return try await renderGroup(activity, context, status: .unprocessableContent, problem: PageText.refusal(refusal, context.language))
        } catch let refusal as Refusal where refusal.status == .badRequest {
            return try await renderGroup(activity, context, status: .badRequest, problem: PageText.text(refusal.text, context.language))
        }
        return .redirect(to: "/groups/\(activity)?scheduled=\(count)")
    }

    func renderGroup(_ activity: String, _ context: SignedInContext, status: HTTPResponse.Status = .ok, notice: String? = nil,
                             problem: String? = nil) async throws -> Response {
        let today = Day.today()
        let language = context.language
        guard let group = try await ledger.group(activity, today: today) else { throw Refusal.notFound }
        let people = try await ledger.sheet(activity: activity, session: nil, day: today, actor: context.user.name,
                                            purpose: "roster of the group on the server")
        let events = try ledger.eventIds(at: group.sessions.map(\.position))
        let sessions: [[String: Any]] = group.sessions.map { session in
            let type = "session.\(session.status)"
            var row: [String: Any] = [
                "activity": activity, "session": session.session, "when": Shown.when(session, language),
                "status": statusText(session.status, language), "missing": session.isMissingMarks, "cancelled": session.status == "cancelled",
                "present": session.present, "voidWhat": "\(EntryWords.what(type, language)) \(Shown.when(session, language))",
            ]
            // A section shows for any value it is given, an empty one too: what is missing is left out.
            row["location"] = session.location?.nonEmpty
            row["headcount"] = session.headcount.map(String.init)
            row["eventId"] = events[session.position]
            return row
        }
        var values: [String: Any] = ["activity": activity, "name": group.name, "sessions": sessions, "voidAction": "/groups/\(activity)/void",
                                     "people": people.map { ["name": displayName($0.name, language)] },
                                     "first": Shown.day(today), "durationMinutes": 90]
        // The next session as the last one planned, a week on (and not before today): one tap for a weekly group.
        if let last = group.sessions.last(where: { $0.status != "cancelled" }), let weekOn = Day.adding(7, to: last.date) {
            let next = max(weekOn, today)
            let minutes = last.durationMinutes ?? 90
            values["next"] = ["date": next, "shown": Shown.when(date: next, startTime: last.startTime, language), "startTime": last.startTime ?? "",
                              "durationMinutes": minutes, "location": last.location ?? ""]
            values["durationMinutes"] = minutes
            values["startTime"] = last.startTime ?? ""
            values["location"] = last.location ?? ""
            values["first"] = Shown.day(next)
        }
        return pages.render(.group, title: .group, heading: group.name, language: language, user: context.user.name, csrf: context.session?.csrf,
                            status: status, notice: notice, problem: problem, values: values)
    }

    func sessionParameters(_ context: SignedInContext) throws -> (String, String) {
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
