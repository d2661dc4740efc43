import Foundation
import Hummingbird
import Ledger
import Reports

/// The reports the server makes, by the name in their address (`/reports/esr`), with the fields
/// each one's form asks for. Coordinators read every one; analysts the aggregate ones, with every
/// count of people below 5 hidden. Each is the report `tuki report …` makes.
enum ServedReport: String, CaseIterable, Sendable {
    case esr, stea, sessions, commitment, bikva, fit, feedback, survey, experts, fees
    case staffTime = "staff-time"

    /// A field of a report's form, by its name in the query.
    enum Field: String, Sendable {
        case project, activity, evaluation, survey, group, expert, staff, year, from, to
    }

    /// The fields the report's form has, and which of them it needs.
    var fields: [(field: Field, required: Bool)] {
        switch self {
        case .esr: [(.project, true), (.from, true), (.to, true)]
        case .stea: [(.project, true), (.year, true)]
        case .sessions: [(.activity, false), (.from, false), (.to, false)]
        case .commitment, .fit: [(.activity, true)]
        case .bikva: [(.evaluation, true)]
        // One of the two: the form says so, and the request is refused without exactly one.
        case .feedback: [(.activity, false), (.project, false), (.from, false), (.to, false)]
        case .survey: [(.survey, true), (.group, false)]
        case .experts: [(.project, false), (.year, true)]
        case .fees: [(.year, true), (.project, false), (.expert, false)]
        case .staffTime: [(.project, true), (.from, true), (.to, true), (.staff, false)]
        }
    }

    /// Reports of counts alone, which hide small ones: what an analyst may read. The others have a
    /// row per person or per session (by pseudonymous id), or name experts' work and pay.
    var isAggregate: Bool {
        switch self {
        case .esr, .stea, .bikva, .feedback, .survey: true
        case .sessions, .commitment, .fit, .experts, .fees, .staffTime: false
        }
    }

    var title: PageText.Key {
        switch self {
        case .esr: .esrReport
        case .stea: .steaReport
        case .sessions: .sessionsReport
        case .commitment: .commitmentReport
        case .bikva: .bikvaReport
        case .fit: .fitReport
        case .feedback: .feedbackReport
        case .survey: .surveyReport
        case .experts: .expertBankReport
        case .fees: .feesReport
        case .staffTime: .staffTimeReport
        }
    }

    /// The request a form's fields make, or `Refusal.badForm` for a missing or malformed field.
    /// Ids and days are checked by their form only: a report of something the ledger does not
    /// have is "not found", never an echo of what was asked.
    func request(_ values: (String) -> String?, today: String) throws -> ReportRequest {
        var given: [Field: String] = [:]
        for (field, required) in fields {
            let value = values(field.rawValue).map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
            guard let value else {
                if required { throw Refusal.badForm }
                continue
            }
            guard field.accepts(value) else { throw Refusal.badForm }
            // A day as a person types it (7.12.2026) or as ISO.
            given[field] = field == .from || field == .to ? Shown.isoDay(value) ?? value : value
        }
        if let from = given[.from], let to = given[.to], from > to { throw Refusal.badForm }
        let year = given[.year].flatMap { Int($0) } ?? Int(today.prefix(4)) ?? 0
        func required(_ field: Field) -> String { given[field] ?? "" }
        switch self {
        case .esr: return .esr(project: required(.project), from: required(.from), to: required(.to))
        case .stea: return .stea(project: required(.project), year: year)
        case .sessions: return .sessions(activity: given[.activity], from: given[.from], to: given[.to])
        case .commitment: return .commitment(activity: required(.activity))
        case .fit: return .fit(activity: required(.activity), participant: nil, onCutOffCountsAsBelow: true)
        case .bikva: return .bikva(evaluation: required(.evaluation))
        case .feedback:
            switch (given[.activity], given[.project]) {
            case let (activity?, nil): return .feedback(.activity(activity), from: given[.from], to: given[.to])
            case let (nil, project?): return .feedback(.project(project), from: given[.from], to: given[.to])
            default: throw Refusal.badForm
            }
        case .survey: return .survey(survey: required(.survey), respondentGroup: given[.group])
        case .experts: return .expertBank(project: given[.project], year: year)
        case .fees: return .fees(year: year, project: given[.project], expert: given[.expert], on: today)
        case .staffTime: return .staffTime(project: required(.project), from: required(.from), to: required(.to), timesheetOf: given[.staff])
        }
    }
}

extension ServedReport {
    /// Whether the report's form can name a person (an expert, a staff member): such a form is
    /// posted, never put in an address, which browsers, proxies and logs keep.
    var namesPerson: Bool { fields.contains { $0.field.isPerson } }
}

extension ServedReport.Field {
    /// A field whose value is a person's id.
    var isPerson: Bool { self == .expert || self == .staff }

    /// A query's fields, refused if one of them names a person.
    static func query(of request: Request) throws -> FormFields {
        let query = FormFields(pairs: request.uri.queryParameters.map { (String($0.key), String($0.value)) })
        for field in [Self.expert, .staff] where query[field.rawValue] != nil { throw Refusal.personInAddress }
        return query
    }

    /// The respondent groups a survey's answers are from (`survey.answered`).
    static let respondentGroups = SurveyAnswered.RespondentGroup.allCases.map(\.rawValue)

    /// Whether the value has the field's form: an id of the ledger's, a day, a year, a group.
    func accepts(_ value: String) -> Bool {
        switch self {
        case .from, .to: Shown.isoDay(value) != nil
        case .year: value.count == 4 && Int(value).map { (1...9999).contains($0) } == true
        case .group: Self.respondentGroups.contains(value)
        case .project, .activity, .evaluation, .survey, .expert, .staff: Self.isIdentifier(value)
        }
    }

    /// Ids as the ledger writes them: lower-case letters, digits and hyphens, starting with a letter
    /// or digit (`project-s30999`, `p-7k2m`, `staff-01`).
    static func isIdentifier(_ value: String) -> Bool {
        guard let first = value.unicodeScalars.first, value.count <= 128 else { return false }
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyz0123456789-")
        return first != "-" && value.unicodeScalars.allSatisfy(allowed.contains)
    }
}
