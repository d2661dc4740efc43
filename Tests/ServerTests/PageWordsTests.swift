@testable import Server
import Testing
import Vocabulary

/// The pages' texts are the catalogue's, and say a thing as the catalogue says it elsewhere.
@Suite struct PageWordsTests {
    @Test func everyPageKeyHasFinnishAndEnglish() {
        for key in PageText.Key.allCases {
            let words = Catalogue.page(key.rawValue)
            #expect(words != nil, "\(key) has no words")
            #expect(!(words?.fi.isEmpty ?? true) && !(words?.en.isEmpty ?? true), "\(key)")
        }
    }

    /// Where a page names a coded value or a field, it uses the same word as the catalogue does
    /// for that value or field (one word per concept: docs/glossary.md).
    @Test func aPageSaysAThingAsTheCatalogueDoes() throws {
        let sameAsValues: [(PageText.Key, String)] = [
            (.held, "held"), (.cancelled, "cancelled"), (.scheduled, "scheduled"), (.present, "present"), (.absent, "absent"),
            (.excused, "excused"), (.inPerson, "in-person"), (.remote, "remote"), (.hybrid, "hybrid"),
        ]
        for (key, code) in sameAsValues {
            let page = try #require(Catalogue.page(key.rawValue)), value = try #require(Catalogue.value(code))
            #expect(page.fi.lowercased() == value.fi.lowercased(), "\(key): \(page.fi) ≠ \(value.fi)")
            #expect(page.en.lowercased() == value.en.lowercased(), "\(key): \(page.en) ≠ \(value.en)")
        }
        let sameAsFields: [(PageText.Key, String)] = [(.engagement, "engagement"), (.project, "project"), (.location, "location")]
        for (key, field) in sameAsFields {
            let page = try #require(Catalogue.page(key.rawValue))
            #expect(page.fi.lowercased() == Catalogue.field(field).fi.lowercased(), "\(key): \(page.fi) ≠ \(Catalogue.field(field).fi)")
        }
    }

    /// Every recording form's title and every field's label come from the catalogue.
    @Test func everyFormAndFieldHasWordsInTheCatalogue() {
        for form in RecordingForm.allCases {
            #expect(Catalogue.formTitle(form.rawValue) != nil, "\(form) has no title")
            for field in form.fields {
                #expect(field.label.fi != field.name && !field.label.fi.isEmpty && !field.label.en.isEmpty, "\(form): \(field.name)")
            }
        }
    }
}
