import EventStore
import Foundation
import Testing

/// The cryptography the ledger stands on — SHA-256 for the hash chain, AES-256-GCM for sealed
/// personal data — gives the published test vectors, and a sealed box opens only unaltered.
@Suite struct CryptoTests {
    static func bytes(_ hex: String) -> [UInt8] {
        var bytes: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            bytes.append(UInt8(hex[index..<next], radix: 16) ?? 0)
            index = next
        }
        return bytes
    }

    static func hex(_ bytes: some Sequence<UInt8>) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

    @Test func sha256OfTheFIPSExamples() {
        #expect(Self.hex(SHA256.hash(data: Data("abc".utf8))) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(Self.hex(SHA256.hash(data: Data())) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        var hasher = SHA256()
        hasher.update(data: Data("abcdbcdecdefdefgefghfghighijhijk".utf8))
        hasher.update(data: Data("ijkljklmklmnlmnomnopnopq".utf8))
        #expect(Self.hex(hasher.finalize()) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    /// The GCM specification's test case 16 (AES-256, 96-bit IV, with authenticated data).
    static let key = SymmetricKey(data: bytes("feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308"))
    static let nonce = bytes("cafebabefacedbaddecaf888")
    static let plaintext = bytes("d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39")
    static let authenticated = bytes("feedfacedeadbeeffeedfacedeadbeefabaddad2")
    static let ciphertext = "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662"
    static let tag = "76fc6ece0f4e1768cddf8853bb2d551b"

    /// RFC 2202's test cases 1 and 2 (HMAC-SHA1) and RFC 4231's 1 and 2 (HMAC-SHA-256).
    @Test func hmacOfTheRFCsTestCases() {
        let key = [UInt8](repeating: 0x0b, count: 20)
        #expect(Self.hex(KeyedHash.sha1(key: key, message: Array("Hi There".utf8))) == "b617318655057264e28bc0b6fb378c8ef146be00")
        #expect(Self.hex(KeyedHash.sha1(key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8)))
            == "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79")
        #expect(Self.hex(KeyedHash.sha256(key: key, message: Array("Hi There".utf8)))
            == "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7")
        #expect(Self.hex(KeyedHash.sha256(key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8)))
            == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    @Test func aes256GCMOfTheSpecificationsTestCase() throws {
        let box = try AES.GCM.seal(Self.plaintext, using: Self.key, nonce: try AES.GCM.Nonce(data: Self.nonce), authenticating: Self.authenticated)
        #expect(Self.hex(box.ciphertext) == Self.ciphertext)
        #expect(Self.hex(box.tag) == Self.tag)
        #expect(Self.hex(try #require(box.combined)) == Self.hex(Self.nonce) + Self.ciphertext + Self.tag)
        let opened = try AES.GCM.open(AES.GCM.SealedBox(combined: try #require(box.combined)), using: Self.key, authenticating: Self.authenticated)
        #expect(Array(opened) == Self.plaintext)
    }

    @Test func aSealedBoxOpensOnlyUnalteredWithItsKeyAndData() throws {
        let box = try AES.GCM.seal(Data("Aino Esimerkki".utf8), using: Self.key, authenticating: Data("p-7k2m".utf8))
        var combined = Array(try #require(box.combined))
        #expect(try AES.GCM.open(AES.GCM.SealedBox(combined: combined), using: Self.key, authenticating: Data("p-7k2m".utf8)) == Data("Aino Esimerkki".utf8))
        #expect(throws: (any Error).self) { try AES.GCM.open(box, using: Self.key, authenticating: Data("p-9x4d".utf8)) }
        #expect(throws: (any Error).self) { try AES.GCM.open(box, using: SymmetricKey(size: .bits256), authenticating: Data("p-7k2m".utf8)) }
        combined[14] ^= 1
        #expect(throws: (any Error).self) {
            try AES.GCM.open(AES.GCM.SealedBox(combined: combined), using: Self.key, authenticating: Data("p-7k2m".utf8))
        }
        // Two seals of the same text differ: each has a fresh random nonce.
        let again = try AES.GCM.seal(Data("Aino Esimerkki".utf8), using: Self.key, authenticating: Data("p-7k2m".utf8))
        #expect(again.combined != box.combined)
    }
}
