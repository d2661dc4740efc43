import Projections
import Vocabulary

/// `tuki report fees`: per expert and month of a year, the work completed, the fees paid and the
/// travel reimbursed (kilometres and their amount, tickets); each expert's year; and the open
/// items. The payroll view adds the names and identity codes the payer needs: it is the only
/// output in which an anonymous expert's name appears.
public enum FeesReport {
    /// What the payroll view shows of each expert, opened (and logged) by the caller.
    public typealias Payee = ListReports.Person

    public static func make(_ years: [ExpertWorkReadModel.ExpertYear], payments: [ExpertWorkReadModel.PaymentLine] = [],
                            openItems: [ExpertWorkReadModel.OpenItem],
                            experts: [ExpertWorkReadModel.Expert], year: Int, on day: String, project: String?, payees: [String: Payee]?,
                            language: Report.Language = .fi, stamp: LedgerStamp) -> Report {
        func t(_ english: String) -> String { Labels.text(english, language) }
        var parameters = Report.Parameter.year(year, t("Year")) + [.init("openOn", t("Open items on"), .date(day))]
        if let project { parameters.append(.init("project", t("Project"), project)) }
        if payees != nil { parameters.append(.init("view", t("View"), Labels.code("payroll", language))) }

        let who: [Report.Column] = [.init("participant", t("Participant")), .init("alias", t("Alias"))]
            + (payees == nil ? [] : [.init("name", t("Name")), .init("identity_code", t("Identity code"))])
        func whoCells(_ expert: ExpertWorkReadModel.Expert) -> [Report.Cell] {
            var cells: [Report.Cell] = [.text(expert.participant), .text(expert.alias)]
            if let payees {
                let payee = payees[expert.participant]
                cells += [payee.map { ListReports.cell($0.name, language) } ?? .none, payee?.identityCode.map(Report.Cell.text) ?? .none]
            }
            return cells
        }
        let money: [Report.Column] = [
            .init("completed", t("Completed"), numeric: true), .init("hours", t("Hours"), numeric: true),
            .init("fees", t("Fees paid"), numeric: true), .init("fee_cents", t("Fees"), numeric: true),
            .init("kilometres", t("Kilometres"), numeric: true), .init("kilometre_cents", t("Kilometre allowance"), numeric: true),
            .init("ticket_cents", t("Tickets"), numeric: true), .init("per_diem_cents", t("Per diems"), numeric: true),
            .init("travel_cents", t("Travel"), numeric: true),
            .init("travel_tax_free_cents", t("Travel, tax-free"), numeric: true), .init("travel_taxable_cents", t("Travel, taxable"), numeric: true),
        ]
        func moneyCells(_ month: ExpertWorkReadModel.Month) -> [Report.Cell] {
            [.integer(month.completed), .hundredths(month.hoursHundredths), .integer(month.fees), .cents(month.feeCents),
             .hundredths(month.kilometresHundredths), .cents(month.kilometreCents), .cents(month.ticketCents), .cents(month.perDiemCents),
             .cents(month.travelCents),
             .cents(month.taxFreeTravelCents), .cents(month.taxableTravelCents)]
        }
        // The payee's name and identity code stand once, in the year's table.
        let months = Report.Table(
            key: "months", title: t("By month"),
            columns: [.init("participant", t("Participant")), .init("alias", t("Alias")), .init("month", t("Month"))] + money,
            rows: years.flatMap { expertYear in
                expertYear.months.map { [.text(expertYear.expert.participant), .text(expertYear.expert.alias), .text($0.month)] + moneyCells($0) }
            })
        let totals = Report.Table(
            key: "totals", title: "\(t("The year")) \(year)", columns: who + money,
            rows: years.map { whoCells($0.expert) + moneyCells($0.total) })
        // Each payment, as payroll reports it to the Incomes Register within five days of paying.
        let paymentTable = Report.Table(
            key: "payments", title: t("Payments"),
            columns: [.init("paid", t("Paid")), .init("participant", t("Participant")), .init("alias", t("Alias")),
                      .init("engagement", t("Engagement")), .init("kind", t("Kind")), .init("work_day", t("Day of the work")),
                      .init("cents", t("Amount"), numeric: true), .init("tax_free_cents", t("Tax-free"), numeric: true),
                      .init("taxable_cents", t("Taxable"), numeric: true)],
            rows: payments.map { line in
                [.date(line.paid), .text(line.expert.participant), .text(line.expert.alias), .text(line.engagement),
                 Labels.code(line.kind, language, field: "payment"), .date(line.workDay), .cents(line.cents), .cents(line.taxFreeCents), .cents(line.taxableCents)]
            })
        let aliases = Dictionary(experts.map { ($0.participant, $0.alias) }, uniquingKeysWith: { first, _ in first })
        let open = Report.Table(
            key: "open_items", title: t("Open items"),
            columns: [.init("item", t("Open item")), .init("engagement", t("Engagement")), .init("participant", t("Participant")),
                      .init("alias", t("Alias")), .init("since", t("Since")), .init("age_days", t("Age in days"), numeric: true)],
            rows: openItems.map { item in
                [Labels.code(item.item, language), .text(item.engagement), .text(item.expert), .text(aliases[item.expert] ?? item.expert),
                 .date(item.since), .integer(item.ageDays)]
            })
        return Report(kind: "fees", title: "\(t("Fees and travel")) \(year)", parameters: parameters, tables: [totals, months, paymentTable, open],
                      stamp: stamp, language: language)
    }
}
