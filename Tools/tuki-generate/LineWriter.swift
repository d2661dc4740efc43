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

/// Days counted from 2024-01-01 as calendar dates.
enum Days {
    static func date(_ day: Int) -> String {
        // Civil-from-days (Howard Hinnant), days since 1970-01-01.
        let z = 19_723 + day + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        return "\(y)-\(m < 10 ? "0" : "")\(m)-\(d < 10 ? "0" : "")\(d)"
    }
}
