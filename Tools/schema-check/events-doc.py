#!/usr/bin/env python3
"""Writes docs/events.md, the event catalogue, from Schemas/ (so the two cannot drift), with the
programme's rules. `--check` exits 1 when docs/events.md is not what this script would write
(the test suite runs it).

  python3 Tools/schema-check/events-doc.py [--check]
"""
import json
import pathlib
import sys

root = pathlib.Path(__file__).resolve().parents[2]
events = root / "Schemas" / "events"
out = root / "docs" / "events.md"

GROUPS = [
    ("Projects and activities", ["project.registered", "activity.created"]),
    ("Sessions and attendance", ["session.scheduled", "session.held", "session.cancelled", "attendance.recorded"]),
    ("Participants and enrolment", ["participant.registered", "participant.details-corrected", "participant.consent-recorded", "enrolment.signed-up",
                                    "enrolment.started", "enrolment.ended"]),
    ("Experience experts", ["expert.registered", "expert.status-changed", "engagement.agreed", "engagement.completed", "engagement.cancelled",
                            "fee.paid", "travel.reimbursed", "per-diem.paid"]),
    ("Feedback and evaluation", ["feedback.fit-recorded", "feedback.given", "bikva.stage-recorded", "bikva.wording-approved",
                                 "bikva.change-followed-up", "survey.answered"]),
    ("Staff time and costs", ["staff.time-logged", "cost.incurred"]),
    ("Users of the server", ["user.role-granted", "user.role-revoked"]),
    ("Corrections and personal data", ["entry.voided", "access.logged", "subject.erased"]),
]

RULES = {
    "activity.project-exists": "activity.created names a registered project.",
    "reference.project-exists": "Engagements, BIKVA stages, survey answers, staff time and costs name a registered project.",
    "expert.registered-first": "expert.status-changed names a registered experience expert.",
    "bikva.stage-once": "Each stage of a BIKVA evaluation is recorded once (void it to record it again).",
    "bikva.stages-in-order": "A BIKVA stage after the first follows the stage before it: that stage is recorded, on the same day or earlier.",
    "bikva.approves-a-recorded-stage": "bikva.wording-approved names a stage of the evaluation that is recorded, on its day or later.",
    "bikva.follows-up-an-agreed-change": "bikva.change-followed-up names a theme for which the stage recorded an agreed change, on the stage's day or later.",
    "survey.score-on-scale": "Every score of a survey answer lies on its scale (min to max), and the scale's min is below its max.",
    "survey.item-once": "A survey answer scores each item at most once.",
    "survey.one-scale": "Every answer to one survey uses the same scale.",
    "reference.activity-exists": "Sessions, enrolments, attendance, feedback and a facilitator's role belong to a created activity.",
    "reference.participant-exists": "Consent, a correction of details, enrolment, attendance, expert registration, FIT and named feedback refer to a registered participant.",
    "reference.engagement-exists": "Completion, cancellation, fees and travel refer to an agreed engagement.",
    "date.inside-project-period": "Sessions, enrolments, engagements, BIKVA stages, staff time and costs are dated inside the project's start and end dates.",
    "project.period": "A project does not end before it starts.",
    "enrolment.one-open-at-a-time": "No second enrolment of a person in the same activity while one is open (a start after a sign-up continues it).",
    "enrolment.ends-an-open-one": "enrolment.ended ends an open enrolment.",
    "enrolment.age-follows-birth-year": "The age at entry is one of the two ages a person born in the registered birth year can have on the entry date (the exact birth date is sealed).",
    "enrolment.ends-after-it-starts": "An enrolment does not end before it began.",
    "attendance.session-held": "Attendance is recorded for a held session of the activity (the event's stream).",
    "attendance.participant-enrolled": "The participant was enrolled in the activity on the session's date.",
    "participant.born-before-registration": "A participant's birth year is not after the year of their registration, or of a correction of their details (the exact birth date is sealed; the command checks it before sealing).",
    "expert.over-12": "Experience experts are over 12 on the registration date. Only the birth year stands in clear, so the rule asks that the registration year be at least 13 years after it.",
    "engagement.expert-registered": "An engagement is agreed with a registered experience expert.",
    "engagement.not-cancelled": "A cancelled engagement cannot be completed.",
    "engagement.not-completed": "A completed engagement cannot be cancelled.",
    "engagement.complete-once": "An engagement is completed once (void the completion to correct it).",
    "fee.needs-completed-engagement": "A fee is paid for a completed engagement.",
    "fee.paid-once": "At most one fee.paid per engagement, unless the earlier one is voided.",
    "fee.agreed-or-explained": "A fee that differs from the engagement's agreed fee gives its reason (fee.paid v2).",
    "travel.needs-completed-engagement": "Travel is reimbursed for a completed engagement.",
    "travel.reimbursed-once": "At most one travel.reimbursed per engagement, unless the earlier one is voided.",
    "travel.in-person-only": "Travel is reimbursed only for an engagement done in person.",
    "travel.amount-is-km-times-rate": "By kilometres: the amount is kilometres × cents per km, rounded to the cent.",
    "travel.amount-is-ticket-cost": "By ticket: the amount is the ticket cost.",
    "per-diem.needs-completed-engagement": "A per diem is paid for a completed engagement.",
    "per-diem.in-person-only": "A per diem is paid only for an engagement done in person.",
    "per-diem.paid-once": "At most one per-diem.paid per engagement, unless the earlier one is voided.",
    "per-diem.amount-is-days-times-rate": "The amount is days × cents per day.",
    "feedback.text-sealed-for-its-giver": "Feedback's free text is sealed for the participant who gave it; anonymous feedback's text under a subject of its own (`fb-…`), never a participant's.",
    "fit.one-decimal": "FIT item scores have at most one decimal (millimetres on a 10 cm line).",
    "date.not-in-the-future": "What was done — a session held, an engagement completed, a fee or travel paid, a FIT rating, feedback, staff time, a cost — is not dated after the Finnish day it is recorded on. Attendance is marked at a held session, so it is covered too; scheduling ahead stays allowed.",
    "fit.participant-enrolled": "A FIT rating given in an activity is of a participant enrolled in it on the rating's date (both ends of an enrolment included).",
    "feedback.participant-enrolled": "Named feedback on an activity is from a participant enrolled in it on the feedback's date (both ends of an enrolment included).",
    "void.event-exists": "entry.voided names an event of the ledger.",
    "void.not-a-void": "A void is final: entry.voided cannot name another entry.voided.",
    "void.once": "An event is voided at most once.",
    "void.on-the-voided-stream": "entry.voided stands on the stream of the event it voids.",
    "void.not-a-system-record": "A reading of personal data (access.logged) or an erasure (subject.erased) cannot be voided.",
    "type.written-by-the-system": "access.logged and subject.erased are recorded only by the system (tuki reveal, tuki erase), never through tuki append or tuki import.",
    "user.facilitator-has-activities": "A facilitator's role names the activities they run (each a created activity); the other roles name none.",
    "user.revokes-a-granted-role": "user.role-revoked takes back a role the user holds.",
    "stream.written-by-the-system": "A subject's access log (the stream subject-<id>) is written only by the system.",
}

# The command a person records each type with, and the stream it stands on (nobody types one).
COMMANDS = {
    "project.registered": ("tuki project register", "`project-<code in lower case>`"),
    "activity.created": ("tuki activity create", "`activity-<id>` (a new id, printed)"),
    "session.scheduled": ("tuki session schedule ACTIVITY", "the activity's"),
    "session.held": ("tuki session held ACTIVITY", "the activity's"),
    "session.cancelled": ("tuki session cancel ACTIVITY", "the activity's"),
    "attendance.recorded": ("tuki attendance ACTIVITY SESSION", "the activity's"),
    "participant.registered": ("tuki participant register", "`participant-<p-id>` (a new pseudonymous id, printed)"),
    "participant.details-corrected": ("tuki participant correct PARTICIPANT", "`participant-<p-id>`"),
    "participant.consent-recorded": ("tuki consent record|withdraw PARTICIPANT", "`participant-<p-id>`"),
    "enrolment.signed-up": ("tuki enrol sign-up PARTICIPANT ACTIVITY", "`participant-<p-id>`"),
    "enrolment.started": ("tuki enrol start PARTICIPANT ACTIVITY", "`participant-<p-id>`"),
    "enrolment.ended": ("tuki enrol end PARTICIPANT ACTIVITY", "`participant-<p-id>`"),
    "expert.registered": ("tuki expert register PARTICIPANT", "`participant-<p-id>`"),
    "expert.status-changed": ("tuki expert status PARTICIPANT", "`participant-<p-id>`"),
    "engagement.agreed": ("tuki engagement agree", "`engagement-<e-id>` (a new id, printed)"),
    "engagement.completed": ("tuki engagement complete ENGAGEMENT", "`engagement-<e-id>`"),
    "engagement.cancelled": ("tuki engagement cancel ENGAGEMENT", "`engagement-<e-id>`"),
    "fee.paid": ("tuki pay fee ENGAGEMENT", "`engagement-<e-id>`"),
    "travel.reimbursed": ("tuki pay travel ENGAGEMENT", "`engagement-<e-id>`"),
    "per-diem.paid": ("tuki pay per-diem ENGAGEMENT", "`engagement-<e-id>`"),
    "feedback.fit-recorded": ("tuki fit record PARTICIPANT", "`participant-<p-id>`"),
    "feedback.given": ("tuki feedback give ACTIVITY", "the activity's"),
    "bikva.stage-recorded": ("tuki bikva stage EVALUATION", "`bikva-<evaluation>`"),
    "bikva.wording-approved": ("tuki bikva approve EVALUATION", "`bikva-<evaluation>`"),
    "bikva.change-followed-up": ("tuki bikva follow-up EVALUATION", "`bikva-<evaluation>`"),
    "survey.answered": ("tuki survey answer SURVEY, tuki survey import FILE", "`survey-<survey>`"),
    "staff.time-logged": ("tuki staff log-time", "the project's"),
    "cost.incurred": ("tuki cost add", "the project's"),
    "user.role-granted": ("tuki user add NAME --role R, tuki user grant NAME --role R", "`user-<name>`"),
    "user.role-revoked": ("tuki user revoke NAME --role R", "`user-<name>`"),
    "entry.voided": ("tuki void EVENT-ID", "the voided event's"),
    "access.logged": ("only the system: tuki reveal, tuki list … --names, tuki roster", "`subject-<subject>`"),
    "subject.erased": ("only the system: tuki erase", "`subject-<subject>`"),
}


def describe(prop):
    if "$ref" in prop:
        return "sealed value" if prop["$ref"].endswith("sealed-value") else prop["$ref"]
    if "enum" in prop:
        return " \\| ".join(f"`{v}`" for v in prop["enum"])
    t = prop.get("type", "")
    if t == "array":
        item = prop.get("items", {})
        return f"array of {describe(item)}" + (f" ({prop['minItems']}–{prop['maxItems']})" if "minItems" in prop and "maxItems" in prop else "")
    if t == "object":
        return "object: " + ", ".join(f"`{k}`" for k in prop.get("properties", {}))
    bits = []
    if "format" in prop:
        bits.append(prop["format"])
    if "minimum" in prop or "maximum" in prop:
        bits.append(f"{prop.get('minimum', '')}–{prop.get('maximum', '')}".replace("–", " ≤ … ≤ ") if "maximum" in prop and "minimum" in prop else (f"≥ {prop['minimum']}" if "minimum" in prop else f"≤ {prop['maximum']}"))
    return t + (f" ({', '.join(bits)})" if bits else "")


def section(path):
    schema = json.loads(path.read_text(encoding="utf-8"))
    name = path.name[: -len(".schema.json")]
    type_name, version = name.rsplit(".v", 1)
    lines = [f"### `{type_name}` v{version}", "", schema.get("description", ""), ""]
    command, stream = COMMANDS[type_name]
    lines += [f"Recorded with `{command}`" if not command.startswith("only") else f"Recorded {command.replace('only the system: tuki', 'only by the system: `tuki', 1).replace(', tuki', '`, `tuki')}`", ""]
    lines[-2] += f"; stream: {stream}."
    lines += ["| field | | form | about |", "|---|---|---|---|"]
    required = set(schema.get("required", []))
    for field, prop in schema.get("properties", {}).items():
        lines.append(f"| `{field}` | {'required' if field in required else 'optional'} | {describe(prop)} | {prop.get('description', '')} |")
    if "oneOf" in schema:
        lines += ["", "Exactly one form: " + "; or ".join(", ".join(f"`{f}`" for f in option.get("required", [])) for option in schema["oneOf"]) + "."]
    return lines + [""]


def render():
    lines = [
        "# The event catalogue",
        "",
        "Generated by `Tools/schema-check/events-doc.py` from `Schemas/events/`: edit the schemas, then run it",
        "(and `Tools/schema-check/embed.py`); the tests fail while this page or the binary's copy differ.",
        "",
        "Every event's `data` is checked against its type's schema (type, version, every field, no unexpected",
        "ones), then against the rules below with the ledger's state, by the recording commands named under",
        "each type, `tuki append`, `tuki import` and `tuki demo`. A refusal names what it is about (the line",
        "and event id of an import, the participant of an attendance batch), the field and the rule, and",
        "refuses the whole batch.",
        "Older versions of a type stay readable: their events are stored as they were and read through an",
        "upcaster (`session.held` v1 → v2 adds `format`, with `in-person` for every v1 session).",
        "",
    ]
    by_type = {}
    for path in sorted(events.glob("*.schema.json")):
        type_name = path.name[: -len(".schema.json")].rsplit(".v", 1)[0]
        by_type.setdefault(type_name, []).append(path)
    listed = set()
    for title, types in GROUPS:
        lines += [f"## {title}", ""]
        for t in types:
            for path in sorted(by_type.get(t, []), reverse=True):
                lines += section(path)
            listed.add(t)
    missing = sorted(set(by_type) - listed)
    assert not missing, f"types without a group: {missing}"
    lines += ["## Rules", "", "| rule | what it asks |", "|---|---|"]
    lines += [f"| `{name}` | {text} |" for name, text in sorted(RULES.items())]
    lines += [""]
    return "\n".join(lines)


text = render()
if "--check" in sys.argv:
    if not out.exists() or out.read_text(encoding="utf-8") != text:
        print("docs/events.md is out of date: run python3 Tools/schema-check/events-doc.py", file=sys.stderr)
        sys.exit(1)
    print("docs/events.md is up to date")
else:
    out.write_text(text, encoding="utf-8")
    print(f"wrote {out.relative_to(root)}")
