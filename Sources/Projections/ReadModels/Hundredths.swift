/// Hours, kilometres and percentages as the read models keep them: in hundredths, rounded. A
/// value no integer can hold (only in a ledger older than the schemas' bounds) becomes `Int.max`,
/// which the reports' totals refuse with a sentence rather than a crash.
func hundredths(_ value: Double) -> Int { Int(exactly: (value * 100).rounded()) ?? Int.max }
