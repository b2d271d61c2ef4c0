"""Real servers started on 127.0.0.1 for the benchmark and the tests: Varnish with the project's
VCL, gunicorn, a throwaway Redis. Each is a child process that `stop()` ends; nothing is
installed or fetched here (Debian's varnish and redis-server, gunicorn from requirements.txt).
"""

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

    # Set by `make stack`: its servers outlive the command that started them.
    detached = False

    def __init__(self, name, command, port, workdir, probe="/", env=None):
        self.name, self.port = name, port
        self.url = f"http://127.0.0.1:{port}"
        self.log = Path(workdir) / f"{name}.log"
        with self.log.open("wb") as log:
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
    vcl.write_text(VCL.read_text().replace('.port = "8000";', f'.port = "{backend_port}";'))
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


def worker(workdir, env, backend):
    """`manage.py db_worker` for one task backend, as deploy/ runs it."""
    command = [sys.executable, "manage.py", "db_worker", "--backend", backend, "--interval", "0.2"]
    return Server(f"{backend}-worker", command, None, workdir, env=env)
