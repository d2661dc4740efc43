/// The words of the sessions and commitment reports, written in English in their code and shown
/// in the report's language. (The ESR+ report has its own, ESR/ESRLabels.swift.)
enum Labels {
    static func text(_ english: String, _ language: Report.Language) -> String {
        language == .en ? english : finnish[english] ?? english
    }

    /// A code (a status, an outcome, an activity kind, a gender) as a cell: the code for CSV and
    /// JSON, its words in the report's language for people.
    static func code(_ code: String, _ language: Report.Language) -> Report.Cell {
        let words = codeWords[code] ?? ESRLabels.words[code]
        return .coded(code: code, label: words.map { language == .fi ? $0.fi : $0.en } ?? code)
    }

    /// The cells of a few codes, made once for a table of many rows.
    struct Codes: Sendable {
        private let cells: [(code: String, cell: Report.Cell)]
        private let language: Report.Language

        init(_ codes: [String], _ language: Report.Language) {
            cells = codes.map { ($0, Labels.code($0, language)) }
            self.language = language
        }

        func cell(_ code: String) -> Report.Cell {
            for entry in cells where entry.code == code { return entry.cell }
            return Labels.code(code, language)
        }
    }

    static let codeWords: [String: (fi: String, en: String)] = [
        "scheduled": ("suunniteltu", "scheduled"), "held": ("pidetty", "held"), "cancelled": ("peruttu", "cancelled"),
        "present": ("läsnä", "present"), "absent": ("poissa", "absent"), "excused": ("poissa ilmoittaen", "excused"),
        "agreed": ("sovittu", "agreed"), "completed": ("tehty", "completed"),
        "graduated": ("valmistunut", "graduated"), "dropped-out": ("keskeyttänyt", "dropped out"), "moved": ("muuttanut", "moved"),
        "other": ("muu", "other"), "yes": ("kyllä", "yes"), "no": ("ei", "no"),
        "in-person": ("lähitapaaminen", "in person"), "remote": ("etänä", "remote"), "hybrid": ("hybridi", "hybrid"),
        // One person's gender (the ESR+ report's columns are plural: "naiset").
        "woman": ("nainen", "woman"), "man": ("mies", "man"), "non-binary": ("muunsukupuolinen", "non-binary"),
        "not-told": ("ei kertonut", "not told"),
        "child": ("lapsi", "child"), "young-person": ("nuori", "young person"), "young-adult": ("nuori aikuinen", "young adult"),
        "parent": ("vanhempi", "parent"), "experience-expert": ("kokemusasiantuntija", "experience expert"),
        "foster-parent": ("sijaisvanhempi", "foster parent"),
        // Evaluation
        "improved": ("parantunut", "improved"), "no-reliable-change": ("ei luotettavaa muutosta", "no reliable change"),
        "deteriorated": ("heikentynyt", "deteriorated"),
        "counts-as-below": ("lasketaan rajan alle", "counts as below"), "counts-as-above": ("lasketaan rajan yli", "counts as above"),
        "done": ("toteutettu", "done"), "partly": ("osittain", "partly"), "not-done": ("ei toteutettu", "not done"),
        "recorded": ("kirjattu", "recorded"), "missing": ("puuttuu", "missing"),
        "stage-1": ("1 asiakkaat", "1 clients"), "stage-2": ("2 työntekijät", "2 frontline workers"),
        "stage-3": ("3 johto", "3 management"), "stage-4": ("4 päättäjät", "4 decision makers"),
        "baseline": ("alkukysely", "baseline"), "mid-term": ("väliarviointi", "mid-term"), "final": ("loppukysely", "final"),
        "staff": ("henkilöstö", "staff"), "management": ("johto", "management"),
        "experience-experts": ("kokemusasiantuntijat", "experience experts"), "partners": ("yhteistyökumppanit", "partners"),
        // Experts and fees
        "active": ("aktiivinen", "active"), "paused": ("tauolla", "paused"), "left": ("lopettanut", "left"),
        "fee": ("palkkio", "fee"), "travel": ("matkakorvaus", "travel"), "per-diem": ("päiväraha", "per diem"),
        "full-day": ("kokopäiväraha", "full-day"), "part-day": ("osapäiväraha", "part-day"),
        "fee-missing": ("palkkio maksamatta", "fee not paid"), "travel-missing": ("matkat korvaamatta", "travel not reimbursed"),
        "overdue": ("ei tehty eikä peruttu", "neither done nor cancelled"), "payroll": ("palkanmaksu", "payroll"),
        // STEA
        "counted": ("kerätty tieto", "counted"), "estimated": ("arvio", "estimated"),
        "participants-registered": ("toimintaan osallistuneet (rekisteröidyt)", "people who took part (registered)"),
        "open-event-visits": ("avoimien tapahtumien kävijät (käynnit; arvio henkilöistä)", "people reached at open events (visits; an estimate of people)"),
        "experience-experts-engaged": ("toimineet kokemusasiantuntijat", "experience experts who worked"),
        "experience-expert-engagements": ("kokemusasiantuntijoiden toimeksiannot", "experience experts' engagements"),
        "experience-expert-hours": ("kokemusasiantuntijoiden tunnit", "experience experts' hours"),
        "feedback-answers": ("palautteet", "feedback answers"),
        "age-0-11": ("0–11-vuotiaat", "aged 0–11"), "age-12-17": ("12–17-vuotiaat", "aged 12–17"), "age-18-29": ("18–29-vuotiaat", "aged 18–29"),
        "age-30-64": ("30–64-vuotiaat", "aged 30–64"), "age-65-": ("65 vuotta täyttäneet", "aged 65 or over"),
        "children-under-12": ("alle 12-vuotiaat lapset", "children under 12"), "young-people-12-17": ("12–17-vuotiaat nuoret", "young people 12–17"),
        "young-adults-aftercare": ("jälkihuollon nuoret aikuiset", "young adults in aftercare"), "parents": ("vanhemmat", "parents"),
        "parents-of-placed-children": ("sijoitettujen lasten vanhemmat", "parents of placed children"),
        "foster-families": ("sijaisperheet", "foster families"), "professionals": ("ammattilaiset", "professionals"),
        "mixed": ("useita ryhmiä", "mixed"),
    ]

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
        // Evaluation: FIT, feedback, surveys, BIKVA
        "Reliable change": "Luotettava muutos", "ORS cut-off": "ORS-raja", "CORS cut-off": "CORS-raja",
        "SRS/CSRS alert": "SRS/CSRS-hälytysraja", "A total on a cut-off": "Rajalla oleva pistemäärä", "Group": "Ryhmä",
        "Rated": "Arvioineita", "Two or more ratings": "Kaksi arviota tai enemmän", "Improved": "Parantunut",
        "No reliable change": "Ei luotettavaa muutosta", "Deteriorated": "Heikentynyt",
        "Below cut-off at first": "Alussa rajan alla", "Crossed the cut-off": "Ylitti rajan", "Instrument": "Mittari",
        "Ratings": "Arviot", "First": "Ensimmäinen", "First total": "Ensimmäinen pistemäärä", "Latest": "Viimeisin",
        "Latest total": "Viimeisin pistemäärä", "Change": "Muutos", "Alliance ratings to follow up": "Seurattavat yhteistyöarviot",
        "Total": "Pistemäärä", "Outcome totals by session": "Tulosmittarin pistemäärät tapaamisittain",
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
        "Year": "Vuosi", "Expert bank": "Kokemusasiantuntijapankki", "Kinds of work": "Tehtävät",
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
        "Target group": "Kohderyhmä", "Sessions by kind of activity": "Tapaamiset toimintamuodoittain",
        "STEA results report": "STEA-tuloksellisuusraportin luvut",
        "Timesheet": "Tuntilista", "Staff member's signature": "Työntekijän allekirjoitus", "Supervisor's approval": "Esihenkilön hyväksyntä",
    ]
}
