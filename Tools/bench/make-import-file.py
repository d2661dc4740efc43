#!/usr/bin/env python3
"""Writes a JSONL import file of about N valid programme events over about S streams, for measuring
`tuki import` (see BENCHMARKS.md): one project; activities; participants who register, sign up and
start (with ESR+ entry data); sessions held, each followed by the attendance of its activity's
participants. Every event passes Tuki's schemas and rules. Reproducible: the same arguments give the
same file.

  Tools/bench/make-import-file.py [--events 100000] [--streams 5000] [--seed 1] > events.jsonl
"""
import argparse
import datetime
import json
import random
import sys
import uuid


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--streams", type=int, default=5_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    out = sys.stdout
    versions = {}
    count = 0

    def emit(stream, type_, data, day, schema_version=1):
        nonlocal count
        envelope = {
            "eventId": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            "stream": stream, "type": type_, "schemaVersion": schema_version,
            "occurredAt": f"{day.isoformat()}T00:00:00Z", "expectedVersion": versions.get(stream, 0),
            "data": data, "meta": {"actor": "bench"},
        }
        versions[stream] = versions.get(stream, 0) + 1
        out.write(json.dumps(envelope, separators=(",", ":"), ensure_ascii=False) + "\n")
        count += 1

    # Eleven years that end before today: nothing done may be dated in the future.
    start = datetime.date(2013, 1, 1)
    emit("project-bench", "project.registered", {
        "projectCode": "BENCH", "name": "Benchmark project", "funder": "ESR+", "startDate": "2013-01-01",
        "endDate": "2023-12-31", "costModel": "flat-rate-40", "selfFinancingPercent": 20}, start)
    # One stream per activity and per participant: about 19 participants to an activity.
    activities = max(1, args.streams // 20)
    per_activity = max(1, (args.streams - activities - 1) // activities)
    sealed_like = "x" * 120  # stands in for the bytes a sealed value takes
    for a in range(activities):
        activity = f"activity-bench-{a:05d}"
        emit(activity, "activity.created", {
            "project": "project-bench", "name": f"Ryhmä {a}", "kind": "closed-peer-group",
            "targetGroup": "parents", "municipality": rng.choice(["Forssa", "Hämeenlinna", "Riihimäki"])}, start)
        for p in range(per_activity):
            pid = f"p-b{a:05d}x{p:03d}"
            stream = f"participant-{pid}"
            emit(stream, "participant.registered", {
                "participant": pid, "roles": ["parent"], "gender": rng.choice(["woman", "man", "non-binary", "not-told"]),
                "birthYear": rng.randrange(1960, 2005), "municipality": "Forssa", "registeredOn": "2013-01-02"}, start)
            emit(stream, "enrolment.signed-up", {"participant": pid, "activity": activity, "date": "2013-01-03"}, start)
            emit(stream, "enrolment.started", {"participant": pid, "activity": activity, "date": "2013-01-04", "entry": {
                "ageAtEntry": rng.randrange(18, 64), "labourMarketStatus": rng.choice(["employed", "unemployed", "inactive"]),
                "educationLevel": rng.choice(["isced-0-2", "isced-3-4", "isced-5-8"]), "disability": "not-collected",
                "thirdCountNational": "no", "foreignBackground": "no", "minority": "not-collected",
                "homelessOrHousingExclusion": "no", "ruralArea": rng.choice(["yes", "no"])}}, start)
    # Sessions round-robin over the activities until N events.
    session_numbers = [0] * activities
    a = 0
    while count < args.events:
        activity = f"activity-bench-{a:05d}"
        session_numbers[a] += 1
        number = session_numbers[a]
        day = start + datetime.timedelta(days=7 + number)
        emit(activity, "session.held", {
            "session": f"s{number}", "date": day.isoformat(), "durationMinutes": 120,
            "location": "Perhekeskus, ryhmähuone 2 — " + sealed_like[: rng.randrange(40, 120)], "format": "in-person"}, day, 2)
        for p in range(per_activity):
            if count >= args.events:
                break
            emit(activity, "attendance.recorded", {
                "session": f"s{number}", "participant": f"p-b{a:05d}x{p:03d}",
                "status": rng.choices(["present", "absent", "excused"], [8, 1, 1])[0]}, day)
        a = (a + 1) % activities


if __name__ == "__main__":
    main()
