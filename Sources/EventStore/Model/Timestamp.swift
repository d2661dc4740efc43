import Foundation

/// An instant, held as whole microseconds since 1970-01-01T00:00:00Z.
///
/// The ledger writes two forms, both UTC and both of fixed width so that text order is time order:
/// - business time (`occurredAt`) to the second: `2026-02-03T15:00:00Z`;
/// - transaction time (`recordedAt`) to the microsecond: `2026-02-03T15:00:00.123456Z`.
public struct Timestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let microsecondsSinceEpoch: Int64

    public init(microsecondsSinceEpoch: Int64) {
        self.microsecondsSinceEpoch = microsecondsSinceEpoch
    }

    public static func now() -> Timestamp {
        Timestamp(microsecondsSinceEpoch: Int64((Date().timeIntervalSince1970 * 1_000_000).rounded(.down)))
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        lhs.microsecondsSinceEpoch < rhs.microsecondsSinceEpoch
    }

    public var description: String { recordedAtText }

    /// This instant without its fraction of a second: the precision of business time.
    public var wholeSeconds: Timestamp {
        Timestamp(microsecondsSinceEpoch: floorDivide(microsecondsSinceEpoch, 1_000_000).quotient * 1_000_000)
    }

    public var hasWholeSeconds: Bool { microsecondsSinceEpoch % 1_000_000 == 0 }

    /// `2026-02-03T15:00:00Z` (any fraction of a second is dropped).
    public var occurredAtText: String {
        let (seconds, _) = floorDivide(microsecondsSinceEpoch, 1_000_000)
        return Self.format(seconds: seconds, fraction: nil)
    }

    /// `2026-02-03T15:00:00.123456Z`.
    public var recordedAtText: String {
        let (seconds, micros) = floorDivide(microsecondsSinceEpoch, 1_000_000)
        return Self.format(seconds: seconds, fraction: micros)
    }

    // MARK: - Parsing

    public struct FormatError: Error, Sendable, Equatable {
        public let reason: String
    }

    /// Parses an RFC 3339 date-time (`2026-02-03T17:00:00+02:00`, `2026-02-03T15:00:00.5Z`, …).
    /// An offset is converted to UTC; digits beyond the microsecond are dropped.
    public init(rfc3339 text: String) throws(FormatError) {
        let b = Array(text.utf8)
        func digits(_ range: Range<Int>) throws(FormatError) -> Int64 {
            guard range.upperBound <= b.count else { throw FormatError(reason: "is not an RFC 3339 date-time") }
            var value: Int64 = 0
            for i in range {
                guard b[i] >= 0x30, b[i] <= 0x39 else { throw FormatError(reason: "is not an RFC 3339 date-time") }
                value = value * 10 + Int64(b[i] - 0x30)
            }
            return value
        }
        func expect(_ i: Int, _ chars: String) throws(FormatError) {
            guard i < b.count, chars.utf8.contains(b[i]) else {
                throw FormatError(reason: "is not an RFC 3339 date-time (YYYY-MM-DDTHH:MM:SSZ)")
            }
        }
        let year = try digits(0..<4)
        try expect(4, "-")
        let month = try digits(5..<7)
        try expect(7, "-")
        let day = try digits(8..<10)
        try expect(10, "Tt")
        let hour = try digits(11..<13)
        try expect(13, ":")
        let minute = try digits(14..<16)
        try expect(16, ":")
        let second = try digits(17..<19)
        var i = 19
        var micros: Int64 = 0
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            let start = i
            while i < b.count, b[i] >= 0x30, b[i] <= 0x39 { i += 1 }
            guard i > start else { throw FormatError(reason: "has an empty fraction of a second") }
            let used = min(i - start, 6)
            micros = try digits(start..<(start + used))
            for _ in used..<6 { micros *= 10 }
        }
        var offsetSeconds: Int64 = 0
        guard i < b.count else { throw FormatError(reason: "has no time zone (end it with Z for UTC)") }
        if b[i] == UInt8(ascii: "Z") || b[i] == UInt8(ascii: "z") {
            i += 1
        } else if b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
            let sign: Int64 = b[i] == UInt8(ascii: "+") ? 1 : -1
            let offsetHours = try digits((i + 1)..<(i + 3))
            try expect(i + 3, ":")
            let offsetMinutes = try digits((i + 4)..<(i + 6))
            guard offsetHours < 24, offsetMinutes < 60 else { throw FormatError(reason: "has an invalid UTC offset") }
            offsetSeconds = sign * (offsetHours * 3600 + offsetMinutes * 60)
            i += 6
        } else {
            throw FormatError(reason: "has no time zone (end it with Z for UTC)")
        }
        guard i == b.count else { throw FormatError(reason: "has unexpected text after the time zone") }
        guard (1...12).contains(month), day >= 1, day <= Self.daysIn(month: month, year: year) else {
            throw FormatError(reason: "is not a calendar date")
        }
        // 60 would be a leap second; the ledger has no use for one and POSIX time cannot hold it.
        guard hour < 24, minute < 60, second < 60 else { throw FormatError(reason: "is not a valid time of day") }
        let days = Self.daysFromCivil(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds
        // An offset can carry 0001-01-01 or 9999-12-31 across the edge of the years the ledger
        // stores (four digits, RFC 3339): refused, as it could not be written back.
        guard Self.storableSeconds.contains(seconds) else { throw FormatError(reason: "is outside the years 0001–9999 in UTC") }
        self.microsecondsSinceEpoch = seconds * 1_000_000 + micros
    }

    /// The seconds from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z.
    static let storableSeconds = daysFromCivil(year: 1, month: 1, day: 1) * 86_400...(daysFromCivil(year: 10_000, month: 1, day: 1) * 86_400 - 1)

    // MARK: - Calendar arithmetic (proleptic Gregorian, after H. Hinnant's civil-date algorithms)

    /// How many days the month has in the year (leap years counted).
    public static func daysIn(month: Int64, year: Int64) -> Int64 {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 of a day of the proleptic Gregorian calendar.
    public static func daysFromCivil(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civilFromDays(_ days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func format(seconds: Int64, fraction micros: Int64?) -> String {
        let (days, secondOfDay) = floorDivide(seconds, 86_400)
        let (year, month, day) = civilFromDays(days)
        var text: [UInt8] = []
        text.reserveCapacity(27)
        func digits(_ value: Int64, _ width: Int) {
            var divisor: Int64 = 1
            for _ in 1..<width { divisor *= 10 }
            var rest = value
            if rest >= divisor * 10 { text.append(contentsOf: String(rest / (divisor * 10)).utf8); rest %= divisor * 10 }
            while divisor > 0 {
                text.append(UInt8(ascii: "0") + UInt8(rest / divisor))
                rest %= divisor
                divisor /= 10
            }
        }
        digits(year, 4)
        text.append(UInt8(ascii: "-"))
        digits(month, 2)
        text.append(UInt8(ascii: "-"))
        digits(day, 2)
        text.append(UInt8(ascii: "T"))
        digits(secondOfDay / 3600, 2)
        text.append(UInt8(ascii: ":"))
        digits(secondOfDay / 60 % 60, 2)
        text.append(UInt8(ascii: ":"))
        digits(secondOfDay % 60, 2)
        if let micros {
            text.append(UInt8(ascii: "."))
            digits(micros, 6)
        }
        text.append(UInt8(ascii: "Z"))
        return String(decoding: text, as: UTF8.self)
    }
}

private func floorDivide(_ a: Int64, _ b: Int64) -> (quotient: Int64, remainder: Int64) {
    let q = a >= 0 ? a / b : (a - b + 1) / b
    return (q, a - q * b)
}
