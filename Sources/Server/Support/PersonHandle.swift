import EventStore
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
        return sealed.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// The participant a handle of this process stands for; nil for anything else.
    func participant(_ handle: String) -> String? {
        guard handle.count <= 200 else { return nil }
        var text = handle.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        text += String(repeating: "=", count: (4 - text.count % 4) % 4)
        guard let data = Data(base64Encoded: text), let box = try? AES.GCM.SealedBox(combined: data),
              let opened = try? AES.GCM.open(box, using: key, authenticating: Self.context)
        else { return nil }
        return String(data: opened, encoding: .utf8)
    }
}
