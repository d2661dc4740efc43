import EventStore
import Testing

/// The decoder every import and rebuild runs: values of each kind, and an error that names
/// the exact member (the catalogue turns it into `data.items[1].count`).
@Suite struct JSONValueDecoderTests {
    enum Colour: String, Decodable { case red, green }
    struct Item: Decodable, Equatable {
        let name: String
        let count: Int
    }
    struct Sample: Decodable, Equatable {
        let text: String
        let flag: Bool
        let big: Int64
        let ratio: Double
        let colour: Colour
        let note: String?
        let missing: Int?
        let items: [Item]
        let tags: [String]
    }

    private func path(of error: any Error) -> String {
        let context: DecodingError.Context? = switch error as? DecodingError {
        case let .typeMismatch(_, context)?, let .valueNotFound(_, context)?, let .dataCorrupted(context)?: context
        case let .keyNotFound(key, context)?: DecodingError.Context(codingPath: context.codingPath + [key], debugDescription: "")
        default: nil
        }
        return context?.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".") ?? "?"
    }

    @Test func decodesEveryKindOfValue() throws {
        let json = try JSONParser.parse("""
            {"text":"hei","flag":true,"big":9007199254740993,"ratio":2.5,"colour":"green","note":null,
             "items":[{"name":"a","count":1},{"name":"b","count":2.0}],"tags":["x","y"]}
            """)
        let sample = try JSONValueDecoder().decode(Sample.self, from: json)
        #expect(sample == Sample(text: "hei", flag: true, big: 9_007_199_254_740_993, ratio: 2.5, colour: .green, note: nil,
                                 missing: nil, items: [Item(name: "a", count: 1), Item(name: "b", count: 2)], tags: ["x", "y"]))
    }

    @Test(arguments: [
        (#""name":"b","count":"3""#, "items.[1].count"),
        (#""name":"b","count":1.5"#, "items.[1].count"),
        (#""name":"b""#, "items.[1].count"),
    ])
    func anErrorNamesTheMemberThatDidNotFit(secondItem: String, expected: String) throws {
        let json = try JSONParser.parse("""
            {"text":"hei","flag":true,"big":1,"ratio":1,"colour":"red","items":[{"name":"a","count":1},{\(secondItem)}],"tags":[]}
            """)
        do {
            _ = try JSONValueDecoder().decode(Sample.self, from: json)
            Issue.record("decoded a value that does not fit")
        } catch {
            #expect(path(of: error) == expected)
        }
    }

    @Test func aWrongScalarOrEnumCaseIsNamedToo() throws {
        for (member, expected) in [(#""flag":"yes""#, "flag"), (#""colour":"blue""#, "colour"), (#""tags":["x",1]"#, "tags.[1]")] {
            var fields = [#""text":"hei""#, #""flag":true"#, #""big":1"#, #""ratio":1"#, #""colour":"red""#, #""items":[]"#, #""tags":[]"#]
            let name = member.split(separator: ":")[0]
            fields.removeAll { $0.hasPrefix(name + ":") }
            fields.append(member)
            let json = try JSONParser.parse("{" + fields.joined(separator: ",") + "}")
            do {
                _ = try JSONValueDecoder().decode(Sample.self, from: json)
                Issue.record("decoded \(member)")
            } catch {
                #expect(path(of: error) == expected)
            }
        }
    }
}
