import EventStore
import Hummingbird
import Ledger
import Vocabulary

/// The recording forms (`/record`): a coordinator's every one — participants, enrolments,
/// experts, engagements, fees, travel, … — and a facilitator's FIT ratings and client feedback for
/// their own groups; each through the validated path under the signed-in user.
struct RecordingController {
    let ledger: LedgerService
    let pages: Pages

    func addRoutes(to group: RouterGroup<SignedInContext>) {
        // Which forms: `RecordingForm.forms(for:)` (a facilitator's are their own groups' work).
        group.group().add(middleware: Allow.anyOf(.recording, .groups))
            .get("/record", use: index)
            .post("/record/import", use: importParticipants)
            .post("/record/:form", use: record)
    }

    @Sendable func index(_ request: Request, context: SignedInContext) async throws -> Response {
        return try await render(context, open: nil)
    }

    /// Records what the form says; the page comes back with the new id, or with the reason
    /// nothing was recorded and the form as it was filled in.
    @Sendable func record(_ request: Request, context: SignedInContext) async throws -> Response {
        let form = try RecordingForm.named(try context.parameters.require("form"), for: context.user)
        let today = Day.today()
        let data: [String: JSONValue]
        do {
            data = try form.data(try await ledger.resolvingActivities(context.form), today: today)
            try Self.requireOwnGroup(data, form, context)
        } catch let error as RecordingField.Invalid {
            let label = error.field.label(context.language)
            return try await render(context, open: form, filled: context.form, status: .badRequest,
                                    problem: "\(PageText.text(.invalidField, context.language)): \(label)")
        }
        do {
            let recorded = try await ledger.record(form, data, actor: context.user.name, today: today,
                                                   key: try IdempotencyKey.of(request, form: context.form))
            let title = form.title(context.language)
            return try await render(context, open: nil, notice: "\(PageText.text(.recorded, context.language)): \(title) – \(recorded.id)")
        } catch let refusal as LedgerRefusal {
            return try await render(context, open: form, filled: context.form, status: .unprocessableContent,
                                    problem: PageText.refusal(refusal, context.language, label: form.label(ofPath: refusal.field)))
        } catch let refusal as Refusal where refusal.status.code < 500 {
            return try await render(context, open: form, filled: context.form, status: refusal.status,
                                    problem: PageText.text(refusal.text, context.language))
        }
    }

    /// A spreadsheet's participants (`ParticipantImport`), sent as a file: every row registered,
    /// each name sealed as at registration — or none, with every row's problem named by its row
    /// and column.
    @Sendable func importParticipants(_ request: Request, context: SignedInContext) async throws -> Response {
        guard context.user.may(.recording) else { throw Refusal.forbidden }
        let language = context.language
        let today = Day.today()
        switch ParticipantImport.registrations(context.form["file"] ?? "", registeredOn: today) {
        case let .failure(problems):
            return try await render(context, open: nil, status: .badRequest, problem: PageText.text(.importRefused, language),
                                    importProblems: problems.all.prefix(50).map { $0.text(language) } + (problems.all.count > 50 ? ["…"] : []))
        case let .success(registrations):
            do {
                let ids = try await ledger.importParticipants(registrations, actor: context.user.name,
                                                              key: try IdempotencyKey.of(request, form: context.form))
                return try await render(context, open: nil, notice: "\(PageText.text(.imported, language)): \(ids.count)")
            } catch let refusal as LedgerRefusal {
                return try await render(context, open: nil, status: .unprocessableContent, problem: PageText.refusal(refusal, language))
            }
        }
    }

    /// A facilitator records group work only for an activity they run: without one, the form
    /// names the group's field as missing (and comes back as it was filled in).
    static func requireOwnGroup(_ data: [String: JSONValue], _ form: RecordingForm, _ context: SignedInContext) throws {
        guard !context.user.may(.recording) else { return }
        guard let activity = data["activity"]?.stringValue else {
            if let field = form.fields.first(where: { $0.name == "activity" }) { throw RecordingField.Invalid(field: field) }
            throw Refusal.forbidden
        }
        guard context.user.mayOpen(activity: activity) else { throw Refusal.forbidden }
    }

    private func render(_ context: SignedInContext, open: RecordingForm?, filled: FormFields = FormFields(),
                        status: HTTPResponse.Status = .ok, notice: String? = nil, problem: String? = nil,
                        importProblems: [String] = []) async throws -> Response {
        let choices = try await ledger.choices(today: Day.today())
        let own = context.user.may(.recording) ? nil : context.user.ownActivities
        let activities = choices.activities.filter { own?.contains($0["activity"] ?? "") ?? true }
        // A form posted from elsewhere (the API's fields, an old page) comes back here when refused.
        let forms: [[String: Any]] = RecordingForm.forms(for: context.user).filter { $0.isOnRecordingPage || $0 == open }.map { form in
            let refill = form == open ? filled : FormFields()
            return ["form": form.rawValue, "title": form.title(context.language), "open": form == open,
                    "fields": form.pageFields.map { Self.values(of: $0, refill: refill, language: context.language, activities: activities) }]
        }
        return pages.render(.record, title: .record, language: context.language, user: context.user.name, csrf: context.session?.csrf,
                            status: status, notice: notice, problem: problem,
                            values: ["forms": forms, "projects": choices.projects, "activities": activities,
                                     "canImport": context.user.may(.recording), "importProblems": importProblems, "importOpen": !importProblems.isEmpty])
    }

    /// A choice's words, never its stored code: the catalogue's for the field's member.
    static func label(of code: String, in field: RecordingField, _ language: PageLanguage) -> String {
        let member = field.name.split(separator: ".").last.map(String.init)
        return Catalogue.value(code, of: member)?(language) ?? code
    }

    /// A field as the template draws it, refilled with what was sent when the form comes back.
    /// `activities` are those an activity field offers, by name (`choices`' form).
    static func values(of field: RecordingField, refill: FormFields, language: PageLanguage, activities: [[String: String]] = []) -> [String: Any] {
        var values: [String: Any] = ["name": field.name, "label": field.label(language),
                                     "required": field.required, "value": refill[field.name] ?? ""]
        if let help = Catalogue.help(field.name) { values["help"] = help(language) }
        switch field.kind {
        case .text: values["isText"] = true
        case .longText: values["isLongText"] = true
        case .identifier, .code: values["isIdentifier"] = true
        case .day: values["isDay"] = true
        case .dayOrToday: values["isDay"] = true; values["required"] = false
        case .decimal, .euros: values["isDecimal"] = true
        case let .integer(range): values["isInteger"] = true; values["min"] = range.lowerBound; values["max"] = range.upperBound
        case .flag: values["isFlag"] = true; values["checked"] = refill[field.name] == "on"
        case .project: values["isProject"] = true
        case .activity:
            values["isActivity"] = true
            // Sent back as it was typed, or as the label of the id it was.
            let chosen = refill[field.name] ?? ""
            values["chosenLabel"] = activities.first { $0["activity"] == chosen }?["label"] ?? chosen
        case let .choice(options):
            // A required choice without a default starts empty ("Valitse"), so that a field
            // skipped is refused rather than recorded as the first option.
            let chosen = refill[field.name] ?? field.defaultValue
            values["isChoice"] = true
            values["chooseFirst"] = chosen == nil
            values["emptyOption"] = chosen == nil || !field.required
            values["options"] = options.map { ["option": $0, "label": Self.label(of: $0, in: field, language), "selected": chosen == $0] }
        case let .choices(options):
            values["isChoices"] = true
            values["options"] = options.map {
                ["option": $0, "label": Self.label(of: $0, in: field, language), "selected": refill.values(named: field.name).contains($0)]
            }
        }
        return values
    }
}
