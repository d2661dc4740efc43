import EventStore

/// Finnish time (Europe/Helsinki): UTC+2, and UTC+3 in summer time, which in the EU runs from
/// 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October. Worked out
/// here rather than read from the system's time-zone files, which a minimal server may not have.
/// Times are stored in UTC; days people mean ("today", the day a thing happened) are Finnish.
public enum FinnishTime {
    /// The Finnish day (YYYY-MM-DD) of an instant.
    public static func day(of timestamp: Timestamp) -> String {
        let seconds = timestamp.microsecondsSinceEpoch / 1_000_000
        let local = seconds + offsetSeconds(atUTCSeconds: seconds)
        let days = Int(local >= 0 ? local / 86_400 : (local - 86_399) / 86_400)
        let (year, month, day) = civil(fromDays: days)
        return "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }

    /// Today in Finland.
    public static func today() -> String { day(of: .now()) }

    /// The offset from UTC at an instant, in seconds: 7200 or 10800.
    public static func offsetSeconds(atUTCSeconds seconds: Int64) -> Int64 {
        let days = Int(seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
        let year = civil(fromDays: days).year
        let summerStarts = Int64(lastSunday(year: year, month: 3)) * 86_400 + 3_600
        let summerEnds = Int64(lastSunday(year: year, month: 10)) * 86_400 + 3_600
        return seconds >= summerStarts && seconds < summerEnds ? 10_800 : 7_200
    }

    /// Days since 1970-01-01 of the last Sunday of a month with 31 days (March, October).
    static func lastSunday(year: Int, month: Int) -> Int {
        let last = days(fromCivil: year, month, 31)
        // 1970-01-01 was a Thursday: (days + 4) mod 7 is 0 on Sundays.
        let weekday = ((last + 4) % 7 + 7) % 7
        return last - weekday
    }

    /// Days since 1970-01-01 of a day of the Gregorian calendar (H. Hinnant's algorithm).
    static func days(fromCivil year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The day of the Gregorian calendar `days` after 1970-01-01.
    static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
