"""What the load tools share: a copy of a ledger served by `tuki serve` on 127.0.0.1, with a new
coordinator signed in on the pages."""
import base64
import contextlib
import hashlib
import hmac
import http.cookiejar
import pathlib
import re
import shutil
import socket
import sqlite3
import struct
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
    """Signs in as a new coordinator would: the one-time password, a password of their own, an
    authenticator enrolled (its code worked out here, RFC 6238). Returns an opener that keeps the
    session's cookie, and the session's form token; the recovery codes shown at enrolment are
    kept as `served.recovery_codes` (each signs in once, the API's sign-in too)."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    form = lambda fields: urllib.parse.urlencode(fields).encode()
    page = opener.open(served.base + "/signin", form({"user": served.user, "password": served.one_time})).read().decode()
    csrf = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
    page = opener.open(served.base + "/password", form({"_csrf": csrf, "password": password, "repeat": password})).read().decode()
    secret = re.search(r'otpauth://totp/[^"?]*[?]secret=([A-Z2-7]+)', page).group(1)
    csrf = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
    page = opener.open(served.base + "/second-factor", form({"_csrf": csrf, "code": totp(secret)})).read().decode()
    served.recovery_codes = re.findall(r"<li><code>([^<]+)</code></li>", page)
    page = opener.open(served.base + "/").read().decode()
    return opener, re.search(r'name="_csrf" value="([^"]+)"', page).group(1)


def totp(secret, at=None):
    """RFC 6238's code of now: HMAC-SHA1 of the 30-second step, six digits."""
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    mac = hmac.new(key, struct.pack(">Q", int((at or time.time()) // 30)), hashlib.sha1).digest()
    offset = mac[-1] & 15
    return "%06d" % ((struct.unpack(">I", mac[offset:offset + 4])[0] & 0x7FFFFFFF) % 1_000_000)


def count_events(db):
    with sqlite3.connect(db) as connection:
        return connection.execute("SELECT count(*) FROM events").fetchone()[0]
