import EventStore

/// Agrees a piece of work with an experience expert, under a new engagement id unless given.
public struct AgreeEngagement: RecordingCommand {
    public var engagement: String?
    public var expert: String
    public var project: String
    public var activity: String?
    public var kind: EngagementAgreed.Kind
    public var date: String?
    public var plannedHours: Double
    public var agreedFeeCents: Int
    public var mode: EngagementAgreed.Mode

    public init(engagement: String? = nil, expert: String, project: String, activity: String? = nil, kind: EngagementAgreed.Kind,
                date: String? = nil, plannedHours: Double, agreedFeeCents: Int, mode: EngagementAgreed.Mode = .inPerson) {
        (self.engagement, self.expert, self.project, self.activity, self.kind) = (engagement, expert, project, activity, kind)
        (self.date, self.plannedHours, self.agreedFeeCents, self.mode) = (date, plannedHours, agreedFeeCents, mode)
    }

    public func recording(_ ledger: LedgerFacts) throws -> Recording {
        let day = date ?? ledger.today
        let id = try engagement ?? ledger.unusedIdentifier(prefix: "e") { "engagement-\($0)" }
        return Recording(try .init("engagement-\(id)", "engagement.agreed", EngagementAgreed(
            engagement: id, expert: expert, project: project, activity: activity, kind: kind, date: day, plannedHours: plannedHours,
            agreedFeeCents: agreedFeeCents, mode: mode), day: day), id: id)
    }
}

/// The work was done.
public struct CompleteEngagement: RecordingCommand {
    public var engagement: String
    public var date: String?
    public var hours: Double

    public init(engagement: String, date: String? = nil, hours: Double) {
        (self.engagement, self.date, self.hours) = (engagement, date, hours)
    }

    public func recording(_ ledger: LedgerFacts) throws -> Recording {
        let day = date ?? ledger.today
        return Recording(try .init("engagement-\(engagement)", "engagement.completed",
                                   EngagementCompleted(engagement: engagement, date: day, hours: hours), day: day), id: engagement)
    }
}

/// The work will not be done.
public struct CancelEngagement: RecordingCommand {
    public var engagement: String
    public var date: String?
    public var reason: String?

    public init(engagement: String, date: String? = nil, reason: String? = nil) {
        (self.engagement, self.date, self.reason) = (engagement, date, reason)
    }

    public func recording(_ ledger: LedgerFacts) throws -> Recording {
        let day = date ?? ledger.today
        return Recording(try .init("engagement-\(engagement)", "engagement.cancelled",
                                   EngagementCancelled(engagement: engagement, date: day, reason: reason), day: day), id: engagement)
    }
}

/// The fee paid for a completed engagement (once; void it to correct it).
public struct PayFee: RecordingCommand {
    public var engagement: String
    public var amountCents: Int
    public var date: String?
    public var reason: String?

    public init(engagement: String, amountCents: Int, date: String? = nil, reason: String? = nil) {
        (self.engagement, self.amountCents, self.date, self.reason) = (engagement, amountCents, date, reason)
    }

    public func recording(_ ledger: LedgerFacts) throws -> Recording {
        let day = date ?? ledger.today
        return Recording(try .init("engagement-\(engagement)", "fee.paid",
                                   FeePaid(engagement: engagement, date: day, amountCents: amountCents, reason: reason), day: day), id: engagement)
    }
}

/// A rate a payment is made at: the one in force on the day of the trip (the day the work was
/// done, from the Tax Administration's table), or another, with the reason why.
public enum PaymentRate: Sendable, Equatable {
    case inForce
    case other(cents: Int, reason: String)
}

/// Travel reimbursed: kilometres at a rate (the allowance in force by default), or ticket costs.
public struct PayTravel: RecordingCommand {
    public enum Trip: Sendable, Equatable {
        case kilometres(DecimalNumber, rate: PaymentRate)
        case tickets(cents: Int)
    }

    public var engagement: String
    public var trip: Trip
    public var date: String?

    public init(engagement: String, trip: Trip, date: String? = nil) {
        (self.engagement, self.trip, self.date) = (engagement, trip, date)
    }

    public func recording(_ ledger: LedgerFacts) throws -> Recording {
        let day = date ?? ledger.today
        let payload: TravelReimbursed
        var taken: Recording.RateTaken?
        switch trip {
        case let .kilometres(distance, rate):
            let centsPerKm: Int
            var reason: String?
            switch rate {
            case .inForce:
                let workDay = try Self.workDay(of: engagement, ledger)
                guard let allowance = KilometreAllowance.rate(on: workDay) else { throw CommandError.noRate(table: "kilometre-allowance.csv", year: String(workDay.prefix(4))) }
                centsPerKm = allowance.centsPerKm
                taken = .init(day: workDay, cents: centsPerKm)
            case let .other(cents, why):
                (centsPerKm, reason) = (cents, why)
            }
            guard let amount = KilometreAllowance.cents(kilometres: distance, centsPerKm: centsPerKm) else { throw CommandError.amountTooLarge }
            payload = TravelReimbursed(engagement: engagement, date: day, kilometres: distance.double, centsPerKm: centsPerKm, ticketCents: nil,
                                       amountCents: amount, rateReason: reason)
        case let .tickets(cents):
            payload = TravelReimbursed(engagement: engagement, date: day, kilometres: nil, centsPerKm: nil, ticketCents: cents, amountCents: cents, rateReason: nil)
        }
        var recording = Recording(try .init("engagement-\(engagement)", "travel.reimbursed", payload, day: day), id: engagement)
        recording.rateTaken = taken
        return recording
    }

    /// The day of the engagement's trip — the day its work was done — whose rates a payment takes.
    static func workDay(of engagement: String, _ ledger: LedgerFacts) throws -> String {
        guard let day = try ledger.workDay(ofEngagement: engagement) else { throw CommandError.noSuchEngagement }
        return day
    }
}

/// A per diem (päiväraha) for an engagement done in person away from home.
public struct PayPerDiem: RecordingCommand {
    public var engagement: String
    public var kind: PerDiemPaid.Kind
    public var days: Int
    public var rate: PaymentRate
    public var date: String?

    public init(engagement: String, kind: PerDiemPaid.Kind, days: Int = 1, rate: PaymentRate = .inForce, date: String? = nil) {
        (self.engagement, self.kind, self.days, self.rate, self.date) = (engagement, kind, days, rate, date)
    }

    public func recording(_ ledger: LedgerFacts) throws -> Recording {
        let day = date ?? ledger.today
        let centsPerDay: Int
        var reason: String?
        var taken: Recording.RateTaken?
        switch rate {
        case .inForce:
            let workDay = try PayTravel.workDay(of: engagement, ledger)
            guard let inForce = PerDiem.rate(on: workDay) else { throw CommandError.noRate(table: "per-diem.csv", year: String(workDay.prefix(4))) }
            centsPerDay = inForce.cents(kind)
            taken = .init(day: workDay, cents: centsPerDay)
        case let .other(cents, why):
            (centsPerDay, reason) = (cents, why)
        }
        guard let amount = PerDiem.cents(days: days, centsPerDay: centsPerDay) else { throw CommandError.amountTooLarge }
        var recording = Recording(try .init("engagement-\(engagement)", "per-diem.paid", PerDiemPaid(
            engagement: engagement, date: day, kind: kind, days: days, centsPerDay: centsPerDay, amountCents: amount, rateReason: reason), day: day),
                                  id: engagement)
        recording.rateTaken = taken
        return recording
    }
}
