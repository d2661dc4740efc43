import Foundation
import Server
import Testing

/// A facilitator on a phone: a real headless Chromium, 360 CSS pixels wide, signs in, opens the
/// group's next session and records it on the attendance sheet. The ledger then holds the events
/// under the facilitator's name, and the access log holds the roster's reading.
@Suite struct BrowserTests {
    @Test func aFacilitatorRecordsASessionFromAPhone() async throws {
        let server = try await TestServer.start(live: true)
        let browser = try await WebDriver(width: 360, height: 780)
        do {
            try await record(on: browser, server)
        } catch {
            await browser.quit()
            throw error
        }
        await browser.quit()
    }

    private func record(on browser: WebDriver, _ server: TestServer) async throws {
        let before = try server.events().count
        let base = try #require(server.baseURL)

        try await browser.open(base.appendingPathComponent("signin"))
        try await browser.type("ohjaaja", into: "input[name=user]")
        try await browser.type(TestServer.password, into: "input[name=password]")
        try await browser.click("form[action='/signin'] button[type=submit]")
        try #require(try await browser.waitForURL(containing: "/groups"))

        // The group's card leads to its next session's sheet.
        try await browser.click("a.button[href^='/groups/\(TestServer.ownActivity)/sessions/']")
        try #require(try await browser.waitForURL(containing: "/groups/\(TestServer.ownActivity)/sessions/"))
        let session = try #require(try await browser.currentURL.components(separatedBy: "/sessions/").last)
        // The page fits the phone: nothing wider than the screen.
        let scrollWidth = try await browser.evaluate("return document.documentElement.scrollWidth") as? Int
        let innerWidth = try await browser.evaluate("return window.innerWidth") as? Int
        #expect(innerWidth == 360)
        #expect(scrollWidth == innerWidth)

        try await browser.click("input[name='mark.p-7k2m'][value=present]")
        try await browser.click("input[name='mark.p-9x4d'][value=absent]")
        try await browser.type("Forssa", into: "input[name=location]")
        try await browser.click("button.primary")
        try #require(try await browser.waitForURL(containing: "saved=2"))
        #expect(try await browser.source.contains("Tallennettu"))

        let events = Array(try server.events().dropFirst(before))
        let recorded = events.filter { $0.stream == TestServer.ownActivity }
        #expect(recorded.map(\.type) == ["session.held", "attendance.recorded", "attendance.recorded"])
        #expect(recorded.allSatisfy { $0.data.contains(#""session":"\#(session)""#) })
        #expect(recorded.allSatisfy { $0.meta == #"{"actor":"ohjaaja"}"# })
        #expect(recorded.contains { $0.data.contains(#""participant":"p-7k2m""#) && $0.data.contains(#""status":"present""#) })
        #expect(recorded.contains { $0.data.contains(#""participant":"p-9x4d""#) && $0.data.contains(#""status":"absent""#) })
        let readings = events.filter { $0.type == "access.logged" }
        #expect(Set(readings.map(\.stream)) == Set(TestServer.enrolledAgain.map { "subject-\($0)" }))
        #expect(readings.allSatisfy { $0.data.contains(#""actor":"ohjaaja""#) })
        try await scheduleAndRateFIT(on: browser, server)
    }

    /// The facilitator plans the group's next session on its page, then records a FIT rating on
    /// the recording page: both fit the phone, and both land in the ledger under their name.
    private func scheduleAndRateFIT(on browser: WebDriver, _ server: TestServer) async throws {
        let before = try server.events().count
        let base = try #require(server.baseURL)
        try await browser.open(base.appendingPathComponent("groups/\(TestServer.ownActivity)"))
        try await browser.click("details:has(form[action$='/sessions']) summary")
        // A date field takes what a person picks in the calendar; the test sets it as the picker would.
        _ = try await browser.evaluate("document.querySelector(\"form[action$='/sessions'] input[name=date]\").value = '2026-12-17'; return 0")
        try await browser.click("form[action$='/sessions'] button[type=submit]")
        try #require(try await browser.waitForURL(containing: "scheduled=1"))
        #expect(try await browser.source.contains("17.12.2026"), "the day as people write it")

        try await browser.open(base.appendingPathComponent("record"))
        let scrollWidth = try await browser.evaluate("return document.documentElement.scrollWidth") as? Int
        #expect(scrollWidth == 360)
        try await browser.click("details:has(form[action='/record/fit']) summary")
        let form = "form[action='/record/fit']"
        try await browser.type("p-7k2m", into: "\(form) input[name=participant]")
        try await browser.type(TestServer.ownActivity, into: "\(form) input[name=activity]")
        // The instrument starts at "Valitse": a required choice is made, never taken by default.
        #expect(try await browser.source.contains(">Valitse</option>"))
        _ = try await browser.evaluate("document.querySelector(\"\(form) select[name=instrument]\").value = 'ORS'; return 0")
        for (item, score) in [("1", "6.5"), ("2", "7"), ("3", "5,5"), ("4", "8")] {
            try await browser.type(score, into: "\(form) input[name='items.\(item)']")
        }
        try await browser.click("\(form) button[type=submit]")
        try #require(try await browser.waitForURL(containing: "/record/fit"))
        #expect(try await browser.source.contains("Kirjattu"))

        let written = Array(try server.events().dropFirst(before)).filter { $0.type != "access.logged" }
        #expect(written.map(\.type) == ["session.scheduled", "feedback.fit-recorded"])
        #expect(written.allSatisfy { $0.meta == #"{"actor":"ohjaaja"}"# })
        #expect(written.last?.data.contains(#""items":[6.5,7,5.5,8]"#) == true)
    }
}
