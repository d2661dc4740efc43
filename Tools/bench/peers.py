#!/usr/bin/env python3
"""The peers of Tools/bench/run, on the same rows: plain SQLite from Python (the physical limit)
and the `eventsourcing` library's SQLite recorder. Prints one JSON object of timings (seconds,
median of --runs) and the durability settings in force.

  peers.py --input events.jsonl --events 1000000 --commit-events 20000 --runs 3
  peers.py --input events.jsonl --commit-events 20000 --runs 1 --only plain_commit_20

--only and --skip choose measurements by name (the keys of the output). Tools/bench/run takes
the plain SQLite lines one run at a time, each beside a run of Tuki's, and the rest in one
call.
"""
import argparse
import collections
import json
import os
import sqlite3
import statistics
import tempfile
import time
import uuid

SCHEMA = """
CREATE TABLE events (
    position INTEGER PRIMARY KEY, event_id TEXT NOT NULL UNIQUE, stream TEXT NOT NULL,
    stream_version INTEGER NOT NULL, type TEXT NOT NULL, schema_version INTEGER NOT NULL,
    occurred_at TEXT NOT NULL, recorded_at TEXT NOT NULL, data TEXT NOT NULL, meta TEXT NOT NULL,
    prev_hash TEXT NOT NULL, hash TEXT NOT NULL, UNIQUE (stream, stream_version));
"""


def rows(path, count):
    """The same rows Tuki stores: stream i//20 gets events i..i+19; data as compact JSON."""
    result = []
    with open(path, encoding="utf-8") as lines:
        for index, line in enumerate(lines):
            if index >= count:
                break
            envelope = json.loads(line)
            data = json.dumps(envelope["data"], separators=(",", ":"), sort_keys=True, ensure_ascii=False)
            result.append((index + 1, str(uuid.uuid4()), f"bench-{index // 20}", index % 20 + 1, envelope["type"],
                           envelope["schemaVersion"], envelope["occurredAt"], "2026-11-22T00:00:00.000000Z", data,
                           '{"actor":"bench"}', "0" * 64, "f" * 64))
    return result


def timed(function, runs):
    times = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as directory:
            times.append(function(directory))
    return statistics.median(times)


def connect(directory):
    connection = sqlite3.connect(os.path.join(directory, "plain.sqlite"), isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=FULL")
    connection.executescript(SCHEMA)
    return connection


INSERT = "INSERT INTO events VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"


def plain_executemany(data):
    def run(directory):
        connection = connect(directory)
        start = time.perf_counter()
        connection.execute("BEGIN")
        connection.executemany(INSERT, data)
        connection.execute("COMMIT")
        return time.perf_counter() - start
    return run


def plain_commits(data, per_commit):
    def run(directory):
        connection = connect(directory)
        start = time.perf_counter()
        for index in range(0, len(data), per_commit):
            connection.execute("BEGIN")
            connection.executemany(INSERT, data[index:index + per_commit])
            connection.execute("COMMIT")
        return time.perf_counter() - start
    return run


def plain_read(data):
    def run(directory):
        connection = connect(directory)
        connection.execute("BEGIN")
        connection.executemany(INSERT, data)
        connection.execute("COMMIT")
        start = time.perf_counter()
        count = sum(1 for _ in connection.execute("SELECT * FROM events ORDER BY position"))
        assert count == len(data)
        return time.perf_counter() - start
    return run


def recorder(directory):
    from eventsourcing.sqlite import SQLiteApplicationRecorder, SQLiteDatastore
    datastore = SQLiteDatastore(os.path.join(directory, "es.sqlite"), originator_id_type="text")
    recorder = SQLiteApplicationRecorder(datastore)
    recorder.create_table()
    return recorder


def stored(data):
    from eventsourcing.persistence import StoredEvent
    return [StoredEvent(originator_id=row[2], originator_version=row[3], topic=row[4], state=row[8].encode()) for row in data]


def es_commits(events, per_commit):
    def run(directory):
        store = recorder(directory)
        start = time.perf_counter()
        for index in range(0, len(events), per_commit):
            store.insert_events(events[index:index + per_commit])
        return time.perf_counter() - start
    return run


def es_filled(events):
    """A recorder holding `events`, built untimed, for the reading measurements."""
    def make(directory):
        store = recorder(directory)
        for index in range(0, len(events), 1000):
            store.insert_events(events[index:index + 1000])
        return store
    return make


def es_read(events, project):
    def run(directory):
        store = es_filled(events)(directory)
        start = time.perf_counter()
        counts = collections.Counter()
        position, seen = 1, 0
        while True:
            page = store.select_notifications(start=position, limit=1000)
            if not page:
                break
            for notification in page:
                seen += 1
                if project:
                    counts[notification.topic] += 1
            position = page[-1].id + 1
        assert seen == len(events)
        return time.perf_counter() - start
    return run


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--input", required=True)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--commit-events", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", help="comma-separated measurements to take (default: all)")
    parser.add_argument("--skip", help="comma-separated measurements to leave out")
    args = parser.parse_args()

    loaded = {}

    def data():  # every event, read once and only if a measurement needs it
        if "data" not in loaded:
            loaded["data"] = rows(args.input, args.events)
        return loaded["data"]

    def few():  # the first --commit-events events, for the commit measurements
        return data()[: args.commit_events] if "data" in loaded else rows(args.input, args.commit_events)

    measurements = {
        "plain_executemany": lambda: plain_executemany(data()),
        "plain_commit_20": lambda: plain_commits(few(), 20),
        "plain_commit_1": lambda: plain_commits(few(), 1),
        "plain_read_all": lambda: plain_read(data()),
        "es_commit_20": lambda: es_commits(stored(data()), 20),
        "es_commit_20_small": lambda: es_commits(stored(few()), 20),
        "es_commit_1": lambda: es_commits(stored(few()), 1),
        "es_read_all": lambda: es_read(stored(data()), False),
        "es_count_per_type": lambda: es_read(stored(data()), True),
    }
    chosen = args.only.split(",") if args.only else list(measurements)
    chosen = [name for name in chosen if name not in (args.skip.split(",") if args.skip else [])]
    unknown = [name for name in chosen if name not in measurements]
    if unknown:
        parser.error(f"unknown measurement: {', '.join(unknown)}")
    probe = sqlite3.connect(":memory:")
    results = {
        "sqlite_version": sqlite3.sqlite_version,
        "python_default_synchronous": probe.execute("PRAGMA synchronous").fetchone()[0],
    }
    for name in chosen:
        results[name] = timed(measurements[name](), args.runs)
    results["events"] = len(data()) if "data" in loaded else None
    results["commit_events"] = args.commit_events
    print(json.dumps(results))


if __name__ == "__main__":
    main()
