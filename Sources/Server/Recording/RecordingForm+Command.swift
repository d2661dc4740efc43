import EventStore
import Ledger

/// A recording form's typed values, read by the name of the field they came from.
struct FormData {
    let values: [String: JSONValue]

    init(_ values: [String: JSONValue]) {
        self.values = values
    }

    subscript(_ name: String) -> JSONValue? { values[name] }

    func text(_ name: String) throws(Refusal) -> String {
        guard let text = values[name]?.stringValue else { throw Refusal.badForm }
        return text
    }

    func optionalText(_ name: String) -> String? { values[name]?.stringValue }

    func integer(_ name: String) throws(Refusal) -> Int {
        guard let value = values[name]?.integerValue.flatMap({ Int(exactly: $0) }) else { throw Refusal.badForm }
        return value
    }

    func optionalInteger(_ name: String) -> Int? { values[name]?.integerValue.flatMap { Int(exactly: $0) } }

    func decimal(_ name: String) throws(Refusal) -> DecimalNumber {
        guard case let .number(literal)? = values[name], let number = DecimalNumber(literal) else { throw Refusal.badForm }
        return number
    }

    func number(_ name: String) throws(Refusal) -> Double { try decimal(name).double }

    func flag(_ name: String) -> Bool { values[name] == .bool(true) }

    /// A choice, as the payload's enum: the form offers exactly its cases.
    func choice<Choice: RawRepresentable<String>>(_ name: String, as type: Choice.Type = Choice.self) throws(Refusal) -> Choice {
        guard let value = values[name]?.stringValue.flatMap(Choice.init(rawValue:)) else { throw Refusal.badForm }
        return value
    }

    /// Several choices of one field, as the payload's enum.
    func choices<Choice: RawRepresentable<String>>(_ name: String, as type: Choice.Type = Choice.self) throws(Refusal) -> [Choice] {
        guard case let .array(items)? = values[name] else { return [] }
        return try items.map { item throws(Refusal) in
            guard let value = item.stringValue.flatMap(Choice.init(rawValue:)) else { throw Refusal.badForm }
            return value
        }
    }

    func optionalChoice<Choice: RawRepresentable<String>>(_ name: String, as type: Choice.Type = Choice.self) throws(Refusal) -> Choice? {
        guard values[name] != nil else { return nil }
        return try choice(name)
    }

    /// A nested group of fields (`entry.ageAtEntry` is `ageAtEntry` in `entry`).
    func group(_ name: String) -> FormData {
        guard case let .object(members)? = values[name] else { return FormData([:]) }
        return FormData(Dictionary(members.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last }))
    }
}

extension RecordingForm {
    /// The typed command the form's values make: the same the command line makes of its options.
    func command(_ data: FormData) throws -> any RecordingCommand {
        switch self {
        case .participant:
            let personal = data.group("personal")
            return RegisterParticipant(
                personal: .init(name: try personal.text("name"), birthDate: try personal.text("birthDate"), contact: personal.optionalText("contact"),
                                guardian: personal.optionalText("guardian"), personalIdentityCode: personal.optionalText("personalIdentityCode")),
                gender: try data.choice("gender"), municipality: try data.text("municipality"),
                roles: try data.choices("roles"),
                registeredOn: data.optionalText("registeredOn"))
        case .signUp:
            return SignUp(participant: try data.text("participant"), activity: try data.text("activity"), date: data.optionalText("date"))
        case .start:
            let entry = data.group("entry")
            return StartEnrolment(participant: try data.text("participant"), activity: try data.text("activity"), date: data.optionalText("date"), entry: .init(
                ageAtEntry: try entry.integer("ageAtEntry"), labourMarketStatus: try entry.choice("labourMarketStatus"),
                educationLevel: try entry.choice("educationLevel"), disability: try entry.choice("disability"),
                thirdCountNational: try entry.choice("thirdCountNational"), foreignBackground: try entry.choice("foreignBackground"),
                minority: try entry.choice("minority"), homelessOrHousingExclusion: try entry.choice("homelessOrHousingExclusion"),
                ruralArea: try entry.choice("ruralArea")))
        case .end:
            let exit = data.group("exit")
            return EndEnrolment(participant: try data.text("participant"), activity: try data.text("activity"), date: data.optionalText("date"),
                                outcome: try data.choice("outcome"), jobSearching: try exit.optionalChoice("jobSearching"),
                                inEducationOrTraining: try exit.optionalChoice("inEducationOrTraining"),
                                gainedQualification: try exit.optionalChoice("gainedQualification"), employed: try exit.optionalChoice("employed"))
        case .expert:
            return RegisterExpert(participant: try data.text("participant"), alias: try data.text("alias"), anonymous: data.flag("anonymous"),
                                  training: try data.choice("training"), date: data.optionalText("date"))
        case .engagement:
            return AgreeEngagement(expert: try data.text("expert"), project: try data.text("project"), activity: data.optionalText("activity"),
                                   kind: try data.choice("kind"), date: data.optionalText("date"), plannedHours: try data.number("plannedHours"),
                                   agreedFeeCents: try data.integer("agreedFeeCents"), mode: try data.choice("mode"))
        case .complete:
            return CompleteEngagement(engagement: try data.text("engagement"), date: data.optionalText("date"), hours: try data.number("hours"))
        case .cancel:
            return CancelEngagement(engagement: try data.text("engagement"), date: data.optionalText("date"), reason: data.optionalText("reason"))
        case .fee:
            return PayFee(engagement: try data.text("engagement"), amountCents: try data.integer("amountCents"), date: data.optionalText("date"),
                          reason: data.optionalText("reason"))
        case .travel:
            let trip: PayTravel.Trip
            switch (data["kilometres"], data["ticketCents"]) {
            case (_?, nil): trip = .kilometres(try data.decimal("kilometres"), rate: .inForce)
            case (nil, _?): trip = .tickets(cents: try data.integer("ticketCents"))
            default: throw Refusal.badForm
            }
            return PayTravel(engagement: try data.text("engagement"), trip: trip, date: data.optionalText("date"))
        case .perDiem:
            return PayPerDiem(engagement: try data.text("engagement"), kind: try data.choice("kind"), days: try data.integer("days"), date: data.optionalText("date"))
        case .consent:
            return RecordConsent(participant: try data.text("participant"), scope: try data.choice("scope"), givenBy: try data.choice("givenBy"),
                                 withdrawn: data.flag("withdrawn"), date: data.optionalText("date"))
        case .fit:
            let items = data.group("items")
            return RecordFIT(participant: try data.text("participant"), instrument: try data.choice("instrument"),
                             items: try ["1", "2", "3", "4"].map { number throws(Refusal) in try items.number(number) },
                             activity: data.optionalText("activity"), session: data.optionalText("session"), date: data.optionalText("date"))
        case .feedback:
            let themes = data.optionalText("themes").map { text in
                text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            }
            return GiveFeedback(activity: try data.text("activity"), rating: try data.integer("rating"), participant: data.optionalText("participant"),
                                themes: themes, text: data.optionalText("text"), date: data.optionalText("date"))
        case .survey:
            let answers = try data.text("answers").split(whereSeparator: \.isNewline).compactMap { line throws(Refusal) -> SurveyAnswered.Answer? in
                let line = line.trimmingCharacters(in: .whitespaces)
                guard !line.isEmpty else { return nil }
                guard let split = line.lastIndex(where: { $0 == ":" || $0 == "=" }),
                      let score = Int(line[line.index(after: split)...].trimmingCharacters(in: .whitespaces))
                else { throw Refusal.surveyAnswers }
                return .init(item: line[..<split].trimmingCharacters(in: .whitespaces), score: score)
            }
            guard !answers.isEmpty else { throw Refusal.surveyAnswers }
            let scale = data.group("scale")
            return AnswerSurvey(survey: try data.text("survey"), project: try data.text("project"), wave: try data.choice("wave"),
                                respondentGroup: try data.choice("respondentGroup"),
                                scale: .init(min: try scale.integer("min"), max: try scale.integer("max")), answers: answers, date: data.optionalText("date"))
        case .bikvaStage:
            let themes: [BIKVAThemes.Theme]
            do { themes = try BIKVAThemes.markdown(try data.text("themes")) } catch { throw Refusal.bikvaThemes }
            guard !themes.isEmpty else { throw Refusal.bikvaThemes }
            return RecordBIKVAStage(evaluation: try data.text("evaluation"), project: try data.text("project"), stage: try data.integer("stage"),
                                    groupSize: try data.integer("groupSize"), themes: themes, date: data.optionalText("date"))
        case .bikvaApproval:
            return ApproveBIKVAWording(evaluation: try data.text("evaluation"), stage: try data.integer("stage"), date: data.optionalText("date"))
        case .bikvaFollowUp:
            return FollowUpBIKVAChange(evaluation: try data.text("evaluation"), stage: try data.integer("stage"), theme: try data.text("theme"),
                                       status: try data.choice("status"), note: data.optionalText("note"), date: data.optionalText("date"))
        case .staffTime:
            return LogStaffTime(staffMember: try data.text("staffMember"), project: try data.text("project"), activity: data.optionalText("activity"),
                                date: data.optionalText("date"), hours: try data.number("hours"), hourlyCostCents: try data.integer("hourlyCostCents"))
        case .cost:
            return RecordCost(project: try data.text("project"), activity: data.optionalText("activity"), category: try data.choice("category"),
                              amountCents: try data.integer("amountCents"), description: data.optionalText("description"), date: data.optionalText("date"))
        case .project:
            return RegisterProject(code: try data.text("projectCode"), name: try data.text("name"), funder: try data.choice("funder"),
                                   fundingProgramme: data.optionalText("fundingProgramme"), region: data.optionalText("region"),
                                   startDate: try data.text("startDate"), endDate: try data.text("endDate"), costModel: try data.choice("costModel"),
                                   selfFinancingPercent: try data.number("selfFinancingPercent"))
        case .activity:
            let facilitators = data.group("facilitators")
            return CreateActivity(project: try data.text("project"), name: try data.text("name"), kind: try data.choice("kind"),
                                  targetGroup: try data.choice("targetGroup"), municipality: try data.text("municipality"),
                                  plannedSessions: data.optionalInteger("plannedSessions"), worker: facilitators.optionalText("worker"),
                                  coFacilitator: facilitators.optionalText("coFacilitator"), workPackage: data.optionalText("workPackage"),
                                  date: data.optionalText("date"))
        case .void:
            return VoidEntry(eventId: try data.text("eventId"), reason: try data.text("reason"))
        }
    }
}

extension Refusal {
    /// A command's domain error as the server answers it.
    init(_ error: CommandError) {
        switch error {
        case .noUnusedIdentifier: self = .busy
        case .noSuchEngagement: self = .notFound
        case let .noRate(table, _): self = table == "per-diem.csv" ? .noPerDiemRate : .noAllowance
        case .noSuchEvent, .severalEventsMatch: self = .noSuchEvent
        case .notADay, .bornAfterRegistration, .amountTooLarge, .noSessionScheduled, .severalSessionsScheduled, .nothingToRecord, .notEncodable:
            self = .badForm
        }
    }
}
