import Foundation

/// Standard output written with `write(2)` straight from the caller's bytes.
///
/// `FileHandle.write(_:)` needs a `Data`, which copied every piece of a report once more (a
/// county-wide sessions listing is 24 MB), and it stops the process on a write error instead of
/// letting the command say what went wrong.
struct StandardOutput {
    /// The first write that failed; nothing more is written after it.
    private(set) var failure: CommandFailure?

    /// Writes all of `bytes`, however many calls it takes.
    mutating func write(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard failure == nil, var next = bytes.baseAddress else { return }
        var left = bytes.count
        while left > 0 {
            let written = Foundation.write(STDOUT_FILENO, next, left)
            if written < 0 {
                if errno == EINTR { continue }
                failure = CommandFailure(message: "Could not write to standard output: \(String(cString: strerror(errno))).", status: .storage)
                return
            }
            next += written
            left -= written
        }
    }

    /// Throws the failure, if a write failed.
    func check() throws {
        if let failure { throw failure }
    }
}
