"""What the load tools share: a copy of a ledger served by `tuki serve` on 127.0.0.1, with a new
coordinator signed in on the pages."""
import contextlib
import http.cookiejar
import pathlib
import re
import shutil
import socket
import sqlite3
import subprocess
import tempfile
import time
import urllib.parse
import urllib.request

here = pathlib.Path(__file__).resolve().parent
default_tuki = str(here.parents[1] / ".build" / "release" / "tuki")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Served:
    """A served copy: `work` (its folder), `db`, `read_models`, `base` (the server's address),
    `user` and `one_time` (the coordinator's one-time password), `server` (the process)."""


@contextlib.contextmanager
def served_copy(ledger, tuki, user):
    """Copies the ledger with its keys and read models to a temporary folder, adds `user` as a
    coordinator (the ledger's first write after an upgrade also brings the rules' state up to
    date), brings the read models up to date and starts `tuki serve` on a free port of 127.0.0.1.
    Stops the server and removes the copy at the end."""
    source = pathlib.Path(ledger)
    stem = source.name[: -len(".sqlite")]
    served = Served()
    served.work = pathlib.Path(tempfile.mkdtemp(prefix="tuki-served-"))
    try:
        for suffix in [".sqlite", ".keys.sqlite", ".master.key", ".readmodels.sqlite"]:
            if (source.parent / (stem + suffix)).exists():
                shutil.copy(source.parent / (stem + suffix), served.work / ("served" + suffix))
        served.db = str(served.work / "served.sqlite")
        served.read_models = served.work / "served.readmodels.sqlite"
        run = lambda *a: subprocess.run([tuki, *a, "--db", served.db], check=True, capture_output=True, text=True)
        served.user = user
        served.one_time = run("user", "add", user, "--role", "coordinator", "--actor", "load-test").stdout.strip()
        run("projections", "update")
        port = free_port()
        # Plain HTTP on 127.0.0.1, and urllib sends no Secure cookie over it.
        served.server = subprocess.Popen([tuki, "serve", "--db", served.db, "--port", str(port), "--insecure-cookies"],
                                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            served.base = f"http://127.0.0.1:{port}"
            for _ in range(100):
                try:
                    urllib.request.urlopen(served.base + "/signin", timeout=1)
                    break
                except OSError:
                    time.sleep(0.1)
            yield served
        finally:
            served.server.terminate()
            served.server.wait(timeout=30)
    finally:
        shutil.rmtree(served.work, ignore_errors=True)


def sign_in(served, password):
    """Signs in with the one-time password and chooses `password`; returns an opener that keeps
    the session's cookie, and the session's form token."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    form = lambda fields: urllib.parse.urlencode(fields).encode()
    page = opener.open(served.base + "/signin", form({"user": served.user, "password": served.one_time})).read().decode()
    csrf = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
    opener.open(served.base + "/password", form({"_csrf": csrf, "password": password, "repeat": password}))
    page = opener.open(served.base + "/").read().decode()
    return opener, re.search(r'name="_csrf" value="([^"]+)"', page).group(1)


def count_events(db):
    with sqlite3.connect(db) as connection:
        return connection.execute("SELECT count(*) FROM events").fetchone()[0]
