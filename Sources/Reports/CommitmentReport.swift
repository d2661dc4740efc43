import Projections
import Vocabulary

/// `tuki report commitment`: how many signed up, started, graduated and dropped out, and the
/// commitment rate of the cohort and of each participant.
public enum CommitmentReport {
    public static func make(_ figures: CommitmentReadModel.Figures, language: Report.Language = .en, stamp: LedgerStamp) -> Report {
        func t(_ english: String) -> String { Labels.text(english, language) }
        let commitment = figures.commitment
        let cohort = Report.Table(
            key: "cohort", title: t("Cohort"),
            columns: [
                .init("signed_up", t("Signed up"), numeric: true), .init("started", t("Started"), numeric: true),
                .init("graduated", t("Graduated"), numeric: true), .init("dropped_out", t("Dropped out"), numeric: true),
                .init("ended_otherwise", t("Ended otherwise"), numeric: true), .init("still_enrolled", t("Still enrolled"), numeric: true),
                .init("never_started", t("Never started"), numeric: true),
                .init("sessions_held", t("Sessions held"), numeric: true), .init("attendances", t("Attendances"), numeric: true),
                .init("possible", t("Started × held"), numeric: true), .init("commitment_rate", t("Commitment"), numeric: true),
            ],
            rows: [[
                .integer(commitment.signedUp), .integer(commitment.started), .integer(commitment.graduated),
                .integer(commitment.droppedOut), .integer(commitment.endedOtherwise), .integer(commitment.stillEnrolled),
                .integer(commitment.neverStarted),
                .integer(commitment.sessionsHeld), .integer(commitment.attendances),
                .integer(commitment.rate.denominator), .rate(commitment.rate),
            ]])
        let participants = Report.Table(
            key: "participants", title: t("Participants"),
            columns: [
                .init("participant", t("Participant")), .init("signed_up", t("Signed up")), .init("started", t("Started")),
                .init("ended", t("Ended")), .init("outcome", t("Outcome")),
                .init("sessions_while_enrolled", t("Sessions while enrolled"), numeric: true),
                .init("attended", t("Attended"), numeric: true), .init("commitment_rate", t("Commitment"), numeric: true),
            ],
            rows: commitment.participants.map { participant in
                [.text(participant.participant), date(participant.signedUp), date(participant.started), date(participant.ended),
                 participant.outcome.map { Labels.code($0, language) } ?? .none, .integer(participant.sessionsWhileEnrolled), .integer(participant.attended),
                 .rate(participant.rate)]
            })
        return Report(
            kind: "commitment", title: "\(t("Commitment")): \(figures.name)",
            parameters: [.init("activity", t("Activity"), figures.activity), .init("kind", t("Kind"), Labels.code(figures.kind, language))],
            tables: [cohort, participants], stamp: stamp, language: language)
    }

    private static func text(_ value: String?) -> Report.Cell { value.map(Report.Cell.text) ?? .none }
    private static func date(_ value: String?) -> Report.Cell { value.map(Report.Cell.date) ?? .none }
}
