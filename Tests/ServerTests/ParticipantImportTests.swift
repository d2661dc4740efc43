import EventStore
import Foundation
import NIOCore
import Testing

@testable import Server

/// A spreadsheet's participants: the rows as a Finnish spreadsheet saves them (semicolons, a byte
/// order mark, 7.12.2026, words for codes) or with commas and quotes, all recorded or none; each
/// problem named by its row and column, never by the cell's value.
@Suite(.serialized) struct ParticipantImportTests {
    static let server = Task { try await TestServer.start() }

    static let finnish = "\u{FEFF}Nimi;Syntymäaika;Sukupuoli;Kotikunta;Roolit;Puhelin\r\n"
        + "Tuula Tuontinen;3.4.1985;nainen;Forssa;vanhempi;040 100 2000\r\n"
        + ";;;;;\r\n"
        + "Toivo Tuontinen;1980-11-30;Mies;Tammela;vanhempi, sijaisvanhempi;\r\n"

    @Test func aFinnishSpreadsheetsRowsAreAllRegisteredWithTheirNamesSealed() async throws {
        let server = try await Self.server.value
        let browser = Browser(server)
        let csrf = try await browser.signIn("koordinaattori")
        let before = try server.events().count
        let answer = try await browser.post("/record/import", [("_request", UUID().uuidString)], file: ("file", "osallistujat.csv", Self.finnish), csrf: csrf)
        #expect(answer.status == 200)
        #expect(answer.body.contains("Osallistujia kirjattu: 2"))
        let registered = try server.events().dropFirst(before).filter { $0.type == "participant.registered" }
        #expect(registered.count == 2)
        #expect(registered.allSatisfy { $0.meta == #"{"actor":"koordinaattori"}"# })
        #expect(registered.contains { $0.data.contains(#""municipality":"Tammela""#) && $0.data.contains(#""roles":["parent","foster-parent"]"#)
            && $0.data.contains(#""gender":"man""#) && $0.data.contains(#""birthYear":1980"#) })
        for event in registered {
            #expect(!event.data.contains("Tuontinen") && !event.data.contains("040 100"), "names and contacts are sealed")
        }
        // Found by name, as anyone registered on a form.
        let found = try await browser.post("/people/search", [("name", "tuonti")], csrf: csrf)
        #expect(found.body.contains("Tuula Tuontinen") && found.body.contains("Toivo Tuontinen"))
    }

    @Test func aFileWithABadCellRecordsNothingAndNamesEachRowAndColumn() async throws {
        let server = try await Self.server.value
        let browser = Browser(server)
        let csrf = try await browser.signIn("koordinaattori")
        let file = "Name,Birth date,Gender,Home municipality,Roles,Phone\n"
            + "Kalle Kelpaava,1.2.1990,man,Forssa,\"parent,foster-parent\",040 1\n"
            + "Ville Virheellinen,31.2.1990,man,Forssa,parent,\n"
            + "Saara Salainen,1.2.1991,jotain-outoa,Forssa,parent,\n"
            + ",1.2.1992,woman,Forssa,parent,\n"
        let before = try server.events().count
        let answer = try await browser.post("/record/import", [], file: ("file", "people.csv", file), csrf: csrf)
        #expect(answer.status == 400)
        #expect(answer.body.contains("Mitään ei kirjattu."))
        #expect(answer.body.contains("Rivi 3, Syntymäaika: puuttuu tai ei kelpaa"))
        #expect(answer.body.contains("Rivi 4, Sukupuoli: puuttuu tai ei kelpaa"))
        #expect(answer.body.contains("Rivi 5, Nimi: puuttuu tai ei kelpaa"))
        for value in ["31.2.1990", "jotain-outoa", "Virheellinen", "Salainen", "Kelpaava"] {
            #expect(!answer.body.contains(value), "a refusal never echoes a cell")
        }
        #expect(try server.events().count == before, "all or none")

        let missing = try await browser.post("/record/import", [], file: ("file", "people.csv", "Nimi;Kotikunta;Henkilön lempiruoka\nA;B;C\n"), csrf: csrf)
        #expect(missing.status == 400)
        #expect(missing.body.contains("Tuntematon sarake, numero: 3") && missing.body.contains("Sarake puuttuu: Syntymäaika"))
        #expect(!missing.body.contains("lempiruoka"))
    }

    @Test func onlyTheCoordinatorImports() async throws {
        let server = try await Self.server.value
        let browser = Browser(server)
        let csrf = try await browser.signIn("ohjaaja")
        #expect(try await browser.post("/record/import", [], file: ("file", "x.csv", Self.finnish), csrf: csrf).status == 403)
        #expect(!(try await browser.get("/record").body.contains("/record/import")))
    }

    /// Older spreadsheets save Windows-1252: the file's letters still arrive as they were typed.
    @Test func aFileInWindows1252IsReadAsItsLetters() throws {
        let boundary = "b0undary"
        var body = ByteBuffer(string: "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\n")
        body.writeBytes([0x4E, 0x69, 0x6D, 0x69, 0x3B, 0x4B, 0x75, 0x6E, 0x74, 0x61, 0x0A, 0xC4, 0x69, 0x6A, 0xE4, 0x3B, 0x53, 0x61, 0x6C, 0x6F])  // "Nimi;Kunta\nÄijä;Salo"
        body.writeString("\r\n--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\ntoken\r\n--\(boundary)--\r\n")
        let form = try FormFields(multipart: body, boundary: boundary)
        #expect(form["file"] == "Nimi;Kunta\nÄijä;Salo")
        #expect(form["_csrf"] == "token")
        #expect(FormFields.multipartBoundary("multipart/form-data; boundary=\"abc\"") == "abc")
        #expect(FormFields.multipartBoundary("application/x-www-form-urlencoded") == nil)
    }

    @Test func aRowsCodesMayBeWordsInEitherLanguage() {
        let text = "name;birth date;gender;municipality;roles\nA B;2000-01-01;Woman;Forssa;Nuori aikuinen | parent\n"
        guard case let .success(rows) = ParticipantImport.registrations(text, registeredOn: "2026-12-08") else {
            Issue.record("refused")
            return
        }
        #expect(rows.count == 1)
        #expect(rows.first?.gender == .woman && rows.first?.roles == [.youngAdult, .parent])
        guard case let .failure(problems) = ParticipantImport.registrations("name;birth date;gender;municipality;roles\nA;2027-01-01;woman;F;parent\n",
                                                                           registeredOn: "2026-12-08")
        else { Issue.record("a birth after the day was taken"); return }
        #expect(problems.all == [.cell(row: 2, column: .birthDate)])
    }
}
