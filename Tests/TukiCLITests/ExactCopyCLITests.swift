import Foundation
import Testing

/// An export is a copy an auditor can check by itself and restore exactly: the same positions,
/// recording times and hashes, so the head proves it is the ledger the project reported from.
@Suite struct ExactCopyCLITests {
    func demoExport() throws -> (Workspace, head: String) {
        let ws = try Workspace.withDemo()
        let export = try ws.tuki(["export", "--db", "tuki-demo.sqlite"])
        #expect(export.status == 0)
        try ws.write("demo.jsonl", export.stdout)
        return (ws, try ws.tuki(["verify", "--db", "tuki-demo.sqlite"]).stdout)
    }

    @Test func aRestoredExportIsTheSameLedgerAndTakesNewEvents() throws {
        let (ws, head) = try demoExport()
        let restored = try ws.tuki(["restore", "demo.jsonl", "--db", "copy.sqlite"])
        #expect(restored.status == 0, "\(restored.stderr)")
        #expect(try ws.tuki(["verify", "--db", "copy.sqlite"]).stdout == head)
        #expect(restored.stdout == "Restored " + head.dropFirst(3).replacingOccurrences(of: "\n", with: ".\n"))
        // With the key files copied beside it, the copy reveals what the original does.
        for suffix in [".keys.sqlite", ".master.key"] {
            try FileManager.default.copyItem(atPath: ws.path("tuki-demo" + suffix), toPath: ws.path("copy" + suffix))
        }
        #expect(try ws.tuki(["reveal", "p-9x4d", "--purpose", "audit", "--db", "copy.sqlite"]).status == 0)
        let held = try ws.tuki(["session", "held", "activity-tahka-forssa-2026", "--date", "2026-03-31", "--duration", "60",
                                "--location", "Forssa", "--db", "copy.sqlite"])
        #expect(held.status == 0, "\(held.stderr)")
        // A ledger already at the path is never overwritten.
        #expect(try ws.tuki(["restore", "demo.jsonl", "--db", "copy.sqlite"]).status == 3)
    }

    @Test func anExportIsVerifiedByItselfAndOneChangedByteIsFound() throws {
        let (ws, head) = try demoExport()
        let verified = try ws.tuki(["verify", "--export", "demo.jsonl"])
        #expect(verified.status == 0 && verified.stdout == head)

        // One fee's amount changed, the hashes left as they were.
        var lines = try String(contentsOfFile: ws.path("demo.jsonl"), encoding: .utf8).split(separator: "\n").map(String.init)
        let index = try #require(lines.firstIndex { $0.contains(#""type":"fee.paid""#) })
        lines[index] = lines[index].replacingOccurrences(of: #""amountCents":9000"#, with: #""amountCents":1000"#)
        try ws.write("tampered.jsonl", lines.joined(separator: "\n") + "\n")
        let position = index + 1
        let refused = try ws.tuki(["verify", "--export", "tampered.jsonl"])
        #expect(refused.status == 1)
        #expect(refused.stdout == "FAILED at position \(position): hash does not match its fields\n")
        // The recipe without Tuki (Python's standard library) says the same of both files.
        #expect(try Self.independentCheck(ws, "demo.jsonl") == (0, head))
        #expect(try Self.independentCheck(ws, "tampered.jsonl") == (1, refused.stdout))
        let restore = try ws.tuki(["restore", "tampered.jsonl", "--db", "copy.sqlite"])
        #expect(restore.status == 3 && restore.stderr.contains("position \(position)"))
        #expect(!FileManager.default.fileExists(atPath: ws.path("copy.sqlite")), "nothing is left of a refused restore")
    }

    /// Tools/audit/verify-export.py on an export file: its exit status and what it prints.
    static func independentCheck(_ ws: Workspace, _ file: String) throws -> (Int32, String) {
        let script = Repository.root.appendingPathComponent("Tools/audit/verify-export.py").path
        let result = try ws.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", script, ws.path(file)])
        return (result.status, result.stdout)
    }

    @Test func revealTellsSealedButNoKeyFromNothingSealed() throws {
        let (ws, _) = try demoExport()
        // The demo's events, but for the system's records, imported into a new ledger with a key store of its own.
        let lines = try String(contentsOfFile: ws.path("demo.jsonl"), encoding: .utf8).split(separator: "\n")
            .filter { !$0.contains(#""type":"access.logged""#) && !$0.contains(#""type":"subject.erased""#) }
        try ws.write("events.jsonl", lines.joined(separator: "\n") + "\n")
        #expect(try ws.tuki(["init", "--db", "other.sqlite"]).status == 0)
        #expect(try ws.tuki(["import", "events.jsonl", "--db", "other.sqlite"]).status == 0)
        let sealed = try ws.tuki(["reveal", "p-9x4d", "--purpose", "audit", "--db", "other.sqlite"])
        #expect(sealed.status == 3 && sealed.stderr.contains("is sealed in the ledger, but this key store has no key for it"), "\(sealed.stderr)")
        let nothing = try ws.tuki(["reveal", "p-nobody", "--purpose", "audit", "--db", "other.sqlite"])
        #expect(nothing.status == 3 && nothing.stderr == "No personal data is sealed for subject p-nobody.\n", "\(nothing.stderr)")
    }
}
