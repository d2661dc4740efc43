import EventStore
import Projections
import Vocabulary

/// A report as data: titled tables of typed cells and the ledger point it was built from. The
/// renderers turn it into a terminal table, Markdown, CSV or JSON; none of them reads anything else.
public struct Report: Sendable {
    public enum Cell: Sendable, Equatable {
        case text(String)
        case integer(Int)
        /// A fixed-point number with two decimals, in hundredths (150 → 1.50).
        case hundredths(Int)
        case rate(Rate)
        /// A percentage given in hundredths of a percent (2000 → 20.00 %).
        case percent(Int)
        /// Euros and cents, from integer cents.
        case cents(Int)
        /// A day, YYYY-MM-DD: so in machine forms, in the language's form for people ("3.2.2026").
        case date(String)
        /// A small count hidden by `--suppress-below K`: shown as "<K".
        case suppressed(below: Int)
        /// A count hidden only so that a small one beside it cannot be worked out (a row's total
        /// when one of its parts is hidden): shown as "x", never as "<K", which it need not be.
        case withheld
        /// A code and the words people read for it: CSV and JSON carry the code (`EECO01`,
        /// `closed-peer-group`, `flat-rate-40`), the table, Markdown and HTML the label.
        case coded(Coded)
        /// Two days, the first and last of a period: "1.1.2026–30.6.2026" in Finnish.
        case period(Period)
        case none

        // The two held by reference keep a cell as small as a string: a county's listing copies
        // some 800,000 of them.
        public final class Coded: Sendable, Equatable {
            public let code: String
            public let label: String

            init(code: String, label: String) {
                self.code = code
                self.label = label
            }

            public static func == (lhs: Coded, rhs: Coded) -> Bool { lhs.code == rhs.code && lhs.label == rhs.label }
        }

        public final class Period: Sendable, Equatable {
            public let from: String
            public let to: String

            init(from: String, to: String) {
                self.from = from
                self.to = to
            }

            public static func == (lhs: Period, rhs: Period) -> Bool { lhs.from == rhs.from && lhs.to == rhs.to }
        }

        public static func coded(code: String, label: String) -> Cell { .coded(Coded(code: code, label: label)) }
        public static func period(from: String, to: String) -> Cell { .period(Period(from: from, to: to)) }
    }

    /// The one language type (Vocabulary's), as reports have always named it.
    public typealias Language = Vocabulary.Language

    /// A chart, drawn only in HTML: bars (one group per category, one bar per series) or lines
    /// (one line per series across the categories, with level guides such as a cut-off).
    public struct Chart: Sendable {
        public enum Kind: Sendable { case bars, lines }
        public struct Guide: Sendable {
            public let label: String
            public let value: Double
        }

        public let title: String
        public let categories: [String]
        public let series: [(name: String, values: [Cell])]
        public let kind: Kind
        public let guides: [Guide]
        /// The top of the value axis, if fixed (a FIT total runs to 40); else the largest value.
        public let top: Double?

        public init(title: String, categories: [String], series: [(name: String, values: [Cell])], kind: Kind = .bars,
                    guides: [Guide] = [], top: Double? = nil) {
            self.title = title
            self.categories = categories
            self.series = series
            self.kind = kind
            self.guides = guides
            self.top = top
        }
    }

    /// Who a column or parameter is for: the forms people read (table, Markdown, HTML), the
    /// forms machines read (CSV, JSON), or both.
    public enum Audience: Sendable, Equatable {
        case everyone, people, machines

        func includes(machines reader: Bool) -> Bool { self == .everyone || (self == .machines) == reader }
    }

    public struct Column: Sendable, Equatable {
        /// The JSON member name and CSV header.
        public let key: String
        /// What a person reads in the table and Markdown headers.
        public let header: String
        public let isNumeric: Bool
        /// A column of words only (an indicator's name beside its code) is left out of CSV and JSON.
        public let audience: Audience

        public init(_ key: String, _ header: String, numeric: Bool = false, for audience: Audience = .everyone) {
            self.key = key
            self.header = header
            isNumeric = numeric
            self.audience = audience
        }
    }

    public struct Table: Sendable {
        public let key: String
        public let title: String
        public let columns: [Column]
        public let rows: Rows
        /// A sheet printed to be filled in by hand (an attendance sheet): HTML gives its rows room
        /// to write in and its empty cells borders.
        public var isToFillIn = false

        public init(key: String, title: String, columns: [Column], rows: [[Cell]]) {
            self.init(key: key, title: title, columns: columns, rows: Rows(rows))
        }

        public init(key: String, title: String, columns: [Column], rows: Rows) {
            self.key = key
            self.title = title
            self.columns = columns
            self.rows = rows
        }
    }

    /// A table's rows: held as cells, or made one cell at a time as a renderer comes to them,
    /// from values the caller already holds. A county-wide listing (700,000 sessions at
    /// 10,000,000 events) then never has all its cells in memory at once, and no row is made
    /// into an array only to be read once (an allocation and a release per row, 70,955 times in
    /// a county's listing at 1,000,000 events).
    public struct Rows: RandomAccessCollection, Sendable {
        public let count: Int
        private let widthOfRow: @Sendable (_ row: Int) -> Int
        private let cellAt: @Sendable (_ row: Int, _ column: Int) -> Cell

        public init(_ rows: [[Cell]]) {
            count = rows.count
            widthOfRow = { rows[$0].count }
            cellAt = { rows[$0][$1] }
        }

        /// `count` rows of `columns` cells, the cell at a row and column made by `cell` each time
        /// it is read.
        public init(count: Int, columns: Int, cell: @escaping @Sendable (_ row: Int, _ column: Int) -> Cell) {
            self.count = count
            widthOfRow = { _ in columns }
            cellAt = cell
        }

        public var startIndex: Int { 0 }
        public var endIndex: Int { count }
        public subscript(position: Int) -> Row { Row(rows: self, index: position) }

        /// How many cells the row has (the table's columns, unless a row held as cells is short).
        public func width(of row: Int) -> Int { widthOfRow(row) }

        /// The cell at a row and column, without making a `Row`.
        public func cell(_ row: Int, _ column: Int) -> Cell { cellAt(row, column) }
    }

    /// One row of a table: its cells in the table's column order.
    public struct Row: RandomAccessCollection, Sendable {
        private let rows: Rows
        private let index: Int

        fileprivate init(rows: Rows, index: Int) {
            self.rows = rows
            self.index = index
        }

        public var startIndex: Int { 0 }
        public var endIndex: Int { rows.width(of: index) }
        public subscript(column: Int) -> Cell { rows.cell(index, column) }
    }

    /// What a report is of: in JSON a member of `parameters` whose value is typed (a code, a
    /// date, a number), in CSV a line of the first block, for people a line above the tables.
    public struct Parameter: Sendable, Equatable {
        public let key: String
        public let label: String
        public let value: Cell
        public let audience: Audience

        public init(_ key: String, _ label: String, _ value: String) {
            self.init(key, label, .text(value))
        }

        public init(_ key: String, _ label: String, _ value: Cell, for audience: Audience = .everyone) {
            self.key = key
            self.label = label
            self.value = value
            self.audience = audience
        }

        /// A year: a number for machines, and for people as it is written, never grouped ("2 027").
        public static func year(_ year: Int, _ label: String) -> [Parameter] {
            [.init("year", label, .text(String(year)), for: .people), .init("year", label, .integer(year), for: .machines)]
        }
    }

    /// The parameters a form shows: people's or machines'.
    public func parameters(forMachines: Bool) -> [Parameter] {
        parameters.filter { $0.audience.includes(machines: forMachines) }
    }

    /// `sessions`, `commitment`: the JSON `report` member.
    public let kind: String
    public let title: String
    public let parameters: [Parameter]
    public let tables: [Table]
    public let stamp: LedgerStamp
    /// The language of the labels, and so of the numbers' decimal and thousands separators.
    public let language: Language
    public let charts: [Chart]
    /// Lines to sign on the printed page (a timesheet's employee and supervisor): HTML draws each
    /// with room for a signature and a date; the other forms, which are data, leave them out.
    public var signatures: [String] = []
    /// When the report was made, for a page printed and handed on (HTML shows it; the other
    /// forms leave it out, so that a replay of the past is the same bytes whenever it is asked).
    public var generatedAt: String?

    /// Now, as `generatedAt` shows it: "2026-12-02 07:50 UTC".
    public static var generatedNow: String {
        String(Timestamp.now().occurredAtText.prefix(16)).replacingOccurrences(of: "T", with: " ") + " UTC"
    }

    public init(
        kind: String, title: String, parameters: [Parameter], tables: [Table], stamp: LedgerStamp,
        language: Language = .en, charts: [Chart] = []
    ) {
        self.kind = kind
        self.title = title
        self.parameters = parameters
        self.tables = tables
        self.stamp = stamp
        self.language = language
        self.charts = charts
    }

    /// The footer's sentence: which ledger head the figures come from, and the replay point, in
    /// the catalogue's words.
    public var footer: String {
        let t = { (english: String) in Catalogue.heading(english, language) }
        var text = "\(t("Built from the ledger head at position")) \(stamp.position), \(t("hash")) \(stamp.hash)"
        if let asOf = stamp.asOf { text += ", \(t("as of")) \(asOf)" }
        if let position = stamp.atPosition { text += ", \(t("replayed to position")) \(position)" }
        return text + (stamp.chainVerified ? "; \(t("its hash chain was verified up to it."))" : ".")
    }
}

/// How numbers are written: "1234.56" for machines and English, "1 234,56" in Finnish (with a
/// no-break space, so a number never splits across lines).
public struct NumberStyle: Sendable {
    public let decimalSeparator: String
    public let groupSeparator: String
    /// Between a number and its unit (% or €).
    public let unitSeparator: String

    /// Days as Finnish writes them, 3.2.2026 (else as stored, 2026-02-03).
    public var finnishDays = false

    public static let plain = NumberStyle(decimalSeparator: ".", groupSeparator: "", unitSeparator: " ")
    public static let finnish = NumberStyle(decimalSeparator: ",", groupSeparator: "\u{00A0}", unitSeparator: "\u{00A0}", finnishDays: true)
    /// For Finnish spreadsheets: decimal comma, no grouping (which a spreadsheet would read as text).
    public static let finnishSpreadsheet = NumberStyle(decimalSeparator: ",", groupSeparator: "", unitSeparator: " ", finnishDays: true)

    func date(_ day: String) -> String {
        finnishDays ? WrittenDay.of(day) : day
    }

    public static func `for`(_ language: Report.Language) -> NumberStyle { language == .fi ? .finnish : .plain }

    func integer(_ value: Int) -> String {
        let digits = String(value.magnitude)
        guard !groupSeparator.isEmpty, digits.count > 3 else { return (value < 0 ? "-" : "") + digits }
        var groups: [Substring] = []
        var end = digits.endIndex
        while end > digits.startIndex {
            let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
            groups.insert(digits[start..<end], at: 0)
            end = start
        }
        return (value < 0 ? "-" : "") + groups.joined(separator: groupSeparator)
    }

    /// A fixed-point number with two decimals, given in hundredths.
    func hundredths(_ value: Int) -> String {
        let magnitude = value.magnitude
        let fraction = magnitude % 100
        return (value < 0 ? "-" : "") + integer(Int(magnitude / 100)) + decimalSeparator + (fraction < 10 ? "0" : "") + String(fraction)
    }
}

extension Report.Cell {
    /// How the cell reads for people in `language`, as the HTML report shows it (a page that lays
    /// a report out for a phone).
    public func shown(_ language: Report.Language) -> String {
        text(empty: "–", style: .for(language))
    }

    /// How the cell reads in a table, Markdown, HTML or CSV: rates as "84.68 %", money as
    /// "1234.50 €", nothing as `empty`.
    func text(empty: String, style: NumberStyle = .plain) -> String {
        switch self {
        case let .text(text): return text
        case let .integer(value): return style.integer(value)
        case let .hundredths(value): return style.hundredths(value)
        case let .rate(rate): return rate.percentHundredths.map { style.hundredths($0) + style.unitSeparator + "%" } ?? empty
        case let .percent(hundredths): return style.hundredths(hundredths) + style.unitSeparator + "%"
        case let .cents(value): return style.hundredths(value) + style.unitSeparator + "€"
        case let .suppressed(threshold): return "<\(threshold)"
        case .withheld: return "x"
        case let .date(day): return style.date(day)
        case let .coded(coded): return coded.label
        case let .period(period): return style.date(period.from) + "–" + style.date(period.to)
        case .none: return empty
        }
    }

    /// How the cell reads in CSV: codes rather than labels, money as integer cents, rates as
    /// numbers of percent, each without its unit (the column says it), numbers in `style`.
    func machineText(empty: String, style: NumberStyle) -> String {
        switch self {
        case let .coded(coded): return coded.code
        case let .cents(value): return String(value)
        case let .rate(rate): return rate.percentHundredths.map { style.hundredths($0) } ?? empty
        case let .percent(hundredths): return style.hundredths(hundredths)
        case let .period(period): return "\(style.date(period.from))..\(style.date(period.to))"
        default: return text(empty: empty, style: style)
        }
    }

    var isNumeric: Bool {
        switch self {
        case .text, .date, .coded, .period, .none: return false
        default: return true
        }
    }

    static func fixed(_ hundredths: Int) -> String { NumberStyle.plain.hundredths(hundredths) }

    /// Minutes as hours in hundredths, rounded half up (100 min → 1.67).
    static func hours(minutes: Int) -> Report.Cell {
        .hundredths((minutes * 200 + 60) / 120)
    }
}
