#!/usr/bin/env python3
"""Checks a Tuki export file (`tuki export`) with nothing but Python's standard library, exactly
as docs/ledger-format.md describes the chain. It does not use Tuki. Prints
`ok N events, head POSITION HASH` and exits 0, or `FAILED at position N: …` and exits 1.

    python3 Tools/audit/verify-export.py EXPORT.jsonl

`data` and `meta` are hashed as the bytes they are in the line: the export writes them exactly as
the ledger stores them, so they are read with raw_decode and never re-serialised.
"""
import hashlib
import json
import sys

ZEROS = "0" * 64
DECODER = json.JSONDecoder()


def raw_member(line, name, start):
    """The member's value as it stands in the line, and where it ends."""
    key = '"%s":' % name
    at = line.index(key, start) + len(key)
    _, end = DECODER.raw_decode(line, at)
    return line[at:end], end


def main(path):
    previous, versions, count, first = None, {}, 0, True
    with open(path, encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            line = line.rstrip("\r\n")
            if not line.strip():
                continue
            event = json.loads(line)
            position = event["position"]
            # The fields before `data` are ids, names and times: `"data":` cannot stand inside them.
            data, end = raw_member(line, "data", line.index(',"recordedAt":'))
            meta, _ = raw_member(line, "meta", end)

            def fail(reason):
                print("FAILED at position %d: %s" % (position, reason))
                sys.exit(1)

            if first:
                starts_at_genesis = position == 1
                if starts_at_genesis and event["prevHash"] != ZEROS:
                    fail("prev_hash is not 64 zeros")
            else:
                if position != previous["position"] + 1:
                    fail("does not follow position %d" % previous["position"])
                if event["prevHash"] != previous["hash"]:
                    fail("prev_hash does not match the previous hash")
            stream, version = event["stream"], event["streamVersion"]
            expected = versions.get(stream, 0 if starts_at_genesis else version - 1) + 1
            if version != expected:
                fail("stream version is not %d" % expected)
            fields = [event["prevHash"], str(position), event["eventId"], stream, str(version), event["type"],
                      str(event["schemaVersion"]), event["occurredAt"], event["recordedAt"], data, meta]
            if hashlib.sha256("\n".join(fields).encode("utf-8")).hexdigest() != event["hash"]:
                fail("hash does not match its fields")
            versions[stream] = version
            previous, count, first = event, count + 1, False
    if previous is None:
        print("ok 0 events, head 0 " + ZEROS)
    else:
        print("ok %d events, head %d %s" % (count, previous["position"], previous["hash"]))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: verify-export.py EXPORT.jsonl")
    main(sys.argv[1])
