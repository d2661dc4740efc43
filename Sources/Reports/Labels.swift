/// The words of the sessions and commitment reports, written in English in their code and shown
/// in the report's language. (The ESR+ report has its own, ESR/ESRLabels.swift.)
enum Labels {
    static func text(_ english: String, _ language: Report.Language) -> String {
        language == .en ? english : finnish[english] ?? english
    }

    static let finnish: [String: String] = [
        "Sessions and attendance": "Tapaamiset ja osallistuminen",
        "Activity": "Toiminto", "Activities": "Toiminnot", "Name": "Nimi", "Kind": "Laji", "Municipality": "Kunta",
        "From": "Alkaen", "To": "Päättyen",
        "Held": "Pidetty", "Cancelled": "Peruttu", "Planned": "Suunniteltu", "Still scheduled": "Vielä tulossa",
        "Hours": "Tunnit", "Present": "Läsnä", "Absent": "Poissa", "Excused": "Poissa ilmoittaen",
        "Headcount": "Kävijämäärä", "Attendance": "Osallistuminen",
        "Sessions": "Tapaamiset", "Session": "Tapaaminen", "Date": "Päivä", "Status": "Tila", "Minutes": "Minuutit",
        "Format": "Muoto", "Participant": "Osallistuja", "Participants": "Osallistujat",
        "Commitment": "Sitoutuminen", "Cohort": "Ryhmä", "Signed up": "Ilmoittautunut", "Started": "Aloittanut",
        "Graduated": "Valmistunut", "Dropped out": "Keskeyttänyt", "Ended otherwise": "Päättynyt muuten",
        "Still enrolled": "Yhä mukana", "Never started": "Ei aloittanut", "Sessions held": "Pidettyjä tapaamisia",
        "Attendances": "Osallistumiskertoja", "Started × held": "Aloittaneet × pidetyt", "Ended": "Päättynyt",
        "Outcome": "Tulos", "Sessions while enrolled": "Tapaamisia mukana ollessa", "Attended": "Osallistunut",
    ]
}
