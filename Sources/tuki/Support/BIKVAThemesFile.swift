import Ledger

/// A stage's themes from a file: CSV when its name ends in .csv, else Markdown (BIKVAThemes).
enum BIKVAThemesFile {
    /// Far more than the schema lets a stage hold; a larger file is not a stage's themes.
    static let largestFile = 1 << 20

    static func read(path: String) throws -> [BIKVAThemes.Theme] {
        let text: String
        do { text = try TextFile.read(path: path, largest: largestFile) } catch {
            throw BIKVAThemes.Problem(message: error.message(for: "themes file", largerThan: "a stage's themes are far shorter"))
        }
        let themes = path.lowercased().hasSuffix(".csv") ? try BIKVAThemes.csv(text) : try BIKVAThemes.markdown(text)
        guard !themes.isEmpty else { throw BIKVAThemes.Problem(message: "The themes file holds no theme.") }
        return themes
    }
}
