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
enum CSVRenderer {
    static func render(_ report: Report, dialect: CSVDialect) -> String {
        let human = dialect == .finnishSpreadsheet
        let separator: Character = human ? ";" : ","
        let style: NumberStyle = human ? .finnishSpreadsheet : .plain
        var records: [[String]] = []
        records.append(human ? [report.title, report.kind] : ["report", report.kind])
        records.append(human ? (report.language == .fi ? ["Tieto", "Arvo"] : ["Item", "Value"]) : ["key", "value"])
        records.append(contentsOf: report.parameters(forMachines: true).map {
            [human ? $0.label : $0.key, $0.value.machineText(empty: "", style: style)]
        })
        let stamp = report.stamp
        records += [
            ["position", String(stamp.position)], ["hash", stamp.hash], ["as_of", stamp.asOf ?? ""],
            ["at_position", stamp.atPosition.map(String.init) ?? ""], ["chain_verified", stamp.chainVerified ? "true" : "false"],
        ]
        records.append([])
        for table in report.tables {
            let shown = table.columns.indices.filter { table.columns[$0].audience.includes(machines: true) }
            records.append([human ? table.title : table.key])
            records.append(shown.map { human ? table.columns[$0].header : table.columns[$0].key })
            records.append(contentsOf: table.rows.map { row in shown.map { $0 < row.count ? row[$0].machineText(empty: "", style: style) : "" } })
            records.append([])
        }
        let text = records.map { $0.map { field($0, separator) }.joined(separator: String(separator)) + "\r\n" }.joined()
        return human ? "\u{FEFF}" + text : text
    }

    private static func field(_ text: String, _ separator: Character) -> String {
        guard text.contains(where: { $0 == separator || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
