import EventStore
import Foundation
import Testing

@testable import Ledger

/// The Swift validator and Python's jsonschema give the same verdict on every example, on every
/// example with a required field missing, and on every example with a field of the wrong type;
/// and what Swift encodes from each typed payload validates too.
@Suite struct CatalogueAgreementTests {
    let catalogue = try! EventCatalogue.standard()

    struct Case {
        let type: String
        let version: Int64
        let data: JSONValue
        let label: String
    }

    func cases() throws -> [Case] {
        var cases: [Case] = []
        for type in Examples.data.keys.sorted() {
            let version = try #require(catalogue.latestVersions[type])
            let example = try Examples.value(type)
            cases.append(Case(type: type, version: version, data: example, label: "\(type) example"))
            guard case let .object(members) = example else { continue }
            for required in try CatalogueTests.requiredFields(type, version) {
                cases.append(Case(
                    type: type, version: version, data: .object(members.filter { $0.key != required }),
                    label: "\(type) without \(required)"))
            }
            for (index, member) in members.enumerated() {
                var changed = members
                changed[index].value = CatalogueTests.wrongType(for: member.value)
                cases.append(Case(type: type, version: version, data: .object(changed), label: "\(type) with a wrong \(member.key)"))
            }
            let encoded = try JSONParser.parse(String(
                decoding: try CatalogueTests.encode(try catalogue.read(type: type, version: version, data: example)), as: UTF8.self))
            cases.append(Case(type: type, version: version, data: encoded, label: "\(type) as Swift encodes it"))
        }
        return cases
    }

    @Test func swiftAndPythonJudgeEveryCaseAlike() throws {
        let cases = try cases()
        #expect(cases.count > 200)
        let lines = cases.map { c in
            JSONWriter.compact(.object([
                (key: "eventId", value: .string(EventID.random().text)), (key: "stream", value: .string("test-1")),
                (key: "type", value: .string(c.type)), (key: "schemaVersion", value: .number(String(c.version))),
                (key: "occurredAt", value: .string("2026-02-03T15:00:00Z")), (key: "data", value: c.data),
            ]))
        }
        let verdicts = try SchemaAgreementTests.validateWithPython(lines)
        #expect(verdicts.count == cases.count)
        for (c, verdict) in zip(cases, verdicts) {
            let swiftAccepts = (try? catalogue.validate(type: c.type, version: c.version, data: c.data)) != nil
            let pythonAccepts = verdict["data"] == "ok"
            #expect(swiftAccepts == pythonAccepts, "\(c.label): Swift \(swiftAccepts), Python \(verdict)")
            let shouldAccept = c.label.hasSuffix("example") || c.label.hasSuffix("as Swift encodes it")
            #expect(swiftAccepts == shouldAccept, "\(c.label)")
        }
    }

    @Test func theEmbeddedSchemasAreTheFilesInSchemas() throws {
        let root = SchemaAgreementTests.root.appendingPathComponent("Schemas")
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        var files: [String: String] = [:]
        while let url = enumerator?.nextObject() as? URL {
            guard url.lastPathComponent.hasSuffix(".schema.json") else { continue }
            let relative = String(url.path.dropFirst(root.path.count + 1))
            // The reports' schemas describe Tuki's output; the binary needs only what it records.
            guard !relative.hasPrefix("reports/") else { continue }
            files[relative] = try String(contentsOf: url, encoding: .utf8).trimmingCharacters(in: .newlines)
        }
        #expect(files.count == EmbeddedSchemas.files.count, "run python3 Tools/schema-check/embed.py")
        for (path, text) in files {
            #expect(EmbeddedSchemas.files[path] == text, "\(path) changed: run python3 Tools/schema-check/embed.py")
        }
    }
}

@Suite struct EventsDocumentTests {
    @Test func docsEventsMdIsWhatTheSchemasSayAndNamesEveryRule() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", SchemaAgreementTests.root.appendingPathComponent("Tools/schema-check/events-doc.py").path, "--check"]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "run python3 Tools/schema-check/events-doc.py")

        let document = try String(contentsOf: SchemaAgreementTests.root.appendingPathComponent("docs/events.md"), encoding: .utf8)
        for rule in Rules.names {
            #expect(document.contains("| `\(rule)` |"), "docs/events.md does not explain \(rule)")
        }
        for type in try EventCatalogue.standard().types {
            #expect(document.contains("### `\(type)`"), "docs/events.md has no section for \(type)")
        }
    }
}
