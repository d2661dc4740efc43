import Projections
import Vocabulary

/// `tuki report sessions`: per activity, the sessions held and cancelled, and per session who was
/// present, absent or excused, the headcount of open events and the attendance rate.
public enum SessionsReport {
    public static func make(_ overview: SessionsReadModel.Overview, language: Report.Language = .en, stamp: LedgerStamp) -> Report {
        func t(_ english: String) -> String { Labels.text(english, language) }
        let (filter, activities, sessions, attendance) = (overview.filter, overview.activities, overview.sessions, overview.attendance)
        var parameters: [Report.Parameter] = []
        if let activity = filter.activity { parameters.append(.init("activity", t("Activity"), activity)) }
        if let from = filter.from { parameters.append(.init("from", t("From"), .date(from))) }
        if let to = filter.to { parameters.append(.init("to", t("To"), .date(to))) }

        let activityTable = Report.Table(
            key: "activities", title: t("Activities"),
            columns: [
                .init("activity", t("Activity")), .init("name", t("Name")), .init("kind", t("Kind")), .init("municipality", t("Municipality")),
                .init("held", t("Held"), numeric: true), .init("cancelled", t("Cancelled"), numeric: true),
                .init("planned", t("Planned"), numeric: true), .init("still_scheduled", t("Still scheduled"), numeric: true),
                .init("hours_held", t("Hours"), numeric: true),
                .init("present", t("Present"), numeric: true), .init("absent", t("Absent"), numeric: true),
                .init("excused", t("Excused"), numeric: true), .init("headcount", t("Headcount"), numeric: true),
                .init("attendance_rate", t("Attendance"), numeric: true),
            ],
            rows: activities.map { activity in
                [.text(activity.activity), .text(activity.name), Labels.code(activity.kind, language), .text(activity.municipality),
                 .integer(activity.held), .integer(activity.cancelled), .integer(activity.planned), .integer(activity.stillScheduled),
                 Report.Cell.hours(minutes: activity.minutesHeld), .integer(activity.present), .integer(activity.absent),
                 .integer(activity.excused), activity.headcount.map(Report.Cell.integer) ?? .none, .rate(activity.attendanceRate)]
            })
        // Made once: a county's listing has a status and a format in each of 70,000 rows.
        let statuses = Labels.Codes(["scheduled", "held", "cancelled"], language)
        let formats = Labels.Codes(["in-person", "remote", "hybrid"], language)
        // The cells below are made in this order, column by column.
        let sessionColumns: [Report.Column] = [
            .init("activity", t("Activity")), .init("session", t("Session")), .init("date", t("Date")), .init("status", t("Status")),
            .init("minutes", t("Minutes"), numeric: true), .init("format", t("Format")),
            .init("present", t("Present"), numeric: true), .init("absent", t("Absent"), numeric: true),
            .init("excused", t("Excused"), numeric: true), .init("headcount", t("Headcount"), numeric: true),
            .init("attendance_rate", t("Attendance"), numeric: true),
        ]
        let sessionTable = Report.Table(
            key: "sessions", title: t("Sessions"), columns: sessionColumns,
            // Made cell by cell as they are written: over a county the cells would take as much
            // memory again as the sessions they come from.
            rows: Report.Rows(count: sessions.count, columns: sessionColumns.count) { index, column in
                var held: Bool { sessions[index].status == "held" }
                switch column {
                case 0: return .text(sessions[index].activity)
                case 1: return .text(sessions[index].session)
                case 2: return .date(sessions[index].date)
                case 3: return statuses.cell(sessions[index].status)
                case 4: return sessions[index].durationMinutes.map(Report.Cell.integer) ?? .none
                case 5: return sessions[index].format.map(formats.cell) ?? .none
                case 6: return held ? .integer(sessions[index].present) : .none
                case 7: return held ? .integer(sessions[index].absent) : .none
                case 8: return held ? .integer(sessions[index].excused) : .none
                case 9: return sessions[index].headcount.map(Report.Cell.integer) ?? .none
                default: return held ? .rate(sessions[index].attendanceRate) : .none
                }
            })
        let attendanceTable = Report.Table(
            key: "attendance", title: t("Attendance"),
            columns: [.init("activity", t("Activity")), .init("session", t("Session")), .init("date", t("Date")),
                      .init("participant", t("Participant")), .init("status", t("Status"))],
            rows: attendance.map { [.text($0.activity), .text($0.session), .date($0.date), .text($0.participant), Labels.code($0.status, language)] })
        // Who came is listed for one activity at a time (see SessionsReadModel.overview).
        return Report(kind: "sessions", title: t("Sessions and attendance"), parameters: parameters,
                      tables: [activityTable, sessionTable] + (filter.activity == nil ? [] : [attendanceTable]), stamp: stamp, language: language)
    }
}
