/// A report for a terminal: aligned columns, numbers to the right.
enum TextTableRenderer {
    static func render(_ report: Report) -> String {
        var lines = [report.title, String(repeating: "=", count: report.title.count)]
        for parameter in report.parameters(forMachines: false) {
            lines.append("\(parameter.label): \(parameter.value.text(empty: "–", style: NumberStyle.for(report.language)))")
        }
        for table in report.tables {
            lines.append("")
            lines.append(table.title)
            let style = NumberStyle.for(report.language)
            let cells = table.rows.map { $0.map { $0.text(empty: "–", style: style) } }
            let widths = table.columns.indices.map { column in
                ([table.columns[column].header] + cells.map { $0[column] }).map(width).max() ?? 0
            }
            func line(_ texts: [String]) -> String {
                zip(texts, table.columns.indices).map { text, column in
                    pad(text, widths[column], right: table.columns[column].isNumeric)
                }.joined(separator: "  ").trailingSpacesRemoved
            }
            lines.append(line(table.columns.map(\.header)))
            lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
            if cells.isEmpty { lines.append("(none)") }
            lines.append(contentsOf: cells.map(line))
        }
        lines.append("")
        lines.append(report.footer)
        return lines.joined(separator: "\n") + "\n"
    }

    /// Characters on screen: counting bytes when they are all ASCII (grapheme counting is slow).
    private static func width(_ text: String) -> Int {
        text.utf8.allSatisfy { $0 < 0x80 } ? text.utf8.count : text.count
    }

    private static func pad(_ text: String, _ columns: Int, right: Bool) -> String {
        let fill = String(repeating: " ", count: max(0, columns - width(text)))
        return right ? fill + text : text + fill
    }
}

extension String {
    var trailingSpacesRemoved: String {
        var text = Substring(self)
        while text.last == " " { text = text.dropLast() }
        return String(text)
    }
}
