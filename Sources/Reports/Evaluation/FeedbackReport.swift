import Projections
import Vocabulary

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

        // A group of fewer than K answers shows no distribution and no mean (they are left out,
        // not filled with "<K"); the others are tied together for the small-count check: named
        // and anonymous answers, and the ratings, add up to the answers, and the ratings weighted
        // by their value add up to the sum behind the mean.
        let shown = cells.shows(groupOf: figures.answers)
        var counts = SmallCounts(suppressBelow: threshold)
        let answers = counts.add(figures.answers), named = counts.add(figures.named), anonymous = counts.add(figures.answers - figures.named)
        counts.line([named, anonymous], total: answers)
        let withText = counts.add(figures.withText)
        let ratings = shown ? figures.distribution.map { counts.add($0) } : []
        let ratingSum = counts.add(figures.ratingSum)
        if shown {
            counts.line(ratings, total: answers)
            counts.equation(ratings.enumerated().map { ($1, $0 + 1) } + [(ratingSum, -1)])
        }
        let themeCounts = figures.themes.map { counts.add($0.count) }
        let activityCounts = figures.activities.map { counts.add($0.answers) }
        if case .project = figures.scope, !activityCounts.isEmpty { counts.line(activityCounts, total: answers) }
        counts.suppress()
        let meanShown = shown && counts.isShown(answers) && counts.isShown(ratingSum)
        parameters += cells.suppressionParameters(withheld: counts.withheldAny)

        let summary = Report.Table(
            key: "summary", title: t("Answers"),
            columns: [.init("answers", t("Answers"), numeric: true), .init("named", t("Named"), numeric: true),
                      .init("anonymous", t("Anonymous"), numeric: true), .init("with_text", t("With free text (sealed)"), numeric: true),
                      .init("mean_rating", t("Mean rating"), numeric: true)],
            rows: [[counts.cell(answers), counts.cell(named), counts.cell(anonymous), counts.cell(withText),
                    meanShown ? EvaluationCells.ratio(figures.ratingSum, figures.answers) : .none]])
        let distribution = Report.Table(
            key: "distribution", title: t("Ratings"),
            columns: [.init("rating", t("Rating"), numeric: true), .init("answers", t("Answers"), numeric: true),
                      .init("share", t("Share"), numeric: true)],
            rows: figures.distribution.enumerated().map { index, count in
                guard shown else { return [.integer(index + 1), .none, .none] }
                let cell = counts.cell(ratings[index])
                return [.integer(index + 1), cell, counts.isShown(ratings[index]) && counts.isShown(answers) ? .rate(Rate(count, of: figures.answers)) : .none]
            })
        let themes = Report.Table(
            key: "themes", title: t("Themes"),
            columns: [.init("theme", t("Theme")), .init("answers", t("Answers"), numeric: true)],
            rows: zip(figures.themes, themeCounts).map { [.text($0.theme), counts.cell($1)] })
        var tables = [summary, distribution, themes]
        if case .project = figures.scope {
            tables.insert(Report.Table(
                key: "activities", title: t("Activities"),
                columns: [.init("activity", t("Activity")), .init("name", t("Name")), .init("answers", t("Answers"), numeric: true),
                          .init("mean_rating", t("Mean rating"), numeric: true)],
                rows: zip(figures.activities, activityCounts).map { activity, count in
                    [.text(activity.activity), .text(activity.name), counts.cell(count),
                     cells.shows(groupOf: activity.answers) && counts.isShown(count) ? EvaluationCells.ratio(activity.ratingSum, activity.answers) : .none]
                }), at: 1)
        }
        let chart = Report.Chart(title: t("Ratings"), categories: (1...5).map(String.init),
                                 series: [(t("Answers"), distribution.rows.map { $0[1] })])
        return Report(kind: "feedback", title: "\(t("Client feedback")): \(figures.name)", parameters: parameters, tables: tables,
                      stamp: stamp, language: language, charts: shown && figures.answers > 0 ? [chart] : [])
    }
}
