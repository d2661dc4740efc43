import Foundation
import GRDB
import Testing

/// The evaluation through the binary: recording a BIKVA evaluation's approvals and follow-ups and
/// a survey's answers (one by one and from a survey tool's CSV), and the four reports of the demo
/// in every format, language and a real browser.
@Suite struct EvaluationCLITests {
    typealias Recording = EverydayRecordingCLITests

    static let db = ["--db", "tuki-demo.sqlite"]
    static let reports: [(name: String, arguments: [String])] = [
        ("bikva", ["report", "bikva", "--evaluation", "tukidemo-2026"]),
        ("fit", ["report", "fit", "--activity", "activity-tahka-forssa-2026"]),
        ("feedback", ["report", "feedback", "--project", "project-tukidemo-2026"]),
        ("survey", ["report", "survey", "--survey", "staff-2026"]),
    ]

    /// The demo prints a line of each report; each report comes in every format in Finnish, and
    /// in English as a table.
    @Test func everyEvaluationReportComesInEveryFormatAndBothLanguages() throws {
        let ws = try Workspace()
        let demo = try ws.tuki(["demo"])
        #expect(demo.status == 0, "\(demo.stderr)")
        #expect(demo.stdout.contains("BIKVA tukidemo-2026: vaiheita 4/4, teemoja 3, sovittuja muutoksia 3, niistä toteutettu 2"))
        #expect(demo.stdout.contains("FIT Tähkä-ryhmä Forssa: arvioituja 3, parantunut 2, ei luotettavaa muutosta 1, heikentynyt 0; seurattavia yhteistyöarvioita 1"))
        #expect(demo.stdout.contains("Asiakaspalaute: palautteita 7, arvosanojen keskiarvo 4,29 / 5"))
        #expect(demo.stdout.contains("Henkilöstökysely staff-2026: \"Osaan tehdä työtä kokemusasiantuntijan kanssa\" keskiarvo 2,88 (alkukysely) → 3,88 (loppukysely)"))
        let finnish = ["bikva": "Teemoittain", "fit": "Luotettava muutos", "feedback": "Arvosanojen keskiarvo", "survey": "Muutos alkukyselystä"]
        let english = ["bikva": "Theme by theme", "fit": "Reliable change", "feedback": "Mean rating", "survey": "Change from baseline"]
        for (name, arguments) in Self.reports {
            for (format, language) in ["table", "md", "csv", "json", "html"].map({ ($0, "fi") }) + [("table", "en")] {
                do {
                    let result = try ws.tuki(arguments + Self.db + ["--format", format, "--lang", language])
                    #expect(result.status == 0, "\(name) \(format) \(language): \(result.stderr)")
                    // CSV and JSON carry keys and codes; the forms for people carry the words.
                    if ["table", "md", "html"].contains(format) {
                        let words = (language == "fi" ? finnish : english)[name] ?? ""
                        #expect(result.stdout.contains(words), "\(name) \(format) \(language) lacks \(words)")
                    }
                    // The sealed free text of the demo's feedback is never in a report.
                    #expect(!result.stdout.contains("kuunteli"))
                }
            }
        }
        let bikva = try ws.tuki(Self.reports[0].arguments + Self.db + ["--format", "csv", "--csv-standard"]).stdout
        #expect(bikva.contains("Työntekijää on vaikea tavoittaa,stage-2,,Työkuorma on suuri; yhteinen puhelinaika voisi auttaa,Viikoittainen puhelinaika,done,2026-12-01"))
        let survey = try ws.tuki(Self.reports[3].arguments + Self.db + ["--format", "json"]).stdout
        #expect(survey.contains(#""change_from_baseline": 1.00"#))
        let missing = try ws.tuki(["report", "bikva", "--evaluation", "nothing-here"] + Self.db)
        #expect(missing.status == 2 && missing.stderr.contains("There is no stage of BIKVA evaluation nothing-here"))
        let both = try ws.tuki(["report", "feedback", "--activity", "activity-x", "--project", "project-x"] + Self.db)
        #expect(both.status == 2)
    }

    @Test func eachEvaluationReportsHTMLRendersInHeadlessChromium() throws {
        let ws = try Workspace.withDemo()
        for (name, arguments) in Self.reports {
            let html = try ws.tuki(arguments + Self.db + ["--format", "html"]).stdout
            #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("<svg"), "\(name)")
            for external in ["<script", "<link", "src=", "url(", "https://"] { #expect(!html.contains(external), "\(name): \(external)") }
            try ws.write("\(name).html", html)
            let pdf = try ws.printInChromium("\(name).html")
            #expect(pdf.hasPrefix("%PDF") && pdf.contains("/MediaBox [0 0 594.9"), "\(name)")
        }
        // The FIT chart: a line per participant, and the ORS cut-off as a dashed guide.
        let fit = try String(contentsOf: URL(fileURLWithPath: ws.path("fit.html")), encoding: .utf8)
        #expect(fit.components(separatedBy: "<polyline").count - 1 == 3 && fit.contains("stroke-dasharray") && fit.contains(">ORS 25<"))
    }

    @Test func bikvaApprovalsAndFollowUpsKeepTheMethodsOrder() throws {
        let p = try Recording.programme()
        let ws = p.ws
        try ws.write("vaihe1.md", "## Odottaminen\nSanottu: Jonot ovat pitkiä.\n")
        try ws.write("vaihe2.csv", "teema;vastaus;sovittu muutos\nodottaminen;Jonoja puretaan;Viesti jonotilanteesta\nTilat;Liian pienet;\n")
        let stage = ["bikva", "stage", "ev-1", "--project", p.project]
        try Recording.id(ws, stage + ["--stage", "1", "--group-size", "6", "--themes", "vaihe1.md", "--date", "2026-03-01"])
        try Recording.refusal(ws, stage + ["--stage", "3", "--group-size", "4", "--themes", "vaihe1.md", "--date", "2026-04-01"], rule: "bikva.stages-in-order")
        try Recording.refusal(ws, stage + ["--stage", "1", "--group-size", "4", "--themes", "vaihe1.md", "--date", "2026-04-01"], rule: "bikva.stage-once")
        try Recording.refusal(ws, ["bikva", "approve", "ev-1", "--stage", "2", "--date", "2026-03-08"], rule: "bikva.approves-a-recorded-stage")
        try Recording.refusal(ws, ["bikva", "approve", "ev-1", "--stage", "1", "--date", "2026-02-28"], rule: "bikva.approves-a-recorded-stage")
        try Recording.id(ws, ["bikva", "approve", "ev-1", "--stage", "1", "--date", "2026-03-08"])
        try Recording.id(ws, stage + ["--stage", "2", "--group-size", "8", "--themes", "vaihe2.csv", "--date", "2026-03-22"])
        let followUp = ["bikva", "follow-up", "ev-1", "--stage", "2", "--date", "2026-09-01"]
        try Recording.refusal(ws, followUp + ["--theme", "Tilat", "--status", "done"], rule: "bikva.follows-up-an-agreed-change")
        let wrongStatus = try ws.tuki(followUp + ["--theme", "Odottaminen", "--status", "finished"])
        #expect(wrongStatus.status == 2 && wrongStatus.stderr.contains("--status") && !wrongStatus.stderr.contains("finished"))
        try Recording.id(ws, followUp + ["--theme", "ODOTTAMINEN", "--status", "partly", "--note", "Viestit Forssassa"])
        let followUps = try Recording.events(ws, "bikva.change-followed-up")
        #expect(followUps.count == 1 && followUps.first?.stream == "bikva-ev-1" && followUps.first?.data["status"] as? String == "partly")

        let report = try ws.tuki(["report", "bikva", "--evaluation", "ev-1", "--format", "json"])
        #expect(report.status == 0, "\(report.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any]
        let tables = json?["tables"] as? [String: [[String: Any]]]
        let themes = tables?["themes"] ?? []
        #expect(themes.map { $0["theme"] as? String } == ["Odottaminen", "Tilat"])
        #expect(themes.first?["answered_at"] as? String == "1, 2" && themes.first?["missing"] as? String == "3, 4")
        #expect(tables?["stages"]?.first?["approved_on"] as? String == "2026-03-08")
        #expect((json?["parameters"] as? [String: Any])?["stagesMissing"] as? String == "3, 4")
    }

    @Test func surveyAnswersAreRecordedOneByOneOrAllRowsOfAFile() throws {
        let p = try Recording.programme()
        let ws = p.ws
        let wave = ["--survey", "staff-2026", "--project", p.project, "--scale", "1..5"]
        try Recording.id(ws, ["survey", "answer", "staff-2026", "--project", p.project, "--wave", "baseline", "--group", "staff",
                              "--scale", "1..5", "--score", "Tunnen työn=2", "--score", "Ääni kuuluu=3", "--date", "2026-02-16"])
        let badScore = try ws.tuki(["survey", "answer", "staff-2026", "--project", p.project, "--wave", "baseline", "--scale", "1..5",
                                    "--score", "Tunnen työn=paljon"])
        #expect(badScore.status == 2 && !badScore.stderr.contains("paljon"))

        // A survey tool's export: a byte-order mark, a respondent column left out, Finnish and ISO days, a blank cell.
        try ws.write("final.csv", "\u{FEFF}Vastaaja;Aikaleima;Ryhmä;Tunnen työn;Ääni kuuluu\r\n1;30.11.2026 10:15;;4;4\r\n2;2026-11-30T11:00;management;5;\r\n3;1.12.2026;;3;2\r\n")
        let imported = try ws.tuki(["survey", "import", "final.csv", "--wave", "final", "--ignore-column", "vastaaja"] + wave)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.split(separator: "\n").count == 3 && imported.stderr.contains("Recorded 3 answers"))
        let answers = try Recording.events(ws, "survey.answered")
        #expect(answers.map { $0.data["date"] as? String } == ["2026-02-16", "2026-11-30", "2026-11-30", "2026-12-01"])
        #expect(answers.map { $0.data["respondentGroup"] as? String } == ["staff", "staff", "management", "staff"])
        #expect((answers[2].data["answers"] as? [[String: Any]])?.count == 1, "a blank cell is no answer")

        let report = try ws.tuki(["report", "survey", "--survey", "staff-2026", "--format", "csv", "--csv-standard"])
        #expect(report.stdout.contains("Tunnen työn,final,3,4.00,2.00,0,0,1,1,1"), "\(report.stdout)")

        // All rows or none: a score off the scale on row 3 refuses the file, naming the row.
        let head = try Self.count(ws)
        try ws.write("bad.csv", "Tunnen työn;Ääni kuuluu\n4;4\n7;3\n")
        let refused = try ws.tuki(["survey", "import", "bad.csv", "--wave", "mid-term", "--date", "2026-06-01"] + wave)
        #expect(refused.status == 3 && refused.stderr.contains("the answer on row 3") && refused.stderr.contains("(rule survey.score-on-scale)"))
        #expect(refused.stderr.contains("Nothing of the 2 was recorded."))
        #expect(try Self.count(ws) == head)
        // A column of addresses taken for an item: the row and column are named, never the value.
        try ws.write("emails.csv", "Sähköposti;Tunnen työn\nmatti.meikalainen@example.fi;4\n")
        let text = try ws.tuki(["survey", "import", "emails.csv", "--wave", "mid-term"] + wave)
        #expect(text.status == 2 && text.stderr.contains("Row 2, column 1") && !text.stderr.contains("meikalainen"))
        // Another scale for the same survey is refused.
        try Recording.refusal(ws, ["survey", "answer", "staff-2026", "--project", p.project, "--wave", "final", "--scale", "0..10",
                                   "--score", "Tunnen työn=7"], rule: "survey.one-scale")
    }

    static func count(_ ws: Workspace) throws -> Int {
        try DatabaseQueue(path: ws.path("tuki.sqlite")).read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM events") ?? 0 }
    }
}
