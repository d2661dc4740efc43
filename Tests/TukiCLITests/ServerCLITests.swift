import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// `tuki user` and `tuki serve` through the binary: roles recorded in the ledger, one-time
/// passwords printed once and only their hashes kept, and a server that starts on the ledger.
@Suite struct ServerCLITests {
    @Test func addingAUserRecordsTheGrantAndKeepsOnlyTheHashOfTheOneTimePassword() throws {
        let workspace = try Workspace.withDemo()
        let db = ["--db", "tuki-demo.sqlite"]
        let added = try workspace.tuki(["user", "add", "ohjaaja-hml", "--role", "facilitator", "--activity", "activity-juttutupa-hameenlinna-2026",
                                        "--actor", "koordinaattori"] + db)
        #expect(added.status == 0, "\(added.stderr)")
        let password = added.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(password.count == 16)
        let file = workspace.path("tuki-demo.users.json")
        let stored = try String(contentsOfFile: file, encoding: .utf8)
        #expect(stored.contains(#""ohjaaja-hml""#))
        #expect(!stored.contains(password))
        #expect(stored.contains("$2b$04$"), "bcrypt, at the cost the tests ask for")
        let permissions = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
        #expect(permissions == 0o600)
        let log = try workspace.tuki(["log", "--stream", "user-ohjaaja-hml", "--json"] + db)
        #expect(log.stdout.contains(#""actor":"koordinaattori""#))
        #expect(log.stdout.contains(#""type":"user.role-granted""#))

        // A second add of the same name, an unknown role, a role not held: refused, each plainly.
        let again = try workspace.tuki(["user", "add", "ohjaaja-hml", "--role", "analyst"] + db)
        #expect(again.status == 2)
        #expect(again.stderr.contains("already exists"))
        let unknown = try workspace.tuki(["user", "add", "someone", "--role", "admin"] + db)
        #expect(unknown.status == 2)
        let notHeld = try workspace.tuki(["user", "revoke", "ohjaaja-hml", "--role", "coordinator"] + db)
        #expect(notHeld.status == 3)
        #expect(notHeld.stderr.contains("user.revokes-a-granted-role"))
        let noActivity = try workspace.tuki(["user", "grant", "ohjaaja-hml", "--role", "facilitator"] + db)
        #expect(noActivity.status == 3)
        #expect(noActivity.stderr.contains("user.facilitator-has-activities"))

        let reset = try workspace.tuki(["user", "reset-password", "ohjaaja-hml"] + db)
        #expect(reset.status == 0)
        #expect(reset.stdout.trimmingCharacters(in: .whitespacesAndNewlines) != password)
        #expect(try String(contentsOfFile: file, encoding: .utf8) != stored)
        #expect(try workspace.tuki(["user", "revoke", "ohjaaja-hml", "--role", "facilitator"] + db).status == 0)
        #expect(try workspace.tuki(["verify"] + db).status == 0)
    }

    /// A lost phone: `tuki user reset-2fa` removes the user's authenticator and recovery codes
    /// from the users file, and says so; a user without one, or no such user, is told plainly.
    @Test func resetTwoFactorRemovesTheAuthenticator() throws {
        let workspace = try Workspace.withDemo()
        let db = ["--db", "tuki-demo.sqlite"]
        let file = workspace.path("tuki-demo.users.json")
        #expect(try workspace.tuki(["user", "reset-2fa", "koordinaattori"] + db).status == 2, "none enrolled yet")
        var users = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as? [String: Any])
        var all = try #require(users["users"] as? [String: [String: Any]])
        all["koordinaattori"]?["secondFactor"] = ["secret": "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", "recoveryCodes": ["ab"], "lastStep": 1]
        users["users"] = all
        try JSONSerialization.data(withJSONObject: users).write(to: URL(fileURLWithPath: file))
        let reset = try workspace.tuki(["user", "reset-2fa", "koordinaattori"] + db)
        #expect(reset.status == 0, "\(reset.stderr)")
        #expect(reset.stderr.contains("koordinaattori"))
        let after = try String(contentsOfFile: file, encoding: .utf8)
        #expect(!after.contains("secondFactor") && !after.contains("GEZDGNBV"))
        #expect(after.contains("koordinaattori"), "the password stays")
        #expect(try workspace.tuki(["user", "reset-2fa", "no-such-user"] + db).status == 2)
    }

    @Test func serveStartsOnTheLedgerAndStopsOnSIGTERM() async throws {
        let workspace = try Workspace.withDemo()
        let process = Process()
        process.executableURL = try Workspace.executable()
        process.arguments = ["serve", "--db", "tuki-demo.sqlite", "--port", "0"]
        process.currentDirectoryURL = workspace.directory
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // "Tuki serves tuki-demo.sqlite at http://127.0.0.1:PORT/ (Ctrl-C stops it)."
        var said = ""
        while !said.contains("Ctrl-C"), process.isRunning {
            let chunk = errors.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            said += String(decoding: chunk, as: UTF8.self)
        }
        let url = try #require(said.range(of: #"http://127\.0\.0\.1:[0-9]+/"#, options: .regularExpression).map { String(said[$0]) })
        let (body, response) = try await URLSession.shared.data(from: URL(string: url + "signin")!)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        #expect(String(decoding: body, as: UTF8.self).contains(#"action="/signin""#))
        process.terminate()
        for _ in 0..<100 where process.isRunning { try await Task.sleep(for: .milliseconds(50)) }
        #expect(!process.isRunning)
    }
}
