import ArgumentParser
import EventStore
import Foundation
import Reports
import Vocabulary

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Reports built from the read models (brought up to date first).",
        subcommands: [
            SessionsReportCommand.self, CommitmentReportCommand.self, ESRReportCommand.self, BIKVAReportCommand.self, FITReportCommand.self,
            FeedbackReportCommand.self, SurveyReportCommand.self, ExpertBankReportCommand.self, FeesReportCommand.self,
            StaffTimeReportCommand.self, STEAReportCommand.self,
        ])
}

extension ReportFormat: ExpressibleByArgument {}

/// What every report takes: the ledger, the replay point and the output format.
///
/// The ledger's and the replay's options are declared here rather than as option groups within
/// this group: a debug build of ArgumentParser validates a nested group again at every level,
/// which cost each report and list some 60 ms before it began (the test suite runs hundreds).
struct ReportOptions: ParsableArguments {
    @Option(name: .long, help: LedgerOptions.Help.db) var db: String?
    @Option(name: .long, help: LedgerOptions.Help.actor) var actor: String?
    @Option(name: .long, help: LedgerOptions.Help.keyFile) var keyFile: String?
    @Option(help: ReplayOptions.Help.asOf) var asOf: String?
    @Option(help: ReplayOptions.Help.atPosition) var atPosition: Int64?

    var ledger: LedgerOptions { LedgerOptions(db: db, actor: actor, keyFile: keyFile) }
    var replay: ReplayOptions { ReplayOptions(asOf: asOf, atPosition: atPosition) }

    @Option(help: "table, md, csv, json or html (default: table on a terminal, md otherwise).")
    var format: ReportFormat?

    @Flag(help: "Verify the hash chain up to the report's head first (reports handed on always do).")
    var verify = false

    @Option(help: "fi (default) or en: the labels, and the form of numbers and dates.")
    var lang: Report.Language = .fi

    @Flag(help: "With --format csv: for programs — RFC 4180, codes, integer cents, days as 2026-02-03 — instead of the Finnish spreadsheet form for people.")
    var csvStandard = false

    @Option(help: "With --format csv: only this table (its key, as --csv-standard names its block), as a flat CSV that pandas and R read without options.")
    var table: String?

    func validate() throws {
        try replay.validate()
        if csvStandard && format != .csv { throw ValidationError("--csv-standard goes with --format csv.") }
        if table != nil && format != .csv { throw ValidationError("--table goes with --format csv.") }
    }

    /// The report asked for, from read models brought to the asked point (the chain verified
    /// first when the report requires it or `--verify` asks); nil when the ledger has nothing it
    /// could be of.
    func make(_ request: ReportRequest, suppressBelow: Int? = nil, payees: ListReports.PersonOpener? = nil) throws -> Report? {
        let prepared = try PreparedReadModels.prepare(ledger, replay, projectors: request.projectors,
                                                      verifyingChain: verify || request.verifiesChain)
        return try prepared.readModels.read { db in
            try request.make(in: db, language: lang, suppressBelow: suppressBelow, payees: payees, stamp: prepared.stamp)
        }
    }

    /// "There is no activity-x in the ledger (at that point)": why a report could not be made.
    func missing(_ what: String) -> CommandFailure {
        .usage("There is no \(what) in the ledger\(replay.isReplay ? " at that point" : "").")
    }

    func write(_ report: Report) throws {
        if let table {
            guard var text = report.csvTable(table) else {
                throw CommandFailure.usage("The report has no such table; its tables are \(report.tables.map(\.key).joined(separator: ", ")).")
            }
            var standardOutput = StandardOutput()
            text.withUTF8 { standardOutput.write($0) }
            try standardOutput.check()
            return
        }
        let dialect: CSVDialect = csvStandard ? .rfc4180 : .finnishSpreadsheet
        let format = format ?? (Terminal.standardOutputIsTerminal ? .table : .md)
        var report = report
        if format == .html { report.generatedAt = Report.generatedNow }
        var standardOutput = StandardOutput()
        var output = ReportBytes { standardOutput.write($0) }
        format.write(report, csv: dialect, into: &output)
        output.finish()
        try standardOutput.check()
    }
}

/// A calendar date as reports take it.
func validateDate(_ text: String?, _ option: String) throws {
    guard let text else { return }
    let digits = text.split(separator: "-")
    guard text.count == 10, digits.count == 3, digits.allSatisfy({ $0.allSatisfy(\.isNumber) }),
          let month = Int(digits[1]), let day = Int(digits[2]), (1...12).contains(month), (1...31).contains(day)
    else { throw ValidationError("\(option) must be a date such as 2026-03-31.") }
}
