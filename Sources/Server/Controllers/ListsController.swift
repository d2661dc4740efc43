import Hummingbird
import Ledger
import Projections
import Reports
import Vocabulary

/// The coordinator's lists: projects, activities, participants, sessions, engagements and experts
/// by pseudonymous id; participants and experts by name when a purpose is given (each opening
/// logged), and the experts' payroll view with names and identity codes.
struct ListsController {
    let ledger: LedgerService
    let pages: Pages

    func addRoutes(to group: RouterGroup<SignedInContext>) {
        group.group().add(middleware: Allow.anyOf(.lists))
            .get("/lists", use: index)
            .get("/lists/:list", use: show)
            .post("/lists/:list", use: show)
            .post("/lists/:list/names", use: names)
    }

    @Sendable func index(_ request: Request, context: SignedInContext) async throws -> Response {
        let today = Day.today()
        let choices = try await ledger.choices(today: today)
        let lists: [[String: Any]] = ServedList.allCases.map { kind in
            ["list": kind.rawValue, "title": PageText.text(kind.title, context.language), "open": kind.hasOpenChoice,
             "fields": kind.fields.map { ReportsController.fieldValues($0, required: false, today: today, language: context.language) },
             "names": kind.showsNames, "payroll": kind == .experts && context.user.may(.payroll), "post": kind.namesPerson]
        }
        return pages.render(.lists, title: .lists, language: context.language, user: context.user.name, csrf: context.session?.csrf,
                            values: ["lists": lists, "projects": choices.projects, "activities": choices.activities])
    }

    /// `GET /lists/{list}?…&format=html|csv`: the list by pseudonymous id; posted to the same
    /// address when its form names a person (an expert's engagements).
    @Sendable func show(_ request: Request, context: SignedInContext) async throws -> Response {
        let kind = try Self.kind(context)
        let fields = try await ledger.resolvingActivities(request.method == .post ? context.form : try ServedReport.Field.query(of: request))
        let format = fields["format"] ?? "html"
        guard format == "html" || format == "csv" else { throw Refusal.badForm }
        let report = try await ledger.list(kind.request(), try kind.filter({ fields[$0] }, today: Day.today()),
                                           language: context.language.reportLanguage)
        let name = ReportsController.fileName(report)
        return format == "html" ? ReportsController.document(report, name: name) : ReportsController.spreadsheet(report, name: name)
    }

    /// `POST /lists/{list}/names`: participants or experts with their names, for the purpose the
    /// form gives; `payroll=on` (experts, a coordinator's) adds anonymous experts' names and
    /// everyone's identity code. The names travel in the answer only, never in an address.
    @Sendable func names(_ request: Request, context: SignedInContext) async throws -> Response {
        let kind = try Self.kind(context)
        guard kind.showsNames, let purpose = context.form["purpose"]?.trimmed, !purpose.isEmpty, purpose.count <= 500
        else { throw Refusal.badForm }
        let payroll = kind == .experts && context.form["payroll"] == "on"
        if payroll, !context.user.may(.payroll) { throw Refusal.forbidden }
        let form = try await ledger.resolvingActivities(context.form)
        let report = try await ledger.list(kind.request(payroll: payroll), try kind.filter({ form[$0] }, today: Day.today()),
                                           names: .init(actor: context.user.name, purpose: purpose), language: context.language.reportLanguage)
        return ReportsController.document(report, name: "\(kind.rawValue)-\(Day.today())")
    }

    private static func kind(_ context: SignedInContext) throws -> ServedList {
        guard let kind = ServedList(rawValue: try context.parameters.require("list")) else { throw Refusal.notFound }
        return kind
    }
}
