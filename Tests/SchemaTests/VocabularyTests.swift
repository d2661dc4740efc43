import EventStore
import Foundation
import Ledger
import Testing
import Vocabulary

/// The catalogue of words covers what people can meet: every coded value of every event's
/// schema, every rule's refusal and every kind of schema refusal, in Finnish and in English; and a
/// refusal's text never carries a data path, a schema's name or a rule's code.
@Suite struct VocabularyTests {
    /// Every string of every `enum` in Schemas/events, with the name of the member it is of.
    static func schemaValues() throws -> [(field: String, value: String)] {
        let folder = SchemaAgreementTests.root.appendingPathComponent("Schemas/events")
        var found: [(String, String)] = []
        func walk(_ node: JSONValue, _ member: String) {
            switch node {
            case let .object(members):
                for (key, value) in members {
                    if key == "enum", case let .array(values) = value {
                        for case let .string(text) in values { found.append((member, text)) }
                    } else {
                        walk(value, key == "properties" || key == "items" ? member : key)
                    }
                }
            case let .array(items): for item in items { walk(item, member) }
            default: break
            }
        }
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".json") {
            walk(try JSONParser.parse(String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)), "")
        }
        return found
    }

    @Test func everyCodedValueOfEverySchemaHasWordsInBothLanguages() throws {
        let values = try Self.schemaValues()
        #expect(values.count > 100)
        for (field, value) in values {
            let words = Catalogue.value(value, of: field)
            #expect(words != nil, "\(field): \(value) has no words")
            #expect(words.map { !$0.fi.isEmpty && !$0.en.isEmpty } ?? false, "\(value)")
        }
    }

    /// A correction names what it voids by the event's type in words: every type has them.
    @Test func everyEventTypeHasWordsInBothLanguages() throws {
        let types = try EventCatalogue.standard().types
        for type in types {
            let words = Catalogue.eventType(type)
            #expect(words.map { !$0.fi.isEmpty && !$0.en.isEmpty } ?? false, "\(type) has no words")
        }
        #expect(Set(types.compactMap { Catalogue.eventType($0)?.fi }).count == types.count, "two types with one word")
    }

    /// One word per concept: the codes that stand for the same thing in several schemas carry the
    /// same words wherever they stand, and no two different codes of one field share words.
    @Test func noTwoCodesOfOneFieldShareWords() throws {
        var byField: [String: [String: String]] = [:]
        for (field, value) in try Self.schemaValues() {
            guard let words = Catalogue.value(value, of: field) else { continue }
            byField[field, default: [:]][value] = words.fi
        }
        for (field, codes) in byField {
            let words = codes.values
            #expect(Set(words).count == words.count, "\(field): two codes with one word \(codes)")
        }
    }

    @Test func everyRuleAndEverySchemaKeywordHasASentenceInBothLanguages() {
        #expect(Rules.names.count > 50)
        let keywords = ["required", "type", "enum", "const", "pattern", "format", "minimum", "maximum", "minLength", "maxLength",
                        "minItems", "maxItems", "uniqueItems", "additionalProperties", "oneOf", "anyOf", "not"]
        for rule in Rules.names + keywords.map({ "schema.\($0)" }) {
            let sentence = Catalogue.refusal(rule)
            #expect(sentence != nil, "\(rule) has no sentence")
            for language in Language.allCases {
                let text = sentence?(language) ?? ""
                #expect(text.count > 10 && text.hasSuffix("."), "\(rule) in \(language)")
            }
        }
    }

    /// A refusal in either language names the field by the form's label (or the catalogue's), and
    /// holds no data path, no event type's name and no rule's code.
    @Test(arguments: Rules.names)
    func aRefusalNamesTheFieldByItsLabelAndNothingOfTheSchema(_ rule: String) throws {
        let types = try Self.eventTypes()
        let label = Words("Toimeksianto (tunniste)", "Engagement (id)")
        for language in Language.allCases {
            let text = Catalogue.refusalText(rule: rule, field: "data.engagement", label: label, language)
            #expect(text.hasPrefix(label(language) + ": "), "\(rule)")
            #expect(!text.contains("data."), "\(rule)")
            #expect(!text.contains(rule), "\(rule)")
            for type in types { #expect(!text.contains(type), "\(rule) names \(type)") }
            // Without a form's label: the catalogue's, and an item by its number as forms number it.
            let item = Catalogue.refusalText(rule: rule, field: "data.items[1]", language)
            #expect(item.hasPrefix(language == .fi ? "Kohdat, 2. kohta: " : "Items, item 2: "), "\(item)")
        }
    }

    static func eventTypes() throws -> [String] {
        let folder = SchemaAgreementTests.root.appendingPathComponent("Schemas/events")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".schema.json") }
            .map { $0.split(separator: ".").dropLast(3).joined(separator: ".") }
    }

    @Test func theRequestsLanguageIsItsFirstChoice() {
        #expect(Language(acceptLanguage: "en-GB,en;q=0.9,fi;q=0.8") == .en)
        #expect(Language(acceptLanguage: "fi-FI,en;q=0.5") == .fi)
        #expect(Language(acceptLanguage: "sv") == .fi)
        #expect(Language(acceptLanguage: nil) == .fi)
    }
}
