/// Euros as people write them — `90`, `90.5`, `90,50` — to integer cents, without floating point.
public enum Euros {
    /// A sum a person types is at most this many euros (the schemas bound every amount).
    public static let largest = 10_000_000

    /// The cents of a sum of at most `largest` euros with at most two decimals; nil for anything else.
    public static func cents(_ text: String) -> Int? {
        let parts = text.replacingOccurrences(of: ",", with: ".").split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts[0].count <= 8, parts[0].allSatisfy(\.isASCII), let whole = Int(parts[0]),
              (0...largest).contains(whole),
              parts.count == 1 || (1...2).contains(parts[1].count) && parts[1].allSatisfy({ $0.isASCII && $0.isNumber })
        else { return nil }
        let fraction = parts.count == 2 ? Int(parts[1].count == 1 ? parts[1] + "0" : String(parts[1])) ?? 0 : 0
        return whole * 100 + fraction
    }

    /// Cents as a sentence writes euros: "90.00 €".
    public static func text(_ cents: Int) -> String {
        let fraction = abs(cents % 100)
        return "\(cents / 100).\(fraction < 10 ? "0" : "")\(fraction) €"
    }
}
