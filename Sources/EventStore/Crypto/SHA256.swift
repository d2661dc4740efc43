#if canImport(CryptoKit)
@_exported import CryptoKit
#else
import COpenSSL
import Foundation

/// SHA-256 from the system's libcrypto (OpenSSL 3), with the shape of CryptoKit's `SHA256`, which
/// the code uses on Apple's systems.
public struct SHA256: @unchecked Sendable {
    public struct Digest: Sequence, Sendable, Equatable {
        let bytes: [UInt8]

        public func makeIterator() -> IndexingIterator<[UInt8]> { bytes.makeIterator() }

        public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
            try bytes.withUnsafeBytes(body)
        }
    }

    private var context = TUKI_SHA256_CTX()

    public init() {
        SHA256_Init(&context)
    }

    public mutating func update(data: some DataProtocol) {
        for region in data.regions {
            region.withUnsafeBytes { update(bufferPointer: $0) }
        }
    }

    public mutating func update(bufferPointer: UnsafeRawBufferPointer) {
        guard let base = bufferPointer.baseAddress, !bufferPointer.isEmpty else { return }
        SHA256_Update(&context, base, bufferPointer.count)
    }

    public func finalize() -> Digest {
        var context = context
        var digest = [UInt8](repeating: 0, count: 32)
        SHA256_Final(&digest, &context)
        return Digest(bytes: digest)
    }

    public static func hash(data: some DataProtocol) -> Digest {
        var hasher = SHA256()
        hasher.update(data: data)
        return hasher.finalize()
    }
}

/// AES-256-GCM, fetched from libcrypto's default provider once: fetching at each use would take a
/// lock and a look-up per value sealed.
enum OpenSSL {
    nonisolated(unsafe) static let aes256GCM: OpaquePointer? = EVP_CIPHER_fetch(nil, "AES-256-GCM", nil)
}
#endif
