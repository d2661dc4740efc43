import ArgumentParser

/// `tuki-generate --events N --seed S`: a reproducible, realistic history of about N events for
/// a county's peer-support programmes, as JSONL envelopes that `tuki import` accepts into an empty
/// ledger. It streams: memory stays flat whatever N is.
@main
struct TukiGenerate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tuki-generate",
        abstract: "Write a reproducible programme history of about N events as JSONL envelopes (for `tuki import`).",
        discussion: """
            Projects, activities, sessions, enrolments with ESR+ entry data, attendance, FIT ratings, feedback, \
            experience-expert engagements with fees and travel, staff time and costs, in the proportions a county's \
            programmes have. The same --events and --seed give the same bytes.
            """)

    @Option(help: "About how many events (it finishes the activity under way).")
    var events = 100_000

    @Option(help: "The seed of the random choices.")
    var seed: UInt64 = 1

    func validate() throws {
        guard (1...10_000_000).contains(events) else { throw ValidationError("--events must be from 1 to 10000000.") }
    }

    func run() {
        let output = LineWriter()
        var county = CountyProgramme(seed: seed, writer: output)
        county.generate(events: events)
        output.flush()
    }
}
