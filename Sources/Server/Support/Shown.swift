import EventStore
import Ledger
import Projections
import Vocabulary

/// Days and times as people in Finland write them — 7.12.2026, and 7.12.2026 klo 14.05 in Finnish
/// time (Europe/Helsinki) — while the ledger keeps ISO days and UTC instants.
enum Shown {
    /// `2026-12-07` as `7.12.2026`; anything else as it is.
    static func day(_ iso: String) -> String { WrittenDay.of(iso) }

    /// An RFC 3339 instant as its Finnish day and time: `7.12.2026 klo 14.05` (`7.12.2026 14:05` in
    /// English).
    static func time(_ rfc3339: String, _ language: PageLanguage) -> String {
        guard let instant = try? Timestamp(rfc3339: rfc3339) else { return rfc3339 }
        let seconds = instant.microsecondsSinceEpoch / 1_000_000
        let local = Timestamp(microsecondsSinceEpoch: (seconds + FinnishTime.offsetSeconds(atUTCSeconds: seconds)) * 1_000_000).occurredAtText
        let hour = local.dropFirst(11).prefix(2), minute = local.dropFirst(14).prefix(2)
        return language == .fi ? "\(day(String(local.prefix(10)))) klo \(hour).\(minute)" : "\(day(String(local.prefix(10)))) \(hour):\(minute)"
    }

    /// A session's day with its weekday, and its start when it has one: `ma 14.12.2026 klo 17.00`.
    static func when(_ session: DirectoryReadModel.Session, _ language: PageLanguage) -> String {
        when(date: session.date, startTime: session.startTime, language)
    }

    static func when(date: String, startTime: String?, _ language: PageLanguage) -> String {
        let weekday = Day.weekday(of: date).map { Catalogue.weekday($0)(language) + " " } ?? ""
        guard let startTime else { return weekday + day(date) }
        return language == .fi ? "\(weekday)\(day(date)) klo \(startTime.replacingOccurrences(of: ":", with: "."))"
            : "\(weekday)\(day(date)) \(startTime)"
    }

    /// A day as a person types it — `7.12.2026` — or as a date field sends it (`2026-12-07`), as
    /// the ISO day the ledger keeps; nil if it is neither.
    static func isoDay(_ typed: String) -> String? {
        if Day.isDay(typed) { return typed }
        let parts = typed.split(separator: ".")
        guard parts.count == 3, let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]),
              parts[2].count == 4, (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        let iso = "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
        return Day.isDay(iso) ? iso : nil
    }
}
