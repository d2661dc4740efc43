extension Catalogue {
    /// The data members' labels, by their name in the events (a form that shows the member under a
    /// label of its own names it so in a refusal instead).
    static let fields: [String: Words] = [
        "participant": Words("Osallistuja", "Participant"), "activity": Words("Toiminta", "Activity"), "project": Words("Hanke", "Project"),
        "session": Words("Kokoontuminen", "Session"), "engagement": Words("Toimeksianto", "Engagement"), "expert": Words("Kokemusasiantuntija", "Experience expert"),
        "date": Words("Päivä", "Day"), "startDate": Words("Alkamispäivä", "Start day"), "endDate": Words("Päättymispäivä", "End day"),
        "registeredOn": Words("Rekisteröintipäivä", "Registration day"), "birthYear": Words("Syntymävuosi", "Birth year"),
        "gender": Words("Sukupuoli", "Gender"), "municipality": Words("Kotikunta", "Home municipality"), "roles": Words("Roolit", "Roles"),
        "personal": Words("Henkilötiedot", "Personal data"), "name": Words("Nimi", "Name"), "birthDate": Words("Syntymäaika", "Birth date"),
        "contact": Words("Puhelin tai sähköposti", "Phone or e-mail"), "guardian": Words("Huoltaja", "Guardian"),
        "personalIdentityCode": Words("Henkilötunnus", "Identity code"),
        "entry": Words("Aloitustiedot", "Entry data"), "ageAtEntry": Words("Ikä aloituspäivänä", "Age on the day of entry"),
        "labourMarketStatus": Words("Työmarkkina-asema", "Labour-market status"), "educationLevel": Words("Koulutustaso", "Education level"),
        "disability": Words("Vamma", "Disability"), "thirdCountNational": Words("Kolmannen maan kansalainen", "Third-country national"),
        "foreignBackground": Words("Ulkomaalaistausta", "Foreign background"), "minority": Words("Vähemmistö", "Minority"),
        "homelessOrHousingExclusion": Words("Asunnottomuus", "Homeless or housing exclusion"), "ruralArea": Words("Maaseutu", "Rural area"),
        "outcome": Words("Miten päättyi", "Outcome"), "exit": Words("Päättymistiedot", "Exit data"),
        "jobSearching": Words("Lopussa: työnhakija", "At exit: job searching"), "inEducationOrTraining": Words("Lopussa: koulutuksessa", "At exit: in education or training"),
        "gainedQualification": Words("Lopussa: sai tutkinnon", "At exit: gained a qualification"), "employed": Words("Lopussa: työssä", "At exit: employed"),
        "alias": Words("Julkinen peitenimi", "Public alias"), "anonymous": Words("Ei koskaan nimellä", "Never named"), "training": Words("Koulutus", "Training"),
        "status": Words("Tila", "Status"), "kind": Words("Laji", "Kind"), "mode": Words("Tapa", "Mode"),
        "plannedHours": Words("Suunnitellut tunnit", "Planned hours"), "hours": Words("Tunnit", "Hours"),
        "agreedFeeCents": Words("Sovittu palkkio", "Agreed fee"), "amountCents": Words("Summa", "Amount"), "reason": Words("Syy", "Reason"),
        "kilometres": Words("Kilometrit", "Kilometres"), "ticketCents": Words("Lippujen hinta", "Ticket costs"), "days": Words("Päiviä", "Days"),
        "scope": Words("Mihin", "Scope"), "givenBy": Words("Kuka antoi", "Given by"), "withdrawn": Words("Peruttu", "Withdrawn"),
        "instrument": Words("Mittari", "Instrument"), "items": Words("Kohdat", "Items"), "rating": Words("Arvio", "Rating"),
        "themes": Words("Teemat", "Themes"), "text": Words("Vapaa teksti", "Free text"), "survey": Words("Kysely", "Survey"),
        "wave": Words("Kierros", "Wave"), "respondentGroup": Words("Vastaajaryhmä", "Respondent group"), "answers": Words("Vastaukset", "Answers"),
        "scale": Words("Asteikko", "Scale"), "evaluation": Words("Arviointi", "Evaluation"), "stage": Words("Vaihe", "Stage"),
        "theme": Words("Teema", "Theme"), "groupSize": Words("Ryhmän koko", "Group size"),
        "staff": Words("Työntekijä", "Staff member"), "workPackage": Words("Työpaketti", "Work package"), "category": Words("Laji", "Category"),
        "description": Words("Kuvaus", "Description"), "code": Words("Hankekoodi", "Project code"), "funder": Words("Rahoittaja", "Funder"),
        "costModel": Words("Kustannusmalli", "Cost model"), "selfFinancingPercent": Words("Omarahoitusosuus", "Self-financing share"),
        "targetGroup": Words("Kohderyhmä", "Target group"), "format": Words("Muoto", "Format"), "location": Words("Paikka", "Place"),
        "durationMinutes": Words("Kesto (min)", "Length (min)"), "headcount": Words("Kävijämäärä", "Headcount"),
        "startTime": Words("Alkamisaika", "Start time"), "eventId": Words("Mitätöitävä kirjaus", "The entry to void"),
        "user": Words("Käyttäjä", "User"), "role": Words("Rooli", "Role"), "stream": Words("Kirjauksen paikka", "The entry's stream"),
        "type": Words("Kirjauksen laji", "The entry's type"),
    ]
}

extension Catalogue {
    /// Help under a form's field where the funder's definition matters (ESR+ common indicators).
    public static func help(_ field: String) -> Words? {
        let name = field.split(separator: ".").last.map(String.init) ?? field
        if sensitiveAnswers.contains(name) { return helps["answer"] }
        return helps[name]
    }

    static let sensitiveAnswers: Set<String> = [
        "disability", "thirdCountNational", "foreignBackground", "minority", "homelessOrHousingExclusion", "ruralArea",
        "jobSearching", "inEducationOrTraining", "gainedQualification", "employed",
    ]

    static let helps: [String: Words] = [
        "labourMarketStatus": Words(
            "Tilanne osallistumisen alkaessa. Työtön: ilmoittautunut työttömäksi työnhakijaksi. Pitkäaikaistyötön: työttömänä yhtäjaksoisesti yli 12 kuukautta (alle 25-vuotias yli 6 kuukautta). Työvoiman ulkopuolella: ei työssä eikä työnhakijana (esimerkiksi opiskelija tai kotona lasta hoitava). Työllinen: palkkatyössä tai yrittäjä.",
            "The situation on the day of entry. Unemployed: registered as an unemployed jobseeker. Long-term unemployed: unemployed for more than 12 months in a row (under 25: more than 6). Inactive: neither working nor seeking work (a student, at home with a child). Employed: working for pay or self-employed."),
        "educationLevel": Words(
            "Korkein suoritettu koulutus. ISCED 0–2: enintään perusopetus. ISCED 3–4: lukio, ammatillinen perustutkinto tai vastaava. ISCED 5–8: korkeakoulututkinto.",
            "The highest education completed. ISCED 0–2: basic education at most. ISCED 3–4: upper secondary (general or vocational) or post-secondary. ISCED 5–8: a higher-education degree."),
        "answer": Words(
            "Ei kerätty: kysymystä ei esitetty (esimerkiksi koska tietoa saa kerätä vain lakiperusteella). Kieltäytyi vastaamasta: kysyttiin, mutta osallistuja ei halunnut vastata. Raportti laskee ne erikseen.",
            "Not collected: the question was not asked (for one, where only a legal basis allows it). Refused: asked, but the participant chose not to answer. The report counts them apart."),
    ]
}
