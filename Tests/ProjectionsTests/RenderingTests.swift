import EventStore
import Projections
import Reports
import Testing
import Vocabulary

@Suite struct RenderingTests {
    let report = Report(
        kind: "test", title: "Test | report",
        parameters: [.init("activity", "Activity", "activity-x")],
        tables: [Report.Table(
            key: "rows", title: "Rows",
            columns: [.init("name", "Name"), .init("count", "Count", numeric: true), .init("rate", "Rate", numeric: true)],
            rows: [[.text(#"Kahvila "Kuppi", Forssa"#), .integer(3), .rate(Rate(1, of: 3))], [.text("x|y"), .integer(12), .none]])],
        stamp: LedgerStamp(position: 42, hash: String(repeating: "a", count: 64), asOf: "2026-06-30T23:59:59.999999Z"))

    @Test func csvBeginsWithWhatTheReportIsOfAndQuotesFieldsThatNeedIt() {
        let csv = ReportFormat.csv.render(report)
        let lines = csv.components(separatedBy: "\r\n")
        // First what the report is of: its kind, its parameters and the ledger point.
        #expect(Array(lines.prefix(9)) == [
            "report,test", "key,value", "activity,activity-x", "position,42", "hash,\(String(repeating: "a", count: 64))",
            "as_of,2026-06-30T23:59:59.999999Z", "at_position,", "chain_verified,false", "",
        ])
        #expect(lines[9] == "rows")
        #expect(lines[10] == "name,count,rate")
        // A rate is a number of percent, its unit in no cell.
        #expect(lines[11] == #""Kahvila ""Kuppi"", Forssa",3,33.33"#)
        #expect(lines[12] == "x|y,12,")
        #expect(lines.suffix(2) == ["", ""])
    }

    @Test func codesAndTypedNumbersForMachinesWordsForPeople() throws {
        let coded = Report(
            kind: "test", title: "T",
            parameters: [.init("period", "Period", .period(from: "2026-01-01", to: "2026-06-30"), for: .people),
                         .init("from", "From", .date("2026-01-01"), for: .machines),
                         .init("share", "Share", .hundredths(2000), for: .machines)],
            tables: [Report.Table(
                key: "rows", title: "Rows",
                columns: [.init("code", "Code"), .init("label", "Label", for: .people), .init("cents", "Euros", numeric: true)],
                rows: [[.coded(code: "camp", label: "leiri"), .text("Leiri"), .cents(123456)]])],
            stamp: LedgerStamp(position: 1, hash: String(repeating: "b", count: 64)), language: .fi)
        let csv = ReportFormat.csv.render(coded, csv: .rfc4180)
        #expect(csv.contains("from,2026-01-01\r\nshare,20.00\r\n") && !csv.contains("period"))
        #expect(csv.contains("rows\r\ncode,cents\r\ncamp,123456\r\n"))
        let spreadsheet = ReportFormat.csv.render(coded, csv: .finnishSpreadsheet)
        // The spreadsheet's form is for people: words, euros with a decimal comma, Finnish days.
        #expect(spreadsheet.contains("Code;Label;Euros (€)\r\nleiri;Leiri;1234,56\r\n"))
        #expect(spreadsheet.contains("Period;1.1.2026–30.6.2026\r\n") && !spreadsheet.contains("Share"))
        let json = try JSONParser.parse(ReportFormat.json.render(coded))
        #expect(json["parameters"]?["from"] == "2026-01-01" && json["parameters"]?["share"] == .number("20.00"))
        #expect(json["parameters"]?["period"] == nil)
        guard case let .array(rows)? = json["tables"]?["rows"] else { Issue.record("no rows"); return }
        #expect(rows[0]["code"] == "camp" && rows[0]["label"] == nil && rows[0]["cents"] == .number("123456"))
        let markdown = ReportFormat.md.render(coded)
        #expect(markdown.contains("- Period: 1.1.2026–30.6.2026") && !markdown.contains("From"))
        #expect(markdown.contains("| leiri | Leiri | 1\u{00A0}234,56\u{00A0}€ |"))
    }

    /// Words that a spreadsheet would take for a formula get a leading apostrophe in both CSV
    /// forms; numbers, amounts and days, negative ones too, stay as they are.
    @Test func csvCellsOfWordsNeverStartAFormula() {
        let risky = ["=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"]
        let report = Report(
            kind: "test", title: "=title",
            parameters: [.init("place", "=Paikka", .text("=cmd|' /C calc'!A0"))],
            tables: [Report.Table(
                key: "rows", title: "Rows",
                columns: [.init("name", "Name"), .init("count", "Count", numeric: true), .init("euros", "Euros", numeric: true)],
                rows: risky.map { [.text($0), .integer(-5), .cents(-1250)] } + [[.coded(code: "-x", label: "=y"), .integer(0), .cents(0)]])],
            stamp: LedgerStamp(position: 1, hash: String(repeating: "c", count: 64)), language: .fi)
        let standard = ReportFormat.csv.render(report, csv: .rfc4180)
        let spreadsheet = ReportFormat.csv.render(report, csv: .finnishSpreadsheet)
        for csv in [standard, spreadsheet] {
            let cells = csv.components(separatedBy: "\r\n").flatMap { $0.split(separator: csv == standard ? "," : ";", omittingEmptySubsequences: false) }
                .map { $0.hasPrefix("\"") ? String($0.dropFirst()) : String($0) }
            for cell in cells where !cell.isEmpty {
                let number = Double(cell.replacingOccurrences(of: ",", with: ".").replacingOccurrences(of: "\u{00A0}", with: "")) != nil
                #expect(number || !"=+-@\t\r".contains(cell.first ?? " "), "\(cell) could start a formula")
            }
        }
        #expect(standard.contains("'=HYPERLINK") && standard.contains("'-2+3") && standard.contains("'@SUM(A1)"))
        #expect(standard.contains(",-5,-1250\r\n"), "negative numbers stay numbers")
        #expect(spreadsheet.contains(";-5;"))
        #expect(spreadsheet.contains("'=Paikka;'=cmd|' /C calc'!A0"))
    }

    @Test func markdownEscapesTableSyntax() {
        let markdown = ReportFormat.md.render(report)
        #expect(markdown.hasPrefix("# Test \\| report\n"))
        #expect(markdown.contains("| x\\|y | 12 | – |"))
        #expect(markdown.contains("| Name | Count | Rate |\n| --- | ---: | ---: |"))
        #expect(markdown.hasSuffix("as of 2026-06-30T23:59:59.999999Z._\n"))
    }

    /// A table of many columns is set in smaller type in HTML, so that it stays within the A4
    /// page; lines to sign appear in HTML only.
    @Test func htmlFitsWideTablesAndDrawsLinesToSign() {
        let columns = (1...12).map { Report.Column("c\($0)", "Column \($0)", numeric: true) }
        var wide = Report(kind: "test", title: "Wide", parameters: [],
                          tables: [Report.Table(key: "wide", title: "Wide", columns: columns, rows: [(1...12).map { .integer($0) }]),
                                   Report.Table(key: "narrow", title: "Narrow", columns: Array(columns.prefix(3)), rows: [[.integer(1), .integer(2), .integer(3)]])],
                          stamp: report.stamp)
        wide.signatures = ["Signature"]
        let html = ReportFormat.html.render(wide)
        #expect(html.components(separatedBy: "<table class=\"wide\">").count == 2)
        #expect(html.contains("<table>\n<thead><tr><th class=\"n\">Column 1</th><th class=\"n\">Column 2</th><th class=\"n\">Column 3</th></tr>"))
        #expect(html.contains("<div class=\"signature\">Signature, date</div>"))
        let markdown = ReportFormat.md.render(wide)
        #expect(!markdown.contains("Signature"))
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

    /// The exact bytes, written out here by hand: two-space indentation, `{}` and `[]` when
    /// empty, each kind of cell, escapes, negative fixed-point numbers.
    @Test func jsonBytesAreExactlyTheDocumentedForm() {
        let cells = Report(
            kind: "cells", title: "Tab\there \"quoted\" \\ \u{1} – ä", parameters: [],
            tables: [
                Report.Table(key: "empty", title: "Empty", columns: [.init("a", "A")], rows: []),
                Report.Table(
                    key: "all", title: "All",
                    columns: [.init("text", "T"), .init("integer", "I"), .init("hours", "H"), .init("rate", "R"), .init("money", "M"),
                              .init("hidden", "S"), .init("none", "N")],
                    rows: [[.text("line\nbreak"), .integer(-1_234_567), .hundredths(-5), .rate(Rate(503, of: 594)), .cents(123_456),
                            .suppressed(below: 5), .none]]),
            ],
            stamp: LedgerStamp(position: 7, hash: "ab", atPosition: 5))
        #expect(ReportFormat.json.render(cells) == #"""
            {
              "report": "cells",
              "title": "Tab\there \"quoted\" \\ \u0001 – ä",
              "parameters": {},
              "tables": {
                "empty": [],
                "all": [
                  {
                    "text": "line\nbreak",
                    "integer": -1234567,
                    "hours": -0.05,
                    "rate": 84.68,
                    "money": 123456,
                    "hidden": "<5",
                    "none": null
                  }
                ]
              },
              "ledger": {
                "position": 7,
                "hash": "ab",
                "asOf": null,
                "atPosition": 5,
                "chainVerified": false
              }
            }

            """#)
    }

    /// A row held with fewer cells than the table has columns shows the cells it has; an empty
    /// one is `{}`. Each row's width is its own.
    @Test func shortRowsShowTheCellsTheyHave() {
        let short = Report(
            kind: "short", title: "Short", parameters: [],
            tables: [Report.Table(key: "rows", title: "Rows", columns: [.init("a", "A"), .init("b", "B")],
                                  rows: [[.integer(1), .integer(2)], [.integer(3)], []])],
            stamp: LedgerStamp(position: 1, hash: "ab"))
        #expect(short.tables[0].rows.map(\.count) == [2, 1, 0])
        #expect(ReportFormat.json.render(short).contains("""
                  {
                    "a": 1,
                    "b": 2
                  },
                  {
                    "a": 3
                  },
                  {}
            """))
    }

    /// A report too big for one piece reaches the output in pieces of at most 64 KiB, which
    /// together are the whole rendering.
    @Test func largeJSONReportsGoOutInPieces() throws {
        // Strings fall across the pieces' edges; one is half a piece long, one needs escapes.
        let long = String(repeating: "pitkä ", count: 5_000)
        func name(_ row: Int) -> String { row == 2_500 ? long : row == 2_501 ? "\"quoted\" \\ \(row)" : "activity-\(row)" }
        let rows: [[Report.Cell]] = (0..<5_000).map { [.text(name($0)), .integer($0), .rate(Rate($0, of: 5_000))] }
        let large = Report(kind: "large", title: "Large", parameters: [],
                           tables: [Report.Table(key: "rows", title: "Rows", columns: report.tables[0].columns, rows: rows)],
                           stamp: report.stamp)
        var pieces: [[UInt8]] = []
        var output = ReportBytes { pieces.append(Array($0)) }
        ReportFormat.json.write(large, into: &output)
        output.finish()
        #expect(pieces.count > 3)
        #expect(pieces.allSatisfy { !$0.isEmpty && $0.count <= 1 << 16 })
        let whole = String(decoding: pieces.joined(), as: UTF8.self)
        #expect(whole == ReportFormat.json.render(large))
        guard case let .array(parsed)? = try JSONParser.parse(whole)["tables"]?["rows"] else { Issue.record("no rows"); return }
        #expect(parsed.count == 5_000)
        #expect(parsed.indices.allSatisfy { parsed[$0]["name"] == .string(name($0)) })
        #expect(parsed[4_999]["rate"] == .number("99.98"))
    }

    /// Rows made cell by cell as the renderer reaches them render exactly as the same rows held
    /// as cells, in every format.
    @Test func rowsMadeOnDemandRenderAsHeldRows() {
        let held = report.tables[0]
        let cells = held.rows.map { Array($0) }
        #expect(cells.count == 2 && cells.allSatisfy { $0.count == held.columns.count })
        let made = Report(
            kind: report.kind, title: report.title, parameters: report.parameters,
            tables: [Report.Table(key: held.key, title: held.title, columns: held.columns,
                                  rows: Report.Rows(count: cells.count, columns: held.columns.count) { cells[$0][$1] })],
            stamp: report.stamp)
        for format in ReportFormat.allCases {
            #expect(format.render(made) == format.render(report), "\(format)")
        }
        #expect(made.tables[0].rows.count == 2 && made.tables[0].rows[1][1] == .integer(12))
    }

    @Test func theTableAlignsNumbersRightAndShowsTheFooter() {
        let lines = ReportFormat.table.render(report).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.contains("Name                     Count     Rate"))
        #expect(lines.contains(#"Kahvila "Kuppi", Forssa      3  33.33 %"#))
        #expect(lines.contains("x|y                         12        –"))
        #expect(lines.last(where: { !$0.isEmpty })?.hasPrefix("Built from the ledger head at position 42, hash aaaa") == true)
    }
}
