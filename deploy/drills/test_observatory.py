"""Mozilla's HTTP Observatory on the stack's front door (`make stack`): grade A+.

The scanner (@mdn/mdn-http-observatory, put into tools/a11y by `make checkers`) asks for the
home page over http and https as a visitor's first visit does, follows the redirect, and
grades what comes back: Content-Security-Policy, cookies, CORS, the redirect to https,
Referrer-Policy, HSTS, Subresource Integrity, X-Content-Type-Options, framing and
Cross-Origin-Resource-Policy. It runs on node with the stack's self-signed certificate trusted
(NODE_EXTRA_CA_CERTS) and fetches nothing from the internet. A missing scanner skips the
drill, except in CI (conftest.py require()).
"""

import json
import os
import shutil
import subprocess
import urllib.parse

import pytest

from conftest import require
from tools import stack
from tools.browser import CHECKERS

# tools/a11y/observatory.mjs: the package's scan on the stack's ports (it takes a host only).
SCANNER = CHECKERS.parent / "observatory.mjs"
# Written by `make checkers` in place of the list the package's install script would download.
PRELOAD_LIST = CHECKERS / "@mdn" / "mdn-http-observatory" / "conf" / "hsts-preload.json"


@pytest.fixture(scope="session")
def observatory():
    """Checked before the stack starts: without the scanner there is no stack to wait for."""
    require(shutil.which("node"), "the HTTP Observatory needs Node.js (apt-get install nodejs)")
    require(PRELOAD_LIST.exists(), "needs the HTTP Observatory from npm: make checkers")
    return SCANNER


def test_the_observatory_grades_the_front_door_a_plus(observatory, running_stack):
    http_port = urllib.parse.urlsplit(running_stack["front_http"]).port
    scan = subprocess.run(
        ["node", str(observatory), "127.0.0.1", str(http_port), str(stack.FRONT_PORT)],
        env={**os.environ, "NODE_EXTRA_CA_CERTS": str(stack.CERTIFICATE)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert scan.returncode == 0, scan.stderr
    report = json.loads(scan.stdout)

    grade, score = report["grade"], report["score"]
    print(f"\nHTTP Observatory, {stack.FRONT_URL}/: grade {grade}, score {score}")
    width = max(len(test["name"]) for test in report["tests"])
    for test in report["tests"]:
        outcome = "pass" if test["pass"] else "FAIL"
        print(f"  {test['name']:<{width}}  {outcome}  {test['modifier']:+3d}  {test['result']}")

    failed = [test["result"] for test in report["tests"] if not test["pass"]]
    assert grade == "A+" and score >= 100, failed
