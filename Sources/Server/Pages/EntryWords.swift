import Ledger
import Reports
import Vocabulary

/// An entry as a page names it — its kind, its day, and what it holds in words (a group's name, a
/// mark, an amount) — so that a correction says what it voids. Never its free text: a reason, a
/// description or a theme someone typed stays where it was recorded.
enum EntryWords {
    static func what(_ type: String, _ language: PageLanguage) -> String {
        Catalogue.eventType(type)?(language) ?? type
    }

    /// The entry's details in words: `activities` gives each activity's name.
    static func detail(_ event: DomainEvent, activity stream: String, activities: [String: String], _ language: PageLanguage) -> String {
        func name(_ activity: String?) -> String { activity.map { activities[$0] ?? $0 } ?? "" }
        func word(_ code: String, _ field: String) -> String { Catalogue.value(code, of: field)?(language) ?? code }
        func euros(_ cents: Int) -> String { Report.Cell.cents(cents).shown(language) }
        switch event {
        case let .consentRecorded(consent):
            return "\(word(consent.scope.rawValue, "scope")) · \(PageText.text(consent.withdrawn == true ? .consentWithdrawn : .consentGiven, language))"
        case let .enrolmentSignedUp(step): return name(step.activity)
        case let .enrolmentStarted(step): return name(step.activity)
        case let .enrolmentEnded(step): return "\(name(step.activity)) · \(word(step.outcome.rawValue, "outcome"))"
        case let .attendanceRecorded(mark): return "\(name(stream)) · \(word(mark.status.rawValue, "status"))"
        case let .expertRegistered(expert): return expert.alias
        case let .expertStatusChanged(change): return word(change.status.rawValue, "status")
        case let .fitRecorded(rating):
            return "\(name(rating.activity)) · \(rating.instrument.rawValue) \(Report.Cell.hundredths(hundredths(rating.total)).shown(language))"
        case let .feedbackGiven(feedback): return "\(name(feedback.activity)) · \(feedback.rating)/5"
        case let .engagementAgreed(agreed): return "\(word(agreed.kind.rawValue, "kind")) · \(euros(agreed.agreedFeeCents))"
        case let .engagementCompleted(done): return "\(Report.Cell.hundredths(hundredths(done.hours)).shown(language)) h"
        case let .feePaid(fee): return euros(fee.amountCents)
        case let .travelReimbursed(travel): return euros(travel.amountCents)
        case let .perDiemPaid(perDiem): return euros(perDiem.amountCents)
        default: return ""
        }
    }

    /// A number the schema bounds (hours, a FIT total), in hundredths for showing; 0 for one out of
    /// any bound, rather than a trap.
    private static func hundredths(_ value: Double) -> Int {
        guard value.isFinite, abs(value) < 1_000_000 else { return 0 }
        return Int((value * 100).rounded())
    }
}
