import Foundation
import Testing

/// What a newcomer meets first: the README's two commands, and a repository that explains itself
/// without files from anywhere else.
@Suite struct RepositoryTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The commands of the README's first code block, each without its trailing `# comment`.
    static func readmeCommands() throws -> [String] {
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let lines = readme.split(separator: "\n", omittingEmptySubsequences: false)
        guard let open = lines.firstIndex(where: { $0.hasPrefix("```") }),
              let close = lines[(open + 1)...].firstIndex(where: { $0.hasPrefix("```") }) else { return [] }
        return lines[(open + 1)..<close].map(withoutComment).filter { !$0.isEmpty }
    }

    /// The commands `.ci/run` runs: its lines but comments, `set` and the `cd` to the root, with
    /// `exec` dropped.
    static func ciCommands() throws -> [String] {
        let script = try String(contentsOf: root.appendingPathComponent(".ci/run"), encoding: .utf8)
        return script.split(separator: "\n").map(withoutComment).filter { line in
            !line.isEmpty && !line.hasPrefix("set ") && !line.hasPrefix("cd ")
        }.map { $0.hasPrefix("exec ") ? String($0.dropFirst("exec ".count)) : $0 }
    }

    static func withoutComment(_ line: Substring) -> String {
        let code = line.hasPrefix("#") ? "" : line.components(separatedBy: " #").first ?? ""
        return code.trimmingCharacters(in: .whitespaces)
    }

    @Test func theReadmeStartsWithTheDemoAndTheTestCommandThatCIRuns() throws {
        let commands = try Self.readmeCommands()
        #expect(commands.count == 2, "the README's first code block holds exactly two commands: \(commands)")
        #expect(commands.first == "swift run tuki demo")
        let ci = try Self.ciCommands()
        #expect(ci.count == 1, ".ci/run runs one command: \(ci)")
        #expect(ci.first == commands.last, "the README's test command and .ci/run's differ")
        let testScript = try #require(commands.last)
        if testScript.hasPrefix("Tools/") {
            #expect(FileManager.default.isExecutableFile(atPath: Self.root.appendingPathComponent(testScript).path))
        }
    }

    @Test func theCommandParsersSeeWhatAPersonReads() {
        #expect(Self.withoutComment("swift test   # the suite") == "swift test")
        #expect(Self.withoutComment("# a comment") == "")
        #expect(Self.withoutComment("  exec Tools/test") == "exec Tools/test")
    }

    // MARK: - Self-contained

    /// Every text file the repository holds (not the build folders, not git's).
    static func repositoryFiles() throws -> [URL] {
        let textExtensions: Set<String> = ["md", "swift", "json", "jsonl", "py", "sh", "c", "txt", "yml", "yaml", ""]
        guard let walk = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isDirectoryKey]) else { return [] }
        var files: [URL] = []
        for case let url as URL in walk {
            let name = url.lastPathComponent
            if try url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory == true {
                if name.hasPrefix(".build") || name == ".git" || name == ".swiftpm" || name == "__pycache__" { walk.skipDescendants() }
                continue
            }
            if textExtensions.contains(url.pathExtension), !name.hasPrefix("tuki-demo") { files.append(url) }
        }
        return files
    }

    static func relativePath(_ url: URL) -> String {
        String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1))
    }

    /// Whether `path`, read relative to the folder of `file`, stays inside the repository.
    static func staysInside(_ path: String, from file: URL) -> Bool {
        let target = file.deletingLastPathComponent().appendingPathComponent(path).standardizedFileURL.path
        let top = root.standardizedFileURL.path
        return target == top || target.hasPrefix(top + "/")
    }

    /// A Markdown document's name (`x.md`, also inside `docs/x.md`).
    static let documentName = #"(?<![A-Za-z0-9_.-])([A-Za-z0-9_-]+\.md)\b"#
    /// The target of a Markdown link, `[text](target)`.
    static let markdownLink = #"\]\(([^)\s]+)\)"#
    /// A relative path that climbs out of its folder: `../x`, `../../y`.
    static let upwardPath = #"((?:\.\./)+[A-Za-z0-9_./-]*)"#

    static func matches(of pattern: String, in text: String) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            Range(match.range(at: match.numberOfRanges - 1), in: text).map { String(text[$0]) }
        }
    }

    @Test func noFileReachesOutsideTheRepository() throws {
        let files = try Self.repositoryFiles().filter { $0.lastPathComponent != "RepositoryTests.swift" }  // its examples are data
        #expect(files.count > 100)
        for file in files {
            guard let text = try? String(contentsOf: file, encoding: .utf8) else { continue }
            for path in Self.matches(of: Self.upwardPath, in: text) {
                #expect(Self.staysInside(path, from: file), "\(Self.relativePath(file)) refers to \(path), outside the repository")
            }
        }
    }

    /// What a reader reads of a file: all of a Markdown document; of code and scripts, the
    /// comments (`// …`, `# …`), where `ReportFormat.md` is code, not a document's name.
    static func prose(of file: URL, _ text: String) -> String {
        guard file.pathExtension != "md" else { return text }
        return text.split(separator: "\n").compactMap { line -> Substring? in
            if let comment = line.range(of: "//") { return line[comment.upperBound...] }
            return line.drop { $0 == " " }.hasPrefix("#") ? line : nil
        }.joined(separator: "\n")
    }

    @Test func everyLinkAndEveryNamedDocumentIsInTheRepository() throws {
        let files = try Self.repositoryFiles().filter { $0.lastPathComponent != "RepositoryTests.swift" }  // its examples are data
        let names = Set(files.map(\.lastPathComponent))
        for file in files {
            guard let text = try? String(contentsOf: file, encoding: .utf8) else { continue }
            let where_ = Self.relativePath(file)
            for document in Set(Self.matches(of: Self.documentName, in: Self.prose(of: file, text))) {
                #expect(names.contains(document), "\(where_) names \(document), which the repository does not hold")
            }
            guard file.pathExtension == "md" else { continue }
            for link in Self.matches(of: Self.markdownLink, in: text) where !link.contains("://") && !link.hasPrefix("#") && !link.hasPrefix("mailto:") {
                let path = String(link.prefix { $0 != "#" })
                let target = file.deletingLastPathComponent().appendingPathComponent(path)
                #expect(Self.staysInside(path, from: file) && FileManager.default.fileExists(atPath: target.path),
                        "\(where_) links \(link), which is not a file of the repository")
            }
        }
    }

    @Test func theCheckersFindWhatTheyLookFor() {
        let readme = Self.root.appendingPathComponent("README.md")
        #expect(!Self.staysInside("../outside/notes.md", from: readme))
        #expect(Self.staysInside("docs/events.md", from: readme))
        let script = Self.root.appendingPathComponent("Tools/bench/run")
        #expect(Self.staysInside("../..", from: script))
        #expect(!Self.staysInside("../../..", from: script))
        #expect(Self.matches(of: Self.documentName, in: "see NOTES.md, docs/x.md, a.mdx") == ["NOTES.md", "x.md"])
        #expect(Self.matches(of: Self.markdownLink, in: "[a](docs/a.md) [b](https://x.y)") == ["docs/a.md", "https://x.y"])
        let code = Self.root.appendingPathComponent("x.swift")
        #expect(Self.prose(of: code, "let f = ReportFormat.md  // see NOTES.md\n# a heading.md") == " see NOTES.md\n# a heading.md")
    }
}
