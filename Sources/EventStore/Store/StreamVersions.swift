/// Each stream's last version as the verifier walks the log, found by the stream name's bytes as
/// SQLite holds them.
///
/// A table of its own rather than a `[String: Int64]`: the stream changes from one row to the next
/// in a quarter of all rows, and a dictionary keyed by String made, hashed and freed a string
/// there and copied the name to remember it (a tenth of verify's time). Here the names are
/// copied once each into one buffer, and a look-up hashes the bytes where SQLite holds them.
struct StreamVersions {
    struct Entry {
        fileprivate let nameStart: Int
        fileprivate let nameCount: Int
        fileprivate let hash: Int
        /// The stream's last version seen.
        var version: Int64
        /// For a segment that starts mid-log, the stream's version at its first event in the
        /// segment (taken as given there and checked where the segments join); nil otherwise.
        var firstVersion: Int64?
    }

    private(set) var entries: [Entry] = []
    /// Every stream's name, one after another.
    private var names: [UInt8] = []
    /// Open addressing with linear probing: an entry's index plus one, 0 for an empty slot. Its
    /// count is a power of two, at least twice the number of entries.
    private var slots: [Int] = Array(repeating: 0, count: 1_024)

    /// The index of the stream named `name`, added with version 0 if it is not there yet.
    mutating func index(adding name: UnsafeRawBufferPointer) -> (index: Int, added: Bool) {
        let hash = Self.hash(name)
        let (slot, found) = find(name, hash: hash)
        if let found { return (found, false) }
        let index = entries.count
        entries.append(Entry(nameStart: names.count, nameCount: name.count, hash: hash, version: 0))
        names.append(contentsOf: name)
        slots[slot] = index + 1
        if 2 * entries.count > slots.count { grow() }
        return (index, true)
    }

    /// The index of the stream named `name`, or nil if it has not been seen.
    func index(of name: UnsafeRawBufferPointer) -> Int? {
        find(name, hash: Self.hash(name)).index
    }

    /// The entry's index if the name is there, and the slot where the search stopped.
    private func find(_ name: UnsafeRawBufferPointer, hash: Int) -> (slot: Int, index: Int?) {
        var slot = hash & (slots.count - 1)
        while slots[slot] != 0 {
            let index = slots[slot] - 1
            if entries[index].hash == hash && self.name(at: index, equals: name) { return (slot, index) }
            slot = (slot + 1) & (slots.count - 1)
        }
        return (slot, nil)
    }

    func withName<T>(at index: Int, _ body: (UnsafeRawBufferPointer) -> T) -> T {
        let entry = entries[index]
        return names.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[entry.nameStart..<entry.nameStart + entry.nameCount])) }
    }

    func name(at index: Int) -> String {
        let entry = entries[index]
        return String(decoding: names[entry.nameStart..<entry.nameStart + entry.nameCount], as: UTF8.self)
    }

    subscript(index: Int) -> Entry {
        get { entries[index] }
        set { entries[index] = newValue }
    }

    func name(at index: Int, equals bytes: UnsafeRawBufferPointer) -> Bool {
        withName(at: index) { $0.hasSameBytes(as: bytes) }
    }

    /// Hasher is seeded afresh for each process, so a ledger cannot be written to make every name
    /// fall in one slot.
    private static func hash(_ name: UnsafeRawBufferPointer) -> Int {
        var hasher = Hasher()
        hasher.combine(bytes: name)
        return hasher.finalize()
    }

    private mutating func grow() {
        slots = Array(repeating: 0, count: 2 * slots.count)
        for (index, entry) in entries.enumerated() {
            var slot = entry.hash & (slots.count - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = index + 1
        }
    }
}
