import EventStore
import Foundation
import Testing

/// The JSON and CSV of every report, read as a program that files or analyses them would: the
/// JSON against its schema in Schemas/reports/, the CSV through Python's csv module.
@Suite struct MachineReadableReportsCLITests {
    static let db = ["--db", "tuki-demo.sqlite"]
    static let project = "project-tukidemo-2026"
    static let tahka = "activity-tahka-forssa-2026"

    /// Every report kind, with the options that change its shape (names, suppression, the
    /// since-the-start tables, a filter).
    static let reports: [[String]] = [
        ["report", "esr", "--project", project, "--period", "2026-01-01..2026-06-30"],
        ["report", "esr", "--project", project, "--period", "2026-07-01..2026-12-31", "--suppress-below", "5", "--lang", "en"],
        ["report", "sessions"],
        ["report", "sessions", "--activity", tahka, "--from", "2026-02-01", "--to", "2026-03-01"],
        ["report", "commitment", "--activity", "activity-kokemuskumppani-team-1"],
        ["report", "bikva", "--evaluation", "tukidemo-2026"], ["report", "bikva", "--evaluation", "tukidemo-2026", "--suppress-below", "5"],
        ["report", "fit", "--activity", tahka], ["report", "fit", "--activity", tahka, "--participant", "p-7k2m", "--lang", "en"],
        ["report", "fit", "--activity", tahka, "--suppress-below", "5"],
        ["report", "feedback", "--project", project], ["report", "feedback", "--activity", tahka, "--from", "2026-01-01", "--suppress-below", "3"],
        ["report", "experts", "--year", "2026"], ["report", "experts", "--project", project, "--year", "2026", "--lang", "en"],
        ["report", "fees", "--year", "2027", "--on", "2027-12-31"],
        ["report", "fees", "--year", "2026", "--on", "2026-12-01", "--payroll", "--purpose", "schema test"],
        ["report", "staff-time", "--project", project, "--period", "2026-01-01..2026-03-31"],
        ["report", "staff-time", "--project", project, "--period", "2026-02-01..2026-02-28", "--timesheet", "staff-facilitator"],
        ["report", "stea", "--project", project, "--year", "2026"], ["report", "stea", "--project", project, "--year", "2026", "--suppress-below", "10"],
        ["report", "survey", "--survey", "staff-2026"], ["report", "survey", "--survey", "staff-2026", "--group", "management", "--suppress-below", "3"],
        ["list", "projects", "--open"], ["list", "activities", "--project", project], ["list", "sessions", "--activity", tahka],
        ["list", "engagements"], ["list", "participants", "--names", "--purpose", "schema test"],
        ["list", "experts", "--names", "--payroll", "--purpose", "schema test"],
        ["roster", tahka, "--session", "s1", "--purpose", "schema test"],
    ]

    static func python(_ ws: Workspace, _ arguments: [String]) throws -> Workspace.Result {
        try ws.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3"] + arguments)
    }

    @Test func everyReportsJSONIsValidAgainstItsSchema() throws {
        let ws = try Workspace.withDemo()
        var files: [String] = []
        var kinds: Set<String> = []
        for (index, arguments) in Self.reports.enumerated() {
            let result = try ws.tuki(arguments + Self.db + ["--format", "json"])
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            let file = "report-\(index).json"
            try ws.write(file, result.stdout)
            files.append(ws.path(file))
            if let kind = try JSONParser.parse(result.stdout)["report"]?.stringValue { kinds.insert(kind) }
        }
        let schemas = Repository.root.appendingPathComponent("Schemas")
        let verdict = try Self.python(ws, [Repository.root.appendingPathComponent("Tools/schema-check/validate-report.py").path,
                                           "--schemas", schemas.path] + files)
        #expect(verdict.status == 0, "\(verdict.stdout)\(verdict.stderr)")
        #expect(verdict.stdout.split(separator: "\n").count == files.count)
        // Every schema is of a report made here, and every report made has one.
        let documented = try FileManager.default.contentsOfDirectory(atPath: schemas.appendingPathComponent("reports").path)
            .filter { $0 != "report.schema.json" }.map { String($0.dropLast(".schema.json".count)) }
        #expect(Set(documented) == kinds)

        // And the validator is not lenient: a cost in euros as text is refused.
        let esr = try String(contentsOf: URL(fileURLWithPath: files[0]), encoding: .utf8)
        try ws.write("altered.json", esr.replacingOccurrences(of: #""cents": 3933000"#, with: #""cents": "39330,00""#))
        #expect(esr.contains(#""cents": 3933000"#))
        let altered = try Self.python(ws, [Repository.root.appendingPathComponent("Tools/schema-check/validate-report.py").path,
                                           "--schemas", schemas.path, ws.path("altered.json")])
        #expect(altered.status == 1 && altered.stdout.contains("tables/costs/1/cents"))
    }

    /// Reads a report's standard CSV with Python's csv module, block by block, and adds its numbers
    /// up (the keys are read from the file given third).
    static let summing = #"""
        import csv, json, sys
        path, delimiter, keys_path = sys.argv[1], sys.argv[2], sys.argv[3]
        number = lambda text: float(text.replace(",", ".")) if text not in ("", "x") and not text.startswith("<") else None
        def blocks_of(path, delimiter):
            with open(path, newline="", encoding="utf-8-sig") as f:
                rows = list(csv.reader(f, delimiter=delimiter))
            blocks, block = [], []
            for row in rows:
                if row: block.append(row)
                elif block: blocks.append(block); block = []
            if block: blocks.append(block)
            return blocks
        blocks, keys = blocks_of(path, delimiter), blocks_of(keys_path, ",")
        assert len(blocks) == len(keys)
        header = {k[0]: r[1] for k, r in zip(keys[0][2:], blocks[0][2:])}
        tables = {k[0][0]: [dict(zip(k[1], r)) for r in b[2:]] for k, b in zip(keys[1:], blocks[1:])}
        out = {"header": header}
        if "activity" in tables:
            parts = [r for r in tables["activity"] if r["kind"] != "total"]
            out["sessions_held"] = sum(int(r["sessions_held"]) for r in parts)
            out["hours"] = round(sum(number(r["hours"]) for r in parts), 2)
            costs = {r["item"]: r for r in tables["costs"]}
            out["cost_parts"] = int(costs["staff-costs"]["cents"]) + int(costs["flat-rate"]["cents"])
            out["funding"] = int(costs["self-financing"]["cents"]) + int(costs["public-funding"]["cents"])
            eeco01 = next(r for r in tables["participants_period"] if r["code"] == "EECO01")
            out["genders"] = sum(int(eeco01[g]) for g in ("woman", "man", "non_binary", "not_told"))
        if "sessions" in tables:
            held = [r for r in tables["sessions"] if r["status"] == "held"]
            out["present"] = sum(int(r["present"]) for r in held)
            out["held"] = len(held)
        print(json.dumps(out))
        """#

    /// Reads a report's Finnish CSV (for people) and its JSON with Python: every table's euros, in
    /// the columns whose header says €, equal the JSON's cents in that table's `…cents` columns,
    /// row by row, divided by 100. Prints how many amounts it compared.
    static let euros = #"""
        import csv, json, sys
        csv_path, json_path = sys.argv[1], sys.argv[2]
        with open(csv_path, newline="", encoding="utf-8-sig") as f:
            rows = list(csv.reader(f, delimiter=";"))
        blocks, block = [], []
        for row in rows:
            if row: block.append(row)
            elif block: blocks.append(block); block = []
        if block: blocks.append(block)
        report = json.load(open(json_path))
        tables = list(report["tables"].items())
        assert len(blocks) == len(tables) + 1, (len(blocks), len(tables))
        compared = 0
        for (key, json_rows), block in zip(tables, blocks[1:]):
            header, csv_rows = block[1], block[2:]
            assert len(csv_rows) == len(json_rows), key
            euro_columns = [i for i, h in enumerate(header) if h.endswith("(€)")]
            cents_keys = [k for k in (json_rows[0].keys() if json_rows else []) if k == "cents" or k.endswith("_cents")]
            assert len(euro_columns) == len(cents_keys) or not json_rows, (key, header, cents_keys)
            for csv_row, json_row in zip(csv_rows, json_rows):
                for column, cents_key in zip(euro_columns, cents_keys):
                    cell, cents = csv_row[column], json_row[cents_key]
                    if cents is None:
                        assert cell == "", (key, cell)
                        continue
                    assert "," in cell and "." not in cell, (key, cell)
                    assert round(float(cell.replace(",", ".")) * 100) == cents, (key, cell, cents)
                    compared += 1
        print(compared)
        """#

    /// The Finnish CSV is for people: the ESR+, fees and staff-time reports' amounts are euros with
    /// a decimal comma that Python's csv module reads back as the JSON's cents / 100.
    @Test func theFinnishCSVsEurosAreTheJSONsCentsOverAHundred() throws {
        let ws = try Workspace.withDemo()
        for report in [["report", "esr", "--project", Self.project, "--period", "2026-01-01..2026-12-31"],
                       ["report", "fees", "--year", "2026", "--on", "2026-12-01"],
                       ["report", "staff-time", "--project", Self.project, "--period", "2026-01-01..2026-06-30"]] {
            try ws.write("report.csv", try ws.tuki(report + Self.db + ["--format", "csv"]).stdout)
            try ws.write("report.json", try ws.tuki(report + Self.db + ["--format", "json"]).stdout)
            let result = try Self.python(ws, ["-c", Self.euros, ws.path("report.csv"), ws.path("report.json")])
            #expect(result.status == 0, "\(report[1]): \(result.stderr)")
            #expect((Int(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0) > 0, "\(report[1]) has amounts")
            let csv = try String(contentsOfFile: ws.path("report.csv"), encoding: .utf8)
            #expect(!csv.contains("position;") && csv.contains("Tapahtumalokin kohta;"), "\(report[1]): the ledger point in words")
        }
        let esr = try String(contentsOfFile: ws.path("report.csv"), encoding: .utf8)
        #expect(esr.contains("1.1.2026–30.6.2026"), "days as Finnish writes them")
    }

    /// `--table NAME` writes one table alone, which Python's csv module reads with its defaults
    /// (those of pandas' `read_csv` and R's `read.csv`: commas, a header line) into the JSON's rows;
    /// a name the report has not is refused with the names it has.
    @Test func oneTableAloneIsAFlatCSVThatAProgramReadsWithoutOptions() throws {
        let ws = try Workspace.withDemo()
        let esr = ["report", "esr", "--project", Self.project, "--period", "2026-01-01..2026-12-31"] + Self.db
        try ws.write("costs.csv", try ws.tuki(esr + ["--format", "csv", "--table", "costs"]).stdout)
        try ws.write("esr.json", try ws.tuki(esr + ["--format", "json"]).stdout)
        let script = #"""
            import csv, json, sys
            with open(sys.argv[1], newline="") as f:
                table = list(csv.DictReader(f))
            rows = json.load(open(sys.argv[2]))["tables"]["costs"]
            assert list(table[0].keys()) == list(rows[0].keys()), (list(table[0].keys()), list(rows[0].keys()))
            assert len(table) == len(rows)
            assert [int(r["cents"]) if r["cents"] else None for r in table] == [r["cents"] for r in rows]
            print(len(table))
            """#
        let result = try Self.python(ws, ["-c", script, ws.path("costs.csv"), ws.path("esr.json")])
        #expect(result.status == 0, "\(result.stderr)")
        let unknown = try ws.tuki(esr + ["--format", "csv", "--table", "no-such-table"])
        #expect(unknown.status == 2 && unknown.stderr.contains("costs") && !unknown.stderr.contains("no-such-table"))
        #expect(try ws.tuki(esr + ["--format", "json", "--table", "costs"]).status == 2)
    }

    static func double(_ value: JSONValue?) -> Double? {
        if case let .number(literal)? = value { Double(literal) } else { nil }
    }

    @Test func csvReadByPythonAddsUpToTheReportsTotals() throws {
        let ws = try Workspace.withDemo()
        let esr = ["report", "esr", "--project", Self.project, "--period", "2026-01-01..2026-12-31"] + Self.db
        let json = try JSONParser.parse(try ws.tuki(esr + ["--format", "json"]).stdout)
        func rows(_ table: String) -> [JSONValue] { if case let .array(rows)? = json["tables"]?[table] { rows } else { [] } }
        let total = try #require(rows("activity").first { $0["kind"] == "total" })
        let costs = Dictionary(uniqueKeysWithValues: rows("costs").compactMap { row in row["item"]?.stringValue.map { ($0, row) } })
        let totalCents = try #require(costs["total-costs"]?["cents"]?.integerValue)
        let eeco01 = try #require(rows("participants_period").first { $0["code"] == "EECO01" })

        try ws.write("esr-standard.csv", try ws.tuki(esr + ["--format", "csv", "--csv-standard"]).stdout)
        do {
            let result = try Self.python(ws, ["-c", Self.summing, ws.path("esr-standard.csv"), ",", ws.path("esr-standard.csv")])
            #expect(result.status == 0, "\(result.stderr)")
            let sums = try JSONParser.parse(result.stdout)
            #expect(sums["sessions_held"]?.integerValue == total["sessions_held"]?.integerValue)
            #expect(Self.double(sums["hours"]) == Self.double(total["hours"]) && Self.double(total["hours"]) != nil)
            #expect(sums["cost_parts"]?.integerValue == totalCents && sums["funding"]?.integerValue == totalCents)
            #expect(sums["genders"]?.integerValue == eeco01["total"]?.integerValue)
            #expect(sums["header"]?["position"]?.stringValue == String(try ws.head()))
        }
        #expect(totalCents > 0 && (total["sessions_held"]?.integerValue ?? 0) > 0)

        let sessions = ["report", "sessions", "--activity", Self.tahka] + Self.db
        let figures = try JSONParser.parse(try ws.tuki(sessions + ["--format", "json"]).stdout)
        guard case let .array(activities)? = figures["tables"]?["activities"], let tahka = activities.first else {
            Issue.record("no activities"); return
        }
        try ws.write("sessions.csv", try ws.tuki(sessions + ["--format", "csv", "--csv-standard"]).stdout)
        let sums = try JSONParser.parse(try Self.python(ws, ["-c", Self.summing, ws.path("sessions.csv"), ",", ws.path("sessions.csv")]).stdout)
        #expect(sums["present"]?.integerValue == tahka["present"]?.integerValue && sums["held"]?.integerValue == tahka["held"]?.integerValue)
        #expect(sums["header"]?["activity"]?.stringValue == Self.tahka)
    }
}
