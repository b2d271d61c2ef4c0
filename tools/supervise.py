"""Run a command, and start it again whenever it stops: what systemd's `Restart=always` does
for the workers on a server (deploy/systemd), for `make stack`'s workers.

    python -m tools.supervise [--pause SECONDS] -- COMMAND...

SIGTERM or SIGINT stops the command (it gets the signal and up to 30 s to finish its task)
and then the supervisor.
"""

import argparse
import signal
import subprocess
import sys
import time


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pause", type=float, default=2.0, help="seconds before a restart")
    parser.add_argument("command", nargs="+")
    args = parser.parse_args()
    child = None

    def stop(signum, frame):
        if child is not None and child.poll() is None:
            child.send_signal(signum)
            try:
                child.wait(30)
            except subprocess.TimeoutExpired:
                child.kill()
        sys.exit(0)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    while True:
        child = subprocess.Popen(args.command)
        code = child.wait()
        print(f"supervise: exited with {code}, starting again in {args.pause} s", flush=True)
        time.sleep(args.pause)


if __name__ == "__main__":
    main()
