import Foundation

/// A person's personal fields, encrypted under that person's own data key (AES-256-GCM):
/// `{"sealed":"v1","subject":"p-7k2m","nonce":"…","ciphertext":"…"}` in an event's data.
///
/// The authenticated data binds the scheme and the subject, so a sealed value copied into another
/// subject's event does not open, and neither does one with a single bit changed.
public struct SealedValue: Sendable, Equatable {
    public static let scheme = "v1"

    public let subject: SubjectID
    /// 12 bytes.
    public let nonce: Data
    /// The encrypted fields followed by the 16-byte authentication tag.
    public let ciphertext: Data

    public init(subject: SubjectID, nonce: Data, ciphertext: Data) {
        self.subject = subject
        self.nonce = nonce
        self.ciphertext = ciphertext
    }

    /// Encrypts `fields` (a JSON object, stored compact) for `subject` with its data key.
    public static func seal(_ fields: JSONValue, for subject: SubjectID, using key: SymmetricKey) throws -> SealedValue {
        guard fields.isObject else { throw PrivacyError.notSealed(reason: "personal fields must be a JSON object") }
        let plaintext = Data(JSONWriter.compact(fields.canonical).utf8)
        let box = try AES.GCM.seal(plaintext, using: key, authenticating: authenticatedData(subject))
        return SealedValue(subject: subject, nonce: Data(box.nonce), ciphertext: box.ciphertext + box.tag)
    }

    /// Decrypts the fields. Fails with `cannotOpen` for a tampered value or the wrong subject's key.
    public func open(using key: SymmetricKey) throws -> JSONValue {
        do {
            guard ciphertext.count >= 16 else { throw PrivacyError.cannotOpen(subject: subject.text) }
            let box = try AES.GCM.SealedBox(
                nonce: AES.GCM.Nonce(data: nonce),
                ciphertext: ciphertext.prefix(ciphertext.count - 16),
                tag: ciphertext.suffix(16))
            let plaintext = try AES.GCM.open(box, using: key, authenticating: Self.authenticatedData(subject))
            return try JSONParser.parse(bytes: Array(plaintext))
        } catch {
            // Swift-crypto's errors differ by platform; whatever failed, the value did not open.
            throw PrivacyError.cannotOpen(subject: subject.text)
        }
    }

    private static func authenticatedData(_ subject: SubjectID) -> Data {
        Data("tuki-sealed-\(scheme)\n\(subject.text)".utf8)
    }

    // MARK: - JSON form

    public var json: JSONValue {
        .object([
            (key: "ciphertext", value: .string(ciphertext.base64EncodedString())),
            (key: "nonce", value: .string(nonce.base64EncodedString())),
            (key: "sealed", value: .string(Self.scheme)),
            (key: "subject", value: .string(subject.text)),
        ])
    }

    /// Reads a sealed value from its JSON form; nil if `value` is not an object marked `"sealed"`.
    public init?(json value: JSONValue) throws {
        guard value.isObject, let scheme = value["sealed"] else { return nil }
        guard scheme.stringValue == Self.scheme else { throw PrivacyError.notSealed(reason: "unknown scheme") }
        guard let subjectText = value["subject"]?.stringValue,
              let nonceText = value["nonce"]?.stringValue, let nonce = Data(base64Encoded: nonceText), nonce.count == 12,
              let ciphertextText = value["ciphertext"]?.stringValue, let ciphertext = Data(base64Encoded: ciphertextText)
        else { throw PrivacyError.notSealed(reason: "subject, nonce or ciphertext is missing or malformed") }
        self.init(subject: try SubjectID(subjectText), nonce: nonce, ciphertext: ciphertext)
    }

    /// Every sealed value inside `value`, with its path (`personal`, `guardian.contact`, …).
    public static func all(in value: JSONValue, path: String = "") throws -> [(path: String, sealed: SealedValue)] {
        if let sealed = try SealedValue(json: value) { return [(path, sealed)] }
        switch value {
        case let .object(members):
            return try members.flatMap { try all(in: $0.value, path: path.isEmpty ? $0.key : "\(path).\($0.key)") }
        case let .array(items):
            return try items.enumerated().flatMap { try all(in: $0.element, path: "\(path)[\($0.offset)]") }
        default:
            return []
        }
    }
}
