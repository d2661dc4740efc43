import Foundation
import Server
import Testing

/// The API matches its description: the document served is the committed one, it is valid
/// OpenAPI 3.1, and every answer the tests get validates against the document's schema for it.
@Suite struct OpenAPITests {
    static let server = Task { try await TestServer.start() }
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func theServedDocumentIsSchemasOpenAPIJSON() async throws {
        let browser = Browser(try await Self.server.value)
        let served = try await browser.get("/api/v1/openapi.json")
        #expect(served.status == 200)
        let committed = try String(contentsOf: Self.root.appendingPathComponent("Schemas/openapi.json"), encoding: .utf8)
        #expect(served.body == committed, "run python3 Tools/schema-check/embed.py")
    }

    @Test func everyAnswerValidatesAgainstTheDocument() async throws {
        let server = try await Self.server.value
        let browser = Browser(server)
        var answers: [(method: String, path: String, status: Int, body: String)] = []
        func call(_ method: String, _ template: String, _ path: String, json: String? = nil, bearer: String?) async throws {
            let answer = try await browser.send(method, path, json: json, bearer: bearer)
            answers.append((method.lowercased(), template, answer.status, answer.body))
        }
        func token(_ user: String) async throws -> String? {
            let code = TestServer.recoveryCodes.take()
            let answer = try await browser.send("POST", "/api/v1/tokens",
                                                json: #"{"user":"\#(user)","password":"\#(TestServer.password)","code":"\#(code)"}"#)
            answers.append(("post", "/api/v1/tokens", answer.status, answer.body))
            return answer.json?["token"] as? String
        }
        let coordinator = try await token("koordinaattori")
        let auditor = try await token("tarkastaja")
        let sheet = "/api/v1/groups/{activity}/sessions/{session}/sheet"
        let attendance = "/api/v1/groups/{activity}/sessions/{session}/attendance"
        let own = "/api/v1/groups/\(TestServer.ownActivity)/sessions/\(TestServer.apiSession)"
        try await call("POST", "/api/v1/tokens", "/api/v1/tokens", json: #"{"user":"koordinaattori","password":"wrong"}"#, bearer: nil)
        try await call("GET", "/api/v1/me", "/api/v1/me", bearer: coordinator)
        try await call("GET", "/api/v1/me", "/api/v1/me", bearer: nil)
        try await call("GET", "/api/v1/groups", "/api/v1/groups", bearer: coordinator)
        try await call("GET", "/api/v1/groups", "/api/v1/groups", bearer: auditor)
        try await call("GET", sheet, own + "/sheet", bearer: coordinator)
        try await call("POST", attendance, own + "/attendance", json: #"{"marks":[{"participant":"p-7k2m","status":"present"}]}"#, bearer: coordinator)
        try await call("POST", attendance, own + "/attendance", json: #"{"held":{"durationMinutes":45,"location":"Forssa"},"marks":[{"participant":"p-7k2m","status":"present"}]}"#, bearer: coordinator)
        try await call("GET", "/api/v1/audit/chain", "/api/v1/audit/chain", bearer: auditor)
        let report = "/api/v1/reports/{report}"
        try await call("GET", report, "/api/v1/reports/stea?project=\(CoordinatorTests.project)&year=2026", bearer: coordinator)
        try await call("GET", report, "/api/v1/reports/esr?project=\(CoordinatorTests.project)&from=2026-01-01&to=2026-06-30", bearer: coordinator)
        try await call("GET", report, "/api/v1/reports/fees?year=2026", bearer: auditor)
        try await call("GET", "/api/v1/lists/{list}", "/api/v1/lists/participants?open=on", bearer: coordinator)
        try await call("POST", "/api/v1/groups/{activity}/sessions", "/api/v1/groups/\(TestServer.ownActivity)/sessions",
                       json: #"{"date":"2026-12-11","durationMinutes":60,"startTime":"09:00"}"#, bearer: coordinator)
        try await call("POST", "/api/v1/record/{form}", "/api/v1/record/sign-up",
                       json: #"{"participant":"p-3q8w","activity":"\#(TestServer.otherActivity)"}"#, bearer: coordinator)
        try await call("POST", "/api/v1/record/{form}", "/api/v1/record/sign-up", json: #"{"participant":"p-3q8w"}"#, bearer: coordinator)
        // A person's filter travels in the body; in an address it is refused. A body too large is 413.
        try await call("POST", report, "/api/v1/reports/fees", json: #"{"year":"2026","expert":"p-3h8q"}"#, bearer: coordinator)
        try await call("GET", report, "/api/v1/reports/fees?year=2026&expert=p-3h8q", bearer: coordinator)
        try await call("POST", "/api/v1/lists/{list}", "/api/v1/lists/engagements", json: #"{"expert":"p-3h8q"}"#, bearer: coordinator)
        try await call("POST", attendance, own + "/attendance", json: #"{"marks":[],"x":""# + String(repeating: "x", count: 300_000) + #""}"#,
                       bearer: coordinator)
        let statuses = answers.map(\.status)
        #expect(statuses == [201, 201, 401, 200, 401, 200, 403, 200, 422, 201, 200, 200, 200, 403, 200, 201, 201, 400, 200, 400, 200, 413])

        let lines = try answers.map { answer -> String in
            let body = (try? JSONSerialization.jsonObject(with: Data(answer.body.utf8), options: [.fragmentsAllowed])) ?? answer.body
            let object: [String: Any] = ["method": answer.method, "path": answer.path, "status": answer.status, "body": body]
            return String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
        }
        let verdicts = try Self.validate(lines)
        #expect(verdicts.first == "ok document")
        #expect(verdicts.count == lines.count + 1)
        for verdict in verdicts.dropFirst() { #expect(verdict.hasPrefix("ok "), "\(verdict)") }
    }

    /// Runs Tools/schema-check/validate-api.py; its lines.
    static func validate(_ lines: [String]) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", root.appendingPathComponent("Tools/schema-check/validate-api.py").path,
                             "--openapi", root.appendingPathComponent("Schemas/openapi.json").path]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let verdicts = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
        if verdicts.isEmpty {
            Issue.record("validate-api.py printed nothing (exit \(process.terminationStatus)); it needs openapi-spec-validator and jsonschema, which Tools/test installs")
        }
        return verdicts
    }
}
