import Testing

@testable import EventStore

/// verify's table of stream versions, keyed by a name's bytes: every name keeps its own entry
/// through the table's growth, and a name is never mistaken for another that shares its start.
@Suite struct StreamVersionsTests {
    private func withBytes<T>(_ name: String, _ body: (UnsafeRawBufferPointer) -> T) -> T {
        var name = name
        return name.withUTF8 { body(UnsafeRawBufferPointer($0)) }
    }

    @Test func everyNameKeepsItsVersionThroughGrowth() {
        var streams = StreamVersions()
        // Names that share starts and lengths, far more than the first 1,024 slots hold.
        let names = (0..<5_000).map { "session-\($0)" } + ["s", "se", "session-", ""]
        for (number, name) in names.enumerated() {
            let (index, added) = withBytes(name) { streams.index(adding: $0) }
            #expect(added, "\(name)")
            #expect(index == number)
            streams[index].version = Int64(number) + 1
        }
        for (number, name) in names.enumerated() {
            let (index, added) = withBytes(name) { streams.index(adding: $0) }
            #expect(!added, "\(name)")
            #expect(index == number)
            #expect(streams[index].version == Int64(number) + 1)
            #expect(streams.name(at: index) == name)
            #expect(withBytes(name) { streams.index(of: $0) } == number)
            #expect(withBytes(name) { streams.name(at: index, equals: $0) })
        }
        #expect(streams.entries.count == names.count)
        #expect(withBytes("session-5000") { streams.index(of: $0) } == nil)
        #expect(withBytes("session-1") { streams.name(at: 0, equals: $0) } == false)
    }
}
