import Projections

/// `tuki report commitment`: how many signed up, started, graduated and dropped out, and the
/// commitment rate of the cohort and of each participant.
public enum CommitmentReport {
    public static func make(_ figures: CommitmentReadModel.Figures, stamp: LedgerStamp) -> Report {
        let commitment = figures.commitment
        let cohort = Report.Table(
            key: "cohort", title: "Cohort",
            columns: [
                .init("signed_up", "Signed up", numeric: true), .init("started", "Started", numeric: true),
                .init("graduated", "Graduated", numeric: true), .init("dropped_out", "Dropped out", numeric: true),
                .init("ended_otherwise", "Ended otherwise", numeric: true), .init("still_enrolled", "Still enrolled", numeric: true),
                .init("never_started", "Never started", numeric: true),
                .init("sessions_held", "Sessions held", numeric: true), .init("attendances", "Attendances", numeric: true),
                .init("possible", "Started × held", numeric: true), .init("commitment_rate", "Commitment", numeric: true),
            ],
            rows: [[
                .integer(commitment.signedUp), .integer(commitment.started), .integer(commitment.graduated),
                .integer(commitment.droppedOut), .integer(commitment.endedOtherwise), .integer(commitment.stillEnrolled),
                .integer(commitment.neverStarted),
                .integer(commitment.sessionsHeld), .integer(commitment.attendances),
                .integer(commitment.rate.denominator), .rate(commitment.rate),
            ]])
        let participants = Report.Table(
            key: "participants", title: "Participants",
            columns: [
                .init("participant", "Participant"), .init("signed_up", "Signed up"), .init("started", "Started"),
                .init("ended", "Ended"), .init("outcome", "Outcome"),
                .init("sessions_while_enrolled", "Sessions while enrolled", numeric: true),
                .init("attended", "Attended", numeric: true), .init("commitment_rate", "Commitment", numeric: true),
            ],
            rows: commitment.participants.map { participant in
                [.text(participant.participant), text(participant.signedUp), text(participant.started), text(participant.ended),
                 text(participant.outcome), .integer(participant.sessionsWhileEnrolled), .integer(participant.attended),
                 .rate(participant.rate)]
            })
        return Report(
            kind: "commitment", title: "Commitment: \(figures.name)",
            parameters: [.init("activity", "Activity", figures.activity), .init("kind", "Kind", figures.kind)],
            tables: [cohort, participants], stamp: stamp)
    }

    private static func text(_ value: String?) -> Report.Cell { value.map(Report.Cell.text) ?? .none }
}
