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
