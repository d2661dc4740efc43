import Foundation
import Glibc
import Testing

/// Headless Chromium driven through WebDriver (W3C), by Debian's chromedriver on a free port of
/// 127.0.0.1. Only what the browser test needs: open a page, find, type, click, read.
final class WebDriver: @unchecked Sendable {
    private let process = Process()
    private let base: URL
    private var session = ""

    /// Starts chromedriver and a browser with a phone's viewport (`width` CSS pixels wide).
    init(width: Int, height: Int) async throws {
        let port = Int.random(in: 20_000...40_000)
        base = URL(string: "http://127.0.0.1:\(port)")!
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["chromedriver", "--port=\(port)", "--allowed-ips=127.0.0.1"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        for _ in 0..<100 {
            if let ready = try? await call("GET", "/status")["ready"] as? Bool, ready { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        let options: [String: Any] = [
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
            "mobileEmulation": ["deviceMetrics": ["width": width, "height": height, "pixelRatio": 2.0, "touch": true]],
        ]
        let created = try await call("POST", "/session", ["capabilities": ["alwaysMatch": ["browserName": "chrome", "goog:chromeOptions": options]]])
        session = try #require(created["sessionId"] as? String, "chromedriver started no browser: \(created)")
    }

    func quit() async {
        _ = try? await call("DELETE", "/session/\(session)")
        // The browser is closed by now; chromedriver does not stop on SIGTERM, so it is killed.
        // (Process.waitUntilExit() can block a test's thread for good on Linux: it is not used.)
        kill(process.processIdentifier, SIGKILL)
        for _ in 0..<50 where process.isRunning { try? await Task.sleep(for: .milliseconds(20)) }
    }

    func open(_ url: URL) async throws { _ = try await call("POST", "/session/\(session)/url", ["url": url.absoluteString]) }

    var currentURL: String { get async throws { try await call("GET", "/session/\(session)/url")["value"] as? String ?? "" } }

    /// Waits (up to 10 s) for the page at a URL containing `text`: a click returns before the
    /// page it leads to has loaded.
    func waitForURL(containing text: String) async throws -> Bool {
        for _ in 0..<100 {
            if try await currentURL.contains(text) { return true }
            try await Task.sleep(for: .milliseconds(100))
        }
        return false
    }

    var source: String { get async throws { try await call("GET", "/session/\(session)/source")["value"] as? String ?? "" } }

    /// Runs a script in the page (WebDriver's own channel: the page's policy allows no scripts of its own).
    func evaluate(_ script: String) async throws -> Any? {
        try await call("POST", "/session/\(session)/execute/sync", ["script": script, "args": []])["value"]
    }

    func element(_ css: String) async throws -> String {
        let found = try await call("POST", "/session/\(session)/element", ["using": "css selector", "value": css])
        let value = found["value"] as? [String: Any]
        return try #require(value?.values.first as? String, "no element \(css)")
    }

    func type(_ text: String, into css: String) async throws {
        _ = try await call("POST", "/session/\(session)/element/\(try await element(css))/value", ["text": text])
    }

    func click(_ css: String) async throws {
        _ = try await call("POST", "/session/\(session)/element/\(try await element(css))/click", [:])
    }

    @discardableResult
    private func call(_ method: String, _ path: String, _ body: [String: Any]? = nil) async throws -> [String: Any] {
        let payload = try body.map { try JSONSerialization.data(withJSONObject: $0) } ?? Data()
        let port = base.port ?? 0
        let data = try await Task.detached { try LoopbackHTTP.exchange(port: port, method: method, path: path, body: payload) }.value
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        if path == "/session" || path == "/status", let value = object["value"] as? [String: Any] { return value }
        return object
    }
}

/// HTTP/1.1 over a plain socket to 127.0.0.1. chromedriver writes its headers without the space
/// after the colon, which Foundation's URLSession on Linux refuses ("Failed writing header").
enum LoopbackHTTP {
    struct Failure: Error { let step: String }

    /// Sends one request with `Connection: close` and returns the response's body.
    static func exchange(port: Int, method: String, path: String, body: Data) throws -> Data {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw Failure(step: "socket") }
        defer { close(socket) }
        var timeout = timeval(tv_sec: 20, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw Failure(step: "connect") }
        var request = Data("\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n".utf8)
        request.append(Data("Content-Type: application/json\r\nContent-Length: \(body.count)\r\n\r\n".utf8))
        request.append(body)
        try request.withUnsafeBytes { bytes in
            var sent = 0
            while sent < bytes.count {
                let count = send(socket, bytes.baseAddress! + sent, bytes.count - sent, 0)
                guard count > 0 else { throw Failure(step: "send") }
                sent += count
            }
        }
        // Read until the body is as long as Content-Length says (chromedriver keeps the connection open).
        var response = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            if let end = response.range(of: Data("\r\n\r\n".utf8)) {
                let headers = String(decoding: response[..<end.lowerBound], as: UTF8.self).lowercased()
                let length = headers.split(separator: "\r\n").first { $0.hasPrefix("content-length:") }
                    .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) }
                if let length, response.count - end.upperBound >= length { return response[end.upperBound..<end.upperBound + length] }
            }
            let count = recv(socket, &buffer, buffer.count, 0)
            if count <= 0 { break }
            response.append(contentsOf: buffer[0..<count])
        }
        guard let end = response.range(of: Data("\r\n\r\n".utf8)) else { throw Failure(step: "headers") }
        return response[end.upperBound...]
    }
}
