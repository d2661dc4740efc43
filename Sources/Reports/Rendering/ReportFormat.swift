/// The forms a report is written in.
public enum ReportFormat: String, Sendable, CaseIterable {
    case table, md, csv, json, html

    public func render(_ report: Report, csv dialect: CSVDialect = .rfc4180) -> String {
        ReportBytes.collect { write(report, csv: dialect, into: &$0) }
    }

    /// JSON goes out row by row (it is the form for whole-county data); the forms people read are
    /// laid out whole first, since a table's column widths depend on every row.
    public func write(_ report: Report, csv dialect: CSVDialect = .rfc4180, into output: inout ReportBytes) {
        switch self {
        case .table: output.append(text: TextTableRenderer.render(report))
        case .md: output.append(text: MarkdownRenderer.render(report))
        case .csv: output.append(text: CSVRenderer.render(report, dialect: dialect))
        case .json: JSONReportRenderer.render(report, into: &output)
        case .html: output.append(text: HTMLRenderer.render(report))
        }
    }
}
