import Samples
import EventStore
import Foundation
import Ledger
import Testing

/// Schemas/ is the contract other systems write against. These tests prove that the Swift code
/// and an independent JSON Schema validator (Python's jsonschema, with format assertion) give
/// the same verdicts, and that what Tuki writes validates against its own schemas.
@Suite struct SchemaAgreementTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    struct Case {
        let expectValid: Bool
        let why: String
        let envelope: String
    }

    static func cases() throws -> [Case] {
        let url = root.appendingPathComponent("Tests/SchemaTests/Fixtures/envelope-cases.jsonl")
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map { line in
            let value = try JSONParser.parse(String(line))
            guard let expect = value["expect"]?.stringValue, let why = value["why"]?.stringValue,
                  let envelope = value["envelope"]
            else { throw CocoaError(.coderReadCorrupt) }
            return Case(expectValid: expect == "valid", why: why, envelope: JSONWriter.compact(envelope))
        }
    }

    @Test func theEnvelopeDecoderAndTheEnvelopeSchemaAgreeOnEveryCase() throws {
        let cases = try Self.cases()
        #expect(cases.count > 40)
        let verdicts = try Self.validateWithPython(cases.map(\.envelope))
        #expect(verdicts.count == cases.count)
        for (testCase, verdict) in zip(cases, verdicts) {
            let swiftAccepts = (try? Envelope.parse(line: Array(testCase.envelope.utf8), actor: "tester")) != nil
            let schemaAccepts = verdict["envelope"] == "ok"
            #expect(swiftAccepts == testCase.expectValid, "Swift decoder on '\(testCase.why)'")
            #expect(schemaAccepts == testCase.expectValid, "envelope schema on '\(testCase.why)': \(verdict["envelope"] ?? "")")
        }
    }

    @Test func everyEventTheDemoWritesValidatesAgainstItsSchemas() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tuki-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let ledgerPath = directory.appendingPathComponent("demo.sqlite").path
        let keyStorePath = KeyStore.defaultPath(forLedger: ledgerPath)
        let masterKeyPath = directory.appendingPathComponent("master.key").path
        let store = try EventStore.create(at: ledgerPath)
        _ = try KeyStore.create(at: keyStorePath, masterKey: try MasterKey.create(at: masterKeyPath))
        let personalData = PersonalData(store: store, keyStorePath: keyStorePath, masterKeyPath: masterKeyPath)
        try store.append(try SampleProgramme.events(actor: "tester") { try personalData.seal($0, for: $1).json })
        // The privacy events too: a reading and an erasure.
        let subject = try SubjectID(SampleProgramme.participants[1])
        _ = try personalData.reveal(subject, actor: "tester", purpose: "schema test")
        _ = try personalData.erase(subject, actor: "tester", reason: "schema test")
        let lines = try store.read { reader in
            var lines: [String] = []
            try reader.events().forEach { lines.append(Envelope.exportLine($0)) }
            return lines
        }
        #expect(lines.count > 10)
        let types = Set(lines.compactMap { try? JSONParser.parse($0)["type"]?.stringValue })
        #expect(types.isSuperset(of: ["participant.registered", "access.logged", "subject.erased"]))
        let verdicts = try Self.validateWithPython(lines)
        for (line, verdict) in zip(lines, verdicts) {
            #expect(verdict["envelope"] == "ok", "\(verdict)")
            #expect(verdict["data"] == "ok", "data of \(line.prefix(120)): \(verdict)")
            // And what Tuki exports, Tuki imports.
            #expect(throws: Never.self) { try Envelope.parse(line: Array(line.utf8), actor: nil) }
        }
    }

    /// Runs Tools/schema-check/validate.py over `lines`; one verdict per line.
    static func validateWithPython(_ lines: [String]) throws -> [[String: String]] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", root.appendingPathComponent("Tools/schema-check/validate.py").path,
            "--schemas", root.appendingPathComponent("Schemas").path, "--check-schemas",
        ]
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("tuki-lines-\(UUID().uuidString)")
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("tuki-verdicts-\(UUID().uuidString)")
        defer {
            try? FileManager.default.removeItem(at: input)
            try? FileManager.default.removeItem(at: output)
        }
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: input)
        FileManager.default.createFile(atPath: output.path, contents: nil)
        process.standardInput = try FileHandle(forReadingFrom: input)
        let outputHandle = try FileHandle(forWritingTo: output)
        process.standardOutput = outputHandle
        try process.run()
        process.waitUntilExit()
        try outputHandle.close()
        guard process.terminationStatus == 0 else {
            Issue.record("validate.py failed (exit \(process.terminationStatus)); it needs Python's jsonschema and rfc3339-validator, which Tools/test installs")
            return []
        }
        return try String(contentsOf: output, encoding: .utf8).split(separator: "\n").map { line in
            var verdict: [String: String] = [:]
            if case let .object(members) = try JSONParser.parse(String(line)) {
                for member in members { verdict[member.key] = member.value.stringValue }
            }
            return verdict
        }
    }
}
