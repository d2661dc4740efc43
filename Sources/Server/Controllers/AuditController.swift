import EventStore
import Hummingbird
import Ledger

/// The auditor's page: is the chain intact, where is its head, the whole ledger to download, and
/// the latest readings of personal data. Read-only, and no names: subjects appear by their ids.
struct AuditController {
    let ledger: LedgerService
    let pages: Pages

    func addRoutes(to group: RouterGroup<SignedInContext>) {
        group.group().add(middleware: Allow.anyOf(.audit))
            .get("/audit", use: page)
            .get("/audit/export", use: export)
    }

    /// `?as-of=DAY`: the ledger as it stood at the end of that day — its head, the chain verified
    /// up to it, and the export up to it — for checking a report made then.
    @Sendable func page(_ request: Request, context: SignedInContext) async throws -> Response {
        let typed = request.uri.queryParameters.get("as-of").flatMap { $0.isEmpty ? nil : $0 }
        let asOf = typed.flatMap(Shown.isoDay)
        if typed != nil && asOf == nil { throw Refusal.badForm }
        let head: LedgerHead
        if let asOf { head = try ledger.head(endOf: asOf) } else { head = try ledger.head() }
        let verification = try await ledger.verify(through: head.position)
        let readings = try ledger.readings(limit: 50)
        let (chainClass, chainText, events): (String, String, Int64) = switch verification {
        case let .intact(count, _): ("intact", PageText.text(.chainIntact, context.language), count)
        case let .broken(position, problem): ("broken", "\(PageText.text(.chainBroken, context.language)): \(position) (\(problem))", head.position)
        }
        return pages.render(.audit, title: .audit, language: context.language, user: context.user.name, csrf: context.session?.csrf,
                            values: ["chainClass": chainClass, "chainText": chainText, "events": events, "position": head.position,
                                     "hash": head.hash, "asOf": asOf.map(Shown.day) ?? "", "through": asOf == nil ? "" : "?through=\(head.position)",
                                     "readings": readings.map { ["at": Shown.time($0.at, context.language), "subject": $0.subject, "actor": $0.actor, "purpose": $0.purpose] }])
    }

    /// The ledger as `tuki export` writes it (JSONL envelopes), streamed in pages so that a county's
    /// million events never sit in memory at once.
    /// `?through=POSITION`: the export up to that position (the head of an as-of day).
    @Sendable func export(_ request: Request, context: SignedInContext) async throws -> Response {
        return Self.exportResponse(ledger, through: request.uri.queryParameters.get("through", as: Int64.self) ?? .max)
    }

    static func exportResponse(_ ledger: LedgerService, through last: Int64 = .max) -> Response {
        let body = ResponseBody { writer in
            var position: Int64 = 1
            while true {
                let lines = try await ledger.exportLines(from: position, through: last, limit: 5_000)
                if lines.isEmpty { break }
                try await writer.write(ByteBuffer(string: lines.joined(separator: "\n") + "\n"))
                position += Int64(lines.count)
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: [
            .contentType: "application/x-ndjson",
            .contentDisposition: "attachment; filename=\"tuki-export.jsonl\"",
        ], body: body)
    }
}
