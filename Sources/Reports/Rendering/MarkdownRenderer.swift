/// A report as GitHub-flavoured Markdown: a heading per table, pipe tables, the footer last.
enum MarkdownRenderer {
    static func render(_ report: Report) -> String {
        var lines = ["# \(escape(report.title))", ""]
        let style = NumberStyle.for(report.language)
        let parameters = report.parameters(forMachines: false)
        if !parameters.isEmpty {
            lines.append(contentsOf: parameters.map { "- \($0.label): \(escape($0.value.text(empty: "–", style: style)))" })
            lines.append("")
        }
        for table in report.tables {
            lines.append("## \(escape(table.title))")
            lines.append("")
            lines.append("| " + table.columns.map { escape($0.header) }.joined(separator: " | ") + " |")
            lines.append("|" + table.columns.map { $0.isNumeric ? " ---: |" : " --- |" }.joined())
            for row in table.rows {
                lines.append("| " + row.map { escape($0.text(empty: "–", style: style)) }.joined(separator: " | ") + " |")
            }
            if table.rows.isEmpty { lines.append("| " + table.columns.map { _ in "" }.joined(separator: " | ") + " |") }
            lines.append("")
        }
        lines.append("_\(report.footer)_")
        return lines.joined(separator: "\n") + "\n"
    }

    private static let special = Set("|\\*_`[]<>#\n".utf8)

    /// Markdown and table syntax in a name must stay text.
    private static func escape(_ text: String) -> String {
        // Most cells are plain: looking at bytes first spares building a new string.
        guard text.utf8.contains(where: special.contains) else { return text }
        var escaped = ""
        for character in text {
            if "|\\*_`[]<>#".contains(character) { escaped.append("\\") }
            escaped.append(character == "\n" ? " " : character)
        }
        return escaped
    }
}
