import ArgumentParser
import EventStore
import Foundation
import Ledger

struct EngagementCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "engagement", abstract: "Record experience experts' engagements.",
        subcommands: [EngagementAgree.self, EngagementComplete.self, EngagementCancel.self])
}

struct EngagementAgree: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "agree", abstract: "Agree a piece of work with an expert; prints the engagement id.")
    @OptionGroup var ledger: LedgerOptions
    @Option(help: "The expert's participant id.") var expert: String
    @Option(help: "The project's id.") var project: String
    @Option(help: "The activity's id, if any.") var activity: String?
    @Option(help: "The kind of work.") var kind: EngagementAgreed.Kind
    @Option(help: "The day, YYYY-MM-DD (default: today).") var date: String?
    @Option(parsing: .unconditional, help: "Planned hours.") var hours: String
    @Option(parsing: .unconditional, help: "The agreed fee in euros, e.g. 90 or 90.50.") var fee: String
    @Option(help: "In person or remote.") var mode: EngagementAgreed.Mode = .inPerson

    func run() throws {
        let recorded = try Recorder(ledger: ledger).record(AgreeEngagement(
            expert: expert, project: project, activity: activity, kind: kind, date: date, plannedHours: try number(hours, field: "hours"),
            agreedFeeCents: try Euros.cents(fee, field: "fee"), mode: mode))
        Recorder.announce(recorded.id, "Agreed engagement \(recorded.id) with \(expert).")
    }
}

struct EngagementComplete: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "complete", abstract: "Record that the work was done.")
    @OptionGroup var ledger: LedgerOptions
    @Argument(help: "The engagement's id.") var engagement: String
    @Option(help: "The day, YYYY-MM-DD (default: today).") var date: String?
    @Option(parsing: .unconditional, help: "Hours worked.") var hours: String

    func run() throws {
        try Recorder(ledger: ledger).record(CompleteEngagement(engagement: engagement, date: date, hours: try number(hours, field: "hours")))
        let feePaid = try Self.hasFeePaid(engagement, in: ledger.openStore())
        Recorder.announce(engagement, "Engagement \(engagement) completed" + (feePaid ? "; its fee is paid." : ": pay its fee with `tuki pay fee \(engagement)`."))
    }

    /// Whether the engagement's stream holds a fee payment that no void there takes back.
    static func hasFeePaid(_ engagement: String, in store: EventStore) throws -> Bool {
        try store.read { try !StandingEvents.read("engagement-\(engagement)", types: ["fee.paid"], in: $0).standing.isEmpty }
    }
}

struct EngagementCancel: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "cancel", abstract: "Record that the work will not be done.")
    @OptionGroup var ledger: LedgerOptions
    @Argument(help: "The engagement's id.") var engagement: String
    @Option(help: "The day, YYYY-MM-DD (default: today).") var date: String?
    @Option(help: "Why (no personal data).") var reason: String?

    func run() throws {
        try Recorder(ledger: ledger).record(CancelEngagement(engagement: engagement, date: date, reason: reason))
        Recorder.announce(engagement, "Engagement \(engagement) cancelled.")
    }
}

struct Pay: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pay",
        abstract: "Record payments to experience experts.", subcommands: [PayFeeCommand.self, PayTravelCommand.self, PayPerDiemCommand.self])
}

struct PayFeeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fee", abstract: "Record the fee paid for a completed engagement (once; void it to correct it).")
    @OptionGroup var ledger: LedgerOptions
    @Argument(help: "The engagement's id.") var engagement: String
    @Option(parsing: .unconditional, help: "The amount in euros, e.g. 90 or 90.50.") var amount: String
    @Option(help: "The day paid, YYYY-MM-DD (default: today).") var date: String?
    @Option(help: "Why the amount differs from the agreed fee (needed when it does).") var reason: String?

    func run() throws {
        let cents = try Euros.cents(amount, field: "amount")
        try Recorder(ledger: ledger).record(PayFee(engagement: engagement, amountCents: cents, date: date, reason: reason))
        Recorder.announce(engagement, "Recorded a fee of \(Euros.text(cents)) for \(engagement).")
    }
}

struct PayTravelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "travel", abstract: "Record travel costs reimbursed: kilometres at the allowance in force, or ticket costs.",
        discussion: """
            --km pays the kilometre allowance in force on the day of the trip (the day the work was \
            done), from the table \
            Rates/kilometre-allowance.csv (the Tax Administration's yearly decisions). --rate pays \
            another rate, and needs --reason.
            """)
    @OptionGroup var ledger: LedgerOptions
    @Argument(help: "The engagement's id.") var engagement: String
    @Option(parsing: .unconditional, help: "Kilometres driven.") var km: String?
    @Option(parsing: .unconditional, help: "A rate in euros per km other than the allowance in force, e.g. 0.45 (needs --reason).") var rate: String?
    @Option(help: "Why --rate is not the allowance in force (no personal data).") var reason: String?
    @Option(parsing: .unconditional, help: "Ticket costs in euros.") var tickets: String?
    @Option(help: "The day paid, YYYY-MM-DD (default: today).") var date: String?

    func validate() throws {
        guard (km != nil) != (tickets != nil) else { throw ValidationError("Give either --km or --tickets.") }
        if rate != nil && km == nil { throw ValidationError("--rate goes with --km.") }
        if (rate == nil) != (reason == nil) { throw ValidationError("--rate needs --reason, and --reason goes with --rate.") }
    }

    func run() throws {
        let trip: PayTravel.Trip
        if let km {
            _ = try number(km, field: "km")
            guard let distance = DecimalNumber(km) else { throw CommandFailure.usage("--km is more than any trip; give the kilometres driven.") }
            trip = .kilometres(distance, rate: try paymentRate(rate, reason, field: "rate"))
        } else {
            trip = .tickets(cents: try Euros.cents(tickets ?? "", field: "tickets"))
        }
        let recorded = try Recorder(ledger: ledger).record(PayTravel(engagement: engagement, trip: trip, date: date))
        if let taken = recorded.rateTaken { Terminal.printError("Kilometre allowance on \(taken.day): \(Euros.text(taken.cents)) per km.") }
        Recorder.announce(engagement, "Recorded travel of \(Euros.text(amount(recorded))) for \(engagement).")
    }
}

struct PayPerDiemCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "per-diem", abstract: "Record a per diem (päiväraha) paid for an engagement done in person.",
        discussion: """
            Pays the full-day or part-day rate in force on the day of the trip (the day the work was \
            done), from the table Rates/per-diem.csv (the Tax Administration's yearly decisions). \
            --rate pays another rate, and needs --reason; the part above the tax-free rate is \
            taxable, and the fees report shows it apart.
            """)
    @OptionGroup var ledger: LedgerOptions
    @Argument(help: "The engagement's id.") var engagement: String
    @Option(help: "full-day (over 10 hours away) or part-day (over 6 hours).") var kind: PerDiemPaid.Kind
    @Option(help: "How many days (default: 1).") var days: Int = 1
    @Option(parsing: .unconditional, help: "A rate in euros per day other than the one in force, e.g. 30 (needs --reason).") var rate: String?
    @Option(help: "Why --rate is not the rate in force (no personal data).") var reason: String?
    @Option(help: "The day paid, YYYY-MM-DD (default: today).") var date: String?

    func validate() throws {
        guard (1...366).contains(days) else { throw ValidationError("--days must be from 1 to 366.") }
        if (rate == nil) != (reason == nil) { throw ValidationError("--rate needs --reason, and --reason goes with --rate.") }
    }

    func run() throws {
        let recorded = try Recorder(ledger: ledger).record(PayPerDiem(
            engagement: engagement, kind: kind, days: days, rate: try paymentRate(rate, reason, field: "rate"), date: date))
        if let taken = recorded.rateTaken { Terminal.printError("Per diem (\(kind.rawValue)) on \(taken.day): \(Euros.text(taken.cents)) a day.") }
        Recorder.announce(engagement, "Recorded a per diem of \(Euros.text(amount(recorded))) for \(engagement).")
    }
}

/// The rate in force, or the one given with its reason.
private func paymentRate(_ rate: String?, _ reason: String?, field: String) throws -> PaymentRate {
    guard let rate else { return .inForce }
    return .other(cents: try Euros.cents(rate, field: field), reason: reason ?? "")
}

/// The amount a payment recorded.
private func amount(_ recorded: CommandRunner.Recorded) -> Int {
    Int(recorded.data.first?["amountCents"]?.integerValue ?? 0)
}
