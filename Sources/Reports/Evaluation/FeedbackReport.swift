import Projections

/// `tuki report feedback`: how many answered, the ratings' distribution and mean, and how often
/// each theme came up, for an activity or a project (then also per activity). Free text stays
/// sealed in the ledger and is never in the report.
public enum FeedbackReport {
    public static func make(_ figures: FeedbackReadModel.Figures, from: String? = nil, to: String? = nil, suppressBelow threshold: Int? = nil,
                            language: Report.Language = .fi, stamp: LedgerStamp) -> Report {
        func t(_ english: String) -> String { Labels.text(english, language) }
        let cells = EvaluationCells(suppressBelow: threshold, language: language)
        var parameters: [Report.Parameter]
        switch figures.scope {
        case let .activity(activity):
            parameters = [.init("activity", t("Activity"), activity), .init("name", t("Name"), .text(figures.name), for: .people)]
        case let .project(project):
            parameters = [.init("project", t("Project"), project)]
        }
        if let from { parameters.append(.init("from", t("From"), .date(from))) }
        if let to { parameters.append(.init("to", t("To"), .date(to))) }
        parameters += cells.suppressionParameters()

        let shown = cells.shows(groupOf: figures.answers)
        let summary = Report.Table(
            key: "summary", title: t("Answers"),
            columns: [.init("answers", t("Answers"), numeric: true), .init("named", t("Named"), numeric: true),
                      .init("anonymous", t("Anonymous"), numeric: true), .init("with_text", t("With free text (sealed)"), numeric: true),
                      .init("mean_rating", t("Mean rating"), numeric: true)],
            rows: [[cells.count(figures.answers), cells.count(figures.named), cells.count(figures.answers - figures.named),
                    cells.count(figures.withText), shown ? EvaluationCells.ratio(figures.ratingSum, figures.answers) : .none]])
        let distribution = Report.Table(
            key: "distribution", title: t("Ratings"),
            columns: [.init("rating", t("Rating"), numeric: true), .init("answers", t("Answers"), numeric: true),
                      .init("share", t("Share"), numeric: true)],
            rows: figures.distribution.enumerated().map { index, count in
                guard shown else { return [.integer(index + 1), cells.threshold.map { .suppressed(below: $0) } ?? .none, .none] }
                let cell = cells.count(count)
                return [.integer(index + 1), cell, cell == .integer(count) ? .rate(Rate(count, of: figures.answers)) : .none]
            })
        let themes = Report.Table(
            key: "themes", title: t("Themes"),
            columns: [.init("theme", t("Theme")), .init("answers", t("Answers"), numeric: true)],
            rows: figures.themes.map { [.text($0.theme), cells.count($0.count)] })
        var tables = [summary, distribution, themes]
        if case .project = figures.scope {
            tables.insert(Report.Table(
                key: "activities", title: t("Activities"),
                columns: [.init("activity", t("Activity")), .init("name", t("Name")), .init("answers", t("Answers"), numeric: true),
                          .init("mean_rating", t("Mean rating"), numeric: true)],
                rows: figures.activities.map { activity in
                    [.text(activity.activity), .text(activity.name), cells.count(activity.answers),
                     cells.shows(groupOf: activity.answers) ? EvaluationCells.ratio(activity.ratingSum, activity.answers) : .none]
                }), at: 1)
        }
        let chart = Report.Chart(title: t("Ratings"), categories: (1...5).map(String.init),
                                 series: [(t("Answers"), distribution.rows.map { $0[1] })])
        return Report(kind: "feedback", title: "\(t("Client feedback")): \(figures.name)", parameters: parameters, tables: tables,
                      stamp: stamp, language: language, charts: shown && figures.answers > 0 ? [chart] : [])
    }
}
