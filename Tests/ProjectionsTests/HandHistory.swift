import EventStore
import Foundation
import Ledger
import Projections
import Testing

/// A small programme written event by event for figures worked out by hand: a project (from
/// `projectStart` to the end of 2027) with a closed group and open evenings; `add` returns each
/// event's id, so that `void` can void it.
struct HandHistory {
    static let project = "project-hand"
    static let group = "activity-group"
    static let evenings = "activity-evenings"

    var events: [ProposedEvent] = []
    private var count = 0

    init(projectStart: String = "2026-01-01", workPackages: (group: String, evenings: String)? = nil) throws {
        try add(Self.project, "project.registered", #"{"projectCode":"H","name":"Hand","funder":"STEA","startDate":"\#(projectStart)","endDate":"2027-12-31","costModel":"real-costs","selfFinancingPercent":0}"#)
        let packages = workPackages.map { (#","workPackage":"\#($0.group)""#, #","workPackage":"\#($0.evenings)""#) } ?? ("", "")
        try add(Self.group, "activity.created", #"{"project":"project-hand","name":"Group","kind":"closed-peer-group","targetGroup":"parents","municipality":"Forssa"\#(packages.0)}"#, version: 2)
        try add(Self.evenings, "activity.created", #"{"project":"project-hand","name":"Evenings","kind":"open-event","targetGroup":"young-people-12-17","municipality":"Forssa"\#(packages.1)}"#, version: 2)
    }

    @discardableResult
    mutating func add(_ stream: String, _ type: String, _ data: String, version: Int64? = nil) throws -> String {
        count += 1
        let id = String(format: "e7a10000-0000-4000-8000-%012d", count)
        let latest = try EventCatalogue.standard().latestVersions[type] ?? 1
        events.append(try ProposedEvent(eventId: id, stream: stream, type: type, schemaVersion: version ?? latest,
                                        occurredAt: "2026-02-01T10:00:00Z", data: data))
        return id
    }

    mutating func void(_ id: String, on stream: String) throws {
        try add(stream, "entry.voided", #"{"eventId":"\#(id)","reason":"entered by mistake"}"#)
    }

    mutating func participant(_ id: String, born year: Int = 1980, gender: String = "woman") throws {
        try add("participant-\(id)", "participant.registered", #"{"participant":"\#(id)","roles":["parent"],"gender":"\#(gender)","birthYear":\#(year),"municipality":"Forssa"}"#)
    }

    /// The events recorded through the validated path into a new ledger, and its read models
    /// brought up to date.
    func readModels() throws -> (ReadModelDatabase, LedgerStamp) {
        let fixture = try ProjectionFixture()
        try fixture.store.appendValidated(events)
        let readModels = try fixture.liveReadModels()
        let engine = try fixture.engine(readModels)
        try engine.update()
        return (readModels, try engine.stamp(for: []))
    }
}
