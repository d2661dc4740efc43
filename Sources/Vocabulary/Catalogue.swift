/// Every word Tuki shows people, in Finnish and English, in one place: the values of the events'
/// coded fields (`Catalogue+Values.swift`), the data members' labels (`Catalogue+Fields.swift`)
/// and one sentence per rule of the ledger and per kind of schema refusal
/// (`Catalogue+Refusals.swift`). docs/glossary.md is the terms it follows: one word per concept.
/// Tests fail when a schema's value or a rule has no words, or when one code has two.
public enum Catalogue {
    /// A coded value's words: `woman` is "nainen" / "woman". Where a code means different things
    /// in different fields, the field's name (`outcome`, `category`, …) picks its own words first.
    public static func value(_ code: String, of field: String? = nil) -> Words? {
        if let field, let words = values["\(field).\(code)"] { return words }
        return values[code]
    }

    /// A data member's label, by its name or path (`entry.ageAtEntry`, `items[1]`): the path's
    /// last name, and an item of a list by its number as a form numbers it ("2. kohta").
    public static func field(_ path: String) -> Words {
        var path = path.hasPrefix("data.") ? String(path.dropFirst(5)) : path
        if path.hasPrefix("data") && path.count == 4 { path = "" }
        let name = path.split(separator: ".").last.map(String.init) ?? ""
        if let open = name.firstIndex(of: "["), let index = Int(name[name.index(after: open)...].prefix { $0.isNumber }) {
            let list = String(name[..<open])
            let item = Words("\(index + 1). kohta", "item \(index + 1)")
            guard let words = fields[list] else { return item }
            return Words("\(words.fi), \(item.fi)", "\(words.en), \(item.en)")
        }
        return fields[name] ?? fields[path] ?? Words("Kirjaus", "The entry")
    }

    /// A rule's sentence (`fee.paid-once`), or a schema refusal's by its keyword
    /// (`schema.required`, `schema.enum`, …); nil for a rule the catalogue lacks.
    public static func refusal(_ rule: String) -> Words? {
        refusals[rule]
    }

    /// What a refusal says: the field's label, then the rule's sentence, never a data path, a
    /// schema's name or a value. `label` is the form's own label of the field when a form shows
    /// it; else the catalogue's.
    public static func refusalText(rule: String, field: String, label: Words? = nil, _ language: Language) -> String {
        let label = label ?? Self.field(field)
        let sentence = refusal(rule) ?? refusal(rule.hasPrefix("schema") ? "schema" : "rule") ?? Words("", "")
        return "\(label(language)): \(sentence(language))"
    }
}

extension Catalogue {
    /// Every coded value with its words (the field-specific ones under `field.code`).
    public static var allValues: [(key: String, words: Words)] {
        values.map { ($0.key, $0.value) }.sorted { $0.key < $1.key }
    }
}
