import Foundation

/// A blind index of people's names, so that a coordinator can find a person without opening
/// everyone: each part of a name, normalised, is indexed by its prefixes of three letters or more
/// (a part shorter than three by itself), each as a keyed hash — HMAC-SHA256 under the key
/// store's own index key, which the master key wraps. The hashes stand beside the person's data
/// key in the key store and are destroyed with it at erasure; the ledger and the read models hold
/// no name and no unkeyed hash of one. See docs/privacy.md for what such an index gives away.
public enum NameIndex {
    /// The shortest prefix that is indexed, and so the fewest letters a search may give for a part.
    public static let shortestPrefix = 3
    /// A name's part longer than this is indexed by its first this many letters' prefixes only.
    static let longestPrefix = 24

    /// The name's parts as they are compared: lower case, without diacritics (`Väinö` is
    /// `vaino`, so a search typed without them still finds it), split at anything not a letter
    /// or a digit (spaces, hyphens, apostrophes).
    public static func parts(of name: String) -> [String] {
        name.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: Locale(identifier: "fi_FI"))
            .lowercased()
            .split { !($0.isLetter || $0.isNumber) }
            .map(String.init)
    }

    /// What is indexed for one part: its prefixes from three letters up, or the part itself
    /// when it is shorter.
    static func prefixes(of part: String) -> [String] {
        let letters = Array(part.prefix(longestPrefix))
        guard letters.count > shortestPrefix else { return [String(letters)] }
        return (shortestPrefix...letters.count).map { String(letters[0..<$0]) }
    }

    /// The keyed hashes a name is found by.
    public static func tokens(ofName name: String, key: [UInt8]) -> Set<[UInt8]> {
        Set(parts(of: name).flatMap(prefixes).map { token($0, key: key) })
    }

    /// The keyed hash of each part a search gives (at most `longestPrefix` letters of each):
    /// parts shorter than three letters are left out beside a longer one (`Aino E`), and stand
    /// for a whole part when there is none longer (`Ek`); nil for a search with no part at all.
    public static func tokens(ofQuery query: String, key: [UInt8]) -> [[UInt8]]? {
        let parts = parts(of: query).map { String($0.prefix(longestPrefix)) }
        let long = parts.filter { $0.count >= shortestPrefix }
        let searched = long.isEmpty ? parts : long
        guard !searched.isEmpty else { return nil }
        return searched.map { token($0, key: key) }
    }

    static func token(_ text: String, key: [UInt8]) -> [UInt8] {
        KeyedHash.sha256(key: key, message: Array("tuki-name-index-v1\n\(text)".utf8))
    }
}
