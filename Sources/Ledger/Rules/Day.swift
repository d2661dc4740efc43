import EventStore

/// A calendar day as the ledger writes it in events' data: YYYY-MM-DD.
public enum Day {
    /// Today in Finland (`FinnishTime`): the day something done now is dated on.
    public static func today() -> String { FinnishTime.today() }

    /// Whether the text is a day of the calendar written YYYY-MM-DD.
    public static func isDay(_ text: String) -> Bool {
        text.count == 10 && (try? Timestamp(rfc3339: text + "T00:00:00Z")) != nil
    }

    /// The day `days` after `day` (before, when negative); nil if `day` is not a day.
    public static func adding(_ days: Int, to day: String) -> String? {
        guard isDay(day), let date = try? Timestamp(rfc3339: day + "T00:00:00Z") else { return nil }
        return String(Timestamp(microsecondsSinceEpoch: date.microsecondsSinceEpoch + Int64(days) * 86_400_000_000).occurredAtText.prefix(10))
    }

    /// The day of the week, Monday 0 … Sunday 6; nil if `day` is not a day.
    public static func weekday(of day: String) -> Int? {
        guard isDay(day), let date = try? Timestamp(rfc3339: day + "T00:00:00Z") else { return nil }
        let days = date.microsecondsSinceEpoch / 86_400_000_000
        // 1 January 1970 was a Thursday (3).
        return Int(((days + 3) % 7 + 7) % 7)
    }

    /// `count` days from `first`, each `interval` days after the one before (a weekly group: 7).
    public static func repeating(from first: String, every interval: Int, count: Int) -> [String] {
        (0..<max(0, count)).compactMap { adding($0 * interval, to: first) }
    }
}
