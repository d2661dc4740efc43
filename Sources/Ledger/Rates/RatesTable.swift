/// The rows of a rates table in Rates/: comma-separated, a header line first, the last column a
/// source that may be quoted (its commas kept, `""` read as `"`). Each row's fields, the source
/// unquoted; a row with another number of fields is left out, and a test compares the rows that
/// the code reads with the file.
enum RatesTable {
    static func rows(_ text: String, columns: Int) -> [[String]] {
        text.split(separator: "\n").dropFirst().compactMap { line in
            var fields = line.split(separator: ",", maxSplits: columns - 1, omittingEmptySubsequences: false).map(String.init)
            guard fields.count == columns, var source = fields.last else { return nil }
            if source.hasPrefix("\""), source.hasSuffix("\""), source.count >= 2 {
                source = String(source.dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"")
            }
            fields[columns - 1] = source
            return fields
        }
    }
}
