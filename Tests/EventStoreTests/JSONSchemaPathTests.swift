import EventStore
import Testing

/// A violation names the member where it happened, in document order, through nested objects,
/// arrays and `$ref`s: that is what an importer reads to find the broken field.
@Suite struct JSONSchemaPathTests {
    static let item = try? JSONSchema(try JSONParser.parse("""
        {"$id": "item", "type": "object", "required": ["name", "count"], "additionalProperties": false,
         "properties": {"name": {"type": "string", "minLength": 1, "pattern": "^[a-z]+$"},
                        "count": {"type": "integer", "minimum": 0, "maximum": 10}}}
        """))

    static func schema() throws -> JSONSchema {
        let item = try #require(Self.item)
        return try JSONSchema(try JSONParser.parse("""
            {"type": "object", "required": ["items"], "additionalProperties": false,
             "properties": {
               "items": {"type": "array", "minItems": 1, "items": {"$ref": "item"}},
               "pair": {"type": "array", "items": {"type": "object", "properties": {"kind": {"enum": ["a", "b"]}}}},
               "choice": {"oneOf": [{"type": "string"}, {"type": "integer"}]},
               "tag": {"type": "string", "format": "date"}}}
            """), registry: ["item": item])
    }

    @Test(arguments: [
        (#"{"items":[{"name":"a","count":1},{"name":"b","count":11}]}"#, "items[1].count", "maximum"),
        (#"{"items":[{"name":"a","count":1},{"name":"B","count":1}]}"#, "items[1].name", "pattern"),
        (#"{"items":[{"name":"a"}]}"#, "items[0].count", "required"),
        // An unexpected member is reported at its object, never by its name (input, maybe personal).
        (#"{"items":[{"name":"a","count":1,"extra":true}]}"#, "items[0]", "additionalProperties"),
        (#"{"items":[]}"#, "items", "minItems"),
        (#"{"items":[{"name":"a","count":1}],"pair":[{"kind":"a"},{"kind":"c"}]}"#, "pair[1].kind", "enum"),
        (#"{"items":[{"name":"a","count":1}],"choice":true}"#, "choice", "oneOf"),
        (#"{"items":[{"name":"a","count":1}],"tag":"2026-02-30"}"#, "tag", "format"),
        (#"{"items":[{"name":"a","count":-1}],"bonus":1}"#, "items[0].count", "minimum"),
        (#"{"bonus":1}"#, "", "additionalProperties"),
        (#"{}"#, "items", "required"),
    ])
    func aViolationNamesItsMemberAndKeyword(json: String, path: String, keyword: String) throws {
        do {
            try Self.schema().validate(try JSONParser.parse(json))
            Issue.record("\(json) passed")
        } catch let violation as SchemaViolation {
            #expect(violation.path == path && violation.keyword == keyword, "\(violation)")
        }
    }

    @Test func aValidValuePasses() throws {
        try Self.schema().validate(try JSONParser.parse(#"{"items":[{"name":"a","count":0}],"pair":[{"kind":"b"}],"choice":3,"tag":"2026-02-28"}"#))
    }
}
