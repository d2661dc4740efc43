import Samples
import ArgumentParser
import EventStore
import Foundation
import Ledger
import Projections
import Server
import Vocabulary

struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Create ./tuki-demo.sqlite (with its key store and master key) from scratch with a sample programme, and show what it holds.")

    @Option(help: "Who is recorded as the actor of the sample events.")
    var actor = "tuki-demo"

    /// Fixed on purpose: the demo deletes its earlier files, so it must never be pointed at a real ledger.
    private var db: String { "./tuki-demo.sqlite" }
    private var files: LedgerPaths { LedgerPaths(ledger: db) }
    private var keyStorePath: String { files.keyStore }
    private var masterKeyPath: String { files.masterKey }
    private var readModelPath: String { files.readModels }

    func run() throws {
        try removeEarlierDemo()
        let store = try EventStore.create(at: db)
        _ = try KeyStore.create(at: keyStorePath, masterKey: try MasterKey.create(at: masterKeyPath))
        let personalData = PersonalData(store: store, keyStorePath: keyStorePath, masterKeyPath: masterKeyPath)
        let sample = try SampleProgramme.events(actor: actor) { fields, subject in
            try personalData.seal(fields, for: subject).json
        }
        // Through the same validated path as every other recording.
        try store.appendValidated(sample)
        let firstParticipant = try SubjectID(SampleProgramme.participants[0])
        let revelation = try personalData.reveal(firstParticipant, actor: actor, purpose: "esimerkki: yhteystiedon tarkistus")
        let forgotten = try SubjectID(SampleProgramme.erasedOnRequest)
        _ = try personalData.erase(forgotten, actor: actor, reason: "henkilö pyysi tietojensa poistamista")

        var types: [String: Int] = [:]
        try store.read { reader in
            try reader.events().forEach { types[$0.type, default: 0] += 1 }
        }
        print("Esimerkkiloki \(db) on luotu: kuvitteellinen ESR+-hanke Kanta-Hämeessä.\n")
        let engine = try ProjectionEngine(store: store, readModels: try ReadModelDatabase.open(at: readModelPath))
        try engine.update()
        print("Toiminnat (lukumalleista \(readModelPath)):")
        for line in try Self.activitySummary(engine.readModels) { print("  " + line) }
        print("\nArviointi (tuki report bikva, fit, feedback, survey):")
        for line in try Self.evaluationSummary(engine.readModels) { print("  " + line) }
        print("\nKirjaukset lajeittain:")
        let width = types.keys.map(\.count).max() ?? 0
        for (type, count) in types.sorted(by: { $0.key < $1.key }) {
            print("  " + type + String(repeating: " ", count: width - type.count) + "  \(count)")
        }
        print("\nOsallistujien nimet on salattu (\(keyStorePath), pääavain \(masterKeyPath)).")
        print("Henkilön \(firstParticipant) tietojen avaaminen kirjattiin kohtaan \(revelation.accessPosition): katso `tuki access-log \(firstParticipant) --db \(db)`.")
        print("\(forgotten) pyysi tietojensa poistamista: avain on tuhottu, nimeä ei voi enää lukea, ja ketju on ehjä.")
        guard case let .intact(count, head) = try store.verify() else {
            throw CommandFailure(message: "The demo ledger failed its own verification.", status: .verificationFailed)
        }
        print("\nverify: ok \(counted(Int(count), "event")), head \(head.position) \(head.hash)")
        var credentials = Credentials()
        print("\nTiimin palvelin: tuki serve --db \(db), sitten kirjaudu osoitteessa http://127.0.0.1:8080/ (kukin salasana toimii kerran; koordinaattori ja tarkastaja ottavat sen jälkeen käyttöön todennussovelluksen):")
        for (user, role) in SampleProgramme.users {
            print("  \(user) (\(Catalogue.value(role)?.fi ?? role)): \(credentials.issueOneTimePassword(for: user))")
        }
        try credentials.save(to: files.credentials)
        print("\nKokeile: tuki report sessions --db \(db)   ·   tuki report commitment --activity \(SampleProgramme.cohortStream) --db \(db)")
        print("         tuki report esr --project \(SampleProgramme.projectStream) --period 2026-01-01..2026-06-30 --db \(db) --format html > esr.html")
        print("         tuki report bikva --evaluation tukidemo-2026 --db \(db) --format html > bikva.html")
        print("         tuki report fit --activity \(SampleProgramme.activityStream) --db \(db)   ·   tuki report survey --survey staff-2026 --db \(db)")
        print("         tuki log --db \(db)   ·   tuki verify --db \(db)   ·   tuki reveal p-9x4d --purpose test --db \(db)")
    }

    /// The demo always starts from scratch; it removes only its own files and SQLite's companions.
    private func removeEarlierDemo() throws {
        let files = [db, keyStorePath, readModelPath].flatMap { [$0, $0 + "-wal", $0 + "-shm"] } + [masterKeyPath, files.credentials]
        for file in files where FileManager.default.fileExists(atPath: file) {
            try FileManager.default.removeItem(atPath: file)
        }
    }

    /// One line from each evaluation report, from the same read models.
    static func evaluationSummary(_ readModels: ReadModelDatabase) throws -> [String] {
        try readModels.read { db in
            var lines: [String] = []
            if let bikva = try BIKVAReadModel.figures(of: "tukidemo-2026", in: db) {
                let entries = bikva.themes.flatMap(\.entries).filter { !($0.agreedChange ?? "").isEmpty }
                let done = entries.filter { $0.followUps.last?.status == "done" }.count
                lines.append("BIKVA tukidemo-2026: vaiheita \(bikva.stages.count)/4, teemoja \(bikva.themes.count), "
                    + "sovittuja muutoksia \(entries.count), niistä toteutettu \(done)")
            }
            if let fit = try FITReadModel.figures(of: SampleProgramme.activityStream, in: db) {
                let summary = fit.summary
                lines.append("FIT \(fit.name): arvioituja \(summary.rated), parantunut \(summary.improved), ei luotettavaa muutosta \(summary.noReliableChange), "
                    + "heikentynyt \(summary.deteriorated); seurattavia yhteistyöarvioita \(fit.alerts.count)")
            }
            if let feedback = try FeedbackReadModel.figures(.project(SampleProgramme.projectStream), in: db), feedback.answers > 0 {
                let mean = Double(feedback.ratingSum) / Double(feedback.answers)
                lines.append("Asiakaspalaute: palautteita \(feedback.answers), arvosanojen keskiarvo \(String(format: "%.2f", mean).replacingOccurrences(of: ".", with: ",")) / 5")
            }
            if let survey = try SurveyReadModel.figures(of: "staff-2026", in: db), let item = survey.items.first,
               let first = item.waves.first, let last = item.waves.last, first.answers > 0, last.answers > 0 {
                let mean = { (wave: SurveyReadModel.ItemWave) in
                    String(format: "%.2f", Double(wave.sum) / Double(wave.answers)).replacingOccurrences(of: ".", with: ",")
                }
                let wave = { (code: String) in Catalogue.value(code)?.fi ?? code }
                lines.append("Henkilöstökysely staff-2026: \"\(item.item)\" keskiarvo \(mean(first)) (\(wave(first.wave))) → \(mean(last)) (\(wave(last.wave)))")
            }
            return lines
        }
    }

    /// Per activity, from the read models: its kind, the sessions held, still scheduled and
    /// cancelled, the people reached, and who signed up, started and finished, with the
    /// commitment rate (attendances ÷ (started × sessions held)).
    static func activitySummary(_ readModels: ReadModelDatabase) throws -> [String] {
        try readModels.read { db in
            try SessionsReadModel.overview(.init(), in: db).activities.map { activity in
                let kind = Catalogue.value(activity.kind)?.fi ?? activity.kind
                var line = "\(activity.name) (\(kind)): pidettyjä kokoontumisia \(activity.held)"
                if activity.stillScheduled > 0 { line += ", vielä tulossa \(activity.stillScheduled)" }
                if activity.cancelled > 0 { line += ", peruttuja \(activity.cancelled)" }
                if let headcount = activity.headcount { line += ", tavoitettuja \(headcount)" }
                guard let cohort = try CommitmentReadModel.figures(of: activity.activity, in: db)?.commitment, cohort.started > 0 else {
                    return line
                }
                let finished = activity.kind == "training-cohort" ? "valmistui \(cohort.graduated)" : "päättyi suunnitellusti \(cohort.endedOtherwise)"
                let rate = cohort.rate.percentText.map { "\($0.replacingOccurrences(of: ".", with: ",")) %" } ?? "–"
                return line + "; ilmoittautui \(cohort.signedUp), aloitti \(cohort.started), \(finished); "
                    + "sitoutuminen \(cohort.attendances) / (\(cohort.started) × \(cohort.sessionsHeld)) = \(rate)"
            }
        }
    }
}
