/// Commitment figures of one activity as docs/projections.md defines them, computed purely from enrolment
/// steps, held sessions and present records:
/// - per participant: sessions attended ÷ sessions held while enrolled (from the day they started
///   to the day their enrolment ended, both included);
/// - per cohort: all attendances of the participants who started ÷ (participants who started ×
///   sessions held).
public struct Commitment: Sendable, Equatable {
    public struct Step: Sendable, Equatable {
        public enum Kind: String, Sendable { case signedUp = "signed-up", started, ended }
        public let participant: String
        public let kind: Kind
        public let date: String
        public let outcome: String?

        public init(participant: String, kind: Kind, date: String, outcome: String? = nil) {
            self.participant = participant
            self.kind = kind
            self.date = date
            self.outcome = outcome
        }
    }

    public struct Participant: Sendable, Equatable {
        public let participant: String
        public let signedUp: String?
        public let started: String?
        /// The end of the latest enrolment, and how it ended; nil while enrolled.
        public let ended: String?
        public let outcome: String?
        public let sessionsWhileEnrolled: Int
        public let attended: Int

        public var rate: Rate { Rate(attended, of: sessionsWhileEnrolled) }
    }

    public let participants: [Participant]
    public let sessionsHeld: Int

    public var signedUp: Int { participants.count }
    public var started: Int { participants.filter { $0.started != nil }.count }
    public var graduated: Int { count(outcome: "graduated") }
    public var droppedOut: Int { count(outcome: "dropped-out") }
    /// Ended another way: completed, moved, other.
    public var endedOtherwise: Int { participants.filter { $0.ended != nil && !["graduated", "dropped-out"].contains($0.outcome) }.count }
    /// Started and not ended.
    public var stillEnrolled: Int { participants.filter { $0.started != nil && $0.ended == nil }.count }
    /// Signed up and never started.
    public var neverStarted: Int { participants.filter { $0.started == nil }.count }
    /// Attendances of the participants who started.
    public var attendances: Int { participants.filter { $0.started != nil }.reduce(0) { $0 + $1.attended } }
    public var rate: Rate { Rate(attendances, of: started * sessionsHeld) }

    private func count(outcome: String) -> Int { participants.filter { $0.ended != nil && $0.outcome == outcome }.count }

    /// `steps` in the order they were recorded; `held` maps each held session to its date;
    /// `present` lists (participant, session) for each held session a participant attended.
    public init(steps: [Step], held: [String: String], present: [(participant: String, session: String)]) {
        struct Episode { var signedUp: String?, started: String?, ended: String?, outcome: String? }
        var episodes: [String: [Episode]] = [:]
        for step in steps {
            var list = episodes[step.participant, default: []]
            let open = list.last.map { $0.ended == nil } ?? false
            switch step.kind {
            case .signedUp:
                if !open { list.append(Episode(signedUp: step.date)) }
            case .started:
                if open { list[list.count - 1].started = step.date } else { list.append(Episode(started: step.date)) }
            case .ended:
                if open { (list[list.count - 1].ended, list[list.count - 1].outcome) = (step.date, step.outcome) }
            }
            episodes[step.participant] = list
        }
        var attendedSessions: [String: Set<String>] = [:]
        for record in present where held[record.session] != nil {
            attendedSessions[record.participant, default: []].insert(record.session)
        }
        participants = episodes.keys.sorted().compactMap { participant in
            guard let list = episodes[participant], let last = list.last else { return nil }
            let windows = list.compactMap { episode in episode.started.map { ($0, episode.ended ?? "9999-12-31") } }
            let whileEnrolled = Set(held.filter { _, date in windows.contains { $0.0 <= date && date <= $0.1 } }.keys)
            return Participant(
                participant: participant, signedUp: list.compactMap(\.signedUp).first, started: list.compactMap(\.started).first,
                ended: last.ended, outcome: last.outcome, sessionsWhileEnrolled: whileEnrolled.count,
                attended: attendedSessions[participant, default: []].intersection(whileEnrolled).count)
        }
        sessionsHeld = held.count
    }
}
