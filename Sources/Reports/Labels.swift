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
        // Lists and the attendance sheet
        "Projects": "Hankkeet", "Project": "Hanke", "Code": "Tunnus", "Funder": "Rahoittaja", "Start": "Alkaa", "End": "Päättyy",
        "Enrolled now": "Mukana nyt", "Roles": "Roolit", "Gender": "Sukupuoli", "Birth year": "Syntymävuosi",
        "Registered": "Rekisteröity", "Enrolled in": "Mukana toiminnoissa", "Engagements": "Toimeksiannot",
        "Engagement": "Toimeksianto", "Expert": "Kokemusasiantuntija", "Planned hours": "Suunnitellut tunnit",
        "Agreed fee": "Sovittu palkkio", "Done on": "Tehty", "Fee paid": "Palkkio maksettu", "Travel paid": "Matkat maksettu",
        "Experience experts": "Kokemusasiantuntijat", "Alias": "Peitenimi", "Identity code": "Henkilötunnus",
        "Anonymous": "Anonyymi", "Training": "Koulutus", "Since": "Alkaen", "Completed": "Tehty", "Last engagement": "Viimeisin toimeksianto",
        "Attendance sheet": "Läsnäololista", "(erased)": "(poistettu)", "(no key here)": "(ei avainta täällä)",
        "Open only": "Vain avoimet",
    ]
}
