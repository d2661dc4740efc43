import EventStore
import Foundation
import Projections

/// Read models brought to the point a command asks for: the live ones caught up to the head, or a
/// temporary one replayed to an as-of point. Every report goes through here first.
struct PreparedReadModels {
    let readModels: ReadModelDatabase
    var stamp: LedgerStamp

    /// With `verifyingChain`, the hash chain is checked up to the head the report is built from
    /// first: a broken chain refuses the report (exit 1, the position named), so that no figure
    /// of an altered ledger goes out under a genuine head.
    static func prepare(_ ledger: LedgerOptions, _ replay: ReplayOptions, projectors names: [String],
                        verifyingChain: Bool = false) throws -> PreparedReadModels {
        var prepared = try caughtUp(ledger, replay, projectors: names)
        guard verifyingChain else { return prepared }
        switch try ledger.openStore().verify(through: prepared.stamp.position) {
        case let .intact(_, head) where head.position == prepared.stamp.position && head.hash == prepared.stamp.hash:
            prepared.stamp.chainVerified = true
            return prepared
        case let .broken(position, problem):
            throw CommandFailure(message: "The ledger's hash chain is broken at position \(position) (\(problem)): no report is made from it; see `tuki verify`.",
                                 status: .verificationFailed)
        case .intact:
            throw CommandFailure(message: "The read models do not stand at a point of this ledger's chain: rebuild them (`tuki projections rebuild`).",
                                 status: .verificationFailed)
        }
    }

    private static func caughtUp(_ ledger: LedgerOptions, _ replay: ReplayOptions, projectors names: [String]) throws -> PreparedReadModels {
        let store = try ledger.openStore()
        if let point = try replay.point(in: store) {
            let engine = try ProjectionEngine(store: store, readModels: try ReadModelDatabase.temporary())
            ProgressDisplay.attach(to: engine)
            try engine.update(names, to: point.position)
            var stamp = try engine.stamp(for: names)
            (stamp.asOf, stamp.atPosition) = point.stamp
            return PreparedReadModels(readModels: engine.readModels, stamp: stamp)
        }
        // A ledger this user may only read (an auditor's copy): its read models cannot be kept
        // beside it either, so they are built afresh in a temporary file for this report.
        if store.isReadOnly { Terminal.printError("The ledger can only be read here: its read models are built in a temporary file for this report.") }
        let readModels = store.isReadOnly ? try ReadModelDatabase.temporary() : try ReadModelDatabase.open(at: ledger.readModelPath)
        let engine = try ProjectionEngine(store: store, readModels: readModels)
        ProgressDisplay.attach(to: engine)
        try engine.update(names)
        return PreparedReadModels(readModels: engine.readModels, stamp: try engine.stamp(for: names))
    }
}

/// Notices on stderr, and on a terminal a progress bar: events done, rate, time left.
enum ProgressDisplay {
    static func attach(to engine: ProjectionEngine) {
        engine.onNotice = { Terminal.printError($0) }
        guard isatty(STDERR_FILENO) != 0 else { return }
        engine.onProgress = { progress in
            let fraction = progress.total > 0 ? Double(progress.done) / Double(progress.total) : 1
            let filled = Int(fraction * 30)
            let rate = progress.seconds > 0 ? Double(progress.eventsRead) / progress.seconds : 0
            let left = fraction > 0 ? progress.seconds * (1 - fraction) / fraction : 0
            let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: 30 - filled)
            var line = "\r[\(bar)] \(Int(fraction * 100)) %  \(progress.done)/\(progress.total) positions  "
            line += "\(Int(rate)) events/s  \(Int(left.rounded(.up))) s left"
            if progress.done >= progress.total { line += "\n" }
            FileHandle.standardError.write(Data(line.utf8))
        }
    }
}
