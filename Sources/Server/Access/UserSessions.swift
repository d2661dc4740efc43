/// Which of a user's sessions and API tokens still count: each begins in the user's current
/// generation, and ending them all (a changed password) moves the user to the next one, so every
/// older session and token stops working at its next request. In memory, as the sessions are: a
/// restart ends them all anyway.
actor UserSessions {
    private var generations: [String: Int] = [:]

    func generation(of user: String) -> Int {
        generations[user] ?? 0
    }

    /// Ends every session and token of the user; returns the generation the next ones begin in.
    func endAll(of user: String) -> Int {
        let next = generation(of: user) + 1
        generations[user] = next
        return next
    }
}
