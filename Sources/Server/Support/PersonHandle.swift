import EventStore
import ExtrasBase64
import Foundation

/// A person's page has an address without the person's id in it: the id sealed (AES-GCM) under a
/// key this server process makes when it starts and never writes anywhere. An address seen in a
/// log, a history or over a shoulder names no one and opens nothing once the server restarts; a
/// handle altered or made up does not open.
struct PersonHandles: Sendable {
    private let key = SymmetricKey(size: .bits256)
    private static let context = Data("tuki-person-handle-v1".utf8)

    /// A new handle for the participant: each one different, each one opening to them.
    func handle(for participant: String) -> String {
        let sealed = (try? AES.GCM.seal(Data(participant.utf8), using: key, authenticating: Self.context).combined) ?? Data()
        return Base64.encodeToString(bytes: sealed, options: [.base64UrlAlphabet, .omitPaddingCharacter])
    }

    /// The participant a handle of this process stands for; nil for anything else.
    func participant(_ handle: String) -> String? {
        guard handle.count <= 200 else { return nil }
        guard let data = try? Base64.decode(string: handle, options: [.base64UrlAlphabet, .omitPaddingCharacter]),
              let box = try? AES.GCM.SealedBox(combined: data),
              let opened = try? AES.GCM.open(box, using: key, authenticating: Self.context)
        else { return nil }
        return String(data: opened, encoding: .utf8)
    }
}
