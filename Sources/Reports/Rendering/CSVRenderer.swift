/// How a CSV is written.
public enum CSVDialect: Sendable {
    /// RFC 4180: commas, CRLF, quotes where needed, decimal points, column keys as headers.
    case rfc4180
    /// What a Finnish spreadsheet opens as it is: UTF-8 with a byte-order mark, semicolons,
    /// decimal commas, the report's own headers.
    case finnishSpreadsheet
}

/// A report as CSV, for filing and for analysis. The first block says what the report is of: its
/// kind, its parameters as codes and values (the project, the period, …), and the ledger point
/// (position, hash, as-of, whether the chain was verified). Then each table is a block: a line
/// with its name, the header line, its rows, and an empty line. Cells carry codes rather than
/// labels, money as integer cents, rates as numbers of percent, without units; columns of words
/// only (an indicator's name beside its code) are left out.
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
        let style: NumberStyle = human ? .finnishSpreadsheet : .plain
        func words(_ texts: [String]) -> [Field] { texts.map(Field.words) }
        func field(_ cell: Report.Cell) -> Field {
            let text = cell.machineText(empty: "", style: style)
            switch cell {
            case .text, .coded: return .words(text)
            default: return .value(text)
            }
        }
        var records: [[Field]] = []
        records.append(words(human ? [report.title, report.kind] : ["report", report.kind]))
        records.append(words(human ? (report.language == .fi ? ["Tieto", "Arvo"] : ["Item", "Value"]) : ["key", "value"]))
        records.append(contentsOf: report.parameters(forMachines: true).map { [.words(human ? $0.label : $0.key), field($0.value)] })
        let stamp = report.stamp
        records += [
            [.words("position"), .value(String(stamp.position))], [.words("hash"), .value(stamp.hash)],
            [.words("as_of"), .value(stamp.asOf ?? "")], [.words("at_position"), .value(stamp.atPosition.map(String.init) ?? "")],
            [.words("chain_verified"), .value(stamp.chainVerified ? "true" : "false")],
        ]
        records.append([])
        for table in report.tables {
            let shown = table.columns.indices.filter { table.columns[$0].audience.includes(machines: true) }
            records.append([.words(human ? table.title : table.key)])
            records.append(words(shown.map { human ? table.columns[$0].header : table.columns[$0].key }))
            records.append(contentsOf: table.rows.map { row in shown.map { $0 < row.count ? field(row[$0]) : .value("") } })
            records.append([])
        }
        let text = records.map { record in
            record.map { quoted($0, separator) }.joined(separator: String(separator)) + "\r\n"
        }.joined()
        return human ? "\u{FEFF}" + text : text
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
