#!/usr/bin/env python3
"""Many facilitators at once: N clients recording attendance through `tuki serve`'s API.

  python3 Tools/load/attendance.py LEDGER.sqlite [--connections 50] [--seconds 60] [--tuki .build/release/tuki]

Copies the ledger (with its keys and read models) to a temporary folder, adds a coordinator,
starts `tuki serve` on a free port of 127.0.0.1, signs in for an API token, and runs wrk: each
request records one mark for a held session and a participant enrolled in it (read from the
ledger's read models), cycling through up to 5,000 of them. Then it counts the events the ledger
gained against the 201 answers, verifies the chain, reads the server's peak memory, and stops the
server. Traffic goes to 127.0.0.1 only; wrk stops after --seconds.

Prints one line: events/s, p50/p90/p99 latency, errors, events lost, memory. Needs wrk (Debian).
"""
import argparse
import http.cookiejar
import json
import os
import pathlib
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

here = pathlib.Path(__file__).resolve().parent


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("ledger")
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--tuki", default=str(here.parents[1] / ".build" / "release" / "tuki"))
    args = parser.parse_args()
    source = pathlib.Path(args.ledger)
    stem = source.name[: -len(".sqlite")]
    work = pathlib.Path(tempfile.mkdtemp(prefix="tuki-load-"))
    try:
        for suffix in [".sqlite", ".keys.sqlite", ".master.key", ".readmodels.sqlite"]:
            if (source.parent / (stem + suffix)).exists():
                shutil.copy(source.parent / (stem + suffix), work / ("load" + suffix))
        db = str(work / "load.sqlite")
        run = lambda *a: subprocess.run([args.tuki, *a, "--db", db], check=True, capture_output=True, text=True)
        # The grant is the ledger's first write after an upgrade: it also brings the rules' state up to date.
        one_time = run("user", "add", "load-coordinator", "--role", "coordinator", "--actor", "load-test").stdout.strip()
        run("projections", "update")
        port = free_port()
        # Plain HTTP on 127.0.0.1, and urllib sends no Secure cookie over it.
        server = subprocess.Popen([args.tuki, "serve", "--db", db, "--port", str(port), "--insecure-cookies"],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            base = f"http://127.0.0.1:{port}"
            for _ in range(100):
                try:
                    urllib.request.urlopen(base + "/signin", timeout=1)
                    break
                except OSError:
                    time.sleep(0.1)
            token = api_token(base, "load-coordinator", one_time)
            targets = pick_targets(work / "load.readmodels.sqlite")
            (work / "targets.txt").write_text("".join(f"{a} {s} {p}\n" for a, s, p in targets))
            before = count_events(db)
            env = dict(os.environ, TUKI_LOAD_TARGETS=str(work / "targets.txt"), TUKI_LOAD_TOKEN=token)
            wrk = subprocess.run(["wrk", "-t2", f"-c{args.connections}", f"-d{args.seconds}s", "--timeout", "10s",
                                  "-s", str(here / "attendance.lua"), base], env=env, capture_output=True, text=True, check=True)
            status = pathlib.Path(f"/proc/{server.pid}/status").read_text()
            peak = int(re.search(r"VmHWM:\s+(\d+)", status).group(1)) // 1024
            resident = int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) // 1024
        finally:
            server.terminate()
            server.wait(timeout=30)
        result = dict(item.split("=") for item in re.search(r"RESULT (.*)", wrk.stdout).group(1).split())
        gained = count_events(db) - before
        created = int(result["created"])
        verify = subprocess.run([args.tuki, "verify", "--db", db], capture_output=True, text=True)
        print(f"{args.connections} clients, {float(result['seconds']):.0f} s, {len(targets)} targets, ledger of {before:,} events: "
              f"{created / float(result['seconds']):.0f} events/s; p50 {result['p50_ms']} ms, p90 {result['p90_ms']} ms, "
              f"p99 {result['p99_ms']} ms, max {result['max_ms']} ms; refused {result['refused']}, failed {result['failed']}, "
              f"socket errors {result['socket_errors']}; events lost {max(0, created - gained)} (201 answers {created}, events gained {gained}"
              f"{'; ' + str(gained - created) + ' recorded for requests still in flight when wrk stopped' if gained > created else ''}); "
              f"server memory {resident} MiB at the end, peak {peak} MiB; {verify.stdout.strip() or verify.stderr.strip()}")
        return 0 if created <= gained and verify.returncode == 0 else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


def api_token(base, user, one_time):
    """Signs in on the pages with the one-time password, chooses a password, then asks the API."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    form = lambda fields: urllib.parse.urlencode(fields).encode()
    page = opener.open(base + "/signin", form({"user": user, "password": one_time})).read().decode()
    csrf = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
    password = "load-test password " + one_time
    opener.open(base + "/password", form({"_csrf": csrf, "password": password, "repeat": password}))
    request = urllib.request.Request(base + "/api/v1/tokens", json.dumps({"user": user, "password": password}).encode(),
                                     {"Content-Type": "application/json"})
    return json.load(urllib.request.urlopen(request))["token"]


def pick_targets(read_models):
    """Held sessions and the participants marked at them: a mark there is always accepted."""
    with sqlite3.connect(read_models) as db:
        return db.execute("""
            SELECT a.activity, a.session, a.participant FROM sessions_attendance a
            JOIN sessions_session s ON s.activity = a.activity AND s.session = a.session AND s.status = 'held'
            GROUP BY a.activity, a.session, a.participant ORDER BY a.position DESC LIMIT 5000""").fetchall()


def count_events(db):
    with sqlite3.connect(db) as connection:
        return connection.execute("SELECT count(*) FROM events").fetchone()[0]


if __name__ == "__main__":
    sys.exit(main())
