import EventStore
import Foundation
import GRDB
import Testing

/// `tuki report esr` through the binary, on the demo ledger.
@Suite struct ESRReportCLITests {
    static let arguments = ["report", "esr", "--project", "project-tukidemo-2026", "--period", "2026-01-01..2026-12-31", "--db", "tuki-demo.sqlite"]

    func demo() throws -> Workspace { try Workspace.withDemo() }

    func esr(_ ws: Workspace, _ extra: [String]) throws -> String {
        let result = try ws.tuki(Self.arguments + extra)
        #expect(result.status == 0, "\(extra): \(result.stderr)")
        return result.stdout
    }

    @Test func finnishByDefaultEnglishOnRequest() throws {
        let ws = try demo()
        let finnish = try esr(ws, ["--format", "md"])
        #expect(finnish.hasPrefix("# ESR+-seurantaraportti: Tuki-esimerkkihanke\n"))
        #expect(finnish.contains("| Henkilöstökustannukset | – | 72\u{00A0}105,00\u{00A0}€ | – | – |"))
        #expect(finnish.contains("- Raportointikausi: 1.1.2026–31.12.2026"))
        #expect(finnish.contains("Laskettu tapahtumalokin kohdasta \(try ws.head())"))
        let english = try esr(ws, ["--format", "md", "--lang", "en"])
        #expect(english.hasPrefix("# ESR+ progress report: Tuki-esimerkkihanke\n"))
        #expect(english.contains("| Staff costs | – | 72105.00 € | – | – |"))
        #expect(english.contains("- Reporting period: 2026-01-01–2026-12-31"))
        #expect(english.contains("| EECO01 | Total number of participants | 33 |"))
    }

    @Test func csvOpensInAFinnishSpreadsheetOrAsPlainRFC4180() throws {
        let ws = try demo()
        let finnish = try esr(ws, ["--format", "csv"])
        #expect(finnish.hasPrefix("\u{FEFF}"))
        let lines = finnish.dropFirst().components(separatedBy: "\r\n")
        // For people: the indicators' names beside their codes, euros with a decimal comma, the
        // parameters in words.
        #expect(lines.contains("Koodi;Indikaattori;Yhteensä;naiset;miehet;muunsukupuoliset;ei kertonut"))
        #expect(lines.contains("Henkilöstökustannukset;;72105,00;;"))
        #expect(lines.contains("Raportointikausi;1.1.2026–31.12.2026") && lines.contains("Kustannusmalli;40 % henkilöstökustannuksista"))
        #expect(!lines.contains { $0.contains("staff-costs") || $0.contains("flat-rate-40") })
        let standard = try esr(ws, ["--format", "csv", "--csv-standard"])
        #expect(!standard.hasPrefix("\u{FEFF}"))
        let standardLines = standard.components(separatedBy: "\r\n")
        #expect(standardLines.contains("code,total,woman,man,non_binary,not_told"))
        // The file says what it is of — the project, the period, the ledger point — before the tables.
        #expect(Array(standardLines.prefix(6)) == ["report,esr", "key,value", "project,project-tukidemo-2026", "projectCode,S30999",
                                                   "projectName,Tuki-esimerkkihanke", "funder,ESR+"])
        #expect(standardLines.contains("from,2026-01-01") && standardLines.contains("to,2026-12-31"))
        #expect(standardLines.contains("position,\(try ws.head())") && standardLines.contains("chain_verified,true"))
        #expect(standardLines.contains("staff-costs,,7210500,,") && standardLines.contains("flat-rate,,2884200,40.00,flat-rate-40"))
        #expect(standardLines.contains("EECO02-not-collected,0,0,0,0,0") || standardLines.contains { $0.hasPrefix("EECO02-not-collected,") })
    }

    @Test func jsonCarriesCentsAndTheLedgerPoint() throws {
        let ws = try demo()
        let json = try JSONParser.parse(try esr(ws, ["--format", "json", "--lang", "en"]))
        #expect(json["report"] == "esr")
        guard case let .array(costs)? = json["tables"]?["costs"] else { Issue.record("no costs"); return }
        #expect(costs.contains { $0["item"] == "staff-costs" && $0["cents"] == .number("7210500") && $0["hours"] == .null })
        #expect(costs.contains { $0["item"] == "flat-rate" && $0["cents"] == .number("2884200") && $0["percent"] == .number("40.00") })
        // Parameters are values: codes, days and numbers.
        #expect(json["parameters"]?["costModel"] == "flat-rate-40" && json["parameters"]?["selfFinancingPercent"] == .number("20.00"))
        #expect(json["parameters"]?["from"] == "2026-01-01" && json["parameters"]?["projectCode"] == "S30999")
        #expect(json["ledger"]?["position"] == .number(String(try ws.head())))
    }

    @Test func smallCellsAreHiddenWithTheTotalsThatWouldRevealThem() throws {
        let ws = try demo()
        let json = try JSONParser.parse(try esr(ws, ["--format", "json", "--lang", "en", "--suppress-below", "5"]))
        guard case let .array(rows)? = json["tables"]?["participants_period"] else { Issue.record("no participants"); return }
        let under18 = try #require(rows.first { $0["code"] == "EECO06" })
        // 2 children, both "not told": the cell and the total are hidden; zeros stay.
        #expect(under18["total"] == "<5" && under18["not_told"] == "<5" && under18["woman"] == .number("0"))
        let all = try #require(rows.first { $0["code"] == "EECO01" })
        #expect(all["non_binary"] == "<5")
        let legend = try esr(ws, ["--format", "md", "--lang", "en", "--suppress-below", "5"])
        #expect(legend.contains("x: a count hidden so that a smaller one cannot be worked out from it"))
        let exact = try JSONParser.parse(try esr(ws, ["--format", "json", "--lang", "en"]))
        guard case let .array(exactRows)? = exact["tables"]?["participants_period"] else { Issue.record("no participants"); return }
        #expect(exactRows.first { $0["code"] == "EECO01" }?["total"] == .number("33"))
        // Every shown count is the exact one; "<5" stands for 1–4 and "x" for 5 or more; no row
        // hides exactly one cell (its total or the rest would give it away), and no gender column
        // of the labour-market answers hides exactly one of them beside EECO01.
        let columns = ["total", "woman", "man", "non_binary", "not_told"]
        for (row, exactRow) in zip(rows, exactRows) {
            #expect(row["code"] == exactRow["code"])
            for column in columns {
                let value = exactRow[column]?.integerValue.map { Int($0) } ?? -1
                switch row[column] {
                case let .number(shown)?: #expect(shown == String(value) && !(1...4).contains(value), "\(row)")
                case .string("<5")?: #expect((1...4).contains(value), "\(row)")
                case .string("x")?: #expect(value >= 5, "\(row)")
                default: Issue.record("\(column) of \(row)")
                }
            }
            #expect(columns.filter { row[$0] == "<5" || row[$0] == "x" }.count != 1, "\(row)")
        }
        for column in columns {
            let labour = ["EECO01", "EECO02", "EECO02-not-collected", "EECO02-refused", "EECO04", "EECO05"].compactMap { code in
                rows.first { $0["code"] == .string(code) }?[column]
            }
            #expect(labour.filter { $0 == "<5" || $0 == "x" }.count != 1, "\(column): \(labour)")
        }
    }

    @Test func theHTMLPageIsSelfContainedAndRendersOnA4InHeadlessChromium() throws {
        let ws = try demo()
        let html = try esr(ws, ["--format", "html"])
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("<svg") && html.contains("@page { size: A4"))
        for external in ["<script", "<link", "src=", "url(", "https://"] { #expect(!html.contains(external), "\(external)") }
        try ws.write("esr.html", html)
        let png = try ws.renderInChromium("esr.html")
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]) && png.count > 20_000)
        let pdf = try ws.printInChromium("esr.html")
        // Every page is A4: 595 × 842 points.
        let boxes = pdf.components(separatedBy: "/MediaBox [").dropFirst().map { $0.prefix(while: { $0 != "]" }) }
        #expect(!boxes.isEmpty)
        #expect(boxes.allSatisfy { $0.hasPrefix("0 0 594.9") && $0.contains(" 841.9") })
    }

    /// Amounts over today's bounds, recorded before the bounds existed (written here past the
    /// rules, as an older Tuki accepted them): the report stops with a sentence, never a crash.
    @Test func amountsBeyondTheBoundsFromAnOlderLedgerStopTheReportWithASentence() throws {
        let ws = try demo()
        let store = try EventStore.open(at: ws.path("tuki-demo.sqlite"))
        for _ in 0..<2 {
            try store.append([try ProposedEvent(
                stream: "project-tukidemo-2026", type: "cost.incurred", occurredAt: "2026-03-01T00:00:00Z",
                data: #"{"project":"project-tukidemo-2026","date":"2026-03-01","category":"materials","amountCents":9223372036854775807}"#)])
        }
        try store.append([try ProposedEvent(
            stream: "project-tukidemo-2026", type: "staff.time-logged", occurredAt: "2026-03-01T00:00:00Z",
            data: #"{"staffMember":"staff-x","project":"project-tukidemo-2026","date":"2026-03-02","hours":7.5,"hourlyCostCents":9223372036854775807}"#)])
        #expect(try ws.tuki(["projections", "update", "--db", "tuki-demo.sqlite"]).status == 0)
        let report = try ws.tuki(Self.arguments + ["--format", "json"])
        #expect(report.status == 4, "\(report.stderr)")
        #expect(report.stderr.contains("beyond what the report can add up") && report.stderr.split(separator: "\n").count == 1)
        #expect(try ws.tuki(["report", "sessions", "--db", "tuki-demo.sqlite", "--format", "json"]).status == 0)
    }

    /// A report handed on checks the chain up to its head first: a copy with one fee changed
    /// (and not re-hashed) gets no report, whatever its read models say.
    @Test func aTamperedLedgerGetsNoReport() throws {
        let ws = try demo()
        let good = try JSONParser.parse(try esr(ws, ["--format", "json"]))
        #expect(good["ledger"]?["chainVerified"] == .bool(true))
        #expect(try esr(ws, ["--format", "md"]).contains("tiivisteketju on tarkistettu tähän kohtaan asti"))

        let position = try DatabaseQueue(path: ws.path("tuki-demo.sqlite")).write { db -> Int64 in
            try db.execute(sql: "DROP TRIGGER events_refuse_update")
            let position = try Int64.fetchOne(db, sql: "SELECT MIN(position) FROM events WHERE type = 'fee.paid'") ?? 0
            try db.execute(sql: "UPDATE events SET data = replace(data, '\"amountCents\":9000', '\"amountCents\":1000') WHERE position = ?",
                           arguments: [position])
            return position
        }
        let refused = try ws.tuki(Self.arguments + ["--format", "json"])
        #expect(refused.status == 1 && refused.stdout.isEmpty)
        #expect(refused.stderr.hasPrefix("The ledger's hash chain is broken at position \(position) "), "\(refused.stderr)")
        // Other reports check it when asked.
        let sessions = ["report", "sessions", "--db", "tuki-demo.sqlite", "--format", "json"]
        #expect(try ws.tuki(sessions).status == 0)
        #expect(try ws.tuki(sessions + ["--verify"]).status == 1)
    }

    /// What a funder expects of the printed page: every month of the period on the monthly axis,
    /// page numbers, when it was made, and the since-the-start tables only when they differ.
    @Test func theHTMLShowsEveryMonthPageNumbersAndOnlyTablesThatDiffer() throws {
        let ws = try demo()
        let html = try esr(ws, ["--format", "html"])
        for month in ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11", "2026-12"] {
            #expect(html.contains(">\(month)<"), "\(month) is on the axis")
        }
        #expect(html.contains("counter(page)") && html.contains("Laadittu "))
        // The demo project starts on 2026-01-01: a period from then on has nothing before it.
        func tables(_ period: String) throws -> [String] {
            let json = try JSONParser.parse(try ws.tuki(["report", "esr", "--project", "project-tukidemo-2026", "--period", period,
                                                         "--db", "tuki-demo.sqlite", "--format", "json"]).stdout)
            guard case let .object(members)? = json["tables"] else { return [] }
            return members.map(\.key)
        }
        #expect(!(try tables("2026-01-01..2026-06-30")).contains("participants_cumulative"))
        #expect(try tables("2026-07-01..2026-12-31").contains("participants_cumulative"))
    }

    @Test func badRequestsAreUsageErrors() throws {
        let ws = try demo()
        let cases: [([String], String)] = [
            (["report", "esr", "--project", "project-none", "--period", "2026-01-01..2026-06-30"], "There is no project project-none"),
            (["report", "esr", "--project", "project-tukidemo-2026", "--period", "2026-01-01"], "--period must be FROM..TO"),
            (["report", "esr", "--project", "project-tukidemo-2026", "--period", "2026-07-01..2026-06-30"], "must not end before it starts"),
            (["report", "esr", "--project", "project-tukidemo-2026", "--period", "2026-01-01..2026-06-30", "--csv-standard"], "--csv-standard goes with --format csv"),
            (["report", "esr", "--project", "project-tukidemo-2026", "--period", "2026-01-01..2026-06-30", "--suppress-below", "1"], "at least 2"),
        ]
        for (arguments, message) in cases {
            let result = try ws.tuki(arguments + ["--db", "tuki-demo.sqlite"])
            #expect(result.status == 2, "\(arguments): \(result.status)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
    }
}
