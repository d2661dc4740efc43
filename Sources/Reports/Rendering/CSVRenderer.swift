import Projections
import Vocabulary

/// How a CSV is written.
public enum CSVDialect: Sendable {
    /// For programs (`--csv-standard`): RFC 4180 — commas, decimal points, codes, integer cents,
    /// days as 2026-02-03, column keys as headers.
    case rfc4180
    /// For people: what a Finnish spreadsheet opens as it is — UTF-8 with a byte-order mark,
    /// semicolons, the report's words (labels, not codes), euros with a decimal comma (78660,00),
    /// days as 3.2.2026, headers in the report's language with the unit of a column of money or
    /// percentages.
    case finnishSpreadsheet
}

/// A report as CSV. The first block says what the report is of: its title or kind, its parameters
/// (the project, the period, …), and the ledger point (position, hash, as-of, whether the chain
/// was verified). Then each table is a block: a line with its name, the header line, its rows,
/// and an empty line. For programs the cells are codes, money is integer cents, rates are numbers
/// of percent, and columns of words only (an indicator's name beside its code) are left out; for
/// people the cells are the words and numbers they read, in euros, and columns for programs only
/// are left out. `table(_:)` writes one table alone, for pandas and R.
///
/// A spreadsheet evaluates a cell that starts with `=`, `+`, `-` or `@` as a formula, and so would
/// run what someone typed into a name, a theme or a place. Every cell of words — text, labels,
/// titles — that starts with one of those, a tab or a carriage return is written with a leading
/// `'`, as OWASP advises ("CSV injection"); numbers, amounts and days are written as themselves,
/// so a negative number stays a number.
enum CSVRenderer {
    /// A cell as written: words (which `inert` guards) or a number, an amount or a day.
    private enum Field {
        case words(String)
        case value(String)
    }

    static func render(_ report: Report, dialect: CSVDialect) -> String {
        let human = dialect == .finnishSpreadsheet
        let separator: Character = human ? ";" : ","
        var records: [[Field]] = []
        if human {
            let t = { (english: String) in Catalogue.heading(english, report.language) }
            records.append([.words(report.title)])
            records.append(contentsOf: report.parameters(forMachines: false).map { [.words($0.label), peopleField($0.value)] })
            let stamp = report.stamp
            records += [[.words(t("Ledger position")), .value(String(stamp.position))], [.words(t("Hash")), .value(stamp.hash)]]
            if let asOf = stamp.asOf { records.append([.words(t("As of")), .value(asOf)]) }
            if let position = stamp.atPosition { records.append([.words(t("Replayed to")), .value(String(position))]) }
            let verified = Catalogue.value(stamp.chainVerified ? "yes" : "no")?(report.language) ?? ""
            records.append([.words(t("Chain verified")), .words(verified)])
        } else {
            records.append(words(["report", report.kind]))
            records.append(words(["key", "value"]))
            records.append(contentsOf: report.parameters(forMachines: true).map { [.words($0.key), machineField($0.value)] })
            records += machineStamp(report.stamp)
        }
        records.append([])
        for table in report.tables {
            records.append([.words(human ? table.title : table.key)])
            records += human ? peopleRows(table) : machineRows(table)
            records.append([])
        }
        let text = lines(records, separator)
        return human ? "\u{FEFF}" + text : text
    }

    /// One table alone, as a program reads it without options: RFC 4180, the column keys as the
    /// header line, then the rows as `--csv-standard` writes them, and nothing else.
    static func table(_ table: Report.Table) -> String {
        lines(machineRows(table), ",")
    }

    // MARK: For programs

    private static func machineRows(_ table: Report.Table) -> [[Field]] {
        let shown = table.columns.indices.filter { table.columns[$0].audience.includes(machines: true) }
        return [words(shown.map { table.columns[$0].key })]
            + table.rows.map { row in shown.map { $0 < row.count ? machineField(row[$0]) : .value("") } }
    }

    private static func machineField(_ cell: Report.Cell) -> Field {
        let text = cell.machineText(empty: "", style: .plain)
        switch cell {
        case .text, .coded: return .words(text)
        default: return .value(text)
        }
    }

    private static func machineStamp(_ stamp: LedgerStamp) -> [[Field]] {
        [
            [.words("position"), .value(String(stamp.position))], [.words("hash"), .value(stamp.hash)],
            [.words("as_of"), .value(stamp.asOf ?? "")], [.words("at_position"), .value(stamp.atPosition.map(String.init) ?? "")],
            [.words("chain_verified"), .value(stamp.chainVerified ? "true" : "false")],
        ]
    }

    // MARK: For people

    private static func peopleRows(_ table: Report.Table) -> [[Field]] {
        let shown = table.columns.indices.filter { table.columns[$0].audience.includes(machines: false) }
        let headers = shown.map { column in
            let header = table.columns[column].header
            switch table.rows.lazy.compactMap({ column < $0.count ? $0[column] : nil }).first(where: { $0.unit != nil })?.unit {
            case let unit?: return "\(header) (\(unit))"
            case nil: return header
            }
        }
        return [words(headers)] + table.rows.map { row in shown.map { $0 < row.count ? peopleField(row[$0]) : .value("") } }
    }

    /// A cell as a person reads it in a spreadsheet: words for codes, euros and percentages as
    /// numbers with a decimal comma (their unit is in the column's header), days as 3.2.2026.
    private static func peopleField(_ cell: Report.Cell) -> Field {
        let style = NumberStyle.finnishSpreadsheet
        switch cell {
        case let .text(text): return .words(text)
        case let .coded(coded): return .words(coded.label)
        case let .cents(value): return .value(style.hundredths(value))
        case let .rate(rate): return .value(rate.percentHundredths.map { style.hundredths($0) } ?? "")
        case let .percent(hundredths): return .value(style.hundredths(hundredths))
        case let .period(period): return .value(style.date(period.from) + "–" + style.date(period.to))
        default: return .value(cell.text(empty: "", style: style))
        }
    }

    // MARK: Writing

    private static func words(_ texts: [String]) -> [Field] { texts.map(Field.words) }

    private static func lines(_ records: [[Field]], _ separator: Character) -> String {
        records.map { record in record.map { quoted($0, separator) }.joined(separator: String(separator)) + "\r\n" }.joined()
    }

    private static func quoted(_ field: Field, _ separator: Character) -> String {
        let text = switch field {
        case let .words(text): inert(text)
        case let .value(text): text
        }
        guard text.contains(where: { $0 == separator || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Words as a spreadsheet must not evaluate them: a leading apostrophe before a formula's
    /// first character.
    static func inert(_ words: String) -> String {
        guard let first = words.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return words }
        return "'" + words
    }
}

extension Report.Cell {
    /// The unit a person's CSV puts in the header of a column of such cells.
    var unit: String? {
        switch self {
        case .cents: "€"
        case .rate, .percent: "%"
        default: nil
        }
    }
}
