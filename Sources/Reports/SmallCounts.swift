/// Small-count protection for reports shared beyond the funder, applied the same way to every
/// report (docs/reports.md, "Small counts"):
///
/// 1. **Primary:** a count of people from 1 to K−1 is hidden, shown as "<K". Zero stays zero: it
///    reveals no one.
/// 2. **Secondary:** a report's counts are tied together by what a reader knows of them — the
///    parts of a line add up to its total (`line(_:total:)`), a distribution's scores weighted by
///    their value add up to the sum behind its mean (`equation(_:)`). Wherever the hidden counts
///    of a table could still be solved from the shown ones through those equations, the smallest
///    shown non-zero count of an equation that gives one away (or one marked to be withheld
///    first, such as a row's total) is hidden too, shown as "x", and
///    this is repeated until no hidden count can be solved. With one equation per line that is
///    Statistics Finland's rule — a line with exactly one hidden cell hides its next smallest —
///    and the linear check catches what lines and totals give away together.
///
/// Counts are added one by one (`add`), each getting an index; the report then reads each
/// count's cell by that index (`cell(_:)`).
public struct SmallCounts: Sendable {
    public typealias Count = Int

    private var values: [Int] = []
    /// Counts withheld before others of an equation when one must be (a row's total in the ESR+
    /// report, whose parts are what a reader looks for).
    private var withheldFirst: Set<Count> = []
    /// Each equation: Σ coefficient × count = 0.
    private var equations: [[(count: Count, coefficient: Int)]] = []
    private var hidden: [Visibility] = []
    public let threshold: Int?

    enum Visibility: Sendable, Equatable { case shown, primary, secondary }

    public init(suppressBelow threshold: Int?) {
        self.threshold = threshold
    }

    /// A count; returns the index its cell is read by. `withheldFirst`: when a count of an
    /// equation it is in must be withheld, this one is, before smaller ones.
    public mutating func add(_ value: Int, withheldFirst: Bool = false) -> Count {
        values.append(value)
        if withheldFirst { self.withheldFirst.insert(values.count - 1) }
        return values.count - 1
    }

    /// The parts add up to the total.
    public mutating func line(_ parts: [Count], total: Count) {
        equations.append(parts.map { ($0, 1) } + [(total, -1)])
    }

    /// Σ coefficient × count = 0 over the counts given, e.g. a distribution's scores times their
    /// values minus the sum behind the mean.
    public mutating func equation(_ terms: [(count: Count, coefficient: Int)]) {
        equations.append(terms)
    }

    /// Decides what is hidden; call once, after every count and equation is added.
    public mutating func suppress() {
        hidden = values.map { value in
            guard let threshold, value > 0, value < threshold else { return .shown }
            return .primary
        }
        guard threshold != nil else { return }
        // Each round hides one more count; there are at most as many rounds as counts.
        for _ in 0..<values.count {
            guard let exposed = firstSolvableHiddenCount() else { return }
            // The equations the exposed count is in; if they have nothing left to withhold (it
            // was solved through others), those of every hidden count.
            let (state, counted) = (hidden, values)
            let shownNonZero = { (equations: [[(count: Count, coefficient: Int)]]) in
                equations.flatMap { $0.map(\.count) }.filter { state[$0] == .shown && counted[$0] != 0 }
            }
            var candidates = shownNonZero(equations.filter { $0.contains { $0.count == exposed && $0.coefficient != 0 } })
            if candidates.isEmpty {
                candidates = shownNonZero(equations.filter { $0.contains { state[$0.count] != .shown && $0.coefficient != 0 } })
            }
            let first = withheldFirst
            let rank = { (count: Count) in (first.contains(count) ? 0 : 1, counted[count], count) }
            guard let next = candidates.min(by: { rank($0) < rank($1) }) else { return }
            hidden[next] = .secondary
        }
    }

    /// The cell of a count: the number, "<K" or "x".
    public func cell(_ count: Count) -> Report.Cell {
        switch hidden.isEmpty ? .shown : hidden[count] {
        case .shown: .integer(values[count])
        case .primary: .suppressed(below: threshold ?? 0)
        case .secondary: .withheld
        }
    }

    /// Whether the count is shown as it is.
    public func isShown(_ count: Count) -> Bool { hidden.isEmpty || hidden[count] == .shown }

    /// Whether anything was withheld as "x" (the report then says what "x" means).
    public var withheldAny: Bool { hidden.contains(.secondary) }

    // MARK: - The linear check

    /// A hidden count whose value the shown counts and the equations fix, if any: with the shown
    /// counts moved to the right-hand side, the equations are a linear system in the hidden ones,
    /// and a hidden count is fixed when its unit vector lies in the span of the system's rows —
    /// that is, when reduced to echelon form its column is a pivot whose row has no other
    /// unknown left in it.
    private func firstSolvableHiddenCount() -> Count? {
        let unknowns = hidden.indices.filter { hidden[$0] != .shown }
        guard !unknowns.isEmpty else { return nil }
        let column = Dictionary(uniqueKeysWithValues: unknowns.enumerated().map { ($1, $0) })
        var rows: [[Int]] = equations.compactMap { terms in
            var row = Array(repeating: 0, count: unknowns.count)
            for term in terms { if let index = column[term.count] { row[index] += term.coefficient } }
            return row.contains { $0 != 0 } ? row : nil
        }
        // Fraction-free Gaussian elimination, each row kept divided by its gcd so that numbers stay small.
        var pivotRow = 0
        var pivots: [(row: Int, column: Int)] = []
        for columnIndex in 0..<unknowns.count where pivotRow < rows.count {
            guard let found = (pivotRow..<rows.count).first(where: { rows[$0][columnIndex] != 0 }) else { continue }
            rows.swapAt(pivotRow, found)
            for other in 0..<rows.count where other != pivotRow && rows[other][columnIndex] != 0 {
                let (a, b) = (rows[pivotRow][columnIndex], rows[other][columnIndex])
                guard let reduced = Self.combine(rows[other], times: a, minus: rows[pivotRow], times: b) else { return unknowns[columnIndex] }
                rows[other] = reduced
            }
            pivots.append((pivotRow, columnIndex))
            pivotRow += 1
        }
        for pivot in pivots where rows[pivot.row].enumerated().allSatisfy({ $0.offset == pivot.column || $0.element == 0 }) {
            return unknowns[pivot.column]
        }
        return nil
    }

    /// x·a − y·b, divided by the gcd of its entries; nil if a number would overflow, which the
    /// caller takes as a count given away (hiding more is the safe side).
    private static func combine(_ x: [Int], times a: Int, minus y: [Int], times b: Int) -> [Int]? {
        var result = Array(repeating: 0, count: x.count)
        var divisor = 0
        for index in x.indices {
            let (left, overflowLeft) = x[index].multipliedReportingOverflow(by: a)
            let (right, overflowRight) = y[index].multipliedReportingOverflow(by: b)
            let (difference, overflow) = left.subtractingReportingOverflow(right)
            guard !overflowLeft, !overflowRight, !overflow else { return nil }
            result[index] = difference
            divisor = gcd(divisor, difference.magnitude)
        }
        guard divisor > 1 else { return result }
        return result.map { $0 / Int(divisor) }
    }

    private static func gcd(_ a: Int, _ b: UInt) -> Int {
        var (x, y) = (UInt(a), b)
        while y != 0 { (x, y) = (y, x % y) }
        return Int(x)
    }
}
