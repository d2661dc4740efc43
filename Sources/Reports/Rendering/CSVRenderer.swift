/// A report as RFC 4180 CSV (comma-separated, CRLF line ends, fields quoted when they must be).
/// Each table is a block: a line with its key, the header line, its rows, and an empty line; the
/// last block holds the ledger point, so a spreadsheet shows where the figures come from.
enum CSVRenderer {
    static func render(_ report: Report) -> String {
        var records: [[String]] = []
        for table in report.tables {
            records.append([table.key])
            records.append(table.columns.map(\.key))
            records.append(contentsOf: table.rows.map { $0.map { $0.text(empty: "") } })
            records.append([])
        }
        records.append(["ledger"])
        records.append(["position", "hash", "as_of", "at_position"])
        records.append([String(report.stamp.position), report.stamp.hash, report.stamp.asOf ?? "",
                        report.stamp.atPosition.map(String.init) ?? ""])
        return records.map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()
    }

    private static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
