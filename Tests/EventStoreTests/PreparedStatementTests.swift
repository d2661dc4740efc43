import EventStore
import GRDB
import Testing

/// `PreparedStatement.forEachRow` reads what GRDB reads: every row in order, NULL as nil, text
/// as stored (beyond ASCII too), and it leaves the statement ready to run again.
@Suite struct PreparedStatementTests {
    private func database() throws -> DatabaseQueue {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: """
                CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, count INTEGER);
                INSERT INTO t VALUES (1, 'Ryhmä 1', 3), (2, NULL, NULL), (3, '', 0), (4, 'held', -7);
                """)
        }
        return queue
    }

    @Test func rowsComeAsGRDBReadsThem() throws {
        try database().read { db in
            let expected = try Row.fetchAll(db, sql: "SELECT name, count FROM t ORDER BY id").map { row in
                [row["name"] as String?, (row["count"] as Int?).map(String.init)]
            }
            var read: [[String?]] = []
            try PreparedStatement(db, sql: "SELECT name, count FROM t ORDER BY id").forEachRow { row in
                read.append([row.optionalText(0), row.optionalInteger(1).map(String.init)])
            }
            #expect(read == expected)
            #expect(read.count == 4)
        }
    }

    @Test func textIsComparedWithoutMakingAString() throws {
        try database().read { db in
            var equal: [Bool] = []
            try PreparedStatement(db, sql: "SELECT name FROM t ORDER BY id").forEachRow { row in
                equal.append(row.text(0, equals: "held"))
            }
            #expect(equal == [false, false, false, true])
            var prefixes: [Bool] = []
            try PreparedStatement(db, sql: "SELECT name FROM t WHERE id = 1").forEachRow { row in
                prefixes = [row.text(0, equals: "Ryhmä"), row.text(0, equals: "Ryhmä 1"), row.text(0, equals: "Ryhmä 10")]
            }
            #expect(prefixes == [false, true, false])
        }
    }

    @Test func argumentsAreBoundAndTheStatementRunsAgain() throws {
        try database().read { db in
            let select = try PreparedStatement(db, sql: "SELECT id FROM t WHERE ?1 IS NULL OR name = ?1 ORDER BY id")
            func ids(_ name: String?) throws -> [Int] {
                var ids: [Int] = []
                try select.forEachRow(binding: [name]) { ids.append($0.integer(0)) }
                return ids
            }
            #expect(try ids("Ryhmä 1") == [1])
            #expect(try ids(nil) == [1, 2, 3, 4])
            #expect(try ids("nobody") == [])
            #expect(try ids("held") == [4])
        }
    }

    @Test func anErrorWhileSteppingIsThrown() throws {
        try database().read { db in
            // The second row's value is malformed JSON: SQLite fails while stepping, not preparing.
            let failing = try PreparedStatement(db, sql: "SELECT CASE WHEN id = 2 THEN json('not json') ELSE id END FROM t ORDER BY id")
            var seen = 0
            #expect(throws: DatabaseError.self) { try failing.forEachRow { _ in seen += 1 } }
            #expect(seen == 1)
        }
    }
}
