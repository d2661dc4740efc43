import EventStore
import Hummingbird
import Ledger
import Projections
import Vocabulary

/// The coordinator's people: a search by name that opens — and logs — only the people it finds,
/// and each person's page: what the ledger holds of them (enrolments, attendance, consents, FIT,
/// feedback, engagements and payments), their details opened for a purpose, who has read them,
/// and the actions in place (`PeopleController+Actions.swift`). A person's address carries a
/// handle (`PersonHandles`), never their id; names travel in pages and forms' bodies only.
struct PeopleController {
    let ledger: LedgerService
    let pages: Pages
    let handles: PersonHandles

    func addRoutes(to group: RouterGroup<SignedInContext>) {
        group.group().add(middleware: Allow.anyOf(.personalData))
            .get("/people", use: index)
            .post("/people/search", use: search)
            .get("/people/:person", use: show)
            .post("/people/:person/reveal", use: reveal)
            .post("/people/:person/erase", use: erase)
            .post("/people/:person/correct", use: correct)
            .post("/people/:person/record/:form", use: record)
            .post("/people/:person/void", use: void)
            .post("/people/:person/payroll", use: payroll)
    }

    @Sendable func index(_ request: Request, context: SignedInContext) async throws -> Response {
        pages.render(.people, title: .people, language: context.language, user: context.user.name, csrf: context.session?.csrf)
    }

    /// The people whose names start with what was typed (posted, so that it is in no address);
    /// the names shown are opened and logged, no one else's.
    @Sendable func search(_ request: Request, context: SignedInContext) async throws -> Response {
        let language = context.language
        guard let query = context.form["name"]?.trimmed, query.count <= RecordingField.longestText else { throw Refusal.badForm }
        guard let found = try await ledger.find(query, actor: context.user.name) else {
            return pages.render(.people, title: .people, language: language, user: context.user.name, csrf: context.session?.csrf,
                                status: .badRequest, problem: PageText.text(.searchTooShort, language))
        }
        let results: [[String: Any]] = found.map { person in
            ["handle": handles.handle(for: person.participant), "name": displayName(person.name, language), "birthYear": person.birthYear,
             "municipality": person.municipality]
        }
        return pages.render(.people, title: .people, language: language, user: context.user.name, csrf: context.session?.csrf,
                            values: ["searched": true, "results": results, "query": query])
    }

    /// The person's page: their name (opened, and logged) and their file.
    @Sendable func show(_ request: Request, context: SignedInContext) async throws -> Response {
        let participant = try participant(context)
        let query = request.uri.queryParameters
        let notice: PageText.Key? = query.get("recorded") != nil ? .recordedNow : query.get("voided") != nil ? .voidedNow
            : query.get("corrected") != nil ? .correctedNow : nil
        return try await render(participant, context, notice: notice.map { PageText.text($0, context.language) })
    }

    /// The person's sealed details, opened for the purpose given (an `access.logged` first), with
    /// the form that corrects them filled in.
    @Sendable func reveal(_ request: Request, context: SignedInContext) async throws -> Response {
        let participant = try participant(context)
        guard let purpose = context.form["purpose"]?.trimmed.nonEmpty, purpose.count <= RecordingField.longestText else {
            return try await render(participant, context, status: .badRequest, problem: PageText.text(.purposeNeeded, context.language))
        }
        do {
            let values = try await ledger.reveal(try SubjectID(participant), actor: context.user.name, purpose: purpose)
            return try await render(participant, context, opened: values)
        } catch let refusal as Refusal {
            return try await render(participant, context, status: refusal.status, problem: PageText.text(refusal.text, context.language))
        }
    }

    /// Destroys the person's key and records the erasure, once the box is ticked.
    @Sendable func erase(_ request: Request, context: SignedInContext) async throws -> Response {
        let participant = try participant(context)
        guard let reason = context.form["reason"]?.trimmed.nonEmpty, reason.count <= RecordingField.longestText else {
            return try await render(participant, context, status: .badRequest, problem: PageText.text(.eraseNeedsReason, context.language))
        }
        guard context.form["confirm"] == "on" else {
            return try await render(participant, context, status: .badRequest, problem: PageText.text(.confirmErasure, context.language))
        }
        do {
            let erased = try await ledger.erase(try SubjectID(participant), actor: context.user.name, reason: reason)
            return try await render(participant, context, notice: PageText.text(erased ? .erasedNow : .alreadyErased, context.language))
        } catch let refusal as Refusal {
            return try await render(participant, context, status: refusal.status, problem: PageText.text(refusal.text, context.language))
        }
    }

    /// The participant the address's handle stands for; 404 for a handle of another process, or none.
    func participant(_ context: SignedInContext) throws -> String {
        guard let participant = handles.participant(try context.parameters.require("person")) else { throw Refusal.notFound }
        return participant
    }

    func render(_ participant: String, _ context: SignedInContext, status: HTTPResponse.Status = .ok, notice: String? = nil,
                problem: String? = nil, opened: [LedgerService.OpenedValue]? = nil, open: PersonPage.OpenForm? = nil,
                filled: FormFields = FormFields()) async throws -> Response {
        guard let file = try await ledger.personFile(participant) else { throw Refusal.notFound }
        let name = try await ledger.shownNames(of: [file.person], actor: context.user.name, purpose: "the person's page on the server")[participant] ?? nil
        let choices = try await ledger.choices(today: Day.today())
        let log = (try? ledger.accessLog(try SubjectID(participant))) ?? []
        let page = PersonPage(file: file, handle: handles.handle(for: participant), name: name, language: context.language,
                              activities: choices.activities, open: open, filled: filled)
        var values = page.values()
        values["projects"] = choices.projects
        values["activities"] = choices.activities
        values["log"] = log.map { Self.values(of: $0, context.language) }
        if let opened { values["opened"] = page.opened(opened) }
        return pages.render(.person, title: .people, heading: displayName(name, context.language), language: context.language,
                            user: context.user.name, csrf: context.session?.csrf, status: status, notice: notice, problem: problem,
                            values: values)
    }

    static func values(of record: PersonalData.AccessRecord, _ language: PageLanguage) -> [String: Any] {
        ["at": Shown.time(record.occurredAt, language), "actor": record.actor,
         "what": PageText.text(record.type == PersonalData.subjectErasedType ? .erasedWord : .read, language), "purpose": record.purpose]
    }
}
