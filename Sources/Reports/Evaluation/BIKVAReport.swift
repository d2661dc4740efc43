import Projections
import Vocabulary

/// `tuki report bikva`: a BIKVA evaluation as a document a project can attach to its final
/// report — the stages with their days, group sizes and approvals, then theme by theme what the
/// clients said, how each level answered, the change agreed and what became of it, and which
/// stages are still missing.
public enum BIKVAReport {
    public static func make(_ figures: BIKVAReadModel.Figures, suppressBelow threshold: Int? = nil, language: Report.Language = .fi,
                            stamp: LedgerStamp) -> Report {
        func t(_ english: String) -> String { Labels.text(english, language) }
        let cells = EvaluationCells(suppressBelow: threshold, language: language)
        let stageCode = { (stage: Int) in Labels.code("stage-\(stage)", language) }
        let numbers = { (stages: [Int]) in stages.map(String.init).joined(separator: ", ") }
        let parameters: [Report.Parameter] = [
            .init("evaluation", t("Evaluation"), figures.evaluation), .init("project", t("Project"), figures.project),
            .init("stagesRecorded", t("Stages recorded"), .text(numbers(figures.stages.map(\.stage)))),
            .init("stagesMissing", t("Stages missing"), .text(figures.missingStages.isEmpty ? "–" : numbers(figures.missingStages))),
        ] + cells.suppressionParameters()

        let stages = Report.Table(
            key: "stages", title: t("Stages"),
            columns: [.init("stage", t("Stage")), .init("status", t("Status")), .init("date", t("Date")),
                      .init("group_size", t("Group size"), numeric: true), .init("themes", t("Themes"), numeric: true),
                      .init("agreed_changes", t("Agreed changes"), numeric: true), .init("approved_on", t("Wording approved"))],
            rows: BIKVAReadModel.stages.map { number in
                guard let stage = figures.stages.first(where: { $0.stage == number }) else {
                    return [stageCode(number), Labels.code("missing", language), .none, .none, .none, .none, .none]
                }
                return [stageCode(number), Labels.code("recorded", language), .date(stage.date), cells.count(stage.groupSize),
                        .integer(stage.themes), .integer(stage.agreedChanges), stage.approvedOn.map(Report.Cell.date) ?? .none]
            })
        let latestFollowUp = { (entry: BIKVAReadModel.Entry) in entry.followUps.last }
        let themes = Report.Table(
            key: "themes", title: t("Themes"),
            columns: [.init("theme", t("Theme")), .init("raised_at", t("Raised at stage"), numeric: true),
                      .init("answered_at", t("Answered at stages")), .init("missing", t("Stages missing")),
                      .init("agreed_changes", t("Agreed changes"), numeric: true), .init("changes_done", t("Done"), numeric: true)],
            rows: figures.themes.map { theme in
                let changes = theme.entries.filter { !($0.agreedChange ?? "").isEmpty }
                return [.text(theme.theme), .integer(theme.raisedAt), .text(numbers(theme.entries.map(\.stage))),
                        .text(theme.missing.isEmpty ? "–" : numbers(theme.missing)), .integer(changes.count),
                        .integer(changes.filter { latestFollowUp($0)?.status == "done" }.count)]
            })
        let answers = Report.Table(
            key: "answers", title: t("Theme by theme"),
            columns: [.init("theme", t("Theme")), .init("stage", t("Stage")), .init("said", t("Said")), .init("response", t("Response")),
                      .init("agreed_change", t("Agreed change")), .init("follow_up", t("Follow-up")), .init("followed_up_on", t("Followed up"))],
            rows: figures.themes.flatMap { theme in
                theme.entries.map { entry in
                    let followUp = latestFollowUp(entry)
                    return [.text(theme.theme), stageCode(entry.stage), text(entry.said), text(entry.response), text(entry.agreedChange),
                            followUp.map { Labels.code($0.status, language) } ?? .none, followUp.map { .date($0.date) } ?? .none]
                }
            })
        let followUps = Report.Table(
            key: "follow_ups", title: t("Follow-up of agreed changes"),
            columns: [.init("theme", t("Theme")), .init("stage", t("Stage")), .init("status", t("Status")), .init("date", t("Date")),
                      .init("note", t("Note"))],
            rows: figures.themes.flatMap { theme in
                theme.entries.flatMap { entry in
                    entry.followUps.map { [.text(theme.theme), stageCode(entry.stage), Labels.code($0.status, language), .date($0.date), text($0.note)] }
                }
            })
        let chart = Report.Chart(
            title: t("Themes and agreed changes by stage"), categories: BIKVAReadModel.stages.map { stageCode($0).text(empty: "") },
            series: [
                (t("Themes"), BIKVAReadModel.stages.map { number in figures.stages.first { $0.stage == number }.map { .integer($0.themes) } ?? .none }),
                (t("Agreed changes"), BIKVAReadModel.stages.map { number in
                    figures.stages.first { $0.stage == number }.map { .integer($0.agreedChanges) } ?? .none
                }),
            ])
        return Report(kind: "bikva", title: "BIKVA: \(figures.evaluation)", parameters: parameters, tables: [stages, themes, answers, followUps],
                      stamp: stamp, language: language, charts: [chart])
    }

    private static func text(_ value: String?) -> Report.Cell { value.map(Report.Cell.text) ?? .none }
}
