import ArgumentParser
import EventStore
import Projections

/// `--as-of` and `--at-position`: replay the log as it stood at a moment or a position, into a
/// temporary read model that leaves the live one alone.
struct ReplayOptions: ParsableArguments {
    /// The options' help, shared with `ReportOptions`, which declares the same options.
    enum Help {
        static let asOf = ArgumentHelp(
            "Replay the log as it stood at this moment: the events recorded at or before it. RFC 3339 (2026-06-30T12:00:00Z), a date for the end of that day in UTC (today: up to now), or now.",
            valueName: "timestamp")
        static let atPosition = ArgumentHelp("Replay the log up to and including this position.", valueName: "N")
    }

    @Option(help: Help.asOf) var asOf: String?
    @Option(help: Help.atPosition) var atPosition: Int64?

    init() {}

    /// The options as given to a command that declares them itself (`ReportOptions`).
    init(asOf: String?, atPosition: Int64?) {
        self.asOf = asOf
        self.atPosition = atPosition
    }

    func validate() throws {
        if asOf != nil && atPosition != nil { throw ValidationError("Give --as-of or --at-position, not both.") }
        if let atPosition, atPosition < 0 { throw ValidationError("--at-position must be 0 or more.") }
        if asOf != nil { _ = try moment() }
    }

    var isReplay: Bool { asOf != nil || atPosition != nil }

    /// The day a list or report is judged on (what is open, the year by default): today, or the
    /// day of an as-of replay.
    func day() throws -> String {
        String((try moment() ?? Timestamp.now()).occurredAtText.prefix(10))
    }

    /// The as-of moment; a bare date stands for the last microsecond of that day (UTC), and today
    /// for now: nothing later can have been recorded yet.
    func moment() throws -> Timestamp? {
        guard let asOf else { return nil }
        let now = Timestamp.now()
        // "today" is the end of today, which has not come yet: everything recorded up to now.
        if asOf == "now" || asOf == "today" { return now }
        let text = asOf.count == 10 ? asOf + "T23:59:59.999999Z" : asOf
        do {
            let moment = try Timestamp(rfc3339: text)
            return asOf.count == 10 && asOf == String(now.occurredAtText.prefix(10)) ? now : moment
        } catch {
            throw ValidationError("--as-of must be an RFC 3339 timestamp such as 2026-06-30T12:00:00Z, a date such as 2026-06-30, today or now"
                                  + (error.reason.isEmpty ? "." : ": \(error.reason)."))
        }
    }

    /// The position to replay to and how the report names it, or nil for the live read models.
    func point(in store: EventStore) throws -> (position: Int64, stamp: (asOf: String?, atPosition: Int64?))? {
        if let atPosition { return (atPosition, (nil, atPosition)) }
        guard let moment = try moment() else { return nil }
        // A moment still to come could gain events, and the report would change.
        guard moment <= Timestamp.now() else { throw ProjectionError.asOfInTheFuture(moment: moment.recordedAtText) }
        let (head, first) = try store.read { reader in (try reader.head(asOf: moment), try reader.head(atPosition: 1)) }
        // A replay before anything was recorded is empty: say why, not only show nothing.
        if head.position == 0, let first, first.position == 1 {
            Terminal.printError("Nothing was recorded by \(moment.recordedAtText): the ledger's first event was recorded at \(first.recordedAt).")
        }
        return (head.position, (moment.recordedAtText, nil))
    }
}
