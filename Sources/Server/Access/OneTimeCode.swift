import EventStore
import ExtrasBase64
import Foundation

/// The second factor's codes: TOTP (RFC 6238) with the parameters every authenticator app
/// assumes — HMAC-SHA1, six digits, a 30-second step — from a 160-bit secret shared once, at
/// enrolment, as an `otpauth://` address (RFC 4648 base32).
struct OneTimeCode: Sendable {
    static let digits = 6
    static let step: Int64 = 30
    /// A code of the step before or after is taken too: a phone's clock may be a little off, and
    /// a code typed in its last seconds arrives in the next step.
    static let drift: Int64 = 1

    let secret: [UInt8]

    /// A new random secret.
    static func generate() -> OneTimeCode {
        var generator = SystemRandomNumberGenerator()
        return OneTimeCode(secret: (0..<20).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }

    init(secret: [UInt8]) {
        self.secret = secret
    }

    init?(base32 text: String) {
        guard let bytes = try? Base32.decode(string: text), !bytes.isEmpty else { return nil }
        self.init(secret: bytes)
    }

    var base32: String { Base32.encodeToString(bytes: secret, options: .omitPaddingCharacter) }

    /// The code of the step that holds `time` (RFC 4226's HOTP of the step's number).
    func code(at time: Date) -> String {
        code(step: Self.stepNumber(time))
    }

    func code(step: Int64) -> String {
        let counter = (0..<8).map { UInt8(truncatingIfNeeded: UInt64(bitPattern: step) >> (56 - 8 * UInt64($0))) }
        let mac = KeyedHash.sha1(key: secret, message: counter)
        guard let last = mac.last, mac.count == 20 else { return "" }
        let offset = Int(last & 0x0f)
        let value = (UInt32(mac[offset] & 0x7f) << 24) | (UInt32(mac[offset + 1]) << 16) | (UInt32(mac[offset + 2]) << 8) | UInt32(mac[offset + 3])
        let code = String(value % 1_000_000)
        return String(repeating: "0", count: Self.digits - code.count) + code
    }

    /// The step whose code `given` is, within the drift around `time`; nil if it is none's.
    func matchingStep(_ given: String, at time: Date) -> Int64? {
        let given = given.filter { !$0.isWhitespace }
        guard given.count == Self.digits, given.allSatisfy(\.isASCII), given.allSatisfy(\.isNumber) else { return nil }
        let now = Self.stepNumber(time)
        return (now - Self.drift...now + Self.drift).first { step in
            constantTimeEqual(Array(code(step: step).utf8), Array(given.utf8))
        }
    }

    static func stepNumber(_ time: Date) -> Int64 {
        Int64(time.timeIntervalSince1970.rounded(.down)) / step
    }

    /// What an authenticator app reads (as a QR code, or typed in): the issuer, the user's name,
    /// the secret.
    func address(user: String) -> String {
        let label = "Tuki:\(user)".addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: ":"))) ?? "Tuki"
        return "otpauth://totp/\(label)?secret=\(base32)&issuer=Tuki&algorithm=SHA1&digits=\(Self.digits)&period=\(Self.step)"
    }
}
