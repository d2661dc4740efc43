import Projections

/// `tuki report sessions`: per activity, the sessions held and cancelled, and per session who was
/// present, absent or excused, the headcount of open events and the attendance rate.
public enum SessionsReport {
    public static func make(_ overview: SessionsReadModel.Overview, stamp: LedgerStamp) -> Report {
        let (filter, activities, sessions, attendance) = (overview.filter, overview.activities, overview.sessions, overview.attendance)
        var parameters: [Report.Parameter] = []
        if let activity = filter.activity { parameters.append(.init("activity", "Activity", activity)) }
        if let from = filter.from { parameters.append(.init("from", "From", from)) }
        if let to = filter.to { parameters.append(.init("to", "To", to)) }

        let activityTable = Report.Table(
            key: "activities", title: "Activities",
            columns: [
                .init("activity", "Activity"), .init("name", "Name"), .init("kind", "Kind"), .init("municipality", "Municipality"),
                .init("held", "Held", numeric: true), .init("cancelled", "Cancelled", numeric: true),
                .init("planned", "Planned", numeric: true), .init("still_scheduled", "Still scheduled", numeric: true),
                .init("hours_held", "Hours", numeric: true),
                .init("present", "Present", numeric: true), .init("absent", "Absent", numeric: true),
                .init("excused", "Excused", numeric: true), .init("headcount", "Headcount", numeric: true),
                .init("attendance_rate", "Attendance", numeric: true),
            ],
            rows: activities.map { activity in
                [.text(activity.activity), .text(activity.name), .text(activity.kind), .text(activity.municipality),
                 .integer(activity.held), .integer(activity.cancelled), .integer(activity.planned), .integer(activity.stillScheduled),
                 Report.Cell.hours(minutes: activity.minutesHeld), .integer(activity.present), .integer(activity.absent),
                 .integer(activity.excused), activity.headcount.map(Report.Cell.integer) ?? .none, .rate(activity.attendanceRate)]
            })
        // The cells below are made in this order, column by column.
        let sessionColumns: [Report.Column] = [
            .init("activity", "Activity"), .init("session", "Session"), .init("date", "Date"), .init("status", "Status"),
            .init("minutes", "Minutes", numeric: true), .init("format", "Format"),
            .init("present", "Present", numeric: true), .init("absent", "Absent", numeric: true),
            .init("excused", "Excused", numeric: true), .init("headcount", "Headcount", numeric: true),
            .init("attendance_rate", "Attendance", numeric: true),
        ]
        let sessionTable = Report.Table(
            key: "sessions", title: "Sessions", columns: sessionColumns,
            // Made cell by cell as they are written: over a county the cells would take as much
            // memory again as the sessions they come from.
            rows: Report.Rows(count: sessions.count, columns: sessionColumns.count) { index, column in
                var held: Bool { sessions[index].status == "held" }
                switch column {
                case 0: return .text(sessions[index].activity)
                case 1: return .text(sessions[index].session)
                case 2: return .text(sessions[index].date)
                case 3: return .text(sessions[index].status)
                case 4: return sessions[index].durationMinutes.map(Report.Cell.integer) ?? .none
                case 5: return sessions[index].format.map(Report.Cell.text) ?? .none
                case 6: return held ? .integer(sessions[index].present) : .none
                case 7: return held ? .integer(sessions[index].absent) : .none
                case 8: return held ? .integer(sessions[index].excused) : .none
                case 9: return sessions[index].headcount.map(Report.Cell.integer) ?? .none
                default: return held ? .rate(sessions[index].attendanceRate) : .none
                }
            })
        let attendanceTable = Report.Table(
            key: "attendance", title: "Attendance",
            columns: [.init("activity", "Activity"), .init("session", "Session"), .init("date", "Date"),
                      .init("participant", "Participant"), .init("status", "Status")],
            rows: attendance.map { [.text($0.activity), .text($0.session), .text($0.date), .text($0.participant), .text($0.status)] })
        // Who came is listed for one activity at a time (see SessionsReadModel.overview).
        return Report(kind: "sessions", title: "Sessions and attendance", parameters: parameters,
                      tables: [activityTable, sessionTable] + (filter.activity == nil ? [] : [attendanceTable]), stamp: stamp)
    }
}
