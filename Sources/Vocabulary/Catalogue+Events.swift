extension Catalogue {
    /// What an event records, in a few words: a correction says what it voids by these, with the
    /// entry's day and amount, never its free text.
    public static func eventType(_ type: String) -> Words? {
        eventTypes[type]
    }

    static let eventTypes: [String: Words] = [
        "project.registered": Words("Hankkeen rekisteröinti", "Project registered"),
        "activity.created": Words("Toiminnan perustaminen", "Activity set up"),
        "session.scheduled": Words("Kokoontuminen suunniteltu", "Session scheduled"),
        "session.held": Words("Kokoontuminen pidetty", "Session held"),
        "session.cancelled": Words("Kokoontuminen peruttu", "Session cancelled"),
        "attendance.recorded": Words("Läsnäolomerkintä", "Attendance mark"),
        "participant.registered": Words("Rekisteröinti", "Registration"),
        "participant.details-corrected": Words("Tietojen korjaus", "Details corrected"),
        "participant.consent-recorded": Words("Suostumus", "Consent"),
        "enrolment.signed-up": Words("Ilmoittautuminen", "Sign-up"),
        "enrolment.started": Words("Aloitus", "Start"),
        "enrolment.ended": Words("Päättyminen", "End"),
        "expert.registered": Words("Kokemusasiantuntijaksi", "Made an experience expert"),
        "expert.status-changed": Words("Kokemusasiantuntijan tilan muutos", "Expert's status changed"),
        "engagement.agreed": Words("Toimeksianto sovittu", "Engagement agreed"),
        "engagement.completed": Words("Toimeksianto tehty", "Engagement done"),
        "engagement.cancelled": Words("Toimeksianto peruttu", "Engagement cancelled"),
        "fee.paid": Words("Palkkio maksettu", "Fee paid"),
        "travel.reimbursed": Words("Matkakulut korvattu", "Travel reimbursed"),
        "per-diem.paid": Words("Päiväraha maksettu", "Per diem paid"),
        "feedback.fit-recorded": Words("FIT-mittaus", "FIT rating"),
        "feedback.given": Words("Asiakaspalaute", "Client feedback"),
        "bikva.stage-recorded": Words("BIKVA-vaihe", "BIKVA stage"),
        "bikva.wording-approved": Words("BIKVA-muotoilun hyväksyntä", "BIKVA wording approved"),
        "bikva.change-followed-up": Words("BIKVA-muutoksen seuranta", "BIKVA change followed up"),
        "survey.answered": Words("Kyselyvastaus", "Survey answer"),
        "staff.time-logged": Words("Työaika", "Staff time"),
        "cost.incurred": Words("Kustannus", "Cost"),
        "user.role-granted": Words("Rooli annettu", "Role granted"),
        "user.role-revoked": Words("Rooli otettu pois", "Role revoked"),
        "entry.voided": Words("Mitätöinti", "Void"),
        "access.logged": Words("Tietojen luku", "Reading of personal data"),
        "subject.erased": Words("Tietojen poisto", "Erasure"),
    ]
}
