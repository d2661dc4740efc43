#!/usr/bin/env python3
"""Writes a JSONL import file of N envelopes spread over S streams, with ~300-byte data, for
measuring `tuki import` (see BENCHMARKS.md). Reproducible: the same N, S and seed give the same file.

  Tools/bench/make-import-file.py [--events 100000] [--streams 5000] [--seed 1] > events.jsonl
"""
import argparse
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
    versions = [0] * args.streams
    statuses = ["present", "absent", "excused"]
    out = sys.stdout
    for i in range(args.events):
        s = rng.randrange(args.streams)
        data = {
            "session": f"s{versions[s] + 1}",
            "participant": f"p-{rng.randrange(36**6):06x}",
            "status": rng.choice(statuses),
            "location": "Forssa family centre, group room 2",
            "durationMinutes": rng.choice([60, 90, 120]),
            "notes": "".join(rng.choice("abcdefghijklmnopqrstuvwxyz ") for _ in range(158)),
        }
        envelope = {
            "eventId": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            "stream": f"activity-{s:05d}",
            "type": "attendance.recorded",
            "schemaVersion": 1,
            "occurredAt": f"2026-{1 + i * 12 // args.events:02d}-{1 + i % 28:02d}T{8 + i % 10:02d}:00:00Z",
            "expectedVersion": versions[s],
            "data": data,
            "meta": {"actor": "bench"},
        }
        versions[s] += 1
        out.write(json.dumps(envelope, separators=(",", ":"), ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
