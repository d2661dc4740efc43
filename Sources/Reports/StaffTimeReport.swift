import Projections
import Vocabulary

/// `tuki report staff-time`: a project's working time over a period, per staff member and month,
/// by activity and by work package, with each hour's cost; or, with `--timesheet STAFF`, one
/// person's days as a timesheet to sign and attach to a payment claim.
public enum StaffTimeReport {
    public static func make(_ entries: [StaffTimeReadModel.Entry], project: String, from: String, to: String, timesheetOf staff: String? = nil,
                            language: Report.Language = .fi, stamp: LedgerStamp) -> Report {
        func t(_ english: String) -> String { Labels.text(english, language) }
        var parameters: [Report.Parameter] = [
            .init("project", t("Project"), project),
            .init("period", t("Period"), .period(from: from, to: to), for: .people),
            .init("from", t("From"), .date(from), for: .machines), .init("to", t("To"), .date(to), for: .machines),
        ]
        if let staff { parameters.append(.init("staffMember", t("Staff member"), staff)) }
        let sum: [Report.Column] = [.init("hours", t("Hours"), numeric: true), .init("cents", t("Cost"), numeric: true)]
        func sumCells(_ sum: StaffTimeReadModel.Sum) -> [Report.Cell] { [.hundredths(sum.hoursHundredths), .cents(sum.cents)] }
        let none = Labels.text("(none)", language)

        let months = Report.Table(
            key: "months", title: t("By month"), columns: [.init("staff_member", t("Staff member")), .init("month", t("Month"))] + sum,
            rows: StaffTimeReadModel.lines(entries) { _ in nil }.map { [.text($0.staffMember), .text($0.month)] + sumCells($0.sum) })
        let names = Dictionary(entries.compactMap { entry in entry.activity.map { ($0, entry.activityName ?? $0) } }, uniquingKeysWith: { first, _ in first })
        let byActivity = Report.Table(
            key: "by_activity", title: t("By activity"),
            columns: [.init("staff_member", t("Staff member")), .init("month", t("Month")), .init("activity", t("Activity")),
                      .init("name", t("Name"), for: .people)] + sum,
            rows: StaffTimeReadModel.lines(entries, by: \.activity).map { line in
                [.text(line.staffMember), .text(line.month), line.key.map(Report.Cell.text) ?? .none,
                 .text(line.key.flatMap { names[$0] } ?? none)] + sumCells(line.sum)
            })
        let byWorkPackage = Report.Table(
            key: "by_work_package", title: t("By work package"),
            columns: [.init("staff_member", t("Staff member")), .init("month", t("Month")), .init("work_package", t("Work package"))] + sum,
            rows: StaffTimeReadModel.lines(entries, by: \.workPackage).map { line in
                [.text(line.staffMember), .text(line.month), line.key.map(Report.Cell.text) ?? .none] + sumCells(line.sum)
            })
        guard let staff else {
            let totals = Report.Table(
                key: "work_packages", title: t("Work packages in the period"), columns: [.init("work_package", t("Work package"))] + sum,
                rows: StaffTimeReadModel.totals(entries, by: \.workPackage).map { [($0.key.map(Report.Cell.text) ?? .none)] + sumCells($0.sum) })
            return Report(kind: "staff-time", title: t("Working time"), parameters: parameters, tables: [totals, months, byWorkPackage, byActivity],
                          stamp: stamp, language: language)
        }
        let days = Report.Table(
            key: "days", title: t("Days"),
            columns: [.init("date", t("Date")), .init("activity", t("Activity")), .init("name", t("Name"), for: .people),
                      .init("work_package", t("Work package"))] + sum,
            rows: entries.map { entry in
                [.date(entry.date), entry.activity.map(Report.Cell.text) ?? .none, .text(entry.activityName ?? none),
                 entry.workPackage.map(Report.Cell.text) ?? .none, .hundredths(entry.hoursHundredths), .cents(entry.cents)]
            })
        var report = Report(kind: "timesheet", title: "\(t("Timesheet")): \(staff)", parameters: parameters,
                            tables: [days, months, byWorkPackage], stamp: stamp, language: language)
        report.signatures = [t("Staff member's signature"), t("Supervisor's approval")]
        return report
    }
}
