import EventStore
import Foundation
import Testing

@testable import Ledger

@Suite struct CatalogueTests {
    let catalogue = try! EventCatalogue.standard()

    @Test func everyTypeInTheCatalogueHasAnExampleAndEveryExampleAType() {
        #expect(Set(catalogue.types) == Set(Examples.data.keys))
        #expect(catalogue.types.count == 33)
    }

    @Test(arguments: Examples.data.keys.sorted())
    func aValidExampleIsAcceptedAndRoundTrips(_ type: String) throws {
        let version = try #require(catalogue.latestVersions[type])
        let event = try catalogue.read(type: type, version: version, data: try Examples.value(type))
        // Encoding the typed payload and reading it back gives the same payload.
        let encoded = try JSONParser.parse(String(decoding: try Self.encode(event), as: UTF8.self))
        #expect(try catalogue.read(type: type, version: version, data: encoded) == event)
    }

    @Test(arguments: Examples.data.keys.sorted())
    func missingARequiredFieldIsRefusedNamingTheField(_ type: String) throws {
        let version = try #require(catalogue.latestVersions[type])
        let example = try Examples.value(type)
        guard case let .object(members) = example else { return }
        for required in try Self.requiredFields(type, version) {
            let without = JSONValue.object(members.filter { $0.key != required })
            #expect(throws: CatalogueError.self) { try catalogue.read(type: type, version: version, data: without) }
            do {
                _ = try catalogue.read(type: type, version: version, data: without)
            } catch {
                #expect(error.field == "data.\(required)", "\(type) without \(required)")
                #expect(error.description.contains("is missing"))
            }
        }
    }

    @Test(arguments: Examples.data.keys.sorted())
    func aWrongTypeIsRefusedNamingTheField(_ type: String) throws {
        let version = try #require(catalogue.latestVersions[type])
        guard case let .object(members) = try Examples.value(type) else { return }
        for (index, member) in members.enumerated() {
            var changed = members
            changed[index].value = Self.wrongType(for: member.value)
            do {
                _ = try catalogue.read(type: type, version: version, data: .object(changed))
                Issue.record("\(type): a wrong type in \(member.key) was accepted")
            } catch {
                #expect(error.field == "data.\(member.key)", "\(type).\(member.key)")
            }
        }
    }

    @Test func unexpectedFieldsUnknownTypesAndVersionsAreRefused() throws {
        guard case let .object(members) = try Examples.value("fee.paid") else { return }
        let extra = JSONValue.object(members + [(key: "bonusCents", value: .number("100"))])
        #expect(throws: CatalogueError.invalid(
            type: "fee.paid", version: 2,
            violation: SchemaViolation(path: "", keyword: "additionalProperties", reason: "has an unexpected field"))
        ) { try catalogue.read(type: "fee.paid", version: 2, data: extra) }
        // Version 1 stays the contract it was: `reason` came with version 2.
        #expect(throws: CatalogueError.invalid(
            type: "fee.paid", version: 1,
            violation: SchemaViolation(path: "", keyword: "additionalProperties", reason: "has an unexpected field"))
        ) { try catalogue.read(type: "fee.paid", version: 1, data: try Examples.value("fee.paid")) }
        #expect(throws: CatalogueError.unknownType(type: "fee.refunded")) {
            try catalogue.read(type: "fee.refunded", version: 1, data: .object([]))
        }
        #expect(throws: CatalogueError.unknownVersion(type: "fee.paid", version: 3, latest: 2)) {
            try catalogue.read(type: "fee.paid", version: 3, data: try Examples.value("fee.paid"))
        }
    }

    @Test func negativeMoneyAndOutOfRangeScoresAreRefused() throws {
        guard case var .object(fee) = try Examples.value("fee.paid"),
              case var .object(fit) = try Examples.value("feedback.fit-recorded") else { return }
        fee[2].value = .number("-1")
        #expect(throws: CatalogueError.self) { try catalogue.read(type: "fee.paid", version: 1, data: .object(fee)) }
        fit[4].value = .array([.number("6"), .number("10.5"), .number("1"), .number("2")])
        do {
            _ = try catalogue.read(type: "feedback.fit-recorded", version: 1, data: .object(fit))
            Issue.record("a score of 10.5 was accepted")
        } catch {
            #expect(error.field == "data.items[1]")
        }
    }

    @Test func anOldSessionHeldIsReadThroughItsUpcaster() throws {
        let v1 = try JSONParser.parse(#"{"session":"s1","date":"2025-05-06","durationMinutes":90,"location":"Riihimäki"}"#)
        guard case let .sessionHeld(session) = try catalogue.read(type: "session.held", version: 1, data: v1) else {
            Issue.record("not a session.held")
            return
        }
        #expect(session.format == .inPerson)
        #expect(session.durationMinutes == 90)
        // Version 2 requires the format; version 1 refuses it.
        #expect(throws: CatalogueError.self) {
            try catalogue.read(type: "session.held", version: 2, data: v1)
        }
        guard case let .object(members) = v1 else { return }
        #expect(throws: CatalogueError.self) {
            try catalogue.read(type: "session.held", version: 1, data: .object(members + [(key: "format", value: .string("remote"))]))
        }
    }

    // MARK: - Helpers

    static func requiredFields(_ type: String, _ version: Int64) throws -> [String] {
        let text = try #require(EmbeddedSchemas.files["events/\(type).v\(version).schema.json"])
        guard case let .array(required)? = try JSONParser.parse(text)["required"] else { return [] }
        return required.compactMap(\.stringValue)
    }

    static func wrongType(for value: JSONValue) -> JSONValue {
        switch value {
        case .string: return .number("7")
        case .number, .bool, .object, .array, .null: return .string("x")
        }
    }

    static func encode(_ event: DomainEvent) throws -> Data {
        let encoder = JSONEncoder()
        switch event {
        case let .projectRegistered(p): return try encoder.encode(p)
        case let .activityCreated(p): return try encoder.encode(p)
        case let .sessionScheduled(p): return try encoder.encode(p)
        case let .sessionHeld(p): return try encoder.encode(p)
        case let .sessionCancelled(p): return try encoder.encode(p)
        case let .participantRegistered(p): return try encoder.encode(p)
        case let .participantDetailsCorrected(p): return try encoder.encode(p)
        case let .consentRecorded(p): return try encoder.encode(p)
        case let .enrolmentSignedUp(p): return try encoder.encode(p)
        case let .enrolmentStarted(p): return try encoder.encode(p)
        case let .enrolmentEnded(p): return try encoder.encode(p)
        case let .attendanceRecorded(p): return try encoder.encode(p)
        case let .expertRegistered(p): return try encoder.encode(p)
        case let .expertStatusChanged(p): return try encoder.encode(p)
        case let .engagementAgreed(p): return try encoder.encode(p)
        case let .engagementCompleted(p): return try encoder.encode(p)
        case let .engagementCancelled(p): return try encoder.encode(p)
        case let .feePaid(p): return try encoder.encode(p)
        case let .travelReimbursed(p): return try encoder.encode(p)
        case let .perDiemPaid(p): return try encoder.encode(p)
        case let .fitRecorded(p): return try encoder.encode(p)
        case let .feedbackGiven(p): return try encoder.encode(p)
        case let .bikvaStageRecorded(p): return try encoder.encode(p)
        case let .bikvaWordingApproved(p): return try encoder.encode(p)
        case let .bikvaChangeFollowedUp(p): return try encoder.encode(p)
        case let .surveyAnswered(p): return try encoder.encode(p)
        case let .staffTimeLogged(p): return try encoder.encode(p)
        case let .costIncurred(p): return try encoder.encode(p)
        case let .userRoleGranted(p): return try encoder.encode(p)
        case let .userRoleRevoked(p): return try encoder.encode(p)
        case let .entryVoided(p): return try encoder.encode(p)
        case let .accessLogged(p): return try encoder.encode(p)
        case let .subjectErased(p): return try encoder.encode(p)
        }
    }
}
