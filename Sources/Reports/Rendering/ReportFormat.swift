/// The forms a report is written in.
public enum ReportFormat: String, Sendable, CaseIterable {
    case table, md, csv, json, html

    public func render(_ report: Report, csv dialect: CSVDialect = .rfc4180) -> String {
        switch self {
        case .table: return TextTableRenderer.render(report)
        case .md: return MarkdownRenderer.render(report)
        case .csv: return CSVRenderer.render(report, dialect: dialect)
        case .json: return JSONReportRenderer.render(report)
        case .html: return HTMLRenderer.render(report)
        }
    }
}
