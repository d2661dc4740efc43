import Foundation

/// The rows of a CSV file as spreadsheets and survey tools save it: commas or, as Finnish
/// spreadsheets save, semicolons (whichever the first line holds); fields in double quotes may
/// hold separators, line breaks and doubled quotes (RFC 4180). Rows of empty fields are left out.
public enum CSVRecords {
    /// nil when the text ends inside a quoted field.
    public static func parse(_ text: String) -> [[String]]? {
        numbered(text)?.map(\.fields)
    }

    /// The records with their row numbers as a spreadsheet shows them (1 the first, empty rows
    /// counted), so that a problem can be named by its row; a byte order mark is left out.
    public static func numbered(_ text: String) -> [(row: Int, fields: [String])]? {
        let text = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        let separator: Character = text.prefix { $0 != "\n" }.contains(";") ? ";" : ","
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var iterator = text.makeIterator()
        var pending = iterator.next()
        while let character = pending {
            pending = iterator.next()
            if quoted {
                if character == "\"" {
                    if pending == "\"" { field.append("\""); pending = iterator.next() } else { quoted = false }
                } else {
                    field.append(character)
                }
            } else if character == "\"" && field.isEmpty {
                quoted = true
            } else if character == separator {
                record.append(field)
                field = ""
            } else if character == "\n" || character == "\r\n" || character == "\r" {
                record.append(field)
                records.append(record)
                (record, field) = ([], "")
            } else {
                field.append(character)
            }
        }
        guard !quoted else { return nil }
        if !field.isEmpty || !record.isEmpty { records.append(record + [field]) }
        return records.enumerated().map { (row: $0.offset + 1, fields: $0.element) }
            .filter { !$0.fields.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty } }
    }
}
