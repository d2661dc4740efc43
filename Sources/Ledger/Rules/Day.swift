import EventStore

/// A calendar day as the ledger writes it in events' data: YYYY-MM-DD.
public enum Day {
    /// Today in Finland (`FinnishTime`): the day something done now is dated on.
    public static func today() -> String { FinnishTime.today() }

    /// Whether the text is a day of the calendar written YYYY-MM-DD.
    public static func isDay(_ text: String) -> Bool {
        text.count == 10 && (try? Timestamp(rfc3339: text + "T00:00:00Z")) != nil
    }
}
