extension Catalogue {
    /// A report's heading or item, written in English in the reports' code, in `language`.
    public static func heading(_ english: String, _ language: Language) -> String {
        language == .en ? english : reportHeadings[english] ?? english
    }

    /// The Finnish of the reports' headings and items, by their English.
    static let reportHeadings: [String: String] = [
        // The ledger point every report carries
        "Ledger position": "Tapahtumalokin kohta", "Hash": "Tiiviste", "As of": "Tilanne", "Replayed to": "Toistettu kohtaan",
        "Chain verified": "Ketju tarkistettu",
        "Sessions and attendance": "Kokoontumiset ja osallistuminen",
        "Activity": "Toiminta", "Activities": "Toiminnat", "Name": "Nimi", "Kind": "Laji", "Municipality": "Kunta",
        "From": "Alkaen", "To": "Päättyen",
        "Held": "Pidetty", "Cancelled": "Peruttu", "Planned": "Suunniteltu", "Still scheduled": "Vielä tulossa",
        "Hours": "Tunnit", "Present": "Läsnä", "Absent": "Poissa", "Excused": "Poissa ilmoittaen",
        "Headcount": "Kävijämäärä", "Attendance": "Osallistuminen",
        "Sessions": "Kokoontumiset", "Session": "Kokoontuminen", "Date": "Päivä", "Status": "Tila", "Minutes": "Minuutit",
        "Format": "Muoto", "Participant": "Osallistuja", "Participants": "Osallistujat",
        "Commitment": "Sitoutuminen", "Cohort": "Ryhmä", "Signed up": "Ilmoittautunut", "Started": "Aloittanut",
        "Graduated": "Valmistunut", "Dropped out": "Keskeyttänyt", "Ended otherwise": "Päättynyt muuten",
        "Still enrolled": "Yhä mukana", "Never started": "Ei aloittanut", "Sessions held": "Pidettyjä kokoontumisia",
        "Attendances": "Osallistumiskertoja", "Started × held": "Aloittaneet × pidetyt", "Ended": "Päättynyt",
        "Outcome": "Tulos", "Sessions while enrolled": "Kokoontumisia mukana ollessa", "Attended": "Osallistunut",
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
        // Evaluation: FIT, feedback, surveys, BIKVA
        "Reliable change": "Luotettava muutos", "ORS cut-off": "ORS-raja", "CORS cut-off": "CORS-raja",
        "SRS/CSRS alert": "SRS/CSRS-hälytysraja", "A total on a cut-off": "Rajalla oleva pistemäärä", "Group": "Ryhmä",
        "Rated": "Arvioineita", "Two or more ratings": "Kaksi arviota tai enemmän", "Improved": "Parantunut",
        "No reliable change": "Ei luotettavaa muutosta", "Deteriorated": "Heikentynyt",
        "Below cut-off at first": "Alussa rajan alla", "Crossed the cut-off": "Ylitti rajan", "Instrument": "Mittari",
        "Ratings": "Arviot", "First": "Ensimmäinen", "First total": "Ensimmäinen pistemäärä", "Latest": "Viimeisin",
        "Latest total": "Viimeisin pistemäärä", "Change": "Muutos", "Alliance ratings to follow up": "Seurattavat yhteistyöarviot",
        "Total": "Pistemäärä", "Outcome totals by session": "Tulosmittarin pistemäärät kokoontumisittain",
        "Answers": "Vastauksia", "Named": "Nimellä", "With free text (sealed)": "Vapaa teksti (salattu)",
        "Mean rating": "Arvosanojen keskiarvo", "Rating": "Arvosana", "Share": "Osuus", "Themes": "Teemat", "Theme": "Teema",
        "Client feedback": "Asiakaspalaute", "Survey": "Kysely", "Scale": "Asteikko", "Respondents": "Vastaajia", "Waves": "Kyselykierrokset",
        "Wave": "Kierros", "Items": "Väittämät", "Item": "Väittämä", "Mean": "Keskiarvo", "Change from baseline": "Muutos alkukyselystä",
        "Mean by wave": "Keskiarvot kierroksittain", "Items in the chart": "Kuvion väittämät", "Evaluation": "Arviointi",
        "Stages recorded": "Kirjatut vaiheet", "Stages missing": "Puuttuvat vaiheet", "Stages": "Vaiheet", "Stage": "Vaihe",
        "Group size": "Ryhmän koko", "Agreed changes": "Sovitut muutokset", "Wording approved": "Sanamuoto hyväksytty",
        "Raised at stage": "Nostettu vaiheessa", "Answered at stages": "Käsitelty vaiheissa", "Done": "Toteutettu",
        "Theme by theme": "Teemoittain", "Said": "Sanottu", "Response": "Vastaus", "Agreed change": "Sovittu muutos",
        "Follow-up": "Seuranta", "Followed up": "Seurattu", "Follow-up of agreed changes": "Sovittujen muutosten seuranta",
        "Note": "Huomio", "Themes and agreed changes by stage": "Teemat ja sovitut muutokset vaiheittain",
        // Experts, fees, working time
        "Year": "Vuosi", "Expert bank": "Kokemusasiantuntijapankki", "Kinds of work": "Toimeksiantojen lajit",
        "Engagements in the year": "Toimeksiantoja vuonna", "Hours in the year": "Tunteja vuonna", "Open items on": "Avoimet tilanteessa",
        "View": "Näkymä", "Fees paid": "Palkkioita", "Fees": "Palkkiot", "Kilometres": "Kilometrit",
        "Kilometre allowance": "Kilometrikorvaus", "Tickets": "Liput", "Per diems": "Päivärahat", "Payments": "Maksut", "Paid": "Maksettu", "Day of the work": "Työpäivä",
        "Amount": "Määrä", "Tax-free": "Verovapaa", "Taxable": "Veronalainen", "First instrument": "Ensimmäinen mittari", "Travel": "Matkakorvaukset",
        "Travel, tax-free": "Matkakorvaukset, verovapaa", "Travel, taxable": "Matkakorvaukset, veronalainen", "By month": "Kuukausittain",
        "Month": "Kuukausi", "The year": "Vuosi", "Open items": "Avoimet asiat", "Open item": "Asia", "Age in days": "Ikä päivinä",
        "Fees and travel": "Palkkiot ja matkakorvaukset",
        "Period": "Ajanjakso", "Staff member": "Työntekijä", "Cost": "Kustannus", "By activity": "Toiminnoittain",
        "By work package": "Työpaketeittain", "Work package": "Työpaketti", "(none)": "(ei)",
        "Work packages in the period": "Työpaketit ajanjaksolla", "Working time": "Työaika", "Days": "Päivät",
        "Reach and participation": "Tavoittavuus ja osallistuminen", "Figure": "Tieto", "Value": "Määrä", "Basis": "Perusta",
        "By target group": "Kohderyhmittäin", "By age group": "Ikäryhmittäin", "By gender": "Sukupuolittain", "Age group": "Ikäryhmä",
        "Target group": "Kohderyhmä", "Sessions by kind of activity": "Kokoontumiset toimintamuodoittain",
        "STEA results report": "STEA-tuloksellisuusraportin luvut",
        "Timesheet": "Tuntilista", "Staff member's signature": "Työntekijän allekirjoitus", "Supervisor's approval": "Esihenkilön hyväksyntä",
    ]
}
