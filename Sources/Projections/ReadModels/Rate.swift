/// A ratio kept exact (e.g. 503 attendances of 594 possible) until it is shown.
public struct Rate: Sendable, Equatable {
    public let numerator: Int
    public let denominator: Int

    public init(_ numerator: Int, of denominator: Int) {
        self.numerator = numerator
        self.denominator = denominator
    }

    /// The percentage in hundredths, rounded half up (503 / 594 → 8468, i.e. 84.68 %); nil when
    /// there is nothing to divide by.
    public var percentHundredths: Int? {
        guard denominator > 0 else { return nil }
        return (2 * numerator * 10_000 + denominator) / (2 * denominator)
    }

    /// "84.68": the percentage with two decimals and a point.
    public var percentText: String? {
        guard let hundredths = percentHundredths else { return nil }
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
