import ArgumentParser

struct ProjectionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "projections",
        abstract: "Build the read models that reports read (docs/projections.md).",
        subcommands: [ProjectionsUpdate.self, ProjectionsRebuild.self, ProjectionsStatus.self])
}
