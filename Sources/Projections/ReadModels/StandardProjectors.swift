/// The projectors Tuki runs, in the order `projections status` lists them.
public enum StandardProjectors {
    public static let all: [any Projector] = [
        SessionsProjector(), CommitmentProjector(), FunderProjector(), DirectoryProjector(), BIKVAProjector(), FITProjector(),
        FeedbackProjector(), SurveyProjector(), StaffTimeProjector(),
    ]
}
