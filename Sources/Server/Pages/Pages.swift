import Foundation
import Hummingbird
import Mustache
import Vocabulary

/// Renders the pages from `Templates`: each page is the layout, a title, the user's name and
/// form token, the texts of the page's language (`t`), and the page's own values.
struct Pages: Sendable {
    /// The pages, by their template's name. Every one must have a template, or the server does
    /// not start: a page whose template is missing would otherwise be a blank 200.
    enum Page: String, CaseIterable, Sendable {
        case message, signIn = "signin", code, enrolment, recoveryCodes, password, groups, group, sheet, printedSheet, report, overview, reports, lists
        case record, people, person, costs, audit
    }

    /// The templates the pages include.
    static let partials = ["layout", "esrForm", "field", "recordField", "fileFormat", "activityNames", "entry", "personForm", "voidForm"]

    struct MissingTemplate: Error, CustomStringConvertible {
        let name: String
        var description: String { "The server's page \(name) has no template." }
    }

    private let library: MustacheLibrary

    init(templates: [String: String] = Templates.all) throws {
        var library = MustacheLibrary()
        for (name, text) in templates { try library.register(text, named: name) }
        for name in Page.allCases.map(\.rawValue) + Self.partials where library.getTemplate(named: name) == nil {
            throw MissingTemplate(name: name)
        }
        self.library = library
    }

    func render(_ page: Page, title: PageText.Key, heading: String? = nil, language: PageLanguage, user: String?, csrf: String?,
                status: HTTPResponse.Status = .ok, notice: String? = nil, problem: String? = nil,
                values: [String: Any] = [:]) -> Response {
        var context = values
        context["t"] = PageText.all(language)
        context["lang"] = language.rawValue
        context["otherLang"] = language == .fi ? PageLanguage.en.rawValue : PageLanguage.fi.rawValue
        context["title"] = heading ?? PageText.text(title, language)
        context["user"] = user
        context["csrf"] = csrf
        // A new key for each form shown: sending the form twice records it once.
        context["requestKey"] = UUID().uuidString.lowercased()
        context["notice"] = notice
        context["problem"] = problem
        let html = library.render(context, withTemplate: page.rawValue) ?? ""
        return Self.html(html, status: status)
    }

    /// A page of one sentence: a refusal, an error, or "you have no role yet".
    func message(status: HTTPResponse.Status, title: String, text: String, language: PageLanguage, user: String?, csrf: String?) -> Response {
        render(.message, title: .appName, heading: title, language: language, user: user, csrf: csrf, status: status, values: ["text": text])
    }

    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}

extension Response {
    /// 303 See Other: after a form post, the browser loads the next page with GET.
    static func redirect(to path: String) -> Response {
        Response(status: .seeOther, headers: [.location: path])
    }
}
