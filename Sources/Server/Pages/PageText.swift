import Ledger

/// The pages' languages: Finnish by default, English on request (the switch in each page's footer).
enum PageLanguage: String, Codable, Sendable {
    case fi, en
}

/// Every sentence and label the pages show, in Finnish and English. Templates read them as
/// `{{t.key}}`; refusals name one by its key.
enum PageText {
    enum Key: String, CaseIterable {
        case appName, signIn, signOut, user, password, newPassword, repeatPassword, setPassword, passwordSet, mustSetPassword
        case passwordsDiffer, passwordTooShort, passwordTooLong, wrongPassword, tooManyAttempts
        case groups, group, nextSession, noNextSession, enrolled, sessions, roster, date, status, headcount, present, absent, excused
        case scheduled, held, cancelled, attendanceSheet, markSessionHeld, durationMinutes, location, format, inPerson, remote, hybrid
        case save, saved, cancelSession, cancelReason, nobodyEnrolled, noName, erased, noKey, open
        case overview, activities, sessionsThisWeek, openFeeItems, feeMissing, travelMissing, overdue, engagement, since, days
        case reports, esrReport, project, from, to, download, suppressedNote
        case asOf, show, feedback, audit, chain, chainIntact, chainBroken, head, position, hash, events, export, readings, subject, actor, purpose, at
        case forbidden, notFound, badForm, staleForm, serverError, notSignedIn, noRole, refused, language, otherLanguage, home
    }

    /// A refusal by the ledger's schema or rules: the field, the reason and the rule, never a value.
    static func refusal(_ refusal: LedgerRefusal, _ language: PageLanguage) -> String {
        "\(text(.refused, language)): \(refusal.field) \(refusal.reason) (\(refusal.rule))"
    }

    static func text(_ key: Key, _ language: PageLanguage) -> String {
        let pair = table[key] ?? (key.rawValue, key.rawValue)
        return language == .fi ? pair.fi : pair.en
    }

    /// All of them, for a template's `t`.
    static func all(_ language: PageLanguage) -> [String: String] {
        Dictionary(uniqueKeysWithValues: Key.allCases.map { ($0.rawValue, text($0, language)) })
    }

    private static let table: [Key: (fi: String, en: String)] = [
        .appName: ("Tuki", "Tuki"),
        .signIn: ("Kirjaudu sisään", "Sign in"),
        .signOut: ("Kirjaudu ulos", "Sign out"),
        .user: ("Käyttäjätunnus", "User name"),
        .password: ("Salasana", "Password"),
        .newPassword: ("Uusi salasana (vähintään 12 merkkiä)", "New password (at least 12 characters)"),
        .repeatPassword: ("Uusi salasana uudelleen", "New password again"),
        .setPassword: ("Aseta salasana", "Set password"),
        .passwordSet: ("Salasana on asetettu.", "Your password is set."),
        .mustSetPassword: ("Kirjauduit kertakäyttöisellä salasanalla. Valitse oma salasanasi.", "You signed in with a one-time password. Choose your own password."),
        .passwordsDiffer: ("Salasanat eivät ole samat.", "The two passwords differ."),
        .passwordTooShort: ("Salasana on liian lyhyt: vähintään 12 merkkiä.", "The password is too short: at least 12 characters."),
        .passwordTooLong: ("Salasana on liian pitkä: enintään 72 tavua.", "The password is too long: at most 72 bytes."),
        .wrongPassword: ("Käyttäjätunnus tai salasana on väärin.", "The user name or the password is wrong."),
        .tooManyAttempts: ("Liian monta yritystä. Yritä uudelleen 15 minuutin kuluttua.", "Too many attempts. Try again in 15 minutes."),
        .groups: ("Ryhmät", "Groups"),
        .group: ("Ryhmä", "Group"),
        .nextSession: ("Seuraava kokoontuminen", "Next session"),
        .noNextSession: ("Ei suunniteltuja kokoontumisia", "No session planned"),
        .enrolled: ("Osallistujia", "Enrolled"),
        .sessions: ("Kokoontumiset", "Sessions"),
        .roster: ("Osallistujat", "Roster"),
        .date: ("Päivä", "Date"),
        .status: ("Tila", "Status"),
        .headcount: ("Kävijämäärä", "Headcount"),
        .present: ("Paikalla", "Present"),
        .absent: ("Poissa", "Absent"),
        .excused: ("Ilmoitti esteestä", "Excused"),
        .scheduled: ("Suunniteltu", "Scheduled"),
        .held: ("Pidetty", "Held"),
        .cancelled: ("Peruttu", "Cancelled"),
        .attendanceSheet: ("Läsnäololista", "Attendance sheet"),
        .markSessionHeld: ("Kokoontuminen pidettiin", "The session was held"),
        .durationMinutes: ("Kesto (min)", "Length (min)"),
        .location: ("Paikka", "Place"),
        .format: ("Toteutus", "Format"),
        .inPerson: ("Lähitapaaminen", "In person"),
        .remote: ("Etänä", "Remote"),
        .hybrid: ("Hybridi", "Hybrid"),
        .save: ("Tallenna", "Save"),
        .saved: ("Tallennettu.", "Saved."),
        .cancelSession: ("Peru kokoontuminen", "Cancel the session"),
        .cancelReason: ("Syy (ei henkilötietoja)", "Reason (no personal data)"),
        .nobodyEnrolled: ("Ryhmässä ei ole osallistujia tänä päivänä.", "Nobody is enrolled on that day."),
        .noName: ("(ei nimeä)", "(no name)"),
        .erased: ("(poistettu)", "(erased)"),
        .noKey: ("(avain puuttuu)", "(no key)"),
        .open: ("Avaa", "Open"),
        .overview: ("Yleiskuva", "Overview"),
        .activities: ("Toiminnot", "Activities"),
        .sessionsThisWeek: ("Tämän viikon kokoontumiset", "Sessions this week"),
        .openFeeItems: ("Avoimet palkkiot ja matkat", "Open fees and travel"),
        .feeMissing: ("Palkkio maksamatta", "Fee not paid"),
        .travelMissing: ("Matkakulut korvaamatta", "Travel not reimbursed"),
        .overdue: ("Myöhässä", "Overdue"),
        .engagement: ("Tehtävä", "Engagement"),
        .since: ("Alkaen", "Since"),
        .days: ("Päiviä", "Days"),
        .reports: ("Raportit", "Reports"),
        .esrReport: ("ESR+-raportti", "ESR+ report"),
        .project: ("Hanke", "Project"),
        .from: ("Alkaen", "From"),
        .to: ("Päättyen", "To"),
        .download: ("Lataa", "Download"),
        .suppressedNote: ("Alle 5 henkilön luvut piilotetaan.", "Counts below 5 people are hidden."),
        .audit: ("Tarkastus", "Audit"),
        .asOf: ("Kirjanpito sellaisena kuin se oli päivän päättyessä (tyhjä: nyt)", "The ledger as it stood at the end of a day (empty: now)"),
        .show: ("Näytä", "Show"),
        .feedback: ("Asiakaspalaute", "Client feedback"),
        .chain: ("Tiivisteketju", "Hash chain"),
        .chainIntact: ("Ehjä", "Intact"),
        .chainBroken: ("RIKKI", "BROKEN"),
        .head: ("Viimeisin tapahtuma", "Head"),
        .position: ("Sijainti", "Position"),
        .hash: ("Tiiviste", "Hash"),
        .events: ("Tapahtumia", "Events"),
        .export: ("Lataa koko kirjanpito (JSONL)", "Download the whole ledger (JSONL)"),
        .readings: ("Viimeisimmät henkilötietojen avaukset", "Latest readings of personal data"),
        .subject: ("Henkilö (tunniste)", "Subject (id)"),
        .actor: ("Kuka", "Who"),
        .purpose: ("Miksi", "Why"),
        .at: ("Milloin", "When"),
        .forbidden: ("Sinulla ei ole oikeutta tähän.", "You may not do this."),
        .notFound: ("Sivua ei löydy.", "There is no such page."),
        .badForm: ("Lomakkeen tiedot eivät kelpaa.", "The form's fields are not valid."),
        .staleForm: ("Lomake on vanhentunut. Lataa sivu uudelleen.", "The form has expired. Load the page again."),
        .serverError: ("Palvelussa tapahtui virhe. Mitään ei tallennettu.", "The server failed. Nothing was recorded."),
        .notSignedIn: ("Kirjaudu ensin sisään.", "Sign in first."),
        .noRole: ("Sinulla ei ole vielä roolia. Pyydä sitä koordinaattorilta.", "You have no role yet. Ask the coordinator for one."),
        .refused: ("Kirjausta ei tehty", "Not recorded"),
        .language: ("Kieli", "Language"),
        .otherLanguage: ("In English", "Suomeksi"),
        .home: ("Etusivu", "Home"),
    ]
}
