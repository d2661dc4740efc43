@testable import Projections

/// The participants' and leavers' tables worked out the way the report did before the funder
/// projector kept participation (the code of that version, unchanged): from every entry and exit
/// up to the period's end, person by person. What the projector's derived rows must reproduce.
enum ESRReference {
    struct Tables: Equatable {
        let participants: [ESRFigures.Indicator]
        let leavers: [ESRFigures.Indicator]
        let entriesByMonth: [String]
    }

    static func tables(from: String, to: String, activities activityKinds: Set<String>, genders: [String: String],
                       entries: [ESRFigures.Entry], exits: [ESRFigures.Exit]) -> Tables {
        func inPeriod(_ date: String) -> Bool { from <= date && date <= to }
        func gender(_ participant: String) -> ESRFigures.Gender { genders[participant].flatMap(ESRFigures.Gender.init(rawValue:)) ?? .notTold }
        let projectEntries = entries.filter { activityKinds.contains($0.activity) && $0.date <= to }
        let projectExits = exits.filter { activityKinds.contains($0.activity) && $0.date <= to }

        var first: [String: Int] = [:]  // participant → index in projectEntries
        for (index, entry) in projectEntries.enumerated() {
            if let known = first[entry.participant], projectEntries[known].date <= entry.date { continue }
            first[entry.participant] = index
        }
        let output = ESRFigures.lines(ESRFigures.outputIndicators())
        var participants = output.lines
        for index in first.values {
            let entry = projectEntries[index]
            let who = gender(entry.participant)
            let entered = inPeriod(entry.date)
            for line in participants.indices where output.tests[line](entry) {
                participants[line].cumulative.add(who)
                if entered { participants[line].period.add(who) }
            }
        }

        let result = ESRFigures.lines(ESRFigures.resultIndicators())
        var leavers = result.lines
        let entriesByPerson = Dictionary(grouping: projectEntries.indices, by: { projectEntries[$0].participant })
        let exitsByPerson = Dictionary(grouping: projectExits.indices, by: { projectExits[$0].participant })
        for participant in first.keys {
            var lastStart: [String: String] = [:]
            for index in entriesByPerson[participant] ?? [] {
                let entry = projectEntries[index]
                if lastStart[entry.activity].map({ $0 < entry.date }) ?? true { lastStart[entry.activity] = entry.date }
            }
            let ended = (exitsByPerson[participant] ?? []).map { projectExits[$0] }
            let stillIn = lastStart.contains { activity, start in !ended.contains { $0.activity == activity && $0.date >= start } }
            guard !stillIn, let last = ended.max(by: { $0.date < $1.date }) else { continue }
            let who = gender(participant)
            let left = inPeriod(last.date)
            for line in leavers.indices where result.tests[line](last) {
                leavers[line].cumulative.add(who)
                if left { leavers[line].period.add(who) }
            }
        }

        var months: [String: Int] = [:]
        for index in first.values where inPeriod(projectEntries[index].date) {
            months[String(projectEntries[index].date.prefix(7)), default: 0] += 1
        }
        return Tables(participants: participants, leavers: leavers,
                      entriesByMonth: months.keys.sorted().map { "\($0)=\(months[$0] ?? 0)" })
    }
}

extension ESRFigures {
    /// The tables that `ESRReference` works out, from these figures.
    var tables: ESRReference.Tables {
        ESRReference.Tables(participants: participants, leavers: leavers, entriesByMonth: entriesByMonth.map { "\($0.month)=\($0.count)" })
    }
}
