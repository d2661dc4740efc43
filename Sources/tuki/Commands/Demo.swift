import ArgumentParser
import EventStore
import Foundation
import Ledger

struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create ./tuki-demo.sqlite (with its key store and master key) from scratch with a sample programme, and show what it holds.")

    @Option(help: "Who is recorded as the actor of the sample events.")
    var actor = "tuki-demo"

    /// Fixed on purpose: the demo deletes its earlier files, so it must never be pointed at a real ledger.
    private var db: String { "./tuki-demo.sqlite" }
    private var keyStorePath: String { KeyStore.defaultPath(forLedger: db) }
    private var masterKeyPath: String { MasterKey.defaultPath(forLedger: db) }

    func run() throws {
        try removeEarlierDemo()
        let store = try EventStore.create(at: db)
        _ = try KeyStore.create(at: keyStorePath, masterKey: try MasterKey.create(at: masterKeyPath))
        let personalData = PersonalData(store: store, keyStorePath: keyStorePath, masterKeyPath: masterKeyPath)
        let sample = try SampleProgramme.events(actor: actor) { fields, subject in
            try personalData.seal(fields, for: subject).json
        }
        // Through the same validated path as every other recording.
        let catalogue = try EventCatalogue.standard()
        try store.append { appender in
            let validating = try ValidatingAppender(appender, catalogue: catalogue)
            for event in sample { try validating.append(event) }
        }
        let firstParticipant = try SubjectID(SampleProgramme.participants[0])
        let revelation = try personalData.reveal(firstParticipant, actor: actor, purpose: "demo: checking a contact detail")

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
        print("\nParticipants' names are sealed (\(keyStorePath), master key \(masterKeyPath)).")
        print("Revealing \(firstParticipant) was recorded at position \(revelation.accessPosition): see `tuki access-log \(firstParticipant) --db \(db)`.")
        guard case let .intact(count, head) = try store.verify() else {
            throw CommandFailure(message: "The demo ledger failed its own verification.", status: .verificationFailed)
        }
        print("\nverify: ok \(count) events, head \(head.position) \(head.hash)")
        print("\nTry: tuki log --db \(db)   ·   tuki verify --db \(db)   ·   tuki reveal p-9x4d --purpose test --db \(db)")
    }

    /// The demo always starts from scratch; it removes only its own files and SQLite's companions.
    private func removeEarlierDemo() throws {
        let files = [db, keyStorePath].flatMap { [$0, $0 + "-wal", $0 + "-shm"] } + [masterKeyPath]
        for file in files where FileManager.default.fileExists(atPath: file) {
            try FileManager.default.removeItem(atPath: file)
        }
    }
}
