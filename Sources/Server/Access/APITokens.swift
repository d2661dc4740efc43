import ExtrasBase64
import Foundation

/// The API's bearer tokens: random, kept in memory only, for eight hours. A token is not a cookie,
/// so a browser never sends one on its own, and the API needs no CSRF token.
actor APITokens {
    struct Token: Sendable {
        let user: String
        let expires: ContinuousClock.Instant
        let generation: Int
        /// Issued after a second factor's code (required for roles that see names).
        let usedSecondFactor: Bool
    }

    private var tokens: [String: Token] = [:]
    static let lifetime: Duration = .seconds(8 * 3600)

    func issue(for user: String, generation: Int, usedSecondFactor: Bool) -> String {
        let now = ContinuousClock.now
        tokens = tokens.filter { $0.value.expires > now }
        let token = RandomToken.make()
        tokens[token] = Token(user: user, expires: now + Self.lifetime, generation: generation, usedSecondFactor: usedSecondFactor)
        return token
    }

    func token(_ text: String) -> Token? {
        guard let token = tokens[text], token.expires > .now else { return nil }
        return token
    }
}

enum RandomToken {
    /// 32 random bytes as URL-safe base64 (256 bits).
    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return Base64.encodeToString(bytes: bytes, options: [.base64UrlAlphabet, .omitPaddingCharacter])
    }
}
