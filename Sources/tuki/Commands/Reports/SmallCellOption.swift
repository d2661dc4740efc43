import ArgumentParser

/// `--suppress-below K`, which every report of counts of people takes.
struct SmallCellOption: ParsableArguments {
    @Option(help: ArgumentHelp("Hide counts of people below K as \"<K\", for reports shared beyond the funder.", valueName: "K"))
    var suppressBelow: Int?

    func validate() throws {
        if let suppressBelow, suppressBelow < 2 { throw ValidationError("--suppress-below must be at least 2.") }
    }
}
