import Ledger
import Vocabulary

/// The pages' language: Vocabulary's one language type, Finnish by default, English on request
/// (the switch in each page's footer).
typealias PageLanguage = Language

/// The keys of the pages' sentences and labels, whose words are in Vocabulary's catalogue
/// (`Catalogue+Pages.swift`). Templates read them as `{{t.key}}`; refusals name one by its key.
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
        case scheduledCount, scheduleNext, scheduleSessions, howOften, repeatOnce, repeatWeekly, repeatFortnightly, repeatDays, firstDay, times, listedDays
        case sheetHelp, othersPresent, saveOnlyMarked, backToGroup, backToSheet, printList, printHelp, printable, attendanceList, name, signature
        case facilitatorSignature, person, anonymous, fitForPresent, feedbackForPresent, fitRecorded, feedbackRecorded, cancelConfirm
        case cancelNeedsReason, cancelNeedsConfirmation, nothingYet
        case searchName, searchHelp, search, searchResults, noneFound, searchTooShort, backToSearch, details, showDetails, correctDetails
        case saveCorrection, registrationHeading, enrolmentsHeading, attendanceHeading, consentsHeading, evaluationHeading, expertHeading
        case expertAlias, consentGiven, consentWithdrawn, void, voiding, voidReason, voidNeedsReason, recordedNow, voidedNow, correctedNow
        case purposeNeeded, eraseNeedsReason, correctMarks
        case importTitle, importHelp, importFile, importButton, importRefused, imported, importUnreadable, importEmpty, importTooManyRows
        case importMissingColumn, importUnknownColumn, importRow, importBadCell, recordElsewhere, expertWord, costsTitle, costsHeading, staffTimeHeading
        case forbidden, notFound, badForm, staleForm, serverError, notSignedIn, noRole, refused, language, otherLanguage, home
    }

    /// A refusal by the ledger's schema or rules: the field by its label (the form's own, when a
    /// form shows it), then the rule's sentence — never a data path, a schema's name or a value.
    static func refusal(_ refusal: LedgerRefusal, _ language: PageLanguage, label: Words? = nil) -> String {
        Catalogue.refusalText(rule: refusal.rule, field: refusal.field, label: label, language)
    }

    static func text(_ key: Key, _ language: PageLanguage) -> String {
        Catalogue.page(key.rawValue)?(language) ?? key.rawValue
    }

    /// All of them, for a template's `t`.
    static func all(_ language: PageLanguage) -> [String: String] {
        Dictionary(uniqueKeysWithValues: Key.allCases.map { ($0.rawValue, text($0, language)) })
    }

}
