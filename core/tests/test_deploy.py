"""deploy/: Debian's nginx running the site file in front of stand-in app servers (and Varnish),
systemd-analyze on the units, and the example environment against what the settings read.
Missing nginx or systemd-analyze skips a test, except in CI (core/tests/conftest.py)."""

import configparser
import http.client
import json
import os
import re
import runpy
import shutil
import ssl
import subprocess
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.conf import settings
from django.core.management import get_commands

from contact.forms import MAX_PHOTO_BYTES, MAX_PHOTOS
from core.tests.conftest import require
from tools import servers

DEPLOY = servers.BASE_DIR / "deploy"
SITE = servers.NGINX_SITE
UNITS = DEPLOY / "systemd"
VARNISH_DROP_IN = UNITS / "varnish.service.d" / "lm-granite.conf"
ENV_EXAMPLE = DEPLOY / "env.example"
# Read by manage.py itself rather than by the settings or config/gunicorn.py.
READ_ELSEWHERE = {"DJANGO_SETTINGS_MODULE"}


class Node(ThreadingHTTPServer):
    """A stand-in app server on a free port: answers every request with `status` and what it
    received, as JSON, and keeps the requests in `received`."""

    daemon_threads = True

    def __init__(self, name, status=200, handler=None):
        super().__init__(("127.0.0.1", 0), handler or Echo)
        self.name, self.status, self.received = name, status, []
        self.port = self.server_address[1]
        threading.Thread(target=self.serve_forever, daemon=True).start()

    def stop(self):
        self.shutdown()
        self.server_close()


class Echo(BaseHTTPRequestHandler):
    def do_GET(self):
        self.answer(b"")

    def do_POST(self):
        self.answer(self.rfile.read(int(self.headers.get("Content-Length", 0))))

    def answer(self, body):
        seen = {
            "node": self.server.name,
            "method": self.command,
            "path": self.path,
            "headers": dict(self.headers),
            "body_length": len(body),
        }
        self.server.received.append(seen)
        payload = json.dumps(seen).encode()
        self.send_response(self.server.status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.send_header("Cache-Control", "private, no-store")  # Varnish keeps none of it
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args):
        pass


class CutOnce(Echo):
    """Answers as Echo, except that its first answer to each path breaks off after the headers
    and a few bytes, as from an app server killed while it wrote."""

    def answer(self, body):
        if any(seen["path"] == self.path for seen in self.server.received):
            return super().answer(body)
        self.server.received.append({"method": self.command, "path": self.path})
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", "1000")
        self.end_headers()
        self.wfile.write(b"<!doctype html>")
        self.close_connection = True


def fetch(server, url, method="GET", headers=None, body=None):
    """One request, redirects not followed, the certificate checked: (status, headers, body)."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme == "https":
        context = ssl.create_default_context(cafile=server.certificate)
        connection = http.client.HTTPSConnection(
            parts.hostname, parts.port, timeout=30, context=context
        )
    else:
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


@pytest.fixture
def nginx_available():
    require(shutil.which("nginx"), "needs Debian's nginx (apt-get install nginx)")
    require(
        servers.BROTLI_STATIC.exists(),
        "needs Debian's libnginx-mod-http-brotli-static (apt-get install it)",
    )


@pytest.fixture
def start_nginx(nginx_available, tmp_path):
    """Starts nginx with the site file in front of the given nodes; stops what it started."""
    started = []

    def start(nodes, **options):
        workdir = tmp_path / f"nginx-{len(started)}"
        workdir.mkdir()
        try:
            server = servers.nginx(workdir, [node.port for node in nodes], **options)
        except servers.ServerError as error:
            pytest.fail(str(error))
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


@pytest.fixture
def nodes():
    made = []

    def make(name, status=200):
        made.append(Node(name, status))
        return made[-1]

    yield make
    for node in made:
        node.stop()


def site_setting(name):
    """The values of an nginx directive in the site file."""
    return re.findall(rf"^\s*{name}\s+([^;]+);", SITE.read_text(), re.M)


def env_example():
    """deploy/env.example as {name: value}, optional (commented) lines included."""
    return dict(re.findall(r"^#?([A-Z][A-Z0-9_]*)=(.*)$", ENV_EXAMPLE.read_text(), re.M))


def test_the_site_file_passes_nginx_check(nginx_available, tmp_path):
    config = servers.nginx_config(
        tmp_path, [8000, 8001], upstream_port=6081, https_port=8443, http_port=8080,
        balancer_port=8081,
    )  # fmt: skip

    check = subprocess.run(
        ["nginx", "-t", "-p", str(tmp_path), "-e", "stderr", "-c", str(config)],
        capture_output=True, text=True, timeout=30,
    )  # fmt: skip

    assert check.returncode == 0, check.stderr


def test_http_goes_to_https_but_certbot_still_reaches_its_challenges(start_nginx, nodes):
    nginx = start_nginx([nodes("a")])
    challenge = nginx.workdir / "acme" / ".well-known" / "acme-challenge"
    challenge.mkdir(parents=True)
    (challenge / "token123").write_text("proof")

    status, headers, _ = fetch(nginx, nginx.http_url + "/gallery/?material=marble")
    assert status == 301
    assert headers["Location"] == nginx.url + "/gallery/?material=marble"

    status, _, body = fetch(nginx, nginx.http_url + "/.well-known/acme-challenge/token123")
    assert (status, body) == (200, b"proof")


def test_visitors_cannot_choose_the_address_the_app_sees(start_nginx, nodes, tmp_path):
    """Through the whole chain: nginx (TLS), Varnish, nginx's balancer, the app."""
    require(shutil.which("varnishd"), "needs Debian's varnish (apt-get install varnish)")
    node = nodes("a")
    balancer_port = servers.free_port()
    (tmp_path / "varnish").mkdir()
    try:
        varnish = servers.varnish(balancer_port, tmp_path / "varnish", memory="16m")
    except servers.ServerError as error:
        pytest.fail(str(error))
    try:
        nginx = start_nginx([node], varnish_port=varnish.port, balancer_port=balancer_port)
        forged = {
            "Host": "example.com",
            "X-Forwarded-For": "1.2.3.4",
            "X-Real-IP": "1.2.3.4",
            "X-Forwarded-Proto": "http",
        }
        status, _, body = fetch(nginx, nginx.url + "/contact/", headers=forged)
    finally:
        varnish.stop()

    assert status == 200
    seen = json.loads(body)["headers"]
    assert "1.2.3.4" not in body.decode()
    assert seen["X-Real-IP"] == "127.0.0.1"  # what the app reads (TRUSTED_PROXY_HEADER)
    # nginx set it to the visitor's address, then Varnish added its own client.
    assert seen["X-Forwarded-For"] == "127.0.0.1, 127.0.0.1"
    assert seen["X-Forwarded-Proto"] == "https"
    assert seen["Host"] == "example.com"


def test_static_files_are_served_compressed_and_kept_by_browsers(start_nginx, nodes, tmp_path):
    static = tmp_path / "static"
    (static / "css").mkdir(parents=True)
    for name, content in [
        ("site.0123456789ab.css", b"body{}"),
        ("site.0123456789ab.css.gz", b"gzip bytes"),
        ("site.0123456789ab.css.br", b"brotli bytes"),
        ("site.css", b"body{}"),
    ]:
        (static / "css" / name).write_bytes(content)
    node = nodes("a")
    nginx = start_nginx([node], static_root=static)

    for encoding, expected in [("br, gzip", b"brotli bytes"), ("gzip", b"gzip bytes")]:
        status, headers, body = fetch(
            nginx, nginx.url + "/static/css/site.0123456789ab.css",
            headers={"Accept-Encoding": encoding},
        )  # fmt: skip
        assert (status, body) == (200, expected)
        assert headers["Cache-Control"] == "public, max-age=31536000, immutable"
        assert headers["Content-Type"] == "text/css"
    # The unhashed copy may change with the next deploy.
    status, headers, _ = fetch(nginx, nginx.url + "/static/css/site.css")
    assert (status, headers["Cache-Control"]) == (200, "public, max-age=3600")
    assert node.received == []


def test_media_is_served_from_disk_but_documents_only_through_wagtail(start_nginx, nodes, tmp_path):
    media = tmp_path / "media"
    (media / "images").mkdir(parents=True)
    (media / "documents").mkdir()
    (media / "images" / "kitchen.fill-400x300.webp").write_bytes(b"webp")
    (media / "documents" / "price-list.pdf").write_bytes(b"%PDF")
    nginx = start_nginx([nodes("a")], media_root=media)

    status, headers, body = fetch(nginx, nginx.url + "/media/images/kitchen.fill-400x300.webp")
    assert (status, body) == (200, b"webp")
    assert headers["Cache-Control"] == "public, max-age=2592000"

    assert fetch(nginx, nginx.url + "/media/documents/price-list.pdf")[0] == 404


def test_media_from_a_bucket_goes_without_the_visitors_credentials(start_nginx, nodes):
    bucket = nodes("bucket")
    nginx = start_nginx([nodes("a")], media_proxy=f"http://127.0.0.1:{bucket.port}/media/")
    photo = "/media/images/kitchen.fill-400x300.webp"

    status, headers, body = fetch(
        nginx, nginx.url + photo, headers={"Cookie": "sessionid=s3cret", "Authorization": "x"}
    )

    assert status == 200
    seen = json.loads(body)
    assert (seen["node"], seen["path"]) == ("bucket", "/media/images/kitchen.fill-400x300.webp")
    assert "Cookie" not in seen["headers"] and "Authorization" not in seen["headers"]
    # The bucket's own Cache-Control is replaced by the site's.
    assert headers.get_all("Cache-Control") == ["public, max-age=2592000"]
    # Only reads go to the bucket; documents never do.
    assert fetch(nginx, nginx.url + photo, method="PUT", body=b"x")[0] == 403
    assert fetch(nginx, nginx.url + "/media/documents/price-list.pdf")[0] == 404
    assert [seen["method"] for seen in bucket.received] == ["GET"]


def test_the_body_limit_takes_a_full_estimate_form_and_refuses_more(start_nginx, nodes):
    limits = set(site_setting("client_max_body_size"))
    assert len(limits) == 1, "the front and the balancer take the same bodies"
    limit = int(limits.pop().removesuffix("m")) * 1024 * 1024
    form = MAX_PHOTOS * MAX_PHOTO_BYTES
    assert form < limit <= form + 4 * 1024 * 1024
    node = nodes("a")
    nginx = start_nginx([node])

    # Five photos of the largest size the form takes, and its text fields.
    status, _, body = fetch(nginx, nginx.url + "/contact/", "POST", body=b"x" * (form + 65536))
    assert status == 200
    assert json.loads(body)["body_length"] == form + 65536

    # nginx answers from the declared length, before reading the body.
    connection = http.client.HTTPSConnection(
        "127.0.0.1", int(nginx.url.rsplit(":", 1)[1]), timeout=30,
        context=ssl.create_default_context(cafile=nginx.certificate),
    )  # fmt: skip
    connection.putrequest("POST", "/contact/")
    connection.putheader("Content-Length", str(limit + 1))
    connection.endheaders()
    assert connection.getresponse().status == 413
    connection.close()
    assert len(node.received) == 1


def test_a_page_cut_off_half_way_is_fetched_again_but_a_post_is_not(tmp_path):
    """Varnish has the whole page before it answers, so an app server dying mid-page costs a
    second try, not a visitor's broken page (drill 2 once saw one)."""
    require(shutil.which("varnishd"), "needs Debian's varnish (apt-get install varnish)")
    node = Node("cut", handler=CutOnce)
    (tmp_path / "varnish").mkdir()
    try:
        varnish = servers.varnish(node.port, tmp_path / "varnish", memory="16m")
    except servers.ServerError as error:
        node.stop()
        pytest.fail(str(error))
    try:
        got = fetch(varnish, varnish.url + "/gallery/")
        posted = fetch(varnish, varnish.url + "/contact/", "POST", body=b"name=Ann")
    finally:
        varnish.stop()
        node.stop()

    assert got[0] == 200 and json.loads(got[2])["path"] == "/gallery/"
    # A whole error page, not a cut-off 200, and the visitor is told to send it again.
    assert posted[0] == 503 and posted[1]["Retry-After"] == "30"
    assert b"We could not confirm that what you sent was saved." in posted[2]
    assert [(seen["method"], seen["path"]) for seen in node.received] == [
        ("GET", "/gallery/"),
        ("GET", "/gallery/"),
        ("POST", "/contact/"),
    ]


def test_a_node_that_is_down_is_skipped(start_nginx, nodes):
    live = nodes("live")
    down = nodes("down")
    down.stop()  # its port now refuses connections
    nginx = start_nginx([down, live])

    for _ in range(4):
        assert fetch(nginx, nginx.url + "/gallery/")[0] == 200
        # A POST its node refused was never sent, so nginx may send it to the other node.
        assert fetch(nginx, nginx.url + "/contact/", "POST", body=b"name=Ann")[0] == 200

    assert [seen["method"] for seen in live.received] == ["GET", "POST"] * 4


def test_a_failing_node_is_skipped_but_a_post_is_never_sent_twice(start_nginx, nodes):
    healthy, failing = nodes("healthy"), nodes("failing", status=503)

    nginx = start_nginx([failing, healthy])
    assert [fetch(nginx, nginx.url + f"/?n={n}")[0] for n in range(4)] == [200] * 4
    assert failing.received, "round robin sent the failing node a GET, which was retried"

    nginx = start_nginx([failing, healthy])  # a new nginx: the failing node is back in turn
    failing.received.clear()
    healthy.received.clear()
    answers = {
        n: fetch(nginx, nginx.url + f"/contact/?n={n}", "POST", body=b"name=Ann")[0]
        for n in range(4)
    }
    reached = [seen["path"] for seen in healthy.received + failing.received]
    assert sorted(reached) == [f"/contact/?n={n}" for n in range(4)]
    assert {seen["path"] for seen in failing.received} == {
        f"/contact/?n={n}" for n, status in answers.items() if status == 503
    }
    assert failing.received, "round robin sent the failing node a POST"


def test_the_pieces_point_at_each_other():
    vcl = servers.VCL.read_text()
    drop_in = VARNISH_DROP_IN.read_text()
    env = env_example()

    # nginx -> Varnish -> nginx's balancer -> gunicorn
    assert site_setting("proxy_pass")[0] == "http://127.0.0.1:6081"
    assert "-a 127.0.0.1:6081 " in drop_in
    assert re.search(r'\.port = "(\d+)";', vcl)[1] == "8081"
    assert "127.0.0.1:8081" in site_setting("listen")
    assert f"server {env['GUNICORN_BIND']} " in SITE.read_text()
    # The app purges Varnish on its purge listener, apart from Varnish's admin port.
    assert f"-a purge={env['FRONTEND_CACHE_URL'].removeprefix('http://')} " in drop_in
    assert "-T localhost:6083 " in drop_in
    assert f"-f /srv/lm-granite/{servers.VCL.relative_to(servers.BASE_DIR)} " in drop_in
    # nginx serves the folders the app writes to.
    assert f"alias {env['STATIC_ROOT']}/;" in SITE.read_text()
    assert f"alias {env['MEDIA_ROOT']}/;" in SITE.read_text()


def seconds(value):
    return int(value.removesuffix("s"))


def test_the_timeout_nearest_a_hung_node_acts_first():
    """gunicorn ends a stuck request, then the balancer leaves a hung node and tries the other
    within Varnish's wait, which is within the front's: each fault is answered by the layer
    that can still do something about it, not by a 504 from the front."""
    gunicorn = runpy.run_path(str(servers.BASE_DIR / "config" / "gunicorn.py"))
    front_read, balancer_read = map(seconds, site_setting("proxy_read_timeout"))
    (tries,) = map(int, site_setting("proxy_next_upstream_tries"))
    (retry_within,) = map(seconds, site_setting("proxy_next_upstream_timeout"))
    first_byte = seconds(re.search(r"\.first_byte_timeout = (\d+s);", servers.VCL.read_text())[1])

    assert gunicorn["timeout"] < balancer_read < retry_within
    assert tries * balancer_read < first_byte < front_read
    assert env_example()["GUNICORN_TIMEOUT"] == str(gunicorn["timeout"])


def read_unit(path):
    unit = configparser.ConfigParser(strict=False, interpolation=None)
    unit.optionxform = str
    unit.read(path)
    return unit


def test_the_systemd_units_pass_systemd_analyze(tmp_path):
    require(shutil.which("systemd-analyze"), "needs systemd-analyze (apt-get install systemd)")
    # The programs named must exist: this project's virtualenv stands in for /srv/lm-granite's.
    units = tmp_path / "systemd"
    shutil.copytree(UNITS, units)
    for unit in units.glob("lm-granite-*.service"):
        unit.write_text(
            unit.read_text().replace("/srv/lm-granite/.venv/bin/", f"{sys.prefix}/bin/")
        )
    names = sorted(str(path) for path in units.glob("lm-granite-*.*") if path.is_file())

    verify = subprocess.run(
        ["systemd-analyze", "verify", *names], capture_output=True, text=True, timeout=60
    )

    # Warnings too (an unknown key, a missing program) fail the test.
    assert (verify.returncode, verify.stdout + verify.stderr) == (0, "")


def test_the_units_run_the_project_as_its_own_user():
    common = read_unit(UNITS / "lm-granite-.service.d" / "common.conf")["Service"]
    assert common["User"] == "lmgranite"
    assert common["WorkingDirectory"] == "/srv/lm-granite"
    assert common["EnvironmentFile"] == "/etc/lm-granite/env"
    assert common["Environment"] == "DJANGO_SETTINGS_MODULE=config.settings.production"
    assert common["ProtectSystem"] == "strict"
    env = env_example()

    web = read_unit(UNITS / "lm-granite-web.service")["Service"]
    assert (
        web["ExecStart"] == "/srv/lm-granite/.venv/bin/gunicorn -c config/gunicorn.py config.wsgi"
    )
    assert (servers.BASE_DIR / "config" / "wsgi.py").exists()
    written = {path.lstrip("-") for path in web["ReadWritePaths"].split()}
    assert {env["MEDIA_ROOT"], env["PRIVATE_MEDIA_ROOT"]} <= written
    renditions = read_unit(UNITS / "lm-granite-renditions.service")["Service"]
    assert env["MEDIA_ROOT"] in renditions["ReadWritePaths"]

    commands = get_commands()
    for name in ("web", "mail", "renditions"):
        assert read_unit(UNITS / f"lm-granite-{name}.service")["Service"]["Restart"] == "always"
    for name in ("mail", "renditions", "publish"):
        service = read_unit(UNITS / f"lm-granite-{name}.service")["Service"]
        command = service["ExecStart"].split()
        assert command[:2] == ["/srv/lm-granite/.venv/bin/python", "manage.py"]
        assert command[2] in commands, command
        if "--backend" in command:
            backend = command[command.index("--backend") + 1]
            assert command[2] == "db_worker"
            assert backend in settings.TASKS

    timer = read_unit(UNITS / "lm-granite-publish.timer")["Timer"]
    assert timer["OnCalendar"] == "*:0/5"
    assert timer["Persistent"] == "true"


def test_the_web_unit_has_its_gunicorn_configuration():
    require(
        (servers.BASE_DIR / "config" / "gunicorn.py").exists(),
        "config/gunicorn.py, which lm-granite-web.service runs, is not written yet",
    )


def test_manage_sh_runs_manage_py_with_the_environment_file(tmp_path):
    env = tmp_path / "env"
    env.write_text("DJANGO_SETTINGS_MODULE=config.settings.test\nSECRET_KEY=from-the-file\n")
    run = subprocess.run(
        [str(DEPLOY / "manage.sh"), "shell", "-c", "from django.conf import settings; "
         "print(settings.SECRET_KEY)"],
        capture_output=True, text=True, timeout=120,
        env={**os.environ, "LM_GRANITE_ENV": str(env),
             "LM_GRANITE_USER": subprocess.check_output(["id", "-un"], text=True).strip()},
    )  # fmt: skip
    assert (run.returncode, run.stdout.splitlines()[-1]) == (0, "from-the-file"), run.stderr


def test_env_example_values_mean_the_same_to_systemd_and_the_shell():
    shared = re.compile(r"[A-Za-z0-9_.,:/@?=+%-]*")
    differ = {name: value for name, value in env_example().items() if not shared.fullmatch(value)}
    assert differ == {}


def names_read_by_settings():
    sources = [*(servers.BASE_DIR / "config" / "settings").glob("*.py")]
    sources.append(servers.BASE_DIR / "config" / "gunicorn.py")
    names = set()
    for source in sources:
        text = source.read_text()
        names |= set(
            re.findall(
                r'(?:os\.environ\.get|os\.getenv|env_\w+|env\.get)\(\s*"([A-Z][A-Z0-9_]*)"', text
            )
        )
        names |= set(re.findall(r'(?:os\.environ|env)\["([A-Z][A-Z0-9_]*)"\]', text))
        if "dj_database_url.config(" in text:
            names.add("DATABASE_URL")
    return names


def test_env_example_lists_what_the_settings_read():
    listed = env_example()
    read = names_read_by_settings()

    assert {"SECRET_KEY", "DATABASE_URL", "REDIS_URL", "SECURE_HSTS_SECONDS"} <= read
    assert read - set(listed) == set()
    assert set(listed) - read <= READ_ELSEWHERE
    lines = ENV_EXAMPLE.read_text().splitlines()
    for number, line in enumerate(lines):
        if re.match(r"#?[A-Z][A-Z0-9_]*=", line):
            assert lines[number - 1].startswith("# "), f"no comment above {line}"
    assert len(re.findall(r"^#?[A-Z]", ENV_EXAMPLE.read_text(), re.M)) == len(listed)


def test_make_stacks_workers_are_started_again_when_they_die(tmp_path):
    """tools/supervise.py does for `make stack` what Restart=always does on a server."""
    runs = tmp_path / "runs"
    command = [sys.executable, "-m", "tools.supervise", "--pause", "0.1", "--",
               sys.executable, "-c", f"open({str(runs)!r}, 'a').write('run\\n')"]  # fmt: skip
    supervisor = subprocess.Popen(command, cwd=servers.BASE_DIR, stdout=subprocess.DEVNULL)

    def runs_so_far():
        return len(runs.read_text().split()) if runs.exists() else 0

    try:
        deadline = time.monotonic() + 20
        while runs_so_far() < 3 and time.monotonic() < deadline:
            time.sleep(0.1)
    finally:
        supervisor.terminate()
        code = supervisor.wait(30)

    assert runs_so_far() >= 3  # it ended and was started again, twice at least
    assert code == 0  # and SIGTERM stops the supervisor itself


def test_servers_started_together_never_get_the_same_port():
    """The kernel may offer one free port twice before anything binds it; Varnish's two
    listeners once got the same one and refused to start."""
    ports = [servers.free_port() for _ in range(300)]
    assert len(set(ports)) == len(ports)
