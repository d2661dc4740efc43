import EventStore

/// A rendered report on its way out as UTF-8: a renderer appends, and each time about 64 KiB are
/// pending they are handed to `deliver` (standard output, or an array in tests). A county-wide
/// report is so never held whole as text, nor converted to a `String` to be written.
///
/// A fixed buffer rather than an `[UInt8]`: a county-wide JSON report appends some seven million
/// small pieces, and an array's per-call checks cost more than the copying.
public struct ReportBytes: ~Copyable, JSONByteSink {
    static let pieceSize = 1 << 16

    private let storage: UnsafeMutableBufferPointer<UInt8>
    private var count = 0
    private let deliver: (UnsafeBufferPointer<UInt8>) -> Void

    public init(deliver: @escaping (UnsafeBufferPointer<UInt8>) -> Void) {
        self.deliver = deliver
        storage = .allocate(capacity: Self.pieceSize)
    }

    deinit { storage.deallocate() }

    public mutating func append(_ byte: UInt8) {
        if count == storage.count { flush() }
        storage[count] = byte
        count += 1
    }

    public mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        if count + bytes.count > storage.count {
            flush()
            guard bytes.count <= storage.count else { return deliver(bytes) }
        }
        // Most pieces are a few bytes (a key, a number, a comma): a loop beats calling memcpy.
        if bytes.count <= 16 {
            for byte in bytes {
                storage[count] = byte
                count += 1
            }
        } else if let source = bytes.baseAddress, let target = storage.baseAddress {
            (target + count).update(from: source, count: bytes.count)
            count += bytes.count
        }
    }

    mutating func append(_ literal: StaticString) {
        literal.withUTF8Buffer { append($0) }
    }

    mutating func append(text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    /// `text` as a JSON string literal. Nearly every string needs no escape and fits in what is
    /// left of the buffer: its bytes are then checked and copied in one pass. Any other goes
    /// through `JSONWriter.writeString`. (A county-wide JSON report writes 370,000 strings.)
    mutating func append(jsonString text: String) {
        var text = text
        let copied = text.withUTF8 { bytes -> Bool in
            guard count + bytes.count + 2 <= storage.count, let target = storage.baseAddress else { return false }
            var end = count
            target[end] = UInt8(ascii: "\"")
            end += 1
            for byte in bytes {
                guard !JSONWriter.needsEscape(byte) else { return false }
                target[end] = byte
                end += 1
            }
            target[end] = UInt8(ascii: "\"")
            count = end + 1
            return true
        }
        if !copied { JSONWriter.writeString(text, to: &self) }
    }

    private static let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 16)

    /// Indentation (at most 16).
    mutating func append(spaces count: Int) {
        Self.spaces.withUnsafeBufferPointer { append(UnsafeBufferPointer(rebasing: $0[..<count])) }
    }

    /// An integer in decimal, written in place without making a string.
    mutating func append(decimal value: Int) {
        // Most numbers in a report are counts of one or two digits: written here, without
        // measuring them first (a county-wide listing writes 500,000 numbers).
        if value >= 0, value < 100 {
            if value >= 10 { append(UInt8(ascii: "0") + UInt8(value / 10)) }
            return append(UInt8(ascii: "0") + UInt8(value % 10))
        }
        let number = Int64(value)
        if count + DecimalText.length(of: number) > storage.count { flush() }
        count += DecimalText.write(number, into: UnsafeMutableRawBufferPointer(storage), at: count)
    }

    /// Hands on what is pending.
    private mutating func flush() {
        guard count > 0 else { return }
        deliver(UnsafeBufferPointer(rebasing: storage[..<count]))
        count = 0
    }

    /// Hands on the rest; nothing may be appended after.
    public consuming func finish() {
        flush()
    }

    /// All of a rendering as one string (for tests and small reports).
    static func collect(_ render: (inout ReportBytes) -> Void) -> String {
        var whole: [UInt8] = []
        var bytes = ReportBytes { whole.append(contentsOf: $0) }
        render(&bytes)
        bytes.finish()
        return String(decoding: whole, as: UTF8.self)
    }
}
