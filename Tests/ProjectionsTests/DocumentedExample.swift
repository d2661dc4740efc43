import GRDB
import Ledger
import Projections

/// Costs per project and category, in cents. A running total, not one row per event,
/// so it must take a voided cost back out itself.
struct CostTotalsProjector: Projector {
    let name = "cost_totals"
    let version = 1
    let handledTypes: Set<String> = ["cost.incurred"]
    let tables = ["cost_totals_by_category"]

    func createTables(in db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE cost_totals_by_category (
                project  TEXT NOT NULL,
                category TEXT NOT NULL,
                cents    INTEGER NOT NULL,
                entries  INTEGER NOT NULL,
                PRIMARY KEY (project, category))
            """)
    }

    func apply(_ event: ProjectedEvent, in db: Database) throws {
        guard case let .costIncurred(cost) = event.event else { return }
        try add(cost, times: 1, db)
    }

    func retract(_ event: ProjectedEvent, in db: Database) throws {
        guard case let .costIncurred(cost) = event.event else { return }
        try add(cost, times: -1, db)
    }

    private func add(_ cost: CostIncurred, times sign: Int, _ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO cost_totals_by_category (project, category, cents, entries) VALUES (?, ?, ?, ?)
            ON CONFLICT (project, category)
            DO UPDATE SET cents = cents + excluded.cents, entries = entries + excluded.entries
            """, arguments: [cost.project, cost.category.rawValue, sign * cost.amountCents, sign])
    }
}
