import GRDB

/// The FIT figures of an activity: per participant the first and latest outcome rating (ORS, or
/// CORS for a child), the change and whether it is reliable, the clinical cut-off; alliance
/// ratings (SRS, CSRS) low enough to follow up; and the group's summary.
public enum FITReadModel {
    /// The method's thresholds, in tenths of a point. The defaults are the documented ones
    /// (docs/evaluation.md): sources agree on the cut-offs 25 (ORS) and 32 (CORS), but not on
    /// whether a total exactly on a cut-off counts as below it, so that is a setting.
    public struct Settings: Sendable, Equatable {
        public var reliableChangeTenths = 50
        public var allianceCutOffTenths = 360
        /// A total exactly on a cut-off counts as below it (the clinical range, an alliance alert).
        public var onCutOffCountsAsBelow = true

        public init(onCutOffCountsAsBelow: Bool = true) {
            self.onCutOffCountsAsBelow = onCutOffCountsAsBelow
        }

        /// The clinical cut-off of an outcome instrument.
        public func cutOffTenths(_ instrument: String) -> Int? {
            switch instrument {
            case "ORS": 250
            case "CORS": 320
            default: nil
            }
        }

        func isBelow(_ total: Int, _ cutOff: Int) -> Bool { onCutOffCountsAsBelow ? total <= cutOff : total < cutOff }
    }

    public struct Rating: Sendable, Equatable {
        public let participant: String
        public let session: String?
        public let instrument: String
        public let date: String
        public let totalTenths: Int

        public init(participant: String, session: String?, instrument: String, date: String, totalTenths: Int) {
            self.participant = participant
            self.session = session
            self.instrument = instrument
            self.date = date
            self.totalTenths = totalTenths
        }

        public var isOutcome: Bool { instrument == "ORS" || instrument == "CORS" }
    }

    public enum Change: String, Sendable {
        case improved, noReliableChange = "no-reliable-change", deteriorated
    }

    public struct Participant: Sendable, Equatable {
        public let participant: String
        /// The outcome ratings, oldest first.
        public let outcome: [Rating]
        public var first: Rating { outcome[0] }
        public var latest: Rating { outcome[outcome.count - 1] }
        /// nil with a single rating.
        public let changeTenths: Int?
        public let change: Change?
        public let firstBelowCutOff: Bool
        /// Whether the latest total is above the cut-off, for one whose first was below it.
        public let crossedCutOff: Bool?
    }

    public struct Summary: Sendable, Equatable {
        public var rated = 0, withTwoOrMore = 0, improved = 0, noReliableChange = 0, deteriorated = 0
        public var belowCutOffAtFirst = 0, crossedCutOff = 0
    }

    public struct Figures: Sendable {
        public let activity: String
        public let name: String
        public let settings: Settings
        public let participants: [Participant]
        /// Alliance ratings at or below the alliance cut-off, by date.
        public let alerts: [Rating]
        public let summary: Summary
    }

    /// nil if the read model knows no activity with that id.
    public static func figures(of activity: String, participant: String? = nil, settings: Settings = .init(), in db: Database) throws -> Figures? {
        guard let name = try String.fetchOne(db, sql: "SELECT name FROM fit_activity WHERE activity = ? ORDER BY position DESC LIMIT 1",
                                             arguments: [activity])
        else { return nil }
        var sql = "SELECT participant, session, instrument, date, total_tenths FROM fit_rating WHERE activity = ?"
        var arguments: StatementArguments = [activity]
        if let participant {
            sql += " AND participant = ?"
            arguments += [participant]
        }
        let ratings = try Row.fetchAll(db, sql: sql + " ORDER BY date, position", arguments: arguments).map {
            Rating(participant: $0[0], session: $0[1], instrument: $0[2], date: $0[3], totalTenths: $0[4])
        }
        return figures(activity: activity, name: name, ratings: ratings, settings: settings)
    }

    /// The figures of ratings given oldest first: pure, so that the method's arithmetic is tested alone.
    public static func figures(activity: String, name: String, ratings: [Rating], settings: Settings) -> Figures {
        var byParticipant: [String: [Rating]] = [:]
        for rating in ratings where rating.isOutcome { byParticipant[rating.participant, default: []].append(rating) }
        var summary = Summary()
        let participants = byParticipant.keys.sorted().compactMap { id -> Participant? in
            guard let outcome = byParticipant[id], let first = outcome.first, let latest = outcome.last else { return nil }
            summary.rated += 1
            let firstBelow = settings.cutOffTenths(first.instrument).map { settings.isBelow(first.totalTenths, $0) } ?? false
            var crossed: Bool?
            if firstBelow {
                summary.belowCutOffAtFirst += 1
                crossed = settings.cutOffTenths(latest.instrument).map { !settings.isBelow(latest.totalTenths, $0) } ?? false
                if crossed == true { summary.crossedCutOff += 1 }
            }
            guard outcome.count > 1 else {
                return Participant(participant: id, outcome: outcome, changeTenths: nil, change: nil, firstBelowCutOff: firstBelow, crossedCutOff: crossed)
            }
            summary.withTwoOrMore += 1
            let change = latest.totalTenths - first.totalTenths
            let kind: Change = change >= settings.reliableChangeTenths ? .improved
                : change <= -settings.reliableChangeTenths ? .deteriorated : .noReliableChange
            switch kind {
            case .improved: summary.improved += 1
            case .noReliableChange: summary.noReliableChange += 1
            case .deteriorated: summary.deteriorated += 1
            }
            return Participant(participant: id, outcome: outcome, changeTenths: change, change: kind, firstBelowCutOff: firstBelow, crossedCutOff: crossed)
        }
        // By day, then session (s2 before s10), then participant, as docs/evaluation.md says.
        let alerts = ratings.filter { !$0.isOutcome && settings.isBelow($0.totalTenths, settings.allianceCutOffTenths) }
            .sorted { ($0.date, $0.session?.count ?? 0, $0.session ?? "", $0.participant) < ($1.date, $1.session?.count ?? 0, $1.session ?? "", $1.participant) }
        return Figures(activity: activity, name: name, settings: settings, participants: participants, alerts: alerts, summary: summary)
    }
}
