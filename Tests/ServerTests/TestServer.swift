import Samples
import EventStore
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Ledger
import Server
import Testing

/// A demo ledger in a temporary folder with the server's users, served on a free port of
/// 127.0.0.1 from inside the test process. One per suite: starting is quick, and each suite's
/// ledger is its own.
final class TestServer: @unchecked Sendable {
    let folder: URL
    let paths: LedgerPaths
    let baseURL: URL
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
    static let enrolledAgain = ["p-7k2m", "p-9x4d"]

    static func start() async throws -> TestServer {
        setenv("TUKI_BCRYPT_COST", "4", 1)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tuki-server-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let paths = LedgerPaths(ledger: folder.appendingPathComponent("tuki.sqlite").path)
        try makeLedger(paths)
        let (stream, continuation) = AsyncStream.makeStream(of: Int.self)
        var settings = ServerSettings(paths: paths)
        settings.port = 0
        settings.logLevel = .warning
        let app = try buildApplication(settings) { port in continuation.yield(port) }
        let task = Task { try await app.run() }
        var iterator = stream.makeAsyncIterator()
        guard let port = await iterator.next() else { throw TestServerError.didNotStart }
        return TestServer(folder: folder, paths: paths, baseURL: URL(string: "http://127.0.0.1:\(port)")!, task: task)
    }

    private init(folder: URL, paths: LedgerPaths, baseURL: URL, task: Task<Void, any Error>) {
        self.folder = folder
        self.paths = paths
        self.baseURL = baseURL
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
        for user in users {
            var data = #"{"user":"\#(user.name)","role":"\#(user.role.rawValue)""#
            if !user.activities.isEmpty { data += #","activities":["\#(user.activities.joined(separator: #"",""#))"]"# }
            try store.appendValidated([try ProposedEvent(stream: "user-\(user.name)", type: "user.role-granted",
                                                         occurredAt: "2026-11-30T09:00:00Z", data: data + "}", meta: #"{"actor":"admin"}"#)])
            credentials.setPassword(password, for: user.name)
        }
        try credentials.save(to: paths.credentials)
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

    let base: URL
    var cookie: String?
    private lazy var session = URLSession(configuration: .ephemeral, delegate: self, delegateQueue: nil)

    init(_ server: TestServer) {
        base = server.baseURL
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
        completionHandler(nil)
    }

    func send(_ method: String, _ path: String, form: [(String, String)]? = nil, json: String? = nil, bearer: String? = nil,
              headers: [String: String] = [:]) async throws -> Answer {
        var request = URLRequest(url: URL(string: path, relativeTo: base)!)
        request.httpMethod = method
        request.httpShouldHandleCookies = false
        if let cookie { request.setValue(cookie, forHTTPHeaderField: "Cookie") }
        if let bearer { request.setValue("Bearer \(bearer)", forHTTPHeaderField: "Authorization") }
        if let form {
            request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
            request.httpBody = Data(form.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&").utf8)
        }
        if let json {
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.httpBody = Data(json.utf8)
        }
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
        let answer = Answer(status: http.statusCode, headers: headers, body: String(decoding: data, as: UTF8.self))
        if let setCookie = answer.header("Set-Cookie"), let pair = setCookie.split(separator: ";").first {
            cookie = pair.hasSuffix("=") ? nil : String(pair)
        }
        return answer
    }

    func get(_ path: String) async throws -> Answer { try await send("GET", path) }

    /// Posts a form with the page's CSRF token, as the page itself would.
    func post(_ path: String, _ fields: [(String, String)], csrf: String?) async throws -> Answer {
        try await send("POST", path, form: (csrf.map { [("_csrf", $0)] } ?? []) + fields)
    }

    /// Signs in on the sign-in page; returns the form token of the session.
    @discardableResult
    func signIn(_ user: String, _ password: String = TestServer.password) async throws -> String? {
        let answer = try await send("POST", "/signin", form: [("user", user), ("password", password)])
        guard answer.status == 303 else { return nil }
        return try await csrfToken()
    }

    /// The form token on a page of this session.
    func csrfToken() async throws -> String? {
        let page = try await get("/no-role")
        guard let range = page.body.range(of: #"name="_csrf" value=""#) else { return nil }
        return String(page.body[range.upperBound...].prefix { $0 != "\"" })
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
