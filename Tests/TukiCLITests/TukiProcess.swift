import Foundation
import Testing

/// Runs the built `tuki` executable the way a user does, in a temporary working directory.
final class Workspace: Sendable {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("tuki-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: directory.appendingPathComponent(name))
    }

    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// `tuki ARGUMENTS` with only the environment given here (plus PATH and HOME); standard output
    /// goes to the file at `outputPath` when one is given (its `stdout` is then empty).
    @discardableResult
    func tuki(_ arguments: [String], environment: [String: String] = [:], input: String? = nil, outputPath: String? = nil) throws -> Result {
        try run(Self.executable(), arguments, environment: environment, input: input, outputPath: outputPath)
    }

    /// `tuki-generate ARGUMENTS`, the benchmark's history generator.
    @discardableResult
    func generate(_ arguments: [String]) throws -> Result {
        try run(Self.executable(named: "tuki-generate"), arguments)
    }

    func run(
        _ executable: URL, _ arguments: [String], environment: [String: String] = [:], input: String? = nil, outputPath: String? = nil
    ) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        // bcrypt at its lowest cost: the one-time passwords of `tuki demo` and `tuki user add` are
        // checked for their shape here, not for their strength.
        var env = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "USER": "os-user", "TUKI_BCRYPT_COST": "4"]
        env.merge(environment) { $1 }
        process.environment = env
        let outURL = directory.appendingPathComponent(".stdout-\(UUID().uuidString)")
        let errURL = directory.appendingPathComponent(".stderr-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outputPath.map { URL(fileURLWithPath: $0) } ?? outURL)
        let err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        if let input {
            let inURL = directory.appendingPathComponent(".stdin-\(UUID().uuidString)")
            try Data(input.utf8).write(to: inURL)
            process.standardInput = try FileHandle(forReadingFrom: inURL)
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        let result = Result(
            status: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
        try? FileManager.default.removeItem(at: outURL)
        try? FileManager.default.removeItem(at: errURL)
        return result
    }

    /// A binary (`tuki` by default) that `swift test` built beside the test bundle.
    static func executable(named name: String = "tuki") throws -> URL {
        var candidates: [URL] = []
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            candidates.append(directory.appendingPathComponent(name))
            directory = directory.deletingLastPathComponent()
        }
        candidates.append(Bundle.main.bundleURL.appendingPathComponent(name))
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "\(name) next to \(CommandLine.arguments[0])"])
        }
        return found
    }
}

extension Workspace {
    /// The head position of the ledger at `db`, as `tuki verify` reports it (`ok N events, head P HASH`).
    func head(db: String = "tuki-demo.sqlite") throws -> Int {
        let words = try tuki(["verify", "--db", db]).stdout.split(separator: " ")
        return try #require(words.count > 4 ? Int(words[4]) : nil, "tuki verify gave no head")
    }
}

/// The repository the tests run in: for its schemas and scripts.
enum Repository {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
}

extension Workspace {
    /// Renders the HTML page `name` in headless Chromium as a screenshot of an A4 window: the PNG.
    func renderInChromium(_ name: String) throws -> Data {
        try chromium(["--window-size=794,1123", "--screenshot=" + path(Self.stem(name) + ".png")], name)
        return try Data(contentsOf: URL(fileURLWithPath: path(Self.stem(name) + ".png")))
    }

    /// Prints the HTML page `name` in headless Chromium: the PDF.
    func printInChromium(_ name: String) throws -> String {
        try chromium(["--no-pdf-header-footer", "--print-to-pdf=" + path(Self.stem(name) + ".pdf")], name)
        return String(decoding: try Data(contentsOf: URL(fileURLWithPath: path(Self.stem(name) + ".pdf"))), as: UTF8.self)
    }

    private static func stem(_ name: String) -> String { (name as NSString).deletingPathExtension }

    /// Chromium must be there (Tools/test installs it).
    private func chromium(_ arguments: [String], _ name: String) throws {
        let chromium = try #require(["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
            .first { FileManager.default.isExecutableFile(atPath: $0) }, "headless Chromium is needed (Tools/test installs it)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"] + arguments + ["file://" + path(name)]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "Chromium could not render \(name)")
    }
}

extension Workspace {
    /// A new workspace holding the files `tuki demo` makes (ledger, key store, master key, read
    /// models), copied from one demo made once per test run: most suites read the demo, and a
    /// debug build takes most of a second to make it again for each test.
    static func withDemo() throws -> Workspace {
        let source = try SharedDemo.made.get()
        let ws = try Workspace()
        for name in try FileManager.default.contentsOfDirectory(atPath: source.directory.path) {
            try FileManager.default.copyItem(at: source.directory.appendingPathComponent(name), to: ws.directory.appendingPathComponent(name))
        }
        return ws
    }
}

/// The demo the suites copy, made at first use and removed when the test process ends.
private enum SharedDemo {
    static let made: Result<Workspace, any Error> = Result {
        let ws = try Workspace()
        let result = try ws.tuki(["demo"])
        guard result.status == 0 else { throw Failure(message: "tuki demo failed: \(result.stderr)") }
        removeAtExit = ws.directory.path
        atexit { if let path = SharedDemo.removeAtExit { try? FileManager.default.removeItem(atPath: path) } }
        return ws
    }

    nonisolated(unsafe) static var removeAtExit: String?

    struct Failure: Error { let message: String }
}
