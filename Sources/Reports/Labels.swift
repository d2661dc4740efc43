import Vocabulary

/// The words of the sessions and commitment reports, written in English in their code and shown
/// in the report's language. (The ESR+ report has its own, ESR/ESRLabels.swift.)
enum Labels {
    static func text(_ english: String, _ language: Report.Language) -> String {
        Catalogue.heading(english, language)
    }

    /// A code (a status, an outcome, an activity kind, a gender) as a cell: the code for CSV and
    /// JSON, its words in the report's language for people.
    /// `field` picks a code's words where it means something else in that field (`payment`:
    /// `travel` is a reimbursement there, not a cost category).
    static func code(_ code: String, _ language: Report.Language, field: String? = nil) -> Report.Cell {
        let words = Catalogue.value(code, of: field) ?? Catalogue.esr(code)
        return .coded(code: code, label: words?(language) ?? code)
    }

    /// The cells of a few codes, made once for a table of many rows.
    struct Codes: Sendable {
        private let cells: [(code: String, cell: Report.Cell)]
        private let language: Report.Language

        init(_ codes: [String], _ language: Report.Language) {
            cells = codes.map { ($0, Labels.code($0, language)) }
            self.language = language
        }

        func cell(_ code: String) -> Report.Cell {
            for entry in cells where entry.code == code { return entry.cell }
            return Labels.code(code, language)
        }
    }

}
