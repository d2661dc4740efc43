/// Writes compact JSON: no insignificant white space, members in the value's order, strings with
/// only the escapes JSON requires (`"`, `\` and control characters), non-ASCII text as UTF-8.
///
/// This is the form of `data` and `meta` in the `events` table, so it is part of the hash-chain
/// contract (docs/ledger-format.md): change it and every stored hash changes meaning.
public enum JSONWriter {
    public static func compact(_ value: JSONValue) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(256)
        write(value, into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    public static func write(_ value: JSONValue, into output: inout [UInt8]) {
        switch value {
        case .null:
            output.append(contentsOf: "null".utf8)
        case let .bool(flag):
            output.append(contentsOf: (flag ? "true" : "false").utf8)
        case let .number(literal):
            output.append(contentsOf: literal.utf8)
        case let .string(text):
            writeString(text, into: &output)
        case let .array(items):
            output.append(UInt8(ascii: "["))
            for (offset, item) in items.enumerated() {
                if offset > 0 { output.append(UInt8(ascii: ",")) }
                write(item, into: &output)
            }
            output.append(UInt8(ascii: "]"))
        case let .object(members):
            output.append(UInt8(ascii: "{"))
            for (offset, member) in members.enumerated() {
                if offset > 0 { output.append(UInt8(ascii: ",")) }
                writeString(member.key, into: &output)
                output.append(UInt8(ascii: ":"))
                write(member.value, into: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    public static func writeString(_ text: String, into output: inout [UInt8]) {
        writeString(text, to: &output)
    }

    /// A string literal with the escapes above, into any byte sink (an array, or a report's
    /// output buffer). Inlinable so that it is specialised for the sink in the module that calls
    /// it: a county-wide JSON report writes 800,000 strings, each byte otherwise appended through
    /// a protocol witness.
    @inlinable
    public static func writeString<Sink: JSONByteSink & ~Copyable>(_ text: String, to output: inout Sink) {
        output.append(UInt8(ascii: "\""))
        // Nearly every string needs no escape: check and copy the bytes in place (small strings
        // too are given as contiguous storage).
        let copiedWhole = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            for byte in bytes where needsEscape(byte) { return false }
            output.append(bytes)
            return true
        }
        if copiedWhole == true {
            output.append(UInt8(ascii: "\""))
            return
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                output.append(UInt8(ascii: "\\"))
                output.append(byte)
            case 0x0A: escape(UInt8(ascii: "n"), into: &output)
            case 0x0D: escape(UInt8(ascii: "r"), into: &output)
            case 0x09: escape(UInt8(ascii: "t"), into: &output)
            case 0x08: escape(UInt8(ascii: "b"), into: &output)
            case 0x0C: escape(UInt8(ascii: "f"), into: &output)
            case 0x00..<0x20:
                escape(UInt8(ascii: "u"), into: &output)  // \u00XX
                output.append(UInt8(ascii: "0"))
                output.append(UInt8(ascii: "0"))
                output.append(HashChain.hexDigit(byte >> 4))
                output.append(HashChain.hexDigit(byte & 0x0F))
            default:
                output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }

    /// A control character, a quote or a backslash: the bytes a JSON string cannot hold as they are.
    @inlinable
    public static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    @usableFromInline
    static func escape<Sink: JSONByteSink & ~Copyable>(_ letter: UInt8, into output: inout Sink) {
        output.append(UInt8(ascii: "\\"))
        output.append(letter)
    }
}

/// Where `JSONWriter.writeString` puts bytes.
public protocol JSONByteSink: ~Copyable {
    mutating func append(_ byte: UInt8)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>)
}

extension Array: JSONByteSink where Element == UInt8 {
    public mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) { append(contentsOf: bytes) }
}
