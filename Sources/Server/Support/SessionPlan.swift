import Ledger

/// The days a group's schedule form plans: its first day once, weekly or fortnightly for a number
/// of times, or the days listed one per line (or separated by commas or spaces).
enum SessionPlan {
    /// A term is at most a year of weekly sessions.
    static let mostSessions = 52

    /// The form's days as ISO days, in order; nil when a day is not a day, the number of times is
    /// out of range, the same day is listed twice, or there are none.
    static func dates(_ form: FormFields) -> [String]? {
        let dates: [String]
        switch form["repeat"] ?? "once" {
        case "days":
            let typed = (form["days"] ?? "").split(whereSeparator: { $0.isNewline || $0 == "," || $0 == " " || $0 == ";" })
            let days = typed.map { Shown.isoDay(String($0)) }
            guard days.allSatisfy({ $0 != nil }) else { return nil }
            dates = days.compactMap { $0 }.sorted()
        case let repeating:
            guard let first = form["date"].flatMap({ Shown.isoDay($0.trimmed) }) else { return nil }
            let times = repeating == "once" ? 1 : Int(form["times"] ?? "") ?? 0
            guard let interval = ["once": 7, "weekly": 7, "fortnightly": 14][repeating], (1...mostSessions).contains(times) else { return nil }
            dates = Day.repeating(from: first, every: interval, count: times)
        }
        guard !dates.isEmpty, dates.count <= mostSessions, Set(dates).count == dates.count else { return nil }
        return dates
    }
}
