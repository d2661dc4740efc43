import Foundation
import GRDB
import Testing

/// The commands people use for daily recording, end to end through the binary.
@Suite struct RecordingCLITests {
    /// Runs a recording command; its standard output is the new id alone.
    private func id(_ ws: Workspace, _ arguments: [String]) throws -> String {
        let result = try ws.tuki(arguments)
        #expect(result.status == 0, "\(arguments.prefix(2)): \(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 1, "stdout must hold the id alone")
        #expect(!result.stderr.isEmpty, "a sentence for people goes to stderr")
        return lines.first.map(String.init) ?? ""
    }

    @Test func aProgrammeIsRecordedWithoutWritingJSON() throws {
        let ws = try Workspace()
        try ws.tuki(["init"])
        let project = try id(ws, ["project", "register", "--code", "S30999", "--name", "KokoOma", "--funder", "ESR+",
                                  "--start", "2024-09-01", "--end", "2026-10-31", "--cost-model", "flat-rate-40", "--self-financing", "20"])
        #expect(project == "project-s30999")
        let activity = try id(ws, ["activity", "create", "--project", project, "--name", "Tähkä Forssa", "--kind", "closed-peer-group",
                                   "--target-group", "parents-of-placed-children", "--municipality", "Forssa", "--date", "2026-01-10"])
        #expect(activity.hasPrefix("activity-"))
        let parent = try id(ws, ["participant", "register", "--name", "Aino Zyxwesimerkki", "--birth-date", "1986-05-04",
                                 "--gender", "woman", "--municipality", "Forssa", "--date", "2026-01-20"])
        #expect(parent.range(of: #"^p-[a-z0-9]{6}$"#, options: .regularExpression) != nil)
        _ = try id(ws, ["enrol", "sign-up", parent, activity, "--date", "2026-01-25"])
        _ = try id(ws, ["enrol", "start", parent, activity, "--date", "2026-02-03", "--age-at-entry", "39",
                        "--labour-market", "employed", "--education", "isced-3-4"])
        let session = try id(ws, ["session", "held", activity, "--date", "2026-02-03", "--duration", "120", "--location", "Forssa"])
        #expect(session == "s1")
        #expect(try id(ws, ["session", "held", activity, "--date", "2026-02-10", "--duration", "120", "--location", "Forssa"]) == "s2")
        _ = try id(ws, ["attendance", activity, session, "--present", parent])

        let expert = try id(ws, ["participant", "register", "--name", "Kalle Kokemus", "--birth-date", "2000-01-01", "--gender", "man",
                                 "--municipality", "Forssa", "--roles", "experience-expert", "--date", "2026-01-05"])
        _ = try id(ws, ["expert", "register", expert, "--alias", "Kokemuskumppani K", "--anonymous", "--training", "trained", "--date", "2026-01-06"])
        let engagement = try id(ws, ["engagement", "agree", "--expert", expert, "--project", project, "--activity", activity,
                                     "--kind", "co-facilitating-peer-group", "--date", "2026-02-03", "--hours", "3", "--fee", "90"])
        #expect(engagement.hasPrefix("e-"))

        // A fee before the work is done is refused, and names its rule.
        let early = try ws.tuki(["pay", "fee", engagement, "--amount", "90", "--date", "2026-02-28"])
        #expect(early.status == 3)
        #expect(early.stderr.contains("rule fee.needs-completed-engagement"))
        _ = try id(ws, ["engagement", "complete", engagement, "--hours", "3,5", "--date", "2026-02-03"])
        _ = try id(ws, ["pay", "fee", engagement, "--amount", "90,00", "--date", "2026-02-28"])
        _ = try id(ws, ["pay", "travel", engagement, "--km", "42", "--date", "2026-02-28"])

        let export = try ws.tuki(["export"]).stdout
        #expect(!export.contains("Zyxwesimerkki") && !export.contains("1986-05-04"))
        #expect(export.contains(#""birthYear":1986"#))
        #expect(export.contains(#""amountCents":2310"#) && export.contains(#""agreedFeeCents":9000"#) && export.contains(#""hours":3.5"#))
        #expect(try ws.tuki(["verify"]).stdout.hasPrefix("ok 14 events"))
        // The sealed name opens for a logged purpose.
        #expect(try ws.tuki(["reveal", parent, "--purpose", "test"]).stdout.contains("Zyxwesimerkki"))
    }

    @Test func badInputIsRefusedBeforeAnythingIsWritten() throws {
        let ws = try Workspace()
        try ws.tuki(["init"])
        let badDate = try ws.tuki(["participant", "register", "--name", "N", "--birth-date", "1986-13-04", "--gender", "woman", "--municipality", "F"])
        #expect(badDate.status == 2)
        #expect(badDate.stderr == "--birth-date must be a day of the calendar, YYYY-MM-DD.\n")
        let unborn = try ws.tuki(["participant", "register", "--name", "N", "--birth-date", "2026-05-02", "--gender", "woman",
                                  "--municipality", "F", "--date", "2026-05-01"])
        #expect(unborn.status == 2 && unborn.stderr == "--birth-date is after the registration day.\n")
        let badGender = try ws.tuki(["participant", "register", "--name", "N", "--birth-date", "1986-12-04", "--gender", "female", "--municipality", "F"])
        #expect(badGender.status == 2)
        #expect(badGender.stderr.contains("'--gender <gender>'") && badGender.stderr.contains("'non-binary'") && !badGender.stderr.contains("female"))
        // Refused before sealing: no data key was made for a person who was never recorded.
        let keys = try DatabaseQueue(path: ws.path("tuki.keys.sqlite")).read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM subject_keys") }
        #expect(keys == 0)
        let noProject = try ws.tuki(["activity", "create", "--project", "project-none", "--name", "A", "--kind", "camp",
                                     "--target-group", "parents", "--municipality", "F"])
        #expect(noProject.stderr.contains("rule activity.project-exists"))
        // What a person mistypes is a usage error with a sentence that says what is expected.
        let usage: [([String], String)] = [
            (["pay", "fee", "e-x", "--amount", "-5"], "--amount must be euros such as 90 or 90.50, from 0 to 10000000."),
            (["pay", "fee", "e-x", "--amount", "99999999999999999999"], "--amount must be euros"),
            (["pay", "travel", "e-x", "--km", "-3", "--rate", "0.55", "--reason", "x"], "--km must be a number of at least 0"),
            (["engagement", "complete", "e-x", "--hours", "-1"], "--hours must be a number of at least 0"),
            (["session", "held", "activity-x", "--date", "2024-02-30", "--duration", "60", "--location", "X"], "is not a day of the calendar"),
        ]
        for (arguments, message) in usage {
            let result = try ws.tuki(arguments)
            #expect(result.status == 2, "\(arguments): \(result.status) \(result.stderr)")
            #expect(result.stderr.hasPrefix(message) || result.stderr.contains(message), "\(arguments): \(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1)
        }
        #expect(try ws.tuki(["verify"]).stdout.hasPrefix("ok 0 events"))
    }
}
