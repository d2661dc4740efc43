/// Why personal data could not be sealed, opened or erased. Each description is one plain sentence
/// that names subjects and paths only, never personal data.
public enum PrivacyError: Error, Sendable, Equatable, CustomStringConvertible {
    case noMasterKey(path: String)
    case unreadableMasterKey(path: String)
    case wrongMasterKey(path: String)
    case masterKeyExists(path: String)
    case noKeyStore(path: String)
    case notAKeyStore(path: String)
    case erased(subject: String)
    case noPersonalData(subject: String)
    case noKeyForSealedData(subject: String)
    case notSealed(reason: String)
    case cannotOpen(subject: String)
    case cannotOpenNameIndex

    public var description: String {
        switch self {
        case let .noMasterKey(path):
            return "There is no master key file at \(path)."
        case let .unreadableMasterKey(path):
            return "The master key file \(path) does not hold a Tuki master key (64 hex digits)."
        case let .wrongMasterKey(path):
            return "The master key in \(path) does not open this ledger's key store; is it the right key file?"
        case let .masterKeyExists(path):
            return "A master key file already exists at \(path); Tuki will not overwrite it."
        case let .notAKeyStore(path):
            return "The file at \(path) is not a Tuki key store."
        case let .noKeyStore(path):
            return "There is no key store at \(path); restore it from its backup (docs/privacy.md)."
        case let .erased(subject):
            return "The personal data of subject \(subject) was erased."
        case let .noKeyForSealedData(subject):
            return "Personal data of subject \(subject) is sealed in the ledger, but this key store has no key for it: use the key store the ledger was recorded with (docs/privacy.md, Backups)."
        case let .noPersonalData(subject):
            return "No personal data is sealed for subject \(subject)."
        case let .notSealed(reason):
            return "The value is not a sealed value: \(reason)."
        case .cannotOpenNameIndex:
            return "The key store's name index key does not open under this master key: the key store was altered."
        case let .cannotOpen(subject):
            return "A sealed value of subject \(subject) does not open: it was altered, or it was sealed for another subject."
        }
    }
}
