import Samples
import EventStore
import Foundation
import Testing

/// Damaged input, made from valid generated events one line at a time with a fixed seed: each
/// import is refused with one short line, the ledger's head does not move, and the reports still
/// run. `Tools/fuzz-import ROUNDS [SEED]` runs it longer, with other seeds.
@Suite struct FuzzCLITests {
    /// 60 rounds and one seed in `swift test` (the test run has five minutes); `TUKI_FUZZ_ROUNDS`
    /// and `TUKI_FUZZ_SEED` for longer runs (`Tools/fuzz-import`).
    static let rounds = ProcessInfo.processInfo.environment["TUKI_FUZZ_ROUNDS"].flatMap(Int.init) ?? 60
    static let seed = ProcessInfo.processInfo.environment["TUKI_FUZZ_SEED"].flatMap(UInt64.init) ?? 20_261_201

    typealias Random = SeededRandom

    /// One way of damaging a valid import line; every one leaves a line the ledger must refuse.
    static func mutate(_ line: String, _ kind: Int, _ random: inout Random, recorded: [String]) -> [UInt8] {
        var bytes = Array(line.utf8)
        switch kind {
        case 0:  // cut short anywhere: never a whole JSON object
            return Array(bytes.prefix(1 + random.below(bytes.count - 1)))
        case 1:  // a byte that can stand nowhere in UTF-8
            bytes[random.below(bytes.count)] = [0xFF, 0xFE, 0xC0, 0xF8][random.below(4)]
            return bytes
        default:
            return Array(mutateText(line, kind, &random, recorded: recorded).utf8)
        }
    }

    static func mutateText(_ line: String, _ kind: Int, _ random: inout Random, recorded: [String]) -> String {
        switch kind {
        case 2:  // the first number of the data at an extreme
            let extreme = ["9223372036854775807", "-1", "1e400", "18446744073709551616", "-9223372036854775809"][random.below(5)]
            guard let range = line.range(of: #"(?<="data":\{)(.*?)(-?[0-9]+(\.[0-9]+)?)(?=[,}])"#, options: .regularExpression),
                  let number = line[range].range(of: #"-?[0-9]+(\.[0-9]+)?$"#, options: .regularExpression)
            else { return line.replacingOccurrences(of: "\"data\":{", with: "\"data\":{\"bonusCents\":\(extreme),") }
            var mutated = line
            mutated.replaceSubrange(number, with: extreme)
            return mutated
        case 3:  // nested far too deep
            let depth = 100_000
            return line.replacingOccurrences(of: "\"data\":{", with: "\"data\":{\"x\":" + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + ",")
        case 4:  // a member no schema has
            return line.replacingOccurrences(of: "\"data\":{", with: "\"data\":{\"Aino Virtanen\":{\"phone\":\"040 123\"},")
        case 5:  // a reference to nobody
            return line.replacingOccurrences(of: #""participant":"p-[a-z0-9]+""#, with: #""participant":"p-nobody""#, options: .regularExpression)
                .replacingOccurrences(of: #""project":"project-[a-z0-9-]+""#, with: #""project":"project-nowhere""#, options: .regularExpression)
                .replacingOccurrences(of: #""engagement":"e-[a-z0-9-]+""#, with: #""engagement":"e-nowhere""#, options: .regularExpression)
                .replacingOccurrences(of: #""activity":"activity-[a-z0-9-]+""#, with: #""activity":"activity-nowhere""#, options: .regularExpression)
        case 6:  // an id the ledger holds, with other content
            let id = recorded[random.below(recorded.count)]
            return line.replacingOccurrences(of: #""eventId":"[0-9a-f-]+""#, with: #""eventId":"\#(id)""#, options: .regularExpression)
        case 7:  // a record only the system writes
            return line.replacingOccurrences(of: #""type":"[a-z.-]+""#, with: #""type":"access.logged""#, options: .regularExpression)
        case 8:  // a time outside the years the ledger stores
            let time = ["0000-01-01T00:00:00+00:01", "9999-12-31T23:59:59-00:01", "2026-02-30T10:00:00Z", "2026-13-01T00:00:00Z"][random.below(4)]
            return line.replacingOccurrences(of: #""occurredAt":"[^"]+""#, with: #""occurredAt":"\#(time)""#, options: .regularExpression)
        default:  // a member of the wrong type
            return line.replacingOccurrences(of: #""stream":"[^"]+""#, with: #""stream":["a",1]"#, options: .regularExpression)
        }
    }

    @Test func damagedLinesAreRefusedAndTheLedgerAndItsReportsStandFirm() throws {
        let ws = try Workspace()
        let generated = try ws.generate(["--events", "400", "--seed", "7"])
        let lines = generated.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count >= 400)
        try ws.tuki(["init"])
        try ws.write("history.jsonl", lines.prefix(300).joined(separator: "\n"))
        #expect(try ws.tuki(["import", "history.jsonl"]).status == 0)
        let head = try ws.tuki(["verify"]).stdout
        let recorded = lines.prefix(300).compactMap { (try? JSONParser.parse($0))?["eventId"]?.stringValue }
        let material = Array(lines.dropFirst(300))

        var random = Random(seed: Self.seed)
        var statuses: [Int32: Int] = [:]
        for round in 0..<Self.rounds {
            let kind = round % 10
            let line = Self.mutate(material[random.below(material.count)], kind, &random, recorded: recorded)
            try Data(line).write(to: URL(fileURLWithPath: ws.path("damaged.jsonl")))
            let result = try ws.tuki(["import", "damaged.jsonl"])
            statuses[result.status, default: 0] += 1
            #expect([2, 3, 4].contains(result.status), "mutation \(kind): exit \(result.status) \(result.stderr.prefix(200))")
            #expect(result.stderr.split(separator: "\n").count == 1 && result.stderr.count <= 400,
                    "mutation \(kind): \(result.stderr.prefix(400))")
            #expect(!result.stderr.contains("Virtanen") && !result.stderr.contains("040 123"))
        }
        #expect(try ws.tuki(["verify"]).stdout == head, "the head moved")
        for report in [["report", "sessions"], ["report", "esr", "--project", "project-county-1", "--period", "2013-01-01..2023-12-31"],
                       ["projections", "status"], ["export"], ["log"]] {
            let result = try ws.tuki(report + ["--format", "json"].filter { _ in report.first == "report" })
            #expect(result.status == 0, "\(report): \(result.stderr)")
        }
        #expect(statuses[3, default: 0] > Self.rounds / 2, "\(statuses)")
        print("fuzz-import: \(Self.rounds) damaged lines, seed \(Self.seed), exit statuses \(statuses.sorted { $0.key < $1.key })")
    }
}
