import EventStore

/// A report as JSON: `report`, `title`, `parameters`, one array of row objects per table under
/// `tables`, and `ledger` (position, hash, asOf, atPosition). Rates are numbers in percent with
/// two decimals (84.68), or null when there is nothing to divide by; money is integer cents; a
/// suppressed count is the string "<K". Members keep a fixed order and two-space indentation,
/// so the same report is the same bytes.
///
/// Written cell by cell straight into bytes, with no document tree in between: a county-wide
/// sessions report has some 800,000 cells.
enum JSONReportRenderer {
    static func render(_ report: Report, into output: inout ReportBytes) {
        output.append("{\n")
        member("report", indent: 2, into: &output)
        JSONWriter.writeString(report.kind, to: &output)
        output.append(",\n")
        member("title", indent: 2, into: &output)
        JSONWriter.writeString(report.title, to: &output)
        output.append(",\n")

        member("parameters", indent: 2, into: &output)
        let parameters = report.parameters(forMachines: true)
        writeObject(count: parameters.count, indent: 2, into: &output) { index, output in
            member(parameters[index].key, indent: 4, into: &output)
            write(parameters[index].value, into: &output)
        }
        output.append(",\n")

        member("tables", indent: 2, into: &output)
        writeObject(count: report.tables.count, indent: 2, into: &output) { index, output in
            member(report.tables[index].key, indent: 4, into: &output)
            writeRows(of: report.tables[index], into: &output)
        }
        output.append(",\n")

        member("ledger", indent: 2, into: &output)
        output.append("{\n")
        member("position", indent: 4, into: &output)
        output.append(decimal: Int(report.stamp.position))
        output.append(",\n")
        member("hash", indent: 4, into: &output)
        JSONWriter.writeString(report.stamp.hash, to: &output)
        output.append(",\n")
        member("asOf", indent: 4, into: &output)
        if let asOf = report.stamp.asOf { JSONWriter.writeString(asOf, to: &output) } else { output.append("null") }
        output.append(",\n")
        member("atPosition", indent: 4, into: &output)
        if let position = report.stamp.atPosition { output.append(decimal: Int(position)) } else { output.append("null") }
        output.append(",\n")
        member("chainVerified", indent: 4, into: &output)
        output.append(report.stamp.chainVerified ? "true" : "false")
        output.append("\n  }\n}\n")
    }

    /// A table's rows: an array with one object per row, one member per column.
    private static func writeRows(of table: Report.Table, into output: inout ReportBytes) {
        guard !table.rows.isEmpty else { return output.append("[]") }
        output.append("[\n")
        // What comes before each cell's value (the line break, indentation and `"key": `), made
        // once per table, all in one buffer: a county-wide report writes them 800,000 times, and
        // an array for each was retained and released each time.
        // Columns of words only (an indicator's name beside its code) are for people, not here.
        let shown = table.columns.indices.filter { table.columns[$0].audience.includes(machines: true) }
        var cellPrefixes: [UInt8] = []
        var prefixEnds: [Int] = []
        for (index, column) in shown.enumerated() {
            cellPrefixes.append(contentsOf: (index == 0 ? "{\n        " : ",\n        ").utf8)
            JSONWriter.writeString(table.columns[column].key, into: &cellPrefixes)
            cellPrefixes.append(contentsOf: ": ".utf8)
            prefixEnds.append(cellPrefixes.count)
        }
        cellPrefixes.withUnsafeBufferPointer { prefixes in
            let rows = table.rows
            for rowIndex in rows.indices {
                output.append(spaces: 6)
                let width = rows.width(of: rowIndex)
                let cells = width >= table.columns.count ? shown.count : shown.prefix { $0 < width }.count
                if cells == 0 { output.append("{}") }
                for index in 0..<cells {
                    let prefixStart = index == 0 ? 0 : prefixEnds[index - 1]
                    output.append(UnsafeBufferPointer(rebasing: prefixes[prefixStart..<prefixEnds[index]]))
                    write(rows.cell(rowIndex, shown[index]), into: &output)
                }
                if cells > 0 { output.append("\n      }") }
                output.append(rowIndex + 1 < table.rows.count ? ",\n" : "\n")
            }
        }
        output.append(spaces: 4)
        output.append("]")
    }

    /// `"key": ` at the given indentation.
    private static func member(_ key: String, indent: Int, into output: inout ReportBytes) {
        output.append(spaces: indent)
        JSONWriter.writeString(key, to: &output)
        output.append(": ")
    }

    /// `{`, the members one per line (each written by `writeMember`), `}` at `indent`; `{}` when empty.
    private static func writeObject(
        count: Int, indent: Int, into output: inout ReportBytes, _ writeMember: (Int, inout ReportBytes) -> Void
    ) {
        guard count > 0 else { return output.append("{}") }
        output.append("{\n")
        for index in 0..<count {
            writeMember(index, &output)
            output.append(index + 1 < count ? ",\n" : "\n")
        }
        output.append(spaces: indent)
        output.append("}")
    }

    private static func write(_ cell: Report.Cell, into output: inout ReportBytes) {
        // Every kind of string goes through one call of `append(jsonString:)`, which the
        // compiler then copies into this function rather than calling it for each string.
        let string: String
        switch cell {
        case let .text(text): string = text
        case let .date(day): string = day
        case let .coded(coded): string = coded.code
        case let .period(period): string = "\(period.from)..\(period.to)"
        case let .integer(value), let .cents(value): return output.append(decimal: value)
        case let .hundredths(value), let .percent(value): return writeFixed(value, into: &output)
        case let .rate(rate):
            if let hundredths = rate.percentHundredths { writeFixed(hundredths, into: &output) } else { output.append("null") }
            return
        case let .suppressed(threshold):
            output.append("\"<")
            output.append(decimal: threshold)
            return output.append("\"")
        case .withheld: string = "x"
        case .none: return output.append("null")
        }
        output.append(jsonString: string)
    }

    /// Hundredths as a number with two decimals (150 → 1.50, -5 → -0.05).
    private static func writeFixed(_ hundredths: Int, into output: inout ReportBytes) {
        if hundredths < 0 { output.append(UInt8(ascii: "-")) }
        let magnitude = Int(hundredths.magnitude)
        output.append(decimal: magnitude / 100)
        output.append(UInt8(ascii: "."))
        let fraction = magnitude % 100
        if fraction < 10 { output.append(UInt8(ascii: "0")) }
        output.append(decimal: fraction)
    }
}
