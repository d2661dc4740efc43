#!/usr/bin/env python3
"""A crash in the middle of the load: `kill -9` of `tuki serve` while clients record attendance.

  python3 Tools/load/crash.py LEDGER.sqlite --keep DIR [--clients 8] [--after 2.0] [--tuki .build/release/tuki]

Serves a copy of the ledger (served.py), records attendance marks from --clients clients through
the API, each request with an Idempotency-Key, and kills the server with SIGKILL --after seconds
in. Then it copies the ledger as the kill left it (the file and its write-ahead log) to DIR, and
writes DIR/acknowledged.txt: the event ids of every 201 answer received before the kill, one a
line. What to check afterwards — `tuki verify`, and every acknowledged id in the ledger — is the
caller's (Tests/TukiCLITests/CrashCLITests.swift). Traffic goes to 127.0.0.1 only, and it stops
by itself. Prints how many requests were acknowledged.
"""
import argparse
import json
import os
import pathlib
import shutil
import signal
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid

from attendance import api_token, pick_targets
from served import default_tuki, served_copy


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("ledger")
    parser.add_argument("--keep", required=True)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--after", type=float, default=2.0)
    parser.add_argument("--tuki", default=default_tuki)
    args = parser.parse_args()
    keep = pathlib.Path(args.keep)
    keep.mkdir(parents=True, exist_ok=True)
    with served_copy(args.ledger, args.tuki, "crash-coordinator") as served:
        token = api_token(served, "crash-test password " + served.one_time)
        targets = pick_targets(served.read_models)
        acknowledged = []
        lock = threading.Lock()
        stop = threading.Event()

        def client(number):
            counter = number * 7919
            while not stop.is_set():
                counter += 1
                activity, session, participant = targets[counter % len(targets)]
                body = json.dumps({"marks": [{"participant": participant, "status": ["present", "absent", "excused"][counter % 3]}]})
                request = urllib.request.Request(
                    f"{served.base}/api/v1/groups/{activity}/sessions/{session}/attendance", body.encode(),
                    {"Authorization": "Bearer " + token, "Content-Type": "application/json", "Idempotency-Key": str(uuid.uuid4())})
                try:
                    with urllib.request.urlopen(request, timeout=10) as response:
                        ids = json.load(response)["eventIds"]
                except (urllib.error.URLError, ConnectionError, OSError, ValueError):
                    if stop.is_set():
                        return
                    continue
                with lock:
                    acknowledged.extend(ids)

        threads = [threading.Thread(target=client, args=(n,)) for n in range(args.clients)]
        for thread in threads:
            thread.start()
        time.sleep(args.after)
        # The answers already read count as acknowledged; those the kill cuts off do not.
        with lock:
            os.kill(served.server.pid, signal.SIGKILL)
            stop.set()
            kept = list(acknowledged)
        for thread in threads:
            thread.join(timeout=15)
        served.server.wait(timeout=15)
        for name in os.listdir(served.work):
            if name.startswith("served.sqlite") or name in ("served.keys.sqlite", "served.master.key"):
                shutil.copy(served.work / name, keep / name)
        (keep / "acknowledged.txt").write_text("".join(id + "\n" for id in kept))
        print(len(kept))
    return 0


if __name__ == "__main__":
    sys.exit(main())
