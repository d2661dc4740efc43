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

extension Report {
    /// One table alone as a flat CSV for programs (pandas' `read_csv`, R's `read.csv`, without
    /// options): the table's column keys, then its rows as `--csv-standard` writes them. Nil if the
    /// report has no table of that key.
    public func csvTable(_ key: String) -> String? {
        tables.first { $0.key == key }.map(CSVRenderer.table)
    }

    /// A file name that says what the report is: its kind, then what it is of — the project's code
    /// (else its id), the activity, evaluation or survey, the year, the period's days
    /// (`esr-S30999-2026-01-01-2026-06-30`). Just the kind when it is of everything.
    public var fileName: String {
        let wanted = ["projectCode", "project", "activity", "evaluation", "survey", "year", "from", "to"]
        let given = Dictionary(parameters(forMachines: true).map { ($0.key, $0.value.machineText(empty: "", style: .plain)) },
                               uniquingKeysWith: { first, _ in first })
        var parts = [kind]
        for key in wanted {
            if key == "project", given["projectCode"] != nil { continue }
            guard let value = given[key], !value.isEmpty else { continue }
            parts.append(String(value.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "-") }))
        }
        return parts.joined(separator: "-")
    }
}

