/// The activities as a form offers them: one list of names per page, which the browser filters as
/// a person types (a county has thousands), each name once. A name that two activities share is
/// told apart by the municipality ("Vertaisryhmä · Forssa"), and only if that too is shared, by the
/// activity's id in brackets. The server takes the label back to the activity's id.
enum ActivityLabels {
    struct Activity: Sendable {
        let activity: String
        let name: String
        let municipality: String
    }

    /// Each activity's name by its id, from a form's choices (`LedgerService.choices`).
    static func names(_ choices: [[String: String]]) -> [String: String] {
        Dictionary(choices.compactMap { choice in choice["activity"].map { ($0, choice["name"] ?? $0) } }, uniquingKeysWith: { first, _ in first })
    }

    /// Each activity's id, name and label, in the order given.
    static func labelled(_ activities: [Activity]) -> [[String: String]] {
        let byName = Dictionary(grouping: activities, by: \.name)
        return activities.map { activity in
            let sameName = byName[activity.name] ?? []
            var label = activity.name
            if sameName.count > 1 {
                label += " · \(activity.municipality)"
                if sameName.filter({ $0.municipality == activity.municipality }).count > 1 { label += " (\(activity.activity))" }
            }
            return ["activity": activity.activity, "name": activity.name, "label": label]
        }
    }

    /// The activity a label stands for; nil for none or for several. `named` answers the
    /// activities with a name, `exists` whether an id is an activity's.
    static func activity(labelled label: String, named: (String) throws -> [Activity], exists: (String) throws -> Bool) rethrows -> String? {
        let whole = try named(label)
        if whole.count == 1 { return whole[0].activity }
        if label.hasSuffix(")"), let open = label.range(of: " (", options: .backwards) {
            let id = String(label[open.upperBound..<label.index(before: label.endIndex)])
            if try exists(id) { return id }
        }
        if let dot = label.range(of: " · ", options: .backwards) {
            let municipality = String(label[dot.upperBound...])
            let matches = try named(String(label[..<dot.lowerBound])).filter { $0.municipality == municipality }
            if matches.count == 1 { return matches[0].activity }
        }
        return nil
    }
}
