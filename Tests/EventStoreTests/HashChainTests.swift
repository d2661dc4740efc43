import EventStore
import Testing

@Suite struct HashChainTests {
    /// The worked example of docs/ledger-format.md, as a known answer: if this fails, either the
    /// code or the document no longer describes the contract.
    @Test func theDocumentedWorkedExampleHashesAsDocumented() {
        let hash = HashChain.hash(
            prevHash: "d0980c64886dbbb2c5a810acfd1364729bca1180a69dc699394afb20dfd47446",
            position: 2,
            eventId: "00000000-0000-4000-8000-000000000002",
            stream: "activity-tahka-forssa-2026",
            streamVersion: 1,
            type: "activity.created",
            schemaVersion: 1,
            occurredAt: "2026-01-12T09:00:00Z",
            recordedAt: "2026-11-22T18:32:34.047001Z",
            data: #"{"kind":"closed-peer-group","municipality":"Forssa","name":"Tähkä-ryhmä Forssa","plannedSessions":8,"project":"project-tukidemo-2026","targetGroup":"parents-of-placed-children"}"#,
            meta: #"{"actor":"tuki-demo"}"#)
        #expect(hash == "1ef890ce27176b044e8475fa4424d482dc426ba9d118b19bdb830433b2c589b1")
    }

    @Test func everyFieldIsCoveredByTheHash() {
        func hash(position: Int64 = 1, stream: String = "a", data: String = "{}", meta: String = "{}", recordedAt: String = "r") -> String {
            HashChain.hash(
                prevHash: HashChain.genesisHash, position: position, eventId: "e", stream: stream, streamVersion: 1,
                type: "t.t", schemaVersion: 1, occurredAt: "o", recordedAt: recordedAt, data: data, meta: meta)
        }
        let base = hash()
        #expect(Set([base, hash(position: 2), hash(stream: "b"), hash(data: "{ }"), hash(meta: #"{"a":1}"#), hash(recordedAt: "s")]).count == 6)
        // The line feed separator keeps field boundaries: moving a character across one changes the hash.
        #expect(hash(stream: "a", data: "{}") != hash(stream: "a\n", data: "{}"))
    }
}
