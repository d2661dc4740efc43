/// The forms a report is written in.
public enum ReportFormat: String, Sendable, CaseIterable {
    case table, md, csv, json

    public func render(_ report: Report) -> String {
        switch self {
        case .table: return TextTableRenderer.render(report)
        case .md: return MarkdownRenderer.render(report)
        case .csv: return CSVRenderer.render(report)
        case .json: return JSONReportRenderer.render(report)
        }
    }
}
