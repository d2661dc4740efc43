/// An integer's decimal digits written straight into bytes, for the paths that would otherwise
/// make a `String` per number: verify's hashed message and the JSON report writer.
public enum DecimalText {
    /// How many bytes `value` takes in decimal, its minus sign included.
    public static func length(of value: Int64) -> Int {
        var digits = 1
        var rest = value.magnitude / 10
        while rest > 0 { digits += 1; rest /= 10 }
        return value < 0 ? digits + 1 : digits
    }

    /// Writes `value` at `offset` in `buffer`, which must have room for `length(of: value)` bytes
    /// there; returns that length. The digits are written backwards from the end of their space.
    public static func write(_ value: Int64, into buffer: UnsafeMutableRawBufferPointer, at offset: Int) -> Int {
        let length = length(of: value)
        if value < 0 { buffer[offset] = UInt8(ascii: "-") }
        var magnitude = value.magnitude
        var index = offset + length
        repeat {
            index -= 1
            buffer[index] = UInt8(ascii: "0") + UInt8(magnitude % 10)
            magnitude /= 10
        } while magnitude > 0
        return length
    }
}
