import Foundation
import GRDB
import Testing

@Suite struct PrivacyCLITests {
    static let name = "Aino Kuusisto-Virtanen"

    private func ledgerWithASealedParticipant() throws -> Workspace {
        let ws = try Workspace()
        try ws.tuki(["init"])
        let appended = try ws.tuki([
            "append", "--stream", "participant-p-abc1", "--type", "participant.registered",
            "--data", #"{"participant":"p-abc1","roles":["parent"],"gender":"woman","birthYear":1985,"municipality":"Forssa"}"#,
            "--seal-for", "p-abc1",
            "--personal", #"{"name":"\#(Self.name)","phone":"040 123 4567"}"#,
        ])
        #expect(appended.status == 0)
        return ws
    }

    /// A key store from before the name index (or restored from a backup) gets every name indexed
    /// again, each opening in the person's access log; an erased person is left out.
    @Test func indexNamesPutsEveryNameInTheIndexAndLogsEachOpening() throws {
        let ws = try ledgerWithASealedParticipant()
        let keys = try DatabaseQueue(path: ws.path("tuki.keys.sqlite"))
        let tokens = { try keys.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM name_index WHERE subject = 'p-abc1'") ?? 0 } }
        #expect(try tokens() > 0, "sealing a name indexes it")
        try keys.write { try $0.execute(sql: "DELETE FROM name_index") }
        #expect(try tokens() == 0)

        let indexed = try ws.tuki(["participant", "index-names", "--actor", "admin"])
        #expect(indexed.status == 0, "\(indexed.stderr)")
        #expect(indexed.stdout == "1\n")
        #expect(try tokens() > 0)
        let log = try ws.tuki(["access-log", "p-abc1"]).stdout
        #expect(log.contains("admin") && log.contains("name index"))

        #expect(try ws.tuki(["erase", "p-abc1", "--reason", "asked"]).status == 0)
        #expect(try tokens() == 0, "erasure takes the person out of the index")
        #expect(try ws.tuki(["participant", "index-names"]).stdout == "0\n")
    }

    /// A file at the key store's place that is not one is refused, and left as it was.
    @Test func aFileThatIsNotAKeyStoreIsRefusedAndLeftAlone() throws {
        let ws = try ledgerWithASealedParticipant()
        for content in ["", "some notes"] {
            try FileManager.default.removeItem(atPath: ws.path("tuki.keys.sqlite"))
            try ws.write("tuki.keys.sqlite", content)
            let reveal = try ws.tuki(["reveal", "p-abc1", "--purpose", "x"])
            #expect(reveal.status == 2 && reveal.stderr.contains("is not a Tuki key store"), "\(reveal.stderr)")
            #expect(try String(contentsOfFile: ws.path("tuki.keys.sqlite"), encoding: .utf8) == content)
        }
    }

    @Test func initCreatesAPrivateMasterKeyAndAKeyStoreAndRefusesToOverwriteTheKey() throws {
        let ws = try Workspace()
        let created = try ws.tuki(["init", "--db", "county.sqlite"])
        #expect(created.status == 0)
        #expect(created.stdout.contains("county.keys.sqlite") && created.stdout.contains("county.master.key"))
        let mode = try FileManager.default.attributesOfItem(atPath: ws.path("county.master.key"))[.posixPermissions] as? Int
        #expect(mode == 0o600)

        let again = try ws.tuki(["init", "--db", "other.sqlite", "--key-file", "county.master.key"])
        #expect(again.status == 3)
        #expect(again.stderr.contains("master key file already exists"))
        #expect(!FileManager.default.fileExists(atPath: ws.path("other.sqlite")))
    }

    @Test func sealedDataIsNeverInClearAndRevealShowsAndLogsIt() throws {
        let ws = try ledgerWithASealedParticipant()
        let export = try ws.tuki(["export"]).stdout
        #expect(export.contains(#""sealed":"v1","subject":"p-abc1""#))
        #expect(!export.contains("Virtanen"))

        let revealed = try ws.tuki(["reveal", "p-abc1", "--purpose", "camp contact list", "--actor", "coordinator"])
        #expect(revealed.status == 0)
        #expect(revealed.stdout.contains(Self.name))
        #expect(revealed.stdout.contains("recorded at position 2"))

        let log = try ws.tuki(["access-log", "p-abc1"])
        #expect(log.stdout.contains("coordinator") && log.stdout.contains("camp contact list"))
        #expect(!log.stdout.contains("Virtanen"))
        #expect(try ws.tuki(["verify"]).stdout.hasPrefix("ok 2 events"))
    }

    @Test func afterEraseRevealSaysErasedAndTheChainStillVerifies() throws {
        let ws = try ledgerWithASealedParticipant()
        let erased = try ws.tuki(["erase", "p-abc1", "--reason", "the participant asked"])
        #expect(erased.status == 0)
        let reveal = try ws.tuki(["reveal", "p-abc1", "--purpose", "x"])
        #expect(reveal.status == 3)
        #expect(reveal.stderr == "The personal data of subject p-abc1 was erased.\n")
        #expect(try ws.tuki(["verify"]).stdout.hasPrefix("ok 2 events"))
        #expect(try ws.tuki(["access-log", "p-abc1"]).stdout.contains("erased"))
        #expect(try ws.tuki(["erase", "p-abc1", "--reason", "again"]).stdout.contains("already erased"))
    }

    @Test func withoutTheRightMasterKeyOnlyRevealFails() throws {
        let ws = try ledgerWithASealedParticipant()
        try FileManager.default.moveItem(atPath: ws.path("tuki.master.key"), toPath: ws.path("elsewhere.key"))

        let missing = try ws.tuki(["reveal", "p-abc1", "--purpose", "x"])
        #expect(missing.status == 2)
        #expect(missing.stderr.hasPrefix("There is no master key file at ./tuki.master.key"))

        try ws.tuki(["init", "--db", "other.sqlite", "--key-file", "wrong.key"])
        let wrong = try ws.tuki(["reveal", "p-abc1", "--purpose", "x", "--key-file", "wrong.key"])
        #expect(wrong.status == 3)
        #expect(wrong.stderr.contains("does not open this ledger's key store"))
        #expect(!wrong.stderr.contains("Virtanen"))

        #expect(try ws.tuki(["verify"]).status == 0)
        #expect(try ws.tuki(["log"]).status == 0)
        #expect(try ws.tuki(["export"]).stdout.split(separator: "\n").count == 1)
        #expect(try ws.tuki(["append", "--stream", "project-a", "--type", "project.registered", "--data", CLITests.projectData("A")]).status == 0)
        #expect(try ws.tuki(["verify"]).stdout.hasPrefix("ok 2 events"))

        let viaEnvironment = try ws.tuki(["reveal", "p-abc1", "--purpose", "x"], environment: ["TUKI_KEY_FILE": "elsewhere.key"])
        #expect(viaEnvironment.status == 0)
        #expect(viaEnvironment.stdout.contains(Self.name))
    }

    @Test func sealingOptionsGoTogether() throws {
        let ws = try Workspace()
        try ws.tuki(["init"])
        let alone = try ws.tuki(["append", "--stream", "a", "--type", "a.b", "--data", "{}", "--seal-for", "p-1"])
        #expect(alone.status == 2)
        let clash = try ws.tuki([
            "append", "--stream", "a", "--type", "a.b", "--data", #"{"personal":1}"#, "--seal-for", "p-1", "--personal", "{}",
        ])
        #expect(clash.status == 3)
    }
}
