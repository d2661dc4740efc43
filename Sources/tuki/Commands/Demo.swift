import ArgumentParser
import EventStore
import Foundation
import Ledger

struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create ./tuki-demo.sqlite from scratch with a sample programme and show what it holds.")

    /// Fixed on purpose: the demo deletes its earlier file, so it must never be pointed at a real ledger.
    private var db: String { "./tuki-demo.sqlite" }

    @Option(help: "Who is recorded as the actor of the sample events.")
    var actor = "tuki-demo"

    func run() throws {
        try removeEarlierDemo()
        let store = try EventStore.create(at: db)
        try store.append(try SampleProgramme.events(actor: actor))

        var types: [String: Int] = [:]
        var streams: [String: Int64] = [:]
        try store.read { reader in
            try reader.events().forEach { event in
                types[event.type, default: 0] += 1
                streams[event.stream] = event.streamVersion
            }
        }
        print("Created the demo ledger \(db) with a sample programme.\n")
        print("Streams (events):")
        for (stream, count) in streams.sorted(by: { $0.key < $1.key }) { print("  \(stream)  \(count)") }
        print("\nEvent types (events):")
        for (type, count) in types.sorted(by: { $0.key < $1.key }) { print("  \(type)  \(count)") }
        guard case let .intact(count, head) = try store.verify() else {
            throw CommandFailure(message: "The demo ledger failed its own verification.", status: .verificationFailed)
        }
        print("\nverify: ok \(count) events, head \(head.position) \(head.hash)")
        print("\nTry: tuki log --db \(db)   ·   tuki verify --db \(db)   ·   tuki export --db \(db)")
    }

    /// The demo always starts from scratch; it removes only its own file and SQLite's companions.
    private func removeEarlierDemo() throws {
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: db + suffix) {
            try FileManager.default.removeItem(atPath: db + suffix)
        }
    }
}
