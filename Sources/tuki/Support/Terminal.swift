import Foundation

enum Terminal {
    static func printError(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    static var standardOutputIsTerminal: Bool { isatty(STDOUT_FILENO) != 0 }

    /// A duration as people read it: "0.42 s".
    static func seconds(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100) s"
    }

    /// `text` padded with spaces to `width` characters, on the right (or on the left, for numbers).
    static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - text.count))
        return right ? fill + text : text + fill
    }
}

/// Buffered writing to standard output for commands that print one line per event: one
/// `write(2)` per 64 KiB instead of one per line.
final class OutputBuffer {
    private var buffer: [UInt8] = []
    private let capacity = 1 << 16
    private var standardOutput = StandardOutput()

    init() {
        buffer.reserveCapacity(capacity)
    }

    func writeLine(_ line: String) {
        buffer.append(contentsOf: line.utf8)
        buffer.append(0x0A)
        if buffer.count >= capacity { flush() }
    }

    func flush() {
        guard !buffer.isEmpty else { return }
        buffer.withUnsafeBufferPointer { standardOutput.write($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is pending and throws if any write failed.
    func finish() throws {
        flush()
        try standardOutput.check()
    }

    deinit { flush() }
}

extension Terminal {
    /// "activity a-1", or "activity with the id given" when what was typed is not an id (ids are
    /// lower-case letters, digits and '-'): a message never repeats other input, which may be a
    /// name, a line break, a terminal escape or megabytes.
    static func named(_ kind: String, _ identifier: String) -> String {
        let isIdentifier = (1...128).contains(identifier.utf8.count)
            && identifier.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D }
        return isIdentifier ? "\(kind) \(identifier)" : "\(kind) with the id given"
    }
}

/// A count with its noun in the right number: "1 participant", "3 participants", "0 events".
func counted(_ number: Int, _ singular: String, _ plural: String? = nil) -> String {
    "\(number) \(number == 1 ? singular : plural ?? singular + "s")"
}
