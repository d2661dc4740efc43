import EventStore
import Foundation
import Ledger
import Projections
import Reports
import Testing

/// A report as of a point equals the live report of a ledger that only ever held the events up
/// to that point, and stays the same bytes however much the ledger grows afterwards.
@Suite struct ReplayTests {
    /// The sessions report and every activity's commitment report, as JSON, from read models at `stamp`.
    func reports(_ readModels: ReadModelDatabase, stamp: LedgerStamp) throws -> [String] {
        try readModels.read { db in
            let overview = try SessionsReadModel.overview(.init(), in: db)
            var reports = [ReportFormat.json.render(SessionsReport.make(overview, stamp: stamp))]
            for activity in overview.activities {
                let figures = try #require(try CommitmentReadModel.figures(of: activity.activity, in: db))
                reports.append(ReportFormat.json.render(CommitmentReport.make(figures, stamp: stamp)))
            }
            return reports
        }
    }

    @Test func aReportAsOfAMomentEqualsTheLiveReportOfTheLedgerAsItWasThen() throws {
        let events = try GeneratedHistory(seed: 11).events
        let cut = events.count * 3 / 5
        let grown = try ProjectionFixture()
        let truncated = try ProjectionFixture()
        try grown.store.appendValidated(Array(events.prefix(cut)))
        try truncated.store.appendValidated(Array(events.prefix(cut)))
        let moment = try grown.store.head().recordedAt
        Thread.sleep(forTimeInterval: 0.002)
        try grown.store.appendValidated(Array(events.dropFirst(cut)))

        // The live read models of the grown ledger are ahead, and must stay untouched.
        let live = try grown.liveReadModels()
        try grown.engine(live).update()
        let liveBefore = try dump(live)

        let replayed = try ReadModelDatabase.temporary()
        let asOf = try Timestamp(rfc3339: moment)
        let position = try grown.store.read { try $0.head(asOf: asOf) }.position
        #expect(position == Int64(cut))
        let engine = try grown.engine(replayed)
        try engine.update(to: position)
        let stamp = try engine.stamp(for: [])

        let truncatedModels = try truncated.liveReadModels()
        let truncatedEngine = try truncated.engine(truncatedModels)
        try truncatedEngine.update()
        let truncatedStamp = try truncatedEngine.stamp(for: [])
        #expect(stamp.position == truncatedStamp.position)
        // The same figures; only the hash differs, since each ledger recorded at its own time.
        let sameStamp = LedgerStamp(position: stamp.position, hash: "h")
        #expect(try reports(replayed, stamp: sameStamp) == (try reports(truncatedModels, stamp: sameStamp)))
        #expect(try dump(live) == liveBefore)
    }

    @Test func aReplayIsTheSameBytesWhenAskedAgainLater() throws {
        let events = try GeneratedHistory(seed: 12).events
        let fixture = try ProjectionFixture()
        try fixture.store.appendValidated(Array(events.prefix(200)))
        func replay() throws -> [String] {
            let readModels = try ReadModelDatabase.temporary()
            let engine = try fixture.engine(readModels)
            try engine.update(to: 150)
            var stamp = try engine.stamp(for: [])
            stamp.atPosition = 150
            return try reports(readModels, stamp: stamp)
        }
        let first = try replay()
        try fixture.store.appendValidated(Array(events.dropFirst(200)))
        let second = try replay()
        #expect(first == second)
        #expect(first[0].contains(#""atPosition": 150"#))
        let hashAt150 = try #require(try fixture.store.read { try $0.head(atPosition: 150) }).hash
        #expect(first[0].contains(hashAt150))
    }
}
