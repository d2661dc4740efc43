import EventStore
import Testing

@Suite struct JSONTests {
    @Test func numbersKeepTheirLiteralDigits() throws {
        let text = #"{"a":0.1,"b":-12,"c":3.50,"d":1e3,"e":12345678901234567890}"#
        #expect(JSONWriter.compact(try JSONParser.parse(text)) == text)
    }

    @Test func compactFormDropsWhitespaceAndSortsMembers() throws {
        let value = try JSONParser.parse(#" { "b" : [ 1 , true , null ] , "a" : { "z" : "x" , "y" : "ä" } } "#)
        #expect(JSONWriter.compact(value.canonical) == #"{"a":{"y":"ä","z":"x"},"b":[1,true,null]}"#)
    }

    @Test func stringsAreEscapedOnlyWhereJSONRequires() throws {
        let value = try JSONParser.parse(#"["line\nbreak","quote\"","back\\slash","\u00e4\/","tab\t","\u0001","\ud83d\ude00"]"#)
        #expect(JSONWriter.compact(value) == #"["line\nbreak","quote\"","back\\slash","ä/","tab\t","\u0001","😀"]"#)
    }

    @Test(arguments: [
        #"{"a":1,"a":2}"#, #"{"a":01}"#, #"{"a":1,}"#, #"[1 2]"#, #"{"a":"unterminated}"#, #"{"a":tru}"#,
        #"{"a":"\x"}"#, "{\"a\":\"tab\tinside\"}", #"{"a":1} trailing"#, #"{'a':1}"#, #"{"a":.5}"#, #"{"a":"\ud800"}"#, "",
    ])
    func malformedJSONIsRefused(_ text: String) {
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(text) }
    }

    @Test func deepNestingIsRefusedRatherThanOverflowingTheStack() {
        let text = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(text) }
    }

    @Test func syntaxErrorsDoNotQuoteTheInput() {
        do {
            _ = try JSONParser.parse(#"{"name":"Aino Virtanen" oops}"#)
            Issue.record("expected a syntax error")
        } catch {
            #expect(!error.description.contains("Virtanen"))
        }
    }

    @Test(arguments: [Int64(0), 7, 10, -5, 1_000_108, Int64.max, Int64.min])
    func decimalTextIsWhatSwiftPrints(_ value: Int64) {
        var bytes = [UInt8](repeating: 0x2A, count: 24)
        let length = bytes.withUnsafeMutableBytes { DecimalText.write(value, into: $0, at: 2) }
        #expect(length == DecimalText.length(of: value))
        #expect(String(decoding: bytes[2..<(2 + length)], as: UTF8.self) == String(value))
        #expect(bytes[0..<2] == [0x2A, 0x2A] && bytes[(2 + length)...].allSatisfy { $0 == 0x2A })
    }
}
