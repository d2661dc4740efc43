import Projections
import Vocabulary

/// `tuki report stea`: a STEA-funded project's yearly figures of reach and participation for its
/// results report, each with its basis (counted or estimated), as STEA asks (docs/stea-report.md).
public enum STEAReport {
    public static func make(_ figures: STEAReadModel.Figures, suppressBelow threshold: Int? = nil, language: Report.Language = .fi,
                            stamp: LedgerStamp) -> Report {
        func t(_ english: String) -> String { Labels.text(english, language) }
        let cells = EvaluationCells(suppressBelow: threshold, language: language)
        // Every person who took part is in one age group and of one gender, so each of those
        // splits adds up to the participants; the target groups do too when no one is in two.
        var counts = SmallCounts(suppressBelow: threshold)
        let participants = counts.add(figures.participants)
        let byTargetGroup = figures.byTargetGroup.map { counts.add($0.participants) }
        let byAgeGroup = figures.byAgeGroup.map { counts.add($0.participants) }
        let byGender = figures.byGender.map { counts.add($0.participants) }
        counts.line(byAgeGroup, total: participants)
        counts.line(byGender, total: participants)
        if figures.byTargetGroup.reduce(0, { $0 + $1.participants }) == figures.participants { counts.line(byTargetGroup, total: participants) }
        let experts = counts.add(figures.experts), feedbackAnswers = counts.add(figures.feedbackAnswers)
        counts.suppress()
        let parameters: [Report.Parameter] = [
            .init("project", t("Project"), figures.project), .init("name", t("Name"), .text(figures.name), for: .people),
            .init("funder", t("Funder"), figures.funder),
        ] + Report.Parameter.year(figures.year, t("Year")) + cells.suppressionParameters(withheld: counts.withheldAny)
        let counted = Labels.code("counted", language), estimated = Labels.code("estimated", language)
        let rows: [[Report.Cell]] = [
            [Labels.code("participants-registered", language), counts.cell(participants), counted],
            [Labels.code("open-event-visits", language), .integer(figures.openEventVisits), estimated],
            [Labels.code("experience-experts-engaged", language), counts.cell(experts), counted],
            [Labels.code("experience-expert-engagements", language), .integer(figures.expertEngagements), counted],
            [Labels.code("experience-expert-hours", language), .hundredths(figures.expertHoursHundredths), counted],
            [Labels.code("feedback-answers", language), counts.cell(feedbackAnswers), counted],
        ]
        let reach = Report.Table(
            key: "reach", title: t("Reach and participation"),
            columns: [.init("figure", t("Figure")), .init("value", t("Value"), numeric: true), .init("basis", t("Basis"))], rows: rows)
        func split(_ key: String, _ title: String, _ column: String, _ header: String, _ groups: [(String, Int)],
                   _ indexes: [SmallCounts.Count]) -> Report.Table {
            Report.Table(key: key, title: t(title), columns: [.init(column, t(header)), .init("participants", t("Participants"), numeric: true)],
                         rows: zip(groups, indexes).map { [Labels.code($0.0, language), counts.cell($1)] })
        }
        let kinds = Report.Table(
            key: "activities", title: t("Sessions by kind of activity"),
            columns: [.init("kind", t("Kind")), .init("activities", t("Activities"), numeric: true), .init("sessions", t("Sessions held"), numeric: true),
                      .init("hours", t("Hours"), numeric: true), .init("headcount", t("Headcount"), numeric: true)],
            rows: figures.kinds.map { [Labels.code($0.kind, language), .integer($0.activities), .integer($0.sessions), Report.Cell.hours(minutes: $0.minutes),
                                        .integer($0.headcount)] })
        let shown = cells.shows(groupOf: figures.feedbackAnswers) && counts.isShown(feedbackAnswers)
        let feedback = Report.Table(
            key: "feedback", title: t("Client feedback"),
            columns: [.init("answers", t("Answers"), numeric: true), .init("mean_rating", t("Mean rating"), numeric: true)],
            rows: [[counts.cell(feedbackAnswers), shown ? EvaluationCells.ratio(figures.feedbackRatingSum, figures.feedbackAnswers) : .none]])
        return Report(
            kind: "stea", title: "\(t("STEA results report")) \(figures.year): \(figures.name)", parameters: parameters,
            tables: [reach, split("by_target_group", "By target group", "target_group", "Target group", figures.byTargetGroup, byTargetGroup),
                     split("by_age_group", "By age group", "age_group", "Age group", figures.byAgeGroup, byAgeGroup),
                     split("by_gender", "By gender", "gender", "Gender", figures.byGender, byGender), kinds, feedback],
            stamp: stamp, language: language)
    }
}
