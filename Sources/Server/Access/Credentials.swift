import EventStore
import Foundation
import HummingbirdBcrypt

/// The users' password hashes, in a file beside the ledger (`tuki.users.json` beside
/// `tuki.sqlite`), never in the ledger: a hash is a secret, and the ledger is exported to
/// auditors. Who holds which role is in the ledger (`user.role-granted`); this file says only
/// how each user proves who they are.
///
/// The file is JSON, readable by its owner only (0600), and replaced whole on each change (a new
/// file renamed over the old), so a reader never sees half of it. `tuki user add` writes it and a
/// running server reads it at every sign-in, so a user added while the server runs can sign in.
public struct Credentials: Codable, Sendable, Equatable {
    public struct Entry: Codable, Sendable, Equatable {
        /// bcrypt, with its cost and salt inside.
        public var passwordHash: String
        /// A one-time password: it lets the user in once, only to choose their own.
        public var mustChangePassword: Bool
        public var changedAt: String
        /// The second factor, once the user has enrolled one.
        public var secondFactor: SecondFactor?
    }

    /// A user's authenticator: the TOTP secret they share with their app, and the recovery codes
    /// printed for them at enrolment, of which only hashes are kept.
    public struct SecondFactor: Codable, Sendable, Equatable {
        /// RFC 4648 base32, as the authenticator app was given it.
        public var secret: String
        /// SHA-256 (hex) of each recovery code not used yet; a used one is removed.
        public var recoveryCodes: [String]
        /// The last time step whose code was taken: each code signs in once.
        public var lastStep: Int64?

        public init(secret: String, recoveryCodes: [String], lastStep: Int64?) {
            self.secret = secret
            self.recoveryCodes = recoveryCodes
            self.lastStep = lastStep
        }
    }

    public var users: [String: Entry] = [:]

    public init() {}

    public static func defaultPath(forLedger ledgerPath: String) -> String {
        companionPath(ofLedger: ledgerPath, suffix: ".users.json")
    }

    /// The file's users; none if there is no file yet.
    public static func load(from path: String) throws -> Credentials {
        guard FileManager.default.fileExists(atPath: path) else { return Credentials() }
        do {
            return try JSONDecoder().decode(Credentials.self, from: try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw CredentialsError.unreadable(path: path)
        }
    }

    public func save(to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let temporary = path + ".new"
        try? FileManager.default.removeItem(atPath: temporary)
        guard FileManager.default.createFile(atPath: temporary, contents: try encoder.encode(self), attributes: [.posixPermissions: 0o600]),
              rename(temporary, path) == 0
        else { throw CredentialsError.unwritable(path: path) }
    }

    /// bcrypt's work factor: 12 unless `TUKI_BCRYPT_COST` says otherwise (the tests use the
    /// minimum, 4, so that signing in many times stays quick).
    public static var cost: UInt8 {
        let asked = ProcessInfo.processInfo.environment["TUKI_BCRYPT_COST"].flatMap { UInt8($0) } ?? 12
        return min(max(asked, 4), 31)
    }

    /// Sets a one-time password for the user and returns it: it works once, to choose their own.
    public mutating func issueOneTimePassword(for user: String) -> String {
        let password = Self.randomPassword()
        users[user] = Entry(passwordHash: Bcrypt.hash(password, cost: Self.cost), mustChangePassword: true,
                            changedAt: Timestamp.now().occurredAtText, secondFactor: users[user]?.secondFactor)
        return password
    }

    public mutating func setPassword(_ password: String, for user: String) {
        users[user] = Entry(passwordHash: Bcrypt.hash(password, cost: Self.cost), mustChangePassword: false,
                            changedAt: Timestamp.now().occurredAtText, secondFactor: users[user]?.secondFactor)
    }

    /// The one-time password has signed in once: it never does again. The user has the session
    /// it opened to choose their own; if that is lost, `tuki user add` issues a new one.
    public mutating func spendOneTimePassword(of user: String) {
        guard users[user]?.mustChangePassword == true else { return }
        users[user]?.passwordHash = Self.spent
    }

    /// The user's entry if `password` is theirs. Unknown users (and spent one-time passwords) cost
    /// as much time as known ones, so that timing does not tell which names exist.
    public func verify(_ user: String, password: String) -> Entry? {
        guard let entry = users[user], entry.passwordHash != Self.spent else {
            _ = Bcrypt.verify(password, hash: Self.decoyHash)
            return nil
        }
        return Bcrypt.verify(password, hash: entry.passwordHash) ? entry : nil
    }

    /// Stands where a spent one-time password's hash was: no password's bcrypt hash is this.
    static let spent = "spent"

    /// Enrols the authenticator with this secret, whose code of `step` the user has just typed;
    /// returns the recovery codes, which are shown once and kept only as hashes.
    public mutating func enrolSecondFactor(secret: String, confirmedAt step: Int64?, for user: String) -> [String] {
        let codes = (0..<10).map { _ in Self.recoveryCode() }
        users[user]?.secondFactor = SecondFactor(secret: secret, recoveryCodes: codes.map(Self.recoveryHash), lastStep: step)
        return codes
    }

    /// Whether `given` is the user's code now (each code once) or one of their recovery codes
    /// (which it then uses up).
    public mutating func useSecondFactor(_ given: String, of user: String, at time: Date = Date()) -> Bool {
        guard let factor = users[user]?.secondFactor, let generator = OneTimeCode(base32: factor.secret) else { return false }
        if let step = generator.matchingStep(given, at: time) {
            guard step > (factor.lastStep ?? .min) else { return false }
            users[user]?.secondFactor?.lastStep = step
            return true
        }
        let hash = Self.recoveryHash(given)
        guard let index = factor.recoveryCodes.firstIndex(of: hash) else { return false }
        users[user]?.secondFactor?.recoveryCodes.remove(at: index)
        return true
    }

    /// Removes the user's second factor (`tuki user reset-2fa`): they enrol again at their next
    /// sign-in. Returns false if they had none.
    public mutating func resetSecondFactor(of user: String) -> Bool {
        guard users[user]?.secondFactor != nil else { return false }
        users[user]?.secondFactor = nil
        return true
    }

    /// Ten lower-case letters and digits without look-alikes, in two groups of five (50 bits;
    /// each works once, and sign-in limits hold for them as for passwords).
    static func recoveryCode() -> String {
        let alphabet = Array("abcdefghijkmnpqrstuvwxyz23456789")
        var generator = SystemRandomNumberGenerator()
        let letters = String((0..<10).map { _ in alphabet[Int(generator.next(upperBound: UInt64(alphabet.count)))] })
        return "\(letters.prefix(5))-\(letters.suffix(5))"
    }

    /// A recovery code's hash as the file keeps it (letters and digits only, in lower case).
    public static func recoveryHash(_ code: String) -> String {
        let normalised = code.lowercased().filter { $0.isLetter || $0.isNumber }
        return SHA256.hash(data: Array(normalised.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// A chosen password's bounds: long enough to resist guessing (NIST SP 800-63B asks for at
    /// least 8; a ledger of children's data asks for more), and within bcrypt's 72 bytes.
    public static let shortestPassword = 12
    public static let longestPasswordBytes = 72

    private static let decoyHash = Bcrypt.hash("decoy", cost: cost)

    /// 16 characters from an alphabet without look-alikes (about 80 bits).
    static func randomPassword() -> String {
        let alphabet = Array("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<16).map { _ in alphabet[Int(generator.next(upperBound: UInt64(alphabet.count)))] })
    }
}

public enum CredentialsError: Error, CustomStringConvertible {
    case unreadable(path: String)
    case unwritable(path: String)

    public var description: String {
        switch self {
        case let .unreadable(path): "The users file \(path) could not be read as Tuki's users file."
        case let .unwritable(path): "The users file \(path) could not be written."
        }
    }
}
