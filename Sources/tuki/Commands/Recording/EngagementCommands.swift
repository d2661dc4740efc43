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
    @Option(help: "The kind of work (docs/events.md lists them).") var kind: String
    @Option(help: "The day, YYYY-MM-DD (default: today).") var date: String?
    @Option(parsing: .unconditional, help: "Planned hours.") var hours: String
    @Option(parsing: .unconditional, help: "The agreed fee in euros, e.g. 90 or 90.50.") var fee: String
    @Option(help: "in-person or remote.") var mode = "in-person"

    func run() throws {
        let recorder = Recorder(ledger: ledger)
        let id = try recorder.newIdentifier(prefix: "e") { "engagement-\($0)" }
        let day = date ?? Recorder.today()
        try recorder.record([.init(stream: "engagement-\(id)", type: "engagement.agreed", data: object([
            ("engagement", id.json), ("expert", expert.json), ("project", project.json), ("activity", activity?.json),
            ("kind", kind.json), ("date", day.json), ("plannedHours", try decimal(hours, field: "hours")),
            ("agreedFeeCents", try Euros.cents(fee, field: "fee").json), ("mode", mode.json),
        ]), occurredAt: Recorder.day(day))])
        Recorder.announce(id, "Agreed engagement \(id) with \(expert).")
    }
}

struct EngagementComplete: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "complete", abstract: "Record that the work was done.")
    @OptionGroup var ledger: LedgerOptions
    @Argument(help: "The engagement's id.") var engagement: String
    @Option(help: "The day, YYYY-MM-DD (default: today).") var date: String?
    @Option(parsing: .unconditional, help: "Hours worked.") var hours: String

    func run() throws {
        let day = date ?? Recorder.today()
        try Recorder(ledger: ledger).record([.init(stream: "engagement-\(engagement)", type: "engagement.completed", data: object([
            ("engagement", engagement.json), ("date", day.json), ("hours", try decimal(hours, field: "hours")),
        ]), occurredAt: Recorder.day(day))])
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
        let day = date ?? Recorder.today()
        try Recorder(ledger: ledger).record([.init(stream: "engagement-\(engagement)", type: "engagement.cancelled", data: object([
            ("engagement", engagement.json), ("date", day.json), ("reason", reason?.json),
        ]), occurredAt: Recorder.day(day))])
        Recorder.announce(engagement, "Engagement \(engagement) cancelled.")
    }
}

struct Pay: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pay",
        abstract: "Record payments to experience experts.", subcommands: [PayFee.self, PayTravel.self, PayPerDiem.self])
}

struct PayFee: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fee", abstract: "Record the fee paid for a completed engagement (once; void it to correct it).")
    @OptionGroup var ledger: LedgerOptions
    @Argument(help: "The engagement's id.") var engagement: String
    @Option(parsing: .unconditional, help: "The amount in euros, e.g. 90 or 90.50.") var amount: String
    @Option(help: "The day paid, YYYY-MM-DD (default: today).") var date: String?
    @Option(help: "Why the amount differs from the agreed fee (needed when it does).") var reason: String?

    func run() throws {
        let day = date ?? Recorder.today()
        let cents = try Euros.cents(amount, field: "amount")
        try Recorder(ledger: ledger).record([.init(stream: "engagement-\(engagement)", type: "fee.paid", data: object([
            ("engagement", engagement.json), ("date", day.json), ("amountCents", cents.json), ("reason", reason?.json),
        ]), occurredAt: Recorder.day(day))])
        Recorder.announce(engagement, "Recorded a fee of \(Euros.text(cents)) for \(engagement).")
    }
}

struct PayTravel: ParsableCommand {
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
        let day = date ?? Recorder.today()
        var members: [(String, JSONValue?)] = [("engagement", engagement.json), ("date", day.json)]
        let cents: Int
        if let km {
            let kilometres = try decimal(km, field: "km")
            let centsPerKm = try rate.map { try Euros.cents($0, field: "rate") } ?? allowanceInForce()
            guard let distance = DecimalNumber(km), let amount = KilometreAllowance.cents(kilometres: distance, centsPerKm: centsPerKm)
            else { throw CommandFailure.usage("--km is more than any trip; give the kilometres driven.") }
            cents = amount
            members += [("kilometres", kilometres), ("centsPerKm", centsPerKm.json), ("rateReason", reason?.json)]
        } else {
            cents = try Euros.cents(tickets ?? "", field: "tickets")
            members += [("ticketCents", cents.json)]
        }
        members.append(("amountCents", cents.json))
        try Recorder(ledger: ledger).record([.init(stream: "engagement-\(engagement)", type: "travel.reimbursed", data: object(members), occurredAt: Recorder.day(day))])
        Recorder.announce(engagement, "Recorded travel of \(Euros.text(cents)) for \(engagement).")
    }

    /// The allowance in force on the day of the trip: the day the work was done.
    private func allowanceInForce() throws -> Int {
        let workDay = try tripDay(of: engagement, ledger)
        guard let allowance = KilometreAllowance.rate(on: workDay) else { throw noRate(in: "kilometre-allowance.csv", workDay) }
        Terminal.printError("Kilometre allowance on \(workDay): \(Euros.text(allowance.centsPerKm)) per km.")
        return allowance.centsPerKm
    }
}

struct PayPerDiem: ParsableCommand {
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
        let day = date ?? Recorder.today()
        let centsPerDay = try rate.map { try Euros.cents($0, field: "rate") } ?? rateInForce()
        guard let cents = PerDiem.cents(days: days, centsPerDay: centsPerDay) else {
            throw CommandFailure.usage("--days × --rate is more than any per diem.")
        }
        try Recorder(ledger: ledger).record([.init(stream: "engagement-\(engagement)", type: "per-diem.paid", data: object([
            ("engagement", engagement.json), ("date", day.json), ("kind", .string(kind.rawValue)), ("days", days.json),
            ("centsPerDay", centsPerDay.json), ("amountCents", cents.json), ("rateReason", reason?.json),
        ]), occurredAt: Recorder.day(day))])
        Recorder.announce(engagement, "Recorded a per diem of \(Euros.text(cents)) for \(engagement).")
    }

    /// The rate of the kind in force on the day of the trip: the day the work was done.
    private func rateInForce() throws -> Int {
        let workDay = try tripDay(of: engagement, ledger)
        guard let rate = PerDiem.rate(on: workDay) else { throw noRate(in: "per-diem.csv", workDay) }
        Terminal.printError("Per diem (\(kind.rawValue)) on \(workDay): \(Euros.text(rate.cents(kind))) a day.")
        return rate.cents(kind)
    }
}

extension PerDiemPaid.Kind: ExpressibleByArgument {}

/// The day of the engagement's trip — the day the work was done — whose rates a payment takes.
private func tripDay(of engagement: String, _ ledger: LedgerOptions) throws -> String {
    guard let day = try ledger.openStore().read({ try StandingEvents.workDay(ofEngagement: engagement, in: $0) }) else {
        throw CommandFailure.usage("There is no \(Terminal.named("engagement", engagement)) in the ledger, so no day to take the rate of.")
    }
    return day
}

/// A year the rates table has no row for: what to do about it.
private func noRate(in table: String, _ day: String) -> CommandFailure {
    .usage("The table Rates/\(table) has no rate for \(day.prefix(4)), the year the work was done: give --rate with --reason, or add the year's rate to the table.")
}
