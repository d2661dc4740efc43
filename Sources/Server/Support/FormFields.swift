import EventStore
import Foundation
import Hummingbird
import MultipartKit
import NIOCore

/// The fields of an `application/x-www-form-urlencoded` body, or of a query string. A form's field
/// names can be data (`mark.p-7k2m` on an attendance sheet), so they are kept as given, in order.
struct FormFields: Sendable {
    private(set) var pairs: [(name: String, value: String)] = []

    init() {}

    init(pairs: [(name: String, value: String)]) {
        self.pairs = pairs
    }

    /// A JSON object's members as a form's fields: a nested object's members under dotted names
    /// (`entry.ageAtEntry`), an array's items under its name, true as "on" (a ticked box).
    init(json: JSONValue) {
        func add(_ value: JSONValue, _ name: String, to pairs: inout [(name: String, value: String)]) {
            switch value {
            case let .string(text): pairs.append((name, text))
            case let .number(literal): pairs.append((name, literal))
            case let .bool(flag): if flag { pairs.append((name, "on")) }
            case let .array(items): for item in items { add(item, name, to: &pairs) }
            case let .object(members): for member in members { add(member.value, name.isEmpty ? member.key : "\(name).\(member.key)", to: &pairs) }
            case .null: break
            }
        }
        add(json, "", to: &pairs)
    }

    init(encoded text: String) {
        pairs = text.split(separator: "&").compactMap { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]) else { return nil }
            return (name, parts.count > 1 ? Self.decode(parts[1]) ?? "" : "")
        }
    }

    subscript(_ name: String) -> String? { pairs.last { $0.name == name }?.value }

    /// Every value given under the name (a group of checkboxes), in order.
    func values(named name: String) -> [String] { pairs.filter { $0.name == name }.map(\.value) }

    /// The fields whose name starts with `prefix`, keyed by the rest of the name.
    func withPrefix(_ prefix: String) -> [(key: String, value: String)] {
        pairs.filter { $0.name.hasPrefix(prefix) }.map { (String($0.name.dropFirst(prefix.count)), $0.value) }
    }

    private static func decode(_ part: Substring) -> String? {
        part.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}

extension String {
    /// The text, or nil if it is empty.
    var nonEmpty: String? { isEmpty ? nil : self }
}

extension FormFields {
    /// A `multipart/form-data` body's fields: a file sent from a page is a field whose value is
    /// the file's text (UTF-8, or Windows-1252 as older spreadsheets save it). Throws for a body
    /// that is not multipart with this boundary.
    init(multipart body: ByteBuffer, boundary: String) throws {
        let parser = MultipartParser(boundary: boundary)
        var pairs: [(name: String, value: String)] = []
        var name: String?
        var value = ByteBuffer()
        parser.onHeader = { field, header in
            guard field.lowercased() == "content-disposition" else { return }
            name = header.split(separator: ";").lazy.map { $0.trimmingCharacters(in: .whitespaces) }
                .first { $0.hasPrefix("name=") }
                .map { String($0.dropFirst("name=".count)).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
        }
        parser.onBody = { chunk in value.writeBuffer(&chunk) }
        parser.onPartComplete = {
            if let name { pairs.append((name, Self.text(Array(value.readableBytesView)))) }
            name = nil
            value.clear()
        }
        try parser.execute(body)
        self.init(pairs: pairs)
    }

    /// The boundary of a `multipart/form-data` content type; nil for another type.
    static func multipartBoundary(_ contentType: String) -> String? {
        guard let type = MediaType(from: contentType), type.isType(.multipartForm), let parameter = type.parameter,
              parameter.name.lowercased() == "boundary", (1...70).contains(parameter.value.count)
        else { return nil }
        return parameter.value
    }

    private static func text(_ bytes: [UInt8]) -> String {
        String(validating: bytes, as: UTF8.self) ?? String(data: Data(bytes), encoding: .windowsCP1252) ?? ""
    }
}
