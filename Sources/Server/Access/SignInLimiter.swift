/// Limits guessing: after 5 failed sign-ins for one user name, or 20 from one address, within 15
/// minutes, further attempts are refused (429) until 15 minutes after the last failure — even with
/// the right password, so that a guesser learns nothing. A success clears the name's count.
/// Counts live in memory: a restart clears them.
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

    func isBlocked(user: String, address: String) -> Bool {
        let now = ContinuousClock.now
        return recent("user:" + user, now).count >= limits.perUser || recent("address:" + address, now).count >= limits.perAddress
    }

    func failed(user: String, address: String) {
        let now = ContinuousClock.now
        for key in ["user:" + user, "address:" + address] { failures[key] = recent(key, now) + [now] }
    }

    func succeeded(user: String) {
        failures["user:" + user] = nil
    }

    private func recent(_ key: String, _ now: ContinuousClock.Instant) -> [ContinuousClock.Instant] {
        (failures[key] ?? []).filter { now - $0 < limits.window }
    }
}
