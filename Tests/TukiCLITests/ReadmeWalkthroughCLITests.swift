import Foundation
import GRDB
import Testing

/// README.md's "Recording a programme" is a script a person can follow as it stands: run here,
/// line by line, with the built `tuki`.
@Suite struct ReadmeWalkthroughCLITests {
    /// The section's first code block, as a bash script: `$ ` prompts dropped, `# …` notes after
    /// a command left to bash, which reads them as comments.
    static func walkthrough() throws -> String {
        let readme = try String(contentsOf: Repository.root.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.range(of: "### Recording a programme"))
        let rest = readme[section.upperBound...]
        let open = try #require(rest.range(of: "```\n"))
        let close = try #require(rest[open.upperBound...].range(of: "```\n"))
        return rest[open.upperBound..<close.lowerBound].split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasPrefix("$ ") ? String(line.dropFirst(2)) : String(line)
        }.joined(separator: "\n")
    }

    @Test func aWholeProgrammeIsRecordedFromTheReadmeAlone() throws {
        let ws = try Workspace()
        try ws.write("walkthrough.sh", "set -euo pipefail\n" + (try Self.walkthrough()) + "\n")
        let binDirectory = try Workspace.executable().deletingLastPathComponent().path
        let result = try ws.run(URL(fileURLWithPath: "/bin/bash"), ["walkthrough.sh"],
                                environment: ["PATH": "\(binDirectory):/usr/bin:/bin"])
        #expect(result.status == 0, "the README's walkthrough stopped: \(result.stderr)")
        #expect(result.stdout.contains("ok ") && result.stdout.contains(" events, head "))
        #expect(result.stdout.contains("Aino Esimerkki"), "the list with --names shows the name")

        let types = try DatabaseQueue(path: ws.path("tuki.sqlite")).read { db in
            Set(try String.fetchAll(db, sql: "SELECT DISTINCT type FROM events"))
        }
        let recordedByPeople = try FileManager.default.contentsOfDirectory(atPath: Repository.root.appendingPathComponent("Schemas/events").path)
            .map { $0.replacingOccurrences(of: #"\.v[0-9]+\.schema\.json$"#, with: "", options: .regularExpression) }
            .filter { !["access.logged", "subject.erased", "session.cancelled", "engagement.cancelled"].contains($0) }
        // Every type a person records but the two cancellations (shown beside their commands).
        #expect(Set(recordedByPeople).subtracting(types).isEmpty, "not in the walkthrough: \(Set(recordedByPeople).subtracting(types))")
        #expect(types.contains("access.logged"), "the list with names logged its readings")
    }
}
