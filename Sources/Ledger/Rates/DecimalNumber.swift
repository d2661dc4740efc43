/// A non-negative decimal number as it was written — `32.3`, `32,3`, `5000.0`, `1e-05` — held
/// exactly as whole units and a scale (32.3 is 323 tenths), so that sums of money computed from
/// it are exact. Binary floating point cannot hold 32.3: there 32.3 × 55 is 1776.4999…, a cent
/// short of the 1776.5 that rounds to 1777.
public struct DecimalNumber: Sendable, Equatable {
    /// The value is `units` ÷ 10^`scale`.
    public let units: Int
    /// Decimals after the point, trailing zeros dropped (32.30 has scale 1).
    public let scale: Int

    /// The most decimals a number may have: far more than any distance, rate or amount carries.
    static let largestScale = 9

    /// A number written with digits, one decimal point or comma, and an optional exponent; nil
    /// for anything else, a negative number, or one too large or too fine to hold exactly.
    public init?(_ text: String) {
        let lower = text.lowercased().replacingOccurrences(of: ",", with: ".")
        var mantissa = Substring(lower)
        var exponent = 0
        if let e = lower.firstIndex(of: "e") {
            let exponentText = lower[lower.index(after: e)...].drop { $0 == "+" }
            guard let value = Int(exponentText), (-20...20).contains(value) else { return nil }
            exponent = value
            mantissa = lower[..<e]
        }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              !(parts[0].isEmpty && (parts.count == 1 || parts[1].isEmpty))
        else { return nil }
        var digits = Array(parts[0] + (parts.count == 2 ? parts[1] : ""))
        var scale = (parts.count == 2 ? parts[1].count : 0) - exponent
        while scale > 0, digits.last == "0" {
            digits.removeLast()
            scale -= 1
        }
        if scale < 0 {
            digits += Array(repeating: "0", count: -scale)
            scale = 0
        }
        let significant = digits.drop { $0 == "0" }
        guard scale <= Self.largestScale, significant.count <= 18 else { return nil }
        units = Int(String(significant)) ?? 0
        self.scale = scale
    }

    /// `units` ÷ 10^`scale`, e.g. kilometres kept in hundredths (`units: 3230, scale: 2`).
    public init(units: Int, scale: Int) {
        self.units = units
        self.scale = scale
    }

    /// A number read from JSON into a `Double`: its shortest decimal form, which is the literal
    /// it was written as (Swift prints a double as the shortest text that reads back to it).
    public init?(_ value: Double) {
        guard value.isFinite, value >= 0 else { return nil }
        self.init("\(value)")
    }

    /// The nearest `Double`, whose shortest decimal form — what JSON gets — is this number's.
    public var double: Double { Double("\(units)e-\(scale)") ?? .nan }

    /// This number times `factor`, rounded to a whole number half away from zero, in integers;
    /// nil when the product does not fit.
    public func times(_ factor: Int) -> Int? {
        let (product, overflow) = units.multipliedReportingOverflow(by: factor)
        guard !overflow else { return nil }
        var divisor = 1
        for _ in 0..<scale { divisor *= 10 }
        let quotient = product / divisor, remainder = product % divisor
        guard remainder.magnitude * 2 >= divisor.magnitude, remainder != 0 else { return quotient }
        return quotient + (product < 0 ? -1 : 1)
    }
}
