import Hummingbird

/// A request the server turns down, with a status and a sentence of its own (a key into
/// `PageText`, so that it comes in the page's language). It never quotes what was sent.
struct Refusal: Error {
    let status: HTTPResponse.Status
    let text: PageText.Key

    static let forbidden = Refusal(status: .forbidden, text: .forbidden)
    static let notFound = Refusal(status: .notFound, text: .notFound)
    static let badForm = Refusal(status: .badRequest, text: .badForm)
    /// A person's id in an address (`?expert=p-…`): such filters are posted.
    static let personInAddress = Refusal(status: .badRequest, text: .personInAddress)
    static let staleForm = Refusal(status: .forbidden, text: .staleForm)
    static let tooManyAttempts = Refusal(status: .tooManyRequests, text: .tooManyAttempts)
    static let wrongPassword = Refusal(status: .unauthorized, text: .wrongPassword)
    /// The authenticator's code (or a recovery code) is not the user's, or was used already.
    static let wrongCode = Refusal(status: .unauthorized, text: .wrongCode)
    /// A one-time password opens only the page where the user chooses their own.
    static let choosePasswordFirst = Refusal(status: .forbidden, text: .choosePasswordFirst)
    /// A role that sees names gets no API token before an authenticator is enrolled on the pages.
    static let enrolFirst = Refusal(status: .forbidden, text: .enrolFirst)
    /// No unused identifier was found in a hundred tries: try again.
    static let busy = Refusal(status: .serviceUnavailable, text: .tryAgain)
    /// The kilometre allowance table has no rate for the engagement's year.
    static let noAllowance = Refusal(status: .unprocessableContent, text: .noAllowance)
    static let noPerDiemRate = Refusal(status: .unprocessableContent, text: .noPerDiemRate)
    /// No event's id starts with what was given, or more than one's does.
    static let noSuchEvent = Refusal(status: .unprocessableContent, text: .noSuchEvent)
    /// A survey's answers are not lines of an item and a whole number.
    static let surveyAnswers = Refusal(status: .badRequest, text: .surveyAnswers)
    /// A BIKVA stage's themes are not in the themes' Markdown form.
    static let bikvaThemes = Refusal(status: .badRequest, text: .bikvaThemes)
    /// Nothing is sealed for the subject here (or its key store is not this ledger's).
    static let noPersonalData = Refusal(status: .notFound, text: .noPersonalData)
    /// The subject's data was erased: it can never be opened again.
    static let erasedData = Refusal(status: .gone, text: .erasedData)
    /// Erasure asks for its confirmation.
    static let confirmErasure = Refusal(status: .badRequest, text: .confirmErasure)
    /// The store refused the request's events as they stood when it reached them: another request
    /// changed the stream first (expected version), or its key's ids already hold other content.
    static let conflict = Refusal(status: .conflict, text: .conflict)
    /// An `Idempotency-Key` (or a form's `_request`) that is not 1 to 200 visible ASCII characters.
    static let badIdempotencyKey = Refusal(status: .badRequest, text: .badRequestKey)
    /// The chain does not verify up to the read models' head: no report is made from it.
    static let chainBroken = Refusal(status: .internalServerError, text: .chainBrokenNoReport)
}
