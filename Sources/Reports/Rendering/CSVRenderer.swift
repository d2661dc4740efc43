/// How a CSV is written.
public enum CSVDialect: Sendable {
    /// RFC 4180: commas, CRLF, quotes where needed, decimal points, column keys as headers.
    case rfc4180
    /// What a Finnish spreadsheet opens as it is: UTF-8 with a byte-order mark, semicolons,
    /// decimal commas, the report's own headers.
    case finnishSpreadsheet
}

/// A report as CSV. The first block says what the report is of (its parameters: the project, the
/// period, the activity…); each table is a block: a line with its name, the header line, its rows,
/// and an empty line; the last block holds the ledger point, so a spreadsheet shows where the
/// figures come from.
enum CSVRenderer {
    static func render(_ report: Report, dialect: CSVDialect) -> String {
        let human = dialect == .finnishSpreadsheet
        let separator: Character = human ? ";" : ","
        let style: NumberStyle = human ? .finnishSpreadsheet : .plain
        var records: [[String]] = []
        records.append([human ? report.title : "report", human ? "" : report.kind].filter { !$0.isEmpty })
        records.append(human ? ["", ""] : ["key", "value"])
        records.append(contentsOf: report.parameters.map { [human ? $0.label : $0.key, $0.value] })
        records.append([])
        for table in report.tables {
            records.append([human ? table.title : table.key])
            records.append(table.columns.map { human ? $0.header : $0.key })
            records.append(contentsOf: table.rows.map { $0.map { $0.text(empty: "", style: style) } })
            records.append([])
        }
        records.append(["ledger"])
        records.append(["position", "hash", "as_of", "at_position", "chain_verified"])
        records.append([String(report.stamp.position), report.stamp.hash, report.stamp.asOf ?? "",
                        report.stamp.atPosition.map(String.init) ?? "", report.stamp.chainVerified ? "true" : "false"])
        let text = records.map { $0.map { field($0, separator) }.joined(separator: String(separator)) + "\r\n" }.joined()
        return human ? "\u{FEFF}" + text : text
    }

    private static func field(_ text: String, _ separator: Character) -> String {
        guard text.contains(where: { $0 == separator || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
