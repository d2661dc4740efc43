import EventStore

/// One answer of client feedback: the rating and themes in clear, the free text sealed — for the
/// participant who gave it, or, when it is anonymous, for a subject of its own (`fb-…`), so that
/// erasing either erases it.
public struct GiveFeedback: RecordingCommand {
    public var activity: String
    public var rating: Int
    public var participant: String?
    public var themes: [String]?
    public var text: String?
    public var date: String?

    public init(activity: String, rating: Int, participant: String? = nil, themes: [String]? = nil, text: String? = nil, date: String? = nil) {
        (self.activity, self.rating, self.participant, self.themes, self.text, self.date) = (activity, rating, participant, themes, text, date)
    }

    private struct Sealed: Encodable { let text: String }

    public func recording(_ ledger: LedgerFacts) throws -> Recording {
        let day = date ?? ledger.today
        let event = try Recording.Event(activity, "feedback.given", FeedbackGiven(
            activity: activity, participant: participant, date: day, rating: rating, themes: themes, text: nil), day: day)
        guard let text else { return Recording(event, id: activity) }
        let subject = try participant ?? ledger.unusedIdentifier(prefix: "fb") { "subject-\($0)" }
        return Recording(event, id: subject, sealing: .init(fields: try Recording.Event.json(Sealed(text: text)), subject: try SubjectID(subject), member: "text"))
    }
}

/// One FIT rating of four items (ORS or CORS at a session's start, SRS or CSRS at its end).
public struct RecordFIT: RecordingCommand {
    public var participant: String
    public var instrument: FITRecorded.Instrument
    public var items: [Double]
    public var activity: String?
    public var session: String?
    public var date: String?

    public init(participant: String, instrument: FITRecorded.Instrument, items: [Double], activity: String? = nil, session: String? = nil, date: String? = nil) {
        (self.participant, self.instrument, self.items, self.activity, self.session, self.date) = (participant, instrument, items, activity, session, date)
    }

    public func recording(_ ledger: LedgerFacts) throws -> Recording {
        let day = date ?? ledger.today
        return Recording(try .init("participant-\(participant)", "feedback.fit-recorded", FITRecorded(
            participant: participant, activity: activity, session: session, instrument: instrument, items: items, date: day), day: day), id: participant)
    }
}

/// One anonymous answer to a staff or expert survey.
public struct AnswerSurvey: RecordingCommand {
    public var survey: String
    public var project: String
    public var wave: SurveyAnswered.Wave
    public var respondentGroup: SurveyAnswered.RespondentGroup
    public var scale: SurveyAnswered.Scale
    public var answers: [SurveyAnswered.Answer]
    public var date: String?

    public init(survey: String, project: String, wave: SurveyAnswered.Wave, respondentGroup: SurveyAnswered.RespondentGroup,
                scale: SurveyAnswered.Scale, answers: [SurveyAnswered.Answer], date: String? = nil) {
        (self.survey, self.project, self.wave, self.respondentGroup, self.scale, self.answers, self.date) =
            (survey, project, wave, respondentGroup, scale, answers, date)
    }

    public func recording(_ ledger: LedgerFacts) throws -> Recording {
        guard !answers.isEmpty else { throw CommandError.nothingToRecord }
        let day = date ?? ledger.today
        return Recording(try .init("survey-\(survey)", "survey.answered", SurveyAnswered(
            survey: survey, project: project, wave: wave, respondentGroup: respondentGroup, date: day, scale: scale, answers: answers), day: day), id: survey)
    }
}

/// One stage of a BIKVA evaluation: the group, and the themes it raised.
public struct RecordBIKVAStage: RecordingCommand {
    public var evaluation: String
    public var project: String
    public var stage: Int
    public var groupSize: Int
    public var themes: [BIKVAStageRecorded.Theme]
    public var date: String?

    public init(evaluation: String, project: String, stage: Int, groupSize: Int, themes: [BIKVAStageRecorded.Theme], date: String? = nil) {
        (self.evaluation, self.project, self.stage, self.groupSize, self.themes, self.date) = (evaluation, project, stage, groupSize, themes, date)
    }

    public func recording(_ ledger: LedgerFacts) throws -> Recording {
        guard !themes.isEmpty else { throw CommandError.nothingToRecord }
        let day = date ?? ledger.today
        return Recording(try .init("bikva-\(evaluation)", "bikva.stage-recorded", BIKVAStageRecorded(
            evaluation: evaluation, project: project, stage: stage, date: day, groupSize: groupSize, themes: themes), day: day), id: evaluation)
    }
}

/// The group of a stage approved the wording passed on to the next level.
public struct ApproveBIKVAWording: RecordingCommand {
    public var evaluation: String
    public var stage: Int
    public var date: String?

    public init(evaluation: String, stage: Int, date: String? = nil) {
        (self.evaluation, self.stage, self.date) = (evaluation, stage, date)
    }

    public func recording(_ ledger: LedgerFacts) throws -> Recording {
        let day = date ?? ledger.today
        return Recording(try .init("bikva-\(evaluation)", "bikva.wording-approved",
                                   BIKVAWordingApproved(evaluation: evaluation, stage: stage, date: day), day: day), id: evaluation)
    }
}

/// What became of a change agreed at a stage for a theme.
public struct FollowUpBIKVAChange: RecordingCommand {
    public var evaluation: String
    public var stage: Int
    public var theme: String
    public var status: BIKVAChangeFollowedUp.Status
    public var note: String?
    public var date: String?

    public init(evaluation: String, stage: Int, theme: String, status: BIKVAChangeFollowedUp.Status, note: String? = nil, date: String? = nil) {
        (self.evaluation, self.stage, self.theme, self.status, self.note, self.date) = (evaluation, stage, theme, status, note, date)
    }

    public func recording(_ ledger: LedgerFacts) throws -> Recording {
        let day = date ?? ledger.today
        return Recording(try .init("bikva-\(evaluation)", "bikva.change-followed-up", BIKVAChangeFollowedUp(
            evaluation: evaluation, stage: stage, theme: theme, status: status, date: day, note: note), day: day), id: evaluation)
    }
}
