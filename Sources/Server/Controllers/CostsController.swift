import EventStore
import Hummingbird
import Ledger
import Projections
import Reports
import Vocabulary

/// A project's costs and staff time, entry by entry, for the coordinator: each with a void that
/// names it (kind, day, category or staff member, amount), so that an entry recorded by mistake is
/// taken back where it is shown, as on a person's page and a group's.
struct CostsController {
    let ledger: LedgerService
    let pages: Pages

    static let voidableTypes: Set<String> = ["cost.incurred", "staff.time-logged"]

    func addRoutes(to group: RouterGroup<SignedInContext>) {
        group.group().add(middleware: Allow.anyOf(.recording))
            .get("/costs", use: show)
            .post("/costs/void", use: void)
    }

    @Sendable func show(_ request: Request, context: SignedInContext) async throws -> Response {
        let project = request.uri.queryParameters.get("project").flatMap { $0.isEmpty ? nil : $0 }
        let notice = request.uri.queryParameters.get("voided").map { _ in PageText.text(.voidedNow, context.language) }
        return try await render(project, context, notice: notice)
    }

    /// Voids a cost or a staff-time entry, with the reason given.
    @Sendable func void(_ request: Request, context: SignedInContext) async throws -> Response {
        let project = context.form["project"] ?? ""
        let back = "/costs?project=\(project.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(["-"])) ?? "")"
        let key = try IdempotencyKey.of(request, form: context.form)
        if try ledger.replayed(key, actor: context.user.name) != nil { return .redirect(to: back + "&voided=1") }
        guard let eventId = context.form["event"], let event = try ledger.event(withId: eventId), Self.voidableTypes.contains(event.type),
              (try? JSONParser.parse(event.data))?["project"]?.stringValue == project
        else { throw Refusal.badForm }
        guard let reason = context.form["reason"]?.trimmed.nonEmpty, reason.count <= RecordingField.longestText else {
            return try await render(project, context, status: .badRequest, problem: PageText.text(.voidNeedsReason, context.language))
        }
        do {
            try await ledger.run(VoidEntry(eventId: eventId, reason: reason), actor: context.user.name, key: key)
        } catch let refusal as LedgerRefusal {
            return try await render(project, context, status: .unprocessableContent, problem: PageText.refusal(refusal, context.language))
        }
        return .redirect(to: back + "&voided=1")
    }

    private func render(_ project: String?, _ context: SignedInContext, status: HTTPResponse.Status = .ok, notice: String? = nil,
                        problem: String? = nil) async throws -> Response {
        let language = context.language
        let choices = try await ledger.choices(today: Day.today())
        var values: [String: Any] = [
            "projects": choices.projects.map { ["project": $0["project"] ?? "", "name": $0["name"] ?? "", "selected": $0["project"] == project] },
        ]
        if let project {
            let entries = try await ledger.projectEntries(project)
            let events = try ledger.eventIds(at: entries.costs.map(\.position) + entries.staffTime.map(\.position))
            let names = ActivityLabels.names(choices.activities)
            let euros = { (cents: Int) in Report.Cell.cents(cents).shown(language) }
            values["shown"] = true
            values["voidAction"] = "/costs/void"
            values["voidKeep"] = ["name": "project", "value": project]
            values["costs"] = entries.costs.compactMap { cost -> [String: Any]? in
                guard let event = events[cost.position] else { return nil }
                let what = "\(EntryWords.what("cost.incurred", language)) \(Shown.day(cost.date)) · "
                    + "\(Catalogue.value(cost.category, of: "category")?(language) ?? cost.category) · \(euros(cost.cents))"
                return ["eventId": event, "voidWhat": what]
            }
            values["staffTime"] = entries.staffTime.compactMap { time -> [String: Any]? in
                guard let event = events[time.position] else { return nil }
                let hours = Report.Cell.hundredths(time.hoursHundredths).shown(language)
                let activity = time.activity.map { " · \(names[$0] ?? $0)" } ?? ""
                let what = "\(EntryWords.what("staff.time-logged", language)) \(Shown.day(time.date)) · \(time.staffMember)\(activity) · \(hours) h · \(euros(time.cents))"
                return ["eventId": event, "voidWhat": what]
            }
        }
        return pages.render(.costs, title: .costsTitle, language: language, user: context.user.name, csrf: context.session?.csrf,
                            status: status, notice: notice, problem: problem, values: values)
    }
}
