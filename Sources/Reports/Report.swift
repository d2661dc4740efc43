import Projections

/// A report as data: titled tables of typed cells and the ledger point it was built from. The
/// renderers turn it into a terminal table, Markdown, CSV or JSON; none of them reads anything else.
public struct Report: Sendable {
    public enum Cell: Sendable, Equatable {
        case text(String)
        case integer(Int)
        /// A fixed-point number with two decimals, in hundredths (150 → 1.50).
        case hundredths(Int)
        case rate(Rate)
        case none
    }

    public struct Column: Sendable, Equatable {
        /// The JSON member name and CSV header.
        public let key: String
        /// What a person reads in the table and Markdown headers.
        public let header: String
        public let isNumeric: Bool

        public init(_ key: String, _ header: String, numeric: Bool = false) {
            self.key = key
            self.header = header
            isNumeric = numeric
        }
    }

    public struct Table: Sendable {
        public let key: String
        public let title: String
        public let columns: [Column]
        public var rows: [[Cell]]

        public init(key: String, title: String, columns: [Column], rows: [[Cell]]) {
            self.key = key
            self.title = title
            self.columns = columns
            self.rows = rows
        }
    }

    public struct Parameter: Sendable, Equatable {
        public let key: String
        public let label: String
        public let value: String

        public init(_ key: String, _ label: String, _ value: String) {
            self.key = key
            self.label = label
            self.value = value
        }
    }

    /// `sessions`, `commitment`: the JSON `report` member.
    public let kind: String
    public let title: String
    public let parameters: [Parameter]
    public let tables: [Table]
    public let stamp: LedgerStamp

    public init(kind: String, title: String, parameters: [Parameter], tables: [Table], stamp: LedgerStamp) {
        self.kind = kind
        self.title = title
        self.parameters = parameters
        self.tables = tables
        self.stamp = stamp
    }

    /// The footer's sentence: which ledger head the figures come from, and the replay point.
    public var footer: String {
        var text = "Built from the ledger head at position \(stamp.position), hash \(stamp.hash)"
        if let asOf = stamp.asOf { text += ", as of \(asOf)" }
        if let position = stamp.atPosition { text += ", replayed to position \(position)" }
        return text + "."
    }
}

extension Report.Cell {
    /// How the cell reads in a table, Markdown or CSV: rates as "84.68 %", nothing as "–" (or
    /// empty in CSV).
    func text(empty: String) -> String {
        switch self {
        case let .text(text): return text
        case let .integer(value): return String(value)
        case let .hundredths(value): return Self.fixed(value)
        case let .rate(rate): return rate.percentText.map { "\($0) %" } ?? empty
        case .none: return empty
        }
    }

    static func fixed(_ hundredths: Int) -> String {
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = abs(hundredths)
        let fraction = magnitude % 100
        return "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// Minutes as hours in hundredths, rounded half up (100 min → 1.67).
    static func hours(minutes: Int) -> Report.Cell {
        .hundredths((minutes * 200 + 60) / 120)
    }
}
