import ArgumentParser
import Foundation
import Server

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the ledger to the programme's team: pages for phones and computers, and a JSON API (docs/server.md).",
        discussion: """
            Users sign in with the names `tuki user add` gives them; what each may do follows the roles the ledger \
            gives them. Listens on 127.0.0.1 unless told otherwise: put a TLS reverse proxy in front of it for \
            anyone beyond this machine (docs/server.md has an example). Stops on Ctrl-C or SIGTERM.
            """)

    @OptionGroup var ledger: LedgerOptions
    @Option(help: "The address to listen on.") var host = "127.0.0.1"
    @Option(help: "The port to listen on (0: any free port, printed).") var port = 8080
    @Flag(help: "Send the session cookie over plain HTTP too: only for trying the server on a network without TLS.")
    var insecureCookies = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535.") }
    }

    func run() async throws {
        _ = try ledger.openStore()
        var settings = ServerSettings(paths: ledger.files)
        settings.host = host
        settings.port = port
        settings.secureCookies = !insecureCookies
        let (host, path) = (host, ledger.path)
        let app = try buildApplication(settings) { port in
            Terminal.printError("Tuki serves \(path) at http://\(host):\(port)/ (Ctrl-C stops it).")
        }
        try await app.runService()
    }
}
