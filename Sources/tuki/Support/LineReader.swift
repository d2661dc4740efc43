import Foundation

/// Reads a file (or standard input, for `-`) one line at a time with `getline(3)`, so an import of
/// millions of lines never holds more than one of them.
final class LineReader {
    private let file: UnsafeMutablePointer<FILE>
    private let closesFile: Bool
    private var buffer: UnsafeMutablePointer<CChar>?
    private var capacity = 0
    private(set) var error: String?

    init(path: String) throws {
        if path == "-" {
            guard let standardInput = fdopen(STDIN_FILENO, "r") else {
                throw CommandFailure.usage("Cannot read standard input.")
            }
            file = standardInput
            closesFile = false
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
                  let opened = fopen(path, "r")
            else {
                throw CommandFailure.usage("Cannot read the file \(path).")
            }
            file = opened
            closesFile = true
        }
    }

    /// The next line without its line feed, or nil at the end of the input.
    func next() -> [UInt8]? {
        let length = getline(&buffer, &capacity, file)
        guard length >= 0, let buffer else {
            if ferror(file) != 0 { error = String(cString: strerror(errno)) }
            return nil
        }
        var count = length
        if count > 0, buffer[count - 1] == 0x0A { count -= 1 }
        return buffer.withMemoryRebound(to: UInt8.self, capacity: count) { Array(UnsafeBufferPointer(start: $0, count: count)) }
    }

    deinit {
        free(buffer)
        if closesFile { fclose(file) }
    }
}
