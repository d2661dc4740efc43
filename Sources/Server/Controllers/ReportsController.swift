import EventStore
import Foundation
import Hummingbird
import Ledger
import Projections
import Reports
import Vocabulary

/// The reports: a coordinator's every report, an analyst's aggregate ones with small counts
/// hidden, and the payroll view of fees (names and identity codes, each opening logged).
struct ReportsController {
    let ledger: LedgerService
    let pages: Pages

    /// An analyst's reports hide every count of people below this (the small-cell rule).
    static let analystSuppressBelow = 5

    func addRoutes(to group: RouterGroup<SignedInContext>) {
        group.group().add(middleware: Allow.anyOf(.payroll))
            .post("/reports/payroll", use: payroll)
        group.group().add(middleware: Allow.anyOf(.reports, .aggregateReports))
            .get("/reports", use: index)
            .get("/reports/:report", use: show)
            .post("/reports/:report", use: show)
    }

    /// One form per report the user may read.
    @Sendable func index(_ request: Request, context: SignedInContext) async throws -> Response {
        let values = try await Self.formValues(ledger: ledger, user: context.user, language: context.language)
        return pages.render(.reports, title: .reports, language: context.language, user: context.user.name,
                            csrf: context.session?.csrf, values: values)
    }

    /// `GET /reports/{report}?…&format=html|csv`: the report, in the browser or as a spreadsheet.
    /// A form that names a person (an expert's fees, a staff member's timesheet) is posted to the
    /// same address instead.
    @Sendable func show(_ request: Request, context: SignedInContext) async throws -> Response {
        let fields = try await ledger.resolvingActivities(request.method == .post ? context.form : try ServedReport.Field.query(of: request))
        let format = fields["format"] ?? "html"
        guard format == "html" || format == "csv" else { throw Refusal.badForm }
        guard let report = try await Self.report(fields, context, ledger: ledger, language: context.language.reportLanguage)
        else { throw Refusal.notFound }
        return format == "html" ? Self.document(report, name: Self.fileName(report)) : Self.spreadsheet(report, name: Self.fileName(report))
    }

    /// The report the address and query ask for: a coordinator's in full, an analyst's with small
    /// counts hidden (and only the aggregate ones); nil if the ledger has nothing it could be of.
    static func report(_ fields: FormFields, _ context: SignedInContext, ledger: LedgerService, language: Report.Language) async throws -> Report? {
        guard let kind = ServedReport(rawValue: try context.parameters.require("report")) else { throw Refusal.notFound }
        let full = context.user.may(.reports)
        guard full || context.user.may(.aggregateReports) && kind.isAggregate else { throw Refusal.forbidden }
        let asked = try kind.request({ fields[$0] }, today: Day.today())
        // An analyst's periods are whole calendar months, so that overlapping windows cannot
        // isolate one answer by their difference.
        return try await ledger.report(full ? asked : asked.inWholeMonths, language: language, suppressBelow: full ? nil : analystSuppressBelow)
    }

    /// `POST /reports/payroll`: the fees of a year with every expert's name and identity
    /// code, for paying them. A coordinator's, with a purpose; each opening is logged.
    @Sendable func payroll(_ request: Request, context: SignedInContext) async throws -> Response {
        guard let purpose = context.form["purpose"]?.trimmed, !purpose.isEmpty, purpose.count <= 500 else { throw Refusal.badForm }
        let asked = try ServedReport.fees.request({ context.form[$0] }, today: Day.today())
        guard let report = try await ledger.report(asked, language: context.language.reportLanguage, suppressBelow: nil,
                                                   payroll: .init(actor: context.user.name, purpose: purpose))
        else { throw Refusal.notFound }
        return Self.document(report, name: "payroll-\(Day.today())")
    }

    /// What a downloaded report is called: what it is of (`esr-S30999-2026-01-01-2026-06-30`), or
    /// for a report of everything, the day it was made.
    static func fileName(_ report: Report) -> String {
        report.fileName == report.kind ? "\(report.kind)-\(Day.today())" : report.fileName
    }

    /// A report as the document `--format html` writes, shown in the browser. It carries its own
    /// styles, which it may use; it still runs no script.
    static func document(_ report: Report, name: String) -> Response {
        var response = Pages.html(ReportFormat.html.render(report))
        response.headers[.contentSecurityPolicy] = reportPolicy
        response.headers[.contentDisposition] = "inline; filename=\"\(name).html\""
        return response
    }

    static let reportPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'"

    /// A report as a Finnish spreadsheet opens it (semicolons, decimal commas, UTF-8 with BOM).
    static func spreadsheet(_ report: Report, name: String) -> Response {
        Response(status: .ok, headers: [
            .contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"\(name).csv\"",
        ], body: .init(byteBuffer: ByteBuffer(string: ReportFormat.csv.render(report, csv: .finnishSpreadsheet))))
    }

    /// The reports page's forms: each report the user may read, its fields, and the choices of
    /// projects and activities.
    static func formValues(ledger: LedgerService, user: SignedInUser, language: PageLanguage) async throws -> [String: Any] {
        let today = Day.today()
        let choices = try await ledger.choices(today: today)
        let full = user.may(.reports)
        let reports: [[String: Any]] = ServedReport.allCases.filter { full || $0.isAggregate }.map { kind in
            ["report": kind.rawValue, "title": PageText.text(kind.title, language), "oneOf": kind == .feedback,
             "fields": kind.fields.map { fieldValues($0.field, required: $0.required, today: today, language: language) },
             "payroll": kind == .fees && user.may(.payroll), "post": kind.namesPerson]
        }
        return ["reports": reports, "suppressed": !full, "projects": choices.projects, "activities": choices.activities,
                "groupsOfRespondents": ServedReport.Field.respondentGroups.map { code in
                    ["code": code, "label": Catalogue.value(code, of: "respondentGroup")?(language) ?? code]
                }]
    }

    static func fieldValues(_ field: ServedReport.Field, required: Bool, today: String, language: PageLanguage) -> [String: Any] {
        var values: [String: Any] = ["name": field.rawValue, "label": PageText.text(field.label, language), "required": required]
        switch field {
        case .project: values["isProject"] = true
        case .activity: values["isActivity"] = true
        case .group: values["isGroup"] = true
        case .from: values["isDay"] = true; values["value"] = required ? Shown.day(String(today.prefix(4)) + "-01-01") : ""
        case .to: values["isDay"] = true; values["value"] = required ? Shown.day(today) : ""
        case .year: values["isYear"] = true; values["value"] = String(today.prefix(4))
        case .evaluation, .survey, .expert, .staff: values["isText"] = true
        }
        return values
    }
}

extension ServedReport.Field {
    var label: PageText.Key {
        switch self {
        case .project: .project
        case .activity: .group
        case .evaluation: .evaluation
        case .survey: .survey
        case .group: .respondentGroup
        case .expert: .expert
        case .staff: .staffMember
        case .year: .year
        case .from: .from
        case .to: .to
        }
    }
}

extension PageLanguage {
    var reportLanguage: Report.Language { self == .en ? .en : .fi }
}
