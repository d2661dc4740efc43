import ArgumentParser

/// `--suppress-below K`, which every report of counts of people takes.
struct SmallCellOption: ParsableArguments {
    @Option(help: ArgumentHelp("Hide counts of people below K as \"<K\", for reports shared beyond the funder.", valueName: "K"))
    var suppressBelow: Int?

    func validate() throws {
        if let suppressBelow, suppressBelow < 2 { throw ValidationError("--suppress-below must be at least 2.") }
    }
}

/// `--period FROM..TO`, both days included: the payment period of a funder's report, or the span
/// of a working-time report.
struct PeriodOption: ParsableArguments {
    @Option(help: ArgumentHelp("The period, both days included, e.g. 2026-01-01..2026-06-30.", valueName: "FROM..TO"))
    var period: String

    var from: String { dates?.from ?? "" }
    var to: String { dates?.to ?? "" }

    private var dates: (from: String, to: String)? {
        let parts = period.components(separatedBy: "..")
        return parts.count == 2 ? (parts[0], parts[1]) : nil
    }

    func validate() throws {
        guard let dates else { throw ValidationError("--period must be FROM..TO, e.g. 2026-01-01..2026-06-30.") }
        try validateDate(dates.from, "--period's first date")
        try validateDate(dates.to, "--period's last date")
        if dates.from > dates.to { throw ValidationError("--period must not end before it starts.") }
    }
}
