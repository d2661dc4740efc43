import Projections

/// `tuki report survey`: wave by wave, how many answered, and per item the distribution of
/// scores, the mean and its change from the baseline. A wave of fewer than K answers to an item
/// (with `--suppress-below K`) shows neither distribution nor mean.
public enum SurveyReport {
    public static func make(_ figures: SurveyReadModel.Figures, suppressBelow threshold: Int? = nil, language: Report.Language = .fi,
                            stamp: LedgerStamp) -> Report {
        func t(_ english: String) -> String { Labels.text(english, language) }
        let cells = EvaluationCells(suppressBelow: threshold, language: language)
        var parameters: [Report.Parameter] = [
            .init("survey", t("Survey"), figures.survey), .init("project", t("Project"), figures.project),
            .init("scale", t("Scale"), .text("\(figures.scaleMin)–\(figures.scaleMax)"), for: .people),
            .init("scaleMin", t("Scale"), .integer(figures.scaleMin), for: .machines),
            .init("scaleMax", t("Scale"), .integer(figures.scaleMax), for: .machines),
        ]
        if let group = figures.respondentGroup { parameters.append(.init("respondentGroup", t("Respondents"), Labels.code(group, language))) }
        parameters += cells.suppressionParameters()

        let waves = Report.Table(
            key: "waves", title: t("Waves"),
            columns: [.init("wave", t("Wave")), .init("respondents", t("Respondents"), numeric: true),
                      .init("from", t("From")), .init("to", t("To"))],
            rows: figures.waves.map { [Labels.code($0.wave, language), cells.count($0.respondents), .date($0.from), .date($0.to)] })
        let scores = Array(figures.scaleMin...figures.scaleMax)
        let items = Report.Table(
            key: "items", title: t("Items"),
            columns: [.init("item", t("Item")), .init("wave", t("Wave")), .init("answers", t("Answers"), numeric: true),
                      .init("mean", t("Mean"), numeric: true), .init("change_from_baseline", t("Change from baseline"), numeric: true)]
                + scores.map { .init("score_\($0)", String($0), numeric: true) },
            rows: figures.items.flatMap { item in
                let baseline = item.waves.first { $0.wave == "baseline" && cells.shows(groupOf: $0.answers) }
                return item.waves.map { wave -> [Report.Cell] in
                    let shown = cells.shows(groupOf: wave.answers)
                    let change: Report.Cell = if let baseline, shown, wave.wave != "baseline" {
                        // mean − baseline mean = (sum·n₀ − sum₀·n) ÷ (n·n₀)
                        EvaluationCells.ratio(wave.sum * baseline.answers - baseline.sum * wave.answers, wave.answers * baseline.answers)
                    } else {
                        .none
                    }
                    let spread: [Report.Cell] = wave.distribution.map { shown ? cells.count($0) : cells.threshold.map { .suppressed(below: $0) } ?? .none }
                    return [.text(item.item), Labels.code(wave.wave, language), cells.count(wave.answers),
                            shown ? EvaluationCells.ratio(wave.sum, wave.answers) : .none, change] + spread
                }
            })
        let waveNames = SurveyReadModel.waveOrder.filter { wave in figures.waves.contains { $0.wave == wave } }
        let chart = Report.Chart(
            title: t("Mean by wave"), categories: figures.items.indices.map { "\($0 + 1)" },
            series: waveNames.map { wave in
                (Labels.code(wave, language).text(empty: ""), figures.items.map { item in
                    guard let found = item.waves.first(where: { $0.wave == wave }), cells.shows(groupOf: found.answers) else { return .none }
                    return EvaluationCells.ratio(found.sum, found.answers)
                })
            })
        // The chart numbers the items; this names them.
        let key = Report.Table(key: "item_numbers", title: t("Items in the chart"),
                               columns: [.init("number", "#", numeric: true), .init("item", t("Item"))],
                               rows: figures.items.enumerated().map { [.integer($0.offset + 1), .text($0.element.item)] })
        return Report(kind: "survey", title: "\(t("Survey")): \(figures.survey)", parameters: parameters, tables: [waves, items, key],
                      stamp: stamp, language: language, charts: figures.items.isEmpty ? [] : [chart])
    }
}
