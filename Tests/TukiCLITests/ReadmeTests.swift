import Foundation
import Testing

/// The README as a newcomer reads it: its first block's main job (`tuki demo`), then every
/// command of its other blocks, in order, in one fresh folder and one shell (so that `P=$(…)`
/// carries on), each ending well; and where the README shows what a command prints, the command
/// prints that — ids and hashes aside (`3f0c…`), `…` standing for what the README leaves out.
@Suite struct ReadmeTests {
    struct Step {
        let command: String
        let shown: [String]
    }

    /// Every `$ ` command of the README's fenced blocks, its continuation lines joined, with the
    /// lines shown after it.
    static func steps() throws -> [Step] {
        let readme = try String(contentsOf: Repository.root.appendingPathComponent("README.md"), encoding: .utf8)
        var steps: [Step] = []
        var inBlock = false
        var command: String?
        var shown: [String] = []
        var continuing = false
        func finish() {
            if let command { steps.append(Step(command: command, shown: shown)) }
            command = nil
            shown = []
        }
        for line in readme.components(separatedBy: "\n") {
            if line.hasPrefix("```") {
                finish()
                inBlock.toggle()
                continue
            }
            guard inBlock else { continue }
            if continuing, let current = command {
                command = current + "\n" + line
                continuing = line.hasSuffix("\\")
            } else if line.hasPrefix("$ ") {
                finish()
                command = String(line.dropFirst(2))
                continuing = line.hasSuffix("\\")
            } else if command != nil {
                shown.append(line)
            }
        }
        return steps
    }

    /// Whether the lines printed are the lines shown: a line of `…` alone stands for any lines, a
    /// `…` within a line for any text, and an id or hash shown by its start (`3f0c…`) for any.
    static func matches(_ shown: [String], _ printed: [String]) -> Bool {
        guard let first = shown.first else { return true }
        if first == "…" {
            return (0...printed.count).contains { matches(Array(shown.dropFirst()), Array(printed.dropFirst($0))) }
        }
        guard let line = printed.first else { return false }
        var pattern = first.map { "\\^$.|?*+()[]{}/".contains($0) ? "\\\($0)" : String($0) }.joined()
        pattern = pattern.replacingOccurrences(of: "[0-9a-f]{3,}…", with: "[0-9a-f-]+", options: .regularExpression)
        pattern = pattern.replacingOccurrences(of: "…", with: ".*")
        pattern = pattern.replacingOccurrences(of: " {2,}", with: " +", options: .regularExpression)
        guard line.range(of: "^" + pattern + "$", options: .regularExpression) != nil else { return false }
        return matches(Array(shown.dropFirst()), Array(printed.dropFirst()))
    }

    @Test func everyCommandOfTheReadmeRunsInOrderAndPrintsWhatItShows() throws {
        let steps = try Self.steps()
        #expect(steps.count > 40)
        let ws = try Workspace()
        #expect(try ws.tuki(["demo"]).status == 0, "the README's first command")
        var script = "cd \"\(ws.directory.path)\"\n"
        for (index, step) in steps.enumerated() {
            script += "{ \(step.command)\n} > out.\(index) 2> err.\(index); echo $? > status.\(index)\n"
        }
        try ws.write("readme.sh", script)
        let bin = try Workspace.executable().deletingLastPathComponent().path
        let run = try ws.run(URL(fileURLWithPath: "/bin/bash"), [ws.path("readme.sh")],
                             environment: ["PATH": bin + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")])
        #expect(run.status == 0, "\(run.stderr)")
        for (index, step) in steps.enumerated() {
            let status = (try? String(contentsOfFile: ws.path("status.\(index)"), encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
            let errors = (try? String(contentsOfFile: ws.path("err.\(index)"), encoding: .utf8)) ?? ""
            #expect(status == "0", "$ \(step.command)\n\(errors)")
            guard !step.shown.isEmpty else { continue }
            let printed = ((try? String(contentsOfFile: ws.path("out.\(index)"), encoding: .utf8)) ?? "")
                .components(separatedBy: "\n").filter { !$0.isEmpty }
            #expect(Self.matches(step.shown, printed), "$ \(step.command)\nshown:\n\(step.shown.joined(separator: "\n"))\nprinted:\n\(printed.joined(separator: "\n"))")
        }
    }
}
