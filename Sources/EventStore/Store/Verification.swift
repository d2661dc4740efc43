/// The outcome of checking a ledger against its own hash chain.
public enum VerificationResult: Sendable, Equatable {
    case intact(eventCount: Int64, head: LedgerHead)
    /// The first position where the log is not what the chain says, and what is wrong there.
    case broken(position: Int64, problem: String)
}

/// Walks the log in position order and checks everything the hash-chain contract promises:
/// positions 1, 2, 3 … without gaps, per-stream versions 1, 2, 3 … without gaps, each `prev_hash`
/// equal to the previous event's `hash`, and each `hash` recomputed from the stored fields.
struct ChainVerifier {
    private var expectedPosition: Int64 = 1
    private var previousHash = HashChain.genesisHash
    private var streamVersions: [String: Int64] = [:]
    private var last = LedgerHead.empty

    /// Returns the problem with `event`, or nil when it continues the chain correctly.
    mutating func check(_ event: RecordedEvent) -> VerificationResult? {
        if event.position != expectedPosition {
            if event.position > expectedPosition {
                let missing = expectedPosition == event.position - 1
                    ? "is missing" : "to \(event.position - 1) are missing"
                return .broken(
                    position: expectedPosition,
                    problem: "position \(expectedPosition) \(missing); the next stored event has position \(event.position)")
            }
            return .broken(position: event.position, problem: "position \(event.position) appears out of order")
        }
        let expectedVersion = (streamVersions[event.stream] ?? 0) + 1
        if event.streamVersion != expectedVersion {
            return .broken(
                position: event.position,
                problem: "stream \(event.stream) has version \(event.streamVersion) where \(expectedVersion) was expected")
        }
        if event.prevHash != previousHash {
            return .broken(
                position: event.position,
                problem: "prev_hash does not equal the hash of position \(event.position - 1)")
        }
        if event.expectedHash != event.hash {
            return .broken(
                position: event.position,
                problem: "hash does not match the event's stored fields (its content was changed)")
        }
        streamVersions[event.stream] = expectedVersion
        previousHash = event.hash
        expectedPosition += 1
        last = LedgerHead(position: event.position, hash: event.hash, recordedAt: event.recordedAt)
        return nil
    }

    var result: VerificationResult {
        .intact(eventCount: expectedPosition - 1, head: last)
    }
}
