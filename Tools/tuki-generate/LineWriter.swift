import EventStore
import Foundation

/// Envelopes to standard output, one JSON line each, through a 1 MiB buffer. Keeps each stream's
/// version for `expectedVersion`; streams that are finished are forgotten, so memory stays flat.
final class LineWriter {
    private var buffer: [UInt8] = []
    private var versions: [String: Int] = [:]
    private(set) var count = 0

    init() {
        buffer.reserveCapacity(1 << 20)
    }

    /// `data` is the JSON object's members, already written (`"a":1,"b":"x"`).
    func emit(id: String, stream: String, type: String, schemaVersion: Int = 1, day: Int, data: String) {
        let version = versions[stream, default: 0]
        versions[stream] = version + 1
        let line = #"{"eventId":"\#(id)","stream":"\#(stream)","type":"\#(type)","schemaVersion":\#(schemaVersion),"occurredAt":"\#(Days.date(day))T08:00:00Z","expectedVersion":\#(version),"data":{\#(data)},"meta":{"actor":"tuki-generate"}}"#
        buffer.append(contentsOf: line.utf8)
        buffer.append(0x0A)
        count += 1
        if buffer.count >= 1 << 20 { flush() }
    }

    /// The stream will get no more events.
    func close(_ stream: String) {
        versions[stream] = nil
    }

    func flush() {
        guard !buffer.isEmpty else { return }
        FileHandle.standardOutput.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }
}

/// Days counted from 2013-01-01 as calendar dates (through the ledger's own Timestamp). The
/// programme's eleven years end in 2023, before any day the generator runs: nothing done may be
/// dated in the future (rule date.not-in-the-future).
enum Days {
    static func date(_ day: Int) -> String {
        let seconds = (1_356_998_400 + Int64(day) * 86_400) * 1_000_000 // 2013-01-01T00:00:00Z
        return String(Timestamp(microsecondsSinceEpoch: seconds).occurredAtText.prefix(10))
    }
}
