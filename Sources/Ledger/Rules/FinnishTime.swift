import EventStore

/// Finnish time (Europe/Helsinki): UTC+2, and UTC+3 in summer time, which in the EU runs from
/// 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October. Worked out
/// here rather than read from the system's time-zone files, which a minimal server may not have.
/// Times are stored in UTC; days people mean ("today", the day a thing happened) are Finnish.
public enum FinnishTime {
    /// The Finnish day (YYYY-MM-DD) of an instant.
    public static func day(of timestamp: Timestamp) -> String {
        let seconds = timestamp.microsecondsSinceEpoch / 1_000_000
        let local = Timestamp(microsecondsSinceEpoch: (seconds + offsetSeconds(atUTCSeconds: seconds)) * 1_000_000)
        return String(local.occurredAtText.prefix(10))
    }

    /// Today in Finland.
    public static func today() -> String { day(of: .now()) }

    /// The offset from UTC at an instant, in seconds: 7200 or 10800.
    public static func offsetSeconds(atUTCSeconds seconds: Int64) -> Int64 {
        let year = Int64(Timestamp(microsecondsSinceEpoch: seconds * 1_000_000).occurredAtText.prefix(4)) ?? 1970
        let summerStarts = lastSunday(year: year, month: 3) * 86_400 + 3_600
        let summerEnds = lastSunday(year: year, month: 10) * 86_400 + 3_600
        return seconds >= summerStarts && seconds < summerEnds ? 10_800 : 7_200
    }

    /// Days since 1970-01-01 of the last Sunday of a month with 31 days (March, October).
    static func lastSunday(year: Int64, month: Int64) -> Int64 {
        let last = Timestamp.daysFromCivil(year: year, month: month, day: 31)
        // 1970-01-01 was a Thursday: (days + 4) mod 7 is 0 on Sundays.
        let weekday = ((last + 4) % 7 + 7) % 7
        return last - weekday
    }
}
