import Reports

/// A report laid out for a phone inside the site's pages: each table's rows as cards of
/// "heading: value", which a 360 px screen reads without scrolling sideways (the A4 page, with
/// its wide tables, stays for printing). A participant's id is shown as their name; the ids of
/// the group and its sessions, which the page names otherwise (its title, each row's day), are
/// left out.
enum PhoneReport {
    /// Parameters and columns that hold only an id.
    static let idsOnly: Set<String> = ["activity", "project", "session"]

    /// The participants the report names, by the columns that hold them.
    static func participants(in report: Report) -> [String] {
        var ids: Set<String> = []
        for table in report.tables {
            for (column, heading) in table.columns.enumerated() where heading.key == "participant" {
                for row in table.rows.indices {
                    if case let .text(id) = table.rows.cell(row, column), !id.isEmpty { ids.insert(id) }
                }
            }
        }
        return ids.sorted()
    }

    /// The template's values: the parameters, then each table with a card per row.
    static func values(_ report: Report, names: [String: String]) -> [String: Any] {
        let language = report.language
        let tables: [[String: Any]] = report.tables.map { table in
            let rows: [[String: Any]] = table.rows.indices.map { row in
                ["cells": table.columns.enumerated().filter { !idsOnly.contains($0.element.key) }.map { column, heading -> [String: Any] in
                    let cell = table.rows.cell(row, column)
                    if heading.key == "participant", case let .text(id) = cell { return ["header": heading.header, "value": names[id] ?? id] }
                    return ["header": heading.header, "value": cell.shown(language)]
                }]
            }
            return ["title": table.title, "rows": rows, "empty": rows.isEmpty]
        }
        return ["parameters": report.parameters(forMachines: false).filter { !idsOnly.contains($0.key) }.map { ["label": $0.label, "value": $0.value.shown(language)] },
                "tables": tables, "footer": report.footer]
    }
}
