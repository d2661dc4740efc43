import Projections

/// The ESR+ indicator tables' counts with small ones hidden, by the method every report uses
/// (`SmallCounts`; docs/reports.md, "Small counts"), with what a reader of this report knows of
/// how its counts add up:
/// - each line's genders add up to its total (withheld first, as the ESR+ report always has);
/// - in a table of participants, the labour-market lines (EECO02 with its "not collected" and
///   "refused", EECO04, EECO05) add up to EECO01 column by column, and so do the education lines
///   (EECO09 with its two, EECO10, EECO11): each entrant has exactly one answer of each;
/// - with the age chart, the four age groups of each gender (EECO06, EECO07, 30–54, EECO08) add
///   up to that gender's EECO01.
struct ESRSmallCounts {
    /// Per line of the table: the total, then one cell per gender.
    let rows: [[Report.Cell]]
    /// Per gender: under 18, 18–29, 30–54 and 55 or over; empty unless asked for.
    let ageGroups: [[Report.Cell]]

    init(_ lines: [ESRFigures.Indicator], _ split: KeyPath<ESRFigures.Indicator, ESRFigures.Split>, genders: [ESRFigures.Gender],
         suppressBelow threshold: Int?, partitions: Bool, ageGroups withAgeGroups: Bool) {
        var counts = SmallCounts(suppressBelow: threshold)
        let ids: [[SmallCounts.Count]] = lines.map { line in
            let figures = line[keyPath: split]
            let total = counts.add(figures.total, withheldFirst: true)
            let parts = genders.map { counts.add(figures[$0]) }
            counts.line(parts, total: total)
            return [total] + parts
        }
        func index(_ code: String, _ answer: String? = nil) -> Int? { lines.firstIndex { $0.code == code && $0.answer == answer } }
        let everyone = index("EECO01")
        if partitions, let everyone {
            for group in [["EECO02", "EECO04", "EECO05"], ["EECO09", "EECO10", "EECO11"]] {
                let members = [index(group[0]), index(group[0], "not-collected"), index(group[0], "refused"), index(group[1]), index(group[2])]
                let found = members.compactMap { $0 }
                guard found.count == members.count else { continue }
                for column in ids[everyone].indices { counts.line(found.map { ids[$0][column] }, total: ids[everyone][column]) }
            }
        }
        var ages: [[SmallCounts.Count]] = []
        if withAgeGroups, let everyone, let under18 = index("EECO06"), let young = index("EECO07"), let older = index("EECO08") {
            ages = genders.indices.map { offset in
                let column = offset + 1
                let value = { (line: Int) in lines[line][keyPath: split][genders[offset]] }
                let middle = counts.add(value(everyone) - value(under18) - value(young) - value(older))
                let groups = [ids[under18][column], ids[young][column], middle, ids[older][column]]
                counts.line(groups, total: ids[everyone][column])
                return groups
            }
        }
        counts.suppress()
        rows = ids.map { $0.map { counts.cell($0) } }
        ageGroups = ages.map { $0.map { counts.cell($0) } }
    }
}
