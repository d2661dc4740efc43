import Ledger
import Projections
import Reports
import Vocabulary

/// A person's page as its template draws it: what the read models hold of them in clear, each
/// standing entry of their file with a void beside it, and the forms that act on them — each a
/// recording form with the person (or their engagement) filled in, so that no field asks for an id.
struct PersonPage {
    /// The form that comes back open, as it was filled in, when it was refused.
    enum OpenForm: Equatable {
        case correct
        case form(RecordingForm, engagement: String?)
        case void(eventId: String)
    }

    /// The person's own forms, and each engagement's.
    static let enrolmentForms: [RecordingForm] = [.signUp, .start, .end]
    static let engagementForms: [RecordingForm] = [.complete, .cancel, .fee, .travel, .perDiem]
    /// The fields a form of the page fills in itself.
    static let filledIn: Set<String> = ["participant", "expert", "engagement"]

    /// The correction's fields: the registration's, but for the roles and the day.
    static let correctionFields = RecordingForm.participant.fields.filter { !["roles", "registeredOn"].contains($0.name) }

    let file: LedgerService.PersonFile
    let handle: String
    let name: ListReports.Name?
    let language: PageLanguage
    let activities: [[String: String]]
    let open: OpenForm?
    let filled: FormFields

    private var activityNames: [String: String] { ActivityLabels.names(activities) }

    func values() -> [String: Any] {
        let person = file.person
        let own = { (types: Set<String>) in file.own.filter { types.contains($0.type) } }
        let isExpert = person.expertAlias != nil
        var values: [String: Any] = [
            "handle": handle,
            "voidAction": "/people/\(handle)/void",
            "erased": { if case .erased? = name { return true } else { return false } }(),
            "facts": [
                ["label": Catalogue.field("birthYear")(language), "value": String(person.birthYear)],
                ["label": Catalogue.field("gender")(language), "value": word(person.gender, "gender")],
                ["label": Catalogue.field("municipality")(language), "value": person.municipality],
                ["label": Catalogue.field("roles")(language),
                 "value": person.roles.split(separator: ",").map { word(String($0), "roles") }.joined(separator: ", ")],
            ] + (person.expertAlias.map { [["label": PageText.text(.expertAlias, language), "value": $0]] } ?? []),
            "registration": entries(own(["participant.registered", "participant.details-corrected"])),
            "enrolments": entries(own(["enrolment.signed-up", "enrolment.started", "enrolment.ended"])),
            "attendance": entries(file.attendance),
            "consents": entries(own(["participant.consent-recorded"])),
            "evaluation": entries(own(["feedback.fit-recorded"]) + file.feedback),
            "expertEntries": entries(own(["expert.registered", "expert.status-changed"])),
            "isExpert": isExpert,
            "enrolmentForms": Self.enrolmentForms.map { form($0) },
            "consentForm": form(.consent),
            "engagementForm": form(.engagement),
            "expertForm": form(.expert),
            "engagements": file.engagements.map { engagement in
                [
                    "title": engagement.entries.first.map { describe($0) } ?? "",
                    "entries": entries(engagement.entries),
                    "forms": Self.engagementForms.map { form($0, engagement: engagement.engagement) },
                ] as [String: Any]
            },
            "correctOpen": open == .correct,
            "year": String(Day.today().prefix(4)),
        ]
        values["hasEvaluation"] = !(values["evaluation"] as? [Any] ?? []).isEmpty
        return values
    }

    /// The opened details, and the correction form filled in with them (or as it was sent back).
    func opened(_ values: [LedgerService.OpenedValue]) -> [String: Any] {
        // The registration's, or its latest correction's.
        let latest = values.last { $0.type == "participant.registered" || $0.type == "participant.details-corrected" }
        var refill = open == .correct ? filled : FormFields()
        if open != .correct, let latest {
            refill = FormFields(pairs: latest.fields.map { field in
                ("personal.\(field.key)", field.key == "birthDate" ? Shown.day(field.value) : field.value)
            } + [("gender", file.person.gender), ("municipality", file.person.municipality)])
        }
        return [
            "fields": latest?.fields.map { ["field": Catalogue.field($0.key)(language), "value": $0.key == "birthDate" ? Shown.day($0.value) : $0.value] } ?? [],
            "correction": Self.correctionFields.map { RecordingController.values(of: $0, refill: refill, language: language) },
        ]
    }

    private func form(_ form: RecordingForm, engagement: String? = nil) -> [String: Any] {
        let isOpen = open == .form(form, engagement: engagement)
        var values: [String: Any] = [
            "form": form.rawValue, "title": form.title(language), "open": isOpen,
            "fields": form.fields.filter { !Self.filledIn.contains($0.name) }
                .map { RecordingController.values(of: $0, refill: isOpen ? filled : FormFields(), language: language, activities: activities) },
        ]
        if let engagement { values["engagement"] = engagement }
        return values
    }

    private func entries(_ entries: [LedgerService.PersonEntry]) -> [[String: Any]] {
        entries.map { entry in
            var values: [String: Any] = ["what": EntryWords.what(entry.type, language), "day": Shown.day(entry.day),
                                         "eventId": entry.eventId, "voidOpen": open == .void(eventId: entry.eventId)]
            // A section shows for an empty text too: an entry without details has none.
            let detail = EntryWords.detail(entry.event, activity: entry.stream, activities: activityNames, language).nonEmpty
            values["detail"] = detail
            values["voidWhat"] = "\(EntryWords.what(entry.type, language)) \(Shown.day(entry.day))\(detail.map { " · \($0)" } ?? "")"
            return values
        }
    }

    private func describe(_ entry: LedgerService.PersonEntry) -> String {
        let detail = EntryWords.detail(entry.event, activity: entry.stream, activities: activityNames, language)
        return "\(Shown.day(entry.day))\(detail.isEmpty ? "" : " · \(detail)")"
    }

    private func word(_ code: String, _ field: String) -> String {
        Catalogue.value(code, of: field)?(language) ?? code
    }
}
