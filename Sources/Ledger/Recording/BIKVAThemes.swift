import EventStore
import Foundation

/// The themes of one BIKVA stage as the group approved them, from CSV or Markdown text
/// (docs/bikva-themes.md shows both): `tuki bikva stage --themes FILE` and the server's form, where
/// the Markdown is pasted. Each theme has a title and, as the stage has them, what was said, the
/// response and the change agreed.
public enum BIKVAThemes {
    /// A theme as the stage's event holds it.
    public typealias Theme = BIKVAStageRecorded.Theme

    /// A field's names as a header or label may write them, English or Finnish, any case.
    static var fieldNames: [String: WritableKeyPath<Theme, String?>] { [
        "said": \.said, "sanottu": \.said, "response": \.response, "vastaus": \.response,
        "agreed change": \.agreedChange, "agreedchange": \.agreedChange, "agreed_change": \.agreedChange,
        "sovittu muutos": \.agreedChange,
    ] }
    static let titleNames: Set<String> = ["theme", "teema"]

    public struct Problem: Error {
        public let message: String

        public init(message: String) {
            self.message = message
        }
    }

    // MARK: - Markdown

    /// `## Title` starts a theme; a line `Said:`, `Response:` or `Agreed change:` (bold or not,
    /// or the Finnish `Sanottu:`, `Vastaus:`, `Sovittu muutos:`) starts a field, and the lines
    /// after it continue it. Text before the first theme (a title, a note) is left out.
    public static func markdown(_ text: String) throws -> [Theme] {
        var themes: [Theme] = []
        var field: WritableKeyPath<Theme, String?>?
        for (number, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces.union(.init(charactersIn: "\r")))
            if line.hasPrefix("## ") {
                themes.append(Theme(theme: String(line.dropFirst(3)).trimmingCharacters(in: .whitespaces)))
                field = nil
                continue
            }
            guard !line.isEmpty, !themes.isEmpty else { continue }
            if let (key, rest) = label(of: line) {
                field = key
                themes[themes.count - 1][keyPath: key] = rest.isEmpty ? nil : rest
            } else if let field {
                let before = themes[themes.count - 1][keyPath: field]
                themes[themes.count - 1][keyPath: field] = before.map { $0 + "\n" + line } ?? line
            } else {
                throw Problem(message: "Line \(number + 1) of the themes file is under a theme but not under Said:, Response: or Agreed change:.")
            }
        }
        return themes
    }

    private static func label(of line: String) -> (WritableKeyPath<Theme, String?>, String)? {
        let plain = line.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "__", with: "")
        guard let colon = plain.firstIndex(of: ":"),
              let key = fieldNames[plain[..<colon].trimmingCharacters(in: .whitespaces).lowercased()] else { return nil }
        return (key, plain[plain.index(after: colon)...].trimmingCharacters(in: .whitespaces))
    }

    // MARK: - CSV

    /// A header row names the columns (theme, said, response, agreed change — English or
    /// Finnish, in any order); commas or, as Finnish spreadsheets save, semicolons; fields in
    /// double quotes may hold separators, line breaks and doubled quotes (RFC 4180).
    public static func csv(_ text: String) throws -> [Theme] {
        guard let rows = CSVRecords.parse(text) else { throw Problem(message: "The themes file ends inside a quoted field.") }
        guard let header = rows.first else { return [] }
        let names = header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard let titleColumn = names.firstIndex(where: titleNames.contains) else {
            throw Problem(message: "The themes file's first row must name its columns, one of them theme (teema).")
        }
        for name in names where !titleNames.contains(name) && fieldNames[name] == nil {
            throw Problem(message: "A column of the themes file is not theme, said, response or agreed change.")
        }
        return rows.dropFirst().map { row in
            var theme = Theme(theme: titleColumn < row.count ? row[titleColumn].trimmingCharacters(in: .whitespaces) : "")
            for (index, name) in names.enumerated() where index < row.count {
                guard let key = fieldNames[name] else { continue }
                let value = row[index].trimmingCharacters(in: .whitespacesAndNewlines)
                theme[keyPath: key] = value.isEmpty ? nil : value
            }
            return theme
        }
    }
}
