import Projections
import Vocabulary

/// `tuki report esr`: the ESR+ progress report of a project for a payment period
/// (docs/esr-report.md says what each figure means and where it comes from).
public enum ESRReport {
    public static func make(_ figures: ESRFigures, language: Report.Language, suppressBelow threshold: Int?, stamp: LedgerStamp) -> Report {
        func t(_ key: String) -> String { ESRLabels.text(key, language) }
        let hide = SmallCells(threshold: threshold)
        let genders = ESRFigures.Gender.allCases

        // People read one line per parameter in words; CSV and JSON get each value as a code,
        // a day or a number of its own.
        let project = figures.project
        var parameters: [Report.Parameter] = [
            .init("project", t("project"), .text("\(project.code) \(project.name) (\(project.project))"), for: .people),
            .init("project", t("projectId"), .text(project.project), for: .machines),
            .init("projectCode", t("projectCode"), .text(project.code), for: .machines),
            .init("projectName", t("projectName"), .text(project.name), for: .machines),
            .init("funder", t("funder"), .text(project.funder)),
            .init("projectPeriod", t("projectPeriod"), .period(from: project.startDate, to: project.endDate), for: .people),
            .init("projectStart", t("projectStart"), .date(project.startDate), for: .machines),
            .init("projectEnd", t("projectEnd"), .date(project.endDate), for: .machines),
            .init("period", t("period"), .period(from: figures.from, to: figures.to), for: .people),
            .init("from", t("from"), .date(figures.from), for: .machines),
            .init("to", t("to"), .date(figures.to), for: .machines),
            .init("costModel", t("costModel"), .coded(code: project.costModel, label: t(project.costModel))),
            .init("selfFinancing", t("selfFinancing"), .percent(project.selfFinancingHundredths), for: .people),
            .init("selfFinancingPercent", t("selfFinancing"), .percent(project.selfFinancingHundredths), for: .machines),
        ]
        parameters += SmallCells(threshold: threshold).parameters(language, withheldTotals: true)

        // The period and the time since the start are separate tables, so that each fits an A4 page.
        let splitColumns = [Report.Column("total", t("total"), numeric: true)]
            + genders.map { Report.Column($0.rawValue.replacingOccurrences(of: "-", with: "_"), t($0.rawValue), numeric: true) }
        // A period that starts with the project has nothing before it: the since-the-start
        // tables would repeat the period's, so they are left out.
        let parts: [(String, String, KeyPath<ESRFigures.Indicator, ESRFigures.Split>)] =
            figures.from <= figures.project.startDate
            ? [("period", t("inPeriod"), \ESRFigures.Indicator.period)]
            : [("period", t("inPeriod"), \ESRFigures.Indicator.period), ("cumulative", t("sinceStart"), \ESRFigures.Indicator.cumulative)]
        // The period's participants with the age chart's 30–54 group: one decision for the table
        // and the chart, so that both show the same cells.
        let periodParticipants = ESRSmallCounts(figures.participants, \.period, genders: genders, suppressBelow: threshold,
                                                partitions: true, ageGroups: true)
        func indicatorTables(_ key: String, _ lines: [ESRFigures.Indicator]) -> [Report.Table] {
            parts.map { part, heading, counts in
                    let hidden = key == "participants" && part == "period"
                        ? periodParticipants
                        : ESRSmallCounts(lines, counts, genders: genders, suppressBelow: threshold, partitions: key == "participants", ageGroups: false)
                    return Report.Table(
                        key: "\(key)_\(part)", title: "\(t(key)): \(heading.lowercased())",
                        columns: [.init("code", t("code")), .init("indicator", t("indicator"), for: .people)] + splitColumns,
                        rows: zip(lines, hidden.rows).map { line, cells in
                            let labelKey = Catalogue.esr("\(line.code)-answer") == nil ? line.code : "\(line.code)-answer"
                            let label = line.answer.map { "\(t(labelKey)): \(t($0))" } ?? t(line.code)
                            // Every line has a code for machines (EECO02, EECO02-not-collected,
                            // LEAVERS); people see the EU's codes only where the EU has one.
                            let code = line.code + (line.answer.map { "-\($0)" } ?? "")
                            return [.coded(code: code, label: line.answer == nil && line.code != "LEAVERS" ? line.code : ""), .text(label)]
                                + cells
                        })
                }
        }

        let reach = Report.Table(
            key: "reach", title: t("reach"),
            columns: [.init("item", t("item")), .init("period", t("inPeriod"), numeric: true), .init("cumulative", t("sinceStart"), numeric: true)],
            rows: [[.coded(code: "people-at-open-events", label: t("headcount")), hide.count(figures.peopleReached.period),
                    hide.count(figures.peopleReached.cumulative)]])

        let activity = Report.Table(
            key: "activity", title: t("activity"),
            columns: [.init("kind", t("kind")), .init("municipality", t("municipality")),
                      .init("sessions_held", t("sessionsHeld"), numeric: true), .init("hours", t("hours"), numeric: true)],
            rows: figures.activities.map {
                [.coded(code: $0.kind, label: t($0.kind)), .text($0.municipality), .integer($0.sessionsHeld), Report.Cell.hours(minutes: $0.minutes)]
            }
                + [[.coded(code: "total", label: t("total")), .text(""), .integer(figures.activities.reduce(0) { $0 + $1.sessionsHeld }),
                    Report.Cell.hours(minutes: figures.activities.reduce(0) { $0 + $1.minutes })]])

        // Counts, hours and money each in a column of their own, so that each column has one type.
        func item(_ key: String, _ code: String) -> Report.Cell { .coded(code: code, label: t(key)) }
        let experts = Report.Table(
            key: "experts", title: t("experts"),
            columns: [.init("item", t("item")), .init("count", t("count"), numeric: true), .init("hours", t("hours"), numeric: true),
                      .init("cents", t("euros"), numeric: true)],
            rows: [
                [item("engagementsCompleted", "engagements-completed"), .integer(figures.experts.engagementsCompleted), .none, .none],
                [item("engagementHours", "engagement-hours"), .none, .hundredths(figures.experts.hoursHundredths), .none],
                [item("feesPaid", "fees-paid"), .none, .none, .cents(figures.experts.feesCents)],
                [item("travelReimbursed", "travel-reimbursed"), .none, .none, .cents(figures.experts.travelCents)],
                [item("completedWithoutFee", "completed-without-fee"), .integer(figures.experts.completedWithoutFee), .none, .none],
            ])

        let costs = figures.costs
        // Rows: item, hours, cents, percent, note.
        var costRows: [[Report.Cell]] = [
            [item("staffHours", "staff-hours"), .hundredths(costs.staffHoursHundredths), .none, .none, .none],
            [item("staffCosts", "staff-costs"), .none, .cents(costs.staffCents), .none, .none],
        ]
        if let percent = costs.flatRatePercent {
            costRows.append([item("flatRate", "flat-rate"), .none, .cents(costs.flatRateCents), .percent(percent * 100),
                             .coded(code: project.costModel, label: t(project.costModel))])
        }
        for other in costs.other {
            let treatment = costs.otherCoveredByFlatRate ? ("covered-by-flat-rate", "coveredByFlatRate") : ("claimed-as-recorded", "claimedAsRecorded")
            costRows.append([.coded(code: "other-cost-\(other.category)", label: "\(t("otherCost")): \(t(other.category))"), .none,
                             .cents(other.cents), .none, .coded(code: treatment.0, label: t(treatment.1))])
        }
        costRows += [
            [item("totalCosts", "total-costs"), .none, .cents(costs.totalCents), .none, .none],
            [item("selfFinancingAmount", "self-financing"), .none, .cents(costs.selfFinancingCents), .percent(project.selfFinancingHundredths), .none],
            [item("publicFunding", "public-funding"), .none, .cents(costs.totalCents - costs.selfFinancingCents), .none, .none],
        ]
        let costTable = Report.Table(
            key: "costs", title: t("costs"),
            columns: [.init("item", t("item")), .init("hours", t("hours"), numeric: true), .init("cents", t("euros"), numeric: true),
                      .init("percent", t("percent"), numeric: true), .init("note", t("note"))],
            rows: costRows)

        return Report(
            kind: "esr", title: "\(t("title")): \(figures.project.name)", parameters: parameters,
            tables: indicatorTables("participants", figures.participants) + indicatorTables("leavers", figures.leavers)
                + [reach, activity, experts, costTable],
            stamp: stamp, language: language, charts: charts(figures, hide: hide, genders: genders, ageGroups: periodParticipants.ageGroups, t))
    }

    private static func charts(_ figures: ESRFigures, hide: SmallCells, genders: [ESRFigures.Gender], ageGroups: [[Report.Cell]],
                               _ t: (String) -> String) -> [Report.Chart] {
        // Every month of the period, those without entrants too: a funder reads the axis as time.
        let entrants = Dictionary(figures.entriesByMonth.map { ($0.month, $0.count) }, uniquingKeysWith: +)
        let months = Self.months(from: figures.from, to: figures.to)
        let entries = Report.Chart(
            title: t("chartEntries"), categories: months,
            series: [(t("participants"), months.map { month in hide.count(entrants[month] ?? 0) })])
        let groups = ["age-under-18", "age-18-29", "age-30-54", "age-55"]
        let ageGender = Report.Chart(
            title: t("chartAgeGender"), categories: groups.map(t),
            series: zip(genders, ageGroups).map { gender, cells in (t(gender.rawValue), cells) })
        let costs = figures.costs
        var categories = [t("staffCosts")], values: [Report.Cell] = [.cents(costs.staffCents)]
        if costs.flatRateCents > 0 { categories.append(t("flatRate")); values.append(.cents(costs.flatRateCents)) }
        for other in costs.other where !costs.otherCoveredByFlatRate {
            categories.append(t(other.category))
            values.append(.cents(other.cents))
        }
        return [entries, ageGender, Report.Chart(title: t("chartCosts"), categories: categories, series: [(t("costs"), values)])]
    }
}

extension ESRReport {
    /// The months from the one of `from` through the one of `to`, as "YYYY-MM".
    static func months(from: String, to: String) -> [String] {
        guard var year = Int(from.prefix(4)), var month = Int(from.dropFirst(5).prefix(2)),
              let lastYear = Int(to.prefix(4)), let lastMonth = Int(to.dropFirst(5).prefix(2)) else { return [] }
        var months: [String] = []
        while (year, month) <= (lastYear, lastMonth), months.count < 1200 {
            months.append("\(year)-\(month < 10 ? "0" : "")\(month)")
            (year, month) = month == 12 ? (year + 1, 1) : (year, month + 1)
        }
        return months
    }
}

/// A lone count of people hidden when it is small ("<K" for 1 to K−1; zero stays zero), and the
/// words that say how a report hid its counts. Counts tied to others by a sum go through
/// `SmallCounts`, which also withholds what would give a hidden one away ("x").
struct SmallCells {
    let threshold: Int?

    func count(_ value: Int) -> Report.Cell {
        guard let threshold, value > 0, value < threshold else { return .integer(value) }
        return .suppressed(below: threshold)
    }

    /// The parameters that say how small counts are hidden: a sentence for people (and what "x"
    /// means, where totals are withheld), the threshold for machines.
    func parameters(_ language: Report.Language, withheldTotals: Bool = false) -> [Report.Parameter] {
        guard let threshold else { return [] }
        let t = { (key: String) in ESRLabels.text(key, language) }
        let sentence = t("suppressionValue").replacingOccurrences(of: "%d", with: String(threshold)) + (withheldTotals ? t("withheldValue") : "")
        return [.init("suppressBelow", t("suppression"), .text(sentence), for: .people),
                .init("suppressBelow", t("suppression"), .integer(threshold), for: .machines)]
    }
}
