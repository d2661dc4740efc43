import Samples
import EventStore
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Ledger
import Server
import Testing
import Vocabulary

/// A demo ledger in a temporary folder with the server's users, and the server's router driven
/// from inside the test process (HummingbirdTesting's `.router`: no socket) — or, for a real
/// browser, served on a free port of 127.0.0.1 (`live: true`). One per suite: starting is quick,
/// and each suite's ledger is its own.
final class TestServer: @unchecked Sendable {
    let folder: URL
    let paths: LedgerPaths
    /// The live server's address; nil when the tests drive the router.
    let baseURL: URL?
    /// The router's test client; nil for a live server.
    let client: (any TestClientProtocol)?
    private let task: Task<Void, any Error>

    /// The users every suite signs in as, with their passwords (set, not one-time).
    static let password = "correct horse battery staple"
    static let users: [(name: String, role: UserRole, activities: [String])] = [
        ("koordinaattori", .coordinator, []),
        ("ohjaaja", .facilitator, [TestServer.ownActivity]),
        ("tarkastaja", .auditor, []),
        ("analyytikko", .analyst, []),
    ]
    /// The facilitator's group, and one that is not theirs (both in the demo).
    static let ownActivity = SampleProgramme.activityStream
    static let otherActivity = SampleProgramme.juttutupaStream
    /// The session still to be held in each group, and its day.
    static let session = "s-test"
    /// A second session of the facilitator's group, which the API tests record.
    static let apiSession = "s-api"
    /// Today (Finnish): a session still to be held today, which may be recorded as held today.
    static let sessionDay = FinnishTime.today()
    /// The same day as the pages show it (7.12.2026).
    static var sessionDayShown: String { WrittenDay.of(sessionDay) }
    static let enrolledAgain = ["p-7k2m", "p-9x4d"]
    /// The Tähkä group's names, as the demo registers them.
    static let names = Dictionary(uniqueKeysWithValues: zip(SampleProgramme.participants, SampleProgramme.participantNames))

    static func start(live: Bool = false) async throws -> TestServer {
        setenv("TUKI_BCRYPT_COST", "4", 1)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tuki-server-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let paths = LedgerPaths(ledger: folder.appendingPathComponent("tuki.sqlite").path)
        try makeLedger(paths)
        var settings = ServerSettings(paths: paths)
        settings.port = 0
        settings.logLevel = .warning
        if live {
            let (stream, continuation) = AsyncStream.makeStream(of: Int.self)
            let app = try buildApplication(settings) { port in continuation.yield(port) }
            let task = Task { try await app.run() }
            var iterator = stream.makeAsyncIterator()
            guard let port = await iterator.next() else { throw TestServerError.didNotStart }
            return TestServer(folder: folder, paths: paths, baseURL: URL(string: "http://127.0.0.1:\(port)")!, client: nil, task: task)
        }
        // The router's client lives as long as the closure it is given: the closure waits until
        // the suite's server is released.
        let (stream, continuation) = AsyncStream.makeStream(of: (any TestClientProtocol).self)
        let app = try buildApplication(settings)
        let task = Task {
            try await app.test(.router) { client in
                continuation.yield(client)
                while !Task.isCancelled { try await Task.sleep(for: .seconds(3600)) }
            }
        }
        var iterator = stream.makeAsyncIterator()
        guard let client = await iterator.next() else { throw TestServerError.didNotStart }
        return TestServer(folder: folder, paths: paths, baseURL: nil, client: client, task: task)
    }

    private init(folder: URL, paths: LedgerPaths, baseURL: URL?, client: (any TestClientProtocol)?, task: Task<Void, any Error>) {
        self.folder = folder
        self.paths = paths
        self.baseURL = baseURL
        self.client = client
        self.task = task
    }

    deinit {
        task.cancel()
        try? FileManager.default.removeItem(at: folder)
    }

    /// The demo programme, as `tuki demo` records it, with the four users and their passwords.
    static func makeLedger(_ paths: LedgerPaths) throws {
        let store = try EventStore.create(at: paths.ledger)
        _ = try KeyStore.create(at: paths.keyStore, masterKey: try MasterKey.create(at: paths.masterKey))
        let personalData = PersonalData(store: store, keyStorePath: paths.keyStore, masterKeyPath: paths.masterKey)
        try store.appendValidated(try SampleProgramme.events(actor: "test") { fields, subject in try personalData.seal(fields, for: subject).json })
        // Two of the demo's parents join the group again for its December session, and each group
        // has a session still to be held.
        let now = #"{"actor":"admin"}"#
        var setUp: [ProposedEvent] = []
        for participant in enrolledAgain {
            setUp.append(try ProposedEvent(stream: "participant-\(participant)", type: "enrolment.signed-up", occurredAt: "2026-11-30T00:00:00Z",
                                           data: #"{"participant":"\#(participant)","activity":"\#(ownActivity)","date":"2026-11-30"}"#, meta: now))
        }
        for (activity, session) in [(ownActivity, session), (otherActivity, session), (ownActivity, apiSession)] {
            setUp.append(try ProposedEvent(stream: activity, type: "session.scheduled", occurredAt: "2026-11-30T00:00:00Z",
                                           data: #"{"session":"\#(session)","date":"\#(sessionDay)","durationMinutes":90,"location":"Forssa"}"#, meta: now))
        }
        try store.appendValidated(setUp)
        var credentials = Credentials()
        let recoveryCodes = Self.recoveryCodes.all
        for user in users {
            var data = #"{"user":"\#(user.name)","role":"\#(user.role.rawValue)""#
            if !user.activities.isEmpty { data += #","activities":["\#(user.activities.joined(separator: #"",""#))"]"# }
            try store.appendValidated([try ProposedEvent(stream: "user-\(user.name)", type: "user.role-granted",
                                                         occurredAt: "2026-11-30T09:00:00Z", data: data + "}", meta: #"{"actor":"admin"}"#)])
            credentials.setPassword(password, for: user.name)
            // Those who see names sign in with a second factor: the tests use recovery codes, of
            // which each works once (a TOTP code works once per 30 seconds).
            if user.role == .coordinator || user.role == .auditor {
                credentials.users[user.name]?.secondFactor = .init(secret: Self.secondFactorSecret,
                                                                   recoveryCodes: recoveryCodes.map(Credentials.recoveryHash), lastStep: nil)
            }
        }
        try credentials.save(to: paths.credentials)
    }

    /// The test users' authenticator secret (RFC 6238's test key, "12345678901234567890").
    static let secondFactorSecret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"

    /// Recovery codes for the test users who need a second factor, handed out one per sign-in.
    static let recoveryCodes = CodePool(count: 2_000)

    final class CodePool: @unchecked Sendable {
        let all: [String]
        private var next = 0
        private let lock = NSLock()

        init(count: Int) {
            all = (0..<count).map { String(format: "test%06d", $0) }
        }

        func take() -> String {
            lock.withLock {
                defer { next += 1 }
                return all[next % all.count]
            }
        }
    }

    /// Every event of the ledger, in order.
    func events() throws -> [RecordedEvent] {
        try EventStore.open(at: paths.ledger).read { reader in
            var events: [RecordedEvent] = []
            try reader.events().forEach { events.append($0) }
            return events
        }
    }
}

enum TestServerError: Error { case didNotStart, noResponse }

/// An HTTP client for the tests: follows no redirect (the tests look at them) and keeps the
/// session cookie itself, as a browser would.
final class Browser: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
    struct Answer {
        let status: Int
        let headers: [String: String]
        let body: String

        func header(_ name: String) -> String? { headers.first { $0.key.lowercased() == name.lowercased() }?.value }

        /// The body as a JSON object, if it is one.
        var json: [String: Any]? { (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any] }
    }

    let base: URL?
    let client: (any TestClientProtocol)?
    var cookie: String?
    private lazy var session = URLSession(configuration: .ephemeral, delegate: self, delegateQueue: nil)

    init(_ server: TestServer) {
        base = server.baseURL
        client = server.client
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
        completionHandler(nil)
    }

    func send(_ method: String, _ path: String, form: [(String, String)]? = nil, json: String? = nil, bearer: String? = nil,
              headers: [String: String] = [:], body: String? = nil) async throws -> Answer {
        var fields = headers
        if let cookie { fields["Cookie"] = cookie }
        if let bearer { fields["Authorization"] = "Bearer \(bearer)" }
        var text = body
        if let form {
            fields["Content-Type"] = fields["Content-Type"] ?? "application/x-www-form-urlencoded"
            text = form.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        }
        if let json {
            fields["Content-Type"] = "application/json"
            text = json
        }
        let answer: Answer
        if let client {
            answer = try await routed(client, method, path, fields, text)
        } else {
            answer = try await overSocket(method, path, fields, text)
        }
        if let setCookie = answer.header("Set-Cookie"), let pair = setCookie.split(separator: ";").first {
            // A cookie cleared is sent back with an empty value.
            cookie = pair.split(separator: "=", maxSplits: 1).count < 2 ? nil : String(pair)
        }
        return answer
    }

    private func routed(_ client: any TestClientProtocol, _ method: String, _ path: String, _ headers: [String: String],
                        _ body: String?) async throws -> Answer {
        var fields = HTTPFields()
        for (name, value) in headers { if let name = HTTPField.Name(name) { fields[name] = value } }
        let response = try await client.execute(uri: path, method: HTTPRequest.Method(method) ?? .get, headers: fields,
                                                body: body.map { ByteBuffer(string: $0) })
        var answerHeaders: [String: String] = [:]
        for field in response.headers { answerHeaders[field.name.canonicalName] = field.value }
        return Answer(status: Int(response.status.code), headers: answerHeaders, body: String(buffer: response.body))
    }

    private func overSocket(_ method: String, _ path: String, _ headers: [String: String], _ body: String?) async throws -> Answer {
        guard let base else { throw TestServerError.didNotStart }
        var request = URLRequest(url: URL(string: path, relativeTo: base)!)
        request.httpMethod = method
        request.httpShouldHandleCookies = false
        request.httpBody = body.map { Data($0.utf8) }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<(Data, URLResponse), any Error>) in
            session.dataTask(with: request) { data, response, error in
                if let error { continuation.resume(throwing: error) } else if let response {
                    continuation.resume(returning: (data ?? Data(), response))
                } else { continuation.resume(throwing: TestServerError.noResponse) }
            }.resume()
        }
        guard let http = response as? HTTPURLResponse else { throw TestServerError.noResponse }
        var headers: [String: String] = [:]
        for (key, value) in http.allHeaderFields { headers["\(key)"] = "\(value)" }
        return Answer(status: http.statusCode, headers: headers, body: String(decoding: data, as: UTF8.self))
    }

    func get(_ path: String) async throws -> Answer { try await send("GET", path) }

    /// Posts a form with the page's CSRF token, as the page itself would.
    func post(_ path: String, _ fields: [(String, String)], csrf: String?) async throws -> Answer {
        try await send("POST", path, form: (csrf.map { [("_csrf", $0)] } ?? []) + fields)
    }

    /// Posts a form with a file, as a page's file field sends it (multipart/form-data).
    func post(_ path: String, _ fields: [(String, String)], file: (field: String, name: String, text: String), csrf: String?) async throws -> Answer {
        let boundary = "----tuki-test-\(UUID().uuidString)"
        var body = ""
        for (name, value) in (csrf.map { [("_csrf", $0)] } ?? []) + fields {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
        }
        body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.name)\"\r\n"
        body += "Content-Type: text/csv\r\n\r\n\(file.text)\r\n--\(boundary)--\r\n"
        return try await send("POST", path, headers: ["Content-Type": "multipart/form-data; boundary=\(boundary)"], body: body)
    }

    /// Signs in on the sign-in page, with a recovery code when the user's role needs a second
    /// factor; returns the form token of the session.
    @discardableResult
    func signIn(_ user: String, _ password: String = TestServer.password) async throws -> String? {
        var answer = try await send("POST", "/signin", form: [("user", user), ("password", password)])
        guard answer.status == 303 else { return nil }
        if answer.header("Location") == "/signin/code" {
            guard let csrf = try await formToken(on: "/signin/code") else { return nil }
            answer = try await post("/signin/code", [("code", TestServer.recoveryCodes.take())], csrf: csrf)
            guard answer.status == 303 else { return nil }
        }
        return try await csrfToken()
    }

    /// An API token for the user (with a recovery code when their role needs a second factor).
    func token(_ user: String) async throws -> String? {
        let code = TestServer.recoveryCodes.take()
        let answer = try await send("POST", "/api/v1/tokens",
                                    json: #"{"user":"\#(user)","password":"\#(TestServer.password)","code":"\#(code)"}"#)
        return answer.json?["token"] as? String
    }

    /// The form token on a page of this session.
    /// Searches the people by name and answers the address of the one person found; nil when
    /// the search finds no one.
    func personPage(finding name: String, csrf: String?) async throws -> String? {
        let found = try await post("/people/search", [("name", name)], csrf: csrf)
        let links = found.body.matches(of: /href="(\/people\/[A-Za-z0-9_-]{20,})"/).map { String($0.output.1) }
        return links.count == 1 ? links[0] : nil
    }

    func csrfToken() async throws -> String? {
        try await formToken(on: "/no-role")
    }

    func formToken(on path: String) async throws -> String? {
        let page = try await get(path)
        guard let range = page.body.range(of: #"name="_csrf" value=""#) else { return nil }
        return String(page.body[range.upperBound...].prefix { $0 != "\"" })
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
