import Projections
import Vocabulary

/// `tuki report experts`: the expert bank — each expert by alias, their status, training, the
/// kinds of work they have done, their engagements and hours in the year, and their last
/// engagement. Never a name: anonymous experts are known by their alias alone.
public enum ExpertBankReport {
    public static func make(_ rows: [ExpertWorkReadModel.BankRow], year: Int, project: String?, language: Report.Language = .fi,
                            stamp: LedgerStamp) -> Report {
        func t(_ english: String) -> String { Labels.text(english, language) }
        var parameters = Report.Parameter.year(year, t("Year"))
        if let project { parameters.append(.init("project", t("Project"), project)) }
        let table = Report.Table(
            key: "experts", title: t("Experience experts"),
            columns: [
                .init("participant", t("Participant")), .init("alias", t("Alias")), .init("status", t("Status")),
                .init("status_since", t("Since")), .init("training", t("Training")), .init("registered", t("Registered")),
                .init("kinds_of_work", t("Kinds of work")), .init("engagements_in_year", t("Engagements in the year"), numeric: true),
                .init("hours_in_year", t("Hours in the year"), numeric: true), .init("last_engagement", t("Last engagement")),
            ],
            rows: rows.map { row in
                [.text(row.expert.participant), .text(row.expert.alias), Labels.code(row.status.status, language), .date(row.status.date),
                 Labels.code(row.expert.training, language), .date(row.expert.since),
                 .coded(code: row.kinds.joined(separator: ", "), label: row.kinds.map { Labels.code($0, language).text(empty: "") }.joined(separator: ", ")), .integer(row.completedInYear),
                 .hundredths(row.hoursInYear), row.lastEngagement.map(Report.Cell.date) ?? .none]
            })
        return Report(kind: "experts", title: "\(t("Expert bank")) \(year)", parameters: parameters, tables: [table], stamp: stamp, language: language)
    }
}
