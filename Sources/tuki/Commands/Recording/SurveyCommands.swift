import ArgumentParser
import EventStore
import Ledger
import Foundation

struct SurveyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "survey", abstract: "Record anonymous answers to a staff or expert survey.",
        discussion: """
            An answer carries no respondent id: the survey's report compares waves (baseline, \
            mid-term, final) as groups. Items stand in clear, so they are the survey's wording, never \
            a respondent's.
            """,
        subcommands: [SurveyAnswer.self, SurveyImport.self])
}

/// What every answer of a wave shares.
struct SurveyWaveOptions: ParsableArguments {
    @Option(help: "The project's id (project-…).") var project: String
    @Option(help: "The survey's wave.") var wave: SurveyAnswered.Wave
    @Option(help: "The respondents' group (default: staff).") var group: SurveyAnswered.RespondentGroup?
    @Option(help: "The lowest and highest score, e.g. 1..5 or 0..10.") var scale: String

    /// (min, max) from "1..5".
    func bounds() throws -> (Int, Int) {
        let parts = scale.components(separatedBy: "..")
        guard parts.count == 2, let low = Int(parts[0]), let high = Int(parts[1]) else {
            throw CommandFailure.usage("--scale must be two whole numbers such as 1..5.")
        }
        return (low, high)
    }

    func answer(survey: String, group: SurveyAnswered.RespondentGroup?, date: String?, scores: [(item: String, score: Int)]) throws -> AnswerSurvey {
        let (low, high) = try bounds()
        return AnswerSurvey(survey: survey, project: project, wave: wave, respondentGroup: group ?? self.group ?? .staff,
                            scale: .init(min: low, max: high), answers: scores.map { .init(item: $0.item, score: $0.score) }, date: date)
    }
}

struct SurveyAnswer: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "answer", abstract: "Record one respondent's answer; prints the event's id.")
    @OptionGroup var ledger: LedgerOptions
    @OptionGroup var waveOptions: SurveyWaveOptions
    @Argument(help: "The survey's id, e.g. staff-2026 (lower-case letters, digits, -).") var survey: String
    @Option(name: .customLong("score"), help: ArgumentHelp("An item and its score, ITEM=SCORE; once per item.", valueName: "item=score"))
    var scores: [String] = []
    @Option(help: "The day of the answer, YYYY-MM-DD (default: today).") var date: String?

    func run() throws {
        let pairs = try scores.map { text -> (item: String, score: Int) in
            guard let equals = text.lastIndex(of: "="), let score = Int(String(text[text.index(after: equals)...]).trimmed) else {
                throw CommandFailure.usage("Each --score is an item and a whole number, ITEM=SCORE.")
            }
            return (String(text[..<equals]).trimmed, score)
        }
        guard !pairs.isEmpty else { throw CommandFailure.usage("Give at least one --score ITEM=SCORE.") }
        let recorded = try Recorder(ledger: ledger).record(try waveOptions.answer(survey: survey, group: nil, date: date, scores: pairs))
        Recorder.announce(recorded.eventIds[0], "Recorded an answer to survey \(survey) (\(waveOptions.wave.rawValue)) scoring \(counted(pairs.count, "item")).")
    }
}

struct SurveyImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Record every answer of a wave from the CSV a survey tool exports; prints the events' ids.",
        discussion: """
            A header row names the columns; each other row is one respondent. A column named date \
            (päivä, timestamp, aikaleima) gives the row's day (YYYY-MM-DD or 3.2.2026, a time after it \
            is ignored), one named group (ryhmä, vastaajaryhmä) its respondent group; every other \
            column is an item, its cells whole numbers on the scale, empty where not answered. Leave \
            out columns that are not items (a respondent number, an e-mail) with --ignore-column. \
            All the rows are recorded, or none.
            """)
    @OptionGroup var ledger: LedgerOptions
    @OptionGroup var waveOptions: SurveyWaveOptions
    @Argument(help: ArgumentHelp("The CSV file (commas or semicolons).", valueName: "path")) var file: String
    @Option(help: "The survey's id, e.g. staff-2026.") var survey: String
    @Option(help: "The day of rows without a date column, YYYY-MM-DD (default: today).") var date: String?
    @Option(name: .customLong("ignore-column"), help: ArgumentHelp("A column that is not an item; repeat for more.", valueName: "header"))
    var ignoredColumns: [String] = []

    static let largestFile = 8 << 20
    static let dateNames: Set<String> = ["date", "päivä", "päivämäärä", "timestamp", "aikaleima"]
    static let groupNames: Set<String> = ["group", "ryhmä", "respondent group", "vastaajaryhmä"]

    func run() throws {
        let text: String
        do { text = try TextFile.read(path: file, largest: Self.largestFile) } catch {
            throw CommandFailure.usage(error.message(for: "survey file", largerThan: "split it by wave"))
        }
        guard let rows = CSVRecords.parse(text) else { throw CommandFailure.usage("The survey file ends inside a quoted field.") }
        guard let header = rows.first, rows.count > 1 else { throw CommandFailure.usage("The survey file holds no answer under a header row.") }
        let names = header.map { $0.trimmed }
        let ignored = Set(ignoredColumns.map { $0.trimmed.lowercased() })
        let dateColumn = names.firstIndex { Self.dateNames.contains($0.lowercased()) }
        let groupColumn = names.firstIndex { Self.groupNames.contains($0.lowercased()) }
        let itemColumns = names.indices.filter { $0 != dateColumn && $0 != groupColumn && !ignored.contains(names[$0].lowercased()) }
        guard !itemColumns.isEmpty else { throw CommandFailure.usage("The survey file has no item column.") }
        if let empty = itemColumns.first(where: { names[$0].isEmpty }) {
            throw CommandFailure.usage("Column \(empty + 1) of the survey file has no header; name it or leave it out with --ignore-column.")
        }
        let answers = try rows.dropFirst().enumerated().map { offset, row -> AnswerSurvey in
            let line = offset + 2
            func cell(_ column: Int) -> String { column < row.count ? row[column].trimmed : "" }
            var scores: [(item: String, score: Int)] = []
            for column in itemColumns where !cell(column).isEmpty {
                guard let score = Int(cell(column)) else {
                    throw CommandFailure.usage("Row \(line), column \(column + 1) of the survey file is not a whole number; leave a column that is not an item out with --ignore-column.")
                }
                scores.append((names[column], score))
            }
            guard !scores.isEmpty else { throw CommandFailure.usage("Row \(line) of the survey file scores no item.") }
            let day = try dateColumn.map { try Self.day(cell($0), row: line) } ?? date
            let groupText = groupColumn.map(cell).flatMap { $0.isEmpty ? nil : $0.lowercased() }
            let group = try groupText.map { text in
                guard let group = SurveyAnswered.RespondentGroup(rawValue: text) else {
                    throw CommandFailure.usage("Row \(line) of the survey file names a group that is not \(SurveyAnswered.RespondentGroup.allValueStrings.joined(separator: ", ")).")
                }
                return group
            }
            return try waveOptions.answer(survey: survey, group: group, date: day, scores: scores)
        }
        let ids = try Recorder(ledger: ledger).record(RecordingBatch(answers)) { "the answer on row \($0 + 2)" }.eventIds
        ids.forEach { print($0) }
        Terminal.printError("Recorded \(counted(ids.count, "answer")) to survey \(survey) (\(waveOptions.wave.rawValue)).")
    }

    /// "2026-03-02", "2026-03-02T10:15", "2.3.2026" or "2.3.2026 10:15" → 2026-03-02.
    static func day(_ text: String, row: Int) throws -> String {
        let day = text.prefix { $0 != " " && $0 != "T" }
        if day.count == 10, day.dropFirst(4).first == "-" { return String(day) }
        let parts = day.split(separator: ".")
        if parts.count == 3, let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]), y >= 1000 {
            return String(format: "%04d-%02d-%02d", y, m, d)
        }
        throw CommandFailure.usage("Row \(row) of the survey file has a date that is not YYYY-MM-DD or D.M.YYYY.")
    }
}
