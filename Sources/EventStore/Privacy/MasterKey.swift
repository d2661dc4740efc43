import Foundation

/// The key that wraps every subject's data key. It lives in a file of its own, never in the ledger
/// or the key store: 64 hex digits, readable by its owner only (0600).
public struct MasterKey {
    let key: SymmetricKey
    public let path: String

    /// `tuki.master.key` for `tuki.sqlite`: where `tuki init` puts it unless told otherwise.
    public static func defaultPath(forLedger ledgerPath: String) -> String {
        companionPath(ofLedger: ledgerPath, suffix: ".master.key")
    }

    /// Creates a new random master key file. Refuses to overwrite one.
    public static func create(at path: String) throws -> MasterKey {
        guard !FileManager.default.fileExists(atPath: path) else { throw PrivacyError.masterKeyExists(path: path) }
        let key = SymmetricKey(size: .bits256)
        let hex = key.withUnsafeBytes { bytes in bytes.map { String(format: "%02x", $0) }.joined() }
        // Created with 0600 from the start: the key is never readable by others, not even briefly.
        guard FileManager.default.createFile(
            atPath: path, contents: Data((hex + "\n").utf8), attributes: [.posixPermissions: 0o600])
        else { throw PrivacyError.noMasterKey(path: path) }
        return MasterKey(key: key, path: path)
    }

    public static func load(from path: String) throws -> MasterKey {
        guard let contents = FileManager.default.contents(atPath: path) else { throw PrivacyError.noMasterKey(path: path) }
        let hex = Array(String(decoding: contents, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines).utf8)
        guard hex.count == 64 else { throw PrivacyError.unreadableMasterKey(path: path) }
        var bytes: [UInt8] = []
        for index in stride(from: 0, to: 64, by: 2) {
            guard let byte = UInt8(String(decoding: hex[index..<(index + 2)], as: UTF8.self), radix: 16) else {
                throw PrivacyError.unreadableMasterKey(path: path)
            }
            bytes.append(byte)
        }
        return MasterKey(key: SymmetricKey(data: bytes), path: path)
    }
}
