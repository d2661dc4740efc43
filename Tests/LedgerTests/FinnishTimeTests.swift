import EventStore
import Testing

@testable import Ledger

/// Finnish days around midnight and around the EU's summer-time changes (last Sunday of March and
/// of October, at 01:00 UTC).
@Suite struct FinnishTimeTests {
    @Test(arguments: [
        // Winter, UTC+2: a Finnish day starts at 22:00 UTC the day before.
        ("2026-12-06T21:59:59Z", "2026-12-06"), ("2026-12-06T22:00:00Z", "2026-12-07"),
        ("2025-12-31T22:00:00Z", "2026-01-01"), ("2024-02-28T22:30:00Z", "2024-02-29"),
        // Summer, UTC+3: at 21:00 UTC.
        ("2026-07-01T20:59:59Z", "2026-07-01"), ("2026-07-01T21:00:00Z", "2026-07-02"),
        // Summer time begins on Sunday 29 March 2026 at 01:00 UTC, ends on Sunday 25 October.
        ("2026-03-28T21:59:59Z", "2026-03-28"), ("2026-03-28T22:00:00Z", "2026-03-29"),
        ("2026-10-24T20:59:59Z", "2026-10-24"), ("2026-10-24T21:00:00Z", "2026-10-25"),
        ("2026-10-25T21:59:59Z", "2026-10-25"), ("2026-10-25T22:00:00Z", "2026-10-26"),
    ])
    func theFinnishDayOfAnInstant(instant: String, day: String) throws {
        #expect(FinnishTime.day(of: try Timestamp(rfc3339: instant)) == day)
    }

    @Test(arguments: [
        ("2026-03-29T00:59:59Z", 7_200), ("2026-03-29T01:00:00Z", 10_800),
        ("2026-10-25T00:59:59Z", 10_800), ("2026-10-25T01:00:00Z", 7_200),
        ("2025-03-30T01:00:00Z", 10_800), ("2025-10-26T01:00:00Z", 7_200), ("2024-03-31T00:59:59Z", 7_200),
    ])
    func summerTimeChangesAtOneUTC(instant: String, offset: Int64) throws {
        let seconds = try Timestamp(rfc3339: instant).microsecondsSinceEpoch / 1_000_000
        #expect(FinnishTime.offsetSeconds(atUTCSeconds: seconds) == offset)
    }

    @Test func summerTimeRunsFromTheLastSundayOfMarchToTheLastOfOctober() {
        #expect(FinnishTime.lastSunday(year: 2026, month: 3) == Timestamp.daysFromCivil(year: 2026, month: 3, day: 29))
        #expect(FinnishTime.lastSunday(year: 2026, month: 10) == Timestamp.daysFromCivil(year: 2026, month: 10, day: 25))
        #expect(FinnishTime.lastSunday(year: 2027, month: 10) == Timestamp.daysFromCivil(year: 2027, month: 10, day: 31))
        #expect(FinnishTime.lastSunday(year: 2024, month: 3) == Timestamp.daysFromCivil(year: 2024, month: 3, day: 31))
    }
}
