import Projections
import Vocabulary

/// `tuki report fit`: per participant the first and latest outcome total, the change and whether
/// it is reliable, the clinical cut-off; alliance ratings to follow up; the group's summary; and
/// a chart of each participant's outcome totals over sessions with the cut-off lines. With
/// `--suppress-below K` only the group's summary is left, its small counts hidden: the other
/// parts are about single people.
public enum FITReport {
    public static func make(_ figures: FITReadModel.Figures, participant: String? = nil, suppressBelow threshold: Int? = nil,
                            language: Report.Language = .fi, stamp: LedgerStamp) -> Report {
        func t(_ english: String) -> String { Labels.text(english, language) }
        let cells = EvaluationCells(suppressBelow: threshold, language: language)
        let settings = figures.settings
        let points = { (tenths: Int) in Report.Cell.hundredths(tenths * 10) }
        var parameters: [Report.Parameter] = [
            .init("activity", t("Activity"), figures.activity), .init("name", t("Name"), .text(figures.name), for: .people),
        ]
        if let participant { parameters.append(.init("participant", t("Participant"), participant)) }
        parameters += [
            .init("reliableChange", t("Reliable change"), points(settings.reliableChangeTenths)),
            .init("orsCutOff", t("ORS cut-off"), points(settings.cutOffTenths("ORS") ?? 0)),
            .init("corsCutOff", t("CORS cut-off"), points(settings.cutOffTenths("CORS") ?? 0)),
            .init("allianceCutOff", t("SRS/CSRS alert"), points(settings.allianceCutOffTenths)),
            .init("onCutOff", t("A total on a cut-off"),
                  Labels.code(settings.onCutOffCountsAsBelow ? "counts-as-below" : "counts-as-above", language)),
        ]

        // Improved, no reliable change and deteriorated add up to those with two or more ratings.
        let summary = figures.summary
        var counts = SmallCounts(suppressBelow: threshold)
        let summaryCounts = [summary.rated, summary.withTwoOrMore, summary.improved, summary.noReliableChange, summary.deteriorated,
                             summary.belowCutOffAtFirst, summary.crossedCutOff].map { counts.add($0) }
        counts.line(Array(summaryCounts[2...4]), total: summaryCounts[1])
        counts.suppress()
        parameters += cells.suppressionParameters(withheld: counts.withheldAny)
        let summaryTable = Report.Table(
            key: "summary", title: t("Group"),
            columns: [
                .init("rated", t("Rated"), numeric: true), .init("two_or_more", t("Two or more ratings"), numeric: true),
                .init("improved", t("Improved"), numeric: true),
                .init("no_reliable_change", t("No reliable change"), numeric: true),
                .init("deteriorated", t("Deteriorated"), numeric: true),
                .init("below_cut_off_at_first", t("Below cut-off at first"), numeric: true),
                .init("crossed_cut_off", t("Crossed the cut-off"), numeric: true),
            ],
            rows: [summaryCounts.map { counts.cell($0) }])
        guard !cells.suppresses else {
            return Report(kind: "fit", title: "FIT: \(figures.name)", parameters: parameters, tables: [summaryTable], stamp: stamp, language: language)
        }

        let yesNo = { (value: Bool) in Labels.code(value ? "yes" : "no", language) }
        let participantTable = Report.Table(
            key: "participants", title: t("Participants"),
            columns: [
                .init("participant", t("Participant")), .init("instrument", t("Instrument")), .init("ratings", t("Ratings"), numeric: true),
                .init("first_date", t("First")), .init("first_instrument", t("First instrument")), .init("first_total", t("First total"), numeric: true),
                .init("latest_date", t("Latest")), .init("latest_total", t("Latest total"), numeric: true),
                .init("change", t("Change"), numeric: true), .init("reliable_change", t("Reliable change")),
                .init("below_cut_off_at_first", t("Below cut-off at first")), .init("crossed_cut_off", t("Crossed the cut-off")),
            ],
            rows: figures.participants.map { person in
                [.text(person.participant), .text(person.latest.instrument), .integer(person.outcome.count),
                 .date(person.first.date), .text(person.first.instrument), points(person.first.totalTenths), .date(person.latest.date), points(person.latest.totalTenths),
                 person.changeTenths.map(points) ?? .none, person.change.map { Labels.code($0.rawValue, language) } ?? .none,
                 yesNo(person.firstBelowCutOff), person.crossedCutOff.map(yesNo) ?? .none]
            })
        let alertTable = Report.Table(
            key: "alliance_alerts", title: t("Alliance ratings to follow up"),
            columns: [.init("date", t("Date")), .init("session", t("Session")), .init("participant", t("Participant")),
                      .init("instrument", t("Instrument")), .init("total", t("Total"), numeric: true)],
            rows: figures.alerts.map { [.date($0.date), $0.session.map(Report.Cell.text) ?? .none, .text($0.participant),
                                        .text($0.instrument), points($0.totalTenths)] })

        // The n-th outcome rating of each participant along the bottom.
        let longest = figures.participants.map(\.outcome.count).max() ?? 0
        let instruments = Set(figures.participants.flatMap { $0.outcome.map(\.instrument) }).sorted().reversed()
        let chart = Report.Chart(
            title: t("Outcome totals by session"), categories: (0..<longest).map { String($0 + 1) },
            series: figures.participants.map { person in
                (person.participant, (0..<longest).map { $0 < person.outcome.count ? points(person.outcome[$0].totalTenths) : .none })
            },
            kind: .lines,
            guides: instruments.compactMap { instrument in
                settings.cutOffTenths(instrument).map { .init(label: "\(instrument) \($0 / 10)", value: Double($0) / 10) }
            },
            top: 40)
        return Report(kind: "fit", title: "FIT: \(figures.name)", parameters: parameters, tables: [summaryTable, participantTable, alertTable],
                      stamp: stamp, language: language, charts: longest == 0 ? [] : [chart])
    }
}
