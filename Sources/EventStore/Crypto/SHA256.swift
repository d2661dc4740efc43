#if canImport(CryptoKit)
@_exported import CryptoKit
#else
import COpenSSL
import Foundation

/// SHA-256 from the system's libcrypto (OpenSSL 3), with the shape of CryptoKit's `SHA256`, which
/// the code uses on Apple's systems: the bytes are gathered, then hashed in one call.
public struct SHA256: Sendable {
    public struct Digest: Sequence, Sendable, Equatable {
        let bytes: [UInt8]

        public func makeIterator() -> IndexingIterator<[UInt8]> { bytes.makeIterator() }

        public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
            try bytes.withUnsafeBytes(body)
        }
    }

    private var message: [UInt8] = []

    public init() {}

    public mutating func update(data: some DataProtocol) {
        message.append(contentsOf: data)
    }

    public mutating func update(bufferPointer: UnsafeRawBufferPointer) {
        message.append(contentsOf: bufferPointer)
    }

    public func finalize() -> Digest {
        var digest = [UInt8](repeating: 0, count: 32)
        var size: UInt32 = 0
        let done = message.withUnsafeBytes { bytes in
            EVP_Digest(bytes.baseAddress, bytes.count, &digest, &size, OpenSSL.sha256, nil)
        }
        // libcrypto fails here only if it cannot allocate: there is no digest to go on with.
        guard done == 1, size == 32 else { fatalError("libcrypto could not compute a SHA-256 digest") }
        return Digest(bytes: digest)
    }

    public static func hash(data: some DataProtocol) -> Digest {
        var hasher = SHA256()
        hasher.update(data: data)
        return hasher.finalize()
    }
}

/// The algorithms, fetched from libcrypto's default provider once: fetching at each use would
/// take a lock and a look-up per event hashed.
enum OpenSSL {
    nonisolated(unsafe) static let sha256: OpaquePointer? = EVP_MD_fetch(nil, "SHA256", nil)
    nonisolated(unsafe) static let aes256GCM: OpaquePointer? = EVP_CIPHER_fetch(nil, "AES-256-GCM", nil)
}
#endif
