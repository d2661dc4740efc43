import EventStore
import Foundation
import Hummingbird
import Ledger
import Projections
import Reports

/// The coordinator's overview, and the funder's report for a coordinator (in full) or an analyst
/// (small counts hidden).
struct CoordinatorController {
    let ledger: LedgerService
    let pages: Pages

    /// An analyst's reports hide every count of people below this (INDICATORS' small-cell rule).
    static let analystSuppressBelow = 5

    func addRoutes(to group: RouterGroup<SignedInContext>) {
        group.get("/overview", use: overview)
        group.get("/reports", use: reports)
        group.get("/reports/esr", use: esrReport)
    }

    @Sendable func overview(_ request: Request, context: SignedInContext) async throws -> Response {
        try context.require(.overview)
        let today = Day.today()
        let overview = try await ledger.overview(today: today)
        let weekEnd = Day.adding(6, to: today) ?? today
        let names = Dictionary(overview.groups.map { ($0.activity, $0.name) }, uniquingKeysWith: { first, _ in first })
        let week: [[String: Any]] = overview.groups.flatMap(\.sessions).filter { $0.date >= today && $0.date <= weekEnd }
            .sorted { ($0.date, $0.activity) < ($1.date, $1.activity) }
            .map { ["date": $0.date, "name": names[$0.activity] ?? $0.activity, "status": statusText($0.status, context.language),
                    "activity": $0.activity, "session": $0.session] }
        let items: [[String: Any]] = overview.openItems.map { item in
            let key: PageText.Key = item.item == "fee-missing" ? .feeMissing : item.item == "travel-missing" ? .travelMissing : .overdue
            return ["engagement": item.engagement, "item": PageText.text(key, context.language), "since": item.since, "ageDays": item.ageDays]
        }
        var values = try await reportFormValues(today: today, suppressed: false)
        values["groups"] = overview.groups.map { GroupsController.values(of: $0, today: today) }
        values["week"] = week
        values["openItems"] = items
        return pages.render("overview", title: .overview, language: context.language, user: context.user.name,
                            csrf: context.session?.csrf, values: values)
    }

    @Sendable func reports(_ request: Request, context: SignedInContext) async throws -> Response {
        try context.require(.reports, .aggregateReports)
        let values = try await reportFormValues(today: Day.today(), suppressed: !context.user.may(.reports))
        return pages.render("reports", title: .reports, language: context.language, user: context.user.name,
                            csrf: context.session?.csrf, values: values)
    }

    /// `GET /reports/esr?project=…&from=…&to=…&format=html|csv`: the ESR+ report as a download.
    /// The ids and days in the query are no one's personal data.
    @Sendable func esrReport(_ request: Request, context: SignedInContext) async throws -> Response {
        let format = request.uri.queryParameters.get("format") ?? "html"
        guard format == "html" || format == "csv" else { throw Refusal.badForm }
        guard var report = try await Self.esrReport(request, context, ledger: ledger, language: context.language == .en ? .en : .fi)
        else { throw Refusal.notFound }
        // Checked by esrReport: a project of the ledger and two days.
        let query = request.uri.queryParameters
        let (project, from, to) = (query.get("project") ?? "", query.get("from") ?? "", query.get("to") ?? "")
        report.generatedAt = String(Timestamp.now().occurredAtText.prefix(16)).replacingOccurrences(of: "T", with: " ") + " UTC"
        let body = format == "html" ? ReportFormat.html.render(report) : ReportFormat.csv.render(report, csv: .finnishSpreadsheet)
        let type = format == "html" ? "text/html; charset=utf-8" : "text/csv; charset=utf-8"
        return Response(status: .ok, headers: [
            .contentType: type,
            .contentDisposition: "attachment; filename=\"esr-\(project)-\(from)-\(to).\(format)\"",
        ], body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    /// The ESR+ report the query asks for (`project`, `from`, `to`), for a coordinator in full and
    /// for an analyst with small counts hidden; nil if there is no such project.
    static func esrReport(_ request: Request, _ context: SignedInContext, ledger: LedgerService, language: Report.Language) async throws -> Report? {
        try context.require(.reports, .aggregateReports)
        let query = request.uri.queryParameters
        guard let project = query.get("project"), let from = query.get("from"), let to = query.get("to"),
              Day.isDay(from), Day.isDay(to), from <= to
        else { throw Refusal.badForm }
        let suppress = context.user.may(.reports) ? nil : analystSuppressBelow
        return try await ledger.esrReport(project: project, from: from, to: to, language: language, suppressBelow: suppress)
    }

    private func reportFormValues(today: String, suppressed: Bool) async throws -> [String: Any] {
        let projects = try await ledger.projects(today: today)
        return ["projects": projects.map { ["project": $0.project, "name": $0.name] }, "suppressed": suppressed,
                "from": String(today.prefix(4)) + "-01-01", "to": today]
    }
}

extension Day {
    static func isDay(_ text: String) -> Bool { (try? Timestamp(rfc3339: text + "T00:00:00Z")) != nil && text.count == 10 }

    static func adding(_ days: Int, to day: String) -> String? {
        guard let date = try? Timestamp(rfc3339: day + "T00:00:00Z") else { return nil }
        return String(Timestamp(microsecondsSinceEpoch: date.microsecondsSinceEpoch + Int64(days) * 86_400_000_000).occurredAtText.prefix(10))
    }
}
