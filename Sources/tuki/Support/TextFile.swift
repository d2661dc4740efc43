import Foundation

/// A small UTF-8 text file a command reads whole (a stage's themes, a survey's answers), with a
/// bound on its size so that a wrong path never fills memory, and a byte-order mark dropped.
enum TextFile {
    enum Problem: Error {
        case unreadable, tooLarge(bytes: Int), notUTF8

        /// One sentence naming the file by what it is for, never by its contents.
        func message(for what: String, largerThan reason: String) -> String {
            switch self {
            case .unreadable: "The \(what) given cannot be read."
            case let .tooLarge(bytes): "The \(what) is larger than \(bytes >> 20) MiB; \(reason)."
            case .notUTF8: "The \(what) is not UTF-8 text."
            }
        }
    }

    static func read(path: String, largest: Int) throws(Problem) -> String {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
        guard let size else { throw .unreadable }
        guard size <= largest else { throw .tooLarge(bytes: largest) }
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable }
        guard var text = String(data: data, encoding: .utf8) else { throw .notUTF8 }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return text
    }
}

/// The rows of a CSV file as spreadsheets and survey tools save it: commas or, as Finnish
/// spreadsheets save, semicolons (whichever the first line holds); fields in double quotes may
/// hold separators, line breaks and doubled quotes (RFC 4180). Rows of empty fields are left out.
enum CSVRecords {
    /// nil when the text ends inside a quoted field.
    static func parse(_ text: String) -> [[String]]? {
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
        return records.filter { !$0.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty } }
    }
}
