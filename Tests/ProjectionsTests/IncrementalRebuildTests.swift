import Samples
import EventStore
import Foundation
import GRDB
import Ledger
@testable import Projections
import Testing

/// Catch-up after every few appends and one rebuild over the whole log must give the same read
/// models, table by table and row by row.
@Suite struct IncrementalRebuildTests {
    @Test func theDemoProgrammeBuiltIncrementallyEqualsItsRebuild() throws {
        let fixture = try ProjectionFixture()
        let live = try fixture.liveReadModels()
        let engine = try fixture.engine(live)
        engine.batchSize = 37
        var random = GeneratedHistory.Random(seed: 7)
        for chunk in chunks(try fixture.demoEvents(), largest: 150, random: &random) {
            try fixture.store.appendValidated(chunk)
            try engine.update()
        }
        let incremental = try dump(live)
        #expect(incremental["sessions_attendance"]?.isEmpty == false)
        #expect(incremental == (try dump(try fixture.rebuiltReadModels())))
    }

    @Test(arguments: [UInt64(1), 2, 3, 4])
    func aRandomHistoryBuiltIncrementallyEqualsItsRebuild(seed: UInt64) throws {
        let fixture = try ProjectionFixture()
        let history = try GeneratedHistory(seed: seed)
        #expect(history.events.count > 300)
        #expect(history.events.filter { $0.type.text == "entry.voided" }.count >= 3)
        let live = try fixture.liveReadModels()
        let engine = try fixture.engine(live)
        var random = GeneratedHistory.Random(seed: seed &* 31)
        engine.batchSize = Int64(1 + random.below(60))
        for chunk in chunks(history.events, largest: 80, random: &random) {
            try fixture.store.appendValidated(chunk)
            // Sometimes only one projector catches up: each keeps its own checkpoint.
            try engine.update(random.chance(30) ? ["sessions"] : [])
        }
        try engine.update()
        let incremental = try dump(live)
        #expect(incremental == (try dump(try fixture.rebuiltReadModels())))
        // The per-session counts agree with counting the latest records afresh.
        let (running, recounted) = try live.read { db in
            (try Row.fetchAll(db, sql: """
                SELECT activity, session, present, absent, excused FROM sessions_session
                WHERE present + absent + excused > 0 ORDER BY activity, session
                """).map { Array($0.databaseValues.map(\.description)) },
             try Row.fetchAll(db, sql: """
                SELECT activity, session, SUM(status = 'present'), SUM(status = 'absent'), SUM(status = 'excused')
                FROM sessions_current_attendance GROUP BY activity, session ORDER BY activity, session
                """).map { Array($0.databaseValues.map(\.description)) })
        }
        #expect(!running.isEmpty)
        #expect(running == recounted)
    }

    @Test func aVoidedRecordGivesBackTheOneItReplaced() throws {
        let fixture = try ProjectionFixture()
        try fixture.store.appendValidated(try fixture.demoEvents())
        let live = try fixture.liveReadModels()
        try fixture.engine(live).update()
        let activity = SampleProgramme.cohortStream
        func status() throws -> String? {
            try live.read { db in
                try SessionsReadModel.overview(.init(activity: activity), in: db).attendance
                    .first { $0.session == "s5" && $0.participant == "p-t01" }?.status
            }
        }
        #expect(try status() == "absent")
        let correction = try ProposedEvent(stream: activity, type: "attendance.recorded", occurredAt: "2026-09-03T10:00:00Z",
                                           data: #"{"session":"s5","participant":"p-t01","status":"present"}"#)
        try fixture.store.appendValidated([correction])
        try fixture.engine(live).update()
        #expect(try status() == "present")
        let void = try ProposedEvent(stream: activity, type: "entry.voided", occurredAt: "2026-09-04T10:00:00Z",
                                     data: #"{"eventId":"\#(correction.eventId.text)","reason":"wrong person"}"#)
        try fixture.store.appendValidated([void])
        try fixture.engine(live).update()
        #expect(try status() == "absent")
        #expect(try dump(live) == (try dump(try fixture.rebuiltReadModels())))
    }
}

/// `sessions_session` is derived per batch; a void recomputes its session at once.
@Suite struct SessionRowTests {
    private func row(_ session: String, _ live: ReadModelDatabase) throws -> [String]? {
        try live.read { db in
            try Row.fetchOne(db, sql: """
                SELECT status, present, absent, excused FROM sessions_session WHERE activity = ? AND session = ?
                """, arguments: [SampleProgramme.cohortStream, session]).map { row in
                    [row[0] as String, String(row[1] as Int), String(row[2] as Int), String(row[3] as Int)]
                }
        }
    }

    /// The demo programme, appended and projected.
    private func demo() throws -> (fixture: ProjectionFixture, live: ReadModelDatabase, engine: ProjectionEngine) {
        let fixture = try ProjectionFixture()
        try fixture.store.appendValidated(try fixture.demoEvents())
        let live = try fixture.liveReadModels()
        let engine = try fixture.engine(live)
        try engine.update()
        return (fixture, live, engine)
    }

    @Test func aSessionWhoseOnlyEventIsVoidedLeavesNoRow() throws {
        let (fixture, live, engine) = try demo()
        let cancelled = try ProposedEvent(stream: SampleProgramme.cohortStream, type: "session.cancelled", occurredAt: "2026-12-01T10:00:00Z",
                                          data: #"{"session":"s-extra","date":"2026-12-02"}"#)
        try fixture.store.appendValidated([cancelled])
        try engine.update()
        #expect(try row("s-extra", live) == ["cancelled", "0", "0", "0"])
        let void = try ProposedEvent(stream: SampleProgramme.cohortStream, type: "entry.voided", occurredAt: "2026-12-01T11:00:00Z",
                                     data: #"{"eventId":"\#(cancelled.eventId.text)","reason":"recorded on the wrong activity"}"#)
        try fixture.store.appendValidated([void])
        try engine.update()
        #expect(try row("s-extra", live) == nil)
        #expect(try dump(live) == (try dump(try fixture.rebuiltReadModels())))
    }

    /// Sessions whose ids sort otherwise than their dates (the table's own order is by id) come
    /// out by activity, date, and id with shorter ids first.
    @Test func sessionsAreListedByActivityDateAndId() throws {
        let (fixture, live, engine) = try demo()
        let extra = try [("x10", "2026-12-05"), ("x9", "2026-12-05"), ("x8", "2026-12-05"), ("a1", "2026-12-04"), ("z0", "2026-11-30")].map { session, date in
            try ProposedEvent(stream: SampleProgramme.cohortStream, type: "session.cancelled", occurredAt: "2026-12-01T10:00:00Z",
                              data: #"{"session":"\#(session)","date":"\#(date)"}"#)
        }
        try fixture.store.appendValidated(extra)
        try engine.update()
        let sessions = try live.read { db in try SessionsReadModel.sessions(.init(), in: db) }
        let expected = sessions.sorted { ($0.activity, $0.date, $0.session.count, $0.session) < ($1.activity, $1.date, $1.session.count, $1.session) }
        #expect(Set(sessions.map(\.activity)).count > 1)
        #expect(sessions.map { [$0.activity, $0.session] } == expected.map { [$0.activity, $0.session] })
        let cohort = sessions.filter { $0.activity == SampleProgramme.cohortStream }.map(\.session)
        #expect(cohort.firstIndex(of: "z0")! < cohort.firstIndex(of: "a1")!)
        #expect(cohort.firstIndex(of: "a1")! < cohort.firstIndex(of: "x9")!)
        #expect(cohort.firstIndex(of: "x8")! < cohort.firstIndex(of: "x9")!)
        #expect(cohort.firstIndex(of: "x9")! < cohort.firstIndex(of: "x10")!)
    }

    /// Moving sessions into their sorted places with swaps puts each where the order says, for
    /// every order of up to six.
    @Test func rearrangingFollowsEveryOrder() {
        func orders(of count: Int) -> [[Int]] {
            guard count > 0 else { return [[]] }
            return orders(of: count - 1).flatMap { shorter in (0...shorter.count).map { at in
                var longer = shorter
                longer.insert(count - 1, at: at)
                return longer
            } }
        }
        for count in 0...6 {
            for order in orders(of: count) {
                var names = (0..<count).map { "session \($0)" }
                names.withUnsafeMutableBufferPointer { SessionsReadModel.rearrange(&$0, into: order) }
                #expect(names == order.map { "session \($0)" }, "\(order)")
            }
        }
    }

    /// The integer the sort compares first orders sessions as their dates and ids do, and is
    /// there only for dates written YYYY-MM-DD.
    @Test func theOrderKeyAgreesWithTheReportOrder() throws {
        let dates = ["2025-12-31", "2026-01-01", "2026-01-02", "2026-10-01", "2027-01-01"]
        let ids = ["s1", "s2", "s9", "s10", "s11", "s100", "a", "b"]
        let sessions = dates.flatMap { date in ids.map { (date, $0) } }
        for (firstDate, firstId) in sessions {
            for (secondDate, secondId) in sessions {
                let first = try #require(SessionsReadModel.orderKey(date: firstDate, session: firstId))
                let second = try #require(SessionsReadModel.orderKey(date: secondDate, session: secondId))
                let expected = (firstDate, firstId.count) < (secondDate, secondId.count)
                #expect((first < second) == expected, "\(firstDate) \(firstId) against \(secondDate) \(secondId)")
            }
        }
        for date in ["2026-1-01", "2026/01/01", "20260101xx", "2026-01-0a", "", "2026-01-011"] {
            #expect(SessionsReadModel.orderKey(date: date, session: "s1") == nil, "\(date)")
        }
    }

    /// Each session as the report reads it carries its stored values, NULLs as nil, and counts only
    /// where it was held; a period keeps only its sessions.
    @Test func sessionsCarryTheirStoredValues() throws {
        let (_, live, _) = try demo()
        func describe(_ values: [String?]) -> String { values.map { $0 ?? "nil" }.joined(separator: "|") }
        let stored = try live.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM sessions_session").map { row -> String in
                let held = (row["status"] as String) == "held"
                let counts: [String?] = ["present", "absent", "excused"].map { held ? String(row[$0] as Int) : "0" }
                return describe([row["activity"], row["session"], row["status"], row["date"], (row["duration_minutes"] as Int?).map(String.init),
                                 row["format"], (row["headcount"] as Int?).map(String.init)] + counts)
            }
        }
        func read(_ filter: SessionsReadModel.Filter) throws -> [String] {
            try live.read { db in try SessionsReadModel.sessions(filter, in: db) }.map { session in
                describe([session.activity, session.session, session.status, session.date, session.durationMinutes.map(String.init),
                          session.format, session.headcount.map(String.init), String(session.present), String(session.absent),
                          String(session.excused)])
            }
        }
        let all = try read(.init())
        #expect(all.sorted() == stored.sorted())
        #expect(all.contains { $0.contains("|nil|") }, "a session with a NULL value")
        #expect(all.contains { $0.contains("|cancelled|") })
        let period = try read(.init(from: "2026-03-01", to: "2026-04-30"))
        #expect(!period.isEmpty && period.count < all.count)
        #expect(period == all.filter { line in
            let date = line.split(separator: "|", omittingEmptySubsequences: false)[3]
            return date >= "2026-03-01" && date <= "2026-04-30"
        })
    }

    @Test func aVoidedAttendanceRecordLeavesTheCountsAtOnce() throws {
        let (fixture, live, engine) = try demo()
        let before = try #require(try row("s5", live))
        var present: [RecordedEvent] = []
        try fixture.store.read { reader in
            try reader.events(inStream: SampleProgramme.cohortStream).forEach { event in
                if event.type == "attendance.recorded" && event.data.contains(#""session":"s5""#) && event.data.contains(#""status":"present""#) {
                    present.append(event)
                }
            }
        }
        let record = try #require(present.last)
        let void = try ProposedEvent(stream: SampleProgramme.cohortStream, type: "entry.voided", occurredAt: "2026-12-01T11:00:00Z",
                                     data: #"{"eventId":"\#(record.eventId)","reason":"recorded twice"}"#)
        try fixture.store.appendValidated([void])
        try engine.update()
        let after = try #require(try row("s5", live))
        #expect(Int(after[1]) == (Int(before[1]) ?? 0) - 1)
        #expect(try dump(live) == (try dump(try fixture.rebuiltReadModels())))
    }
}
