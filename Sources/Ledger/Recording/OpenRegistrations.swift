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

extension PersonalData {
    /// Puts every participant's name — as their latest registration or correction has it — into
    /// the name index (`NameIndex`), in place of what it held: for a ledger whose people were
    /// registered before the index existed, or a key store restored from a backup. Each name is
    /// opened on behalf of `actor`, and so logged in that person's access log. Answers how many
    /// names were indexed; erased people and people without a key here are left out.
    public func indexNames(actor: String) throws -> Int {
        let participants = try store.read { reader in
            var ids: [String] = []
            let cursor = try reader.events(type: "participant.registered")
            while let event = try cursor.next() {
                if let id = try JSONParser.parse(event.data)["participant"]?.stringValue { ids.append(id) }
            }
            return Array(Set(ids)).sorted()
        }
        let opened = try openRegistrations(of: participants, actor: actor, purpose: "the name index built for the people search")
        let keyStore = try KeyStore.open(at: keyStorePath)
        let key = try keyStore.nameIndexKey(masterKey: try MasterKey.load(from: masterKeyPath))
        var indexed = 0
        for (participant, value) in opened.sorted(by: { $0.key < $1.key }) {
            guard case let .opened(fields) = value, let name = fields["name"]?.stringValue else { continue }
            try keyStore.replaceNameTokens(of: try SubjectID(participant), with: NameIndex.tokens(ofName: name, key: key))
            indexed += 1
        }
        return indexed
    }
}
