import EventStore

extension PersonalData {
    /// Opens the sealed personal data of these participants' latest standing registrations, for
    /// a list, a roster or a payroll view: one `access.logged` per person opened, all in one
    /// transaction, before anything is returned. Keyed by participant id; no entry for someone
    /// registered without sealed data.
    public func openRegistrations(of participants: [String], actor: String, purpose: String) throws -> [String: Opened] {
        let sealed = try store.read { reader in
            try Set(participants).sorted().compactMap { try StandingEvents.sealedRegistration(of: $0, in: reader) }
        }
        return Dictionary(uniqueKeysWithValues: try open(sealed, actor: actor, purpose: purpose).map { ($0.key.text, $0.value) })
    }
}
