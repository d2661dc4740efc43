import EventStore
import Testing

@Suite struct TimestampTests {
    @Test func utcTimesRoundTripToTheSecondAndMicrosecond() throws {
        let t = try Timestamp(rfc3339: "2026-02-03T15:00:00.123456Z")
        #expect(t.recordedAtText == "2026-02-03T15:00:00.123456Z")
        #expect(t.occurredAtText == "2026-02-03T15:00:00Z")
        #expect(try Timestamp(rfc3339: "1970-01-01T00:00:00Z").microsecondsSinceEpoch == 0)
        #expect(try Timestamp(rfc3339: "2000-03-01T00:00:00Z").microsecondsSinceEpoch == 951_868_800_000_000)
    }

    @Test func offsetsAreConvertedToUTC() throws {
        #expect(try Timestamp(rfc3339: "2026-02-03T17:00:00+02:00").occurredAtText == "2026-02-03T15:00:00Z")
        #expect(try Timestamp(rfc3339: "2026-12-31T23:30:00-01:00").occurredAtText == "2027-01-01T00:30:00Z")
    }

    @Test(arguments: [
        "2026-02-30T10:00:00Z", "2025-02-29T10:00:00Z", "2026-13-01T10:00:00Z", "2026-02-03T24:00:00Z",
        "2026-02-03 15:00:00Z", "2026-02-03T15:00:00", "2026-02-03", "2026-02-03T15:00:00.Z", "yesterday",
    ])
    func invalidTimesAreRefused(_ text: String) {
        #expect(throws: Timestamp.FormatError.self) { try Timestamp(rfc3339: text) }
    }

    @Test func onlyTheYears0001To9999InUTCAreStored() throws {
        for text in ["0000-01-01T00:00:00+00:01", "0001-01-01T00:00:00+00:01", "9999-12-31T23:59:59-00:01", "0000-12-31T23:59:59Z"] {
            let error = #expect(throws: Timestamp.FormatError.self) { try Timestamp(rfc3339: text) }
            #expect(error?.reason == "is outside the years 0001–9999 in UTC" || error?.reason == "is not a calendar date", "\(text)")
        }
        #expect(try Timestamp(rfc3339: "0001-01-01T00:00:00Z").occurredAtText == "0001-01-01T00:00:00Z")
        #expect(try Timestamp(rfc3339: "9999-12-31T23:59:59Z").occurredAtText == "9999-12-31T23:59:59Z")
        #expect(try Timestamp(rfc3339: "0001-01-01T00:59:00+00:59").occurredAtText == "0001-01-01T00:00:00Z")
    }

    @Test func leapDayOfALeapYearIsAccepted() throws {
        #expect(try Timestamp(rfc3339: "2028-02-29T12:00:00Z").occurredAtText == "2028-02-29T12:00:00Z")
    }

    @Test func fixedWidthTextSortsInTimeOrder() throws {
        let times = ["2026-02-03T15:00:00.5Z", "2026-02-03T15:00:00Z", "2026-02-03T14:59:59.999999Z"]
            .map { try! Timestamp(rfc3339: $0) }
        #expect(times.sorted().map(\.recordedAtText) == times.map(\.recordedAtText).sorted())
    }
}
