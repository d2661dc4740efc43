import Vocabulary

/// What the evaluation reports share: small-cell protection of counts of people and answers,
/// and means as two-decimal numbers.
struct EvaluationCells {
    let small: SmallCells
    let language: Report.Language

    init(suppressBelow threshold: Int?, language: Report.Language) {
        small = SmallCells(threshold: threshold)
        self.language = language
    }

    var threshold: Int? { small.threshold }
    var suppresses: Bool { threshold != nil }

    func count(_ value: Int) -> Report.Cell { small.count(value) }

    /// Whether a group of `answers` may show its distribution and mean: none at all, or K or more
    /// (a group of 1 to K−1 leaves them out, rather than filling them with "<K").
    func shows(groupOf answers: Int) -> Bool { threshold.map { answers == 0 || answers >= $0 } ?? true }

    /// numerator ÷ denominator in hundredths, rounded half away from zero; none for no denominator.
    static func ratio(_ numerator: Int, _ denominator: Int) -> Report.Cell {
        guard denominator > 0 else { return .none }
        let (scaled, overflow) = numerator.multipliedReportingOverflow(by: 200)
        guard !overflow else { return .none }
        let twice = scaled / denominator
        return .hundredths(twice >= 0 ? (twice + 1) / 2 : -((-twice + 1) / 2))
    }

    /// How small counts were hidden; `withheld`: some were hidden as "x" too, which it then explains.
    func suppressionParameters(withheld: Bool = false) -> [Report.Parameter] { small.parameters(language, withheldTotals: withheld) }
}
