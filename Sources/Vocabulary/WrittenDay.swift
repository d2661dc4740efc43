/// A day as people in Finland write it: `2026-12-07` is `7.12.2026`, in both languages.
public enum WrittenDay {
    /// The ISO day as it is written; anything else as it is.
    public static func of(_ iso: String) -> String {
        let parts = iso.split(separator: "-")
        guard iso.count == 10, parts.count == 3, let month = Int(parts[1]), let day = Int(parts[2]) else { return iso }
        return "\(day).\(month).\(parts[0])"
    }
}
