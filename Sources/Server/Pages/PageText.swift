import Ledger
import Vocabulary

/// The pages' language: Vocabulary's one language type, Finnish by default, English on request
/// (the switch in each page's footer).
typealias PageLanguage = Language

/// Every sentence and label the pages show, in Finnish and English. Templates read them as
/// `{{t.key}}`; refusals name one by its key.
enum PageText {
    enum Key: String, CaseIterable {
        case appName, signIn, signOut, user, password, newPassword, repeatPassword, setPassword, passwordSet, mustSetPassword
        case passwordsDiffer, passwordTooShort, passwordTooLong, wrongPassword, tooManyAttempts, tooLarge, personInAddress
        case choose, currentPassword, wrongCurrentPassword, changePassword, secondFactor, secondFactorInUse, code, codeHelp, wrongCode, choosePasswordFirst, enrolFirst
        case enrolIntro, enrolRequired, openInApp, secretToType, confirmCode, recoveryIntro, continueOn
        case groups, group, nextSession, noNextSession, enrolled, sessions, roster, date, status, headcount, present, absent, excused
        case scheduled, held, cancelled, attendanceSheet, markSessionHeld, durationMinutes, location, format, inPerson, remote, hybrid
        case save, saved, cancelSession, cancelReason, nobodyEnrolled, noName, erased, noKey, open
        case overview, activities, sessionsThisWeek, marksMissing, sessionsMissingMarks, openFeeItems, feeMissing, travelMissing, overdue, engagement, since, days
        case reports, esrReport, project, from, to, download, suppressedNote
        case asOf, show, feedback, audit, chain, chainIntact, chainBroken, head, position, hash, events, export, readings, subject, actor, purpose, at
        case steaReport, sessionsReport, commitmentReport, bikvaReport, fitReport, feedbackReport, surveyReport, expertBankReport
        case feesReport, staffTimeReport, evaluation, survey, respondentGroup, expert, staffMember, year, optional, oneOf, anyChoice
        case lists, projectsList, activitiesList, participantsList, sessionsList, engagementsList, expertsList, onlyOpen
        case withNames, namesNote, payrollView, payrollNote, chainBrokenNoReport, tryAgain, conflict, badRequestKey, noAllowance, noPerDiemRate
        case people, personId, revealData, erasePerson, eraseReason, eraseConfirm, erasedNow, alreadyErased, noPersonalData, erasedData
        case confirmErasure, accessLog, nobodyRead, read, erasedWord, field, value, event
        case surveyAnswers, bikvaThemes, recordFITOrFeedback, noSuchEvent, fileFormat, record, recorded, invalidField, schedule, scheduled2, startTime, scheduleSession
        case forbidden, notFound, badForm, staleForm, serverError, notSignedIn, noRole, refused, language, otherLanguage, home
    }

    /// A refusal by the ledger's schema or rules: the field by its label (the form's own, when a
    /// form shows it), then the rule's sentence — never a data path, a schema's name or a value.
    static func refusal(_ refusal: LedgerRefusal, _ language: PageLanguage, label: Words? = nil) -> String {
        Catalogue.refusalText(rule: refusal.rule, field: refusal.field, label: label, language)
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
        .tooLarge: ("Lähetys on liian suuri.", "What was sent is too large."),
        .personInAddress: ("Henkilön tunnus ei kuulu osoitteeseen: lähetä se lomakkeella.", "A person's id does not belong in an address: send it with the form."),
        .choose: ("Valitse", "Choose"),
        .currentPassword: ("Nykyinen salasana", "Current password"),
        .wrongCurrentPassword: ("Nykyinen salasana on väärin.", "The current password is wrong."),
        .changePassword: ("Vaihda salasana", "Change password"),
        .secondFactor: ("Kaksivaiheinen tunnistautuminen", "Two-step sign-in"),
        .secondFactorInUse: ("Todennussovellus on jo käytössä. Jos puhelin katoaa, pyydä ylläpitäjää poistamaan se (tuki user reset-2fa).",
                             "An authenticator app is already in use. If the phone is lost, ask the administrator to remove it (tuki user reset-2fa)."),
        .code: ("Koodi", "Code"),
        .codeHelp: ("Todennussovelluksen kuusinumeroinen koodi tai yksi varakoodeistasi.", "The six-digit code of your authenticator app, or one of your recovery codes."),
        .wrongCode: ("Koodi ei kelpaa.", "The code is not valid."),
        .choosePasswordFirst: ("Valitse ensin oma salasana kirjautumissivulla.", "Choose your own password on the sign-in page first."),
        .enrolFirst: ("Ota ensin kaksivaiheinen tunnistautuminen käyttöön kirjautumissivulla.", "Enrol a second factor on the sign-in page first."),
        .enrolIntro: ("Lisää Tuki todennussovellukseesi (esimerkiksi Google Authenticator, Microsoft Authenticator tai FreeOTP): avaa linkki puhelimella tai kirjoita avain sovellukseen. Kirjoita sitten sovelluksen näyttämä koodi.",
                      "Add Tuki to your authenticator app (Google Authenticator, Microsoft Authenticator or FreeOTP, for example): open the link on your phone or type the key into the app. Then type the code the app shows."),
        .enrolRequired: ("Roolisi näkee henkilötietoja, joten kirjautuminen vaatii salasanan lisäksi todennussovelluksen koodin.",
                         "Your role sees personal data, so signing in takes a code from an authenticator app besides the password."),
        .openInApp: ("Avaa todennussovelluksessa", "Open in the authenticator app"),
        .secretToType: ("Avain", "Key"),
        .confirmCode: ("Ota käyttöön", "Turn on"),
        .recoveryIntro: ("Kaksivaiheinen tunnistautuminen on käytössä. Alla ovat varakoodisi: kukin kelpaa kerran koodin sijaan, jos puhelin ei ole käsillä. Tulosta tai kirjoita ne talteen nyt – niitä ei näytetä uudelleen.",
                         "Two-step sign-in is on. Below are your recovery codes: each works once instead of a code when your phone is not at hand. Print them or write them down now – they are not shown again."),
        .continueOn: ("Jatka", "Continue"),
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
        .activities: ("Toiminnat", "Activities"),
        .sessionsThisWeek: ("Tämän viikon kokoontumiset", "Sessions this week"),
        .marksMissing: ("Pidetty, läsnäolot merkitsemättä", "Held, attendance not marked"),
        .sessionsMissingMarks: ("Pidetyt kokoontumiset, joiden läsnäolot puuttuvat", "Held sessions without attendance marks"),
        .openFeeItems: ("Avoimet palkkiot ja matkat", "Open fees and travel"),
        .feeMissing: ("Palkkio maksamatta", "Fee not paid"),
        .travelMissing: ("Matkakulut korvaamatta", "Travel not reimbursed"),
        .overdue: ("Myöhässä", "Overdue"),
        .engagement: ("Toimeksianto", "Engagement"),
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
        .steaReport: ("STEA-tuloksellisuusraportti", "STEA results report"),
        .sessionsReport: ("Kokoontumiset ja läsnäolo", "Sessions and attendance"),
        .commitmentReport: ("Sitoutuminen", "Commitment"),
        .bikvaReport: ("BIKVA-arviointi", "BIKVA evaluation"),
        .fitReport: ("FIT-mittaukset", "FIT"),
        .feedbackReport: ("Asiakaspalaute", "Client feedback"),
        .surveyReport: ("Kysely", "Survey"),
        .expertBankReport: ("Kokemusasiantuntijapankki", "Expert bank"),
        .feesReport: ("Palkkiot ja matkakulut", "Fees and travel"),
        .staffTimeReport: ("Henkilöstön työaika", "Staff working time"),
        .evaluation: ("Arvioinnin tunnus", "Evaluation id"),
        .survey: ("Kyselyn tunnus", "Survey id"),
        .respondentGroup: ("Vastaajaryhmä", "Respondent group"),
        .expert: ("Kokemusasiantuntija (tunniste)", "Expert (participant id)"),
        .staffMember: ("Työntekijän tuntilista (tunniste)", "One staff member's timesheet (id)"),
        .year: ("Vuosi", "Year"),
        .optional: ("valinnainen", "optional"),
        .oneOf: ("Valitse ryhmä tai hanke, ei molempia.", "Choose a group or a project, not both."),
        .anyChoice: ("(kaikki)", "(all)"),
        .lists: ("Luettelot", "Lists"),
        .projectsList: ("Hankkeet", "Projects"),
        .activitiesList: ("Toiminnat", "Activities"),
        .participantsList: ("Osallistujat", "Participants"),
        .sessionsList: ("Kokoontumiset", "Sessions"),
        .engagementsList: ("Kokemusasiantuntijoiden toimeksiannot", "Experts' engagements"),
        .expertsList: ("Kokemusasiantuntijat", "Experience experts"),
        .onlyOpen: ("Vain avoimet", "Only open ones"),
        .withNames: ("Nimineen", "With names"),
        .namesNote: ("Jokaisen nimen avaaminen kirjataan hänen lokiinsa sinun nimissäsi ja tällä syyllä.", "Each name opened is logged in that person's access log under your name, with this purpose."),
        .payrollView: ("Palkanmaksunäkymä (nimet ja henkilötunnukset)", "Payroll view (names and identity codes)"),
        .payrollNote: ("Näyttää myös anonyymien kokemusasiantuntijoiden nimet ja kaikkien henkilötunnukset palkkioiden maksamista varten.", "Shows anonymous experts' names too, and everyone's identity code, for paying them."),
        .chainBrokenNoReport: ("Tiivisteketju ei täsmää, joten raporttia ei tehty. Pyydä tarkastajaa tarkistamaan kirjanpito.", "The hash chain does not verify, so no report was made. Ask the auditor to check the ledger."),
        .tryAgain: ("Palvelu on kiireinen. Yritä uudelleen.", "The server is busy. Try again."),
        .conflict: ("Tieto muuttui samaan aikaan toisaalla, eikä tätä kirjattu. Lataa sivu ja yritä uudelleen.",
                    "The record changed elsewhere at the same moment, and this was not recorded. Reload the page and try again."),
        .badRequestKey: ("Pyynnön tunniste ei kelpaa: 1–200 näkyvää ASCII-merkkiä.", "The request's key is not valid: 1 to 200 visible ASCII characters."),
        .noPerDiemRate: ("Päivärahataulukossa ei ole työpäivän vuoden päivärahaa. Kirjaa päiväraha komentoriviltä omalla määrällä ja syyllä.", "The per diem table has no rate for the year of the work. Record the per diem on the command line with a rate and a reason."),
        .noAllowance: ("Kilometrikorvaustaulukossa ei ole toimeksiannon vuoden korvausta. Kirjaa matka komentoriviltä omalla korvauksella ja syyllä.", "The kilometre allowance table has no rate for the engagement's year. Record the travel on the command line with a rate and a reason."),
        .people: ("Henkilön tiedot", "A person's data"),
        .personId: ("Henkilön tunniste (p-… tai fb-…)", "The person's id (p-… or fb-…)"),
        .revealData: ("Avaa salatut tiedot", "Open the sealed data"),
        .erasePerson: ("Poista henkilön tiedot pysyvästi", "Erase the person's data for good"),
        .eraseReason: ("Syy (kirjataan; ei henkilötietoja)", "Why (recorded; no personal data)"),
        .eraseConfirm: ("Ymmärrän, ettei tietoja voi enää koskaan avata", "I understand the data can never be opened again"),
        .erasedNow: ("Tiedot poistettiin: avain on hävitetty ja poisto kirjattu.", "The data was erased: its key is destroyed and the erasure recorded."),
        .alreadyErased: ("Tiedot oli jo poistettu.", "The data was already erased."),
        .noPersonalData: ("Tällä tunnisteella ei ole salattuja tietoja.", "Nothing is sealed for that id."),
        .erasedData: ("Henkilön tiedot on poistettu, eikä niitä voi enää avata.", "The person's data was erased and can never be opened again."),
        .confirmErasure: ("Vahvista poisto rastilla.", "Tick the box to confirm the erasure."),
        .accessLog: ("Kuka on lukenut tiedot", "Who has read the data"),
        .nobodyRead: ("Kukaan ei ole lukenut tietoja.", "Nobody has read the data."),
        .read: ("luki", "read"),
        .erasedWord: ("poisti", "erased"),
        .field: ("Tieto", "Field"),
        .value: ("Arvo", "Value"),
        .event: ("Kirjaus", "Event"),
        .surveyAnswers: ("Vastaukset: jokaisella rivillä kohta ja kokonaisluku, esimerkiksi \"Tiedän mistä saan tukea: 4\".", "The answers: on each line an item and a whole number, such as \"I know where to find support: 4\"."),
        .bikvaThemes: ("Teemat: jokainen alkaa rivillä \"## Teema\", ja sen alla rivit Sanottu:, Vastaus: ja Sovittu muutos:.", "The themes: each starts with a line \"## Theme\", with lines Said:, Response: and Agreed change: under it."),
        .recordFITOrFeedback: ("Kirjaa FIT-mittaus tai palaute", "Record a FIT rating or feedback"),
        .noSuchEvent: ("Yhdenkään tapahtuman tunniste ei ala annetuilla merkeillä, tai useamman alkaa: anna tunniste kokonaan.", "No event's id starts with the characters given, or more than one's does: give the whole id."),
        .fileFormat: ("Muoto", "Form"),
        .record: ("Kirjaa", "Record"),
        .recorded: ("Kirjattu", "Recorded"),
        .invalidField: ("Kenttä puuttuu tai ei kelpaa", "A field is missing or not valid"),
        .schedule: ("Suunnittele", "Schedule"),
        .scheduled2: ("Kokoontuminen suunniteltu", "Session scheduled"),
        .startTime: ("Alkaa klo (valinnainen)", "Starts at (optional)"),
        .scheduleSession: ("Suunnittele kokoontuminen", "Schedule a session"),
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
