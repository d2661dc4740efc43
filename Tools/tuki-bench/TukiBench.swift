import ArgumentParser
import EventStore
import Foundation

/// `tuki-bench commits`: appends through Tuki's event store the way an application records as it
/// goes — K events per transaction, each committed durably — for Tools/bench/run to compare with
/// the peers on the same rows. (A bulk import is `tuki import`; this measures commits.)
@main
struct TukiBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tuki-bench", abstract: "Measure committed appends through Tuki's event store (Tools/bench/run).")

    @Option(help: "JSONL envelopes (tuki-generate's output): their type and data are appended.")
    var input: String

    @Option(help: "How many events to append.")
    var events = 20_000

    @Option(help: "Events per transaction: 20 (one stream's batch) or 1.")
    var perCommit = 20

    @Option(help: "A new ledger file to append to.")
    var db: String

    func run() throws {
        guard let text = try? String(contentsOfFile: input, encoding: .utf8) else {
            throw ValidationError("\(input) cannot be read.")
        }
        // Parse first: only the appends are timed. Stream i/20 gets events i..i+19, as the peers do.
        var proposed: [ProposedEvent] = []
        proposed.reserveCapacity(events)
        for (index, line) in text.split(separator: "\n", maxSplits: events, omittingEmptySubsequences: true).prefix(events).enumerated() {
            let envelope = try JSONParser.parse(String(line))
            guard let type = envelope["type"]?.stringValue, let data = envelope["data"], let occurredAt = envelope["occurredAt"]?.stringValue
            else { throw ValidationError("line \(index + 1) is not an envelope") }
            proposed.append(try ProposedEvent(
                stream: try StreamName("bench-\(index / 20)"), type: try EventType(type), schemaVersion: envelope["schemaVersion"]?.integerValue ?? 1,
                occurredAt: try Timestamp(rfc3339: occurredAt), expectedVersion: Int64(index % 20), data: data,
                meta: .object([("actor", "bench")])))
        }
        let store = try EventStore.create(at: db)
        let start = ContinuousClock.now
        var index = 0
        while index < proposed.count {
            let end = min(proposed.count, index + perCommit)
            try store.append(Array(proposed[index..<end]))
            index = end
        }
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print("\(proposed.count) \(seconds)")
    }
}
