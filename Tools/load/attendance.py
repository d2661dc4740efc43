#!/usr/bin/env python3
"""Many facilitators at once: N clients recording attendance through `tuki serve`'s API.

  python3 Tools/load/attendance.py LEDGER.sqlite [--connections 50] [--seconds 60] [--refuse-every 10] [--probe PAGE]
                                   [--tuki .build/release/tuki]

Copies the ledger (with its keys and read models) to a temporary folder, adds a coordinator,
starts `tuki serve` on a free port of 127.0.0.1, signs in for an API token, and runs wrk: each
request records one mark for a held session and a participant enrolled in it (read from the
ledger's read models), cycling through up to 5,000 of them; with --refuse-every N, every Nth
request marks someone not enrolled, which the rules refuse; with --probe /groups/…, the coordinator
opens that page 20 times one after the other, first with the server idle and then while the
clients record, and the two medians are printed. Then it counts the events the ledger
gained against the 201 answers, verifies the chain, reads the server's peak memory, and stops the
server. Traffic goes to 127.0.0.1 only; wrk stops after --seconds.

Prints one line: events/s, p50/p90/p99 latency, errors, events lost, memory, and what one sync
to disk (write 4 KiB + fdatasync, beside the ledger) costs on this machine. Needs wrk (Debian).
"""
import argparse
import json
import os
import pathlib
import re
import sqlite3
import subprocess
import sys
import time
import urllib.request

from served import count_events, default_tuki, served_copy, sign_in

here = pathlib.Path(__file__).resolve().parent


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("ledger")
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--refuse-every", type=int, default=0)
    parser.add_argument("--probe", help="a page to time, idle and under the load")
    parser.add_argument("--tuki", default=default_tuki)
    args = parser.parse_args()
    with served_copy(args.ledger, args.tuki, "load-coordinator") as served:
        token = api_token(served, "load-test password " + served.one_time)
        targets = pick_targets(served.read_models)
        (served.work / "targets.txt").write_text("".join(f"{a} {s} {p}\n" for a, s, p in targets))
        before = count_events(served.db)
        env = dict(os.environ, TUKI_LOAD_TARGETS=str(served.work / "targets.txt"), TUKI_LOAD_TOKEN=token,
                   TUKI_LOAD_REFUSE_EVERY=str(args.refuse_every))
        sync_ms = sync_cost(served.work)
        idle = probe(served, args.probe) if args.probe else None
        load = subprocess.Popen(["wrk", f"-t{min(2, args.connections)}", f"-c{args.connections}", f"-d{args.seconds}s", "--timeout", "10s",
                                 "-s", str(here / "attendance.lua"), served.base], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        busy = None
        if args.probe:
            time.sleep(min(5, args.seconds / 3))
            busy = probe(served, args.probe)
        out, err = load.communicate()
        if load.returncode != 0:
            raise RuntimeError(f"wrk failed: {err}")
        wrk = subprocess.CompletedProcess(load.args, load.returncode, out, err)
        status = pathlib.Path(f"/proc/{served.server.pid}/status").read_text()
        peak = int(re.search(r"VmHWM:\s+(\d+)", status).group(1)) // 1024
        resident = int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) // 1024
        served.server.terminate()
        served.server.wait(timeout=30)
        db = served.db
        result = dict(item.split("=") for item in re.search(r"RESULT (.*)", wrk.stdout).group(1).split())
        gained = count_events(db) - before
        created = int(result["created"])
        verify = subprocess.run([args.tuki, "verify", "--db", db], capture_output=True, text=True)
        print(f"{args.connections} clients, {float(result['seconds']):.0f} s, {len(targets)} targets, ledger of {before:,} events: "
              f"{created / float(result['seconds']):.0f} events/s; p50 {result['p50_ms']} ms, p90 {result['p90_ms']} ms, "
              f"p99 {result['p99_ms']} ms, max {result['max_ms']} ms; refused {result['refused']}, failed {result['failed']}, "
              f"socket errors {result['socket_errors']}; events lost {max(0, created - gained)} (201 answers {created}, events gained {gained}"
              f"{'; ' + str(gained - created) + ' recorded for requests still in flight when wrk stopped' if gained > created else ''}); "
              f"server memory {resident} MiB at the end, peak {peak} MiB; one sync to disk {sync_ms:.2f} ms (median of 50); "
              f"{f'{args.probe}: median {idle[0]:.1f} ms idle (max {idle[1]:.1f}), {busy[0]:.1f} ms under the load (max {busy[1]:.1f}); ' if idle else ''}"
              f"{verify.stdout.strip() or verify.stderr.strip()}")
        return 0 if created <= gained and verify.returncode == 0 else 1


def api_token(served, password):
    """Signs in on the pages with the one-time password, chooses a password, then asks the API.
    The pages' signed-in opener is kept as `served.opener`."""
    served.opener, _ = sign_in(served, password)
    request = urllib.request.Request(served.base + "/api/v1/tokens", json.dumps({"user": served.user, "password": password, "code": served.recovery_codes.pop()}).encode(),
                                     {"Content-Type": "application/json"})
    return json.load(urllib.request.urlopen(request))["token"]


def sync_cost(folder):
    """The median time of one durable commit's own disk work here: 4 KiB written, then fdatasync."""
    path = folder / "sync-probe"
    times = []
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        for _ in range(50):
            started = time.perf_counter()
            os.write(fd, b"\0" * 4096)
            os.fdatasync(fd)
            times.append((time.perf_counter() - started) * 1000)
    finally:
        os.close(fd)
        path.unlink()
    return sorted(times)[len(times) // 2]


def probe(served, page, times=20):
    """The median and the longest time, in ms, of opening `page` `times` times one after the other."""
    took = []
    for _ in range(times):
        started = time.perf_counter()
        served.opener.open(served.base + page).read()
        took.append((time.perf_counter() - started) * 1000)
    took.sort()
    return took[len(took) // 2], took[-1]


def pick_targets(read_models):
    """Held sessions and the participants marked at them: a mark there is always accepted."""
    with sqlite3.connect(read_models) as db:
        return db.execute("""
            SELECT a.activity, a.session, a.participant FROM sessions_attendance a
            JOIN sessions_session s ON s.activity = a.activity AND s.session = a.session AND s.status = 'held'
            GROUP BY a.activity, a.session, a.participant ORDER BY a.position DESC LIMIT 5000""").fetchall()


if __name__ == "__main__":
    sys.exit(main())
