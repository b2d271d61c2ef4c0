"""`make stack` / `make stack-down`: the whole production stack on this machine.

    .venv/bin/python -m tools.stack up [--small-images]
    .venv/bin/python -m tools.stack down

As deploy/ and docs/deployment.md set it up on a server, all on 127.0.0.1: nginx with a
self-signed certificate on https://127.0.0.1:8443, Varnish behind it, nginx's balancer behind
Varnish, two gunicorn app nodes, PostgreSQL (DATABASE_URL, or a throwaway database on the
local cluster), Redis, an S3-compatible store for media (rclone serve s3), the mail and
photo-size workers, and a mail catcher that keeps every message sent in .stack/maildir.

The servers outlive the command: their process ids, ports and the database are kept in
.stack/stack.json, written as each one starts, which `down` reads to stop them all (only
processes that are still the ones started) and drop a throwaway database. The
environment the app nodes run with is in .stack/env, for `manage.py` commands against the
stack (`set -a; . .stack/env; set +a`).
"""

import argparse
import base64
import hashlib
import json
import os
import secrets
import shlex
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from tools import servers
from tools.servers import BASE_DIR, Server, ServerError

STACK_DIR = BASE_DIR / ".stack"
STATE = STACK_DIR / "stack.json"
FRONT_PORT = 8443
FRONT_URL = f"https://127.0.0.1:{FRONT_PORT}"
# Self-signed, for 127.0.0.1: `curl --cacert .stack/nginx/cert.pem`, or NODE_EXTRA_CA_CERTS.
CERTIFICATE = STACK_DIR / "nginx" / "cert.pem"
MANAGE = [sys.executable, str(BASE_DIR / "manage.py")]
ADMIN_USER = "admin"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["up", "down"])
    parser.add_argument(
        "--small-images", action="store_true", help="load the demo with 320 px photos (faster)"
    )
    args = parser.parse_args()
    if args.command == "up":
        try:
            stack = up(small_images=args.small_images)
        except ServerError as error:
            sys.exit(f"make stack: {error}")
        print(summary(stack))
    else:
        print(down())


def up(small_images=False):
    """Start every part, in the order each needs the ones before; on any failure stop what
    was started. Returns the state written to .stack/stack.json."""
    if STATE.exists():
        raise ServerError("the stack is up, or was left half up (make stack-down stops it)")
    for program in ["nginx", "varnishd", "redis-server", "openssl"]:
        if not shutil.which(program):
            raise ServerError(
                f"needs {program}: apt-get install nginx varnish redis-server openssl"
            )
    if STACK_DIR.exists():
        shutil.rmtree(STACK_DIR)
    (STACK_DIR / "nginx").mkdir(parents=True)
    Server.detached = True
    state = {"servers": {}, "database": None}
    started = []

    def keep(server):
        """Note a started server at once, so that `down` finds it even if `up` is killed."""
        started.append(server)
        pid = server.process.pid
        state["servers"][server.name] = {"pid": pid, "started": started_at(pid), "url": server.url}
        write_private(STATE, json.dumps(state, indent=2))
        return server

    try:
        database_url, state["database"] = database()
        write_private(STATE, json.dumps(state, indent=2))
        redis = keep(servers.redis(STACK_DIR))
        store = keep(servers.s3(STACK_DIR))
        keep(store.public)  # the public bucket's read-only endpoint (tools/servers.py s3())
        mail = keep(mail_catcher())
        env = environment(database_url, redis.url, store.env, mail.port)
        prepare(env, small_images)
        # Visitors: nginx (TLS) -> Varnish -> nginx's balancer -> either app node.
        varnish_port, purge_port, balancer_port = (servers.free_port() for _ in range(3))
        env["FRONTEND_CACHE_URL"] = f"http://127.0.0.1:{purge_port}"
        nodes = [keep(servers.gunicorn(STACK_DIR, env, name=name)) for name in ("app-a", "app-b")]
        front = keep(
            servers.nginx(
                STACK_DIR / "nginx",
                [node.port for node in nodes],
                varnish_port,
                https_port=FRONT_PORT,
                balancer_port=balancer_port,
                static_root=env["STATIC_ROOT"],
                # As with a public-read bucket: visitors get photos from the site's /media/.
                media_proxy=f"{store.public_url}/{store.bucket}/",
            )
        )
        keep(servers.varnish(balancer_port, STACK_DIR, port=varnish_port, purge_port=purge_port))
        # Started again whenever they stop, as systemd's Restart=always does on a server.
        keep(servers.worker(STACK_DIR, env, "mail", supervised=True))
        keep(servers.worker(STACK_DIR, env, "renditions", supervised=True))
    except BaseException:
        for server in reversed(started):
            stop_group(server.process.pid)
        drop_database(state["database"])
        STATE.unlink(missing_ok=True)
        raise
    write_env_file(env)
    state.update(
        front=FRONT_URL,
        front_http=front.http_url,  # redirects to FRONT_URL, as port 80 does to https
        nodes=[node.url for node in nodes],
        purge=env["FRONTEND_CACHE_URL"],
        store=store.url,
        maildir=str(STACK_DIR / "maildir"),
        login=state_login(env),
    )
    write_private(STATE, json.dumps(state, indent=2))
    return state


def down():
    """Stop every server `up` started, then drop its throwaway database."""
    if not STATE.exists():
        return "The stack is not up."
    state = json.loads(STATE.read_text())
    for server in reversed(state["servers"].values()):
        if started_at(server["pid"]) == server["started"]:
            stop_group(server["pid"])
    drop_database(state["database"])
    STATE.unlink()
    return f"Stopped {len(state['servers'])} servers."


def started_at(pid):
    """When a process started (clock ticks since boot), or None when there is none: a process
    id noted earlier is the same process only while this is unchanged."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return int(stat.rpartition(")")[2].split()[19])


def stop_group(pid, seconds=10):
    """End a server and the processes it started (gunicorn's workers, Varnish's child)."""
    try:
        os.killpg(pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            os.killpg(pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.1)
    os.killpg(pid, signal.SIGKILL)


def database():
    """DATABASE_URL when set; otherwise a new database on the local PostgreSQL cluster, with
    its own role and password, that `down` drops. Returns the URL and the name to drop."""
    if os.environ.get("DATABASE_URL"):
        return os.environ["DATABASE_URL"], None
    if not shutil.which("psql"):
        raise ServerError("needs DATABASE_URL or a local PostgreSQL (apt-get install postgresql)")
    # One database per checkout, so that a clone's CI run and a stack up elsewhere differ.
    name = "lm_stack_" + hashlib.sha256(str(BASE_DIR).encode()).hexdigest()[:8]
    password = secrets.token_hex(12)
    postgres_admin(
        f"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{name}') "
        f"THEN CREATE ROLE {name} LOGIN; END IF; END $$;",
        f"ALTER ROLE {name} PASSWORD '{password}';",
        f"DROP DATABASE IF EXISTS {name};",
        f"CREATE DATABASE {name} OWNER {name};",
    )
    return f"postgres://{name}:{password}@127.0.0.1:5432/{name}", name


def drop_database(name):
    if name:
        postgres_admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE);")


def postgres_admin(*statements):
    """Run statements as the cluster's superuser: over 127.0.0.1 where that is trusted, or as
    the postgres system user when run as root."""
    script = "\n".join(statements)
    attempts = [["psql", "-h", "127.0.0.1", "-U", "postgres", "-v", "ON_ERROR_STOP=1", "-q"]]
    if os.geteuid() == 0:
        attempts.append(["su", "postgres", "-c", "psql -v ON_ERROR_STOP=1 -q"])
    for command in attempts:
        result = subprocess.run(
            command,
            input=script,
            text=True,
            capture_output=True,
            env={**os.environ, "PGPASSWORD": ""},
        )
        if result.returncode == 0:
            return
    raise ServerError(f"could not create the stack's database:\n{result.stderr[-1000:]}")


def mail_catcher():
    """An SMTP server that keeps each message in .stack/maildir (aiosmtpd, requirements-dev)."""
    port = servers.free_port()
    command = [sys.executable, "-m", "aiosmtpd", "-n", "-l", f"127.0.0.1:{port}",
               "-c", "aiosmtpd.handlers.Mailbox", str(STACK_DIR / "maildir")]  # fmt: skip
    catcher = Server("mail-catcher", command, port, STACK_DIR, probe=None)
    catcher.url = f"smtp://127.0.0.1:{port}"
    return catcher


def environment(database_url, redis_url, store_env, smtp_port):
    """What /etc/lm-granite/env holds on a server (deploy/env.example), for this machine."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(40),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "CSRF_TRUSTED_ORIGINS": FRONT_URL,
        "WAGTAILADMIN_BASE_URL": FRONT_URL,
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "TRUSTED_PROXY_HEADER": "HTTP_X_REAL_IP",
        "STATIC_ROOT": str(STACK_DIR / "static"),
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(smtp_port),
        "DEFAULT_FROM_EMAIL": "website@lm-granite.test",
        # HSTS is production's year (SECURE_HSTS_SECONDS unset), which the Observatory drill
        # checks. No browser keeps it from here: HSTS is never noted for an IP address (RFC
        # 6797, 8.1), nor over a certificate the browser does not trust.
        **store_env,
        "MEDIA_URL": "/media/",  # nginx fetches them from the public bucket
    }


def prepare(env, small_images):
    """Migrate, collect static files, load the demo, point the Wagtail site at the front
    address and make the admin account."""
    steps = [
        ["migrate", "--noinput", "-v0"],
        ["collectstatic", "--noinput", "-v0"],
        ["load_demo_content", "--if-empty", "-v0"] + (["--small-images"] if small_images else []),
        ["shell", "-c", SITE_ADDRESS.format(port=FRONT_PORT)],
    ]
    for step in steps:
        run_manage(env, step)
    env["STACK_ADMIN_PASSWORD"] = secrets.token_urlsafe(12)
    # The superuser's second factor: the key a phone app would hold (staff/second_factor.py).
    env["STACK_ADMIN_TOTP_KEY"] = secrets.token_hex(20)
    run_manage(
        {**env, "STACK_ADMIN_USER": ADMIN_USER},
        ["shell", "-c", ADMIN_ACCOUNT],
    )


SITE_ADDRESS = (
    "from wagtail.models import Site; "
    "Site.objects.filter(is_default_site=True).update(hostname='127.0.0.1', port={port})"
)
# A new superuser, or the existing one (DATABASE_URL may hold a site) with a new password.
ADMIN_ACCOUNT = """
import os
from django.contrib.auth import get_user_model
user, _ = get_user_model().objects.get_or_create(
    username=os.environ["STACK_ADMIN_USER"], defaults={"email": "admin@lm.test"}
)
user.is_staff = user.is_superuser = user.is_active = True
user.set_password(os.environ["STACK_ADMIN_PASSWORD"])
user.save()
from django_otp.plugins.otp_totp.models import TOTPDevice
TOTPDevice.objects.filter(user=user).delete()
TOTPDevice.objects.create(
    user=user, name="Phone app", key=os.environ["STACK_ADMIN_TOTP_KEY"], confirmed=True
)
"""


def run_manage(env, arguments):
    result = subprocess.run(
        MANAGE + arguments, env=env, cwd=BASE_DIR, capture_output=True, text=True
    )
    if result.returncode:
        raise ServerError(f"manage.py {arguments[0]} failed:\n{result.stderr[-2000:]}")


def write_env_file(env):
    keys = sorted(key for key in env if key not in os.environ or os.environ[key] != env[key])
    lines = [f"{key}={shlex.quote(env[key])}" for key in keys]
    write_private(STACK_DIR / "env", "\n".join(lines) + "\n")


def write_private(path, text):
    """Secrets (the admin password, SECRET_KEY, the store's keys): readable by this user only,
    from the moment the file exists."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w") as file:
        file.write(text)


def read_env():
    """The environment the app nodes run with, from .stack/env."""
    env = {}
    for line in (STACK_DIR / "env").read_text().splitlines():
        key, _, value = line.partition("=")
        env[key] = shlex.split(value)[0] if value else ""
    return env


def state_login(env):
    return {
        "url": FRONT_URL + "/admin/",
        "user": ADMIN_USER,
        "password": env["STACK_ADMIN_PASSWORD"],
        "totp_key": env["STACK_ADMIN_TOTP_KEY"],
    }


def phone_key(hex_key):
    """The TOTP key as an authenticator app asks for it: base32 in groups of four."""
    key = base64.b32encode(bytes.fromhex(hex_key)).decode()
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def summary(state):
    rows = [("site", f"{state['front']}/  (certificate: {CERTIFICATE})")]
    for name, server in state["servers"].items():
        where = server["url"] or "takes its tasks from the database"
        rows.append((name, f"{where}  pid {server['pid']}"))
    rows += [
        ("purge", state["purge"]),
        ("mail", f"every message sent is kept in {state['maildir']}"),
    ]
    width = max(len(name) for name, _ in rows)
    login = state["login"]
    return "\n".join(
        ["The stack is up.", ""]
        + [f"  {name:<{width}}  {text}" for name, text in rows]
        + [
            "",
            f"Log in at {login['url']} as {login['user']}, password {login['password']}",
            f"  second factor: add the key {phone_key(login['totp_key'])} to a phone app",
            "Environment for manage.py: set -a; . .stack/env; set +a",
            "Stop: make stack-down",
        ]
    )


if __name__ == "__main__":
    main()
