#!/usr/bin/env python3
"""What a person waits for on `tuki serve`: each page's time, one request at a time.

  python3 Tools/load/pages.py LEDGER.sqlite [--repeat 5] [--tuki .build/release/tuki]

Copies the ledger (with its keys and read models) to a temporary folder, adds a coordinator,
brings the read models up to date, starts `tuki serve` on a free port of 127.0.0.1 and signs in.
Then it asks for each page --repeat times in turn and prints the first and the median time of
each, in milliseconds, and the page's size, as Markdown table rows. The group and the reports are
of the activity with most enrolments and of the ledger's first project. Traffic goes to 127.0.0.1
only; the server is stopped at the end.
"""
import argparse
import re
import sqlite3
import statistics
import sys
import time
import urllib.parse
import urllib.request

from served import count_events, default_tuki, served_copy, sign_in


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("ledger")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--tuki", default=default_tuki)
    args = parser.parse_args()
    with served_copy(args.ledger, args.tuki, "pages-coordinator") as served:
        with sqlite3.connect(served.read_models) as models:
            activity, = models.execute(
                "SELECT activity FROM directory_enrolment GROUP BY activity ORDER BY count(*) DESC LIMIT 1").fetchone()
            enrolments, = models.execute("SELECT count(*) FROM directory_enrolment WHERE activity = ?", (activity,)).fetchone()
            project, start = models.execute("SELECT project, start_date FROM directory_project ORDER BY position LIMIT 1").fetchone()
            session, = models.execute("SELECT session FROM sessions_session WHERE activity = ? ORDER BY date DESC LIMIT 1",
                                      (activity,)).fetchone()
        year = start[:4]
        pages = [
            ("GET", "/overview", None), ("GET", "/groups", None), ("GET", f"/groups/{activity}", None),
            ("GET", f"/groups/{activity}/sessions/{session}", None), ("GET", "/record", None), ("GET", "/lists", None),
            ("GET", "/reports", None), ("GET", f"/lists/participants?activity={activity}", None),
            ("POST", "/lists/participants/names", {"activity": activity, "purpose": "page timing"}),
            ("GET", f"/reports/sessions?activity={activity}", None), ("GET", f"/reports/fees?year={year}", None),
            ("GET", f"/reports/esr?project={project}&from={year}-01-01&to={year}-06-30", None),
            ("GET", f"/reports/stea?project={project}&year={year}", None),
        ]
        opener, csrf = sign_in(served, "page timing password " + served.one_time)
        # A person with a sealed name, for the name search and the person's page.
        register = {"_csrf": csrf, "personal.name": "Aikamittaus Henkilö", "personal.birthDate": "1.2.1980", "gender": "woman",
                    "municipality": "Forssa", "roles": "parent"}
        with opener.open(urllib.request.Request(served.base + "/record/participant", urllib.parse.urlencode(register).encode()), timeout=120) as answer:
            answer.read()
        with opener.open(urllib.request.Request(served.base + "/people/search", urllib.parse.urlencode({"_csrf": csrf, "name": "aikamit"}).encode()),
                         timeout=120) as answer:
            person = re.search(r'href="(/people/[A-Za-z0-9_-]+)"', answer.read().decode()).group(1)
        pages += [("POST", "/people/search", {"name": "aikamit"}), ("GET", person, None)]
        print(f"ledger of {count_events(served.db):,} events; activity with {enrolments} enrolments; times in ms")
        print("| page | first | median | bytes |")
        print("|---|---:|---:|---:|")
        for method, path, form in pages:
            times = []
            for _ in range(args.repeat):
                data = urllib.parse.urlencode({"_csrf": csrf, **form}).encode() if form else None
                started = time.perf_counter()
                with opener.open(urllib.request.Request(served.base + path, data, method=method), timeout=120) as answer:
                    size = len(answer.read())
                times.append((time.perf_counter() - started) * 1000)
            shown = re.sub(r"activity-[a-z0-9-]+", "{activity}", path.split("?")[0])
            shown = re.sub(r"/sessions/[a-z0-9-]+", "/sessions/{session}", shown)
            shown = re.sub(r"/people/[A-Za-z0-9_-]{20,}", "/people/{handle}", shown)
            print(f"| {method} {shown} | {times[0]:.0f} | {statistics.median(times):.0f} | {size:,} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
