/// One person's participation in one project, worked out from their enrolments there: when they
/// first entered and what their first entry's data count on, and the stretches of days over which
/// they count as having left (docs/esr-report.md gives the rules).
///
/// Whether someone has left depends on the day a report ends on: a person who left in March and
/// was enrolled again in May is a leaver in a report to April and not in one to June. The funder
/// projector keeps these stretches, so a report finds its leavers without replaying anyone's
/// enrolments; `Participation` is the pure rule that the projector and the tests share.
public struct Participation: Sendable, Equatable {
    /// An entry or an exit of the person's, reduced to what the rules need: where, when, and the
    /// indicator lines its data count on.
    public struct Step: Sendable, Equatable {
        public let activity: String, date: String, lines: UInt64

        public init(activity: String, date: String, lines: UInt64) {
            (self.activity, self.date, self.lines) = (activity, date, lines)
        }
    }

    /// From `since` up to (not including) `until`, the person counts as a leaver who left on
    /// `leftOn`, with the result lines of that last exit. `until` is nil while nothing after it
    /// has changed that.
    public struct Leaving: Sendable, Equatable {
        public let since: String, until: String?, leftOn: String, lines: UInt64

        public init(since: String, until: String?, leftOn: String, lines: UInt64) {
            (self.since, self.until, self.leftOn, self.lines) = (since, until, leftOn, lines)
        }

        /// Whether a report ending on `day` counts this leaving.
        public func covers(_ day: String) -> Bool { since <= day && until.map { day < $0 } ?? true }
    }

    /// The date of the first entry (the earliest date; of two on one day, the one recorded first).
    public let entered: String
    /// The output lines of that first entry's data: one participation per person per project.
    public let lines: UInt64
    public let leavings: [Leaving]

    /// nil if `entries` is empty. `entries` and `exits` are the person's in one project, in the
    /// order they were recorded.
    public init?(entries: [Step], exits: [Step]) {
        var first: Step?
        for entry in entries where first.map({ entry.date < $0.date }) ?? true { first = entry }
        guard let first else { return nil }
        entered = first.date
        lines = first.lines

        // The answer can change only on a day something was dated: work it out for each such day.
        var leavings: [Leaving] = []
        var current: (since: String, leftOn: String, lines: UInt64)?
        for day in Set(entries.map(\.date) + exits.map(\.date)).sorted() {
            let state = Self.leaving(through: day, entries: entries, exits: exits)
            if let open = current, state.map({ ($0.leftOn, $0.lines) != (open.leftOn, open.lines) }) ?? true {
                leavings.append(Leaving(since: open.since, until: day, leftOn: open.leftOn, lines: open.lines))
                current = nil
            }
            if current == nil, let state { current = (day, state.leftOn, state.lines) }
        }
        if let open = current { leavings.append(Leaving(since: open.since, until: nil, leftOn: open.leftOn, lines: open.lines)) }
        self.leavings = leavings
    }

    /// Whether the person has left as the days up to `day` tell it: every enrolment they started
    /// by then (per activity, their last start) has an exit on or after its start; then the last
    /// exit (the latest date; of two on one day, the one recorded first) is their leaving.
    static func leaving(through day: String, entries: [Step], exits: [Step]) -> (leftOn: String, lines: UInt64)? {
        var lastStart: [String: String] = [:]
        for entry in entries where entry.date <= day {
            if lastStart[entry.activity].map({ $0 < entry.date }) ?? true { lastStart[entry.activity] = entry.date }
        }
        guard !lastStart.isEmpty else { return nil }
        let ended = exits.filter { $0.date <= day }
        let stillIn = lastStart.contains { activity, start in !ended.contains { $0.activity == activity && $0.date >= start } }
        guard !stillIn, let last = ended.max(by: { $0.date < $1.date }) else { return nil }
        return (last.date, last.lines)
    }
}
