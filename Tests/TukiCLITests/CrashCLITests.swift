import Foundation
import GRDB
import Testing

/// A server killed in the middle of a load (`kill -9`, Tools/load/crash.py) leaves a ledger that
/// verifies, holding every event it acknowledged before it died: a 201 is sent only after the
/// commit, and every commit is durable.
@Suite struct CrashCLITests {
    @Test func killingTheServerUnderLoadLosesNoAcknowledgedEventAndTheChainHolds() throws {
        let workspace = try Workspace.withDemo()
        let script = Repository.root.appendingPathComponent("Tools/load/crash.py").path
        let crashed = try workspace.run(URL(fileURLWithPath: "/usr/bin/env"), [
            "python3", script, workspace.path("tuki-demo.sqlite"), "--keep", workspace.path("after"), "--clients", "8", "--after", "2",
            "--tuki", try Workspace.executable().path,
        ])
        #expect(crashed.status == 0, "\(crashed.stderr)")
        let acknowledged = try String(contentsOfFile: workspace.path("after/acknowledged.txt"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        #expect(acknowledged.count > 20, "the load was under way when the server was killed")

        let verified = try workspace.tuki(["verify", "--db", "after/served.sqlite"])
        #expect(verified.status == 0, "\(verified.stderr)")
        let stored = try DatabaseQueue(path: workspace.path("after/served.sqlite")).read { db in
            Set(try String.fetchAll(db, sql: "SELECT event_id FROM events"))
        }
        let missing = acknowledged.filter { !stored.contains($0) }
        #expect(missing.isEmpty, "\(missing.count) acknowledged events are not in the ledger")
    }
}
