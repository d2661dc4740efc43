import Foundation
import NIOPosix

/// The server's door to the users file (`Credentials`): each check or change reads the file as it
/// is now (so `tuki user add` takes effect at once) and each change writes it whole, one at a time,
/// so that two requests never lose each other's change. bcrypt runs on NIO's thread pool, off the
/// request threads.
final class UserAccounts: Sendable {
    let path: String
    private let lock = NSLock()

    init(path: String) {
        self.path = path
    }

    /// The user's entry if the password is theirs. A one-time password is spent by the sign-in
    /// it lets through: of two sign-ins with it at once, one gets in.
    func signIn(_ user: String, password: String) async throws -> Credentials.Entry? {
        guard let entry = try await verify(password, of: user) else { return nil }
        if entry.mustChangePassword {
            let spentNow = try await change { credentials in
                guard credentials.users[user]?.passwordHash == entry.passwordHash else { return false }
                credentials.spendOneTimePassword(of: user)
                return true
            }
            guard spentNow else { return nil }
        }
        return entry
    }

    /// The user's entry if the password is theirs, changing nothing. bcrypt runs outside the
    /// file's lock, so that sign-ins of several users are checked side by side.
    func verify(_ password: String, of user: String) async throws -> Credentials.Entry? {
        let path = path
        return try await NIOThreadPool.singleton.runIfActive {
            try Credentials.load(from: path).verify(user, password: password)
        }
    }

    func entry(of user: String) async throws -> Credentials.Entry? {
        let path = path
        return try await NIOThreadPool.singleton.runIfActive { try Credentials.load(from: path).users[user] }
    }

    func setPassword(_ password: String, of user: String) async throws {
        try await change { $0.setPassword(password, for: user) }
    }

    func enrolSecondFactor(secret: String, confirmedAt step: Int64, of user: String) async throws -> [String] {
        try await change { $0.enrolSecondFactor(secret: secret, confirmedAt: step, for: user) }
    }

    func useSecondFactor(_ code: String, of user: String) async throws -> Bool {
        try await change { $0.useSecondFactor(code, of: user) }
    }

    /// Reads the file, lets `body` change it, and writes it back if anything changed.
    private func change<T: Sendable>(_ body: @escaping @Sendable (inout Credentials) -> T) async throws -> T {
        let path = path
        let lock = lock
        return try await NIOThreadPool.singleton.runIfActive {
            try lock.withLock {
                var credentials = try Credentials.load(from: path)
                let before = credentials
                let result = body(&credentials)
                if credentials != before { try credentials.save(to: path) }
                return result
            }
        }
    }
}
