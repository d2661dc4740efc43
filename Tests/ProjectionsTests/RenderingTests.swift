import EventStore
import Projections
import Reports
import Testing

@Suite struct RenderingTests {
    let report = Report(
        kind: "test", title: "Test | report",
        parameters: [.init("activity", "Activity", "activity-x")],
        tables: [Report.Table(
            key: "rows", title: "Rows",
            columns: [.init("name", "Name"), .init("count", "Count", numeric: true), .init("rate", "Rate", numeric: true)],
            rows: [[.text(#"Kahvila "Kuppi", Forssa"#), .integer(3), .rate(Rate(1, of: 3))], [.text("x|y"), .integer(12), .none]])],
        stamp: LedgerStamp(position: 42, hash: String(repeating: "a", count: 64), asOf: "2026-06-30T23:59:59.999999Z"))

    @Test func csvQuotesFieldsThatNeedItAndEndsWithTheLedgerPoint() {
        let csv = ReportFormat.csv.render(report)
        let lines = csv.components(separatedBy: "\r\n")
        #expect(lines[0] == "rows")
        #expect(lines[1] == "name,count,rate")
        #expect(lines[2] == #""Kahvila ""Kuppi"", Forssa",3,33.33 %"#)
        #expect(lines[3] == "x|y,12,")
        #expect(lines.suffix(3) == ["position,hash,as_of,at_position", "42,\(String(repeating: "a", count: 64)),2026-06-30T23:59:59.999999Z,", ""])
    }

    @Test func markdownEscapesTableSyntax() {
        let markdown = ReportFormat.md.render(report)
        #expect(markdown.hasPrefix("# Test \\| report\n"))
        #expect(markdown.contains("| x\\|y | 12 | – |"))
        #expect(markdown.contains("| Name | Count | Rate |\n| --- | ---: | ---: |"))
        #expect(markdown.hasSuffix("as of 2026-06-30T23:59:59.999999Z._\n"))
    }

    @Test func jsonHasTypedValuesAndTheLedgerField() throws {
        let json = try JSONParser.parse(ReportFormat.json.render(report))
        #expect(json["report"] == "test")
        guard case let .array(rows)? = json["tables"]?["rows"] else { Issue.record("no rows"); return }
        #expect(rows[0]["count"] == .number("3"))
        #expect(rows[0]["rate"] == .number("33.33"))
        #expect(rows[1]["rate"] == .null)
        #expect(json["ledger"]?["position"] == .number("42"))
        #expect(json["ledger"]?["asOf"] == "2026-06-30T23:59:59.999999Z")
    }

    @Test func theTableAlignsNumbersRightAndShowsTheFooter() {
        let lines = ReportFormat.table.render(report).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.contains("Name                     Count     Rate"))
        #expect(lines.contains(#"Kahvila "Kuppi", Forssa      3  33.33 %"#))
        #expect(lines.contains("x|y                         12        –"))
        #expect(lines.last(where: { !$0.isEmpty })?.hasPrefix("Built from the ledger head at position 42, hash aaaa") == true)
    }
}
