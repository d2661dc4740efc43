import EventStore

/// A report as JSON: `report`, `title`, `parameters`, one array of row objects per table under
/// `tables`, and `ledger` (position, hash, asOf, atPosition). Rates are numbers in percent with
/// two decimals (84.68), or null when there is nothing to divide by; money is integer cents; a
/// suppressed count is the string "<K". Members keep a fixed order,
/// so the same report is the same bytes.
enum JSONReportRenderer {
    static func render(_ report: Report) -> String {
        let tables: [(key: String, value: JSONValue)] = report.tables.map { table in
            (table.key, .array(table.rows.map { row in
                .object(zip(table.columns, row).map { column, cell in (column.key, value(cell)) })
            }))
        }
        let document: JSONValue = .object([
            ("report", .string(report.kind)),
            ("title", .string(report.title)),
            ("parameters", .object(report.parameters.map { ($0.key, .string($0.value)) })),
            ("tables", .object(tables)),
            ("ledger", .object([
                ("position", .number(String(report.stamp.position))),
                ("hash", .string(report.stamp.hash)),
                ("asOf", report.stamp.asOf.map(JSONValue.string) ?? .null),
                ("atPosition", report.stamp.atPosition.map { .number(String($0)) } ?? .null),
            ])),
        ])
        var output: [UInt8] = []
        write(document, indent: 0, into: &output)
        output.append(0x0A)
        return String(decoding: output, as: UTF8.self)
    }

    private static func value(_ cell: Report.Cell) -> JSONValue {
        switch cell {
        case let .text(text): return .string(text)
        case let .integer(value): return .number(String(value))
        case let .hundredths(value): return .number(Report.Cell.fixed(value))
        case let .rate(rate): return rate.percentText.map(JSONValue.number) ?? .null
        case let .cents(value): return .number(String(value))
        case let .suppressed(threshold): return .string("<\(threshold)")
        case .none: return .null
        }
    }

    /// Two-space indentation; empty arrays and objects on one line. (Called for every cell: it
    /// allocates nothing for a scalar.)
    private static func write(_ value: JSONValue, indent: Int, into output: inout [UInt8]) {
        switch value {
        case let .array(items) where !items.isEmpty:
            output.append(contentsOf: "[\n".utf8)
            for (index, item) in items.enumerated() {
                output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent + 2))
                write(item, indent: indent + 2, into: &output)
                output.append(contentsOf: (index + 1 < items.count ? ",\n" : "\n").utf8)
            }
            output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent))
            output.append(UInt8(ascii: "]"))
        case let .object(members) where !members.isEmpty:
            output.append(contentsOf: "{\n".utf8)
            for (index, member) in members.enumerated() {
                output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent + 2))
                JSONWriter.writeString(member.key, into: &output)
                output.append(contentsOf: ": ".utf8)
                write(member.value, indent: indent + 2, into: &output)
                output.append(contentsOf: (index + 1 < members.count ? ",\n" : "\n").utf8)
            }
            output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent))
            output.append(UInt8(ascii: "}"))
        default:
            JSONWriter.write(value, into: &output)
        }
    }
}
