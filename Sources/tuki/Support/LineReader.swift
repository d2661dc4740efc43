import Foundation

/// Reads a file (or standard input, for `-`) one line at a time through a 64 KiB buffer, so an
/// import of millions of lines never holds more than one of them, and a line never more than
/// `maximumLineBytes`: reading stops as soon as a line passes it (`lineTooLong`). A UTF-8
/// byte-order mark at the start (spreadsheets on Windows write one) is skipped.
final class LineReader {
    /// The longest line an import reads: far above any event (a few KiB with sealed values).
    static let maximumLineBytes = 1 << 20

    private let file: UnsafeMutablePointer<FILE>
    private let closesFile: Bool
    private var chunk = [UInt8](repeating: 0, count: 1 << 16)
    private var start = 0
    private var end = 0
    private var atStartOfInput = true
    private(set) var error: String?
    /// Set when a line was longer than `maximumLineBytes`; `next()` then returned nil.
    private(set) var lineTooLong = false

    init(path: String) throws {
        if path == "-" {
            guard let standardInput = fdopen(STDIN_FILENO, "r") else {
                throw CommandFailure.usage("Cannot read standard input.")
            }
            file = standardInput
            closesFile = false
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
                  let opened = fopen(path, "r")
            else {
                throw CommandFailure.usage("Cannot read the file \(path).")
            }
            file = opened
            closesFile = true
        }
    }

    /// The next line without its line feed, or nil at the end of the input, on a read error
    /// (`error`) or at a line that is too long (`lineTooLong`).
    func next() -> [UInt8]? {
        var line: [UInt8] = []
        while true {
            if start == end {
                guard refill() else { return line.isEmpty ? nil : line }
            }
            if let newline = chunk[start..<end].firstIndex(of: 0x0A) {
                line.append(contentsOf: chunk[start..<newline])
                start = newline + 1
                guard line.count <= Self.maximumLineBytes else { return tooLong() }
                return line
            }
            line.append(contentsOf: chunk[start..<end])
            start = end
            guard line.count <= Self.maximumLineBytes else { return tooLong() }
        }
    }

    /// A line of spaces, tabs and a carriage return only: every JSONL reader skips it.
    static func isBlank(_ line: [UInt8]) -> Bool {
        line.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }

    /// Once `next()` has returned nil after `lineNumber` lines: why the input did not end well
    /// (a line past the limit, a read error), as one sentence ending with `outcome`; nil if it did.
    func failure(afterLine lineNumber: Int, of file: String, _ outcome: String) -> CommandFailure? {
        if lineTooLong {
            return .refused("Line \(lineNumber + 1) is longer than \(Self.maximumLineBytes / 1024) KiB, the most an event may take; \(outcome).")
        }
        if let error { return CommandFailure(message: "Could not read \(file): \(error); \(outcome).", status: .storage) }
        return nil
    }

    private func tooLong() -> [UInt8]? {
        lineTooLong = true
        return nil
    }

    /// Reads the next piece of the input; false at its end or on an error.
    private func refill() -> Bool {
        let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
        guard count > 0 else {
            if ferror(file) != 0 { error = String(cString: strerror(errno)) }
            return false
        }
        (start, end) = (0, count)
        if atStartOfInput {
            atStartOfInput = false
            if count >= 3, chunk[0] == 0xEF, chunk[1] == 0xBB, chunk[2] == 0xBF { start = 3 }
        }
        return true
    }

    deinit {
        if closesFile { fclose(file) }
    }
}
