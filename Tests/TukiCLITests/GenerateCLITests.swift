import EventStore
import Foundation
import Testing

/// `tuki-generate`: what the benchmarks import must be a valid programme, and the same each time.
@Suite struct GenerateCLITests {
    @Test func aGeneratedHistoryImportsIntoAnEmptyLedgerAndIsTheSameForTheSameSeed() throws {
        let ws = try Workspace()
        let first = try ws.generate(["--events", "5000", "--seed", "7"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(try ws.generate(["--events", "5000", "--seed", "7"]).stdout == first.stdout)
        #expect(try ws.generate(["--events", "5000", "--seed", "8"]).stdout != first.stdout)
        let lines = first.stdout.split(separator: "\n")
        #expect(lines.count >= 5000 && lines.count < 5400)
        // Realistic proportions: attendance is most of it, and every kind of fact is there.
        let types = lines.compactMap { (try? JSONParser.parse(String($0)))?["type"]?.stringValue }
        let attendance = types.filter { $0 == "attendance.recorded" }.count
        #expect(attendance * 100 / types.count > 40 && attendance * 100 / types.count < 75)
        for type in ["project.registered", "activity.created", "session.held", "enrolment.started", "enrolment.ended", "engagement.completed",
                     "fee.paid", "travel.reimbursed", "feedback.fit-recorded", "feedback.given", "staff.time-logged", "cost.incurred"] {
            #expect(types.contains(type), "\(type)")
        }
        try ws.write("history.jsonl", first.stdout)
        try ws.tuki(["init"])
        let imported = try ws.tuki(["import", "history.jsonl"])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.hasPrefix("Imported \(lines.count) events, 0 already present"))
    }

    @Test func outOfRangeSizesAreRefused() throws {
        let ws = try Workspace()
        #expect(try ws.generate(["--events", "0"]).status != 0)
        #expect(try ws.generate(["--events", "10000001"]).status != 0)
    }
}
