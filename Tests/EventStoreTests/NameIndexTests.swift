import Foundation
import Testing

@testable import EventStore

/// The blind index of names: a search finds people by the start of any part of their name, the
/// key store holds only keyed hashes, a corrected name replaces the old one, a refused event
/// leaves the index as it was, and an erased person is found by no search.
struct NameIndexTests {
    @Test func namesAreComparedInLowerCaseWithoutDiacriticsPartByPart() {
        #expect(NameIndex.parts(of: "Väinö Esimerkki-Ström") == ["vaino", "esimerkki", "strom"])
        #expect(NameIndex.parts(of: "  O'Neill  ") == ["o", "neill"])
        #expect(NameIndex.prefixes(of: "aino") == ["ain", "aino"])
        #expect(NameIndex.prefixes(of: "ek") == ["ek"])
        #expect(NameIndex.prefixes(of: String(repeating: "a", count: 40)).count == NameIndex.longestPrefix - NameIndex.shortestPrefix + 1)
    }

    @Test func aSearchFindsThePeopleWhoseNamePartsStartWithEveryPartOfIt() throws {
        let test = try TestVault()
        try test.register("p-aino", fields: #"{"name":"Aino Esimerkki","birthDate":"1986-04-02"}"#)
        try test.register("p-eero", fields: #"{"name":"Eero Esimerkki","birthDate":"1988-01-01"}"#)
        try test.register("p-vaino", fields: #"{"name":"Väinö Ek","birthDate":"1990-01-01"}"#)
        let found = { (query: String) in try test.vault.subjects(named: query)?.map(\.text) }
        #expect(try found("esim") == ["p-aino", "p-eero"])
        #expect(try found("ESIMERKKI aino") == ["p-aino"])
        #expect(try found("Aino E") == ["p-aino"], "a part of one or two letters beside a longer one is left out")
        #expect(try found("vaino") == ["p-vaino"], "without diacritics")
        #expect(try found("Ek") == ["p-vaino"], "a short part alone stands for a whole part")
        #expect(try found("merkki") == [], "only the start of a part")
        #expect(try found("Esimerkkinen") == [])
        #expect(try found(" - ") == nil, "nothing to look for")
    }

    @Test func theKeyStoreHoldsNoNameAndNoUnkeyedHashOfOne() throws {
        let test = try TestVault()
        try test.register("p-7k2m", fields: #"{"name":"Aino Esimerkki","birthDate":"1986-04-02"}"#)
        let bytes = try test.files.filter { FileManager.default.fileExists(atPath: $0) }.map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
        for text in ["aino", "Aino", "esimerkki", "Esimerkki", "esim"] {
            let plain = Data(text.utf8)
            let hashed = Data(SHA256.hash(data: plain))
            for file in bytes {
                #expect(file.range(of: plain) == nil, "a name in clear")
                #expect(file.range(of: hashed) == nil, "an unkeyed hash of a name")
            }
        }
    }

    @Test func aCorrectedNameReplacesTheOldOneAndARefusedEventLeavesTheIndexAsItWas() throws {
        let test = try TestVault()
        let subject = try SubjectID("p-aino")
        try test.register("p-aino", fields: #"{"name":"Aino Esimerkk","birthDate":"1986-04-02"}"#)
        _ = try test.vault.seal(try JSONParser.parse(#"{"name":"Aino Esimerkki","birthDate":"1986-04-02"}"#), for: subject)
        #expect(try test.vault.subjects(named: "esimerkki")?.map(\.text) == ["p-aino"])
        #expect(try test.vault.subjects(named: "aino esimerkk")?.map(\.text) == ["p-aino"], "the prefix of the new name")

        struct Refused: Error {}
        #expect(throws: Refused.self) {
            try test.vault.sealing(try JSONParser.parse(#"{"name":"Aino Virhe","birthDate":"1986-04-02"}"#), for: subject) { _ in throw Refused() }
        }
        #expect(try test.vault.subjects(named: "virhe") == [])
        #expect(try test.vault.subjects(named: "esimerkki")?.map(\.text) == ["p-aino"])
    }

    @Test func anErasedPersonIsFoundByNoSearch() throws {
        let test = try TestVault()
        try test.register("p-aino", fields: #"{"name":"Aino Esimerkki","birthDate":"1986-04-02"}"#)
        try test.register("p-eero", fields: #"{"name":"Eero Esimerkki","birthDate":"1988-01-01"}"#)
        _ = try test.vault.erase(try SubjectID("p-aino"), actor: "coordinator", reason: "asked")
        #expect(try test.vault.subjects(named: "esimerkki")?.map(\.text) == ["p-eero"])
        #expect(try test.vault.subjects(named: "aino") == [])
    }
}
