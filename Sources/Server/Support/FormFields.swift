import Foundation

/// The fields of an `application/x-www-form-urlencoded` body, or of a query string. A form's field
/// names can be data (`mark.p-7k2m` on an attendance sheet), so they are kept as given, in order.
struct FormFields: Sendable {
    private(set) var pairs: [(name: String, value: String)] = []

    init() {}

    init(encoded text: String) {
        pairs = text.split(separator: "&").compactMap { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]) else { return nil }
            return (name, parts.count > 1 ? Self.decode(parts[1]) ?? "" : "")
        }
    }

    subscript(_ name: String) -> String? { pairs.last { $0.name == name }?.value }

    /// The fields whose name starts with `prefix`, keyed by the rest of the name.
    func withPrefix(_ prefix: String) -> [(key: String, value: String)] {
        pairs.filter { $0.name.hasPrefix(prefix) }.map { (String($0.name.dropFirst(prefix.count)), $0.value) }
    }

    private static func decode(_ part: Substring) -> String? {
        part.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}
