#if !canImport(CryptoKit)
import COpenSSL
import Foundation

/// A 256-bit key, with the shape of CryptoKit's `SymmetricKey`.
public struct SymmetricKey: Sendable {
    public struct Size: Sendable {
        let bytes: Int
        public static let bits256 = Size(bytes: 32)
    }

    let bytes: [UInt8]

    /// A new random key, from the system's cryptographic random source.
    public init(size: Size) {
        var generator = SystemRandomNumberGenerator()
        bytes = (0..<size.bytes).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }

    public init(data: some ContiguousBytes) {
        bytes = data.withUnsafeBytes { Array($0) }
    }

    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try bytes.withUnsafeBytes(body)
    }
}

/// AES-256-GCM from the system's libcrypto (OpenSSL 3), with the shape of CryptoKit's `AES.GCM`:
/// a 12-byte random nonce, a 16-byte tag, and `combined` = nonce ‖ ciphertext ‖ tag.
public enum AES {
    public enum GCM {
        public struct Nonce: Sequence, Sendable {
            let bytes: [UInt8]

            public init() {
                var generator = SystemRandomNumberGenerator()
                bytes = (0..<12).map { _ in UInt8.random(in: 0...255, using: &generator) }
            }

            public init(data: some DataProtocol) throws {
                guard data.count == 12 else { throw CryptoError.invalidParameter }
                bytes = Array(data)
            }

            public func makeIterator() -> IndexingIterator<[UInt8]> { bytes.makeIterator() }
        }

        public struct SealedBox: Sendable {
            public let nonce: Nonce
            public let ciphertext: Data
            public let tag: Data

            public init(nonce: Nonce, ciphertext: some DataProtocol, tag: some DataProtocol) throws {
                guard tag.count == 16 else { throw CryptoError.invalidParameter }
                self.nonce = nonce
                self.ciphertext = Data(ciphertext)
                self.tag = Data(tag)
            }

            public init(combined: some DataProtocol) throws {
                let bytes = Array(combined)
                guard bytes.count >= 28 else { throw CryptoError.invalidParameter }
                try self.init(nonce: try Nonce(data: bytes[0..<12]), ciphertext: bytes[12..<(bytes.count - 16)],
                              tag: bytes[(bytes.count - 16)...])
            }

            public var combined: Data? { Data(nonce.bytes) + ciphertext + tag }
        }

        public static func seal(_ message: some DataProtocol, using key: SymmetricKey, nonce: Nonce = Nonce(),
                                authenticating authenticatedData: some DataProtocol = Data()) throws -> SealedBox {
            let plaintext = Array(message)
            let aad = Array(authenticatedData)
            var output = [UInt8](repeating: 0, count: plaintext.count + 16)
            var tag = [UInt8](repeating: 0, count: 16)
            try withContext { context in
                var length: Int32 = 0
                try check(EVP_EncryptInit_ex(context, OpenSSL.aes256GCM, nil, nil, nil))
                try check(EVP_CIPHER_CTX_ctrl(context, TUKI_EVP_CTRL_GCM_SET_IVLEN, 12, nil))
                try key.checked.withUnsafeBufferPointer { key in
                    try nonce.bytes.withUnsafeBufferPointer { iv in try check(EVP_EncryptInit_ex(context, nil, nil, key.baseAddress, iv.baseAddress)) }
                }
                if !aad.isEmpty { try check(EVP_EncryptUpdate(context, nil, &length, aad, Int32(aad.count))) }
                try check(EVP_EncryptUpdate(context, &output, &length, plaintext, Int32(plaintext.count)))
                var final: Int32 = 0
                try output.withUnsafeMutableBufferPointer { buffer in
                    try check(EVP_EncryptFinal_ex(context, buffer.baseAddress.map { $0 + Int(length) }, &final))
                }
                try check(EVP_CIPHER_CTX_ctrl(context, TUKI_EVP_CTRL_GCM_GET_TAG, 16, &tag))
                output.removeLast(output.count - Int(length + final))
            }
            return try SealedBox(nonce: nonce, ciphertext: output, tag: tag)
        }

        /// The plaintext, if the key, the nonce and the authenticated data are those it was sealed
        /// with and nothing was altered; throws `CryptoError.authenticationFailure` otherwise.
        public static func open(_ box: SealedBox, using key: SymmetricKey,
                                authenticating authenticatedData: some DataProtocol = Data()) throws -> Data {
            let ciphertext = Array(box.ciphertext)
            let aad = Array(authenticatedData)
            var tag = Array(box.tag)
            var output = [UInt8](repeating: 0, count: ciphertext.count + 16)
            var opened = false
            try withContext { context in
                var length: Int32 = 0
                try check(EVP_DecryptInit_ex(context, OpenSSL.aes256GCM, nil, nil, nil))
                try check(EVP_CIPHER_CTX_ctrl(context, TUKI_EVP_CTRL_GCM_SET_IVLEN, 12, nil))
                try key.checked.withUnsafeBufferPointer { key in
                    try box.nonce.bytes.withUnsafeBufferPointer { iv in try check(EVP_DecryptInit_ex(context, nil, nil, key.baseAddress, iv.baseAddress)) }
                }
                if !aad.isEmpty { try check(EVP_DecryptUpdate(context, nil, &length, aad, Int32(aad.count))) }
                try check(EVP_DecryptUpdate(context, &output, &length, ciphertext, Int32(ciphertext.count)))
                try check(EVP_CIPHER_CTX_ctrl(context, TUKI_EVP_CTRL_GCM_SET_TAG, 16, &tag))
                var final: Int32 = 0
                opened = output.withUnsafeMutableBufferPointer { buffer in
                    EVP_DecryptFinal_ex(context, buffer.baseAddress.map { $0 + Int(length) }, &final) == 1
                }
                output.removeLast(output.count - Int(length + final))
            }
            guard opened else { throw CryptoError.authenticationFailure }
            return Data(output)
        }

        private static func withContext(_ body: (OpaquePointer) throws -> Void) throws {
            guard let context = EVP_CIPHER_CTX_new() else { throw CryptoError.libcrypto }
            defer { EVP_CIPHER_CTX_free(context) }
            try body(context)
        }

        private static func check(_ result: Int32) throws {
            guard result == 1 else { throw CryptoError.libcrypto }
        }
    }
}

public enum CryptoError: Error, Sendable {
    case invalidParameter
    case authenticationFailure
    /// libcrypto refused a call (it could not allocate, or lacks AES-256-GCM).
    case libcrypto
}

extension SymmetricKey {
    /// The key's bytes, if it is a 256-bit key (AES-256).
    fileprivate var checked: [UInt8] {
        get throws {
            guard bytes.count == 32 else { throw CryptoError.invalidParameter }
            return bytes
        }
    }
}
#endif
