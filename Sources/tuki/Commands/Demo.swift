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
        try store.appendValidated(sample)
        let firstParticipant = try SubjectID(SampleProgramme.participants[0])
        let revelation = try personalData.reveal(firstParticipant, actor: actor, purpose: "demo: checking a contact detail")

        var types: [String: Int] = [:]
        try store.read { reader in
            try reader.events().forEach { types[$0.type, default: 0] += 1 }
        }
        print("Created the demo ledger \(db): a fictional ESR+ programme in Kanta-Häme.\n")
        print("Activities:")
        for line in Self.activitySummary(sample) { print("  " + line) }
        print("\nEvents by type:")
        let width = types.keys.map(\.count).max() ?? 0
        for (type, count) in types.sorted(by: { $0.key < $1.key }) {
            print("  " + type + String(repeating: " ", count: width - type.count) + "  \(count)")
        }
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

    /// Per activity: its kind, the sessions held, and who signed up, started and graduated, with
    /// the cohort's commitment rate (attendances ÷ (started × sessions held)), counted from the
    /// sample itself.
    static func activitySummary(_ events: [ProposedEvent]) -> [String] {
        var lines: [String] = []
        let activities = events.filter { $0.type.text == "activity.created" }
        for activity in activities {
            let stream = activity.stream.text
            let inActivity = events.filter { $0.dataValue["activity"]?.stringValue == stream || $0.stream.text == stream }
            func count(_ type: String, where condition: (JSONValue) -> Bool = { _ in true }) -> Int {
                inActivity.filter { $0.type.text == type && condition($0.dataValue) }.count
            }
            let held = count("session.held")
            let started = count("enrolment.started")
            let name = activity.dataValue["name"]?.stringValue ?? stream
            let kind = activity.dataValue["kind"]?.stringValue ?? ""
            var line = "\(name) (\(kind)): \(held) sessions held"
            let headcount = inActivity.compactMap { $0.type.text == "session.held" ? $0.dataValue["headcount"]?.integerValue : nil }
            if !headcount.isEmpty { line += ", \(headcount.reduce(0, +)) people reached" }
            if started > 0 {
                let present = count("attendance.recorded") { $0["status"]?.stringValue == "present" }
                let rate = Double(present) / Double(started * held) * 100
                line += "; \(count("enrolment.signed-up")) signed up, \(started) started, "
                    + "\(count("enrolment.ended") { $0["outcome"]?.stringValue == (kind == "training-cohort" ? "graduated" : "completed") }) "
                    + (kind == "training-cohort" ? "graduated; " : "completed; ")
                    + "commitment \(present) / (\(started) × \(held)) = \(String(format: "%.2f", rate)) %"
            }
            lines.append(line)
        }
        return lines
    }
}
