#!/usr/bin/env python3
"""What a person waits for on `tuki serve`: each page's time, one request at a time.

  python3 Tools/load/pages.py LEDGER.sqlite [--repeat 5] [--tuki .build/release/tuki]

Copies the ledger (with its keys and read models) to a temporary folder, adds a coordinator,
brings the read models up to date, starts `tuki serve` on a free port of 127.0.0.1 and signs in.
Then it asks for each page --repeat times in turn and prints the first and the median time of
each, in milliseconds, and the page's size, as Markdown table rows. The groups and reports are of the busiest
activity and the ledger's first project. Traffic goes to 127.0.0.1 only; the server is stopped
at the end.
"""
import argparse
import http.cookiejar
import pathlib
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

from attendance import free_port

here = pathlib.Path(__file__).resolve().parent


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("ledger")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--tuki", default=str(here.parents[1] / ".build" / "release" / "tuki"))
    args = parser.parse_args()
    source = pathlib.Path(args.ledger)
    stem = source.name[: -len(".sqlite")]
    work = pathlib.Path(tempfile.mkdtemp(prefix="tuki-pages-"))
    try:
        for suffix in [".sqlite", ".keys.sqlite", ".master.key", ".readmodels.sqlite"]:
            if (source.parent / (stem + suffix)).exists():
                shutil.copy(source.parent / (stem + suffix), work / ("pages" + suffix))
        db = str(work / "pages.sqlite")
        run = lambda *a: subprocess.run([args.tuki, *a, "--db", db], check=True, capture_output=True, text=True)
        one_time = run("user", "add", "pages-coordinator", "--role", "coordinator", "--actor", "load-test").stdout.strip()
        run("projections", "update")
        with sqlite3.connect(work / "pages.readmodels.sqlite") as models:
            activity, = models.execute(
                "SELECT activity FROM directory_enrolment GROUP BY activity ORDER BY count(*) DESC LIMIT 1").fetchone()
            project, start = models.execute("SELECT project, start_date FROM directory_project ORDER BY position LIMIT 1").fetchone()
            session, = models.execute("SELECT session FROM sessions_session WHERE activity = ? ORDER BY date DESC LIMIT 1",
                                      (activity,)).fetchone()
        year = start[:4]
        pages = [
            ("GET", "/overview", None), ("GET", "/groups", None), ("GET", f"/groups/{activity}", None),
            ("GET", f"/groups/{activity}/sessions/{session}", None), ("GET", "/record", None), ("GET", "/lists", None),
            ("GET", "/reports", None), ("GET", f"/lists/participants?activity={activity}", None),
            ("POST", f"/lists/participants/names", {"activity": activity, "purpose": "page timing"}),
            ("GET", f"/reports/sessions?activity={activity}", None), ("GET", f"/reports/fees?year={year}", None),
            ("GET", f"/reports/esr?project={project}&from={year}-01-01&to={year}-06-30", None),
            ("GET", f"/reports/stea?project={project}&year={year}", None),
        ]
        port = free_port()
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
            opener, csrf = sign_in(base, "pages-coordinator", one_time)
            events = count_events(db)
            print(f"ledger of {events:,} events; activity with {enrolled(work, activity)} enrolments; times in ms")
            print("| page | first | median | bytes |")
            print("|---|---:|---:|---:|")
            for method, path, form in pages:
                times = []
                for _ in range(args.repeat):
                    data = urllib.parse.urlencode({"_csrf": csrf, **form}).encode() if form else None
                    started = time.perf_counter()
                    with opener.open(urllib.request.Request(base + path, data, method=method), timeout=120) as answer:
                        size = len(answer.read())
                    times.append((time.perf_counter() - started) * 1000)
                shown = re.sub(r"activity-[a-z0-9-]+", "{activity}", path.split("?")[0])
                shown = re.sub(r"/sessions/[a-z0-9-]+", "/sessions/{session}", shown)
                print(f"| {method} {shown} | {times[0]:.0f} | {statistics.median(times):.0f} | {size:,} |")
        finally:
            server.terminate()
            server.wait(timeout=30)
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


def sign_in(base, user, one_time):
    """Signs in with the one-time password and chooses a password; the opener keeps the cookie."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    form = lambda fields: urllib.parse.urlencode(fields).encode()
    page = opener.open(base + "/signin", form({"user": user, "password": one_time})).read().decode()
    csrf = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
    password = "page timing password " + one_time
    opener.open(base + "/password", form({"_csrf": csrf, "password": password, "repeat": password}))
    page = opener.open(base + "/overview").read().decode()
    return opener, re.search(r'name="_csrf" value="([^"]+)"', page).group(1)


def enrolled(work, activity):
    with sqlite3.connect(work / "pages.readmodels.sqlite") as models:
        return models.execute("SELECT count(*) FROM directory_enrolment WHERE activity = ?", (activity,)).fetchone()[0]


def count_events(db):
    with sqlite3.connect(db) as connection:
        return connection.execute("SELECT count(*) FROM events").fetchone()[0]


if __name__ == "__main__":
    sys.exit(main())
