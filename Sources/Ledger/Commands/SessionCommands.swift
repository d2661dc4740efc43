import EventStore

/// Plans a session of an activity under the given id, or the next unused one (`s1`, `s2`, …
/// after every id the activity has used, voided ones too).
public struct ScheduleSession: RecordingCommand {
    public var activity: String
    public var session: String?
    public var date: String
    public var startTime: String?
    public var durationMinutes: Int
    public var location: String?

    public init(activity: String, session: String? = nil, date: String, startTime: String? = nil, durationMinutes: Int, location: String? = nil) {
        (self.activity, self.session, self.date, self.startTime, self.durationMinutes, self.location) =
            (activity, session, date, startTime, durationMinutes, location)
    }

    public func recording(_ ledger: LedgerFacts) throws -> Recording {
        let id = try session ?? ledger.sessions(of: activity).nextID
        let payload = SessionScheduled(session: id, date: date, startTime: startTime, durationMinutes: durationMinutes, location: location)
        return Recording(try .init(activity, "session.scheduled", payload, day: date), id: id)
    }
}

/// Plans several sessions of an activity at once — a weekly group's term — all at the same time
/// of day, length and place: all recorded, or none. The id people go on with is the first's.
public struct ScheduleSessions: RecordingCommand {
    public var activity: String
    public var dates: [String]
    public var startTime: String?
    public var durationMinutes: Int
    public var location: String?

    public init(activity: String, dates: [String], startTime: String? = nil, durationMinutes: Int, location: String? = nil) {
        (self.activity, self.dates, self.startTime, self.durationMinutes, self.location) = (activity, dates, startTime, durationMinutes, location)
    }

    public func recording(_ ledger: LedgerFacts) throws -> Recording {
        guard !dates.isEmpty else { throw CommandError.nothingToRecord }
        let ids = try ledger.sessions(of: activity).nextIDs(dates.count)
        let events = try zip(ids, dates).map { id, date in
            try Recording.Event(activity, "session.scheduled", SessionScheduled(
                session: id, date: date, startTime: startTime, durationMinutes: durationMinutes, location: location), day: date)
        }
        return Recording(events, id: ids[0])
    }
}

/// Records that a session took place: the one given; else the one session still scheduled that
/// day; else a new one (a session held without being planned).
public struct RecordSessionHeld: RecordingCommand {
    public var activity: String
    public var session: String?
    public var date: String
    public var durationMinutes: Int
    public var location: String
    public var format: SessionHeld.Format
    public var headcount: Int?

    public init(activity: String, session: String? = nil, date: String, durationMinutes: Int, location: String,
                format: SessionHeld.Format = .inPerson, headcount: Int? = nil) {
        (self.activity, self.session, self.date, self.durationMinutes, self.location, self.format, self.headcount) =
            (activity, session, date, durationMinutes, location, format, headcount)
    }

    public func recording(_ ledger: LedgerFacts) throws -> Recording {
        let id: String
        if let session { id = session } else {
            let sessions = try ledger.sessions(of: activity)
            id = try sessions.scheduled(on: date) ?? sessions.nextID
        }
        let payload = SessionHeld(session: id, date: date, durationMinutes: durationMinutes, location: location, format: format, headcount: headcount)
        return Recording(try .init(activity, "session.held", payload, day: date), id: id)
    }
}

/// Records that a planned session will not take place: the one given, else the one still
/// scheduled on the day.
public struct CancelSession: RecordingCommand {
    public var activity: String
    public var session: String?
    public var date: String
    public var reason: String?

    public init(activity: String, session: String? = nil, date: String, reason: String? = nil) {
        (self.activity, self.session, self.date, self.reason) = (activity, session, date, reason)
    }

    public func recording(_ ledger: LedgerFacts) throws -> Recording {
        let id: String
        if let session { id = session } else {
            guard let planned = try ledger.sessions(of: activity).scheduled(on: date) else { throw CommandError.noSessionScheduled(day: date) }
            id = planned
        }
        return Recording(try .init(activity, "session.cancelled", SessionCancelled(session: id, date: date, reason: reason), day: date), id: id)
    }
}

/// An attendance sheet: the session recorded as held first when `held` is given (it was only
/// planned), then one mark per person — all dated on the session's day, all recorded or none.
public struct RecordSheet: RecordingCommand {
    public struct Held: Sendable {
        public var durationMinutes: Int
        public var location: String
        public var format: SessionHeld.Format
        public var headcount: Int?

        public init(durationMinutes: Int, location: String, format: SessionHeld.Format = .inPerson, headcount: Int? = nil) {
            (self.durationMinutes, self.location, self.format, self.headcount) = (durationMinutes, location, format, headcount)
        }
    }

    public struct Mark: Sendable {
        public var participant: String
        public var status: AttendanceRecorded.Status

        public init(participant: String, status: AttendanceRecorded.Status) {
            (self.participant, self.status) = (participant, status)
        }
    }

    public var activity: String
    public var session: String
    public var held: Held?
    public var marks: [Mark]
    /// The session's day; nil: as the ledger has it (else today).
    public var date: String?

    public init(activity: String, session: String, held: Held? = nil, marks: [Mark], date: String? = nil) {
        (self.activity, self.session, self.held, self.marks, self.date) = (activity, session, held, marks, date)
    }

    public func recording(_ ledger: LedgerFacts) throws -> Recording {
        guard held != nil || !marks.isEmpty else { throw CommandError.nothingToRecord }
        let day = try date ?? ledger.sessions(of: activity).latest[session]?.date ?? ledger.today
        var events: [Recording.Event] = []
        if let held {
            events.append(try .init(activity, "session.held", SessionHeld(
                session: session, date: day, durationMinutes: held.durationMinutes, location: held.location, format: held.format,
                headcount: held.headcount), day: day))
        }
        for mark in marks {
            events.append(try .init(activity, "attendance.recorded", AttendanceRecorded(session: session, participant: mark.participant, status: mark.status),
                                    day: day))
        }
        return Recording(events, id: session)
    }
}
