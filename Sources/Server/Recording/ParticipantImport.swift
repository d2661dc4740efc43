import Ledger
import Vocabulary

/// A spreadsheet's list of participants, saved as CSV — commas or semicolons, with or without a
/// byte order mark, days as 7.12.2026 or 2026-12-07, genders and roles in words (Finnish or
/// English) or as their codes — made into one registration per row. Each row's problem is named by
/// its row and column, never by what the cell holds.
struct ParticipantImport {
    enum Column: String, CaseIterable, Sendable {
        case name, birthDate, gender, municipality, roles, contact, guardian, personalIdentityCode

        var label: Words { Catalogue.field(rawValue) }
    }

    static let required: [Column] = [.name, .birthDate, .gender, .municipality, .roles]
    /// A list longer than this is several files.
    static let mostRows = 5_000

    /// The headers a spreadsheet may give each column, in lower case.
    static let headers: [String: Column] = [
        "nimi": .name, "name": .name, "etu- ja sukunimi": .name, "full name": .name,
        "syntymäaika": .birthDate, "syntymäpäivä": .birthDate, "birth date": .birthDate, "birthdate": .birthDate, "date of birth": .birthDate,
        "sukupuoli": .gender, "gender": .gender,
        "kotikunta": .municipality, "kunta": .municipality, "municipality": .municipality, "home municipality": .municipality,
        "roolit": .roles, "rooli": .roles, "roles": .roles, "role": .roles,
        "yhteystieto": .contact, "yhteystiedot": .contact, "puhelin": .contact, "sähköposti": .contact, "contact": .contact,
        "phone": .contact, "phone or e-mail": .contact, "puhelin tai sähköposti": .contact,
        "huoltaja": .guardian, "guardian": .guardian,
        "henkilötunnus": .personalIdentityCode, "identity code": .personalIdentityCode, "personal identity code": .personalIdentityCode,
    ]

    /// What is wrong, where: a column missing or not known (by its number), a cell of a row, or
    /// the file as a whole.
    enum Problem: Equatable, Sendable {
        case unreadable
        case empty
        case tooManyRows
        case missingColumn(Column)
        case unknownColumn(number: Int)
        case cell(row: Int, column: Column)

        func text(_ language: PageLanguage) -> String {
            let t = { PageText.text($0, language) }
            switch self {
            case .unreadable: return t(.importUnreadable)
            case .empty: return t(.importEmpty)
            case .tooManyRows: return "\(t(.importTooManyRows)) \(ParticipantImport.mostRows)."
            case let .missingColumn(column): return "\(t(.importMissingColumn)): \(column.label(language))"
            case let .unknownColumn(number): return "\(t(.importUnknownColumn)): \(number)"
            case let .cell(row, column): return "\(t(.importRow)) \(row), \(column.label(language)): \(t(.importBadCell))"
            }
        }
    }

    /// Every problem of a file.
    struct Problems: Error {
        let all: [Problem]
    }

    /// The rows as registrations dated `registeredOn`, or every problem found (all of them, so
    /// that one round of corrections in the spreadsheet is enough).
    static func registrations(_ text: String, registeredOn: String) -> Result<[RegisterParticipant], Problems> {
        guard let records = CSVRecords.numbered(text) else { return .failure(Problems(all: [.unreadable])) }
        guard let header = records.first, records.count > 1 else { return .failure(Problems(all: [.empty])) }
        guard records.count - 1 <= mostRows else { return .failure(Problems(all: [.tooManyRows])) }
        var columns: [Int: Column] = [:]
        var problems: [Problem] = []
        for (index, title) in header.fields.enumerated() {
            let key = title.trimmingCharacters(in: .whitespaces).lowercased()
            if key.isEmpty { continue }
            guard let column = headers[key] else { problems.append(.unknownColumn(number: index + 1)); continue }
            columns[index] = column
        }
        problems += required.filter { !columns.values.contains($0) }.map(Problem.missingColumn)
        guard problems.isEmpty else { return .failure(Problems(all: problems)) }

        var registrations: [RegisterParticipant] = []
        for record in records.dropFirst() {
            var cells: [Column: String] = [:]
            for (index, column) in columns {
                let cell = index < record.fields.count ? record.fields[index].trimmingCharacters(in: .whitespaces) : ""
                if !cell.isEmpty { cells[column] = cell }
            }
            func bad(_ column: Column) { problems.append(.cell(row: record.row, column: column)) }
            let text = { (column: Column) -> String? in
                guard let cell = cells[column] else { return nil }
                guard cell.count <= RecordingField.longestText else { bad(column); return nil }
                return cell
            }
            let name = text(.name)
            if name == nil, cells[.name] == nil { bad(.name) }
            let birthDate = cells[.birthDate].flatMap(Shown.isoDay).flatMap { $0 <= registeredOn && $0 >= "1900-01-01" ? $0 : nil }
            if birthDate == nil { bad(.birthDate) }
            let gender = cells[.gender].flatMap { choice($0, of: ParticipantRegistered.Gender.self, field: "gender") }
            if gender == nil { bad(.gender) }
            let municipality = text(.municipality)
            if municipality == nil, cells[.municipality] == nil { bad(.municipality) }
            let roles = cells[.roles].map { cell in
                cell.split(whereSeparator: { $0 == "," || $0 == "/" || $0 == "|" || $0 == ";" })
                    .map { choice($0.trimmingCharacters(in: .whitespaces), of: ParticipantRegistered.Role.self, field: "roles") }
            }
            let chosenRoles = roles?.compactMap { $0 } ?? []
            if roles == nil || chosenRoles.isEmpty || chosenRoles.count != roles?.count || Set(chosenRoles).count != chosenRoles.count { bad(.roles) }
            let contact = text(.contact), guardian = text(.guardian), code = text(.personalIdentityCode)
            guard let name, let birthDate, let gender, let municipality, !chosenRoles.isEmpty else { continue }
            registrations.append(RegisterParticipant(
                personal: .init(name: name, birthDate: birthDate, contact: contact, guardian: guardian, personalIdentityCode: code),
                gender: gender, municipality: municipality, roles: chosenRoles, registeredOn: registeredOn))
        }
        return problems.isEmpty ? .success(registrations) : .failure(Problems(all: problems))
    }

    /// A code given as itself or as its words in either language, in any case.
    static func choice<Choice: CaseIterable & RawRepresentable<String>>(_ typed: String, of type: Choice.Type, field: String) -> Choice? {
        let typed = typed.lowercased()
        return Choice.allCases.first { choice in
            let words = Catalogue.value(choice.rawValue, of: field)
            return choice.rawValue.lowercased() == typed || words?.fi.lowercased() == typed || words?.en.lowercased() == typed
        }
    }
}
