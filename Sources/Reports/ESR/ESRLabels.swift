import Vocabulary

/// The ESR+ report's words in Finnish and English, from the catalogue (`Catalogue+ESR.swift`).
enum ESRLabels {
    static func text(_ key: String, _ language: Report.Language) -> String {
        Catalogue.esr(key)?(language) ?? key
    }
}
