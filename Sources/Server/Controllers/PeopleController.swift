import EventStore
import Hummingbird
import Vocabulary

/// One person's data for the coordinator: their sealed fields opened for a purpose (each opening
/// an `access.logged`), who has read them, and erasure at their request. The person's id travels
/// in a form's body, never in an address.
struct PeopleController {
    let ledger: LedgerService
    let pages: Pages

    func addRoutes(to group: RouterGroup<SignedInContext>) {
        group.group().add(middleware: Allow.anyOf(.personalData))
            .get("/people", use: index)
            .post("/people/reveal", use: reveal)
            .post("/people/erase", use: erase)
    }

    @Sendable func index(_ request: Request, context: SignedInContext) async throws -> Response {
        return render(context)
    }

    /// The person's sealed fields and access log; the reading is logged before anything is shown.
    @Sendable func reveal(_ request: Request, context: SignedInContext) async throws -> Response {
        let (subject, purpose) = try Self.subjectAnd("purpose", context)
        do {
            let values = try await ledger.reveal(subject, actor: context.user.name, purpose: purpose)
            let log = try ledger.accessLog(subject)
            return render(context, values: [
                "subject": subject.text,
                "opened": values.map { value in
                    ["type": value.type, "day": Shown.day(value.recordedOn), "fields": value.fields.map { ["field": $0.key, "value": $0.value] }]
                },
                "log": log.map { Self.values(of: $0, context.language) },
            ])
        } catch let refusal as Refusal {
            return render(context, status: refusal.status, problem: PageText.text(refusal.text, context.language))
        }
    }

    /// Destroys the person's key and records the erasure, once the box is ticked.
    @Sendable func erase(_ request: Request, context: SignedInContext) async throws -> Response {
        let (subject, reason) = try Self.subjectAnd("reason", context)
        guard context.form["confirm"] == "on" else {
            return render(context, status: .badRequest, problem: PageText.text(.confirmErasure, context.language))
        }
        do {
            let erased = try await ledger.erase(subject, actor: context.user.name, reason: reason)
            let log = try ledger.accessLog(subject)
            return render(context, notice: PageText.text(erased ? .erasedNow : .alreadyErased, context.language),
                          values: ["subject": subject.text, "log": log.map { Self.values(of: $0, context.language) }])
        } catch let refusal as Refusal {
            return render(context, status: refusal.status, problem: PageText.text(refusal.text, context.language))
        }
    }

    private static func subjectAnd(_ field: String, _ context: SignedInContext) throws -> (SubjectID, String) {
        guard let id = context.form["subject"]?.trimmed, let subject = try? SubjectID(id),
              let text = context.form[field]?.trimmed, !text.isEmpty, text.count <= RecordingField.longestText
        else { throw Refusal.badForm }
        return (subject, text)
    }

    private static func values(of record: PersonalData.AccessRecord, _ language: PageLanguage) -> [String: Any] {
        ["at": Shown.time(record.occurredAt, language), "actor": record.actor,
         "what": PageText.text(record.type == PersonalData.subjectErasedType ? .erasedWord : .read, language), "purpose": record.purpose]
    }

    private func render(_ context: SignedInContext, status: HTTPResponse.Status = .ok, notice: String? = nil, problem: String? = nil,
                        values: [String: Any] = [:]) -> Response {
        pages.render(.people, title: .people, language: context.language, user: context.user.name, csrf: context.session?.csrf,
                     status: status, notice: notice, problem: problem, values: values)
    }
}
