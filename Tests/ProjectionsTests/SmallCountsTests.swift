import Samples
import EventStore
import Testing

@testable import Projections
@testable import Reports
import Vocabulary

/// Small counts: the rule on a line (primary "<K", secondary "x", zero stays zero) at the edges
/// 0, K−1 and K, and a property test over every report that hides counts: for random small
/// figures, no hidden count can be solved from the shown ones of its report through the
/// equations a reader knows (a linear check written here, apart from the report's own).
@Suite struct SmallCountsTests {
    static let stamp = LedgerStamp(position: 1, hash: String(repeating: "0", count: 64))

    func cells(_ parts: [Int], total: Int, below threshold: Int = 5) -> [Report.Cell] {
        var counts = SmallCounts(suppressBelow: threshold)
        let indexes = parts.map { counts.add($0) }
        let sum = counts.add(total)
        counts.line(indexes, total: sum)
        counts.suppress()
        return (indexes + [sum]).map { counts.cell($0) }
    }

    @Test func aLineWithOneHiddenCountHidesItsNextSmallest() {
        #expect(cells([3, 7, 12], total: 22) == [.suppressed(below: 5), .withheld, .integer(12), .integer(22)])
        // K−1 is hidden, K is not.
        #expect(cells([4, 6], total: 10) == [.suppressed(below: 5), .withheld, .integer(10)])
        #expect(cells([5, 6], total: 11) == [.integer(5), .integer(6), .integer(11)])
        // Zero is neither hidden nor hidden for another: it reveals no one.
        #expect(cells([0, 3, 9], total: 12) == [.integer(0), .suppressed(below: 5), .withheld, .integer(12)])
        #expect(cells([0, 0, 9], total: 9) == [.integer(0), .integer(0), .integer(9), .integer(9)])
        // Two hidden counts tell only their sum.
        #expect(cells([2, 3, 9], total: 14) == [.suppressed(below: 5), .suppressed(below: 5), .integer(9), .integer(14)])
        // A small total with one part: both are hidden already.
        #expect(cells([3, 0], total: 3) == [.suppressed(below: 5), .integer(0), .suppressed(below: 5)])
        // The next smallest may be the total.
        #expect(cells([2, 40], total: 42, below: 3)[1] == .withheld)
    }

    @Test func withoutAThresholdNothingIsHidden() {
        #expect(cells([1, 2], total: 3, below: 0).allSatisfy { if case .integer = $0 { true } else { false } })
        var counts = SmallCounts(suppressBelow: nil)
        let one = counts.add(1)
        counts.suppress()
        #expect(counts.cell(one) == .integer(1))
    }

    /// Rows and columns with their totals: hiding one more per line is not always enough, and the
    /// linear check finds what the lines leave solvable.
    @Test func aTableWithRowAndColumnTotalsLeavesNothingSolvable() {
        var counts = SmallCounts(suppressBelow: 5)
        let grid = [[3, 9, 20], [8, 2, 30], [15, 14, 1]].map { $0.map { counts.add($0) } }
        let rowTotals = [32, 40, 30].map { counts.add($0) }
        let columnTotals = [26, 25, 51].map { counts.add($0) }
        for (row, total) in zip(grid, rowTotals) { counts.line(row, total: total) }
        for column in 0..<3 { counts.line(grid.map { $0[column] }, total: columnTotals[column]) }
        counts.suppress()
        var system = LinearCheck()
        let term = { (index: SmallCounts.Count) in (at: "\(index)", cell: counts.cell(index)) }
        for (row, total) in zip(grid, rowTotals) { system.line(row.map(term), total: term(total)) }
        for column in 0..<3 { system.line(grid.map { term($0[column]) }, total: term(columnTotals[column])) }
        #expect(!system.solvesAHiddenCount)
    }

    @Test func aPeriodWidensToWholeCalendarMonths() {
        guard case let .esr(_, from, to) = ReportRequest.esr(project: "project-p", from: "2026-03-24", to: "2026-04-02").inWholeMonths else {
            Issue.record("not an ESR+ request")
            return
        }
        #expect(from == "2026-03-01" && to == "2026-04-30")
        for (day, last) in [("2024-02-10", "2024-02-29"), ("2100-02-10", "2100-02-28"), ("2000-02-01", "2000-02-29"), ("2026-12-07", "2026-12-31")] {
            guard case let .feedback(_, from, to) = ReportRequest.feedback(.project("project-p"), from: nil, to: day).inWholeMonths else { continue }
            #expect(from == nil && to == last)
        }
    }

    // MARK: - The property test

    @Test func noHiddenCountOfAnyReportCanBeWorkedOut() throws {
        var random = SeededRandom(seed: 20261207)
        for _ in 0..<300 {
            try checkFeedback(&random)
            try checkFIT(&random)
            try checkSTEA(&random)
            try checkSurvey(&random)
            checkESR(&random)
        }
    }

    static let esrAnswers: [[[(code: String, answer: String?)]]] = [
        [[("EECO02", nil)], [("EECO02", nil), ("EECO03", nil)], [("EECO04", nil)], [("EECO05", nil)], [("EECO02", "not-collected")],
         [("EECO02", "refused")]],
        [[("EECO09", nil)], [("EECO10", nil)], [("EECO11", nil)], [("EECO09", "not-collected")], [("EECO09", "refused")]],
        [[("EECO06", nil)], [("EECO07", nil)], [("EECO08", nil)], []],
    ]

    /// The ESR+ participants' table as its period part shows it, with the age chart: each line's
    /// genders add up to its total, the labour-market and education answers each to EECO01 in
    /// every column, and the chart's four age groups to EECO01 for each gender.
    func checkESR(_ random: inout SeededRandom) {
        let genders = ESRFigures.Gender.allCases
        var lines = ["EECO01", "EECO02", "EECO02 not-collected", "EECO02 refused", "EECO03", "EECO04", "EECO05", "EECO06", "EECO07", "EECO08",
                     "EECO09", "EECO09 not-collected", "EECO09 refused", "EECO10", "EECO11"].map { name in
            let parts = name.split(separator: " ").map(String.init)
            return ESRFigures.Indicator(code: parts[0], answer: parts.count > 1 ? parts[1] : nil)
        }
        func count(_ code: String, _ answer: String? = nil, _ gender: ESRFigures.Gender) {
            guard let index = lines.firstIndex(where: { $0.code == code && $0.answer == answer }) else { return }
            lines[index].period[gender] += 1
            lines[index].period.total += 1
        }
        for _ in 0..<random.int(0...30) {
            let gender = random.pick(genders)
            count("EECO01", nil, gender)
            // One labour-market answer, one education answer, and an age group or none shown.
            for choices in Self.esrAnswers {
                for (code, answer) in random.pick(choices) { count(code, answer, gender) }
            }
        }
        let hidden = ESRSmallCounts(lines, \.period, genders: genders, suppressBelow: 5, partitions: true, ageGroups: true)
        var system = LinearCheck()
        func term(_ row: Int, _ column: Int) -> LinearCheck.Term { ("\(row),\(column)", hidden.rows[row][column]) }
        for (row, line) in lines.enumerated() {
            for (column, cell) in hidden.rows[row].enumerated() {
                let value = column == 0 ? line.period.total : line.period[genders[column - 1]]
                switch cell {
                case let .integer(shown): #expect(shown == value && !(1...4).contains(value))
                case .suppressed: #expect((1...4).contains(value))
                default: #expect(cell == .withheld && value >= 5)
                }
            }
            system.line((1...genders.count).map { term(row, $0) }, total: term(row, 0))
        }
        let row = { (code: String, answer: String?) in lines.firstIndex { $0.code == code && $0.answer == answer } ?? 0 }
        for group in [["EECO02", "EECO04", "EECO05"], ["EECO09", "EECO10", "EECO11"]] {
            let members = [row(group[0], nil), row(group[0], "not-collected"), row(group[0], "refused"), row(group[1], nil), row(group[2], nil)]
            for column in 0...genders.count { system.line(members.map { term($0, column) }, total: term(row("EECO01", nil), column)) }
        }
        for (offset, cells) in hidden.ageGroups.enumerated() {
            let column = offset + 1
            system.line([term(row("EECO06", nil), column), term(row("EECO07", nil), column), ("middle\(column)", cells[2]),
                         term(row("EECO08", nil), column)], total: term(row("EECO01", nil), column))
            #expect(cells[0] == hidden.rows[row("EECO06", nil)][column] && cells[3] == hidden.rows[row("EECO08", nil)][column])
        }
        #expect(!system.solvesAHiddenCount, "ESR+ \(lines.map { $0.period.total })")
    }

    func checkFeedback(_ random: inout SeededRandom) throws {
        let activities = (0..<random.int(1...3)).map { index in
            let answers = random.int(0...12)
            return FeedbackReadModel.Activity(activity: "activity-a\(index)", name: "A\(index)", answers: answers, ratingSum: answers * 3)
        }
        let answers = activities.reduce(0) { $0 + $1.answers }
        let distribution = random.partition(answers, into: 5)
        let ratingSum = distribution.enumerated().reduce(0) { $0 + ($1.offset + 1) * $1.element }
        let named = random.int(0...answers)
        let project = random.bool()
        let figures = FeedbackReadModel.Figures(
            scope: project ? .project("project-p") : .activity("activity-a0"), name: "N", activities: project ? activities : [],
            answers: answers, named: named, withText: random.int(0...answers), distribution: distribution, ratingSum: ratingSum,
            themes: [("t", random.int(0...answers))])
        let report = FeedbackReport.make(figures, suppressBelow: 5, language: .en, stamp: Self.stamp)
        let summary = try row(report, "summary")
        try expectTruthful(summary[0], answers)
        try expectTruthful(summary[1], named)
        try expectTruthful(summary[2], answers - named)
        var system = LinearCheck()
        let answersCell = (at: "answers", cell: summary[0])
        system.line([("named", summary[1]), ("anonymous", summary[2])], total: answersCell)
        let shares = try rows(report, "distribution").map { $0[1] }
        if shares.allSatisfy({ $0 == .none }) {
            #expect(answers > 0 && answers < 5, "a distribution is left out only for a hidden group")
        } else {
            for (cell, count) in zip(shares, distribution) { try expectTruthful(cell, count) }
            system.line(shares.named("rating"), total: answersCell)
            if case .hundredths = summary[4] {
                guard case .integer = summary[0] else { Issue.record("a mean shown beside a hidden number of answers"); return }
                system.weighted(shares.named("rating"), weights: [1, 2, 3, 4, 5])
            }
        }
        if project {
            let perActivity = try rows(report, "activities").map { $0[2] }
            for (cell, activity) in zip(perActivity, activities) { try expectTruthful(cell, activity.answers) }
            system.line(perActivity.named("activity"), total: answersCell)
        }
        #expect(!system.solvesAHiddenCount, "feedback \(distribution) named \(named)")
    }

    func checkFIT(_ random: inout SeededRandom) throws {
        let rated = random.int(0...14)
        let two = random.int(0...rated)
        let changes = random.partition(two, into: 3)
        let below = random.int(0...rated)
        let summary = FITReadModel.Summary(rated: rated, withTwoOrMore: two, improved: changes[0], noReliableChange: changes[1],
                                           deteriorated: changes[2], belowCutOffAtFirst: below, crossedCutOff: random.int(0...below))
        let figures = FITReadModel.Figures(activity: "activity-a", name: "A", settings: .init(), participants: [], alerts: [], summary: summary)
        let shown = try row(FITReport.make(figures, suppressBelow: 5, language: .en, stamp: Self.stamp), "summary")
        for (cell, count) in zip(shown, [rated, two] + changes + [below, summary.crossedCutOff]) { try expectTruthful(cell, count) }
        var system = LinearCheck()
        system.line(Array(shown[2...4]).named("change"), total: ("two", shown[1]))
        #expect(!system.solvesAHiddenCount, "FIT \(summary)")
    }

    func checkSTEA(_ random: inout SeededRandom) throws {
        let participants = random.int(0...16)
        let ages = random.partition(participants, into: 5), genders = random.partition(participants, into: 4)
        let overlapping = random.bool()
        let targets = overlapping ? [random.int(0...participants), random.int(0...participants)] : random.partition(participants, into: 2)
        let figures = STEAReadModel.Figures(
            project: "project-p", name: "P", funder: "STEA", year: 2026, participants: participants,
            byTargetGroup: zip(["parents", "young-people"], targets).map { ($0, $1) },
            byAgeGroup: zip(STEAReadModel.ageGroups.map(\.code), ages).map { ($0, $1) },
            byGender: zip(["woman", "man", "non-binary", "not-told"], genders).map { ($0, $1) },
            openEventVisits: 0, kinds: [], experts: random.int(0...6), expertEngagements: 0, expertHoursHundredths: 0,
            feedbackAnswers: random.int(0...9), feedbackRatingSum: 0)
        let report = STEAReport.make(figures, suppressBelow: 5, language: .en, stamp: Self.stamp)
        let total = try row(report, "reach")[1]
        try expectTruthful(total, participants)
        var system = LinearCheck()
        for (key, counts) in [("by_age_group", ages), ("by_gender", genders), ("by_target_group", targets)] {
            let cells = try rows(report, key).map { $0[1] }
            for (cell, count) in zip(cells, counts) { try expectTruthful(cell, count) }
            if counts.reduce(0, +) == participants { system.line(cells.named(key), total: ("total", total)) }
        }
        #expect(!system.solvesAHiddenCount, "STEA \(participants) \(ages) \(genders) \(targets)")
    }

    func checkSurvey(_ random: inout SeededRandom) throws {
        let waves = ["baseline", "final"].map { SurveyReadModel.Wave(wave: $0, respondents: random.int(0...12), from: "2026-01-01", to: "2026-01-31") }
        let items = (0..<2).map { index in
            SurveyReadModel.Item(item: "q\(index)", waves: waves.map { wave in
                let answers = random.int(0...wave.respondents)
                let distribution = random.partition(answers, into: 4)
                let sum = distribution.enumerated().reduce(0) { $0 + ($1.offset + 1) * $1.element }
                return SurveyReadModel.ItemWave(wave: wave.wave, answers: answers, sum: sum, distribution: distribution)
            })
        }
        let figures = SurveyReadModel.Figures(survey: "s", project: "project-p", scaleMin: 1, scaleMax: 4, respondentGroup: nil, waves: waves, items: items)
        let table = try rows(SurveyReport.make(figures, suppressBelow: 5, language: .en, stamp: Self.stamp), "items")
        var system = LinearCheck()
        for (index, (row, wave)) in zip(table, items.flatMap(\.waves)).enumerated() {
            try expectTruthful(row[2], wave.answers)
            let scores = Array(row[5...8])
            if scores.allSatisfy({ $0 == .none }) {
                #expect(wave.answers > 0 && wave.answers < 5, "a distribution is left out only for a hidden group")
                continue
            }
            for (cell, count) in zip(scores, wave.distribution) { try expectTruthful(cell, count) }
            system.line(scores.named("row\(index)-score"), total: ("row\(index)-answers", row[2]))
            if case .hundredths = row[3] { system.weighted(scores.named("row\(index)-score"), weights: [1, 2, 3, 4]) }
        }
        #expect(!system.solvesAHiddenCount, "survey \(items)")
    }

    // MARK: - Reading the reports

    func rows(_ report: Report, _ key: String) throws -> [[Report.Cell]] {
        try #require(report.tables.first { $0.key == key }).rows.map { Array($0) }
    }

    func row(_ report: Report, _ key: String) throws -> [Report.Cell] {
        try #require(rows(report, key).first)
    }

    /// A shown count is the count; a hidden one is never zero; every count from 1 to K−1 is hidden.
    func expectTruthful(_ cell: Report.Cell, _ count: Int, sourceLocation: SourceLocation = #_sourceLocation) throws {
        switch cell {
        case let .integer(value): #expect(value == count && !(1...4).contains(count), "\(count) shown as \(value)", sourceLocation: sourceLocation)
        case .suppressed(below: 5): #expect((1...4).contains(count), "\(count) shown as <5", sourceLocation: sourceLocation)
        case .withheld: #expect(count >= 5, "\(count) withheld as x", sourceLocation: sourceLocation)
        default: Issue.record("\(count) shown as \(cell)", sourceLocation: sourceLocation)
        }
    }
}

/// What a reader can solve: the hidden cells are unknowns, the shown ones constants, and each
/// line or weighted sum an equation. A hidden cell is solvable when its unit vector lies in the
/// row space of the system (Gaussian elimination in doubles, with a tolerance: the numbers are
/// small integers). A cell is named by where it stands (table, row, column), so that one cell in
/// two equations is one unknown.
struct LinearCheck {
    typealias Term = (at: String, cell: Report.Cell)
    private var unknowns: [String: Int] = [:]
    private var rows: [[Int: Double]] = []

    mutating func line(_ parts: [Term], total: Term) {
        weighted(parts + [total], weights: Array(repeating: 1, count: parts.count) + [-1])
    }

    /// Σ weight × cell = a constant the reader knows.
    mutating func weighted(_ terms: [Term], weights: [Int]) {
        var row: [Int: Double] = [:]
        for (term, weight) in zip(terms, weights) {
            switch term.cell {
            case .suppressed, .withheld:
                let index = unknowns[term.at] ?? unknowns.count
                unknowns[term.at] = index
                row[index, default: 0] += Double(weight)
            default: break
            }
        }
        if !row.isEmpty { rows.append(row) }
    }

    var solvesAHiddenCount: Bool {
        let columns = unknowns.count
        guard columns > 0 else { return false }
        var matrix = rows.map { row in (0..<columns).map { row[$0] ?? 0 } }
        var pivots: [(row: Int, column: Int)] = []
        var next = 0
        for column in 0..<columns where next < matrix.count {
            guard let best = (next..<matrix.count).max(by: { abs(matrix[$0][column]) < abs(matrix[$1][column]) }),
                  abs(matrix[best][column]) > 1e-9 else { continue }
            matrix.swapAt(next, best)
            let pivot = matrix[next][column]
            matrix[next] = matrix[next].map { $0 / pivot }
            for other in matrix.indices where other != next {
                let factor = matrix[other][column]
                if abs(factor) > 1e-12 { matrix[other] = zip(matrix[other], matrix[next]).map { $0 - factor * $1 } }
            }
            pivots.append((next, column))
            next += 1
        }
        return pivots.contains { pivot in matrix[pivot.row].enumerated().allSatisfy { $0.offset == pivot.column || abs($0.element) < 1e-9 } }
    }
}

extension Array where Element == Report.Cell {
    /// The cells as terms named `prefix`0, `prefix`1, …
    func named(_ prefix: String) -> [LinearCheck.Term] { enumerated().map { ("\(prefix)\($0.offset)", $0.element) } }
}

extension SeededRandom {
    mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + below(range.count) }
    mutating func bool() -> Bool { chance(50) }

    /// `total` split at random into `parts` non-negative counts, often with small ones and zeros.
    mutating func partition(_ total: Int, into parts: Int) -> [Int] {
        var counts = Array(repeating: 0, count: parts)
        for _ in 0..<total { counts[below(parts)] += 1 }
        return counts
    }
}
