import Foundation

/// The languages Tuki speaks: Finnish by default, English a choice away. Every page, report,
/// refusal and CSV for people takes one.
public enum Language: String, Sendable, CaseIterable, Codable {
    case fi, en

    /// The language an HTTP request asks for (`Accept-Language: en-GB,en;q=0.9`): English when
    /// its first choice is English, Finnish otherwise.
    public init(acceptLanguage header: String?) {
        let first = header?.split(separator: ",").first?.split(separator: ";").first?
            .trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        self = first.hasPrefix("en") ? .en : .fi
    }
}

/// A text in both languages.
public struct Words: Sendable, Equatable {
    public let fi: String
    public let en: String

    public init(_ fi: String, _ en: String) {
        self.fi = fi
        self.en = en
    }

    public func callAsFunction(_ language: Language) -> String {
        language == .fi ? fi : en
    }
}
