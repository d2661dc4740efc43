import EventStore
import Foundation
import Hummingbird
import Ledger
import Projections
import Vocabulary

/// The attendance sheet of one session, as a facilitator uses it on a phone: the exceptions
/// ticked, then "everyone else present"; from it, a FIT rating or feedback for someone present,
/// picked by name; the session cancelled with a reason; and the list printed for signatures.
extension GroupsController {
    @Sendable func sheet(_ request: Request, context: SignedInContext) async throws -> Response {
        let (activity, session) = try sessionParameters(context)
        let query = request.uri.queryParameters
        let notice: PageText.Key? = query.get("saved") != nil ? .saved : query.get("fit") != nil ? .fitRecorded
            : query.get("feedback") != nil ? .feedbackRecorded : query.get("voided") != nil ? .voidedNow : nil
        return try await renderSheet(activity: activity, sessionID: session, context: context,
                                     notice: notice.map { PageText.text($0, context.language) })
    }

    /// The sheet as posted: `mark.<participant>` = present | absent | excused for each person
    /// ticked; with `rest=present`, everyone else on the sheet without a mark is present; and —
    /// for a session not yet recorded as held — its length, place and format. One batch: the
    /// session held, then each mark that differs from the one recorded; all recorded, or none.
    @Sendable func record(_ request: Request, context: SignedInContext) async throws -> Response {
        let (activity, sessionID) = try sessionParameters(context)
        guard let session = try await ledger.session(sessionID, of: activity), session.status != "cancelled"
        else { throw Refusal.notFound }
        let key = try IdempotencyKey.of(request, form: context.form)
        if try ledger.replayed(key, actor: context.user.name) != nil { return .redirect(to: "/groups/\(activity)/sessions/\(sessionID)?saved=1") }
        let posted = context.form.withPrefix("mark.")
        var chosen: [String: AttendanceRecorded.Status] = [:]
        for field in posted {
            guard let status = AttendanceRecorded.Status(rawValue: field.value) else { throw Refusal.badForm }
            chosen[field.key] = status
        }
        let (enrolled, recorded) = try await ledger.marks(activity: activity, session: sessionID, day: session.date)
        if context.form["rest"] == "present" {
            for participant in enrolled where chosen[participant] == nil && recorded[participant] == nil { chosen[participant] = .present }
        }
        // A mark as it is already recorded is not recorded again.
        let marks = chosen.filter { recorded[$0.key] != $0.value.rawValue }.sorted { $0.key < $1.key }
            .map { RecordSheet.Mark(participant: $0.key, status: $0.value) }
        var sheet = RecordSheet(activity: activity, session: sessionID, marks: marks)
        if session.status == "scheduled" {
            guard let minutes = Int(context.form["durationMinutes"] ?? ""), let location = context.form["location"]?.trimmed, !location.isEmpty,
                  let format = SessionHeld.Format(rawValue: context.form["format"] ?? "in-person")
            else { throw Refusal.badForm }
            sheet.held = .init(durationMinutes: minutes, location: location, format: format, headcount: context.form["headcount"].flatMap { Int($0) })
        }
        guard sheet.held != nil || !marks.isEmpty else { return .redirect(to: "/groups/\(activity)/sessions/\(sessionID)?saved=0") }
        do {
            try await ledger.record(sheet, actor: context.user.name, key: key)
        } catch let refusal as LedgerRefusal {
            return try await renderSheet(activity: activity, sessionID: sessionID, context: context, status: .unprocessableContent,
                                         problem: PageText.refusal(refusal, context.language))
        }
        return .redirect(to: "/groups/\(activity)/sessions/\(sessionID)?saved=\(marks.count)")
    }

    /// Cancels a session still planned, with the reason given and the cancelling confirmed.
    @Sendable func cancel(_ request: Request, context: SignedInContext) async throws -> Response {
        let (activity, sessionID) = try sessionParameters(context)
        let key = try IdempotencyKey.of(request, form: context.form)
        // Sent again after it was recorded: the session is cancelled already, as asked.
        if try ledger.replayed(key, actor: context.user.name) != nil { return .redirect(to: "/groups/\(activity)") }
        guard let session = try await ledger.session(sessionID, of: activity),
              session.status == "scheduled"
        else { throw Refusal.notFound }
        guard let reason = context.form["reason"]?.trimmed.nonEmpty, reason.count <= RecordingField.longestText else {
            return try await renderSheet(activity: activity, sessionID: sessionID, context: context, status: .badRequest,
                                         problem: PageText.text(.cancelNeedsReason, context.language))
        }
        guard context.form["confirm"] == "on" else {
            return try await renderSheet(activity: activity, sessionID: sessionID, context: context, status: .badRequest,
                                         problem: PageText.text(.cancelNeedsConfirmation, context.language))
        }
        try await ledger.run(CancelSession(activity: activity, session: sessionID, date: session.date, reason: reason),
                             actor: context.user.name, key: key)
        return .redirect(to: "/groups/\(activity)")
    }

    /// The attendance list on paper: the session's day, time and place, and a line for each
    /// person's signature. Opening the names is logged, as the sheet's is.
    @Sendable func printable(_ request: Request, context: SignedInContext) async throws -> Response {
        let (activity, sessionID) = try sessionParameters(context)
        guard let group = try await ledger.group(activity, today: Day.today()),
              let session = group.sessions.first(where: { $0.session == sessionID })
        else { throw Refusal.notFound }
        let people = try await ledger.sheet(activity: activity, session: sessionID, day: session.date, actor: context.user.name,
                                            purpose: "printed attendance list")
        let language = context.language
        return pages.render(.printedSheet, title: .attendanceList, heading: "\(group.name) · \(PageText.text(.attendanceList, language))",
                            language: language, user: context.user.name, csrf: context.session?.csrf, values: [
                                "activity": activity, "session": sessionID, "when": Shown.when(session, language),
                                "location": session.location?.nonEmpty ?? group.municipality,
                                "people": people.enumerated().map { ["number": $0.offset + 1, "name": displayName($0.element.name, language)] },
                                "blankRows": (people.count + 1...people.count + 3).map { ["number": $0] },
                            ])
    }

    /// A FIT rating of someone present at the session, picked by name on the sheet.
    @Sendable func recordFIT(_ request: Request, context: SignedInContext) async throws -> Response {
        try await recordEvaluation(.fit, request, context)
    }

    /// Client feedback given at the session, by someone present or anonymously.
    @Sendable func recordFeedback(_ request: Request, context: SignedInContext) async throws -> Response {
        try await recordEvaluation(.feedback, request, context)
    }

    /// Records the sheet's FIT or feedback form through the recording form of the same name, with
    /// the group, the session and its day filled in; the person must be one marked present.
    private func recordEvaluation(_ form: RecordingForm, _ request: Request, _ context: SignedInContext) async throws -> Response {
        let (activity, sessionID) = try sessionParameters(context)
        guard let session = try await ledger.session(sessionID, of: activity), session.status == "held" else { throw Refusal.notFound }
        let present = try await ledger.marks(activity: activity, session: sessionID, day: session.date).marks.filter { $0.value == "present" }
        if let person = context.form["participant"]?.nonEmpty, present[person] == nil { throw Refusal.badForm }
        var fields = context.form.pairs.filter { !["activity", "session", "date"].contains($0.name) }
        fields += [("activity", activity), ("date", session.date)] + (form == .fit ? [("session", sessionID)] : [])
        let data: [String: JSONValue]
        do {
            data = try form.data(FormFields(pairs: fields), today: Day.today())
        } catch {
            return try await renderSheet(activity: activity, sessionID: sessionID, context: context, status: .badRequest,
                                         problem: "\(PageText.text(.invalidField, context.language)): \(error.field.label(context.language))",
                                         open: form, filled: context.form)
        }
        do {
            _ = try await ledger.record(form, data, actor: context.user.name, today: Day.today(), key: try IdempotencyKey.of(request, form: context.form))
        } catch let refusal as LedgerRefusal {
            return try await renderSheet(activity: activity, sessionID: sessionID, context: context, status: .unprocessableContent,
                                         problem: PageText.refusal(refusal, context.language, label: form.label(ofPath: refusal.field)),
                                         open: form, filled: context.form)
        }
        return .redirect(to: "/groups/\(activity)/sessions/\(sessionID)?\(form == .fit ? "fit" : "feedback")=1")
    }

    func renderSheet(activity: String, sessionID: String, context: SignedInContext, status: HTTPResponse.Status = .ok,
                     notice: String? = nil, problem: String? = nil, open: RecordingForm? = nil, filled: FormFields = FormFields()) async throws -> Response {
        guard let group = try await ledger.group(activity, today: Day.today()),
              let session = group.sessions.first(where: { $0.session == sessionID })
        else { throw Refusal.notFound }
        let language = context.language
        let people = try await ledger.sheet(activity: activity, session: sessionID, day: session.date, actor: context.user.name,
                                            purpose: "attendance sheet on the server")
        let rows: [[String: Any]] = people.map { person in
            ["participant": person.participant, "name": displayName(person.name, language),
             "present": person.mark == "present", "absent": person.mark == "absent", "excused": person.mark == "excused"]
        }
        let marked: [[String: Any]] = people.compactMap { person in
            guard let mark = person.mark, let event = person.markEvent else { return nil }
            let words = Catalogue.value(mark, of: "status")?(language) ?? mark
            return ["eventId": event, "voidWhat": "\(EntryWords.what("attendance.recorded", language)): \(displayName(person.name, language)) · \(words)"]
        }
        let present: [[String: Any]] = people.filter { $0.mark == "present" }.map { person in
            ["participant": person.participant, "name": displayName(person.name, language), "selected": filled["participant"] == person.participant]
        }
        let fitFields = ["instrument", "items.1", "items.2", "items.3", "items.4"].compactMap { name in
            RecordingForm.fit.fields.first { $0.name == name }.map { RecordingController.values(of: $0, refill: open == .fit ? filled : FormFields(), language: language) }
        }
        let feedbackFields = ["rating", "themes", "text"].compactMap { name in
            RecordingForm.feedback.fields.first { $0.name == name }
                .map { RecordingController.values(of: $0, refill: open == .feedback ? filled : FormFields(), language: language) }
        }
        var values: [String: Any] = [
            "activity": activity, "session": sessionID, "when": Shown.when(session, language),
            "people": rows, "hasPeople": !rows.isEmpty, "marked": marked, "hasMarked": !marked.isEmpty,
            "voidAction": "/groups/\(activity)/void", "voidKeep": ["name": "session", "value": sessionID],
            "statusText": statusText(of: session, language), "open": session.status != "cancelled",
            "needsHeld": session.status == "scheduled", "canCancel": session.status == "scheduled",
            "durationMinutes": session.durationMinutes.map(String.init) ?? "",
            "held": session.status == "held", "presentPeople": present, "hasPresent": !present.isEmpty,
            "fitFields": fitFields, "feedbackFields": feedbackFields, "fitOpen": open == .fit, "feedbackOpen": open == .feedback,
        ]
        // A section shows for an empty text too: a place not given is left out.
        values["location"] = session.location?.nonEmpty
        return pages.render(.sheet, title: .attendanceSheet, heading: "\(group.name) · \(PageText.text(.attendanceSheet, language))",
                            language: language, user: context.user.name, csrf: context.session?.csrf, status: status, notice: notice,
                            problem: problem, values: values)
    }
}
