import ArgumentParser
import EventStore

struct Log: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "log", abstract: "List events: a readable table, or JSONL with --json.")

    @OptionGroup var ledger: LedgerOptions

    @Option(help: "Only this stream.")
    var stream: String?

    @Option(help: "Only events at this position or later.")
    var from: Int64 = 1

    @Option(help: "Only events of this type.")
    var type: String?

    @Option(help: "At most this many events, the first ones.")
    var limit: Int?

    @Option(help: "The last this many events (the latest), in position order.")
    var last: Int?

    @Flag(help: "Print the export form (JSONL) instead of a table.")
    var json = false

    func validate() throws {
        guard from >= 1 else { throw ValidationError("--from must be a position of at least 1.") }
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1.") }
        if let last, last < 1 { throw ValidationError("--last must be at least 1.") }
        if limit != nil && last != nil { throw ValidationError("Give --limit or --last, not both.") }
    }

    func run() throws {
        let store = try ledger.openStore()
        let output = OutputBuffer()
        try store.read { reader in
            let head = try reader.head().position
            // The latest N of the whole log start at a known position; of a stream or a type, the
            // last N seen are kept as the log is read.
            let start = stream == nil && type == nil ? max(from, head - Int64(last ?? Int(head)) + 1) : from
            let cursor = try stream.map { try reader.events(inStream: $0) } ?? reader.events(from: start, type: type)
            let table = LogTable(positionWidth: max(8, String(head).count))
            if !json { output.writeLine(table.header) }
            var shown = 0
            var latest: [RecordedEvent] = []
            while let event = try cursor.next() {
                if event.position < start { continue }
                if let type, event.type != type { continue }
                if let last {
                    latest.append(event)
                    if latest.count > 2 * last { latest.removeFirst(latest.count - last) }
                    continue
                }
                output.writeLine(json ? Envelope.exportLine(event) : table.row(event))
                shown += 1
                if let limit, shown >= limit { break }
            }
            for event in latest.suffix(last ?? 0) { output.writeLine(json ? Envelope.exportLine(event) : table.row(event)) }
        }
        try output.finish()
    }
}

/// The columns of `tuki log`. Widths are fixed so rows can be printed as they are read.
struct LogTable {
    let positionWidth: Int

    /// How much of an event id the table shows: enough to tell events apart in a county's ledger,
    /// and what `tuki void` accepts (any unambiguous start of an id).
    static let idLength = 13

    var header: String {
        Terminal.pad("POSITION", positionWidth, right: true) + "  " + Terminal.pad("EVENT ID", Self.idLength) + "  "
            + Terminal.pad("OCCURRED AT", 20) + "  "
            + Terminal.pad("STREAM", 36) + "  " + Terminal.pad("VER", 4, right: true) + "  " + Terminal.pad("TYPE", 30) + "  ACTOR"
    }

    func row(_ event: RecordedEvent) -> String {
        let actor = (try? JSONParser.parse(event.meta))?["actor"]?.stringValue ?? ""
        return Terminal.pad(String(event.position), positionWidth, right: true) + "  " + String(event.eventId.prefix(Self.idLength)) + "  "
            + Terminal.pad(event.occurredAt, 20) + "  "
            + Terminal.pad(event.stream, 36) + "  " + Terminal.pad(String(event.streamVersion), 4, right: true) + "  "
            + Terminal.pad(event.type, 30) + "  " + actor
    }
}
