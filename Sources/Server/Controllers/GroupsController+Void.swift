import EventStore
import Hummingbird
import Ledger
import Vocabulary

/// Corrections where the entry is shown: a session's latest record on the group's page (planned,
/// held or cancelled by mistake) and a person's mark on the sheet, voided with a reason. The
/// form names the entry in words; the event must be one of this group's sessions or marks.
extension GroupsController {
    static let voidableTypes: Set<String> = ["session.scheduled", "session.held", "session.cancelled", "attendance.recorded"]

    @Sendable func void(_ request: Request, context: SignedInContext) async throws -> Response {
        let activity = try context.parameters.require("activity")
        // Back to the sheet the form was on, or to the group's page.
        let session = context.form["session"].flatMap { $0.isEmpty ? nil : $0 }
        // It goes into the address the browser is sent back to: an id, or nothing.
        if let session, !ServedReport.Field.isIdentifier(session) { throw Refusal.badForm }
        let back = session.map { "/groups/\(activity)/sessions/\($0)" } ?? "/groups/\(activity)"
        let key = try IdempotencyKey.of(request, form: context.form)
        if try ledger.replayed(key, actor: context.user.name) != nil { return .redirect(to: back + "?voided=1") }
        guard let eventId = context.form["event"], let event = try ledger.event(withId: eventId),
              event.stream == activity, Self.voidableTypes.contains(event.type)
        else { throw Refusal.badForm }
        guard let reason = context.form["reason"]?.trimmed.nonEmpty, reason.count <= RecordingField.longestText else {
            let problem = PageText.text(.voidNeedsReason, context.language)
            if let session { return try await renderSheet(activity: activity, sessionID: session, context: context, status: .badRequest, problem: problem) }
            return try await renderGroup(activity, context, status: .badRequest, problem: problem)
        }
        do {
            try await ledger.run(VoidEntry(eventId: eventId, reason: reason), actor: context.user.name, key: key)
        } catch let refusal as LedgerRefusal {
            let problem = PageText.refusal(refusal, context.language)
            if let session { return try await renderSheet(activity: activity, sessionID: session, context: context, status: .unprocessableContent, problem: problem) }
            return try await renderGroup(activity, context, status: .unprocessableContent, problem: problem)
        }
        return .redirect(to: back + "?voided=1")
    }
}
