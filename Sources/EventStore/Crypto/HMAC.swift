#if canImport(CryptoKit)
import CryptoKit
#else
import COpenSSL
#endif

/// HMAC (RFC 2104) from the system's libcrypto, as CryptoKit's `HMAC` on Apple's systems. SHA-1
/// is here for RFC 6238's one-time codes only, where HMAC-SHA1 is still sound; the ledger hashes
/// with SHA-256.
public enum KeyedHash {
    public static func sha1(key: [UInt8], message: [UInt8]) -> [UInt8] {
        #if canImport(CryptoKit)
        Array(HMAC<Insecure.SHA1>.authenticationCode(for: message, using: SymmetricKey(data: key)))
        #else
        digest(EVP_sha1(), length: 20, key: key, message: message)
        #endif
    }

    public static func sha256(key: [UInt8], message: [UInt8]) -> [UInt8] {
        #if canImport(CryptoKit)
        Array(HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: key)))
        #else
        digest(EVP_sha256(), length: 32, key: key, message: message)
        #endif
    }

    #if !canImport(CryptoKit)
    private static func digest(_ function: OpaquePointer?, length: Int, key: [UInt8], message: [UInt8]) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: length)
        var written: UInt32 = 0
        _ = key.withUnsafeBytes { key in
            message.withUnsafeBufferPointer { message in
                HMAC(function, key.baseAddress, Int32(key.count), message.baseAddress, message.count, &output, &written)
            }
        }
        return Array(output.prefix(Int(written)))
    }
    #endif
}
