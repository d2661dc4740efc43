import EventStore
import Foundation
import Hummingbird
import Ledger
import Projections
import Reports
import Vocabulary

/// The coordinator's overview: this week's sessions, the activities, open fee and travel items,
/// and the ESR+ report's form.
struct CoordinatorController {
    let ledger: LedgerService
    let pages: Pages
    let handles: PersonHandles

    func addRoutes(to group: RouterGroup<SignedInContext>) {
        group.group().add(middleware: Allow.anyOf(.overview))
            .get("/overview", use: overview)
    }

    @Sendable func overview(_ request: Request, context: SignedInContext) async throws -> Response {
        let today = Day.today()
        let overview = try await ledger.overview(today: today)
        let weekEnd = Day.adding(6, to: today) ?? today
        let names = Dictionary(overview.groups.map { ($0.activity, $0.name) }, uniquingKeysWith: { first, _ in first })
        let week: [[String: Any]] = overview.groups.flatMap(\.sessions).filter { $0.date >= today && $0.date <= weekEnd }
            .sorted { ($0.date, $0.activity) < ($1.date, $1.activity) }
            .map { ["date": Shown.day($0.date), "name": names[$0.activity] ?? $0.activity, "status": statusText(of: $0, context.language),
                    "activity": $0.activity, "session": $0.session] }
        let missingMarks: [[String: Any]] = overview.groups.flatMap(\.sessions).filter(\.isMissingMarks)
            .sorted { ($0.date, $0.activity) < ($1.date, $1.activity) }
            .map { ["date": Shown.day($0.date), "name": names[$0.activity] ?? $0.activity, "activity": $0.activity, "session": $0.session] }
        // Each item by its expert's alias and the engagement's kind and day, with a link to the
        // expert's page, where it is paid.
        let experts = try await ledger.people(Array(Set(overview.openItems.map(\.expert))))
        let items: [[String: Any]] = overview.openItems.map { item in
            let key: PageText.Key = item.item == "fee-missing" ? .feeMissing : item.item == "travel-missing" ? .travelMissing : .overdue
            let engagement = overview.engagements[item.engagement]
            return ["handle": handles.handle(for: item.expert), "expert": experts[item.expert]?.expertAlias ?? PageText.text(.expertWord, context.language),
                    "kind": engagement.map { Catalogue.value($0.kind, of: "kind")?(context.language) ?? $0.kind } ?? "",
                    "day": engagement.map { Shown.day($0.date) } ?? "",
                    "item": PageText.text(key, context.language), "since": Shown.day(item.since), "ageDays": item.ageDays]
        }
        var values = try await reportFormValues(today: today)
        values["groups"] = overview.groups.map { GroupsController.values(of: $0, today: today) }
        values["week"] = week
        values["missingMarks"] = missingMarks
        values["hasMissingMarks"] = !missingMarks.isEmpty
        values["openItems"] = items
        return pages.render(.overview, title: .overview, language: context.language, user: context.user.name,
                            csrf: context.session?.csrf, values: values)
    }

    private func reportFormValues(today: String) async throws -> [String: Any] {
        let projects = try await ledger.choices(today: today).projects
        return ["projects": projects, "from": Shown.day(String(today.prefix(4)) + "-01-01"), "to": Shown.day(today)]
    }
}
