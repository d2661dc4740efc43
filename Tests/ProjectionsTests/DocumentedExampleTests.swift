import EventStore
import Foundation
import GRDB
import Ledger
import Projections
import Testing

/// docs/projections.md shows DocumentedExample.swift as its worked example: the text must be the
/// same, and the projector must work as the document says.
@Suite struct DocumentedExampleTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func theDocumentShowsThisVeryCode() throws {
        let code = try String(contentsOf: Self.root.appendingPathComponent("Tests/ProjectionsTests/DocumentedExample.swift"), encoding: .utf8)
        let document = try String(contentsOf: Self.root.appendingPathComponent("docs/projections.md"), encoding: .utf8)
        #expect(document.contains("```swift\n" + code + "```\n"))
    }

    @Test func costTotalsLeaveTheVoidedCostOut() throws {
        let fixture = try ProjectionFixture()
        let events = try fixture.demoEvents()
        try fixture.store.appendValidated(events)
        let readModels = try fixture.liveReadModels()
        let engine = try fixture.engine(readModels, projectors: StandardProjectors.all + [CostTotalsProjector()])
        try engine.update()
        // Expected, from the events themselves: every cost not named by a void.
        let voided = Set(events.filter { $0.type.text == "entry.voided" }.compactMap { $0.dataValue["eventId"]?.stringValue })
        let costs = events.filter { $0.type.text == "cost.incurred" && !voided.contains($0.eventId.text) }
        #expect(costs.count < events.filter { $0.type.text == "cost.incurred" }.count)
        let expected = costs.reduce(0) { $0 + Int($1.dataValue["amountCents"]?.integerValue ?? 0) }
        let total = try readModels.read { db in try Int.fetchOne(db, sql: "SELECT SUM(cents) FROM cost_totals_by_category") }
        #expect(total == expected)
        let entries = try readModels.read { db in try Int.fetchOne(db, sql: "SELECT SUM(entries) FROM cost_totals_by_category") }
        #expect(entries == costs.count)
    }
}
