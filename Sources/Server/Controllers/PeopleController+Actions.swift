import EventStore
import Hummingbird
import Ledger
import Vocabulary

/// What the coordinator does from a person's page: correct their details, sign them up, start or
/// end an enrolment, record a consent, make them an expert, agree an engagement and record what
/// became of it and what was paid — and void an entry of theirs recorded by mistake. Each runs the
/// recording form's command through the validated path, with the person filled in.
extension PeopleController {
    /// Records `participant.details-corrected`: the whole record as the form now has it, the
    /// personal fields sealed as at registration.
    @Sendable func correct(_ request: Request, context: SignedInContext) async throws -> Response {
        let participant = try participant(context)
        let today = Day.today()
        var values: [String: String] = [:]
        for field in PersonPage.correctionFields {
            switch field.value(in: context.form, today: today) {
            case nil:
                return try await render(participant, context, status: .badRequest,
                                        problem: "\(PageText.text(.invalidField, context.language)): \(field.label(context.language))",
                                        open: .correct, filled: context.form)
            case let value??: values[field.name] = value.stringValue
            case .some(nil): break
            }
        }
        guard let name = values["personal.name"], let birthDate = values["personal.birthDate"],
              let gender = values["gender"].flatMap(ParticipantRegistered.Gender.init), let municipality = values["municipality"]
        else { throw Refusal.badForm }
        let command = CorrectParticipantDetails(
            participant: participant,
            personal: .init(name: name, birthDate: birthDate, contact: values["personal.contact"], guardian: values["personal.guardian"],
                            personalIdentityCode: values["personal.personalIdentityCode"]),
            gender: gender, municipality: municipality, date: today)
        do {
            let key = try IdempotencyKey.of(request, form: context.form)
            if try ledger.replayed(key, actor: context.user.name) == nil { try await ledger.run(command, actor: context.user.name, key: key) }
        } catch let refusal as LedgerRefusal {
            return try await render(participant, context, status: .unprocessableContent,
                                    problem: PageText.refusal(refusal, context.language), open: .correct, filled: context.form)
        } catch let refusal as Refusal where refusal.status.code < 500 {
            return try await render(participant, context, status: refusal.status, problem: PageText.text(refusal.text, context.language),
                                    open: .correct, filled: context.form)
        }
        return .redirect(to: "/people/\(handles.handle(for: participant))?corrected=1")
    }

    /// One of the page's recording forms, with the person — or, for an engagement's forms, the
    /// engagement of theirs the form was drawn for — filled in.
    @Sendable func record(_ request: Request, context: SignedInContext) async throws -> Response {
        let participant = try participant(context)
        guard let form = RecordingForm(rawValue: try context.parameters.require("form")),
              PersonPage.enrolmentForms.contains(form) || PersonPage.engagementForms.contains(form) || [.consent, .expert, .engagement].contains(form)
        else { throw Refusal.notFound }
        var engagement: String?
        var fields = context.form.pairs.filter { !PersonPage.filledIn.contains($0.name) }
        if PersonPage.engagementForms.contains(form) {
            guard let file = try await ledger.personFile(participant), let chosen = context.form["engagement"],
                  file.engagements.contains(where: { $0.engagement == chosen })
            else { throw Refusal.badForm }
            engagement = chosen
            fields.append(("engagement", chosen))
        } else {
            fields.append((form == .engagement ? "expert" : "participant", participant))
        }
        let open = PersonPage.OpenForm.form(form, engagement: engagement)
        let today = Day.today()
        let data: [String: JSONValue]
        do {
            data = try form.data(try await ledger.resolvingActivities(FormFields(pairs: fields)), today: today)
        } catch let error as RecordingField.Invalid {
            return try await render(participant, context, status: .badRequest,
                                    problem: "\(PageText.text(.invalidField, context.language)): \(error.field.label(context.language))",
                                    open: open, filled: context.form)
        }
        do {
            _ = try await ledger.record(form, data, actor: context.user.name, today: today, key: try IdempotencyKey.of(request, form: context.form))
        } catch let refusal as LedgerRefusal {
            return try await render(participant, context, status: .unprocessableContent,
                                    problem: PageText.refusal(refusal, context.language, label: form.label(ofPath: refusal.field)),
                                    open: open, filled: context.form)
        } catch let refusal as Refusal where refusal.status.code < 500 {
            return try await render(participant, context, status: refusal.status, problem: PageText.text(refusal.text, context.language),
                                    open: open, filled: context.form)
        }
        return .redirect(to: "/people/\(handles.handle(for: participant))?recorded=\(form.rawValue)")
    }

    /// The payroll view of this expert's fees in a year: their name and identity code opened for
    /// the purpose given, as the reports page's payroll view does for everyone.
    @Sendable func payroll(_ request: Request, context: SignedInContext) async throws -> Response {
        let participant = try participant(context)
        guard context.user.may(.payroll), let purpose = context.form["purpose"]?.trimmed.nonEmpty, purpose.count <= RecordingField.longestText
        else { throw Refusal.badForm }
        let asked = try ServedReport.fees.request({ $0 == "expert" ? participant : context.form[$0] }, today: Day.today())
        guard let report = try await ledger.report(asked, language: context.language.reportLanguage, suppressBelow: nil,
                                                   payroll: .init(actor: context.user.name, purpose: purpose))
        else { throw Refusal.notFound }
        return ReportsController.document(report, name: "payroll-\(Day.today())")
    }

    /// Voids one entry of the person's file, with the reason given: the form names the entry by
    /// its kind, day and amount; the event must be one the page showed them.
    @Sendable func void(_ request: Request, context: SignedInContext) async throws -> Response {
        let participant = try participant(context)
        guard let eventId = context.form["event"], let file = try await ledger.personFile(participant) else { throw Refusal.badForm }
        let key = try IdempotencyKey.of(request, form: context.form)
        if try ledger.replayed(key, actor: context.user.name) != nil {
            return .redirect(to: "/people/\(handles.handle(for: participant))?voided=1")
        }
        guard file.all.contains(where: { $0.eventId == eventId }) else { throw Refusal.badForm }
        guard let reason = context.form["reason"]?.trimmed.nonEmpty, reason.count <= RecordingField.longestText else {
            return try await render(participant, context, status: .badRequest, problem: PageText.text(.voidNeedsReason, context.language),
                                    open: .void(eventId: eventId), filled: context.form)
        }
        do {
            try await ledger.run(VoidEntry(eventId: eventId, reason: reason), actor: context.user.name, key: key)
        } catch let refusal as LedgerRefusal {
            return try await render(participant, context, status: .unprocessableContent, problem: PageText.refusal(refusal, context.language),
                                    open: .void(eventId: eventId), filled: context.form)
        }
        return .redirect(to: "/people/\(handles.handle(for: participant))?voided=1")
    }
}
