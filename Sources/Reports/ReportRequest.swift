import EventStore
import GRDB
import Projections
import Vocabulary

/// A report asked for, with what it is of: the one place that says which read models each report
/// reads and how it is made from them, for `tuki report …` and for the server alike.
public enum ReportRequest: Sendable {
    case sessions(activity: String?, from: String?, to: String?)
    case commitment(activity: String)
    case esr(project: String, from: String, to: String)
    case bikva(evaluation: String)
    case fit(activity: String, participant: String?, onCutOffCountsAsBelow: Bool)
    case feedback(FeedbackReadModel.Scope, from: String?, to: String?)
    case survey(survey: String, respondentGroup: String?)
    case expertBank(project: String?, year: Int)
    /// `on`: the day the open items are judged on.
    case fees(year: Int, project: String?, expert: String?, on: String)
    case staffTime(project: String, from: String, to: String, timesheetOf: String?)
    case stea(project: String, year: Int)

    /// The projectors whose read models the report reads (brought up to date first).
    public var projectors: [String] {
        switch self {
        case .sessions: ["sessions"]
        case .commitment: ["sessions", "commitment"]
        case .esr: ["sessions", "funder"]
        case .bikva: ["bikva"]
        case .fit: ["fit"]
        case .feedback: ["feedback"]
        case .survey: ["survey"]
        case .expertBank, .fees: ["directory"]
        case .staffTime: ["staff"]
        case .stea: ["directory", "sessions", "feedback"]
        }
    }

    /// Reports handed on to a funder, a payer or an evaluation's readers are made only from a
    /// chain verified up to their head.
    public var verifiesChain: Bool {
        switch self {
        case .esr, .bikva, .fees, .staffTime, .stea: true
        case .sessions, .commitment, .fit, .feedback, .survey, .expertBank: false
        }
    }

    /// The report, or nil when the ledger has nothing it could be of (no such project, activity,
    /// evaluation or survey). `suppressBelow` hides small counts where the report has them;
    /// `payees` (fees only) makes the payroll view.
    public func make(in db: Database, language: Report.Language, suppressBelow: Int? = nil, payees: ListReports.PersonOpener? = nil,
                     stamp: LedgerStamp) throws -> Report? {
        switch self {
        case let .sessions(activity, from, to):
            let overview = try SessionsReadModel.overview(.init(activity: activity, from: from, to: to), in: db)
            if activity != nil, overview.activities.isEmpty { return nil }
            return SessionsReport.make(overview, language: language, stamp: stamp)
        case let .commitment(activity):
            return try CommitmentReadModel.figures(of: activity, in: db).map { CommitmentReport.make($0, language: language, stamp: stamp) }
        case let .esr(project, from, to):
            return try FunderReadModel.figures(project: project, from: from, to: to, in: db)
                .map { ESRReport.make($0, language: language, suppressBelow: suppressBelow, stamp: stamp) }
        case let .bikva(evaluation):
            return try BIKVAReadModel.figures(of: evaluation, in: db)
                .map { BIKVAReport.make($0, suppressBelow: suppressBelow, language: language, stamp: stamp) }
        case let .fit(activity, participant, below):
            return try FITReadModel.figures(of: activity, participant: participant, settings: .init(onCutOffCountsAsBelow: below), in: db)
                .map { FITReport.make($0, participant: participant, suppressBelow: suppressBelow, language: language, stamp: stamp) }
        case let .feedback(scope, from, to):
            return try FeedbackReadModel.figures(scope, from: from, to: to, in: db)
                .map { FeedbackReport.make($0, from: from, to: to, suppressBelow: suppressBelow, language: language, stamp: stamp) }
        case let .survey(survey, group):
            return try SurveyReadModel.figures(of: survey, respondentGroup: group, in: db)
                .map { SurveyReport.make($0, suppressBelow: suppressBelow, language: language, stamp: stamp) }
        case let .expertBank(project, year):
            let work = try ExpertWorkReadModel.load(project: project, in: db)
            return ExpertBankReport.make(ExpertWorkReadModel.bank(work, year: year), year: year, project: project, language: language,
                                         stamp: stamp)
        case let .fees(year, project, expert, day):
            let work = try ExpertWorkReadModel.load(project: project, expert: expert, in: db)
            let years = ExpertWorkReadModel.fees(work, year: year)
            let open = ExpertWorkReadModel.openItems(work, on: day)
            // Names stand in the year's table only: an expert listed only under the open items is
            // not named there, so their registration is not opened (nor its reading logged).
            let paid = years.map(\.expert.participant).sorted()
            return FeesReport.make(years, payments: ExpertWorkReadModel.payments(work, year: year), openItems: open, experts: work.experts, year: year, on: day, project: project,
                                   payees: try payees?(paid), language: language, stamp: stamp)
        case let .staffTime(project, from, to, staff):
            return try StaffTimeReadModel.entries(project: project, from: from, to: to, staffMember: staff, in: db)
                .map { StaffTimeReport.make($0, project: project, from: from, to: to, timesheetOf: staff, language: language, stamp: stamp) }
        case let .stea(project, year):
            return try STEAReadModel.figures(project: project, year: year, in: db)
                .map { STEAReport.make($0, suppressBelow: suppressBelow, language: language, stamp: stamp) }
        }
    }
}

extension ReportRequest {
    /// The request with its period widened to whole calendar months: from the first day of the
    /// month of its start to the last day of the month of its end. Aggregate reports for a role
    /// without access to rows (an analyst's) are made so, since two windows that differ by a few
    /// days would otherwise give away the one answer between them by their difference.
    public var inWholeMonths: ReportRequest {
        switch self {
        case let .esr(project, from, to):
            return .esr(project: project, from: Self.firstOfMonth(from), to: Self.lastOfMonth(to))
        case let .feedback(scope, from, to):
            return .feedback(scope, from: from.map(Self.firstOfMonth), to: to.map(Self.lastOfMonth))
        case let .sessions(activity, from, to):
            return .sessions(activity: activity, from: from.map(Self.firstOfMonth), to: to.map(Self.lastOfMonth))
        case let .staffTime(project, from, to, staff):
            return .staffTime(project: project, from: Self.firstOfMonth(from), to: Self.lastOfMonth(to), timesheetOf: staff)
        case .commitment, .bikva, .fit, .survey, .expertBank, .fees, .stea:
            return self
        }
    }

    /// YYYY-MM-01 of a YYYY-MM-DD day.
    static func firstOfMonth(_ day: String) -> String { String(day.prefix(7)) + "-01" }

    /// The last day of the month of a YYYY-MM-DD day (leap years counted); the day itself if it
    /// does not read as one.
    static func lastOfMonth(_ day: String) -> String {
        guard let year = Int64(day.prefix(4)), let month = Int64(day.dropFirst(5).prefix(2)), (1...12).contains(month) else { return day }
        return String(day.prefix(7)) + "-\(Timestamp.daysIn(month: month, year: year))"
    }
}
