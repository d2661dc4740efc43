import Projections
import Vocabulary

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

        // Per item and wave: a group of fewer than K answers shows neither distribution nor
        // mean; the others' scores add up to the answers, and weighted by their value to the sum
        // behind the mean, for the small-count check.
        var counts = SmallCounts(suppressBelow: threshold)
        let respondents = figures.waves.map { counts.add($0.respondents) }
        let rowCounts: [[(answers: SmallCounts.Count, scores: [SmallCounts.Count], sum: SmallCounts.Count)]] = figures.items.map { item in
            item.waves.map { wave in
                let answers = counts.add(wave.answers), sum = counts.add(wave.sum)
                guard cells.shows(groupOf: wave.answers) else { return (answers, [], sum) }
                let scores = wave.distribution.map { counts.add($0) }
                counts.line(scores, total: answers)
                counts.equation(scores.enumerated().map { ($1, figures.scaleMin + $0) } + [(sum, -1)])
                return (answers, scores, sum)
            }
        }
        counts.suppress()
        parameters += cells.suppressionParameters(withheld: counts.withheldAny)
        func meanShown(_ item: Int, _ wave: Int) -> Bool {
            let row = rowCounts[item][wave]
            return !row.scores.isEmpty && counts.isShown(row.answers) && counts.isShown(row.sum)
        }

        let waves = Report.Table(
            key: "waves", title: t("Waves"),
            columns: [.init("wave", t("Wave")), .init("respondents", t("Respondents"), numeric: true),
                      .init("from", t("From")), .init("to", t("To"))],
            rows: zip(figures.waves, respondents).map { [Labels.code($0.wave, language), counts.cell($1), .date($0.from), .date($0.to)] })
        let scores = Array(figures.scaleMin...figures.scaleMax)
        let items = Report.Table(
            key: "items", title: t("Items"),
            columns: [.init("item", t("Item")), .init("wave", t("Wave")), .init("answers", t("Answers"), numeric: true),
                      .init("mean", t("Mean"), numeric: true), .init("change_from_baseline", t("Change from baseline"), numeric: true)]
                + scores.map { .init("score_\($0)", String($0), numeric: true) },
            rows: figures.items.enumerated().flatMap { itemIndex, item in
                let baselineIndex = item.waves.firstIndex { $0.wave == "baseline" }.flatMap { meanShown(itemIndex, $0) ? $0 : nil }
                return item.waves.enumerated().map { waveIndex, wave -> [Report.Cell] in
                    let row = rowCounts[itemIndex][waveIndex]
                    let shown = meanShown(itemIndex, waveIndex)
                    let change: Report.Cell = if let baselineIndex, shown, wave.wave != "baseline" {
                        // mean − baseline mean = (sum·n₀ − sum₀·n) ÷ (n·n₀)
                        EvaluationCells.ratio(wave.sum * item.waves[baselineIndex].answers - item.waves[baselineIndex].sum * wave.answers,
                                              wave.answers * item.waves[baselineIndex].answers)
                    } else {
                        .none
                    }
                    let spread: [Report.Cell] = row.scores.isEmpty ? wave.distribution.map { _ in .none } : row.scores.map { counts.cell($0) }
                    return [.text(item.item), Labels.code(wave.wave, language), counts.cell(row.answers),
                            shown ? EvaluationCells.ratio(wave.sum, wave.answers) : .none, change] + spread
                }
            })
        let waveNames = SurveyReadModel.waveOrder.filter { wave in figures.waves.contains { $0.wave == wave } }
        let chart = Report.Chart(
            title: t("Mean by wave"), categories: figures.items.indices.map { "\($0 + 1)" },
            series: waveNames.map { wave in
                (Labels.code(wave, language).text(empty: ""), figures.items.enumerated().map { itemIndex, item in
                    guard let index = item.waves.firstIndex(where: { $0.wave == wave }), meanShown(itemIndex, index) else { return .none }
                    return EvaluationCells.ratio(item.waves[index].sum, item.waves[index].answers)
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
