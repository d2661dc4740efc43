/// Limits guessing: after 5 failed sign-ins for one user name, or 20 from one address, within 15
/// minutes, further attempts are refused (429) until 15 minutes after the last failure — even with
/// the right password, so that a guesser learns nothing. The same limits hold for second-factor
/// codes and for the current password asked when changing it.
///
/// An attempt is reserved before its password is checked and counted as a failure until it
/// succeeds: requests sent at once for one name take their turns at the reservation, so no more
/// than the limit are ever checked, however many arrive together. A success clears the name's
/// count (and gives back its reservation from the address's). Counts live in memory: a restart
/// clears them.
actor SignInLimiter {
    struct Limits: Sendable {
        var perUser = 5
        var perAddress = 20
        var window: Duration = .seconds(15 * 60)
    }

    private let limits: Limits
    private var failures: [String: [ContinuousClock.Instant]] = [:]

    init(limits: Limits = Limits()) {
        self.limits = limits
    }

    /// Takes one attempt for the name from the address, or throws `Refusal.tooManyAttempts` while
    /// either is blocked.
    func reserve(user: String, address: String) throws {
        let now = ContinuousClock.now
        let keys = ["user:" + user, "address:" + address]
        let counts = keys.map { recent($0, now).count }
        guard counts[0] < limits.perUser, counts[1] < limits.perAddress else { throw Refusal.tooManyAttempts }
        for key in keys { failures[key] = recent(key, now) + [now] }
    }

    /// The reserved attempt was the user's own: the name's count starts again.
    func succeeded(user: String, address: String) {
        failures["user:" + user] = nil
        if var attempts = failures["address:" + address], !attempts.isEmpty {
            attempts.removeLast()
            failures["address:" + address] = attempts
        }
    }

    private func recent(_ key: String, _ now: ContinuousClock.Instant) -> [ContinuousClock.Instant] {
        (failures[key] ?? []).filter { now - $0 < limits.window }
    }
}
