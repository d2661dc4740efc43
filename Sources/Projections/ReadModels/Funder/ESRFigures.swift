/// The ESR+ progress report's figures for one project and payment period, computed purely from
/// the funder read model's rows (docs/esr-report.md states each rule and
/// the figure it governs).
public struct ESRFigures: Sendable, Equatable {
    // MARK: Inputs

    public struct Project: Sendable, Equatable {
        public let project: String, code: String, name: String, funder: String
        public let startDate: String, endDate: String, costModel: String
        /// 20 % is 2000.
        public let selfFinancingHundredths: Int

        public init(project: String, code: String, name: String, funder: String, startDate: String, endDate: String,
                    costModel: String, selfFinancingHundredths: Int) {
            (self.project, self.code, self.name, self.funder) = (project, code, name, funder)
            (self.startDate, self.endDate, self.costModel, self.selfFinancingHundredths) = (startDate, endDate, costModel, selfFinancingHundredths)
        }
    }

    /// An enrolment's entry data (`enrolment.started`), which the output indicators test.
    public struct Entry: Sendable, Equatable {
        public let participant: String, activity: String, date: String, age: Int
        public let labourMarket: String, education: String, disability: String, thirdCountNational: String
        public let foreignBackground: String, minority: String, homeless: String, rural: String
    }

    /// An enrolment's exit data (`enrolment.ended`), which the result indicators test.
    public struct Exit: Sendable, Equatable {
        public let participant: String, activity: String, date: String, outcome: String
        public let jobSearching: String?, inEducation: String?, qualification: String?, employed: String?
    }

    /// A participant of the project (`funder_participation`): their first entry's date, their
    /// gender, and the output lines their first entry's data count on (bit i is line i of
    /// `participants`).
    public struct Participant: Sendable, Equatable {
        public let entered: String, gender: Gender, lines: UInt64

        public init(entered: String, gender: Gender, lines: UInt64) {
            (self.entered, self.gender, self.lines) = (entered, gender, lines)
        }
    }

    /// A stretch of days over which a participant counts as having left (`funder_leaving`), with
    /// the result lines their last exit's data count on (bit i is line i of `leavers`).
    public struct Leaver: Sendable, Equatable {
        public let leaving: Participation.Leaving, gender: Gender

        public init(leaving: Participation.Leaving, gender: Gender) {
            (self.leaving, self.gender) = (leaving, gender)
        }
    }

    /// The project's held sessions, as the read model adds them up: per activity kind and
    /// municipality, those held in the period, and the headcounts of open events.
    public struct HeldSessions: Sendable, Equatable {
        /// Sessions held in the period and their minutes, per kind and municipality (in any order).
        public var lines: [ActivityLine] = []
        public var headcountInPeriod = 0
        public var headcountSinceStart = 0

        public init() {}
    }

    public struct Engagement: Sendable, Equatable {
        public let engagement: String
        /// The date it was completed, and the hours, if it was (and not cancelled since).
        public let completed: String?
        public let hoursHundredths: Int
    }

    public struct Payment: Sendable, Equatable {
        public let engagement: String, kind: String, date: String, cents: Int
    }

    /// Staff time within the period, added up: the hours, and the cents of each entry (hours ×
    /// hourly cost, rounded per entry: `cents(hoursHundredths:hourlyCostCents:)`) summed.
    public struct StaffTime: Sendable, Equatable {
        public let hoursHundredths: Int, cents: Int

        public init(hoursHundredths: Int, cents: Int) {
            (self.hoursHundredths, self.cents) = (hoursHundredths, cents)
        }

        /// One entry's cost: hours × hourly cost, rounded half up to the cent.
        public static func cents(hoursHundredths: Int, hourlyCostCents: Int) -> Int {
            ESRFigures.scaled(hoursHundredths, by: hourlyCostCents, over: 100)
        }
    }

    /// Other costs recorded within the period in a category (several lines of one category add up).
    public struct Cost: Sendable, Equatable {
        public let category: String, cents: Int

        public init(category: String, cents: Int) {
            (self.category, self.cents) = (category, cents)
        }
    }

    // MARK: Outputs

    public enum Gender: String, Sendable, CaseIterable {
        case woman, man, nonBinary = "non-binary", notTold = "not-told"

        /// The gender a registration recorded; none recorded, or one this table does not know, counts as not told.
        public init(recorded text: String?) { self = text.flatMap(Gender.init(rawValue:)) ?? .notTold }
    }

    /// A count in total and by gender.
    public struct Split: Sendable, Equatable {
        public var total = 0
        // Four counters rather than a dictionary: a report adds to a split once per person and line.
        private var women = 0, men = 0, nonBinary = 0, notTold = 0

        public init() {}

        public subscript(gender: Gender) -> Int {
            get {
                switch gender {
                case .woman: women
                case .man: men
                case .nonBinary: nonBinary
                case .notTold: notTold
                }
            }
            set {
                switch gender {
                case .woman: women = newValue
                case .man: men = newValue
                case .nonBinary: nonBinary = newValue
                case .notTold: notTold = newValue
                }
            }
        }

        mutating func add(_ gender: Gender) {
            total += 1
            self[gender] += 1
        }
    }

    /// One line of the participants' or leavers' table: an indicator (`EECO02`) or one of its
    /// "not collected" / "refused" lines, in the period and since the project started.
    public struct Indicator: Sendable, Equatable {
        public let code: String
        /// `answer` is nil for the indicator itself, else "not-collected" or "refused".
        public let answer: String?
        public var period = Split()
        public var cumulative = Split()
    }

    public struct ActivityLine: Sendable, Equatable {
        public let kind: String, municipality: String
        public var sessionsHeld = 0
        public var minutes = 0

        public init(kind: String, municipality: String, sessionsHeld: Int = 0, minutes: Int = 0) {
            (self.kind, self.municipality, self.sessionsHeld, self.minutes) = (kind, municipality, sessionsHeld, minutes)
        }
    }

    public struct Experts: Sendable, Equatable {
        public var engagementsCompleted = 0
        public var hoursHundredths = 0
        public var feesCents = 0
        public var travelCents = 0
        /// Completed (by the end of the period) and no fee paid yet: an open item.
        public var completedWithoutFee = 0
    }

    public struct Costs: Sendable, Equatable {
        public var staffHoursHundredths = 0
        public var staffCents = 0
        public var flatRateCents = 0
        /// The flat rate's percentage (40, 15 or 7); nil under real costs.
        public var flatRatePercent: Int?
        /// Other recorded costs by category, and whether the flat rate covers them.
        public var other: [(category: String, cents: Int)] = []
        public var otherCoveredByFlatRate = false
        public var totalCents = 0
        public var selfFinancingCents = 0

        public static func == (lhs: Costs, rhs: Costs) -> Bool {
            lhs.staffHoursHundredths == rhs.staffHoursHundredths && lhs.staffCents == rhs.staffCents
                && lhs.flatRateCents == rhs.flatRateCents && lhs.other.map(\.category) == rhs.other.map(\.category)
                && lhs.other.map(\.cents) == rhs.other.map(\.cents) && lhs.otherCoveredByFlatRate == rhs.otherCoveredByFlatRate
                && lhs.totalCents == rhs.totalCents && lhs.selfFinancingCents == rhs.selfFinancingCents
        }
    }

    public let project: Project
    public let from: String
    public let to: String
    public let participants: [Indicator]
    public let leavers: [Indicator]
    public let peopleReached: (period: Int, cumulative: Int)
    public let activities: [ActivityLine]
    public let experts: Experts
    public let costs: Costs
    /// A money total went past 64 bits (only possible with amounts over the schemas' bounds,
    /// recorded before the bounds existed): the figures must not be shown.
    public let totalsOverflowed: Bool
    /// Participants entering in the period, per month (YYYY-MM), for the chart.
    public let entriesByMonth: [(month: String, count: Int)]

    public static func == (lhs: ESRFigures, rhs: ESRFigures) -> Bool {
        lhs.project == rhs.project && lhs.from == rhs.from && lhs.to == rhs.to && lhs.participants == rhs.participants
            && lhs.leavers == rhs.leavers && lhs.peopleReached == rhs.peopleReached && lhs.activities == rhs.activities
            && lhs.experts == rhs.experts && lhs.costs == rhs.costs
            && lhs.entriesByMonth.map(\.month) == rhs.entriesByMonth.map(\.month)
            && lhs.entriesByMonth.map(\.count) == rhs.entriesByMonth.map(\.count)
    }

    // MARK: The rules

    /// An indicator: its code, the answer field whose "not collected" and "refused" get lines of
    /// their own (if it has one), and the test that counts a person on the indicator's own line.
    struct Rule<Record> {
        let code: String
        let field: (@Sendable (Record) -> String)?
        let test: @Sendable (Record) -> Bool

        init(_ code: String, _ field: (@Sendable (Record) -> String)?, _ test: @escaping @Sendable (Record) -> Bool) {
            (self.code, self.field, self.test) = (code, field, test)
        }
    }

    /// The output indicators, each a test on the entry data; answers that can be "not collected"
    /// or "refused" get a line for each, so nothing is guessed.
    static func outputIndicators() -> [Rule<Entry>] {
        [
            Rule("EECO01", nil) { _ in true },
            Rule("EECO02", \.labourMarket) { ["unemployed", "long-term-unemployed"].contains($0.labourMarket) },
            Rule("EECO03", nil) { $0.labourMarket == "long-term-unemployed" },
            Rule("EECO04", nil) { $0.labourMarket == "inactive" },
            Rule("EECO05", nil) { $0.labourMarket == "employed" },
            Rule("EECO06", nil) { $0.age < 18 },
            Rule("EECO07", nil) { (18...29).contains($0.age) },
            Rule("EECO08", nil) { $0.age >= 55 },
            Rule("EECO09", \.education) { $0.education == "isced-0-2" },
            Rule("EECO10", nil) { $0.education == "isced-3-4" },
            Rule("EECO11", nil) { $0.education == "isced-5-8" },
            Rule("EECO12", \.disability) { $0.disability == "yes" },
            Rule("EECO13", \.thirdCountNational) { $0.thirdCountNational == "yes" },
            Rule("EECO14", \.foreignBackground) { $0.foreignBackground == "yes" },
            Rule("EECO15", \.minority) { $0.minority == "yes" },
            Rule("EECO16", \.homeless) { $0.homeless == "yes" },
            Rule("EECO17", \.rural) { $0.rural == "yes" },
        ]
    }

    /// The result indicators on the exit data (an answer not given counts as not collected);
    /// EECR01 and EECR04 exclude each other, and employment wins.
    static func resultIndicators() -> [Rule<Exit>] {
        [
            Rule("LEAVERS", nil) { _ in true },
            Rule("EECR01", { $0.jobSearching ?? "not-collected" }) { $0.jobSearching == "yes" && $0.employed != "yes" },
            Rule("EECR02", { $0.inEducation ?? "not-collected" }) { $0.inEducation == "yes" },
            Rule("EECR03", { $0.qualification ?? "not-collected" }) { $0.qualification == "yes" },
            Rule("EECR04", { $0.employed ?? "not-collected" }) { $0.employed == "yes" },
        ]
    }

    /// The table's lines (each indicator, then its "not collected" and "refused" lines if it has
    /// a field), each with the test that counts a record on it.
    static func lines<Record>(_ rules: [Rule<Record>]) -> (lines: [Indicator], tests: [@Sendable (Record) -> Bool]) {
        var lines: [Indicator] = []
        var tests: [@Sendable (Record) -> Bool] = []
        for rule in rules {
            lines.append(Indicator(code: rule.code, answer: nil))
            tests.append(rule.test)
            guard let field = rule.field else { continue }
            for answer in ["not-collected", "refused"] {
                lines.append(Indicator(code: rule.code, answer: answer))
                tests.append { field($0) == answer }
            }
        }
        return (lines, tests)
    }

    static let output = lines(outputIndicators())
    static let result = lines(resultIndicators())

    /// The output lines `entry` counts on, as bits (bit i for line i of `participants`).
    public static func outputLines(of entry: Entry) -> UInt64 { mask(output.tests, entry) }

    /// The result lines `exit` counts on, as bits (bit i for line i of `leavers`).
    public static func resultLines(of exit: Exit) -> UInt64 { mask(result.tests, exit) }

    private static func mask<Record>(_ tests: [@Sendable (Record) -> Bool], _ record: Record) -> UInt64 {
        // The read model stores the mask in one INTEGER: a table of more lines needs another form.
        precondition(tests.count <= 64, "an indicator table of more than 64 lines does not fit the read model's bit mask")
        var mask: UInt64 = 0
        for (bit, test) in tests.enumerated() where test(record) { mask |= 1 << UInt64(bit) }
        return mask
    }

    /// Adds one person to each line whose bit is set: since the start, and in the period too if
    /// `inPeriod`.
    private static func count(_ lines: UInt64, _ gender: Gender, inPeriod: Bool, into table: inout [Indicator]) {
        var bits = lines
        while bits != 0 {
            let line = bits.trailingZeroBitCount
            table[line].cumulative.add(gender)
            if inPeriod { table[line].period.add(gender) }
            bits &= bits - 1
        }
    }

    /// The figures from the read model's rows. Participants and leavers may include rows outside
    /// the bounds (the read model narrows what it reads, these rules decide who counts); sessions,
    /// staff time and costs come added up for the period.
    public init(
        project: Project, from: String, to: String, participants people: [Participant], leavers leaving: [Leaver],
        sessions: HeldSessions, engagements: [Engagement], payments: [Payment], staffTime: StaffTime, costs otherCosts: [Cost]
    ) {
        self.project = project
        self.from = from
        self.to = to
        func inPeriod(_ date: String) -> Bool { from <= date && date <= to }

        var participants = Self.output.lines
        var months: [String: Int] = [:]
        for person in people where person.entered <= to {
            let entered = inPeriod(person.entered)
            Self.count(person.lines, person.gender, inPeriod: entered, into: &participants)
            if entered { months[String(person.entered.prefix(7)), default: 0] += 1 }
        }
        self.participants = participants
        entriesByMonth = months.keys.sorted().map { ($0, months[$0] ?? 0) }

        var leavers = Self.result.lines
        for leaver in leaving where leaver.leaving.covers(to) {
            Self.count(leaver.leaving.lines, leaver.gender, inPeriod: inPeriod(leaver.leaving.leftOn), into: &leavers)
        }
        self.leavers = leavers

        peopleReached = (sessions.headcountInPeriod, sessions.headcountSinceStart)
        var lines: [String: ActivityLine] = [:]
        for line in sessions.lines {
            let key = line.kind + "\u{1}" + line.municipality
            lines[key, default: ActivityLine(kind: line.kind, municipality: line.municipality)].sessionsHeld += line.sessionsHeld
            lines[key]?.minutes += line.minutes
        }
        activities = lines.keys.sorted().compactMap { lines[$0] }

        var experts = Experts()
        let projectEngagements = Set(engagements.map(\.engagement))
        let paid = Set(payments.filter { $0.kind == "fee" && $0.date <= to }.map(\.engagement))
        for engagement in engagements {
            guard let completed = engagement.completed, completed <= to else { continue }
            if inPeriod(completed) {
                experts.engagementsCompleted += 1
                experts.hoursHundredths += engagement.hoursHundredths
            }
            if !paid.contains(engagement.engagement) { experts.completedWithoutFee += 1 }
        }
        // Money is added with overflow checked: the schemas' bounds keep every total far inside
        // 64 bits, but a ledger may hold amounts recorded before the bounds existed.
        var overflowed = false
        func add(_ total: Int, _ amount: Int) -> Int {
            let (sum, overflow) = total.addingReportingOverflow(amount)
            if overflow { overflowed = true }
            return overflow ? Int.max : sum
        }
        for payment in payments where projectEngagements.contains(payment.engagement) && inPeriod(payment.date) {
            if payment.kind == "fee" { experts.feesCents = add(experts.feesCents, payment.cents) } else { experts.travelCents = add(experts.travelCents, payment.cents) }
        }
        self.experts = experts

        var costs = Costs()
        costs.staffHoursHundredths = staffTime.hoursHundredths
        costs.staffCents = staffTime.cents
        var byCategory: [String: Int] = [:]
        for cost in otherCosts { byCategory[cost.category] = add(byCategory[cost.category] ?? 0, cost.cents) }
        costs.other = byCategory.keys.sorted().map { ($0, byCategory[$0] ?? 0) }
        let other = byCategory.values.reduce(0, add)
        switch project.costModel {
        case "flat-rate-40":
            // All costs other than staff pay are covered by 40 % of staff costs.
            costs.flatRatePercent = 40
            costs.flatRateCents = Self.percent(40, of: costs.staffCents)
            costs.otherCoveredByFlatRate = true
            costs.totalCents = add(costs.staffCents, costs.flatRateCents)
        case "flat-rate-15":
            // Indirect costs as 15 % of direct staff costs; other direct costs as recorded.
            costs.flatRatePercent = 15
            costs.flatRateCents = Self.percent(15, of: costs.staffCents)
            costs.totalCents = add(add(costs.staffCents, other), costs.flatRateCents)
        case "flat-rate-7":
            // Indirect costs as 7 % of direct costs (staff and other).
            costs.flatRatePercent = 7
            costs.flatRateCents = Self.percent(7, of: add(costs.staffCents, other))
            costs.totalCents = add(add(costs.staffCents, other), costs.flatRateCents)
        default:
            costs.totalCents = add(costs.staffCents, other)
        }
        costs.selfFinancingCents = Self.scaled(costs.totalCents, by: project.selfFinancingHundredths, over: 10_000)
        self.costs = costs
        totalsOverflowed = overflowed
    }

    /// `percent` % of `cents`, rounded half up to the cent.
    static func percent(_ percent: Int, of cents: Int) -> Int { scaled(cents, by: percent, over: 100) }

    /// `value` × `numerator` ÷ `denominator`, rounded half up, for non-negative amounts: the
    /// product is taken in 128 bits, so no total the schemas' bounds allow can overflow it. A
    /// result beyond 64 bits (amounts recorded before the bounds existed) is `Int.max`, which
    /// the sums then report as out of range.
    static func scaled(_ value: Int, by numerator: Int, over denominator: Int) -> Int {
        let product = value.multipliedFullWidth(by: numerator)
        let (low, carry) = product.low.addingReportingOverflow(UInt(denominator / 2))
        let high = product.high + (carry ? 1 : 0)
        // The quotient fits in 63 bits exactly when the top 65 bits of the product are below the divisor.
        guard high >= 0, high < Int.max >> 1, (high << 1) | Int(low >> 63) < denominator else { return Int.max }
        return denominator.dividingFullWidth((high: high, low: low)).quotient
    }
}
